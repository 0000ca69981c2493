"""Cross-year knowledge: where each document and campaign appears, and what
became of each year's plans.

Reviewers ask across years -- "when did we study the 行政复议法?", "what did
we do on 国家宪法日 each year?", "were last year's plans carried out?".  The
answers are derived here from the data and the text, as pure functions of
the archive; ``knowledge_pages`` renders them.

A *use* of a document is either a study recorded in a year's data
(``studies``) or a mention found in the text.  Mentions are found by the
catalogue's names, longest first (so 行政复议法实施条例 is not also counted
as 行政复议法), inside 《》 or, for names of three or more characters, bare --
but not where the name runs on into a longer word (人防法 in 人防法律法规).
"""

from __future__ import annotations

import dataclasses
import re

from reports.model import report_text

RECORDED, MENTION = "recorded", "mention"
RUN_ON = "律规治学院官"


@dataclasses.dataclass(frozen=True)
class Use:
    year: object  # archive.Year
    page: object  # archive.Page
    block: object  # report_text.Block
    kind: str  # RECORDED (in the data) or MENTION (found in the text)
    entry: object = None  # the studies / campaigns entry, for RECORDED
    entry_id: str = ""  # the catalogue entry used

    @property
    def anchor(self) -> str:
        return self.block.anchor


def report_blocks(year):
    """(page, block) for every anchored block of the year's report text."""
    for slug in ("index", *(p.slug for p in report_text.PARTS)):
        page = year.pages.get(slug)
        if page is None:
            continue
        for block in page.blocks:
            if block.anchor:
                yield page, block


def name_pattern(entries) -> tuple:
    """A regex matching any entry name, longest first, and name -> id."""
    owner = {}
    for entry in entries:
        for name in entry.names:
            owner.setdefault(name, entry.id)
    names = sorted(owner, key=lambda n: (-len(n), n))
    pattern = re.compile("|".join(re.escape(n) for n in names)) if names else None
    return pattern, owner


def mentions_in(text: str, pattern, owner) -> list:
    """Ids of the entries named in ``text``, in order of first appearance."""
    found = []
    if pattern is None:
        return found
    for m in pattern.finditer(text):
        name = m.group(0)
        quoted = m.start() > 0 and text[m.start() - 1] == "《" and text[m.end():m.end() + 1] == "》"
        runs_on = text[m.end():m.end() + 1] in tuple(RUN_ON)
        if quoted or (len(name) >= 3 and not runs_on):
            if owner[name] not in found:
                found.append(owner[name])
    return found


def uses(archive, entries, recorded, key) -> dict:
    """id -> [Use] over all years (oldest first), recorded uses before mentions.

    ``recorded(year)`` gives the year's data entries for this catalogue
    (studies or campaign events) and ``key`` the field naming the id.
    """
    pattern, owner = name_pattern(entries)
    out = {entry.id: [] for entry in entries}
    for year in sorted(archive.years, key=lambda y: y.year):
        for use in year_uses(year, pattern, owner, recorded, key):
            out.setdefault(use.entry_id, []).append(use)
    for found in out.values():
        found.sort(key=lambda u: (u.year.year, u.kind != RECORDED))
    return out


def year_uses(year, pattern, owner, recorded, key) -> list:
    """Every use in one year: the data's entries, then the text's mentions
    of the catalogue (``name_pattern``), each (id, paragraph) once.

    One year at a time, so that a page about two years (与上年对比) does not
    read the whole archive to learn what those two said.
    """
    out, seen = [], set()
    for entry in recorded(year):
        page, block = year.block(entry.at)
        if block is None:
            continue
        out.append(Use(year, page, block, RECORDED, entry, getattr(entry, key)))
        seen.add((getattr(entry, key), entry.at))
    for page, block in report_blocks(year):
        for entry_id in mentions_in(block.text, pattern, owner):
            if (entry_id, block.anchor) not in seen:
                seen.add((entry_id, block.anchor))
                out.append(Use(year, page, block, MENTION, entry_id=entry_id))
    return out


def studies(year) -> list:
    """The year's recorded uses of documents (``recorded`` of ``uses``)."""
    return year.meta.studies


def events(year) -> list:
    """The year's recorded uses of campaigns (``recorded`` of ``uses``)."""
    return year.meta.campaigns


def document_uses(archive) -> dict:
    return uses(archive, archive.catalog.documents.values(), studies, "document")


def campaign_uses(archive) -> dict:
    return uses(archive, archive.catalog.campaigns.values(), events, "campaign")


@dataclasses.dataclass(frozen=True)
class PlanOutcome:
    year: object  # the year that made the plan
    plan: object  # year_data.Plan
    next_year: object  # the following year, or None when not yet reported
    followup: object  # year_data.Followup, or None


def plan_outcomes(archive) -> list:
    """Every plan of every year (newest first) with its follow-up, if any."""
    by_year = {y.year: y for y in archive.years}
    out = []
    for year in archive.years:
        following = by_year.get(year.year + 1)
        followups = {f.plan: f for f in following.meta.followups} if following else {}
        for plan in year.meta.plans:
            out.append(PlanOutcome(year, plan, following, followups.get(plan.id)))
    return out
