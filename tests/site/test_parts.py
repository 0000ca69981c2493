"""A fifth part in the registry is enough for make new-year to write its page."""

from __future__ import annotations

import pytest

from reports.commands import new_year
from reports.model import parts, report_text
from support.project import copy_project

FIFTH = parts.PartKind("others", "其他事项", "{year}年度其他需要报告的事项",
                       keywords=("其他",), keywords_hint="其他", markers=("year:figures",))


@pytest.fixture
def five_parts(monkeypatch):
    monkeypatch.setattr(parts, "PARTS", parts.PARTS + (FIFTH,))
    monkeypatch.setattr(report_text, "PARTS", parts.PARTS)


def test_a_fifth_part_in_the_registry_is_a_page_of_the_new_year(five_parts, tmp_path):
    files, problems = new_year.plan_new_year(copy_project(tmp_path / "p"), 2024)
    assert problems == []
    assert files["docs/2024/others.md"].startswith("# 五、2024年度其他需要报告的事项\n\n<!-- 在此处")
    files, problems = new_year.plan_new_year(copy_project(tmp_path / "q"), 2020)
    assert problems == [] and files["docs/2020/others.md"].endswith("\n\n<!-- year:figures -->\n")
