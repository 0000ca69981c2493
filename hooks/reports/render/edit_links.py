"""Where each page's "编辑此页" button and each table's "改数据" link lead:
the file on the Git server that an editor has to change.

Pages generated from data link to the data they come from, not to a page that
only holds a marker: an editor who sees a wrong row in 法律法规 must land in
``data/catalog/documents.yml``.  Tables do the same, one by one: a year's
table opens that year's data file, a table drawn from every year opens the
folder of the year files.  The addresses themselves are the forge's
(``model.forge``, set in ``mkdocs.yml`` under ``extra.git``); without one no
edit button and no "改数据" link is shown.
"""

from __future__ import annotations

import dataclasses

from reports.model import pages

# The folder of the year files: what a table drawn from several years is edited in.
YEARS = "data/years"

# Site pages whose content comes from data: (path, is a folder).
DATA_SOURCES = {
    "laws.md": ("data/catalog/documents.yml", False),
    "calendar.md": ("data/catalog/campaigns.yml", False),
    "archive.md": (YEARS, True),
    "followups.md": (YEARS, True),
    "trends.md": (YEARS, True),
    "finder.md": ("{docs_dir}", True),
}


def source_for(src_uri: str, docs_dir: str = "docs"):
    """(path in the repository, is_folder) that a page is edited in."""
    if src_uri in DATA_SOURCES:
        path, folder = DATA_SOURCES[src_uri]
        return path.format(docs_dir=docs_dir), folder
    m = pages.YEAR_PAGE.match(src_uri)
    if m and m.group("slug") in pages.GENERATED:
        return f"{YEARS}/{m.group('year')}.yml", False
    if m and m.group("slug") == "full":
        return f"{docs_dir}/{m.group('year')}", True
    return f"{docs_dir}/{src_uri}", False


def edit_url(src_uri: str, forge, docs_dir: str = "docs"):
    """The page's edit button, or None without a forge (``model.forge.Forge``)."""
    if forge is None:
        return None
    path, folder = source_for(src_uri, docs_dir)
    return forge.url(path, folder)


@dataclasses.dataclass(frozen=True)
class DataLink:
    """A table's "改数据" link: where it goes and what it says it opens."""

    href: str
    title: str


def data_link(forge, path: str, folder: bool = False) -> DataLink | None:
    """The "改数据" link of a table made from the file (``folder``: the files
    of the folder) ``path``; None without a forge."""
    href = forge.url(path, folder) if forge is not None else None
    if href is None:
        return None
    what = f"{path} 中的数据文件" if folder else path
    return DataLink(href, f"在 Git 服务器上修改 {what}")
