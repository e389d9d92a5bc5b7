"""From someone else's spreadsheet to the dataset schema: headers, values and ids.

Uploaded files name their columns in many ways (``Organisation``, ``Lat``,
``שם הארגון``...) and write values loosely (``Israel``, ``ישראל``, ``Funding,
Operating``, ``מימון``). This module maps headers to ``mapping.data.COLUMNS``
(``detect_columns``, ``resolve_columns``) and rewrites values into the
dataset's canonical form (``normalise_values``) before the shared validation in
``mapping.data.validate_table`` sees them. Anything it does not recognise is
left as written, so the validation reports it with a suggestion.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import numpy as np
import pandas as pd

from mapping import countries, vocab
from mapping.data import COLUMNS, DERIVED
from mapping.i18n import LocalisedError
from mapping.rules import free_id, slug
from mapping.safety import FORMULA_TRIGGERS

# Header spellings per column, best first: when two headers of a file mean the
# same column, the one earlier in this list wins. Matched by ``header_key``.
HEADER_ALIASES = MappingProxyType(
    {
        "id": ("id", "identifier", "slug", "organisation id", "organization id", "org id", "מזהה"),
        "name": (
            "name",
            "organisation",
            "organization",
            "organisation name",
            "organization name",
            "org name",
            "name en",
            "english name",
            "שם הארגון",
            "ארגון",
            "שם ארגון",
            "שם",
        ),
        "name_he": (
            "name he",
            "hebrew name",
            "name hebrew",
            "name in hebrew",
            "שם בעברית",
            "שם עברי",
        ),
        "roles": ("roles", "role", "תפקיד", "תפקידים"),
        "org_type": (
            "org type",
            "type",
            "organisation type",
            "organization type",
            "סוג",
            "סוג ארגון",
            "סוג הארגון",
        ),
        "domains": ("domains", "domain", "field", "fields", "תחום", "תחומים"),
        "scope": ("scope", "geographic scope", "היקף", "היקף פעילות"),
        "city": ("city", "town", "עיר", "יישוב"),
        "region": ("region", "state", "province", "state province", "מחוז", "אזור"),
        "country_code": (
            "country code",
            "country",
            "iso",
            "iso2",
            "iso code",
            "country iso",
            "קוד מדינה",
            "מדינה",
            "ארץ",
        ),
        "latitude": ("latitude", "lat", "y", "קו רוחב"),
        "longitude": ("longitude", "lon", "lng", "long", "x", "קו אורך"),
        "year_started": (
            "year started",
            "year",
            "start year",
            "year founded",
            "founded",
            "established",
            "שנת הקמה",
            "שנת התחלה",
            "שנה",
        ),
        "year_ended": (
            "year ended",
            "end year",
            "closed",
            "year closed",
            "ended",
            "שנת סיום",
            "שנת סגירה",
        ),
        "network": ("network", "networks", "רשת", "רשתות"),
        "website": ("website", "url", "web", "web site", "site", "homepage", "אתר", "אתר אינטרנט"),
        "description": ("description", "about", "summary", "תיאור"),
        "source": ("source", "sources", "reference", "מקור", "מקורות"),
        "checked": ("checked", "date checked", "last checked", "verified", "נבדק", "תאריך בדיקה"),
    }
)
# Separators accepted between the values of a vocabulary cell in uploads
# (the dataset itself uses ``;``).
VALUE_SEPARATORS = re.compile(r"[;,|\n]")
# A coordinate written with a decimal comma (``32,0853``), as European spreadsheets do.
DECIMAL_COMMA = r"^([+-]?\d+),(\d+)$"

_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c"))


class ColumnMapError(LocalisedError):
    """An explicit column mapping that names a header or column that does not exist."""


def header_key(header: str) -> str:
    """Normalise a header for matching: case, spaces, punctuation and ``(s)`` folded."""
    text = unicodedata.normalize("NFKC", str(header)).translate(_INVISIBLE).casefold()
    text = text.replace("(s)", "")
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def _alias_ranks() -> dict[str, tuple[str, int]]:
    """Map each alias key to its column and its rank among that column's aliases."""
    return {
        header_key(alias): (column, rank)
        for column, aliases in HEADER_ALIASES.items()
        for rank, alias in enumerate(aliases)
    }


_ALIASES = _alias_ranks()


def detect_columns(headers: Iterable[str]) -> dict[str, str]:
    """Recognise the headers that name a dataset column.

    Parameters
    ----------
    headers : iterable of str
        The file's headers, in file order.

    Returns
    -------
    dict
        ``{header: column}`` for each recognised header (``column`` in
        ``mapping.data.COLUMNS``), in file order. Matching ignores case,
        spaces, underscores, punctuation and a ``(s)`` suffix; when several
        headers mean the same column, the best alias in ``HEADER_ALIASES``
        wins (``Country code`` over ``Country``), then the first in the file.
    """
    best: dict[str, tuple[int, int, str]] = {}
    for position, header in enumerate(headers):
        match = _ALIASES.get(header_key(header))
        if match is None:
            continue
        column, rank = match
        if column not in best or (rank, position) < best[column][:2]:
            best[column] = (rank, position, header)
    chosen = sorted((position, header, column) for column, (_, position, header) in best.items())
    return {header: column for _, header, column in chosen}


