"""Each rule of ``reports.checks`` on a small archive built in memory.

In the manner of yamllint's rule tests: a year is YAML text and Markdown
text, ``check(rule, archive, (file, line, column), …)`` runs one rule and
asserts where each problem is (sorted) and that it carries the rule's id.
No file is read or written, except where a rule is about files.
"""

from __future__ import annotations

import pathlib
import re
import shutil
import textwrap

import pytest

from reports import checks
from reports.checks.project import Project
from reports.checks.rules import (
    anchor_exists, catalog_reference, date_in_year, figure_value, followup_plans, lock_outdated,
    marker_name, one_title, page_encoding, published_text, quote_in_paragraph, reference_in_quote,
    required_parts, title_catalogued, versions)
from reports.commands import lock as lock_command
from reports.model import archive as archive_module
from reports.model import catalog as catalog_module
from reports.model import fingerprint
from reports.model import report_text
from reports.model import year_data
from reports.source import yaml_source
from reports.source.problems import WARNING, Problem

ROOT = pathlib.Path(__file__).resolve().parents[2]
HEAD = "year: {year}\ntitle: {year}年度报告\nstatus: {status}\n"
VERSION_1 = "versions:\n  - version: 1\n    date: {year}-03-01\n    changes: 首次发布。\n"
MEASURES = """\
# 一、推进法治政府建设的主要举措和成效

## （一）强化学习。

1.组织2名执法人员学习《示例法》。

2.在示例宣传日开展宣传活动。
"""
PLANS = """\
# 四、下一年度的主要安排

## （一）继续加强学习。

## （二）继续开展宣传。
"""
ALL_PARTS = {"index": "# {year}年度报告\n\n导语。\n\n<!-- year:figures -->\n\n<!-- year:versions -->\n", "measures": MEASURES, "shortcomings": "# 二、存在的不足\n",
             "leadership": "# 三、第一责任人职责\n", "plans": PLANS}
CATALOG = catalog_module.Catalog(
    {"sample-law": catalog_module.Document("sample-law", "示例国示例法", "law", short_name="示例法"),
     "other-law": catalog_module.Document("other-law", "示例国另一法", "law", short_name="另一法")},
    {"sample-day": catalog_module.Campaign("sample-day", "示例宣传日", "每年1月1日")})


def page(year: int, slug: str, text: str) -> archive_module.Page:
    front, body = report_text.split_front_matter(text)
    first_line = front.count("\n") + 1
    blocks, _ = report_text.parse_blocks(body, first_line)
    return archive_module.Page(f"{year}/{slug}.md", f"docs/{year}/{slug}.md", slug, text, body, first_line, blocks)


def year(number: int = 2091, data: str = "", status: str = "published", pages=None,
         schema=()) -> archive_module.Year:
    """A year from the text of its data file (after year, title and status)
    and its pages (slug -> Markdown; default: every part, as above); the
    data's schema problems are at the ``(line, column)`` of ``schema``."""
    file = f"data/years/{number}.yml"
    text = HEAD.format(year=number, status=status) + textwrap.dedent(data).format(year=number)
    raw, located, problems = yaml_source.load(text, file)
    meta, found = year_data.validate(raw, located)
    assert problems == [] and [(p.line, p.column) for p in found] == list(schema), problems + found
    pages = ALL_PARTS if pages is None else pages
    return archive_module.Year(meta, file, located, {
        slug: page(number, slug, text.format(year=number)) for slug, text in pages.items()})


def archive(*years) -> archive_module.Archive:
    return archive_module.Archive(sorted(years, key=lambda y: -y.year), CATALOG)


def check(rule, archive, *expected, project=None) -> list:
    """Run ``rule``; assert the ``(file, line, column)`` of each problem, in order."""
    problems = sorted(rule.check(archive, project or Project()))
    assert [(p.file, p.line, p.column) for p in problems] == list(expected), problems
    assert {p.rule for p in problems} <= {rule.ID}
    return problems


