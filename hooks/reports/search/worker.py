"""The archive's own search worker, in place of the theme's.

mkdocs-material runs search in a web worker whose URL each page carries in
its ``__config`` script, and lets a site supply its own worker that speaks
the same messages.  ``docs/assets/javascripts/search-worker.js`` is that
worker (its header says why: the theme's builds a lunr index on every page
load, 0.4 s at fifty years, and cuts Chinese queries badly).  The
``search_worker`` hook swaps the one URL in every page and theme template
(404.html).

The URL carries a hash of the worker's content, so a browser that cached an
older worker fetches the new one, and the build stays byte-reproducible.  If
the theme ever writes ``__config`` differently, the build stops with a
message rather than silently falling back to the theme's worker.
"""

from __future__ import annotations

import hashlib
import pathlib
import re

from mkdocs.exceptions import Abort

WORKER = "assets/javascripts/search-worker.js"
CONFIG = re.compile(r'<script id="__config" type="application/json">.*?</script>', re.S)
THEME_WORKER = re.compile(r'"search": "(?P<prefix>[^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"')


def version(docs_dir) -> str:
    """First 12 hex digits of the worker's SHA-256 (its cache key)."""
    path = pathlib.Path(docs_dir) / WORKER
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    except OSError:
        raise Abort(f"缺少搜索程序 docs/{WORKER}：请从版本库恢复该文件。") from None


def use_worker(html: str, version: str) -> str:
    """``html`` with its ``__config`` pointing at this site's worker."""
    config = CONFIG.search(html)
    if config is None:
        return html
    swapped, count = THEME_WORKER.subn(
        lambda m: f'"search": "{m["prefix"]}{WORKER}?v={version}"', config.group(0))
    if count != 1:
        raise Abort("mkdocs-material 页面配置（__config）中找不到搜索 worker 的地址，"
                    "可能是主题升级后格式变了：请维护人员更新 hooks/search_worker.py。")
    return html[:config.start()] + swapped + html[config.end():]
