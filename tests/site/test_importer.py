"""`make import FILE=… YEAR=…`: an old report (.txt or .docx) becomes a year's pages and draft data.

Run as the command on copies of the project, which are then checked and
built; how the report's text is recognised is tested in
tests/unit/test_importer.py."""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess
import types

import pytest

from reports.commands import importer
from reports.model import report_text
from reports.model import year_data
from reports.source import yaml_source
from support.project import command_line, copy_project, mkdocs_build, run_check, snapshot
from support.repository import ROOT, SOURCE_2023
from support.site_text import PART_PAGES, ContentText, assert_in_source_order, source_paragraphs, squash

FIXTURES = ROOT / "tests" / "fixtures" / "import"
PAGES = ["index", "measures", "shortcomings", "leadership", "plans"]


def run_import(project, *args, root=True):
    """Run the project's own copy of the command, as `make import` does."""
    argv, env = command_line("import", project, *args)
    if root and len(args) == 2:
        argv.append(str(project))
    return subprocess.run(argv, capture_output=True, text=True, timeout=60, cwd=project, env=env)


def built_text(site, rel: str) -> str:
    parser = ContentText()
    parser.feed((site / rel).read_text("utf-8"))
    return squash("".join(parser.parts))


def blocks_of(path: pathlib.Path):
    _, body = report_text.split_front_matter(path.read_text("utf-8"))
    blocks, _ = report_text.parse_blocks(body)
    return [(b.kind, b.text, b.anchor) for b in blocks]


def load_data(project, year):
    rel = f"data/years/{year}.yml"
    raw, located, problems = yaml_source.load((project / rel).read_bytes(), rel)
    assert problems == []
    data, problems = year_data.validate(raw, located)
    assert problems == []
    return data


def make_docx(lines, path):
    import docx
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


# --- The 2023 report imported again, as 2022, from .txt and from .docx ----------------

@pytest.fixture(scope="module", params=["txt", "docx"])
def round_trip(request, tmp_path_factory):
    base = tmp_path_factory.mktemp(f"import-{request.param}")
    project = copy_project(base / "p")
    before = snapshot(project)
    source = SOURCE_2023 if request.param == "txt" else \
        make_docx(SOURCE_2023.read_text("utf-8").splitlines(), base / "2023年度报告.docx")
    result = run_import(project, source, 2022)
    assert result.returncode == 0, result.stdout + result.stderr
    site = base / "site"
    build = mkdocs_build(project, site)
    assert build.returncode == 0, build.stderr
    return types.SimpleNamespace(kind=request.param, project=project, before=before,
                                 result=result, site=site)


def test_round_trip_creates_exactly_the_year_pages_and_data(round_trip):
    after = snapshot(round_trip.project)
    expected = {f"docs/2022/{name}.md" for name in PAGES + ["full"]} | {"data/years/2022.yml"}
    assert set(after) - set(round_trip.before) == expected
    assert {k: v for k, v in after.items() if k in round_trip.before} == round_trip.before
    assert (round_trip.project / "docs/2022/full.md").read_bytes() == (ROOT / "docs/2023/full.md").read_bytes()


def test_round_trip_pages_have_the_blocks_and_anchors_of_2023(round_trip):
    for name in PAGES:
        mine = blocks_of(round_trip.project / f"docs/2022/{name}.md")
        theirs = blocks_of(ROOT / f"docs/2023/{name}.md")
        assert mine == theirs, name
    # Apart from where the markers stand, the pages are the same text.
    def text(path):
        lines = [l for l in path.read_text("utf-8").split("\n") if not report_text.MARKER_LINE.match(l)]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    for name in PAGES:
        assert text(round_trip.project / f"docs/2022/{name}.md") == text(ROOT / f"docs/2023/{name}.md")
    markers = [l for l in (round_trip.project / "docs/2022/index.md").read_text("utf-8").split("\n")
               if l.startswith("<!-- year:")]
    assert markers == [l for l in (ROOT / "docs/2023/index.md").read_text("utf-8").split("\n")
                       if l.startswith("<!-- year:")]


def test_round_trip_every_source_paragraph_is_on_a_built_2022_page(round_trip, source_2023):
    texts = [built_text(round_trip.site, "2022/index.html")] + \
        [built_text(round_trip.site, f"2022/{p}/index.html") for p in PART_PAGES]
    missing = [para for para in source_paragraphs(source_2023) if not any(para in t for t in texts)]
    assert not missing, missing[:3]


