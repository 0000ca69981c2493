"""page_fragments.fill: which text a page's markers are filled in, and where
its problems are said to be."""

from __future__ import annotations

import dataclasses
import datetime
import pathlib
import re

import pytest

from reports.model import archive as archive_module
from reports.render import page_fragments

FIXTURE_ARCHIVE = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "archive"


@pytest.fixture(scope="module")
def archive():
    archive, _ = archive_module.load(FIXTURE_ARCHIVE)
    return archive


def ctx(archive, src_uri):
    return page_fragments.Context(src_uri, archive, page_fragments.SiteConfig("测试", "测试办"))


def not_called():
    raise AssertionError("a report page's first line is the model's, its file is not read")


def test_a_report_page_is_filled_from_the_model_with_anchors_and_the_year_bar(archive):
    text, problems = page_fragments.fill(ctx(archive, "2091/measures.md"), "ignored", "docs/2091/measures.md",
                                         not_called)
    assert problems == []
    assert "ignored" not in text
    assert "{: #s1-1-1 .report-text }" in text.split("\n")  # the paragraph's anchor
    assert text.startswith(page_fragments.year_bar(ctx(archive, "2091/measures.md")))


def test_another_page_is_mkdocs_markdown_and_problems_count_from_its_first_line(archive):
    markdown = "# 标题\n\n<!-- year:meta -->\n<!-- site:nothing -->\n"
    text, problems = page_fragments.fill(ctx(archive, "about.md"), markdown, "docs/about.md", lambda: 5)
    assert text.startswith("# 标题\n")  # no year bar outside the years
    assert [(p.file, p.line, p.message) for p in problems] == [
        ("docs/about.md", 8, "未知的标记“site:nothing”"),
        ("docs/about.md", 7, "标记“year:meta”只能用在某一年度的页面中（如 docs/2023/）"),
    ]


@pytest.mark.parametrize("src_uri,marker", [("index.md", "site:home"), ("archive.md", "site:archive")])
def test_an_archive_with_no_year_says_so_instead_of_an_empty_list(archive, src_uri, marker):
    empty = archive_module.Archive([], archive.catalog)
    text, problems = page_fragments.fill(ctx(empty, src_uri), f"<!-- {marker} -->\n", f"docs/{src_uri}", lambda: 1)
    assert problems == []
    assert '<p class="archive-empty">尚未收录任何年度报告。</p>' in text
    assert "<table" not in text and "<ul>\n</ul>" not in text
    filled, _ = page_fragments.fill(ctx(archive, src_uri), f"<!-- {marker} -->\n", f"docs/{src_uri}", lambda: 1)
    assert "尚未收录" not in filled and "2091年度" in filled


def test_the_year_meta_shows_the_documents_own_facts_escaped_and_only_those_recorded(archive):
    year = archive.year(2091)
    assert page_fragments.document_facts(year.meta) == []
    meta = dataclasses.replace(year.meta, written_on=datetime.date(2092, 1, 15), doc_number="测〔2092〕1号",
                               index_number="001/2092-00020", issuer="<b>区司法局</b>")
    html = page_fragments.year_meta(ctx(archive_module.Archive([dataclasses.replace(year, meta=meta)],
                                                               archive.catalog), "2091/index.md"), None)
    rows = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", html)
    assert rows[3:] == [("成文日期", "2092年1月15日"), ("文号", "测〔2092〕1号"), ("索引号", "001/2092-00020"),
                        ("发布机构", "&lt;b&gt;区司法局&lt;/b&gt;")]
