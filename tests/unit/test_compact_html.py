"""Whitespace compaction keeps what whitespace means."""

from __future__ import annotations

from reports.render.compact import compact


def test_indentation_and_blank_lines_become_one_line_break():
    assert compact("<ul>\n    <li>a</li>\n\n\n    <li>b</li>\n</ul>") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"


def test_preformatted_scripts_and_styles_are_untouched():
    html = "<div>\n  x\n</div><pre>\n  keep\n    this\n</pre><script>\n  var a = `\n  b`;\n</script>"
    assert compact(html) == "<div>\nx\n</div><pre>\n  keep\n    this\n</pre><script>\n  var a = `\n  b`;\n</script>"


def test_spaces_within_a_line_are_kept():
    assert compact("<p>a  b <b>c</b> d</p>") == "<p>a  b <b>c</b> d</p>"
