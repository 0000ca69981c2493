"""Relative links and escaping in rendered fragments."""

from __future__ import annotations

import pytest

from reports.render import templating


@pytest.mark.parametrize("page,target,directory_urls,expected", [
    ("2023/index.md", "2023/measures.md", True, "measures/"),
    ("2023/measures.md", "2023/index.md", True, "../"),
    ("index.md", "2023/full.md", True, "2023/full/"),
    ("2023/full.md", "index.md", True, "../../"),
    ("index.md", "index.md", True, "./"),
    ("2023/measures.md", "2024/measures.md", True, "../../2024/measures/"),
    ("2023/measures.md", "2024/measures.md", False, "../2024/measures.html"),
    ("2023/index.md", "index.md", False, "../index.html"),
])
def test_links_are_relative_so_the_site_works_under_any_sub_path(page, target, directory_urls, expected):
    assert templating.Linker(page, directory_urls)(target) == expected


def test_anchor_is_appended():
    assert templating.Linker("index.md")("2023/measures.md", "s1-2") == "2023/measures/#s1-2"


@pytest.mark.parametrize("page,directory_urls,expected", [
    ("2023/index.md", True, "../downloads/2023/2023.json"),
    ("2023/measures.md", True, "../../downloads/2023/2023.json"),
    ("index.md", True, "downloads/2023/2023.json"),
    ("2023/measures.md", False, "../downloads/2023/2023.json"),
])
def test_links_to_site_files(page, directory_urls, expected):
    assert templating.Linker(page, directory_urls).file("downloads/2023/2023.json") == expected


def test_rendered_fragments_are_set_aside_and_restored():
    fragment = templating.render("erratum.html", errata=[])  # any template
    markdown = "# 标题\n" + fragment + "正文\n" + fragment
    text, fragments = templating.set_aside(markdown)
    assert text == "# 标题\n\n\n@@reports-fragment-0@@\n\n正文\n\n\n@@reports-fragment-1@@\n\n"
    html = "<h1>标题</h1>\n<p>@@reports-fragment-0@@</p>\n<p>正文</p>\n@@reports-fragment-1@@"
    assert templating.restore(html, fragments).count('<aside class="report-erratum"') == 2


def test_relative_paths_are_what_posixpath_relpath_gives():
    import itertools
    import posixpath

    paths = ["", ".", "a", "a/b", "a/b/c", "b", "b/a", "a/c", "a/", "./a", "a//b", "a/./b", "ab", "a/bc",
             "2023/measures", "downloads/2023/2023.json", "/a", "../a", "a/../b"]
    for path, start in itertools.product(paths, repeat=2):
        assert templating.relpath(path, start) == posixpath.relpath(path or ".", start or "."), (path, start)
