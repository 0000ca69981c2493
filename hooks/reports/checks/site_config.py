"""The site's own settings in ``mkdocs.yml`` are safe to print and make
working edit links.

The theme prints ``site_name``, ``site_description`` and the page titles into
its HTML without escaping, and turns the edit URL into a link; the office
names go into every year page.  A quote or an angle bracket there would end
an attribute or start a tag, and a ``javascript:`` edit URL would run when
clicked.  So these values may hold no markup characters, and the Git
settings (``extra.git``, read by ``model.forge``) must name a known forge and
an http(s) repository address that the forge's patterns can be appended to:
a trailing ``/``, a ``?`` or ``.git`` would give every "编辑此页" button and
"改数据" link an address that exists nowhere, and nobody would notice until an
editor clicked one.  Each problem points at the value's line and column.

The footer's fields (``extra.office``: ``sponsor``, ``address``, ``contact``)
are optional; given, each is one line of text.  A telephone number typed
without quotes is a YAML number (022-… even loses its 0), so a value that is
not text is refused with the fix, rather than printed as something else.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from reports.model import forge
from reports.model.schema import MARKUP_CHARACTERS
from reports.source import yaml_source
from reports.source.problems import Problem

ID = "site-config"
DESCRIPTION = "mkdocs.yml 中的网站名称、机关名称、页面底部信息和 Git 服务器设置只能是安全的文字和网址"
FILE = "mkdocs.yml"

FOOTER = (("extra", "office", "sponsor"), ("extra", "office", "address"), ("extra", "office", "contact"))
FOOTER_EXAMPLES = {"sponsor": "某某区某某办公室", "address": "某某市某某区某某路1号", "contact": "022-12345678"}
PLAIN = (("site_name",), ("site_description",), ("extra", "office", "name"), ("extra", "office", "short_name"),
         *FOOTER)
GIT = ("extra", "git")
OVERRIDES = ("edit_url", "tree_url")
URL = re.compile(r"^(?:https?://[^\s\"'<>`\\]+|/?[^\s\"'<>`\\:]*)$", re.I)
# What may not be in a repository address: it would end the address or the
# attribute it is printed in, or be taken for a placeholder of the patterns.
UNSAFE = re.compile(r"[\s\"'<>`\\{}]")
# Branch names as Git allows them (git check-ref-format), less what an
# address cannot carry as it is.
BRANCH_CHARACTERS = re.compile(r"^[^\s\x00-\x1f\x7f~^:?*\[\\\"'<>`{}#%]+$")
EXAMPLE_REPO = "http://git.example.invalid/fzbg/reports"
FORGE_NAMES = "、".join(forge.FORGES)


def _get(config, path):
    value = config
    for key in path:
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value


def check(config, text: str = "") -> list:
    """Problems in the mkdocs.yml values; ``config`` is the loaded settings
    as a mapping (MkDocs' config works), ``text`` the file, for positions."""
    located = yaml_source.positions(text, FILE)

    def problem(path, message, hint, on_key=False):
        line, column = located.at(tuple(path), on_key)
        return Problem(FILE, line, column, f"{'.'.join(path)}: {message}", hint, rule=ID)

    problems = [problem(path, *found) for path in FOOTER if (found := _footer_problem(path, _get(config, path)))]
    for path in PLAIN:
        value = _get(config, path)
        if not isinstance(value, str):
            continue
        bad = sorted(set(value) & set(MARKUP_CHARACTERS))
        if bad:
            problems.append(problem(
                path, f"这里不能有符号 {' '.join(bad)}",
                "网站名称、机关名称和页面底部的信息会显示在每个页面上，只能是文字；请删除这些符号，或改用中文符号。"))
    git = _get(config, GIT)
    if git is not None:
        problems += _git_problems(git, problem)
    return problems


def _git_problems(git, problem) -> list:
    if not isinstance(git, Mapping):
        return [problem(GIT, "这里应是几行“键: 值”的设置",
                        f"请写成 forge: gitea 和 repo_url: {EXAMPLE_REPO} 这样的两行（各缩进两格），"
                        "或删去 git 这一节（不显示编辑链接）。")]
    problems = []
    for key in git:
        if key not in forge.KEYS:
            problems.append(problem(GIT + (str(key),), f"不认识的设置“{key}”",
                                    f"extra.git 中只能有 {'、'.join(forge.KEYS)}；请检查拼写。", on_key=True))
    name = git.get("forge")
    if "forge" in git and name not in forge.FORGES:
        message = "没有写 Git 服务器的类型" if name is None else f"不认识的 Git 服务器类型“{name}”"
        problems.append(problem(GIT + ("forge",), message, f"只能写 {FORGE_NAMES} 之一（小写）；Forgejo 写 gitea。"))
    if "forge" in git and "repo_url" not in git and not all(git.get(k) for k in OVERRIDES):
        problems.append(problem(GIT + ("forge",), "写了 forge，但没有写 repo_url（本仓库的网页地址）",
                                f"请在 forge 下面加一行 repo_url: {EXAMPLE_REPO}（换成本仓库的地址）。"))
    needing = [key for key in ("repo_url", "branch") if key in git]
    if needing and "forge" not in git:
        problems.append(problem(GIT + (needing[0],), f"写了 {' 和 '.join(needing)}，但没有写 forge（Git 服务器的类型）",
                                f"请在 extra.git 中加一行 forge: 服务器类型，写 {FORGE_NAMES} 之一，例如 forge: gitea。",
                                on_key=True))
    if "repo_url" in git:
        found = _repo_url_problem(git["repo_url"])
        if found:
            problems.append(problem(GIT + ("repo_url",), *found))
    if "branch" in git:
        found = _branch_problem(git["branch"])
        if found:
            problems.append(problem(GIT + ("branch",), *found))
    for key in OVERRIDES:
        value = git.get(key)
        if key in git and (not isinstance(value, str) or not URL.match(value) or forge.PATH not in value):
            problems.append(problem(
                GIT + (key,), f"地址“{value}”不对",
                "请写成以 http:// 或 https:// 开头、含有 {path} 的地址，例如 "
                f"{EXAMPLE_REPO}/-/edit/main/{{path}}；不能有空格、引号或尖括号。"))
    return problems


def _footer_problem(path, value):
    """(message, hint) when a footer field is not one line of text, or None."""
    if value is None or (isinstance(value, str) and "\n" not in value.strip()):
        return None
    if isinstance(value, str):
        what = "几行文字"
    elif isinstance(value, (Mapping, list)):
        what = "一组内容，不是一行文字"
    else:  # a number, a date, yes/no: YAML read it as something else
        what = f"“{value}”，不是文字"
    key = path[-1]
    return (f"这里是{what}",
            f"页面底部的这一项只能是一行文字，请写在引号中，例如 {key}: \"{FOOTER_EXAMPLES[key]}\"；"
            "不需要这一项时删去这一行。")


def _repo_url_problem(value):
    """(message, hint) of what is wrong with the repository address, or None."""
    hint = f"请写本仓库在 Git 服务器上的网页地址，即在浏览器中打开仓库首页时地址栏里的地址，例如 {EXAMPLE_REPO}。"
    if not isinstance(value, str) or not value:
        return "没有写本仓库的网页地址", hint
    if not re.match(r"^https?://", value, re.I):
        return f"地址“{value}”不是以 http:// 或 https:// 开头", hint
    bad = list(dict.fromkeys("空格" if c.isspace() else c for c in UNSAFE.findall(value)))
    if bad:
        return f"地址“{value}”中不能有 {' '.join(bad)}", "空格、引号、尖括号、反斜杠和花括号都不能用；" + hint
    if not re.match(r"^https?://[^/?#]+", value, re.I):
        return f"地址“{value}”中缺少服务器名", hint
    if "?" in value or "#" in value:
        return f"地址“{value}”中不能有 ? 或 #", "请删去 ? 或 # 及其后面的部分；" + hint
    if value.endswith("/"):
        return f"地址“{value}”末尾不能有“/”", f"请删去末尾的“/”，写成 {value.rstrip('/')}。"
    if value.lower().endswith(".git"):
        return (f"地址“{value}”是克隆用的地址，不是网页地址",
                f"请删去末尾的 .git，写成 {value[:-4]}。")
    return None


def _branch_problem(value):
    """(message, hint) of what is wrong with the branch name, or None."""
    hint = "请写要编辑的分支名，例如 main；不写 branch 时就是 main。"
    if not isinstance(value, str):
        return f"分支名应是文字，这里是“{value}”", f"请给分支名加上引号，例如 branch: \"{value}\"。"
    if (not BRANCH_CHARACTERS.match(value) or ".." in value or "//" in value or "@{" in value
            or value.startswith(("/", ".", "-")) or value.endswith(("/", ".", ".lock"))):
        return (f"分支名“{value}”不对",
                "分支名中不能有空格、引号、尖括号、花括号和 ~ ^ : ? * [ \\ # %，不能以“/”“.”开头或结尾；" + hint)
    return None
