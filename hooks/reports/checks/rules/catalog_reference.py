"""Catalogue ids in a year's data exist in the catalogue.

Studies name a document, campaign events a campaign, actions any number of
documents; an unknown id is reported with the nearest ids, and with the
catalogue file to add a new entry to.
"""

from __future__ import annotations

from reports.checks.rules import per_year
from reports.model.schema import nearest

ID = "catalog-reference"
DESCRIPTION = "引用的学习文件、宣传节点编号在目录中存在"


def check_year(year, catalog):
    data, located = year.meta, year.located
    references = [(entry, "document", catalog.documents, "学习文件", catalog.documents_file, "新文件")
                  for entry in data.studies]
    references += [(entry, "campaign", catalog.campaigns, "宣传节点", catalog.campaigns_file, "新节点")
                   for entry in data.campaigns]
    for entry, field, known, what, file, new in references:
        value = getattr(entry, field)
        if value not in known:
            yield located.problem(
                entry._path + (field,), f"{what}目录中没有编号“{value}”",
                f"最接近的编号有：{nearest(value, known)}；{new}请先添加到 {file}。", rule=ID)
    for action in data.actions:
        for index, document_id in enumerate(action.documents):
            if document_id not in catalog.documents:
                yield located.problem(
                    action._path + ("documents", index), f"学习文件目录中没有编号“{document_id}”",
                    f"最接近的编号有：{nearest(document_id, catalog.documents)}。", rule=ID)


check = per_year(check_year)
