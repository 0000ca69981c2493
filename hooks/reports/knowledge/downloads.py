"""Downloads: each year's data, and the whole archive, as JSON and as CSV.

Readers who want to count, compare or re-use the reports' facts should not
have to copy tables out of web pages.  This module turns the validated archive
into files -- one JSON document per year with everything the data files say,
one CSV per kind of entry for spreadsheets, and the same for all years
together -- and names the links to them.  It is made of pure functions (no
MkDocs), so the files can be tested without a build; ``download_files.py``
writes them into the built site.

Every entry that names a paragraph (``at``) also carries where a reader finds
it: ``at_label`` (the report's own numbering, e.g. 一（二）3) and ``page``
(the source page, e.g. ``2023/measures.md``).  The label is not called
``place`` because campaign events already have a ``place`` field (地点).

Nothing here depends on the time of the build, so two builds of the same
commit produce the same bytes.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import io
import json

from reports.model import report_text
from reports.model import year_data

# The tables of a year, in the order of the report, with their names on the
# site.  Versions are in the JSON only: they describe the record, not the year.
TABLES = {name: title for name, title in year_data.LISTS.items() if name != "versions"}
LISTS = (*TABLES, "versions")

# The entry type of each list, whose fields are the CSV columns.
# The fields of each list's entries, in the order the schema (and so the
# editor's file) has them: the columns of the downloads.
FIELDS = {name: list(year_data.YEAR.fields[name].item.fields) for name in LISTS}

# Values added to the entries' own fields, per list.
EXTRAS = {
    "studies": ("document_name", "document_short_name", "document_kind", "document_kind_label"),
    "campaigns": ("campaign_name",),
    "followups": ("status_label",),
}
PLACE_FIELDS = ("at_label", "page")

# Every column heading, once.  A field added to the schema needs a heading
# here (tests/test_downloads.py checks); until then its English name is used.
HEADINGS = {
    "year": "年份",
    "id": "编号",
    "label": "名称",
    "value": "数值",
    "unit": "单位",
    "at": "段落位置",
    "at_label": "位置",
    "page": "页面",
    "quote": "原文",
    "note": "说明",
    "document": "文件编号",
    "document_name": "文件名称",
    "document_short_name": "文件简称",
    "document_kind": "文件类别编号",
    "document_kind_label": "文件类别",
    "how": "形式",
    "who": "人员",
    "when": "时间",
    "campaign": "宣传节点编号",
    "campaign_name": "宣传节点",
    "form": "活动形式",
    "audience": "对象",
    "place": "地点",
    "date": "日期",
    "what": "事项",
    "documents": "涉及文件编号",
    "text": "概述",
    "area": "领域",
    "plan": "安排编号",
    "status": "落实情况编号",
    "status_label": "落实情况",
    "evidence": "相关原话",
    "version": "版本",
    "changes": "修改内容",
    "original": "原文有误处",
    "corrected": "更正为",
    "reason": "更正依据",
}

LIST_SEPARATOR = "、"
# Characters that make a spreadsheet read a cell as a formula (or, for tab and
# carriage return, can make it skip to one); see ``spreadsheet_safe``.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def columns(table: str) -> list:
    """The keys of one entry of ``table``, in order (without the year)."""
    names = FIELDS[table] + list(EXTRAS.get(table, ()))
    if "at" in names:
        names += PLACE_FIELDS
    return names


def _plain(value):
    """A value as JSON has it: dates as YYYY-MM-DD, lists copied."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _entry(table: str, entry, year, catalog) -> dict:
    record = {name: _plain(getattr(entry, name)) for name in FIELDS[table]}
    if table == "studies":
        document = catalog.documents.get(entry.document) if catalog else None
        record["document_name"] = document.name if document else None
        record["document_short_name"] = document.short_name if document else None
        record["document_kind"] = document.kind if document else None
        record["document_kind_label"] = document.kind_label if document else None
    elif table == "campaigns":
        campaign = catalog.campaigns.get(entry.campaign) if catalog else None
        record["campaign_name"] = campaign.name if campaign else None
    elif table == "followups":
        record["status_label"] = entry.status_label
    if "at" in record:
        anchor = record["at"]
        page = year.block(anchor)[0] if anchor else None
        record["at_label"] = report_text.anchor_label(anchor) if anchor else None
        record["page"] = page.src_uri if page else None
    return record


def year_record(year, catalog, office: str | None = None) -> dict:
    """Everything the data say about one year, as JSON-able values.

    ``office`` is the site's office name, used when the year names none (as
    the year's page does).
    """
    meta = year.meta
    record = {
        "year": meta.year,
        "title": meta.title,
        "status": meta.status,
        "status_label": year_data.STATUSES[meta.status],
        "published_on": _plain(meta.published_on),
        "office": meta.office or office,
        "current_version": meta.current_version,
    }
    for table in LISTS:
        record[table] = [_entry(table, entry, year, catalog) for entry in getattr(meta, table)]
    return record


def _catalog_entry(entry, **extra) -> dict:
    record = {f.name: _plain(getattr(entry, f.name))
              for f in dataclasses.fields(entry) if not f.name.startswith("_")}
    record.update(extra)
    return record


def archive_record(archive, office: str | None = None) -> dict:
    """All years (oldest first) and both catalogues."""
    catalog = archive.catalog
    years = sorted(archive.years, key=lambda y: y.year)
    sources = [y.data_file for y in years]
    if catalog is not None:
        sources += [catalog.documents_file, catalog.campaigns_file]
    return {
        "generated_from": "、".join(sources),
        "years": [year_record(y, catalog, office) for y in years],
        "documents": [_catalog_entry(d, kind_label=d.kind_label)
                      for d in (catalog.documents.values() if catalog else [])],
        "campaigns": [_catalog_entry(c) for c in (catalog.campaigns.values() if catalog else [])],
    }


