"""Helpers for the browser tests: a local web server, Chromium, and the search UI.

The site is read on an intranet without internet access, so everything here
talks to 127.0.0.1 only.  Playwright cannot download its own browsers on the
build machines, so Debian's Chromium is driven instead; the tests skip when it
is not installed (``make browser`` installs it).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import http.server
import pathlib
import re
import threading
import urllib.parse

CHROMIUM = pathlib.Path("/usr/bin/chromium")
# Headless, sandbox-free (tests may run as root in a container), and with every
# background service that would phone home switched off.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
# URLs that never leave the browser.
INLINE_SCHEMES = {"data", "blob", "about"}


# --- The site, served as the intranet web server would -----------------------

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request to the test output."""

    def log_message(self, format, *args):  # noqa: A002 - signature is fixed
        pass


@contextlib.contextmanager
def serve(directory: pathlib.Path):
    """Serve ``directory`` on a free port of 127.0.0.1; yield the base URL.

    A real HTTP server, not file:// URLs: the search worker and its index are
    fetched with ``fetch()``/``new Worker()``, which browsers refuse on file://.
    """
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- Which requests leave the machine -----------------------------------------

def is_local(url: str) -> bool:
    """True when loading ``url`` contacts no host other than this machine."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme in INLINE_SCHEMES:
        return True
    return parts.hostname in LOCAL_HOSTS


def block_other_hosts(context) -> None:
    """Abort every request to another host, so a test can never reach the net.

    The tests still *see* such a request (the ``request`` event fires before
    routing) and fail on it; this only keeps a regression from leaking out.
    """
    def handle(route):
        if is_local(route.request.url):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    context.route("**/*", handle)


TIMEOUT_MS = 15_000  # what a page may take on a loaded build machine


def new_page(browser, **context_options):
    """A page in a fresh, offline-safe context with short timeouts: no cache
    or storage shared with another test, requests to other hosts aborted."""
    context = browser.new_context(**context_options)
    context.set_default_timeout(TIMEOUT_MS)
    block_other_hosts(context)
    return context.new_page()


class RequestLog:
    """Every URL a page requests, including those of its workers."""

    def __init__(self, page):
        self.urls: list[str] = []
        page.on("request", lambda request: self.urls.append(request.url))

    def external(self) -> list[str]:
        return [url for url in self.urls if not is_local(url)]

    def paths(self) -> set[str]:
        return {urllib.parse.urlsplit(url).path for url in self.urls}


# --- mkdocs-material's search box ----------------------------------------------

SEARCH_INPUT = "input.md-search__input"
RESULT_META = ".md-search-result__meta"
RESULT_LINK = ".md-search-result__link"
PLACEHOLDER = "键入以开始搜索"  # material's zh text while the query is empty
# The worker has loaded the index: material replaces "正在初始化搜索引擎" by
# the placeholder once the worker has answered the empty query.
SEARCH_READY = """([placeholder]) =>
  document.querySelector(".md-search-result__meta")?.textContent.trim() === placeholder"""
# True once the worker has answered the query now in the box: material writes
# the result count into the meta line in the same step as it renders the list.
# Until the worker is ready (the index is fetched when the box first gets
# focus) the meta line says INITIALIZING: no answer yet.
INITIALIZING = "正在初始化搜索引擎"
ANSWERED = """([placeholder]) => {
  const meta = document.querySelector(".md-search-result__meta");
  const query = document.querySelector("input.md-search__input").value;
  const text = meta ? meta.textContent.trim() : "";
  return !!meta && text !== "%s" && (query === "") === (text === placeholder);
}""" % INITIALIZING
# Each result link: its URL, material's relevance score and highlighted words.
READ_RESULTS = """(links) => links.map(link => ({
  href: link.href,
  score: Number(link.querySelector("article").dataset.mdScore),
  marks: [...link.querySelectorAll("mark")].map(mark => mark.textContent),
}))"""


@dataclasses.dataclass(frozen=True)
class Hit:
    """One result link: a page or one of its sections."""

    target: str  # site path and anchor, e.g. "2023/measures/#s1-4"
    score: float
    marks: tuple  # the words material highlighted in it


@dataclasses.dataclass(frozen=True)
class Results:
    query: str
    meta: str  # e.g. "3 个符合条件的结果"
    hits: tuple

    @property
    def targets(self) -> list[str]:
        return [hit.target for hit in self.hits]

    @property
    def marks(self) -> set[str]:
        return {mark for hit in self.hits for mark in hit.marks}

    def ranked(self) -> list[Hit]:
        """Matching sections, best first (score 0 = a page listed only as a heading)."""
        return sorted((hit for hit in self.hits if hit.score > 0),
                      key=lambda hit: -hit.score)

    def describe(self, n: int = 6) -> str:
        """Short text for assertion messages: what a reader saw."""
        top = ", ".join(f"{hit.target} ({hit.score:g})" for hit in self.ranked()[:n])
        return f"{self.query!r}: {self.meta}; top: {top or '-'}; marked: {sorted(self.marks)}"


def wait_for_search_index(page) -> None:
    """Turn to the search box, as a reader does before the index is fetched
    (search-gate.js), and wait until the search worker has loaded it.  (A
    test that opens search with a key needs no call: the key starts the
    fetch, and the answer waited for comes after it.)"""
    page.locator(SEARCH_INPUT).focus()
    page.wait_for_function(SEARCH_READY, arg=[PLACEHOLDER])


class SearchBox:
    """Types queries into the real search UI of an open page and reads the results."""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.input = page.locator(SEARCH_INPUT)

    def search(self, query: str) -> Results:
        # From the empty state, which also means the index is loaded: the
        # answer waited for below can then only be the one to this query.
        self._type("")
        self._type(query)
        return Results(query, self.page.locator(RESULT_META).inner_text().strip(),
                       tuple(self._hits()))

    def _type(self, text: str) -> None:
        """Put ``text`` in the box the way an IME commits it, then wait for the answer.

        material reads the box on ``keyup``; a Chinese input method commits the
        whole word and then fires one, which ``fill`` plus a key press mimics
        (``keyboard.type`` would insert CJK text without any key events).
        """
        self.input.fill(text)
        self.input.press("End")
        self.page.wait_for_function(ANSWERED, arg=[PLACEHOLDER])

    def _hits(self):
        for link in self.page.locator(RESULT_LINK).evaluate_all(READ_RESULTS):
            yield Hit(self._target(link["href"]), link["score"], tuple(link["marks"]))

    def _target(self, href: str) -> str:
        """``http://127.0.0.1:p/2023/full/?h=x#s1-2`` -> ``2023/full/#s1-2``."""
        parts = urllib.parse.urlsplit(urllib.parse.urljoin(self.base_url, href))
        base = urllib.parse.urlsplit(self.base_url).path
        path = parts.path[len(base):] if parts.path.startswith(base) else parts.path
        return path + (f"#{parts.fragment}" if parts.fragment else "")


