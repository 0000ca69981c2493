"""reports.search on its own: the terms jieba learns, the rewritten index and
the worker's cache key, without a build."""

from __future__ import annotations

import hashlib
import json
import types

import pytest
from mkdocs.exceptions import Abort

from reports.search import index, terms, worker


def test_a_terms_file_gives_the_first_word_of_each_line_without_comments(tmp_path):
    path = tmp_path / "terms.txt"
    path.write_text("# 注释行\n国动办\n\n  人民防空  # 行尾注释\n警报试鸣 100 n\n   \n", "utf-8")
    assert terms.read_terms(path) == ["国动办", "人民防空", "警报试鸣"]


def entry(*names):
    return types.SimpleNamespace(names=list(names))


def test_catalogue_terms_are_every_name_once_sorted():
    catalog = types.SimpleNamespace(
        documents={"a": entry("中华人民共和国行政复议法", "行政复议法"), "b": entry("宪法")},
        campaigns={"c": entry("全国防灾减灾日", "宪法")})
    assert terms.catalogue_terms(catalog) == sorted(["中华人民共和国行政复议法", "行政复议法", "宪法", "全国防灾减灾日"])


def test_site_terms_are_the_file_then_the_catalogues(tmp_path):
    (tmp_path / terms.TERMS_FILE).parent.mkdir(parents=True)
    (tmp_path / terms.TERMS_FILE).write_text("国动办\n", "utf-8")
    catalog = types.SimpleNamespace(documents={"a": entry("宪法")}, campaigns={})
    assert terms.site_terms(tmp_path, catalog) == ["国动办", "宪法"]


def test_only_page_entries_of_year_pages_get_the_year_and_only_once():
    docs = [{"location": "2023/measures/", "title": "一、主要举措"},
            {"location": "2023/measures/#s1-1", "title": "（一）学习"},
            {"location": "laws/", "title": "法律法规"}]
    once = index.retitle({"docs": [dict(d) for d in docs]})
    assert [d["title"] for d in once["docs"]] == ["2023\u200b年度 · 一、主要举措", "（一）学习", "法律法规"]
    assert index.retitle(json.loads(json.dumps(once))) == once
    assert index.retitle({}) == {}


def test_rewrite_writes_utf8_shards_and_leaves_a_site_without_search_alone(tmp_path):
    index.rewrite(tmp_path)  # no index: nothing to do, no error
    assert not (tmp_path / index.INDEX).exists()
    (tmp_path / index.INDEX).parent.mkdir()
    (tmp_path / index.INDEX).write_text(json.dumps(
        {"config": {}, "docs": [{"location": "2023/", "title": "报告", "text": "法治"}]}), "utf-8")
    index.rewrite(tmp_path)
    manifest = json.loads((tmp_path / index.INDEX).read_text("utf-8"))
    assert manifest["docs"] == []
    [file] = manifest["config"]["shards"]["files"]
    raw = (tmp_path / file["url"]).read_text("utf-8")
    assert raw == '{"at":[[0,1]],"docs":[{"location":"2023/","title":"2023\u200b年度 · 报告","text":"法治"}]}'
    assert index.load(tmp_path) == {"config": {}, "docs": [
        {"location": "2023/", "title": "2023\u200b年度 · 报告", "text": "法治"}]}
    # Built again into the same folder (make serve) with other text: only
    # the new build's shards are left.
    (tmp_path / index.INDEX).write_text(json.dumps(
        {"config": {}, "docs": [{"location": "2023/", "title": "报告", "text": "依法"}]}), "utf-8")
    index.rewrite(tmp_path)
    [file] = json.loads((tmp_path / index.INDEX).read_text("utf-8"))["config"]["shards"]["files"]
    assert [p.name for p in (tmp_path / "search" / "shards").iterdir()] == [file["url"].rsplit("/", 1)[1]]


def test_the_worker_version_is_its_content_hash_and_a_missing_worker_stops_the_build(tmp_path):
    with pytest.raises(Abort) as error:
        worker.version(tmp_path)
    assert str(error.value) == "缺少搜索程序 docs/assets/javascripts/search-worker.js：请从版本库恢复该文件。"
    path = tmp_path / worker.WORKER
    path.parent.mkdir(parents=True)
    path.write_bytes(b"self.onmessage = () => {};\n")
    assert worker.version(tmp_path) == hashlib.sha256(b"self.onmessage = () => {};\n").hexdigest()[:12]
