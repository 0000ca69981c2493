"""One year's structured data: ``data/years/<year>.yml``.

The schema below is the single definition of what a year file may contain;
the editor documentation in CONTRIBUTING.md follows it.  Every entry that
summarises the report text names the paragraph it comes from (``at``, an
anchor such as ``s1-2-3``) and, where it states a fact, the exact words
(``quote``), so the check can prove that data and prose say the same thing.
"""

from __future__ import annotations

import dataclasses
import datetime

from reports.model import schema
from reports.model.catalog import identifier
from reports.source.problems import UNIQUE_ID

STATUSES = {"published": "已发布", "draft": "草稿"}
FOLLOWUP_STATUSES = {"done": "已落实", "partial": "部分落实", "not_done": "未落实", "pending": "待填写"}
# The lists of a year file, in the order of the report, with their names: the
# schema's help, the tables' captions on the year pages, the downloads.
LISTS = {
    "figures": "关键数据",
    "studies": "学法清单",
    "campaigns": "宣传活动",
    "actions": "主要负责人履职事项",
    "shortcomings": "存在不足",
    "plans": "下一年度安排",
    "followups": "上一年度安排落实情况",
    "errata": "勘误",
    "versions": "版本记录",
}
# The facts a document or its portal page prints about itself, with the
# names the year page shows them under (after 发布机关 and 发布日期), in order.
DOCUMENT_FACTS = {
    "written_on": "成文日期",
    "doc_number": "文号",
    "signer": "签发人",
    "index_number": "索引号",
    "issuer": "发布机构",
    "source": "来源",
}
PLAN_AREAS = ("学习教育", "普法宣传", "执法监督", "队伍建设", "制度建设", "其他")
ANCHOR = r"^s\d+(?:-\d+)*(?:-p\d+)?$"
ANCHOR_HINT = "段落位置写成 s1-2-3 这样的形式：s后面依次是部分、（）编号、序号，见页面上段落的链接。"


def number_text(value) -> str:
    """A number as the site and the messages write it: ``27`` for 27.0, ``2.5``
    for 2.5; never ``-0`` or ``1e-07``.

    Figures are typed by editors, but differences between years and chart
    ticks are computed, and 2.7 - 2.5 must read 0.2: six decimals are kept.
    """
    value = round(float(value), 6)
    if value.is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def anchor(**kw):
    kw.setdefault("help", "所在段落，如 s1-2-3")
    return schema.Text(pattern=ANCHOR, pattern_hint=ANCHOR_HINT, **kw)


@dataclasses.dataclass(kw_only=True)
class Cited:
    """An entry that states a fact of the report: the paragraph it is in
    (``at``) and the report's own words (``quote``), which the checks compare."""

    at: str
    quote: str
    _path: tuple = ()


@dataclasses.dataclass(kw_only=True)
class Figure(Cited):
    id: str
    label: str
    value: float
    unit: str
    note: str | None = None


@dataclasses.dataclass(kw_only=True)
class Study(Cited):
    """A study session: which catalogued document, and how, by whom and when
    as far as the report says."""

    document: str  # id in data/catalog/documents.yml
    how: str | None = None
    who: str | None = None
    when: str | None = None


@dataclasses.dataclass(kw_only=True)
class CampaignEvent(Cited):
    """A publicity event on a catalogued campaign day, with its form, audience
    and place as far as the report says."""

    campaign: str  # id in data/catalog/campaigns.yml
    form: str | None = None
    audience: str | None = None
    place: str | None = None


@dataclasses.dataclass(kw_only=True)
class Action(Cited):
    date: datetime.date
    who: str
    what: str
    documents: list = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Shortcoming:
    id: str
    text: str
    at: str
    _path: tuple = ()


@dataclasses.dataclass
class Plan:
    id: str
    text: str
    at: str
    area: str | None = None
    _path: tuple = ()


@dataclasses.dataclass
class Followup:
    """What became of one of the previous year's plans, told in this year's report."""

    plan: str  # id of a plan in the previous year's data
    status: str
    evidence: str | None = None  # the report's words, when it says
    at: str | None = None  # where this year's report says it
    _path: tuple = ()

    @property
    def status_label(self) -> str:
        return FOLLOWUP_STATUSES[self.status]


