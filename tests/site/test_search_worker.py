"""The hook that points the theme at the site's search worker, on the built
site: every page asks for the worker by its content hash.

The worker itself is tested in Chromium in tests/browser/test_search_worker.py.
"""

from __future__ import annotations

import re

from reports.search import worker as search_worker


def test_every_page_asks_for_this_worker_with_its_content_hash(site):
    import hashlib

    worker = site / search_worker.WORKER
    version = hashlib.sha256(worker.read_bytes()).hexdigest()[:12]
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 15  # every page of the real site, 404.html included
    for page in pages:
        html = page.read_text("utf-8")
        found = re.findall(r'"search": "([^"]*)"', html)
        assert len(found) == 1, page
        assert found[0].endswith(f"{search_worker.WORKER}?v={version}"), (page, found)
        assert "workers/search." not in html, page
    # Relative from the page, so the site works under any sub-path.
    measures = (site / "2023/measures/index.html").read_text("utf-8")
    assert f'"search": "../../{search_worker.WORKER}?v={version}"' in measures
