"""The files of a new year, shared by ``make new-year`` and ``make import``.

Both commands create ``docs/<year>/`` and ``data/years/<year>.yml``; whatever
the two must agree on is here once: when a year may be created at all, which
markers the pages copy from a neighbouring year, the one-page report, the
data file and how the files are written (never over an existing one).

The data file is rendered from a Jinja template, not dumped with
``yaml.dump``, so that it can carry Chinese comments for the office staff;
the values in it go through ``scalar`` so that no text from a report can
change the file's structure.
"""

from __future__ import annotations

import json
import math
import os
import pathlib

import jinja2
import yaml

from reports.checks.rules.followup_plans import one_line
from reports.commands.cli import refusal
from reports.model import markers
from reports.model import parts
from reports.model import year_data
from reports.source import yaml_source

TEMPLATES = pathlib.Path(__file__).parent / "templates"

# Ranges accepted by the archive (directory names) and by the data schema.
_YEAR_FIELD = year_data.YEAR.fields["year"]
MIN_YEAR = max(1900, _YEAR_FIELD.minimum)
MAX_YEAR = min(2099, _YEAR_FIELD.maximum)

# The year home's markers, in this order; the template year's other year
# markers (version records, downloads ...) follow them, or these when there
# is no template year (the first year of a new archive).
INDEX_MARKERS = ("year:meta", "year:figures", "year:contents")
HOME_MARKERS = ("year:versions", "year:downloads")
# The one-page report, when the template year has none to copy.
FULL_PAGE = ("---\ntitle: 全文\n# 全文由各部分页面拼成，不单独进入全文检索，以免重复。\n"
             "search:\n  exclude: true\n---\n\n<!-- report:full -->\n")


def target_refusals(root: pathlib.Path, year, command: str, example: str) -> list:
    """Why a new year cannot be written at ``year`` (empty when it can).

    Both commands create a year, and neither may ever overwrite one.
    """
    if not isinstance(year, int) or isinstance(year, bool) or not MIN_YEAR <= year <= MAX_YEAR:
        return [refusal(f"年份“{year}”不对：请写 {MIN_YEAR}～{MAX_YEAR} 之间的四位数年份",
                        f"例如 {example}。")]
    # Not data/years/: Git keeps no empty folder, so an archive with no year yet
    # (make new-archive) has none until its first year is written.
    if not (root / "docs").is_dir() or not (root / "data").is_dir():
        return [refusal(f"{root} 不是报告库的项目目录（没有 docs/ 和 data/）",
                        f"请在项目目录中运行 {command} …。")]
    existing = existing_files(root, year)
    if existing:
        verb = "重新导入" if "import" in command else "重新生成"
        return [refusal(f"{year} 年度已经存在：{'、'.join(existing)}",
                        f"{command} 不会覆盖已有的文件。如果确实要{verb}，"
                        "请先把上面的文件移走（确认其中没有需要保留的内容）。")]
    return []


def existing_files(root: pathlib.Path, year: int) -> list:
    """What of ``year`` is already there (``docs/<year>/``, ``data/years/<year>.yml``):
    the refusal above, and ``make inbox``'s own, name these files."""
    docs_dir, data_file = f"docs/{year}", f"data/years/{year}.yml"
    return [rel for rel, path in ((f"{docs_dir}/", root / docs_dir), (data_file, root / data_file))
            if path.exists() or path.is_symlink()]


# --- Markers and pages taken from the template year ----------------------------

def marker_line(name: str, args=()) -> str:
    return f"<!-- {' '.join((name, *args))} -->"


def page_markers(page, area: str = "year:") -> list:
    """A page's known markers in ``area`` as ``(name, args)``, in order, each once."""
    found, _ = markers.find(page.body.split("\n"), page.file, known=markers.NAMES)
    out = []
    for marker in found:
        key = (marker.name, marker.args)
        if marker.name.startswith(area) and marker.name in markers.NAMES and key not in out:
            out.append(key)
    return out


def home_markers(template, elsewhere=()) -> list:
    """The template year home's markers other than ``INDEX_MARKERS`` and the
    names ``elsewhere`` (written on other pages: a marker appears once), or
    ``HOME_MARKERS`` when there is no template year (or it has no home)."""
    home = template.pages.get("index") if template is not None else None
    found = [(name, ()) for name in HOME_MARKERS] if home is None else page_markers(home)
    return [m for m in found if m[0] not in INDEX_MARKERS and m[0] not in elsewhere]


def part_markers(template, kind) -> list:
    """The markers of ``kind``'s page: the template year's, or the part's
    defaults when there is no template year or it lacks that page."""
    page = template.pages.get(kind.slug) if template is not None else None
    if page is None:
        return [(name, ()) for name in kind.markers]
    return page_markers(page)


def part_pages_markers(template, slugs) -> dict:
    """slug -> the markers of each part page in ``slugs``, each marker once.

    A template year may hold a part's marker on another page (an imported
    year whose text lacked the part); the marker goes back to its own part's
    page (``PartKind.markers``) when that page is written.
    """
    owner = {name: kind.slug for kind in parts.PARTS for name in kind.markers}
    ordered = [kind.slug for kind in parts.PARTS if kind.slug in slugs]
    out, used, moved = {}, set(), []
    for slug in ordered:
        out[slug] = []
        for name, args in part_markers(template, parts.by_slug(slug)):
            if owner.get(name, slug) != slug and owner.get(name) in slugs:
                moved.append((name, args))
            elif name not in used:
                out[slug].append((name, args))
                used.add(name)
    for name, args in moved:
        if name not in used:
            out[owner[name]].append((name, args))
            used.add(name)
    return out


