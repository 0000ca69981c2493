"""The built site: strict build, verbatim text, no external hosts, reproducibility, sitemap."""

from __future__ import annotations

import filecmp
import gzip
import os
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

import reproducible
from support.project import copy_project, mkdocs_build
from support.repository import ROOT
from support.site_text import (
    PART_PAGES, ContentText, assert_in_source_order, loaded_references, source_paragraphs, squash,
)


def article(site, path):
    parser = ContentText()
    parser.feed((site / path).read_text("utf-8"))
    return parser


def test_every_source_paragraph_is_on_a_2023_page(site, source_2023):
    pages = ["2023/index.html"] + [f"2023/{p}/index.html" for p in PART_PAGES]
    texts = {p: squash("".join(article(site, p).parts)) for p in pages}
    missing = [para for para in source_paragraphs(source_2023)
               if not any(para in text for text in texts.values())]
    assert not missing, f"not found verbatim on any 2023 page: {missing[:3]}"


def test_full_report_has_every_paragraph_in_source_order(site, source_2023):
    assert_in_source_order(squash("".join(article(site, "2023/full/index.html").parts)), source_2023)


def test_typos_are_kept_verbatim(site):
    text = "".join(article(site, "2023/plans/index.html").parts)
    assert "推进法治政府建设的的主要安排" in text


def test_numbering_is_text_not_markdown_lists(site):
    page = (site / "2023/measures/index.html").read_text("utf-8")
    body = page[page.index("<article"):page.index("</article>")]
    assert "<ol" not in body
    assert re.search(r'<p class="report-text" id="s1-2-2">2\.组织7名执法人员', body)


def test_headings_have_stable_numbered_anchors(site):
    ids = article(site, "2023/measures/index.html").ids
    assert ids[:3] == ["s1", "s1-1", "s1-1-1"]
    assert "s1-5" in ids and "s1-5-p1" in ids
    full = article(site, "2023/full/index.html").ids
    for part, sections in ((1, 5), (2, 3), (3, 4), (4, 4)):
        assert f"s{part}" in full
        assert all(f"s{part}-{n}" in full for n in range(1, sections + 1))
    assert len(full) == len(set(full)), "anchors must be unique on the one-page report"


def test_year_home_links_every_part_and_the_full_report(site):
    page = (site / "2023/index.html").read_text("utf-8")
    for part in PART_PAGES + ["full"]:
        assert f'href="{part}/"' in page
    assert "天津市津南区国防动员办公室" in page
    assert "已发布" in page


def test_home_page_shows_office_and_latest_report(site):
    page = (site / "index.html").read_text("utf-8")
    assert "津南区国动办法治政府建设报告库" in page
    assert '<a href="2023/">2023年度法治政府建设情况报告</a>' in page
    assert 'href="2023/full/"' in page


def test_office_comes_from_configuration(tmp_path):
    project = copy_project(tmp_path / "p")
    config = (project / "mkdocs.yml").read_text("utf-8")
    config = config.replace("天津市津南区国防动员办公室", "示例市示例区人民防空办公室")
    config = config.replace("site_name: 津南区国动办法治政府建设报告库", "site_name: 示例报告库")
    (project / "mkdocs.yml").write_text(config, "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site/index.html").read_text("utf-8")
    assert "示例报告库" in home and "示例市示例区人民防空办公室" in home
    assert "津南区国动办法治政府建设报告库" not in home


# --- Intranet: nothing a browser loads may point at another host -------------

EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)


def test_no_page_loads_anything_from_another_host(site):
    external = [(str(p.relative_to(site)), url) for p, url in loaded_references(site)
                if EXTERNAL.match(url.strip())]
    assert not external, external[:10]


# --- Reproducibility ---------------------------------------------------------

