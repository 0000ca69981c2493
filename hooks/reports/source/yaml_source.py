"""Strict YAML loading that remembers where every value came from.

PyYAML's loaders lose positions, silently keep the last of two duplicate keys,
and turn ``no`` into ``False`` and ``2023-12-01`` into a date.  Editors need
the opposite: every value traceable to ``file:line:col``, duplicates refused,
and nothing converted behind their back.  So this module composes the node tree
with ``yaml.SafeLoader`` (no arbitrary objects can be built) and converts it
itself:

* mappings -> dict, sequences -> list, keys must be plain strings;
* ``true``/``false`` only are booleans, ``null``/``~``/empty are None;
* integers and floats as YAML 1.2 writes them; everything else -- dates
  included -- stays a string, for the schema to parse explicitly.
"""

from __future__ import annotations

import re

import yaml

from reports.source import conflicts
from reports.source.problems import ENCODING, YAML_DUPLICATE_KEY, YAML_EMPTY, YAML_SYNTAX, Problem

INT = re.compile(r"^[-+]?[0-9]+$")
FLOAT = re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")


class Located:
    """Positions of values by key path, e.g. ``("laws", 3, "name")``."""

    def __init__(self, file: str):
        self.file = file
        self.marks: dict[tuple, tuple[int, int]] = {}  # where each value starts
        self.key_marks: dict[tuple, tuple[int, int]] = {}  # where its key starts

    def at(self, path: tuple, on_key: bool = False) -> tuple[int, int]:
        """Line and column of ``path`` (of its key with ``on_key``), or of its
        nearest known ancestor."""
        if on_key and path in self.key_marks:
            return self.key_marks[path]
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))

    def problem(self, path: tuple, message: str, hint: str = "", on_key: bool = False,
                **kw) -> Problem:  # kw: level, rule
        line, col = self.at(path, on_key)
        return Problem(self.file, line, col, message, hint, key=key_path(path), **kw)


def key_path(path) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def load(text_or_bytes, file: str):
    """Parse one YAML document.  Returns ``(value, located, problems)``.

    ``value`` is None when the file cannot be used at all.
    """
    located = Located(file)
    if isinstance(text_or_bytes, bytes):
        try:
            text = text_or_bytes.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = text_or_bytes[:exc.start].count(b"\n") + 1
            col = exc.start - (text_or_bytes.rfind(b"\n", 0, exc.start) + 1) + 1
            return None, located, [Problem(
                file, line, col, "文件不是 UTF-8 编码，无法读取",
                "请用编辑器以“UTF-8”编码重新保存此文件（不要用 GBK/GB2312）。", rule=ENCODING)]
        if text.startswith("\ufeff"):
            text = text[1:]
    else:
        text = text_or_bytes
    problems = [Problem(file, index + 1, 1, "文件中有未解决的合并冲突标记", conflicts.HINT, rule=YAML_SYNTAX)
                for index in conflicts.marker_lines(text.split("\n"))]
    if problems:
        return None, located, problems
    for number, line in enumerate(text.split("\n"), 1):
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            problems.append(Problem(
                file, number, line.index("\t") + 1, "缩进中有制表符（Tab）",
                "YAML 只能用空格缩进：请把 Tab 换成两个空格。", rule=YAML_SYNTAX))
    if problems:
        return None, located, problems
    if not text.strip() or all(not l.strip() or l.lstrip().startswith("#")
                               for l in text.split("\n")):
        return None, located, [Problem(
            file, 1, 1, "文件是空的", "请填写内容，或者删除这个文件。", rule=YAML_EMPTY)]
    try:
        node = compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, located, [Problem(
            file, line, col, f"YAML 语法错误：{_describe(exc)}",
            "请检查这一行及上一行的缩进、冒号和引号；冒号后面要有一个空格，"
            "含有冒号或 # 的文字请用引号括起来。", rule=YAML_SYNTAX)]
    except RecursionError:
        return None, located, [Problem(file, 1, 1, "嵌套层次太深，无法读取",
                                       "数据文件只需要几层缩进：请检查是否多写了括号或缩进。",
                                       rule=YAML_SYNTAX)]
    except yaml.YAMLError as exc:  # e.g. several documents
        return None, located, [Problem(file, 1, 1, f"YAML 错误：{exc}",
                                       "一个文件只能有一个 YAML 文档。", rule=YAML_SYNTAX)]
    value = _convert(node, (), located, problems, set())
    return (None if problems else value), located, problems


