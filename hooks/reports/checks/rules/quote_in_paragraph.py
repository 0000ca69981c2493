"""The words an entry cites are in its paragraph, word for word.

``quote`` (figures, studies, campaigns, actions), ``original`` (errata) and
``evidence`` (follow-ups) must be copied from the paragraph ``at`` names;
whitespace does not count.  The hint names the paragraph's file and line, so
that the editor sees both places.  When the paragraph is unknown (an ``at``
that names none is ``anchor-exists``' problem, a malformed one the
schema's), the words must still be somewhere in the year's report: words
found nowhere are wrong whatever the paragraph, words found elsewhere are
not (``anchor-exists`` then names their paragraph).
"""

from __future__ import annotations

from reports.checks import citations
from reports.checks.rules import per_year

ID = "quote-in-paragraph"
DESCRIPTION = "引文（quote、original、evidence）与所指段落中的原文一字不差"

# Field -> (message, hint); {words}, {at}, {where} and {year} are filled in.
NOWHERE = {
    "quote": ("引文“{words}”不在 {year} 年报告的任何段落中",
              "引文必须从报告原文照抄，一字不差（包括标点）；请同时核对段落位置 at。"),
    "original": ("勘误的原文“{words}”不在 {year} 年报告的任何段落中",
                 "original 必须照抄原文中有误的原话（正文保持原样，不要改正文）；请同时核对段落位置 at。"),
    "evidence": ("原话“{words}”不在 {year} 年报告的任何段落中",
                 "evidence 必须从本年度报告中照抄，一字不差（包括标点）；请同时核对段落位置 at。"),
}
WORDING = {
    "quote": ("引文“{words}”不在所指段落 {at} 中",
              "段落在 {where}。引文必须与原文一字不差（包括标点）；如果原文已改，请同步修改此处。"),
    "original": ("勘误的原文“{words}”不在段落 {at} 中",
                 "段落在 {where}。original 必须照抄原文中有误的原话。"),
    "evidence": ("原话“{words}”不在所指段落 {at} 中",
                 "段落在 {where}。evidence 必须与原文一字不差（包括标点）；如果原文已改，请同步修改此处。"),
}


def check_year(year, catalog):
    for entry, field in citations.cited(year):
        words = getattr(entry, field) if field else None
        if words is None:
            continue
        page, block = year.block(entry.at)  # (None, None) for an unknown or broken at
        if citations.contains(block, words) if block is not None else citations.found_in(year, words):
            continue
        if block is None:
            message, hint = NOWHERE[field]
            fill = dict(words=words, year=year.year)
        else:
            message, hint = WORDING[field]
            fill = dict(words=words, at=entry.at, where=f"{page.file}:{block.line}")
        yield year.located.problem(
            entry._path + (field,), message.format(**fill), hint.format(**fill), rule=ID)


check = per_year(check_year)
