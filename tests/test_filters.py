"""Filters: matching, the URL round trip and the human sentence."""

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapping import i18n, vocab
from mapping.filters import BY_KEY, FIELDS, PARAMS, Choice, Filters, OrganisationId, YearRange
from mapping.rules import ID_PATTERN, is_id
from tests.conftest import make_frame

THIS_YEAR = dt.date.today().year
# a and b are members of d's network; c funds a.
LINKS = pd.DataFrame(
    {
        "source_id": ["a", "b", "c"],
        "target_id": ["d", "d", "a"],
        "relation": ["member_of", "member_of", "funds"],
    }
)


@pytest.fixture(scope="module")
def frame():
    return make_frame(
        {
            "id": "a",
            "name": "Alpha Backbone",
            "roles": "operating;funding",
            "domains": "education",
            "country_code": "US",
            "org_type": "backbone",
            "scope": "metropolitan",
            "year_started": "2011",
            "city": "Cincinnati",
            "description": "Cradle to career",
        },
        {
            "id": "b",
            "name": "Beta Fund",
            "roles": "funding",
            "domains": "health;youth",
            "country_code": "CA",
            "org_type": "funder",
            "scope": "national",
            "year_started": "2014",
            "latitude": "43.5",
            "longitude": "-80.5",
        },
        {
            "id": "c",
            "name": "Gamma Lab",
            "roles": "knowledge",
            "domains": "stem-education",
            "country_code": "IL",
            "org_type": "academic",
            "scope": "national",
            "year_started": "",
            "name_he": "מעבדת גמא",
            "latitude": "32.1",
            "longitude": "34.8",
        },
        {
            "id": "d",
            "name": "Delta Advisers",
            "roles": "consulting",
            "domains": "",
            "country_code": "GB",
            "org_type": "consultancy",
            "scope": "international",
            "year_started": "2016",
            "year_ended": "2020",
            "latitude": "51.5",
            "longitude": "-0.1",
        },
    )


@pytest.mark.parametrize(
    ("filters", "ids"),
    [
        (Filters(), "abcd"),  # no filter: everything
        (Filters(roles=("funding",)), "ab"),  # any of the roles an organisation holds
        (Filters(roles=("funding", "knowledge")), "abc"),  # selected values are OR-ed
        (Filters(domains=("youth",)), "b"),
        (Filters(countries=("IL", "GB")), "cd"),
        (Filters(world_regions=("Europe",)), "d"),
        (Filters(org_types=("funder", "academic")), "bc"),
        (Filters(scopes=("national",)), "bc"),
        (Filters(roles=("funding",), countries=("CA",)), "b"),  # fields are AND-ed
        (Filters(text="cradle"), "a"),  # description, case-insensitive
        (Filters(text="cincinnati"), "a"),  # city
        (Filters(text="גמא"), "c"),  # Hebrew name
        (Filters(years=(2012, None)), "bd"),  # rows without a year drop out once bounded
        (Filters(years=(None, 2014)), "ab"),
        (Filters(years=(2014, 2014)), "b"),
        (Filters(roles=("operating",), scopes=("rural",)), ""),
        # linked: the organisation and everything linked to it, either direction.
        (Filters(linked="a"), "acd"),
        (Filters(linked="c"), "ac"),
        (Filters(linked="nobody"), ""),  # an id the data does not have matches nothing
        # network: the members of the network d runs, and d itself.
        (Filters(network="d"), "abd"),
        (Filters(network="d", roles=("funding",)), "ab"),
        # asof: started by then, not ended before; no start year, no answer.
        (Filters(asof=2010), ""),
        (Filters(asof=2011), "a"),
        (Filters(asof=2016), "abd"),
        (Filters(asof=2020), "abd"),  # d ended in 2020: still active that year
        (Filters(asof=2021), "ab"),  # ...and gone the year after
    ],
)
def test_apply(frame, filters, ids):
    assert "".join(filters.apply(frame, LINKS)["id"]) == ids


def test_link_filters_need_the_links(frame):
    with pytest.raises(ValueError, match="need the links"):
        Filters(linked="a").apply(frame)


def test_apply_keeps_the_frame_intact(frame):
    before = frame.copy()
    Filters(roles=("funding",)).apply(frame)
    assert frame.equals(before)


