"""MkDocs hook: teach the Chinese segmenter this field's vocabulary.

mkdocs-material's search plugin cuts Chinese text into words with jieba at
build time.  Without help, jieba splits domain terms (国动办 -> 国/动/办), and
a reader searching for the whole term finds nothing.  The terms live in
``data/search/terms.txt`` (one per line, editable by editors), and every name
in the catalogues (laws by full and short name, campaigns and their aliases)
is a term too; each is added to jieba's global dictionary before any page is
indexed (this hook runs after ``site_data`` has loaded the catalogues).
"""

from __future__ import annotations

import pathlib

from reports.build import site_state
from reports.build.hook_errors import guarded

TERMS_FILE = pathlib.Path("data") / "search" / "terms.txt"


def read_terms(path: pathlib.Path) -> list:
    terms = []
    for line in path.read_text("utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            terms.append(word.split()[0])
    return terms


@guarded
def on_config(config):
    try:
        import jieba
    except ImportError:  # search then falls back to whitespace splitting
        return config
    root = pathlib.Path(config.config_file_path).resolve().parent
    for term in read_terms(root / TERMS_FILE) + catalogue_terms(site_state.archive().catalog):
        jieba.add_word(term, freq=100000)
    return config


def catalogue_terms(catalog) -> list:
    entries = list(catalog.documents.values()) + list(catalog.campaigns.values())
    return sorted({name for entry in entries for name in entry.names})
