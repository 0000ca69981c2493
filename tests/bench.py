"""``make bench``: how the site scales with the number of years in the archive.

The office adds one report a year, so every cost that grows with the archive
(build time, page weight, search index, time to the first search result)
must be measured before it hurts, not after.  This script generates
synthetic archives of N fictional years (default 5, 50 and 200) from the
structure of ``docs/2023`` and ``data/years/2023.yml``, with deterministic,
varied text so that search, compare and cross-year pages are realistic, and
reports, for each N, the median of several runs of:

* the full build (``mkdocs build --strict`` with the hooks), wall time;
* the same pages built as plain Markdown with no hooks: every page the full
  build makes, written out as the Markdown the hooks hand to MkDocs, with the
  same navigation, theme, plugins and extensions (``plain_project``), wall
  time, and the ratio full/plain measured within each run; for comparison,
  the report text alone without the generated pages and content (the
  baseline used before, ``text_only_project``);
* ``python -m reports check`` (what ``make check`` runs), wall time of the process;
* page sizes: average and largest built page, and the median year part page
  (the "page weight" that should stay flat as years are added);
* ``search/search_index.json``, raw and gzipped;
* peak memory of the full build (``/usr/bin/time -v``'s maximum resident set
  size of the build process; without GNU time, the ``ru_maxrss`` of
  ``RUSAGE_CHILDREN``, which is a maximum over all children so far);
* under ``make serve`` (``mkdocs serve --dirty``), the time from saving a
  change to the newest year's data file, and separately to one of its pages,
  to the served page showing it, as a ratio to the full build
  (``rebuild_after_save``; the target is about 50 years);
* in headless Chromium, the time from ``page.goto`` on the newest year's
  measures page to the first search result of a query (fresh browser
  context per run, so nothing is cached).

The synthetic years are fictional copies: every title says （测试数据）, the
office is renamed, and they are written to a temporary folder, never into
``docs/``.  ``synthesize`` is also used by ``tests/site/test_bench.py``.

Usage: ``python tests/bench.py [--years 5,20,50] [--runs 3] [--keep DIR]`` (sizes up to
``MAX_YEARS``, 200: see ``year_range``).
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import datetime
import gzip
import json
import os
import pathlib
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
HOOKS = ROOT / "hooks"
TESTS = ROOT / "tests"
for _path in (HOOKS, TESTS):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from reports.model import catalog as catalog_module  # noqa: E402  (hooks/ is on sys.path now)
from reports.model import report_text  # noqa: E402
from reports.model.report_text import cn_numeral  # noqa: E402

TEMPLATE_YEAR = 2023  # the structure every synthetic year is generated from
LAST_YEAR = 2023  # synthetic archives end here and go back N-1 years ...
# ... as far as real data may (the schema's limit); bigger archives start at the
# oldest year a folder can be named (``pages.YEAR``) and end later, up to 2099,
# with the copy's limit lowered for the bench only (``allow_old_years``).
OLDEST_REAL_YEAR = 1949
OLDEST_FOLDER_YEAR = 1900
NEWEST_FOLDER_YEAR = 2099
MAX_YEARS = NEWEST_FOLDER_YEAR - OLDEST_FOLDER_YEAR + 1
YEAR_LIMIT = "schema.Integer(minimum=1949, maximum=2100"
TEST_MARK = "（测试数据）"
OFFICE = "示例区示例办公室（测试数据）"
SITE_NAME = "报告库性能测试（测试数据）"
SOURCE_DATE_EPOCH = "1704067200"  # fixed, so builds do not depend on git
GNU_TIME = pathlib.Path("/usr/bin/time")


# =============================================================================
# Vocabulary of the synthetic text
# =============================================================================

# Interchangeable phrases: each occurrence outside quoted words may be swapped
# for another phrase of its group, so no two years read the same.
SYNONYMS = (
    ("深入学习", "认真学习", "系统学习", "全面学习"),
    ("扎实推进", "稳步推进", "持续推进", "大力推进"),
    ("加强", "强化"),
    ("积极", "主动"),
    ("提高", "提升"),
    ("切实", "有效"),
    ("广泛开展", "深入开展", "持续开展"),
    ("法治意识", "法治观念"),
    ("确保", "保证"),
    ("及时", "第一时间"),
    ("干部队伍", "干部职工队伍"),
    ("不断", "持续"),
    ("等形式", "等方式"),
    ("有序开展", "顺利开展"),
    ("营造", "形成"),
    ("广大群众", "广大居民群众"),
    ("认真落实", "严格落实", "全面落实"),
)

# A small grammar for sentences added to items, and for invented items.
SUBJECTS = ("我办", "全办干部职工", "各科室", "执法人员", "党组", "机关党支部", "法治工作领导小组", "办领导班子")
VERBS = ("认真组织", "定期开展", "扎实推进", "持续深化", "统筹安排", "积极参与", "严格落实", "不断完善",
         "深入开展", "及时总结")
OBJECTS = ("法治宣传教育", "行政执法案卷评查", "人防工程质量监督检查", "普法责任清单落实", "学法用法考试",
           "法律顾问咨询论证", "执法全过程记录", "政务公开", "规范性文件合法性审查", "矛盾纠纷排查化解",
           "行政执法“三项制度”", "重大行政决策程序", "执法证件管理", "防空警报设施维护", "人防宣传教育进社区",
           "法治文化阵地建设", "公平竞争审查", "“双随机、一公开”监管", "信用监管", "包容审慎监管",
           "人防工程平时使用管理", "疏散基地建设", "应急疏散演练", "人防志愿者队伍建设")
PURPOSES = ("确保各项工作落到实处", "推动法治建设取得新成效", "进一步提升依法行政水平", "营造浓厚的学法氛围",
            "切实维护群众合法权益", "不断提高执法规范化水平", "为优化营商环境提供法治保障",
            "形成齐抓共管的工作格局", "增强干部职工的法治素养", "提高群众的防空防灾意识")
PLACES = ("社区", "学校", "企业", "广场", "人防工程", "教育基地", "街道", "村居")

# Extra sections of part one, added to some years (numbered after （五）).
MEASURE_SECTIONS = (
    "深化改革创新，优化法治化营商环境。",
    "强化权力监督，推进政务公开。",
    "加强人防工程监管，依法履行监督职责。",
    "健全矛盾纠纷化解机制，维护社会稳定。",
    "推进依法决策，提升决策质量。",
    "加强规范性文件管理，维护法制统一。",
)
# Part two: (id, heading) -- the 2023 ones are added from its data.
SHORTCOMING_POOL = (
    ("legal-talent-shortage", "法治专门人才相对缺乏，执法力量与任务不相适应。"),
    ("publicity-forms-single", "普法宣传形式较为单一，针对性和实效性有待增强。"),
    ("supervision-mechanism", "行政执法监督机制还不够健全，执法检查覆盖面有待扩大。"),
    ("informatization-lag", "法治建设信息化水平不高，执法数据共享不够充分。"),
    ("case-file-quality", "行政执法案卷制作不够规范，个别文书存在瑕疵。"),
    ("grassroots-coverage", "基层人防法治宣传覆盖面不够，群众知晓率有待提高。"),
    ("study-depth", "学法形式多于内容，学用结合不够紧密。"),
)
# Part four: (id, heading, area) -- the 2023 ones are added from its data.
PLAN_POOL = (
    ("publicity-campaign-days", "围绕重要宣传节点，持续开展人防法律法规集中宣传活动。", "普法宣传"),
    ("enforcement-supervision", "加强行政执法监督，全面落实行政执法三项制度。", "执法监督"),
    ("rules-review", "健全规范性文件审查机制，确保文件合法合规。", "制度建设"),
    ("legal-advisor", "充分发挥法律顾问作用，提高依法决策水平。", "制度建设"),
    ("staff-certification", "组织执法人员参加执法资格培训考试，做到持证上岗。", "队伍建设"),
    ("case-study", "坚持以案释法，组织旁听庭审和典型案例学习。", "学习教育"),
    ("business-environment", "优化人防审批服务，营造良好法治营商环境。", "其他"),
    ("community-publicity", "推动人防法律法规进社区、进学校、进企业。", "普法宣传"),
)
LEADERSHIP_SECTIONS = ("带头依法决策。", "带头接受监督。", "带头推进政务公开。")
LEADERS = ("王某", "李某", "赵某", "陈某", "刘某", "孙某", "周某")
# Sentences of 2023 that name a real person or place; the fictional years do not.
REAL_NAMES = {"张双有": None, "津南": "示例区"}
FOLLOWUP_DONE = ("done", "done", "done", "partial", "partial", "not_done")


def congress(year: int) -> str:
    """The party congress a report of ``year`` refers to (二十大 in 2023)."""
    return "二十大" if year >= 2022 else "十九大" if year >= 2017 else "十八大" if year >= 2012 else "十七大"


# =============================================================================
# The template: the 2023 report as a tree of parts, sections and blocks
# =============================================================================

@dataclasses.dataclass
class Element:
    """One line-level element of a page: an item, a paragraph or a marker."""

    kind: str  # "item", "paragraph", "marker"
    text: str  # without its number ("1."); the whole line for a marker
    origin: str = ""  # the 2023 anchor it comes from ("" when invented)


@dataclasses.dataclass
class Section:
    heading: str  # without "（一）"
    children: list
    origin: str = ""


@dataclasses.dataclass
class Part:
    slug: str
    number: int
    heading: str  # without "一、"
    lead: list  # elements before the first section
    sections: list
    tail: list  # markers after the last block


@dataclasses.dataclass
class Template:
    root: pathlib.Path  # the repository (or snapshot) it was read from
    index: list  # the year home's elements: ("title", text) or Element
    parts: dict  # slug -> Part
    data: dict  # data/years/2023.yml as plain YAML values
    entries: dict  # anchor -> [(list name, entry)] for entries carried with their block
    catalog: object  # catalog.Catalog


CARRIED = ("figures", "studies", "campaigns", "actions")


def load_template(root: pathlib.Path = ROOT, year: int = TEMPLATE_YEAR) -> Template:
    """Read the template year's pages and data once; every synthetic year copies them."""
    docs = root / "docs" / str(year)
    parts = {kind.slug: read_part(docs / f"{kind.slug}.md", kind.slug) for kind in report_text.PARTS}
    data = yaml.safe_load((root / "data" / "years" / f"{year}.yml").read_text("utf-8"))
    entries = {}
    for name in CARRIED:
        for entry in data.get(name) or []:
            entries.setdefault(entry["at"], []).append((name, entry))
    catalog, problems = catalog_module.load(root)
    if any(p.is_error for p in problems):
        raise RuntimeError("the repository's catalogue has errors; run make check")
    return Template(root, read_index(docs / "index.md"), parts, data, entries, catalog)


