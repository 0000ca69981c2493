"""The search index mkdocs-material writes, adjusted for readers of many years.

Readers search across all years, so a hit must say which year it is from:
part pages are titled "一、主要举措和成效" in the navigation (the year is the
section above), which alone is ambiguous in a result list.  After the search
plugin has written ``search/search_index.json`` (plugins run before hooks),
the titles of year pages get the year as a prefix.  The index is also
written as UTF-8 instead of ``\\uXXXX`` escapes, which halves the bytes of
Chinese text that every reader downloads.

Words inside compounds (复议 in 行政复议法) or cut apart by jieba (机构|改革)
need nothing in the index: the site's search worker (``worker``) looks for a
query in the text with the word breaks (U+200B) taken out, so the index
carries only the text as published, and the worker gives nothing back with
a word break in it.

The index format (``{"config": …, "docs": [{"location", "title", "text"}]}``)
is mkdocs-material's; this module, ``shards`` and the search worker are the
only code that depends on it.  The file the theme fetches on every page load
is then only a manifest of the shards (``shards``): readers who do not search
download a few hundred bytes, not the archive.
"""

from __future__ import annotations

import json
import pathlib

from reports.model import pages
from reports.search import shards, worker

INDEX = pathlib.Path("search") / "search_index.json"


def retitle(index: dict) -> dict:
    """Prefix the page-level entries of year pages with "2023年度 · "."""
    for doc in index.get("docs", []):
        m = pages.IN_YEAR.match(doc.get("location", ""))
        if m and "#" not in doc["location"]:
            prefix = f"{m.group('year')}\u200b年度 · "
            if not doc["title"].startswith(prefix):
                doc["title"] = prefix + doc["title"]
    return index


#: From the worker's address to the site's root, where the shard paths start.
WORKER_TO_ROOT = "../" * worker.WORKER.count("/")


def rewrite(site_dir, shard_bytes: int = shards.SHARD_BYTES) -> None:
    """Retitle the index in the built site ``site_dir`` and write it as UTF-8
    shards, with the manifest in its place."""
    site = pathlib.Path(site_dir)
    path = site / INDEX
    if not path.exists():  # search disabled
        return
    index = retitle(json.loads(path.read_text("utf-8")))
    cut = shards.cut(index.get("docs", []), shard_bytes)
    folder = site / shards.FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for shard in cut:
        (site / shard.path).write_bytes(shard.content)
    # make serve rebuilds into the same folder: the shards of earlier builds go.
    current = {site / shard.path for shard in cut}
    for old in folder.glob("*.json"):
        if old not in current:
            old.unlink()
    path.write_bytes(shards.dumps(shards.manifest(index, cut, WORKER_TO_ROOT)))


def load(site_dir) -> dict:
    """The whole index of a built site, its shards put together again."""
    site = pathlib.Path(site_dir)
    return shards.assemble(json.loads((site / INDEX).read_text("utf-8")),
                           lambda p: (site / p).read_bytes())
