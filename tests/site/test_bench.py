"""The benchmark's synthetic archives are valid projects, reproducible and varied.

``make bench`` measures the site on archives made by ``bench.synthesize``;
its numbers only mean something if those archives pass the same check and
strict build as the real one, come out the same for the same seed, and do
not repeat one year's text N times (which would flatter the search index and
the compare pages).
"""

from __future__ import annotations

import pathlib
import random

import pytest

import bench
from support.project import mkdocs_build, run_command

YEARS = 3
SEED = 7


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> pathlib.Path:
    return bench.synthesize(tmp_path_factory.mktemp("bench") / "project", YEARS, SEED)


def files_of(root: pathlib.Path) -> dict:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


def test_synthetic_project_passes_the_check(project):
    result = run_command("check", project)
    assert result.returncode == 0, result.stdout + result.stderr


def test_synthetic_project_builds_strictly(project, tmp_path):
    times = tmp_path / "hook-times.json"
    result = mkdocs_build(project, tmp_path / "site", env={"SOURCE_DATE_EPOCH": bench.SOURCE_DATE_EPOCH,
                                                         "REPORTS_HOOK_TIMES": str(times)})
    assert result.returncode == 0, result.stderr
    newest = (tmp_path / "site" / str(bench.LAST_YEAR) / "measures" / "index.html").read_text("utf-8")
    assert bench.TEST_MARK in newest
    # The hooks' own time, per event handler, for the bench's table.
    events = bench.hook_seconds(times)
    assert events["hooks/report_markers.py:on_page_markdown"] > 0
    assert events["hooks/site_data.py:on_config"] > 0
    assert 0 < bench.own_hook_seconds(events) < sum(events.values())


def test_years_end_at_the_last_year_and_are_marked_as_test_data(project):
    years = sorted(p.name for p in (project / "docs").iterdir() if p.name.isdigit())
    assert years == [str(y) for y in range(bench.LAST_YEAR - YEARS + 1, bench.LAST_YEAR + 1)]
    for year in years:
        assert bench.TEST_MARK in (project / "docs" / year / "index.md").read_text("utf-8")
        assert bench.TEST_MARK in (project / "data" / "years" / f"{year}.yml").read_text("utf-8")


def test_same_seed_gives_identical_files(project, tmp_path):
    again = bench.synthesize(tmp_path / "again", YEARS, SEED)
    assert files_of(again) == files_of(project)


def test_years_differ_in_text(project):
    for slug in ("index", "measures", "leadership", "plans"):
        texts = {y: (project / "docs" / str(y) / f"{slug}.md").read_text("utf-8")
                 for y in range(bench.LAST_YEAR - YEARS + 1, bench.LAST_YEAR + 1)}
        assert len(set(texts.values())) == YEARS, f"{slug}.md repeats between years"


def test_plain_project_is_the_same_pages_as_plain_markdown_without_hooks(project, tmp_path):
    plain = bench.plain_project(project, tmp_path / "plain")
    config = (plain / "mkdocs.yml").read_text("utf-8")
    assert "hooks:" not in config and "plugins:" in config
    assert f"{bench.LAST_YEAR}/compare.md" in config  # the hooks' navigation, written out
    pages = {p.relative_to(plain / "docs").as_posix(): p.read_text("utf-8") for p in (plain / "docs").rglob("*.md")}
    assert not any("<!-- year:" in text or "<!-- report:" in text for text in pages.values())
    # Generated pages and generated content are there as plain files.
    assert f"{bench.LAST_YEAR}/compare.md" in pages
    full = pages[f"{bench.LAST_YEAR}/full.md"]
    assert "{#s1-1 .report-section}" in full and "{#s4-4 .report-section}" in full
    assert "<table" in pages[f"{bench.LAST_YEAR}/measures.md"]
    # MkDocs builds it as it is, into as many pages as the full build.
    site = tmp_path / "site"
    result = mkdocs_build(plain, site)
    assert result.returncode == 0, result.stderr
    full_site = tmp_path / "full-site"
    assert mkdocs_build(project, full_site).returncode == 0
    assert ({p.relative_to(site) for p in site.rglob("*.html")}
            == {p.relative_to(full_site) for p in full_site.rglob("*.html")})


def test_text_only_project_has_no_markers_and_no_hooks(project, tmp_path):
    text_only = bench.text_only_project(project, tmp_path / "text-only")
    assert "hooks:" not in (text_only / "mkdocs.yml").read_text("utf-8")
    assert not any("<!-- year:" in p.read_text("utf-8") for p in (text_only / "docs").rglob("*.md"))