# --- The search worker on its own -----------------------------------------------

# SETUP with an index, then each query; resolves with the RESULT data of every
# query.  The worker is created from a URL of the served site, as the theme
# creates it, and the index is handed over as the theme hands it over.
ASK_WORKER = """async ([url, index, queries]) => {
  // The page holds the index's setup until the reader turns to search
  // (search-gate.js): turn to it.
  document.querySelector("input.md-search__input").focus();
  const worker = new Worker(url);
  const next = () => new Promise((resolve, reject) => {
    worker.onmessage = event => resolve(event.data);
    worker.onerror = event => reject(new Error(event.message));
  });
  let answer = next();
  worker.postMessage({type: 0, data: {...index, options: {suggest: false}}});
  if ((await answer).type !== 1) throw new Error("no READY");
  const results = [];
  for (const query of queries) {
    answer = next();
    worker.postMessage({type: 2, data: query});
    let message = await answer;
    // A sharded index answers from the shards in so far ("partial"), then
    // again once every shard is in: the last answer is the one compared.
    while (message.type === 3 && message.data.partial) message = await (answer = next());
    if (message.type !== 3) throw new Error("no RESULT");
    results.push(message.data);
  }
  worker.terminate();
  return results;
}"""


def ask_worker(page, url: str, index: dict, queries) -> list[dict]:
    """The worker at ``url`` (on the page's server), given ``index``: the
    RESULT data of each of ``queries``, as the theme receives it."""
    return page.evaluate(ASK_WORKER, [url, index, list(queries)])


# --- Print --------------------------------------------------------------------

PDF_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
PDF_MEDIABOX = re.compile(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]")
A4_POINTS = (595.28, 841.89)


def pdf_page_count(pdf: bytes) -> int:
    """Number of page objects in a PDF as Chromium writes it (uncompressed dicts)."""
    return len(PDF_PAGE.findall(pdf))


def pdf_page_sizes(pdf: bytes) -> set:
    """(width, height) in points of every page's MediaBox, rounded."""
    return {(round(float(x1) - float(x0)), round(float(y1) - float(y0)))
            for x0, y0, x1, y1 in PDF_MEDIABOX.findall(pdf)}


def css_font_families(value: str) -> list[str]:
    """``'"A B", C, serif'`` -> ``["A B", "C", "serif"]``."""
    return [name.strip().strip("\"'") for name in value.split(",") if name.strip()]


def rendered_fonts(page, selector: str) -> list[dict]:
    """The fonts Chromium actually drew the first ``selector`` element's text with.

    Computed ``font-family`` only lists wishes; the platform fonts show what the
    reader's machine used, e.g. a fallback that draws boxes for Chinese.
    Returns DevTools' ``[{familyName, glyphCount, ...}]``, most glyphs first.
    The DevTools session is left open (it ends with the page): detaching it
    makes Chromium drop ``page.emulate_media(media="print")``.
    """
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return sorted(fonts, key=lambda font: -font["glyphCount"])


# --- The measures finder ------------------------------------------------------

def wait_until_loaded(page, timeout: float = 30_000):
    """Wait until the measures finder has every year's data file (its count
    line stops saying it is loading)."""
    page.wait_for_function(
        "() => { const c = document.querySelector('[data-finder-count]');"
        " return c && !c.textContent.includes('正在载入'); }", timeout=timeout)


# --- 关爱版 (accessibility.js, reading.css) ---------------------------------------

CARE_SWITCH = ".md-header button.care-toggle"
IN_CARE_MODE = "() => document.documentElement.getAttribute('data-reading') === 'care'"


def set_care_mode(page, on: bool = True) -> None:
    """Press the header's switch, as a reader does, until the open page is in
    the 关爱版 (``on``) or the standard version; the choice is then stored."""
    switch = page.locator(CARE_SWITCH)
    switch.wait_for()
    if page.evaluate(IN_CARE_MODE) != on:
        switch.click()
    page.wait_for_function(f"() => ({IN_CARE_MODE})() === {'true' if on else 'false'}")
