"""Start next year's report from this year's: ``make new-year YEAR=2024``.

Creates ``docs/<year>/`` with the report's pages -- the official headings and
the markers only, never invented text -- and ``data/years/<year>.yml`` as a
draft whose ``followups`` list every plan of the previous year as ``pending``,
so that the editor fills in what became of each one.

``plan_new_year`` computes the files without touching the disk (and is what
the tests call); ``main`` is the command line.  It never overwrites: if the
year exists, or the archive it starts from has errors, nothing is written.

The data file is written as text, not with ``yaml.dump``, so that it can carry
Chinese comments for the office staff; it is loaded and validated again
before anything is written.
"""

from __future__ import annotations

import dataclasses
import json
import pathlib
import re
import sys

from reports.model import archive as archive_module
from reports.model import markers
from reports.model import parts
from reports.model import year_data
from reports.source import yaml_source
from reports.checks.followups import one_line, previous_year
from reports.commands import PROJECT_ROOT
from reports.source.problems import Problem, format_all

USAGE = "用法：make new-year YEAR=2024（或 PYTHONPATH=hooks .venv/bin/python -m reports new-year 2024 [项目目录]）"

# The report's title; ``{year}`` is the report's year.  The parts' headings
# are in ``parts.PARTS``.
REPORT_TITLE = "{year}年度法治政府建设情况报告"

# Where the preamble goes.  Not ``<!-- word: …`` -- that is marker syntax.
PREAMBLE_COMMENT = "<!-- 在此处填写导语（报告开头的一段文字） -->"
PART_COMMENT = "<!-- 在此处逐字录入本部分正文；二级标题写成“## （一）……”，条目写成“1.……” -->"
# The one-page report, when the previous year has none to copy.
FULL_PAGE = ("---\ntitle: 全文\n# 全文由各部分页面拼成，不单独进入全文检索，以免重复。\n"
             "search:\n  exclude: true\n---\n\n<!-- report:full -->\n")
# The year home's markers, in this order; the previous year's other year
# markers (version records, downloads ...) follow them.
INDEX_MARKERS = ("year:meta", "year:figures", "year:contents")

# Ranges accepted by the archive (directory names) and by the data schema.
_YEAR_FIELD = year_data.YEAR.fields["year"]
MIN_YEAR = max(1900, _YEAR_FIELD.minimum)
MAX_YEAR = min(2099, _YEAR_FIELD.maximum)


def plan_new_year(root: pathlib.Path, year: int):
    """What ``make new-year`` would write: ``(files, problems)``.

    ``files`` maps paths relative to ``root`` (forward slashes) to their text.
    When anything is wrong, ``files`` is empty and ``problems`` says why;
    problems without a file (``file == ""``) are about the command itself.
    """
    plan = _plan(pathlib.Path(root), year)
    return plan.files, plan.problems


@dataclasses.dataclass
class NewYear:
    files: dict
    problems: list
    previous: object = None  # archive.Year the new year follows, if any
    why: str = ""  # heading printed above the problems of a refusal


def target_refusals(root: pathlib.Path, year, command: str, example: str) -> list:
    """Why a new year cannot be written at ``year`` (empty when it can).

    Shared by ``make new-year`` and ``make import``: both create a year, and
    neither may ever overwrite one.
    """
    if not isinstance(year, int) or isinstance(year, bool) or not MIN_YEAR <= year <= MAX_YEAR:
        return [refusal(f"年份“{year}”不对：请写 {MIN_YEAR}～{MAX_YEAR} 之间的四位数年份",
                        f"例如 {example}。")]
    if not (root / "docs").is_dir() or not (root / "data" / "years").is_dir():
        return [refusal(f"{root} 不是报告库的项目目录（没有 docs/ 和 data/years/）",
                        f"请在项目目录中运行 {command} …。")]
    docs_dir, data_file = f"docs/{year}", f"data/years/{year}.yml"
    existing = [rel for rel, path in ((f"{docs_dir}/", root / docs_dir), (data_file, root / data_file))
                if path.exists() or path.is_symlink()]
    if existing:
        verb = "重新导入" if "import" in command else "重新生成"
        return [refusal(f"{year} 年度已经存在：{'、'.join(existing)}",
                        f"{command} 不会覆盖已有的文件。如果确实要{verb}，"
                        "请先把上面的文件移走（确认其中没有需要保留的内容）。")]
    return []


