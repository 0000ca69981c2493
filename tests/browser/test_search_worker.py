"""The site's search worker (docs/assets/javascripts/search-worker.js), on its own.

The worker runs in Chromium exactly as the theme runs it: created from the
built site's file, given an index with the SETUP message and asked with
QUERY messages.  The indexes here are small and made up, so each behaviour
(a word found however the build cut it, AND with a fallback, exclusion,
grouping, highlighting that marks the occurrence and never breaks markup,
nothing invisible in what is shown) is asserted on an answer that can be
worked out by hand.  The real search box on the real index is tested in
test_browser.py, and the worker's recall over the real index in
test_search_eval.py.
"""

from __future__ import annotations

import re

import pytest

from reports.search import worker as search_worker
from support.browser import ask_worker, new_page

SEPARATOR = "[\\s\\u200b\\u3000\\-、。，．？！；]+"
CONFIG = {"lang": ["en"], "separator": SEPARATOR, "pipeline": [],
          "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}}

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
        return ask_worker(worker_page, "/" + search_worker.WORKER, {"config": CONFIG, "docs": docs}, queries)
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
    # Latin letters or digits next to Han characters: found as the text has
    # them, although the build put a word break between LED and 屏.
    assert matched(mixed) == ["2091/measures/#s1-2"]
    assert flat(mixed)[0]["terms"] == {"led屏": True}
    assert matched(figure) == ["2091/measures/#s1-2"]


def test_of_equal_scores_the_newer_years_entry_comes_first(ask):
    """The same sentence in three years' reports scores the same: the reader
    of the archive gets the newest first, not the theme's (oldest-first) order."""
    same = ("行政", "执法", "监督", "机制", "还", "不够", "健全")
    docs = [doc(f"{year}/shortcomings/", "二、存在的不足") for year in (2089, 2091, 2090)]
    docs += [doc(f"{year}/shortcomings/#s2-1", "（一）监督", *same) for year in (2089, 2091, 2090)]
    (result,) = ask("监督机制", docs=[docs[0], docs[3], docs[1], docs[4], docs[2], docs[5]])
    assert matched(result)[:3] == ["2091/shortcomings/#s2-1", "2090/shortcomings/#s2-1",
                                   "2089/shortcomings/#s2-1"]
    assert len({item["score"] for item in flat(result) if "#" in item["location"]}) == 1


def test_characters_indexed_as_separate_words_are_found_together(ask):
    # 27项 is indexed as 27 + 项; 7项 is inside no word, and is found in the
    # text with the word breaks taken out, and marked without them.
    (result,) = ask("7项")
    assert matched(result) == ["2091/measures/#s1-3"]
    item = next(item for item in flat(result) if item["score"] > 0)
    assert item["terms"] == {"7项": True}
    assert marks(item) == ["7项"]
    assert item["text"] == "开展随机执法检查2<mark>7项</mark>，行政执法"


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


# --- A word is found however the build cut it ------------------------------------

def cut(*words):
    """A title as the build writes it: jieba's words joined by U+200B."""
    return "\u200b".join(words)


# Sections as jieba cut them in reports of other offices: 机构改革, 规范性文件
# and 执法培训 in pieces, and inside catalogue names that jieba keeps whole.
CUT = [
    doc("2081/measures/", cut("一", "、", "主要", "举措")),
    doc("2081/measures/#s1-1", cut("（", "一", "）", "深化", "改革"),
        "推进", "政府", "机构", "改革", "，", "落实", "深化党和国家机构改革方案"),
    doc("2081/measures/#s1-2", cut("（", "二", "）", "加强", "规范性", "文件", "管理"),
        "规范性", "文件", "合法性", "审查", "，", "学习", "规范性文件备案审查规定"),
    doc("2081/measures/#s1-3", cut("（", "三", "）", "强化", "执法", "培训"),
        "组织", "学习", "行政处罚法"),
    doc("2082/measures/", cut("一", "、", "主要", "举措")),
    doc("2082/measures/#s1-1", cut("（", "一", "）", "热线"),
        "拨打", "12345", "热线", "，", "开展", "“", "八五", "”", "普法"),
    doc("2082/measures/#s1-2", cut("（", "二", "）", "治理"), "推进", "依法治理"),
    doc("2082/measures/#s1-3", cut("（", "三", "）", "宣传"), "开展", "法治", "宣传"),
    doc("laws/", "法律法规"),
    doc("laws/#doc-b", "中华人民共和国行政复议法", "学习", "行政复议法"),
]


def test_a_word_is_found_however_the_build_cut_it(ask):
    reform, rules, training = ask("机构改革", "规范性文件", "执法培训", docs=CUT)
    items = {item["location"]: item for item in flat(reform)}
    assert matched(reform) == ["2081/measures/#s1-1"]
    # Both occurrences, 机构|改革 and the one inside a catalogue name, marked
    # as exactly the four characters: not the whole name, not a neighbour.
    assert items["2081/measures/#s1-1"]["text"] == "推进政府<mark>机构改革</mark>，落实深化党和国家<mark>机构改革</mark>方案"
    assert matched(rules)[0] == "2081/measures/#s1-2"
    section = {item["location"]: item for item in flat(rules)}["2081/measures/#s1-2"]
    assert section["title"] == "（二）加强<mark>规范性文件</mark>管理"
    assert section["text"] == "<mark>规范性文件</mark>合法性审查，学习<mark>规范性文件</mark>备案审查规定"
    # A heading whose words jieba cut (强化|执法|培训).
    assert matched(training) == ["2081/measures/#s1-3"]
    heading = {item["location"]: item for item in flat(training)}["2081/measures/#s1-3"]
    assert heading["title"] == "（三）强化<mark>执法培训</mark>"


def test_letters_digits_and_quotes_next_to_han_are_found_as_written(ask):
    hotline, campaign = ask("12345热线", "“八五”普法", docs=CUT)
    assert matched(hotline) == matched(campaign) == ["2082/measures/#s1-1"]
    item = next(item for item in flat(campaign) if item["score"] > 0)
    assert item["terms"] == {"“八五”普法": True}
    assert item["text"] == "拨打12345热线，开展<mark>“八五”普法</mark>"
    assert marks(next(item for item in flat(hotline) if item["score"] > 0)) == ["12345热线"]


def test_a_law_is_not_found_in_a_section_that_names_another(ask):
    # 行政复议法 and 行政处罚法 share 行政 and 法: the section that only has
    # 行政处罚法 is not a result.
    (result,) = ask("行政复议法", docs=CUT)
    assert matched(result) == ["laws/#doc-b"]
    assert all(item["terms"] == {"行政复议法": True} for item in flat(result) if item["score"] > 0)


def test_a_whole_word_ranks_above_the_same_characters_across_words(ask):
    # 法治 is a word in 法治|宣传, and only two characters of 依法治理.
    (result,) = ask("法治", docs=CUT)
    assert matched(result) == ["2082/measures/#s1-3", "2082/measures/#s1-2"]
    texts = {item["location"]: item["text"] for item in flat(result)}
    assert texts["2082/measures/#s1-2"] == "推进依<mark>法治</mark>理"


INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def test_nothing_shown_carries_an_invisible_character(ask):
    # Titles, text and tags as the build writes them (U+200B between words),
    # with the other invisible characters an editor may paste from elsewhere.
    docs = [*CUT, {**doc("2083/plans/#s4-1", cut("（", "一", "）", "机构", "改革", "\u2060"),
                       text="<p>\ufeff机构\u200c改革\u200d，<code>a\u200bb</code></p>"),
                   "tags": [cut("机构", "改革")]}]
    queries = ["机构改革", "机构\u200b改革", "改革", "ab", "规范性文件", "“八五”普法", "法治 宣传",
               "机构改革 火星", "-机构改革 法治"]
    results = ask(*queries, docs=docs)
    for query, result in zip(queries, results):
        assert flat(result), query
        for item in flat(result):
            shown = [item["title"], item["text"], *item.get("tags", []), *item["terms"]]
            assert not [text for text in shown if INVISIBLE.search(text)], (query, item)
    plain, pasted = results[:2]
    assert set(matched(plain)) == set(matched(pasted)) == {"2081/measures/#s1-1", "2083/plans/#s4-1"}
    item = {item["location"]: item for item in flat(pasted)}["2083/plans/#s4-1"]
    assert item["title"] == "（一）<mark>机构改革</mark>"
    assert item["text"] == "<mark>机构改革</mark>，"
    assert item["tags"] == ["机构改革"]
    code = {item["location"]: item for item in flat(results[3])}["2083/plans/#s4-1"]
    assert code["text"] == "<mark>ab</mark>"
