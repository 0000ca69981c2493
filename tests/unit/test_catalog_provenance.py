"""Where the catalogues' facts come from: ``source`` on every verified entry,
``scope`` (whose an entry is), and no pointer to a file outside the repository."""

from __future__ import annotations

import re

import pytest

from reports.model import catalog
from support.repository import ROOT

FILE = "data/catalog/documents.yml"
ENTRY = """\
- id: civil-code
  name: 中华人民共和国民法典
  kind: law
  verified: {verified}
{extra}"""


def parse(text, record=catalog.DOCUMENT):
    problems = []
    entries = catalog.read_list(text, FILE, record, "学习文件", problems)[0]
    return entries, [p.format() for p in problems]


def test_a_verified_entry_without_a_source_is_an_error_at_its_verified_line():
    _, problems = parse(ENTRY.format(verified="true", extra=""))
    assert problems == [
        f"{FILE}:4:13: [错误] [0].verified: “civil-code”标为已核实（verified: true），但没有写出处 source\n"
        "    提示：请添加一行“source: …”，写明核实所依据的公开来源（如法律文本的条文、发布机关的公告），"
        "或改为 verified: false。"]


@pytest.mark.parametrize("verified,extra", [
    ("true", "  source: 《中华人民共和国民法典》第一千二百六十条\n"),
    ("false", ""),
])
def test_a_source_is_required_of_verified_entries_only(verified, extra):
    entries, problems = parse(ENTRY.format(verified=verified, extra=extra))
    assert problems == [] and list(entries) == ["civil-code"]


@pytest.mark.parametrize("written,scope", [("national", "national"), ("全国", "national"), ("本单位", "office"),
                                           (None, None)])
def test_scope_is_one_of_three_and_may_be_left_out(written, scope):
    extra = f"  scope: {written}\n" if written else ""
    entries, problems = parse(ENTRY.format(verified="false", extra=extra))
    assert problems == [] and entries["civil-code"].scope == scope


def test_an_unknown_scope_is_refused_with_the_choices():
    _, problems = parse(ENTRY.format(verified="false", extra="  scope: 津南\n"))
    assert problems == [f"{FILE}:5:10: [错误] [0].scope: “津南”不是可选的值\n"
                        "    提示：只能是：national（全国）、local（地方）、office（本单位）。"]


def test_the_campaigns_take_the_same_fields():
    text = "- id: day\n  name: 某日\n  when: 每年1月1日\n  verified: true\n  scope: local\n"
    _, problems = parse(text, catalog.CAMPAIGN)
    assert [p.split("\n")[0] for p in problems] == [
        f"{FILE}:4:13: [错误] [0].verified: “day”标为已核实（verified: true），但没有写出处 source"]


@pytest.mark.parametrize("name", ["documents", "campaigns"])
def test_the_repository_catalogues_say_where_each_verified_fact_is_from(name):
    rel = f"data/catalog/{name}.yml"
    text = (ROOT / rel).read_text("utf-8")
    record = catalog.DOCUMENT if name == "documents" else catalog.CAMPAIGN
    problems = []
    entries = catalog.read_list(text, rel, record, name, problems)[0]
    assert problems == []
    assert entries and all(entry.scope for entry in entries.values())
    # Nothing points at notes kept outside the repository.
    assert not re.search(r"shared|reference|catalog\.md|参考目录|\bV2\b|（U）", text)
