"""Where things are in the repository, and what its configuration and data say.

Paths and reads in memory, so that unit tests may use them too.
"""

from __future__ import annotations

import pathlib

import yaml

from reports.model import archive

ROOT = pathlib.Path(__file__).resolve().parents[2]
HOOKS = ROOT / "hooks"
# The report as first published, kept in the repository as the reference for
# the verbatim tests (and for errata: the original must stay readable).
SOURCE_2023 = ROOT / "data" / "sources" / "2023-report.txt"
SHARED_SOURCE_2023 = ROOT.parent / "shared" / "sources" / "2023-report.txt"
# A short fictional report of 2019 in the layout the importer reads, which
# imports into a year that passes the check: what a clerk puts in inbox/.
SHORT_REPORT = ROOT / "tests" / "fixtures" / "import" / "short-2019.txt"

# A fictional three-year archive (2091-2093) with drafts, errata and a missing
# part: what the real archive does not have yet.
FIXTURE_ARCHIVE = ROOT / "tests" / "fixtures" / "archive"
FIXTURE_OFFICE = "示例区示例办公室（测试数据）"
# Three fictional years (2081-2083) whose text jieba cuts badly, for the
# search evaluation (tests/search_eval/).
SEARCH_ARCHIVE = ROOT / "tests" / "fixtures" / "search-archive"


def configuration(root: pathlib.Path = ROOT) -> dict:
    """mkdocs.yml of ``root`` (which has a python tag PyYAML's safe loader
    refuses, so that tag is read as null)."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load((root / "mkdocs.yml").read_text("utf-8"), Loader=Loader)


def configured_office() -> str:
    """``extra.office.name`` of mkdocs.yml."""
    return configuration()["extra"]["office"]["name"]


def load_archive(root: pathlib.Path = ROOT):
    """The archive under ``root`` as the build loads it, for tests that compare
    what is made from it; an error in its data fails the test at once."""
    result, problems = archive.load(root)
    assert not [p for p in problems if p.is_error], [p.format() for p in problems]
    return result
