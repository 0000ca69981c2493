"""The published text is frozen: checksums of each published year's report.

``data/lock.yml`` records, for every published year, the version the text
was locked at and a checksum of every heading and paragraph of its pages.  A
published year whose text differs from the lock fails the check -- naming the
paragraph that changed -- until the editor records a new version in the
year's data and runs ``make lock``.  Marker lines and blank lines are not part
of the text, so moving a generated table does not count as a change.

``commands.lock`` (``make lock``) rewrites the lock file.
"""

from __future__ import annotations

import hashlib
import pathlib

from reports.source import yaml_source
from reports.source.problems import Problem

LOCK_FILE = "data/lock.yml"
OUTDATED = "lock-outdated"  # what `make lock` itself fixes
HEADER = ("# 已发布年度正文的校验值：由 make lock 生成，请勿手工修改。\n"
          "# 已发布的正文被改动时，检查会失败，直到在该年度数据的 versions 中新增版本记录并运行 make lock。\n")


def block_digest(block) -> str:
    text = "\n".join(line.strip() for line in block.text.split("\n"))
    return hashlib.sha256(f"{block.kind}\n{text}".encode("utf-8")).hexdigest()[:16]


def page_digests(page) -> dict:
    """Anchor (or ``title``) -> digest of each heading and paragraph, in order."""
    out = {}
    for index, block in enumerate(page.blocks):
        key = block.anchor or f"{block.kind}-{index}"
        out[key] = block_digest(block)
    return out


def year_digests(year) -> dict:
    return {page.src_uri: page_digests(page)
            for slug, page in sorted(year.pages.items()) if slug != "full"}


def read(root):
    """Return ``(entries, located, problems)``; entries: year -> (version, pages)."""
    path = pathlib.Path(root) / LOCK_FILE
    if not path.exists():
        return {}, yaml_source.Located(LOCK_FILE), []
    value, located, problems = yaml_source.load(path.read_bytes(), LOCK_FILE)
    if value is None:
        return {}, located, problems
    entries = {}
    if not isinstance(value, dict):
        return {}, located, [located.problem((), "锁定文件格式不对", "请运行 make lock 重新生成。")]
    for key, entry in value.items():
        ok = isinstance(entry, dict) and isinstance(entry.get("version"), int) \
            and isinstance(entry.get("pages"), dict)
        if not ok or not str(key).isdigit():
            problems.append(located.problem((key,), f"锁定文件中 {key} 年的记录格式不对",
                                            "请不要手工修改 data/lock.yml；运行 make lock 重新生成。"))
            continue
        entries[int(key)] = (entry["version"], entry["pages"])
    return entries, located, problems


def check(archive, entries, located) -> list:
    """Problems where a published year's text differs from its lock."""
    problems = []
    for year in archive.years:
        data = year.meta
        entry = entries.get(year.year)
        if year.is_draft:
            if entry is not None:
                problems.append(year.located.problem(
                    ("status",), f"{year.year} 年已发布并锁定，不能改回草稿",
                    "已发布的报告只能通过新增版本记录来修改；如确需撤回，请联系管理员。"))
            continue
        if not data.versions:
            problems.append(year.located.problem(
                (), f"{year.year} 年已发布，但没有版本记录（versions）",
                "请添加 versions，第 1 版写首次发布的日期和说明；然后运行 make lock。"))
            continue
        if entry is None:
            problems.append(Problem(LOCK_FILE, 1, 1, f"{year.year} 年已发布，但正文还没有锁定",
                                    "请运行 make lock 记录正文的校验值，并提交 data/lock.yml。",
                                    rule=OUTDATED))
            continue
        locked_version, locked_pages = entry
        changes = differences(year, locked_pages)
        if not changes and locked_version == data.current_version:
            continue
        if data.current_version > locked_version:
            problems.append(year.located.problem(
                ("versions",), f"{year.year} 年新增了第 {data.current_version} 版，但锁定文件还是第 {locked_version} 版",
                "请运行 make lock 更新校验值，并提交 data/lock.yml。", rule=OUTDATED))
            continue
        for file, line, what in changes:
            problems.append(Problem(
                file, line, 1, f"{year.year} 年的报告已发布，{what}，但没有新增版本记录",
                "已发布的正文必须与发布稿一字不差，不能悄悄修改。原文有错请恢复原文并在 errata 中记录勘误；"
                f"如确需修改正文（例如更正录入错误），请在 {year.data_file} 的 versions 中新增一版"
                f"（version: {data.current_version + 1}），写明日期和修改说明，然后运行 make lock。"))
    for number in sorted(set(entries) - {y.year for y in archive.years}):
        problems.append(Problem(LOCK_FILE, located.at((str(number),))[0], 1,
                                f"{number} 年已锁定，但找不到该年度的报告", "已发布的年度不能删除。"))
    return problems


def differences(year, locked_pages) -> list:
    """(file, line, description) for each page or paragraph that changed."""
    out = []
    current = year_digests(year)
    for src_uri in sorted(set(locked_pages) - set(current)):
        out.append((f"docs/{src_uri}", 1, f"页面 docs/{src_uri} 被删除"))
    for src_uri, digests in current.items():
        page = year.pages[pathlib.PurePosixPath(src_uri).stem]
        locked = locked_pages.get(src_uri)
        if locked is None:
            out.append((page.file, 1, f"新增了页面 {page.file}"))
            continue
        if not isinstance(locked, dict):
            out.append((page.file, 1, "锁定记录格式不对"))
            continue
        blocks = {b.anchor or f"{b.kind}-{i}": b for i, b in enumerate(page.blocks)}
        for key, digest in digests.items():
            if locked.get(key) != digest:
                block = blocks[key]
                what = "新增了段落" if key not in locked else "这一段被修改"
                out.append((page.file, block.line, f"{what}（{key}）"))
        for key in locked:
            if key not in digests:
                out.append((page.file, 1, f"段落 {key} 被删除"))
    return out
