"""A fifth part in the registry is enough for make new-year to write its page."""

from __future__ import annotations




