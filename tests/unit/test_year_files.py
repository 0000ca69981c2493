"""The data file of a new year: rendered from values, never from edited text."""

from __future__ import annotations

import types

import pytest

from reports.commands import year_files
from reports.source import yaml_source

# Text that would change the file's structure if it were pasted in as it is.
AWKWARD = [
    "标题: 副标题", "第1项 # 不是注释", '"引号"', "'单引号'", "- 像列表", "yes", "no", "null", "~",
    "true", "2023", "1.5", "第一行\n第二行", "{{ 不是模板 }}", "{% if %}", "", " 前后有空格 ",
    "[1, 2]", "{a: b}", "&anchor", "*alias", "!tag", "@", "`", "%", "| 竖线", "> 大于号", "?",
    "a\u2028b", "c\x85d", "e\x07f", "\\反斜杠", "制表\t符", "😀",
]


@pytest.mark.parametrize("value", AWKWARD)
def test_scalar_reads_back_as_the_same_text(value):
    text = year_files.scalar(value)
    assert "\n" not in text
    raw, _, problems = yaml_source.load(f"v: {text}\n", "")
    assert problems == [] and raw == {"v": value}


def test_plain_text_and_numbers_are_written_as_they_are():
    assert year_files.scalar("2024年度法治政府建设情况报告") == "2024年度法治政府建设情况报告"
    assert year_files.scalar("s1-2-3") == "s1-2-3"
    assert year_files.scalar("yes") == "yes"  # the strict loader keeps it as text
    assert year_files.scalar("2023") == '"2023"'
    assert year_files.scalar('a: "b"') == '"a: \\"b\\""'
    assert (year_files.scalar(12), year_files.scalar(2.5)) == ("12", "2.5")
    for bad in (True, None, float("nan"), ["x"]):
        with pytest.raises((TypeError, ValueError)):
            year_files.scalar(bad)


def proposal(value):
    return types.SimpleNamespace(context=value, value=3, unit=value, at="s1-1", quote=value,
                                 document=value, text=value)


@pytest.mark.parametrize("value", AWKWARD)
def test_values_round_trip_through_the_template_and_the_strict_loader(value):
    item = proposal(value)
    text = year_files.data_file(
        2024, value, None, source_name=value, figures=[item], figure_comment="# 待核实",
        studies=[item], dates=[item], new_titles=[(value, [value])], new_titles_comment=value)
    raw, _, problems = yaml_source.load(text, "data/years/2024.yml")
    assert problems == []
    assert (raw["year"], raw["title"], raw["status"]) == (2024, value, "draft")
    assert raw["figures"] == [{"id": "figure-1", "label": "待核实", "value": 3, "unit": value,
                               "at": "s1-1", "quote": value}]
    assert raw["studies"] == [{"document": value, "at": "s1-1", "quote": value}]
    # Comments stay comments, whatever they quote.
    assert list(raw) == ["year", "title", "status", "published_on", "figures", "studies", "campaigns",
                         "actions", "shortcomings", "plans", "followups"]


def test_follow_ups_list_each_plan_of_the_previous_year_by_its_id():
    plans = [types.SimpleNamespace(id="2023", text="第一条\n  status: done # 注意"),
             types.SimpleNamespace(id="alarm-drill", text="第二条")]
    previous = types.SimpleNamespace(year=2023, data_file="data/years/2023.yml",
                                     meta=types.SimpleNamespace(plans=plans))
    text = year_files.data_file(2024, "标题", previous)
    raw, _, problems = yaml_source.load(text, "data/years/2024.yml")
    assert problems == []
    assert raw["followups"] == [{"plan": "2023", "status": "pending"},
                                {"plan": "alarm-drill", "status": "pending"}]
    assert "  # 2023年安排：第一条 status: done # 注意\n  - plan: \"2023\"\n" in text
    assert text.startswith("# 2024 年度报告的结构化数据（由 make new-year 生成，上一年度为 2023 年）。\n")


def test_the_template_refuses_a_missing_value():
    with pytest.raises(Exception, match="undefined"):
        year_files._ENVIRONMENT.get_template("year.yml.j2").render(year=2024)
