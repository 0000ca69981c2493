"""A repeated id is found one way, in the year files and in the catalogues."""

from __future__ import annotations

import types

from reports.model import catalog
from reports.model import schema
from reports.source import yaml_source

DOCUMENTS = """\
- id: civil-code
  name: 中华人民共和国民法典
  kind: law
- id: civil-code
  name: 民法典汇编
  kind: law
- id: code-two
  name: 第二部法典
  aliases: [中华人民共和国民法典]
  kind: law
"""


def test_first_by_keeps_the_first_entry_and_pairs_each_repeat_with_it():
    a, b, c = (types.SimpleNamespace(id=i, n=n) for i, n in (("x", 1), ("y", 2), ("x", 3)))
    first, repeats = schema.first_by([a, b, c], "id")
    assert first == {"x": a, "y": b} and repeats == [(c, a)]


def test_catalogue_reports_a_repeated_id_with_both_lines_and_keeps_the_first():
    value, located, problems = yaml_source.load(DOCUMENTS, "data/catalog/documents.yml")
    ctx = schema.Context(located)
    entries = schema.ListOf(catalog.DOCUMENT).validate(value, (), ctx)
    by_id = catalog.unique_by_id(entries, located, problems, "学习文件")
    assert list(by_id) == ["civil-code", "code-two"]
    assert by_id["civil-code"].name == "中华人民共和国民法典"
    messages = sorted(p.format().split("\n")[0] for p in problems)
    assert messages == [
        "data/catalog/documents.yml:4:7: [错误] [1].id: 编号“civil-code”重复（第一次在第 1 行）",
        "data/catalog/documents.yml:7:3: [错误] [2]: 名称“中华人民共和国民法典”同时属于“civil-code”和“code-two”",
    ]