def test_round_trip_full_report_has_every_paragraph_in_source_order(round_trip, source_2023):
    assert_in_source_order(built_text(round_trip.site, "2022/full/index.html"), source_2023)


def test_round_trip_year_passes_the_check(round_trip):
    check = run_check(round_trip.project)
    assert check.returncode == 0, check.stdout
    assert not [l for l in check.stdout.splitlines() if "/2022" in l]  # not even a warning
    assert "草稿" in (round_trip.site / "2022/index.html").read_text("utf-8")


def test_round_trip_data_is_a_draft_with_the_studies_and_figures_of_2023(round_trip):
    data = load_data(round_trip.project, 2022)
    assert (data.year, data.title, data.status, data.published_on) == (
        2022, "2023年度法治政府建设情况报告", "draft", None)
    assert data.followups == [] and data.campaigns == [] and data.actions == []
    curated = load_data(ROOT, 2023)
    studies = {(s.document, s.at, s.quote) for s in data.studies}
    assert len(studies) == len(data.studies) == 12
    # Every study the editors recorded as a 《title》 is proposed, at the same place.
    assert {(s.document, s.at, s.quote) for s in curated.studies
            if re.fullmatch(r"《[^》]+》", s.quote)} <= studies
    assert all(re.fullmatch(r"《[^》]+》", quote) for _, _, quote in studies)
    # ... and every figure they recorded is among the proposals.
    proposed = {(f.value, f.unit, f.at) for f in data.figures}
    assert {(f.value, f.unit, f.at) for f in curated.figures} <= proposed
    assert [f.id for f in data.figures] == [f"figure-{n}" for n in range(1, len(data.figures) + 1)]
    assert {f.label for f in data.figures} == {"待核实"}
    assert ("四名", 4) in {(f.quote, f.value) for f in data.figures}
    text = (round_trip.project / "data/years/2022.yml").read_text("utf-8")
    assert text.count(importer.FIGURE_COMMENT + "\n") == len(data.figures)
    assert "不在学习文件目录中" not in text


def test_round_trip_output_says_what_was_recognised(round_trip):
    out = round_trip.result.stdout
    source = "2023-report.txt" if round_trip.kind == "txt" else "2023年度报告.docx"
    assert out.startswith(f"已从“{source}”导入 2022 年度报告（草稿）。\n")
    assert "注意：标题中的年份是 2023 年，与 YEAR=2022 不一致" in out
    assert "标题：2023年度法治政府建设情况报告（第 1 行）" in out
    assert "抬头：无" in out and "导语：1 段" in out
    assert "共 4 个部分、16 个（一）式小标题、13 个编号条目、7 个其他段落；各部分标题的归类：" in out
    assert "一、推进法治政府建设的主要举措和成效（第 5 行）→ docs/2022/measures.md（按标题中的“举措”归入“主要举措和成效”）" in out
    for slug in PART_PAGES:
        assert f"→ docs/2022/{slug}.md（按标题中的“" in out
    assert "第 48 行：小标题后直接接着正文" in out
    assert "删除的版面信息：无" in out and "未能归类：无" in out and "不在学习文件目录中的书名：无" in out
    assert "建议的关键数据（figures）：7 项" in out and "建议的学法清单（studies）：12 项" in out
    assert "12月1日：docs/2022/leadership.md:15（s3-3-p1）" in out
    assert "12月15日：docs/2022/leadership.md:15（s3-3-p1）" in out
    assert "创建了以下文件：\n  docs/2022/index.md\n" in out and "下一步：" in out
    encoding = "UTF-8" if round_trip.kind == "txt" else "Word 文档（.docx）"
    assert f"文件编码：{encoding}\n" in out
    assert "Traceback" not in out + round_trip.result.stderr


# --- The written files ------------------------------------------------------------------

@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("import-pristine") / "p")
    return project, snapshot(project)


