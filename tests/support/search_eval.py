"""The search evaluation: queries, the sections that contain them, and how
well the site's search worker finds them.

``tests/search_eval/queries.yml`` lists queries over two built sites, the
real one (``site``: docs/ and data/) and the fictional archive of
``tests/fixtures/search-archive`` (``archive``), and for each query every
entry of the site's search index (page URL and anchor) whose text contains
it.  The lists were proposed by ``containing`` and checked by reading the
sections; ``tests/browser/test_search_eval.py`` holds them to the built
indexes, so a change of the text that adds or removes an occurrence shows.

The worker is the real one, run in Chromium on the real built index
(``support.browser.ask_worker``); the result list is what the theme shows
(``shown_entries``).  ``make search-eval`` prints the figures
(``python -m support.search_eval``; ``--worker FILE`` measures another
worker, e.g. the one on main, against the same set).
"""

from __future__ import annotations

import argparse
import dataclasses
import html
import pathlib
import re
import shutil
import statistics
import sys
import tempfile

import yaml

from support.repository import ROOT, SEARCH_ARCHIVE

QUERIES = ROOT / "tests" / "search_eval" / "queries.yml"
SITES = ("site", "archive")
WORKER = "assets/javascripts/search-worker.js"
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
TAG = re.compile(r"<[^>]*>")
# How many results a reader looks at without scrolling.
TOP = 5


@dataclasses.dataclass(frozen=True)
class Query:
    site: str
    text: str
    sections: tuple  # the entries that contain it, in the file's order


def load(path: pathlib.Path = QUERIES) -> list[Query]:
    data = yaml.safe_load(path.read_text("utf-8"))
    return [Query(site, entry["query"], tuple(entry["sections"]))
            for site in SITES for entry in data[site]]


def texts(doc: dict) -> list[str]:
    """An index entry as a reader reads it: its title, and each run of its
    text between tags (a word never runs on across a paragraph), with
    entities decoded, the build's word breaks out, in lower case."""
    runs = [doc.get("title") or ""] + TAG.split(doc.get("text") or "")
    return [INVISIBLE.sub("", html.unescape(run)).lower() for run in runs]


def contains(doc: dict, query: str) -> bool:
    """Whether the entry contains every word of ``query`` (split at spaces)."""
    runs = texts(doc)
    return all(any(word in run for run in runs) for word in query.lower().split())


def containing(index: dict, query: str) -> list[str]:
    """The locations of the entries that contain ``query``, in index order:
    the proposal a query's list of sections starts from."""
    return [doc["location"] for doc in index["docs"] if contains(doc, query)]


@dataclasses.dataclass(frozen=True)
class Score:
    query: Query
    results: tuple  # locations, in the order the theme lists them

    @property
    def relevant(self) -> set:
        return set(self.query.sections)

    @property
    def recall(self) -> float:
        return len(self.relevant & set(self.results)) / len(self.relevant)

    @property
    def missed(self) -> list:
        return [s for s in self.query.sections if s not in self.results]

    def precision_at(self, k: int) -> float:
        """The share of the first ``k`` results that contain the query, out
        of as many as there are entries that contain it (when fewer than
        ``k``), so that 1 is the best a search can do."""
        top = self.results[:k]
        return len([r for r in top if r in self.relevant]) / min(k, len(self.relevant))

    @property
    def reciprocal_rank(self) -> float:
        for rank, location in enumerate(self.results, 1):
            if location in self.relevant:
                return 1 / rank
        return 0.0


def shown_entries(result: dict) -> list[dict]:
    """The entries of a worker's RESULT in the order the theme lists them:
    page by page, the page first, then its sections; without the entries of
    score 0, which only head a page's group (the page itself did not match)."""
    entries = []
    for group in result["items"]:
        pages = [item for item in group if "#" not in item["location"]]
        sections = [item for item in group if "#" in item["location"]]
        entries += [item for item in pages + sections if item["score"] > 0]
    return entries


