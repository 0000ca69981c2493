"""A report page saved from a government portal (``.html``/``.htm``) as lines of text (pure).

The page holds far more than the report: the portal's menus, breadcrumbs,
related links, a footer, and the 政府信息公开 table (索引号, 发布机构 ...) that
the report's data wants.  The report's own text is extracted with
readability-lxml (measured against trafilatura and selectolax on the
fixtures: the only one that kept every paragraph on its own line whether the
page writes ``<p>``, ``<br>`` or a table cell; see tests/fixtures/import/README.md).
The metadata lines and the page's title are read from the whole page, and put
before the text, so that the same pipeline as for a ``.txt`` sees them.
Nothing is fetched: the page's links, images and scripts are never loaded.
"""

from __future__ import annotations

import codecs
import re

import lxml.etree
import lxml.html
import readability

from reports.commands.importer import metadata
from reports.commands.importer.title import TITLE_END

# A saved page is some hundred KB; one far larger is not a report page.
MAX_HTML_BYTES = 8 * 1024 * 1024
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
# Elements that end a line of text; a table cell only separates words.
BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "section", "article",
          "blockquote", "pre", "dd", "dt", "ul", "ol", "header", "footer", "center", "form", "hr"}
HEADINGS = ("h1", "h2", "h3")
TITLE_MAX = 80
EXTRACTOR = "readability-lxml"


def decode_html(data: bytes) -> tuple[str, str]:
    """``(text, encoding)``: a BOM, then the page's ``<meta charset>``, then
    UTF-8, then GB18030 (portals of the 2010s are often GBK)."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name.removesuffix("-sig").upper()
    declared = CHARSET.search(data[:4096])
    names = []
    if declared:
        name = declared.group(1).decode("ascii").lower()
        names.append("gb18030" if name in ("gb2312", "gbk", "gb18030", "x-gbk") else name)
    names += ["utf-8", "gb18030"]
    for name in names:
        try:
            return data.decode(name), name.upper()
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("gb18030", errors="replace"), "GB18030"


def text_lines(element) -> list:
    """The text of an element as lines: a line ends at each block element."""
    pieces = []

    def walk(node):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("script", "style", "noscript", "template") or not tag:
            if node.tail:
                pieces.append(node.tail)
            return
        block = tag in BLOCKS
        if block:
            pieces.append("\n")
        if node.text:
            pieces.append(node.text)
        for child in node:
            walk(child)
        if block:
            pieces.append("\n")
        elif tag in ("td", "th"):
            pieces.append(" ")
        if node.tail:
            pieces.append(node.tail)

    walk(element)
    return [line.strip() for line in "".join(pieces).replace("\xa0", " ").split("\n") if line.strip()]


def page_lines(text: str):
    """``(lines, note)``: the page's metadata lines, its title, then the report's text."""
    try:
        page = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return [], ""
    everything = text_lines(page)
    meta = [line for n, line in enumerate(everything, 1) if metadata.metadata_line(line, n) is not None]
    summary = readability.Document(text).summary(html_partial=True)
    body = text_lines(lxml.html.fragment_fromstring(summary, create_parent="div")) if summary.strip() else []
    title = _page_title(page)
    lines = meta + ([title] if title and not any(_same(title, line) for line in body[:3]) else []) + body
    note = (f"网页正文由 {EXTRACTOR} 提取，网页的信息公开栏目（索引号等）和标题另行读出，放在正文之前；"
            "下面的行号指提取出的文字，不是网页文件的行号。请在网页上核对全文。")
    return lines, note


def _page_title(page) -> str:
    """The report's title as the page shows it: the first heading (or
    element whose class names a title) that reads like one."""
    candidates = [e for e in page.iter(*HEADINGS)]
    candidates += [e for e in page.iter() if isinstance(e.tag, str) and "title" in (e.get("class") or "").lower()]
    for element in candidates:
        text = " ".join(text_lines(element)).strip()
        if text and len(text) <= TITLE_MAX and TITLE_END.search(text):
            return text
    return ""


def _same(a: str, b: str) -> bool:
    return re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b)
