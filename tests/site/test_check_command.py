"""``python -m reports check|lock`` as a command: output formats, the command line."""

from __future__ import annotations

import json
import pathlib
import subprocess

import pytest

from support.project import broken_copy, command_line, copy_project, run_command
from support.repository import ROOT

from reports import checks

CORPUS = ROOT / "tests" / "fixtures" / "broken-data"


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> pathlib.Path:
    project = copy_project(tmp_path_factory.mktemp("broken") / "p")
    (project / "data/years/2023.yml").write_bytes((CORPUS / "figure-not-in-text.yml").read_bytes())
    return project


def test_json_lists_every_problem_with_its_rule_and_nothing_else(broken):
    result = run_command("check", broken, "--format", "json")
    assert result.returncode == 1
    problems = json.loads(result.stdout)
    assert {"file": "data/years/2023.yml", "line": 7, "column": 12, "level": "error", "rule": "figure-value",
            "key": "figures[0].value", "message": "数值 72 与引文“2023年开展随机执法检查27项”中的数字不一致",
            "hint": "原文在 docs/2023/measures.md:39。请核对数值，或改正引文。"} in problems
    assert all(p["rule"] in checks.RULE_IDS for p in problems)
    text = run_command("check", broken)
    # The same problems as the text report, in the same order.
    assert [f"{p['file']}:{p['line']}:{p['column']}" for p in problems] == [
        line.split(": [")[0] for line in text.stdout.splitlines() if ": [" in line and not line.startswith(" ")]


def test_github_format_prints_the_annotations_alone(broken):
    result = run_command("check", broken, "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[-1] == "检查未通过：请按上面的提示修改后再提交。"
    assert lines[:-1] and all(line.startswith("::error file=") for line in lines[:-1])
    assert ("::error file=data/years/2023.yml,line=7,col=12::figures[0].value: "
            "数值 72 与引文“2023年开展随机执法检查27项”中的数字不一致") in result.stdout


def test_a_data_title_that_is_not_the_page_heading_is_reported_at_the_heading(tmp_path):
    project = broken_copy(tmp_path, "data/years/2023.yml", "title: 2023年度法治政府建设情况报告",
                          "title: 2023年法治政府建设情况报告")
    result = run_command("check", project, "--format", "json")
    assert result.returncode == 1
    found = [p for p in json.loads(result.stdout) if p["rule"] == "one-title"]
    assert [(p["file"], p["line"], p["column"], p["message"]) for p in found] == [
        ("docs/2023/index.md", 1, 3,
         "2023 年首页的标题“2023年度法治政府建设情况报告”与数据文件中的 title“2023年法治政府建设情况报告”不一致")]
    assert "data/years/2023.yml 第 3 行的 title" in found[0]["hint"]


def test_a_clean_project_gives_an_empty_json_list(tmp_path):
    result = run_command("check", copy_project(tmp_path / "p"), "--format", "json")
    assert (result.returncode, result.stdout) == (0, "[]\n")


@pytest.mark.parametrize("command, args, error", [
    ("check", ["--format", "xml"], "错误：--format：只能是 text、github、json、codequality，不能是“xml”"),
    ("check", ["--format"], "错误：--format 后面要写一个值"),
    ("check", ["--verbose"], "错误：多余的参数：--verbose"),
    ("lock", ["no-such-folder"], "错误：项目目录：“no-such-folder”不是一个目录"),
])
def test_a_wrong_command_line_is_answered_in_chinese_with_exit_code_2(tmp_path, command, args, error):
    argv, env = command_line(command, tmp_path, *args)
    result = subprocess.run(argv, capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"用法：python -m reports {command} [-h]")
    assert result.stderr.splitlines()[-1] == error
    assert result.stdout == "" and "Traceback" not in result.stderr
