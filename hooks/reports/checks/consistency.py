"""Data and prose cannot drift: cross-checks between a year's YAML and text.

Each entry that summarises the report names its paragraph (``at``) and the
exact words (``quote``).  These checks prove that the paragraph exists, that
the words are in it, that a figure's number is the one the words state, that
referenced catalogue entries exist and are the ones the words name, and that
every 《title》 in the text is in the catalogue.  A mismatch names both places:
the data entry (file:line) and the paragraph (file:line) in the hint.
"""

from __future__ import annotations

import re

from reports.model import parts
from reports.model import report_text
from reports.source.problems import Problem, WARNING
from reports.model.report_text import squash
from reports.model.schema import nearest

TITLE = re.compile(r"《([^《》\n]+)》")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
CN_NUMBER = re.compile(rf"[{report_text.NUMERALS}两]+")


def check_archive(archive) -> list:
    problems = []
    for year in archive.years:
        problems += check_year(year, archive.catalog)
    return problems


def check_year(year, catalog) -> list:
    problems = []
    data, located = year.meta, year.located

    def locate(entry):
        """The paragraph an entry points at, or a problem about ``at``."""
        page, block = year.block(entry.at)
        if block is None:
            problems.append(located.problem(
                entry._path + ("at",), f"{year.year} 年的报告中没有位置为“{entry.at}”的段落",
                f"最接近的位置有：{nearest(entry.at, year.anchors)}。"
                "段落位置见页面上段落的链接（如 …/measures/#s1-2-3 中的 s1-2-3）。"))
        return page, block

    def quoted(entry, page, block) -> bool:
        if squash(entry.quote) in squash(block.text):
            return True
        problems.append(located.problem(
            entry._path + ("quote",), f"引文“{entry.quote}”不在所指段落 {entry.at} 中",
            f"段落在 {page.file}:{block.line}。引文必须与原文一字不差（包括标点）；"
            "如果原文已改，请同步修改此处。"))
        return False

    for figure in data.figures:
        page, block = locate(figure)
        if block is not None and quoted(figure, page, block):
            if figure.value not in numbers_in(figure.quote):
                problems.append(located.problem(
                    figure._path + ("value",),
                    f"数值 {number_text(figure.value)} 与引文“{figure.quote}”中的数字不一致",
                    f"原文在 {page.file}:{block.line}。请核对数值，或改正引文。"))

    def reference_with_wrong_quote(entry, field, known, what, file, unknown_hint):
        """Report an unknown catalogue id; return the catalogue entry when the
        quote does not use any of its names (the caller words that problem)."""
        target = known.get(getattr(entry, field))
        if target is None:
            problems.append(located.problem(
                entry._path + (field,), f"{what}目录中没有编号“{getattr(entry, field)}”",
                f"最接近的编号有：{nearest(getattr(entry, field), known)}；{unknown_hint}请先添加到 {file}。"))
        page, block = locate(entry)
        if block is not None and quoted(entry, page, block) and target is not None \
                and not any(name in entry.quote for name in target.names):
            return target
        return None

    for study in data.studies:
        document = reference_with_wrong_quote(study, "document", catalog.documents, "学习文件",
                                              catalog.documents_file, "新文件")
        if document is not None:
            problems.append(located.problem(
                study._path + ("quote",), f"引文“{study.quote}”中没有出现“{document.label}”的任何名称",
                f"“{document.id}”的名称有：{'、'.join(document.names)}。请核对 document 或引文。"))

    for event in data.campaigns:
        campaign = reference_with_wrong_quote(event, "campaign", catalog.campaigns, "宣传节点",
                                              catalog.campaigns_file, "新节点")
        if campaign is not None:
            problems.append(located.problem(
                event._path + ("quote",), f"引文“{event.quote}”中没有出现“{campaign.name}”的任何写法",
                f"“{campaign.id}”的写法有：{'、'.join(campaign.names)}；"
                "如果原文用了新的写法，请把它加到该节点的 aliases 中。"))

    for action in data.actions:
        for index, document_id in enumerate(action.documents):
            if document_id not in catalog.documents:
                problems.append(located.problem(
                    action._path + ("documents", index), f"学习文件目录中没有编号“{document_id}”",
                    f"最接近的编号有：{nearest(document_id, catalog.documents)}。"))
        if action.date.year != year.year:
            problems.append(located.problem(
                action._path + ("date",), f"日期 {action.date} 不在 {year.year} 年内",
                "请核对年份。", level=WARNING))
        page, block = locate(action)
        if block is not None:
            quoted(action, page, block)

    for entry in data.shortcomings + data.plans:
        locate(entry)

    problems += check_versions(year)
    for erratum in data.errata:
        page, block = locate(erratum)
        if block is not None and squash(erratum.original) not in squash(block.text):
            problems.append(located.problem(
                erratum._path + ("original",), f"勘误的原文“{erratum.original}”不在段落 {erratum.at} 中",
                f"段落在 {page.file}:{block.line}。original 必须照抄原文中有误的原话。"))
        if data.current_version is not None and erratum.version > data.current_version:
            problems.append(located.problem(
                erratum._path + ("version",), f"勘误记在第 {erratum.version} 版，但 versions 中没有这一版",
                "请先在 versions 中新增这一版。"))

    problems += titles_in_catalog(year, catalog)
    problems += required_parts(year)
    return problems