def test_unrecognised_part_follows_the_previous_part_with_a_comment(pristine):
    project, _ = pristine
    files, problems = importer.plan_import(project, FIXTURES / "unrecognised-part.txt", 2013)
    assert problems == []
    assert set(files) == {f"docs/2013/{n}.md" for n in ("index", "measures", "shortcomings", "plans", "full")} \
        | {"data/years/2013.yml"}
    assert files["docs/2013/measures.md"] == (
        "# 一、推进法治政府建设的主要举措和成效\n\n"
        "## （一）加强组织领导。\n\n"
        "<!-- year:studies -->\n\n<!-- year:campaigns -->\n\n"
        "<!-- 以下第二部分（原文第 7 行起）未能归类到规定的四个部分之一，原样放在这里，请核实应放在哪个页面 -->\n\n"
        "# 二、其他需要说明的事项\n\n"
        "示例办全年无行政复议和行政诉讼案件。\n")
    blocks, _ = report_text.parse_blocks(files["docs/2013/measures.md"])
    assert [b.anchor for b in blocks] == ["s1", "s1-1", "s2", "s2-p1"]


def test_first_part_unrecognised_goes_to_the_year_home(pristine, tmp_path):
    project, _ = pristine
    source = tmp_path / "r.txt"
    source.write_text("2011年度报告\n\n导语。\n\n一、有关说明\n\n正文。\n\n二、主要举措\n\n（一）举措。\n\n"
                      "三、存在的不足\n\n（一）不足。\n", "utf-8")
    files, problems = importer.plan_import(project, source, 2011)
    assert problems == []
    home = files["docs/2011/index.md"]
    assert home.startswith("# 2011年度报告\n\n<!-- year:meta -->\n\n导语。\n\n<!-- year:figures -->\n")
    # The markers of the parts the text lacks are on the home, then the part that fits none.
    assert home.endswith("<!-- year:downloads -->\n\n<!-- year:actions -->\n\n<!-- year:plans -->\n\n"
                         "<!-- 以下第一部分（原文第 5 行起）未能归类到规定的四个部分之一，原样放在这里，"
                         "请核实应放在哪个页面 -->\n\n# 一、有关说明\n\n正文。\n")


def test_skipped_level_and_addressee_pages(pristine, tmp_path):
    project, _ = pristine
    files, problems = importer.plan_import(project, FIXTURES / "skipped-level.txt", 2018)
    assert problems == []
    assert files["docs/2018/shortcomings.md"] == (
        "# 二、推进法治政府建设存在的不足和原因\n\n1.学习不够深入。\n\n2.宣传力度不够。\n\n"
        "<!-- year:shortcomings -->\n")
    blocks, _ = report_text.parse_blocks(files["docs/2018/measures.md"])
    assert [b.anchor for b in blocks] == ["s1", "s1-1", "s1-2"]
    assert "  - document: administrative-penalty-law\n    at: s1-2\n    quote: 《行政处罚法》\n" \
        in files["data/years/2018.yml"]
    files, problems = importer.plan_import(project, FIXTURES / "addressee.txt", 2016)
    assert problems == []
    assert files["docs/2016/index.md"].startswith(
        "# 2016年度法治政府建设情况报告\n\n<!-- year:meta -->\n\n区委、区政府：\n\n"
        "2016年，示例办在区委、区政府的领导下深入推进法治政府建设，现将有关情况报告如下：\n\n"
        "<!-- year:figures -->\n\n<!-- year:contents -->\n")


