"""What one build knows about the project, shared by the hook modules.

MkDocs loads every hook file as its own module, so state that several hooks
need (the validated archive) lives here, set once per build by ``site_data``.
"""

from __future__ import annotations

import os
import pathlib

_state = {"root": None, "archive": None}


def set_current(root, archive) -> None:
    _state["root"] = pathlib.Path(root)
    _state["archive"] = archive


def archive():
    if _state["archive"] is None:
        raise RuntimeError("site_data hook must run before the other hooks")
    return _state["archive"]


def root() -> pathlib.Path:
    return _state["root"]


def rel(path) -> str:
    """Path relative to the project root, as editors see it in Git."""
    try:
        return pathlib.Path(os.path.relpath(path, _state["root"])).as_posix()
    except (TypeError, ValueError):
        return str(path)
