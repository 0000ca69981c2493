"""Which pages a change needs rebuilt, from checksums of the inputs.

``make serve`` rebuilds after every save.  A full build of a 50-year archive
renders hundreds of pages to show the editor one changed sentence, so a
rebuild under ``mkdocs serve --dirty`` (``build.incremental``) renders only
the pages that can show the change.  This module is the one place that
decides which pages those are.  It is pure: it compares two ``Snapshot``
values -- the checksum of every input file and the *shape* of the site (the
navigation, with every year's and page's title) -- and returns a ``Plan``.

The rule is to be conservative: a stale page in ``make serve`` is a bug an
editor cannot see, a full rebuild is only slow.  So only two kinds of change
are rebuilt in part, because what depends on them is known:

* ``data/years/<Y>.yml`` or a page ``docs/<Y>/<slug>.md`` changed: the pages
  of year Y (its folder, the generated 与上年对比 page included), the
  与上年对比 page of the year after Y (it compares with Y), and every page
  outside the year folders (the home page and the cross-year pages: 历年报告,
  措施检索, 数据趋势, 法律法规, 宣传节点, 计划落实 ... read all years);
* a site-wide page ``docs/<name>.md`` changed: that page (its title in the
  navigation is fixed, ``render.navigation.SITE_PAGES``).

Everything else means a full rebuild: no snapshot of a finished build to
compare with (the first build, or the build before failed), the shape changed
(a year, a page or a title added, removed or renamed: every page's navigation
and year bar shows them), a file added or removed, or any other file changed
(``mkdocs.yml``, the catalogue, the terms, the assets, the hooks, the
theme overrides: what every page shows or how it is made).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pathlib
import re

from reports.model import pages

# The inputs of a build, relative to the project root; the docs folder is
# added as configured (``docs_dir``).
INPUTS = ("mkdocs.yml", "data", "hooks", "overrides")
YEAR_DATA = re.compile(rf"^data/years/(?P<year>{pages.YEAR})\.yml$")


@dataclasses.dataclass(frozen=True)
class Snapshot:
    files: dict  # path relative to the root (as editors see it) -> checksum
    shape: str  # what every page shows of the others: the navigation, as text


@dataclasses.dataclass(frozen=True)
class Plan:
    full: bool
    reason: str  # why, in Chinese, for the editor's log
    years: frozenset = frozenset()  # years whose pages are rebuilt
    pages: frozenset = frozenset()  # other pages rebuilt, by src_uri
    site_pages: bool = False  # every page outside the year folders too

    def needs(self, src_uri: str, before: dict) -> bool:
        """Whether the page ``src_uri`` must be rebuilt.  ``before`` maps a
        year to the year before it in the archive (the one its 与上年对比
        page compares with)."""
        if self.full or src_uri in self.pages:
            return True
        m = pages.IN_YEAR.match(src_uri)
        if m is None:
            return self.site_pages
        year = int(m.group("year"))
        if year in self.years:
            return True
        return src_uri == pages.COMPARE.src_uri(year) and before.get(year) in self.years


def full(reason: str) -> Plan:
    return Plan(full=True, reason=reason)


def checksums(root, docs_dir) -> dict:
    """``{path: checksum}`` of every input file under ``root``: the docs
    folder, ``data/``, ``hooks/``, ``overrides/`` and ``mkdocs.yml``.
    Hidden files and Python's caches are left out (MkDocs ignores the one,
    Python writes the other while a build runs)."""
    root = pathlib.Path(root)
    docs = pathlib.Path(os.path.relpath(pathlib.Path(docs_dir).resolve(), root.resolve())).as_posix()
    out = {}
    for name in (docs, *INPUTS):
        top = root / name
        if top.is_file():
            out[name] = _digest(top)
            continue
        for folder, dirs, files in os.walk(top):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
            for file in sorted(files):
                if file.startswith(".") or file.endswith((".pyc", "~")):
                    continue
                path = pathlib.Path(folder) / file
                out[path.relative_to(root).as_posix()] = _digest(path)
    return out


def _digest(path: pathlib.Path) -> str:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:  # removed while we looked: a change like any other
        return "unreadable"


def decide(previous: Snapshot | None, current: Snapshot, docs: str = "docs") -> Plan:
    """The plan of a rebuild from ``previous`` (the last finished build, or
    None) to ``current``; ``docs`` is the docs folder as the paths name it."""
    if previous is None:
        return full("没有上次完整构建的记录（首次构建，或上次构建未完成）：全部重建")
    if previous.shape != current.shape:
        return full("导航有改动（年度、页面或标题有增删改）：全部重建")
    added = sorted(current.files.keys() - previous.files.keys())
    removed = sorted(previous.files.keys() - current.files.keys())
    if added or removed:
        name = (added or removed)[0]
        return full(f"{'新增' if added else '删除'}了文件 {name}"
                    f"{'等' if len(added) + len(removed) > 1 else ''}：全部重建")
    changed = sorted(p for p in current.files if current.files[p] != previous.files[p])
    if not changed:
        return Plan(full=False, reason="输入文件没有改动：不重建页面")
    years, site_pages, causes = set(), set(), []
    year_page = re.compile(rf"^{re.escape(docs)}/(?P<year>{pages.YEAR})/[^/]+\.md$")
    site_page = re.compile(rf"^{re.escape(docs)}/(?P<name>[^/]+\.md)$")
    for path in changed:
        if m := YEAR_DATA.match(path):
            years.add(int(m.group("year")))
            causes.append(f"数据 {path}")
        elif m := year_page.match(path):
            years.add(int(m.group("year")))
            causes.append(f"页面 {path}")
        elif m := site_page.match(path):
            site_pages.add(m.group("name"))
            causes.append(f"页面 {path}")
        else:
            return full(f"{path} 有改动（影响所有页面）：全部重建")
    return Plan(full=False, reason="、".join(causes) + " 有改动", years=frozenset(years),
                pages=frozenset(site_pages), site_pages=bool(years))
