"""Markers: known ones are replaced, unknown or malformed ones are errors."""

from __future__ import annotations

from reports.model import markers
from reports.model.markers import MarkerError


def handlers():
    def fail(marker):
        raise MarkerError("不能用在这里", "请移走。")
    return {"year:meta": lambda m: f"META{m.args}", "year:fail": fail}


def test_known_marker_is_replaced_with_its_arguments():
    text, problems = markers.expand(["a", "<!-- year:meta x y -->", "b"], handlers(), "p.md")
    assert text == "a\nMETA('x', 'y')\nb"
    assert problems == []


def test_unknown_marker_names_file_line_and_the_nearest_names():
    _, problems = markers.expand(["", "<!-- year:mata -->"], handlers(), "docs/p.md", first_line=4)
    (problem,) = problems
    assert (problem.file, problem.line, problem.column) == ("docs/p.md", 5, 6)
    assert problem.message == "未知的标记“year:mata”"
    assert "year:meta" in problem.hint


def test_malformed_marker_is_an_error():
    for line in ("<!-- year：meta -->", "<!-- year:Meta -->", "<!--year:meta", "<!-- year: meta -->"):
        _, problems = markers.expand([line], handlers(), "p.md")
        assert [p.message for p in problems] == ["标记的格式不对"], line


def test_ordinary_comments_are_left_alone():
    text, problems = markers.expand(["<!-- 注释：此处待核实 -->", "<!-- TODO: x -->"], handlers(), "p.md")
    assert problems == []
    assert text.startswith("<!-- 注释")


def test_handler_errors_carry_the_marker_line():
    _, problems = markers.expand(["x", "<!-- year:fail -->"], handlers(), "p.md")
    assert [(p.line, p.message, p.hint) for p in problems] == [(2, "不能用在这里", "请移走。")]