def full_page(template) -> str:
    """The one-page report: the template year's when it is the usual marker page."""
    full = template.pages.get("full") if template is not None else None
    if full is not None and any(name == "report:full" for name, _ in page_markers(full, "report:")):
        return full.text
    return FULL_PAGE


# --- The data file ---------------------------------------------------------------------

def scalar(value) -> str:
    """``value`` (text or a number) as a YAML scalar that the strict loader
    reads back as the same value.

    Text is written plain when that reads back unchanged (as editors write
    it), else as a JSON string (valid YAML); text JSON cannot carry through
    YAML (a line separator, a C1 control character) is written the way
    ``yaml.safe_dump`` quotes it.
    """
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise TypeError(f"not a text or a number: {value!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    if isinstance(value, str):
        quoted = yaml.safe_dump(value, default_style='"', allow_unicode=True, width=math.inf)
        candidates = [value] if value == value.strip() else []
        candidates += [json.dumps(value, ensure_ascii=False), quoted.removesuffix("\n...\n").rstrip("\n")]
    else:
        candidates = [repr(value)]
    for text in candidates:
        if "\n" not in text and _reads_back(text, value):
            return text
    raise ValueError(f"cannot write {value!r} as one YAML scalar")


def _reads_back(text: str, value) -> bool:
    raw, _, problems = yaml_source.load(f"v: {text}\n", "")
    return not problems and isinstance(raw, dict) and list(raw) == ["v"] \
        and type(raw["v"]) is type(value) and raw["v"] == value


_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(TEMPLATES)),
    autoescape=False,  # YAML, not HTML: the filters below keep values in their place
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_ENVIRONMENT.filters["yaml"] = scalar
_ENVIRONMENT.filters["comment"] = one_line


def data_file(year: int, title: str, previous, *, source_name=None, figures=(), figure_comment="",
              studies=(), dates=(), new_titles=(), new_titles_comment="", facts=None, letterhead=()) -> str:
    """``data/years/<year>.yml``: a draft with ``title``, empty lists to fill
    in, and one pending follow-up per plan of ``previous`` (an archive Year
    or None).

    ``make import`` adds what it proposes from the text: ``figures`` and
    ``studies`` (with ``at``, ``quote`` ...), ``dates`` (``text``, ``at``,
    ``context``) as comments above ``actions``, and ``new_titles``
    (``(title, ["file:line", ...])``) as comments at the top; ``source_name``
    names the imported file in the first line; ``facts`` maps fields of
    ``year_data.DOCUMENT_FACTS`` and ``published_on`` to what the document
    prints (``value`` as text, ``said``: the printed line, ``warnings``), and
    ``letterhead`` its letterhead lines, as a comment.
    """
    return _ENVIRONMENT.get_template("year.yml.j2").render(
        year=year, title=title, previous=previous, source_name=source_name,
        figures=list(figures), figure_comment=figure_comment, studies=list(studies),
        dates=list(dates), new_titles=list(new_titles), new_titles_comment=new_titles_comment,
        facts=dict(facts or {}), letterhead=list(letterhead),
        plan_areas=year_data.PLAN_AREAS, statuses=year_data.FOLLOWUP_STATUSES)


def load_data(text: str, rel: str):
    """The generated data file as the check will read it: ``(YearData | None,
    located, problems)``."""
    raw, located, problems = yaml_source.load(text, rel)
    meta = None
    if raw is not None:
        meta, problems = year_data.validate(raw, located)
    return meta, located, problems


def internal_error(rel: str) -> str:
    """The heading above the problems of a generated data file that fails its check."""
    return f"内部错误：生成的 {rel} 不能通过检查（请把以下内容告诉维护人员）："


# --- Writing -----------------------------------------------------------------------------

def write(root: pathlib.Path, files: dict, changed=None) -> None:
    """Create ``files`` (path -> text, or bytes written as they are) under
    ``root``; never overwrite, and leave nothing behind on failure.

    ``changed`` maps an existing file to ``(its bytes as read, its new
    text)``: ``make import`` extends the catalogue.  It is replaced whole
    (through a temporary file), and only if nobody changed it meanwhile.
    """
    created_files, created_dirs, replaced = [], [], []
    try:
        for rel, text in files.items():
            path = root / rel
            missing = [p for p in reversed(path.parents) if not p.exists()]
            path.parent.mkdir(parents=True, exist_ok=True)
            created_dirs += missing
            with (open(path, "xb") if isinstance(text, bytes)
                  else open(path, "x", encoding="utf-8", newline="\n")) as handle:
                created_files.append(path)
                handle.write(text)
        for rel, (before, text) in (changed or {}).items():
            path = root / rel
            if path.read_bytes() != before:
                raise FileChangedError(rel)
            temporary = path.with_name(path.name + ".new")
            with open(temporary, "x", encoding="utf-8", newline="\n") as handle:
                created_files.append(temporary)
                handle.write(text)
            os.replace(temporary, path)
            created_files.remove(temporary)
            replaced.append((path, before))
    except BaseException:
        for path, before in reversed(replaced):
            path.write_bytes(before)
        for path in reversed(created_files):
            path.unlink(missing_ok=True)
        for path in reversed(created_dirs):
            try:
                path.rmdir()
            except OSError:
                pass
        raise


class FileChangedError(Exception):
    """A file to extend changed between reading and writing it."""
