"""How problems are shown: to editors, to CI runners, to tools.

The checks only find problems; these functions turn a list of them into text.
Keeping the two apart means a new output (another CI's annotation syntax, an
editor plugin reading JSON) is a new function here, never a change to a check.
Every reporter sorts the problems first, so that the same project always
gives the same output, byte for byte.

* ``text``: what ``make check`` and the build print, in the form of compilers
  and yamllint -- ``file:line:col: [级别] key: 消息`` with the hint indented
  below and a summary line -- because editors and terminals already make
  such locations clickable.
* ``github``: workflow commands that GitHub and Gitea Actions show on the
  changed line of a pull request.
* ``json``: one object per problem, for tools.

Problems are read by attribute only (``file``, ``line``, ``is_error`` …), so
this module needs nothing from ``problems`` and ``problems`` can use it.
"""

from __future__ import annotations

import json as json_module


def text_of(problem) -> str:
    """One problem for people: its location line and, below it, the hint."""
    where = f"{problem.file}:{problem.line}:{problem.column}"
    key = f"{problem.key}: " if problem.key else ""
    out = f"{where}: [{problem.level}] {key}{problem.message}"
    if problem.hint:
        out += f"\n    提示：{problem.hint}"
    return out


def text(problems) -> str:
    """Every problem, then how many errors and warnings there are."""
    problems = sorted(problems)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    lines = [text_of(p) for p in problems]
    lines.append(f"共发现 {errors} 个错误、{warnings} 个警告。")
    return "\n".join(lines)


def annotation(problem) -> str:
    """A workflow command that GitHub and Gitea Actions show on the changed line."""
    kind = "error" if problem.is_error else "warning"
    message = (f"{problem.key}: " if problem.key else "") + problem.message
    message += f"（提示：{problem.hint}）" if problem.hint else ""
    message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::{kind} file={problem.file},line={problem.line},col={problem.column}::{message}"


def github(problems) -> str:
    """One annotation line per problem (an empty string for none)."""
    return "\n".join(annotation(p) for p in sorted(problems))


def as_dict(problem) -> dict:
    """The fields a tool needs, in a fixed order; the level in English."""
    return {
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "level": "error" if problem.is_error else "warning",
        "rule": problem.rule,
        "key": problem.key,
        "message": problem.message,
        "hint": problem.hint,
    }


def json(problems) -> str:
    """A JSON list of every problem: UTF-8 text (Chinese unescaped), indented."""
    return json_module.dumps([as_dict(p) for p in sorted(problems)], ensure_ascii=False, indent=2)


def codequality(problems) -> str:
    """GitLab's Code Quality report (the Code Climate subset GitLab reads), so
    a merge request lists each problem beside the line it is on.

    The fingerprint is a digest of where and what, so the same problem in
    two pipelines is recognised as one and a fixed one as fixed.
    """
    import hashlib

    out = []
    for problem in sorted(problems):
        what = f"{problem.rule}\n{problem.file}\n{problem.key}\n{problem.message}"
        out.append({
            "description": (f"{problem.key}: " if problem.key else "") + problem.message,
            "check_name": problem.rule or "reports",
            "fingerprint": hashlib.sha256(what.encode("utf-8")).hexdigest(),
            "severity": "major" if problem.is_error else "minor",
            "location": {"path": problem.file, "lines": {"begin": problem.line}},
        })
    return json_module.dumps(out, ensure_ascii=False, indent=2)
