"""Browser fixtures: one Chromium for the session, the real site served on
127.0.0.1, and pages in fresh offline-safe contexts."""

from __future__ import annotations

import pytest

from support.browser import CHROMIUM, CHROMIUM_ARGS, new_page, serve


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test of the session.

    Playwright's sync API allows one instance per thread at a time, so the
    browser test modules share this one (each test opens its own context).
    """
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} 不存在：浏览器测试需要 Debian 的 chromium 软件包"
                    "（以 root 运行 make browser 可安装）")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def base_url(site):
    """The real site, served as the intranet web server would."""
    with serve(site) as url:
        yield url


@pytest.fixture
def open_page(browser):
    """``open_page(**context_options)``: new pages, closed after the test."""
    pages = []

    def open_(**context_options):
        pages.append(new_page(browser, **context_options))
        return pages[-1]

    yield open_
    for page in pages:
        page.context.close()
