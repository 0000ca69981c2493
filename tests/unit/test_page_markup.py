"""Report pages are text: each hostile line is refused at its line and column.

In memory: page lines in, ``(line, column, message start)`` out, in the
style of yamllint's rule tests.
"""

from __future__ import annotations

import pytest

from reports.checks.rules import page_markup

FILE = "docs/2023/measures.md"

REFUSED = [
    # (line of text, column, start of the message)
    ("<script>alert(1)</script>", 1, "报告页面中不能使用 HTML 标签“<script>”（脚本"),
    ("正文<script src=x.js></script>", 3, "报告页面中不能使用 HTML 标签“<script>”"),
    ("<SCRIPT>alert(1)</SCRIPT>", 1, "报告页面中不能使用 HTML 标签“<SCRIPT>”（脚本"),
    ('<img src="http://203.0.113.9/x.png" onerror="alert(1)">', 1, "报告页面中不能使用 HTML 标签“<img>”（图片"),
    ("<iframe src=http://203.0.113.9/></iframe>", 1, "报告页面中不能使用 HTML 标签“<iframe>”（框架"),
    ("<style>p{display:none}</style>", 1, "报告页面中不能使用 HTML 标签“<style>”（样式"),
    ('<p style="background-image:url(https://203.0.113.9/a.png)">伪造段落</p>', 1, "报告页面中不能使用 HTML 标签“<p>”"),
    ("<svg><image href=http://203.0.113.9/a.png /></svg>", 1, "报告页面中不能使用 HTML 标签“<svg>”"),
    ("<input type=image src=http://203.0.113.9/a.png>", 1, "报告页面中不能使用 HTML 标签“<input>”"),
    ('<a href="javascript:alert(1)">点此</a>', 1, "报告页面中不能使用 HTML 标签“<a>”"),
    ("<div markdown=1>隐藏</div>", 1, "报告页面中不能使用 HTML 标签“<div>”"),
    ("<details><summary>x</summary></details>", 1, "报告页面中不能使用 HTML 标签“<details>”"),
    ("<object data=x.swf></object>", 1, "报告页面中不能使用 HTML 标签“<object>”"),
    ("<embed src=x>", 1, "报告页面中不能使用 HTML 标签“<embed>”"),
    ("<link rel=stylesheet href=http://203.0.113.9/a.css>", 1, "报告页面中不能使用 HTML 标签“<link>”"),
    ("<meta http-equiv=refresh content=0;url=http://203.0.113.9>", 1, "报告页面中不能使用 HTML 标签“<meta>”"),
    ("<form action=http://203.0.113.9><button>提交</button></form>", 1, "报告页面中不能使用 HTML 标签“<form>”"),
    ("<base href=http://203.0.113.9/>", 1, "报告页面中不能使用 HTML 标签“<base>”"),
    ("文字</span>", 3, "报告页面中不能使用 HTML 标签“</span>”"),
    ("反斜杠不算转义：\\<script>alert(1)\\</script>", 10, "报告页面中不能使用 HTML 标签“<script>”"),
    ("<!DOCTYPE html>", 1, "报告页面中不能有 HTML 声明或指令"),
    ("<?php echo 1; ?>", 1, "报告页面中不能有 HTML 声明或指令"),
    ("<![CDATA[x]]>", 1, "报告页面中不能有 HTML 声明或指令"),
    ("正文 <!-- 隐藏 --> 正文", 4, "注释必须单独占一行"),
    ("<!-- 多行注释的开头", 1, "注释必须单独占一行"),
    ("<http://203.0.113.9/>", 1, "报告页面中不能有指向其他网站或邮箱的链接"),
    ("<javascript:alert(1)>", 1, "报告页面中不能有指向其他网站或邮箱的链接"),
    ("<someone@example.invalid>", 1, "报告页面中不能有指向其他网站或邮箱的链接"),
    ("[点此](javascript:alert(1))", 6, "报告页面中不能有“javascript:”链接"),
    ("[点此](JavaScript:alert(1))", 6, "报告页面中不能有“JavaScript:”链接"),
    ("[点此](data:text/html;base64,PHNjcmlwdD4=)", 6, "报告页面中不能有“data:”链接"),
    ("[点此](vbscript:msgbox)", 6, "报告页面中不能有“vbscript:”链接"),
    ("[官网](https://203.0.113.9/)", 6, "报告页面中不能链接到其他网站“https://203.0.113.9/”"),
    ("[官网](http://203.0.113.9/)", 6, "报告页面中不能链接到其他网站"),
    ("[官网](//203.0.113.9/a)", 6, "报告页面中不能链接到其他网站"),
    ("[官网]( <https://203.0.113.9/> )", 8, "报告页面中不能链接到其他网站"),
    ("[官网][1]", None, None),  # the reference below carries the problem
    ("[1]: https://203.0.113.9/", 6, "报告页面中不能链接到其他网站"),
    ("[x]: javascript:alert(1)", 6, "报告页面中不能有“javascript:”链接"),
    ("![图](../assets/a.png)", 1, "报告页面中不能插入图片"),
    ("![图](http://203.0.113.9/a.png)", 1, "报告页面中不能插入图片"),
    ("## （一）标题 {: onclick=\"alert(1)\" }", 10, "报告页面中不能使用属性写法"),
    ("## （一）标题 {#s9}", 10, "报告页面中不能使用属性写法“{#s9}”"),
    ("正文。{: style=\"display:none\" }", 4, "报告页面中不能使用属性写法"),
    ("{.hidden}", 1, "报告页面中不能使用属性写法"),
    ("```html", 1, "报告页面中不能有代码块"),
    ("~~~", 1, "报告页面中不能有代码块"),
    ("    缩进的段落", 1, "行首有 4 个或更多空格"),
    ("\t缩进的段落", 1, "行首有 4 个或更多空格"),
]


