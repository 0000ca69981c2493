"""The report parts' registry: what every layer knows about a part comes from it."""

from __future__ import annotations



from reports.commands import importer
from reports.model import markers
from reports.model import report_text
from reports.render import page_fragments


def test_each_part_has_its_numeral_and_its_heading_in_a_given_year():
    titles = [kind.title(2024) for kind in report_text.PARTS]
    assert titles == [
        "一、推进法治政府建设的主要举措和成效",
        "二、推进法治政府建设存在的不足和原因",
        "三、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的情况",
        "四、2025年度推进法治政府建设的主要安排",
    ]
    assert [kind.number for kind in report_text.PARTS] == [1, 2, 3, 4]
    assert report_text.part_kind("plans") is report_text.PARTS[3]


def test_default_markers_are_markers_the_renderer_fills():
    for kind in report_text.PARTS:
        assert kind.markers, kind.slug
        for name in kind.markers:
            assert name in markers.NAMES and name in page_fragments.MARKERS, (kind.slug, name)


def test_the_importer_recognises_each_heading_it_would_write():
    assert [importer.classify(kind.title(2024)) for kind in report_text.PARTS] == list(report_text.PART_SLUGS)


def test_no_keyword_of_a_part_is_claimed_by_an_earlier_part():
    """The first part whose keyword matches wins: a keyword that an earlier
    part's keywords contain could never pick its own part."""
    for index, kind in enumerate(report_text.PARTS):
        for word in kind.keywords:
            earlier = [k.slug for k in report_text.PARTS[:index] if any(w in word for w in k.keywords)]
            assert not earlier, (kind.slug, word, earlier)


