"""The filter state of every view: a registry of filter fields, and its round trip through URLs.

Like datasette's ``filters.py``, each filter is one object: a field of ``Filters``
declares, in one place, its URL and API parameter (``key``), the values it takes
(its vocabulary), how it selects rows (``mask``), how it reads in a sentence in both
languages (``clause``), the sidebar's label and help, and its API documentation
(``doc``, ``schema``). ``FIELDS`` lists them in their one order: the sidebar draws them
in it, the URL writes them in it, ``describe`` says them in it and the API documents
them in it. Five kinds cover every field: ``Choice`` (any of some values), ``Text``
(a search), ``YearRange`` (year started), ``Year`` (active in a year) and
``OrganisationId`` (linked to, members of a network).

The URL is the state: ``Filters.parse_query_params`` is a pure function from query
parameters to a ``Filters`` (plus notices for what it had to ignore), ``to_query_params``
is its inverse, and ``describe`` renders the state as one human sentence for captions
and exports. ``Filters.check_query_params`` is the strict reading the API uses: the
same parsing, with each problem named by its parameter and value.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from mapping import vocab
from mapping.data import MULTI_VALUED, country_codes
from mapping.dataset import linked_organisations, organisation_names
from mapping.i18n import Message, category_label, country_name, or_list, t
from mapping.network import linked_ids, links_in_force, member_ids
from mapping.rules import ID_PATTERN, MAX_ID_LENGTH, MIN_YEAR, is_id

MAX_TEXT_LENGTH = 200
TEXT_FIELDS = ("name", "name_he", "description", "city")
_YEAR_RANGE = re.compile(r"^\s*(\d{4})?\s*-\s*(\d{4})?\s*$|^\s*(\d{4})\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")
# The key of a dataclass field's metadata that holds its filter object.
_FILTER = "atlas_filter"


def this_year() -> int:
    """The last year a filter accepts (there is no data from the future)."""
    return dt.date.today().year


@dataclass(frozen=True)
class Problem:
    """A query parameter that could not be used: which, the value, and why.

    ``notice`` is what a page says when it ignores it ("Ignored unknown role
    'magic'."); ``reason`` is what the API says when it refuses it.
    """

    parameter: str
    value: str
    notice: Message
    reason: Message


class Rows:
    """What filters select from: the organisations, each column in the shape a filter
    compares fastest (worked out on first use, then kept), and the links of the view.

    A ``Rows`` of the live dataset is kept per data version (``mapping.frame``), so a
    page's run and an API request select with arrays worked out once: comparing codes,
    booleans and floats instead of pandas' string and nullable-integer columns (a filtered
    selection of the shipped data in 0.1 ms instead of 1-3 ms).
    """

    def __init__(self, organisations: pd.DataFrame, links: pd.DataFrame | None = None) -> None:
        self.organisations = organisations
        self.links = links
        self._kept: dict[tuple, object] = {}

    def with_links(self, links: pd.DataFrame | None) -> Rows:
        """The same organisations (and their kept columns) with other links."""
        rows = Rows(self.organisations, links)
        rows._kept = self._kept
        return rows

    def _keep(self, key: tuple, make: Callable[[], Any]) -> Any:
        if key not in self._kept:
            self._kept[key] = make()  # two threads may both make it: the same value
        return self._kept[key]

    def codes(self, column: str) -> tuple[np.ndarray, Mapping[str, int]]:
        """A single-valued column as integer codes, and each value's code."""

        def make():
            codes, uniques = pd.factorize(self.organisations[column].to_numpy(dtype=object))
            return codes, {value: code for code, value in enumerate(uniques)}

        return self._keep(("codes", column), make)

    def holders(self, column: str) -> Mapping[str, np.ndarray]:
        """A multi-valued column as one boolean array per value: who holds it."""

        def make():
            cells = self.organisations[column].tolist()
            found: dict[str, np.ndarray] = {}
            for row, values in enumerate(cells):
                for value in values:
                    if value not in found:
                        found[value] = np.zeros(len(cells), dtype=bool)
                    found[value][row] = True
            return found

        return self._keep(("holders", column), make)

    def years(self, column: str) -> np.ndarray:
        """A year column as floats, a blank as NaN."""
        if column not in self.organisations:
            return np.full(len(self.organisations), np.nan)
        return self._keep(("years", column), lambda: _years(self.organisations, column))

    def folded(self, column: str) -> pd.Series:
        """A text column case-folded, for searching."""
        return self._keep(
            ("folded", column), lambda: self.organisations[column].astype(str).str.casefold()
        )

    def ids(self) -> np.ndarray:
        """The organisations' ids."""
        return self._keep(("ids",), lambda: self.organisations["id"].to_numpy(dtype=object))


