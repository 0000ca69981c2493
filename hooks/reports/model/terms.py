"""The domain vocabulary: ``data/search/terms.txt``, one term a line.

Editors add words there that the Chinese segmenter must keep whole
(``reports.search.terms`` hands them to jieba).  The file is read here, so
that ``make check`` reports a file saved in the wrong encoding before the
build trips over it.
"""

from __future__ import annotations

import pathlib

from reports.source.problems import ENCODING, Problem

TERMS_FILE = pathlib.Path("data") / "search" / "terms.txt"


def parse(text: str) -> list:
    """The terms of a terms file: the first word of each line, ``#`` starts a comment."""
    terms = []
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            terms.append(word.split()[0])
    return terms


def read(root) -> tuple:
    """``(terms, problems)`` of the project's terms file (none when it is absent)."""
    path = pathlib.Path(root) / TERMS_FILE
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return [], []
    try:
        return parse(data.decode("utf-8-sig")), []
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        return [], [Problem(TERMS_FILE.as_posix(), line, 1, "文件不是 UTF-8 编码，无法读取",
                            "请用编辑器以“UTF-8”编码重新保存此文件（不要用 GBK/GB2312）。", rule=ENCODING)]