Y = "data/years/2091.yml"
FIGURE = """\
figures:
  - id: staff
    label: 执法人员
    value: {value}
    unit: 名
    at: {at}
    quote: {quote}
"""


def figure(value=2, at="s1-1-1", quote="组织2名执法人员"):
    return FIGURE.replace("{value}", str(value)).replace("{at}", at).replace("{quote}", quote)


# --- The registry ---------------------------------------------------------------

def test_every_rule_has_a_unique_kebab_case_id_and_a_description():
    ids = [rule.ID for rule in checks.RULES]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule_id) for rule_id in checks.RULE_IDS)
    assert all(rule.DESCRIPTION and "\n" not in rule.DESCRIPTION for rule in checks.RULES)
    assert set(checks.YEAR_RULES) < set(checks.RULES)
    assert checks.RULES[-1] is page_encoding  # it looks at what the others found


def test_a_clean_archive_has_no_problem_under_any_rule():
    years = year(2091, figure() + VERSION_1), year(2092, VERSION_1)
    assert checks.run(archive(*years), locked(*years)) == []


# --- One test at least per rule -------------------------------------------------

def test_anchor_exists():
    data = figure(at="s1-1-9") + "plans:\n  - id: keep\n    text: 继续\n    area: 学习教育\n    at: s4-3\n"
    problems = check(anchor_exists, archive(year(data=data)), (Y, 9, 9), (Y, 15, 9))
    assert problems[0].key == "figures[0].at"
    assert problems[0].message == "2091 年的报告中没有位置为“s1-1-9”的段落"
    # The figure's quote is in s1-1-1: only its at is wrong.
    assert problems[0].hint == "quote 写的文字在段落 s1-1-1（docs/2091/measures.md:5）中：是不是应写 at: s1-1-1？"
    # A plan cites no words: the nearest anchors.
    assert problems[1].hint.startswith("最接近的位置有：s4-2、s4-1、s4。")


def test_anchor_exists_checks_a_followups_at_only_when_given():
    data = ("followups:\n  - plan: keep-studying\n    status: done\n"
            "  - plan: keep-promoting\n    status: done\n    at: s9\n")
    check(anchor_exists, archive(year(2092, data)), ("data/years/2092.yml", 9, 9))


def test_quote_in_paragraph():
    data = figure(quote="组织3名执法人员") + textwrap.dedent("""\
        errata:
          - version: 1
            date: 2091-04-01
            at: s1-1-2
            original: 示例宣传周
            corrected: 示例宣传日
            reason: 录入错误。
        followups:
          - plan: keep
            status: done
            at: s1-1-1
            evidence: 组织 2名 执法人员
          - plan: other
            status: done
            at: s1-1-2
            evidence: 没有这句
        """)
    problems = check(quote_in_paragraph, archive(year(data=data)), (Y, 10, 12), (Y, 15, 15), (Y, 26, 15))
    assert [p.key for p in problems] == ["figures[0].quote", "errata[0].original", "followups[1].evidence"]
    assert problems[0].message == "引文“组织3名执法人员”不在所指段落 s1-1-1 中"
    assert problems[0].hint.startswith("段落在 docs/2091/measures.md:5。")
    assert problems[1].message == "勘误的原文“示例宣传周”不在段落 s1-1-2 中"
    assert problems[2].message == "原话“没有这句”不在所指段落 s1-1-2 中"


def test_quote_in_paragraph_with_a_missing_paragraph_looks_in_the_whole_report():
    # Words found in another paragraph: only the at is wrong, anchor-exists says so.
    check(quote_in_paragraph, archive(year(data=figure(at="s1-1-9"))))
    # Words found nowhere are wrong whatever the paragraph.
    problems = check(quote_in_paragraph, archive(year(data=figure(at="s1-1-9", quote="没有"))), (Y, 10, 12))
    assert problems[0].message == "引文“没有”不在 2091 年报告的任何段落中"
    assert problems[0].hint == "引文必须从报告原文照抄，一字不差（包括标点）；请同时核对段落位置 at。"


