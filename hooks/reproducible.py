"""MkDocs hook: make two builds of the same commit identical, byte for byte.

MkDocs stamps the sitemap (and its gzip header) with the build time unless
``SOURCE_DATE_EPOCH`` is set.  When the caller has not set it, use the time of
the last Git commit, which is the same for every build of that commit.  A
``git archive`` export has no history, but Git writes that same time into
``COMMIT_TIME`` while exporting (``export-subst`` in ``.gitattributes``), so
the export builds the same site as the clone.  Outside both, a fixed date.
"""

from __future__ import annotations

import os
import pathlib
import re
import subprocess

from mkdocs.exceptions import Abort

FALLBACK_EPOCH = "1704067200"  # 2024-01-01T00:00:00Z
# Holds "$Format:%ct$" in the repository; the commit time in an export.
COMMIT_TIME = pathlib.Path("hooks/reports/build/COMMIT_TIME")
EPOCH = re.compile(r"^\d{1,12}$")


def commit_epoch(root: pathlib.Path) -> str:
    exported = _read(root / COMMIT_TIME)
    if EPOCH.match(exported):
        return exported
    try:
        top = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True, timeout=10, check=True).stdout.strip()
        if pathlib.Path(top).resolve() != root.resolve():
            return FALLBACK_EPOCH  # root is inside some other repository
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                             capture_output=True, text=True, timeout=10, check=True)
    except (OSError, subprocess.SubprocessError):
        return FALLBACK_EPOCH
    return out.stdout.strip() or FALLBACK_EPOCH


def _read(path: pathlib.Path) -> str:
    try:
        return path.read_text("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def on_config(config):
    given = os.environ.get("SOURCE_DATE_EPOCH", "")
    if given and not EPOCH.match(given.strip()):
        raise Abort(f"环境变量 SOURCE_DATE_EPOCH 的值“{given}”不对：它应是从 1970-01-01 起的秒数"
                    "（一个整数，如 1704067200）。请改正或删除这个环境变量后重新构建。")
    if not given:
        root = pathlib.Path(config.config_file_path).resolve().parent
        os.environ["SOURCE_DATE_EPOCH"] = commit_epoch(root)
    return config
