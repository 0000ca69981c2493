"""Every marker line in every page is well formed and has a handler.

A marker (``<!-- year:figures -->``) is replaced by generated content when
the site is built; a typo would silently leave a hole in a published page.
The build reports it too, but ``make check`` should find it without
building.  Site-wide pages are checked as well as report pages.
"""

from __future__ import annotations

from reports.model import markers

ID = markers.RULE
DESCRIPTION = "页面中的标记格式正确、名称存在"


def check(archive, project) -> list:
    problems = []
    for file, text in project.pages:
        if text is not None:
            problems += markers.find(text.split("\n"), file, 1, known=markers.NAMES)[1]
    return problems
