"""The report structure parser: numbering, anchors, heading shifts."""

from __future__ import annotations

import pytest

from reports.model import report_text as rt

PAGE = """# 二、推进法治政府建设存在不足和原因

引言段落。

## （一）第一个问题。

1.第一项。

2.第二项，
跨两行。

## （三）编号跳过了（二）。

<!-- year:meta -->
没有编号的段落。
"""


def test_chinese_numerals():
    assert [rt.cn_number(n) for n in ("一", "九", "十", "十一", "二十", "二十三")] == \
        [1, 9, 10, 11, 20, 23]
    with pytest.raises(ValueError):
        rt.cn_number("一二")


def test_blocks_and_anchors_follow_the_numbering():
    blocks, problems = rt.parse_blocks(PAGE)
    assert [(b.kind, b.anchor, b.line) for b in blocks] == [
        ("part", "s2", 1),
        ("paragraph", "s2-p1", 3),
        ("section", "s2-1", 5),
        ("item", "s2-1-1", 7),
        ("item", "s2-1-2", 9),
        ("section", "s2-3", 12),
        ("paragraph", "s2-3-p1", 15),
    ]
    assert blocks[4].end == 10


def test_skipped_numbering_is_a_warning_with_its_line():
    _, problems = rt.parse_blocks(PAGE)
    assert problems == [(12, "警告", "编号（三）不连续，上一个是第1个",
                         "请核对原文的编号；如原文确实如此，可忽略此警告。")]


def test_front_matter_shifts_line_numbers():
    front, body = rt.split_front_matter("---\ntitle: x\n---\n# 一、标题\n")
    assert front.count("\n") == 3
    blocks, _ = rt.parse_blocks(body, first_line=4)
    assert blocks[0].line == 4


def test_with_anchors_keeps_one_entry_per_line_and_demotes_headings():
    blocks, _ = rt.parse_blocks(PAGE)
    lines = rt.with_anchors(PAGE, blocks, shift=1)
    assert len(lines) == len(PAGE.split("\n"))
    assert lines[0] == "## 二、推进法治政府建设存在不足和原因 {#s2 .report-part}"
    assert lines[4] == "### （一）第一个问题。 {#s2-1 .report-section}"
    assert lines[9] == "跨两行。\n{: #s2-1-2 .report-text }"
    assert lines[13] == "<!-- year:meta -->"
    assert rt.strip_markers(lines)[13] == ""


def test_numbering_variants_and_lists_are_not_confused():
    blocks, _ = rt.parse_blocks("# 一、甲\n\n## （十二）乙\n\n12．全角点\n\n3、顿号\n")
    assert [b.anchor for b in blocks] == ["s1", "s1-12", "s1-12-12", "s1-12-3"]


def test_anchor_labels_read_like_the_numbering():
    assert [rt.anchor_label(a) for a in ("s1-2-3", "s1-5-p1", "s3-p1", "s0-p1", "s2-12", "x")] == \
        ["一（二）3", "一（五）", "三", "导语", "二（十二）", "x"]
    assert [rt.cn_numeral(n) for n in (1, 10, 12, 20, 99)] == ["一", "十", "十二", "二十", "九十九"]


def test_ascii_brackets_and_dates_at_the_start_of_a_paragraph():
    blocks, problems = rt.parse_blocks("# 一、甲\n\n## (一)乙\n\n1.项目\n\n4.15国家安全日开展宣传。\n")
    assert problems == []
    assert [(b.kind, b.anchor) for b in blocks] == [
        ("part", "s1"), ("section", "s1-1"), ("item", "s1-1-1"), ("paragraph", "s1-1-p1")]


def test_a_year_right_after_the_item_number_is_the_items_first_word():
    blocks, _ = rt.parse_blocks("# 一、甲\n\n1.2024年开展执法检查。\n\n2．2024年组织培训。\n\n"
                                "2023年，全办开展学习。\n\n3.15日召开会议。\n\n1.5万元用于普法。\n")
    assert [(b.kind, b.anchor) for b in blocks] == [
        ("part", "s1"), ("item", "s1-1"), ("item", "s1-2"), ("paragraph", "s1-p1"),
        ("paragraph", "s1-p2"), ("paragraph", "s1-p3")]
