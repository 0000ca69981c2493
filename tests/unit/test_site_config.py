"""mkdocs.yml values the theme prints unescaped may hold no markup (checks.site_config)."""

from __future__ import annotations

import pytest
import yaml

from reports.checks import site_config

TEXT = """site_name: 库
site_description: 说明
extra:
  office:
    name: 办
    short_name: 简
  git:
    edit_url: http://git.example.invalid/r/-/edit/main/{path}
    tree_url: http://git.example.invalid/r/-/tree/main/{path}
"""
GOOD = {"site_name": "库", "site_description": "说明",
        "extra": {"office": {"name": "办", "short_name": "简"},
                  "git": {"edit_url": "http://git.example.invalid/r/-/edit/main/{path}",
                          "tree_url": "https://git.example.invalid/r/-/tree/main/{path}"}}}


def with_value(path, value):
    config = {"site_name": GOOD["site_name"], "site_description": GOOD["site_description"],
              "extra": {"office": dict(GOOD["extra"]["office"]), "git": dict(GOOD["extra"]["git"])}}
    target = config
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return config


def test_the_projects_values_pass():
    assert site_config.check(GOOD, TEXT) == []


BAD = [
    (("site_name",), '库<img src=x onerror=alert(1)>', 1, "site_name: 这里不能有符号 < >"),
    (("site_name",), '库" onmouseover="alert(1)', 1, 'site_name: 这里不能有符号 "'),
    (("site_description",), "说明</title><script>", 2, "site_description: 这里不能有符号 < >"),
    (("extra", "office", "name"), "办<b>", 5, "extra.office.name: 这里不能有符号 < >"),
    (("extra", "office", "short_name"), "简&amp;", 6, "extra.office.short_name: 这里不能有符号 &"),
    (("extra", "git", "edit_url"), "javascript:alert(1)//{path}", 8, "extra.git.edit_url: 地址“javascript:alert(1)//{path}”不对"),
    (("extra", "git", "edit_url"), "data:text/html,x{path}", 8, "extra.git.edit_url: 地址"),
    (("extra", "git", "edit_url"), 'http://x/{path}" onclick="alert(1)', 8, "extra.git.edit_url: 地址"),
    (("extra", "git", "tree_url"), "http://git.example.invalid/r/tree", 9, "extra.git.tree_url: 地址"),
    (("extra", "git", "tree_url"), "vbscript:x{path}", 9, "extra.git.tree_url: 地址"),
]


@pytest.mark.parametrize("path,value,line,message", BAD, ids=[str(i) for i in range(len(BAD))])
def test_unsafe_value_is_refused_at_its_line(path, value, line, message):
    found = site_config.check(with_value(path, value), TEXT)
    assert [(p.file, p.line) for p in found] == [("mkdocs.yml", line)]
    assert found[0].message.startswith(message), found[0].message


# --- extra.git: the forge, the repository's address, the branch --------------

GIT_TEXT = """site_name: 库
extra:
  git:
    forge: gitea
    repo_url: http://git.example.invalid/fzbg/reports
    branch: main
"""


def git_check(old="", new=""):
    assert old in GIT_TEXT
    text = GIT_TEXT.replace(old, new, 1)
    return site_config.check(yaml.safe_load(text), text)


@pytest.mark.parametrize("forge", ["gitea", "gitlab", "github"])
def test_each_known_forge_passes(forge):
    assert git_check("forge: gitea", f"forge: {forge}") == []


def test_explicit_patterns_need_no_forge():
    assert git_check("    forge: gitea\n    repo_url: http://git.example.invalid/fzbg/reports\n    branch: main\n",
                     "    edit_url: http://git.example.invalid/r/-/edit/main/{path}\n") == []


