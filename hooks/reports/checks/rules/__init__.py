"""One rule a module, in the manner of yamllint's rules.

Each module has ``ID`` (a stable kebab-case name that every problem it
returns carries), ``DESCRIPTION`` (one line, Chinese, for people) and
``check(archive, project) -> list[Problem]``.  ``archive`` is the loaded
model (``reports.model.archive.Archive``); ``project`` is a
``reports.checks.project.Project``, the few things outside the archive some
rules need (the lock file, every Markdown page).  ``reports.checks`` lists
the modules in the order they run.
"""
