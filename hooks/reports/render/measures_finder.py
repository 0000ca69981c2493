"""The marker ``<!-- site:finder -->``: the measures finder (措施检索).

Every measure of every year (``measures_index``), filtered in the reader's
browser by ``docs/assets/javascripts/measures-finder.js``.  One page holding
every measure grew with the archive (1.6 MB and 2 s to open at 50 years,
6.6 MB at 200), so the page holds only the form and the newest year's
measures, and each year's measures are a data file of their own
(``data_files``: ``finder/data/<year>.json``) that the script fetches when
the page has opened, newest year first, showing the first results at once.
The script renders at most a page of results at a time ("显示更多"), so the
page's size and the work of one keystroke no longer depend on the number of
years.

Without JavaScript the form stays hidden and the page is the newest year's
list, with a line saying where the other years' measures are.
"""

from __future__ import annotations

import json

from reports.knowledge import measures_index
from reports.render import knowledge_pages
from reports.render import templating
from reports.model import report_text
from reports.model.catalog import DOCUMENT_KINDS

PAGE = "finder.md"  # the page the marker stands on; the data's links are relative to it
DATA = "finder/data/{year}.json"  # one file a year, beside the page in the built site
RESULTS_PER_PAGE = 50  # what the script shows before "显示更多"


def finder(ctx, marker):
    archive = ctx.archive
    catalog = archive.catalog
    records = measures_index.measure_records(archive)
    used_documents = {d for r in records for d in r.documents}
    used_campaigns = {c for r in records for c in r.campaigns}
    document_labels = {d: knowledge_pages.document_cell(catalog, d)["text"] for d in used_documents}

    years = []
    for record in records:
        if not years or years[-1]["year"] != record.year:
            years.append({"year": record.year, "draft": record.draft, "count": 0,
                          "href": ctx.link(f"{record.year}/index.md")})
        years[-1]["count"] += 1
    labels = {}
    for record in records:
        labels.setdefault(record.part, record.part_label)
    parts = [{"value": k.slug, "label": labels[k.slug]} for k in report_text.PARTS if k.slug in labels]
    document_groups = []
    for kind, kind_label in DOCUMENT_KINDS.items():
        options = [{"id": d.id, "label": document_labels[d.id], "title": d.name}
                   for d in catalog.documents.values() if d.kind == kind and d.id in used_documents]
        if options:
            document_groups.append({"label": kind_label, "options": options})
    campaigns = [{"value": c.id, "label": c.name} for c in catalog.campaigns.values()
                 if c.id in used_campaigns]

    newest = records[0].year if records else None
    items = [{
        "record": r,
        "href": ctx.link(r.src_uri, r.anchor),
        "documents": [document_labels[d] for d in r.documents],
        "campaigns": [catalog.campaigns[c].name for c in r.campaigns],
    } for r in records if r.year == newest]
    return templating.render("finder.html", items=items, years=years, parts=parts, total=len(records),
                             document_groups=document_groups, campaigns=campaigns,
                             kind_labels=measures_index.KIND_LABELS,
                             data_url=ctx.link.file(DATA), per_page=RESULTS_PER_PAGE)


def data_files(archive, use_directory_urls: bool = True) -> dict:
    """``finder/data/<year>.json`` -> its text, for every year with measures.

    Each file is one year's measures as the script shows them; labels of
    parts, documents and campaigns are the form's own options, so they are
    not repeated a thousand times.  The text is compact, keys sorted and
    non-ASCII kept, so the bytes depend on the archive alone.
    """
    link = templating.Linker(PAGE, use_directory_urls)
    by_year = {}
    for r in measures_index.measure_records(archive):
        by_year.setdefault(r.year, {"year": r.year, "draft": r.draft, "items": []})["items"].append({
            "part": r.part, "part_label": r.part_label, "kind": r.kind, "headings": list(r.headings),
            "place": r.place, "anchor": r.anchor, "href": link(r.src_uri, r.anchor),
            "paragraphs": r.paragraphs, "documents": list(r.documents), "campaigns": list(r.campaigns),
        })
    return {DATA.format(year=year): json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            for year, data in by_year.items()}
