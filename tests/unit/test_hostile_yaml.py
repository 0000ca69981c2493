"""Hostile or clumsy YAML: a Chinese message with its position, never a
traceback, never a tag obeyed (source.yaml_source, model.schema)."""

from __future__ import annotations

import pytest
import yaml

from reports.model import year_data
from reports.source import yaml_errors, yaml_source
from support.repository import ROOT

HEAD = "year: 2023\ntitle: 2023年度法治政府建设情况报告\n"


def load_year(text):
    value, located, problems = yaml_source.load(text.encode("utf-8"), "data/years/2023.yml")
    if value is None:
        return [(p.line, p.column, p.message) for p in problems]
    _, problems = year_data.validate(value, located)
    return [(p.line, p.column, p.message) for p in problems]


CASES = [
    (HEAD + "status: [published]\n", (3, 9, "这里应是一个选项，实际是列表")),
    (HEAD + "status: {a: 1}\n", (3, 9, "这里应是一个选项，实际是“键: 值”组")),
    (HEAD + 'status: !!python/object/apply:os.system ["touch pwned"]\n',
     (3, 9, "不能使用 YAML 标签“!!python/object/apply:os.system”")),
    (HEAD + "status: !!python/name:os.system\n", (3, 9, "不能使用 YAML 标签“!!python/name:os.system”")),
    (HEAD + "status: !include secrets.yml\n", (3, 9, "不能使用 YAML 标签“!include”")),
    (HEAD + "status: !!binary aGVsbG8=\n", (3, 9, "不能使用 YAML 标签“!!binary”")),
    (HEAD + "status: !!set {a, b}\n", (3, 9, "不能使用 YAML 标签“!!set”")),
    (HEAD + "status: published\nfigures: " + "[" * 60 + "]" * 60 + "\n", (4, 50, "嵌套层次太深（超过 40 层）")),
    (HEAD + "status: published\nfigures: " + "[" * 5000 + "]" * 5000 + "\n", (4, 50, "嵌套层次太深（超过 40 层）")),
    (HEAD + "status: published\nfigures:\n" + "".join("  " * i + "- \n" for i in range(1, 60)),
     None),  # deep block nesting: any position, but a message, not a traceback
]


@pytest.mark.parametrize("text,expected", CASES, ids=[str(i) for i in range(len(CASES))])
def test_hostile_yaml_gets_a_message(text, expected):
    found = load_year(text)
    assert found, "accepted"
    if expected is not None:
        line, column, message = expected
        assert (found[0][0], found[0][1]) == (line, column), found
        assert found[0][2].startswith(message), found
    assert all(isinstance(m, str) and m for _, _, m in found)


def test_explicit_plain_tags_are_fine():
    assert load_year(HEAD + "status: !!str published\n") == []


def test_conflict_markers_in_a_data_file():
    text = HEAD + "<<<<<<< HEAD\nstatus: published\n=======\nstatus: draft\n>>>>>>> other\n"
    assert load_year(text) == [(3, 1, "文件中有未解决的合并冲突标记"), (5, 1, "文件中有未解决的合并冲突标记"),
                               (7, 1, "文件中有未解决的合并冲突标记")]


# --- Syntax errors: the cause, in Chinese, with what to do ---------------------
# In the manner of yamllint's rule tests: YAML text in, the one problem out as
# (line, column, message), and a phrase of its hint that says what to type.

def syntax_problem(text, file="data/years/2023.yml"):
    value, _, problems = yaml_source.load(text.encode("utf-8"), file)
    assert value is None and len(problems) == 1, problems
    problem = problems[0]
    assert problem.message.startswith("YAML 语法错误："), problem
    return problem.line, problem.column, problem.message.removeprefix("YAML 语法错误："), problem.hint


