"""The registry of the report's parts is the only place a part is defined."""

from __future__ import annotations

import dataclasses
import re

import pytest

from conftest import ROOT, copy_project
from reports.checks import consistency
from reports.commands import importer, new_year
from reports.model import archive, markers, parts, report_text

FIFTH = parts.PartKind("others", "五、{year}年度其他需要报告的事项", "其他事项",
                       keywords=("其他",), keywords_hint="其他", markers=("year:figures",))


@pytest.fixture
def five_parts(monkeypatch):
    monkeypatch.setattr(parts, "PARTS", parts.PARTS + (FIFTH,))


def test_parts_are_in_official_order_with_unique_slugs_and_numerals():
    assert parts.PART_SLUGS == ("measures", "shortcomings", "leadership", "plans")
    assert report_text.PARTS is parts.PARTS and report_text.PART_SLUGS == parts.PART_SLUGS
    for number, kind in enumerate(parts.PARTS, 1):
        assert kind.title.startswith(report_text.cn_numeral(number) + "、")
        assert kind.keywords and kind.keywords_hint and kind.short_title
        assert all(name in markers.NAMES for name in kind.markers)
    assert parts.by_slug("plans").heading(2024) == "四、2025年度推进法治政府建设的主要安排"
    with pytest.raises(KeyError):
        parts.by_slug("full")
    with pytest.raises(dataclasses.FrozenInstanceError):
        parts.PARTS[0].slug = "other"


def test_default_markers_are_those_of_the_2023_pages():
    for kind in parts.PARTS:
        text = (ROOT / "docs" / "2023" / f"{kind.slug}.md").read_text("utf-8")
        assert kind.markers == tuple(re.findall(r"^<!-- (year:[a-z-]+) -->$", text, re.M)), kind.slug


def test_a_fifth_part_in_the_registry_is_a_page_of_the_new_year(five_parts, tmp_path):
    files, problems = new_year.plan_new_year(copy_project(tmp_path / "p"), 2024)
    assert problems == []
    assert files["docs/2024/others.md"].startswith("# 五、2024年度其他需要报告的事项\n\n<!-- 在此处")
    # 2023 has no such page to take markers from.
    assert "<!-- year:" not in files["docs/2024/others.md"]
    files, problems = new_year.plan_new_year(copy_project(tmp_path / "q"), 2020)
    assert problems == [] and files["docs/2020/others.md"].endswith("\n\n<!-- year:figures -->\n")


def test_a_fifth_part_in_the_registry_is_recognised_by_import_and_the_check(five_parts, tmp_path):
    report = importer.parse_report(["标题", "一、主要举措", "二、其他事项", "三、另一个"])
    assert [(p.slug, p.reason) for p in report.parts] == [
        ("measures", ""), ("others", ""),
        (None, "标题中没有“举措/成效”“不足”“第一责任人”“安排/计划”“其他”等字样")]
    loaded, _ = archive.load(ROOT)
    missing = consistency.required_parts(loaded.year(2023))
    assert [(p.file, p.message) for p in missing] == [
        ("docs/2023/others.md", "2023 年的报告缺少第五部分“其他事项”")]
