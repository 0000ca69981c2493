"""The importer's readers of real layouts, in memory: metadata lines in every
format, the title block, where parts go, Word's numbering, draft catalogue ids."""

from __future__ import annotations

import datetime

import docx
import pytest

from reports.commands import importer
from reports.commands.importer import catalogue, metadata, placement, title
from reports.commands.importer.decode import read_source
from reports.model import catalog as catalog_module
from support.word_files import numbered_docx


@pytest.mark.parametrize("line, label, field, value", [
    ("发布日期: 2023-03-03 15:41", "发布日期", "published_on", datetime.date(2023, 3, 3)),
    ("发布时间：2025-02-28 10:00", "发布时间", "published_on", datetime.date(2025, 2, 28)),
    ("更新时间:2021/03/29 11:30:01", "更新时间", "updated_on", datetime.date(2021, 3, 29)),
    ("公开日期: 2023-02-07", "公开日期", "published_on", datetime.date(2023, 2, 7)),
    ("发布日期: 2020- 03- 12", "发布日期", "published_on", datetime.date(2020, 3, 12)),
    ("成文日期：2024年01月15日", "成文日期", "written_on", datetime.date(2024, 1, 15)),
    ("索 引 号 : 001002003/2023-00020", "索引号", "index_number", "001002003/2023-00020"),
    ("名  称: 某局2023年度法治政府建设情况报告", "名称", "title", "某局2023年度法治政府建设情况报告"),
    ("文章来源:司法局", "文章来源", "source", "司法局"),
    ("有效性: 有效", "有效性", None, "有效"),
])
def test_a_metadata_line_in_every_format(line, label, field, value):
    [fact] = metadata.metadata_line(line, 7)
    assert (fact.label, fact.field, fact.value, fact.line) == (label, field, value, 7)


def test_several_fields_on_one_line_and_lines_that_are_no_metadata():
    facts = metadata.metadata_line("发布时间：2004-01-16 15:41　来源：示例局　字号：大 中 小", 3)
    assert [(f.label, f.text) for f in facts] == [("发布时间", "2004-01-16 15:41"), ("来源", "示例局"), ("字号", "大 中 小")]
    assert metadata.metadata_line("来源于群众的意见：三条。", 1) is None  # no label then colon
    assert metadata.metadata_line("2023年，来源：略", 1) is None  # not at the line's start
    assert metadata.metadata_line("发布日期: 2023-02-30", 1)[0].value is None  # no such day


@pytest.mark.parametrize("line", [
    "适老版 关爱版", "关爱版", "无障碍", "当前位置：首页 > 政务公开 > 工作报告", "您所在的位置:首页 > 信息公开",
    "- 某某 - 通知公告", "今天是:2019年10月31日 星期三 农历十月初三", "IE版本过低,为了不影响您的浏览效果,请升级IE版本!",
    "字号: 大 中 小", "扫一扫在手机打开当前页", "打印本页 关闭窗口", "【打印】【关闭】", "— 3 —", "第 2 页 共 5 页"])
def test_page_furniture(line):
    assert metadata.is_furniture(line)


@pytest.mark.parametrize("line", [
    "一、推进法治政府建设的主要举措和成效", "关爱老年人，开展适老化改造。", "2023年开展执法检查27项。", "（一）无障碍环境建设。"])
def test_report_text_is_no_furniture(line):
    assert not metadata.is_furniture(line)


def test_dates_later_than_today_or_before_the_year_are_kept_and_warned_about():
    facts = [metadata.Fact("发布日期", "published_on", "", 1, datetime.date(2099, 1, 1)),
             metadata.Fact("成文日期", "written_on", "", 2, datetime.date(2022, 12, 30)),
             metadata.Fact("发布日期", "published_on", "", 3, datetime.date(2024, 3, 1))]
    found = metadata.date_warnings(facts, 2023, datetime.date(2025, 1, 1))
    assert [(f.line, why) for f, why in found] == [(1, "晚于今天（2025-01-01）"), (2, "早于报告所说的 2023 年")]


def block(*texts):
    return title.read_title_block(list(enumerate(texts, 1)))


def test_title_blocks():
    split = block("某市某办公室", "关于2024年法治政府建设", "情况的报告", "市政府：", "2024年，……。")
    assert (split.title, split.title_line, split.letterhead, split.addressee, split.rest) == (
        "某市某办公室关于2024年法治政府建设情况的报告", 1, [], "市政府：", 4)
    letterhead = block("某市国防动员办公室", "某市人民防空办公室", "沪某〔2024〕1号 签发人:某某",
                       "某市国防动员办公室2024年度法治政府建设情况报告 ( 2025年01月15日 )", "区委、区政府：")
    assert letterhead.title == "某市国防动员办公室2024年度法治政府建设情况报告"
    assert letterhead.letterhead == [(1, "某市国防动员办公室"), (2, "某市人民防空办公室")]
    assert [(f.field, f.value) for f in letterhead.facts] == [
        ("doc_number", "沪某〔2024〕1号"), ("signer", "某某"), ("published_on", datetime.date(2025, 1, 15))]
    twice = block("某局2024年度法治政府建设情况报告", "某局", "关于2024年度法治政府建设情况的报告", "2024年，……。")
    assert (twice.title, twice.repeated, twice.rest) == (
        "某局2024年度法治政府建设情况报告", [(2, "某局"), (3, "关于2024年度法治政府建设情况的报告")], 3)
    # No title: neither the addressee nor the first sentence becomes one.
    none = block("天津市人民政府：", "2024年，我局坚持以习近平法治思想为指导，现将有关情况报告如下：")
    assert (none.title, none.addressee, none.rest) == ("", "天津市人民政府：", 1)
    assert block("2024年，我局推进法治政府建设，成效明显。").title == ""


