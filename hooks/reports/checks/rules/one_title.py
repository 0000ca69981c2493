"""A report has one title: the year home's heading is the data file's ``title``.

The year's page shows its first heading (``# …`` in ``docs/<year>/index.md``);
the archive list, the home page, the navigation and the downloads show
``title`` from ``data/years/<year>.yml``.  Fixing one by hand and not the
other would show the report under two names, and nothing else would notice.
The problem is put on the heading, where a reader sees the title, and names
the data file's line too.
"""

from __future__ import annotations

from reports.checks.rules import per_year
from reports.source.problems import Problem

ID = "one-title"
DESCRIPTION = "年度首页的标题（一级标题）与数据文件中的 title 一致"

PUBLISHED_HINT = "已发布的年度改哪一处都是改动，要在 versions 中新增一版并运行 make lock。"


def check_year(year, catalog):
    home = year.pages.get("index")
    if home is None:
        return  # the loading reports a missing year home
    title = year.meta.title
    where = f"{year.data_file} 第 {year.located.at(('title',))[0]} 行"
    heading = next((b for b in home.blocks if b.kind in ("part", "title")), None)
    frozen = "" if year.is_draft else PUBLISHED_HINT
    if heading is None:
        yield Problem(home.file, 1, 1, f"{year.year} 年的年度首页没有标题（以“# ”开头的一级标题）",
                      f"请在第一行写“# {title}”，与 {where}的 title 相同。{frozen}", rule=ID)
    elif heading.text != title:
        yield Problem(
            home.file, heading.line, heading.column,
            f"{year.year} 年首页的标题“{heading.text}”与数据文件中的 title“{title}”不一致",
            f"报告只能有一个标题：首页显示这一行，历年报告列表、导航和数据下载显示 {where}的 title。"
            f"请以发布稿为准，把两处改成相同的文字。{frozen}", rule=ID)


check = per_year(check_year)
