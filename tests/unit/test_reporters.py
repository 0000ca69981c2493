"""The reporters on a few problems in memory: exact text, annotations, JSON."""

from __future__ import annotations

import json

from reports.source import reporters
from reports.source.problems import WARNING, Problem, format_all

DATA = Problem("data/years/2091.yml", 7, 12, "数值 3 与引文中的数字不一致", "请核对数值。",
               key="figures[0].value", rule="figure-value")
PAGE = Problem("docs/2091/measures.md", 3, 1, "编号不连续", level=WARNING, rule="report-text")
ODD = Problem("docs/a.md", 1, 1, "100% 的\n第二行\r", "提示 50%", rule="encoding")


def test_text_is_location_level_key_message_then_the_hint_and_a_summary():
    assert reporters.text([PAGE, DATA]) == (
        "data/years/2091.yml:7:12: [错误] figures[0].value: 数值 3 与引文中的数字不一致\n"
        "    提示：请核对数值。\n"
        "docs/2091/measures.md:3:1: [警告] 编号不连续\n"
        "共发现 1 个错误、1 个警告。")
    assert reporters.text([]) == "共发现 0 个错误、0 个警告。"
    assert format_all([PAGE, DATA]) == reporters.text([DATA, PAGE])
    assert DATA.format() == reporters.text_of(DATA)


def test_github_annotations_escape_what_the_runner_would_cut():
    assert reporters.github([ODD, PAGE, DATA]).split("\n") == [
        "::error file=data/years/2091.yml,line=7,col=12::figures[0].value: 数值 3 与引文中的数字不一致（提示：请核对数值。）",
        "::warning file=docs/2091/measures.md,line=3,col=1::编号不连续",
        "::error file=docs/a.md,line=1,col=1::100%25 的%0A第二行%0D（提示：提示 50%25）",
    ]
    assert reporters.github([]) == ""


def test_json_is_sorted_utf8_with_every_field():
    out = reporters.json([PAGE, ODD, DATA])
    assert out == reporters.json([DATA, ODD, PAGE])
    assert "数值" in out and "\\u" not in out
    entries = json.loads(out)
    assert [e["file"] for e in entries] == ["data/years/2091.yml", "docs/2091/measures.md", "docs/a.md"]
    assert entries[0] == {"file": "data/years/2091.yml", "line": 7, "column": 12, "level": "error",
                          "rule": "figure-value", "key": "figures[0].value",
                          "message": "数值 3 与引文中的数字不一致", "hint": "请核对数值。"}
    assert list(entries[1]) == ["file", "line", "column", "level", "rule", "key", "message", "hint"]
    assert (entries[1]["level"], entries[1]["key"], entries[1]["hint"]) == ("warning", "", "")
    assert entries[2]["message"] == "100% 的\n第二行\r"
    assert reporters.json([]) == "[]"


def test_codequality_is_gitlabs_report_with_a_stable_fingerprint():
    import json

    from reports.source import reporters
    from reports.source.problems import WARNING, Problem

    problems = [Problem("data/years/2023.yml", 4, 9, "“发布”不是可选的值", "只能是……", key="status", rule="schema"),
                Problem("docs/2023/measures.md", 7, 1, "二级标题没有编号", level=WARNING, rule="report-text")]
    report = json.loads(reporters.codequality(problems))
    assert [(r["location"], r["severity"], r["check_name"], r["description"]) for r in report] == [
        ({"path": "data/years/2023.yml", "lines": {"begin": 4}}, "major", "schema", "status: “发布”不是可选的值"),
        ({"path": "docs/2023/measures.md", "lines": {"begin": 7}}, "minor", "report-text", "二级标题没有编号")]
    again = json.loads(reporters.codequality(list(reversed(problems))))
    assert [r["fingerprint"] for r in again] == [r["fingerprint"] for r in report]
    assert len({r["fingerprint"] for r in report}) == 2
