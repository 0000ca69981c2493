"""Which pages make serve rebuilds after a save (build.changes), and how the
search index of a partial rebuild is completed (build.incremental)."""

from __future__ import annotations

import logging
import types

from reports.build import changes
from reports.build import incremental

FILES = {
    "mkdocs.yml": "m1",
    "docs/index.md": "i1",
    "docs/trends.md": "t1",
    "docs/assets/stylesheets/report.css": "c1",
    "docs/2022/index.md": "a1",
    "docs/2023/index.md": "b1",
    "docs/2023/measures.md": "b2",
    "data/years/2022.yml": "y2",
    "data/years/2023.yml": "y3",
    "data/catalog/documents.yml": "d1",
    "hooks/reports/render/page_fragments.py": "h1",
    "overrides/main.html": "o1",
}
NAV = '[{"首页": "index.md"}]'
BEFORE = {2022: 2021, 2023: 2022, 2024: 2023}


def snapshot(files=None, shape=NAV, **changed):
    out = dict(FILES if files is None else files)
    for path, value in changed.items():
        out[path] = value
    return changes.Snapshot(out, shape)


def rebuilt(plan, uris):
    return {u for u in uris if plan.needs(u, BEFORE)}


PAGES = ["index.md", "trends.md", "finder.md", "2021/index.md", "2021/compare.md", "2022/index.md",
         "2022/compare.md", "2023/index.md", "2023/measures.md", "2023/compare.md", "2024/index.md",
         "2024/compare.md"]


def test_the_first_build_and_one_after_a_failure_are_full():
    plan = changes.decide(None, snapshot())
    assert plan.full and "首次构建" in plan.reason
    assert rebuilt(plan, PAGES) == set(PAGES)


def test_nothing_changed_rebuilds_nothing():
    plan = changes.decide(snapshot(), snapshot())
    assert not plan.full and rebuilt(plan, PAGES) == set()


def test_a_year_data_file_rebuilds_that_year_the_next_compare_page_and_the_cross_year_pages():
    plan = changes.decide(snapshot(), snapshot(**{"data/years/2023.yml": "y3b"}))
    assert not plan.full
    assert plan.reason == "数据 data/years/2023.yml 有改动"
    assert rebuilt(plan, PAGES) == {"index.md", "trends.md", "finder.md", "2023/index.md",
                                    "2023/measures.md", "2023/compare.md", "2024/compare.md"}


def test_the_next_compare_page_is_that_of_the_next_year_in_the_archive_not_year_plus_one():
    plan = changes.decide(snapshot(), snapshot(**{"data/years/2023.yml": "y3b"}))
    assert plan.needs("2026/compare.md", {2026: 2023})
    assert not plan.needs("2024/compare.md", {2024: None})


def test_a_year_page_rebuilds_the_same_as_its_data():
    plan = changes.decide(snapshot(), snapshot(**{"docs/2023/measures.md": "b2b"}))
    assert plan.reason == "页面 docs/2023/measures.md 有改动"
    assert rebuilt(plan, PAGES) == {"index.md", "trends.md", "finder.md", "2023/index.md",
                                    "2023/measures.md", "2023/compare.md", "2024/compare.md"}


def test_two_years_changed_rebuild_both():
    plan = changes.decide(snapshot(), snapshot(**{"data/years/2022.yml": "x", "docs/2023/index.md": "x"}))
    assert plan.years == {2022, 2023}
    assert {"2022/index.md", "2023/compare.md", "2023/index.md", "2024/compare.md"} <= rebuilt(plan, PAGES)
    assert "2021/index.md" not in rebuilt(plan, PAGES)


def test_a_site_page_rebuilds_only_itself():
    plan = changes.decide(snapshot(), snapshot(**{"docs/trends.md": "t2"}))
    assert not plan.full
    assert rebuilt(plan, PAGES) == {"trends.md"}


def test_what_every_page_shows_or_is_made_with_rebuilds_everything():
    for path in ("mkdocs.yml", "data/catalog/documents.yml", "docs/assets/stylesheets/report.css",
                 "hooks/reports/render/page_fragments.py", "overrides/main.html"):
        plan = changes.decide(snapshot(), snapshot(**{path: "changed"}))
        assert plan.full, path
        assert plan.reason == f"{path} 有改动（影响所有页面）：全部重建"
        assert rebuilt(plan, PAGES) == set(PAGES)


def test_a_changed_navigation_rebuilds_everything_even_with_only_a_year_file_changed():
    plan = changes.decide(snapshot(), snapshot(shape='[{"首页": "index.md"}, {"2023年度（草稿）": []}]',
                                               **{"data/years/2023.yml": "y3b"}))
    assert plan.full and "导航" in plan.reason


def test_a_file_added_or_removed_rebuilds_everything():
    added = changes.decide(snapshot(), snapshot(files={**FILES, "docs/2023/plans.md": "p"}))
    assert added.full and "新增了文件 docs/2023/plans.md" in added.reason
    smaller = dict(FILES)
    del smaller["data/years/2022.yml"]
    removed = changes.decide(snapshot(), snapshot(files=smaller))
    assert removed.full and "删除了文件 data/years/2022.yml" in removed.reason


def test_another_docs_folder_is_named_by_its_own_path():
    files = {k.replace("docs/", "pages/"): v for k, v in FILES.items()}
    plan = changes.decide(snapshot(files=files), snapshot(files={**files, "pages/2023/index.md": "x"}),
                          docs="pages")
    assert not plan.full and plan.years == {2023}


