"""Where a year's pages are, and the pages every year has without a file in docs/.

A year's pages live in a folder named after the year: ``<year>/<slug>.md``
under the docs folder (``2023/measures.md``).  The patterns and the function
below are the one statement of that layout; the archive, the renderer, the
navigation and the hooks read paths through them.

Each year also gets ``<year>/compare.md`` (与上年对比): it holds nothing but
a marker, so asking editors to create and keep one per year would only add a
file to forget.  The ``generated_pages`` hook adds them to the build; the
navigation and the year bar list them under their ``title``.
"""

from __future__ import annotations

import dataclasses
import re

# A year as the archive's folders and data files are named: 1900-2099.
YEAR = r"(?:19|20)\d\d"
YEAR_DIR = re.compile(rf"^{YEAR}$")
# Anything inside a year's folder: a page's path, or its URL on the site.
IN_YEAR = re.compile(rf"^(?P<year>{YEAR})/")
# A page of a year's report, by its path under docs/: 2023/measures.md.
YEAR_PAGE = re.compile(rf"^(?P<year>{YEAR})/(?P<slug>[^/]+)\.md$")


def page_uri(year: int, slug: str) -> str:
    """The path under docs/ of ``year``'s page ``slug``: ``2023/measures.md``."""
    return f"{year}/{slug}.md"


@dataclasses.dataclass(frozen=True)
class GeneratedPage:
    slug: str
    title: str  # in the navigation, the year bar and the page's front matter
    body: str  # the page's Markdown; ``{year}`` is the page's year

    def src_uri(self, year: int) -> str:
        return page_uri(year, self.slug)

    def markdown(self, year: int) -> str:
        return (f"---\ntitle: {self.title}\nsearch:\n  exclude: true\n---\n\n"
                + self.body.format(year=year))


COMPARE = GeneratedPage("compare", "与上年对比", "# {year}年度与上年对比\n\n<!-- year:compare -->\n")
GENERATED = {page.slug: page for page in (COMPARE,)}


def sources(archive) -> dict:
    """src_uri -> Markdown of every generated page."""
    out = {}
    for year in archive.years:
        for page in GENERATED.values():
            if page.slug not in year.pages:
                out[page.src_uri(year.year)] = page.markdown(year.year)
    return out
