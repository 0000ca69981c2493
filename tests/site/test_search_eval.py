"""The search evaluation set (tests/search_eval/queries.yml) against the
built indexes: each query lists exactly the entries whose text contains it.

The lists were checked by reading the sections; this test keeps them true
when the text changes (a new section with the query, a heading reworded), so
that the recall measured in tests/browser/test_search_eval.py and by
``make search-eval`` is measured against every entry a reader would expect.
"""

from __future__ import annotations

import pytest

from support import search_eval

QUERIES = search_eval.load()


@pytest.fixture(scope="module")
def indexes(site, search_archive):
    return {"site": search_eval.index_of(site), "archive": search_eval.index_of(search_archive)}


@pytest.mark.parametrize("query", QUERIES, ids=[f"{q.site}-{q.text}" for q in QUERIES])
def test_each_query_lists_every_entry_that_contains_it(indexes, query):
    index = indexes[query.site]
    found = search_eval.containing(index, query.text)
    listed = list(query.sections)
    assert sorted(listed) == sorted(found), (
        f"{query.site} {query.text!r}: not listed {[s for s in found if s not in listed]}, "
        f"listed but without it {[s for s in listed if s not in found]}")
    # Every entry is one of the index, named once.
    assert len(set(listed)) == len(listed)


def test_the_set_covers_both_sites_headings_and_the_problems_of_the_issue(indexes):
    assert len(QUERIES) >= 60
    by_site = {name: [q for q in QUERIES if q.site == name] for name in search_eval.SITES}
    assert len(by_site["site"]) >= 30 and len(by_site["archive"]) >= 20
    # Headings are judged too: some query is found in a section's title only.
    titles = {doc["location"]: doc["title"] for index in indexes.values() for doc in index["docs"]}
    assert any(q.text in search_eval.texts({"title": titles[s]})[0]
               for q in QUERIES for s in q.sections if s in titles)
    # The archive's text has what the issue measured: a query word that the
    # build cut in one year (机构|改革) and kept inside a catalogue name in another.
    archive = {doc["location"]: doc for doc in indexes["archive"]["docs"]}
    reform = next(q for q in by_site["archive"] if q.text == "机构改革")
    cut = [s for s in reform.sections if "机构\u200b改革" in archive[s]["title"] + archive[s]["text"]]
    whole = [s for s in reform.sections if "机构改革" in archive[s]["title"] + archive[s]["text"]]
    assert cut and whole
