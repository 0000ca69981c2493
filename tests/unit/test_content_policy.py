"""The Content-Security-Policy of each page, as a pure function
(reports.render.content_policy): only the theme's inline scripts are hashed."""

from __future__ import annotations

import base64
import hashlib

import pytest

from reports.render import content_policy

PAGE = ('<!doctype html><html><head><meta charset="utf-8">'
        '<script>var theme=1</script><script id="__config" type="application/json">{"a":1}</script>'
        '<script src="x.js"></script></head><body><article class="md-content__inner">'
        '<p>正文</p><script>alert(1)</script></article>'
        '<script>var tabs=2</script></body></html>')


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_policy_string():
    assert content_policy.policy(["'sha256-AAA='"]) == (
        "default-src 'self'; script-src 'self' 'sha256-AAA='; style-src 'self'; "
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'")
    assert "unsafe" not in content_policy.policy(["'sha256-AAA='"])


def test_only_the_themes_inline_scripts_are_hashed():
    out = content_policy.apply(PAGE)
    head = out.split("<script", 1)[0]
    assert head.startswith('<!doctype html><html><head><meta charset="utf-8">'
                           '<meta http-equiv="Content-Security-Policy" content="')
    assert sha("var theme=1") in head and sha("var tabs=2") in head
    assert sha("alert(1)") not in head  # inside the article: never allowed
    assert sha('{"a":1}') not in head  # JSON data is not a script
    assert out.replace(head, "", 1) == PAGE.split('<meta charset="utf-8">', 1)[1]


def test_a_stray_closing_article_in_the_content_does_not_free_a_script():
    page = PAGE.replace("<p>正文</p>", "<p>正文</p></article><script>evil()</script><article>")
    assert sha("evil()") not in content_policy.apply(page).split("<body>", 1)[0]


def test_a_page_without_charset_is_refused():
    with pytest.raises(content_policy.MissingCharset):
        content_policy.apply("<html><head></head></html>")