def test_new_titles_become_draft_catalogue_entries_and_figures_are_proposed(tmp_path):
    project = copy_project(tmp_path / "p")
    before = snapshot(project)
    result = run_import(project, FIXTURES / "item-numbering.txt", 2021)
    assert result.returncode == 0, result.stdout
    out = result.stdout
    assert "不在学习文件目录中的书名（已作为草稿条目添加到学习文件目录，类别是根据书名猜的，make check 会逐条提示核实）：\n" \
           "  《示例区法治宣传教育条例》→ shi-li-qu-fa-zhi-xuan-chuan-jiao-yu-tiao-li（地方性法规和规章：" \
           "书名以地名开头、以“条例”“规定”“办法”等结尾）：docs/2021/measures.md:7\n" in out
    assert "修改了 data/catalog/documents.yml：在末尾添加了 1 个草稿条目（draft: true）。" in out
    assert "建议的关键数据（figures）：2 项（figure-1～figure-2" in out
    assert "3月15日：docs/2021/leadership.md:3（s3-p1）" in out
    text = (project / "data/years/2021.yml").read_text("utf-8")
    assert text.startswith(f"# {importer.NEW_TITLES_COMMENT}\n"
                           "#   《示例区法治宣传教育条例》（docs/2021/measures.md:7）\n#\n")
    assert "  " + importer.FIGURE_COMMENT + "\n" in text
    data = load_data(project, 2021)
    assert [(f.id, f.label, f.value, f.unit, f.at, f.quote) for f in data.figures] == [
        ("figure-1", "待核实", 2, "次", "s1-2-1", "2次"),
        ("figure-2", "待核实", 12, "人", "s1-2-1", "十二人")]
    assert [(s.document, s.at, s.quote) for s in data.studies] == [
        ("civil-code", "s1-1-2", "《民法典》"), ("constitution", "s3-p1", "《宪法》")]
    # The catalogue gained exactly the draft entry, at its end.
    catalogue = (project / "data/catalog/documents.yml").read_text("utf-8")
    old = before["data/catalog/documents.yml"].decode("utf-8")
    assert catalogue.startswith(old) and catalogue[len(old):].endswith(
        "\n- id: shi-li-qu-fa-zhi-xuan-chuan-jiao-yu-tiao-li\n  name: 示例区法治宣传教育条例\n  kind: local\n"
        "  draft: true\n  verified: false\n"
        "  note: 由 make import 添加，出现在 docs/2021/measures.md:7；类别是猜的：书名以地名开头、以“条例”“规定”“办法”等结尾。\n")
    # The check passes straight after the import, and its warning lists the entry to verify.
    check = run_check(project)
    assert check.returncode == 0, check.stdout
    line = catalogue[:catalogue.index("  draft: true\n", len(old))].count("\n") + 1
    assert f"data/catalog/documents.yml:{line}:10: [警告] 《示例区法治宣传教育条例》（shi-li-qu-fa-zhi-xuan-chuan-jiao-yu-tiao-li）" \
           "是 make import 添加的草稿条目，类别“地方性法规和规章”是根据书名猜的，尚未核实" in check.stdout.splitlines()
    assert "[错误]" not in check.stdout


@pytest.fixture(scope="module")
def variants(tmp_path_factory):
    """Every fixture (except the one with a new title) imported into one project."""
    base = tmp_path_factory.mktemp("import-variants")
    project = copy_project(base / "p")
    outputs = {}
    for year, name in enumerate(("gb18030", "unrecognised-part", "title-spaces", "furniture", "addressee",
                                 "run-on-numbering", "skipped-level", "run-in-heading", "brackets"), 2012):
        result = run_import(project, FIXTURES / f"{name}.txt", year)
        assert result.returncode == 0, result.stdout + result.stderr
        outputs[name] = result.stdout
    site = base / "site"
    build = mkdocs_build(project, site)
    assert build.returncode == 0, build.stderr
    return types.SimpleNamespace(project=project, outputs=outputs, site=site)


def test_imported_variants_pass_the_check_and_the_strict_build(variants):
    check = run_check(variants.project)
    assert check.returncode == 0, check.stdout
    assert "[错误]" not in check.stdout
    for year in range(2012, 2021):
        assert (variants.site / str(year) / "full" / "index.html").exists()


def test_imported_variants_keep_every_line_of_their_source_on_the_site(variants):
    for year, name in enumerate(("gb18030", "unrecognised-part", "title-spaces", "furniture", "addressee",
                                 "run-on-numbering", "skipped-level", "run-in-heading", "brackets"), 2012):
        source, _ = importer.read_source(FIXTURES / f"{name}.txt")
        report = importer.parse_report(source.lines)
        # Furniture and metadata lines (索引号, 发布日期 ...) are not report text.
        dropped = {text for _, text in report.dropped} | {source.lines[f.line - 1].strip() for f in report.facts}
        full = built_text(variants.site, f"{year}/full/index.html")
        position = 0
        for line in source.lines:
            if not line.strip() or line.strip() in dropped:
                continue
            found = full.find(squash(line), position)
            assert found >= 0, (name, line)
            position = found + len(squash(line))
        for text in dropped:
            assert squash(text) not in full, (name, text)


