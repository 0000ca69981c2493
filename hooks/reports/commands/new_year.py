"""Start next year's report from this year's: ``make new-year YEAR=2024``.

Creates ``docs/<year>/`` with the report's pages -- the official headings and
the markers only, never invented text -- and ``data/years/<year>.yml`` as a
draft whose ``followups`` list every plan of the previous year as ``pending``,
so that the editor fills in what became of each one.

``plan_new_year`` computes the files without touching the disk (and is what
the tests call); ``main`` is the command line.  It never overwrites: if the
year exists, or the archive it starts from has errors, nothing is written.
The data file (``year_files.data_file``) is loaded and validated again before
anything is written.
"""

from __future__ import annotations

import dataclasses
import pathlib

from reports.checks.rules.followup_plans import previous_year
from reports.commands import PROJECT_ROOT
from reports.commands import cli
from reports.commands import year_files
from reports.commands.year_files import INDEX_MARKERS, marker_line, write
from reports.model import archive as archive_module
from reports.model import parts

USAGE = "用法：make new-year YEAR=2024（或 PYTHONPATH=hooks .venv/bin/python -m reports new-year 2024 [项目目录]）"
EXAMPLE = "make new-year YEAR=2024"

# The report's title; ``{year}`` is the report's year.  The parts' headings
# are in ``parts.PARTS``.
REPORT_TITLE = "{year}年度法治政府建设情况报告"

# Where the preamble goes.  Not ``<!-- word: …`` -- that is marker syntax.
PREAMBLE_COMMENT = "<!-- 在此处填写导语（报告开头的一段文字） -->"
PART_COMMENT = "<!-- 在此处逐字录入本部分正文；二级标题写成“## （一）……”，条目写成“1.……” -->"


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


def _plan(root: pathlib.Path, year: int) -> NewYear:
    refused = year_files.target_refusals(root, year, "make new-year", EXAMPLE)
    if refused:
        return NewYear({}, refused)
    docs_dir, data_file = f"docs/{year}", f"data/years/{year}.yml"

    archive, problems = archive_module.load(root)
    if any(p.is_error for p in problems):
        return NewYear({}, problems, why=f"不能新建 {year} 年度：现有的数据或页面有错误，"
                                         "新的年度不能从有错误的数据开始。请先改正：")
    previous = previous_year(archive, year)

    on_parts = year_files.part_pages_markers(previous, parts.PART_SLUGS)
    elsewhere = {name for found in on_parts.values() for name, _ in found}
    files = {f"{docs_dir}/index.md": index_page(year, year_files.home_markers(previous, elsewhere))}
    for kind in parts.PARTS:
        files[f"{docs_dir}/{kind.slug}.md"] = part_page(kind, year, on_parts[kind.slug])
    files[f"{docs_dir}/full.md"] = year_files.full_page(previous)
    files[data_file] = year_files.data_file(year, REPORT_TITLE.format(year=year), previous)

    # What is written must pass the check it will face.
    _, _, found = year_files.load_data(files[data_file], data_file)
    if found:
        return NewYear({}, found, why=year_files.internal_error(data_file))
    return NewYear(files, [], previous)


def index_page(year: int, extra=()) -> str:
    """The year home: title, metadata, where the preamble goes, figures, contents, ``extra`` markers."""
    meta, *rest = INDEX_MARKERS
    lines = [f"# {REPORT_TITLE.format(year=year)}", f"<!-- {meta} -->", PREAMBLE_COMMENT]
    lines += [f"<!-- {name} -->" for name in rest]
    lines += [marker_line(name, args) for name, args in extra]
    return "\n\n".join(lines) + "\n"


def part_page(kind, year: int, found) -> str:
    """A part page: its heading, where the text goes, then the markers ``(name, args)``."""
    lines = [f"# {kind.title(year)}", PART_COMMENT]
    lines += [marker_line(name, args) for name, args in found]
    return "\n\n".join(lines) + "\n"


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
        "报告正式发布后：把 status 改为 published，填写 published_on 和 versions（第 1 版）；"
        "合并后正文即被锁定，检查以 main 分支上的版本为准（没有 Git 历史的副本才需要运行 make lock）。",
    ]
    return cli.numbered(steps)


def main(argv=None) -> int:
    parser = cli.CommandParser(USAGE, "请指定要新建的年份。", prog="python -m reports new-year")
    parser.add_argument("year", type=cli.value)
    parser.add_argument("project", nargs="?", type=pathlib.Path, default=PROJECT_ROOT)
    return parser.run(argv, create)


def create(arguments) -> int:
    """Write the new year (or say why not) and what to do next."""
    year, root = cli.four_digit_year(arguments.year, EXAMPLE), arguments.project
    plan = _plan(root, year)
    if not plan.files:
        return cli.refuse(plan.problems, plan.why)
    write(root, plan.files)
    previous = plan.previous
    origin = f"，上一年度为 {previous.year} 年" if previous is not None else \
        "（之前没有年度，不需要填写上一年度安排的落实情况）"
    print(f"已新建 {year} 年度报告（草稿）{origin}。创建了以下文件：")
    if previous is not None and year - previous.year > 1:
        print(f"  （注意：{previous.year + 1}～{year - 1} 年没有报告；如果年份输错了，删除下面的文件后重新运行。）")
    return cli.created(plan.files, next_steps(year, previous))
