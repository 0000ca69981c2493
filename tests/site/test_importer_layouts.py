"""`make import` on every layout of tests/fixtures/import/README.md's second table
(the layouts real published reports have): the title, the facts the page prints,
where each part heading lands, and every body paragraph on the built site.

All fixtures are imported, one after the other, into one copy of the project;
`make check` runs straight after each import and the site is built once at
the end (`--strict`)."""

from __future__ import annotations

import dataclasses
import datetime
import re
import subprocess
import types

import pytest

from reports.commands import importer
from reports.model import year_data
from reports.source import yaml_source
from support.project import command_line, copy_project, mkdocs_build, run_check, snapshot
from support.repository import ROOT
from support.site_text import ContentText, squash
from support.word_files import numbered_docx

FIXTURES = ROOT / "tests" / "fixtures" / "import"
OFFICE = "天津市津南区国防动员办公室"  # mkdocs.yml's office: the proposed title names it
STANDARD = ("measures", "shortcomings", "leadership", "plans")


@dataclasses.dataclass
class Layout:
    file: str
    year: int
    title: str
    facts: dict  # data field -> value
    parts: tuple  # the page slug of each part heading, in source order
    not_text: tuple = ()  # source lines that are no report text (title block, furniture, metadata)
    body: tuple = ()  # for a web page: its paragraphs (its lines are the extracted text's)
    said: tuple = ()  # lines the summary says


LAYOUTS = [
    Layout("split-title.txt", 2010, "示例市示例办公室关于2010年法治政府建设情况的报告", {}, STANDARD, (1, 2),
           said=("  标题：示例市示例办公室关于2010年法治政府建设情况的报告（由原文第 1、2 行连成）",
                 "  抬头（主送机关）：市政府：（第 4 行，放在导语之前）",
                 "    第 14 行：删去了编号“2.”后的空格（否则网页会把它显示成自动编号的列表，编号本身会消失）")),
    Layout("repeated-title.txt", 2009, "示例区示例局2009年度法治政府建设情况报告",
           {"published_on": datetime.date(2010, 1, 15)}, STANDARD, (1, 2, 3, 4),
           said=("  第 2 行：示例区示例局", "  第 4 行：情况的报告", "  抬头：无")),
    Layout("letterhead.txt", 2008, "示例市国防动员办公室2008年度法治政府建设情况报告",
           {"doc_number": "示人防〔2009〕3号", "signer": "张某某"}, ("leadership", "measures", "shortcomings", "plans"),
           (1, 2, 3, 4),
           said=("  版头（发文机关标志，不作为标题和正文）：示例市国防动员办公室（第 1 行）、示例市人民防空办公室（第 2 行）",
                 "    注意：各部分在原文中的顺序与规定的顺序不同，全文单页按规定的顺序排列。")),
    Layout("portal-metadata.txt", 2007, "示例区司法局2007年度法治政府建设情况报告",
           {"index_number": "001002003/2008-00020", "issuer": "示例区司法局", "written_on": datetime.date(2006, 12, 30),
            "published_on": datetime.date(2008, 3, 12), "source": "示例区司法局"},
           ("measures", "shortcomings", "plans"), tuple(range(1, 15)) + (40, 41, 42, 43),
           said=("  标题：示例区司法局2007年度法治政府建设情况报告（原文中没有标题，取自第 13 行的“名称”）",
                 "    第 9 行 主题分类：司法行政（未记入数据）",
                 "    注意：成文日期2006-12-30早于报告所说的 2007 年，已照原样记录，请核对（written_on）",
                 "    “第一责任人职责”写在第 20 行的小标题“（一）履行推进法治建设第一责任人职责。”之下，没有单独成为一个部分："
                 "没有生成 docs/2007/leadership.md，它的表格标记放在该小标题所在的页面",
                 "  第 1 行：适老版 关爱版", "  第 6 行：- 示例区司法局 - 通知公告", "  第 41 行：打印本页 关闭窗口")),
    Layout("no-title.txt", 2006, f"{OFFICE}2006年度法治政府建设情况报告",
           {"published_on": datetime.date(2098, 3, 29), "source": "示例县应急局"},
           ("measures", "measures", "shortcomings", "plans"), (1, 2, 3, 4),
           said=("  文件编码：UTF-16。文件是 UTF-16 编码（记事本的“Unicode”），已按 UTF-16 读取。",
                 f"  标题：{OFFICE}2006年度法治政府建设情况报告（原文中没有标题，这是按“单位名称＋年度＋法治政府建设情况报告”拟定的，请按原件改正）",
                 "  抬头（主送机关）：示例县人民政府：（第 5 行，放在导语之前）",
                 "    注意：更新时间2098-03-29晚于今天（{today}），已照原样记录，请核对（published_on）")),
    Layout("outline-topics.txt", 2005, "示例区示例局2005年度法治政府建设情况报告", {},
           ("measures", "measures", "measures", "shortcomings", "plans"), (1,),
           said=("    二、完善依法行政制度体系（第 9 行）→ docs/2005/measures.md（按标题中的“依法行政制度”归入“主要举措和成效”，"
                 "与上一部分放在同一页面）：1 个小标题、1 个条目、0 个段落",
                 "  《示例局2005年行政执法培训工作计划》→ shi-li-ju-2005-nian-xing-zheng-zhi-fa-a65add"
                 "（本单位文件：书名是某单位自己的计划、方案、制度等）：docs/2005/measures.md:17")),
    Layout("auto-numbering.docx", 2002, "示例区示例中心2002年度法治政府建设情况报告", {}, STANDARD, (1,),
           said=("  Word 自动编号：11 个段落的编号（一、（一）1. 等）不在文字中，已按文件中的编号定义（numbering.xml）"
                 "补在段首（第 3、4、5、6、7、8、9、10、11、13、14 行），请与原件核对",
                 "  共 4 个部分、4 个（一）式小标题、3 个编号条目、1 个其他段落；各部分标题的归类：")),
    Layout("portal.html", 2003, "示例区示例局2003年度法治政府建设情况报告",
           {"index_number": "80-1234-2004-00018", "issuer": "示例区示例局", "written_on": datetime.date(2004, 1, 10),
            "doc_number": "示例〔2004〕2号", "published_on": datetime.date(2004, 1, 16), "source": "示例区示例局"},
           STANDARD,
           body=("区委、区政府：", "2003年，示例局坚持以习近平法治思想为指导，全面推进依法行政，现将有关情况报告如下。",
                 "一、推进法治政府建设的主要举措和成效",
                 "（一）强化组织保障。示例局成立法治政府建设领导小组，局长任组长，每季度召开一次会议研究法治工作。",
                 "1.组织全局干部学习《中华人民共和国行政处罚法》，参加人员共45人。",
                 "2.开展行政执法检查30次，下达整改通知书12份。", "（二）推进政务公开。",
                 "全年主动公开政府信息150条，办理依申请公开8件。", "二、推进法治政府建设存在的不足和原因",
                 "（一）法治宣传的针对性不强。", "三、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的情况",
                 "局主要负责人带头学法，主持召开局务会专题研究法治工作3次。", "四、2004年度推进法治政府建设的主要安排",
                 "（一）加强法治宣传。", "示例区示例局", "2004年1月10日"),
           said=("  文件编码：网页（GB18030）。网页正文由 readability-lxml 提取，网页的信息公开栏目（索引号等）和标题另行读出，"
                 "放在正文之前；下面的行号指提取出的文字，不是网页文件的行号。请在网页上核对全文。",)),
]
# Words of page furniture and metadata that must not be report text anywhere on the built pages.
NOT_TEXT = ("适老版", "关爱版", "当前位置", "今天是", "IE版本过低", "扫一扫", "打印本页", "访问次数", "索引号",
            "主题分类", "有效性", "更新时间", "发布日期", "相关链接", "网站标识码", "您所在的位置")


