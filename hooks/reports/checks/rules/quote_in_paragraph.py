"""The words an entry cites are in its paragraph, word for word.

``quote`` (figures, studies, campaigns, actions), ``original`` (errata) and
``evidence`` (follow-ups) must be copied from the paragraph ``at`` names;
whitespace does not count.  A paragraph that does not exist is
``anchor-exists``' problem, not this rule's.  The hint names the paragraph's
file and line, so that the editor sees both places.
"""

from __future__ import annotations

from reports.checks import citations
from reports.checks.rules import per_year

ID = "quote-in-paragraph"
DESCRIPTION = "引文（quote、original、evidence）与所指段落中的原文一字不差"

# Field -> (message, hint); {words}, {at} and {where} are filled in.
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
        page, block = year.block(entry.at)
        if words is None or block is None or citations.contains(block, words):
            continue
        message, hint = WORDING[field]
        fill = dict(words=words, at=entry.at, where=f"{page.file}:{block.line}")
        yield year.located.problem(
            entry._path + (field,), message.format(**fill), hint.format(**fill), rule=ID)


check = per_year(check_year)