@pytest.mark.parametrize(
    ("params", "filters", "notices"),
    [
        ({}, Filters(), 0),
        ({"role": "funding"}, Filters(roles=("funding",)), 0),
        (
            {"role": "Funding,OPERATING"},
            Filters(roles=("funding", "operating")),
            0,
        ),  # case-insensitive
        (
            {"role": ["funding", "knowledge"]},
            Filters(roles=("funding", "knowledge")),
            0,
        ),  # repeated key
        ({"country": "us,il"}, Filters(countries=("US", "IL")), 0),
        ({"region": "United States"}, Filters(world_regions=("United States",)), 0),
        ({"year": "2010-2015"}, Filters(years=(2010, 2015)), 0),
        ({"year": "2010-"}, Filters(years=(2010, None)), 0),
        ({"year": "2013"}, Filters(years=(2013, 2013)), 0),
        ({"q": "tamarack"}, Filters(text="tamarack"), 0),
        (
            {"role": "funding,magic"},
            Filters(roles=("funding",)),
            1,
        ),  # the bad value alone is dropped
        ({"year": "2015-2010"}, Filters(), 1),  # reversed range
        ({"year": "soon"}, Filters(), 1),
        ({"country": "XX"}, Filters(), 1),
        ({"colour": "red"}, Filters(), 1),  # unknown parameter
        ({"lang": "he", "zoom": "4"}, Filters(), 0),  # other features' parameters are not ours
        ({"linked": "kconnect"}, Filters(linked="kconnect"), 0),
        ({"network": "strivetogether"}, Filters(network="strivetogether"), 0),
        ({"linked": "<script>"}, Filters(), 1),  # not id-shaped
        ({"asof": "2015"}, Filters(asof=2015), 0),
        ({"asof": " 2015 "}, Filters(asof=2015), 0),
        ({"asof": "2015-2016"}, Filters(), 1),  # a range is the year filter's job
        ({"asof": "1850"}, Filters(), 1),  # before any organisation could be
        ({"asof": str(THIS_YEAR + 1)}, Filters(), 1),  # the future has no data
        ({"asof": "last year"}, Filters(), 1),
    ],
)
def test_parse_query_params(params, filters, notices):
    parsed, messages = Filters.parse_query_params(params, other_keys=("lang", "zoom"))
    assert parsed == filters
    assert len(messages) == notices


def test_notices_name_the_bad_value():
    _, notices = Filters.parse_query_params({"role": "magic"})
    assert [str(notice) for notice in notices] == ["Ignored unknown role 'magic'."]
    assert notices[0].render("he") == "הערך 'magic' של הפרמטר role אינו מוכר, ולכן לא הוחל."


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Ignored the year 'soon' (expected a year from 1900 to {year}, e.g. 2015)."),
        ("he", "השנה 'soon' לא הופעלה (יש לכתוב שנה בין 1900 ל־{year}, למשל 2015)."),
    ],
)
def test_a_malformed_asof_year_gets_a_notice_in_both_languages(lang, text):
    _, notices = Filters.parse_query_params({"asof": "soon"})
    assert [notice.render(lang) for notice in notices] == [text.format(year=THIS_YEAR)]


def test_to_query_params_omits_defaults():
    assert Filters().to_query_params() == {}
    assert Filters(roles=("funding",), years=(None, 2015), text="x").to_query_params() == {
        "role": "funding",
        "year": "-2015",
        "q": "x",
    }


def test_invalid_construction_raises_value_error():
    with pytest.raises(ValueError, match="unknown value 'magic'"):
        Filters(roles=("magic",))
    with pytest.raises(ValueError, match="after last year"):
        Filters(years=(2015, 2010))
    with pytest.raises(TypeError, match="not the string"):
        Filters(roles="funding")
    with pytest.raises(ValueError, match="'<b>' is not an organisation id"):
        Filters(linked="<b>")
    with pytest.raises(ValueError, match="asof: 1800 is not a year"):
        Filters(asof=1800)


@pytest.mark.parametrize(
    ("filters", "sentence"),
    [
        (Filters(), "All organisations (no filters)."),
        (Filters(roles=("funding",)), "Organisations: role Funding."),
        (
            Filters(roles=("funding", "operating"), countries=("CA", "AU")),
            "Organisations: roles Funding or Operating; in Canada or Australia.",
        ),
        (
            Filters(years=(2010, 2015), text="youth"),
            "Organisations: matching “youth”; started 2010–2015.",
        ),
        (Filters(years=(2013, None)), "Organisations: started 2013 or later."),
        (Filters(asof=2015), "Organisations: active in 2015."),
        (Filters(network="d"), "Organisations: in the network of Delta Advisers."),
        (Filters(linked="zz"), "Organisations: zz and the organisations linked to it."),
    ],
)
def test_describe(filters, sentence):
    assert filters.describe(names={"d": "Delta Advisers"}) == sentence


def test_describe_in_hebrew_names_the_year_and_the_network():
    sentence = Filters(asof=2013, network="d").describe(lang="he", names={"d": "Delta"})
    assert "ברשת של Delta" in sentence
    assert "פעילים בשנת 2013" in sentence


def test_describe_with_counts():
    assert (
        Filters(scopes=("rural",)).describe(total=250, shown=12)
        == "12 of 250 organisations: scope Rural."
    )


