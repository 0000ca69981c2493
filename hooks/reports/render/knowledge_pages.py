"""Markers of the cross-year pages: 法律法规, 宣传节点, 计划落实.

Thin handlers: the facts come from ``cross_year``, the markup from templates.
"""

from __future__ import annotations

from reports.knowledge import calendar_months
from reports.knowledge import compare
from reports.knowledge import cross_year
from reports.model import pages
from reports.render import edit_links
from reports.render import templating
from reports.model.catalog import DOCUMENT_KINDS
from reports.model.year_data import FOLLOWUP_STATUSES


def document_cell(catalog, document_id):
    """A catalogue document as a table cell: its short label, the full name on hover."""
    document = catalog.documents[document_id]
    text = document.label if document.kind == "theory" else f"《{document.label}》"
    return {"text": text, "title": f"{document.name}（{document.kind_label}）"}


def use_view(ctx, use) -> dict:
    return {
        "year": use.year.year,
        "draft": use.year.is_draft,
        "anchor": use.anchor,
        "href": ctx.link(use.page.src_uri, use.anchor),
        "recorded": use.kind == cross_year.RECORDED,
        "entry": use.entry,
    }


def documents_page(ctx, marker):
    catalog = ctx.archive.catalog
    found = cross_year.document_uses(ctx.archive)
    groups = []
    for kind, label in DOCUMENT_KINDS.items():
        documents = [d for d in catalog.documents.values() if d.kind == kind]
        if documents:
            groups.append({"kind": kind, "label": label, "documents": [
                {"document": d, "uses": [use_view(ctx, u) for u in found[d.id]],
                 "years": sorted({u.year.year for u in found[d.id]})} for d in documents]})
    # Group headings are Markdown so that they appear in the page's table of
    # contents; their text is fixed (the kinds), never data.
    data = ctx.data_link(catalog.documents_file)
    return "".join(f"\n\n## {g['label']} {{#kind-{g['kind']}}}\n\n"
                   + templating.render("documents.html", group=g, data=data) for g in groups)


def campaigns_page(ctx, marker):
    catalog = ctx.archive.catalog
    found = cross_year.campaign_uses(ctx.archive)
    data = ctx.data_link(catalog.campaigns_file)
    return "".join(
        f"\n\n## {calendar_months.month_label(month)} {{#month-{month or 'unknown'}}}\n\n"
        + templating.render("campaigns.html", campaigns=[
            {"campaign": c, "uses": [use_view(ctx, u) for u in found[c.id]]} for c in campaigns], data=data)
        for month, campaigns in calendar_months.by_month(catalog.campaigns.values()))


def followups_page(ctx, marker):
    outcomes = cross_year.plan_outcomes(ctx.archive)
    years = []
    for outcome in outcomes:
        if not years or years[-1]["year"] is not outcome.year:
            years.append({"year": outcome.year, "next": outcome.next_year, "rows": [],
                          "counts": {k: 0 for k in FOLLOWUP_STATUSES}})
        group = years[-1]
        followup = outcome.followup
        status = followup.status if followup else None
        if status:
            group["counts"][status] += 1
        plan_page, _ = outcome.year.block(outcome.plan.at)
        row = {"plan": outcome.plan, "plan_href": ctx.link(plan_page.src_uri, outcome.plan.at),
               "evidence_href": None,
               "followup": followup, "status": status,
               "status_label": FOLLOWUP_STATUSES.get(status, "")}
        if followup and followup.at and outcome.next_year:
            page, _ = outcome.next_year.block(followup.at)
            if page is not None:
                row["evidence_href"] = ctx.link(page.src_uri, followup.at)
        group["rows"].append(row)
    return "".join(
        f"\n\n## {group['year'].year}年度安排 {{#plans-{group['year'].year}}}\n\n"
        + templating.render("followups.html", group=group, statuses=FOLLOWUP_STATUSES,
                            data=ctx.data_link(edit_links.YEARS, folder=True))
        for group in years) or "\n\n暂无年度安排数据。\n\n"


def compare_page(ctx, marker):
    year = ctx.require_year(marker)
    before = ctx.archive.before(year.year)
    if before is None:
        return "\n\n这是档案中最早的年度，没有可对比的上一年度。\n\n"
    catalog = ctx.archive.catalog

    def page_href(target_year, anchor):
        page, _ = target_year.block(anchor)
        return ctx.link(page.src_uri, anchor) if page else ""

    return templating.render(
        "compare.html", year=year, before=before,
        documents=compare.documents(before, year, catalog), campaigns=compare.campaigns(before, year, catalog),
        recorded=cross_year.RECORDED,
        figures=compare.figures(before, year), parts=compare.text_changes(before, year),
        doc_label=lambda i: catalog.documents[i].label if i in catalog.documents else i,
        campaign_label=lambda i: catalog.campaigns[i].name if i in catalog.campaigns else i,
        href=lambda anchor: page_href(year, anchor),
        previous_link=ctx.link(pages.COMPARE.src_uri(before.year)),
        data=ctx.data_link(edit_links.YEARS, folder=True))