def test_no_title_in_the_text_is_proposed_with_the_office_and_said_so():
    report = importer.parse_report(["天津市人民政府：", "2024年，我局推进法治政府建设。", "一、主要举措和成效"], 2024, "某局")
    assert (report.title, report.title_line, report.addressee) == ("某局2024年度法治政府建设情况报告", 0, "天津市人民政府：")
    assert "拟定" in report.title_note
    named = importer.parse_report(["名称：某局2024年度报告", "2024年，我局推进法治政府建设。", "一、主要举措"], 2024, "某局")
    assert (named.title, named.title_note) == ("某局2024年度报告", "原文中没有标题，取自第 1 行的“名称”")


@pytest.mark.parametrize("heading, slug", [
    ("一、工作进展情况及亮点", "measures"), ("一、2022年法治政府建设基本情况", "measures"),
    ("一、依法全面履行政府职能", "measures"), ("二、推进法治政府建设情况", "measures"),
    ("三、严格规范公正文明执法", "measures"), ("二、存在的问题", "shortcomings"), ("三、存在问题及下一步打算", "shortcomings"),
    ("一、党政主要负责人履行推进法治建设第一责任人职责情况", "leadership"), ("四、2025年工作思路", "plans"),
    ("三、下一步工作打算", "plans"), ("二、其他需要说明的事项", None)])
def test_part_headings_by_their_wording(heading, slug):
    assert placement.classify(heading) == slug


def test_part_headings_by_their_position():
    report = importer.parse_report(["标题", "一、有关工作", "正文。", "二、存在的不足", "三、明年打算"])
    assert [(p.slug, p.how) for p in report.parts] == [
        ("measures", "标题中没有可识别的用语，按位置（在其他部分之前）归入“主要举措和成效”，请核实"),
        ("shortcomings", "按标题中的“不足”归入“存在的不足和原因”"),
        ("plans", "按标题中的“打算”归入“下一年度安排”")]
    inside = importer.parse_report(["标题", "一、工作进展", "（一）履行推进法治建设第一责任人职责", "正文。"])
    assert inside.leadership_section.text == "（一）履行推进法治建设第一责任人职责"


def test_word_automatic_numbering_is_recovered_or_warned_about(tmp_path):
    lines = ["某局2024年度报告", "#1 主要举措和成效", "#2 加强组织领导。", "#3 成立领导小组。", "#3 开展培训。",
             "#2 规范执法。", "#3 开展检查。", "#1 存在的不足"]
    source, problems = read_source(numbered_docx(lines, tmp_path / "a.docx"))
    assert problems == [] and source.lines == [
        "某局2024年度报告", "一、主要举措和成效", "（一）加强组织领导。", "1.成立领导小组。", "2.开展培训。",
        "（二）规范执法。", "1.开展检查。", "二、存在的不足"]
    assert "7 个段落的编号" in source.notes[0][1]
    source, _ = read_source(numbered_docx(lines, tmp_path / "b.docx", num_id=77))
    assert source.lines[1] == "主要举措和成效"
    assert source.notes == [(0, "警告：第 2、3、4、5、6、7、8 行用了 Word 的自动编号，但无法从文件中还原编号，编号不在导入的文字中；"
                                "请对照原件在这些段落前补上编号（或在 Word 中把编号转为文字后重新导入）")]


def test_list_number_style_of_word(tmp_path):
    document = docx.Document()
    for text in ("甲。", "乙。"):
        document.add_paragraph(text, style="List Number")
    document.save(str(tmp_path / "c.docx"))
    source, _ = read_source(tmp_path / "c.docx")
    assert source.lines == ["1.甲。", "2.乙。"]


def test_draft_ids_from_the_pinyin_of_the_title_and_kinds_guessed():
    assert catalogue.pinyin_id("示例区法治宣传教育条例") == "shi-li-qu-fa-zhi-xuan-chuan-jiao-yu-tiao-li"
    long = catalogue.pinyin_id("示例局2005年行政执法培训工作计划")
    assert len(long) <= catalogue.ID_MAX and long == catalogue.pinyin_id("示例局2005年行政执法培训工作计划")
    drafts = catalogue.drafts_for([("示例区法治宣传教育条例", [("docs/2024/measures.md", 3)])],
                                  {"shi-li-qu-fa-zhi-xuan-chuan-jiao-yu-tiao-li": None})
    assert drafts[0].id.startswith("shi-li-qu-fa-zhi-xuan-chuan-jiao-yu-tiao-li-") and drafts[0].places == (
        "docs/2024/measures.md:3",)
    assert [catalogue.guess_kind(t, ["某区司法局"])[0] for t in (
        "中华人民共和国行政复议法", "女职工劳动保护特别规定", "天津市安全生产条例", "中国共产党纪律处分条例",
        "习近平法治思想学习纲要", "关于加强法治乡村建设的意见", "某办2024年行政执法培训工作计划", "某区司法局普法责任清单",
        "行政执法三项制度工作办法")] == [
        "law", "regulation", "local", "party", "theory", "policy", "internal", "internal", "regulation"]


def test_a_title_typed_with_ascii_brackets_and_a_hyphen_is_the_catalogued_one():
    documents, _ = catalog_module.read_list(
        "- id: outline\n  name: 法治政府建设实施纲要（2021—2025年）\n  kind: policy\n".encode("utf-8"), "d.yml")
    found = catalog_module.Catalog(documents, {}).document_by_name("法治政府建设实施纲要(2021-2025年)")
    assert found is not None and found.id == "outline"
