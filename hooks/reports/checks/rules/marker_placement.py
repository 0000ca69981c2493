"""Each marker once, in the page it belongs to, and every data table shown.

A marker in the wrong page used to be found only by the build, a marker
written twice showed its table twice, arguments after a name were ignored,
and a deleted marker silently dropped its table while the data stayed.  This
rule finds each of those in ``make check``, with the file and line.
"""

from __future__ import annotations

from reports.model import markers
from reports.model import pages
from reports.source.problems import Problem

ID = "marker-placement"
DESCRIPTION = "标记只能出现一次、放在所属的页面，年度数据中的表格都要有标记"


def _scope_of_page(page) -> str:
    return markers.FULL if page.slug == "full" else markers.YEAR


def check_year(year) -> list:
    problems, seen = [], {}
    for slug in sorted(year.pages):
        page = year.pages[slug]
        found, _ = markers.find(page.body.split("\n"), page.file, page.first_line, known=markers.NAMES)
        problems += check_markers(found, page.file, _scope_of_page(page), seen)
    for name, marker in markers.SHOWS.items():
        if getattr(year.meta, name) and marker not in seen:
            line = year.located.at((name,), on_key=True)[0]
            problems.append(Problem(
                year.data_file, line, 1,
                f"{year.year} 年的数据中有 {name}，但该年度的页面中没有标记 <!-- {marker} -->，这些内容不会显示",
                f"请在 docs/{year.year}/ 中合适的位置单独一行写上 <!-- {marker} -->（可参照上一年度的页面）。",
                rule=ID))
    return problems


def check_markers(found, file: str, scope: str, seen: dict) -> list:
    """Problems of ``found`` markers on one page of ``scope``; ``seen`` collects
    ``name -> (file, line)`` across the pages that share one namespace."""
    problems = []
    for marker in found:
        if marker.name not in markers.SCOPES:
            continue  # an unknown name is reported by markers.find
        where = markers.SCOPES[marker.name]
        if where != scope:
            problems.append(Problem(
                file, marker.line, 1, f"标记“{marker.name}”不能用在这个页面",
                f"它只能用在{markers.SCOPE_LABELS[where]}中；请把这一行移过去或删除。", rule=ID))
            continue
        if marker.args:
            problems.append(Problem(
                file, marker.line, 1, f"标记“{marker.name}”后面不能有其他内容（{' '.join(marker.args)}）",
                f"请写成 <!-- {marker.name} -->。", rule=ID))
        if marker.name in seen:
            first_file, first_line = seen[marker.name]
            problems.append(Problem(
                file, marker.line, 1, f"标记“{marker.name}”重复出现（第一次在 {first_file}:{first_line}）",
                "每个标记只能出现一次，否则同一张表会显示两遍；请删除其中一行。", rule=ID))
        else:
            seen[marker.name] = (file, marker.line)
    return problems


def check(archive, project) -> list:
    problems = []
    for year in archive.years:
        problems += check_year(year)
    seen = {}
    prefix = f"{project.docs_dir}/"
    for file, text in project.pages:
        # A year's pages, even of a year that did not load, are not site pages.
        if text is None or pages.IN_YEAR.match(file[len(prefix):] if file.startswith(prefix) else file):
            continue
        found, _ = markers.find(text.split("\n"), file, 1, known=markers.NAMES)
        problems += check_markers(found, file, markers.SITE, seen)
    return problems
