"""The per-year archive on a fictional fixture archive (tests/fixtures/archive):
archive page, drafts, year switcher, versions and errata, the lock."""

from __future__ import annotations

import re

import pytest

from reports.model import archive as archive_module
from support.project import fixture_project, run_command
from support.repository import FIXTURE_OFFICE


@pytest.fixture(scope="module")
def built(fictional_project):
    """The fictional archive's site, built once per session (tests/conftest.py)."""
    return fictional_project / "site"


def page(site, path):
    return (site / path).read_text("utf-8")


def article(html):
    return html[html.index("<article"):html.index("</article>")]


def test_archive_page_lists_every_year_from_the_data(built):
    html = article(page(built, "archive/index.html"))
    rows = re.findall(r'<tr>\s*<td data-label="年度">(\d{4})</td>(.*?)</tr>', html, re.S)
    assert [year for year, _ in rows] == ["2093", "2092", "2091"]
    by_year = dict(rows)
    assert "草稿" in by_year["2093"] and "未记录" in by_year["2093"]
    assert "已发布" in by_year["2091"] and "2092年3月21日" in by_year["2091"] and "第 2 版" in by_year["2091"]
    assert 'href="../2092/measures/"' in by_year["2092"]
    assert "第一责任人职责" not in by_year["2092"]  # that part is missing in 2092
    # Each cell names its column, for the stacked rows of a phone (reading.css).
    headers = re.findall(r'<th scope="col">([^<]+)</th>', html)
    for _, cells in rows:
        assert re.findall(r'<td[^>]* data-label="([^"]+)"', cells) == headers[1:]


def test_home_lists_years_and_latest_published(built):
    html = article(page(built, "index.html"))
    assert FIXTURE_OFFICE in html
    latest = re.search(r'<section class="home-latest".*?</section>', html, re.S).group(0)
    assert "2092年度法治政府建设情况报告" in latest  # the newest *published* year
    years = re.search(r'<section class="home-years".*?</section>', html, re.S).group(0)
    assert years.index("2093年度") < years.index("2092年度") < years.index("2091年度")


def test_draft_is_marked_everywhere(built):
    home = page(built, "2093/index.html")
    assert "本年度报告尚未正式发布" in home
    assert "2093年度（草稿）" in home  # in the navigation and the switcher


def test_switcher_lands_on_the_same_part_in_other_years(built):
    html = page(built, "2091/measures/index.html")
    options = dict((label, value) for value, label in re.findall(
        r'<option value="([^"]+)"[^>]*>([^<]+)</option>', html))
    assert options == {"2093年度（草稿）": "../../2093/measures/", "2092年度": "../../2092/measures/",
                       "2091年度": "./"}
    assert re.search(r'<a class="year-bar__step" rel="next" href="../../2092/measures/"', html)
    bar = re.search(r'<nav class="year-bar".*?</nav>', html, re.S).group(0)
    assert 'rel="prev"' not in bar  # 2091 is the oldest year


def test_switcher_falls_back_to_the_year_home_when_the_part_is_missing(built):
    html = page(built, "2093/leadership/index.html")
    assert '<option value="../../2092/">2092年度（无此部分）</option>' in html
    assert 'rel="prev" href="../../2092/"' in html


def test_erratum_is_shown_under_its_paragraph_and_the_text_is_unchanged(built):
    for path in ("2091/measures/index.html", "2091/full/index.html"):
        html = article(page(built, path))
        paragraph = re.search(r'<p class="report-text" id="s1-1-2">(.*?)</p>\s*<aside class="report-erratum"(.*?)</aside>',
                              html, re.S)
        assert paragraph, path
        assert paragraph.group(1) == "2.在示例宣传日开展宣传活动。"
        assert "原文“示例宣传日”应为“示例宣传周”" in paragraph.group(2)
    versions = article(page(built, "2091/index.html"))
    assert "当前为第 2 版" in versions and "增加勘误 1 条。" in versions


# --- The lock: a published year's text cannot change silently ------------------

