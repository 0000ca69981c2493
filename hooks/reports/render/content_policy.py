"""The Content-Security-Policy every page carries.

The archive is read on an intranet whose readers cannot tell a forged page
from a real one, so the browser is told what a page may load and run: its own
files, nothing from another host, and no inline script except the few the
theme writes into every page.  Those are allowed by their SHA-256 hashes,
computed at build time from the theme's template output *outside the page's
article*: a script that reached the content (a bad merge, a hostile pull
request) is never hashed, so the browser refuses to run it even if every
other defence failed.

The policy is a ``<meta http-equiv>`` so that it travels with ``site/`` to
any web server; the README shows the same policy as a server header, which
also covers what a meta element cannot (``frame-ancestors``).
"""

from __future__ import annotations

import base64
import hashlib
import re

# Inline scripts that run: no src, and no type or a JavaScript type.  The
# theme's ``<script id="__config" type="application/json">`` is data, not run.
_INLINE_SCRIPT = re.compile(
    r"<script(?P<attrs>(?:\s+[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?(?P<type>[^"'\s>]+)""", re.I)
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.I)

DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),  # + the hashes of the theme's inline scripts
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self' data:"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


def script_hashes(html: str) -> list:
    """``'sha256-…'`` of each inline script in ``html`` that a browser runs, in order, once each."""
    out = []
    for m in _INLINE_SCRIPT.finditer(html):
        attrs = m.group("attrs") or ""
        if _SRC.search(attrs):
            continue
        kind = _TYPE.search(attrs)
        if kind and kind.group("type").lower() not in _SCRIPT_TYPES:
            continue
        digest = base64.b64encode(hashlib.sha256(m.group("body").encode("utf-8")).digest()).decode()
        token = f"'sha256-{digest}'"
        if token not in out:
            out.append(token)
    return out


def policy(hashes=()) -> str:
    """The policy string; ``hashes`` are added to ``script-src``."""
    parts = []
    for name, value in DIRECTIVES:
        if name == "script-src" and hashes:
            value = " ".join((value, *hashes))
        parts.append(f"{name} {value}")
    return "; ".join(parts)


class MissingCharset(ValueError):
    """The page has no ``<meta charset="utf-8">`` to put the policy after."""


def outside_article(output: str) -> str:
    """``output`` without everything from the first ``<article`` to the last
    ``</article>``: the theme puts the page's content there, and whatever the
    content holds (even a stray ``</article>``) stays inside that span."""
    start = output.find("<article")
    end = output.rfind("</article>")
    if start < 0 or end < start:
        return output
    return output[:start] + output[end + len("</article>"):]


def apply(output: str, seen=None) -> str:
    """``output`` with the policy as the first element after its charset.

    Only scripts outside the article are hashed (``outside_article``); their
    hashes are also added to ``seen`` (a list), for ``header_policy``.
    """
    hashes = script_hashes(outside_article(output))
    if seen is not None:
        seen.extend(h for h in hashes if h not in seen)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    m = _CHARSET.search(output)
    if m is None:
        raise MissingCharset("page has no <meta charset>")
    return output[:m.end()] + tag + output[m.end():]


HEADER_FILE = "content-security-policy.txt"


def header_policy(hashes) -> str:
    """One policy for the web server's header, covering every page whose
    script hashes are ``hashes``: the same directives, and what a meta element
    cannot say (``frame-ancestors``)."""
    return policy(sorted(set(hashes))) + "; frame-ancestors 'self'"
