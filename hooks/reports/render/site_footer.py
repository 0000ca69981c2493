"""The foot of every page: who runs the site, how to reach them, and the date
the archive last changed.

Readers of government sites look there for the 主办单位, an address and a
telephone number.  They come from ``extra.office`` in mkdocs.yml (all
optional: without ``sponsor`` the office's own ``name`` runs the site), which
``checks.site_config`` has already refused to hold markup; they are written by
an autoescaping template all the same, so the theme override
(``overrides/partials/copyright.html``) prints finished, escaped HTML.

The date is the build's ``SOURCE_DATE_EPOCH``, which ``hooks/reproducible.py``
sets to the time of the last commit: the same commit gives the same footer,
byte for byte, and the date is that of the last change to the archive, not of
whoever built it last.  It is told in China Standard Time (UTC+8, no daylight
saving), so a change committed in the morning is not dated the day before.
"""

from __future__ import annotations

import dataclasses
import datetime

from reports.render import templating

CHINA = datetime.timezone(datetime.timedelta(hours=8))
# The optional keys under extra.office, with the words before each in the footer.
FIELDS = (("sponsor", "主办单位"), ("address", "地址"), ("contact", "联系方式"))


@dataclasses.dataclass(frozen=True)
class Footer:
    lines: tuple  # (label, value) of each field given, in FIELDS order
    updated: datetime.date


def footer(extra, built: datetime.datetime) -> Footer:
    """What the footer says, from mkdocs.yml's ``extra`` and the build time (aware)."""
    office = (extra or {}).get("office") or {}
    values = {key: office.get(key) for key, _ in FIELDS}
    values["sponsor"] = values["sponsor"] or office.get("name")
    lines = tuple((label, str(values[key]).strip()) for key, label in FIELDS
                  if values[key] is not None and str(values[key]).strip())
    return Footer(lines, built.astimezone(CHINA).date())


def html(value: Footer):
    """The footer as markup the theme prints as it is."""
    return templating.markup("site_footer.html", footer=value)
