"""Offline geocoding: matching, disambiguation and fallbacks."""

import subprocess
import sys
from pathlib import Path

import pytest

from mapping.geocode import gazetteer, name_key

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Montréal", "montreal"),  # accents do not matter
        ("  New   York City ", "new york city"),  # spaces are folded
        ("Saint John", "st john"),  # Saint and St. are the same
        ("St. John's", "st john s"),
        ("Be'er Sheva", "be er sheva"),
    ],
)
def test_name_key(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("city", "region", "country", "lat", "lon"),
    [
        ("Cincinnati", "Ohio", "US", 39.13, -84.51),
        ("Portland", "Oregon", "US", 45.52, -122.68),  # region picks the smaller namesake...
        ("Portland", "Maine", "US", 43.66, -70.26),  # ...in each state
        ("Portland", "", "US", 45.52, -122.68),  # no region: the most populous
        ("Montreal", "Quebec", "CA", 45.51, -73.59),  # GeoNames spells it Montréal
        ("Waterloo", "Ontario", "CA", 43.47, -80.52),
        ("Mildura", "Victoria", "AU", -34.19, 142.16),  # a small rural town
        ("Perth", "Western Australia", "AU", -31.95, 115.86),  # not Perth, Tasmania
        ("Tel Aviv", "Tel Aviv District", "IL", 32.08, 34.78),
        ("Be'er Sheva", "", "IL", 31.25, 34.79),  # an alternate name
    ],
)
def test_city_precision(city, region, country, lat, lon):
    place = gazetteer().geocode(city, region, country)
    assert place.precision == "city"
    assert place.latitude == pytest.approx(lat, abs=0.05)
    assert place.longitude == pytest.approx(lon, abs=0.05)


@pytest.mark.parametrize(
    ("city", "region", "country", "precision"),
    [
        ("Atlantis", "Ontario", "CA", "region"),  # unknown city, known province
        ("", "New South Wales", "AU", "region"),
        ("Atlantis", "", "IL", "country"),  # unknown city, no region
        ("", "", "NZ", "country"),
        ("Atlantis", "Nowhere", "SG", "country"),  # Singapore is not in the 1:110m basemap
    ],
)
def test_fallback_precision(city, region, country, precision):
    assert gazetteer().geocode(city, region, country).precision == precision


def test_region_fallback_lies_in_the_region():
    place = gazetteer().geocode("", "Ontario", "CA")
    assert 41.5 < place.latitude < 57
    assert -95 < place.longitude < -74


def test_unknown_country_gives_none():
    assert gazetteer().geocode("Somewhere", "", "ZZ") is None


def test_place_table_holds_every_shipped_place_as_the_gazetteer_locates_it():
    # data/places.csv spares the app the gazetteer at start-up; it must be current
    # (rerun scripts/make_places.py after editing the dataset).
    from mapping.geocode import known_places
    from scripts.make_places import place_rows, shipped_places

    keys = shipped_places()
    table = known_places()
    assert sorted(table) == keys
    fresh = {(r["city"], r["region"], r["country_code"]): r for r in place_rows(keys)}
    for key, place in table.items():
        row = fresh[key]
        assert (place.latitude, place.longitude, place.precision) == (
            float(row["latitude"]),
            float(row["longitude"]),
            row["precision"],
        ), key


def test_loading_the_shipped_dataset_needs_no_gazetteer():
    # Building the gazetteer's indexes took 4 of a cold start's 5 seconds.
    code = (
        "from mapping.data import load_organisations\n"
        "from mapping import geocode\n"
        "load_organisations()\n"
        "print(geocode.gazetteer.cache_info().currsize)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "0"


def test_a_place_outside_the_table_still_geocodes():
    from mapping.geocode import geocode, known_places

    assert ("Burlington", "Vermont", "US") not in known_places()
    place = geocode("Burlington", "Vermont", "US")
    assert place.precision == "city"
    assert round(place.latitude, 1) == 44.5
