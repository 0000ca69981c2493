"""Report pages are text: no HTML, no images, no links to other hosts.

Python-Markdown passes raw HTML straight through, and ``attr_list`` turns
``{: onclick=…}`` into attributes, so a page could carry a script, an
external image or a style that hides a paragraph -- and a published report
is a public record that readers trust.  Pages therefore accept Markdown
text and the project's markers only.  This rule finds everything else, with
the line and column, so that ``make check`` (and so CI and the build)
refuses it before anything is published.

Allowed: text, ``#`` headings, emphasis, relative links (``[词](../2022/
measures.md#s1)``), marker lines (``<!-- year:figures -->``) and editor
notes that are one whole-line comment (``<!-- 在此处填写导语 -->``).  A
``<`` that is part of the report's text is written ``&lt;`` (a backslash
does not keep Python-Markdown from reading a tag), which is how the importer
keeps imported text inert; the renderer prints raw HTML as text in any case
(``render.text_only``).
"""

from __future__ import annotations

import re

from reports.model import markers
from reports.model import report_text
from reports.source import conflicts
from reports.source.problems import Problem

ID = "page-markup"
DESCRIPTION = "页面只能是文字和标记：不能有 HTML、图片、代码块或指向其他网站的链接"

# The opening or closing line of a code block.
FENCE = re.compile(r"^ {0,3}(```|~~~)")
# An editor's note: one comment filling its line, with no ``--`` inside.
WHOLE_COMMENT = re.compile(r"^\s*<!--(?:(?!--).)*-->\s*$")
# <tag or </tag (a backslash before it does not stop Python-Markdown).
TAG = re.compile(r"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)")
# <https://…>, <mailto:…> or <someone@host>.
AUTOLINK = re.compile(r"<(?P<url>[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
# [words](url) and ![image](url), the URL without its optional <>.
LINK = re.compile(r"(?<!\\)(?P<image>!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?(?P<url>[^)\s>]*)")
# A reference definition: [name]: url.
REFERENCE = re.compile(r"^ {0,3}\[(?:[^\]\\]|\\.)+\]:\s*<?(?P<url>\S*?)>?(?:\s|$)")
# The scheme of a URL (https:, javascript:, data:).
SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):")

TAG_HINTS = {
    "script": "脚本会在每位读者的浏览器中运行",
    "style": "样式可以隐藏或改变正文",
    "iframe": "框架会嵌入其他网页",
    "img": "图片会从别处加载",
}
ESCAPE_HINT = "如果这是报告原文中的文字，请把“<”写成“&lt;”；否则请删除。"

# What is refused wherever it stands in a line: (pattern, message, hint);
# ``{0}`` in the message is what was found.  Tags and links, whose messages
# depend on what they name, are checked on their own below.
REFUSED = (
    (re.compile(r"<!--"), "注释必须单独占一行，且在同一行内结束（<!-- … -->）",
     "注释中的文字读者看不到；正文请不要写在注释里。"),
    (re.compile(r"<[!?](?!--)"), "报告页面中不能有 HTML 声明或指令（<! 或 <?）", ESCAPE_HINT),
    (re.compile(r"(?<!\\)\{\s*[:#.][^}]*\}"), "报告页面中不能使用属性写法“{0}”",
     "段落和标题的位置编号由网站自动生成；请删除花括号中的内容。"),
)


def check_page(lines, file: str, first_line: int = 1) -> list:
    """Problems in one page's body lines (``first_line`` = file line of ``lines[0]``)."""
    problems = []

    def add(index, column, message, hint):
        problems.append(Problem(file, first_line + index, column + 1, message, hint, rule=ID))

    in_fence = False
    previous_blank = True
    conflict = set(conflicts.marker_lines(lines))
    for index, line in enumerate(lines):
        if index in conflict:
            add(index, 0, "页面中有未解决的合并冲突标记", conflicts.HINT)
            continue
        if FENCE.match(line):
            if not in_fence:
                add(index, 0, "报告页面中不能有代码块（``` 或 ~~~）",
                    "报告正文按原文录入为文字；请删除这一行和与之配对的结束行。")
            in_fence = not in_fence
            previous_blank = False
            continue
        if in_fence:
            continue
        blank = not line.strip()
        if markers.MARKER.match(line) or WHOLE_COMMENT.match(line):
            previous_blank = blank
            continue
        if not blank and previous_blank and re.match(r"^(?: {4}|\t)", line):
            add(index, 0, "行首有 4 个或更多空格（或制表符），这一段会显示成代码块",
                "请删除行首的空格：段落从行首写起。")
        previous_blank = blank
        for pattern, message, hint in REFUSED:
            for m in pattern.finditer(line):
                add(index, m.start(), message.format(m.group(0)), hint)
        for m in TAG.finditer(line):
            name = m.group("name").lower()
            why = TAG_HINTS.get(name, "HTML 会改变页面的显示或行为")
            add(index, m.start(), f"报告页面中不能使用 HTML 标签“<{m.group('close')}{m.group('name')}>”（{why}）",
                ESCAPE_HINT)
        links = [m.span("url") for m in LINK.finditer(line)]
        for m in AUTOLINK.finditer(line):
            if any(start <= m.start() + 1 <= end for start, end in links):
                continue  # [词](<url>): reported with the link below
            add(index, m.start(), f"报告页面中不能有指向其他网站或邮箱的链接“{m.group('url')}”",
                "请只链接本网站内的页面，例如 [正文](../2022/measures.md)；如果这是原文中的文字，请把“<”写成“&lt;”。")
        for m in LINK.finditer(line):
            if m.group("image"):
                add(index, m.start(), "报告页面中不能插入图片",
                    "图片会从别处加载且不是报告的文字；请删除。")
                continue
            problems += _url_problems(m.group("url"), file, first_line + index, m.start("url") + 1)
        m = REFERENCE.match(line)
        if m:
            problems += _url_problems(m.group("url"), file, first_line + index, m.start("url") + 1)
    return problems


def _url_problems(url: str, file: str, line: int, column: int) -> list:
    scheme = SCHEME.match(url)
    if scheme and scheme.group("scheme").lower() in ("javascript", "vbscript", "data"):
        return [Problem(file, line, column, f"报告页面中不能有“{scheme.group('scheme')}:”链接",
                        "这种链接会在读者的浏览器中运行代码或嵌入内容；请删除。", rule=ID)]
    if scheme or url.startswith("//") or url.startswith("\\\\"):
        return [Problem(file, line, column, f"报告页面中不能链接到其他网站“{url}”",
                        "内网读者打不开其他网站；请只链接本网站内的页面，例如 ../2022/measures.md。", rule=ID)]
    return []


def check(archive, project) -> list:
    problems = []
    for file, text in project.pages:
        if text is None:
            continue
        body, first_line = report_text.body_of(text)
        if first_line == 1 and re.match(r"^---[ \t]*$", text.split("\n", 1)[0]):
            problems.append(Problem(file, 1, 1, "页面开头的 front matter（--- 与 --- 之间的设置）没有结束",
                                    "请在设置的最后一行之后另起一行写 ---；否则这些设置会作为正文显示出来。", rule=ID))
            continue
        problems += check_page(body.split("\n"), file, first_line)
    return problems
