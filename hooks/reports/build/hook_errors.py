"""No Python traceback reaches an editor.

Editors' mistakes are reported as problems with file and line long before
rendering.  If something still goes wrong inside a hook, it is a bug in this
project, not in the editor's change: say so in Chinese, name the page, and
stop the build cleanly.  Maintainers get the traceback with
``REPORTS_DEBUG=1``.

Every hook event passes through here, so this is also where ``make bench``
learns how long the hooks themselves take: with ``REPORTS_HOOK_TIMES`` set to
a file name, the seconds spent in each event handler are added up and
written to that file (JSON) when the build process ends.
"""

from __future__ import annotations

import atexit
import functools
import json
import logging
import os
import time
import traceback

from mkdocs.exceptions import Abort, MkDocsException

log = logging.getLogger("mkdocs.hooks.errors")

_TIMES_FILE = os.environ.get("REPORTS_HOOK_TIMES")
_times: dict = {}


def _write_times():
    with open(_TIMES_FILE, "w", encoding="utf-8") as handle:
        json.dump(_times, handle, ensure_ascii=False, sort_keys=True)


if _TIMES_FILE:
    atexit.register(_write_times)


def guarded(event):
    """Wrap a hook event handler so that unexpected errors abort cleanly."""

    name = f"{event.__module__}:{event.__name__}"

    @functools.wraps(event)
    def wrapper(*args, **kwargs):
        if _TIMES_FILE:
            start = time.perf_counter()
            try:
                return checked(*args, **kwargs)
            finally:
                _times[name] = _times.get(name, 0.0) + time.perf_counter() - start
        return checked(*args, **kwargs)

    def checked(*args, **kwargs):
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