def _plan(root: pathlib.Path, year: int) -> NewYear:
    refused = target_refusals(root, year, "make new-year", "make new-year YEAR=2024")
    if refused:
        return NewYear({}, refused)
    docs_dir, data_file = f"docs/{year}", f"data/years/{year}.yml"

    archive, problems = archive_module.load(root)
    if any(p.is_error for p in problems):
        return NewYear({}, problems, why=f"不能新建 {year} 年度：现有的数据或页面有错误，"
                                         "新的年度不能从有错误的数据开始。请先改正：")
    previous = previous_year(archive, year)

    home = previous.pages.get("index") if previous is not None else None
    extra = [m for m in page_markers(home) if m[0] not in INDEX_MARKERS] if home is not None else []
    files = {f"{docs_dir}/index.md": index_page(year, extra)}
    for kind in parts.PARTS:
        if previous is None:
            found = [(name, ()) for name in kind.markers]
        else:
            page = previous.pages.get(kind.slug)
            found = page_markers(page) if page is not None else []
        files[f"{docs_dir}/{kind.slug}.md"] = part_page(kind, year, found)
    full = previous.pages.get("full") if previous is not None else None
    files[f"{docs_dir}/full.md"] = full.text if full is not None and any(
        name == "report:full" for name, _ in page_markers(full, "report:")) else FULL_PAGE
    files[data_file] = year_file(year, previous)

    # What is written must pass the check it will face.
    raw, located, found = yaml_source.load(files[data_file], data_file)
    if raw is not None:
        _, found = year_data.validate(raw, located)
    if found:
        return NewYear({}, found, why=f"内部错误：生成的 {data_file} 不能通过检查（请把以下内容告诉维护人员）：")
    return NewYear(files, [], previous)


def refusal(message: str, hint: str = "") -> Problem:
    return Problem("", 0, 0, message, hint)


def index_page(year: int, extra=()) -> str:
    """The year home: title, metadata, where the preamble goes, figures, contents, ``extra`` markers."""
    meta, *rest = INDEX_MARKERS
    lines = [f"# {REPORT_TITLE.format(year=year)}", f"<!-- {meta} -->", PREAMBLE_COMMENT]
    lines += [f"<!-- {name} -->" for name in rest]
    lines += [marker_line(name, args) for name, args in extra]
    return "\n\n".join(lines) + "\n"


def marker_line(name: str, args=()) -> str:
    return f"<!-- {' '.join((name, *args))} -->"


def part_page(kind, year: int, found) -> str:
    """A part page: its heading, where the text goes, then the markers ``(name, args)``."""
    lines = [f"# {kind.heading(year)}", PART_COMMENT]
    lines += [marker_line(name, args) for name, args in found]
    return "\n\n".join(lines) + "\n"


def page_markers(page, area: str = "year:") -> list:
    """A previous year's known markers in ``area`` as ``(name, args)``, in order, each once."""
    found, _ = markers.find(page.body.split("\n"), page.file, known=markers.NAMES)
    out = []
    for marker in found:
        key = (marker.name, marker.args)
        if marker.name.startswith(area) and marker.name in markers.NAMES and key not in out:
            out.append(key)
    return out


def scalar(value: str) -> str:
    """``value`` as a YAML scalar that reads back as the same text."""
    raw, _, problems = yaml_source.load(f"v: {value}\n", "")
    if not problems and raw == {"v": value} and value == value.strip():
        return value
    return json.dumps(value, ensure_ascii=False)


def year_file(year: int, previous) -> str:
    title = REPORT_TITLE.format(year=year)
    origin = f"（由 make new-year 生成，上一年度为 {previous.year} 年）" if previous else "（由 make new-year 生成）"
    out = f"""\
# {year} 年度报告的结构化数据{origin}。
# 填写方法见 data/README.md；每次修改后运行 make check，它会指出问题所在的行和修改方法。
# 以 # 开头的是注释，可以保留，也可以改写成本年度的说明。
year: {year}
title: {title}
# 状态：draft（草稿）或 published（已发布）。报告正式发布、数据填写完整并通过检查后改为 published。
status: draft
# 公开发布日期，写成 {year + 1}-03-28 这样的形式；还没有发布或不知道就留空，不要猜。
published_on:

# 下面每一项开始都是空列表 []。填写时删掉 []，在下一行起逐项写，每项以“  - ”开头（见 data/README.md 的示例）。

# 关键数据：报告中的重要数字。每项写 id（编号，各年度同一指标用同一编号）、label（名称）、
# value（数值，只写阿拉伯数字）、unit（单位）、at（所在段落，如 s1-4-3）、quote（原文原话）。
figures: []

# 学法清单：报告中学习的每个文件在每个段落记一条。每项写 document（学习文件编号，
# 见 data/catalog/documents.yml）、at、quote，可选 how（形式）、who（参加人员）、when（时间）。
studies: []

# 宣传活动：报告中提到的每个宣传节点记一条。每项写 campaign（宣传节点编号，
# 见 data/catalog/campaigns.yml）、at、quote，可选 form（形式）、audience（对象）、place（地点）。
campaigns: []

# 主要负责人履职事项（第三部分中写明日期的事项）。每项写 date（日期，如 {year}-12-01）、
# who（人员）、what（事项）、at、quote，可选 documents（涉及的学习文件编号）。
actions: []

# 存在不足（第二部分）。每项写 id（编号）、text（概述）、at（如 s2-1）。
shortcomings: []

# {year + 1}年度主要安排（第四部分），{year + 1}年度报告据此填写落实情况。
# 每项写 id（编号）、text（概述）、at（如 s4-1），可选 area（{'、'.join(year_data.PLAN_AREAS)}）。
plans: []
"""
    statuses = "、".join(f"{k}（{v}）" for k, v in year_data.FOLLOWUP_STATUSES.items())
    if previous is None:
        return out + f"""
# 上一年度安排的落实情况：{year} 年之前没有年度报告，无需填写。
followups: []
"""
    if not previous.meta.plans:
        return out + f"""
# 上一年度安排的落实情况：{previous.year} 年的数据中没有安排（plans），无需填写。
followups: []
"""
    out += f"""
# {previous.year}年度安排的落实情况：每条对应 {previous.data_file} 中 plans 的一项（plan 是它的编号，不要改）。
# status 可填：{statuses}；撰写报告后逐条填写，
# 可加 evidence（本年度报告中的相关原话）和 at（原话所在段落，如 s1-2-1）。
# 已发布的年度不能再有 pending（待填写）。
followups:
"""
    for plan in previous.meta.plans:
        out += f"  # {previous.year}年安排：{one_line(plan.text)}\n"
        out += f"  - plan: {scalar(plan.id)}\n"
        out += "    status: pending\n"
    return out


