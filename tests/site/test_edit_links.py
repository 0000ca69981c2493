"""The built pages lead editors to the file they have to change on the Git
server: each page's "编辑此页" button, and a "改数据" link over each table made
from data.  Which file each page names is tested in tests/unit/test_edit_links.py,
the forges' address shapes there too; here the site as built."""

from __future__ import annotations

import re

import pytest

from support.project import copy_project, fixture_project, mkdocs_build
from support.repository import ROOT, configuration
from support.site_text import data_edits

GIT = configuration()["extra"]["git"]
REPO = GIT["repo_url"]
YEAR_FILE = f"{REPO}/_edit/main/data/years/2023.yml"
YEARS = f"{REPO}/src/branch/main/data/years"
DOCUMENTS = f"{REPO}/_edit/main/data/catalog/documents.yml"
CAMPAIGNS = f"{REPO}/_edit/main/data/catalog/campaigns.yml"
EDIT_BUTTON = re.compile(r'<a href="([^"]*)" title="编辑此页" class="md-content__button md-icon" rel="edit">')


def test_the_project_names_a_gitea():
    """The expectations below are Gitea's addresses (model.forge.FORGES)."""
    assert GIT["forge"] == "gitea" and GIT.get("branch", "main") == "main"
    assert not REPO.endswith("/") and REPO.startswith("http://git.example.invalid/")


def page(site, path):
    return (site / path).read_text("utf-8")


def edit_links(site, path):
    return [link for kind, link in data_edits(page(site, path)) if kind == "edit"]


@pytest.mark.parametrize("path,expected", [
    ("index.html", f"{REPO}/_edit/main/docs/index.md"),
    ("2023/index.html", f"{REPO}/_edit/main/docs/2023/index.md"),
    ("2023/measures/index.html", f"{REPO}/_edit/main/docs/2023/measures.md"),
    ("2023/full/index.html", f"{REPO}/src/branch/main/docs/2023"),
    ("2023/compare/index.html", YEAR_FILE),
    ("laws/index.html", DOCUMENTS),
    ("calendar/index.html", CAMPAIGNS),
    ("archive/index.html", YEARS),
    ("followups/index.html", YEARS),
    ("trends/index.html", YEARS),
    ("finder/index.html", f"{REPO}/src/branch/main/docs"),
])
def test_each_kind_of_page_has_its_edit_button(site, path, expected):
    assert EDIT_BUTTON.findall(page(site, path)) == [expected]


# Pages with tables made from data: (what the link is over, where it leads),
# in page order.  Every other page has none.
TABLE_LINKS = {
    "2023/index.html": [("figures-title", YEAR_FILE), ("versions-title", YEAR_FILE)],
    "2023/measures/index.html": [("table-studies", YEAR_FILE), ("table-campaigns", YEAR_FILE)],
    "2023/shortcomings/index.html": [("table-shortcomings", YEAR_FILE)],
    "2023/leadership/index.html": [("table-actions", YEAR_FILE)],
    "2023/plans/index.html": [("table-plans", YEAR_FILE)],
    "archive/index.html": [("历年报告", YEARS)],
    "followups/index.html": [("plans-2023", YEARS)],
    "trends/index.html": [("trends-table", YEARS)],
}


def test_each_table_made_from_data_has_its_edit_link(site):
    found = {}
    for path in sorted(site.rglob("*.html")):
        links = edit_links(site, path.relative_to(site).as_posix())
        if links:
            found[path.relative_to(site).as_posix()] = links
    catalogues = {"laws/index.html": DOCUMENTS, "calendar/index.html": CAMPAIGNS}
    assert {p: [(l["where"], l["href"]) for l in links] for p, links in found.items() if p not in catalogues} \
        == TABLE_LINKS
    for path, href in catalogues.items():
        assert {l["href"] for l in found[path]} == {href}, path
    for link in (l for links in found.values() for l in links):
        what = "data/years 中的数据文件" if link["href"] == YEARS else link["href"].split("/_edit/main/")[1]
        assert (link["text"], link["title"], link["label"]) == \
            ("改数据", f"在 Git 服务器上修改 {what}", f"改数据：在 Git 服务器上修改 {what}")


