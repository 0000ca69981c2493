"""Readers of built pages and of the report's source text.

Plain functions of text and files (no build, no process), so that a unit test
can check a reader on a page written by hand, and the site tests can trust it
on the built site.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from reports.checks.rules import source_text
from reports.model.report_text import squash  # noqa: F401 - the tests compare text as the checks do

PART_PAGES = ["measures", "shortcomings", "leadership", "plans"]


class ContentText(HTMLParser):
    """Text of the page's article, without permalink symbols and scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article>
        self.skip = 0
        self.parts = []
        self.ids = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.depth += 1
        if self.depth and attrs.get("id"):
            self.ids.append(attrs["id"])
        if self.skip or (self.depth and (tag in ("script", "style")
                                         or "headerlink" in (attrs.get("class") or ""))):
            self.skip += 1

    def handle_endtag(self, tag):
        if self.skip:
            self.skip -= 1
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def source_paragraphs(text: str):
    """The paragraphs of a source text as ``make check`` reads them (``source-text``)."""
    return [words for words, _ in source_text.paragraphs(text)]


def assert_in_source_order(text: str, source: str) -> None:
    """Every paragraph of ``source`` is in ``text``, in the same order."""
    position = 0
    for para in source_paragraphs(source):
        found = text.find(para, position)
        assert found >= 0, f"missing or out of order on the one-page report: {para[:40]}"
        position = found + len(para)


# --- What a browser would fetch from the built files ---------------------------

URL_ATTR = re.compile(r'\b(?:src|href|srcset|action|poster|data)\s*=\s*["\']([^"\']+)["\']', re.I)
CSS_URL = re.compile(r'url\(\s*["\']?([^"\')]+)')
CSS_IMPORT = re.compile(r'@import\s+["\']([^"\']+)')


def loaded_references(site):
    """(file, url) for every URL the browser would fetch from built files."""
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            text = path.read_text("utf-8")
            for tag in re.finditer(r"<(link|script|img|iframe|source|video|audio|embed|object|form)\b[^>]*>", text, re.I):
                element = tag.group(0)
                if tag.group(1).lower() == "link" and not re.search(
                        r'rel=["\'](?:stylesheet|icon|preload|modulepreload|prefetch|manifest|preconnect|dns-prefetch)', element):
                    continue
                for url in URL_ATTR.findall(element):
                    yield path, html.unescape(url)
            for style in re.findall(r"<style\b[^>]*>(.*?)</style>", text, re.S | re.I):
                for url in CSS_URL.findall(style) + CSS_IMPORT.findall(style):
                    yield path, url
        elif path.suffix == ".css":
            text = path.read_text("utf-8")
            for url in CSS_URL.findall(text) + CSS_IMPORT.findall(text):
                yield path, url
        elif path.suffix == ".js":
            text = path.read_text("utf-8")
            for m in re.finditer(r'(?:importScripts|fetch|import)\s*\(\s*["\']((?:https?:)?//[^"\']+)', text):
                yield path, m.group(1)


# --- "改数据" links and the tables they stand over ------------------------------

class DataEdits(HTMLParser):
    """The article of a built page as the events that matter to its "改数据"
    links, in document order: ``("heading", id)``, ``("edit", link)`` and
    ``("table", id)``.  ``link`` holds the link's href, title, aria-label and
    text, and ``where``: the id of the last element with one before it (the
    table's box, or the heading of its section)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article>
        self.events = []
        self.last_id = ""
        self.link = None  # the link being read

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.depth += 1
        if not self.depth:
            return
        if tag in ("h1", "h2", "h3"):
            self.events.append(("heading", attrs.get("id", "")))
        elif tag == "table":
            self.events.append(("table", self.last_id))
        elif tag == "p" and "data-edit" in (attrs.get("class") or "").split():
            self.link = {"where": self.last_id, "text": ""}
        elif tag == "a" and self.link is not None:
            self.link.update(href=attrs.get("href"), title=attrs.get("title"), label=attrs.get("aria-label"))
        if attrs.get("id"):
            self.last_id = attrs["id"]

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        if tag == "p" and self.link is not None:
            self.events.append(("edit", self.link))
            self.link = None

    def handle_data(self, data):
        if self.link is not None:
            self.link["text"] += data


def data_edits(html: str) -> list:
    """The events of ``DataEdits`` for the page ``html``."""
    reader = DataEdits()
    reader.feed(html)
    return reader.events
