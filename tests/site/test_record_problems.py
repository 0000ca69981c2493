"""One run of ``make check`` reports every problem of a record, and nothing
that only follows from another problem.

A record with a broken field used to be dropped before the rules ran: a
clerk's erratum with a malformed date hid its wrong ``at`` and its wrong
``original`` until the date was fixed -- three rounds of CI for three
mistakes.  Now the schema's problems and the rules' problems for the
record's other fields come in one run (``schema.Context.incomplete``,
``YearData.every``), through ``checks.check_project`` and ``make check``.
"""

from __future__ import annotations

import pytest

from reports import checks
from support.project import fixture_project, run_check

Y = "data/years/2091.yml"
# A second erratum of the fictional 2091 (published, version 2) with three
# faults: a date that does not exist, a paragraph that does not exist, words
# that are nowhere in the report.
ERRATUM = """\
  - version: 2
    date: 2092-06-31
    at: s1-1-9
    original: 示例宣传月
    corrected: 示例宣传周
    reason: 测试用的虚构勘误。
"""


def three_faults(first: int) -> list:
    """``(file, line, column, message)`` of the erratum's three faults, its
    first line being ``first``."""
    return [
        (Y, first + 1, 11, "errata[1].date: 不存在的日期“2092-06-31”"),
        (Y, first + 2, 9, "errata[1].at: 2091 年的报告中没有位置为“s1-1-9”的段落"),
        (Y, first + 3, 15, "errata[1].original: 勘误的原文“示例宣传月”不在 2091 年报告的任何段落中"),
    ]


@pytest.fixture(scope="module")
def faulty(tmp_path_factory):
    """The fictional archive, locked, with the erratum appended to 2091's errata
    (the last list of its file); and the erratum's first line."""
    project = fixture_project(tmp_path_factory.mktemp("faulty") / "p")
    path = project / Y
    text = path.read_text("utf-8")
    assert text.rstrip("\n").split("\n")[-6].startswith("  - version:"), "errata must be the last list"
    path.write_text(text + ERRATUM, "utf-8")
    return project, text.count("\n") + 1


def located(problem) -> tuple:
    return problem.file, problem.line, problem.column, f"{problem.key}: {problem.message}"


def test_check_project_reports_the_three_faults_of_one_record_at_once(faulty):
    project, first = faulty
    _, problems = checks.check_project(project)
    errors = [p for p in problems if p.is_error]
    assert [located(p) for p in errors] == three_faults(first)
    assert [p.rule for p in errors] == ["schema", "anchor-exists", "quote-in-paragraph"]
    assert errors[2].hint == "original 必须照抄原文中有误的原话（正文保持原样，不要改正文）；请同时核对段落位置 at。"


def test_make_check_prints_the_three_faults_in_one_run(faulty):
    project, first = faulty
    result = run_check(project)
    assert result.returncode == 1
    shown = [line for line in result.stdout.splitlines() if line.startswith(f"{Y}:")]
    assert shown == [f"{file}:{line}:{column}: [错误] {message}" for file, line, column, message in three_faults(first)]
    assert "共发现 3 个错误" in result.stdout


def test_a_broken_year_field_does_not_hide_the_year_s_pages(tmp_path):
    """A malformed ``published_on`` used to drop the whole year: its pages'
    problems came one run later."""
    project = fixture_project(tmp_path / "p")
    data, page = project / "data/years/2093.yml", project / "docs/2093/measures.md"
    text = data.read_text("utf-8")
    data.write_text(text.replace("published_on:\n", "published_on: 2094-3-322\n"), "utf-8")
    lines = page.read_text("utf-8").rstrip("\n").split("\n")
    page.write_text("\n".join(lines + ["", "3.学习《未收录法》。", ""]), "utf-8")
    _, problems = checks.check_project(project)
    assert [(p.file, p.line, p.column, p.message) for p in problems if p.is_error] == [
        ("data/years/2093.yml", text.split("\n").index("published_on:") + 1, 15, "日期“2094-3-322”的格式不对"),
        ("docs/2093/measures.md", len(lines) + 2, 5, "《未收录法》不在学习文件目录中"),
    ]


def test_a_broken_catalogue_entry_is_one_problem_not_one_per_use(tmp_path):
    """A document left out for a broken field is still known by its id and
    names: the years that study it, and the 《title》 in their text, are not
    reported as unknown."""
    project = fixture_project(tmp_path / "p")
    documents = project / "data/catalog/documents.yml"
    text = documents.read_text("utf-8")
    documents.write_text(text.replace("kind: law", "kind: lw"), "utf-8")
    line = text.split("\n").index("  kind: law") + 1
    _, problems = checks.check_project(project)
    assert [(p.file, p.line, p.column, p.message) for p in problems if p.is_error] == [
        ("data/catalog/documents.yml", line, 9, "“lw”不是可选的值")]
