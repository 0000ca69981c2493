"""``make serve``'s rebuilds: only the pages a change can show.

``make serve`` runs ``mkdocs serve --dirty``.  With ``dirty``, MkDocs
renders only the pages whose ``File.is_modified()`` is true -- by its own
rule, a source newer than its output, which knows nothing of the data files
a page is made from.  This module replaces that rule, per build, by the
plan of ``build.changes`` (which pages need the change, from checksums of
every input), and repairs what a partial build leaves incomplete:

* the search index: mkdocs-material writes it from the pages built in that
  run, and its own merge for ``--dirty`` assumes one page per rebuild; the
  index is made again from the entries of the last finished build, with the
  rebuilt pages' entries in their place, in the order a full build has them;
* the content-security-policy header file: the script hashes of the pages
  not rebuilt are kept.

The downloads are all written on every build, but a year's texts are made
once and reused while its record is the same (``downloads_made``).

What one build tells the next lives here, in a module of the package: MkDocs
loads the hook files again for every rebuild of ``mkdocs serve``, but the
package stays imported in the serving process.  Nothing is trusted blindly:
the last finished build's snapshot is forgotten when a build starts and
recorded only when it has written its pages, so after a build that failed
while writing the next one is full (one that failed before writing, such as
on a mistake the check found, leaves the last finished build as it was).  A full rebuild empties the output folder first, as
``mkdocs build`` does.

``mkdocs build`` (no ``--dirty``) is untouched: nothing here runs, and its
output does not depend on this module.  Where MkDocs does not behave as
expected (a ``File`` whose ``is_modified`` cannot be replaced), the build is
full.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import pathlib
import shutil

import jinja2

from reports.build import changes
from reports.model import pages as pages_module
from reports.search import index as search_index

log = logging.getLogger("mkdocs.hooks.incremental")

# MkDocs warns on every --dirty build that navigation may be inaccurate;
# under --strict a warning aborts the build.  The plan exists to keep the
# navigation accurate, so that one warning is logged as information.
DIRTY_WARNING = "A 'dirty' build is being performed"
BUILD_LOGGERS = ("mkdocs.commands.build", "properdocs.commands.build")


@dataclasses.dataclass
class State:
    dirty: bool = False  # this process builds with --dirty (on_startup)
    finished: changes.Snapshot | None = None  # the last build that wrote its pages
    search_docs: list | None = None  # that build's search entries, as the theme wrote them
    script_hashes: list = dataclasses.field(default_factory=list)
    # Each year's download texts with the record they were made from
    # (knowledge.downloads.files_for: reused only for an equal record).
    downloads: dict = dataclasses.field(default_factory=dict)
    # The build under way:
    files: dict | None = None
    previous: changes.Snapshot | None = None
    snapshot: changes.Snapshot | None = None
    plan: changes.Plan | None = None
    order: list = dataclasses.field(default_factory=list)  # every page's URL, in build order
    rebuilt: set = dataclasses.field(default_factory=set)  # the URLs of the pages rebuilt
    writing: bool = False  # past on_files: the output folder may have changed


_state = State()


class _Compiled(jinja2.BytecodeCache):
    """The theme's templates compiled once per process: MkDocs makes a new
    Jinja environment for every build, which compiled every template of the
    theme again (a fifth of a rebuild).  Jinja checks each entry against the
    template's source, so an edited template is compiled again."""

    def __init__(self):
        self.compiled = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket):
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _Compiled()


class _DirtyNotice(logging.Filter):
    def filter(self, record):
        if record.levelno == logging.WARNING and str(record.msg).startswith(DIRTY_WARNING):
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


_NOTICE = _DirtyNotice()


def startup(dirty: bool) -> None:
    """The process starts (``on_startup``): remember whether it builds with ``--dirty``."""
    _state.dirty = bool(dirty)
    if dirty:
        for name in BUILD_LOGGERS:
            logger = logging.getLogger(name)
            if _NOTICE not in logger.filters:
                logger.addFilter(_NOTICE)


def downloads_made() -> dict | None:
    """What ``downloads.files_for`` keeps between the builds of this process
    (None for ``mkdocs build``: every file made afresh)."""
    return _state.downloads if _state.dirty else None


def theme_env(env) -> None:
    """``on_env``: the theme's environment keeps its compiled templates
    between the builds of ``mkdocs serve --dirty``."""
    if _state.dirty and env.bytecode_cache is None:
        env.bytecode_cache = _COMPILED


def begin(config) -> None:
    """A build starts (first of all ``on_config``): the checksums of the
    inputs, taken before anything reads them, so that a save during the
    build is seen by the next one."""
    if not _state.dirty:
        return
    root = pathlib.Path(config.config_file_path).resolve().parent
    _state.previous, _state.finished = _state.finished, None
    _state.files = changes.checksums(root, config.docs_dir)
    _state.snapshot = _state.plan = None
    _state.order, _state.rebuilt, _state.writing = [], set(), False


