"""MkDocs hook: adjust the search index mkdocs-material wrote.

Readers search across all years, so a hit must say which year it is from:
part pages are titled "一、主要举措和成效" in the navigation (the year is the
section above), which alone is ambiguous in a result list.  After the search
plugin has written ``search/search_index.json`` (plugins run before hooks),
this hook prefixes the titles of year pages with the year.  It also writes
the index as UTF-8 instead of ``\\uXXXX`` escapes, which halves the bytes of
Chinese text that every reader downloads.

The index format (``{"config": …, "docs": [{"location", "title", "text"}]}``)
is mkdocs-material's; this hook is the only code that depends on it.
"""

from __future__ import annotations

import functools
import json
import pathlib
import re
from hook_errors import guarded

YEAR_PAGE = re.compile(r"^(?P<year>\d{4})/")
INDEX = pathlib.Path("search") / "search_index.json"


def retitle(index: dict) -> dict:
    """Prefix the page-level entries of year pages with "2023年度 · "."""
    for doc in index.get("docs", []):
        m = YEAR_PAGE.match(doc.get("location", ""))
        if m and "#" not in doc["location"]:
            prefix = f"{m.group('year')}\u200b年度 · "
            if not doc["title"].startswith(prefix):
                doc["title"] = prefix + doc["title"]
    return index


HAN = re.compile(r"[\u4e00-\u9fff]+")
TAG = re.compile(r"<[^>]+>")


def subwords(known: set) -> list:
    """Shorter words inside the indexed compounds, for prefix-only matching.

    lunr (the theme's search engine) matches a query only at the start of an
    indexed word, so 复议 does not find 行政复议法.  jieba's search mode lists
    the words inside a compound (行政复议法 -> 行政, 复议, 行政复议 …); those
    not already indexed are returned, sorted for a byte-stable index.  Only
    compounds of three or more characters are split: two-character words have
    no inner words worth finding, and every extra word costs download and
    index-building time in each reader's browser.
    """
    found = set()
    for word in known:
        if len(word) >= 3 and HAN.fullmatch(word):
            found.update(inner_words(word))
    return sorted(found - known)


@functools.lru_cache(maxsize=None)
def inner_words(word: str) -> tuple:
    """The words of two or more characters inside ``word`` (not itself)."""
    try:
        import jieba
    except ImportError:
        return ()
    return tuple(w for w in jieba.cut_for_search(word) if len(w) >= 2 and w != word)


def add_subwords(index: dict) -> dict:
    """Append each entry's sub-words in a hidden span: indexed, never shown."""
    separator = re.compile(index.get("config", {}).get("separator") or r"[\s\u200b]+")
    for doc in index.get("docs", []):
        words = TAG.sub(" ", doc.get("text", "") + " " + doc.get("title", ""))
        extra = subwords(set(separator.split(words)))
        if extra:
            doc["text"] += "<span hidden>\u200b" + "\u200b".join(extra) + "\u200b</span>"
    return index


@guarded
def on_post_build(config):
    path = pathlib.Path(config.site_dir) / INDEX
    if not path.exists():  # search disabled
        return
    index = add_subwords(retitle(json.loads(path.read_text("utf-8"))))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
