"""Edit links point at the file an editor has to change, in the address shape
of the Git server that holds it (model.forge, render.edit_links)."""

from __future__ import annotations

import pytest

from reports.model import forge
from reports.render import edit_links

REPO = "http://git.example.invalid/fzbg/reports"
GITLAB = forge.from_settings({"forge": "gitlab", "repo_url": REPO})


@pytest.mark.parametrize("name,edit,folder", [
    ("gitea", f"{REPO}/_edit/main/docs/2023/%E8%AF%B4%E6%98%8E.md", f"{REPO}/src/branch/main/data/years"),
    ("gitlab", f"{REPO}/-/edit/main/docs/2023/%E8%AF%B4%E6%98%8E.md", f"{REPO}/-/tree/main/data/years"),
    ("github", f"{REPO}/edit/main/docs/2023/%E8%AF%B4%E6%98%8E.md", f"{REPO}/tree/main/data/years"),
])
def test_each_forge_spells_its_own_addresses(name, edit, folder):
    git = forge.from_settings({"forge": name, "repo_url": REPO})
    assert git.url("docs/2023/说明.md") == edit
    assert git.url("data/years", folder=True) == folder


def test_the_branch_is_in_the_address_and_main_without_one():
    gitea = forge.from_settings({"forge": "gitea", "repo_url": REPO, "branch": "发布/2024"})
    assert gitea.url("data/years/2023.yml") == \
        f"{REPO}/_edit/%E5%8F%91%E5%B8%83/2024/data/years/2023.yml"
    assert forge.from_settings({"forge": "github", "repo_url": REPO, "branch": None}).url("a.md") == \
        f"{REPO}/edit/main/a.md"


def test_characters_that_would_end_the_path_are_encoded():
    assert GITLAB.url("docs/a b#c?d%.md") == f"{REPO}/-/edit/main/docs/a%20b%23c%3Fd%25.md"


def test_explicit_patterns_override_the_forge_one_kind_at_a_time():
    git = forge.from_settings({"forge": "gitea", "repo_url": REPO,
                               "edit_url": "https://code.example.invalid/edit?file={path}"})
    assert git.url("docs/说明.md") == "https://code.example.invalid/edit?file=docs/%E8%AF%B4%E6%98%8E.md"
    assert git.url("docs/2023", folder=True) == f"{REPO}/src/branch/main/docs/2023"
    # Without a forge, only the patterns written out exist.
    only = forge.from_settings({"edit_url": "http://git.example.invalid/r/-/edit/main/{path}"})
    assert only.url("docs/index.md") == "http://git.example.invalid/r/-/edit/main/docs/index.md"
    assert only.url("docs/2023", folder=True) is None


@pytest.mark.parametrize("settings", [None, {}, {"branch": "main"}, {"forge": "gitea"},
                                      {"forge": "bitbucket", "repo_url": REPO}, "http://x/{path}"])
def test_no_address_without_a_forge_and_a_repository(settings):
    assert forge.from_settings(settings) is None


@pytest.mark.parametrize("src_uri,expected", [
    ("2023/measures.md", f"{REPO}/-/edit/main/docs/2023/measures.md"),
    ("2023/index.md", f"{REPO}/-/edit/main/docs/2023/index.md"),
    ("2023/compare.md", f"{REPO}/-/edit/main/data/years/2023.yml"),
    ("2023/full.md", f"{REPO}/-/tree/main/docs/2023"),
    ("laws.md", f"{REPO}/-/edit/main/data/catalog/documents.yml"),
    ("calendar.md", f"{REPO}/-/edit/main/data/catalog/campaigns.yml"),
    ("archive.md", f"{REPO}/-/tree/main/data/years"),
    ("index.md", f"{REPO}/-/edit/main/docs/index.md"),
    ("关于.md", f"{REPO}/-/edit/main/docs/%E5%85%B3%E4%BA%8E.md"),
])
def test_pages_link_to_their_source(src_uri, expected):
    assert edit_links.edit_url(src_uri, GITLAB) == expected


def test_no_forge_no_link():
    assert edit_links.edit_url("2023/measures.md", None) is None
    assert edit_links.data_link(None, "data/years/2023.yml") is None


def test_a_docs_folder_of_another_name_is_the_one_linked():
    assert edit_links.edit_url("finder.md", GITLAB, "content") == f"{REPO}/-/tree/main/content"
    assert edit_links.edit_url("2023/full.md", GITLAB, "content") == f"{REPO}/-/tree/main/content/2023"
    assert edit_links.edit_url("2023/plans.md", GITLAB, "content") == f"{REPO}/-/edit/main/content/2023/plans.md"


def test_a_tables_link_names_its_file_or_folder():
    assert edit_links.data_link(GITLAB, "data/years/2023.yml") == edit_links.DataLink(
        f"{REPO}/-/edit/main/data/years/2023.yml", "在 Git 服务器上修改 data/years/2023.yml")
    assert edit_links.data_link(GITLAB, edit_links.YEARS, folder=True) == edit_links.DataLink(
        f"{REPO}/-/tree/main/data/years", "在 Git 服务器上修改 data/years 中的数据文件")