@dataclass(frozen=True)
class Field:
    """One filter field of ``Filters`` (a kind below, declared on the dataclass field).

    Attributes
    ----------
    key : str
        The URL's and the API's query parameter.
    label : str
        The catalogue key of the sidebar's label.
    clause : str
        The catalogue key of its clause in ``describe``'s sentence.
    doc : str
        The catalogue key of its API documentation.
    help : str
        The catalogue key of the sidebar's help text ("" for none).
    any : str
        The catalogue key of a single choice's "any" option ("" for none).
    name : str
        The ``Filters`` attribute (set when the registry is built).
    """

    key: str
    label: str
    clause: str
    doc: str
    help: str = ""
    any: str = ""
    name: str = ""
    default: ClassVar[Any] = None

    def is_set(self, value: object) -> bool:
        """Whether ``value`` constrains the rows (is not the field's default)."""
        return value != self.default

    # What each kind defines ------------------------------------------------------------

    def parse(self, texts: list[str]) -> tuple[object, list[Problem]]:
        """The value of the URL's texts for this parameter (repeated keys in order)."""
        raise NotImplementedError

    def param(self, value: Any) -> str:
        """The value as the URL writes it (the value is set)."""
        raise NotImplementedError

    def check(self, value: Any) -> object:
        """The value normalised, or ValueError / TypeError naming the field and the value."""
        raise NotImplementedError

    def mask(self, value: Any, rows: Rows) -> np.ndarray:
        """Which of ``rows.organisations`` the value keeps."""
        raise NotImplementedError

    def describe(self, value: Any, lang: str, names: Mapping[str, str]) -> str:
        """The value as a clause of ``Filters.describe``'s sentence, in ``lang``."""
        raise NotImplementedError

    def schema(self) -> dict:
        """The JSON Schema of the parameter's value (for the OpenAPI description)."""
        raise NotImplementedError

    def example(self) -> str:
        """A value that selects rows of the shipped dataset, for the API's documentation."""
        raise NotImplementedError