def test_two_builds_are_byte_identical(site, tmp_path):
    again = tmp_path / "again"
    result = mkdocs_build(ROOT, again)
    assert result.returncode == 0, result.stderr
    comparison = filecmp.dircmp(site, again)
    differences = []

    def walk(cmp, prefix=""):
        differences.extend(prefix + n for n in cmp.left_only + cmp.right_only + cmp.diff_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        differences.extend(prefix + n for n in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, prefix + name + "/")

    walk(comparison)
    assert not sorted(set(differences))


def test_the_care_mode_script_blocks_in_the_head_of_every_page(site):
    """The 关爱版 is on before the body is drawn only if its script runs in
    <head> as the parser meets it: once, without async, defer or a module type."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 15
    for page in pages:
        html = page.read_text("utf-8")
        head, body = html.split("</head>", 1)
        assert re.findall(r'<script src="[^"]*assets/javascripts/accessibility\.js"([^>]*)>', head) == [""], page
        assert "accessibility.js" not in body, page


def test_the_search_gate_runs_just_before_the_theme_bundle_and_not_in_head(site):
    """search-gate.js must run before the bundle starts the search worker, and
    must not hold back the drawing of the page (reading.css's test holds
    every script but accessibility.js)."""
    pages = [p for p in site.rglob("*.html") if "assets/javascripts/bundle." in p.read_text("utf-8")]
    assert len(pages) == len(list(site.rglob("*.html"))) > 10
    for page in pages:
        html = page.read_text("utf-8")
        head, body = html.split("</head>", 1)
        assert "search-gate.js" not in head, page
        gate = re.findall(r'<script src="[^"]*assets/javascripts/(search-gate\.js|bundle\.[0-9a-f]+\.min\.js)"', body)
        assert gate[:2] == ["search-gate.js", gate[1]] and gate[1].startswith("bundle."), (page, gate)


# --- Search index ---------------------------------------------------------------

def search_index(site):
    """The whole index, its shards put together (``reports.search.index.load``)."""
    from reports.search import index
    return index.load(site)


def test_search_results_name_the_year_of_year_pages(site):
    titles = {d["location"]: d["title"].replace("\u200b", "") for d in search_index(site)["docs"]}
    assert titles["2023/measures/"] == "2023年度 · 一、主要举措和成效"
    assert titles["2023/"].startswith("2023年度 · 2023年度法治政府建设情况报告")
    assert titles["archive/"] == "历年报告"


def test_one_page_report_and_navigation_chrome_stay_out_of_the_index(site):
    docs = search_index(site)["docs"]
    assert not [d for d in docs if d["location"].startswith("2023/full/")]
    assert not [d for d in docs if "切换年度" in d["text"]]


def test_search_index_is_written_as_utf8_not_escapes(site):
    raw = b"".join(p.read_bytes() for p in sorted((site / "search/shards").glob("*.json")))
    assert "行政复议法".encode("utf-8") in raw.replace("\u200b".encode("utf-8"), b"")
    assert b"\\u" not in raw


def test_catalogue_names_are_single_search_terms(site):
    """jieba keeps catalogue names whole (segments are joined by U+200B)."""
    text = "".join(d["title"] + "\u200b" + d["text"] for d in search_index(site)["docs"])
    for term in ("行政复议法", "妇女权益保障法", "女职工劳动保护特别规定", "警报试鸣"):
        assert f"\u200b{term}\u200b" in text, term


def test_generated_tables_stay_out_of_the_index(site):
    """A search should land on the report's prose, not on tables derived from it."""
    text = "".join(d["text"] for d in search_index(site)["docs"])
    assert "根据正文整理" not in text


@pytest.fixture(scope="module")
def addressed_site(tmp_path_factory):
    """The project with ``site_url`` set, built outside any Git checkout and
    without SOURCE_DATE_EPOCH (so with hooks/reproducible.py's fixed date)."""
    root = tmp_path_factory.mktemp("addressed")
    project = copy_project(root / "p")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "\nsite_url:" not in text
    config.write_text(text.replace("\nsite_description:", f"\nsite_url: {SITE_URL}\nsite_description:", 1), "utf-8")
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["GIT_CEILING_DIRECTORIES"] = str(root)  # no repository above the copy
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                             "-d", str(root / "site")], cwd=project, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return root / "site"


SITE_URL = "http://intranet.example/fzbg/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_build_time_never_leaks_into_the_site(addressed_site):
    """Outside a Git checkout and without SOURCE_DATE_EPOCH, the sitemap and
    the footer carry the fixed fallback date, not the time of the build."""
    header = (addressed_site / "sitemap.xml.gz").read_bytes()[:10]
    assert struct.unpack("<I", header[4:8])[0] == int(reproducible.FALLBACK_EPOCH)
    home = (addressed_site / "index.html").read_text("utf-8")
    assert '更新日期：<time datetime="2024-01-01">2024年1月1日</time>' in home


def test_sitemap_lists_every_page_at_its_address_once(addressed_site):
    raw = (addressed_site / "sitemap.xml").read_bytes()
    assert gzip.decompress((addressed_site / "sitemap.xml.gz").read_bytes()) == raw
    urls = ET.fromstring(raw)
    assert urls.tag == SITEMAP + "urlset"
    assert {child.tag for child in urls} == {SITEMAP + "url"}
    # Each <url> is its address alone: no <lastmod> that every page would share.
    assert all([c.tag for c in url] == [SITEMAP + "loc"] for url in urls)
    locs = [url.find(SITEMAP + "loc").text for url in urls]
    pages = sorted(p.parent.relative_to(addressed_site).as_posix() for p in addressed_site.rglob("index.html"))
    expected = [SITE_URL + ("" if page == "." else page + "/") for page in pages]
    assert sorted(locs) == expected and len(set(locs)) == len(locs)
    assert SITE_URL + "2023/measures/" in locs and SITE_URL + "2023/compare/" in locs
    page = (addressed_site / "2023/measures/index.html").read_text("utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}2023/measures/">' in page


def test_no_sitemap_is_published_without_a_site_url(site):
    """Without site_url the pages have no address to list: MkDocs wrote an
    empty <urlset> (and its gzip), which told a crawler the site was empty."""
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()
    assert 'rel="canonical"' not in (site / "2023/measures/index.html").read_text("utf-8")
