"""Cross-year pages (法律法规, 宣传节点, 计划落实): finding the catalogue's
names in the report text (the pages are tested in tests/site/test_knowledge_pages.py)."""

from __future__ import annotations

from reports.knowledge import cross_year


def owner_pattern(*pairs):
    entries = [type("E", (), {"id": i, "names": names})() for i, names in pairs]
    return cross_year.name_pattern(entries)


def test_mentions_take_the_longest_name_and_skip_run_on_words():
    pattern, owner = owner_pattern(("law", ["行政复议法"]), ("regs", ["行政复议法实施条例"]),
                                   ("air", ["人民防空法", "人防法"]), ("const", ["宪法"]))
    assert cross_year.mentions_in("学习《行政复议法实施条例》", pattern, owner) == ["regs"]
    assert cross_year.mentions_in("宣传人防法律法规", pattern, owner) == []
    assert cross_year.mentions_in("宣传人防法和人民防空法", pattern, owner) == ["air"]
    assert cross_year.mentions_in("学习宪法", pattern, owner) == []  # two characters, bare
    assert cross_year.mentions_in("学习《宪法》", pattern, owner) == ["const"]
