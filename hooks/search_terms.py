"""MkDocs hook: teach the Chinese segmenter this field's vocabulary.

mkdocs-material's search plugin cuts Chinese text into words with jieba at
build time; ``reports.search.terms`` says which words it must keep whole.
Each is added to jieba's global dictionary before any page is indexed (this
hook runs after ``site_data`` has loaded the catalogues).
"""

from __future__ import annotations

import pathlib

from reports.build import site_state
from reports.search import terms
from reports.build.hook_errors import guarded


@guarded
def on_config(config):
    try:
        import jieba
    except ImportError:  # search then falls back to whitespace splitting
        return config
    root = pathlib.Path(config.config_file_path).resolve().parent
    for term in terms.site_terms(root, site_state.archive().catalog):
        jieba.add_word(term, freq=terms.FREQUENCY)
    return config
