"""Word's automatic list numbering, recovered from ``numbering.xml`` (pure).

A report typed with Word's numbered lists (the ``List Number`` styles, or
numbering set on paragraphs) has no ``一、`` ``（一）`` ``1.`` in its text:
Word computes them from ``word/numbering.xml`` when it shows the page.
Without them the importer would see no parts and no items.  This module
counts the lists as Word does -- per list, each level restarting after a
higher one -- and gives each numbered paragraph its number as Word shows it,
or says that it cannot (a format it does not know, a list not defined).
"""

from __future__ import annotations

import dataclasses

from reports.model.numerals import cn_numeral

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"


def _roman(value: int) -> str:
    out = ""
    for number, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        count, value = divmod(value, number)
        out += letters * count
    return out


def _letters(value: int) -> str:
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


# numFmt -> how a counter is written; "bullet" and "none" write no number.
FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: "".join(chr(ord(c) + 0xFEE0) for c in str(n)),
    "decimalHalfWidth": str,
    "chineseCounting": lambda n: cn_numeral(n) if n < 100 else str(n),
    "chineseCountingThousand": lambda n: cn_numeral(n) if n < 100 else str(n),
    "ideographDigital": lambda n: cn_numeral(n) if n < 10 else str(n),
    "taiwaneseCountingThousand": lambda n: cn_numeral(n) if n < 100 else str(n),
    "japaneseCounting": lambda n: cn_numeral(n) if n < 100 else str(n),
    "ideographTraditional": lambda n: HEAVENLY_STEMS[n - 1] if n <= 10 else str(n),
    "decimalEnclosedCircle": lambda n: CIRCLED[n - 1] if n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: CIRCLED[n - 1] if n <= 20 else str(n),
    "decimalEnclosedParen": lambda n: f"({n})",
    "decimalEnclosedFullstop": lambda n: f"{n}.",
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "bullet": None,
    "none": None,
}


@dataclasses.dataclass(frozen=True)
class Level:
    start: int
    format: str
    text: str  # lvlText: "%1、", "（%2）" ...


def _val(element, name: str, default=None):
    child = element.find(f"{W}{name}") if element is not None else None
    return child.get(f"{W}val", default) if child is not None else default


def _int(text, default: int) -> int:
    try:
        return int(text)
    except (TypeError, ValueError):
        return default


class Numbering:
    """The numbering of one document: ``number(paragraph_element)`` for each
    body paragraph in order."""

    def __init__(self, numbering_xml, styles_xml):
        self.abstract, self.nums, self.styles = {}, {}, {}
        for element in numbering_xml.iter(f"{W}abstractNum") if numbering_xml is not None else ():
            levels = {}
            for lvl in element.iter(f"{W}lvl"):
                levels[_int(lvl.get(f"{W}ilvl"), 0)] = Level(
                    _int(_val(lvl, "start"), 1), _val(lvl, "numFmt", "decimal"), _val(lvl, "lvlText", ""))
            self.abstract[element.get(f"{W}abstractNumId")] = levels
        for element in numbering_xml.iter(f"{W}num") if numbering_xml is not None else ():
            starts = {}
            for override in element.iter(f"{W}lvlOverride"):
                start = _val(override, "startOverride")
                if start is not None:
                    starts[_int(override.get(f"{W}ilvl"), 0)] = _int(start, 1)
            self.nums[element.get(f"{W}numId")] = (_val(element, "abstractNumId"), starts)
        for style in styles_xml.iter(f"{W}style") if styles_xml is not None else ():
            ppr = style.find(f"{W}pPr")
            num = ppr.find(f"{W}numPr") if ppr is not None else None
            self.styles[style.get(f"{W}styleId")] = (
                (_val(num, "numId"), _int(_val(num, "ilvl"), 0)) if num is not None else None,
                _val(style, "basedOn"))
        self.counters = {}  # list key -> {level: counter}

    def _style_numbering(self, style_id):
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            numbering, based_on = self.styles.get(style_id, (None, None))
            if numbering is not None:
                return numbering
            style_id = based_on
        return None

    def paragraph_numbering(self, paragraph):
        """``(numId, level)`` of a paragraph element, or None when it is not numbered."""
        ppr = paragraph.find(f"{W}pPr")
        num = ppr.find(f"{W}numPr") if ppr is not None else None
        style = _val(ppr, "pStyle")
        from_style = self._style_numbering(style)
        if num is not None:
            num_id = _val(num, "numId", from_style[0] if from_style else None)
            level = _int(_val(num, "ilvl"), from_style[1] if from_style else 0)
        elif from_style is not None:
            num_id, level = from_style
        else:
            return None
        return None if num_id in (None, "0") else (num_id, level)

    def number(self, paragraph):
        """The number Word shows before a paragraph element: its text ("" when
        the paragraph is not numbered, or has a bullet), or None when it is
        numbered in a way this module cannot write."""
        found = self.paragraph_numbering(paragraph)
        if found is None:
            return ""
        num_id, level = found
        if num_id not in self.nums or self.nums[num_id][0] not in self.abstract:
            return None
        abstract_id, starts = self.nums[num_id]
        levels = self.abstract[abstract_id]
        if level not in levels:
            return None
        key = num_id if starts else abstract_id
        counters = self.counters.setdefault(key, {})
        start = starts.get(level, levels[level].start)
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [n for n in counters if n > level]:
            del counters[deeper]
        return self._text(levels, level, counters, starts)

    def _text(self, levels, level, counters, starts):
        text = levels[level].text
        if FORMATS.get(levels[level].format, False) is None:
            return ""  # a bullet: no number
        for n in range(level, -1, -1):
            placeholder = f"%{n + 1}"
            if placeholder not in text:
                continue
            spell = FORMATS.get(levels[n].format) if n in levels else None
            if spell is None:  # a format not known here, or a bullet inside a number
                return None
            value = counters.get(n, starts.get(n, levels[n].start))
            text = text.replace(placeholder, spell(value))
        return text
