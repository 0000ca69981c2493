"""What some rules need besides the archive: the lock file and every page.

Most rules read only the archive.  The lock rules compare it with
``data/lock.yml``; the marker and encoding rules read every Markdown file
under ``docs/``, not only the report pages the archive holds (the site-wide
pages carry markers too).  Everything has an empty default, so a test can
run a rule on an archive built in memory with ``Project()``.
"""

from __future__ import annotations

import dataclasses
import pathlib
import tempfile

from reports.model import archive as archive_module
from reports.model import fingerprint
from reports.source.history import History


@dataclasses.dataclass(frozen=True)
class Project:
    lock: fingerprint.Lock = dataclasses.field(default_factory=fingerprint.Lock)
    pages: tuple = ()  # (file relative to the project root, text or None if not UTF-8)
    found: tuple = ()  # problems reported before the running rule, loading ones first
    root: pathlib.Path | None = None
    docs_dir: str = "docs"
    data_dir: str = "data"
    # The archive as it was at the base of the change (``history``), or None
    # when there is no usable history and data/lock.yml is the reference.
    base_archive: object = None
    basis: str = ""  # which reference the freeze used, for the check's report


NO_HISTORY = "没有可用的 Git 历史，已发布年度的正文与 data/lock.yml 中保存的校验值比较。"


# The base archive last loaded, by project, commit and folders.  make serve
# checks the project on every rebuild, and an editor's uncommitted change has
# the same base each time: exporting and loading it again took as long as
# loading the archive itself (0.3-0.6 s at 50 years).  A commit id names its
# content, so the same key is the same archive; the rules only read it.
_BASE: dict = {}


def history(root, docs_dir="docs", data_dir="data", env=None) -> tuple:
    """``(base archive or None, basis)``: the project as it was at the base of
    the change (``source.history``), loaded like the current one."""
    found = History(root, env=env)
    base = found.base()
    if base is None:
        return None, NO_HISTORY
    key = (str(pathlib.Path(root).resolve()), base.revision, docs_dir, data_dir)
    if key in _BASE:
        old = _BASE[key]
    else:
        with tempfile.TemporaryDirectory(prefix="reports-base-") as tmp:
            tree = pathlib.Path(tmp)
            if not found.export(base.revision, (docs_dir, data_dir), tree):
                return None, NO_HISTORY
            (tree / docs_dir).mkdir(parents=True, exist_ok=True)
            (tree / data_dir / "years").mkdir(parents=True, exist_ok=True)
            old, _ = archive_module.load(tree, docs_dir, data_dir)
        _BASE.clear()
        _BASE[key] = old
    return old, f"已发布年度的正文{base.how}（{base.short}）。"


def markdown_pages(root, docs_dir="docs") -> tuple:
    """``(file, text or None)`` of every Markdown file under the docs folder, sorted."""
    root = pathlib.Path(root)
    out = []
    for path in sorted((root / docs_dir).rglob("*.md")):
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError:
            text = None
        out.append((archive_module.relative_path(path, root), text))
    return tuple(out)
