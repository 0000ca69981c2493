"""Edit links point at the file an editor has to change."""

from __future__ import annotations

import pytest

from reports.render import edit_links

GIT = {"edit_url": "http://git.example.invalid/r/-/edit/main/{path}",
       "tree_url": "http://git.example.invalid/r/-/tree/main/{path}"}


@pytest.mark.parametrize("src_uri,expected", [
    ("2023/measures.md", "http://git.example.invalid/r/-/edit/main/docs/2023/measures.md"),
    ("2023/index.md", "http://git.example.invalid/r/-/edit/main/docs/2023/index.md"),
    ("2023/compare.md", "http://git.example.invalid/r/-/edit/main/data/years/2023.yml"),
    ("2023/full.md", "http://git.example.invalid/r/-/tree/main/docs/2023"),
    ("laws.md", "http://git.example.invalid/r/-/edit/main/data/catalog/documents.yml"),
    ("calendar.md", "http://git.example.invalid/r/-/edit/main/data/catalog/campaigns.yml"),
    ("archive.md", "http://git.example.invalid/r/-/tree/main/data/years"),
    ("index.md", "http://git.example.invalid/r/-/edit/main/docs/index.md"),
])
def test_pages_link_to_their_source(src_uri, expected):
    assert edit_links.edit_url(src_uri, GIT) == expected


def test_no_template_no_link():
    assert edit_links.edit_url("2023/measures.md", {}) is None


def test_a_docs_folder_of_another_name_is_the_one_linked():
    assert edit_links.edit_url("finder.md", GIT, "content") == "http://git.example.invalid/r/-/tree/main/content"
    assert edit_links.edit_url("2023/full.md", GIT, "content") == "http://git.example.invalid/r/-/tree/main/content/2023"
    assert edit_links.edit_url("2023/plans.md", GIT, "content") == \
        "http://git.example.invalid/r/-/edit/main/content/2023/plans.md"
