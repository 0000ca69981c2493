"""The lists of a year file are named once (year_data.LISTS) and typed once (the schema)."""

from __future__ import annotations

import dataclasses

from reports.knowledge import downloads
from reports.model import schema
from reports.model import year_data


def test_every_list_of_the_schema_has_its_name_and_no_other_name_is_listed():
    lists = [name for name, field in year_data.YEAR.fields.items() if isinstance(field, schema.ListOf)]
    assert sorted(lists) == sorted(year_data.LISTS)
    for name in lists:
        assert year_data.YEAR.fields[name].help == year_data.LISTS[name]


def test_downloads_name_and_type_their_tables_as_the_model_does():
    assert downloads.TABLES == {k: v for k, v in year_data.LISTS.items() if k != "versions"}
    assert set(downloads.FIELDS) == set(year_data.LISTS)
    # The columns are the model's fields, in the order the schema has them.
    for name, fields in downloads.FIELDS.items():
        model = year_data.YEAR.fields[name].item.model
        assert sorted(fields) == sorted(f.name for f in dataclasses.fields(model) if f.name != "_path")
