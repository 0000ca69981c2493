"""``make serve`` after a save: the served pages show the change, the
rebuild is partial where that is safe and full where it is not.

One ``mkdocs serve --dirty`` (as the Makefile starts it) on a synthetic
project of three years (``bench.synthesize``: its newest year, 2023, is a
draft, so its text and data may change), edited the way an editor does:
a figure of data/years/2023.yml, a sentence of docs/2023/measures.md, the
report's title, mkdocs.yml.  Each step waits for the served page to show
the change and reads what ``build.incremental`` logged about the rebuild.
"""

from __future__ import annotations

import json
import re
import time

import pytest

import bench
from support import serving
from support.repository import ROOT

YEAR = bench.LAST_YEAR  # the draft
BREAK = "\u200b"  # the theme's search cuts Chinese text into words with these


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return bench.synthesize(tmp_path_factory.mktemp("serve") / "project", 3, seed=3)


def index_pages(server) -> set:
    docs = json.loads(server.get("search/search_index.json"))["docs"]
    return {doc["location"].split("#")[0] for doc in docs}


def index_text(server) -> str:
    return server.get("search/search_index.json").replace(BREAK, "")


def test_the_makefile_serves_as_the_tests_and_the_bench_do():
    recipe = re.search(r"^serve:.*\n\t(.*)$", (ROOT / "Makefile").read_text("utf-8"), re.M).group(1)
    assert recipe == '"$$VENV/bin/mkdocs" ' + " ".join(serving.SERVE_ARGS) + ' --dev-addr "$$HOST:$$PORT"'


def test_a_save_is_served_rebuilt_in_part_or_in_full(project):
    data, page = project / "data" / "years" / f"{YEAR}.yml", project / "docs" / str(YEAR) / "measures.md"
    with serving.serve(project, env={"SOURCE_DATE_EPOCH": bench.SOURCE_DATE_EPOCH}) as server:
        assert len(server.builds()) == 1 and serving.FULL in server.builds()[0]
        pages = index_pages(server)
        assert {"", f"{YEAR}/measures/", f"{YEAR - 2}/measures/"} <= pages

        # A figure's label: the year home's table and the trends page show it.
        label = re.search(r"^  label: (.+)$", data.read_text("utf-8"), re.M).group(1)
        serving.edit(data, f"  label: {label}\n", f"  label: {label}（改）\n")
        server.wait_for(f"{YEAR}/", f"{label}（改）")
        server.wait_for("trends/", f"{label}（改）")
        logged = server.builds()[-1]
        assert f"数据 data/years/{YEAR}.yml 有改动：重建 {YEAR} 年度的" in logged, logged
        assert serving.FULL not in logged
        assert f"{label}（改）" not in server.get(f"{YEAR - 2}/")

        # A sentence of a page: that page shows it, the index has every page and the new text.
        before = len(server.builds())
        sentence = re.search(r"^1\.[^\n]*。$", page.read_text("utf-8"), re.M).group(0)
        serving.edit(page, sentence, sentence[:-1] + "，这是新加的一句话。")
        server.wait_for(f"{YEAR}/measures/", "这是新加的一句话")
        for _ in range(100):  # the index is written after the pages
            if "这是新加的一句话" in index_text(server):
                break
            time.sleep(0.05)
        assert f"页面 docs/{YEAR}/measures.md 有改动" in server.builds()[before], server.builds()
        assert index_pages(server) == pages
        assert "这是新加的一句话" in index_text(server)
        assert "这是新加的一句话" not in server.get(f"{YEAR}/leadership/")

        # The report's title (navigation, year bars, the archive list): everything.
        title = re.search(r"^title: (.+)$", data.read_text("utf-8"), re.M).group(1)
        new_title = title.replace("情况报告", "情况的报告")
        home = project / "docs" / str(YEAR) / "index.md"
        before = len(server.builds())
        serving.edit(home, f"# {title}\n", f"# {new_title}\n")
        serving.edit(data, f"title: {title}\n", f"title: {new_title}\n")
        server.wait_for(f"{YEAR}/", new_title)
        assert serving.FULL in server.builds()[-1], server.builds()[before:]
        assert index_pages(server) == pages

        # mkdocs.yml: everything.
        config = project / "mkdocs.yml"
        before = len(server.builds())
        serving.edit(config, "site_description: ", "site_description: 改过的")
        server.wait_for(f"{YEAR - 1}/", 'content="改过的')
        assert "mkdocs.yml 有改动（影响所有页面）：全部重建" in server.builds()[-1], server.builds()[before:]
        assert index_pages(server) == pages
