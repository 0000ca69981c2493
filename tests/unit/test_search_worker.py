"""The hook that points the theme at the site's search worker, on a theme
config written by hand: a theme that writes it differently stops the build."""

from __future__ import annotations

import pytest

from reports.search import worker as search_worker


def test_a_theme_that_writes_its_config_differently_stops_the_build():
    from mkdocs.exceptions import Abort

    theme = ('<script id="__config" type="application/json">{"base": ".", '
             '"search": "../assets/javascripts/workers/search.a7633da7.min.js"}</script>')
    assert search_worker.use_worker(theme, "abc") == theme.replace(
        "assets/javascripts/workers/search.a7633da7.min.js", "assets/javascripts/search-worker.js?v=abc")
    assert search_worker.use_worker("<p>no config</p>", "abc") == "<p>no config</p>"
    changed = theme.replace('"search": ', '"worker": ')
    with pytest.raises(Abort) as error:
        search_worker.use_worker(changed, "abc")
    assert "hooks/search_worker.py" in str(error.value)