def page_elements(path: pathlib.Path):
    """``(blocks, items)``: parsed blocks and, in page order, ``("block", b)`` / ``("marker", line)``."""
    _, body = report_text.split_front_matter(path.read_text("utf-8"))
    blocks, _ = report_text.parse_blocks(body, 1)
    starts = {b.line: b for b in blocks}
    out = []
    for number, line in enumerate(body.split("\n"), 1):
        if number in starts:
            out.append(("block", starts[number]))
        elif report_text.MARKER_LINE.match(line):
            out.append(("marker", line.strip()))
    return blocks, out


def read_index(path: pathlib.Path) -> list:
    _, items = page_elements(path)
    out = []
    for what, value in items:
        if what == "marker":
            out.append(Element("marker", value))
        elif value.kind == "title":
            out.append(("title", value.text))
        else:
            out.append(Element("paragraph", value.text, value.anchor))
    return out


def read_part(path: pathlib.Path, slug: str) -> Part:
    blocks, items = page_elements(path)
    last_block = max(i for i, (what, _) in enumerate(items) if what == "block")
    part = None
    for index, (what, value) in enumerate(items):
        if what == "marker":
            element = Element("marker", value)
            if index > last_block:
                part.tail.append(element)
            else:
                (part.sections[-1].children if part.sections else part.lead).append(element)
        elif value.kind == "part":
            part = Part(slug, value.number, value.text.split("、", 1)[1], [], [], [])
        elif value.kind == "section":
            part.sections.append(Section(report_text.SECTION_NUMBER.sub("", value.text), [], value.anchor))
        elif value.kind in ("item", "paragraph"):
            text = report_text.ITEM_NUMBER.sub("", value.text) if value.kind == "item" else value.text
            element = Element(value.kind, text, value.anchor)
            (part.sections[-1].children if part.sections else part.lead).append(element)
    return part


# =============================================================================
# Varying text, keeping the data's quotes true
# =============================================================================

SYNONYM_OF = {phrase: group for group in SYNONYMS for phrase in group}
SYNONYM_RE = re.compile("|".join(re.escape(p) for p in sorted(SYNONYM_OF, key=len, reverse=True)))
TITLE_RE = re.compile(r"《[^《》\n]+》")
SENTENCE_END = re.compile(r"(?<=[。；])")
PROTECT_OPEN, PROTECT_CLOSE = "\ue000", "\ue001"
YEAR_TOKEN = re.compile(r"20(?:23|24)")


def sentence(rng: random.Random) -> str:
    """A plausible sentence of a report, from the grammar above."""
    subject, verb, obj = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)
    shape = rng.randrange(4)
    if shape == 0:
        return f"{subject}{verb}{obj}，{rng.choice(PURPOSES)}。"
    if shape == 1:
        return f"全年共开展{obj}{rng.randint(2, 60)}次，{rng.choice(PURPOSES)}。"
    if shape == 2:
        return f"{subject}深入{rng.choice(PLACES)}{verb}{obj}，覆盖{rng.randint(3, 40)}个单位。"
    return f"围绕{obj}，{subject}{verb}{rng.choice(OBJECTS)}，{rng.choice(PURPOSES)}。"


@dataclasses.dataclass
class YearWords:
    """Replacements that hold for a whole year's text and data."""

    year: int
    leader: str

    def apply(self, text: str) -> str:
        year = self.year
        text = YEAR_TOKEN.sub(lambda m: str(year + int(m.group(0)) - TEMPLATE_YEAR), text)
        text = text.replace("二十大", congress(year))
        for real, fictional in REAL_NAMES.items():
            text = text.replace(real, fictional or self.leader)
        return text


def map_strings(value, function):
    """``value`` (an entry) with ``function`` applied to every string in it."""
    if isinstance(value, str):
        return function(value)
    if isinstance(value, dict):
        return {k: map_strings(v, function) for k, v in value.items()}
    if isinstance(value, list):
        return [map_strings(v, function) for v in value]
    return value


def replace_everywhere(text, entries, old, new):
    """Replace ``old`` by ``new`` once in the text and in every entry string, so
    quotes that contain it stay quotes."""
    return text.replace(old, new, 1), [(n, map_strings(e, lambda s: s.replace(old, new))) for n, e in entries]


def number_token(quote: str, value):
    """The numeral in ``quote`` that states ``value``: (match, is Chinese).

    The match, not its text: 27 must be replaced where it stands, not inside
    the 1927 that comes before it."""
    for m in re.finditer(r"\d+", quote):
        if int(m.group(0)) == value:
            return m, False
    for m in re.finditer(rf"[{report_text.NUMERALS}]+", quote):
        try:
            if report_text.cn_number(m.group(0)) == value:
                return m, True
        except ValueError:
            continue
    return None, False


def vary_figures(text, entries, rng):
    """Give each figure a new value, written the way the quote wrote the old one."""
    for index, (name, entry) in enumerate(list(entries)):
        if name != "figures":
            continue
        token, chinese = number_token(entry["quote"], entry["value"])
        if token is None:
            continue
        value = max(1, round(entry["value"] * rng.uniform(0.5, 1.8)))
        value = min(value, 99) if chinese else value
        quote = entry["quote"]
        new_quote = quote[:token.start()] + (cn_numeral(value) if chinese else str(value)) + quote[token.end():]
        text, entries = replace_everywhere(text, entries, entry["quote"], new_quote)
        entries[index] = (name, dict(entries[index][1], value=value))
    return text, entries


def vary_dates(text, entries, rng, year):
    """Move the dated actions to other days of the year, in the same order."""
    actions = [(i, e) for i, (n, e) in enumerate(entries) if n == "actions"]
    if not actions:
        return text, entries
    days = sorted(rng.sample(range(1, 366 if year % 4 == 0 else 365), len(actions)))
    # Placeholders first: "12月1日" must not be replaced inside "12月15日".
    renames = []
    for k, (index, entry) in enumerate(sorted(actions, key=lambda a: -len(a[1]["quote"]))):
        holder = f"{PROTECT_OPEN}d{k}{PROTECT_CLOSE}"
        text, entries = replace_everywhere(text, entries, entry["quote"], holder)
        renames.append((index, holder))
    for (index, holder), day in zip(sorted(renames), days):
        date = _date_of(year, day)
        quote = f"{date.month}月{date.day}日"
        text, entries = replace_everywhere(text, entries, holder, quote)
        entries[index] = ("actions", dict(entries[index][1], date=date.isoformat(), quote=quote))
    return text, entries


def _date_of(year, day):
    return datetime.date(year, 1, 1) + datetime.timedelta(days=day - 1)


def enumeration_runs(text, entries, name):
    """Runs of three or more entries of list ``name`` whose quotes follow each
    other in the text joined by 、/和 only (e.g. 《民法典》、《国防法》和《工会法》)."""
    found = []
    for index, (n, entry) in enumerate(entries):
        if n == name:
            at = text.find(entry["quote"])
            if at >= 0:
                found.append((at, at + len(entry["quote"]), index))
    found.sort()
    runs, current = [], []
    for start, end, index in found:
        if current and text[current[-1][1]:start] not in ("、", "和", "以及"):
            runs.append(current)
            current = []
        current.append((start, end, index))
    runs.append(current)
    return [run for run in runs if len(run) >= 3]


def catalogue_names(catalog, name):
    """(id, how the report writes it) for the catalogue entries a run may name."""
    if name == "studies":
        return [(d.id, f"《{d.label}》") for d in catalog.documents.values() if d.kind in ("law", "regulation")]
    return [(c.id, n) for c in catalog.campaigns.values() for n in c.names[-1:] if not re.search(r"[“（]", n)]


