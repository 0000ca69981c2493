"""Broken pages and data fail the build with a Chinese message, never a traceback."""

from __future__ import annotations

from support.project import broken_copy, copy_project, mkdocs_build, run_check


def test_unknown_marker_fails_build_and_check_with_file_and_line(tmp_path):
    project = broken_copy(tmp_path, "docs/2023/index.md", "<!-- year:meta -->", "<!-- year:mata -->")
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 1
    assert "docs/2023/index.md:3:6: [错误] 未知的标记“year:mata”" in build.stderr
    assert "Traceback" not in build.stderr
    check = run_check(project)
    assert check.returncode == 1
    assert "docs/2023/index.md:3:6: [错误] 未知的标记“year:mata”" in check.stdout
    assert "检查未通过" in check.stdout


def test_bad_year_metadata_names_the_key_and_line(tmp_path):
    project = broken_copy(tmp_path, "data/years/2023.yml", "status: published", "status: 发布")
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 1
    assert "data/years/2023.yml:4:9: [错误] status: “发布”不是可选的值" in build.stderr
    assert "published（已发布）" in build.stderr
    assert "Traceback" not in build.stderr


def test_clean_project_passes_the_check(tmp_path):
    project = copy_project(tmp_path / "p")
    check = run_check(project)
    assert check.returncode == 0, check.stdout
    assert "检查通过：数据和页面没有发现错误。" in check.stdout
