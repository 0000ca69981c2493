"""No Python traceback reaches an editor.

Editors' mistakes are reported as problems with file and line long before
rendering.  If something still goes wrong inside a hook, it is a bug in this
project, not in the editor's change: say so in Chinese, name the page, and
stop the build cleanly.  Maintainers get the traceback with
``REPORTS_DEBUG=1``.
"""

from __future__ import annotations

import functools
import logging
import os
import traceback

from mkdocs.exceptions import Abort, MkDocsException

log = logging.getLogger("mkdocs.hooks.errors")


def guarded(event):
    """Wrap a hook event handler so that unexpected errors abort cleanly."""

    @functools.wraps(event)
    def wrapper(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except MkDocsException:
            raise
        except Exception as exc:  # noqa: BLE001 - this is the last line of defence
            page = kwargs.get("page")
            where = f"处理页面 {page.file.src_uri} 时" if page is not None else "构建时"
            log.error(f"{where}发生内部错误（这不是您修改的内容有误）：{type(exc).__name__}: {exc}")
            if os.environ.get("REPORTS_DEBUG"):
                log.error(traceback.format_exc())
            raise Abort("构建中止：请把上面的错误信息转给网站维护人员"
                        "（设置环境变量 REPORTS_DEBUG=1 可查看详细信息）。") from None

    return wrapper
