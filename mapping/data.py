"""Load and validate the organisations dataset.

The file is a UTF-8 CSV with the columns in ``COLUMNS``; multi-valued fields
are separated by ``;``. Loading returns a GeoDataFrame in EPSG:4326 with one
Point per organisation, multi-valued fields as tuples, and the derived columns
``world_region`` and ``location_precision``.

Every row-level check lives in ``validate_table``, which both loaders use (each value by
the rules of ``mapping.validate``, the one validator suggestions use too): the
dataset loaders (``load_organisations``, ``organisations_from_table``) raise
one ``DatasetError`` naming the first invalid row, field and value, so a row
is never dropped silently; uploads (``mapping.upload``) keep the valid rows
and report every problem. Row numbers are 1-based data rows (1 = the first
row under the header).

Problems are told in the user's language: a problem's reason and suggestion
are ``mapping.i18n.Message`` objects, rendered by ``render_problems(problems,
lang)``, and ``DatasetError.render(lang)`` gives the error in any language
(``str(error)`` is English).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from mapping import countries, validate, vocab
from mapping.countries import country_codes
from mapping.csvfile import DatasetError, read_text_table
from mapping.geocode import geocode, name_key
from mapping.i18n import DEFAULT, CountryName, Localised, Message
from mapping.paths import ORGANISATIONS_FILE as DEFAULT_DATASET
from mapping.rules import PROBLEM_COLUMNS, problem_table
from mapping.validate import is_web_url, split_multi

DATASET_ENV = "ATLAS_DATA"

COLUMNS = (
    "id",
    "name",
    "name_he",
    "roles",
    "org_type",
    "domains",
    "scope",
    "city",
    "region",
    "country_code",
    "latitude",
    "longitude",
    "year_started",
    "year_ended",
    "network",
    "website",
    "description",
    "source",
    "checked",
)
MULTI_VALUED = validate.MULTI_VALUED
REQUIRED = ("id", "name", "roles", "country_code")
# What every row of a release holds (the data package's required fields): the
# loader accepts rows without the rest (an upload, a draft), a release does not,
# so a moderator cannot approve an organisation that would leave one blank.
RELEASE_REQUIRED = (
    *REQUIRED[:3],
    "org_type",
    "domains",
    "scope",
    "country_code",
    "description",
    "source",
    "checked",
)
DERIVED = ("world_region", "location_precision")
PRECISIONS = ("given", "city", "region", "country")
# Distinct unknown values per check that get a close-match suggestion (difflib
# is slow; a file of random text should not take minutes).
SUGGESTION_LIMIT = 1000
# The pseudo-field of problems about a latitude/longitude pair as a whole.
COORDINATES = "coordinates"
YEAR_FIELDS = ("year_started", "year_ended")

# A plain decimal number, parsed in bulk; any other cell goes through ``float``.
_DECIMAL = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"

__all__ = [
    "COLUMNS",
    "COORDINATES",
    "DERIVED",
    "MULTI_VALUED",
    "PROBLEM_COLUMNS",
    "RELEASE_REQUIRED",
    "REQUIRED",
    "DatasetError",
    "Validation",
    "country_codes",
    "dataset_path",
    "is_web_url",
    "load_organisations",
    "organisations_from_table",
    "read_text_table",
    "render_problems",
    "source_urls",
    "split_multi",
    "validate_table",
]


@dataclass(frozen=True)
class Validation:
    """What ``validate_table`` found.

    Attributes
    ----------
    organisations : geopandas.GeoDataFrame
        The rows without any problem, built as ``load_organisations`` returns them.
    problems : pandas.DataFrame
        One line per problem, columns ``PROBLEM_COLUMNS``, ordered by row and
        then by the order the checks run in; a row may have several.
        ``reason`` and ``suggestion`` are ``mapping.i18n.Message`` objects
        (``""`` for no suggestion): see ``render_problems``.
    swapped_rows : tuple of int
        Rows whose latitude and longitude looked swapped (fixed or reported).
    rows : numpy.ndarray of int
        The row number of each of ``organisations``.
    """

    organisations: gpd.GeoDataFrame
    problems: pd.DataFrame
    swapped_rows: tuple[int, ...]
    rows: np.ndarray


def dataset_path(path: str | os.PathLike | None = None) -> Path:
    """Resolve the dataset file: ``path``, else ``$ATLAS_DATA``, else the shipped CSV."""
    if path is not None:
        return Path(path)
    env = os.environ.get(DATASET_ENV, "").strip()
    return Path(env) if env else DEFAULT_DATASET


def load_organisations(path: str | os.PathLike | None = None) -> gpd.GeoDataFrame:
    """Load, validate and geocode the organisations dataset.

    The file gets every check an upload gets (``validate_table`` with
    ``plausible=True``), but the first problem stops the load.

    Parameters
    ----------
    path : str or path-like, optional
        The CSV file. Defaults to the ``ATLAS_DATA`` environment variable, else
        ``data/organisations.csv``.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per organisation in file order, EPSG:4326 Points; ``roles``,
        ``domains`` and ``network`` as tuples; ``year_started`` as nullable
        integers; plus ``world_region`` and ``location_precision``.

    Raises
    ------
    DatasetError
        If the file cannot be read as a table (``mapping.csvfile.read_text_table``:
        missing, empty, binary, not UTF-8, ragged rows...), has no rows, lacks
        a column, or holds an invalid value; the message names the file, the
        row, the field and the value.
    """
    source = dataset_path(path)
    table = read_text_table(source)
    if table.empty:
        raise DatasetError(Message("data.error.no_rows"), source=source.name)
    return organisations_from_table(
        table, source=source.name, plausible=True, sourced=True, rows=table.index.to_numpy()
    )


def organisations_from_table(
    table: pd.DataFrame,
    source: str = "dataset",
    *,
    plausible: bool = False,
    sourced: bool = False,
    rows: np.ndarray | list[int] | None = None,
) -> gpd.GeoDataFrame:
    """Validate a table of strings in the dataset schema and return the GeoDataFrame.

    Parameters
    ----------
    table : pandas.DataFrame
        String cells, columns as in ``COLUMNS`` (extra columns are ignored;
        missing optional columns are treated as blank).
    source : str
        Name used in error messages.
    plausible : bool
        Also run the plausibility checks (see ``validate_table``).
    sourced : bool
        Require http(s) sources (see ``validate_table``).
    rows : array-like of int, optional
        The row number of each table row in messages (default 1, 2, ...).

    Returns
    -------
    geopandas.GeoDataFrame
        As ``load_organisations``.

    Raises
    ------
    DatasetError
        For a missing required column, else for the first problem
        ``validate_table`` finds (first row, then first check).
    """
    missing = [c for c in REQUIRED if c not in table.columns]
    if missing:
        message = Message("data.error.missing_columns", columns=", ".join(missing))
        raise DatasetError(message, source=source)
    found = validate_table(table, rows=rows, plausible=plausible, sourced=sourced)
    if len(found.problems):
        raise _problem_error(found.problems.iloc[0], source)
    return found.organisations


def _problem_error(problem: pd.Series, source: str | None = None) -> DatasetError:
    """Return the ``DatasetError`` for one line of ``Validation.problems``."""
    value = problem["value"]
    message = problem["reason"]
    if value != "":
        message = Message("data.error.with_value", reason=message, value=value)
    suggestion = problem["suggestion"]
    if suggestion:
        message = Message("data.error.with_suggestion", message=message, suggestion=suggestion)
    return DatasetError(
        message, row=int(problem["row"]), field=problem["field"], value=value, source=source
    )


def render_problems(
    problems: pd.DataFrame, lang: str = DEFAULT, *, isolate: bool = False
) -> pd.DataFrame:
    """Return a problems table with its reasons and suggestions as text in a language.

    Parameters
    ----------
    problems : pandas.DataFrame
        ``Validation.problems`` (or an upload's): ``reason`` and ``suggestion``
        hold ``mapping.i18n.Message`` objects; plain text is kept as it is.
    lang : str
        One of ``mapping.i18n.LANGUAGES``.
    isolate : bool
        Wrap the values embedded in the texts in bidi isolates (for the screen).

    Returns
    -------
    pandas.DataFrame
        The columns ``PROBLEM_COLUMNS``; ``reason`` and ``suggestion`` as text.
    """
    rendered = problems.loc[:, list(PROBLEM_COLUMNS)].copy()
    for column in ("reason", "suggestion"):
        rendered[column] = _render_column(problems[column], lang, isolate)
    return rendered


def _render_column(messages: pd.Series, lang: str, isolate: bool) -> pd.Series:
    """Render a column of messages, each distinct message once."""
    codes, uniques = pd.factorize(messages)
    texts = np.array(
        [m.render(lang, isolate=isolate) if isinstance(m, Localised) else str(m) for m in uniques]
        + [""],  # code -1: a missing value
        dtype=object,
    )
    return pd.Series(texts[codes], index=messages.index, dtype=str)


def validate_table(
    table: pd.DataFrame,
    *,
    rows: np.ndarray | list[int] | None = None,
    plausible: bool = False,
    fix_swapped: bool = False,
    sourced: bool = False,
) -> Validation:
    """Check every row of a string table in the dataset schema and build the valid ones.

    The checks, in the order problems are listed for a row: required fields
    (``REQUIRED``) not blank; ids well formed (``mapping.rules.is_id``) and
    unique; vocabulary values known (case-insensitive); at least one role; a
    known ISO alpha-2 country code; latitude and longitude given together,
    numeric and in range; years started and ended between ``MIN_YEAR`` and
    this year, the end not before the start; an http(s) website; a
    ``checked`` date (``YYYY-MM-DD``, not in the future); with ``sourced``, a
    ``source`` of one or more http(s) URLs separated by ``;``. The plausibility
    checks add: coordinates in their country (``mapping.countries.in_country``),
    reported as swapped when exchanging latitude and longitude puts them
    there; names unique within a city and country. Rows that pass and have no
    coordinates are geocoded offline; a row that cannot be located is a
    problem too.

    Parameters
    ----------
    table : pandas.DataFrame
        String cells; missing columns of ``COLUMNS`` are treated as blank,
        cells are stripped.
    rows : array-like of int, optional
        The row number of each table row in problems (default 1, 2, ...).
    plausible : bool
        Run the plausibility checks.
    fix_swapped : bool
        With ``plausible``, swap back coordinates that look swapped instead of
        reporting them.
    sourced : bool
        Require the source check (a dataset file; an upload's sources are free text).

    Returns
    -------
    Validation
        Its ``problems`` hold ``Message`` reasons and suggestions (``""``: no
        suggestion); ``render_problems`` turns them into text in a language.
    """
    table = _clean(table)
    numbers = np.arange(1, len(table) + 1) if rows is None else np.asarray(rows, dtype=int)
    found = _Problems(numbers)
    for field in REQUIRED:
        found.add(table[field] == "", field, "", Message("data.problem.required"))
    _check_ids(table, found)
    for field in vocab.VOCABULARIES:
        _check_vocabulary(table, field, found)
    roles = table["roles"]
    separators_only = _map_unique(roles, lambda v: not split_multi(v)).astype(bool)
    no_role = (roles != "").to_numpy() & separators_only
    found.add(no_role, "roles", roles, Message("data.problem.no_role"))
    code = table["country_code"].str.upper()
    known_code = code.isin(sorted(country_codes()))
    _check_country(table["country_code"], (code != "") & ~known_code, found)
    swapped = _check_coordinates(table, code, known_code.to_numpy(), found, plausible, fix_swapped)
    _check_years(table, found)
    _check_website_and_dates(table, found, sourced)
    _check_text(table, found)
    if plausible:
        _check_duplicate_names(table, code, found)
    located = _locate(table, code, found)
    problems = found.frame()
    valid = np.ones(len(table), dtype=bool)
    valid[problems["_position"].to_numpy()] = False
    organisations = _build(table[valid], *(part[valid] for part in located))
    return Validation(
        organisations=organisations,
        problems=problems.drop(columns=["_position", "_order"]).reset_index(drop=True),
        swapped_rows=tuple(int(n) for n in numbers[swapped]),
        rows=numbers[valid],
    )


class _Problems:
    """Collects problems in check order; ``frame`` sorts them by row."""

    def __init__(self, rows: np.ndarray) -> None:
        self.rows = rows
        self.parts: list[pd.DataFrame] = []

    def add(self, mask, field: str, values, reasons, suggestions="") -> None:
        """Record a problem where ``mask`` holds; values, reasons, suggestions may be per-row.

        A reason or suggestion is a ``Message`` (one for every row, or an array
        of them); a suggestion may be ``""`` (none).
        """
        positions = np.flatnonzero(np.asarray(mask, dtype=bool))
        if not len(positions):
            return
        self.parts.append(
            pd.DataFrame(
                {
                    "row": self.rows[positions],
                    "field": field,
                    "value": _take(values, positions),
                    "reason": _take(reasons, positions),
                    "suggestion": _take(suggestions, positions),
                    "_order": len(self.parts),
                    "_position": positions,
                }
            )
        )

    def invalid(self) -> np.ndarray:
        """Return a mask of the rows with at least one problem so far."""
        mask = np.zeros(len(self.rows), dtype=bool)
        for part in self.parts:
            mask[part["_position"].to_numpy()] = True
        return mask

    def frame(self) -> pd.DataFrame:
        """Return all problems ordered by row, then by check."""
        if not self.parts:
            return problem_table().assign(
                _order=pd.Series(dtype=int), _position=pd.Series(dtype=int)
            )
        frame = pd.concat(self.parts, ignore_index=True)
        frame["row"] = frame["row"].astype(int)
        return frame.sort_values(["_position", "_order"], kind="stable")


def _take(values, positions: np.ndarray):
    """Select ``positions`` from per-row values, or repeat a single value (text or message)."""
    if isinstance(values, str | Localised):
        return values
    return np.asarray(values, dtype=object)[positions]


def _cached(function):
    """Wrap ``function`` with a per-call dict cache (for mapping repeated cells)."""
    cache: dict = {}

    def wrapper(value):
        if value not in cache:
            cache[value] = function(value)
        return cache[value]

    return wrapper


def _limited(function, limit: int = SUGGESTION_LIMIT):
    """Wrap a suggestion ``function`` so that it answers ``""`` after ``limit`` calls."""
    calls = 0

    def wrapper(value):
        nonlocal calls
        calls += 1
        return function(value) if calls <= limit else ""

    return wrapper


def _map_unique(series: pd.Series, function) -> np.ndarray:
    """Apply ``function`` once per distinct value of ``series``; return an object array."""
    codes, uniques = pd.factorize(series)
    uniques = np.asarray(uniques, dtype=object)
    results = np.fromiter((function(v) for v in uniques), dtype=object, count=len(uniques))
    return results[codes] if len(codes) else np.empty(0, dtype=object)


def _clean(table: pd.DataFrame) -> pd.DataFrame:
    """Return the ``COLUMNS`` of ``table`` as stripped strings, blanks for missing columns."""
    table = table.reindex(columns=COLUMNS, fill_value="").fillna("").astype(str)
    return pd.DataFrame({c: table[c].str.strip() for c in COLUMNS}).reset_index(drop=True)


def _check_ids(table: pd.DataFrame, found: _Problems) -> None:
    """Report ids that break the id rule (``validate.id_problem``) and repeated ids.

    A malformed id gets the slug of it as a suggestion; a repeat names the row
    that first used the id.
    """
    ids = table["id"]
    reasons = _map_unique(ids, lambda text: validate.id_problem(text) if text else None)
    malformed = reasons != None  # noqa: E711 - elementwise
    if malformed.any():
        suggest = _cached(validate.id_suggestion)
        found.add(malformed, "id", ids, reasons, _at(malformed, lambda i: suggest(ids.iat[i])))
    repeated = (ids != "") & ids.duplicated()
    if not repeated.any():
        return
    first = ~ids.duplicated()
    first_row = dict(zip(ids[first], found.rows[first.to_numpy()], strict=True))
    # One message per first row, shared by its repeats (fewer objects to render).
    reason = _cached(lambda row: Message("data.problem.duplicate_id", row=row))
    id_values = ids.to_numpy()
    reasons = _at(repeated.to_numpy(), lambda i: reason(first_row[id_values[i]]))
    found.add(repeated, "id", ids, reasons)


def _first_unknown(field: str, cell: str) -> str:
    """Return the first value of a cell that is not in the field's vocabulary, or ``""``."""
    values = split_multi(cell) if field in MULTI_VALUED else _single(cell)
    return validate.first_unknown(field, values)


def _check_vocabulary(table: pd.DataFrame, field: str, found: _Problems) -> None:
    """Report cells holding a value outside the field's vocabulary, with a close match."""
    unknown = _map_unique(table[field], lambda cell: _first_unknown(field, cell))
    mask = unknown != ""
    if not mask.any():
        return
    reason = _cached(lambda v: validate.vocabulary_reason(field, v))
    suggest = _cached(_limited(lambda v: validate.vocabulary_suggestion(field, v)))
    reasons = _objects(reason(v) if v else "" for v in unknown)
    suggestions = _objects(suggest(v) if v else "" for v in unknown)
    found.add(mask, field, table[field], reasons, suggestions)


def _objects(items) -> np.ndarray:
    """An object array of ``items`` (``np.array`` would try to unpack messages)."""
    items = list(items)
    array = np.empty(len(items), dtype=object)
    array[:] = items
    return array


def _check_country(cells: pd.Series, unknown: pd.Series, found: _Problems) -> None:
    """Report country cells that are not ISO alpha-2 codes, with the closest country name."""
    if not unknown.any():
        return
    suggest = _limited(validate.country_suggestion)
    suggestions = {v: suggest(v) for v in pd.unique(cells[unknown])}
    found.add(
        unknown,
        "country_code",
        cells,
        validate.country_reason(""),
        _objects(suggestions.get(v, "") for v in cells),
    )


def _numbers(texts: pd.Series) -> np.ndarray:
    """Parse cells as ``_number`` does (NaN for blank or invalid), plain decimals in bulk."""
    texts = texts.reset_index(drop=True)
    numbers = np.full(len(texts), np.nan)
    plain = texts.str.fullmatch(_DECIMAL).to_numpy(dtype=bool)
    if plain.any():
        numbers[plain] = texts[plain].astype("float64").to_numpy()
    rest = ~plain & (texts != "").to_numpy()
    if rest.any():
        numbers[rest] = [np.nan if v is None else v for v in _map_unique(texts[rest], _number)]
    numbers[~np.isfinite(numbers)] = np.nan
    return numbers


def _check_coordinates(
    table: pd.DataFrame,
    code: pd.Series,
    known_code: np.ndarray,
    found: _Problems,
    plausible: bool,
    fix_swapped: bool,
) -> np.ndarray:
    """Check latitude/longitude: together, numeric, in range and (plausible) in the country.

    Returns the mask of rows detected as swapped. With ``fix_swapped`` their
    cells in ``table`` are exchanged in place.
    """
    lat_text, lon_text = table["latitude"], table["longitude"]
    lat_blank, lon_blank = (lat_text == "").to_numpy(), (lon_text == "").to_numpy()
    together = Message("data.problem.coordinates_together")
    found.add(lat_blank & ~lon_blank, "latitude", "", together)
    found.add(lon_blank & ~lat_blank, "longitude", "", together)
    lat, lon = _numbers(lat_text), _numbers(lon_text)
    swapped = np.zeros(len(table), dtype=bool)
    outside = np.zeros(len(table), dtype=bool)
    codes = code.to_numpy()
    if plausible:
        with np.errstate(invalid="ignore"):
            given = ~np.isnan(lat) & ~np.isnan(lon) & known_code
            in_range = given & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
            outside = in_range & ~_in_country(codes, lat, lon, in_range)
            could_swap = given & (np.abs(lon) <= 90) & (np.abs(lat) <= 180) & (outside | ~in_range)
        swapped = _in_country(codes, lon, lat, could_swap)
        outside &= ~swapped
        if fix_swapped and swapped.any():
            positions = np.flatnonzero(swapped)
            table.loc[positions, ["latitude", "longitude"]] = table.loc[
                positions, ["longitude", "latitude"]
            ].to_numpy()
            lat[positions], lon[positions] = lon[positions], lat[positions].copy()
        elif swapped.any():
            _report_swapped(table, codes, swapped, found)
    reported = swapped if not fix_swapped else np.zeros(len(table), dtype=bool)
    # In bulk (a million rows), the limits and the reason of ``validate.coordinate_problem``.
    with np.errstate(invalid="ignore"):
        for field, text, number in (("latitude", lat_text, lat), ("longitude", lon_text, lon)):
            limit = validate.COORDINATE_LIMITS[field]
            bad = (text != "").to_numpy() & ~(np.abs(number) <= limit) & ~reported
            found.add(bad, field, text, validate.coordinate_problem(field, ""))
    if outside.any():
        _report_outside(table, codes, lat, lon, outside, found)
    return swapped


def _at(mask: np.ndarray, function) -> np.ndarray:
    """Return an object array holding ``function(position)`` where ``mask`` holds."""
    values = np.empty(len(mask), dtype=object)
    for position in np.flatnonzero(mask):
        values[position] = function(position)
    return values


def _pairs(table: pd.DataFrame, mask: np.ndarray) -> np.ndarray:
    """The ``"latitude, longitude"`` cells of the rows in ``mask``, for problem reports."""
    lat, lon = table["latitude"].to_numpy(object), table["longitude"].to_numpy(object)
    return _at(mask, lambda i: f"{lat[i]}, {lon[i]}")


def _report_swapped(table: pd.DataFrame, codes: np.ndarray, swapped, found: _Problems) -> None:
    """Report coordinates that lie in their country only once exchanged."""
    lat, lon = table["latitude"].to_numpy(object), table["longitude"].to_numpy(object)
    reasons = _at(
        swapped,
        lambda i: Message("data.problem.swapped", country=CountryName(codes[i]), code=codes[i]),
    )
    suggestions = _at(
        swapped, lambda i: Message("data.suggest.swapped", latitude=lon[i], longitude=lat[i])
    )
    found.add(swapped, COORDINATES, _pairs(table, swapped), reasons, suggestions)


def _in_country(codes: np.ndarray, lat: np.ndarray, lon: np.ndarray, mask: np.ndarray):
    """Return ``countries.in_country`` for the rows in ``mask`` (False elsewhere)."""
    result = np.zeros(len(codes), dtype=bool)
    positions = np.flatnonzero(mask)
    if not len(positions):
        return result
    groups = pd.Series(positions).groupby(codes[positions]).indices
    for code, members in groups.items():
        rows = positions[members]
        result[rows] = countries.in_country(code, lat[rows], lon[rows])
    return result


def _report_outside(table, codes, lat, lon, outside, found: _Problems) -> None:
    """Report given coordinates that lie far outside the row's country."""
    distance = _cached(lambda key: countries.distance_km(*key))

    def reason(i: int) -> Message:
        km = distance((codes[i], round(lat[i], 3), round(lon[i], 3)))
        country = CountryName(codes[i])
        return Message("data.problem.outside", km=km, country=country, code=codes[i])

    found.add(
        outside,
        COORDINATES,
        _pairs(table, outside),
        _at(outside, reason),
        Message("data.suggest.outside"),
    )


def _check_years(table: pd.DataFrame, found: _Problems) -> None:
    """Report years out of range (``validate.year_problem``), and an end before the start."""
    for field in YEAR_FIELDS:
        years = table[field]
        reasons = _map_unique(years, lambda text: validate.year_problem(text) if text else None)
        found.add(reasons != None, field, years, reasons)  # noqa: E711 - elementwise
    reasons = np.array(
        [
            validate.year_order_problem(started, ended)
            for started, ended in zip(table["year_started"], table["year_ended"], strict=True)
        ],
        dtype=object,
    )
    found.add(reasons != None, "year_ended", table["year_ended"], reasons)  # noqa: E711


def _check_website_and_dates(table: pd.DataFrame, found: _Problems, sourced: bool) -> None:
    """Report websites and sources that are not http(s) URLs, and malformed checked dates."""
    checks = [("website", validate.website_problem), ("checked", validate.date_problem)]
    if sourced:
        checks.insert(1, ("source", validate.source_problem))
    for field, rule in checks:
        cells = table[field]
        reasons = _map_unique(cells, lambda text, rule=rule: rule(text) if text else None)
        found.add(reasons != None, field, cells, reasons)  # noqa: E711 - elementwise


def _check_text(table: pd.DataFrame, found: _Problems) -> None:
    """Report text longer than its field takes, or holding a character no field takes."""
    for field in COLUMNS:
        cells = table[field]
        for rule in (validate.text_problem, lambda text, f=field: validate.length_problem(f, text)):
            reasons = _map_unique(cells, rule)
            found.add(reasons != None, field, cells, reasons)  # noqa: E711 - elementwise


def source_urls(cell: str) -> tuple[str, ...]:
    """Split a ``source`` cell into its URLs (``;``-separated; the first is the main one)."""
    return split_multi(cell)


def _check_duplicate_names(table: pd.DataFrame, code: pd.Series, found: _Problems) -> None:
    """Report a name repeated within the same city and country (case and accents ignored)."""
    name = table["name"]
    keys = pd.Series(
        _map_unique(name, name_key) + "|" + _map_unique(table["city"], name_key) + "|" + code
    )
    repeated = (name != "").to_numpy() & keys.duplicated().to_numpy()
    if not repeated.any():
        return
    first = (~keys.duplicated()).to_numpy()
    first_row = dict(zip(keys[first], found.rows[first], strict=True))
    reason = _cached(lambda row: Message("data.problem.duplicate_name", row=row))
    key_values = keys.to_numpy()
    reasons = _at(repeated, lambda i: reason(first_row[key_values[i]]))
    suggestion = Message("data.suggest.duplicate_name")
    found.add(repeated, "name", name, reasons, suggestion)


def _locate(table: pd.DataFrame, code: pd.Series, found: _Problems):
    """Return latitude, longitude and precision arrays, geocoding valid rows without coordinates.

    Rows that cannot be located are reported; rows with other problems are
    left unlocated (NaN).
    """
    valid = ~found.invalid()
    latitude = _numbers(table["latitude"])
    longitude = _numbers(table["longitude"])
    precision = np.where(table["latitude"] != "", "given", "").astype(object)
    pending = np.flatnonzero(valid & (precision == ""))
    if not len(pending):
        return latitude, longitude, precision
    keys = list(
        zip(
            table["city"].to_numpy()[pending],
            table["region"].to_numpy()[pending],
            code.to_numpy()[pending],
            strict=True,
        )
    )
    places = {key: geocode(*key) for key in dict.fromkeys(keys)}
    unlocated = np.zeros(len(table), dtype=bool)
    reasons = np.empty(len(table), dtype=object)
    for position, key in zip(pending, keys, strict=True):
        place = places[key]
        if place is None:
            unlocated[position] = True
            reasons[position] = Message(
                "data.problem.cannot_locate", city=key[0], region=key[1], code=key[2]
            )
            continue
        latitude[position], longitude[position] = place.latitude, place.longitude
        precision[position] = place.precision
    found.add(unlocated, "city", table["city"], reasons)
    return latitude, longitude, precision


def _build(
    table: pd.DataFrame, latitude: np.ndarray, longitude: np.ndarray, precision: np.ndarray
) -> gpd.GeoDataFrame:
    """Build the GeoDataFrame from valid, located rows (as ``load_organisations`` returns)."""
    frame = table.reset_index(drop=True).copy()
    for field in MULTI_VALUED:
        split = _map_unique(frame[field], split_multi)
        if field in ("roles", "domains"):
            split = _map_unique(pd.Series(split), lambda v: tuple(x.lower() for x in v))
        frame[field] = pd.Series(list(split), dtype=object)
    for field in ("org_type", "scope"):
        frame[field] = frame[field].str.lower()
    frame["country_code"] = frame["country_code"].str.upper()
    for field in YEAR_FIELDS:
        frame[field] = pd.array(list(_map_unique(frame[field], _integer)), dtype="Int64")
    frame["latitude"] = np.asarray(latitude, dtype=float)
    frame["longitude"] = np.asarray(longitude, dtype=float)
    frame["location_precision"] = pd.Series(list(precision), dtype=str)
    frame["world_region"] = pd.Series(
        list(_map_unique(frame["country_code"], vocab.world_region)), dtype=str
    )
    geometry = gpd.points_from_xy(frame["longitude"], frame["latitude"], crs="EPSG:4326")
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def _single(text: str) -> tuple[str, ...]:
    """Wrap a single-valued cell as a tuple (empty for a blank cell)."""
    return (text,) if text else ()


# The one way a cell is read as a number or a year (``mapping.validate``).
_number = validate.parse_number
_integer = validate.parse_year
