"""`make new-year YEAR=2024`: next year's report starts from this year's."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from reports.model import archive
from reports import checks
from reports.checks.rules import anchor_exists, followup_plans, quote_in_paragraph
from reports.commands import new_year
from reports.model import report_text
from reports.model import year_data
from reports.source import yaml_source
from reports.source.problems import ERROR, WARNING
from support.project import command_line, copy_project, mkdocs_build, run_check, snapshot
from support.repository import ROOT

PLANS_2023 = ["study-xi-rule-of-law-thought", "education-base-students",
              "alarm-drill-publicity", "enforcement-staff-training"]
EXPECTED = {f"docs/2024/{name}.md" for name in
            ("index", "measures", "shortcomings", "leadership", "plans", "full")} | {"data/years/2024.yml"}


def followup_problems(loaded):
    """What the rules about follow-ups find: their plans, their ``at`` and their ``evidence``."""
    return checks.run(loaded, rules=(followup_plans, anchor_exists, quote_in_paragraph))


def run_new_year(project, *args, root=True):
    """Run the project's own copy of the command, as `make new-year` does."""
    argv, env = command_line("new-year", project, *args)
    if root and args:
        argv.append(str(project))
    return subprocess.run(argv, capture_output=True, text=True, timeout=60, cwd=project, env=env)


@pytest.fixture(scope="module")
def created(tmp_path_factory):
    """A copy of the project after `new-year 2024`; with the files before it."""
    project = copy_project(tmp_path_factory.mktemp("new-year") / "p")
    before = snapshot(project)
    # Without the root argument: the root is the parent of hooks/.
    result = run_new_year(project, "2024", root=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, before, result


def data_2024(project):
    rel = "data/years/2024.yml"
    raw, located, problems = yaml_source.load((project / rel).read_bytes(), rel)
    assert problems == []
    data, problems = year_data.validate(raw, located)
    assert problems == []
    return data


def test_creates_exactly_the_year_pages_and_data(created):
    project, before, result = created
    after = snapshot(project)
    assert set(after) - set(before) == EXPECTED
    assert {k: v for k, v in after.items() if k in before} == before
    out = result.stdout
    assert "已新建 2024 年度报告（草稿），上一年度为 2023 年" in out
    for rel in EXPECTED:
        assert f"  {rel}\n" in out
    assert "下一步" in out and "填写正文" in out and "填写数据" in out and "填写落实情况" in out
    assert "4 条安排" in out


def test_pages_have_the_official_headings_and_the_markers_of_the_previous_year(created):
    project, _, _ = created
    docs = project / "docs" / "2024"
    home = (docs / "index.md").read_text("utf-8")
    assert home.startswith(
        "# 2024年度法治政府建设情况报告\n\n<!-- year:meta -->\n\n"
        "<!-- 在此处填写导语（报告开头的一段文字） -->\n\n"
        "<!-- year:figures -->\n\n<!-- year:contents -->\n")
    # Other markers of the previous year's home (version records, downloads ...) follow.
    extra = [line for line in (ROOT / "docs/2023/index.md").read_text("utf-8").split("\n")
             if line.startswith("<!-- year:") and line not in home[:home.index("year:contents")]
             and "year:contents" not in line]
    assert home.endswith("<!-- year:contents -->\n" + "".join(f"\n{m}\n" for m in extra))
    assert (docs / "full.md").read_text("utf-8") == (ROOT / "docs/2023/full.md").read_text("utf-8")
    headings = {}
    for slug in report_text.PART_SLUGS:
        text = (docs / f"{slug}.md").read_text("utf-8")
        headings[slug] = text.split("\n", 1)[0]
        # No report text is invented: a heading, then comments and markers only.
        rest = [line for line in text.split("\n")[1:] if line.strip()]
        assert all(report_text.MARKER_LINE.match(line) for line in rest), rest
        markers = [line for line in rest if line.startswith("<!-- year:")]
        previous = (ROOT / "docs" / "2023" / f"{slug}.md").read_text("utf-8")
        assert markers == [l for l in previous.split("\n") if l.startswith("<!-- year:")]
        if markers:
            assert text.endswith("\n\n".join(markers) + "\n")
    assert headings == {
        "measures": "# 一、推进法治政府建设的主要举措和成效",
        "shortcomings": "# 二、推进法治政府建设存在的不足和原因",
        "leadership": "# 三、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的情况",
        "plans": "# 四、2025年度推进法治政府建设的主要安排",
    }


def test_data_has_one_pending_followup_per_plan_of_the_previous_year(created):
    project, _, _ = created
    data = data_2024(project)
    assert (data.year, data.title, data.status, data.published_on) == (
        2024, "2024年度法治政府建设情况报告", "draft", None)
    assert [f.plan for f in data.followups] == PLANS_2023
    assert {f.status for f in data.followups} == {"pending"}
    for name in ("figures", "studies", "campaigns", "actions", "shortcomings", "plans"):
        assert getattr(data, name) == []
    text = (project / "data/years/2024.yml").read_text("utf-8")
    for name in ("figures", "studies", "campaigns", "actions", "shortcomings", "plans"):
        assert f"\n{name}: []\n" in text
    # Each follow-up shows the plan's text in a comment just above it.
    assert "  # 2023年安排：继续学习宣传贯彻二十大精神及习近平法治思想工作\n" \
           "  - plan: study-xi-rule-of-law-thought\n    status: pending\n" in text
    assert followup_problems(archive.load(project)[0]) == []


def test_the_new_year_passes_the_check_and_the_strict_build(created, tmp_path):
    project, _, _ = created
    check = run_check(project)
    assert check.returncode == 0, check.stdout
    site = tmp_path / "site"
    build = mkdocs_build(project, site)
    assert build.returncode == 0, build.stderr
    assert "草稿" in (site / "2024" / "index.html").read_text("utf-8")
    plans = (site / "2024" / "plans" / "index.html").read_text("utf-8")
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", plans, re.S).group(1)
    assert re.sub(r"<a .*?</a>", "", h1).strip() == "四、2025年度推进法治政府建设的主要安排"


def test_running_it_again_refuses_and_changes_nothing(created):
    project, _, _ = created
    before = snapshot(project)
    result = run_new_year(project, "2024")
    assert result.returncode == 1
    assert "2024 年度已经存在：docs/2024/、data/years/2024.yml" in result.stdout
    assert "不会覆盖" in result.stdout and "未创建任何文件" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project) == before