def vary_enumerations(text, entries, rng, catalog):
    """Study other laws and hold other campaigns: rewrite the lists of titles
    and campaign days, with one data entry per name, like the 2023 data."""
    for name, key in (("studies", "document"), ("campaigns", "campaign")):
        # One run per block and kind (as in 2023): indices are then still valid.
        for run in enumeration_runs(text, entries, name)[:1]:
            old = [entries[i][1] for _, _, i in run]
            kept = [e for e in old if rng.random() < 0.6]
            pool = [(i, q) for i, q in catalogue_names(catalog, name) if q not in {e["quote"] for e in kept}]
            extra = rng.sample(pool, min(len(pool), max(0, rng.randint(3, 8) - len(kept))))
            template = {k: v for k, v in old[0].items() if k not in (key, "quote")}
            new = kept + [dict(template, **{key: i, "quote": q}) for i, q in extra]
            rng.shuffle(new)
            quotes = [e["quote"] for e in new]
            words = "、".join(quotes[:-1]) + "和" + quotes[-1] if len(quotes) > 1 else quotes[0]
            text = text[:run[0][0]] + words + text[run[-1][1]:]
            first = run[0][2]
            dropped = {i for _, _, i in run}
            entries = [pair for i, pair in enumerate(entries) if i not in dropped or i == first]
            at = entries.index(next(p for p in entries if p[1] is old[0]))
            entries[at:at + 1] = [(name, e) for e in new]
    return text, entries


def protect(text, entries):
    """Hide the quoted words and 《titles》 so rewording cannot touch them."""
    spans = []
    for _, entry in entries:
        quote = entry.get("quote")
        start = text.find(quote) if quote else -1
        if start >= 0:
            spans.append((start, start + len(quote)))
    spans += [m.span() for m in TITLE_RE.finditer(text)]
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    hidden, out, last = [], [], 0
    for start, end in merged:
        out.append(text[last:start] + f"{PROTECT_OPEN}{len(hidden)}{PROTECT_CLOSE}")
        hidden.append(text[start:end])
        last = end
    out.append(text[last:])
    return "".join(out), hidden


def unprotect(text, hidden):
    return re.sub(f"{PROTECT_OPEN}(\\d+){PROTECT_CLOSE}", lambda m: hidden[int(m.group(1))], text)


def reword(text, rng, swap=0.5, drop=0.12, add=0.35):
    """Swap synonyms, drop an unquoted sentence now and then, add a sentence or two.

    The first sentence always stays: it carries the item's subject, and a
    paragraph must not start with something that reads as a number.
    """
    sentences = [s for s in SENTENCE_END.split(text) if s]
    kept = sentences[:1] + [s for s in sentences[1:] if PROTECT_OPEN in s or rng.random() >= drop]
    for _ in range(2):
        if rng.random() < add:
            kept.insert(rng.randint(1, len(kept)), sentence(rng))
    text = "".join(kept)
    return SYNONYM_RE.sub(lambda m: rng.choice(SYNONYM_OF[m.group(0)]) if rng.random() < swap else m.group(0),
                          text)


def vary_block(text, entries, rng, words, catalog):
    """One block of a synthetic year: its text and the data entries that quote it."""
    text = words.apply(text)
    entries = [(name, map_strings(entry, words.apply)) for name, entry in entries]
    text, entries = vary_figures(text, entries, rng)
    text, entries = vary_dates(text, entries, rng, words.year)
    text, entries = vary_enumerations(text, entries, rng, catalog)
    hidden_text, hidden = protect(text, entries)
    text = unprotect(reword(hidden_text, rng), hidden)
    squashed = re.sub(r"\s+", "", text)
    # Whatever the rewording still lost is left out of the data, as an editor would.
    entries = [(n, e) for n, e in entries if re.sub(r"\s+", "", e["quote"]) in squashed]
    return text, entries


# =============================================================================
# One synthetic year
# =============================================================================

@dataclasses.dataclass
class SyntheticYear:
    year: int
    draft: bool
    pages: dict  # slug -> Markdown
    data: dict  # the year file's values
    plans: list  # this year's plans (ids) for the next year's follow-ups


class Page:
    """Markdown of one page being written, with the anchor of each block."""

    def __init__(self):
        self.lines: list[str] = []
        self.anchors: list[str] = []  # in order, as parse_blocks must find them

    def add(self, line: str, anchor: str = ""):
        self.lines += [line, ""]
        if anchor:
            self.anchors.append(anchor)

    @property
    def text(self) -> str:
        return "\n".join(self.lines).rstrip("\n") + "\n"