@dataclass(frozen=True)
class Choice(Field):
    """Any of some values of a column: ``role=funding,operating``.

    An organisation matches when its value (for a multi-valued column such as
    ``roles``, any of its values) is one of the selected. ``category`` is the
    vocabulary kind its labels come from (``role``); None for country codes,
    named by their country. ``from_data``: the sidebar offers the values the
    data holds rather than the whole vocabulary (every ISO country).
    """

    column: str = ""
    values: Callable[[], Iterable[str]] = tuple
    category: str | None = None
    from_data: bool = False
    sample: str = ""
    default: ClassVar[tuple] = ()

    def vocabulary(self) -> tuple[str, ...]:
        """Every value the field accepts, in the vocabulary's order."""
        return self._values[0]

    @functools.cached_property
    def _values(self) -> tuple[tuple[str, ...], frozenset[str], Mapping[str, str]]:
        """The vocabulary, as a set, and by its case-folded spelling (worked out once)."""
        values = tuple(self.values())
        return values, frozenset(values), {str(v).casefold(): v for v in values}

    def label_of(self, value: str, lang: str) -> str:
        """The display label of one value in ``lang``."""
        if self.category is None:
            return country_name(value, lang)
        return category_label(self.category, value, lang)

    def parse(self, texts: list[str]) -> tuple[object, list[Problem]]:
        lookup = self._values[2]
        items = [item.strip() for text in texts for item in text.split(",") if item.strip()]
        valid, problems = [], []
        for item in items:
            match = lookup.get(item.casefold())
            if match is None:
                problems.append(
                    Problem(
                        self.key,
                        item,
                        Message("notice.unknown_value", key=self.key, value=item),
                        Message("api.problem.unknown_value", key=self.key, value=item),
                    )
                )
            else:
                valid.append(match)
        return tuple(valid), problems

    def param(self, value: tuple[str, ...]) -> str:
        return ",".join(value)

    def check(self, value: Any) -> object:
        if isinstance(value, str):
            raise TypeError(
                f"Filters.{self.name} must be a sequence of strings, not the string {value!r}"
            )
        value = tuple(dict.fromkeys(value))
        allowed = self._values[1]
        unknown = [v for v in value if v not in allowed]
        if unknown:
            raise ValueError(f"Filters.{self.name}: unknown value {unknown[0]!r}")
        return value

    def mask(self, value: tuple[str, ...], rows: Rows) -> np.ndarray:
        keep = np.zeros(len(rows.organisations), dtype=bool)
        if self.column in MULTI_VALUED:
            holders = rows.holders(self.column)
            for chosen in value:
                if chosen in holders:
                    keep |= holders[chosen]
            return keep
        codes, code_of = rows.codes(self.column)
        wanted = [code_of[chosen] for chosen in value if chosen in code_of]
        return np.isin(codes, wanted) if wanted else keep

    def describe(self, value: tuple[str, ...], lang: str, names: Mapping[str, str]) -> str:
        labels = [self.label_of(v, lang) for v in value]
        return t(self.clause, lang, n=len(value), values=or_list(labels, lang))

    def schema(self) -> dict:
        return {
            "type": "array",
            "items": {"type": "string", "enum": list(self.vocabulary())},
            "uniqueItems": True,
        }

    def example(self) -> str:
        return self.sample or self.vocabulary()[0]


@dataclass(frozen=True)
class Text(Field):
    """Words to find in names, descriptions and cities (case-insensitive): ``q=youth``."""

    columns: tuple[str, ...] = TEXT_FIELDS
    sample: str = ""
    default: ClassVar[str] = ""

    def parse(self, texts: list[str]) -> tuple[object, list[Problem]]:
        return " ".join(texts), []

    def param(self, value: str) -> str:
        return value

    def check(self, value: Any) -> object:
        return str(value).strip()[:MAX_TEXT_LENGTH]

    def mask(self, value: str, rows: Rows) -> np.ndarray:
        needle = value.casefold()
        hits = np.zeros(len(rows.organisations), dtype=bool)
        for column in self.columns:
            if column in rows.organisations:
                found = rows.folded(column).str.contains(needle, regex=False)
                hits |= found.to_numpy(dtype=bool, na_value=False)
        return hits

    def describe(self, value: str, lang: str, names: Mapping[str, str]) -> str:
        return t(self.clause, lang, text=value)

    def schema(self) -> dict:
        return {"type": "string"}

    def example(self) -> str:
        return self.sample


@dataclass(frozen=True)
class YearRange(Field):
    """Started within a range of years (either end open): ``year=2010-2015``, ``2010-``, ``2013``.

    Rows without a start year drop out once a bound is set. ``clause`` is the
    stem of three messages: ``<clause>_between``, ``_from`` and ``_until``.
    """

    column: str = "year_started"
    sample: str = ""
    default: ClassVar[tuple] = (None, None)

    def parse(self, texts: list[str]) -> tuple[object, list[Problem]]:
        text = texts[-1]
        years = _parse_years(text)
        if years is None:
            notice = Message("notice.bad_year_range", value=text)
            reason = Message("api.problem.bad_year_range", key=self.key, value=text)
            return self.default, [Problem(self.key, text, notice, reason)]
        return years, []

    def param(self, value: tuple[int | None, int | None]) -> str:
        first, last = value
        return f"{'' if first is None else first}-{'' if last is None else last}"

    def check(self, value: Any) -> object:
        first, last = value
        if first is not None and last is not None and first > last:
            raise ValueError(f"Filters.{self.name}: first year {first} is after last year {last}")
        return (first, last)

    def mask(self, value: tuple[int | None, int | None], rows: Rows) -> np.ndarray:
        first, last = value
        years = rows.years(self.column)
        in_range = ~np.isnan(years)
        if first is not None:
            in_range &= years >= first
        if last is not None:
            in_range &= years <= last
        return in_range

    def describe(self, value: tuple[int | None, int | None], lang: str, names) -> str:
        first, last = value
        if first is not None and last is not None:
            return t(f"{self.clause}_between", lang, first=first, last=last)
        if first is not None:
            return t(f"{self.clause}_from", lang, first=first)
        return t(f"{self.clause}_until", lang, last=last)

    def schema(self) -> dict:
        return {"type": "string", "pattern": _YEAR_RANGE.pattern}

    def example(self) -> str:
        return self.sample