def required_parts(year) -> list:
    """The regulations ask for every part; a missing one is worth a warning
    (old reports did not always have them, so it cannot be an error)."""
    problems = []
    for number, kind in enumerate(parts.PARTS, 1):
        if kind.slug not in year.pages:
            problems.append(Problem(
                f"docs/{year.year}/{kind.slug}.md", 1, 1,
                f"{year.year} 年的报告缺少第{report_text.cn_numeral(number)}部分“{kind.short_title}”",
                "《法治政府建设与责任落实督察工作规定》要求年度报告包含这一部分。如果原文确实没有，可忽略此警告；"
                f"否则请新建 docs/{year.year}/{kind.slug}.md。", level=WARNING))
    return problems


def check_versions(year) -> list:
    """Versions are numbered 1, 2, 3 … in order, with dates that do not go back."""
    problems = []
    previous = None
    for index, version in enumerate(year.meta.versions):
        if version.version != index + 1:
            problems.append(year.located.problem(
                version._path + ("version",), f"版本号应为 {index + 1}，实际是 {version.version}",
                "版本从 1 开始按顺序编号，新版本加在列表末尾。"))
        if previous is not None and version.date < previous.date:
            problems.append(year.located.problem(
                version._path + ("date",), f"第 {version.version} 版的日期早于上一版（{previous.date}）",
                "请核对日期。"))
        previous = version
    return problems


def titles_in_catalog(year, catalog) -> list:
    """Every 《title》 in the year's text must be a catalogue name."""
    problems = []
    for page in year.pages.values():
        if page.slug == "full":
            continue
        for block in page.blocks:
            for m in TITLE.finditer(block.text):
                title = m.group(1)
                if catalog.document_by_name(title) is not None:
                    continue
                before = block.text[:m.start()]
                line = block.line + before.count("\n")
                column = m.start() - (before.rfind("\n") + 1) + 1
                if "\n" not in before:
                    column += block.column - 1
                names = [n for d in catalog.documents.values() for n in d.names]
                problems.append(Problem(
                    page.file, line, column,
                    f"《{title}》不在学习文件目录中",
                    f"请在 {catalog.documents_file} 中添加这个文件（或把这种写法加到已有条目的 aliases 中）。"
                    f"相近的名称：{nearest(title, names)}。"))
    return problems


def numbers_in(text: str) -> set:
    """Numbers a phrase states, in Arabic or Chinese numerals (六名 -> 6)."""
    values = {float(n) for n in NUMBER.findall(text)}
    for word in CN_NUMBER.findall(text):
        try:
            values.add(float(report_text.cn_number(word.replace("两", "二"))))
        except ValueError:
            pass
    return values


def number_text(value) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
