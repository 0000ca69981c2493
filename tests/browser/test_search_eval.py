"""The search worker on the evaluation set (tests/search_eval/queries.yml):
the real worker in Chromium, on the real built indexes of the site and of
the search fixture archive, asked every query of the set.

Each query must find every entry that contains it (recall 100 % in the
result list, as the theme lists it) and put one that contains it first.
``make search-eval`` prints the same run as figures (recall, precision at 1
and 5, MRR), and measures another worker with ``WORKER=file``.
"""

from __future__ import annotations

import pytest

from reports.search import worker as search_worker
from support import search_eval
from support.browser import new_page

QUERIES = search_eval.load()
IDS = [f"{q.site}-{q.text}" for q in QUERIES]


@pytest.fixture(scope="module")
def scores(browser, base_url, site, search_archive):
    page = new_page(browser)
    page.goto(base_url + "404.html")
    try:
        found = search_eval.ask(page, "/" + search_worker.WORKER,
                                {"site": site, "archive": search_archive}, QUERIES)
    finally:
        page.context.close()
    return {score.query: score for score in found}


@pytest.mark.parametrize("query", QUERIES, ids=IDS)
def test_every_entry_that_contains_the_query_is_found(scores, query):
    score = scores[query]
    assert score.recall == 1, f"{query.site} {query.text!r}: missed {score.missed}; results {score.results}"


@pytest.mark.parametrize("query", QUERIES, ids=IDS)
def test_the_first_result_contains_the_query(scores, query):
    score = scores[query]
    assert score.results and score.results[0] in query.sections, (
        f"{query.site} {query.text!r}: first {score.results[:1]}, wanted one of {query.sections}")