def decide(config) -> None:
    """After every ``on_config`` (``on_pre_build``): the plan of this build,
    once the navigation is known."""
    if not _state.dirty or _state.files is None:
        return
    shape = json.dumps(config.nav, ensure_ascii=False, sort_keys=True, default=str)
    root = pathlib.Path(config.config_file_path).resolve().parent
    docs = pathlib.Path(os.path.relpath(pathlib.Path(config.docs_dir).resolve(), root)).as_posix()
    _state.snapshot = changes.Snapshot(_state.files, shape)
    _state.plan = changes.decide(_state.previous, _state.snapshot, docs)
    for plugin in config.plugins.values():
        # mkdocs-material's search keeps the last index for its own --dirty
        # merge; this module merges instead (see merge_search_index).
        if hasattr(plugin, "search_index_prev"):
            plugin.search_index_prev = None


def apply(files, config, archive) -> None:
    """``on_files``, after every file is known: mark each page to build or
    to keep, and log what is rebuilt and why."""
    plan = _state.plan
    if not _state.dirty or plan is None:
        return
    _state.writing = True
    pages = list(files.documentation_pages())
    _state.order = [_page_url(file) for file in pages]
    if not plan.full:
        before = {}
        for year in archive.years:
            earlier = archive.before(year.year)
            before[year.year] = earlier.year if earlier else None
        marked = []
        try:
            for file in pages:
                needed = plan.needs(file.src_uri, before) or not os.path.isfile(file.abs_dest_path)
                file.is_modified = (lambda needed=needed: needed)
                marked.append(file)
                if needed:
                    _state.rebuilt.add(_page_url(file))
        except (AttributeError, TypeError):  # not the File this was written for
            for file in marked:  # MkDocs' own rule again: after _clean, every page is built
                del file.is_modified
            plan = _state.plan = changes.full("无法只重建部分页面（MkDocs 版本不同）：全部重建")
    if plan.full:
        _clean(pathlib.Path(config.site_dir))
        _state.rebuilt = set(_state.order)
        log.info(f"{plan.reason}（{len(pages)} 个页面）。")
        return
    in_years = sum(1 for file in pages if _page_url(file) in _state.rebuilt
                   and (m := pages_module.IN_YEAR.match(file.src_uri)) and int(m.group("year")) in plan.years)
    others = len(_state.rebuilt) - in_years
    if plan.years:
        years = "、".join(str(y) for y in sorted(plan.years))
        log.info(f"{plan.reason}：重建 {years} 年度的 {in_years} 个页面和 {others} 个跨年度页面"
                 f"（共 {len(pages)} 个页面）。")
    else:
        log.info(f"{plan.reason}：重建 {len(_state.rebuilt)} 个页面（共 {len(pages)} 个页面）。")


def _page_url(file) -> str:
    """The URL the search entries of a page start with: ``Page.url``, which
    is "" for the home page where ``File.url`` is "./"."""
    return "" if file.url in (".", "./") else file.url


def _clean(site_dir: pathlib.Path) -> None:
    """Empty the output folder, as ``mkdocs build`` does (hidden entries stay)."""
    if not site_dir.is_dir():
        return
    for entry in site_dir.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def finish(site_dir, script_hashes: list) -> None:
    """``on_post_build``, after the theme wrote the search index and before
    ``search_index`` adjusts it: complete the index and the script hashes
    with the pages not rebuilt, and record the build as finished."""
    if not _state.dirty or _state.plan is None:
        return
    plan = _state.plan
    path = pathlib.Path(site_dir) / search_index.INDEX
    if path.exists():
        written = json.loads(path.read_text("utf-8"))
        if not plan.full and _state.search_docs is not None:
            written["docs"] = merge_search_index(_state.search_docs, written.get("docs", []),
                                                 _state.order, _state.rebuilt)
            path.write_text(json.dumps(written, separators=(",", ":"), default=str), "utf-8")
        _state.search_docs = written.get("docs", [])
    if not plan.full:
        script_hashes.extend(h for h in _state.script_hashes if h not in script_hashes)
    _state.script_hashes = list(script_hashes)
    _state.finished = _state.snapshot


def failed() -> None:
    """``on_build_error``: past ``on_files`` the output may be half written,
    and the next build is full.  A build stopped before (the check found a
    mistake in the editor's save, the usual case) wrote nothing: the next
    one is compared with the last finished build, as if this one never ran."""
    _state.finished = _state.previous if not _state.writing else None


def merge_search_index(previous: list, built: list, order: list, rebuilt: set) -> list:
    """The search entries of every page: the ``built`` ones for the pages
    ``rebuilt`` (by URL), the ``previous`` ones for the others, page by page
    in ``order`` (the build's), as a full build lists them."""
    def by_page(entries):
        out = {}
        for entry in entries:
            out.setdefault(entry.get("location", "").split("#")[0], []).append(entry)
        return out

    old, new = by_page(previous), by_page(built)
    merged = []
    for url in order:
        merged += new.get(url, []) if url in rebuilt else old.get(url, [])
    known = set(order)
    merged += [e for url, entries in new.items() if url not in known for e in entries]
    return merged