# libyaml (C) composes twenty times faster than the pure-Python parser, which
# keeps ``make check`` quick as years pile up; its error texts differ, so a
# file that fails is parsed again in Python for the messages mapped below.
FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def compose(text: str):
    if FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def positions(text: str, file: str) -> Located:
    """Where the keys and values of a YAML file are, and nothing else.

    For a file that is no data file but whose values are checked all the
    same, such as ``mkdocs.yml``: MkDocs has read it already, with tags
    (``!!python/name:…``) that ``load`` would refuse, and its problems still
    need the line and column of the value.  The nodes are only composed,
    never constructed, so no tag is obeyed; a file that does not parse
    gives no positions (``Located.at`` then answers line 1, column 1).
    """
    located = Located(file)
    try:
        root = compose(text)
    except (yaml.YAMLError, RecursionError):
        return located
    stack, seen = ([((), root)] if root is not None else []), set()
    while stack:
        path, node = stack.pop()
        located.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if id(node) in seen:  # an alias, perhaps of a node holding it: walked once
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    key = path + (key_node.value,)
                    located.key_marks[key] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                    if value_node.tag == "tag:yaml.org,2002:null" and not value_node.value:
                        located.marks[key] = located.key_marks[key]  # ``key:`` and nothing: the key
                    stack.append((key, value_node))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((path + (index,), child) for index, child in enumerate(node.value))
    return located


_MESSAGES = {
    "could not find expected ':'": "缺少冒号“:”",
    "mapping values are not allowed here": "这里不能出现“键: 值”（常见原因：缩进不对，或文字中的冒号没有加引号）",
    "found character '\\t' that cannot start any token": "出现了制表符（Tab）",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合）",
    "found undefined alias": "引用了未定义的别名",
    "expected <block end>, but found '-'": "列表项“-”的缩进与上下文不一致",
    "did not find expected key": "缩进不一致，找不到预期的键",
    "did not find expected '-' indicator": "列表项缩进不一致",
    "'<stream end>'": "文件意外结束（可能缺少值，或括号、引号没有闭合）",
    "found unknown escape character": "双引号中的反斜杠“\\”用法不对（可改用单引号）",
    "while scanning a quoted scalar": "引号没有闭合",
}


def _describe(exc) -> str:
    problem = exc.problem or ""
    for english, chinese in _MESSAGES.items():
        if english in problem:
            return chinese
    return f"无法解析（{problem}）"


# Tags the resolver gives plain YAML; anything else was written by hand
# (``!!python/object/apply:…``, ``!include``) and is refused, never obeyed.
PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in
              ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}
# Deeper than any data file needs; far below Python's recursion limit.
MAX_DEPTH = 40


def _convert(node, path, located, problems, seen):
    if len(path) > MAX_DEPTH:
        problems.append(_at(located.file, node, path, f"嵌套层次太深（超过 {MAX_DEPTH} 层）",
                            "数据文件只需要几层缩进：请检查是否多写了括号或缩进。", YAML_SYNTAX))
        return None
    if node.tag not in PLAIN_TAGS and node.tag != "tag:yaml.org,2002:merge":
        problems.append(_at(located.file, node, path, f"不能使用 YAML 标签“{node.tag.replace('tag:yaml.org,2002:', '!!')}”",
                            "数据文件里只能写文字、数字、日期、列表和“键: 值”；请删除以 ! 开头的标签。", YAML_SYNTAX))
        return None
    if id(node) in seen:  # an alias: refuse rather than expand (billion laughs)
        problems.append(_at(located.file, node, path, "不支持 YAML 锚点和别名（& 与 *）",
                            "请把内容直接写出来。", YAML_SYNTAX))
        return None
    if not isinstance(node, yaml.ScalarNode):
        seen.add(id(node))
    located.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(_at(located.file, key_node, path,
                                    "不支持这种写法的键（合并键“<<”或复杂键）",
                                    "请把键写成普通的文字。", YAML_SYNTAX))
                continue
            key = key_node.value
            if key in result:
                first = located.key_marks[path + (key,)]
                problems.append(_at(located.file, key_node, path + (key,),
                                    f"键“{key}”重复出现（第一次在第 {first[0]} 行）",
                                    "同一层级中每个键只能出现一次：请删除或合并其中一个。",
                                    YAML_DUPLICATE_KEY))
                continue
            located.key_marks[path + (key,)] = (key_node.start_mark.line + 1,
                                                key_node.start_mark.column + 1)
            result[key] = _convert(value_node, path + (key,), located, problems, seen)
            if value_node.tag == "tag:yaml.org,2002:null" and not value_node.value:
                # ``key:`` with nothing after it: point at the key.
                located.marks[path + (key,)] = located.key_marks[path + (key,)]
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(child, path + (index,), located, problems, seen)
                for index, child in enumerate(node.value)]
    return _scalar(node)


def _scalar(node):
    value = node.value
    if node.style:  # quoted or block scalar: always text
        return value
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    if value in ("true", "True", "TRUE"):
        return True
    if value in ("false", "False", "FALSE"):
        return False
    if INT.match(value):
        return int(value)
    if FLOAT.match(value):
        return float(value)
    return value


def _at(file, node, path, message, hint, rule):
    return Problem(file, node.start_mark.line + 1, node.start_mark.column + 1,
                   message, hint, key=key_path(path), rule=rule)
