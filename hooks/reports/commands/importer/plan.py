"""Every file ``make import`` writes, computed and checked without touching the disk.

The jobs in order: read the file (``decode``), recognise its structure
(``structure``), lay out the pages (``pages``), propose data from them
(``proposals``) and render the draft data file (``year_files.data_file``).
The result must pass the checks the new year will face -- the data file's
schema and its cross-checks against the pages -- or nothing is written.
"""

from __future__ import annotations

import dataclasses
import datetime
import pathlib
import re

from reports import checks
from reports.checks.rules.followup_plans import previous_year
from reports.commands import year_files
from reports.commands.cli import refusal
from reports.commands.importer import catalogue
from reports.commands.importer import metadata
from reports.commands.importer.decode import Source, read_source
from reports.commands.importer.pages import Pages, build_pages, read_page
from reports.commands.importer.proposals import Proposals, propose
from reports.commands.importer.structure import ParsedReport, parse_report
from reports.model import archive as archive_module
from reports.model import catalog as catalog_module
from reports.model import year_data

EXAMPLE = "make import FILE=旧报告.docx YEAR=2022"
FIGURE_COMMENT = "# 待核实：请改写 id 和 label，删除不需要的项"
# ``extra:`` / ``office:`` / ``<key>: value`` in mkdocs.yml, at any indentation.
OFFICE_KEY = r"^extra:\n(?:[ \t]+.*\n|\n)*?[ \t]+office:[ \t]*\n(?:[ \t]+.*\n)*?[ \t]+{key}:[ \t]*(?P<value>[^#\n]+)"
NEW_TITLES_COMMENT = ("以下书名原来不在学习文件目录中，已作为草稿条目（draft: true）添加到 "
                      "data/catalog/documents.yml，请核实：")


@dataclasses.dataclass
class Import:
    files: dict
    problems: list
    why: str = ""  # heading printed above the problems of a refusal
    source: Source = None
    report: ParsedReport = None
    pages: Pages = None
    proposals: Proposals = None
    page_problems: list = dataclasses.field(default_factory=list)  # report_text warnings
    previous: object = None  # the year before, for follow-ups
    template: object = None  # the year whose markers the pages copy
    facts: dict = dataclasses.field(default_factory=dict)  # see document_facts
    drafts: list = dataclasses.field(default_factory=list)  # catalogue.Drafts for the new titles
    changed: dict = dataclasses.field(default_factory=dict)  # file -> (bytes before, text after)


def plan_import(root, path, year: int):
    """What ``make import`` would write: ``(files, problems)`` (nothing is written)."""
    plan = compute(pathlib.Path(root), pathlib.Path(path), year)
    return plan.files, plan.problems


def compute(root: pathlib.Path, path: pathlib.Path, year: int, today: datetime.date | None = None) -> Import:
    """The import of ``path`` as ``year`` into the project at ``root``; its
    ``files`` are empty when anything is wrong, and ``problems`` say why."""
    refused = year_files.target_refusals(root, year, "make import", EXAMPLE)
    if refused:
        return Import({}, refused)
    docs_dir, data_file = f"docs/{year}", f"data/years/{year}.yml"
    source, problems = read_source(path)
    if source is None:
        return Import({}, problems)
    report = parse_report(source.lines, year, office_name(root))
    if not any(line.strip() for line in source.lines):
        return Import({}, [refusal(f"“{source.name}”中没有文字", "请确认选择了正确的文件。")], source=source)
    if not report.parts:
        lost = "".join(note for _, note in source.notes if note.startswith("警告"))
        return Import({}, [refusal(f"“{source.name}”中没有找到“一、”“二、”式的部分标题，无法分页",
                                   "报告各部分的标题应单独成行，以“一、”“二、”……开头。"
                                   "请核对文件，必要时先在文件中把部分标题改成单独一行。" + lost)],
                      source=source, report=report)

    archive, problems = archive_module.load(root)
    if any(p.is_error for p in problems):
        return Import({}, problems, why=f"不能导入 {year} 年度：现有的数据或页面有错误，"
                                        "请先改正（make check 会列出同样的问题）：")
    plan = Import({}, [], source=source, report=report)
    plan.previous = previous_year(archive, year)
    later = [y for y in archive.years if y.year > year]
    plan.template = plan.previous or (min(later, key=lambda y: y.year) if later else None)

    plan.facts = document_facts(report, year, today or datetime.date.today())
    plan.pages = build_pages(report, plan.template, year)
    plan.files = dict(plan.pages.texts)
    plan.files[f"{docs_dir}/full.md"] = year_files.full_page(plan.template)

    parsed = {rel: read_page(year, rel, text) for rel, text in plan.pages.texts.items()}
    for rel, (page, found) in parsed.items():
        plan.page_problems += found
    pages = {rel: page for rel, (page, _) in parsed.items()}
    plan.proposals = propose(pages, plan.pages.where, archive.catalog)
    plan.files[data_file] = data_text(plan, year)
    catalog, found = catalogue_with_drafts(plan, root, archive.catalog, year)

    # What is written must pass the checks it will face: no error in the
    # data file, the catalogue or the pages (a 《title》 not catalogued).
    meta, located, more = year_files.load_data(plan.files[data_file], data_file)
    found += more
    if meta is not None:
        pages_by_slug = {page.slug: page for page in pages.values()}
        found += [p for p in checks.check_year(
            archive_module.Year(meta, data_file, located, pages_by_slug), catalog) if p.is_error]
    if found:
        return Import({}, found, why=year_files.internal_error(data_file))
    return plan