class YearWriter:
    """Writes one year from the template: pages, and data consistent with them."""

    def __init__(self, template: Template, year: int, draft: bool, rng: random.Random):
        self.t, self.year, self.draft, self.rng = template, year, draft, rng
        self.words = YearWords(year, LEADERS[year // 5 % len(LEADERS)])  # a new head every 5 years
        self.lists = {name: [] for name in CARRIED}

    # --- blocks --------------------------------------------------------------

    def block(self, element: Element, anchor: str, copy_of=False) -> str:
        """The element's new text; its data entries are recorded under ``anchor``.

        A copy (the same item said twice in other words) is varied with the
        entries too, so its numbers and lists differ, but records none.
        """
        entries = copy.deepcopy(self.t.entries.get(element.origin, []))
        text, entries = vary_block(element.text, entries, self.rng, self.words, self.t.catalog)
        for name, entry in [] if copy_of else entries:
            self.lists[name].append(dict(entry, at=anchor))
        return text

    def children(self, section: Section) -> list:
        """A section's elements this year: some items dropped, some said twice
        in other words, some new ones (so item counts vary from year to year)."""
        rng, out = self.rng, []
        items = [c for c in section.children if c.kind == "item"]
        dropped = {id(c) for c in items if rng.random() < 0.1}
        dropped.discard(id(items[0]) if items and len(dropped) == len(items) else None)
        for child in section.children:
            if id(child) in dropped:
                continue
            out.append((child, False))
            if child.kind == "item" and rng.random() < 0.1:
                out.append((child, True))
        if items and rng.random() < 0.5:
            at = max([i for i, (c, _) in enumerate(out) if c.kind == "item"], default=len(out) - 1) + 1
            for _ in range(rng.randint(1, 2)):
                out.insert(at, (Element("item", sentence(rng) + sentence(rng)), False))
                at += 1
        return out

    def write_section(self, page, part, number, section, children):
        page.add(f"## （{cn_numeral(number)}）{section.heading}",
                 report_text.anchor_for(part, number))
        item = para = 0
        for child, copy_of in children:
            if child.kind == "marker":
                page.add(child.text)
            elif child.kind == "item":
                item += 1
                anchor = report_text.anchor_for(part, number, item)
                page.add(f"{item}.{self.block(child, anchor, copy_of)}", anchor)
            else:
                para += 1
                anchor = report_text.anchor_for(part, number) + f"-p{para}"
                page.add(self.block(child, anchor, copy_of), anchor)

    def heading(self, text: str) -> str:
        return reword(self.words.apply(text), self.rng, drop=0, add=0)

    # --- pages -----------------------------------------------------------------

    def index_page(self) -> Page:
        page = Page()
        for element in self.t.index:
            if isinstance(element, tuple):
                page.add(f"# {self.year}年度法治政府建设情况报告{TEST_MARK}")
            elif element.kind == "marker":
                page.add(element.text)
            else:
                page.add(self.block(element, element.origin), element.origin)
        return page

    def part_page(self, part: Part, heading: str, sections: list) -> Page:
        """``sections``: [(Section, [(Element, is_copy)])]."""
        page = Page()
        page.add(f"# {cn_numeral(part.number)}、{heading}", f"s{part.number}")
        for number, element in enumerate((e for e in part.lead if e.kind != "marker"), 1):
            anchor = f"s{part.number}-p{number}"
            page.add(self.block(element, anchor), anchor)
        for number, (section, children) in enumerate(sections, 1):
            self.write_section(page, part.number, number, section, children)
        for marker in part.tail:
            page.add(marker.text)
        return page

    def measures(self) -> Page:
        part = self.t.parts["measures"]
        sections = [(Section(self.heading(s.heading), s.children, s.origin), self.children(s))
                    for s in part.sections]
        for heading in self.rng.sample(MEASURE_SECTIONS, self.rng.choice((0, 0, 1, 2))):
            items = [(Element("item", sentence(self.rng) + sentence(self.rng)), False)
                     for _ in range(self.rng.randint(1, 4))]
            sections.append((Section(heading, []), items))
        return self.part_page(part, self.heading(part.heading), sections)

    def leadership(self) -> Page:
        part = self.t.parts["leadership"]
        sections = [(Section(self.heading(s.heading), s.children, s.origin), self.children(s))
                    for s in part.sections]
        if self.rng.random() < 0.4:
            extra = Element("paragraph", sentence(self.rng) + sentence(self.rng) + sentence(self.rng))
            sections.append((Section(self.rng.choice(LEADERSHIP_SECTIONS), []), [(extra, False)]))
        return self.part_page(part, self.heading(part.heading), sections)

    def chosen(self, slug, pool, low, high):
        """Sections of part two or four this year: some of 2023's, some from the pool."""
        part = self.t.parts[slug]
        own = [(s, entry) for s, entry in zip(part.sections, self.t.data[slug])]
        candidates = own + [(Section(heading, []), {"id": i, "text": heading.rstrip("。"), **(
            {"area": rest[0]} if rest else {})}) for i, heading, *rest in pool]
        picked = self.rng.sample(candidates, self.rng.randint(low, high))
        picked.sort(key=lambda c: candidates.index(c))
        return part, picked

    def shortcomings(self):
        part, picked = self.chosen("shortcomings", SHORTCOMING_POOL, 2, 4)
        sections = [(Section(self.heading(s.heading), [], s.origin), self.children(s)) for s, _ in picked]
        page = self.part_page(part, self.heading(part.heading), sections)
        entries = [{"id": e["id"], "text": self.words.apply(e["text"]), "at": f"s{part.number}-{n}"}
                   for n, (_, e) in enumerate(picked, 1)]
        return page, entries

    def plans(self):
        part, picked = self.chosen("plans", PLAN_POOL, 3, 6)
        typo = not self.draft and self.rng.random() < 0.5
        heading = self.words.apply(part.heading)
        if not typo:
            heading = heading.replace("的的", "的")
        sections = [(Section(self.heading(s.heading), []), []) for s, _ in picked]
        page = self.part_page(part, heading, sections)
        entries = [dict(e, text=self.words.apply(e["text"]), at=f"s{part.number}-{n}")
                   for n, (_, e) in enumerate(picked, 1)]
        return page, entries, typo

    # --- the year ----------------------------------------------------------------

    def write(self, previous_plans) -> SyntheticYear:
        pages = {"index": self.index_page(), "measures": self.measures()}
        pages["shortcomings"], shortcomings = self.shortcomings()
        pages["leadership"] = self.leadership()
        pages["plans"], plans, typo = self.plans()
        texts = {slug: page.text for slug, page in pages.items()}
        for slug, page in pages.items():
            blocks, _ = report_text.parse_blocks(page.text, 1)
            found = [b.anchor for b in blocks if b.anchor]
            assert found == page.anchors, f"{self.year}/{slug}: anchors {found} != {page.anchors}"
        texts["full"] = (self.t.root / "docs" / str(TEMPLATE_YEAR) / "full.md").read_text("utf-8")
        return SyntheticYear(self.year, self.draft, texts,
                             self.data(shortcomings, plans, typo, previous_plans, texts), plans)

    def data(self, shortcomings, plans, typo, previous_plans, texts) -> dict:
        rng, year = self.rng, self.year
        published = None if self.draft else f"{year + 1}-03-{rng.randint(10, 31):02d}"
        data = {"year": year, "title": f"{year}年度法治政府建设情况报告{TEST_MARK}",
                "status": "draft" if self.draft else "published", "published_on": published}
        data.update(self.lists)
        data["shortcomings"] = shortcomings
        data["plans"] = plans
        data["followups"] = self.followups(previous_plans, texts["measures"])
        if not self.draft:
            data["versions"] = [{"version": 1, "date": published, "changes": f"首次收录（测试数据，{year}年度）。"}]
            if rng.random() < 0.2:
                data["versions"].append({"version": 2, "date": f"{year + 1}-06-{rng.randint(10, 30):02d}",
                                         "changes": "更正录入错误（测试数据）。"})
        if typo:
            data["errata"] = [{"version": 1, "date": published, "at": "s4",
                               "original": "推进法治政府建设的的主要安排",
                               "corrected": "推进法治政府建设的主要安排",
                               "reason": "原文标题中“的的”重复，系笔误（测试数据）。"}]
        return {k: v for k, v in data.items() if v not in (None, [])}

    def followups(self, previous_plans, measures_text) -> list:
        """What became of last year's plans, with words of this year's report as evidence."""
        if not previous_plans:
            return []
        blocks, _ = report_text.parse_blocks(measures_text, 1)
        items = [b for b in blocks if b.kind == "item"]
        out = []
        for plan in previous_plans:
            status = "pending" if self.draft and self.rng.random() < 0.5 else self.rng.choice(FOLLOWUP_DONE)
            entry = {"plan": plan["id"], "status": status}
            if status in ("done", "partial") and items and self.rng.random() < 0.6:
                block = self.rng.choice(items)
                first = report_text.ITEM_NUMBER.sub("", block.text).split("，")[0].split("。")[0]
                entry.update(evidence=first[:24], at=block.anchor)
            out.append(entry)
        return out


# =============================================================================
# The synthetic project on disk
# =============================================================================

class _Dumper(yaml.SafeDumper):
    """Plain YAML an editor would write: no anchors and aliases."""

    def ignore_aliases(self, data):
        return True


def year_file(data: dict) -> str:
    return "# 测试数据（虚构），由 tests/bench.py 生成。\n" + yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096)


def copy_site(dest: pathlib.Path, root: pathlib.Path = ROOT) -> None:
    """Everything of the repository a project needs, except its years."""
    shutil.copytree(root / "hooks", dest / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(root / "overrides", dest / "overrides")
    shutil.copytree(root / "docs" / "assets", dest / "docs" / "assets")
    for page in (root / "docs").glob("*.md"):
        shutil.copy2(page, dest / "docs" / page.name)
    shutil.copytree(root / "data" / "catalog", dest / "data" / "catalog")
    (dest / "data" / "search").mkdir(parents=True)
    shutil.copy2(root / "data" / "search" / "terms.txt", dest / "data" / "search" / "terms.txt")
    config = (root / "mkdocs.yml").read_text("utf-8")
    config = config.replace("天津市津南区国防动员办公室", OFFICE)
    config = re.sub(r"^site_name: .*$", f"site_name: {SITE_NAME}", config, flags=re.M)
    (dest / "mkdocs.yml").write_text(config, "utf-8")


def year_range(n_years: int) -> range:
    """The years of a synthetic archive of ``n_years``: ending at LAST_YEAR
    while that fits, else from OLDEST_FOLDER_YEAR on."""
    if not 1 <= n_years <= MAX_YEARS:
        raise ValueError(f"between 1 and {MAX_YEARS} years, not {n_years}")
    last = max(LAST_YEAR, OLDEST_FOLDER_YEAR + n_years - 1)
    return range(last - n_years + 1, last + 1)


def allow_old_years(project: pathlib.Path) -> None:
    """Lower the year limit of ``project``'s copy of the schema to the oldest
    folder year: for archives bigger than real data can be (the repository's
    own limit stays; this copy is the bench's, in a temporary folder)."""
    schema = project / "hooks" / "reports" / "model" / "year_data.py"
    text = schema.read_text("utf-8")
    if YEAR_LIMIT not in text:
        raise RuntimeError(f"the year limit changed: {YEAR_LIMIT!r} is no longer in {schema.name}; update the bench")
    schema.write_text(text.replace(YEAR_LIMIT, YEAR_LIMIT.replace(str(OLDEST_REAL_YEAR), str(OLDEST_FOLDER_YEAR))),
                      "utf-8")


def synthesize(dest, n_years: int, seed: int = 0, lock: bool = True,
               root: pathlib.Path = ROOT) -> pathlib.Path:
    """A complete project of ``n_years`` fictional years (``year_range``).

    Deterministic: the same ``seed`` gives the same bytes.  The newest year is
    a draft; the published years are locked (``hooks/lock.py``), as the check
    requires.  Raises when the lock refuses (the project has errors).
    ``root`` is the repository to take hooks, configuration and the template
    year from (``main`` passes a snapshot, so that every N is measured with
    the same code even while the repository is being edited).
    """
    dest = pathlib.Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    if any(dest.iterdir()):
        raise FileExistsError(f"{dest} is not empty")
    copy_site(dest, root)
    template = load_template(root)
    (dest / "data" / "years").mkdir(parents=True)
    years = year_range(n_years)
    if years[0] < OLDEST_REAL_YEAR:
        allow_old_years(dest)
    previous = None
    for year in years:
        rng = random.Random(f"{seed}:{year}")
        synthetic = YearWriter(template, year, year == years[-1], rng).write(previous)
        (dest / "docs" / str(year)).mkdir()
        for slug, text in synthetic.pages.items():
            (dest / "docs" / str(year) / f"{slug}.md").write_text(text, "utf-8")
        (dest / "data" / "years" / f"{year}.yml").write_text(year_file(synthetic.data), "utf-8")
        previous = synthetic.plans
    if lock:
        result = subprocess.run([sys.executable, "-m", "reports", "lock", str(dest)],
                                capture_output=True, text=True, timeout=300,
                                env=dict(os.environ, PYTHONPATH=str(dest / "hooks")))
        if result.returncode != 0:
            raise RuntimeError(f"make lock refused the synthetic project:\n{result.stdout}{result.stderr}")
    return dest


def snapshot(dest: pathlib.Path, root: pathlib.Path = ROOT) -> str:
    """Copy what ``synthesize`` reads from the repository; return its revision.

    Other people edit the repository while the benchmark runs; without a
    snapshot, N=5 and N=50 could be built by different hooks.
    """
    copy_site(dest, root)
    shutil.copytree(root / "docs" / str(TEMPLATE_YEAR), dest / "docs" / str(TEMPLATE_YEAR))
    (dest / "data" / "years").mkdir(parents=True)
    shutil.copy2(root / "data" / "years" / f"{TEMPLATE_YEAR}.yml", dest / "data" / "years")
    (dest / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text("utf-8"), "utf-8")

    def git(*args):
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
        return result.stdout.strip() if result.returncode == 0 else ""

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "hooks", "overrides", "docs", "data", "mkdocs.yml")
    return head + (" with uncommitted changes" if dirty else "")


def plain_project(project: pathlib.Path, dest: pathlib.Path) -> pathlib.Path:
    """The same pages as plain Markdown, built with no hooks.

    The baseline of the hook overhead: every page the full build makes, with
    the Markdown the hooks hand to MkDocs (report text with its anchors, the
    rendered tables, the generated 与上年对比 pages) written out as ordinary
    files, and the same navigation, so MkDocs, Python-Markdown and the theme
    do the same work in both builds and the difference is the hooks' own
    (loading and checking the data, rendering, the downloads, the search and
    HTML post-processing).  It is made by one full build of ``project`` with
    an extra hook, ``SAME_PAGES_HOOK``, that writes each page out.
    """
    dump = dest.parent / (dest.name + "-dump")
    shutil.copytree(project, dump, ignore=shutil.ignore_patterns(".git"))
    (dump / "hooks" / "bench_same_pages.py").write_text(SAME_PAGES_HOOK, "utf-8")
    config = (dump / "mkdocs.yml").read_text("utf-8")
    config = re.sub(r"^hooks:\n", "hooks:\n  - hooks/bench_same_pages.py\n", config, flags=re.M)
    (dump / "mkdocs.yml").write_text(config, "utf-8")
    shutil.copytree(project / "docs", dest / "docs", ignore=shutil.ignore_patterns("*.md"))
    shutil.copytree(project / "data", dest / "data")  # mkdocs.yml may name it (watch:)
    shutil.copytree(project / "overrides", dest / "overrides")  # theme.custom_dir
    env = dict(environment(), BENCH_SAME_PAGES=str(dest))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                             "-f", str(dump / "mkdocs.yml"), "-d", str(dump / "site")],
                            cwd=dump, capture_output=True, text=True, env=env, timeout=3600)
    if result.returncode != 0:
        raise RuntimeError(f"writing the plain pages failed:\n{result.stdout[-4000:]}{result.stderr[-4000:]}")
    shutil.rmtree(dump)
    nav = (dest / "nav.yml").read_text("utf-8")
    (dest / "nav.yml").unlink()
    (dest / "mkdocs.yml").write_text(config_without_hooks(project) + "\nnav:\n" + nav, "utf-8")
    return dest


