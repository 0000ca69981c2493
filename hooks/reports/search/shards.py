"""The search index cut into shards, so that a reader's first result never
waits for the whole archive.

mkdocs-material fetches ``search/search_index.json`` on every page load and
hands it to the search worker.  At 200 years that file is 4.3 MB (313 KB
gzipped), all fetched before the first result, and fetched by every reader
who never searches.  So the build leaves in that file only a manifest: the
index's ``config`` (which the theme's highlighter also reads) with a
``shards`` entry, and no ``docs``.  The entries themselves are written to
``search/shards/``:

* one shard of the pages that belong to no year (home, archive, the
  cross-year pages), and
* the years, newest first, packed into shards of about ``SHARD_BYTES`` of
  JSON each (a year is never split: its part pages and their sections stay
  together, as the worker's grouping by page needs).

The worker fetches nothing until the reader turns to the search box
(``search-gate.js`` holds the theme's SETUP message until then).  It then
fetches the first ``first`` shards (the pages of no year and the newest
years), answers from them, and fetches the others, older years, while the
reader types, answering again as they arrive.  Once all are in, the entries
stand in the order the theme wrote them (each shard says where its entries
were: ``at``), so the ranking is exactly that of the whole index.

Shard files are named by the hash of their content: a browser that cached
an older shard fetches the new one, and the names are the same in every
build of the same input (the build is reproducible).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json

from reports.model import pages

#: About this much JSON a shard (a year is never split).  Readers' first
#: result needs the no-year shard and the newest shard.  The newest shard
#: stays this size however many years there are; the no-year shard grows
#: slowly, as the archive and follow-up pages list every year (17 KB of JSON
#: at one year, 180 KB at 200 synthetic years).
SHARD_BYTES = 192 * 1024
#: Where the shards are, in the built site.
FOLDER = "search/shards"


@dataclasses.dataclass(frozen=True)
class Shard:
    """Entries of the index: their positions in it and their JSON."""
    years: tuple  # the years, newest first; () for the pages of no year
    positions: tuple
    content: bytes

    @functools.cached_property
    def path(self) -> str:
        """Named by the content's hash (worked out once: the build asks for
        it to write the file, to keep it and in the manifest)."""
        digest = hashlib.sha256(self.content).hexdigest()[:10]
        name = "site" if not self.years else (
            str(self.years[0]) if len(self.years) == 1 else f"{self.years[0]}-{self.years[-1]}")
        return f"{FOLDER}/{name}.{digest}.json"


def dumps(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def runs(positions) -> list:
    """``[3, 4, 5, 9]`` -> ``[[3, 3], [9, 1]]``: start and length of each run."""
    out = []
    for p in positions:
        if out and out[-1][0] + out[-1][1] == p:
            out[-1][1] += 1
        else:
            out.append([p, 1])
    return out


def year_of(doc: dict):
    m = pages.IN_YEAR.match(doc.get("location", ""))
    return int(m.group("year")) if m else None


def cut(docs: list, shard_bytes: int = SHARD_BYTES) -> list:
    """The shards of ``docs``, in the order the worker fetches them: the pages
    of no year, then the years from the newest, packed into shards of about
    ``shard_bytes``.  An index without entries gives no shard."""
    by_year = {}
    for position, doc in enumerate(docs):
        by_year.setdefault(year_of(doc), []).append(position)

    def shard(years, positions):
        positions = tuple(sorted(positions))
        body = {"at": runs(positions), "docs": [docs[p] for p in positions]}
        return Shard(tuple(years), positions, dumps(body))

    out = []
    if None in by_year:
        out.append(shard((), by_year.pop(None)))
    years, positions, size = [], [], 0
    for year in sorted(by_year, reverse=True):
        mine = by_year[year]
        years.append(year)
        positions += mine
        size += sum(len(dumps(docs[p])) for p in mine)
        if size >= shard_bytes:
            out.append(shard(years, positions))
            years, positions, size = [], [], 0
    if years:
        out.append(shard(years, positions))
    return out


def manifest(index: dict, shards: list, root: str) -> dict:
    """What ``search/search_index.json`` becomes: the index's ``config`` with
    the list of shards, and no entries.

    ``root`` leads from the worker's URL to the site's root (the worker
    fetches the shards, and knows only its own address).  ``first`` shards
    are fetched before the worker answers: the pages of no year and the
    newest shard of years."""
    first = 1 if shards and not shards[0].years else 0
    if len(shards) > first:
        first += 1
    config = dict(index.get("config", {}))
    config["shards"] = {
        "root": root,
        "first": first,
        "count": sum(len(s.positions) for s in shards),
        "files": [{"url": s.path, "years": [s.years[0], s.years[-1]] if s.years else [],
                   "docs": len(s.positions), "bytes": len(s.content)} for s in shards],
    }
    return {"config": config, "docs": []}


def assemble(manifest_: dict, read) -> dict:
    """The whole index again, from the manifest and ``read(path) -> bytes``
    of each shard: what the worker has once every shard is in (for tests,
    ``make search-eval`` and the bench's comparison with the theme's worker)."""
    spec = manifest_["config"].get("shards")
    if spec is None:
        return manifest_
    docs = [None] * spec["count"]
    for entry in spec["files"]:
        body = json.loads(read(entry["url"]))
        placed = iter(body["docs"])
        for start, length in body["at"]:
            for p in range(start, start + length):
                docs[p] = next(placed)
    config = {k: v for k, v in manifest_["config"].items() if k != "shards"}
    return {"config": config, "docs": docs}