@dataclass(frozen=True)
class Year(Field):
    """Active in a year: started by then and not ended before (``asof=2015``).

    An organisation without a start year is not counted: nothing says when it began.
    """

    sample: str = ""
    default: ClassVar[None] = None

    def parse(self, texts: list[str]) -> tuple[object, list[Problem]]:
        text = texts[-1]
        year = _parse_year(text)
        if year is None:
            first, last = MIN_YEAR, this_year()
            notice = Message("notice.bad_asof", value=text[:20], first=first, last=last)
            reason = Message(
                "api.problem.bad_year", key=self.key, value=text[:20], first=first, last=last
            )
            return None, [Problem(self.key, text, notice, reason)]
        return year, []

    def param(self, value: int) -> str:
        return str(value)

    def check(self, value: Any) -> object:
        if value is not None and not MIN_YEAR <= value <= this_year():
            raise ValueError(
                f"Filters.{self.name}: {value!r} is not a year from {MIN_YEAR} to this year"
            )
        return value

    def mask(self, value: int, rows: Rows) -> np.ndarray:
        return _active(rows.years("year_started"), rows.years("year_ended"), value)

    def describe(self, value: int, lang: str, names: Mapping[str, str]) -> str:
        return t(self.clause, lang, year=value)

    def schema(self) -> dict:
        return {"type": "integer", "minimum": MIN_YEAR, "maximum": this_year()}

    def example(self) -> str:
        return self.sample


@dataclass(frozen=True)
class OrganisationId(Field):
    """An organisation's id, selecting the organisations around it through the links.

    ``selects(links, id)`` names the ids kept (``linked_ids``: it and
    everything linked to it; ``member_ids``: a network's members and
    its runner); ``known(dataset)`` the ids that may be chosen, and
    ``choices(dataset, lang)`` those the sidebar offers, with their labels.
    ``unknown_notice`` and ``unknown_reason`` are the catalogue keys that say a
    dataset has no such organisation to choose (on a page; in the API).
    """

    selects: Callable[[pd.DataFrame, str], set[str]] = linked_ids
    known: Callable[[Any], Iterable[str]] = lambda dataset: ()
    choices: Callable[[Any, str], Mapping[str, str]] = lambda dataset, lang: {}
    unknown_notice: str = ""
    unknown_reason: str = ""
    sample: str = ""
    default: ClassVar[str] = ""

    def parse(self, texts: list[str]) -> tuple[object, list[Problem]]:
        value = texts[-1].strip()
        if value and not is_id(value):
            notice = Message("notice.bad_id", key=self.key, value=value[:60])
            reason = Message(
                "api.problem.bad_id", key=self.key, value=value[:60], length=MAX_ID_LENGTH
            )
            return "", [Problem(self.key, value, notice, reason)]
        return value, []

    def param(self, value: str) -> str:
        return value

    def check(self, value: Any) -> object:
        if value and not is_id(value):
            raise ValueError(f"Filters.{self.name}: {value!r} is not an organisation id")
        return value

    def mask(self, value: str, rows: Rows) -> np.ndarray:
        if rows.links is None:
            raise ValueError("Filters.linked and Filters.network need the links table")
        return np.isin(rows.ids(), list(self.selects(rows.links, value)))

    def describe(self, value: str, lang: str, names: Mapping[str, str]) -> str:
        return t(self.clause, lang, name=names.get(value, value))

    def unknown(self, value: str, dataset: Any) -> Problem | None:
        """A problem when ``dataset`` has no such organisation to choose, else None."""
        if not value or value in set(self.known(dataset)):
            return None
        notice = Message(self.unknown_notice, value=value)
        reason = Message(self.unknown_reason, key=self.key, value=value)
        return Problem(self.key, value, notice, reason)

    def schema(self) -> dict:
        return {"type": "string", "pattern": f"^{ID_PATTERN}$", "maxLength": MAX_ID_LENGTH}

    def example(self) -> str:
        return self.sample


