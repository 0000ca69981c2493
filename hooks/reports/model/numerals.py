"""Chinese numerals as reports number their parts and sections: 一 … 九十九,
and the numbers that open a part (一、), a section (（一）) and an item (1.)."""

from __future__ import annotations

import re

NUMERALS = "一二三四五六七八九十"
PART_NUMBER = re.compile(rf"^(?P<num>[{NUMERALS}]+)、")
# Sections are numbered （一）; old reports typed on other keyboards use (一).
SECTION_NUMBER = re.compile(rf"^[（(](?P<num>[{NUMERALS}]+)[）)]")
# Items are 1. 1． 1、 -- but not a date or decimal such as 4.15 at the start.
# A year right after the number is the item's first word: 1.2024年开展…… is item 1.
ITEM_NUMBER = re.compile(r"^(?P<num>\d+)[.．、](?:(?!\d)|(?=\d{4}年))")


def cn_number(text: str) -> int:
    """Value of a Chinese numeral from 一 to 九十九."""
    if not text or any(c not in NUMERALS for c in text):
        raise ValueError(text)
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        digits = NUMERALS[:9]  # 一 … 九: 十 itself is no digit (十十, 二十十 count nothing)
        if len(tens) > 1 or len(ones) > 1 or (tens and tens not in digits) or (ones and ones not in digits):
            raise ValueError(text)
        return (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(ones) + 1 if ones else 0)
    if len(text) != 1:
        raise ValueError(text)
    return NUMERALS.index(text) + 1


def cn_numeral(value: int) -> str:
    """一 … 九十九, the inverse of ``cn_number``."""
    if value < 10:
        return NUMERALS[value - 1]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else NUMERALS[tens - 1]) + "十" + (NUMERALS[ones - 1] if ones else "")
