"""Git's conflict markers, in any file an editor changes.

A merge that could not be finished leaves ``<<<<<<<``, ``=======`` and
``>>>>>>>`` lines in the file; published as they stand, they would show
both sides of the conflict.  Pages (``checks.rules.page_markup``) and data
files (``source.yaml_source``) report them with this one reading.
"""

from __future__ import annotations

import re

START, MIDDLE, END = (re.compile(rf"^{c}{{7}}(?: |$)") for c in "<=>")
HINT = "这是 Git 合并时留下的冲突标记：请保留正确的一边，删除另一边和 <<<<<<<、=======、>>>>>>> 这三行。"


def marker_lines(lines) -> list:
    """Indexes of the conflict-marker lines of ``lines`` (``=======`` only
    between a start and an end: alone it is Markdown's heading underline)."""
    found, inside = [], False
    for index, line in enumerate(lines):
        if START.match(line) or END.match(line) or inside and MIDDLE.match(line):
            found.append(index)
            inside = bool(START.match(line)) or inside and not END.match(line)
    return found
