"""Where a year's pages are, and the pages generated for every year."""

from __future__ import annotations

import types

from reports.model import pages
from reports.render import navigation


def fake_year(number, slugs=("index",)):
    return types.SimpleNamespace(
        year=number, is_draft=False, meta=types.SimpleNamespace(title=f"{number}年度报告"),
        pages={slug: types.SimpleNamespace(slug=slug, src_uri=pages.page_uri(number, slug), blocks=[])
               for slug in slugs})


def test_year_page_paths_are_parsed_as_they_are_made():
    m = pages.YEAR_PAGE.match(pages.page_uri(2023, "measures"))
    assert (m.group("year"), m.group("slug")) == ("2023", "measures")
    assert pages.IN_YEAR.match("2023/measures/#s1-2").group("year") == "2023"
    # Not a year of the archive (its folders are 1900-2099), nor a page.
    assert not pages.YEAR_PAGE.match("1850/measures.md")
    assert not pages.YEAR_PAGE.match("2023/assets/x.md")
    assert not pages.IN_YEAR.match("assets/2023/x.js")


def test_every_year_gets_each_generated_page_it_does_not_write_itself():
    archive = types.SimpleNamespace(years=[fake_year(2024), fake_year(2023, ("index", "compare"))])
    out = pages.sources(archive)
    assert list(out) == ["2024/compare.md"]
    assert out["2024/compare.md"] == (
        "---\ntitle: 与上年对比\nsearch:\n  exclude: true\n---\n\n"
        "# 2024年度与上年对比\n\n<!-- year:compare -->\n")


def test_the_navigation_lists_the_generated_pages_from_their_registry(monkeypatch):
    extra = pages.GeneratedPage("timeline", "大事记", "<!-- year:timeline -->\n")
    monkeypatch.setitem(pages.GENERATED, "timeline", extra)
    (label, items), = navigation.year_section(fake_year(2024)).items()
    assert items[-2:] == [{"与上年对比": "2024/compare.md"}, {"大事记": "2024/timeline.md"}]