def catalogue_with_drafts(plan: Import, root: pathlib.Path, catalog, year: int):
    """The catalogue with a draft entry for each new title (``plan.changed``
    holds the file's bytes before and its text after), and its problems."""
    names = [office_name(root, key) for key in ("name", "short_name")] + [t for _, t in plan.report.letterhead]
    plan.drafts = catalogue.drafts_for(plan.proposals.new_titles, catalog.documents, [n for n in names if n])
    if not plan.drafts:
        return catalog, []
    rel = catalog.documents_file
    before = (root / rel).read_bytes()
    text = before.decode("utf-8")
    after = text + ("" if text.endswith("\n") else "\n") + catalogue.entries_text(plan.drafts, plan.source.name, year)
    plan.changed[rel] = (before, after)
    problems = []
    documents, located = catalog_module.read_list(after.encode("utf-8"), rel, problems=problems)
    return dataclasses.replace(catalog, documents=documents, documents_located=located), \
        [p for p in problems if p.is_error]


def office_name(root: pathlib.Path, key: str = "name") -> str:
    """The office's name in ``mkdocs.yml`` (``extra.office.name``, or
    ``short_name``), or "".

    Read line by line: the file has tags (``!!python/name``) that a safe YAML
    loader refuses, and only this one value is wanted.
    """
    try:
        text = (root / "mkdocs.yml").read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    m = re.search(OFFICE_KEY.format(key=re.escape(key)), text, re.M)
    return m.group("value").strip().strip("\"'") if m else ""


def document_facts(report: ParsedReport, year: int, today: datetime.date) -> dict:
    """What the data file records of the facts the document prints: field ->
    ``{"value", "said", "warnings"}``, ``published_on`` first, then
    ``year_data.DOCUMENT_FACTS`` in order."""
    out = {}
    warnings = metadata.date_warnings([f for f in report.facts if f.kept], year, today)
    for field in ("published_on", *year_data.DOCUMENT_FACTS):
        fact = report.fact(field)
        if fact is None:
            continue
        value = fact.value.isoformat() if isinstance(fact.value, datetime.date) else fact.value
        out[field] = {"value": value, "said": f"第 {fact.line} 行“{fact.label}：{fact.text}”" if fact.label != "日期"
                      else f"第 {fact.line} 行“{fact.text}”",
                      "warnings": [f"{fact.label}{fact.value.isoformat()}{why}，已照原样记录，请核对"
                                   for f, why in warnings if f is fact]}
    return out


def data_text(plan: Import, year: int) -> str:
    """``data/years/<year>.yml``: new-year's draft with the recognised title,
    the facts the document prints, the proposed figures and studies, and
    comments for what needs a person."""
    proposals = plan.proposals
    return year_files.data_file(
        year, plan.report.title, plan.previous, source_name=plan.source.name,
        facts=plan.facts, letterhead=[text for _, text in plan.report.letterhead],
        figures=proposals.figures, figure_comment=FIGURE_COMMENT, studies=proposals.studies,
        dates=proposals.dates, new_titles_comment=NEW_TITLES_COMMENT,
        new_titles=[(title, [f"{rel}:{line}" for rel, line in places])
                    for title, places in proposals.new_titles])
