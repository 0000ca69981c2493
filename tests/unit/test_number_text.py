"""Numbers are written one way: in tables, on the compare page, in the charts."""

from __future__ import annotations

from reports.knowledge import trends
from reports.model.year_data import number_text
from reports.render import templating


def test_typed_and_computed_numbers_read_as_written():
    assert [number_text(v) for v in (27.0, 27, 2.5, 2.7 - 2.5, 0.1 + 0.2, -0.0, 1e-7, 1200000)] == \
        ["27", "27", "2.5", "0.2", "0.3", "0", "0", "1200000"]


def test_templates_and_charts_use_the_same_writing():
    difference = templating._env.from_string("{{ (after - before)|number }}").render(after=2.7, before=2.5)
    assert difference == "0.2" == trends.number(2.7 - 2.5)
