"""与上年对比: the generated page of every year, built from the fictional fixture archive."""

from __future__ import annotations

import re

from support.project import fixture_project, mkdocs_build


def test_compare_pages_are_generated_for_every_year(tmp_path):
    project = fixture_project(tmp_path / "p")
    page = project / "docs/2092/measures.md"
    data = project / "data/years/2092.yml"
    # A new paragraph in the draft-free way: 2093 is a draft (not locked).
    draft = project / "docs/2093/measures.md"
    draft.write_text(draft.read_text("utf-8").replace(
        "2.在示例宣传日开展宣传活动。", "2.在示例宣传日开展宣传活动。\n\n3.新增的第三项措施。"), "utf-8")
    # The draft's last mention of 示例法治宣传月 goes: only now has it gone.
    shortcomings = project / "docs/2093/shortcomings.md"
    shortcomings.write_text(shortcomings.read_text("utf-8").replace("，示例法治宣传月的活动形式较单一", ""), "utf-8")
    assert page.exists() and data.exists()
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    first = (project / "site/2091/compare/index.html").read_text("utf-8")
    assert "这是档案中最早的年度，没有可对比的上一年度。" in first
    html = (project / "site/2093/compare/index.html").read_text("utf-8")
    assert "对比对象：2092年度法治政府建设情况报告（测试数据）" in html
    assert re.search(r'<span class="compare-label">新增</span><a href="../measures/#s1-1-3">一（一）3</a> 3.新增的第三项措施。', html)
    assert "1.组织<del>2</del><ins>3</ins>名执法人员学习《示例法》。" in html
    assert "上年报告没有这一部分，本年度新增。" in html  # 2092 has no part 三
    assert "<tr><td>学法执法人员（名）</td><td>2</td><td>3</td><td>增加 1</td></tr>" in html
    assert facts(html, "宣传节点") == ["新增：无", "不再出现：示例法治宣传月", "延续：示例宣传日"]
    # The switcher and the navigation reach the generated page.
    assert '<option value="../../2092/compare/">2092年度</option>' in html


def facts(html: str, title: str) -> list:
    """The 新增 / 不再出现 / 延续 lines of one set (学习文件, 宣传节点), as text."""
    block = re.search(rf"<h3>{title}</h3>\s*<ul>(.*?)</ul>", html, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", item).strip() for item in re.findall(r"<li>(.*?)</li>", block, re.S)]


def test_studied_then_only_mentioned_continues_and_says_how(fictional_project):
    """2092 studies 《示例条例》 and holds 示例法治宣传月; 2093's data records
    neither, its text mentions both (tests/fixtures/archive)."""
    html = (fictional_project / "site/2093/compare/index.html").read_text("utf-8")
    assert facts(html, "学习文件") == ["新增：无", "不再出现：无", "延续：示例法、示例条例（上年学习，本年仅提及）"]
    assert facts(html, "宣传节点") == ["新增：无", "不再出现：无",
                                   "延续：示例宣传日、示例法治宣传月（上年开展活动，本年仅提及）"]
    first = (fictional_project / "site/2092/compare/index.html").read_text("utf-8")
    assert facts(first, "学习文件") == ["新增：示例条例", "不再出现：无", "延续：示例法"]