def test_checksums_cover_the_inputs_and_skip_caches_and_hidden_files(tmp_path):
    for path in ("mkdocs.yml", "docs/index.md", "docs/2023/index.md", "data/years/2023.yml",
                 "hooks/site_data.py", "hooks/reports/__pycache__/x.pyc", "docs/.index.md.swp",
                 "overrides/main.html", "site/index.html", "tests/x.py"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(path, "utf-8")
    sums = changes.checksums(tmp_path, tmp_path / "docs")
    assert sorted(sums) == ["data/years/2023.yml", "docs/2023/index.md", "docs/index.md",
                            "hooks/site_data.py", "mkdocs.yml", "overrides/main.html"]
    before = sums["docs/index.md"]
    (tmp_path / "docs/index.md").write_text("other", "utf-8")
    assert changes.checksums(tmp_path, tmp_path / "docs")["docs/index.md"] != before


def entries(url, *anchors, text="old"):
    return [{"location": url, "title": url, "text": text}] + [
        {"location": f"{url}#{a}", "title": a, "text": text} for a in anchors]


def test_the_search_index_keeps_the_pages_not_rebuilt_in_build_order():
    previous = entries("", "home") + entries("trends/", "t") + entries("2023/", "a") + entries("2022/")
    built = entries("2023/", "a", "b", text="new") + entries("", "home", text="new")
    merged = incremental.merge_search_index(previous, built, ["", "trends/", "2022/", "2023/"],
                                            {"", "2023/"})
    assert [e["location"] for e in merged] == ["", "#home", "trends/", "trends/#t", "2022/",
                                               "2023/", "2023/#a", "2023/#b"]
    assert {e["text"] for e in merged if e["location"].startswith("2023/")} == {"new"}
    assert {e["text"] for e in merged if e["location"].startswith("trends/")} == {"old"}


def test_a_rebuilt_page_without_entries_has_none_and_a_page_gone_is_dropped():
    previous = entries("2023/compare/") + entries("2021/")
    merged = incremental.merge_search_index(previous, [], ["2023/compare/"], {"2023/compare/"})
    assert merged == []


def test_the_dirty_warning_is_information_and_other_warnings_stay(monkeypatch):
    monkeypatch.setattr(incremental, "_state", incremental.State())
    incremental.startup(True)
    logger = logging.getLogger("mkdocs.commands.build")
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append((record.levelno, record.getMessage()))

    handler = Keep(level=logging.WARNING)
    logger.addHandler(handler)
    try:
        logger.warning("A 'dirty' build is being performed, this will likely lead to inaccurate navigation")
        logger.warning("Doc file 'x.md' contains a link 'y.md', but the target is not found")
    finally:
        logger.removeHandler(handler)
    assert records == [(logging.WARNING, "Doc file 'x.md' contains a link 'y.md', but the target is not found")]


def test_a_build_stopped_before_writing_keeps_the_last_finished_one(monkeypatch, tmp_path):
    monkeypatch.setattr(incremental, "_state", incremental.State())
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
    (tmp_path / "docs" / "index.md").write_text("# x\n", "utf-8")
    config = types.SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"),
                                   site_dir=str(tmp_path / "site"), nav=[{"首页": "index.md"}], plugins={})
    incremental.startup(True)
    incremental.begin(config)
    incremental.decide(config)
    incremental.finish(config.site_dir, [])
    finished = incremental._state.finished
    assert finished is not None
    (tmp_path / "docs" / "index.md").write_text("# y\n", "utf-8")
    incremental.begin(config)  # the check stops this one in on_config
    incremental.failed()
    assert incremental._state.finished is finished
    incremental.begin(config)
    incremental.decide(config)
    assert not incremental._state.plan.full and incremental._state.plan.pages == {"index.md"}
    incremental._state.writing = True  # this one stops while writing pages
    incremental.failed()
    incremental.begin(config)
    incremental.decide(config)
    assert incremental._state.plan.full


def test_files_whose_rule_cannot_be_replaced_mean_a_full_rebuild(monkeypatch, tmp_path):
    """A File that refuses a new is_modified (another MkDocs): the pages
    marked before keep MkDocs' own rule, the output folder is emptied."""
    monkeypatch.setattr(incremental, "_state", incremental.State(dirty=True))

    class Plain:
        def __init__(self, src_uri):
            self.src_uri, self.url, self.abs_dest_path = src_uri, src_uri[:-3] + "/", str(tmp_path / src_uri)

        def is_modified(self):
            return True

    class Fixed(Plain):
        __slots__ = ()

        def __setattr__(self, name, value):
            if name == "is_modified":
                raise AttributeError(name)
            super().__setattr__(name, value)

    files = [Plain("2023/index.md"), Fixed("trends.md")]
    (tmp_path / "2023").mkdir()
    (tmp_path / "2023" / "index.md").write_text("built before", "utf-8")  # so it was marked "keep"
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "old.html").write_text("x", "utf-8")
    incremental._state.plan = changes.decide(snapshot(), snapshot(**{"docs/trends.md": "t2"}))
    config = types.SimpleNamespace(site_dir=str(tmp_path / "site"))
    archive = types.SimpleNamespace(years=[])
    incremental.apply(types.SimpleNamespace(documentation_pages=lambda: files), config, archive)
    assert incremental._state.plan.full and "全部重建" in incremental._state.plan.reason
    assert all(f.is_modified() for f in files)
    assert list((tmp_path / "site").iterdir()) == []
