"""Cross-year pages (法律法规, 宣传节点, 计划落实) generated from the data."""

from __future__ import annotations

import re

import pytest

from support.project import fixture_project, mkdocs_build


@pytest.fixture(scope="module")
def built(fictional_project):
    """The fictional archive, built once per session (tests/conftest.py)."""
    return fictional_project


def article(project, path):
    html = (project / "site" / path).read_text("utf-8")
    return html[html.index("<article"):html.index("</article>")]


def test_documents_page_lists_each_use_with_a_link_to_the_paragraph(built):
    html = article(built, "laws/index.html")
    entry = re.search(r'<section class="catalog-entry" id="doc-sample-law".*?</section>', html, re.S).group(0)
    assert "出现于 2091、2092、2093 年度报告" in entry
    links = re.findall(r'<li><a href="([^"]+)">(\d{4})年度 ([^<]+)</a>(（草稿）)?：([^<]+)</li>', entry)
    assert links == [
        ("../2091/measures/#s1-1-1", "2091", "一（一）1", "", "学习（组织学习）"),
        ("../2092/measures/#s1-1-1", "2092", "一（一）1", "", "学习（组织学习）"),
        ("../2093/measures/#s1-1-1", "2093", "一（一）1", "（草稿）", "学习（组织学习）"),
    ]
    assert '<h2 id="kind-law">法律' in html


def test_campaign_calendar_groups_by_month_with_each_years_activity(built):
    html = article(built, "calendar/index.html")
    assert '<h2 id="month-1">一月' in html
    entry = re.search(r'id="campaign-sample-day".*?</section>', html, re.S).group(0)
    assert entry.count("<li>") == 3
    assert "（原文：“示例宣传日”）" in entry
    assert 'href="../2092/measures/#s1-1-2"' in entry


def test_followups_page_shows_each_plan_with_next_years_outcome(built):
    html = article(built, "followups/index.html")
    sections = dict(re.findall(r'<h2 id="plans-(\d{4})">.*?</h2>(.*?)(?=<h2 id="plans-|$)', html, re.S))
    assert set(sections) == {"2091", "2092", "2093"}
    assert "已落实 1 项，部分落实 1 项，未落实 0 项，待填写 0 项" in sections["2091"]
    assert re.search(r'<span class="followup followup--done">已落实</span></td>\s*<td>“组织2名执法人员学习” '
                     r'<a href="../2092/measures/#s1-1-1">2092年度 一（一）1</a>', sections["2091"])
    assert "待填写 2 项" in sections["2092"]
    assert sections["2093"].count("followup--future\">待下一年度报告") == 2


def test_pages_change_when_the_data_changes(tmp_path):
    project = fixture_project(tmp_path / "p")
    data = project / "data/years/2093.yml"
    text = data.read_text("utf-8").replace(
        "  - plan: keep-promoting\n    status: pending",
        "  - plan: keep-promoting\n    status: not_done\n    evidence: 在示例宣传日开展宣传活动\n    at: s1-1-2")
    data.write_text(text.replace("    quote: 示例宣传日\n", "    quote: 示例宣传日\n    form: 广场宣传\n"), "utf-8")
    assert mkdocs_build(project, project / "site").returncode == 0
    followups = article(project, "followups/index.html")
    assert "已落实 0 项，部分落实 0 项，未落实 1 项，待填写 1 项" in followups
    calendar = article(project, "calendar/index.html")
    assert "广场宣传（原文：“示例宣传日”）" in calendar
