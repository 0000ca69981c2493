"""The site's search worker (docs/assets/javascripts/search-worker.js), on its own.

The worker runs in Chromium exactly as the theme runs it: created from the
built site's file, given an index with the SETUP message and asked with
QUERY messages.  The indexes here are small and made up, so each behaviour
(segmentation, AND with a fallback, exclusion, grouping, highlighting that
never breaks markup) is asserted on an answer that can be worked out by hand.
The real search box on the real index is tested in test_browser.py.
"""

from __future__ import annotations

import re

import pytest

from reports.search import worker as search_worker
from support.browser import new_page

SEPARATOR = "[\\s\\u200b\\u3000\\-、。，．？！；]+"
CONFIG = {"lang": ["en"], "separator": SEPARATOR, "pipeline": [],
          "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}

# SETUP, then each query; resolves with the RESULT data of every query.
ASK = """async ([url, index, queries]) => {
  const worker = new Worker(url);
  const next = () => new Promise((resolve, reject) => {
    worker.onmessage = event => resolve(event.data);
    worker.onerror = event => reject(new Error(event.message));
  });
  let answer = next();
  worker.postMessage({type: 0, data: {...index, options: {suggest: false}}});
  if ((await answer).type !== 1) throw new Error("no READY");
  const results = [];
  for (const query of queries) {
    answer = next();
    worker.postMessage({type: 2, data: query});
    const message = await answer;
    if (message.type !== 3) throw new Error("no RESULT");
    results.push(message.data);
  }
  worker.terminate();
  return results;
}"""


def doc(location, title, *words, text=None):
    """An index entry as the build writes it: jieba's words joined by U+200B."""
    return {"location": location, "title": title,
            "text": text if text is not None else "<p>" + "\u200b".join(words) + "</p>"}


DOCS = [
    doc("2091/measures/", "一、主要举措"),
    doc("2091/measures/#s1-1", "（一）学习", "组织", "学习", "行政复议法", "和", "宪法"),
    doc("2091/measures/#s1-2", "（二）宣传", "在", "全国防灾减灾日", "开展", "宣传", "，", "LED", "屏",
        "滚动", "播放", "，", "14", "人", "参加"),
    doc("2091/measures/#s1-3", "（三）执法", "开展", "随机执法检查", "27", "项", "，", "行政", "执法"),
    doc("2092/plans/", "四、下一年度安排"),
    doc("2092/plans/#s4-1", "（一）结合警报试鸣开展宣传", "警报试鸣", "宣传"),
    doc("laws/", "法律法规", "历年", "学习", "的", "法律"),
    doc("laws/#doc-a", "中华人民共和国行政复议法", "2023", "年", "修订"),
]


@pytest.fixture(scope="module")
def worker_page(browser, base_url):
    page = new_page(browser)
    page.goto(base_url + "404.html")
    yield page
    page.context.close()


@pytest.fixture
def ask(worker_page):
    def ask_(*queries, docs=DOCS):
        return worker_page.evaluate(ASK, ["/" + search_worker.WORKER,
                                          {"config": CONFIG, "docs": docs}, list(queries)])
    return ask_


def flat(result) -> list[dict]:
    return [item for group in result["items"] for item in group]


def matched(result) -> list[str]:
    """Locations of the entries that matched (score > 0), best first."""
    return [item["location"] for item in sorted(flat(result), key=lambda i: -i["score"])
            if item["score"] > 0]


def marks(item) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", item["title"] + item["text"])


def test_a_query_is_cut_at_the_words_of_the_index(ask):
    law, campaign, mixed, figure = ask("行政复议法", "防灾减灾日宣传", "LED屏", "14人参加")
    # 行政复议法 is found whole, inside 中华人民共和国行政复议法 too.
    assert set(matched(law)) == {"2091/measures/#s1-1", "laws/#doc-a"}
    assert [item["terms"] for item in flat(law) if item["score"] > 0] == [{"行政复议法": True}] * 2
    # Two words typed without a space: 防灾减灾日 (inside 全国防灾减灾日) + 宣传.
    assert matched(campaign)[0] == "2091/measures/#s1-2"
    assert flat(campaign)[0]["terms"] == {"防灾减灾日": True, "宣传": True}
    # Latin letters or digits next to Han characters.
    assert matched(mixed) == ["2091/measures/#s1-2"]
    assert flat(mixed)[0]["terms"] == {"led": True, "屏": True}
    assert matched(figure) == ["2091/measures/#s1-2"]


def test_characters_indexed_as_separate_words_are_found_together(ask):
    # 27项 is indexed as 27 + 项; 7项 is inside no word, so it is looked for
    # in the text with the word breaks taken out, and marked across them.
    (result,) = ask("7项")
    assert matched(result) == ["2091/measures/#s1-3"]
    item = next(item for item in flat(result) if item["score"] > 0)
    assert item["terms"] == {"7项": True}
    assert marks(item) == ["7\u200b项"]


def test_every_word_must_match_else_the_best_are_shown_with_what_is_missing(ask):
    both, partial, none = ask("行政 执法", "行政复议法 火星", "火星")
    assert matched(both) == ["2091/measures/#s1-3"]
    # No entry has 火星: those with 行政复议法 are shown, 火星 marked missing.
    assert set(matched(partial)) == {"2091/measures/#s1-1", "laws/#doc-a"}
    assert all(item["terms"] == {"行政复议法": True, "火星": False}
               for item in flat(partial) if item["score"] > 0)
    assert none == {"items": []}


def test_a_year_in_the_query_keeps_to_that_years_report(ask):
    plain, year, year_word, glued = ask("宣传", "2092 宣传", "2092年 宣传", "2092年度宣传")
    assert set(matched(plain)) == {"2091/measures/#s1-2", "2092/plans/#s4-1"}
    for result in (year, year_word, glued):
        assert matched(result) == ["2092/plans/#s4-1"], result
        assert flat(result)[0]["terms"] == {"2092": True, "宣传": True}


def test_a_minus_excludes_entries(ask):
    (result,) = ask("宣传 -警报试鸣")
    assert matched(result) == ["2091/measures/#s1-2"]


def test_the_theme_query_syntax_is_read_as_words(ask):
    plain, syntax = ask("随机执法检查", '+随机执法检查* "27项"~1')
    assert matched(plain) == ["2091/measures/#s1-3"]
    assert matched(syntax) == ["2091/measures/#s1-3"]


def test_results_are_grouped_by_page_with_the_page_first_as_the_theme_expects(ask):
    (result,) = ask("学习")
    pages = [group[0]["location"].split("#")[0] for group in result["items"]]
    assert len(pages) == len(set(pages))
    for group in result["items"]:
        page = group[0]["location"].split("#")[0]
        assert all(item["location"].split("#")[0] == page for item in group)
        # The page itself is in its group, with score 0 when only a section matched.
        assert any(item["location"] == page for item in group)
    page_only = [item for item in flat(result) if item["location"] == "2091/measures/"]
    assert page_only[0]["score"] == 0 and page_only[0]["terms"] == {}


def test_title_matches_rank_above_text_matches(ask):
    (result,) = ask("警报试鸣")
    assert matched(result)[0] == "2092/plans/#s4-1"
    (result,) = ask("宣传")
    assert matched(result)[0] == "2092/plans/#s4-1"  # 宣传 in its title


def test_a_pages_search_boost_raises_it(ask):
    docs = [doc("a/", "甲", "执法", "检查"), {**doc("b/", "乙", "执法", "检查"), "boost": 2}]
    (result,) = ask("执法", docs=docs)
    assert matched(result) == ["b/", "a/"]


def test_matches_are_marked_where_they_are(ask):
    (result,) = ask("复议")
    items = {item["location"]: item for item in flat(result)}
    assert marks(items["laws/#doc-a"]) == ["复议"]
    assert "中华人民共和国行政<mark>复议</mark>法" == items["laws/#doc-a"]["title"]
    assert marks(items["2091/measures/#s1-1"]) == ["复议"]
    # The teaser is the matching text without its tags, as the theme shows it.
    assert "<p>" not in items["2091/measures/#s1-1"]["text"]


def test_highlighting_never_breaks_markup_or_entities(ask):
    docs = [doc("a/", "A &amp; B <code>amp</code>",
                text="<p>x&lt;script&gt;alert(1)&lt;/script&gt; amp &amp; mark</p>")]
    results = ask("amp", "script", "mark", "lt", docs=docs)
    for result in results:
        for item in flat(result):
            for html in (item["title"], item["text"]):
                # Entities stay whole, no tag is opened inside another.
                assert not re.search(r"&[a-z#0-9]*<mark>", html), html
                assert not re.search(r"<[^>]*<mark>", html), html
                assert "<script" not in html
    amp = {item["location"]: item for item in flat(results[0])}["a/"]
    assert amp["title"] == "A &amp; B <code><mark>amp</mark></code>"


def test_a_broken_query_answers_with_no_results(ask):
    results = ask("", "   ", "***", "-", "~^", '"')
    assert all(result == {"items": []} for result in results)
