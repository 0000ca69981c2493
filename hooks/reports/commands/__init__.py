"""The project's commands: ``make check``, ``make lock``, ``make new-year``,
``make import`` and ``make inbox`` (``python -m reports <command>`` with
``hooks/`` on the path).

Each command module has ``main(argv) -> exit code`` and prints Chinese
messages only; ``reports/__main__.py`` picks the command by name.
"""

from __future__ import annotations

import pathlib

# The repository this code belongs to: hooks/reports/commands/ -> the root.
# Commands act on it unless a project folder is named.
PROJECT_ROOT = pathlib.Path(__file__).resolve().parents[3]
