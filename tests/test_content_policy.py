"""Every page carries a Content-Security-Policy; nothing outside the theme runs.

Unit tests of ``reports.render.content_policy`` on small pages, then the
built site in Chromium: no page type triggers a violation, and a page into
which a script, an external image and an external background were smuggled
runs and fetches none of them.
"""

from __future__ import annotations

import base64
import hashlib
import shutil

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


VIOLATIONS = ("window.__violations=[];document.addEventListener('securitypolicyviolation',"
              "e=>window.__violations.push(e.violatedDirective+' '+e.blockedURI))")
PAGE_TYPES = ["", "2023/", "2023/measures/", "2023/full/", "2023/compare/", "archive/", "finder/",
              "laws/", "calendar/", "followups/", "trends/", "404.html"]


@pytest.fixture()
def policy_page(browser):
    from browser_support import block_other_hosts

    context = browser.new_context()
    block_other_hosts(context)
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    yield page
    context.close()


def test_every_page_type_loads_without_a_violation(site, policy_page):
    from browser_support import SearchBox, serve

    with serve(site) as base:
        for path in PAGE_TYPES:
            html = (site / (path or "index.html") if path.endswith(".html") else site / path / "index.html")
            assert 'http-equiv="Content-Security-Policy"' in html.read_text("utf-8"), path
            policy_page.goto(base + path)
            policy_page.wait_for_load_state("networkidle")
            assert policy_page.evaluate("window.__violations") == [], path
        # The search still answers: its worker and index are the site's own.
        policy_page.goto(base + "2023/measures/")
        policy_page.keyboard.press("/")
        results = SearchBox(policy_page, base).search("行政复议法")
        assert "2023/measures/#s1-4" in results.targets, results.describe()
        assert policy_page.evaluate("window.__violations") == []


def test_smuggled_script_and_external_images_are_blocked(site, policy_page, tmp_path):
    from browser_support import serve

    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page_file = copy / "2023" / "measures" / "index.html"
    html = page_file.read_text("utf-8")
    smuggled = ('<script>window.__ran=1</script><img src="http://203.0.113.9/x.png" alt="">'
                '<div style="background-image:url(http://203.0.113.9/y.png)">x</div>'
                '<svg><image href="http://203.0.113.9/z.png"/></svg>')
    page_file.write_text(html.replace("</article>", smuggled + "</article>", 1), "utf-8")
    with serve(copy) as base:
        policy_page.goto(base + "2023/measures/")
        policy_page.wait_for_load_state("networkidle")
        violations = policy_page.evaluate("window.__violations")
        assert policy_page.evaluate("window.__ran") is None
    assert any(v.startswith("script-src") and v.endswith("inline") for v in violations), violations
    assert "img-src http://203.0.113.9/x.png" in violations
    assert any(v.startswith("style-src") for v in violations), violations  # the style attribute
    assert "img-src http://203.0.113.9/z.png" in violations  # <svg><image href>


def test_header_file_covers_every_page_and_works_as_a_server_header(site, policy_page):
    import functools
    import http.server
    import re
    import threading

    from browser_support import QuietHandler

    header = (site / content_policy.HEADER_FILE).read_text("utf-8").strip()
    assert header.endswith("; frame-ancestors 'self'")
    for page in site.rglob("*.html"):
        meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page.read_text("utf-8"))
        assert meta, page
        for token in re.findall(r"'sha256-[^']+'", meta.group(1)):
            assert token in header, (page, token)

    class WithHeader(QuietHandler):
        def end_headers(self):
            self.send_header("Content-Security-Policy", header)
            super().end_headers()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(WithHeader, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}/"
        for path in ("", "2023/measures/", "finder/", "404.html"):
            policy_page.goto(base + path)
            policy_page.wait_for_load_state("networkidle")
            assert policy_page.evaluate("window.__violations") == [], path
    finally:
        server.shutdown()
        server.server_close()
