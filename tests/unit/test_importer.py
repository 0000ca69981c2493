"""`make import`: how an old report's text is recognised (numbering, parts,
page furniture, encodings) and written as Markdown, from the files in
tests/fixtures/import, in memory (the command itself: tests/site/test_importer.py)."""

from __future__ import annotations

import datetime

import pytest

from reports.commands import importer
from support.repository import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "import"


def parsed(name: str):
    source, problems = importer.read_source(FIXTURES / name)
    assert problems == [] and source is not None
    return importer.parse_report(source.lines)


# --- Recognising the variants (tests/fixtures/import) ---------------------------------

MEASURES = "一、推进法治政府建设的主要举措和成效"
SHORTCOMINGS = "二、推进法治政府建设存在的不足和原因"


def short_report(title, item="1.成立法治建设领导小组。"):
    """The outline of the fixtures that are one short report with a single
    oddity (page furniture, spaces around the title, another encoding): one
    section with one item under 一, one section under 二."""
    return [
        ("title", title),
        ("part", "measures", MEASURES),
        ("section", "（一）加强组织领导。"),
        ("item", item),
        ("part", "shortcomings", SHORTCOMINGS),
        ("section", "（一）学习不够深入。"),
    ]


def test_numbering_with_dun_hao_and_full_width_dot():
    report = parsed("item-numbering.txt")
    assert report.outline() == [
        ("title", "2021年度法治政府建设情况报告"),
        ("preamble", "2021年，示例办深入推进法治政府建设，现将有关情况报告如下。"),
        ("part", "measures", MEASURES),
        ("section", "（一）加强组织领导。"),
        ("item", "1、成立法治建设工作领导小组，由主任任组长。"),
        ("item", "2、组织全体干部学习《民法典》和《示例区法治宣传教育条例》。"),
        ("section", "（二）强化学习培训。"),
        ("item", "1．组织学法考试2次，参加人员共十二人。"),
        ("item", "2．邀请法律顾问开展专题讲座。"),
        ("part", "shortcomings", SHORTCOMINGS),
        ("section", "（一）学习不够深入。"),
        ("part", "leadership", "三、党政主要负责人履行推进法治建设第一责任人职责情况"),
        ("paragraph", "主要负责人带头学法，3月15日组织集中学习《宪法》。"),
        ("part", "plans", "四、2022年度推进法治政府建设的主要安排"),
        ("section", "（一）继续加强学习。"),
    ]
    assert report.addressee is None and report.dropped == [] and report.notes == []


def test_ascii_brackets_and_spaces_after_the_number():
    report = parsed("brackets.txt")
    assert report.outline() == [
        ("title", "2020年度法治政府建设情况报告"),
        ("part", "measures", MEASURES),
        ("section", "(一)加强组织领导。"),
        ("item", "1.成立法治建设领导小组。"),
        ("section", "(二) 强化学习培训。"),
        ("item", "1.组织学习《宪法》。"),
        ("section", "（三） 规范行政执法。"),
        ("item", "1.开展执法检查12次。"),
        ("part", "shortcomings", SHORTCOMINGS),
        ("section", "( 一 )学习不够深入。"),
    ]
    # Sections in ASCII brackets have their anchors (report_text reads them): nothing to say.
    assert report.notes == [(15, "删去了编号“1.”后的空格（否则网页会把它显示成自动编号的列表，编号本身会消失）")]


def test_section_heading_running_into_its_sentence_is_split_after_the_first_full_stop():
    report = parsed("run-in-heading.txt")
    assert report.outline() == [
        ("title", "2019年度法治政府建设情况报告"),
        ("part", "measures", MEASURES),
        ("section", "（一）加强组织领导。"),
        ("paragraph", "示例办成立了法治建设领导小组。领导小组每季度召开会议。"),
        ("section", "（二）强化学习培训。"),
        ("part", "shortcomings", SHORTCOMINGS),
        ("section", "（一）执法人员数量不足。"),
        ("paragraph", "全办仅有执法人员3名，难以满足工作需要。"),
    ]
    assert [line for line, _ in report.notes] == [5, 11]
    assert importer.split_heading("（一）提高认识，切实加强组织领导。") == ("（一）提高认识，切实加强组织领导。", "")
    assert importer.split_heading("（二）甲。乙。 ") == ("（二）甲。", "乙。")


def test_items_directly_under_a_part():
    report = parsed("skipped-level.txt")
    assert report.outline() == [
        ("title", "2018年度法治政府建设情况报告"),
        ("part", "measures", MEASURES),
        ("item", "1.成立法治建设领导小组。"),
        ("item", "2.组织学习《行政处罚法》。"),
        ("part", "shortcomings", SHORTCOMINGS),
        ("item", "1.学习不够深入。"),
        ("item", "2.宣传力度不够。"),
    ]
    assert [(line, "直接在部分标题之下" in note) for line, note in report.notes] == [(5, True), (11, True)]


def test_numbering_running_on_across_parts_is_kept():
    report = parsed("run-on-numbering.txt")
    assert report.outline()[4:] == [
        ("part", "shortcomings", SHORTCOMINGS),
        ("section", "（三）学习不够深入。"),
        ("section", "（四）宣传力度不够。"),
    ]
    assert report.notes == [(11, "（三）接续上一部分的编号，已原样保留")]