def test_variant_outputs(variants):
    out = variants.outputs
    assert "文件编码：GB18030。文件不是 UTF-8 编码，已按 GB18030" in out["gb18030"]
    assert "网页和文件信息（不作为正文；记入 data/years/2015.yml 的已注明字段名）：\n" \
           "    第 1 行 索引号：11120112MB1234567X/2016-00012 → index_number\n" in out["furniture"]
    assert "删除的版面信息（网页或排版中的文字，不属于报告正文）：\n  第 4 行：【打印】【关闭】\n" in out["furniture"]
    assert "  第 13 行：— 1 —\n  第 17 行：-2-\n  第 23 行：第 3 页 共 3 页\n" in out["furniture"]
    assert "抬头（主送机关）：区委、区政府：（第 3 行，放在导语之前）" in out["addressee"]
    assert "未能归类：\n  二、其他需要说明的事项（第 7 行）：" in out["unrecognised-part"]
    assert "原样接在 docs/2013/measures.md 的末尾" in out["unrecognised-part"]
    assert "docs/2017/shortcomings.md:3:1: [警告] 编号（三）不连续" in out["run-on-numbering"]
    assert "以下段落没有唯一的位置编号" not in out["brackets"]  # (一) is a section too
    assert "原文中没有“第一责任人职责”部分，没有生成 docs/2020/leadership.md" in out["brackets"]


# --- Refusals -------------------------------------------------------------------------------

def test_existing_year_is_refused_and_nothing_changes(pristine):
    project, before = pristine
    result = run_import(project, SOURCE_2023, 2023)
    assert result.returncode == 1
    assert "2023 年度已经存在：docs/2023/、data/years/2023.yml" in result.stdout
    assert "不会覆盖" in result.stdout and "未创建任何文件" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project) == before


@pytest.mark.parametrize("name, words", [
    ("report.pdf", "PDF"), ("report.doc", "另存为 .docx"), ("report.md", "只能导入 .txt、.docx 或 .html")])
def test_unknown_extension_is_refused(pristine, tmp_path, name, words):
    project, before = pristine
    path = tmp_path / name
    path.write_bytes(SOURCE_2023.read_bytes())
    result = run_import(project, path, 2022)
    assert result.returncode == 1
    assert f"不能导入“{name}”：只能导入 .txt、.docx 或 .html 文件" in result.stdout and words in result.stdout
    assert "未创建任何文件" in result.stdout
    assert snapshot(project) == before


def test_missing_or_unreadable_file_is_refused(pristine, tmp_path):
    project, before = pristine
    result = run_import(project, tmp_path / "没有这个文件.txt", 2022)
    assert result.returncode == 1
    assert "找不到要导入的文件" in result.stdout and "未创建任何文件" in result.stdout
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"not a zip")
    result = run_import(project, fake, 2022)
    assert result.returncode == 1 and "不是有效的 .docx 文件" in result.stdout
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n", "utf-8")
    assert "中没有文字" in run_import(project, empty, 2022).stdout
    flat = tmp_path / "flat.txt"
    flat.write_text("标题\n\n只有一段正文。\n", "utf-8")
    result = run_import(project, flat, 2022)
    assert result.returncode == 1 and "没有找到“一、”“二、”式的部分标题" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project) == before


@pytest.mark.parametrize("args", [[], [""], ["a.txt"], ["a.txt", ""], ["a.txt", "2022", "x", "y"]])
def test_missing_arguments_print_usage(pristine, args):
    project, before = pristine
    result = run_import(project, *args, root=False)
    assert result.returncode == 1
    assert "请指定要导入的文件和年份。" in result.stdout
    assert "用法：make import FILE=旧报告.docx YEAR=2022" in result.stdout
    assert snapshot(project) == before


def test_help_and_bad_year(pristine):
    project, before = pristine
    result = run_import(project, "--help", root=False)
    assert result.returncode == 0 and result.stdout.startswith("用法：make import")
    for value in ("22", "２０２２", "2022年"):
        result = run_import(project, SOURCE_2023, value)
        assert result.returncode == 1 and "四位数" in result.stdout and "未创建任何文件" in result.stdout
    assert snapshot(project) == before


def test_refuses_to_import_into_broken_data(tmp_path):
    project = copy_project(tmp_path / "p")
    path = project / "data/years/2023.yml"
    path.write_text(path.read_text("utf-8").replace("status: published", "status: 发布", 1), "utf-8")
    before = snapshot(project)
    result = run_import(project, SOURCE_2023, 2022)
    assert result.returncode == 1
    assert "不能导入 2022 年度" in result.stdout and "data/years/2023.yml:4:9: [错误]" in result.stdout
    assert snapshot(project) == before


def test_make_target_runs_the_command():
    make = shutil.which("make")
    if make is None:
        pytest.skip("make 未安装")
    result = subprocess.run([make, "-n", "import", "FILE=旧报告.docx", "YEAR=2022"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert 'PYTHONPATH=hooks "$VENV/bin/python" -m reports import "$FILE" ${YEAR:+"$YEAR"}' in result.stdout.splitlines()