@dataclasses.dataclass
class Version:
    """One recorded version of a published year (1 = as first published)."""

    version: int
    date: datetime.date
    changes: str
    _path: tuple = ()


@dataclasses.dataclass
class Erratum:
    """A correction of the published text, shown beside it; the text itself
    stays exactly as published."""

    version: int
    date: datetime.date
    at: str
    original: str
    corrected: str
    reason: str
    _path: tuple = ()


@dataclasses.dataclass
class YearData:
    year: int
    title: str
    status: str
    published_on: datetime.date | None = None
    office: str | None = None
    # What a portal page or the printed document says about itself (make import
    # reads them from the page; they are shown on the year page, never text).
    written_on: datetime.date | None = None
    doc_number: str | None = None
    signer: str | None = None
    index_number: str | None = None
    issuer: str | None = None
    source: str | None = None
    figures: list = dataclasses.field(default_factory=list)
    studies: list = dataclasses.field(default_factory=list)
    campaigns: list = dataclasses.field(default_factory=list)
    actions: list = dataclasses.field(default_factory=list)
    shortcomings: list = dataclasses.field(default_factory=list)
    plans: list = dataclasses.field(default_factory=list)
    followups: list = dataclasses.field(default_factory=list)
    versions: list = dataclasses.field(default_factory=list)
    errata: list = dataclasses.field(default_factory=list)
    _path: tuple = ()
    # The records of the lists above that have a broken field, with None
    # there: left out of the lists (the site shows none of them) but read by
    # the checks through ``every``.  And the year's own fields that are
    # broken (None above) when the rest of the file is usable.
    incomplete: list = dataclasses.field(default_factory=list)
    broken: frozenset = frozenset()

    def every(self, name: str) -> list:
        """Every record of the list ``name`` in the file's order, those with a
        broken field included: what the checks read, so that one run reports
        the other fields of a record too (None marks what cannot be checked)."""
        records = getattr(self, name) + [e for e in self.incomplete if e._path[0] == name]
        return sorted(records, key=lambda entry: entry._path[1])

    @property
    def current_version(self):
        return max((v.version for v in self.every("versions") if v.version is not None), default=None)


def quote(**kw):
    kw.setdefault("help", "原文中的原话，一字不差")
    return schema.Text(**kw)


def optional_texts(**helps) -> dict:
    """Free-text fields an editor may leave out, by name with their help text."""
    return {name: schema.Text(required=False, help=text) for name, text in helps.items()}


def cited() -> dict:
    """The fields of every ``Cited`` entry: the paragraph, and the report's words."""
    return {"at": anchor(), "quote": quote()}


