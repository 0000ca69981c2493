"""The published text, frozen: a digest of every heading and paragraph.

A published report must stay word for word what was published.
``data/lock.yml`` records, for every published year, the version its text
was locked at and the digest of each block of its pages; the checks compare
the text with it (``checks.rules.published_text``, ``checks.rules.lock_outdated``)
and ``make lock`` (``commands.lock``) writes it.  This module is what both
sides share: how a block's digest is computed and how the file is read.

Marker lines and blank lines are not blocks, so moving a generated table does
not change a digest; leading and trailing spaces of each line do not count
either.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pathlib

from reports.source import yaml_source
from reports.source.problems import LOCK_FORMAT, YAML_EMPTY

LOCK_FILE = "data/lock.yml"


def block_key(index: int, block) -> str:
    """A block's name in the lock: its anchor, else its kind and position."""
    return block.anchor or f"{block.kind}-{index}"


def block_digest(block) -> str:
    text = "\n".join(line.strip() for line in block.text.split("\n"))
    return hashlib.sha256(f"{block.kind}\n{text}".encode("utf-8")).hexdigest()[:16]


def page_digests(page) -> dict:
    """Block key -> digest of each heading and paragraph, in order."""
    return {block_key(index, block): block_digest(block) for index, block in enumerate(page.blocks)}


def year_digests(year) -> dict:
    """src_uri -> page digests of every page of the year but the generated full text."""
    return {page.src_uri: page_digests(page)
            for slug, page in sorted(year.pages.items()) if slug != "full"}


@dataclasses.dataclass
class Lock:
    """What ``data/lock.yml`` records: year -> ``(version, {src_uri: {key: digest}})``."""

    entries: dict = dataclasses.field(default_factory=dict)
    located: yaml_source.Located = dataclasses.field(
        default_factory=lambda: yaml_source.Located(LOCK_FILE))


def read(root):
    """Return ``(lock, problems)`` for the project at ``root`` (no file: an empty lock)."""
    path = pathlib.Path(root) / LOCK_FILE
    if not path.exists():
        return Lock(), []
    return parse(path.read_bytes())


def parse(text_or_bytes, file: str = LOCK_FILE):
    """Return ``(lock, problems)`` for the lock file's text."""
    value, located, problems = yaml_source.load(text_or_bytes, file)
    if value is None:
        # ``make lock`` before any year is published writes only the header
        # comments: a lock of no year, not an empty data file to complain about.
        return Lock({}, located), [p for p in problems if p.rule != YAML_EMPTY]
    if not isinstance(value, dict):
        return Lock({}, located), [located.problem((), "锁定文件格式不对", "请运行 make lock 重新生成。",
                                                   rule=LOCK_FORMAT)]
    entries = {}
    for key, entry in value.items():
        ok = isinstance(entry, dict) and isinstance(entry.get("version"), int) \
            and isinstance(entry.get("pages"), dict)
        if not ok or not str(key).isdigit():
            problems.append(located.problem((key,), f"锁定文件中 {key} 年的记录格式不对",
                                            "请不要手工修改 data/lock.yml；运行 make lock 重新生成。",
                                            rule=LOCK_FORMAT))
            continue
        entries[int(key)] = (entry["version"], entry["pages"])
    return Lock(entries, located), problems