def source_of(layout: Layout, base):
    if layout.file.endswith(".docx"):
        lines = (FIXTURES / "auto-numbering.txt").read_text("utf-8").splitlines()
        return numbered_docx(lines, base / layout.file)
    return FIXTURES / layout.file


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    base = tmp_path_factory.mktemp("import-layouts")
    project = copy_project(base / "p")
    before = snapshot(project)
    outputs, checks = {}, {}
    for layout in LAYOUTS:
        argv, env = command_line("import", project, source_of(layout, base), layout.year, project)
        result = subprocess.run(argv, capture_output=True, text=True, timeout=120, cwd=project, env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        outputs[layout.file] = result.stdout
        checks[layout.file] = run_check(project)
    site = base / "site"
    build = mkdocs_build(project, site)
    assert build.returncode == 0, build.stderr
    return types.SimpleNamespace(project=project, before=before, outputs=outputs, checks=checks, site=site)


def built_text(site, rel: str) -> str:
    parser = ContentText()
    parser.feed((site / rel).read_text("utf-8"))
    return squash("".join(parser.parts))


def year_pages_text(site, year: int) -> str:
    return "".join(built_text(site, rel) for rel in [f"{year}/index.html"] + [
        f"{year}/{slug}/index.html" for slug in STANDARD if (site / str(year) / slug / "index.html").exists()])


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.file)
def test_the_check_passes_straight_after_the_import(imported, layout):
    check = imported.checks[layout.file]
    assert check.returncode == 0, check.stdout
    assert "[错误]" not in check.stdout
    assert "Traceback" not in imported.outputs[layout.file]


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.file)
def test_title_and_facts_are_the_years_data(imported, layout):
    rel = f"data/years/{layout.year}.yml"
    raw, located, problems = yaml_source.load((imported.project / rel).read_bytes(), rel)
    data, more = year_data.validate(raw, located)
    assert problems + more == []
    assert data.title == layout.title
    fields = ("published_on",) + tuple(year_data.DOCUMENT_FACTS)
    assert {name: getattr(data, name) for name in fields if getattr(data, name) is not None} == layout.facts
    # ... shown on the year page, under the names the page gives them.
    html = (imported.site / str(layout.year) / "index.html").read_text("utf-8")
    for name, value in layout.facts.items():
        if name != "published_on":
            shown = f"{value.year}年{value.month}月{value.day}日" if isinstance(value, datetime.date) else value
            assert f"<dt>{year_data.DOCUMENT_FACTS[name]}</dt><dd>{shown}</dd>" in html
    assert f"<h1 id=\"{layout.title}\">" in html or f">{layout.title}</h1>" in html or layout.title in html


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.file)
def test_every_part_heading_lands_on_its_page_and_the_summary_says_how(imported, layout):
    report = parsed(layout, imported)
    assert [part.slug for part in report.parts] == list(layout.parts)
    out = imported.outputs[layout.file]
    for part in report.parts:
        page = imported.project / f"docs/{layout.year}/{part.slug}.md"
        assert f"# {part.heading}\n" in page.read_text("utf-8"), (part.heading, part.slug)
        assert f"    {part.heading}（第 {part.line} 行）→ docs/{layout.year}/{part.slug}.md（按" in out
    for line in layout.said:
        assert line.format(today=datetime.date.today().isoformat()) in out.splitlines(), line


