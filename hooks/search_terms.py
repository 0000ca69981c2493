"""MkDocs hook: teach the Chinese segmenter this field's vocabulary.

mkdocs-material's search plugin cuts Chinese text into words with jieba at
build time; ``reports.search.terms`` says which words it must keep whole.
Each is added to jieba's global dictionary before any page is indexed (this
hook runs after ``site_data`` has loaded the catalogues).
"""

from __future__ import annotations

from reports.build import context
from reports.search import terms
from reports.build.hook_errors import guarded


@guarded
def on_config(config):
    try:
        import jieba
    except ImportError:  # search then falls back to whitespace splitting
        return config
    build = context.current()
    terms.teach(jieba.add_word, terms.site_terms(build.root, build.archive.catalog))
    return config
