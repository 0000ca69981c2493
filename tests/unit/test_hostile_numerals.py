"""Malformed numerals in headings are problems with a line, never a traceback."""

from __future__ import annotations

import pytest

from reports.model import report_text


@pytest.mark.parametrize("line,message", [
    ("## （一二）强化学习", "编号“（一二）”不是正确的中文数字"),
    ("## (十十)强化学习", "编号“（十十）”不是正确的中文数字"),
    ("# 一一、主要举措", "编号“一一、”不是正确的中文数字"),
    ("# 二十十、主要举措", "编号“二十十、”不是正确的中文数字"),
])
def test_bad_numeral_is_an_error_at_its_line(line, message):
    blocks, problems = report_text.parse_blocks("# 一、部分\n\n" + line + "\n\n正文。\n", 5)
    assert [(l, m) for l, _, m, _ in problems] == [(7, message)]
    assert [b.kind for b in blocks][:2] == ["part", "title" if line.startswith("# ") else "heading"]
