"""Import an old report: ``make import FILE=2022年报告.docx YEAR=2022``.

Turns a report published before this archive existed -- a ``.txt`` file
(UTF-8, or GB18030 from old Windows machines) or a Word ``.docx`` -- into the
year's pages and a draft data file, the way an editor would type them in:

* ``read_source`` reads the file into lines;
* ``parse_report`` (a pure function of the lines) recognises the title, an
  optional addressee line, the preamble, the parts 一、 with their sections
  （一） and items 1., and drops page furniture (索引号, page numbers ...);
* ``plan_import`` computes every file -- the pages with the text *verbatim*
  (only whitespace at line ends and blank lines change), the markers
  ``make new-year`` uses, and ``data/years/<year>.yml`` with studies and
  figures proposed from the text at the anchors ``report_text`` gives -- and
  checks them, without touching the disk;
* ``main`` is the command line: it never overwrites, and writes nothing when
  anything is wrong.

What needs a person (who did what on a date, labels of figures, titles not in
the catalogue, parts that fit none of the four required ones) is listed in
the output, never invented.
"""

from __future__ import annotations

import codecs
import collections
import dataclasses
import pathlib
import re

from reports.checks import consistency
from reports.checks.followups import one_line
from reports.checks.followups import previous_year
from reports.commands import PROJECT_ROOT
from reports.commands import cli
from reports.commands import year_files
from reports.commands.cli import numbered
from reports.commands.cli import refusal
from reports.commands.year_files import INDEX_MARKERS, home_markers, marker_line, part_markers
from reports.commands.year_files import write
from reports.model import archive as archive_module
from reports.model import parts
from reports.model import report_text
from reports.source.problems import Problem


# --- Reading ------------------------------------------------------------------

EXTENSIONS = (".txt", ".docx")


@dataclasses.dataclass
class Source:
    """The file's text as lines, and how it was read."""

    name: str
    lines: list
    encoding: str  # as told to the editor
    note: str = ""  # said in the output when the reading needs checking


def read_source(path):
    """Read ``path`` (``.txt`` or ``.docx``): ``(Source | None, problems)``."""
    path = pathlib.Path(path)
    suffix = path.suffix.lower()
    if not path.exists():
        return None, [refusal(f"找不到要导入的文件“{path}”",
                              "请检查文件名和所在目录；文件名中有空格时，用引号括起来：FILE=\"…\"。")]
    if not path.is_file():
        return None, [refusal(f"“{path}”不是文件", "请指定要导入的 .txt 或 .docx 文件。")]
    if suffix not in EXTENSIONS:
        hint = {".doc": "旧版 Word 文件（.doc）请先用 Word 或 WPS 打开，另存为 .docx 后再导入。",
                ".wps": "WPS 文件请先另存为 .docx 后再导入。",
                ".pdf": "PDF 文件请先用 Word 或 WPS 转为 .docx，或把正文复制到记事本中保存为 .txt（UTF-8）。",
                }.get(suffix, "请把报告另存为 .docx，或把正文复制到记事本中保存为 .txt（UTF-8）。")
        return None, [refusal(f"不能导入“{path.name}”：只能导入 .txt 或 .docx 文件", hint)]
    if suffix == ".docx":
        return read_docx(path)
    return decode_text(path.read_bytes(), path.name)


