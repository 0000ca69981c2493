"""Entries of a year's data that cite a paragraph of its report.

Every entry that summarises the report names its paragraph (``at``) and,
for most kinds, the exact words found there: ``quote`` for figures, studies,
campaigns and actions, ``original`` for errata, ``evidence`` (optional) for
follow-ups.  Several rules walk these entries -- one asks that the paragraph
exists, one that the words are in it, others build on both -- so the walk
and the two tests are written once, here.
"""

from __future__ import annotations

from reports.model.report_text import squash


def cited(year):
    """``(entry, words field or None)`` for every entry that names a paragraph."""
    data = year.meta
    for entry in data.figures + data.studies + data.campaigns + data.actions:
        yield entry, "quote"
    for entry in data.shortcomings + data.plans:
        yield entry, None
    for entry in data.errata:
        yield entry, "original"
    for entry in data.followups:
        if entry.at is not None:  # optional for follow-ups only
            yield entry, "evidence"


def contains(block, words: str) -> bool:
    """Whether ``words`` occur in the block, ignoring whitespace (line breaks
    in the Markdown source are not part of the text)."""
    return squash(words) in squash(block.text)


def quoted(year, entry, field: str = "quote"):
    """``(page, block)`` when the entry's paragraph exists and holds its words, else None."""
    page, block = year.block(entry.at)
    if block is None or not contains(block, getattr(entry, field)):
        return None
    return page, block