def test_refuses_when_only_the_page_directory_exists(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "docs" / "2025").mkdir()
    before = snapshot(project)
    result = run_new_year(project, "2025")
    assert result.returncode == 1
    assert "2025 年度已经存在：docs/2025/" in result.stdout
    assert snapshot(project) == before and (project / "docs" / "2025").is_dir()
    assert not (project / "data" / "years" / "2025.yml").exists()


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("pristine") / "p")
    return project, snapshot(project)


@pytest.mark.parametrize("value", ["24", "20245", "abcd", "2024年", "２０２４", "-2024", "1800", "2100"])
def test_bad_year_values_are_refused_with_a_clear_message(pristine, value):
    project, before = pristine
    result = run_new_year(project, value)
    assert result.returncode == 1
    assert "年份" in result.stdout and "四位数" in result.stdout
    assert "YEAR=2024" in result.stdout and "未创建任何文件" in result.stdout
    assert "Traceback" not in result.stderr
    assert snapshot(project) == before


@pytest.mark.parametrize("args", [[], [""], ["2024", "x", "y"]])
def test_missing_argument_prints_usage(pristine, args):
    project, before = pristine
    result = run_new_year(project, *args, root=False)
    assert result.returncode == 1
    assert "用法：make new-year YEAR=2024" in result.stdout
    assert snapshot(project) == before


