"""Markers: each once, in its own page, no arguments, and every data table shown."""

from __future__ import annotations

import pytest

from support.project import copy_project
from reports.checks import project as project_module
from reports.checks.rules import marker_placement
from reports.model import archive as archive_module
from reports.model import markers


@pytest.fixture()
def project(tmp_path):
    return copy_project(tmp_path / "p")


def problems(project):
    archive, _ = archive_module.load(project)
    pages = project_module.markdown_pages(project)
    return [(p.file, p.line, p.message) for p in marker_placement.check(archive, project_module.Project(pages=pages))]


def edit(project, path, old, new):
    file = project / path
    text = file.read_text("utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), "utf-8")


def line_of(project, path, text):
    return (project / path).read_text("utf-8").split("\n").index(text) + 1


def test_the_project_passes(project):
    assert problems(project) == []


def test_deleted_marker_with_data_is_an_error_at_the_data(project):
    edit(project, "docs/2023/measures.md", "<!-- year:studies -->\n", "")
    assert problems(project) == [(
        "data/years/2023.yml", line_of(project, "data/years/2023.yml", "studies:"),
        "2023 年的数据中有 studies，但该年度的页面中没有标记 <!-- year:studies -->，这些内容不会显示")]


def test_duplicate_marker_names_the_first_place(project):
    first = line_of(project, "docs/2023/measures.md", "<!-- year:studies -->")
    edit(project, "docs/2023/plans.md", "<!-- year:plans -->", "<!-- year:plans -->\n\n<!-- year:studies -->")
    line = line_of(project, "docs/2023/plans.md", "<!-- year:studies -->")
    assert problems(project) == [("docs/2023/plans.md", line,
                                  f"标记“year:studies”重复出现（第一次在 docs/2023/measures.md:{first}）")]


def test_marker_in_the_wrong_page(project):
    edit(project, "docs/2023/measures.md", "<!-- year:studies -->", "<!-- year:studies -->\n\n<!-- report:full -->")
    line = line_of(project, "docs/2023/measures.md", "<!-- report:full -->")
    assert problems(project) == [("docs/2023/measures.md", line, "标记“report:full”不能用在这个页面")]
    site = marker_placement.check_markers(
        [markers.Marker("year:studies", (), 3)], "docs/index.md", markers.SITE, {})
    assert [(p.line, p.message) for p in site] == [(3, "标记“year:studies”不能用在这个页面")]
    assert "年度报告的页面" in site[0].hint


def test_junk_arguments_are_an_error(project):
    edit(project, "docs/2023/measures.md", "<!-- year:studies -->", "<!-- year:studies laws extra -->")
    line = line_of(project, "docs/2023/measures.md", "<!-- year:studies laws extra -->")
    assert problems(project) == [("docs/2023/measures.md", line, "标记“year:studies”后面不能有其他内容（laws extra）")]


@pytest.mark.parametrize("line", ["<!-- YEAR:STUDIES -->", "<!-- Year:studies -->", "<!-- year：studies -->"])
def test_wrongly_written_markers_are_not_silently_comments(line):
    found, errors = markers.find([line], "docs/2023/measures.md", 7, known=markers.NAMES)
    assert found == [] and [(p.line, p.message) for p in errors] == [(7, "标记的格式不对")]


def test_every_marker_has_a_renderer():
    from reports.render import page_fragments

    assert set(page_fragments.MARKERS) == set(markers.SCOPES)
