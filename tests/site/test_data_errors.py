"""Editors' mistakes: each broken file gives its precise Chinese message with
file:line:col, through ``make check`` and through the build, never a traceback.

The corpus is ``tests/fixtures/broken-data/``: each file replaces
``data/years/2023.yml`` in a copy of the project.
"""

from __future__ import annotations

import re

import pytest

from support.project import copy_project, mkdocs_build, run_check
from support.repository import ROOT

CORPUS = ROOT / "tests" / "fixtures" / "broken-data"
Y = "data/years/2023.yml"

EXPECTED = {
    "syntax-error": f"{Y}:7:18: [错误] YAML 语法错误：值里有英文冒号“:”，被当成了又一个“键: 值”",
    "tab-indent": f"{Y}:7:1: [错误] 缩进中有制表符（Tab）",
    "duplicate-key": f"{Y}:5:1: [错误] status: 键“status”重复出现（第一次在第 3 行）",
    "wrong-type": f"{Y}:7:12: [错误] figures[0].value: 这里应是整数，实际是文字“二十七”",
    "missing-field": f"{Y}:5:5: [错误] figures[0]: 缺少必填项“label”（名称，如 随机执法检查）",
    "unknown-key": f"{Y}:8:5: [错误] figures[0].units: 未知的键“units”",
    "unknown-reference": f"{Y}:6:15: [错误] studies[0].document: 学习文件目录中没有编号“civil-cod”",
    "unknown-anchor": f"{Y}:9:9: [错误] figures[0].at: 2023 年的报告中没有位置为“s1-4-9”的段落",
    "empty": f"{Y}:1:1: [错误] 文件是空的",
    "not-utf8": f"{Y}:4:3: [错误] 文件不是 UTF-8 编码，无法读取",
    "figure-not-in-text": f"{Y}:7:12: [错误] figures[0].value: 数值 72 与引文“2023年开展随机执法检查27项”中的数字不一致",
    "quote-not-in-text": f"{Y}:10:12: [错误] figures[0].quote: 引文“开展随机执法检查27次”不在所指段落 s1-4-3 中",
}

HINTS = {
    "unknown-reference": "最接近的编号有：civil-code",
    "unknown-key": "是不是想写：unit？",
    "figure-not-in-text": "原文在 docs/2023/measures.md:39",
    "tab-indent": "请把 Tab 换成两个空格",
    "not-utf8": "UTF-8",
}


def test_corpus_and_expectations_match():
    assert sorted(p.stem for p in CORPUS.glob("*.yml")) == sorted(EXPECTED)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("broken") / "p")


def use(project, case):
    (project / Y).write_bytes((CORPUS / f"{case}.yml").read_bytes())


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_check_reports_the_mistake(project, case):
    use(project, case)
    result = run_check(project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert EXPECTED[case] in lines
    assert HINTS.get(case, "提示：") in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("case", ["syntax-error", "duplicate-key", "unknown-reference", "not-utf8", "empty"])
def test_build_reports_the_same_mistake_and_publishes_nothing(project, case, tmp_path):
    use(project, case)
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 1
    assert f"ERROR   -  {EXPECTED[case]}" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (site / "index.html").exists()


def test_unknown_title_in_the_text_names_the_page_position(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "docs/2023/measures.md"
    page.write_text(page.read_text("utf-8").replace("《国防法》", "《国防教育条例》"), "utf-8")
    result = run_check(project)
    assert "docs/2023/measures.md:15:103: [错误] 《国防教育条例》不在学习文件目录中" in result.stdout.splitlines()
    # The data entry quoting the old title is reported too, naming the paragraph.
    assert "引文“《国防法》”不在所指段落 s1-2-2 中" in result.stdout
    assert "段落在 docs/2023/measures.md:15" in result.stdout


def test_duplicate_catalogue_id_is_reported(tmp_path):
    project = copy_project(tmp_path / "p")
    catalog = project / "data/catalog/documents.yml"
    text = catalog.read_text("utf-8")
    first = re.search(r"^- id: (\S+)$", text, re.M).group(1)
    catalog.write_text(text + f"- id: {first}\n  name: 重复条目\n  kind: law\n", "utf-8")
    result = run_check(project)
    assert re.search(rf"data/catalog/documents.yml:\d+:7: \[错误\] \[\d+\]\.id: 编号“{first}”重复（第一次在第 \d+ 行）",
                     result.stdout), result.stdout


# --- Values are escaped: data can neither inject markup nor break a table -----

PAYLOADS = {
    "label: 随机执法检查": "label: 随机执法检查<script>alert('x')</script>",
    "how: 组织学习\n": "how: \"<img src=x onerror=alert(1)>组织学习 | 第二列\"\n",
}


def test_markup_in_data_is_escaped_and_tables_stay_intact(tmp_path):
    project = copy_project(tmp_path / "p")
    data = project / Y
    text = data.read_text("utf-8")
    for old, new in PAYLOADS.items():
        assert old in text
        text = text.replace(old, new, 1)
    text = text.replace("    text: 继续学习宣传贯彻", "    text: |-\n      第一行 | 竖线\n\n      第二行<b>粗</b>\n      继续学习宣传贯彻", 1)
    data.write_text(text, "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site/2023/index.html").read_text("utf-8")
    assert "<script>alert" not in home
    assert "随机执法检查&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in home
    measures = (tmp_path / "site/2023/measures/index.html").read_text("utf-8")
    assert "<img src=x" not in measures
    assert "&lt;img src=x onerror=alert(1)&gt;组织学习 | 第二列" in measures
    table = re.search(r'<div class="report-table" id="table-studies"[^>]*>.*?</div>', measures, re.S).group(0)
    rows = re.findall(r"<tr>.*?</tr>", table, re.S)
    assert all(row.count("<td>") == 5 for row in rows[1:]), "every row keeps its five cells"
    plans = (tmp_path / "site/2023/plans/index.html").read_text("utf-8")
    assert "<b>粗</b>" not in plans
    assert re.search(r"<td>第一行 \| 竖线\s*第二行&lt;b&gt;粗&lt;/b&gt;\s*继续学习宣传贯彻", plans)


def test_quote_that_names_another_document_is_reported(tmp_path):
    project = copy_project(tmp_path / "p")
    data = project / Y
    text = data.read_text("utf-8")
    data.write_text(text.replace("    quote: 《民法典》", "    quote: 《行政处罚法》", 1), "utf-8")
    result = run_check(project)
    assert re.search(r"data/years/2023.yml:\d+:12: \[错误\] studies\[\d+\]\.quote: "
                     r"引文“《行政处罚法》”中没有出现“民法典”的任何名称", result.stdout), result.stdout
