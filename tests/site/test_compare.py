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
    # The switcher and the navigation reach the generated page.
    assert '<option value="../../2092/compare/">2092年度</option>' in html