def test_changed_published_text_fails_until_a_version_is_added_and_locked(tmp_path):
    project = fixture_project(tmp_path / "p")
    measures = project / "docs/2092/measures.md"
    measures.write_text(measures.read_text("utf-8").replace("开展宣传活动", "开展宣传活功"), "utf-8")

    check = run_command("check", project)
    assert check.returncode == 1
    assert "docs/2092/measures.md:7:1: [错误] 2092 年的报告已发布，这一段被修改（s1-1-2），但没有新增版本记录" in check.stdout
    assert "versions 中新增一版（version: 2）" in check.stdout

    refused = run_command("lock", project)
    assert refused.returncode == 1 and "未更新锁定文件" in refused.stdout

    data = project / "data/years/2092.yml"
    data.write_text(data.read_text("utf-8").replace(
        "    changes: 首次发布。\n",
        "    changes: 首次发布。\n  - version: 2\n    date: 2093-05-01\n    changes: 更正录入错误。\n", 1), "utf-8")
    check = run_command("check", project)
    assert check.returncode == 1
    assert "2092 年新增了第 2 版，但锁定文件还是第 1 版" in check.stdout

    assert run_command("lock", project).returncode == 0
    assert run_command("check", project).returncode == 0


def test_marker_moves_do_not_count_as_text_changes(tmp_path):
    project = fixture_project(tmp_path / "p")
    measures = project / "docs/2091/measures.md"
    text = measures.read_text("utf-8").replace("<!-- year:studies -->\n", "")
    measures.write_text(text.replace("## （一）强化学习。\n", "## （一）强化学习。\n\n<!-- year:studies -->\n"), "utf-8")
    assert run_command("check", project).returncode == 0


def test_published_year_cannot_go_back_to_draft(tmp_path):
    project = fixture_project(tmp_path / "p")
    data = project / "data/years/2091.yml"
    data.write_text(data.read_text("utf-8").replace("status: published", "status: draft"), "utf-8")
    check = run_command("check", project)
    assert "data/years/2091.yml:4:9: [错误] status: 2091 年已发布并锁定，不能改回草稿" in check.stdout


def test_a_year_cannot_be_published_while_its_check_fails(tmp_path):
    project = fixture_project(tmp_path / "p")
    data = project / "data/years/2093.yml"
    text = data.read_text("utf-8").replace("status: draft", "status: published")
    data.write_text(text + "versions:\n  - version: 1\n    date: 2094-03-01\n    changes: 首次发布。\n", "utf-8")
    (project / "docs/2093/measures.md").write_text("# 一、推进法治政府建设的主要举措和成效\n\n《未收录法》\n", "utf-8")
    result = run_command("lock", project)
    assert result.returncode == 1
    assert "《未收录法》不在学习文件目录中" in result.stdout
    assert "2093" not in (project / "data/lock.yml").read_text("utf-8")


def test_download_links_point_at_the_written_files(built):
    for path in ("2091/index.html", "archive/index.html"):
        html = article(page(built, path))
        links = re.findall(r'<a href="([^"]+)" download>', html)
        assert links, path
        base = (built / path).parent
        for link in links:
            assert (base / link).resolve().is_file(), (path, link)


def test_a_missing_required_part_is_a_warning_naming_it(fictional_project):
    check = run_command("check", fictional_project)
    assert check.returncode == 0  # a warning does not fail the check
    assert ("docs/2092/index.md:1:1: [警告] 2092 年的报告缺少第三部分“第一责任人职责”"
            in check.stdout.splitlines())
    assert (fictional_project / "docs/2092/index.md").is_file()  # the warning points at a file that exists


def test_the_docs_folder_is_the_one_passed_in(tmp_path):
    project = fixture_project(tmp_path / "p", lock=False)
    (project / "docs").rename(project / "content")
    loaded, problems = archive_module.load(project, docs_dir="content")
    assert not [p for p in problems if p.is_error]
    assert loaded.docs_dir == "content"
    year = loaded.year(2092)
    assert year.folder == "content/2092"
    assert year.page_file("leadership") == "content/2092/leadership.md"  # missing that year
    assert year.pages["measures"].file == year.page_file("measures")