def test_summary_lines_round_trip():
    values = {"hook_overhead_ratio_50": 2.345, "page_weight_ratio_50_vs_5": 1.0,
              "search_index_gz_kb_50": 512.25, "check_seconds_50": 0.7, "search_first_result_ms_50": None}
    lines = bench.format_summary(values)
    assert lines == ["hook_overhead_ratio_50: 2.35", "page_weight_ratio_50_vs_5: 1.00",
                     "search_index_gz_kb_50: 512.2", "check_seconds_50: 0.70", "search_first_result_ms_50: n/a"]
    parsed = bench.parse_summary("table\n\n" + "\n".join(lines))
    assert parsed == {"hook_overhead_ratio_50": 2.35, "page_weight_ratio_50_vs_5": 1.0,
                      "search_index_gz_kb_50": 512.2, "check_seconds_50": 0.7,
                      "search_first_result_ms_50": None}
    assert bench.verdict("check_seconds_50", 0.7).endswith("PASS")
    assert bench.verdict("hook_overhead_ratio_50", 2.35).endswith("FAIL")


def test_the_growing_archives_lines_round_trip_and_a_speedup_must_reach_its_target():
    values = {"finder_shell_kb_200": 79.04, "finder_keyword_ms_200_x4": 150.4,
              "search_first_result_gz_kb_200": 61.26, "search_vs_lunr_speedup_200": 4.567}
    lines = bench.format_summary(values)
    assert lines == ["finder_shell_kb_200: 79.0", "finder_keyword_ms_200_x4: 150",
                     "search_first_result_gz_kb_200: 61.3", "search_vs_lunr_speedup_200: 4.57"]
    assert bench.parse_summary("\n".join(lines)) == {
        "finder_shell_kb_200": 79.0, "finder_keyword_ms_200_x4": 150.0,
        "search_first_result_gz_kb_200": 61.3, "search_vs_lunr_speedup_200": 4.57}
    assert bench.verdict("search_vs_lunr_speedup_200", 4.57) == "≥ 3×: PASS"
    assert bench.verdict("search_vs_lunr_speedup_200", 2.9) == "≥ 3×: FAIL"
    assert bench.verdict("finder_keyword_ms_200_x4", 201) == "≤ 200 ms: FAIL"
    assert bench.figure_name("finder_keyword_ms_200_x4") == "finder_keyword_ms"


def test_figures_of_before_are_at_fifty_years_and_the_growing_ones_at_two_hundred():
    def result(n):
        return {"n": n, "ratio": [1.1], "page_part_median": 100 + n, "index_gz": 1024 * n,
                "check": [n / 100], "search": [{"total": 100 + n, "after_focus": n}],
                "lunr": [{"total": 1000 + n, "after_focus": 4 * n}],
                "finder_page": 1024 * n, "finder_x4": [{"keystroke": n}],
                "focus": [{"bytes": {"gz": 1024 * n}}], "rebuild_ratio": n / 1000}
    values = bench.summary([result(5), result(50), result(200)])
    assert values == {
        "hook_overhead_ratio_50": 1.1, "page_weight_ratio_50_vs_5": 150 / 105,
        "search_index_gz_kb_50": 50, "check_seconds_50": 0.5, "search_first_result_ms_50": 150,
        "finder_shell_kb_200": 200, "finder_keyword_ms_200_x4": 200,
        "search_first_result_gz_kb_200": 200, "search_vs_lunr_speedup_200": 4.0,
        "rebuild_after_save_ratio_50": 0.05}
    # Smaller runs name their figures by the sizes measured.
    assert set(bench.summary([result(3), result(7)])) == {
        "hook_overhead_ratio_7", "page_weight_ratio_7_vs_3", "search_index_gz_kb_7", "check_seconds_7",
        "search_first_result_ms_7", "finder_shell_kb_7", "finder_keyword_ms_7_x4",
        "search_first_result_gz_kb_7", "search_vs_lunr_speedup_7", "rebuild_after_save_ratio_7"}


def test_a_figure_is_replaced_where_it_stands_not_inside_a_year():
    quote = "1927年以来共开展检查27次"
    text = f"据统计，{quote}。"
    entries = [("figures", {"id": "checks", "value": 27, "quote": quote})]
    new_text, new_entries = bench.vary_figures(text, entries, random.Random(3))
    value = new_entries[0][1]["value"]
    assert value != 27
    assert new_entries[0][1]["quote"] == f"1927年以来共开展检查{value}次"
    assert new_text == f"据统计，1927年以来共开展检查{value}次。"


def test_archives_bigger_than_real_data_reach_two_hundred_years(tmp_path):
    assert bench.year_range(5) == range(bench.LAST_YEAR - 4, bench.LAST_YEAR + 1)
    assert bench.year_range(75)[0] == 1949
    assert bench.year_range(150) == range(1900, 2050)
    assert bench.year_range(200) == range(1900, 2100)
    with pytest.raises(ValueError):
        bench.year_range(201)
    # Below 1949 only the bench's copy of the schema is widened, never the repository's.
    bench.copy_site(tmp_path)
    bench.allow_old_years(tmp_path)
    copied = (tmp_path / "hooks" / "reports" / "model" / "year_data.py").read_text("utf-8")
    assert "schema.Integer(minimum=1900, maximum=2100" in copied
    assert bench.YEAR_LIMIT in (bench.ROOT / "hooks" / "reports" / "model" / "year_data.py").read_text("utf-8")
    with pytest.raises(RuntimeError, match="the year limit changed"):
        bench.allow_old_years(tmp_path)