def spreadsheet_safe(text: str) -> str:
    """Neutralise a cell that a spreadsheet would run as a formula.

    Excel, LibreOffice and WPS treat a cell that starts with ``=``, ``+``,
    ``-`` or ``@`` as a formula, even in a CSV file; a crafted value such as
    ``=HYPERLINK("http://…", "点击")`` or a DDE payload would then run, or
    send data elsewhere, when a reader opens the download (CSV / formula
    injection, see OWASP).  Tab and carriage return are included because
    some programs skip them before looking for the formula sign.  The data
    are edited by people and published to anyone, so every text cell that
    starts with one of these characters gets a leading apostrophe: the
    spreadsheet shows the text as it is, and a person reading the raw CSV
    still sees the original value after the apostrophe.  Numbers are written
    by ``_cell`` from numeric values and are never prefixed.
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (list, tuple)):
        value = LIST_SEPARATOR.join(_cell(v) for v in value)
    elif isinstance(value, datetime.date):
        value = value.isoformat()
    return spreadsheet_safe(str(value))


def csv_table(table: str, records: list) -> bytes:
    """One table of the given year records as CSV (UTF-8 with BOM, CRLF)."""
    return _csv_file(table, _csv_rows(table, records))


def _csv_rows(table: str, records: list) -> str:
    """The rows of ``csv_table`` without its heading row.  A row is written
    the same whatever comes before it, so the archive's table is its years'
    rows one after the other."""
    names = columns(table)
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    for record in records:
        for entry in record.get(table) or []:
            writer.writerow([_cell(record["year"]), *(_cell(entry.get(name)) for name in names)])
    return out.getvalue()


def _csv_file(table: str, rows: str) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out).writerow([HEADINGS.get(name, name) for name in ["year", *columns(table)]])
    # The BOM tells Excel the file is UTF-8; without it Chinese is garbled.
    return (out.getvalue() + rows).encode("utf-8-sig")


def csv_tables(records: list) -> dict:
    """Every table of the given year records: ``{table: CSV bytes}``."""
    return {table: csv_table(table, records) for table in TABLES}


def json_bytes(value) -> bytes:
    return (_json_text(value) + "\n").encode("utf-8")


def _json_text(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _archive_json(whole: dict, year_texts: list) -> bytes:
    """``json_bytes(whole)``, with the years' JSON texts already made for
    their own files instead of encoding every year a second time.

    ``json.dumps`` with ``indent`` writes a nested value exactly as it writes
    it alone, each line after the first indented by the nesting depth (a
    string never holds a raw line break); ``whole`` is a dict, so its values
    are one level down and the years two.
    """
    def nested(text, depth):
        return text.replace("\n", "\n" + "  " * depth)

    items = []
    for key, value in whole.items():
        if key == "years":
            text = ("[\n    " + ",\n    ".join(nested(t, 2) for t in year_texts) + "\n  ]"
                    if year_texts else "[]")
        else:
            text = nested(_json_text(value), 1)
        items.append(f"  {_json_text(key)}: {text}")
    return ("{\n" + ",\n".join(items) + "\n}\n" if items else "{}\n").encode("utf-8")


def year_dir(year) -> str:
    return f"downloads/{_number(year)}"


def files_for(archive, office: str | None = None, made: dict | None = None) -> dict:
    """Every download file: ``{path relative to the site root: bytes}``.

    All tables are written for every year, header-only when the year has no
    entries, so that a link to a table never breaks.

    ``made``, a dict kept between calls (``make serve`` keeps one across its
    rebuilds), holds each year's record with its texts: a year whose record
    is equal to the one kept is not encoded again.  The record is everything
    the year's files are made of, so what is reused is what would be made.
    """
    whole = archive_record(archive, office)
    files = {}
    year_texts, archive_rows = [], {table: [] for table in TABLES}
    for record in whole["years"]:
        base = year_dir(record["year"])
        text, rows_of = _year_texts(record, made)
        year_texts.append(text)
        files[f"{base}/{record['year']}.json"] = (text + "\n").encode("utf-8")
        for table in TABLES:
            archive_rows[table].append(rows_of[table])
            files[f"{base}/{table}.csv"] = _csv_file(table, rows_of[table])
    # The whole archive is made of the same texts (see _archive_json, _csv_rows).
    files["downloads/archive.json"] = _archive_json(whole, year_texts)
    for table in TABLES:
        files[f"downloads/archive/{table}.csv"] = _csv_file(table, "".join(archive_rows[table]))
    return files


def _year_texts(record: dict, made: dict | None) -> tuple:
    """The JSON text of a year's ``record`` and its CSV rows by table, made
    once per year while the record stays the same (see ``files_for``)."""
    kept = made.get(record["year"]) if made is not None else None
    if kept is not None and kept[0] == record:
        return kept[1], kept[2]
    texts = _json_text(record), {table: _csv_rows(table, [record]) for table in TABLES}
    if made is not None:
        made[record["year"]] = (record, *texts)
    return texts


def links_for(year) -> list:
    """``(label, path from the site root)`` of one year's downloads."""
    base = year_dir(year)
    return [("全部数据（JSON）", f"{base}/{_number(year)}.json")] + [
        (f"{title}（CSV）", f"{base}/{table}.csv") for table, title in TABLES.items()]


def archive_links() -> list:
    """``(label, path from the site root)`` of the whole archive's downloads."""
    return [("全部年度数据（JSON）", "downloads/archive.json")] + [
        (f"各年度{title}（CSV）", f"downloads/archive/{table}.csv") for table, title in TABLES.items()]


def _number(year) -> int:
    """A year given as a number or as an ``archive.Year``."""
    return year if isinstance(year, int) else year.year
