"""Every routine change of CONTRIBUTING.md, done the web editor's way.

On a throwaway Git server (``support.forge``) each change is one commit on a
new branch -- what the editor's "new branch and merge request" makes -- and
is checked the way CI checks a merge request: a full clone, the variables
Gitea or GitLab set, ``PYTHONPATH=hooks python -m reports check`` before
anything else.  The YAML the clerk pastes is taken from the guide itself, and
every problem a test expects must be shown in the guide word for word, so
that the guide, the check and this test cannot drift apart.

The inbox (a report uploaded for CI to import) is not done here: its import
job runs on the forge, not in this check.
"""

from __future__ import annotations

import re

import pytest
import yaml

from support import guide
from support.forge import DRAFT_PAGE, DRAFT_SENTENCE, FORGES

YEAR_FILE = "data/years/2023.yml"
CATALOGUE = "data/catalog/documents.yml"
PUBLISHED_PAGE = "docs/2023/measures.md"

VERSION, ERRATUM = guide.blocks(guide.section("记录勘误"), "yaml")
FIGURE = guide.blocks(guide.section("关键数据"), "yaml")[0]
LAW = guide.blocks(guide.section("添加一部法律"), "yaml")[0]

PASSED = "检查通过：数据和页面没有发现错误。"
FAILED = "检查未通过：请按上面的提示修改后再提交。"
# The reference the freeze used: the base of the merge request, never data/lock.yml.
BASIS = {"gitea": "已发布年度的正文与 main 分支的分叉点比较（",
         "gitlab": "已发布年度的正文与合并请求的目标分支比较（"}


def check(server, kind, name, edits) -> list:
    """``edits`` committed on a new branch ``name-kind`` of ``server``; the lines the check prints there."""
    branch = f"{name}-{kind}"
    server.commit(branch, name, edits)
    result = server.check(branch, kind)
    lines = result.stdout.splitlines()
    assert result.stderr == "" and "Traceback" not in result.stdout, result.stderr
    assert lines[-2].startswith(BASIS[kind]), lines
    assert result.returncode == {PASSED: 0, FAILED: 1}[lines[-1]], lines
    return lines


def assert_passes(lines):
    assert lines[-1] == PASSED, "\n".join(lines)


def assert_fails_with(lines, *expected):
    """Each expected line is printed, and the guide shows it together with the hint printed below it."""
    assert lines[-1] == FAILED
    shown = guide.shown_lines()
    for line in expected:
        assert line in lines, "\n".join(lines)
        hint = lines[lines.index(line) + 1]
        assert hint.startswith("    提示："), hint
        assert line in shown and hint in shown, f"CONTRIBUTING.md should show:\n{line}\n{hint}"


def line_of(text: str, wanted: str, start: int = 0) -> int:
    """The 1-based number of the first line of ``text`` after line ``start`` that is ``wanted``."""
    return text.split("\n").index(wanted, start) + 1


def value_of(snippet: str, key: str):
    (entry,) = yaml.safe_load(snippet)
    return entry[key]


def without_line(snippet: str, key: str) -> str:
    return "".join(line for line in snippet.splitlines(keepends=True) if not line.strip().startswith(f"{key}:"))


def with_line(snippet: str, key: str, value: str) -> str:
    return re.sub(rf"(?m)^(\s*(?:- )?{key}: ).*$", lambda m: m.group(1) + value, snippet, count=1)


# --- 五、记录勘误 ------------------------------------------------------------------

@pytest.mark.parametrize("kind", FORGES)
def test_erratum_with_a_new_version_passes(git_server, kind):
    lines = check(git_server, kind, "erratum", {YEAR_FILE: lambda t: guide.paste_after_list(
        guide.paste_after_list(t, "versions", VERSION), "errata", ERRATUM)})
    assert_passes(lines)


@pytest.mark.parametrize("kind", FORGES)
def test_erratum_without_a_new_version_is_named_at_its_line(git_server, kind):
    lines = check(git_server, kind, "erratum-only", {YEAR_FILE: lambda t: guide.paste_after_list(t, "errata", ERRATUM)})
    data = git_server.file(f"erratum-only-{kind}", YEAR_FILE)
    first = ERRATUM.split("\n")[0]
    line = line_of(data, first, data.split("\n").index("errata:"))
    version = value_of(ERRATUM, "version")
    assert_fails_with(
        lines,
        f"{YEAR_FILE}:{line}:1: [错误] 2023 年的报告已发布，新增了勘误（{value_of(ERRATUM, 'at')}），但没有新增版本记录",
        f"{YEAR_FILE}:{line}:{first.index(': ') + 3}: [错误] errata[1].version: "
        f"勘误记在第 {version} 版，但 versions 中没有这一版")


# --- 七、改正或补充关键数据 ------------------------------------------------------------

