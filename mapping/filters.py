"""The filter state of every view, and its round trip through the URL.

Like datasette's ``Filters``, the URL is the state: ``Filters.parse_query_params``
is a pure function from query parameters to a ``Filters`` (plus notices for
what it had to ignore), ``to_query_params`` is its inverse, and ``describe``
renders the state as one human sentence for captions and exports.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from mapping import network, vocab
from mapping.data import country_codes
from mapping.i18n import Message, category_label, country_name, or_list, t
from mapping.rules import MIN_YEAR, is_id

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
    "linked": "linked",
    "network": "network",
    "asof": "asof",
}
# Fields holding one organisation id (an id-shaped value; the data says if it exists).
ID_FIELDS = ("linked", "network")
SCALAR_FIELDS = ("text", "years", *ID_FIELDS, "asof")
TEXT_FIELDS = ("name", "name_he", "description", "city")
MAX_TEXT_LENGTH = 200
_YEAR_RANGE = re.compile(r"^\s*(\d{4})?\s*-\s*(\d{4})?\s*$|^\s*(\d{4})\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")


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

    ``linked`` (an organisation id) keeps that organisation and every one
    directly linked to it; ``network`` (the id of a network's organisation)
    keeps the network's members and itself; both need the links
    (``mapping.network.load_relationships``). ``asof`` (a year) keeps the
    organisations whose Collective Impact work had started by then and had not
    ended before it (``year_started <= asof`` and ``year_ended`` blank or
    ``>= asof``); organisations without a start year are left out.
    """

    roles: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    world_regions: tuple[str, ...] = ()
    org_types: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()
    text: str = ""
    years: tuple[int | None, int | None] = field(default=(None, None))
    linked: str = ""
    network: str = ""
    asof: int | None = None

    def __post_init__(self) -> None:
        for name in ID_FIELDS:
            value = getattr(self, name)
            if value and not is_id(value):
                raise ValueError(f"Filters.{name}: {value!r} is not an organisation id")
        if self.asof is not None and not MIN_YEAR <= self.asof <= dt.date.today().year:
            raise ValueError(
                f"Filters.asof: {self.asof!r} is not a year from {MIN_YEAR} to this year"
            )
        for name in PARAMS:
            if name in SCALAR_FIELDS:
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

    @property
    def needs_links(self) -> bool:
        """Whether matching needs the links between organisations."""
        return bool(self.linked or self.network)

    def apply(self, gdf: pd.DataFrame, links: pd.DataFrame | None = None) -> pd.DataFrame:
        """Return the rows of ``gdf`` that match, in their original order.

        Parameters
        ----------
        gdf : geopandas.GeoDataFrame
            Organisations as returned by ``mapping.data.load_organisations``.
        links : pandas.DataFrame, optional
            The links (``mapping.network.load_relationships``); needed for
            ``linked`` and ``network``.

        Returns
        -------
        geopandas.GeoDataFrame
            A filtered copy-free view (``gdf.loc[mask]``); do not mutate it.

        Raises
        ------
        ValueError
            If ``linked`` or ``network`` is set and ``links`` is not given.
        """
        return gdf.loc[self.mask(gdf, links)]

    def mask(self, gdf: pd.DataFrame, links: pd.DataFrame | None = None) -> np.ndarray:
        """Return the boolean match array for ``gdf`` (see ``apply``)."""
        keep = np.ones(len(gdf), dtype=bool)
        if self.needs_links:
            if links is None:
                raise ValueError("Filters.linked and Filters.network need the links table")
            if self.asof is not None:
                links = network.links_in_force(links, self.asof)
            if self.linked:
                keep &= gdf["id"].isin(network.linked_ids(links, self.linked)).to_numpy()
            if self.network:
                keep &= gdf["id"].isin(network.member_ids(links, self.network)).to_numpy()
        if self.asof is not None:
            keep &= active_in(gdf, self.asof)
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
            if name in ("text", *ID_FIELDS):
                if value:
                    params[key] = value
            elif name == "asof":
                if value is not None:
                    params[key] = str(value)
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
            elif name in ID_FIELDS:
                value = texts[-1].strip()
                if value and not is_id(value):
                    notices.append(Message("notice.bad_id", key=key, value=value[:60]))
                elif value:
                    values[name] = value
            elif name == "asof":
                year = _parse_year(texts[-1])
                if year is None:
                    notices.append(
                        Message(
                            "notice.bad_asof",
                            value=texts[-1][:20],
                            first=MIN_YEAR,
                            last=dt.date.today().year,
                        )
                    )
                else:
                    values[name] = year
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

    def describe(
        self,
        total: int | None = None,
        shown: int | None = None,
        lang: str = "en",
        names: Mapping[str, str] | None = None,
    ) -> str:
        """Render the filters as one sentence in ``lang`` (``en`` or ``he``).

        Parameters
        ----------
        total, shown : int, optional
            When given, the sentence starts with "N of M organisations".
        lang : str
            The language of the sentence.
        names : mapping, optional
            Organisation id -> name, to name ``linked`` and ``network``
            (otherwise their ids are shown).

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
        names = names or {}
        if self.network:
            clauses.append(t("describe.network", lang, name=names.get(self.network, self.network)))
        if self.linked:
            clauses.append(t("describe.linked", lang, name=names.get(self.linked, self.linked)))
        if self.asof is not None:
            clauses.append(t("describe.asof", lang, year=self.asof))
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


def active_in(gdf: pd.DataFrame, year: int) -> np.ndarray:
    """Which organisations' Collective Impact work had started by ``year`` and not yet ended.

    ``year_started <= year`` and ``year_ended`` blank or ``>= year``; an
    organisation without a start year is not counted (nothing says when it began).
    """
    started = gdf["year_started"]
    ended = gdf["year_ended"] if "year_ended" in gdf else pd.Series(pd.NA, index=gdf.index)
    active = started.notna() & (started <= year) & (ended.isna() | (ended >= year))
    return active.fillna(False).to_numpy(dtype=bool)


def _parse_year(text: str) -> int | None:
    """Parse a year from MIN_YEAR to this year, or None."""
    match = _YEAR.match(text)
    if not match:
        return None
    year = int(match.group(1))
    return year if MIN_YEAR <= year <= dt.date.today().year else None


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
