"""The whole-project check, shared by ``make check``, ``make lock`` and the build.

Loads ``data/`` and ``docs/`` without building the site, runs every rule of
``RULES`` over the result and returns all problems at once.  Each rule is a
module of ``reports.checks.rules`` (in the manner of yamllint): an ``ID``
that the problems it finds carry, a ``DESCRIPTION`` and
``check(archive, project)``.  How the problems are shown is
``reports.source.reporters``' business.

``commands.check`` is the command line (what ``make check`` runs); the
``site_data`` hook calls ``check_project`` at the start of every build.
"""

from __future__ import annotations

import dataclasses
import pathlib

from reports.checks import project as project_module
from reports.checks.rules import (
    anchor_exists, catalog_drafts, catalog_reference, date_in_year, figure_value, followup_plans,
    inbox_pending, links_outside, lock_outdated, marker_name, marker_placement, one_title, page_encoding,
    page_markup,
    published_frozen, published_text, quote_in_paragraph, reference_in_quote, required_parts,
    source_text, title_catalogued, versions)
from reports.model import archive as archive_module
from reports.model import fingerprint
from reports.source.problems import ENCODING, LOADING

# The rules that need nothing but one year and the catalogue, in order.
YEAR_RULES = (
    anchor_exists, quote_in_paragraph, figure_value, catalog_reference, reference_in_quote,
    title_catalogued, one_title, required_parts, versions, date_in_year,
)
# Every rule, in the order it runs.  page_encoding comes last: it stays
# silent about a file that an earlier rule or the loading already reported.
RULES = YEAR_RULES + (catalog_drafts, followup_plans, published_frozen, published_text, source_text,
                      lock_outdated, marker_name, marker_placement, page_markup, links_outside, inbox_pending,
                      page_encoding)

# Every rule id a problem can carry -> its description: loading, then the
# rules (page_encoding completes the loading's ``encoding`` and keeps its id).
RULE_IDS = {**LOADING, **{rule.ID: rule.DESCRIPTION for rule in RULES if rule.ID not in LOADING}}


def run(archive, project=None, rules=RULES, found=()) -> list:
    """The problems ``rules`` find in ``archive``, after ``found`` (the
    loading's), sorted and without repeats."""
    project = project if project is not None else project_module.Project()
    problems = list(found)
    for rule in rules:
        problems += rule.check(archive, dataclasses.replace(project, found=tuple(problems)))
    return sorted(set(problems))


def check_project(root, docs_dir="docs", data_dir="data"):
    """Return ``(archive, problems)`` for the project at ``root``."""
    archive, problems, _ = check_project_report(root, docs_dir, data_dir)
    return archive, problems


def check_project_report(root, docs_dir="docs", data_dir="data", env=None):
    """``(archive, problems, basis)``: ``basis`` says what the published years
    were compared with (Git history, or the stored fingerprint)."""
    root = pathlib.Path(root)
    # As paths inside the project (MkDocs passes its docs_dir absolute): Git
    # names the same folders at the base revision.
    docs_dir = archive_module.relative_path(root / docs_dir, root)
    data_dir = archive_module.relative_path(root / data_dir, root)
    archive, problems = archive_module.load(root, docs_dir, data_dir)
    lock, found = fingerprint.read(root)
    base_archive, basis = project_module.history(root, docs_dir, data_dir, env)
    project = project_module.Project(lock, project_module.markdown_pages(root, docs_dir), root=root,
                                     docs_dir=docs_dir, data_dir=data_dir, base_archive=base_archive,
                                     basis=basis)
    problems = run(archive, project, found=problems + found)
    unreadable = [p for p in problems if p.rule == ENCODING]
    # A file in the wrong encoding is read with replacement characters, and
    # every rule after that reports noise about it: say the one cause alone.
    return archive, (unreadable or problems), basis


def check_year(year, catalog) -> list:
    """The problems of one year that the year rules find, as ``make check``
    would report them: for what ``make import`` is about to write."""
    return run(archive_module.Archive([year], catalog), rules=YEAR_RULES)