def decode_text(data: bytes, name: str = ""):
    """Text file bytes as lines: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            pass
        else:
            return Source(name, text.splitlines(), "UTF-16",
                          "文件是 UTF-16 编码（记事本的“Unicode”），已按 UTF-16 读取。"), []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            line = data[:exc.start].count(b"\n") + 1
            return None, [refusal(f"“{name}”第 {line} 行的文字无法识别：文件既不是 UTF-8 编码，"
                                  "也不是 GB18030（GBK）编码",
                                  "请用记事本或 WPS 打开，另存为“UTF-8”编码后再导入。")]
        return Source(name, text.splitlines(), "GB18030",
                      "文件不是 UTF-8 编码，已按 GB18030（GBK，旧版 Windows 的中文编码）读取；"
                      "请在网页上核对文字是否正确。"), []
    encoding = "UTF-8（带 BOM）" if data.startswith(codecs.BOM_UTF8) else "UTF-8"
    return Source(name, text.splitlines(), encoding), []


def read_docx(path: pathlib.Path):
    """The body paragraphs of a Word document in order (tables are left out);
    a line break inside a paragraph starts a new line."""
    try:
        import docx  # python-docx
    except ImportError:  # pragma: no cover - it is in requirements.txt
        return None, [refusal("读取 .docx 需要 python-docx，但没有安装",
                              "请运行 make import（它会按 requirements.txt 安装），或把正文另存为 .txt。")]
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a bad file
        return None, [refusal(f"无法读取“{path.name}”：它不是有效的 .docx 文件（{type(exc).__name__}）",
                              "请用 Word 或 WPS 打开后重新“另存为” .docx，或把正文复制到记事本中保存为 .txt。")]
    lines = []
    for paragraph in document.paragraphs:
        lines += paragraph.text.split("\n") if paragraph.text else [""]
    return Source(path.name, lines, "Word 文档（.docx）"), []



# --- Recognising the structure ------------------------------------------------

NUMERALS = report_text.NUMERALS
PART_HEADING = re.compile(rf"^(?P<num>[{NUMERALS}]+)、")
# （一） (一) （一) … with or without spaces inside and after the brackets.
SECTION_HEADING = re.compile(rf"^(?P<open>[（(])\s*(?P<num>[{NUMERALS}]+)\s*(?P<close>[）)])")
ITEM = report_text.ITEM_NUMBER  # 1. 1、 1． -- what the pages' anchors count as items
# "1. text" would be a Markdown list (the number would vanish from the page).
ITEM_LIST_SPACE = re.compile(r"^(?P<num>\d+\.)[ \t]+")
INLINE_ITEMS = re.compile(r"一是.*?二是", re.S)
# A short line ending with a full-width colon before the preamble: 区委、区政府：
ADDRESSEE_MAX = 40

# Lines of the web page or the printed document around the report, not its text.
FURNITURE = (
    re.compile(r"^(?:索引号|发布日期|发布时间|发布机构|发文机关|来源|信息来源|字号|文号|发文字号|成文日期"
               r"|主题分类|浏览次数|点击数|访问次数)\s*[：:]"),
    re.compile(r"^(?:[【\[]\s*(?:打印(?:本页)?|关闭(?:窗口|本页)?|返回顶部|收藏|分享|字体[：:]?[\s大中小]*"
               r"|[大中小])\s*[】\]]\s*)+$"),
    re.compile(r"^[-—–－―]+\s*\d+\s*[-—–－―]+$"),  # — 3 —  -3-
    re.compile(r"^第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?$"),
)


@dataclasses.dataclass(frozen=True)
class Unit:
    """One heading or paragraph as it will be written (text verbatim)."""

    kind: str  # "section", "item", "paragraph"
    text: str
    line: int  # 1-based line in the source


@dataclasses.dataclass
class Part:
    number: int
    heading: str
    line: int
    slug: str | None  # the slug of one of parts.PARTS, None when not placed
    units: list = dataclasses.field(default_factory=list)
    reason: str = ""  # why it was not placed

    def count(self, kind: str) -> int:
        return sum(unit.kind == kind for unit in self.units)


@dataclasses.dataclass
class ParsedReport:
    title: str = ""
    title_line: int = 0
    addressee: str | None = None
    addressee_line: int = 0
    preamble: list = dataclasses.field(default_factory=list)  # Units
    parts: list = dataclasses.field(default_factory=list)  # Parts, in source order
    dropped: list = dataclasses.field(default_factory=list)  # (line, text) of page furniture
    notes: list = dataclasses.field(default_factory=list)  # (line, what was noticed or changed)
    inline_items: list = dataclasses.field(default_factory=list)  # lines with 一是……二是……

    @property
    def placed(self) -> list:
        return [part for part in self.parts if part.slug]

    @property
    def unplaced(self) -> list:
        return [part for part in self.parts if not part.slug]

    def count(self, kind: str) -> int:
        return sum(part.count(kind) for part in self.parts)

    def outline(self) -> list:
        """The recognised structure as tuples, in source order (for tests and reading)."""
        out = [("title", self.title)]
        if self.addressee is not None:
            out.append(("addressee", self.addressee))
        out += [("preamble", unit.text) for unit in self.preamble]
        for part in self.parts:
            out.append(("part", part.slug, part.heading))
            out += [(unit.kind, unit.text) for unit in part.units]
        return out


def is_furniture(text: str) -> bool:
    return any(pattern.match(text) for pattern in FURNITURE)


def is_addressee(text: str) -> bool:
    """区委、区政府： -- short, ends with a full-width colon, not a sentence (……报告如下：)."""
    return len(text) <= ADDRESSEE_MAX and text.endswith("：") and not any(c in text for c in "，。；") \
        and "如下" not in text and not SECTION_HEADING.match(text) and not ITEM.match(text)


def classify(heading: str):
    """The slug of the required part a part heading is (``parts.PARTS``
    keywords, first match wins), or None."""
    for kind in parts.PARTS:
        if any(word in heading for word in kind.keywords):
            return kind.slug
    return None


def _numeral(match):
    try:
        return report_text.cn_number(match.group("num"))
    except ValueError:
        return None


def split_heading(text: str):
    """A section heading that runs into its first sentence: split after the first 。."""
    end = text.find("。")
    if end < 0 or not text[end + 1:].strip():
        return text, ""
    return text[:end + 1], text[end + 1:].strip()


def _body_unit(text: str, line: int, notes: list) -> Unit:
    m = ITEM_LIST_SPACE.match(text)
    if m:
        notes.append((line, f"删去了编号“{m.group('num')}”后的空格（否则网页会把它显示成自动编号的列表，"
                            "编号本身会消失）"))
        text = m.group("num") + text[m.end():]
    return Unit("item" if ITEM.match(text) else "paragraph", text, line)


def parse_report(lines) -> ParsedReport:
    """Recognise the structure of a report given as lines of text (pure)."""
    report = ParsedReport()
    part = None
    section = 0  # last （） number in the current part
    previous_section = 0  # last （） number of the part before
    skipped_noted = set()
    for line, raw in enumerate(lines, 1):
        text = raw.strip()
        if not text:
            continue
        if is_furniture(text):
            report.dropped.append((line, text))
            continue
        if not report.title:
            report.title, report.title_line = text, line
            continue
        pm = PART_HEADING.match(text)
        if pm and _numeral(pm) is not None:
            previous_section = section if part is not None else 0
            section = 0
            part = Part(_numeral(pm), text, line, classify(text))
            report.parts.append(part)
            continue
        if part is None:
            if report.addressee is None and not report.preamble and is_addressee(text):
                report.addressee, report.addressee_line = text, line
            else:
                report.preamble.append(_body_unit(text, line, report.notes))
            continue
        sm = SECTION_HEADING.match(text)
        number = _numeral(sm) if sm else None
        if number is not None:
            if sm.group("open") == "(" or sm.group("close") == ")":
                report.notes.append((line, f"小标题“{sm.group(0)}”用的是半角括号，已原样保留；"
                                           "网站只把全角括号“（一）”识别为编号，这个标题不会有位置编号"))
            if number != section + 1:
                if section == 0 and number == previous_section + 1:
                    report.notes.append((line, f"（{sm.group('num')}）接续上一部分的编号，已原样保留"))
                else:
                    report.notes.append((line, f"（{sm.group('num')}）的编号不连续（上一个是第 {section} 个），"
                                               "已原样保留"))
            section = number
            heading, rest = split_heading(text)
            part.units.append(Unit("section", heading, line))
            if rest:
                report.notes.append((line, "小标题后直接接着正文，已在第一个“。”之后分为标题和段落"))
                part.units.append(_body_unit(rest, line, report.notes))
            continue
        unit = _body_unit(text, line, report.notes)
        if unit.kind == "item" and section == 0 and part.number not in skipped_noted:
            skipped_noted.add(part.number)
            report.notes.append((line, f"第{report_text.cn_numeral(part.number)}部分的编号条目直接在部分标题之下"
                                       "（没有“（一）”式的小标题），已原样保留"))
        part.units.append(unit)
    for unit in report.preamble + [u for p in report.parts for u in p.units]:
        if unit.kind != "section" and INLINE_ITEMS.search(unit.text):
            report.inline_items.append(unit.line)
    _place(report)
    return report


def _place(report: ParsedReport) -> None:
    """A part whose kind is taken by an earlier part is not placed either."""
    seen = {}
    for part in report.parts:
        if part.slug is None:
            part.reason = f"标题中没有{''.join(f'“{k.keywords_hint}”' for k in parts.PARTS)}等字样"
        elif part.slug in seen:
            first = seen[part.slug]
            part.reason = (f"与第{report_text.cn_numeral(first.number)}部分同属"
                           f"“{parts.by_slug(part.slug).short_title}”")
            part.slug = None
        else:
            seen[part.slug] = part



# --- The pages ----------------------------------------------------------------

# A paragraph that starts like Markdown block syntax is escaped (the backslash
# is not shown on the page): - + * lists, > quotes, # headings, rules.
MARKDOWN_START = re.compile(r"^(?:[-+*][ \t]|>|#|[-*_](?:[ \t]*[-*_]){2,}[ \t]*$)")


def markdown_line(text: str) -> str:
    return "\\" + text if MARKDOWN_START.match(text) else text


@dataclasses.dataclass
class Pages:
    texts: dict  # page file -> Markdown: index.md, then the part pages in official order
    where: list  # (unit, page file, line) of the title and every unit of the source
    placements: list  # (Part, page file), in source order
    missing: list  # PartKinds the text lacks


class _PageText:
    """A page being written one line per heading, paragraph or marker,
    separated by blank lines; remembers the line of each unit."""

    def __init__(self, rel: str, where: list):
        self.rel, self.where, self.chunks = rel, where, []
        self.markers = []  # marker lines, added after the page's own part
        self.after = []  # parts that could not be placed, added at the end

    def add(self, text: str, unit=None) -> None:
        if unit is not None:
            self.where.append((unit, self.rel, 2 * len(self.chunks) + 1))
        self.chunks.append(text)

    def add_part(self, part: Part) -> None:
        self.add(f"# {part.heading}", part)
        for unit in part.units:
            self.add(f"## {unit.text}" if unit.kind == "section" else markdown_line(unit.text), unit)

    def text(self) -> str:
        return "\n\n".join(self.chunks) + "\n"


def build_pages(report: ParsedReport, template, year: int) -> Pages:
    """The Markdown of index.md and the part pages of ``year``, with the
    markers of ``template`` (an archive Year, or None for the defaults)."""
    docs_dir = f"docs/{year}"
    where = []
    index = _PageText(f"{docs_dir}/index.md", where)
    index.add(f"# {report.title}", Unit("title", report.title, report.title_line))
    meta, *rest = INDEX_MARKERS
    index.add(marker_line(meta))
    if report.addressee is not None:
        index.add(markdown_line(report.addressee), Unit("paragraph", report.addressee, report.addressee_line))
    for unit in report.preamble:
        index.add(markdown_line(unit.text), unit)
    for name in rest:
        index.add(marker_line(name))
    for name, args in home_markers(template):
        index.add(marker_line(name, args))

    part_pages = {}
    page_of_part = []
    current = index
    for part in report.parts:
        if part.slug:
            kind = parts.by_slug(part.slug)
            current = part_pages[part.slug] = _PageText(f"{docs_dir}/{part.slug}.md", where)
            current.add_part(part)
            current.markers = [marker_line(name, args) for name, args in part_markers(template, kind)]
        else:
            current.after.append(part)
        page_of_part.append((part, current.rel))
    # Markers follow the page's own part; parts that could not be placed follow them.
    texts = {}
    for page in [index] + [part_pages[k.slug] for k in parts.PARTS if k.slug in part_pages]:
        for line in page.markers:
            page.add(line)
        for part in page.after:
            page.add(f"<!-- 以下第{report_text.cn_numeral(part.number)}部分（原文第 {part.line} 行起）"
                     f"未能归类到规定的{report_text.cn_numeral(len(parts.PARTS))}个部分之一，"
                     "原样放在这里，请核实应放在哪个页面 -->")
            page.add_part(part)
        texts[page.rel] = page.text()
    missing = [kind for kind in parts.PARTS if kind.slug not in part_pages]
    return Pages(texts, where, page_of_part, missing)


def read_page(year: int, rel: str, text: str):
    """The page as the archive will read it: ``(archive.Page, report_text problems)``."""
    front, body = report_text.split_front_matter(text)
    first_line = front.count("\n") + 1
    blocks, found = report_text.parse_blocks(body, first_line)
    slug = rel.rsplit("/", 1)[1][:-3]
    return archive_module.Page(f"{year}/{slug}.md", rel, slug, text, body, first_line, blocks), found



# --- Proposing data -----------------------------------------------------------

NUMERALS = report_text.NUMERALS
# Proposed figures: a count, in Arabic or Chinese numerals, and its unit.
COUNT_UNITS = "人名项次件场期"
COUNT = re.compile(
    rf"(?<![第\d.．])(?P<arabic>\d+(?:\.\d+)?)(?P<unit>[{COUNT_UNITS}])"
    rf"|(?<![第{NUMERALS}两零百千万几])(?P<chinese>[{NUMERALS}两]+)(?P<cn_unit>[{COUNT_UNITS}])")
DATE = re.compile(rf"(?:\d{{4}}年)?(?:\d{{1,2}}|[{NUMERALS}]{{1,3}})月(?:\d{{1,2}}|[{NUMERALS}]{{1,3}})日")


@dataclasses.dataclass
class Proposal:
    """One entry proposed for the data file, found in a paragraph."""

    kind: str  # "figure", "study"
    at: str
    quote: str
    file: str
    line: int
    context: str = ""
    value: object = None
    unit: str = ""
    document: str = ""


@dataclasses.dataclass(frozen=True)
class DateMention:
    """A date in a paragraph: perhaps an action of the leadership, for a person to fill in."""

    text: str  # 12月1日
    at: str
    file: str
    line: int
    context: str


@dataclasses.dataclass
class Proposals:
    figures: list = dataclasses.field(default_factory=list)  # Proposals
    studies: list = dataclasses.field(default_factory=list)
    new_titles: list = dataclasses.field(default_factory=list)  # (title, [(file, line)])
    dates: list = dataclasses.field(default_factory=list)  # DateMentions
    unanchored: list = dataclasses.field(default_factory=list)  # (file, line, why) left out of the data


def propose(pages: dict, where, catalog) -> Proposals:
    """Figures, studies, new titles and dates from the text, at the anchors
    the pages give; blocks without a unique anchor are listed, not used.

    ``pages`` maps each page file to its ``archive.Page``; ``where`` holds
    ``(unit, file, line)`` for each unit of the source text, and is walked in
    the order of the source.
    """
    found = Proposals()
    blocks = {(rel, block.line): block for rel, page in pages.items() for block in page.blocks}
    counts = collections.Counter(block.anchor for block in blocks.values() if block.anchor)
    seen_studies, new_titles = set(), {}
    for unit, rel, line in sorted(where, key=lambda e: (e[0].line, e[2])):
        block = blocks.get((rel, line))
        if block is None:
            continue
        text = block.text
        for m in consistency.TITLE.finditer(text):
            if catalog.document_by_name(m.group(1)) is None:
                new_titles.setdefault(m.group(1), []).append((rel, line))
        if block.kind == "title":
            continue
        if not block.anchor or counts[block.anchor] > 1:
            if _has_data(text):
                why = "没有位置编号" if not block.anchor else f"位置编号 {block.anchor} 重复"
                found.unanchored.append((rel, line, why))
            continue
        for m in consistency.TITLE.finditer(text):
            document = catalog.document_by_name(m.group(1))
            key = (m.group(0), block.anchor)
            if document is not None and key not in seen_studies:
                seen_studies.add(key)
                found.studies.append(Proposal("study", block.anchor, m.group(0), rel, line,
                                              document=document.id))
        for m in COUNT.finditer(text):
            value = _count_value(m)
            if value is None:
                continue
            found.figures.append(Proposal("figure", block.anchor, m.group(0), rel, line,
                                          context=_context(text, m), value=value,
                                          unit=m.group("unit") or m.group("cn_unit")))
        for m in DATE.finditer(text):
            found.dates.append(DateMention(m.group(0), block.anchor, rel, line, _context(text, m)))
    found.new_titles = list(new_titles.items())
    return found


def _has_data(text: str) -> bool:
    return bool(consistency.TITLE.search(text) or COUNT.search(text) or DATE.search(text))


def _count_value(m):
    if m.group("arabic"):
        number = m.group("arabic")
        return float(number) if "." in number else int(number)
    try:
        return report_text.cn_number(m.group("chinese").replace("两", "二"))
    except ValueError:  # 一百 … : the check could not confirm the value
        return None


def _context(text: str, m, width: int = 24) -> str:
    start, end = max(0, m.start() - width), min(len(text), m.end() + width)
    return ("…" if start else "") + one_line(text[start:end]) + ("…" if end < len(text) else "")



# --- Planning the files -------------------------------------------------------

EXAMPLE = "make import FILE=旧报告.docx YEAR=2022"
FIGURE_COMMENT = "# 待核实：请改写 id 和 label，删除不需要的项"
NEW_TITLES_COMMENT = "以下书名不在学习文件目录中，请核实后添加到 data/catalog/documents.yml："


@dataclasses.dataclass
class Import:
    files: dict
    problems: list
    why: str = ""  # heading printed above the problems of a refusal
    source: Source = None
    report: ParsedReport = None
    pages: Pages = None
    proposals: Proposals = None
    page_problems: list = dataclasses.field(default_factory=list)  # report_text warnings
    previous: object = None  # the year before, for follow-ups
    template: object = None  # the year whose markers the pages copy


def plan_import(root, path, year: int):
    """What ``make import`` would write: ``(files, problems)`` (nothing is written)."""
    plan = compute(pathlib.Path(root), pathlib.Path(path), year)
    return plan.files, plan.problems


def compute(root: pathlib.Path, path: pathlib.Path, year: int) -> Import:
    """The import of ``path`` as ``year`` into the project at ``root``; its
    ``files`` are empty when anything is wrong, and ``problems`` say why."""
    refused = year_files.target_refusals(root, year, "make import", EXAMPLE)
    if refused:
        return Import({}, refused)
    docs_dir, data_file = f"docs/{year}", f"data/years/{year}.yml"
    source, problems = read_source(path)
    if source is None:
        return Import({}, problems)
    report = parse_report(source.lines)
    if not report.title:
        return Import({}, [refusal(f"“{source.name}”中没有文字", "请确认选择了正确的文件。")], source=source)
    if not report.parts:
        return Import({}, [refusal(f"“{source.name}”中没有找到“一、”“二、”式的部分标题，无法分页",
                                   "报告各部分的标题应单独成行，以“一、”“二、”……开头。"
                                   "请核对文件，必要时先在文件中把部分标题改成单独一行。")],
                      source=source, report=report)

    archive, problems = archive_module.load(root)
    if any(p.is_error for p in problems):
        return Import({}, problems, why=f"不能导入 {year} 年度：现有的数据或页面有错误，"
                                        "请先改正（make check 会列出同样的问题）：")
    plan = Import({}, [], source=source, report=report)
    plan.previous = previous_year(archive, year)
    later = [y for y in archive.years if y.year > year]
    plan.template = plan.previous or (min(later, key=lambda y: y.year) if later else None)

    plan.pages = build_pages(report, plan.template, year)
    plan.files = dict(plan.pages.texts)
    plan.files[f"{docs_dir}/full.md"] = year_files.full_page(plan.template)

    parsed = {rel: read_page(year, rel, text) for rel, text in plan.pages.texts.items()}
    for rel, (page, found) in parsed.items():
        plan.page_problems += [Problem(rel, line, 1, message, hint, level=level)
                               for line, level, message, hint in found]
    pages = {rel: page for rel, (page, _) in parsed.items()}
    plan.proposals = propose(pages, plan.pages.where, archive.catalog)
    plan.files[data_file] = data_text(plan, year)

    # What is written must pass the checks it will face.
    meta, located, found = year_files.load_data(plan.files[data_file], data_file)
    if meta is not None:
        pages_by_slug = {page.slug: page for page in pages.values()}
        found += [p for p in consistency.check_year(
            archive_module.Year(meta, data_file, located, pages_by_slug), archive.catalog)
            if p.file == data_file and p.is_error]
    if found:
        return Import({}, found, why=year_files.internal_error(data_file))
    return plan


def data_text(plan: Import, year: int) -> str:
    """``data/years/<year>.yml``: new-year's draft with the recognised title,
    the proposed figures and studies, and comments for what needs a person."""
    proposals = plan.proposals
    return year_files.data_file(
        year, plan.report.title, plan.previous, source_name=plan.source.name,
        figures=proposals.figures, figure_comment=FIGURE_COMMENT, studies=proposals.studies,
        dates=proposals.dates, new_titles_comment=NEW_TITLES_COMMENT,
        new_titles=[(title, [f"{rel}:{line}" for rel, line in places])
                    for title, places in proposals.new_titles])



# --- What is printed ----------------------------------------------------------

def summary(plan, year: int) -> str:
    """What the import recognised, dropped, could not place and proposes."""
    report, source, proposals = plan.report, plan.source, plan.proposals
    out = []
    say = out.append
    m = re.search(r"(\d{4})年", report.title)
    if m and int(m.group(1)) != year:
        say(f"  注意：标题中的年份是 {m.group(1)} 年，与 YEAR={year} 不一致；"
            "如果年份输错了，删除下面的文件后重新运行。")
    say("")
    say("识别结果：")
    say(f"  文件编码：{source.encoding}" + (f"。{source.note}" if source.note else ""))
    say(f"  标题：{report.title}（第 {report.title_line} 行）")
    say(f"  抬头：{report.addressee}（第 {report.addressee_line} 行，放在导语之前）"
        if report.addressee is not None else "  抬头：无")
    say(f"  导语：{len(report.preamble)} 段")
    say(f"  共 {len(report.parts)} 个部分、{report.count('section')} 个（一）式小标题、"
        f"{report.count('item')} 个编号条目、{report.count('paragraph')} 个其他段落：")
    for part, rel in plan.pages.placements:
        where = rel if part.slug else f"{rel}（未能归类，接在上一部分之后）"
        say(f"    {part.heading}（第 {part.line} 行）→ {where}："
            f"{part.count('section')} 个小标题、{part.count('item')} 个条目、{part.count('paragraph')} 个段落")
    for kind in plan.pages.missing:
        say(f"    原文中没有“{kind.short_title}”部分，没有生成 docs/{year}/{kind.slug}.md")
    slugs = [part.slug for part in report.placed]
    if slugs != sorted(slugs, key=[kind.slug for kind in parts.PARTS].index):
        say("    注意：各部分在原文中的顺序与规定的顺序不同，全文单页按规定的顺序排列。")
    if report.inline_items:
        say("  段落中“一是……二是……”式的分项（保留在段落之中，没有拆开）：第 "
            + "、".join(str(n) for n in report.inline_items) + " 行")
    if report.notes:
        say("  说明：")
        for line, note in report.notes:
            say(f"    第 {line} 行：{note}")
    say("")
    _listing(say, "删除的版面信息", "（网页或排版中的文字，不属于报告正文）",
             [f"第 {line} 行：{text}" for line, text in report.dropped])
    page_of = {id(part): rel for part, rel in plan.pages.placements}
    _listing(say, "未能归类", "", [
        f"{part.heading}（第 {part.line} 行）：{part.reason}；正文没有删除，"
        f"原样接在 {page_of[id(part)]} 的末尾（前面有一行注释），请核实应放在哪个页面"
        for part in report.unplaced])
    _listing(say, "不在学习文件目录中的书名", "（已列在数据文件开头的注释中，没有添加到目录）", [
        f"《{title}》：{'、'.join(f'{rel}:{line}' for rel, line in places)}"
        for title, places in proposals.new_titles])
    figures, studies = proposals.figures, proposals.studies
    ids = {0: "", 1: "（figure-1"}.get(len(figures), f"（figure-1～figure-{len(figures)}")
    say(f"建议的关键数据（figures）：{len(figures)} 项"
        + (f"{ids}，名称都是“待核实”，写在 data/years/{year}.yml 中）" if figures else ""))
    say(f"建议的学法清单（studies）：{len(studies)} 项"
        + ("（正文中书名号内的、学习文件目录中有的文件，每个段落每个书名一项）" if studies else ""))
    if proposals.dates:
        say("原文中的日期（可能是主要负责人履职事项 actions；人员和事项需要人工填写，没有写成数据）：")
        for date in proposals.dates:
            say(f"  {date.text}：{date.file}:{date.line}（{date.at}）{date.context}")
    if proposals.unanchored:
        say("以下段落没有唯一的位置编号，其中的书名、数字和日期没有写入数据：")
        for rel, line, why in proposals.unanchored:
            say(f"  {rel}:{line}：{why}")
    if plan.page_problems:
        say("页面检查的提示（原文如此的可以忽略）：")
        say("\n".join("  " + p.format().replace("\n", "\n  ") for p in sorted(plan.page_problems)))
    return "\n".join(out)


def _listing(say, name: str, explained: str, rows: list) -> None:
    """``name`` with what it means and one indented line per row, or ``name：无``."""
    if not rows:
        say(f"{name}：无")
        return
    say(f"{name}{explained}：")
    for row in rows:
        say(f"  {row}")


def next_steps(plan, year: int) -> str:
    data_file = f"data/years/{year}.yml"
    steps = [
        f"逐字核对：运行 make serve，把 {year} 年度的各页面与原文逐段对照（导入只去掉了各行首尾的空白和多余的空行，其他改动见上面的说明）。"
        "原文中的错别字不要改，更正记为勘误（errata）。",
    ]
    if plan.report.unplaced:
        steps.append("处理未能归类的部分：把它们移到合适的页面（或保留在原处），并删除说明它们的注释行。")
    if plan.proposals.new_titles:
        steps.append(f"把上面列出的新书名添加到 data/catalog/documents.yml（核实全称、类别等），"
                     f"然后删除 {data_file} 开头的注释；添加之前 make check 会报告这些书名。")
    steps.append(f"核实数据：{data_file} 中的关键数据（figures）是根据数字自动提出的，请改写 id 和 label，"
                 "删除不需要的项；学法清单（studies）请核实并补充形式、人员和时间。")
    steps.append("补充数据：宣传活动、主要负责人履职事项" + ("（见上面列出的日期）" if plan.proposals.dates else "")
                 + "、存在不足和下一年度安排（data/README.md 说明了每一项怎么写）。")
    previous = plan.previous
    if previous is not None and previous.meta.plans:
        steps.append(f"填写落实情况：followups 列出了 {previous.year} 年度的 {len(previous.meta.plans)} 条安排，"
                     "状态都是 pending（待填写），请对照报告逐条填写。")
    steps += [
        f"保存原文：把原始文件的正文保存为 data/sources/{year}-report.txt（UTF-8），作为逐字核对的依据。",
        "每次修改后运行 make check 检查，make serve 预览网站（页面上会标明“草稿”）。",
        "核对完成后：把 status 改为 published，填写 published_on 和 versions（第 1 版），再运行 make lock 锁定正文。",
    ]
    return numbered(steps)



# --- Command line -------------------------------------------------------------

USAGE = ("用法：make import FILE=旧报告.docx YEAR=2022"
         "（或 PYTHONPATH=hooks .venv/bin/python -m reports import 文件 2022 [项目目录]）")


def main(argv=None) -> int:
    parser = cli.CommandParser(USAGE, "请指定要导入的文件和年份。", prog="python -m reports import")
    parser.add_argument("file", type=cli.value)
    parser.add_argument("year", type=cli.value)
    parser.add_argument("project", nargs="?", type=pathlib.Path, default=PROJECT_ROOT)
    return parser.run(argv, import_file)


def import_file(arguments) -> int:
    """Write the imported year (or say why not), what was recognised and what to do next."""
    path, root = pathlib.Path(arguments.file), arguments.project
    year = cli.four_digit_year(arguments.year, EXAMPLE)
    plan = compute(root, path, year)
    if not plan.files:
        return cli.refuse(plan.problems, plan.why)
    write(root, plan.files)
    print(f"已从“{path.name}”导入 {year} 年度报告（草稿）。")
    print(summary(plan, year))
    print()
    print("创建了以下文件：")
    return cli.created(plan.files, next_steps(plan, year))
