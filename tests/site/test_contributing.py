"""The messages CONTRIBUTING.md shows editors are the ones the check prints."""

from __future__ import annotations

from support.project import broken_copy, run_check
from support.repository import ROOT

GUIDE = (ROOT / "CONTRIBUTING.md").read_text("utf-8")


def check_after(tmp_path, path, old, new):
    return run_check(broken_copy(tmp_path, path, old, new)).stdout.splitlines()


def test_changed_figure_message(tmp_path):
    lines = check_after(tmp_path, "data/years/2023.yml", "value: 27", "value: 72")
    assert lines[0] in GUIDE and lines[1].strip() in GUIDE


def test_text_that_differs_from_the_source_message(tmp_path):
    lines = check_after(tmp_path, "docs/2023/measures.md", "全办共14人参加", "全办共15人参加")
    shown = [line for line in lines if "与发布的原文不同" in line]
    assert shown and shown[0].strip() in GUIDE
    assert lines[lines.index(shown[0]) + 1].strip() in GUIDE


def test_changed_published_text_message(tmp_path):
    lines = check_after(tmp_path, "docs/2023/measures.md", "全办共14人参加", "全办共15人参加")
    shown = [l for l in lines if "但没有新增版本记录" in l]
    assert shown and shown[0] in GUIDE
    hint = lines[lines.index(shown[0]) + 1].strip()
    assert hint in GUIDE
