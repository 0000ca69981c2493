"""Strict YAML loading and schema validation: exact messages and positions."""

from __future__ import annotations

import datetime

import pytest

from reports.model import schema
from reports.model import year_data
from reports.source import yaml_source


def load(text, name="data/years/2023.yml"):
    return yaml_source.load(text.encode("utf-8") if isinstance(text, str) else text, name)


def formatted(problems):
    return [p.format().split("\n")[0] for p in problems]


def test_values_are_not_converted_behind_the_editors_back():
    value, _, problems = load("a: 2023-12-01\nb: no\nc: yes\nd: 007\ne: 1.5\nf: true\ng:\n")
    assert problems == []
    assert value == {"a": "2023-12-01", "b": "no", "c": "yes", "d": 7, "e": 1.5, "f": True, "g": None}


@pytest.mark.parametrize("text,expected", [
    ("a: 1\nb: 2\na: 3\n", "data/years/2023.yml:3:1: [错误] a: 键“a”重复出现（第一次在第 1 行）"),
    ("a:\n  b: 1\n\tc: 2\n", "data/years/2023.yml:3:1: [错误] 缩进中有制表符（Tab）"),
    ("a: [1, 2\n", "data/years/2023.yml:2:1: [错误] YAML 语法错误：文件意外结束（可能缺少值，或括号、引号没有闭合）"),
    ("title: 报告: 2023\n", "data/years/2023.yml:1:10: [错误] YAML 语法错误：这里不能出现“键: 值”（常见原因：缩进不对，或文字中的冒号没有加引号）"),
    ("\n# 只有注释\n", "data/years/2023.yml:1:1: [错误] 文件是空的"),
    ("a: &x [1]\nb: *x\n", "data/years/2023.yml:1:4: [错误] b: 不支持 YAML 锚点和别名（& 与 *）"),
])
def test_bad_yaml_reports_line_and_column(text, expected):
    value, _, problems = load(text)
    assert value is None
    assert formatted(problems) == [expected]


def test_invalid_utf8_reports_the_line_of_the_bad_byte():
    value, _, problems = load("title: 报告\nnote: ".encode("utf-8") + "旧编码".encode("gbk") + b"\n")
    assert value is None
    assert formatted(problems) == ["data/years/2023.yml:2:7: [错误] 文件不是 UTF-8 编码，无法读取"]


def test_byte_order_mark_is_accepted():
    value, _, problems = load("\ufeffa: 1\n".encode("utf-8"))
    assert (value, problems) == ({"a": 1}, [])


MINIMAL = "year: 2023\ntitle: 2023年度法治政府建设情况报告\nstatus: published\n"


def validate(text):
    raw, located, problems = load(text)
    assert problems == [], problems
    return year_data.validate(raw, located)


def test_minimal_year_is_valid():
    data, problems = validate(MINIMAL + "published_on: 2024-03-28\n")
    assert problems == []
    assert data.published_on == datetime.date(2024, 3, 28)
    assert data.figures == [] and data.plans == []


@pytest.mark.parametrize("extra,expected", [
    ("statu: draft\n", "data/years/2023.yml:4:1: [错误] statu: 未知的键“statu”"),
    ("published_on: 2024-02-30\n", "data/years/2023.yml:4:15: [错误] published_on: 不存在的日期“2024-02-30”"),
    ("published_on: 2024年3月\n", "data/years/2023.yml:4:15: [错误] published_on: 日期“2024年3月”的格式不对"),
    ("figures:\n  - id: staff\n    label: 执法人员\n    value: 7人\n    unit: 人\n    at: s1-5-p1\n    quote: 7人\n",
     "data/years/2023.yml:7:12: [错误] figures[0].value: 这里应是整数，实际是文字“7人”"),
    ("figures:\n  - id: Staff\n    label: 执法人员\n    value: 7\n    unit: 人\n    at: s1-5-p1\n    quote: 7人\n",
     "data/years/2023.yml:5:9: [错误] figures[0].id: “Staff”的格式不对"),
    ("figures:\n  - id: staff\n    value: 7\n    unit: 人\n    at: s1-5-p1\n    quote: 7人\n",
     "data/years/2023.yml:5:5: [错误] figures[0]: 缺少必填项“label”（名称，如 随机执法检查）"),
    ("plans:\n  - id: a\n    text: 甲\n    at: s4-1\n  - id: a\n    text: 乙\n    at: s4-2\n",
     "data/years/2023.yml:8:9: [错误] plans[1].id: 编号“a”重复（第一次在第 5 行）"),
    ("plans: 加强学习\n", "data/years/2023.yml:4:8: [错误] plans: 这里应是列表（每项以“- ”开头），实际是文字"),
    ("title2: x\n", "data/years/2023.yml:4:1: [错误] title2: 未知的键“title2”"),
])
def test_schema_problems_name_key_path_and_position(extra, expected):
    _, problems = validate(MINIMAL + extra)
    assert expected in formatted(problems)


def test_unknown_key_hint_suggests_the_nearest_key():
    _, problems = validate(MINIMAL + "statu: draft\n")
    assert problems[0].hint.startswith("是不是想写：status")


def test_status_accepts_the_chinese_label():
    data, problems = validate(MINIMAL.replace("published", "草稿"))
    assert problems == [] and data.status == "draft"


def test_all_problems_are_collected_in_one_run():
    _, problems = validate(MINIMAL + "published_on: 2024-13-01\nstatu: x\nplans:\n  - id: a\n    at: s4-1\n")
    assert len(problems) == 3


def test_quoted_number_in_a_text_field_is_kept_and_bare_number_is_refused():
    ctx = schema.Context(yaml_source.Located("f.yml"))
    assert schema.Text().validate("001", ("x",), ctx) == "001"
    assert schema.Text().validate(1, ("x",), ctx) is None
    assert ctx.problems[0].hint == '请加引号写成 "1"。'


def test_positions_read_past_tags_and_aliases_and_obey_neither():
    """mkdocs.yml's positions: tags are not constructed, a recursive alias is
    walked once, an empty value is where its key is, a broken file has none."""
    text = "a: !!python/object/apply:os.system [echo]\nb: &x [1, *x]\nc:\n  d:\n"
    located = yaml_source.positions(text, "mkdocs.yml")
    assert (located.at(("a",)), located.at(("b", 0)), located.at(("c", "d"))) == ((1, 4), (2, 8), (4, 3))
    assert located.at(("c", "d"), on_key=True) == (4, 3)
    assert yaml_source.positions("a: [\n", "mkdocs.yml").at(("a",)) == (1, 1)
