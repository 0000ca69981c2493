"""The search evaluation's own arithmetic and reading, in memory: how an
index entry is read for "contains the query", the order the theme lists
results in, and the figures (tests/support/search_eval.py)."""

from __future__ import annotations

import pytest

from support import search_eval
from support.search_eval import Query, Score


def test_an_entry_is_read_as_a_reader_reads_it():
    doc = {"location": "a/#s1", "title": "（三）强化\u200b执法\u200b培训",
           "text": "<p>机构\u200b改革</p><p>A &amp; B，LED\u200b屏</p>"}
    assert search_eval.texts(doc) == ["（三）强化执法培训", "", "机构改革", "", "a & b，led屏", ""]
    for query in ("执法培训", "机构改革", "a & b", "LED屏", "机构改革 执法"):
        assert search_eval.contains(doc, query), query
    # Not across paragraphs, and not a word it lacks.
    for query in ("改革a", "执法人员培训", "amp"):
        assert not search_eval.contains(doc, query), query
    index = {"docs": [{"location": "", "title": "首页", "text": ""}, doc]}
    assert search_eval.containing(index, "执法培训") == ["a/#s1"]


def test_results_are_listed_page_first_without_the_heads_of_groups():
    result = {"items": [
        [{"location": "a/#s2", "score": 9}, {"location": "a/#s1", "score": 3}, {"location": "a/", "score": 0}],
        [{"location": "#home", "score": 2}, {"location": "", "score": 1}],
    ]}
    assert [e["location"] for e in search_eval.shown_entries(result)] == ["a/#s2", "a/#s1", "", "#home"]


def test_the_figures_of_a_run_worked_out_by_hand():
    first = Score(Query("site", "甲", ("a", "b")), ("x", "a", "y", "z", "w", "b"))
    second = Score(Query("site", "乙", ("c",)), ("c", "d"))
    assert first.recall == 1 and first.missed == []
    assert first.precision_at(1) == 0
    assert first.precision_at(5) == 1 / 2  # a in the first five, b sixth: 1 of 2
    assert first.reciprocal_rank == 1 / 2
    assert second.precision_at(5) == 1  # one relevant entry, and it is first
    missed = Score(Query("archive", "丙", ("e", "f")), ("f",))
    assert missed.recall == 1 / 2 and missed.missed == ["e"] and missed.reciprocal_rank == 1
    assert search_eval.figures([first, second, missed]) == pytest.approx(
        {"queries": 3, "recall": 5 / 6, "precision@1": 2 / 3, "precision@5": (1 / 2 + 1 + 1 / 2) / 3,
         "mrr": (1 / 2 + 1 + 1) / 3})


def test_the_query_file_reads_as_queries_with_sections():
    queries = search_eval.load()
    assert {q.site for q in queries} == set(search_eval.SITES)
    assert all(isinstance(q.text, str) and q.text.strip() and q.sections for q in queries)
    assert all(isinstance(s, str) for q in queries for s in q.sections)
    assert len({(q.site, q.text) for q in queries}) == len(queries)