def config_without_hooks(project: pathlib.Path) -> str:
    """``project``'s mkdocs.yml with its ``hooks:`` list taken out."""
    config = (project / "mkdocs.yml").read_text("utf-8")
    return re.sub(r"^hooks:\n(?:[ \t]+.*\n|[ \t]*\n)*", "", config, flags=re.M)


def text_only_project(project: pathlib.Path, dest: pathlib.Path) -> pathlib.Path:
    """The report text alone as plain Markdown: marker lines removed, no hooks.

    The baseline used before the one above; printed for comparison.  It has
    neither the generated pages (与上年对比) nor the generated content (the
    one-page reports are empty, the tables missing) nor the hooks'
    navigation, so full/text-only also counts MkDocs and the theme rendering
    the hooks' output, not only the hooks' work.
    """
    shutil.copytree(project / "docs", dest / "docs")
    shutil.copytree(project / "data", dest / "data")  # mkdocs.yml may name it (watch:)
    shutil.copytree(project / "overrides", dest / "overrides")  # theme.custom_dir
    for page in (dest / "docs").rglob("*.md"):
        lines = page.read_text("utf-8").split("\n")
        page.write_text("\n".join(l for l in lines if not report_text.MARKER_LINE.match(l)), "utf-8")
    (dest / "mkdocs.yml").write_text(config_without_hooks(project), "utf-8")
    return dest


# Added to a copy of the project for one build: writes every page as the
# Markdown the hooks made of it (rendered fragments put back in place, front
# matter from the page's meta) and the navigation the hooks built.
SAME_PAGES_HOOK = '''
import os
import pathlib

import yaml
from mkdocs.plugins import event_priority

from reports.build import context
from reports.render import templating

OUT = pathlib.Path(os.environ["BENCH_SAME_PAGES"])


@event_priority(-100)
def on_config(config):
    nav = yaml.safe_dump(config.nav, allow_unicode=True, default_flow_style=False)
    (OUT / "nav.yml").write_text("".join("  " + line + "\\n" for line in nav.splitlines()), "utf-8")


@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    fragments = context.current().fragments.get(page.file.src_uri, [])
    text = templating.restore(markdown, fragments)
    front = yaml.safe_dump(dict(page.meta), allow_unicode=True) if page.meta else ""
    path = OUT / "docs" / page.file.src_uri
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(("---\\n" + front + "---\\n\\n" if front else "") + text, "utf-8")
    return markdown
'''


# =============================================================================
# Measuring
# =============================================================================

def environment() -> dict:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH,
                PYTHONDONTWRITEBYTECODE="1")


@dataclasses.dataclass
class Timed:
    seconds: float
    max_rss_kb: int | None


