"""The built pages carry an edit button pointing at the file an editor has to
change; which file each page names is tested in tests/unit/test_edit_links.py."""

from __future__ import annotations

import re


def test_built_pages_carry_the_edit_button(site):
    html = (site / "2023/measures/index.html").read_text("utf-8")
    assert re.search(r'<a href="http://git.example.invalid/fzbg/reports/-/edit/main/docs/2023/measures.md"[^>]*rel="edit"', html)
    laws = (site / "laws/index.html").read_text("utf-8")
    assert "/-/edit/main/data/catalog/documents.yml" in laws
