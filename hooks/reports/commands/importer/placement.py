"""Which part page each part of an imported report goes to (pure).

Reports word their parts in many ways (``一、工作进展情况及亮点``,
``二、推进法治政府建设情况``, the 纲要's topics as top-level headings), put
them in another order (the 第一责任人 part first), or split one required
part into several.  A part is placed by its wording first: the words of
``parts.PARTS``, the narrower parts before the broad first part.  Several
parts of one kind share its page.  A part whose heading has none of the words
is placed by its position: before every recognised part of a report that has
no first part, it is the first part; otherwise it follows the page before it
(with a comment), and the editor is told to check.  Each part says how it was
placed (``Part.how``).
"""

from __future__ import annotations

from reports.model import parts
from reports.model import report_text

# A （一） heading with these words inside another part is the 第一责任人 part's content.
LEADERSHIP_WORDS = ("第一责任人",)


def classify_words(heading: str):
    """``(slug, word)`` of the required part a heading's words say, or ``(None, "")``.

    The narrow parts are tried first, each in registry order; within a part,
    its first word that occurs (the registry lists the telling ones first).
    """
    for broad in (False, True):
        for kind in parts.PARTS:
            if kind.broad != broad:
                continue
            for word in kind.keywords:
                if word in heading:
                    return kind.slug, word
    return None, ""


def classify(heading: str):
    """The slug of the required part a part heading is, or None."""
    return classify_words(heading)[0]


def place(report_parts: list) -> None:
    """Set ``slug``, ``how`` and ``reason`` of each part, in source order."""
    for part in report_parts:
        part.slug, word = classify_words(part.heading)
        if part.slug:
            part.how = f"按标题中的“{word}”归入“{parts.by_slug(part.slug).short_title}”"
    first = parts.PARTS[0].slug
    has_first = any(part.slug == first for part in report_parts)
    seen = {}
    for index, part in enumerate(report_parts):
        if part.slug is None:
            if not has_first and all(p.slug in (None, first) for p in report_parts[:index + 1]):
                part.slug = first
                part.how = (f"标题中没有可识别的用语，按位置（在其他部分之前）归入“{parts.PARTS[0].short_title}”"
                            "，请核实")
            else:
                part.reason = ("标题中没有" + "".join(f"“{k.keywords_hint}”" for k in parts.PARTS) + "等字样")
                part.how = "未能归类，按位置接在上一部分之后" if index else "未能归类，按位置放在年度首页"
                continue
        if part.slug in seen:
            earlier = seen[part.slug]
            together = report_parts[index - 1].slug == part.slug
            part.how += (f"，与{'上一部分' if together else f'第{report_text.cn_numeral(earlier.number)}部分'}"
                         "放在同一页面")
        else:
            seen[part.slug] = part