def _declare(kind: type[Field], **declaration: Any) -> Any:
    """A ``Filters`` field whose metadata holds its filter object (its default from the kind)."""
    return dataclasses.field(default=kind.default, metadata={_FILTER: kind(**declaration)})


def _network_choices(dataset: Any, lang: str) -> Mapping[str, str]:
    """The named networks, by the id of the organisation that runs each: runner -> name."""
    networks = dataset.networks
    return dict(zip(networks["organisation_id"], networks["network"], strict=True))


def _linked_choices(dataset: Any, lang: str) -> Mapping[str, str]:
    """The organisations with a link, sorted by their name in ``lang``: id -> name."""
    names = organisation_names(dataset, lang)
    return {org: names[org] for org in linked_organisations(dataset, lang)}


@dataclass(frozen=True, kw_only=True)
class Filters:
    """What the user narrowed the organisations to; empty fields mean no constraint.

    An organisation matches a multi-valued filter (roles, domains) when it holds
    any of the selected values; all fields must match together. ``years`` is an
    inclusive ``(first, last)`` range of ``year_started`` where either end may be
    ``None``; rows without a year are left out once a year bound is set.

    ``linked`` (an organisation id) keeps that organisation and every one
    directly linked to it; ``network`` (the id of a network's organisation)
    keeps the network's members and itself; both need the links
    (``mapping.network.load_relationships``), and in an as-of view count only
    the links in force that year. ``asof`` (a year) keeps the organisations
    whose Collective Impact work had started by then and had not ended before
    it (``year_started <= asof`` and ``year_ended`` blank or ``>= asof``);
    organisations without a start year are left out.

    Each field is declared once, with everything about it (see the module's
    docstring); the fields' order is the sidebar's, the URL's and the sentence's.
    """

    text: str = _declare(
        Text,
        key="q",
        label="sidebar.search",
        clause="describe.text",
        doc="api.param.q",
        sample="youth",
    )
    roles: tuple[str, ...] = _declare(
        Choice,
        key="role",
        label="sidebar.role",
        clause="describe.role",
        doc="api.param.role",
        column="roles",
        values=lambda: vocab.ROLES,
        category="role",
        sample="funding",
    )
    countries: tuple[str, ...] = _declare(
        Choice,
        key="country",
        label="sidebar.country",
        clause="describe.country",
        doc="api.param.country",
        column="country_code",
        values=country_codes,
        from_data=True,
        sample="CA",
    )
    world_regions: tuple[str, ...] = _declare(
        Choice,
        key="region",
        label="sidebar.world_region",
        clause="describe.world_region",
        doc="api.param.region",
        column="world_region",
        values=lambda: vocab.WORLD_REGIONS,
        category="world_region",
        sample="Europe",
    )
    domains: tuple[str, ...] = _declare(
        Choice,
        key="domain",
        label="sidebar.domain",
        clause="describe.domain",
        doc="api.param.domain",
        column="domains",
        values=lambda: vocab.DOMAINS,
        category="domain",
        sample="education",
    )
    org_types: tuple[str, ...] = _declare(
        Choice,
        key="type",
        label="sidebar.org_type",
        clause="describe.org_type",
        doc="api.param.type",
        column="org_type",
        values=lambda: vocab.ORG_TYPES,
        category="org_type",
        sample="backbone",
    )
    scopes: tuple[str, ...] = _declare(
        Choice,
        key="scope",
        label="sidebar.scope",
        clause="describe.scope",
        doc="api.param.scope",
        column="scope",
        values=lambda: vocab.SCOPES,
        category="scope",
        sample="metropolitan",
    )
    years: tuple[int | None, int | None] = _declare(
        YearRange,
        key="year",
        label="sidebar.year_started",
        clause="describe.years",
        doc="api.param.year",
        help="sidebar.year_started_help",
        sample="2010-2015",
    )
    asof: int | None = _declare(
        Year,
        key="asof",
        label="sidebar.asof",
        clause="describe.asof",
        doc="api.param.asof",
        help="sidebar.asof_help",
        any="sidebar.asof_any",
        sample="2015",
    )
    network: str = _declare(
        OrganisationId,
        key="network",
        label="sidebar.network",
        clause="describe.network",
        doc="api.param.network",
        help="sidebar.network_help",
        any="sidebar.network_any",
        selects=member_ids,
        known=lambda dataset: dataset.networks["organisation_id"],
        choices=_network_choices,
        unknown_notice="notice.unknown_network",
        unknown_reason="api.problem.unknown_network",
        sample="tamarack-institute",
    )
    linked: str = _declare(
        OrganisationId,
        key="linked",
        label="sidebar.linked",
        clause="describe.linked",
        doc="api.param.linked",
        help="sidebar.linked_help",
        any="sidebar.linked_any",
        selects=linked_ids,
        known=lambda dataset: dataset.organisations["id"],
        choices=_linked_choices,
        unknown_notice="notice.unknown_linked",
        unknown_reason="api.problem.unknown_linked",
        sample="fsg",
    )

    def __post_init__(self) -> None:
        for field in FIELDS:
            object.__setattr__(self, field.name, field.check(getattr(self, field.name)))

    def constraints(self) -> Iterable[tuple[Field, Any]]:
        """The fields that constrain the rows, with their values, in the registry's order
        (the URL's order)."""
        for field in FIELDS:
            value = getattr(self, field.name)
            if field.is_set(value):
                yield field, value

    @property
    def is_empty(self) -> bool:
        """True when no filter is set."""
        return self == Filters()

    @property
    def needs_links(self) -> bool:
        """Whether matching needs the links between organisations."""
        return any(isinstance(field, OrganisationId) for field, _value in self.constraints())

    def view_links(self, links: pd.DataFrame) -> pd.DataFrame:
        """The links of the view: in an as-of view, those in force that year."""
        if self.asof is None:
            return links
        return links_in_force(links, self.asof)

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
        return self.select(Rows(gdf, links))

    def select(self, rows: Rows) -> np.ndarray:
        """The boolean match array of ``rows`` (whose links are all the links, or None)."""
        keep = np.ones(len(rows.organisations), dtype=bool)
        if self.needs_links and rows.links is not None:
            rows = rows.with_links(self.view_links(rows.links))
        for field, value in self.constraints():
            keep &= field.mask(value, rows)
        return keep

    def to_query_params(self) -> dict[str, str]:
        """Return the non-default fields as query parameters (``{"role": "funding,operating"}``)."""
        return {field.key: field.param(value) for field, value in self.constraints()}

    @classmethod
    def from_query_params(cls, params: Mapping[str, str | list[str]]) -> Filters:
        """Return the filters a URL's query parameters describe, ignoring anything invalid."""
        return cls.parse_query_params(params)[0]

    @classmethod
    def parse_query_params(
        cls, params: Mapping[str, str | list[str]], other_keys: Iterable[str] = ()
    ) -> tuple[Filters, list[Message]]:
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
        filters, problems = cls.check_query_params(params, other_keys)
        return filters, [problem.notice for problem in problems]

    @classmethod
    def check_query_params(
        cls, params: Mapping[str, str | list[str]], other_keys: Iterable[str] = ()
    ) -> tuple[Filters, list[Problem]]:
        """Parse query parameters into ``Filters`` plus a ``Problem`` for each thing not used.

        As ``parse_query_params``, with each problem naming its parameter and value
        (the API refuses a request with any).
        """
        problems: list[Problem] = []
        values: dict[str, object] = {}
        other_keys = frozenset(other_keys)
        for key, raw in params.items():
            if key in other_keys:
                continue
            texts = [raw] if isinstance(raw, str) else [str(v) for v in raw]
            field = BY_KEY.get(key)
            if field is None:
                problems.append(
                    Problem(
                        key,
                        ",".join(texts),
                        Message("notice.unknown_parameter", key=key),
                        Message("api.problem.unknown_parameter", key=key),
                    )
                )
                continue
            if not texts:
                continue
            value, found = field.parse(texts)
            problems.extend(found)
            if not found or isinstance(field, Choice):  # a list keeps its valid values
                values[field.name] = value
        return cls(**values), problems

    def unknown_ids(self, dataset: Any) -> list[Problem]:
        """A problem for each organisation id that ``dataset`` has no such organisation for."""
        found = (
            field.unknown(value, dataset)
            for field, value in self.constraints()
            if isinstance(field, OrganisationId)
        )
        return [problem for problem in found if problem is not None]

    def known_ids(self, dataset: Any) -> tuple[Filters, list[Problem]]:
        """These filters without the organisation ids ``dataset`` lacks, and a problem for each.

        What a page does with a link that names an organisation the data does not
        have: it leaves that filter out and says so.
        """
        problems = self.unknown_ids(dataset)
        dropped = {BY_KEY[p.parameter].name: BY_KEY[p.parameter].default for p in problems}
        return (dataclasses.replace(self, **dropped) if dropped else self), problems

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
        names = names or {}
        clauses = [field.describe(value, lang, names) for field, value in self.constraints()]
        if not clauses:
            if counted:
                return t("describe.all_with_counts", lang, head=head)
            return t("describe.all", lang)
        separator = t("describe.clause_separator", lang)
        return t("describe.sentence", lang, head=head, clauses=separator.join(clauses))


