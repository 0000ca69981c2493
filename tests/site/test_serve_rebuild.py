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
from reports.search import index as search_index
from reports.search import shards
from support import serving
from support.project import mkdocs_build
from support.repository import ROOT

YEAR = bench.LAST_YEAR  # the draft
BREAK = "\u200b"  # the theme's search cuts Chinese text into words with these


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return bench.synthesize(tmp_path_factory.mktemp("serve") / "project", 3, seed=3)


def served_index(server) -> dict:
    """The whole search index as the server serves it: the manifest and its shards."""
    return shards.assemble(json.loads(server.get(search_index.INDEX.as_posix())),
                           lambda path: server.get(path).encode("utf-8"))


def index_pages(server) -> set:
    return {doc["location"].split("#")[0] for doc in served_index(server)["docs"]}


def index_text(server) -> str:
    return json.dumps(served_index(server), ensure_ascii=False).replace(BREAK, "")


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


def files_of(site) -> dict:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_partial_rebuilds_leave_the_site_a_full_build_makes(tmp_path):
    """No stale page: after saves rebuilt in part, every file of the output
    folder is byte for byte what mkdocs build makes of the same sources."""
    project = bench.synthesize(tmp_path / "project", 3, seed=5)
    data = f"data/years/{YEAR}.yml"
    label = re.search(r"^  label: (.+)$", (project / data).read_text("utf-8"), re.M).group(1)
    sentence = re.search(r"^1\.[^\n]*。$", (project / f"docs/{YEAR}/measures.md").read_text("utf-8"),
                         re.M).group(0)
    edits = [(data, f"  label: {label}\n", f"  label: {label}（改）\n"),
             (f"docs/{YEAR}/measures.md", sentence, sentence[:-1] + "，这是新加的一句话。"),
             ("docs/laws.md", "\n\n", "\n\n这是新加的说明。\n\n")]
    env = {"SOURCE_DATE_EPOCH": bench.SOURCE_DATE_EPOCH}
    served = tmp_path / "served"
    result = serving.dirty_builds(project, served, edits, env)
    assert result.returncode == 0, result.stdout + result.stderr
    log = result.stdout + result.stderr
    assert log.count("全部重建") == 1, log
    assert f"数据 {data} 有改动：重建 {YEAR} 年度的" in log
    assert "页面 docs/laws.md 有改动：重建 1 个页面" in log
    full = tmp_path / "full"
    built = mkdocs_build(project, full, env)
    assert built.returncode == 0, built.stdout + built.stderr
    served_files, full_files = files_of(served), files_of(full)
    assert sorted(served_files) == sorted(full_files)
    assert [name for name in full_files if served_files[name] != full_files[name]] == []
