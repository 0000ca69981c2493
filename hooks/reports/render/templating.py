"""Rendering data into page fragments with Jinja templates.

Fragments are HTML inserted into the Markdown source of a page.  They are made
by Jinja with autoescaping switched on, so a value from the data can never
become markup, and a ``|`` or a line break in a value cannot break a table the
way it would in a Markdown table.  Links are computed here as relative URLs so
that the built site works under any sub-path of any web server.

The environment is this module's own, not the theme's
(``config.theme.get_env()``, which mkdocs-material's own hooks and plugins
render through).  The theme's renders whole pages: it has no autoescaping,
keeps every line break of a template, loads from the theme's folders, and its
``url`` filter needs the page being rendered by the theme.  Fragments are
rendered earlier, in ``on_page_markdown``, into the Markdown of a page, out of
values from editors' YAML: they need autoescaping, ``trim_blocks`` (no stray
blank line may end Markdown's raw HTML block), ``StrictUndefined`` and the
filters below, and the unit tests render them with no MkDocs config at all.
"""

from __future__ import annotations

import dataclasses
import functools
import pathlib
import posixpath
import re

import jinja2
import markupsafe

from reports.model import report_text
from reports.model import year_data

TEMPLATES = pathlib.Path(__file__).parent / "templates"

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(TEMPLATES)),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


@functools.lru_cache(maxsize=4096)
def url_of(src_uri: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives the page ``src_uri`` (relative to the site root).

    Cached: each of a few hundred pages is asked for thousands of times (by
    ``_relative``, for every link to or from it)."""
    stem, _ = posixpath.splitext(src_uri)
    if not use_directory_urls:
        return stem + ".html"
    if posixpath.basename(stem) in ("index", "README"):
        directory = posixpath.dirname(stem)
        return directory + "/" if directory else ""
    return stem + "/"


@functools.lru_cache(maxsize=65536)
def _relative(src_uri: str, target_src: str, use_directory_urls: bool) -> str:
    """Relative URL of one page from another (cached: a 50-year archive asks
    for the same few thousand links tens of thousands of times)."""
    here = url_of(src_uri, use_directory_urls)
    there = url_of(target_src, use_directory_urls)
    base = posixpath.dirname(here) if not here.endswith("/") else here.rstrip("/")
    rel = relpath(there, base)
    if not there or there.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel


def relpath(path: str, start: str) -> str:
    """``posixpath.relpath(path or ".", start or ".")`` for the site-relative
    paths of URLs.

    The library makes both absolute first, with a call to ``os.getcwd()``
    each; over a 50-year archive's thousands of links that was most of the
    time spent on links.  Paths that are absolute or hold ``..`` (``url_of``
    makes neither) still go to the library.
    """
    if path.startswith("/") or start.startswith("/") or ".." in path or ".." in start:
        return posixpath.relpath(path or ".", start or ".")
    target = [part for part in path.split("/") if part and part != "."]
    origin = [part for part in start.split("/") if part and part != "."]
    common = 0
    for a, b in zip(target, origin):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(origin) - common) + target[common:]) or "."


@dataclasses.dataclass
class Linker:
    """Relative links from one page, as a browser resolves them."""

    src_uri: str
    use_directory_urls: bool = True

    def __call__(self, target_src: str, anchor: str = "") -> str:
        rel = _relative(self.src_uri, target_src, self.use_directory_urls)
        return rel + (f"#{anchor}" if anchor else "")

    def file(self, target: str) -> str:
        """Link to a file of the built site that is not a page (a download)."""
        here = url_of(self.src_uri, self.use_directory_urls)
        base = here.rstrip("/") if here.endswith("/") else posixpath.dirname(here)
        return relpath(target, base)


FRAGMENT_START, FRAGMENT_END = "<!--fragment-->", "<!--/fragment-->"


def render(template: str, **context) -> str:
    """Render ``template`` into a block that can be embedded in Markdown.

    The HTML is finished: nothing in it is Markdown.  It is wrapped in
    ``FRAGMENT_START``/``FRAGMENT_END`` comments so that the page hook can
    set it aside while Markdown runs (parsing large raw HTML blocks is most of
    Python-Markdown's time on generated pages) and put it back afterwards;
    if nobody does, the comments are harmless.  Blank lines are removed and
    the block is surrounded by blank lines, so that Markdown sees one raw
    HTML block either way.
    """
    return f"\n\n{FRAGMENT_START}\n" + _lines(template, context) + f"\n{FRAGMENT_END}\n\n"


def markup(template: str, **context) -> markupsafe.Markup:
    """Render ``template`` into markup for another template to insert.

    Not a fragment (no wrapping comments): the result is a piece of a
    fragment, e.g. a chart inside the page's figure.  It is ``Markup``
    because it was made by an autoescaping template, so the including
    template prints it as it is, without ``|safe``.
    """
    return markupsafe.Markup(_lines(template, context))


def _lines(template: str, context: dict) -> str:
    """The template's output without blank lines (one would end Markdown's raw HTML block)."""
    html = _env.get_template(template).render(**context)
    return "\n".join(line for line in html.split("\n") if line.strip())


# What stands for a fragment while Markdown runs: plain text, since raw HTML
# (comments included) is printed as text there (``text_only``).  Markdown
# makes it a paragraph of its own.
PLACEHOLDER = "@@reports-fragment-{}@@"


def set_aside(markdown: str) -> tuple:
    """Replace each rendered fragment by a short placeholder.

    Returns ``(markdown, fragments)``; ``restore`` puts them back into the
    HTML that Markdown made of it.
    """
    fragments = []

    def keep(match):
        fragments.append(match.group(1))
        return PLACEHOLDER.format(len(fragments) - 1)

    return _FRAGMENT.sub(keep, markdown), fragments


def restore(html: str, fragments: list) -> str:
    return _PLACEHOLDER.sub(lambda m: fragments[int(m.group(1))], html)


_FRAGMENT = re.compile(re.escape(FRAGMENT_START) + r"\n(.*?)\n" + re.escape(FRAGMENT_END), re.S)
_PLACEHOLDER = re.compile(r"(?:<p>)?@@reports-fragment-(\d+)@@(?:</p>)?")


def date_zh(value) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def coordinate(value: float) -> str:
    """An SVG coordinate as written: one decimal at most, ``12`` not ``12.0``,
    never ``-0``."""
    text = f"{round(value, 1):.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


_env.filters["date_zh"] = date_zh
_env.filters["number"] = year_data.number_text
_env.filters["coordinate"] = coordinate
_env.filters["place"] = report_text.anchor_label
# Entries of draft years are marked with the status's label, the schema's.
_env.globals["year_statuses"] = year_data.STATUSES
