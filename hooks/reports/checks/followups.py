"""Plans are followed up in the next year's report.

Part four of every report lists the next year's plans (``plans`` in the year's
data); the next year's report then tells what became of each of them
(``followups``).  ``make new-year`` starts every follow-up as ``pending``
(待填写); this check keeps the two years tied together afterwards:

* a follow-up names a plan of the previous year (the latest year before it in
  the archive) -- an unknown id is an error, with the nearest ids as hint;
* every plan of the previous year has a follow-up -- a missing one is a
  warning while the year is a draft, an error once it is published;
* a published year has no ``pending`` follow-up left;
* ``at``, when given, is a paragraph of this year's report, and ``evidence``
  given with it occurs in that paragraph (whitespace-insensitive), like
  ``quote`` elsewhere.

Messages point at the data file and line, in the style of ``consistency``.
"""

from __future__ import annotations


from reports.source.problems import ERROR, WARNING
from reports.model.report_text import squash
from reports.model.schema import nearest
from reports.model.year_data import FOLLOWUP_STATUSES


def previous_year(archive, number: int):
    """The latest year of ``archive`` before ``number``, or None."""
    earlier = [y for y in archive.years if y.year < number]
    return max(earlier, key=lambda y: y.year) if earlier else None


def check_followups(archive) -> list:
    problems = []
    for year in archive.years:
        problems += check_year(year, previous_year(archive, year.year))
    return problems


def check_year(year, previous) -> list:
    problems = []
    located = year.located
    followups = year.meta.followups
    plans = {plan.id: plan for plan in previous.meta.plans} if previous is not None else {}
    done_labels = "、".join(f"{k}（{v}）" for k, v in FOLLOWUP_STATUSES.items() if k != "pending")

    seen = {}
    for followup in followups:
        path = followup._path
        if followup.plan in seen:
            first = located.at(seen[followup.plan]._path + ("plan",))[0]
            problems.append(located.problem(
                path + ("plan",), f"安排“{followup.plan}”的落实情况重复（第一次在第 {first} 行）",
                "每条安排只写一条落实情况：请删除或合并其中一条。"))
        else:
            seen[followup.plan] = followup
        if previous is None:
            problems.append(located.problem(
                path + ("plan",), f"{year.year} 年之前没有年度报告，没有可以填写落实情况的安排",
                "请删除这一条 followups。"))
        elif followup.plan not in plans:
            problems.append(located.problem(
                path + ("plan",), f"{previous.year} 年的安排（plans）中没有编号“{followup.plan}”",
                f"最接近的编号有：{nearest(followup.plan, plans)}。"
                f"plan 应写 {previous.data_file} 中 plans 的编号。"))
        if followup.status == "pending" and not year.is_draft:
            problems.append(located.problem(
                path + ("status",), "已发布的年度不能有‘待填写’的落实情况",
                f"请把 status 改为 {done_labels}。"))
        if followup.at is not None:
            page, block = year.block(followup.at)
            if block is None:
                problems.append(located.problem(
                    path + ("at",), f"{year.year} 年的报告中没有位置为“{followup.at}”的段落",
                    f"最接近的位置有：{nearest(followup.at, year.anchors)}。"
                    "段落位置见页面上段落的链接（如 …/measures/#s1-2-3 中的 s1-2-3）。"))
            elif followup.evidence is not None and squash(followup.evidence) not in squash(block.text):
                problems.append(located.problem(
                    path + ("evidence",), f"原话“{followup.evidence}”不在所指段落 {followup.at} 中",
                    f"段落在 {page.file}:{block.line}。evidence 必须与原文一字不差（包括标点）；"
                    "如果原文已改，请同步修改此处。"))

    if previous is not None:
        level = WARNING if year.is_draft else ERROR
        where = ("followups",)
        for plan in previous.meta.plans:
            if plan.id in seen:
                continue
            line = previous.located.at(plan._path + ("id",))[0]
            problems.append(located.problem(
                where, f"{previous.year} 年的安排“{plan.id}”（{one_line(plan.text)}）没有填写落实情况",
                f"请在 followups 中添加一条：plan: {plan.id}，status: {done_labels} 之一"
                f"（安排见 {previous.data_file}:{line}）。", level=level))
    return problems


def one_line(text: str) -> str:
    """``text`` on one printable line: line breaks and control characters become spaces."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())
