"""One rule a module, in the manner of yamllint's rules.

Each module has ``ID`` (a stable kebab-case name that every problem it
returns carries), ``DESCRIPTION`` (one line, Chinese, for people) and
``check(archive, project) -> list[Problem]``.  ``archive`` is the loaded
model (``reports.model.archive.Archive``); ``project`` is a
``reports.checks.project.Project``, the few things outside the archive some
rules need (the lock file, every Markdown page).  ``reports.checks`` lists
the modules in the order they run.  A rule that looks at one year at a time
defines ``check_year(year, catalog)`` and ``check = per_year(check_year)``.
"""


def per_year(check_year):
    """The ``check`` of a rule that looks at one year at a time.

    Most rules need nothing but a year and the catalogue: they define
    ``check_year(year, catalog)`` (which may yield its problems) and get
    ``check = per_year(check_year)``, so that the loop over the archive's
    years is written once, here, and each rule module holds only what it
    checks.
    """
    def check(archive, project) -> list:
        return [problem for year in archive.years for problem in check_year(year, archive.catalog)]
    check.__doc__ = check_year.__doc__
    return check