@pytest.mark.parametrize("kind", FORGES)
def test_figure_from_the_guide_needs_no_version(git_server, kind):
    assert_passes(check(git_server, kind, "figure", {YEAR_FILE: lambda t: guide.paste_after_list(t, "figures", FIGURE)}))


@pytest.mark.parametrize("kind", FORGES)
def test_figure_that_no_longer_matches_its_quote(git_server, kind):
    lines = check(git_server, kind, "figure-typo", {YEAR_FILE: lambda t: t.replace("    value: 27\n", "    value: 72\n", 1)})
    data = git_server.file(f"figure-typo-{kind}", YEAR_FILE)
    figures = yaml.safe_load(data)["figures"]
    index = next(i for i, f in enumerate(figures) if f["value"] == 72)
    assert_fails_with(
        lines,
        f"{YEAR_FILE}:{line_of(data, '    value: 72')}:12: [错误] figures[{index}].value: "
        f"数值 72 与引文“{figures[index]['quote']}”中的数字不一致")


# --- 八、添加一部法律或文件到目录 ---------------------------------------------------------

def names_the_law(page: str) -> str:
    title = f"《{value_of(LAW, 'short_name')}》"
    return page.replace(DRAFT_SENTENCE, DRAFT_SENTENCE.replace("》。", f"》和{title}。"), 1)


@pytest.mark.parametrize("kind", FORGES)
def test_law_from_the_guide_lets_the_draft_name_it(git_server, kind):
    title = f"《{value_of(LAW, 'short_name')}》"
    lines = check(git_server, kind, "law", {DRAFT_PAGE: names_the_law})
    page = git_server.file(f"law-{kind}", DRAFT_PAGE)
    sentence = next(line for line in page.split("\n") if title in line)
    assert_fails_with(lines, f"{DRAFT_PAGE}:{line_of(page, sentence)}:{sentence.index(title) + 1}: [错误] "
                             f"{title}不在学习文件目录中")
    assert_passes(check(git_server, kind, "law", {CATALOGUE: lambda t: guide.paste_at_end(t, LAW)}))


def first_id_line(catalogue: str, entry_id: str) -> int:
    return line_of(catalogue, f"- id: {entry_id}")


@pytest.mark.parametrize("kind", FORGES)
def test_catalogue_entry_with_a_duplicate_id(git_server, kind):
    taken = "national-defense-education-law"  # the entry a clerk copies for a related law
    copied = with_line(LAW, "id", taken)
    lines = check(git_server, kind, "law-copied", {CATALOGUE: lambda t: guide.paste_at_end(t, copied)})
    catalogue = git_server.file(f"law-copied-{kind}", CATALOGUE)
    entries = yaml.safe_load(catalogue)
    line = line_of(catalogue, f"- id: {taken}", first_id_line(catalogue, taken))
    assert_fails_with(lines, f"{CATALOGUE}:{line}:{len('- id: ') + 1}: [错误] [{len(entries) - 1}].id: "
                             f"编号“{taken}”重复（第一次在第 {first_id_line(catalogue, taken)} 行）")


@pytest.mark.parametrize("kind", FORGES)
def test_catalogue_entry_missing_a_field(git_server, kind):
    lines = check(git_server, kind, "law-without-kind", {CATALOGUE: lambda t: guide.paste_at_end(t, without_line(LAW, "kind"))})
    catalogue = git_server.file(f"law-without-kind-{kind}", CATALOGUE)
    entries = yaml.safe_load(catalogue)
    line = first_id_line(catalogue, value_of(LAW, "id"))
    assert_fails_with(lines, f"{CATALOGUE}:{line}:3: [错误] [{len(entries) - 1}]: 缺少必填项“kind”（类别）")


# --- 九、修改草稿年度的正文；六、已发布的正文 --------------------------------------------------

@pytest.mark.parametrize("kind", FORGES)
def test_sentence_of_a_draft_year_changes_freely(git_server, kind):
    changed = DRAFT_SENTENCE.replace("》。", "》和《行政复议法》。")
    assert_passes(check(git_server, kind, "draft", {DRAFT_PAGE: lambda t: t.replace(DRAFT_SENTENCE, changed, 1)}))


@pytest.mark.parametrize("kind", FORGES)
def test_sentence_of_a_published_year_needs_a_version(git_server, kind):
    lines = check(git_server, kind, "published", {PUBLISHED_PAGE: lambda t: t.replace("全办共14人参加", "全办共15人参加", 1)})
    page = git_server.file(f"published-{kind}", PUBLISHED_PAGE)
    line = line_of(page, next(l for l in page.split("\n") if "全办共15人参加" in l))
    assert_fails_with(lines, f"{PUBLISHED_PAGE}:{line}:1: [错误] 2023 年的报告已发布，这一段被修改（s1-2-4），"
                             "但没有新增版本记录")
