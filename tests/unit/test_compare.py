"""与上年对比: the differences between a year and the previous one, computed
in memory (the generated pages are tested in tests/site/test_compare.py)."""

from __future__ import annotations

from reports.knowledge import compare


def test_character_diff_marks_deleted_and_inserted_text():
    assert compare.char_segments("组织1名执法人员", "组织12名执法人员") == [
        ("same", "组织1"), ("ins", "2"), ("same", "名执法人员")]


def test_set_change_keeps_order_and_ignores_repeats():
    change = compare.set_change(["a", "b", "b"], ["b", "c", "c"])
    assert (change.new, change.dropped, change.kept) == (["c"], ["a"], ["b"])