def test_every_group_of_a_catalogue_page_has_its_edit_link(site):
    """One link under each heading of 法律法规 (a kind) and 宣传节点 (a month)."""
    for path, href in (("laws/index.html", DOCUMENTS), ("calendar/index.html", CAMPAIGNS)):
        events = data_edits(page(site, path))
        groups = [i for i, (kind, id_) in enumerate(events) if kind == "heading" and id_.startswith(("kind-", "month-"))]
        assert len(groups) >= 2, path
        assert all(events[i + 1][0] == "edit" and events[i + 1][1]["href"] == href
                   and events[i + 1][1]["where"] == events[i][1] for i in groups), path


def test_no_table_is_without_its_link(site):
    """Whatever table a page gains later: its section has its "改数据" link above it."""
    tables = 0
    for path in sorted(site.rglob("*.html")):
        events = data_edits(path.read_text("utf-8"))
        for index, (kind, where) in enumerate(events):
            if kind != "table":
                continue
            tables += 1
            before = [k for k, _ in events[:index] if k != "table"]
            assert before and before[-1] == "edit", f"{path.relative_to(site)}: table in {where} without 改数据"
    assert tables >= 9


def test_the_fictional_archive_links_its_cross_year_tables_to_the_folder(fictional_project):
    site = fictional_project / "site"
    assert [(l["where"], l["href"]) for l in edit_links(site, "2093/compare/index.html")] == \
        [("compare-figures", YEARS)]
    followups = edit_links(site, "followups/index.html")
    assert [l["where"] for l in followups] == ["plans-2093", "plans-2092", "plans-2091"]
    assert {l["href"] for l in followups} == {YEARS}
    assert [l["href"] for l in edit_links(site, "2092/index.html")] == \
        [f"{REPO}/_edit/main/data/years/2092.yml"] * 2


def without_lines(text: str, first: str, last: str) -> str:
    start, end = text.index(first), text.index(last) + len(last)
    return text[:start] + text[end:]


def test_without_a_forge_there_are_no_edit_links(tmp_path):
    project = fixture_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(without_lines(config.read_text("utf-8"), "  git:\n", "    branch: main\n"), "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    pages = {p.relative_to(tmp_path / "site").as_posix(): p.read_text("utf-8")
             for p in (tmp_path / "site").rglob("*.html")}
    assert "<table" in pages["2093/measures/index.html"] and "<table" in pages["2093/compare/index.html"]
    assert [p for p, html in pages.items() if 'class="data-edit"' in html or 'rel="edit"' in html] == []


def test_a_gitlab_branch_with_a_chinese_name_is_in_every_link(tmp_path):
    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "    forge: gitea\n" in text and "    branch: main\n" in text
    config.write_text(text.replace("    forge: gitea\n", "    forge: gitlab\n")
                      .replace("    branch: main\n", "    branch: 发布/2024\n"), "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    measures = page(tmp_path / "site", "2023/measures/index.html")
    branch = "%E5%8F%91%E5%B8%83/2024"
    assert EDIT_BUTTON.findall(measures) == [f"{REPO}/-/edit/{branch}/docs/2023/measures.md"]
    assert {l["href"] for l in edit_links(tmp_path / "site", "2023/measures/index.html")} == \
        {f"{REPO}/-/edit/{branch}/data/years/2023.yml"}
    assert {l["href"] for l in edit_links(tmp_path / "site", "trends/index.html")} == \
        {f"{REPO}/-/tree/{branch}/data/years"}


def test_an_unknown_forge_stops_the_build_at_its_line(tmp_path):
    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    lines = config.read_text("utf-8").split("\n")
    line = lines.index("    forge: gitea") + 1
    lines[line - 1] = "    forge: gogs"
    config.write_text("\n".join(lines), "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    message = (f"mkdocs.yml:{line}:12: [错误] extra.git.forge: 不认识的 Git 服务器类型“gogs”\n"
               "    提示：只能写 gitea、gitlab、github 之一（小写）；Forgejo 写 gitea。")
    assert message in result.stderr, result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
    # The README shows administrators this very message, at this very line.
    assert message in (ROOT / "README.md").read_text("utf-8")
