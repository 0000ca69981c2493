"""MkDocs hook: a build that fails because of the machine (the output folder
is a file, read-only, or the disk is full) ends with a Chinese message, not a
Python traceback (``reports.build.faults``).
"""

from __future__ import annotations

from mkdocs.exceptions import Abort

from reports.build import faults


def on_build_error(error):
    if isinstance(error, OSError):
        raise Abort("构建失败：" + faults.message(error)) from None