def resolve_columns(
    headers: list[str], column_map: Mapping[str, str | None] | None = None
) -> tuple[dict[str, str], tuple[str, ...]]:
    """Combine an explicit mapping with the detected one.

    Parameters
    ----------
    headers : list of str
        The file's headers, in file order.
    column_map : mapping, optional
        ``{header: column}`` chosen by the user; it overrides detection. A
        column of ``None`` or ``""`` ignores that header.

    Returns
    -------
    mapping : dict
        ``{header: column}`` applied, in file order; each column at most once.
    unmapped : tuple of str
        Headers not mapped (blank headers and the derived columns
        ``world_region`` and ``location_precision``, which are recomputed, are
        left out).

    Raises
    ------
    ColumnMapError
        If ``column_map`` names a header the file lacks, a column that does not
        exist, or the same column twice.
    """
    explicit = dict(column_map or {})
    for header, column in explicit.items():
        if header not in headers:
            raise ColumnMapError(
                "columns.error.unknown_header",
                header=header,
                headers=", ".join(map(repr, headers)),
            )
        if column and column not in COLUMNS:
            raise ColumnMapError(
                "columns.error.unknown_column",
                header=header,
                column=column,
                columns=", ".join(COLUMNS),
            )
    targets = [c for c in explicit.values() if c]
    repeated = sorted({c for c in targets if targets.count(c) > 1})
    if repeated:
        raise ColumnMapError("columns.error.repeated", column=repeated[0])
    taken = set(targets)
    detected = {
        header: column
        for header, column in detect_columns(h for h in headers if h not in explicit).items()
        if column not in taken
    }
    mapping = {
        header: explicit.get(header) or detected[header]
        for header in headers
        if explicit.get(header) or header in detected
    }
    ignored = {h for h, c in explicit.items() if not c}
    derived = {header_key(column) for column in DERIVED}
    unmapped = tuple(
        dict.fromkeys(
            h
            for h in headers
            if h not in mapping and h.strip() and h not in ignored and header_key(h) not in derived
        )
    )
    return mapping, unmapped


def unescape_formula(text: str) -> str:
    """Undo ``mapping.export``'s formula escape: drop a ``'`` put before a formula trigger."""
    if text.startswith("'") and text[1:].lstrip("'").startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text


def normalise_values(table: pd.DataFrame) -> pd.DataFrame:
    """Rewrite loosely written uploaded values into the dataset's canonical form.

    Parameters
    ----------
    table : pandas.DataFrame
        Stripped string cells with every column of ``COLUMNS``.

    Returns
    -------
    pandas.DataFrame
        A new table: ``'`` formula escapes removed; decimal commas in
        coordinates made points; country names and alpha-3
        codes turned into alpha-2 codes; vocabulary terms (any case, labels,
        Hebrew role terms) turned into values, multi-valued cells separated by
        ``;``, ``,`` or ``|`` rejoined with ``;``; blank ids generated
        (``generate_ids``). Unrecognised values are kept as written.
    """
    table = table.copy()
    for column in COLUMNS:
        escaped = table[column].str.startswith("'")
        if escaped.any():
            table.loc[escaped, column] = table.loc[escaped, column].map(unescape_formula)
    for column in ("latitude", "longitude"):
        table[column] = table[column].str.replace(DECIMAL_COMMA, r"\1.\2", regex=True)
    table["country_code"] = _rewrite(table["country_code"], lambda v: countries.to_code(v) or v)
    for field in vocab.VOCABULARIES:
        table[field] = _rewrite(table[field], lambda cell, f=field: _canonical_cell(f, cell))
    table["id"] = generate_ids(table["id"], table["name"])
    return table


def _rewrite(column: pd.Series, function) -> pd.Series:
    """Apply ``function`` once per distinct non-blank value of a string column."""
    codes, uniques = pd.factorize(column)
    uniques = np.asarray(uniques, dtype=object)
    results = np.array([function(v) if v else "" for v in uniques] + [""], dtype=object)
    return pd.Series(results[codes], index=column.index, dtype=str)


def _canonical_cell(field: str, cell: str) -> str:
    """Rewrite each term of a vocabulary cell to its value (unknown terms kept)."""
    parts = (p.strip() for p in VALUE_SEPARATORS.split(cell))
    terms = [vocab.canonical(field, p) or p for p in parts if p]
    return ";".join(dict.fromkeys(terms))


def generate_ids(ids: pd.Series, names: pd.Series) -> pd.Series:
    """Fill blank ids with stable slugs of the names, unique within the table.

    Parameters
    ----------
    ids, names : pandas.Series
        Stripped strings, aligned.

    Returns
    -------
    pandas.Series
        ``ids`` with each blank one replaced by ``slug(name)``, suffixed
        ``-2``, ``-3``... when the slug is taken by any id of the table or an
        earlier generated one; rows without a name get ``row-<position>``
        (1-based). The same table always gets the same ids.
    """
    blank = (ids == "").to_numpy()
    if not blank.any():
        return ids
    taken = set(ids[~blank])
    result = ids.to_numpy(dtype=object).copy()
    name_values = names.to_numpy(dtype=object)
    for position in np.flatnonzero(blank):
        name = name_values[position]
        candidate = free_id(slug(name) if name else f"row-{position + 1}", taken)
        taken.add(candidate)
        result[position] = candidate
    return pd.Series(result, index=ids.index, dtype=str)
