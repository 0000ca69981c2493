"""Every Markdown page, and the search vocabulary, is UTF-8.

Report pages are read by the archive, which reports a page it cannot decode
at the first bad byte; this rule covers the other pages (the site-wide ones,
and those of a year the archive could not load), and says nothing about a
file already reported, so that an editor reads one message per file.  The
build also reads ``data/search/terms.txt`` (``model.terms``): a GBK copy is
reported here rather than stopping the build with no word of where.
"""

from __future__ import annotations

from reports.model import terms
from reports.source.problems import ENCODING, Problem

ID = ENCODING
DESCRIPTION = "每个 Markdown 页面和检索词表都是 UTF-8 编码"


def check(archive, project) -> list:
    reported = {p.file for p in project.found}
    problems = [Problem(file, 1, 1, "文件不是 UTF-8 编码", "请用编辑器以“UTF-8”编码重新保存此文件。", rule=ID)
                for file, text in project.pages if text is None and file not in reported]
    return problems + ([] if project.root is None else terms.read(project.root)[1])
