"""Every measure of every year, as flat records for the measures finder.

A *measure* is the smallest numbered unit of a part page that a reader would
cite:

* each numbered item (``1.……``, kind ``item``);
* a numbered section (``（一）……``) with no numbered items under it, such as
  the plans of part 四 or the run-in sections of part 三 (kind ``section``):
  its text is the heading followed by its unnumbered paragraphs;
* an unnumbered paragraph that belongs to no measure above -- under a section
  that also has items, or directly under the part heading (kind
  ``paragraph``), so that no sentence of the report is left unsearchable.

Documents and campaigns are tagged the way the cross-year pages find them
(``cross_year.mentions_in``: catalogue names longest first, in 《》 or bare
when three characters or longer and not running on into a longer word), plus
the year's ``studies`` and ``campaigns`` entries whose ``at`` is one of the
measure's paragraphs (for a section measure: its heading or its paragraphs).
So filtering the finder by a document shows the same places as that
document's entry on the 法律法规 page.

Pure functions of the archive: no MkDocs, no files.
"""

from __future__ import annotations

import dataclasses

from reports.knowledge import cross_year
from reports.model import report_text

ITEM, SECTION, PARAGRAPH = "item", "section", "paragraph"
KIND_LABELS = {ITEM: "编号事项", SECTION: "编号标题", PARAGRAPH: "无编号段落"}


@dataclasses.dataclass(frozen=True)
class Measure:
    year: int
    draft: bool
    part: str  # part slug: "measures", "shortcomings", ...
    part_label: str  # "一、主要举措和成效"
    headings: tuple  # part heading text, then section heading text, above the measure
    text: str  # the measure's words; paragraphs separated by "\n\n"
    anchor: str  # "s1-2-3", "s4-1", "s3-p1"
    src_uri: str  # "2023/measures.md"
    kind: str  # ITEM, SECTION or PARAGRAPH
    documents: tuple = ()  # catalogue document ids, catalogue order
    campaigns: tuple = ()  # catalogue campaign ids, catalogue order
    anchors: tuple = ()  # every block anchor the measure covers (itself first)

    @property
    def place(self) -> str:
        """How a reader names the place: 一（二）3."""
        return report_text.anchor_label(self.anchor)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def paragraphs(self) -> list:
        return self.text.split("\n\n")


@dataclasses.dataclass(eq=False)  # compared by identity
class _Draft:
    """A measure while its page is read: the blocks it is made of."""

    kind: str
    headings: tuple
    blocks: list


def page_measures(page) -> list:
    """The measures of one part page as ``_Draft`` records, in text order."""
    out: list[_Draft] = []
    part_heading = None
    section = None  # the current section block
    section_items = False  # has the current section any numbered item?
    section_draft = None  # the section's own measure, while it has no items
    pending: list = []  # paragraphs after the section heading, before any item

    def close_section():
        # A section that ended without items is one measure with its paragraphs.
        nonlocal section, section_items, section_draft, pending
        if section_draft is not None and not section_items:
            section_draft.blocks.extend(pending)
        section, section_items, section_draft, pending = None, False, None, []

    for block in page.blocks:
        if block.kind == "part":
            close_section()
            part_heading = block
        elif block.kind == "section":
            close_section()
            section = block
            section_draft = _Draft(SECTION, _path(part_heading), [block])
            out.append(section_draft)
        elif block.kind == "item":
            if section is not None and not section_items:
                # The section has items after all: it is a heading, not a
                # measure, and the paragraphs before its first item are
                # measures of their own.
                section_items = True
                out.remove(section_draft)
                out.extend(_Draft(PARAGRAPH, _path(part_heading, section), [b]) for b in pending)
                pending = []
            out.append(_Draft(ITEM, _path(part_heading, section), [block]))
        elif block.kind == "paragraph" and block.anchor:
            if section is None:
                out.append(_Draft(PARAGRAPH, _path(part_heading), [block]))
            elif section_items:
                out.append(_Draft(PARAGRAPH, _path(part_heading, section), [block]))
            else:
                pending.append(block)
        # "title" and unnumbered "heading" blocks carry no anchor: not measures.
    close_section()
    return out


def _path(*blocks) -> tuple:
    return tuple(b.text for b in blocks if b is not None)


def measure_records(archive) -> list:
    """One ``Measure`` per measure of every part page: newest year first,
    then in the order of the report text."""
    catalog = archive.catalog
    documents = list(catalog.documents.values()) if catalog else []
    campaigns = list(catalog.campaigns.values()) if catalog else []
    doc_pattern = cross_year.name_pattern(documents)
    campaign_pattern = cross_year.name_pattern(campaigns)
    doc_order = {d.id: i for i, d in enumerate(documents)}
    campaign_order = {c.id: i for i, c in enumerate(campaigns)}
    records = []
    for year in sorted(archive.years, key=lambda y: -y.year):
        recorded_docs = _by_anchor([(s.at, s.document) for s in year.meta.studies])
        recorded_campaigns = _by_anchor([(c.at, c.campaign) for c in year.meta.campaigns])
        for kind in report_text.PARTS:
            page = year.pages.get(kind.slug)
            if page is None:
                continue
            label = report_text.part_label(page, kind)
            for draft in page_measures(page):
                text = "\n\n".join(b.text for b in draft.blocks)
                anchors = tuple(b.anchor for b in draft.blocks)
                records.append(Measure(
                    year=year.year, draft=year.is_draft, part=kind.slug, part_label=label,
                    headings=draft.headings, text=text, anchor=anchors[0],
                    src_uri=page.src_uri, kind=draft.kind,
                    documents=_tags(text, anchors, doc_pattern, recorded_docs, doc_order),
                    campaigns=_tags(text, anchors, campaign_pattern, recorded_campaigns,
                                    campaign_order),
                    anchors=anchors))
    return records


def _by_anchor(pairs) -> dict:
    out = {}
    for anchor, entry_id in pairs:
        out.setdefault(anchor, []).append(entry_id)
    return out


def _tags(text, anchors, pattern, recorded, order) -> tuple:
    """Ids named in ``text`` or recorded at one of ``anchors``: unique, in
    catalogue order (ids missing from the catalogue, which the check reports,
    are left out)."""
    found = set(cross_year.mentions_in(text, *pattern))
    for anchor in anchors:
        found.update(recorded.get(anchor, ()))
    return tuple(sorted((i for i in found if i in order), key=order.get))
