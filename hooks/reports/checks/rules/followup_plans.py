"""Plans are followed up in the next year's report.

Part four of every report lists the next year's plans (``plans`` in the year's
data); the next year's report then tells what became of each of them
(``followups``).  ``make new-year`` starts every follow-up as ``pending``
(待填写); this rule keeps the two years tied together afterwards:

* a follow-up names a plan of the previous year (the latest year before it in
  the archive) -- an unknown id is an error, with the nearest ids as hint;
* each plan has one follow-up at most;
* every plan of the previous year has a follow-up -- a missing one is a
  warning while the year is a draft, an error once it is published;
* a published year has no ``pending`` follow-up left.

A follow-up's ``at`` and ``evidence`` are cited words like any other:
``anchor-exists`` and ``quote-in-paragraph`` check them.
"""

from __future__ import annotations

from reports.model.schema import nearest
from reports.model.year_data import FOLLOWUP_STATUSES
from reports.source.problems import ERROR, WARNING

ID = "followup-plans"
DESCRIPTION = "落实情况对应上一年度的安排，每条安排都有且只有一条"


def previous_year(archive, number: int):
    """The latest year of ``archive`` before ``number``, or None."""
    earlier = [y for y in archive.years if y.year < number]
    return max(earlier, key=lambda y: y.year) if earlier else None


def check(archive, project) -> list:
    problems = []
    for year in archive.years:
        problems += check_year(year, previous_year(archive, year.year))
    return problems


def check_year(year, previous) -> list:
    problems = []
    located = year.located
    # Records with a broken field count too: a plan whose text is malformed
    # still has its id, and a follow-up whose status is malformed still names
    # its plan -- the schema reports what is broken, nothing more is missing.
    plans = {plan.id: plan for plan in previous.meta.every("plans") if plan.id is not None} \
        if previous is not None else {}
    done_labels = "、".join(f"{k}（{v}）" for k, v in FOLLOWUP_STATUSES.items() if k != "pending")

    seen = {}
    for followup in year.meta.every("followups"):
        path = followup._path
        if followup.plan is not None:
            problems += _plan_problems(year, previous, plans, seen, followup)
        if followup.status == "pending" and not year.is_draft:
            problems.append(located.problem(
                path + ("status",), "已发布的年度不能有‘待填写’的落实情况",
                f"请把 status 改为 {done_labels}。", rule=ID))

    if previous is not None:
        level = WARNING if year.is_draft else ERROR
        for plan in plans.values():
            if plan.id in seen:
                continue
            line = previous.located.at(plan._path + ("id",))[0]
            problems.append(located.problem(
                ("followups",), f"{previous.year} 年的安排“{plan.id}”（{one_line(plan.text or '')}）没有填写落实情况",
                f"请在 followups 中添加一条：plan: {plan.id}，status: {done_labels} 之一"
                f"（安排见 {previous.data_file}:{line}）。", level=level, rule=ID))
    return problems


def _plan_problems(year, previous, plans, seen, followup) -> list:
    """What is wrong with the plan a follow-up names; ``seen`` collects the plans named."""
    located, path = year.located, followup._path
    problems = []
    if followup.plan in seen:
        first = located.at(seen[followup.plan]._path + ("plan",))[0]
        problems.append(located.problem(
            path + ("plan",), f"安排“{followup.plan}”的落实情况重复（第一次在第 {first} 行）",
            "每条安排只写一条落实情况：请删除或合并其中一条。", rule=ID))
    else:
        seen[followup.plan] = followup
    if previous is None:
        problems.append(located.problem(
            path + ("plan",), f"{year.year} 年之前没有年度报告，没有可以填写落实情况的安排",
            "请删除这一条 followups。", rule=ID))
    elif followup.plan not in plans:
        problems.append(located.problem(
            path + ("plan",), f"{previous.year} 年的安排（plans）中没有编号“{followup.plan}”",
            f"最接近的编号有：{nearest(followup.plan, plans)}。"
            f"plan 应写 {previous.data_file} 中 plans 的编号。", rule=ID))
    return problems


def one_line(text: str) -> str:
    """``text`` on one printable line: line breaks and control characters become spaces."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())
