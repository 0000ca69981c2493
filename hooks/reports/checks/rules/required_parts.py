"""A year's report has every part the regulations ask for.

《法治政府建设与责任落实督察工作规定》 lists the parts of the annual report;
a missing one is worth a warning, never an error, because old reports did not
always have them and the archive keeps reports as they were published.
"""

from __future__ import annotations

from reports.checks.rules import per_year
from reports.model import parts
from reports.model import report_text
from reports.source.problems import Problem, WARNING

ID = "required-parts"
DESCRIPTION = "年度报告包含规定的各个部分（缺少时为警告）"


def check_year(year, catalog):
    for number, kind in enumerate(parts.PARTS, 1):
        if kind.slug not in year.pages:
            # Said where a file exists (the part's page does not): the year home, else its data.
            home = year.pages.get("index")
            yield Problem(
                home.file if home is not None else year.data_file, 1, 1,
                f"{year.year} 年的报告缺少第{report_text.cn_numeral(number)}部分“{kind.short_title}”",
                "《法治政府建设与责任落实督察工作规定》要求年度报告包含这一部分。如果原文确实没有，可忽略此警告；"
                f"否则请新建 docs/{year.year}/{kind.slug}.md。", level=WARNING, rule=ID)


check = per_year(check_year)
