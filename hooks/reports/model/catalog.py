"""The shared catalogues: documents studied and publicity campaigns.

Years refer to catalogue entries by ``id``; names are written once here, with
every form the reports use (short name, aliases), so that a law studied in
three years is one entry with three uses, and the check can recognise a
《title》 in the text whichever way it was written.
"""

from __future__ import annotations

import dataclasses
import datetime
import pathlib

from reports.model import schema
from reports.source import yaml_source
from reports.source.problems import PROJECT_FILES, SCHEMA, UNIQUE_ID, Problem

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_HINT = "编号只能用英文小写字母、数字和连字符，例如 civil-code。"

DOCUMENT_KINDS = {
    "law": "法律",
    "regulation": "行政法规",
    "local": "地方性法规和规章",
    "party": "党内法规",
    "policy": "政策文件",
    "theory": "理论著作和讲话",
    "internal": "本单位文件",
}
# Ways one title is typed: ASCII brackets for full-width ones, a hyphen or an
# en dash for the dash (2021-2025年 for 2021—2025年), spaces.
_TYPED_AS = str.maketrans({"(": "（", ")": "）", "-": "—", "–": "—", "－": "—", "‐": "—", "―": "—",
                           " ": None, "\u3000": None})


def typed_form(title: str) -> str:
    """``title`` with the variants of ``_TYPED_AS`` written one way, for matching."""
    return title.translate(_TYPED_AS)

# Whose an entry is.  ``make new-archive`` gives another office the national
# entries only: an entry without a scope is not known to be national.
SCOPES = {
    "national": "全国",
    "local": "地方",
    "office": "本单位",
}


@dataclasses.dataclass
class Document:
    id: str
    name: str
    kind: str
    short_name: str | None = None
    aliases: list = dataclasses.field(default_factory=list)
    issuer: str | None = None
    adopted: datetime.date | None = None
    revised: datetime.date | None = None
    effective: datetime.date | None = None
    verified: bool = False
    note: str | None = None
    scope: str | None = None
    source: str | None = None
    draft: bool = False  # added by make import from a 《title》 in a report, not yet checked by a person
    _path: tuple = ()

    @property
    def names(self) -> list:
        """Every form of the title, longest first (for matching in text)."""
        forms = {self.name, *(self.aliases or [])}
        if self.short_name:
            forms.add(self.short_name)
        return sorted(forms, key=lambda n: (-len(n), n))

    @property
    def label(self) -> str:
        return self.short_name or self.name

    @property
    def kind_label(self) -> str:
        return DOCUMENT_KINDS[self.kind]


@dataclasses.dataclass
class Campaign:
    id: str
    name: str
    when: str
    aliases: list = dataclasses.field(default_factory=list)
    month: int | None = None
    basis: str | None = None
    verified: bool = False
    note: str | None = None
    scope: str | None = None
    source: str | None = None
    _path: tuple = ()

    @property
    def names(self) -> list:
        return sorted({self.name, *(self.aliases or [])}, key=lambda n: (-len(n), n))


class Boolean(schema.Field):
    label = "真假值"

    def validate(self, value, path, ctx):
        if isinstance(value, bool):
            return value
        ctx.error(path, f"这里只能写 true 或 false，实际是“{value}”", "true 表示“是”，false 表示“否”。")
        return None


def identifier(**kw):
    return schema.Text(pattern=ID_PATTERN, pattern_hint=ID_HINT, **kw)


DOCUMENT = schema.Record({
    "id": identifier(help="唯一编号，如 civil-code"),
    "name": schema.Text(help="正式全称，如 中华人民共和国民法典"),
    "short_name": schema.Text(required=False, help="报告中常用的简称（不带书名号）"),
    "aliases": schema.ListOf(schema.Text(), required=False, help="其他写法"),
    "kind": schema.Choice(DOCUMENT_KINDS, help="类别"),
    "issuer": schema.Text(required=False, help="制定机关"),
    "adopted": schema.Date(required=False, help="通过日期"),
    "revised": schema.Date(required=False, help="最近一次修订或修正日期"),
    "effective": schema.Date(required=False, help="现行文本施行日期"),
    "verified": Boolean(required=False, default=False, help="各项事实是否已核实"),
    "source": schema.Text(required=False, multiline=True, help="核实所依据的公开来源"),
    "scope": schema.Choice(SCOPES, required=False, help="适用范围"),
    "note": schema.Text(required=False, multiline=True, help="备注"),
    "draft": Boolean(required=False, default=False, help="make import 自动添加、尚未核实的草稿条目"),
}, model=Document)

