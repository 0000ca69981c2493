"""reports.search.shards without a build: how the index is cut, what the
manifest says, and that the shards put together give the index back."""

from __future__ import annotations

import hashlib
import json

from reports.search import index, shards


def doc(location, text="法治"):
    return {"location": location, "title": location, "text": text}


# The theme's order: pages of no year before, between and after the years.
DOCS = [doc(""), doc("2021/"), doc("2021/measures/"), doc("2021/measures/#s1"),
        doc("archive/"), doc("2023/"), doc("2023/plans/"), doc("2022/"), doc("trends/")]


def test_the_pages_of_no_year_come_first_then_the_years_newest_first():
    cut = shards.cut(DOCS, shard_bytes=1)
    assert [s.years for s in cut] == [(), (2023,), (2022,), (2021,)]
    assert [s.positions for s in cut] == [(0, 4, 8), (5, 6), (7,), (1, 2, 3)]


def test_years_are_packed_up_to_the_size_and_never_split():
    one_year = sum(len(shards.dumps(d)) for d in DOCS[5:7])
    cut = shards.cut(DOCS, shard_bytes=one_year + 1)
    assert [s.years for s in cut] == [(), (2023, 2022), (2021,)]
    assert [s.years for s in shards.cut(DOCS)] == [(), (2023, 2022, 2021)]
    assert shards.cut([]) == []


def test_a_shard_lists_where_its_entries_stood_and_is_named_by_its_content():
    site = shards.cut(DOCS, shard_bytes=1)[0]
    body = json.loads(site.content)
    assert body == {"at": [[0, 1], [4, 1], [8, 1]], "docs": [DOCS[0], DOCS[4], DOCS[8]]}
    digest = hashlib.sha256(site.content).hexdigest()[:10]
    assert site.path == f"search/shards/site.{digest}.json"
    assert shards.cut(DOCS, shard_bytes=1)[3].path.startswith("search/shards/2021.")
    assert shards.cut(DOCS)[1].path.startswith("search/shards/2023-2021.")


def test_runs_are_start_and_length():
    assert shards.runs([3, 4, 5, 9]) == [[3, 3], [9, 1]]
    assert shards.runs([]) == []


def test_the_manifest_keeps_the_config_and_says_what_to_fetch_first():
    config = {"lang": ["en"], "separator": "[\\\\s]+"}
    cut = shards.cut(DOCS, shard_bytes=1)
    manifest = shards.manifest({"config": config, "docs": DOCS}, cut, "../../")
    assert manifest["docs"] == []
    spec = manifest["config"].pop("shards")
    assert manifest["config"] == config
    assert spec["root"] == "../../" and spec["count"] == len(DOCS)
    # The pages of no year and the newest year before the first answer.
    assert spec["first"] == 2
    assert [f["years"] for f in spec["files"]] == [[], [2023, 2023], [2022, 2022], [2021, 2021]]
    assert [f["docs"] for f in spec["files"]] == [3, 2, 1, 3]
    assert spec["files"][1] == {"url": cut[1].path, "years": [2023, 2023], "docs": 2,
                                "bytes": len(cut[1].content)}
    only_years = shards.cut(DOCS[1:4], shard_bytes=1)
    assert shards.manifest({}, only_years, "")["config"]["shards"]["first"] == 1
    assert shards.manifest({}, [], "")["config"]["shards"]["first"] == 0


def test_the_shards_put_together_are_the_index_entry_for_entry():
    whole = {"config": {"lang": ["en"]}, "docs": DOCS}
    for size in (1, 200, shards.SHARD_BYTES):
        cut = shards.cut(DOCS, shard_bytes=size)
        files = {s.path: s.content for s in cut}
        assert shards.assemble(shards.manifest(whole, cut, "../../"), files.__getitem__) == whole
    # An index that was never cut is its own whole.
    assert shards.assemble(whole, None) == whole


def test_the_worker_reaches_the_root_from_its_own_folder():
    assert index.WORKER_TO_ROOT == "../../"