def test_make_target_runs_the_command():
    make = shutil.which("make")
    if make is None:
        pytest.skip("make 未安装")
    result = subprocess.run([make, "-n", "new-year", "YEAR=2024"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert 'PYTHONPATH=hooks "$VENV/bin/python" -m reports new-year ${YEAR:+"$YEAR"}' in result.stdout.splitlines()


def test_refuses_to_start_from_broken_data(pristine, tmp_path):
    project = copy_project(tmp_path / "p")
    path = project / "data/years/2023.yml"
    path.write_text(path.read_text("utf-8").replace("status: published", "status: 发布", 1), "utf-8")
    before = snapshot(project)
    files, problems = new_year.plan_new_year(project, 2024)
    assert files == {} and any(p.is_error and p.file == "data/years/2023.yml" for p in problems)
    result = run_new_year(project, "2024")
    assert result.returncode == 1
    assert "不能新建 2024 年度" in result.stdout
    assert "data/years/2023.yml:4:9: [错误] status: “发布”不是可选的值" in result.stdout
    assert "共发现 1 个错误" in result.stdout and "未创建任何文件" in result.stdout
    assert snapshot(project) == before


def test_first_year_has_no_followups(tmp_path):
    project = copy_project(tmp_path / "p")
    result = run_new_year(project, "2020")
    assert result.returncode == 0, result.stdout
    assert "之前没有年度" in result.stdout and "填写落实情况" not in result.stdout
    text = (project / "data/years/2020.yml").read_text("utf-8")
    assert "\nfollowups: []\n" in text
    assert "# 四、2021年度推进法治政府建设的主要安排" in (project / "docs/2020/plans.md").read_text("utf-8")
    assert run_check(project).returncode == 0


def test_markers_and_plan_texts_come_from_the_previous_year(tmp_path):
    project = copy_project(tmp_path / "p")
    measures = project / "docs/2023/measures.md"
    text = measures.read_text("utf-8")
    text = text.replace("<!-- year:campaigns -->", "").replace(
        "<!-- year:studies -->", "<!-- year:figures -->\n\n<!-- year:studies -->\n\n<!-- year:figures -->")
    measures.write_text(text, "utf-8")
    data = project / "data/years/2023.yml"
    data.write_text(data.read_text("utf-8").replace(
        "text: 结合警报试鸣组织开展国防动员及防空知识宣传",
        'text: "结合警报试鸣\\n  status: done # 组织: 宣传\\u2028第三行\\u0007"', 1), "utf-8")
    files, problems = new_year.plan_new_year(project, 2024)
    assert problems == []
    assert files["docs/2024/measures.md"].endswith("<!-- year:figures -->\n\n<!-- year:studies -->\n")
    written = files["data/years/2024.yml"]
    assert "  # 2023年安排：结合警报试鸣 status: done # 组织: 宣传 第三行\n" \
           "  - plan: alarm-drill-publicity\n" in written
    raw, located, found = yaml_source.load(written, "data/years/2024.yml")
    data_2024, found = year_data.validate(raw, located)
    assert found == [] and [f.status for f in data_2024.followups] == ["pending"] * 4


# check_followups ----------------------------------------------------------------

@pytest.fixture
def year_2024(tmp_path):
    """A copy with 2024 created; ``edit(followups_yaml, status)`` rewrites its data."""
    project = copy_project(tmp_path / "p")
    files, problems = new_year.plan_new_year(project, 2024)
    assert problems == []
    new_year.write(project, files)
    path = project / "data/years/2024.yml"
    original = path.read_text("utf-8")

    def edit(followups_yaml, status="draft"):
        head = original[:original.index("\nfollowups:")]
        path.write_text(head.replace("status: draft", f"status: {status}", 1)
                        + "\nfollowups:\n" + followups_yaml, "utf-8")
        loaded, problems = archive.load(project)
        assert [p for p in problems if p.is_error] == []
        return followup_problems(loaded)
    edit.path = path
    return edit


def entries(statuses=None, **extra):
    statuses = statuses or {}
    out = ""
    for plan in PLANS_2023:
        out += f"  - plan: {plan}\n    status: {statuses.get(plan, 'done')}\n"
        for key, value in extra.get(plan, {}).items():
            out += f"    {key}: {value}\n"
    return out


def line_of(text, needle):
    return text[:text.index(needle)].count("\n") + 1


def test_complete_followups_pass_in_a_published_year(year_2024):
    assert year_2024(entries(), status="published") == []


def test_unknown_plan_id_names_the_nearest_ids(year_2024):
    problems = year_2024(entries().replace("plan: alarm-drill-publicity", "plan: alarm-drill-publicty"))
    unknown = [p for p in problems if p.is_error]
    assert len(unknown) == 1
    p = unknown[0]
    assert p.file == "data/years/2024.yml" and p.key == "followups[2].plan"
    assert "2023 年的安排（plans）中没有编号“alarm-drill-publicty”" in p.message
    assert "alarm-drill-publicity" in p.hint and "data/years/2023.yml" in p.hint
    # ... and the real plan is then missing its follow-up (a warning in a draft).
    assert [(q.level, "alarm-drill-publicity" in q.message) for q in problems if not q.is_error] \
        == [(WARNING, True)]


def test_missing_followup_is_a_warning_in_a_draft_and_an_error_when_published(year_2024):
    text = entries().replace("  - plan: education-base-students\n    status: done\n", "")
    draft = year_2024(text)
    assert [(p.level, p.key) for p in draft] == [(WARNING, "followups")]
    assert "2023 年的安排“education-base-students”" in draft[0].message
    assert "加强普法宣传" in draft[0].message
    assert "data/years/2023.yml:" in draft[0].hint
    published = year_2024(text, status="published")
    assert [(p.level, p.key) for p in published] == [(ERROR, "followups")]
    whole = year_2024("  []\n")
    assert [p.level for p in whole] == [WARNING] * 4


def test_pending_followup_in_a_published_year_is_an_error(year_2024):
    text = entries({"alarm-drill-publicity": "pending"})
    assert year_2024(text) == []
    problems = year_2024(text, status="published")
    assert len(problems) == 1
    p = problems[0]
    assert p.level == ERROR and p.key == "followups[2].status"
    assert p.message == "已发布的年度不能有‘待填写’的落实情况"
    lines = year_2024.path.read_text("utf-8").split("\n")
    assert p.file == "data/years/2024.yml"
    assert lines[p.line - 1] == "    status: pending" and p.column == 13


def test_at_must_be_a_paragraph_of_this_year_and_evidence_in_it(year_2024):
    good = entries(**{
        "study-xi-rule-of-law-thought": {"at": "s1", "evidence": "推进法治政府 建设的主要举措"},
        "education-base-students": {"at": "s4"},
    })
    assert year_2024(good) == []
    bad = entries(**{
        "study-xi-rule-of-law-thought": {"at": "s1-2-1", "evidence": "组织开展习近平法治思想专题学习"},
        "education-base-students": {"at": "s2", "evidence": "不在这一段的话"},
    })
    problems = year_2024(bad)
    assert [(p.key, p.level) for p in problems] == [
        ("followups[0].at", ERROR), ("followups[1].evidence", ERROR)]
    assert "2024 年的报告中没有位置为“s1-2-1”的段落" in problems[0].message
    assert "s1" in problems[0].hint
    assert "原话“不在这一段的话”不在所指段落 s2 中" in problems[1].message
    assert "docs/2024/shortcomings.md:1" in problems[1].hint


def test_duplicate_followup_is_an_error(year_2024):
    text = entries() + "  - plan: alarm-drill-publicity\n    status: partial\n"
    problems = year_2024(text)
    assert [(p.key, p.level) for p in problems] == [("followups[4].plan", ERROR)]
    assert "重复" in problems[0].message
