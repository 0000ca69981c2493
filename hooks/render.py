"""Rendering data into page fragments with Jinja templates.

Fragments are HTML inserted into the Markdown source of a page.  They are made
by Jinja with autoescaping switched on, so a value from the data can never
become markup, and a ``|`` or a line break in a value cannot break a table the
way it would in a Markdown table.  Links are computed here as relative URLs so
that the built site works under any sub-path of any web server.
"""

from __future__ import annotations

import dataclasses
import pathlib
import posixpath

import jinja2

import report_text

TEMPLATES = pathlib.Path(__file__).parent / "templates"

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(TEMPLATES)),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


def url_of(src_uri: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives the page ``src_uri`` (relative to the site root)."""
    stem, _ = posixpath.splitext(src_uri)
    if not use_directory_urls:
        return stem + ".html"
    if posixpath.basename(stem) in ("index", "README"):
        directory = posixpath.dirname(stem)
        return directory + "/" if directory else ""
    return stem + "/"


@dataclasses.dataclass
class Linker:
    """Relative links from one page, as a browser resolves them."""

    src_uri: str
    use_directory_urls: bool = True

    def __call__(self, target_src: str, anchor: str = "") -> str:
        here = url_of(self.src_uri, self.use_directory_urls)
        there = url_of(target_src, self.use_directory_urls)
        base = posixpath.dirname(here) if not here.endswith("/") else here.rstrip("/")
        rel = posixpath.relpath(there or ".", base or ".")
        if not there or there.endswith("/"):
            rel = "./" if rel == "." else rel + "/"
        return rel + (f"#{anchor}" if anchor else "")

    def file(self, target: str) -> str:
        """Link to a file of the built site that is not a page (a download)."""
        here = url_of(self.src_uri, self.use_directory_urls)
        base = here.rstrip("/") if here.endswith("/") else posixpath.dirname(here)
        return posixpath.relpath(target, base or ".")


def render(template: str, **context) -> str:
    """Render ``template`` and make it safe to embed in Markdown.

    Blank lines would end Python-Markdown's raw HTML block, so they are
    removed; the fragment is surrounded by blank lines so that it is parsed
    as a block of its own.
    """
    html = _env.get_template(template).render(**context)
    lines = [line for line in html.split("\n") if line.strip()]
    return "\n\n" + "\n".join(lines) + "\n\n"


def date_zh(value) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def number(value) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


_env.filters["date_zh"] = date_zh
_env.filters["number"] = number
_env.filters["place"] = report_text.anchor_label
