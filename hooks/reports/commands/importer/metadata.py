"""What a portal page or a printed document says around the report: page
furniture (dropped) and metadata lines (kept as data, never as text).

Portals print 索引号, 发布机构, 发布日期 ... above or below the report, in
every format (``发布日期: 2020- 03- 12``, ``更新时间:2021/03/29 11:30:01``,
``索 引 号 : 001002003/2023-00020``), often several on one line; they wrap it
in furniture (``适老版 关爱版``, breadcrumbs, clocks, ``打印本页 关闭窗口``);
printed documents add page numbers.  None of it is report text.  A metadata
line becomes facts of the year (``year_data.DOCUMENT_FACTS`` and
``published_on``); furniture is only listed.  Pure functions of one line.
"""

from __future__ import annotations

import dataclasses
import datetime
import re

# Metadata labels -> the year's field they give (None: listed, not kept).
# A label may be printed with spaces between its characters (索 引 号).
LABELS = {
    "索引号": "index_number",
    "文号": "doc_number", "发文字号": "doc_number",
    "发布机构": "issuer", "发文机关": "issuer", "发布单位": "issuer", "发文单位": "issuer",
    "成文日期": "written_on",
    "发布日期": "published_on", "发布时间": "published_on", "发文日期": "published_on",
    "公开日期": "published_on", "发表时间": "published_on", "更新时间": "updated_on",
    "来源": "source", "信息来源": "source", "文章来源": "source",
    "名称": "title", "标题": "title",
    "签发人": "signer",
    "主题分类": None, "所属主题": None, "主题词": None, "有效性": None, "体裁分类": None,
    "组配分类": None, "服务对象": None, "公文种类": None, "作者": None, "责任编辑": None,
    "浏览次数": None, "访问次数": None, "点击数": None, "阅读次数": None, "字号": None,
}
# Which of the dates printed is the publication date (the first one present).
PUBLISHED = ("published_on", "updated_on")


def _spaced(label: str) -> str:
    return r"\s*".join(map(re.escape, label))


_LABEL = "|".join(_spaced(label) for label in sorted(LABELS, key=len, reverse=True))
# A label starts the line (after a bracket or bullet), or follows white space;
# its value runs to the next label.
LABEL_AT = re.compile(rf"(?:^|(?<=[\s|｜丨【\[]))(?P<label>{_LABEL})\s*[：:]")
LINE_START = re.compile(rf"^[【\[]?\s*(?:{_LABEL})\s*[：:]")

DATE = re.compile(r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
                  r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?")
# A date alone in brackets, as portals print it after the title: ( 2024年01月15日 )
BRACKET_DATE = re.compile(r"[（(]\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*[）)]\s*$")

# Lines of the web page or the printed document around the report, not its text.
FURNITURE = (
    # version switches: 适老版 关爱版 无障碍 …, alone on a line
    re.compile(r"^(?:(?:适老版|关爱版|长者版|老年版|无障碍(?:浏览|阅读)?|简体|繁體|繁体|English|手机版|"
               r"智能问答|登录|注册|[|｜丨/·\s])+)$"),
    re.compile(r"^(?:当前位置|您(?:现在)?的位置|您所在的位置|您当前的位置|所在位置|当前所在位置)\s*[：:]"),
    re.compile(r"^[-—－]\s*[^-—－。，]{1,20}\s*[-—－]\s*[^-—－。，]{1,20}$"),  # - 某某 - 通知公告
    re.compile(r"^今天是\s*[：:]?\s*\d{4}\s*年"),
    re.compile(r"IE\s*版本过低|浏览器版本过低|请升级\s*IE"),
    re.compile(r"^[【\[]?\s*字号\s*[：:]?\s*[大中小\s]+[】\]]?$"),
    re.compile(r"^扫一扫"),
    re.compile(r"^(?:[【\[]?\s*(?:打印(?:本页|此页)?|关闭(?:窗口|本页)?|返回顶部|收藏|分享(?:到)?[：:]?|纠错|"
               r"字体[：:]?[\s大中小]*|[大中小])\s*[】\]]?\s*)+$"),
    re.compile(r"^(?:上一篇|下一篇)\s*[：:]"),
    re.compile(r"^[-—–－―]+\s*\d+\s*[-—–－―]+$"),  # — 3 —  -3-
    re.compile(r"^第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?$"),
)


@dataclasses.dataclass(frozen=True)
class Fact:
    """One metadata value as printed, and the line it was on."""

    label: str  # as printed, without spaces: 发布日期
    field: str | None  # the year's field, or None for one that is only listed
    text: str  # the value as printed
    line: int
    value: object = None  # a datetime.date for dates, else the text

    @property
    def kept(self) -> bool:
        return self.field is not None and self.value is not None


def is_furniture(text: str) -> bool:
    return any(pattern.search(text) for pattern in FURNITURE)


def parse_date(text: str):
    """The first date in ``text`` as printed in any of the portals' formats, or None."""
    m = DATE.search(text)
    if not m:
        return None
    try:
        return datetime.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


def metadata_line(text: str, line: int):
    """The facts of a metadata line, or None when the line is not one."""
    if not LINE_START.match(text):
        return None
    matches = list(LABEL_AT.finditer(text))
    facts = []
    for m, following in zip(matches, matches[1:] + [None]):
        label = re.sub(r"\s+", "", m.group("label"))
        value = text[m.end():following.start() if following else len(text)].strip(" \t　】]|｜丨")
        field = LABELS[label]
        parsed = value or None
        if field is not None and field.endswith("_on"):
            parsed = parse_date(value)
        facts.append(Fact(label, field, value, line, parsed))
    return facts


def published(facts) -> Fact | None:
    """The fact that gives the publication date: 发布日期 and the like before 更新时间."""
    for field in PUBLISHED:
        for fact in facts:
            if fact.field == field and fact.value is not None:
                return fact
    return None


def date_warnings(facts, year: int, today: datetime.date) -> list:
    """``(fact, why)`` for each printed date later than today or before the year reported on."""
    found = []
    for fact in facts:
        if not isinstance(fact.value, datetime.date):
            continue
        if fact.value > today:
            found.append((fact, f"晚于今天（{today.isoformat()}）"))
        elif fact.value.year < year:
            found.append((fact, f"早于报告所说的 {year} 年"))
    return found
