"""What CONTRIBUTING.md shows editors is what the project does.

The messages it shows are the ones the check prints, and the YAML it gives
to copy is YAML the project reads without a complaint.  The routine changes
themselves, done on a throwaway Git server, are in test_routine_changes.py.
"""

from __future__ import annotations

import pytest

from support import guide
from support.project import broken_copy, run_check

from reports.source import yaml_source


def check_after(tmp_path, path, old, new):
    return run_check(broken_copy(tmp_path, path, old, new)).stdout.splitlines()


@pytest.mark.parametrize("old, new", [("value: 27", "value: 72"), ("value: 7\n", "value: 二十七\n")])
def test_figure_messages(tmp_path, old, new):
    """A figure's messages are the same with or without Git history (this copy has none)."""
    lines = check_after(tmp_path, "data/years/2023.yml", old, new)
    assert lines[0] in guide.shown_lines() and lines[1] in guide.shown_lines(), lines[:2]


def test_every_yaml_snippet_loads_without_a_problem():
    snippets = guide.blocks(guide.text(), "yaml")
    assert len(snippets) >= 5
    for snippet in snippets:
        value, _, problems = yaml_source.load(snippet, "CONTRIBUTING.md")
        assert value is not None and problems == [], (snippet, [p.format() for p in problems])


def test_every_error_shown_comes_with_its_hint():
    """A clerk matches what the log says with what the guide says: each
    error line the guide shows is followed by the hint the check prints."""
    for block in guide.blocks(guide.text()):
        lines = block.rstrip("\n").split("\n")
        for index, line in enumerate(lines):
            if ": [错误] " in line:
                assert index + 1 < len(lines) and lines[index + 1].startswith("    提示："), block


def test_clerks_are_not_asked_to_run_make_lock():
    """With Git history the check compares with main; only the note for
    maintainers mentions make lock."""
    sections = [guide.section(title) for title in ("记录勘误", "改正录入错误", "新一年的报告")]
    assert not [s.splitlines()[0] for s in sections if "make lock" in s]


def test_text_that_differs_from_the_source_message(tmp_path):
    lines = check_after(tmp_path, "docs/2023/measures.md", "全办共14人参加", "全办共15人参加")
    shown = [line for line in lines if "与发布的原文不同" in line]
    assert shown and shown[0].strip() in guide.text()
    assert lines[lines.index(shown[0]) + 1].strip() in guide.text()
