"""The archive: which years exist, their metadata, and their report pages.

A year exists when ``data/years/<year>.yml`` or ``docs/<year>/`` does; both
must then be present.  Everything the site generates about years -- the
navigation, the year homes, the home page -- is derived from the model built
here, so that adding a year is adding files, never editing code or config.
"""

from __future__ import annotations

import dataclasses
import pathlib

from reports.model import catalog as catalog_module
from reports.model import pages as pages_module
from reports.model import report_text
from reports.model import year_data
from reports.source import yaml_source
from reports.source.problems import ENCODING, PROJECT_FILES, REPORT_TEXT, Problem

@dataclasses.dataclass
class Page:
    """One Markdown page of a year's report."""

    src_uri: str  # relative to docs/, with forward slashes
    file: str  # relative to the project root, as editors see it
    slug: str  # "index", "measures", ..., "full"
    text: str
    body: str  # without front matter
    first_line: int  # file line of body's first line
    blocks: list

    @property
    def title(self) -> str:
        for block in self.blocks:
            if block.kind in ("part", "title"):
                return block.text
        return ""


@dataclasses.dataclass
class Year:
    meta: year_data.YearData
    data_file: str
    located: yaml_source.Located  # positions in the data file, for messages
    pages: dict  # slug -> Page
    folder: str = ""  # the year's folder of pages as editors see it, under the docs folder: docs/2023

    def page_file(self, slug: str) -> str:
        """The file of the year's page ``slug``, whether or not it exists: docs/2023/plans.md."""
        return f"{self.folder}/{slug}.md"

    def block(self, anchor: str):
        """The page and block with this anchor, or ``(None, None)``."""
        for page in self.pages.values():
            if page.slug == "full":
                continue
            for block in page.blocks:
                if block.anchor == anchor:
                    return page, block
        return None, None

    @property
    def anchors(self) -> list:
        return [b.anchor for p in self.pages.values() for b in p.blocks if b.anchor]

    @property
    def year(self) -> int:
        return self.meta.year

    @property
    def parts(self):
        """The report's part pages present this year, in official order."""
        return [self.pages[p.slug] for p in report_text.PARTS if p.slug in self.pages]

    @property
    def is_draft(self) -> bool:
        return self.meta.status == "draft"

    @property
    def status_label(self) -> str:
        """已发布 or 草稿, as the data files' schema names the statuses."""
        return year_data.STATUSES[self.meta.status]


@dataclasses.dataclass
class Archive:
    years: list  # newest first
    catalog: catalog_module.Catalog = None
    docs_dir: str = "docs"  # the docs folder the pages were read from, as editors see it

    def year(self, number: int):
        for year in self.years:
            if year.year == number:
                return year
        return None

    def before(self, number: int):
        """The latest year before ``number`` (not necessarily ``number - 1``), or None:
        the year whose plans a report follows up and that it is compared with."""
        earlier = [y for y in self.years if y.year < number]
        return max(earlier, key=lambda y: y.year) if earlier else None

    @property
    def latest(self):
        """The newest published year, else the newest draft."""
        published = [y for y in self.years if not y.is_draft]
        return (published or self.years or [None])[0]


def load(root: pathlib.Path, docs_dir="docs", data_dir="data"):
    """Load and validate every year.  Returns ``(archive, problems)``."""
    root = pathlib.Path(root)
    docs, data = root / docs_dir, root / data_dir
    docs_dir, data_dir = relative_path(docs, root), relative_path(data, root)
    problems: list[Problem] = []
    data_years = {p.stem: p for p in sorted((data / "years").glob("*.yml"))}
    doc_years = {p.name: p for p in sorted(docs.iterdir()) if p.is_dir() and pages_module.YEAR_DIR.match(p.name)}
    for stem, path in data_years.items():
        if not pages_module.YEAR_DIR.match(stem):
            problems.append(Problem(relative_path(path, root), 1, 1, f"文件名“{path.name}”不是年份",
                                    "年度数据文件应以年份命名，例如 2024.yml。", rule=PROJECT_FILES))
    years = []
    for name in sorted(set(data_years) | set(doc_years), reverse=True):
        if not pages_module.YEAR_DIR.match(name):
            continue
        if name not in doc_years:
            problems.append(Problem(relative_path(data_years[name], root), 1, 1,
                                    f"有 {name} 年的数据，但没有报告页面目录 {docs_dir}/{name}/",
                                    f"请创建 {docs_dir}/{name}/ 及其页面（可用 make new-year YEAR={name}）。",
                                    rule=PROJECT_FILES))
            continue
        if name not in data_years:
            problems.append(Problem(f"{docs_dir}/{name}/index.md", 1, 1,
                                    f"有 {name} 年的报告页面，但没有数据文件 {data_dir}/years/{name}.yml",
                                    f"请创建 {data_dir}/years/{name}.yml，至少包含 year、title、status。",
                                    rule=PROJECT_FILES))
            continue
        year, found = load_year(root, data_years[name], doc_years[name], docs)
        problems += found
        if year is not None:
            years.append(year)
    catalog, found = catalog_module.load(root, data_dir)
    problems += found
    return Archive(years, catalog, docs_dir), problems


def load_year(root, data_path, doc_path, docs):
    rel = relative_path(data_path, root)
    raw, located, problems = yaml_source.load(data_path.read_bytes(), rel)
    if raw is None:
        return None, problems
    meta, found = year_data.validate(raw, located)
    problems += found
    if meta is None:
        return None, problems
    if meta.year != int(data_path.stem):
        problems.append(located.problem(("year",), f"year 写的是 {meta.year}，但文件名是 {data_path.name}",
                                        "请让两者一致。", rule=PROJECT_FILES))
    pages = {}
    for path in sorted(doc_path.glob("*.md")):
        page, found = read_page(path, docs, root)
        problems += found
        pages[page.slug] = page
    if "index" not in pages:
        problems.append(Problem(f"{relative_path(doc_path, root)}/index.md", 1, 1,
                                f"{meta.year} 年缺少年度首页 index.md", "请从上一年复制 index.md 并修改。",
                                rule=PROJECT_FILES))
    return Year(meta, rel, located, pages, relative_path(doc_path, root)), problems


def read_page(path, docs, root):
    rel = relative_path(path, root)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        text = data.decode("utf-8", errors="replace")
        bad = [Problem(rel, line, 1, "文件不是 UTF-8 编码", "请用编辑器以“UTF-8”编码重新保存此文件。",
                       rule=ENCODING)]
    else:
        bad = []
    # Windows (CRLF) and old Mac (CR) line ends read like LF, as MkDocs reads the page.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    page, problems = parse_page(text, rel, path.relative_to(docs).as_posix())
    return page, bad + problems


def parse_page(text: str, file: str, src_uri: str):
    """``(Page, problems)`` of a page's text: how the archive reads every page,
    and how ``make import`` reads the pages it is about to write."""
    body, first_line = report_text.body_of(text)
    blocks, found = report_text.parse_blocks(body, first_line)
    problems = [Problem(file, line, 1, message, hint, level=level, rule=REPORT_TEXT) for line, level, message, hint in found]
    slug = pathlib.PurePosixPath(src_uri).stem
    return Page(src_uri, file, slug, text, body, first_line, blocks), problems


def relative_path(path, root) -> str:
    try:
        return pathlib.Path(path).resolve().relative_to(pathlib.Path(root).resolve()).as_posix()
    except ValueError:
        return str(path)