def run_timed(command, cwd, env=None) -> Timed:
    """Wall time of a process and its peak RSS (GNU time when present)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        wrapped = [str(GNU_TIME), "-v", "-o", report.name, *command] if GNU_TIME.exists() else command
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        result = subprocess.run(wrapped, cwd=cwd, capture_output=True, text=True,
                                env=dict(environment(), **(env or {})),
                                timeout=3600)
        seconds = time.perf_counter() - start
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(map(str, command))} failed:\n{result.stdout[-4000:]}"
                               f"{result.stderr[-4000:]}")
        if GNU_TIME.exists():
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report.read())
            rss = int(m.group(1)) if m else None
        else:
            after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            rss = after if after > before else None
    return Timed(seconds, rss)


def build(project: pathlib.Path, site: pathlib.Path, hook_times: pathlib.Path | None = None) -> Timed:
    """Build ``project``; with ``hook_times``, hooks/hook_errors.py writes the
    seconds spent in each hook event handler to that file."""
    env = {"REPORTS_HOOK_TIMES": str(hook_times)} if hook_times else None
    return run_timed([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                      "-f", str(project / "mkdocs.yml"), "-d", str(site)], project, env)


def hook_seconds(path: pathlib.Path) -> dict:
    """``{"hooks/x.py:on_event": seconds}`` as the build left it."""
    return json.loads(path.read_text("utf-8"))


# Loading jieba's dictionary (~0.4 s) happens in search_terms' on_config,
# which teaches it the domain terms; without the hooks the theme's search
# plugin loads the same dictionary at its first page, so both builds pay it
# and it is not counted as the hooks' own time.
SHARED_EVENTS = ("hooks/search_terms.py:on_config",)


def own_hook_seconds(events: dict) -> float:
    return sum(v for k, v in events.items() if k not in SHARED_EVENTS)


def check(project: pathlib.Path) -> Timed:
    return run_timed([sys.executable, "-m", "reports", "check", str(project)], project,
                     env={"PYTHONPATH": str(project / "hooks")})


def page_sizes(site: pathlib.Path) -> dict:
    """Sizes of the built pages; the year part pages are the ones read most."""
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
    largest = max(sizes, key=sizes.get)
    parts = [size for path, size in sizes.items()
             if re.match(r"^\d{4}/(%s)/index\.html$" % "|".join(report_text.PART_SLUGS), path)]
    return {"pages": len(sizes), "average": statistics.mean(sizes.values()), "largest": sizes[largest],
            "largest_page": largest, "part_median": statistics.median(parts)}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def index_sizes(site: pathlib.Path) -> dict:
    """The whole index (its shards put together, as before they were cut),
    and the shards as a reader's browser fetches them."""
    from reports.search import index as search_index

    whole = search_index.load(site)
    raw = json.dumps(whole, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    shards = list((site / "search" / "shards").glob("*.json"))
    return {"raw": len(raw), "gz": gz(raw), "docs": len(whole["docs"]), "shards": len(shards),
            "manifest": (site / search_index.INDEX).stat().st_size}


# --- The browser ------------------------------------------------------------

QUERY = "执法"
# The finder is also measured with Chromium's CPU slowed this many times.
CPU_SLOWDOWN = 4
RESULT_ITEM = ".md-search-result__item"
# Records, in the page's own clock, when the first result is put in the page
# (the query typed early is answered as soon as the search worker is ready).
OBSERVER = """
(() => {
  const marks = window.__bench = {};
  document.addEventListener("focusin", event => {
    if (!marks.focus && event.target.matches && event.target.matches("input.md-search__input"))
      marks.focus = performance.now();
  }, true);
  const observer = new MutationObserver(() => {
    if (document.querySelector(".md-search-result__item")) {
      marks.result = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, {childList: true, subtree: true});
})();
"""


def fresh_pages(site: pathlib.Path, runs: int, timeout_ms: int = 60_000):
    """``(base URL, page)`` ``runs`` times: ``site`` served on this machine and
    each page in a fresh browser context (nothing cached, other hosts
    blocked), closed after the caller is done with it.  Nothing without Chromium."""
    from support.browser import CHROMIUM, CHROMIUM_ARGS, block_other_hosts, serve
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        return
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                context = browser.new_context()
                context.set_default_timeout(timeout_ms)
                block_other_hosts(context)
                yield base, context.new_page()
                context.close()
        finally:
            browser.close()


# What a reader's browser fetches for search: the manifest and the shards,
# this site's worker, or the theme's lunr worker.
SEARCH_REQUEST = re.compile(r"/search/|/assets/javascripts/search-worker\.js|/assets/javascripts/workers/search\.")


class SearchBytes:
    """Bytes of the search files a page fetched before its first result: each
    file's size on disk and gzip -6 of it (the local server sends them
    uncompressed; an intranet server may or may not compress)."""

    def __init__(self, site: pathlib.Path, page):
        self.site = site
        self.started = []
        page.on("requestfinished", self._finished)

    def _finished(self, request):
        path = request.url.split("://", 1)[1].split("/", 1)[1].split("?")[0]
        if SEARCH_REQUEST.search("/" + path):
            timing = request.timing
            self.started.append((timing["startTime"], timing["startTime"] + timing["responseEnd"], path))

    def before(self, epoch_ms: float) -> dict:
        """What was requested before ``epoch_ms`` (ms since 1970, as
        Playwright's request timings and the page's timeOrigin are), and when
        the last of it was in."""
        chosen = [(end, path) for start, end, path in self.started if start < epoch_ms]
        files = {path for _, path in chosen}
        data = [(self.site / path).read_bytes() for path in files]
        return {"raw": sum(map(len, data)), "gz": sum(map(gz, data)), "files": len(files),
                "last_in": max((end for end, _ in chosen), default=None)}


# The query put in the search box at DOMContentLoaded, as material reads it
# (the value on focus and on keyup); the theme's bundle, at the end of the
# body, has set up the box by then.
TYPE_AT_DCL = """
document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector("input.md-search__input");
  box.value = %s;
  box.focus();
  box.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: "End"}));
});
"""


def search_timings(site: pathlib.Path, path: str, runs: int) -> list:
    """Per run: ms from ``page.goto`` to the first result, and where it went."""
    out = []
    for base, page in fresh_pages(site, runs):
        page.add_init_script(OBSERVER)
        fetched_bytes = SearchBytes(site, page)
        start = time.perf_counter()
        # Typed in the page itself as soon as the DOM is loaded, the way a
        # reader who knows what to look for would: the search box answers
        # once the worker is ready.  (Typed by Playwright after goto returns,
        # the query came 100-200 ms after DOMContentLoaded on this machine:
        # the harness's round trip, not the site's.)
        page.add_init_script(TYPE_AT_DCL % json.dumps(QUERY))
        page.goto(base + path, wait_until="domcontentloaded")
        # Checked on every animation frame: wait_for_selector polls at
        # growing intervals (up to 500 ms) and overstated the figure.
        page.wait_for_function("() => window.__bench && window.__bench.result",
                               polling="raf")
        wall = (time.perf_counter() - start) * 1000
        marks = page.evaluate("""() => ({...window.__bench, origin: performance.timeOrigin,
            dcl: performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd})""")
        before = fetched_bytes.before(marks["origin"] + marks["result"])
        # When the last search file the first result needed was in.
        fetched = before["last_in"] - marks["origin"] if before["last_in"] else None
        # The figure is the page's own clock, from the start of navigation
        # to the first result in the page; the wall time includes
        # Playwright's round trips and is kept for comparison.
        out.append({"total": marks.get("result"), "wall": wall, "dcl": marks.get("dcl"),
                    "index": fetched, "result": marks.get("result"), "bytes": before,
                    "after_focus": marks["result"] - marks["focus"]})
    return out




def focus_timings(site: pathlib.Path, path: str, runs: int) -> list:
    """Per run, the page loaded and settled, then the search box focused and
    the query typed: ms from focus to the first result, what was fetched
    before the focus and before the result."""
    from support.browser import SEARCH_INPUT

    out = []
    for base, page in fresh_pages(site, runs):
        page.add_init_script(OBSERVER)
        fetched = SearchBytes(site, page)
        page.goto(base + path, wait_until="networkidle")
        page.wait_for_timeout(500)
        loaded = page.evaluate("() => performance.timeOrigin + performance.now()")
        box = page.locator(SEARCH_INPUT)
        box.fill(QUERY)
        box.press("End")
        page.wait_for_function("() => window.__bench && window.__bench.result", polling="raf")
        marks = page.evaluate("() => ({...window.__bench, origin: performance.timeOrigin})")
        out.append({"after_focus": marks["result"] - marks["focus"],
                    "on_load": fetched.before(loaded),
                    "bytes": fetched.before(marks["origin"] + marks["result"])})
    return out


def lunr_site(site: pathlib.Path, dest: pathlib.Path) -> pathlib.Path:
    """A copy of ``site`` searched by the theme's own lunr worker, as the site
    would be without ``search-worker.js``: the whole index in
    ``search/search_index.json`` and every page's ``__config`` pointing at the
    theme's worker (the same pages, in the same run, for the comparison)."""
    from reports.search import index as search_index

    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(site, dest)
    (dest / search_index.INDEX).write_text(
        json.dumps(search_index.load(site), ensure_ascii=False, separators=(",", ":")), "utf-8")
    [theme_worker] = (dest / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    ours = re.compile(r"assets/javascripts/search-worker\.js\?v=[0-9a-f]+")
    theirs = "assets/javascripts/workers/" + theme_worker.name
    for page in dest.rglob("*.html"):
        html = page.read_text("utf-8")
        swapped = ours.sub(theirs, html)
        if swapped != html:
            page.write_text(swapped, "utf-8")
    return dest


# The finder's figures in the page's own clock: DOMContentLoaded, every year's
# data file in (the count line stops saying it is loading), and one keyword
# typed: from the input event to the frame after it is drawn (the filtering,
# the redraw, and the style and layout of what changed).
FINDER_PROBE = """async () => {
  const count = document.querySelector("[data-finder-count]");
  while (count.textContent.includes("正在载入")) await new Promise(r => requestAnimationFrame(r));
  const loaded = performance.now();
  const input = document.querySelector("input[name=kw]");
  const start = performance.now();
  input.value = "%s";
  input.dispatchEvent(new Event("input", {bubbles: true}));
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const keystroke = performance.now() - start;
  return {dcl: performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd,
          loaded, keystroke, nodes: document.getElementsByTagName("*").length};
}""" % QUERY


def finder_timings(site: pathlib.Path, runs: int, throttle: int = 1) -> list:
    """Per run, the measures finder: DOMContentLoaded, all data in, one keystroke (ms), DOM nodes.

    ``throttle``: Chromium's CPU slowed that many times through DevTools
    (``Emulation.setCPUThrottlingRate``), standing in for an old office PC.
    It slows the page's own thread, where the finder runs, not workers."""
    out = []
    for base, page in fresh_pages(site, runs, timeout_ms=240_000):
        if throttle > 1:
            page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        page.goto(base + "finder/", wait_until="domcontentloaded")
        out.append(page.evaluate(FINDER_PROBE))
    return out


def finder_sizes(site: pathlib.Path) -> dict:
    """Bytes of the finder page and of all its data files."""
    data = list((site / "finder" / "data").glob("*.json"))
    return {"page": (site / "finder" / "index.html").stat().st_size,
            "data": sum(p.stat().st_size for p in data), "files": len(data)}


# --- make serve: from a save to the page served with the change ---------------

# The size the rebuild target is about (issue 16); without it among the
# sizes, the largest is reported.
REBUILD_YEARS = 50
SAVED = "（改）"  # appended to a figure's label, and to a sentence: found in the served page
SENTENCE = re.compile(r"^1\.[^\n]*。$", re.M)


def rebuild_after_save(project: pathlib.Path, dest: pathlib.Path) -> dict:
    """Seconds from saving a change to the served page showing it, under
    ``make serve`` (``support.serving``: the Makefile's serve command, on a
    free port), on a copy of ``project`` in ``dest``.

    The server is started and its first (full) build waited for; then a
    figure's label in the newest year's data file is changed (the year home
    shows its figures), and once that rebuild is over, a sentence of the
    newest year's measures page.  Each time is from just before the file is
    written to the first poll (every 20 ms) of the page that has the change:
    the server's noticing the save (it polls the files every 0.5 s), the
    rebuild, and the write.  ``first`` is the start of the server to its
    first page served (a full build in a fresh process, like ``build``).
    """
    from support import serving

    shutil.copytree(project, dest)
    newest = max(int(p.stem) for p in (dest / "data" / "years").glob("*.yml"))
    data, page = dest / "data" / "years" / f"{newest}.yml", dest / "docs" / str(newest) / "measures.md"
    started = time.perf_counter()
    with serving.serve(dest, env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}) as server:
        first = time.perf_counter() - started
        label = re.search(r"^  label: (.+)$", data.read_text("utf-8"), re.M).group(1)
        saved = serving.edit(data, f"  label: {label}\n", f"  label: {label}{SAVED}\n")
        after_data = server.wait_for(f"{newest}/", f"{label}{SAVED}", timeout=300, since=saved)
        _built(server, 2)
        sentence = SENTENCE.search(page.read_text("utf-8")).group(0)
        saved = serving.edit(page, sentence, sentence[:-1] + SAVED + "。")
        after_page = server.wait_for(f"{newest}/measures/", sentence[:-1] + SAVED, timeout=300, since=saved)
        _built(server, 3)
        builds = server.builds()
    return {"first": first, "data": after_data, "page": after_page, "logged": builds}


def _built(server, count: int, timeout: float = 300) -> None:
    """Wait until the server has finished ``count`` builds (the page is
    written before the end of a build: the next save must not fall into it)."""
    start = time.perf_counter()

    def finished():
        # MkDocs logs "Documentation built in" at the end of each build and the
        # server "Reloading browsers" after each rebuild; in one bench run the
        # first line of a rebuild never reached the log while the second did.
        log = server.log()
        return max(log.count("Documentation built in"), 1 + log.count("Reloading browsers"))

    while finished() < count:
        if time.perf_counter() - start > timeout:
            raise RuntimeError(f"make serve did not finish build {count}:\n{server.log()[-4000:]}")
        time.sleep(0.05)


def rebuild_figures(project: pathlib.Path, dest: pathlib.Path, full_seconds: list) -> dict:
    """``rebuild_after_save`` and its ratios to the median full build of the
    same size in the same run (``build``: a fresh process, as the server's first
    build is); the figure of the target is the slower of the two saves."""
    print(f"[bench] {dest.parent.name}: make serve, a save of a data file and of a page ...",
          file=sys.stderr, flush=True)
    figures = rebuild_after_save(project, dest)
    full = median(full_seconds)
    return {"rebuild": figures, "rebuild_ratio": max(figures["data"], figures["page"]) / full,
            "rebuild_data_ratio": figures["data"] / full, "rebuild_page_ratio": figures["page"] / full}


def rebuild_summary(results: list) -> dict:
    """``rebuild_after_save_ratio_{n}``: at ``REBUILD_YEARS`` when measured, else at the largest N."""
    chosen = next((r for r in results if r["n"] == REBUILD_YEARS), results[-1])
    return {f"rebuild_after_save_ratio_{chosen['n']}": chosen["rebuild_ratio"]}


def rebuild_rows(results: list, values: dict, row, fmt) -> list:
    """The table's rows about make serve's rebuilds (``row``, ``fmt`` are ``table``'s)."""
    key = next(k for k in values if k.startswith("rebuild_after_save_ratio_"))
    return [
        row("make serve first page, s", [fmt(r["rebuild"]["first"], "{:.2f}") for r in results]),
        row("save data → page served, s", [fmt(r["rebuild"]["data"], "{:.2f}") for r in results]),
        row("save page → page served, s", [fmt(r["rebuild"]["page"], "{:.2f}") for r in results]),
        row("  slower save / full build", [fmt(r["rebuild_ratio"], "{:.2f}") for r in results], key),
    ]


# --- One archive size ------------------------------------------------------------

def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def measure(n_years: int, runs: int, work: pathlib.Path, seed: int, root: pathlib.Path) -> dict:
    print(f"[bench] N={n_years}: synthesizing ...", file=sys.stderr, flush=True)
    project = synthesize(work / f"years-{n_years}" / "project", n_years, seed, root=root)
    plain = plain_project(project, work / f"years-{n_years}" / "plain")
    text_only = text_only_project(project, work / f"years-{n_years}" / "text-only")
    site, plain_site = work / f"years-{n_years}" / "site", work / f"years-{n_years}" / "site-plain"
    text_site = work / f"years-{n_years}" / "site-text-only"
    full, bare, texts, checks, hooks = [], [], [], [], []
    times = work / f"years-{n_years}" / "hook-times.json"
    for run in range(runs):
        print(f"[bench] N={n_years}: run {run + 1}/{runs} ...", file=sys.stderr, flush=True)
        full.append(build(project, site, times))
        hooks.append(hook_seconds(times))
        bare.append(build(plain, plain_site))
        texts.append(build(text_only, text_site))
        checks.append(check(project))
    newest = f"{year_range(n_years)[-1]}/measures/"
    search = search_timings(site, newest, runs)
    focus = focus_timings(site, newest, runs)
    lunr = search_timings(lunr_site(site, work / f"years-{n_years}" / "site-lunr"), newest, runs)
    finder = finder_timings(site, runs)
    finder_x4 = finder_timings(site, runs, throttle=CPU_SLOWDOWN)
    result = {
        "n": n_years,
        "full": [t.seconds for t in full], "plain": [t.seconds for t in bare],
        "ratio": [f.seconds / p.seconds for f, p in zip(full, bare)],
        "text_only": [t.seconds for t in texts],
        "hooks": [own_hook_seconds(h) for h in hooks],
        "hook_events": {k: median([h.get(k) for h in hooks]) for k in hooks[0]},
        "text_ratio": [f.seconds / t.seconds for f, t in zip(full, texts)],
        "check": [t.seconds for t in checks],
        "rss_kb": [t.max_rss_kb for t in full],
        "search": search,
        "focus": focus,
        "lunr": lunr,
        "finder": finder,
        "finder_x4": finder_x4,
        **{f"finder_{k}": v for k, v in finder_sizes(site).items()},
        **{f"page_{k}": v for k, v in page_sizes(site).items()},
        **{f"index_{k}": v for k, v in index_sizes(site).items()},
        "plain_pages": page_sizes(plain_site)["pages"],
        "text_pages": page_sizes(text_site)["pages"],
    }
    result.update(rebuild_figures(project, work / f"years-{n_years}" / "serve-project", result["full"]))
    return result


# --- The report ----------------------------------------------------------------------

TARGETS = {  # key of the last lines: (limit, unit in the table, "≤" or "≥")
    "hook_overhead_ratio": (1.2, "", "≤"),
    "page_weight_ratio": (1.2, "", "≤"),
    "search_index_gz_kb": (300, " KB", "≤"),
    "check_seconds": (1.0, " s", "≤"),
    "search_first_result_ms": (500, " ms", "≤"),
    "finder_shell_kb": (150, " KB", "≤"),
    "finder_keyword_ms": (200, " ms", "≤"),
    "search_first_result_gz_kb": (150, " KB", "≤"),
    "search_vs_lunr_speedup": (3, "×", "≥"),
    "rebuild_after_save_ratio": (0.4, "", "≤"),
}
DIGITS = {"hook_overhead_ratio": 2, "page_weight_ratio": 2, "search_index_gz_kb": 1,
          "check_seconds": 2, "search_first_result_ms": 0, "finder_shell_kb": 1,
          "finder_keyword_ms": 0, "search_first_result_gz_kb": 1, "search_vs_lunr_speedup": 2,
          "rebuild_after_save_ratio": 2}
# The archive sizes the figures are about: the figures of before at 50 years,
# those of the growing archive at 200 (or the largest size measured).
BEFORE_N = 50
GROWN_N = 200
SUFFIX = r"_\d+(?:_vs_\d+|_x\d+)?"
SUMMARY_LINE = re.compile(r"^(?P<key>[a-z_]+%s): (?P<value>-?[\d.]+|n/a)$" % SUFFIX)


def figure_name(key: str) -> str:
    """``finder_keyword_ms_200_x4`` -> ``finder_keyword_ms``."""
    return re.sub(SUFFIX + "$", "", key)


def at_size(results: list, n: int) -> dict:
    """The results at ``n`` years, or at the largest size below it."""
    fitting = [r for r in results if r["n"] <= n]
    return fitting[-1] if fitting else results[-1]


def summary(results: list) -> dict:
    """The figures the targets are about: those of before at 50 years (vs the
    smallest size), those of the growing archive at 200 (or the largest
    measured size when these were not measured)."""
    first, before, grown = results[0], at_size(results, BEFORE_N), at_size(results, GROWN_N)
    n, n0, g = before["n"], first["n"], grown["n"]
    search = median([s["total"] for s in before["search"]])
    ours, lunr = (median([s["after_focus"] for s in grown[k]]) for k in ("search", "lunr"))
    return {
        f"hook_overhead_ratio_{n}": median(before["ratio"]),
        f"page_weight_ratio_{n}_vs_{n0}": before["page_part_median"] / first["page_part_median"],
        f"search_index_gz_kb_{n}": before["index_gz"] / 1024,
        f"check_seconds_{n}": median(before["check"]),
        f"search_first_result_ms_{n}": search,
        f"finder_shell_kb_{g}": grown["finder_page"] / 1024,
        f"finder_keyword_ms_{g}_x{CPU_SLOWDOWN}": median([f["keystroke"] for f in grown["finder_x4"]]),
        f"search_first_result_gz_kb_{g}": median([f["bytes"]["gz"] for f in grown["focus"]]) / 1024,
        f"search_vs_lunr_speedup_{g}": lunr / ours if ours and lunr else None,
        **rebuild_summary(results),
    }


def format_summary(values: dict) -> list:
    out = []
    for key, value in values.items():
        out.append(f"{key}: " + ("n/a" if value is None else f"{value:.{DIGITS[figure_name(key)]}f}"))
    return out


def parse_summary(text: str) -> dict:
    """The last lines of the bench output as ``{key: float or None}``."""
    out = {}
    for line in text.splitlines():
        m = SUMMARY_LINE.match(line.strip())
        if m:
            out[m.group("key")] = None if m.group("value") == "n/a" else float(m.group("value"))
    return out


def verdict(key: str, value) -> str:
    limit, unit, sense = TARGETS[figure_name(key)]
    if value is None:
        return f"{sense} {limit:g}{unit}: n/a"
    met = value <= limit if sense == "≤" else value >= limit
    return f"{sense} {limit:g}{unit}: {'PASS' if met else 'FAIL'}"


def table(results: list, values: dict) -> str:
    """Medians per N, one column each, and the target of each row at the largest N."""
    kb = 1024

    def row(label, cells, key=None):
        target = verdict(key, values[key]) if key else ""
        return f"{label:<34}" + "".join(f"{c:>12}" for c in cells) + f"   {target}"

    def fmt(value, pattern):
        return "n/a" if value is None else pattern.format(value)

    keys = {figure_name(k): k for k in values}
    lines = [row("years (N)", [str(r["n"]) for r in results])]
    lines.append(row("pages built (full / plain)", [f"{r['page_pages']}/{r['plain_pages']}" for r in results]))
    lines.append(row("full build, s", [fmt(median(r["full"]), "{:.2f}") for r in results]))
    lines.append(row("plain build (same pages), s", [fmt(median(r["plain"]), "{:.2f}") for r in results]))
    lines.append(row("hook overhead (full/plain)", [fmt(median(r["ratio"]), "{:.2f}") for r in results],
                     keys["hook_overhead_ratio"]))
    lines.append(row("  report text only, s (pages)", [f"{fmt(median(r['text_only']), '{:.2f}')} ({r['text_pages']})"
                                                        for r in results]))
    lines.append(row("  full/report text only", [fmt(median(r["text_ratio"]), "{:.2f}") for r in results]))
    lines.append(row("hooks' own event time*, s", [fmt(median(r["hooks"]), "{:.2f}") for r in results]))
    lines.append(row("  full/(full - hooks' time)", [fmt(median([f / (f - h) for f, h in zip(r["full"], r["hooks"])]),
                                                          "{:.2f}") for r in results]))
    lines.append(row("make check, s", [fmt(median(r["check"]), "{:.2f}") for r in results],
                     keys["check_seconds"]))
    lines += rebuild_rows(results, values, row, fmt)
    lines.append(row("average page, KB", [f"{r['page_average'] / kb:.1f}" for r in results]))
    lines.append(row("largest page, KB", [f"{r['page_largest'] / kb:.1f}" for r in results]))
    lines.append(row("median year part page, KB", [f"{r['page_part_median'] / kb:.1f}" for r in results]))
    base = results[0]["page_part_median"]
    lines.append(row(f"  page weight vs N={results[0]['n']}", [f"{r['page_part_median'] / base:.2f}" for r in results],
                     keys["page_weight_ratio"]))
    lines.append(row("search index raw, KB", [f"{r['index_raw'] / kb:.1f}" for r in results]))
    lines.append(row("search index gzip -6, KB", [f"{r['index_gz'] / kb:.1f}" for r in results],
                     keys["search_index_gz_kb"]))
    lines.append(row("search index entries", [str(r["index_docs"]) for r in results]))
    rss = [median(r["rss_kb"]) for r in results]
    lines.append(row("peak RSS full build, MB", [fmt(v and v / 1024, "{:.0f}") for v in rss]))
    for label, key in (("first search result, ms", "total"), ("  DOMContentLoaded, ms", "dcl"),
                       ("  index downloaded, ms", "index"),
                       ("  wall time incl. Playwright, ms", "wall")):
        cells = [fmt(median([s[key] for s in r["search"]]), "{:.0f}") for r in results]
        lines.append(row(label, cells, keys["search_first_result_ms"] if key == "total" else None))
    lines.append(row("  search files, KB (raw / gz)", [f"{median([s['bytes']['raw'] for s in r['search']]) / kb:.0f}"
                                                        f" / {median([s['bytes']['gz'] for s in r['search']]) / kb:.0f}"
                                                        for r in results]))
    lines.append(row("search shards (manifest, B)", [f"{r['index_shards']} ({r['index_manifest']})" for r in results]))
    lines.append(row("  fetched on page load, KB gz", [fmt(median([f["on_load"]["gz"] for f in r["focus"]]) / kb,
                                                           "{:.1f}") for r in results]))
    lines.append(row("  focus to first result, ms", [fmt(median([f["after_focus"] for f in r["focus"]]), "{:.0f}")
                                                      for r in results]))
    lines.append(row("  fetched by then, KB gz", [fmt(median([f["bytes"]["gz"] for f in r["focus"]]) / kb, "{:.1f}")
                                                   for r in results], keys["search_first_result_gz_kb"]))
    lines.append(row("  ... raw KB (files)", [f"{median([f['bytes']['raw'] for f in r['focus']]) / kb:.0f}"
                                               f" ({median([f['bytes']['files'] for f in r['focus']]):.0f})"
                                               for r in results]))
    lines.append(row("theme's lunr worker: first result, ms", [fmt(median([s["total"] for s in r["lunr"]]), "{:.0f}")
                                                               for r in results]))
    lines.append(row("  its search files, KB (raw / gz)", [f"{median([s['bytes']['raw'] for s in r['lunr']]) / kb:.0f}"
                                                            f" / {median([s['bytes']['gz'] for s in r['lunr']]) / kb:.0f}"
                                                            for r in results]))
    lines.append(row("  box focused to first result, ms", [fmt(median([s["after_focus"] for s in r["lunr"]]), "{:.0f}")
                                                           for r in results]))
    lines.append(row("  this worker, the same, ms", [fmt(median([s["after_focus"] for s in r["search"]]), "{:.0f}")
                                                      for r in results]))
    lines.append(row("  lunr / this worker", [fmt(ratio(median([s["after_focus"] for s in r["lunr"]]),
                                                        median([s["after_focus"] for s in r["search"]])), "{:.2f}")
                                               for r in results], keys["search_vs_lunr_speedup"]))
    lines.append(row("finder page, KB", [f"{r['finder_page'] / kb:.1f}" for r in results],
                     keys["finder_shell_kb"]))
    lines.append(row("  its data files, KB (files)", [f"{r['finder_data'] / kb:.0f} ({r['finder_files']})"
                                                       for r in results]))
    for label, key in (("  finder DOMContentLoaded, ms", "dcl"), ("  finder all data in, ms", "loaded"),
                       ("  finder one keystroke, ms", "keystroke"), ("  finder DOM nodes", "nodes")):
        lines.append(row(label, [fmt(median([f[key] for f in r["finder"]]), "{:.0f}") for r in results]))
    for label, key in ((f"  finder DOMContentLoaded ×{CPU_SLOWDOWN} CPU, ms", "dcl"),
                       (f"  finder all data in ×{CPU_SLOWDOWN} CPU, ms", "loaded"),
                       (f"  finder one keystroke ×{CPU_SLOWDOWN} CPU, ms", "keystroke")):
        lines.append(row(label, [fmt(median([f[key] for f in r["finder_x4"]]), "{:.0f}") for r in results],
                         keys["finder_keyword_ms"] if key == "keystroke" else None))
    lines.append("")
    for r in results:
        lines.append(f"largest page at N={r['n']}: {r['page_largest_page']} ({r['page_largest'] / kb:.1f} KB)")
    last = results[-1]
    top = sorted(last["hook_events"].items(), key=lambda kv: -kv[1])[:8]
    lines.append(f"hook events at N={last['n']}, median s: " + ", ".join(f"{k} {v:.2f}" for k, v in top))
    lines.append("* time inside the hooks' event handlers (hooks/hook_errors.py), without "
                 + ", ".join(SHARED_EVENTS) + " (jieba's dictionary, loaded by the theme's search in both builds); "
                 "MkDocs' and the theme's work on what the hooks add is not in it")
    memory = "/usr/bin/time -v (maximum resident set size of the build process)" if GNU_TIME.exists() \
        else "getrusage(RUSAGE_CHILDREN).ru_maxrss (maximum over all children so far)"
    lines.append(f"peak memory measured with {memory}")
    lines.append("search: newest year's measures page, query “%s” typed in the page at DOMContentLoaded, from "
                 "navigation start to the first .md-search-result__item in the page, in the page's own clock (fresh context each run); "
                 "breakdown in the page's clock from navigation start; served uncompressed by a local "
                 "Python server" % QUERY)
    lines.append("focus: the page loaded and settled, then the search box focused and the query typed "
                 "(this site's worker fetches nothing but the manifest before); search files: what was "
                 "requested before the first result (manifest, shards, worker), sizes on disk and gzip -6 "
                 f"of each; lunr: the same pages with the theme's worker and the whole index (lunr_site), "
                 "typed as soon as the DOM is loaded like the first search row, compared from the focus of the box "
                 "(the page's own load is the same for both); "
                 f"×{CPU_SLOWDOWN} CPU: Chromium's Emulation.setCPUThrottlingRate, which does not slow workers")
    return "\n".join(lines)


def ratio(a, b):
    return a / b if a is not None and b else None


def raw_runs(results: list) -> str:
    """Every run's numbers, for judging the noise behind the medians."""
    lines = []
    for r in results:
        def join(values):
            return ", ".join("n/a" if v is None else f"{v:.2f}" for v in values)
        lines.append(f"N={r['n']}: full [{join(r['full'])}] s; plain [{join(r['plain'])}] s; "
                     f"text only [{join(r['text_only'])}] s; "
                     f"ratio [{join(r['ratio'])}]; check [{join(r['check'])}] s; "
                     f"search [{join([s['total'] for s in r['search']])}] ms")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", default="5,50,200", help="archive sizes, comma-separated (default 5,50,200)")
    parser.add_argument("--runs", type=int, default=3, help="runs per size; medians are reported (default 3)")
    parser.add_argument("--keep", metavar="DIR", help="keep the synthetic projects and sites in DIR")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic text (default 0)")
    args = parser.parse_args(argv)
    try:
        sizes = sorted({int(n) for n in args.years.split(",") if n.strip()})
    except ValueError:
        parser.error(f"--years: whole numbers separated by commas, not {args.years!r}")
    if not sizes or min(sizes) < 1 or max(sizes) > MAX_YEARS:
        parser.error("--years: sizes between 1 and %d" % MAX_YEARS)
    keep = pathlib.Path(args.keep).resolve() if args.keep else None
    if keep is not None and keep.is_relative_to((ROOT / "docs").resolve()):
        parser.error("--keep: never inside docs/")
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        work = keep or pathlib.Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        if (work / "repository").exists():
            shutil.rmtree(work / "repository")
        revision = snapshot(work / "repository")
        results = [measure(n, args.runs, work, args.seed, work / "repository") for n in sizes]
    values = summary(results)
    print(f"repository: {revision}; seed {args.seed}; {args.runs} runs per size; {os.cpu_count()} CPUs")
    print(raw_runs(results))
    print()
    print(table(results, values))
    print()
    print("\n".join(format_summary(values)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