CAMPAIGN = schema.Record({
    "id": identifier(help="唯一编号，如 constitution-day"),
    "name": schema.Text(help="规范名称，如 国家宪法日"),
    "aliases": schema.ListOf(schema.Text(), required=False, help="报告中出现的其他写法"),
    "when": schema.Text(help="日期规则，如 每年12月4日"),
    "month": schema.Integer(required=False, minimum=1, maximum=12, help="所在月份"),
    "basis": schema.Text(required=False, help="依据"),
    "verified": Boolean(required=False, default=False, help="是否已核实"),
    "source": schema.Text(required=False, multiline=True, help="核实所依据的公开来源"),
    "scope": schema.Choice(SCOPES, required=False, help="适用范围"),
    "note": schema.Text(required=False, multiline=True, help="备注"),
}, model=Campaign)


@dataclasses.dataclass
class Catalog:
    documents: dict  # id -> Document, in file order
    campaigns: dict  # id -> Campaign
    documents_file: str = "data/catalog/documents.yml"
    campaigns_file: str = "data/catalog/campaigns.yml"
    # Entries of either file with a broken field (None there): left out
    # above, but what names them is not reported as unknown -- their own
    # problem is, and fixing it is the one thing to do.
    incomplete: list = dataclasses.field(default_factory=list)

    def is_incomplete(self, id_or_name: str) -> bool:
        """Whether an entry left out for a broken field has this id or name."""
        return any(id_or_name in (entry.id, entry.name, getattr(entry, "short_name", None), *(entry.aliases or ()))
                   for entry in self.incomplete)
    documents_located: yaml_source.Located = None  # positions in documents_file, for messages

    def document_by_name(self, title: str):
        """The document ``title`` names: one of its names, or one typed with
        ASCII brackets or a hyphen for the dash (``typed_form``)."""
        for document in self.documents.values():
            if title in document.names:
                return document
        typed = typed_form(title)
        for document in self.documents.values():
            if typed in map(typed_form, document.names):
                return document
        return None


def load(root, data_dir="data"):
    """Load both catalogues.  Returns ``(catalog, problems)``."""
    root = pathlib.Path(root)
    problems, incomplete = [], []
    documents, located = _load_list(root, f"{data_dir}/catalog/documents.yml", DOCUMENT, "学习文件", problems, incomplete)
    campaigns, _ = _load_list(root, f"{data_dir}/catalog/campaigns.yml", CAMPAIGN, "宣传节点", problems, incomplete)
    return Catalog(documents, campaigns, f"{data_dir}/catalog/documents.yml",
                   f"{data_dir}/catalog/campaigns.yml", incomplete=incomplete, documents_located=located), problems


def _load_list(root, rel, record, what, problems, incomplete):
    """``(entries by id, positions)`` of one catalogue file."""
    path = root / rel
    if not path.exists():
        problems.append(Problem(rel, 1, 1, f"缺少{what}目录文件 {rel}", "请从仓库历史中恢复此文件。",
                                rule=PROJECT_FILES))
        return {}, None
    return read_list(path.read_bytes(), rel, record, what, problems, incomplete)


def read_list(data, rel, record=DOCUMENT, what="学习文件", problems=None, incomplete=None):
    """``(entries by id, positions)`` of a catalogue file's text; its
    problems are added to ``problems``, the entries kept back for a broken
    field to ``incomplete`` when given (``make import`` reads the catalogue
    it is about to write this way)."""
    problems = [] if problems is None else problems
    value, located, found = yaml_source.load(data, rel)
    problems += found
    if value is None:
        return {}, located
    ctx = schema.Context(located)
    entries = schema.ListOf(record).validate(value, (), ctx)
    problems += ctx.problems
    problems += unsourced(entries or [], located)
    if incomplete is not None:
        incomplete += [found.entry for found in ctx.incomplete]
    return unique_by_id(entries or [], located, problems, what), located


def unsourced(entries, located) -> list:
    """A fact marked verified says where it was verified: without ``source``
    nobody can check it again, and ``verified`` is only a claim."""
    return [located.problem(entry._path + ("verified",),
                            f"“{entry.id}”标为已核实（verified: true），但没有写出处 source",
                            "请添加一行“source: …”，写明核实所依据的公开来源（如法律文本的条文、发布机关的公告），"
                            "或改为 verified: false。", rule=SCHEMA)
            for entry in entries if entry.verified and not entry.source]


def unique_by_id(entries, located, problems, what) -> dict:
    """Index entries by id; a repeated id, or a repeated name, is an error."""
    by_id, repeats = schema.first_by(entries, "id")
    for entry, first in repeats:
        line = located.at(first._path + ("id",))[0]
        problems.append(located.problem(entry._path + ("id",),
                                        f"编号“{entry.id}”重复（第一次在第 {line} 行）",
                                        f"每个{what}的编号必须唯一。", rule=UNIQUE_ID))
    names = {}
    for entry in by_id.values():
        for name in getattr(entry, "names", []):
            if name in names and names[name] != entry.id:
                problems.append(located.problem(entry._path, f"名称“{name}”同时属于“{names[name]}”和“{entry.id}”",
                                                "同一个名称只能对应一个条目，否则无法判断正文中指的是哪一个。",
                                                rule=UNIQUE_ID))
            names.setdefault(name, entry.id)
    return by_id
