"""Data downloads in the built site: the files ``downloads`` makes are the
ones written, and every paragraph they point at is on its page.

The files themselves are compared with the YAML in tests/unit/test_downloads.py.
"""

from __future__ import annotations

import json
import re

import pytest

from reports.knowledge import downloads
from support.repository import ROOT, configured_office, load_archive


@pytest.fixture(scope="module")
def loaded():
    return load_archive(ROOT)


@pytest.fixture(scope="module")
def files(loaded):
    return downloads.files_for(loaded, office=configured_office())


def read_json(data: bytes):
    assert data.endswith(b"}\n")
    return json.loads(data.decode("utf-8"))


def test_entries_say_where_the_paragraph_is(loaded, files, site):
    for year in loaded.years:
        record = read_json(files[f"downloads/{year.year}/{year.year}.json"])
        for table in downloads.LISTS:
            for entry in record[table]:
                if "at" not in entry:
                    assert "page" not in entry
                    continue
                if entry["at"] is None:
                    assert entry["page"] is None and entry["at_label"] is None
                    continue
                assert entry["at_label"] and entry["page"] == year.block(entry["at"])[0].src_uri
                # The anchor is on the built page the entry names.
                page = re.sub(r"(?:/index)?\.md$", "", entry["page"]) + "/index.html"
                assert f'id="{entry["at"]}"' in (site / page).read_text("utf-8"), (table, entry)


def test_the_build_writes_every_file(site, files):
    written = {p.relative_to(site).as_posix() for p in (site / "downloads").rglob("*") if p.is_file()}
    assert written == set(files)
    for rel, data in files.items():
        assert (site / rel).read_bytes() == data, rel
