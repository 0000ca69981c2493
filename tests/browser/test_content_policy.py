"""Every page carries a Content-Security-Policy; nothing outside the theme runs.

The built site in Chromium: no page type triggers a violation, search still
answers, a page into which a script, an external image and an external
background were smuggled runs and fetches none of them, and the policy file
works as a server header.
"""

from __future__ import annotations

import shutil

import pytest

from reports.render import content_policy
from support.browser import QuietHandler, SearchBox, block_other_hosts, serve

VIOLATIONS = ("window.__violations=[];document.addEventListener('securitypolicyviolation',"
              "e=>window.__violations.push(e.violatedDirective+' '+e.blockedURI))")
PAGE_TYPES = ["", "2023/", "2023/measures/", "2023/full/", "2023/compare/", "archive/", "finder/",
              "laws/", "calendar/", "followups/", "trends/", "404.html"]


@pytest.fixture()
def policy_page(browser):
    context = browser.new_context()
    block_other_hosts(context)
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    yield page
    context.close()


def test_every_page_type_loads_without_a_violation(site, policy_page):
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
