"""The quote of a study or campaign event names the catalogue entry it refers to.

A study of ``civil-code`` quoting “《行政处罚法》” points at the wrong
entry (or the wrong words).  Checked only when the entry exists and the
quote is in its paragraph -- otherwise ``catalog-reference`` or
``quote-in-paragraph`` has already said what is wrong.
"""

from __future__ import annotations

from reports.checks import citations
from reports.checks.rules import per_year

ID = "reference-in-quote"
DESCRIPTION = "学习、宣传活动的引文中出现所引目录条目的名称"


def check_year(year, catalog):
    references = [(study, catalog.documents.get(study.document), document_wording)
                  for study in year.meta.studies]
    references += [(event, catalog.campaigns.get(event.campaign), campaign_wording)
                   for event in year.meta.campaigns]
    for entry, target, wording in references:
        if target is not None and citations.quoted(year, entry) is not None \
                and not any(name in entry.quote for name in target.names):
            yield year.located.problem(entry._path + ("quote",), *wording(entry.quote, target), rule=ID)


check = per_year(check_year)


def document_wording(quote, document):
    return (f"引文“{quote}”中没有出现“{document.label}”的任何名称",
            f"“{document.id}”的名称有：{'、'.join(document.names)}。请核对 document 或引文。")


def campaign_wording(quote, campaign):
    return (f"引文“{quote}”中没有出现“{campaign.name}”的任何写法",
            f"“{campaign.id}”的写法有：{'、'.join(campaign.names)}；"
            "如果原文用了新的写法，请把它加到该节点的 aliases 中。")