def _subset(values):
    return st.lists(st.sampled_from(list(values)), unique=True, max_size=4).map(tuple)


years = st.one_of(st.none(), st.integers(1900, 2030))
ids = st.one_of(st.just(""), st.from_regex(ID_PATTERN, fullmatch=True).filter(is_id))
filters_strategy = st.builds(
    lambda roles, domains, regions, types, scopes, countries, text, y1, y2, linked, net, asof: (
        Filters(
            roles=roles,
            domains=domains,
            world_regions=regions,
            org_types=types,
            scopes=scopes,
            countries=countries,
            text=text,
            years=(min(y1, y2), max(y1, y2)) if y1 is not None and y2 is not None else (y1, y2),
            linked=linked,
            network=net,
            asof=asof,
        )
    ),
    _subset(vocab.ROLES),
    _subset(vocab.DOMAINS),
    _subset(vocab.WORLD_REGIONS),
    _subset(vocab.ORG_TYPES),
    _subset(vocab.SCOPES),
    _subset(["US", "CA", "AU", "IL", "GB", "NZ"]),
    st.text(max_size=40).map(str.strip),
    years,
    years,
    ids,
    ids,
    st.one_of(st.none(), st.integers(1900, THIS_YEAR)),
)


@settings(max_examples=300, deadline=None)
@given(filters_strategy)
def test_query_params_round_trip(filters):
    params = filters.to_query_params()
    parsed, notices = Filters.parse_query_params(params)
    assert notices == []
    assert parsed == filters
    assert Filters.from_query_params(params) == filters


# --- the registry: one declaration per field drives everything ------------------------------


def test_the_registry_is_the_fields_of_filters_in_their_order():
    import dataclasses

    assert [field.name for field in FIELDS] == [f.name for f in dataclasses.fields(Filters)]
    assert list(PARAMS.values()) == [field.key for field in FIELDS]
    assert len(BY_KEY) == len(FIELDS)  # no two fields share a parameter
    assert [field.key for field in FIELDS] == [
        "q", "role", "country", "region", "domain", "type", "scope", "year", "asof", "network",
        "linked",
    ]  # fmt: skip


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize("field", FIELDS, ids=lambda field: field.key)
def test_every_field_says_itself_in_both_languages(field, lang):
    catalogue = i18n.messages(lang)
    keys = [field.label, field.doc, field.help, field.any]
    if isinstance(field, OrganisationId):
        keys += [field.unknown_notice, field.unknown_reason]
    for key in filter(None, keys):
        assert key in catalogue, key
    clause = f"{field.clause}_between" if isinstance(field, YearRange) else field.clause
    assert clause in catalogue or f"{clause}#other" in catalogue


@pytest.mark.parametrize("field", FIELDS, ids=lambda field: field.key)
def test_every_fields_example_selects_rows_of_the_shipped_data(field, organisations):
    from mapping import dataset as live

    params = {field.key: field.example()}
    filters, notices = Filters.parse_query_params(params)
    assert notices == []
    assert filters.to_query_params() == params
    assert filters.unknown_ids(live.current()) == []
    assert 0 < Filters.mask(filters, organisations, live.current().links).sum() < len(organisations)


def test_check_query_params_names_each_problem():
    _, problems = Filters.check_query_params(
        {"role": "funding,magic", "year": "soon", "linked": "<b>", "colour": "red"}
    )
    assert [(p.parameter, p.value) for p in problems] == [
        ("role", "magic"),
        ("year", "soon"),
        ("linked", "<b>"),
        ("colour", "red"),
    ]
    assert [p.reason.key for p in problems] == [
        "api.problem.unknown_value",
        "api.problem.bad_year_range",
        "api.problem.bad_id",
        "api.problem.unknown_parameter",
    ]


def test_known_ids_drops_what_the_data_does_not_have():
    from mapping import dataset as live

    asked = Filters(linked="nobody-at-all", network="fsg", roles=("funding",))
    kept, problems = asked.known_ids(live.current())
    assert kept == Filters(roles=("funding",))
    assert [(p.parameter, p.value) for p in problems] == [
        ("network", "fsg"),
        ("linked", "nobody-at-all"),
    ]


def test_select_on_kept_rows_is_mask_on_the_frame(frame):
    from mapping.filters import Rows

    rows = Rows(frame, LINKS)
    for filters in (Filters(roles=("funding",)), Filters(linked="a"), Filters(text="gamma")):
        assert (filters.select(rows) == filters.mask(frame, LINKS)).all()
    assert rows._kept  # the columns compared were kept for the next selection


def test_choices_offered_from_the_data_are_a_choice_kinds_declaration():
    countries = BY_KEY["country"]
    assert isinstance(countries, Choice)
    assert countries.from_data
    assert not BY_KEY["role"].from_data
