"""Drop the indentation the theme's templates leave in every page.

mkdocs-material's Jinja templates indent their output generously; a page is
about a third whitespace, and the navigation's share of it grows with the
archive.  Runs of blank lines and indentation are cut to one line break --
which the browser renders exactly as before, since HTML collapses white space
-- except inside elements where white space is content.
"""

from __future__ import annotations

import re

KEEP = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.S | re.I)
RUNS = re.compile(r"\n[ \t\n]*")


def compact(html: str) -> str:
    parts = KEEP.split(html)
    out = []
    # re.split with two groups yields: text, whole element, tag name, text, …
    for index in range(0, len(parts), 3):
        out.append(RUNS.sub("\n", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)
