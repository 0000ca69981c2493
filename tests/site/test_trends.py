"""数据趋势: the page the build makes from the key figures, on the fictional
fixture archive as it is and after its data changed."""

from __future__ import annotations

import pathlib
import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from support.project import mkdocs_build

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str):
    return ET.fromstring(svg)


# --- The built page -------------------------------------------------------------------

def article(project):
    html = (project / "site" / "trends" / "index.html").read_text("utf-8")
    return html[html.index("<article"):html.index("</article>")]


def table_rows(html):
    table = re.search(r'<div class="report-table trends-table".*?</table>', html, re.S).group(0)
    header = re.findall(r'<th scope="col" class="trends-table__year">(\d{4})', table)
    rows = {}
    for label, cells in re.findall(r'<tr><th scope="row"><a [^>]*>([^<]+)</a></th><td>[^<]*</td>(.*?)</tr>',
                                   table, re.S):
        rows[label] = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", cells)]
    return header, rows


def chart(html, fid):
    svg = re.search(rf'<section class="trend" aria-labelledby="figure-{fid}">.*?(<svg.*?</svg>)', html, re.S)
    return parse(svg.group(1))


@pytest.fixture(scope="module")
def project(fictional_project):
    """The fictional archive, built once per session (tests/conftest.py)."""
    return fictional_project


def test_built_page_has_the_table_and_a_chart_per_figure(project):
    html = article(project)
    header, rows = table_rows(html)
    assert header == ["2091", "2092", "2093"]
    assert rows == {"学法执法人员": ["1", "2", "3"]}
    assert 'href="../2091/measures/#s1-1-1"' in html
    root = chart(html, "trained-staff")
    assert root.find(SVG + "desc").text == "学法执法人员（名）：2091年 1，2092年 2，2093年 3（草稿）"
    assert "2093年（草稿）比2092年增加 1 名。" in html
    full = (project / "site" / "trends" / "index.html").read_text("utf-8")
    assert "assets/stylesheets/trends.css" in full
    home = (project / "site" / "index.html").read_text("utf-8")
    assert re.search(r'<a href="trends/"[^>]*>\s*<span class="md-ellipsis">\s*数据趋势\s*</span>', home)  # navigation


def test_page_follows_the_data(project, tmp_path):
    """Change the draft year's figure and add one only it states: rebuild."""
    project = pathlib.Path(shutil.copytree(project, tmp_path / "p", ignore=shutil.ignore_patterns("site")))
    measures = project / "docs" / "2093" / "measures.md"
    text = measures.read_text("utf-8")
    assert "组织3名执法人员" in text and "2.在示例宣传日开展宣传活动。" in text
    measures.write_text(text.replace("组织3名执法人员", "组织5名执法人员")
                        .replace("2.在示例宣传日开展宣传活动。", "2.在示例宣传日开展宣传活动4次。"), "utf-8")
    data = project / "data" / "years" / "2093.yml"
    yml = data.read_text("utf-8")
    yml = yml.replace("    value: 3\n", "    value: 5\n").replace("quote: 组织3名执法人员", "quote: 组织5名执法人员")
    yml = yml.replace("studies:\n", "  - id: campaign-events\n    label: 宣传活动\n    value: 4\n    unit: 次\n"
                                   "    at: s1-1-2\n    quote: 开展宣传活动4次\nstudies:\n", 1)
    data.write_text(yml, "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "trends" / "index.html").read_text("utf-8")
    html = html[html.index("<article"):html.index("</article>")]
    header, rows = table_rows(html)
    assert rows == {"学法执法人员": ["1", "2", "5"], "宣传活动": ["—", "—", "4"]}
    assert list(rows) == ["学法执法人员", "宣传活动"]  # the newest year's order
    assert "2093年（草稿）比2092年增加 3 名。" in html
    desc = chart(html, "campaign-events").find(SVG + "desc").text
    assert desc == "宣传活动（次）：2091年 无数据，2092年 无数据，2093年 4（草稿）"
    assert chart(html, "trained-staff").find(SVG + "desc").text.endswith("2093年 5（草稿）")