def _registry() -> tuple[Field, ...]:
    """The filter objects of ``Filters``' fields, in declaration order, each told its name."""
    return tuple(
        dataclasses.replace(field.metadata[_FILTER], name=field.name)
        for field in dataclasses.fields(Filters)
    )


# The registry: every filter field, in its one order.
FIELDS: tuple[Field, ...] = _registry()
BY_KEY: Mapping[str, Field] = {field.key: field for field in FIELDS}
BY_NAME: Mapping[str, Field] = {field.name: field for field in FIELDS}
# Query parameter of each filter field (attribute -> key), in the registry's order.
PARAMS: Mapping[str, str] = {field.name: field.key for field in FIELDS}


def active_in(gdf: pd.DataFrame, year: int) -> np.ndarray:
    """Which organisations' Collective Impact work had started by ``year`` and not yet ended.

    ``year_started <= year`` and ``year_ended`` blank or ``>= year``; an
    organisation without a start year is not counted (nothing says when it began).
    """
    started = _years(gdf, "year_started")
    ended = _years(gdf, "year_ended") if "year_ended" in gdf else np.full(len(gdf), np.nan)
    return _active(started, ended, year)


def _active(started: np.ndarray, ended: np.ndarray, year: int) -> np.ndarray:
    """``active_in`` on the start and end years as floats (NaN for a blank)."""
    # A comparison with NaN is False: no start year, not active; no end year, not ended.
    return (started <= year) & ~(ended < year)


def _years(gdf: pd.DataFrame, column: str) -> np.ndarray:
    """A year column as floats, a blank as NaN (numpy compares them 50 times faster than Int64)."""
    return gdf[column].to_numpy(dtype="float64", na_value=np.nan)


def _parse_year(text: str) -> int | None:
    """Parse a year from MIN_YEAR to this year, or None."""
    match = _YEAR.match(text)
    if not match:
        return None
    year = int(match.group(1))
    return year if MIN_YEAR <= year <= this_year() else None


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
