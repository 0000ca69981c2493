"""Import an old report: ``make import FILE=2022年报告.docx YEAR=2022``.

Turns a report published before this archive existed -- a ``.txt`` file
(UTF-8, or GB18030 from old Windows machines) or a Word ``.docx`` -- into the
year's pages and a draft data file, the way an editor would type them in.
One module per job:

* ``decode``: ``read_source`` reads the file into lines;
* ``structure``: ``parse_report`` (a pure function of the lines) recognises
  the title, an optional addressee line, the preamble, the parts 一、 with
  their sections （一） and items 1., and drops page furniture (索引号, page
  numbers ...);
* ``pages``: the pages with the text *verbatim* (only whitespace at line ends
  and blank lines change) and the markers ``make new-year`` uses;
* ``proposals``: studies and figures proposed from the text at the anchors
  ``report_text`` gives, and the dates a person has to look at;
* ``plan``: ``plan_import`` computes every file, ``data/years/<year>.yml``
  included, and checks them, without touching the disk;
* ``report``: what was recognised and what to do next, as printed;
* ``command``: ``main``, the command line: it never overwrites, and writes
  nothing when anything is wrong.

What needs a person (who did what on a date, labels of figures, titles not in
the catalogue, parts that fit none of the required ones) is listed in the
output, never invented.  ``decode``, ``structure``, ``pages`` and
``proposals`` neither write files nor print.
"""

from __future__ import annotations

from reports.commands.importer.command import USAGE, main
from reports.commands.importer.decode import Source, decode_text, read_source
from reports.commands.importer.pages import markdown_line
from reports.commands.importer.plan import FIGURE_COMMENT, NEW_TITLES_COMMENT, plan_import
from reports.commands.importer.structure import classify, parse_report, split_heading

__all__ = ["FIGURE_COMMENT", "NEW_TITLES_COMMENT", "Source", "USAGE", "classify", "decode_text",
           "main", "markdown_line", "parse_report", "plan_import", "read_source", "split_heading"]
