"""The archive as validated values: report parts, numerals, report text and
its anchors, markers, the catalogue, each year's data and the years together."""
