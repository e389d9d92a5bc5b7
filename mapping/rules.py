"""The dataset's rules that several modules check, each defined once.

This module imports nothing from ``mapping``, so anything may import it: the
loader (``mapping.data``), the links (``mapping.network``), uploads, the URL
state (``mapping.filters``, ``mapping.view``), presenter scenes and a future
validator all apply the same rule.

- **Ids** (organisations, and the scenes of ``data/scenes.toml``) are
  lowercase slugs: words of ``a-z`` and ``0-9`` joined by single hyphens, at
  most ``MAX_ID_LENGTH`` characters (``tamarack-institute``, ``100kin10``).
  They appear in URLs (``?org=``, ``?linked=``, ``?scene=``), so they are
  never anything a URL would need to escape. ``is_id`` tells, ``slug`` makes
  one from a name.
- **Years** (started, ended, a link's since and until, an as-of year) are from
  ``MIN_YEAR`` to this year.
- **Problem tables** (what the loader and uploads report) have the columns
  ``PROBLEM_COLUMNS``; ``problem_table`` builds one.

Examples
--------
>>> is_id("tamarack-institute"), is_id("Tamarack"), is_id("a--b"), is_id("-a")
(True, False, False, False)
>>> slug("Fondation du Grand Montréal")
'fondation-du-grand-montreal'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import pandas as pd

__all__ = [
    "ID_PATTERN",
    "MAX_ID_LENGTH",
    "MAX_SLUG",
    "MIN_YEAR",
    "PROBLEM_COLUMNS",
    "free_id",
    "is_id",
    "problem_table",
    "slug",
]

# Words of lowercase letters and digits joined by single hyphens (data/README.md: `[a-z0-9-]`).
ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
# Long enough for any name's slug plus a suffix; short enough for a URL.
MAX_ID_LENGTH = 128
# Slugs made from names stop here (a word boundary is not sought: ids need not read well).
MAX_SLUG = 60
MIN_YEAR = 1900
# One line per problem: the 1-based data row, the field, the value as written,
# why it is a problem and what to do (``mapping.i18n.Message`` objects, or "").
PROBLEM_COLUMNS = ("row", "field", "value", "reason", "suggestion")
_PROBLEM_TYPES = {"row": int, "field": str, "value": str, "reason": object, "suggestion": object}
_ID = re.compile(ID_PATTERN)


def is_id(text: object) -> bool:
    """Whether ``text`` is a well-formed id (a lowercase slug of at most ``MAX_ID_LENGTH``)."""
    return isinstance(text, str) and len(text) <= MAX_ID_LENGTH and bool(_ID.fullmatch(text))


def slug(name: str) -> str:
    """A lowercase ASCII slug of a name (an id), or ``org-`` and a hash for a non-Latin name."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:MAX_SLUG].strip("-")
    return text or "org-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]


def free_id(base: str, taken) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever ``taken`` lacks (ids are never reused).

    >>> free_id("tamarack-institute", {"tamarack-institute"})
    'tamarack-institute-2'
    """
    candidate, counter = base, 1
    while candidate in taken:
        counter += 1
        candidate = f"{base}-{counter}"
    return candidate


def problem_table(problems=()) -> pd.DataFrame:
    """A problems table (``PROBLEM_COLUMNS``) from ``(row, field, value, reason, suggestion)``."""
    frame = pd.DataFrame(list(problems), columns=list(PROBLEM_COLUMNS))
    return frame.astype(_PROBLEM_TYPES)
