"""Every draft entry of the documents catalogue is listed until a person has checked it.

``make import`` adds an entry for each new 《title》 of an imported report so
that the check passes straight after the import; its kind is guessed from the
title and nothing in it is verified.  Until the editor has checked it and
deleted ``draft: true``, the check names it -- a warning, so that an import
can be built and reviewed at once.
"""

from __future__ import annotations

from reports.model.catalog import DOCUMENT_KINDS
from reports.source.problems import Problem, WARNING

ID = "catalog-draft"
DESCRIPTION = "make import 添加的学习文件目录草稿条目需要人工核实（警告）"


def check(archive, project) -> list:
    catalog = archive.catalog
    if catalog is None:
        return []
    problems = []
    for document in catalog.documents.values():
        if not document.draft:
            continue
        line, column = catalog.documents_located.at(document._path + ("draft",)) \
            if catalog.documents_located is not None else (1, 1)
        problems.append(Problem(
            catalog.documents_file, line, column,
            f"《{document.name}》（{document.id}）是 make import 添加的草稿条目，"
            f"类别“{DOCUMENT_KINDS[document.kind]}”是根据书名猜的，尚未核实",
            "请核实全称、类别（kind）和编号（id），能查到的填写制定机关和日期；核实后删除 draft: true 这一行。",
            level=WARNING, rule=ID))
    return problems