def parsed(layout: Layout, imported):
    source_path = source_of(layout, imported.project.parent) if layout.file.endswith(".docx") else FIXTURES / layout.file
    source, problems = importer.read_source(source_path)
    assert problems == []
    return importer.parse_report(source.lines, layout.year, OFFICE)


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.file)
def test_every_body_paragraph_is_on_the_years_pages_verbatim(imported, layout):
    text = year_pages_text(imported.site, layout.year)
    if layout.body:
        body = layout.body
    else:
        source_path = imported.project.parent / layout.file if layout.file.endswith(".docx") else FIXTURES / layout.file
        source, _ = importer.read_source(source_path)
        body = [line for n, line in enumerate(source.lines, 1) if line.strip() and n not in layout.not_text]
    missing = [line for line in body if squash(line) not in text]
    assert not missing, missing
    # The pages' own text (the year page's 发布日期 and 索引号 are the site's labels, not report text).
    written = "".join(path.read_text("utf-8") for path in (imported.project / f"docs/{layout.year}").glob("*.md"))
    leaked = [word for word in NOT_TEXT if word in written]
    assert not leaked, leaked


def test_the_catalogue_gained_draft_entries_only(imported):
    after = snapshot(imported.project)
    changed = {rel for rel in imported.before if after.get(rel) != imported.before[rel]}
    assert changed == {"data/catalog/documents.yml"}
    catalogue = after["data/catalog/documents.yml"].decode("utf-8")
    assert catalogue.startswith(imported.before["data/catalog/documents.yml"].decode("utf-8"))
    drafts = re.findall(r"^  name: (.+)\n  kind: (\w+)\n  draft: true\n  verified: false\n  scope: (\w+)$",
                        catalogue, re.M)
    assert drafts == [("示例局2005年行政执法培训工作计划", "internal", "office")]  # never carried to another archive
    # A title typed with ASCII brackets and a hyphen is the catalogue's 纲要, not a new entry.
    assert "study" not in catalogue and "法治政府建设实施纲要(2021-2025年)" not in catalogue
    data = (imported.project / "data/years/2005.yml").read_text("utf-8")
    assert "  - document: rule-of-law-government-outline-2021-2025\n    at: s0-p1\n" in data


def test_figures_are_counts_of_what_was_done_only(imported):
    rel = "data/years/2005.yml"
    raw, located, _ = yaml_source.load((imported.project / rel).read_bytes(), rel)
    data, _ = year_data.validate(raw, located)
    assert [(f.quote, f.value, f.unit, f.label) for f in data.figures] == [
        ("1200件", 1200, "件", "待核实"), ("15件", 15, "件", "待核实"), ("3期", 3, "期", "待核实")]
    # Nothing from the plans: 计划开展培训4期 is a plan, not a figure.
    assert all(f.at.startswith("s") and not f.at.startswith("s5") for f in data.figures)
