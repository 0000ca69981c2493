"""The words the Chinese segmenter must not split.

mkdocs-material's search plugin cuts Chinese text into words with jieba at
build time.  Without help, jieba splits domain terms (国动办 -> 国/动/办), and
a reader searching for the whole term finds nothing.  The terms live in
``data/search/terms.txt`` (one per line, editable by editors), and every name
in the catalogues (laws by full and short name, campaigns and their aliases)
is a term too.  The ``search_terms`` hook adds them to jieba's dictionary.
"""

from __future__ import annotations

import pathlib

from reports.model import terms as vocabulary

TERMS_FILE = vocabulary.TERMS_FILE
# jieba's weight for an added word: high enough that it always wins over the
# shorter words inside it.
FREQUENCY = 100000


def read_terms(path: pathlib.Path) -> list:
    """The terms of a terms file (``model.terms.parse``)."""
    return vocabulary.parse(path.read_text("utf-8-sig"))


def catalogue_terms(catalog) -> list:
    entries = list(catalog.documents.values()) + list(catalog.campaigns.values())
    return sorted({name for entry in entries for name in entry.names})


def site_terms(root: pathlib.Path, catalog) -> list:
    """Every term of the project at ``root``: the terms file's, then the catalogues'."""
    return read_terms(pathlib.Path(root) / TERMS_FILE) + catalogue_terms(catalog)


# The terms given to jieba by this process so far.  jieba.add_word adds the
# word's frequency to the dictionary's total every time, even for a word it
# has: ``mkdocs serve`` teaches the terms again on every rebuild, so without
# this the total grew with each save and the served index was cut into other
# words than ``mkdocs build``'s.
_taught: set = set()


def teach(add_word, words) -> None:
    """Call ``add_word(term, freq=FREQUENCY)`` for each of ``words`` this
    process has not taught yet; the first build calls it exactly as a
    ``mkdocs build`` does (repeats included)."""
    for term in words:
        if term not in _taught:
            add_word(term, freq=FREQUENCY)
    _taught.update(words)