def test_addressee_line():
    report = parsed("addressee.txt")
    assert report.outline() == [
        ("title", "2016年度法治政府建设情况报告"),
        ("addressee", "区委、区政府："),
        ("preamble", "2016年，示例办在区委、区政府的领导下深入推进法治政府建设，现将有关情况报告如下："),
        ("part", "measures", MEASURES),
        ("section", "（一）加强组织领导。"),
    ]
    assert report.addressee_line == 3
    # A short sentence ending with a colon is the preamble, not an addressee.
    report = importer.parse_report(["标题", "现将有关情况报告如下：", "一、主要举措和成效"])
    assert report.addressee is None and report.outline()[1] == ("preamble", "现将有关情况报告如下：")


def test_page_furniture_is_dropped_and_listed():
    report = parsed("furniture.txt")
    assert report.outline() == short_report("2015年度法治政府建设情况报告")
    # The portal's metadata lines are facts of the year, not furniture.
    assert [(f.line, f.label, f.field, f.value) for f in report.facts] == [
        (1, "索引号", "index_number", "11120112MB1234567X/2016-00012"),
        (2, "发布机构", "issuer", "示例区示例办公室"),
        (3, "发布日期", "published_on", datetime.date(2016, 3, 15)),
        (6, "来源", "source", "示例区示例办公室"),
        (7, "字号", None, "大 中 小")]
    assert report.dropped == [
        (4, "【打印】【关闭】"),
        (13, "— 1 —"),
        (17, "-2-"),
        (23, "第 3 页 共 3 页"),
    ]
    assert report.title_line == 5


def test_gb18030_file_is_read_and_said_so():
    data = (FIXTURES / "gb18030.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    source, problems = importer.read_source(FIXTURES / "gb18030.txt")
    assert problems == [] and source.encoding == "GB18030" and "GB18030" in source.note
    assert importer.parse_report(source.lines).outline() == short_report(
        "2012年度法治政府建设情况报告", item="1.成立法治建设领导小组，组织学习《民法典》。")


def test_utf8_with_bom_and_utf16():
    text = "标题\r\n一、主要举措和成效\r\n"
    for data in (b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("utf-16")):
        source, problems = importer.decode_text(data, "x.txt")
        assert problems == [] and source.lines == ["标题", "一、主要举措和成效"]
    source, problems = importer.decode_text(b"\xff\xff\xff", "x.txt")
    assert source is None and "既不是 UTF-8 编码，也不是 GB18030" in problems[0].message


def test_title_with_surrounding_spaces_and_irregular_whitespace():
    report = parsed("title-spaces.txt")
    assert report.outline() == short_report("2014年度法治政府建设情况报告")
    assert report.title_line == 1 and [p.line for p in report.parts] == [3, 6]


def test_unrecognised_part_is_listed_and_kept():
    report = parsed("unrecognised-part.txt")
    assert report.outline() == [
        ("title", "2013年度法治政府建设情况报告"),
        ("part", "measures", MEASURES),
        ("section", "（一）加强组织领导。"),
        ("part", None, "二、其他需要说明的事项"),
        ("paragraph", "示例办全年无行政复议和行政诉讼案件。"),
        ("part", "shortcomings", "三、推进法治政府建设存在的不足和原因"),
        ("section", "（一）学习不够深入。"),
        ("part", "plans", "四、2014年度工作计划"),
        ("section", "（一）继续加强学习。"),
    ]
    assert [part.heading for part in report.unplaced] == ["二、其他需要说明的事项"]
    assert report.parts[1].how == "未能归类，按位置接在上一部分之后"
    # A second part of a kind shares the page of the first.
    report = importer.parse_report(["标题", "一、主要举措", "二、存在的不足", "三、还有不足"])
    assert [(p.slug, p.how) for p in report.parts] == [
        ("measures", "按标题中的“举措”归入“主要举措和成效”"),
        ("shortcomings", "按标题中的“不足”归入“存在的不足和原因”"),
        ("shortcomings", "按标题中的“不足”归入“存在的不足和原因”，与上一部分放在同一页面")]


def test_inline_items_stay_in_their_paragraph(source_2023):
    report = importer.parse_report(source_2023.splitlines())
    assert report.inline_items == [21, 23]
    item = [u for u in report.parts[0].units if u.line == 23]
    assert len(item) == 1 and "二是组织答卷考法活动" in item[0].text


def test_classification_of_part_headings():
    assert [importer.classify(h) for h in (
        "一、推进法治政府建设的主要举措和成效", "二、推进法治政府建设存在不足和原因",
        "三、党政主要负责人履行推进法治建设第一责任人的职责，加强法治政府建设的情况",
        "四、2024年度推进法治政府建设的的主要安排", "四、下一年度工作计划", "五、其他")] == \
        ["measures", "shortcomings", "leadership", "plans", "plans", None]


def test_markdown_syntax_at_the_start_of_a_paragraph_is_escaped():
    assert importer.markdown_line("- 甲") == "\\- 甲"
    assert importer.markdown_line("> 乙") == "\\> 乙"
    assert importer.markdown_line("# 丙") == "\\# 丙"
    assert importer.markdown_line("---") == "\\---"
    assert importer.markdown_line("-3-") == "-3-" and importer.markdown_line("1.甲") == "1.甲"
