"""Pages that exist for every year without a file in docs/.

Each year gets ``<year>/compare.md`` (与上年对比): it holds nothing but a
marker, so asking editors to create and keep one per year would only add a
file to forget.  The ``generated_pages`` hook adds them to the build.
"""

from __future__ import annotations

GENERATED = {
    "compare": ("与上年对比", "# {year}年度与上年对比\n\n<!-- year:compare -->\n"),
}


def sources(archive) -> dict:
    """src_uri -> Markdown of every generated page."""
    out = {}
    for year in archive.years:
        for slug, (title, body) in GENERATED.items():
            if slug not in year.pages:
                out[f"{year.year}/{slug}.md"] = (
                    f"---\ntitle: {title}\nsearch:\n  exclude: true\n---\n\n" + body.format(year=year.year))
    return out
