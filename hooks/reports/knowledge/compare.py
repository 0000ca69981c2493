"""与上年对比: what changed from one year's report to the next.

Pure functions of two years: documents and campaigns (new, dropped,
continued), key figures (by id), and the text of each part, paragraph by
paragraph.  A document or campaign is in a year when the year's data records
it (studied, held) *or* its text mentions it (``cross_year``: the same uses
the 法律法规 and 宣传节点 pages list); so one studied last year and only
mentioned this year has continued, not gone -- what changed is how it was
used, which the page says beside it.  Paragraphs are matched in order with
difflib; a paragraph that was reworded rather than replaced (similar enough)
is shown with its changed characters, so a reviewer sees at a glance which
sentences were copied from last year and which are new.
"""

from __future__ import annotations

import dataclasses
import difflib

from reports.knowledge import cross_year
from reports.model import report_text
from reports.model.report_text import squash

SIMILAR = 0.5  # below this a changed paragraph counts as removed + added


@dataclasses.dataclass
class SetChange:
    new: list
    dropped: list
    kept: list
    # id -> (use last year, use this year): cross_year.RECORDED, MENTION or None.
    ways: dict = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class FigureChange:
    id: str
    label: str
    unit: str
    before: object  # number or None
    after: object


@dataclasses.dataclass
class ParagraphChange:
    kind: str  # "added", "removed", "changed"
    anchor: str  # this year's anchor ("" for removed)
    before: str
    after: str
    segments: list = dataclasses.field(default_factory=list)  # [(op, text)]


@dataclasses.dataclass
class PartChange:
    slug: str
    title: str
    unchanged: int
    changes: list
    status: str = "both"  # "both", "new" (only this year), "gone" (only last year)


def set_change(before, after) -> SetChange:
    before, after = list(dict.fromkeys(before)), list(dict.fromkeys(after))
    return SetChange([x for x in after if x not in before], [x for x in before if x not in after],
                     [x for x in after if x in before])


def presence(year, recorded, key, pattern) -> dict:
    """id -> how ``year`` uses each catalogue entry it uses at all, in order
    of first use: ``cross_year.RECORDED`` when its data records the entry
    anywhere, else ``MENTION``.  ``pattern`` is ``cross_year.name_pattern``
    of the catalogue."""
    out = {}
    for use in cross_year.year_uses(year, *pattern, recorded, key):
        if out.get(use.entry_id) != cross_year.RECORDED:
            out[use.entry_id] = use.kind
    return out


def uses_change(before, after, entries, recorded, key) -> SetChange:
    """What of a catalogue appears, vanishes and stays from ``before`` to ``after``."""
    pattern = cross_year.name_pattern(entries)
    old = presence(before, recorded, key, pattern)
    new = presence(after, recorded, key, pattern)
    change = set_change(old, new)
    change.ways = {x: (old.get(x), new.get(x)) for x in (*change.new, *change.dropped, *change.kept)}
    return change


def documents(before, after, catalog) -> SetChange:
    return uses_change(before, after, catalog.documents.values(), cross_year.studies, "document")


def campaigns(before, after, catalog) -> SetChange:
    return uses_change(before, after, catalog.campaigns.values(), cross_year.events, "campaign")


def figures(before, after) -> list:
    old = {f.id: f for f in before.meta.figures}
    new = {f.id: f for f in after.meta.figures}
    out = []
    for figure_id in list(new) + [i for i in old if i not in new]:
        latest = new.get(figure_id) or old[figure_id]
        out.append(FigureChange(figure_id, latest.label, latest.unit,
                                old[figure_id].value if figure_id in old else None,
                                new[figure_id].value if figure_id in new else None))
    return out


def char_segments(before: str, after: str, matcher=None) -> list:
    """[(op, text)] with op in "same", "del", "ins": a character-level diff.

    ``matcher`` may be a SequenceMatcher already made for the two strings.
    """
    matcher = matcher or difflib.SequenceMatcher(None, before, after, autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("same", before[i1:i2]))
        else:
            if i2 > i1:
                out.append(("del", before[i1:i2]))
            if j2 > j1:
                out.append(("ins", after[j1:j2]))
    return out


def part_changes(before_page, after_page, slug, title) -> PartChange:
    old = [b for b in before_page.blocks if b.anchor] if before_page else []
    new = [b for b in after_page.blocks if b.anchor] if after_page else []
    old_texts, new_texts = [squash(b.text) for b in old], [squash(b.text) for b in new]
    matcher = difflib.SequenceMatcher(None, old_texts, new_texts, autojunk=False)
    changes, unchanged = [], 0
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            unchanged += i2 - i1
            continue
        olds, news = old[i1:i2], new[j1:j2]
        # Pair paragraphs in order while they are similar; the rest are
        # plain removals and additions.
        while olds and news:
            a, b = squash(olds[0].text), squash(news[0].text)
            matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
            if matcher.quick_ratio() < SIMILAR or matcher.ratio() < SIMILAR:
                break
            old_block, new_block = olds.pop(0), news.pop(0)
            changes.append(ParagraphChange("changed", new_block.anchor, old_block.text, new_block.text,
                                           char_segments(a, b, matcher)))
        changes += [ParagraphChange("removed", "", b.text, "") for b in olds]
        changes += [ParagraphChange("added", b.anchor, "", b.text) for b in news]
    status = "both" if before_page and after_page else ("new" if after_page else "gone")
    return PartChange(slug, title, unchanged, changes, status)


def text_changes(before, after) -> list:
    out = []
    for kind in report_text.PARTS:
        a, b = before.pages.get(kind.slug), after.pages.get(kind.slug)
        if a is None and b is None:
            continue
        title = (b or a).title
        out.append(part_changes(a, b, kind.slug, title))
    return out