def test_figure_value():
    problems = check(figure_value, archive(year(data=figure(value=3))), (Y, 7, 12))
    assert problems[0].message == "数值 3 与引文“组织2名执法人员”中的数字不一致"
    assert problems[0].hint.startswith("原文在 docs/2091/measures.md:5。")
    assert figure_value.numbers_in("六名执法人员和两个部门，共1.5万次") == {6.0, 2.0, 1.5}


def test_figure_value_needs_the_quote_in_its_paragraph_first():
    check(figure_value, archive(year(data=figure(value=3, quote="组织3名执法人员"))))


def test_catalog_reference():
    data = textwrap.dedent("""\
        studies:
          - document: sample-lw
            at: s1-1-1
            quote: 《示例法》
        campaigns:
          - campaign: sample-dy
            at: s1-1-2
            quote: 示例宣传日
        actions:
          - date: 2091-05-01
            who: 主任
            what: 学习
            documents: [sample-law, other-lw]
            at: s1-1-1
            quote: 学习《示例法》
        """)
    problems = check(catalog_reference, archive(year(data=data)), (Y, 5, 15), (Y, 9, 15), (Y, 16, 29))
    assert problems[0].message == "学习文件目录中没有编号“sample-lw”"
    assert problems[0].hint == "最接近的编号有：sample-law、other-law；新文件请先添加到 data/catalog/documents.yml。"
    assert problems[1].message == "宣传节点目录中没有编号“sample-dy”"
    assert problems[2].key == "actions[0].documents[1]"


def test_reference_in_quote():
    data = textwrap.dedent("""\
        studies:
          - document: other-law
            at: s1-1-1
            quote: 《示例法》
          - document: sample-law
            at: s1-1-1
            quote: 执法人员学习《示例法》
        campaigns:
          - campaign: sample-day
            at: s1-1-2
            quote: 开展宣传活动
        """)
    problems = check(reference_in_quote, archive(year(data=data)), (Y, 7, 12), (Y, 14, 12))
    assert problems[0].message == "引文“《示例法》”中没有出现“另一法”的任何名称"
    assert problems[1].message == "引文“开展宣传活动”中没有出现“示例宣传日”的任何写法"
    assert "aliases" in problems[1].hint


def test_title_catalogued_points_at_the_opening_bracket():
    measures = MEASURES + "\n## （二）学习《未收录法》。\n\n3.第一行，\n再学《另一部法》和《示例法》。\n"
    pages = dict(ALL_PARTS, measures=measures)
    m = "docs/2091/measures.md"
    problems = check(title_catalogued, archive(year(pages=pages)), (m, 9, 9), (m, 12, 3))
    assert problems[0].message == "《未收录法》不在学习文件目录中"
    assert "相近的名称：" in problems[0].hint


def test_one_title_reports_a_heading_that_is_not_the_data_title_at_the_heading():
    front = "---\ntitle: 首页\n---\n\n"  # the heading is on line 5 of the file, its text at column 3
    pages = dict(ALL_PARTS, index=front + "# {year}年度法治政府建设情况报告\n\n导语。\n")
    draft, published = year(2092, status="draft", pages=pages), year(2091, VERSION_1, pages=pages)
    problems = check(one_title, archive(draft, published), ("docs/2091/index.md", 5, 3), ("docs/2092/index.md", 5, 3))
    assert problems[1].message == "2092 年首页的标题“2092年度法治政府建设情况报告”与数据文件中的 title“2092年度报告”不一致"
    assert problems[1].hint == ("报告只能有一个标题：首页显示这一行，历年报告列表、导航和数据下载显示 "
                                "data/years/2092.yml 第 2 行的 title。请以发布稿为准，把两处改成相同的文字。")
    assert problems[0].hint.endswith("把两处改成相同的文字。" + one_title.PUBLISHED_HINT)


