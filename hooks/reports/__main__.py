"""``python -m reports <command> [arguments]``: what the Makefile runs.

``make check`` → ``check``, ``make lock`` → ``lock``, ``make new-year`` →
``new-year``, ``make import`` → ``import``, ``make inbox`` → ``inbox``.
"""

from __future__ import annotations

import sys

from reports.commands import check, importer, inbox, lock, new_year

COMMANDS = {"check": check.main, "lock": lock.main, "new-year": new_year.main, "import": importer.main,
            "inbox": inbox.main}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in COMMANDS:
        print(f"用法：python -m reports {{{'|'.join(COMMANDS)}}} [参数]")
        return 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main())
