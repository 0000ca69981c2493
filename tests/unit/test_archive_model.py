"""The archive model in memory: the years' status labels, the year before a year."""

from __future__ import annotations

import datetime

from reports.model import archive
from reports.model import report_text
from reports.model import year_data
from reports.render import navigation
from reports.render import templating


def year(number, status):
    meta = year_data.YearData(year=number, title=f"{number}年度报告", status=status,
                              published_on=datetime.date(number + 1, 3, 1) if status == "published" else None)
    index = archive.Page(f"{number}/index.md", f"docs/{number}/index.md", "index", "", "", 1, [])
    return archive.Year(meta, f"data/years/{number}.yml", None, {"index": index})


def test_status_labels_come_from_the_schema_wherever_they_are_shown(monkeypatch):
    monkeypatch.setitem(year_data.STATUSES, "draft", "征求意见稿")
    monkeypatch.setitem(year_data.STATUSES, "published", "已公开")
    draft, published = year(2024, "draft"), year(2023, "published")
    assert (draft.status_label, published.status_label) == ("征求意见稿", "已公开")
    assert list(navigation.year_section(draft)) == ["2024年度（征求意见稿）"]
    html = templating.render("archive.html", years=[draft, published], parts=report_text.PARTS,
                             link=lambda src: src, data=None)
    assert "征求意见稿</span>" in html and "已公开</span>" in html and "草稿" not in html
    html = templating.render("finder.html", items=[], years=[{"year": 2024, "draft": True}], parts=[],
                             document_groups=[], campaigns=[], kind_labels={"paragraph": "无编号段落"},
                             total=0, data_url="data/{year}.json", per_page=50)
    assert "2024年度（征求意见稿）" in html


def test_the_year_before_is_the_latest_earlier_one_in_the_archive():
    years = archive.Archive([year(2024, "draft"), year(2021, "published"), year(2020, "published")])
    assert years.before(2024).year == 2021  # 2022 and 2023 are not in the archive
    assert years.before(2021).year == 2020
    assert years.before(2020) is None
