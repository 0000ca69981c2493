"""The sharded search index in Chromium (hooks/reports/search/shards.py,
search-gate.js, the worker's ``Shards``).

* Nothing but the manifest is fetched until the reader turns to the search
  box; then the shards are fetched from this server only.
* On the search fixture archive cut into one shard a year, the first answer
  comes from the pages of no year and the newest year, says it is partial,
  and the older years follow; the last answer of every evaluation query is
  the whole index's answer, entry for entry and score for score.
* In the real search box, the result list grows to the whole index's count
  as the older shards arrive.
"""

from __future__ import annotations

import json
import shutil

import pytest

from reports.search import index, shards
from reports.search import worker as search_worker
from support import search_eval
from support.browser import (
    PLACEHOLDER, RESULT_META, SEARCH_INPUT, RequestLog, ask_worker, new_page, serve,
    wait_for_search_index,
)

SHARDS = "/search/shards/"


def shard_paths(requests: RequestLog) -> list:
    return [p for p in requests.paths() if p.startswith(SHARDS)]


# --- Nothing until the reader turns to search ------------------------------------

def test_a_page_fetches_only_the_manifest_until_the_search_box_gets_focus(open_page, base_url, site):
    page = open_page()
    requests = RequestLog(page)
    page.goto(base_url + "2023/measures/", wait_until="networkidle")
    page.wait_for_timeout(300)
    assert "/search/search_index.json" in requests.paths()
    assert not shard_paths(requests), shard_paths(requests)
    manifest = (site / index.INDEX).read_bytes()
    assert len(manifest) < 2048 and json.loads(manifest)["docs"] == []
    wait_for_search_index(page)  # focuses the box
    spec = json.loads(manifest)["config"]["shards"]
    assert sorted(shard_paths(requests)) == sorted("/" + f["url"] for f in spec["files"])
    assert not requests.external()


def test_the_slash_key_starts_the_fetch_as_the_theme_focuses_the_box(open_page, base_url):
    page = open_page()
    requests = RequestLog(page)
    page.goto(base_url, wait_until="networkidle")
    assert not shard_paths(requests)
    page.keyboard.press("/")
    page.wait_for_function("""([placeholder]) =>
      document.querySelector(".md-search-result__meta")?.textContent.trim() === placeholder""",
                           arg=[PLACEHOLDER])
    assert shard_paths(requests)


# --- One shard a year: partial first, exact at last ------------------------------

@pytest.fixture(scope="module")
def sharded(search_archive, tmp_path_factory):
    """The search fixture archive's site with its index cut into one shard a
    year (the real size puts its three small years in one shard), served."""
    site = tmp_path_factory.mktemp("sharded") / "site"
    shutil.copytree(search_archive, site)
    whole = index.load(site)
    shutil.rmtree(site / shards.FOLDER)
    (site / index.INDEX).write_text(json.dumps(whole, ensure_ascii=False), "utf-8")
    index.rewrite(site, shard_bytes=1)
    spec = json.loads((site / index.INDEX).read_text("utf-8"))["config"]["shards"]
    assert [f["years"] for f in spec["files"]] == [[], [2083, 2083], [2082, 2082], [2081, 2081]]
    with serve(site) as base:
        yield site, base, whole


@pytest.fixture
def sharded_page(browser, sharded):
    site, base, _ = sharded
    page = new_page(browser)
    page.goto(base + "404.html")
    yield page
    page.context.close()


# Every message of the worker for one query asked before READY, until the
# answer that is not partial.
EVERY_ANSWER = """async ([url, index, query]) => {
  document.querySelector("input.md-search__input").focus();
  const worker = new Worker(url);
  const messages = [];
  const done = new Promise(resolve => {
    worker.onmessage = event => {
      messages.push(event.data);
      if (event.data.type === 3 && !event.data.data.partial) resolve();
    };
  });
  worker.postMessage({type: 0, data: {...index, options: {suggest: false}}});
  worker.postMessage({type: 2, data: query});
  await done;
  worker.terminate();
  return messages;
}"""


def locations(result: dict) -> set:
    return {item["location"] for group in result["items"] for item in group if item["score"] > 0}


def test_the_first_answer_is_the_newest_year_and_the_older_years_follow(sharded, sharded_page):
    site, _, whole = sharded
    requests = RequestLog(sharded_page)
    manifest = json.loads((site / index.INDEX).read_text("utf-8"))
    messages = sharded_page.evaluate(EVERY_ANSWER, ["/" + search_worker.WORKER, manifest, "机构改革"])
    assert messages[0] == {"type": 1}
    answers = [m["data"] for m in messages[1:]]
    assert all(m["type"] == 3 for m in messages[1:])
    first, last = answers[0], answers[-1]
    assert first["partial"] is True and "partial" not in last
    assert {loc.split("/")[0] for loc in locations(first)} <= {"2083", "laws"}
    assert {"2081/measures/#s1-1", "2082/measures/#s1-1"} <= locations(last)
    # No year and the newest first, then the others (the theme's own worker
    # on the page fetches them too, as the box got focus: first requests count).
    order = [f["url"] for f in manifest["config"]["shards"]["files"]]
    fetched = list(dict.fromkeys(url.split("/", 3)[3] for url in requests.urls if SHARDS in url))
    assert set(fetched[:2]) == set(order[:2]) and sorted(fetched) == sorted(order)


def test_every_evaluation_query_gets_the_whole_indexs_answer_at_last(sharded, sharded_page):
    site, _, whole = sharded
    queries = [q.text for q in search_eval.load() if q.site == "archive"]
    queries += ["-机构改革 宪法", "2082年 执法", "火星"]
    manifest = json.loads((site / index.INDEX).read_text("utf-8"))
    url = "/" + search_worker.WORKER
    assert ask_worker(sharded_page, url, manifest, queries) == ask_worker(sharded_page, url, whole, queries)


def test_the_result_list_grows_to_the_whole_count_in_the_search_box(sharded, browser):
    site, base, whole = sharded
    [expected] = ask_worker_count(browser, base, whole, "机构改革")
    page = new_page(browser)
    try:
        page.goto(base + "2083/", wait_until="networkidle")
        box = page.locator(SEARCH_INPUT)
        box.focus()
        box.fill("机构改革")
        box.press("End")
        page.wait_for_function("""([selector, count]) =>
          (document.querySelector(selector)?.textContent || "").includes(String(count))""",
                               arg=[RESULT_META, expected])
        assert page.locator(".md-search-result__item").count() >= 1
    finally:
        page.context.close()


def ask_worker_count(browser, base, whole, query) -> list:
    """How many pages the theme says it found for ``query`` on the whole index."""
    page = new_page(browser)
    try:
        page.goto(base + "404.html")
        [result] = ask_worker(page, "/" + search_worker.WORKER, whole, [query])
        return [len(result["items"])]
    finally:
        page.context.close()
