"""Every 《title》 in a year's report is a name in the documents catalogue.

The catalogue is what makes a law findable across years; a title missing
from it would silently be left out of the laws page and the finder.  The
position is the 《 itself, so that an editor's cursor lands on it.
"""

from __future__ import annotations

import re

from reports.checks.rules import per_year
from reports.model.schema import nearest
from reports.source.problems import Problem

ID = "title-catalogued"
DESCRIPTION = "正文中的每个《书名》都在学习文件目录中"

TITLE = re.compile(r"《([^《》\n]+)》")


def check_year(year, catalog) -> list:
    problems = []
    for page in year.pages.values():
        if page.slug == "full":
            continue
        for block in page.blocks:
            for m in TITLE.finditer(block.text):
                title = m.group(1)
                if catalog.document_by_name(title) is not None:
                    continue
                before = block.text[:m.start()]
                line = block.line + before.count("\n")
                column = m.start() - (before.rfind("\n") + 1) + 1
                if "\n" not in before:
                    column += block.column - 1
                names = [n for d in catalog.documents.values() for n in d.names]
                problems.append(Problem(
                    page.file, line, column,
                    f"《{title}》不在学习文件目录中",
                    f"请在 {catalog.documents_file} 中添加这个文件（或把这种写法加到已有条目的 aliases 中）。"
                    f"相近的名称：{nearest(title, names)}。", rule=ID))
    return problems


check = per_year(check_year)
