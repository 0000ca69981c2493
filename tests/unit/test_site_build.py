"""What the site is built from: the kept source of the 2023 report, the
theme's configuration, and the scanner the site tests use to find what a
browser would load from another host."""

from __future__ import annotations

import re

from support.repository import ROOT, SHARED_SOURCE_2023, SOURCE_2023
from support.site_text import loaded_references


def test_kept_source_is_the_published_original():
    if SHARED_SOURCE_2023.exists():
        assert SOURCE_2023.read_bytes() == SHARED_SOURCE_2023.read_bytes()
    assert "推进法治政府建设的的主要安排" in SOURCE_2023.read_text("utf-8")


def test_the_reference_scan_would_catch_an_external_font(tmp_path):
    (tmp_path / "a.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Noto">', "utf-8")
    (tmp_path / "b.css").write_text("@font-face{src:url(//cdn.example/x.woff2)}", "utf-8")
    urls = [u for _, u in loaded_references(tmp_path)]
    assert urls == ["https://fonts.googleapis.com/css?family=Noto", "//cdn.example/x.woff2"]


def test_theme_fonts_are_disabled():
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert re.search(r"^\s+font: false", config, re.M)