YEAR = schema.Record({
    "year": schema.Integer(minimum=1949, maximum=2100, help="年份，如 2023"),
    "title": schema.Text(plain=True, help="报告标题，与原文一致"),
    "status": schema.Choice(STATUSES, help="published（已发布）或 draft（草稿）"),
    "published_on": schema.Date(required=False, help="公开发布日期，如 2024-03-28；不知道就留空"),
    "office": schema.Text(required=False, plain=True, help="发布机关全称；不填则用网站配置中的机关名称"),
    "written_on": schema.Date(required=False, help="成文日期（网页的“成文日期”或文件落款的日期），如 2024-01-15"),
    "doc_number": schema.Text(required=False, plain=True, help="文号，如 某办〔2024〕1号"),
    "signer": schema.Text(required=False, plain=True, help="签发人"),
    "index_number": schema.Text(required=False, plain=True, help="政府信息公开的索引号"),
    "issuer": schema.Text(required=False, plain=True, help="网页上写的发布机构，如 区司法局"),
    "source": schema.Text(required=False, plain=True, help="网页上写的来源，如 区司法局"),
    "figures": schema.ListOf(schema.Record({
        "id": identifier(help="唯一编号，跨年度比较时用，如 random-inspections"),
        "label": schema.Text(help="名称，如 随机执法检查"),
        "value": schema.Number(minimum=0, help="数值（阿拉伯数字）"),
        "unit": schema.Text(help="单位，如 项、人"),
        **cited(),
        "note": schema.Text(required=False, help="说明"),
    }, model=Figure), required=False, help=LISTS["figures"]),
    "studies": schema.ListOf(schema.Record({
        "document": identifier(help="学习文件编号，见 data/catalog/documents.yml"),
        **cited(),
        **optional_texts(how="学习形式", who="参加人员", when="时间"),
    }, model=Study), required=False, help=LISTS["studies"]),
    "campaigns": schema.ListOf(schema.Record({
        "campaign": identifier(help="宣传节点编号，见 data/catalog/campaigns.yml"),
        **cited(),
        **optional_texts(form="形式", audience="对象", place="地点"),
    }, model=CampaignEvent), required=False, help=LISTS["campaigns"]),
    "actions": schema.ListOf(schema.Record({
        "date": schema.Date(help="日期"),
        "who": schema.Text(help="人员"),
        "what": schema.Text(multiline=True, help="事项"),
        **cited(),
        "documents": schema.ListOf(identifier(), required=False, help="涉及的学习文件编号"),
    }, model=Action), required=False, help=LISTS["actions"]),
    "shortcomings": schema.ListOf(schema.Record({
        "id": identifier(help="唯一编号"),
        "text": schema.Text(multiline=True, help="概述"),
        "at": anchor(),
    }, model=Shortcoming), required=False, help=LISTS["shortcomings"]),
    "plans": schema.ListOf(schema.Record({
        "id": identifier(help="唯一编号，下一年度据此填写落实情况"),
        "text": schema.Text(multiline=True, help="概述"),
        "at": anchor(),
        "area": schema.Choice({a: a for a in PLAN_AREAS}, required=False, help="领域"),
    }, model=Plan), required=False, help=LISTS["plans"]),
    "followups": schema.ListOf(schema.Record({
        "plan": identifier(help="上一年度安排的编号"),
        "status": schema.Choice(FOLLOWUP_STATUSES, help="落实情况"),
        "evidence": schema.Text(required=False, multiline=True, help="本年度报告中的相关原话"),
        "at": anchor(required=False),
    }, model=Followup), required=False, help=LISTS["followups"]),
    "versions": schema.ListOf(schema.Record({
        "version": schema.Integer(minimum=1, help="版本号，从 1 开始"),
        "date": schema.Date(help="日期"),
        "changes": schema.Text(multiline=True, help="改了什么、为什么"),
    }, model=Version), required=False, help=LISTS["versions"]),
    "errata": schema.ListOf(schema.Record({
        "version": schema.Integer(minimum=1, help="在哪个版本中记录"),
        "date": schema.Date(help="日期"),
        "at": anchor(),
        "original": quote(help="原文中有误的原话"),
        "corrected": schema.Text(help="更正后的写法"),
        "reason": schema.Text(multiline=True, help="更正依据"),
    }, model=Erratum), required=False, help=LISTS["errata"]),
}, model=YearData)


def validate(raw, located):
    """Validate a parsed year file.  Returns ``(YearData | None, problems)``.

    A broken field of the year itself (``published_on``, ``title``, a list
    that is not a list) does not hide the year from the checks: only without
    a ``year`` or a ``status`` is there nothing to check its pages against.
    """
    ctx = schema.Context(located)
    if not isinstance(raw, dict):
        ctx.error((), "年度数据文件的最外层应是“键: 值”", "请参考其他年份的文件。")
        return None, ctx.problems
    data = YEAR.validate(raw, (), ctx)
    if data is None:
        data = _usable(next((r for r in ctx.incomplete if r.path == ()), None))
    if data is None:
        return None, ctx.problems
    data.incomplete = [record.entry for record in ctx.incomplete if record.path]
    for name in ("figures", "shortcomings", "plans"):
        _unique_ids(data.every(name), located, ctx)
    return data, ctx.problems


def _usable(record):
    """The year of an incomplete year file, when its ``year`` and ``status``
    are there: its broken lists empty, its broken fields named."""
    if record is None or record.entry.year is None or record.entry.status is None:
        return None
    data = record.entry
    for name in LISTS:
        if getattr(data, name) is None:
            setattr(data, name, [])
    data.broken = record.broken
    return data


def _unique_ids(entries, located, ctx):
    entries = [entry for entry in entries if entry.id is not None]
    for entry, first in schema.first_by(entries, "id")[1]:
        line = located.at(first._path + ("id",))[0]
        ctx.error(entry._path + ("id",), f"编号“{entry.id}”重复（第一次在第 {line} 行）",
                  "同一年度内编号必须唯一。", rule=UNIQUE_ID)