SYNTAX = {
    # expected <block end>, but found …: the line that does not fit is named.
    "block-end-sequence": ("a:\n  b: 1\n - c\n", 3, 2, "列表项“- ”的缩进与上面对不齐", "上下对齐"),
    "block-end-dash": ("a:\n  b: 1\n  - c\n", 3, 3, "这里应是“键: 值”，却是列表项“- ”", "请去掉“- ”"),
    "block-end-scalar": ("a:\n    b: 1\n  c\n", 3, 3, "这一行的缩进与上面的键对不齐", "请让这一行与上面同一级的键对齐"),
    "block-end-mapping": ("a:\n    b: 1\n  c: 2\n", 3, 3, "这一行的缩进与上面的键对不齐", "同样多的空格"),
    "block-end-key-in-list": ("plans:\n  - id: a\n  text: 甲\n", 3, 3, "这一行应是列表项（以“- ”开头），或者缩进不对", "比“- ”多缩进两个空格"),
    "block-end-key-after-list": ("- a\nb: 1\n", 2, 1, "这一行应是列表项（以“- ”开头），或者缩进不对", "以“- ”开头"),
    "block-end-anchor": ("a:\n    b: 1\n  &x c\n", 3, 3, "这一行的缩进与上面的键对不齐", "对齐"),
    "block-end-brace": ("a:\n    b: 1\n  {c: 1}\n", 3, 3, "这一行的缩进与上面的键对不齐", "对齐"),
    "words-after-quote": ('title: "报告"（修订）\n', 1, 12, "引号已经结束，后面还有文字", "把结束的引号移到文字末尾"),
    # mapping values are not allowed here: a colon in the text, a missing space, a key too far right.
    "colon-in-value": ("title: 报告: 2023\n", 1, 10, "值里有英文冒号“:”，被当成了又一个“键: 值”", "改用中文冒号“：”"),
    "colon-at-end": ("when: 每年:\n", 1, 9, "值里有英文冒号“:”，被当成了又一个“键: 值”", "用引号括起来"),
    "key-indented-too-far": ("year: 2023\n  title: 报告\n", 2, 3, "这一行比上面的键缩进得多，被当成了上一行文字的延续", "与上面同一级的键对齐"),
    "no-space-after-colon": ("year:2023\ntitle: 报告\n", 1, 5, "冒号“:”后面缺少空格", "在冒号后面加一个空格"),
    # could not find expected ':': the line without a colon, not the one after it.
    "missing-colon": ("year: 2023\ntitle 报告\nstatus: draft\n", 2, 1, "这一行缺少冒号“:”", "“键: 值”"),
    "full-width-colon": ("year: 2023\ntitle：报告\nstatus: draft\n", 2, 1, "这一行用了中文冒号“：”，缺少英文冒号“:”", "英文的“:”"),
    # found character … that cannot start any token.
    "backtick": ("title: `报告`\n", 1, 8, "“`”不能写在值或键的开头", "用引号括起来"),
    "at-sign": ("who: @主任\n", 1, 6, "“@”不能写在值或键的开头", '"@…"'),
    "percent": ("rate: %5\n", 1, 7, "“%”不能写在值或键的开头", '"%…"'),
    "tab-after-dash": ("plans:\n  -\tid: a\n", 2, 4, "这里有制表符（Tab）", "换成空格"),
    # end of stream, brackets, escapes, anchors and aliases.
    "unclosed-double-quote": ('title: "报告\nyear: 2023\nstatus: draft\n', 1, 8, "这里开始的引号“\"”没有闭合", "补上同样的引号（\"）"),
    "unclosed-single-quote": ("title: '报告\nyear: 2023\n", 1, 8, "这里开始的引号“'”没有闭合", "补上同样的引号（'）"),
    "quote-closed-by-a-later-one": ('title: "报告\nyear: 2023\nnote: "说明"\n', 1, 8, "这里开始的引号“\"”没有闭合", "中文引号"),
    "unclosed-bracket": ("documents: [civil-code, criminal-law\nat: s1\n", 1, 12, "方括号“[”没有闭合", "补上“]”"),
    "unclosed-brace": ("a: {b: 1\n", 1, 4, "花括号“{”没有闭合", "补上“}”"),
    "wrong-bracket": ("documents: [civil-code}\n", 1, 23, "方括号“[…]”中这里应是逗号“,”或“]”", "英文逗号"),
    "unknown-escape": ('path: "C:\\docs"\n', 1, 10, "双引号中的反斜杠“\\”用法不对", "改用单引号"),
    "bad-hex-escape": ('a: "\\xZZ"\n', 1, 5, "双引号中的反斜杠“\\”用法不对", "两个反斜杠"),
    "duplicate-anchor": ("a: &x 1\nb: &x 2\n", 2, 4, "锚点“&x”重复出现（第一次在第 1 行）", "不使用锚点和别名"),
    "undefined-alias": ("note: *footnote\n", 1, 7, "别名“*footnote”没有对应的锚点", "用引号括起来"),
    "star-before-text": ("note: *注：见附件\n", 1, 7, "以“*”开头的文字会被当成别名", "用引号括起来"),
    "list-after-colon": ("documents: - civil-code\n", 1, 12, "列表项“- ”不能写在冒号后面的同一行", "从下一行开始"),
    "value-starts-with-comma": ("note: ,说明\n", 1, 7, "这里应是一个值，却是“,”", '",…"'),
    "text-after-pipe": ("note: |说明\n", 1, 7, "“|”后面不能直接写文字", "文字从下一行开始"),
    "two-documents": ("year: 2023\n---\nyear: 2024\n", 2, 1, "文件里有第二个 YAML 文档（“---”）", "请删除“---”这一行"),
    "document-end": ("year: 2023\n...\ntitle: 报告\n", 2, 1, "数据文件里不能有“...”行或以“%”开头的行", "请删除这一行"),
    "control-character": ("title: 报告\x07\n", 1, 10, "文件中有不能使用的控制字符（U+0007）", "请删除这个看不见的字符"),
}


