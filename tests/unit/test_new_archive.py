"""make new-archive in memory: which catalogue entries another office gets,
and the new mkdocs.yml (tests/site/test_new_archive.py runs the command)."""

from __future__ import annotations

import pytest

from reports.commands import new_archive
from reports.model import catalog
from support.repository import ROOT

HEADER = "# 学习文件目录。\n# 第二行说明。\n"
CIVIL_CODE = """\
- id: civil-code
  name: 中华人民共和国民法典
  kind: law
  # 条目中的注释随条目带走。
  verified: true
  source: 《中华人民共和国民法典》第一千二百六十条
  scope: national
"""
CONSTITUTION = """\
# 紧贴在条目上方的注释也随条目带走。
- id: constitution
  name: 中华人民共和国宪法
  kind: law
  scope: 全国
"""
CATALOGUE = HEADER + "\n# ---- 一、2023 年报告中出现的文件 ----\n\n" + CIVIL_CODE + """\
# 本单位的文件，说明也不带走。
- id: training-plan
  name: 区某某办2023年度学法计划
  kind: policy
  scope: office

- id: local-regulations
  name: 天津市国防教育条例
  kind: local
  scope: local

# 没有 scope 的条目
- id: unknown
  name: 某某文件
  kind: policy

# ---- 二、其他 ----

""" + CONSTITUTION
FILE = "data/catalog/documents.yml"


def test_only_national_entries_go_with_their_own_comments_and_the_file_header():
    text, kept, left, problems = new_archive.national_entries(CATALOGUE, FILE, catalog.DOCUMENT, "学习文件")
    assert problems == []
    assert (kept, left) == (["civil-code", "constitution"], ["training-plan", "local-regulations", "unknown"])
    assert text == HEADER + "\n" + CIVIL_CODE + "\n" + CONSTITUTION


def test_a_catalogue_with_no_national_entry_is_an_empty_list_not_an_empty_file():
    text, kept, _, problems = new_archive.national_entries(
        "# 目录。\n- id: plan\n  name: 学法计划\n  kind: policy\n  scope: office\n", FILE, catalog.DOCUMENT, "学习文件")
    assert (text, kept, problems) == ("# 目录。\n\n[]\n", [], [])
    entries = []
    assert catalog.read_list(text, FILE, catalog.DOCUMENT, "学习文件", entries)[0] == {} and entries == []


def test_a_catalogue_with_errors_is_not_copied():
    text, kept, _, problems = new_archive.national_entries(
        "- id: Civil Code\n  name: 民法典\n  kind: law\n  scope: national\n", FILE, catalog.DOCUMENT, "学习文件")
    assert (text, kept) == ("", [])
    assert [p.format().split("\n")[0] for p in problems] == [
        f"{FILE}:1:7: [错误] [0].id: “Civil Code”的格式不对"]


@pytest.mark.parametrize("rel,record", [("data/catalog/documents.yml", catalog.DOCUMENT),
                                        ("data/catalog/campaigns.yml", catalog.CAMPAIGN)])
def test_the_repository_catalogues_give_every_national_entry_unchanged(rel, record):
    data = (ROOT / rel).read_bytes()
    found = []
    entries = catalog.read_list(data, rel, record, "目录", found)[0]
    text, kept, left, problems = new_archive.national_entries(data, rel, record, "目录")
    assert problems == [] and kept and "津南" not in text
    assert kept == [i for i, e in entries.items() if e.scope == "national"]
    assert left == [i for i, e in entries.items() if e.scope != "national"]
    carried = catalog.read_list(text, rel, record, "目录", found)[0]
    assert found == []
    assert [fields(e) for e in carried.values()] == [fields(entries[i]) for i in kept]


def fields(entry) -> dict:
    """An entry's values, without where it stands in its file."""
    return {k: v for k, v in vars(entry).items() if k != "_path"}


def test_the_configuration_gets_the_new_names_and_keeps_every_other_line():
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    values = {path: value.format(name="区司法局", full_name="天津市某某区司法局: 测试 # 不是注释")
              for path, value in new_archive.SETTINGS.items()}
    out = new_archive.configuration(config, values)
    assert {path: new_archive.setting(out, path) for path in values} == values
    changed = [(a, b) for a, b in zip(config.split("\n"), out.split("\n")) if a != b]
    assert len(changed) == 4 and len(out.split("\n")) == len(config.split("\n"))
    assert new_archive.setting(out, ("theme", "name")) == "material"


def test_this_offices_footer_does_not_go_to_the_new_archive():
    config = (ROOT / "mkdocs.yml").read_text("utf-8").replace(
        "    short_name: 区国动办\n", "    short_name: 区国动办\n    sponsor: 示例区人民政府\n"
        "    address: 示例路1号\n    contact: \"022-12345678\"\n", 1)
    out = new_archive.configuration(config, new_archive.new_settings(config, "区司法局", "天津市某某区司法局"))
    office = ("extra", "office")
    assert [new_archive.setting(out, office + (key,)) for key in ("name", "sponsor", "address", "contact")] == [
        "天津市某某区司法局", "", "", ""]
    assert "示例" not in out and '    contact: "022-12345678"\n' not in out
    # Not given here: nothing is added.
    plain = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert set(new_archive.new_settings(plain, "甲", "乙")) == set(new_archive.SETTINGS)


def test_the_configuration_refuses_to_guess_a_setting_that_is_not_there():
    with pytest.raises(ValueError, match="找不到 extra.office.short_name"):
        new_archive.configuration("site_name: x\nextra:\n  office:\n    name: y\n",
                                  {("extra", "office", "short_name"): "z"})
