"""What the tests share, so that no test module imports another.

* ``repository``: where things are (``ROOT``, the fixture archive, the 2023
  source) and what the configuration says; safe for unit tests.
* ``site_text``: readers of built HTML (article text, loaded URLs) and of the
  source text; safe for unit tests, which check the readers themselves.
* ``project``: copies of the project, ``mkdocs build`` and the project's
  commands, run as processes.  Only ``tests/site`` and ``tests/browser`` use it.
* ``browser``: the local web server, Chromium and the search box, for
  ``tests/browser`` (and ``make bench``).

Fixtures live in the ``conftest.py`` files; this package holds plain helpers.
"""
