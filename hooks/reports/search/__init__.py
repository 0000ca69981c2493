"""Site search: the vocabulary jieba learns, the index the theme writes, and
the site's own search worker that answers queries in the browser.

One feature at the level of ``render``: it reads the model (catalogue names)
and the built pages, and nothing in ``render`` needs it, nor it ``render``.
"""
