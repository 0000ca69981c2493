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

from reports.model import archive as archive_module
from reports.model import fingerprint


@dataclasses.dataclass(frozen=True)
class Project:
    lock: fingerprint.Lock = dataclasses.field(default_factory=fingerprint.Lock)
    pages: tuple = ()  # (file relative to the project root, text or None if not UTF-8)
    found: tuple = ()  # problems reported before the running rule, loading ones first


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
