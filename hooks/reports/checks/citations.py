"""Entries of a year's data that cite a paragraph of its report.

Every entry that summarises the report names its paragraph (``at``) and,
for most kinds, the exact words found there: ``quote`` for figures, studies,
campaigns and actions, ``original`` for errata, ``evidence`` (optional) for
follow-ups.  Several rules walk these entries -- one asks that the paragraph
exists, one that the words are in it, others build on both -- so the walk
and the two tests are written once, here.

The walk includes the records with a broken field (``YearData.every``): a
field that is None could not be read and is not checked, the others are, so
that a malformed date does not hide a wrong paragraph until the next run.
"""

from __future__ import annotations

from reports.model.report_text import squash


# The words field of each list whose entries cite a paragraph (None: no words).
WORDS = {"figures": "quote", "studies": "quote", "campaigns": "quote", "actions": "quote",
         "shortcomings": None, "plans": None, "errata": "original", "followups": "evidence"}


def cited(year):
    """``(entry, words field or None)`` for every entry that names a paragraph,
    or should (its ``at`` may be None: broken, or left out of a follow-up)."""
    for name, field in WORDS.items():
        for entry in year.meta.every(name):
            yield entry, field


def contains(block, words: str) -> bool:
    """Whether ``words`` occur in the block, ignoring whitespace (line breaks
    in the Markdown source are not part of the text)."""
    return squash(words) in squash(block.text)


def quoted(year, entry, field: str = "quote"):
    """``(page, block)`` when the entry's paragraph exists and holds its words, else None."""
    words = getattr(entry, field)
    page, block = year.block(entry.at)
    if block is None or words is None or not contains(block, words):
        return None
    return page, block


def found_in(year, words: str) -> list:
    """``(page, block)`` of every paragraph of the year's report that holds ``words``."""
    return [(page, block) for page in year.pages.values() if page.slug != "full"
            for block in page.blocks if block.anchor and contains(block, words)]
