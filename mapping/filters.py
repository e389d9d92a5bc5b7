"""The filter state of every view, and its round trip through the URL.

Like datasette's ``Filters``, the URL is the state: ``Filters.parse_query_params``
is a pure function from query parameters to a ``Filters`` (plus notices for
what it had to ignore), ``to_query_params`` is its inverse, and ``describe``
renders the state as one human sentence for captions and exports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from mapping import vocab
from mapping.data import country_codes
from mapping.i18n import Message, category_label, country_name, or_list, t

# Query parameter of each filter field; multi-valued ones are comma-separated.
PARAMS = {
    "roles": "role",
    "countries": "country",
    "domains": "domain",
    "world_regions": "region",
    "org_types": "type",
    "scopes": "scope",
    "text": "q",
    "years": "year",
}
TEXT_FIELDS = ("name", "name_he", "description", "city")
MAX_TEXT_LENGTH = 200
_YEAR_RANGE = re.compile(r"^\s*(\d{4})?\s*-\s*(\d{4})?\s*$|^\s*(\d{4})\s*$")


def _choices(field_name: str) -> Iterable[str] | None:
    """Return the allowed values of a multi-valued filter field (None = free)."""
    return {
        "roles": vocab.ROLES,
        "domains": vocab.DOMAINS,
        "world_regions": vocab.WORLD_REGIONS,
        "org_types": vocab.ORG_TYPES,
        "scopes": vocab.SCOPES,
        "countries": country_codes(),
    }.get(field_name)


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the organisations to; empty fields mean no constraint.

    An organisation matches a multi-valued filter (roles, domains) when it holds
    any of the selected values; all fields must match together. ``years`` is an
    inclusive ``(first, last)`` range of ``year_started`` where either end may be
    ``None``; rows without a year are left out once a year bound is set.
    """

    roles: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    world_regions: tuple[str, ...] = ()
    org_types: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()
    text: str = ""
    years: tuple[int | None, int | None] = field(default=(None, None))

    def __post_init__(self) -> None:
        for name in PARAMS:
            if name in ("text", "years"):
                continue
            value = getattr(self, name)
            if isinstance(value, str):
                raise TypeError(
                    f"Filters.{name} must be a sequence of strings, not the string {value!r}"
                )
            object.__setattr__(self, name, tuple(dict.fromkeys(value)))
            allowed = _choices(name)
            unknown = [v for v in getattr(self, name) if v not in allowed]
            if unknown:
                raise ValueError(f"Filters.{name}: unknown value {unknown[0]!r}")
        object.__setattr__(self, "text", str(self.text).strip()[:MAX_TEXT_LENGTH])
        first, last = self.years
        if first is not None and last is not None and first > last:
            raise ValueError(f"Filters.years: first year {first} is after last year {last}")
        object.__setattr__(self, "years", (first, last))

    @property
    def is_empty(self) -> bool:
        """True when no filter is set."""
        return self == Filters()

    def apply(self, gdf: pd.DataFrame) -> pd.DataFrame:
        """Return the rows of ``gdf`` that match, in their original order.

        Parameters
        ----------
        gdf : geopandas.GeoDataFrame
            Organisations as returned by ``mapping.data.load_organisations``.

        Returns
        -------
        geopandas.GeoDataFrame
            A filtered copy-free view (``gdf.loc[mask]``); do not mutate it.
        """
        return gdf.loc[self.mask(gdf)]

    def mask(self, gdf: pd.DataFrame) -> np.ndarray:
        """Return the boolean match array for ``gdf``."""
        keep = np.ones(len(gdf), dtype=bool)
        for name, column in (("roles", "roles"), ("domains", "domains")):
            selected = set(getattr(self, name))
            if selected:
                keep &= np.fromiter(
                    (not selected.isdisjoint(v) for v in gdf[column]), bool, len(gdf)
                )
        for name, column in (
            ("countries", "country_code"),
            ("world_regions", "world_region"),
            ("org_types", "org_type"),
            ("scopes", "scope"),
        ):
            selected = getattr(self, name)
            if selected:
                keep &= gdf[column].isin(selected).to_numpy()
        if self.text:
            needle = self.text.casefold()
            hits = np.zeros(len(gdf), dtype=bool)
            for column in TEXT_FIELDS:
                if column in gdf:
                    text = gdf[column].astype(str).str.casefold()
                    hits |= text.str.contains(needle, regex=False).to_numpy()
            keep &= hits
        first, last = self.years
        if first is not None or last is not None:
            years = gdf["year_started"]
            in_range = years.notna()
            if first is not None:
                in_range &= years >= first
            if last is not None:
                in_range &= years <= last
            keep &= in_range.fillna(False).to_numpy(dtype=bool)
        return keep

    def to_query_params(self) -> dict[str, str]:
        """Return the non-default fields as query parameters (``{"role": "funding,operating"}``)."""
        params: dict[str, str] = {}
        for name, key in PARAMS.items():
            value = getattr(self, name)
            if name == "text":
                if value:
                    params[key] = value
            elif name == "years":
                first, last = value
                if first is not None or last is not None:
                    params[key] = f"{'' if first is None else first}-{'' if last is None else last}"
            elif value:
                params[key] = ",".join(value)
        return params

    @classmethod
    def from_query_params(cls, params: Mapping[str, str | list[str]]) -> Filters:
        """Return the filters a URL's query parameters describe, ignoring anything invalid."""
        return cls.parse_query_params(params)[0]

    @classmethod
    def parse_query_params(
        cls, params: Mapping[str, str | list[str]], other_keys: Iterable[str] = ()
    ) -> tuple[Filters, list[str]]:
        """Parse query parameters into ``Filters`` plus a notice for each thing ignored.

        Parameters
        ----------
        params : mapping
            Query parameters; a value may be a string or a list of strings
            (repeated keys), each possibly comma-separated.
        other_keys : iterable of str
            Parameters that belong to other parts of the app (language, map
            view): neither parsed nor reported.

        Returns
        -------
        (Filters, list of mapping.i18n.Message)
            Never raises for bad input: unknown keys and values are dropped and
            named in the notices.
        """
        notices: list[Message] = []
        known = {key: name for name, key in PARAMS.items()}
        values: dict[str, object] = {}
        for key, raw in params.items():
            texts = [raw] if isinstance(raw, str) else [str(v) for v in raw]
            if key in other_keys:
                continue
            if key not in known:
                notices.append(Message("notice.unknown_parameter", key=key))
                continue
            name = known[key]
            if name == "text":
                values[name] = " ".join(texts)
            elif name == "years":
                years = _parse_years(texts[-1])
                if years is None:
                    notices.append(Message("notice.bad_year_range", value=texts[-1]))
                else:
                    values[name] = years
            else:
                items = [item.strip() for text in texts for item in text.split(",") if item.strip()]
                valid, invalid = _split_valid(name, items)
                notices.extend(
                    Message("notice.unknown_value", key=key, value=item) for item in invalid
                )
                values[name] = tuple(valid)
        return cls(**values), notices

    def describe(self, total: int | None = None, shown: int | None = None, lang: str = "en") -> str:
        """Render the filters as one sentence in ``lang`` (``en`` or ``he``).

        Parameters
        ----------
        total, shown : int, optional
            When given, the sentence starts with "N of M organisations".
        lang : str
            The language of the sentence.

        Returns
        -------
        str
            For example "12 of 250 organisations: role Funding; in Canada or
            Australia; started 2010–2015."
        """
        counted = total is not None and shown is not None
        head = (
            t("count.shown_of_total", lang, shown=shown, n=total)
            if counted
            else t("describe.head", lang)
        )
        clauses = []
        for kind, values in (
            ("role", self.roles),
            ("country", self.countries),
            ("world_region", self.world_regions),
            ("domain", self.domains),
            ("org_type", self.org_types),
            ("scope", self.scopes),
        ):
            if values:
                labels = [
                    country_name(v, lang) if kind == "country" else category_label(kind, v, lang)
                    for v in values
                ]
                clauses.append(
                    t(f"describe.{kind}", lang, n=len(values), values=or_list(labels, lang))
                )
        first, last = self.years
        if first is not None and last is not None:
            clauses.append(t("describe.years_between", lang, first=first, last=last))
        elif first is not None:
            clauses.append(t("describe.years_from", lang, first=first))
        elif last is not None:
            clauses.append(t("describe.years_until", lang, last=last))
        if self.text:
            clauses.append(t("describe.text", lang, text=self.text))
        if not clauses:
            if counted:
                return t("describe.all_with_counts", lang, head=head)
            return t("describe.all", lang)
        separator = t("describe.clause_separator", lang)
        return t("describe.sentence", lang, head=head, clauses=separator.join(clauses))


def _split_valid(name: str, items: list[str]) -> tuple[list[str], list[str]]:
    """Split URL values into those the field accepts (normalised) and the rest."""
    allowed = _choices(name)
    lookup = {str(choice).casefold(): choice for choice in allowed}
    valid, invalid = [], []
    for item in items:
        match = lookup.get(item.casefold())
        (valid if match is not None else invalid).append(match if match is not None else item)
    return valid, invalid


def _parse_years(text: str) -> tuple[int | None, int | None] | None:
    """Parse ``2010-2015``, ``2010-``, ``-2015`` or ``2013``; None if malformed or reversed."""
    match = _YEAR_RANGE.match(text)
    if not match:
        return None
    if match.group(3):
        year = int(match.group(3))
        return year, year
    first = int(match.group(1)) if match.group(1) else None
    last = int(match.group(2)) if match.group(2) else None
    if first is None and last is None:
        return None
    if first is not None and last is not None and first > last:
        return None
    return first, last
