"""Offline geocoding: matching, disambiguation and fallbacks."""

import pytest

from mapping.geocode import gazetteer, name_key


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
