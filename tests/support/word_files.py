"""Word documents made for the importer's tests, numbered by Word's automatic lists.

A report typed with Word's numbered lists has no 一、（一）1. in its text: the
numbers live in ``word/numbering.xml``.  ``numbered_docx`` writes such a file
with python-docx and a list definition of three levels, the way Word saves one.
"""

from __future__ import annotations

import copy

import docx
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Levels: 一、 / （一） / 1.  -- chineseCounting, then decimal.
ABSTRACT = f"""<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="90">
<w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""
NUM = f'<w:num xmlns:w="{W_NS}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'
NUM_PR = f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{{level}}"/><w:numId w:val="{{num}}"/></w:numPr>'


def numbered_docx(lines, path, num_id: int = 90):
    """Write ``lines`` as a .docx: a line ``#1 text`` / ``#2 text`` / ``#3 text``
    is a paragraph of list level 1-3 (its number only in numbering.xml), any
    other line a plain paragraph.  ``num_id`` other than 90 names a list the
    file does not define."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{W_NS}}}num")
    abstract = parse_xml(ABSTRACT)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(NUM))
    for line in lines:
        level = int(line[1]) - 1 if line[:1] == "#" and line[1:2].isdigit() else None
        paragraph = document.add_paragraph(line[3:] if level is not None else line)
        if level is not None:
            ppr = paragraph._p.get_or_add_pPr()
            ppr.append(copy.deepcopy(parse_xml(NUM_PR.format(level=level, num=num_id))))
    document.save(str(path))
    return path
