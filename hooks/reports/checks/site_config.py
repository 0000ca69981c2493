"""The site's own settings in ``mkdocs.yml`` are safe to print.

The theme prints ``site_name``, ``site_description`` and the page titles into
its HTML without escaping, and turns the edit URL into a link; the office
names go into every year page.  A quote or an angle bracket there would end
an attribute or start a tag, and a ``javascript:`` edit URL would run when
clicked.  So these values may hold no markup characters, and the Git URLs
must be http(s) addresses (or relative paths) with ``{path}`` in them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from reports.model.schema import MARKUP_CHARACTERS
from reports.source.problems import Problem

ID = "site-config"
DESCRIPTION = "mkdocs.yml 中的网站名称、机关名称和 Git 地址只能是安全的文字和网址"
FILE = "mkdocs.yml"

PLAIN = (("site_name",), ("site_description",), ("extra", "office", "name"), ("extra", "office", "short_name"))
URLS = (("extra", "git", "edit_url"), ("extra", "git", "tree_url"))
URL = re.compile(r"^(?:https?://[^\s\"'<>`\\]+|/?[^\s\"'<>`\\:]*)$", re.I)


def _get(config, path):
    value = config
    for key in path:
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value


def line_of(text: str, path) -> int:
    """Line of the last key of ``path`` in mkdocs.yml (1 when not found)."""
    lines = text.split("\n")
    start, indent = 0, -1
    for key in path:
        pattern = re.compile(rf"^(?P<indent>\s*){re.escape(key)}\s*:")
        for index in range(start, len(lines)):
            m = pattern.match(lines[index])
            if m and len(m.group("indent")) > indent:
                start, indent = index, len(m.group("indent"))
                break
        else:
            return 1
    return start + 1


def check(config, text: str = "") -> list:
    """Problems in the mkdocs.yml values; ``config`` is the loaded settings
    as a mapping (MkDocs' config works), ``text`` the file, for line numbers."""
    problems = []
    for path in PLAIN:
        value = _get(config, path)
        if not isinstance(value, str):
            continue
        bad = sorted(set(value) & set(MARKUP_CHARACTERS))
        if bad:
            problems.append(Problem(
                FILE, line_of(text, path), 1, f"{'.'.join(path)}: 这里不能有符号 {' '.join(bad)}",
                "网站名称和机关名称会显示在每个页面的标题栏中，只能是文字；请删除这些符号，或改用中文符号。",
                rule=ID))
    for path in URLS:
        value = _get(config, path)
        if value is None:
            continue
        name = ".".join(path)
        if not isinstance(value, str) or not URL.match(value) or "{path}" not in value:
            problems.append(Problem(
                FILE, line_of(text, path), 1, f"{name}: 地址“{value}”不对",
                "请写成以 http:// 或 https:// 开头、含有 {path} 的地址，例如 "
                "http://git.example.invalid/fzbg/reports/-/edit/main/{path}；不能有空格、引号或尖括号。",
                rule=ID))
    return problems