def score(queries, results) -> list[Score]:
    """``results``: the worker's RESULT data of each query, in order."""
    return [Score(query, tuple(item["location"] for item in shown_entries(result)))
            for query, result in zip(queries, results)]


def figures(scores) -> dict:
    """Mean recall, precision at 1 and at ``TOP``, and mean reciprocal rank."""
    return {
        "queries": len(scores),
        "recall": statistics.mean(s.recall for s in scores),
        "precision@1": statistics.mean(s.precision_at(1) for s in scores),
        f"precision@{TOP}": statistics.mean(s.precision_at(TOP) for s in scores),
        "mrr": statistics.mean(s.reciprocal_rank for s in scores),
    }


def index_of(site: pathlib.Path) -> dict:
    """The whole index of a built site, handed to the worker in its SETUP: the
    worker may run on another site's server than the one whose index it is,
    where it could not fetch the shards (that the shards give the same
    answers is tested in tests/browser/test_search_shards.py)."""
    from reports.search import index
    return index.load(site)


def ask(page, worker_url: str, sites: dict, queries) -> list[Score]:
    """Every query through the worker at ``worker_url``, on its site's index."""
    from support.browser import ask_worker

    out = []
    for name in SITES:
        mine = [q for q in queries if q.site == name]
        out += score(mine, ask_worker(page, worker_url, index_of(sites[name]), [q.text for q in mine]))
    return out


def build(work: pathlib.Path) -> dict:
    """Both sites, built the way ``make build`` builds them, under ``work``."""
    from support.project import fixture_project, mkdocs_build

    project = fixture_project(work / "archive", archive=SEARCH_ARCHIVE)
    sites = {"site": work / "site", "archive": project / "site"}
    for name, root in (("site", ROOT), ("archive", project)):
        result = mkdocs_build(root, sites[name])
        if result.returncode:
            raise SystemExit(f"{name}: mkdocs build failed\n{result.stderr}")
    return sites


def report(scores) -> str:
    lines = []
    for name in SITES:
        mine = [s for s in scores if s.query.site == name]
        lines.append(row(name, figures(mine)))
    lines.append(row("all", figures(scores)))
    for s in scores:
        if s.recall < 1 or s.precision_at(1) < 1:
            lines.append(f"  {s.query.site} {s.query.text!r}: recall {s.recall:.2f}, "
                         f"first {s.results[:1] or '-'}, missed {s.missed}")
    return "\n".join(lines)


def row(label: str, values: dict) -> str:
    return (f"{label:8} {values['queries']:3} queries  recall {values['recall']:.3f}  "
            f"P@1 {values['precision@1']:.3f}  P@{TOP} {values[f'precision@{TOP}']:.3f}  "
            f"MRR {values['mrr']:.3f}")


def main(argv=None) -> int:
    from playwright.sync_api import sync_playwright

    from support.browser import CHROMIUM, CHROMIUM_ARGS, new_page, serve

    parser = argparse.ArgumentParser(description="Recall, precision and MRR of the site's search")
    parser.add_argument("--worker", type=pathlib.Path,
                        help=f"evaluate this worker file instead of docs/{WORKER}")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} 不存在：搜索评测需要 Debian 的 chromium 软件包（以 root 运行 make browser 可安装）。",
              file=sys.stderr)
        return 1
    queries = load()
    with tempfile.TemporaryDirectory() as work:
        sites = build(pathlib.Path(work))
        worker = WORKER
        if args.worker:
            worker = "assets/javascripts/evaluated-worker.js"
            shutil.copy2(args.worker, sites["site"] / worker)
        with serve(sites["site"]) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                                 args=CHROMIUM_ARGS)
            try:
                page = new_page(browser)
                page.goto(base + "404.html")
                scores = ask(page, "/" + worker, sites, queries)
            finally:
                browser.close()
    print(f"worker: {args.worker or 'docs/' + WORKER}")
    print(report(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