def test_one_title_asks_for_the_heading_of_a_year_home_without_one():
    pages = dict(ALL_PARTS, index="导语。\n\n<!-- year:figures -->\n")
    problems = check(one_title, archive(year(status="draft", pages=pages)), ("docs/2091/index.md", 1, 1))
    assert problems[0].message == "2091 年的年度首页没有标题（以“# ”开头的一级标题）"
    assert problems[0].hint == "请在第一行写“# 2091年度报告”，与 data/years/2091.yml 第 2 行的 title 相同。"


def test_one_title_is_silent_when_the_heading_and_the_data_agree_or_the_home_is_missing():
    without_home = {slug: text for slug, text in ALL_PARTS.items() if slug != "index"}
    check(one_title, archive(year(2091), year(2092, pages=without_home)))


def test_required_parts_are_warnings_at_the_year_home_a_file_that_exists():
    pages = {slug: text for slug, text in ALL_PARTS.items() if slug not in ("leadership", "plans")}
    problems = check(required_parts, archive(year(pages=pages)),
                     ("docs/2091/index.md", 1, 1), ("docs/2091/index.md", 1, 1))
    assert {p.level for p in problems} == {WARNING}
    assert problems[1].message == "2091 年的报告缺少第四部分“下一年度安排”"
    assert "请新建 docs/2091/plans.md" in problems[1].hint
    pages.pop("index")
    assert [(p.file, p.line) for p in required_parts.check(archive(year(pages=pages)), None)][:1] == [
        ("data/years/2091.yml", 1)]


def test_versions():
    data = VERSION_1 + textwrap.dedent("""\
          - version: 3
            date: 2091-02-01
            changes: 改。
        errata:
          - version: 4
            date: 2091-04-01
            at: s1-1-2
            original: 示例宣传日
            corrected: 示例宣传周
            reason: 录入错误。
        """)
    problems = check(versions, archive(year(data=data)), (Y, 8, 14), (Y, 9, 11), (Y, 12, 14))
    assert [p.key for p in problems] == ["versions[1].version", "versions[1].date", "errata[0].version"]
    assert problems[0].message == "版本号应为 2，实际是 3"


def test_date_in_year_is_a_warning():
    data = ("actions:\n  - date: 2090-12-31\n    who: 主任\n    what: 学习\n"
            "    at: s1-1-1\n    quote: 组织2名执法人员\n")
    problems = check(date_in_year, archive(year(data=data)), (Y, 5, 11))
    assert problems[0].level == WARNING and problems[0].message == "日期 2090-12-31 不在 2091 年内"


def test_followup_plans():
    first = year(2091, "plans:\n" + "".join(
        f"  - id: {plan}\n    text: 计划\n    area: 学习教育\n    at: s4-{n}\n"
        for n, plan in enumerate(("keep-studying", "keep-promoting", "keep-training"), 1)))
    data = textwrap.dedent("""\
        followups:
          - plan: keep-studying
            status: pending
          - plan: keep-studying
            status: done
          - plan: keep-promotin
            status: done
        """)
    f = "data/years/2092.yml"
    problems = check(followup_plans, archive(first, year(2092, data)),
                     (f, 5, 3), (f, 5, 3), (f, 6, 13), (f, 7, 11), (f, 9, 11))
    assert [p.key for p in problems] == ["followups"] * 2 + ["followups[0].status", "followups[1].plan",
                                                              "followups[2].plan"]
    assert "重复（第一次在第 5 行）" in problems[3].message
    assert "最接近的编号有：keep-promoting" in problems[4].hint


def test_followups_of_the_first_year_have_no_plan_to_follow():
    f = "data/years/2091.yml"
    problems = check(followup_plans, archive(year(2091, "followups:\n  - plan: x\n    status: done\n")),
                     (f, 5, 11))
    assert problems[0].message == "2091 年之前没有年度报告，没有可以填写落实情况的安排"


# --- A record with a broken field: its other fields are checked, nothing follows from it

