"""MkDocs hook: make two builds of the same commit identical, byte for byte.

MkDocs stamps the sitemap (and its gzip header) with the build time unless
``SOURCE_DATE_EPOCH`` is set.  When the caller has not set it, use the time of
the last Git commit, which is the same for every build of that commit; outside
a Git checkout fall back to a fixed date.
"""

from __future__ import annotations

import os
import pathlib
import subprocess

FALLBACK_EPOCH = "1704067200"  # 2024-01-01T00:00:00Z


def commit_epoch(root: pathlib.Path) -> str:
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root,
                             capture_output=True, text=True, timeout=10, check=True)
    except (OSError, subprocess.SubprocessError):
        return FALLBACK_EPOCH
    return out.stdout.strip() or FALLBACK_EPOCH


def on_config(config):
    if not os.environ.get("SOURCE_DATE_EPOCH"):
        root = pathlib.Path(config.config_file_path).resolve().parent
        os.environ["SOURCE_DATE_EPOCH"] = commit_epoch(root)
    return config
