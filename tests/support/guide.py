"""CONTRIBUTING.md as the tests read it: its sections, the code blocks in
them, and a snippet pasted where the guide tells the clerk to paste it.

The guide's examples are what clerks copy, so the tests take them from the
guide itself rather than keeping copies that could drift apart.  In memory
only: unit tests may use this module too.
"""

from __future__ import annotations

import re

from support.repository import ROOT

GUIDE_FILE = ROOT / "CONTRIBUTING.md"
FENCE = re.compile(r"^( *)```(\w*)\s*$")


def text() -> str:
    return GUIDE_FILE.read_text("utf-8")


def section(title: str) -> str:
    """The section whose ``## `` heading contains ``title``, up to the next one."""
    found = re.split(r"(?m)^(?=## )", text())
    matches = [s for s in found if s.startswith("## ") and title in s.splitlines()[0]]
    assert len(matches) == 1, f"CONTRIBUTING.md has {len(matches)} sections titled like “{title}”"
    return matches[0]


def blocks(markdown: str, language: str = "") -> list:
    """The fenced code blocks of ``markdown`` in ``language`` ("" for plain
    ones), each without the indentation of its fence (a block inside a
    numbered step is indented by the step; the clerk copies what is inside)."""
    out, current, indent, wanted = [], None, 0, False
    for line in markdown.split("\n"):
        fence = FENCE.match(line)
        if fence and current is None:
            current, indent, wanted = [], len(fence.group(1)), fence.group(2) == language
        elif fence and current is not None:
            if wanted:
                out.append("\n".join(current) + "\n")
            current = None
        elif current is not None:
            current.append(line[indent:] if line[:indent].strip() == "" else line)
    return out


def shown_lines() -> set:
    """Every line of every plain code block of the guide: the check's output it shows."""
    return {line for block in blocks(text()) for line in block.split("\n") if line.strip()}


def paste_after_list(yaml_text: str, key: str, snippet: str) -> str:
    """``yaml_text`` with ``snippet`` pasted below the last entry of the
    top-level list ``key`` ("在 key 的最后一条下面粘贴")."""
    lines = yaml_text.split("\n")
    start = lines.index(f"{key}:")
    last = start
    for index in range(start + 1, len(lines)):
        if lines[index].startswith(" "):
            last = index
        elif lines[index].strip():
            break
    return "\n".join(lines[:last + 1] + snippet.rstrip("\n").split("\n") + lines[last + 1:])


def paste_at_end(yaml_text: str, snippet: str) -> str:
    """``yaml_text`` with a blank line and ``snippet`` at its end ("在文件末尾空一行，粘贴")."""
    return yaml_text.rstrip("\n") + "\n\n" + snippet
