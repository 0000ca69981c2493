"""The report archive: everything the MkDocs hooks and the commands use.

Layers, each importing only the ones below it (``tests/unit/test_layers.py``
walks the imports and fails on a cycle or an upward import)::

    hooks/*.py (MkDocs entry points), commands/
        → render/       pages, tables and charts from the model (Jinja)
        → knowledge/    what the years say together: laws × years, compare …
        → checks/       problems in the model: one rule a module
        → model/        parts, report text and anchors, markers, catalogue, years
        → source/       strict YAML and text with positions; ``Problem``

``build/`` holds what MkDocs forces to live between events (the build's
context) and the guard every hook event passes through.
"""