@pytest.mark.parametrize("text,line,column,message,hint", SYNTAX.values(), ids=SYNTAX.keys())
def test_syntax_error_is_explained_at_its_cause(text, line, column, message, hint):
    found = syntax_problem(text)
    assert found[:3] == (line, column, message)
    assert hint in found[3]


def test_every_explained_syntax_error_has_its_own_hint():
    hints = {syntax_problem(text)[3] for text, *_ in SYNTAX.values()}
    assert yaml_errors.GENERAL_HINT not in hints
    assert len(hints) >= 20


def test_an_unexplained_syntax_error_is_chinese_with_pyyaml_s_own_words():
    # A YAML version directive is too rare in a data file to explain.
    line, column, message, hint = syntax_problem("%YAML 2.0\n---\na: 1\n")
    assert (line, column) == (1, 1)
    assert message == "无法解析（found incompatible YAML document (version 1.* is required)）"
    assert hint == yaml_errors.GENERAL_HINT


# libyaml words the same problems differently ("did not find expected key");
# the loader parses a failing file again in Python, but the explanations must
# not depend on which parser gave up.
LIBYAML = ["block-end-scalar", "tab-after-dash", "star-before-text", "block-end-key-in-list", "colon-in-value",
           "key-indented-too-far", "no-space-after-colon", "missing-colon", "backtick", "at-sign",
           "unclosed-double-quote", "quote-closed-by-a-later-one", "unclosed-bracket", "unknown-escape",
           "duplicate-anchor", "undefined-alias", "text-after-pipe", "words-after-quote"]


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML without libyaml")
@pytest.mark.parametrize("name", LIBYAML)
def test_libyaml_errors_are_explained_the_same_way(name):
    text, line, column, message, _ = SYNTAX[name]
    with pytest.raises(yaml.YAMLError) as raised:
        yaml.compose(text, Loader=yaml.CSafeLoader)
    explained = yaml_errors.explain(raised.value, text)
    assert explained[:3] == (line, column, "YAML 语法错误：" + message)


@pytest.mark.parametrize("closing", ['"', "'"])
def test_an_unclosed_quote_in_the_catalogue_is_reported_where_it_opens(closing):
    """The real campaigns catalogue with one value quoted and its closing
    quote removed: the problem is on the quote's line, not at the file's end
    (PyYAML's "found unexpected end of stream"), and not at a later value
    whose quote happens to close it."""
    lines = (ROOT / "data" / "catalog" / "campaigns.yml").read_text("utf-8").split("\n")
    middle = min((n for n, line in enumerate(lines) if line.startswith("  basis: ")),
                 key=lambda n: abs(n - len(lines) // 2))
    key, value = lines[middle].split(": ", 1)
    quoted = lines[:middle] + [f"{key}: {closing}{value}{closing}"] + lines[middle + 1:]
    assert yaml_source.load("\n".join(quoted), "data/catalog/campaigns.yml")[0] is not None
    unclosed = lines[:middle] + [f"{key}: {closing}{value}"] + lines[middle + 1:]
    where = (middle + 1, len(key) + 3, f"这里开始的引号“{closing}”没有闭合")
    assert syntax_problem("\n".join(unclosed), "data/catalog/campaigns.yml")[:3] == where
    # A later value in quotes closes the open one: parsing then fails (or
    # worse, succeeds with a swallowed key) lines below the cause.
    later = next(n for n in range(middle + 3, len(lines)) if lines[n].startswith("  when: "))
    when_key, when = lines[later].split(": ", 1)
    unclosed[later] = f"{when_key}: {closing}{when}{closing}"
    assert syntax_problem("\n".join(unclosed), "data/catalog/campaigns.yml")[:3] == where
    unclosed[later] = f"{when_key}: {when}{closing}"  # parses: the quote ends there
    assert syntax_problem("\n".join(unclosed), "data/catalog/campaigns.yml")[:3] == where