def problems(*lines, first_line=1):
    return [(p.line, p.column, p.message) for p in page_markup.check_page(list(lines), FILE, first_line)]


@pytest.mark.parametrize("text,column,message", [r for r in REFUSED if r[1]], ids=lambda v: v if isinstance(v, str) else None)
def test_hostile_line_is_refused_where_it_starts(text, column, message):
    found = problems("正文第一段。", "", text, first_line=10)
    assert found, text
    line, col, msg = found[0]
    assert (line, col) == (12, column) and msg.startswith(message), found


ALLOWED = [
    "1.成立了由主任为组长的领导小组，四名科级干部为成员。",
    "## （一）提高认识，切实加强组织领导。",
    "# 一、推进法治政府建设的主要举措和成效",
    "<!-- year:studies -->",
    "<!-- 在此处填写导语（报告开头的一段文字） -->",
    "见[上年报告](../2022/measures.md#s1-2)。",
    "[本段](#s1-2)",
    "原文写作 &lt;script&gt; 的文字，以及 a &lt; b。",
    "数值 3<5 与 5>3 只是文字。",
    "电子邮箱地址写成文字 someone＠example。",
    "**加粗**与*强调*。",
    "2.  条目之后的两个空格不算缩进。",
]


@pytest.mark.parametrize("text", ALLOWED)
def test_report_text_passes(text):
    assert problems(text) == []


def test_fenced_block_is_reported_once_and_its_lines_are_not_scanned():
    found = problems("```", "<script>alert(1)</script>", "```", "正文")
    assert found == [(1, 1, "报告页面中不能有代码块（``` 或 ~~~）")]


def test_indented_continuation_of_a_paragraph_is_not_a_code_block():
    assert problems("第一行", "    续行") == []


def test_every_problem_carries_the_rule_id_and_a_hint():
    found = page_markup.check_page(["<b>x</b> ![a](b)"], FILE)
    assert len(found) == 3
    assert {p.rule for p in found} == {page_markup.ID}
    assert all(p.hint for p in found)


def test_conflict_markers_are_reported_on_each_of_their_lines():
    found = problems("1.甲", "<<<<<<< HEAD", "1.乙", "=======", "1.丙", ">>>>>>> branch", "=======")
    assert found == [(2, 1, "页面中有未解决的合并冲突标记"), (4, 1, "页面中有未解决的合并冲突标记"),
                     (6, 1, "页面中有未解决的合并冲突标记")]


def test_unterminated_front_matter_is_one_error_at_line_1():
    from reports.checks.project import Project

    project = Project(pages=(("docs/2023/plans.md", "---\ntitle: 安排\n\n# 四、安排\n"),
                             ("docs/index.md", "---\ntitle: 首页\n---\n\n<!-- site:home -->\n")))
    found = [(p.file, p.line, p.message) for p in page_markup.check(None, project)]
    assert found == [("docs/2023/plans.md", 1, "页面开头的 front matter（--- 与 --- 之间的设置）没有结束")]
