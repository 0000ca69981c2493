"""A figure's value is a number its quote states.

The quote is checked against the report first (``quote-in-paragraph``);
when it is there, the value must be one of the numbers in it, in Arabic or
Chinese numerals (六名 -> 6), so that a typo in ``value`` cannot publish a
number the report never gave.
"""

from __future__ import annotations

import re

from reports.checks import citations
from reports.checks.rules import per_year
from reports.model import report_text

ID = "figure-value"
DESCRIPTION = "关键数据的数值就是引文中的数字"

NUMBER = re.compile(r"\d+(?:\.\d+)?")
CN_NUMBER = re.compile(rf"[{report_text.NUMERALS}两]+")


def check_year(year, catalog):
    for figure in year.meta.figures:
        cited = citations.quoted(year, figure)
        if cited is not None and figure.value not in numbers_in(figure.quote):
            page, block = cited
            yield year.located.problem(
                figure._path + ("value",),
                f"数值 {number_text(figure.value)} 与引文“{figure.quote}”中的数字不一致",
                f"原文在 {page.file}:{block.line}。请核对数值，或改正引文。", rule=ID)


check = per_year(check_year)


def numbers_in(text: str) -> set:
    """Numbers a phrase states, in Arabic or Chinese numerals (六名 -> 6)."""
    values = {float(n) for n in NUMBER.findall(text)}
    for word in CN_NUMBER.findall(text):
        try:
            values.add(float(report_text.cn_number(word.replace("两", "二"))))
        except ValueError:
            pass
    return values


def number_text(value) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
