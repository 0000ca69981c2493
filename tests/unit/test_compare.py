"""与上年对比: the differences between a year and the previous one, computed
in memory (the generated pages are tested in tests/site/test_compare.py)."""

from __future__ import annotations

import pytest

from reports.knowledge import compare
from reports.knowledge import cross_year
from reports.model import archive as archive_module
from support.repository import FIXTURE_ARCHIVE


def test_character_diff_marks_deleted_and_inserted_text():
    assert compare.char_segments("组织1名执法人员", "组织12名执法人员") == [
        ("same", "组织1"), ("ins", "2"), ("same", "名执法人员")]


def test_set_change_keeps_order_and_ignores_repeats():
    change = compare.set_change(["a", "b", "b"], ["b", "c", "c"])
    assert (change.new, change.dropped, change.kept) == (["c"], ["a"], ["b"])


# --- Documents and campaigns: the data and the text --------------------------
# In the fixture archive 2092 studies 《示例条例》 and holds 示例法治宣传月 (its
# data records both); 2093's data records neither, but its text mentions both.

@pytest.fixture(scope="module")
def years():
    loaded, _ = archive_module.load(FIXTURE_ARCHIVE)
    return {year.year: year for year in loaded.years}, loaded.catalog


def test_a_document_studied_then_only_mentioned_continues(years):
    by_year, catalog = years
    before, after = by_year[2092], by_year[2093]
    # The data alone would call it gone: the case this guards against.
    assert "sample-rules" not in [s.document for s in after.meta.studies]
    change = compare.documents(before, after, catalog)
    assert (change.new, change.dropped, change.kept) == ([], [], ["sample-law", "sample-rules"])
    assert change.ways == {"sample-law": (cross_year.RECORDED, cross_year.RECORDED),
                           "sample-rules": (cross_year.RECORDED, cross_year.MENTION)}


def test_a_campaign_held_then_only_mentioned_continues(years):
    by_year, catalog = years
    change = compare.campaigns(by_year[2092], by_year[2093], catalog)
    assert (change.new, change.dropped, change.kept) == ([], [], ["sample-day", "sample-month"])
    assert change.ways["sample-month"] == (cross_year.RECORDED, cross_year.MENTION)


def test_new_and_dropped_only_when_every_mention_appears_or_vanishes(years):
    by_year, catalog = years
    change = compare.documents(by_year[2091], by_year[2092], catalog)
    assert (change.new, change.dropped, change.ways["sample-rules"]) == (
        ["sample-rules"], [], (None, cross_year.RECORDED))
    # The same two years the other way round: 2091 neither records nor names it.
    change = compare.campaigns(by_year[2092], by_year[2091], catalog)
    assert (change.new, change.dropped, change.kept) == ([], ["sample-month"], ["sample-day"])
    assert change.ways["sample-month"] == (cross_year.RECORDED, None)