def describe(problems) -> str:
    """Problems as the command prints them: with ``file:line`` when they have one."""
    if all(p.file for p in problems):
        return format_all(problems)
    lines = []
    for problem in sorted(problems):
        if problem.file:
            lines.append(problem.format())
        else:
            lines.append(f"[{problem.level}] {problem.message}")
            if problem.hint:
                lines.append(f"    提示：{problem.hint}")
    return "\n".join(lines)


def next_steps(year: int, previous) -> str:
    data_file = f"data/years/{year}.yml"
    steps = [
        f"填写正文：把 {year} 年度报告的原文逐字录入 docs/{year}/ 的各页面——导语写在 index.md 中"
        "注释“在此处填写导语”的位置，各部分的正文写在标题之下；"
        "形如 <!-- year:… --> 的标记行请保留，填好数据后那里会显示表格。",
        f"填写数据：在 {data_file} 中填写关键数据、学法清单、宣传活动、履职事项、存在不足和下一年度安排"
        "（文件中的注释和 data/README.md 说明了每一项怎么写）。",
    ]
    if previous is not None and previous.meta.plans:
        steps.append(
            f"填写落实情况：{data_file} 的 followups 列出了 {previous.year} 年度的 "
            f"{len(previous.meta.plans)} 条安排，状态都是 pending（待填写），"
            "请对照报告逐条改为 done（已落实）、partial（部分落实）或 not_done（未落实）。")
    steps += [
        "每次修改后运行 make check 检查，make serve 预览网站（页面上会标明“草稿”）。",
        f"报告正式发布后：把 status 改为 published，填写 published_on 和 versions（第 1 版），"
        "再运行 make lock 锁定正文。",
    ]
    return "\n".join(f"  {n}. {s}" for n, s in enumerate(steps, 1))


def write(root: pathlib.Path, files: dict) -> None:
    """Create ``files`` under ``root``; never overwrite, and leave nothing behind on failure."""
    created_files, created_dirs = [], []
    try:
        for rel, text in files.items():
            path = root / rel
            missing = [p for p in reversed(path.parents) if not p.exists()]
            path.parent.mkdir(parents=True, exist_ok=True)
            created_dirs += missing
            with open(path, "x", encoding="utf-8", newline="\n") as handle:
                created_files.append(path)
                handle.write(text)
    except BaseException:
        for path in reversed(created_files):
            path.unlink(missing_ok=True)
        for path in reversed(created_dirs):
            try:
                path.rmdir()
            except OSError:
                pass
        raise


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in ("-h", "--help"):
        print(USAGE)
        return 0
    if not argv or not argv[0].strip() or len(argv) > 2:
        print("请指定要新建的年份。")
        print(USAGE)
        return 1
    text = argv[0].strip()
    root = pathlib.Path(argv[1]) if len(argv) > 1 else PROJECT_ROOT
    if not re.fullmatch(r"[0-9]{4}", text):
        print(f"年份“{text}”不对：请用半角阿拉伯数字写四位数的年份，例如 make new-year YEAR=2024。")
        print("未创建任何文件。")
        return 1
    year = int(text)
    plan = _plan(root, year)
    if not plan.files:
        if plan.why:
            print(plan.why)
        print(describe(plan.problems))
        print("未创建任何文件。")
        return 1
    write(root, plan.files)
    previous = plan.previous
    origin = f"，上一年度为 {previous.year} 年" if previous is not None else \
        "（之前没有年度，不需要填写上一年度安排的落实情况）"
    print(f"已新建 {year} 年度报告（草稿）{origin}。创建了以下文件：")
    if previous is not None and year - previous.year > 1:
        print(f"  （注意：{previous.year + 1}～{year - 1} 年没有报告；如果年份输错了，删除下面的文件后重新运行。）")
    for rel in plan.files:
        print(f"  {rel}")
    print()
    print("下一步：")
    print(next_steps(year, previous))
    return 0

