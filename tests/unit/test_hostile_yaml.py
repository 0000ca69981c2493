"""Hostile or clumsy YAML: a Chinese message with its position, never a
traceback, never a tag obeyed (source.yaml_source, model.schema)."""

from __future__ import annotations

import pytest

from reports.model import year_data
from reports.source import yaml_source

HEAD = "year: 2023\ntitle: 2023年度法治政府建设情况报告\n"


def load_year(text):
    value, located, problems = yaml_source.load(text.encode("utf-8"), "data/years/2023.yml")
    if value is None:
        return [(p.line, p.column, p.message) for p in problems]
    _, problems = year_data.validate(value, located)
    return [(p.line, p.column, p.message) for p in problems]


CASES = [
    (HEAD + "status: [published]\n", (3, 9, "这里应是一个选项，实际是列表")),
    (HEAD + "status: {a: 1}\n", (3, 9, "这里应是一个选项，实际是“键: 值”组")),
    (HEAD + 'status: !!python/object/apply:os.system ["touch pwned"]\n',
     (3, 9, "不能使用 YAML 标签“!!python/object/apply:os.system”")),
    (HEAD + "status: !!python/name:os.system\n", (3, 9, "不能使用 YAML 标签“!!python/name:os.system”")),
    (HEAD + "status: !include secrets.yml\n", (3, 9, "不能使用 YAML 标签“!include”")),
    (HEAD + "status: !!binary aGVsbG8=\n", (3, 9, "不能使用 YAML 标签“!!binary”")),
    (HEAD + "status: !!set {a, b}\n", (3, 9, "不能使用 YAML 标签“!!set”")),
    (HEAD + "status: published\nfigures: " + "[" * 60 + "]" * 60 + "\n", (4, 50, "嵌套层次太深（超过 40 层）")),
    (HEAD + "status: published\nfigures: " + "[" * 5000 + "]" * 5000 + "\n", (4, 50, "嵌套层次太深（超过 40 层）")),
    (HEAD + "status: published\nfigures:\n" + "".join("  " * i + "- \n" for i in range(1, 60)),
     None),  # deep block nesting: any position, but a message, not a traceback
]


@pytest.mark.parametrize("text,expected", CASES, ids=[str(i) for i in range(len(CASES))])
def test_hostile_yaml_gets_a_message(text, expected):
    found = load_year(text)
    assert found, "accepted"
    if expected is not None:
        line, column, message = expected
        assert (found[0][0], found[0][1]) == (line, column), found
        assert found[0][2].startswith(message), found
    assert all(isinstance(m, str) and m for _, _, m in found)


def test_explicit_plain_tags_are_fine():
    assert load_year(HEAD + "status: !!str published\n") == []


def test_conflict_markers_in_a_data_file():
    text = HEAD + "<<<<<<< HEAD\nstatus: published\n=======\nstatus: draft\n>>>>>>> other\n"
    assert load_year(text) == [(3, 1, "文件中有未解决的合并冲突标记"), (5, 1, "文件中有未解决的合并冲突标记"),
                               (7, 1, "文件中有未解决的合并冲突标记")]
