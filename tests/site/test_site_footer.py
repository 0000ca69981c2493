"""The footer of every built page: the office from mkdocs.yml and the date
of the last commit (render/site_footer.py, overrides/partials/copyright.html)."""

from __future__ import annotations

import os
import re
import time

import reproducible
from support.project import copy_project, mkdocs_build
from support.repository import ROOT

OFFICE = '<span class="site-footer__item">主办单位：天津市津南区国防动员办公室</span>'


def footer(html: str) -> str:
    """The site's lines in the theme's footer (which must hold them)."""
    start = html.index('<footer class="md-footer">')
    inner = re.search(r'<div class="site-footer">(.*?)</div>', html[start:html.index("</footer>")], re.S)
    assert inner, "no site footer inside the page's <footer>"
    return inner.group(1)


def test_every_page_names_the_office_and_the_day_of_the_last_commit(site):
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or reproducible.commit_epoch(ROOT))
    # The day in Beijing: 8 hours ahead of UTC all year round.
    year, month, day = time.gmtime(epoch + 8 * 3600)[:3]
    updated = f'更新日期：<time datetime="{year:04d}-{month:02d}-{day:02d}">{year}年{month}月{day}日</time>'
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 15 and site / "404.html" in pages
    for page in pages:
        lines = footer(page.read_text("utf-8"))
        assert OFFICE in lines and updated in lines, page
        assert "地址" not in lines and "联系方式" not in lines  # not set in mkdocs.yml


def test_address_and_contact_from_mkdocs_yml_and_a_date_set_from_outside(tmp_path):
    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("    short_name: 区国动办\n", "    short_name: 区国动办\n"
                                   "    sponsor: 示例区人民政府\n    address: 示例路1号（邮编 300000）\n"
                                   '    contact: "022-12345678"\n', 1), "utf-8")
    # 16:30 UTC on 31 December 2023: already 1 January 2024 in Tianjin.
    result = mkdocs_build(project, tmp_path / "site", env={"SOURCE_DATE_EPOCH": "1704040200"})
    assert result.returncode == 0, result.stderr
    lines = footer((tmp_path / "site/2023/measures/index.html").read_text("utf-8"))
    assert re.findall(r'<span class="site-footer__item">([^<]*)</span>', lines) == [
        "主办单位：示例区人民政府", "地址：示例路1号（邮编 300000）", "联系方式：022-12345678"]
    assert '更新日期：<time datetime="2024-01-01">2024年1月1日</time>' in lines