GIT_BAD = [
    ("forge: gitea", "forge: GitLab", 4, 12, "extra.git.forge: 不认识的 Git 服务器类型“GitLab”",
     "只能写 gitea、gitlab、github 之一（小写）；Forgejo 写 gitea。"),
    ("forge: gitea", "forge: bitbucket", 4, 12, "extra.git.forge: 不认识的 Git 服务器类型“bitbucket”", "gitea、gitlab、github"),
    ("forge: gitea", "forge:", 4, 5, "extra.git.forge: 没有写 Git 服务器的类型", "gitea、gitlab、github"),
    ("fzbg/reports", "fzbg/reports/", 5, 15,
     "extra.git.repo_url: 地址“http://git.example.invalid/fzbg/reports/”末尾不能有“/”",
     "请删去末尾的“/”，写成 http://git.example.invalid/fzbg/reports。"),
    ("http://git", "ftp://git", 5, 15,
     "extra.git.repo_url: 地址“ftp://git.example.invalid/fzbg/reports”不是以 http:// 或 https:// 开头", "网页地址"),
    ("http://git.example.invalid/fzbg/reports", "javascript:alert(1)", 5, 15,
     "extra.git.repo_url: 地址“javascript:alert(1)”不是以 http:// 或 https:// 开头", "网页地址"),
    ("fzbg/reports", "fzbg/my reports", 5, 15,
     "extra.git.repo_url: 地址“http://git.example.invalid/fzbg/my reports”中不能有 空格", "空格、引号"),
    ("repo_url: http://git.example.invalid/fzbg/reports", "repo_url: 'http://git.example.invalid/r\"{path}'", 5, 15,
     "extra.git.repo_url: 地址“http://git.example.invalid/r\"{path}”中不能有 \" { }", "花括号"),
    ("fzbg/reports", "fzbg/reports.git", 5, 15,
     "extra.git.repo_url: 地址“http://git.example.invalid/fzbg/reports.git”是克隆用的地址，不是网页地址",
     "请删去末尾的 .git，写成 http://git.example.invalid/fzbg/reports。"),
    ("fzbg/reports", "fzbg/reports?tab=files", 5, 15,
     "extra.git.repo_url: 地址“http://git.example.invalid/fzbg/reports?tab=files”中不能有 ? 或 #", "请删去 ? 或 #"),
    ("http://git.example.invalid/fzbg/reports", "https://", 5, 15, "extra.git.repo_url: 地址“https://”中缺少服务器名", "网页地址"),
    ("repo_url: http://git.example.invalid/fzbg/reports", "repo_url:", 5, 5,
     "extra.git.repo_url: 没有写本仓库的网页地址", "例如 http://git.example.invalid/fzbg/reports"),
    ("    repo_url: http://git.example.invalid/fzbg/reports\n", "", 4, 12,
     "extra.git.forge: 写了 forge，但没有写 repo_url（本仓库的网页地址）", "repo_url: http://git.example.invalid"),
    ("branch: main", "branch: 2024", 6, 13, "extra.git.branch: 分支名应是文字，这里是“2024”", 'branch: "2024"'),
    ("branch: main", "branch: release..1", 6, 13, "extra.git.branch: 分支名“release..1”不对", "不能有空格"),
    ("branch: main", "branch: 'my branch'", 6, 13, "extra.git.branch: 分支名“my branch”不对", "不能有空格"),
    ("branch: main", "branch: main/", 6, 13, "extra.git.branch: 分支名“main/”不对", "开头或结尾"),
    ("branch: main", "brnach: main", 6, 5, "extra.git.brnach: 不认识的设置“brnach”",
     "extra.git 中只能有 forge、repo_url、branch、edit_url、tree_url；请检查拼写。"),
    ("    forge: gitea\n", "", 4, 5, "extra.git.repo_url: 写了 repo_url 和 branch，但没有写 forge（Git 服务器的类型）",
     "请在 extra.git 中加一行 forge: 服务器类型，写 gitea、gitlab、github 之一，例如 forge: gitea。"),
    ("    forge: gitea\n    repo_url: http://git.example.invalid/fzbg/reports\n", "", 4, 5,
     "extra.git.branch: 写了 branch，但没有写 forge（Git 服务器的类型）", "例如 forge: gitea"),
    ("  git:\n    forge: gitea\n    repo_url: http://git.example.invalid/fzbg/reports\n    branch: main\n",
     "  git: http://git.example.invalid/fzbg/reports\n", 3, 8, "extra.git: 这里应是几行“键: 值”的设置", "forge: gitea"),
]


@pytest.mark.parametrize("old,new,line,column,message,hint", GIT_BAD, ids=[str(i) for i in range(len(GIT_BAD))])
def test_bad_git_settings_are_refused_where_they_are_written(old, new, line, column, message, hint):
    found = git_check(old, new)
    assert [(p.file, p.line, p.column, p.message) for p in found] == [("mkdocs.yml", line, column, message)]
    assert hint in found[0].hint, found[0].hint
    assert found[0].rule == site_config.ID


def test_a_value_is_located_past_the_tags_of_mkdocs_yml():
    """mkdocs.yml has tags the data loader refuses; the position is still found."""
    text = ("markdown_extensions:\n  - toc:\n      slugify: !!python/object/apply:pymdownx.slugs.slugify\n"
            "        kwds: {case: lower}\nsite_name: 库<b>\n")
    found = site_config.check({"site_name": "库<b>"}, text)
    assert [(p.line, p.column, p.message) for p in found] == [(5, 12, "site_name: 这里不能有符号 < >")]


# --- The footer's optional fields (extra.office: sponsor, address, contact) -----

FOOTER_TEXT = """site_name: 库
extra:
  office:
    name: 办
    sponsor: 主办
    address: 路
    contact: 电话
"""


def footer_check(old="", new=""):
    assert old in FOOTER_TEXT
    text = FOOTER_TEXT.replace(old, new, 1)
    return site_config.check(yaml.safe_load(text), text)


def test_footer_fields_are_optional_and_may_be_empty():
    assert footer_check() == []
    assert footer_check("    sponsor: 主办\n    address: 路\n    contact: 电话\n", "") == []
    assert footer_check("contact: 电话", 'contact: "022-12345678"') == []
    assert footer_check("address: 路", "address:") == []
    assert footer_check("address: 路", "address: >\n      示例路\n      1号") == []  # folded: one line


FOOTER_BAD = [
    ("contact: 电话", "contact: 2212345678", 7, 14, "extra.office.contact: 这里是“2212345678”，不是文字",
     '例如 contact: "022-12345678"'),
    ("address: 路", "address: 2024-01-01", 6, 14, "extra.office.address: 这里是“2024-01-01”，不是文字", "写在引号中"),
    ("address: 路", "address: |\n      示例路\n      1号", 6, 14, "extra.office.address: 这里是几行文字", "只能是一行文字"),
    ("sponsor: 主办", "sponsor: [甲, 乙]", 5, 14, "extra.office.sponsor: 这里是一组内容，不是一行文字", "删去这一行"),
    ("address: 路", "address: 示例路<script>", 6, 14, "extra.office.address: 这里不能有符号 < >", "页面底部的信息"),
    ("contact: 电话", "contact: 'x\" onclick=\"y'", 7, 14, 'extra.office.contact: 这里不能有符号 "', "改用中文符号"),
]


@pytest.mark.parametrize("old,new,line,column,message,hint", FOOTER_BAD, ids=[str(i) for i in range(len(FOOTER_BAD))])
def test_a_footer_field_that_is_not_one_line_of_text_is_refused_where_it_is_written(old, new, line, column, message, hint):
    found = footer_check(old, new)
    assert [(p.file, p.line, p.column, p.message) for p in found] == [("mkdocs.yml", line, column, message)]
    assert hint in found[0].hint, found[0].hint
