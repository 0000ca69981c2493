"""mkdocs.yml values the theme prints unescaped may hold no markup (checks.site_config)."""

from __future__ import annotations

import pytest

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
