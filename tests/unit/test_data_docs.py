"""The editors' data documentation covers every key the schema accepts."""

from __future__ import annotations

from reports.model import catalog
from reports.model import year_data
from support.repository import ROOT


def keys(record):
    for name, field in record.fields.items():
        yield name
        item = getattr(field, "item", None)
        if hasattr(item, "fields"):
            yield from keys(item)


def test_every_schema_key_is_documented_for_editors():
    text = (ROOT / "data" / "README.md").read_text("utf-8")
    for record in (year_data.YEAR, catalog.DOCUMENT, catalog.CAMPAIGN):
        missing = [k for k in keys(record) if f"{k}:" not in text and f"`{k}`" not in text]
        assert not missing, missing