def test_rules_check_the_other_fields_of_a_record_with_a_broken_field():
    data = ("actions:\n  - date: 2091-02-30\n    who: 主任\n    what: 学习\n"
            "    documents: [sample-law, other-lw]\n    at: s1-1-9\n    quote: 组织全体人员学习\n")
    broken = year(data=data, schema=[(5, 11)])
    assert broken.meta.actions == [] and broken.meta.every("actions")[0].date is None
    problems = checks.run(archive(broken), rules=checks.YEAR_RULES)
    assert [(p.line, p.column, p.rule, p.message) for p in problems] == [
        (8, 29, "catalog-reference", "学习文件目录中没有编号“other-lw”"),
        (9, 9, "anchor-exists", "2091 年的报告中没有位置为“s1-1-9”的段落"),
        (10, 12, "quote-in-paragraph", "引文“组织全体人员学习”不在 2091 年报告的任何段落中"),
    ]


def test_a_broken_version_or_plan_causes_no_follow_on_problem():
    # Version 2's date is broken: version 3 is still the third, and the erratum's version exists.
    data = VERSION_1 + textwrap.dedent("""\
          - version: 2
            date: 2091-13-01
            changes: 改。
          - version: 3
            date: 2091-12-01
            changes: 勘误。
        errata:
          - version: 3
            date: 2091-12-01
            at: s1-1-2
            original: 示例宣传日
            corrected: 示例宣传周
            reason: 录入错误。
        """)
    check(versions, archive(year(data=data, schema=[(9, 11)])))
    # A plan with a broken area still has its id; a follow-up with a broken status still names its plan.
    first = year(2091, "plans:\n  - id: keep\n    text: 继续\n    area: 其它\n    at: s4-1\n", schema=[(7, 11)])
    follow = year(2092, "followups:\n  - plan: keep\n    status: finished\n", schema=[(6, 13)])
    check(followup_plans, archive(first, follow))


def locked(*years) -> Project:
    """The project whose lock records ``years`` as they are now."""
    lock, problems = fingerprint.parse(lock_command.render(archive(*years)))
    assert problems == []
    return Project(lock)


def test_published_text_names_the_changed_paragraph():
    project = locked(year(data=VERSION_1))
    pages = dict(ALL_PARTS, measures=MEASURES.replace("开展宣传活动", "开展宣传活功"))
    pages.pop("shortcomings")
    problems = check(published_text, archive(year(data=VERSION_1, pages=pages)),
                     ("docs/2091/measures.md", 7, 1), ("docs/2091/shortcomings.md", 1, 1), project=project)
    assert problems[0].message == "2091 年的报告已发布，这一段被修改（s1-1-2），但没有新增版本记录"
    assert "（version: 2）" in problems[0].hint
    assert problems[1].message == "2091 年的报告已发布，页面 docs/2091/shortcomings.md 被删除，但没有新增版本记录"


def test_published_text_keeps_published_years_published_and_present():
    project = locked(year(2091, VERSION_1), year(2092, VERSION_1))
    problems = check(published_text, archive(year(2092, VERSION_1, status="draft")),
                     (fingerprint.LOCK_FILE, 5, 1), ("data/years/2092.yml", 3, 9), project=project)
    assert problems[0].message == "2091 年已锁定，但找不到该年度的报告"
    assert problems[1].message == "2092 年已发布并锁定，不能改回草稿"
    check(published_text, archive(year()), (Y, 1, 1))  # published without versions


def test_published_text_leaves_an_unlocked_version_to_lock_outdated():
    project = locked(year(data=VERSION_1))
    two = VERSION_1 + "  - version: 2\n    date: 2091-05-01\n    changes: 改。\n"
    changed = archive(year(data=two, pages=dict(ALL_PARTS, measures=MEASURES.replace("开展", "组织"))))
    check(published_text, changed, project=project)
    problems = check(lock_outdated, changed, (Y, 5, 3), project=project)
    assert problems[0].message == "2091 年新增了第 2 版，但锁定文件还是第 1 版"


