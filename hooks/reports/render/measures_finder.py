"""The marker ``<!-- site:finder -->``: the measures finder (措施检索).

Every measure of every year (``measures_index``) as one list, each linking
to its paragraph, with a filter form.  The filtering itself is done in the
reader's browser by ``docs/assets/javascripts/measures-finder.js``; the form
is rendered ``hidden`` and shown by that script, so without JavaScript the
page is simply the complete list, with no controls that do nothing.
"""

from __future__ import annotations

from reports.knowledge import measures_index
from reports.render import knowledge_pages
from reports.render import templating
from reports.model import report_text
from reports.model.catalog import DOCUMENT_KINDS


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
            years.append({"year": record.year, "draft": record.draft})
    labels = {}
    for record in records:
        labels.setdefault(record.part, record.part_label)
    parts = [{"slug": k.slug, "label": labels[k.slug]} for k in report_text.PARTS if k.slug in labels]
    document_groups = []
    for kind, kind_label in DOCUMENT_KINDS.items():
        options = [{"id": d.id, "label": document_labels[d.id], "title": d.name}
                   for d in catalog.documents.values() if d.kind == kind and d.id in used_documents]
        if options:
            document_groups.append({"label": kind_label, "options": options})
    campaigns = [{"id": c.id, "label": c.name} for c in catalog.campaigns.values()
                 if c.id in used_campaigns]

    items = [{
        "record": r,
        "href": ctx.link(r.src_uri, r.anchor),
        "documents": [document_labels[d] for d in r.documents],
        "campaigns": [catalog.campaigns[c].name for c in r.campaigns],
    } for r in records]
    return templating.render("finder.html", items=items, years=years, parts=parts,
                         document_groups=document_groups, campaigns=campaigns,
                         kind_labels=measures_index.KIND_LABELS)
