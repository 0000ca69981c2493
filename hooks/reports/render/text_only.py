"""Python-Markdown without raw HTML: what a page's text says is shown as text.

Python-Markdown passes HTML in the source straight into the page, and a
backslash does not stop it (``<`` is not one of its escapable characters).
Report pages are a public record in text; the page-markup rule refuses HTML
in them, and this extension makes sure that even text that got past it is
printed, never obeyed: the raw-HTML block preprocessor and the inline HTML,
autolink and automail patterns are removed, so ``<script>`` comes out as
``&lt;script&gt;``.  What the site itself renders (tables, the year bar) is
HTML set aside before Markdown runs (``templating.set_aside``) and put back
after, so it never passes through here.
"""

from __future__ import annotations

from markdown.extensions import Extension


class TextOnly(Extension):
    PREPROCESSORS = ("html_block",)
    INLINE = ("html", "autolink", "automail")

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        for name in self.PREPROCESSORS:
            if name in md.preprocessors:
                md.preprocessors.deregister(name)
        for name in self.INLINE:
            if name in md.inlinePatterns:
                md.inlinePatterns.deregister(name)


def install(config) -> None:
    """Add the extension to MkDocs' Markdown settings once per configuration."""
    if not any(isinstance(e, TextOnly) for e in config.markdown_extensions):
        config.markdown_extensions.append(TextOnly())