def test_lock_outdated_asks_to_lock_a_newly_published_year():
    problems = check(lock_outdated, archive(year(data=VERSION_1), year(2092, status="draft")),
                     (fingerprint.LOCK_FILE, 1, 1))
    assert problems[0].message == "2091 年已发布，但正文还没有锁定"
    check(lock_outdated, archive(year(data=VERSION_1)), project=locked(year(data=VERSION_1)))


def test_marker_name_in_every_page():
    pages = (("docs/index.md", "# 首页\n\n<!-- site:hom -->\n"),
             ("docs/2091/index.md", "# 标题\n\n  <!-- year：meta -->\n"),
             ("docs/laws.md", "<!-- site:documents -->\n"), ("docs/bad.md", None))
    problems = check(marker_name, archive(), ("docs/2091/index.md", 3, 1), ("docs/index.md", 3, 6),
                     project=Project(pages=pages))
    assert problems[0].message == "标记的格式不对"
    assert problems[1].message == "未知的标记“site:hom”"


def test_page_encoding_is_said_once_per_file():
    pages = (("docs/a.md", None), ("docs/b.md", None), ("docs/c.md", "# 好\n"))
    earlier = (Problem("docs/a.md", 4, 1, "文件不是 UTF-8 编码"),)
    check(page_encoding, archive(), ("docs/b.md", 1, 1), project=Project(pages=pages, found=earlier))


# --- Every problem names its rule ------------------------------------------------

@pytest.mark.parametrize("text, rule", [
    (b"a: \xff\n", "encoding"), ("a:\n\tb: 1\n", "yaml-syntax"), ("a: [\n", "yaml-syntax"),
    ("a: &x [1]\nb: *x\n", "yaml-syntax"), ("a: 1\na: 2\n", "yaml-duplicate-key"), ("# 空\n", "yaml-empty"),
])
def test_yaml_problems_name_their_rule(text, rule):
    _, _, problems = yaml_source.load(text, "x.yml")
    assert problems and {p.rule for p in problems} == {rule}


def test_schema_problems_name_their_rule():
    raw, located, _ = yaml_source.load("year: 2091\ntitle: 标题\nstatus: 发布\nfigure: []\n", Y)
    _, problems = year_data.validate(raw, located)
    assert sorted((p.line, p.rule) for p in problems) == [(3, "schema"), (4, "schema")]


def test_lock_file_problems_name_their_rule():
    _, problems = fingerprint.parse('"2091":\n  version: x\n')
    assert [(p.file, p.line, p.column, p.rule) for p in problems] == [(fingerprint.LOCK_FILE, 2, 3, "lock-file")]


def test_the_lock_of_an_archive_with_no_published_year_reads_back_without_problems():
    unpublished = year(2091, status="draft")
    text = lock_command.render(archive(unpublished))
    assert text == lock_command.HEADER + "\n"  # the header comments and nothing else
    lock, problems = fingerprint.parse(text)
    assert (lock.entries, problems) == ({}, [])
    assert checks.run(archive(unpublished), Project(lock=lock)) == []


CORPUS = ROOT / "tests" / "fixtures" / "broken-data"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of this repository's docs/ and data/, for the broken-data corpus."""
    dest = tmp_path_factory.mktemp("corpus")
    for name in ("docs", "data"):
        shutil.copytree(ROOT / name, dest / name)
    return dest


@pytest.mark.parametrize("case", sorted(p.stem for p in CORPUS.glob("*.yml")))
def test_every_problem_of_the_broken_data_corpus_names_a_registered_rule(project, case):
    (project / "data/years/2023.yml").write_bytes((CORPUS / f"{case}.yml").read_bytes())
    _, problems = checks.check_project(project)
    assert problems
    assert all(p.rule in checks.RULE_IDS for p in problems), [(p.format(), p.rule) for p in problems]
