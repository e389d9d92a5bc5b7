"""Suggestions as the form and the API build them, checked against a small edition."""

from __future__ import annotations

import pandas as pd
import pytest

from mapping import suggestions
from mapping.suggestions import (
    LinkKey,
    Reference,
    Suggestion,
    changes,
    check,
    likely_duplicates,
    suggestion_from_form,
    suggestion_from_json,
)
from tests.conftest import make_rows
from tests.test_safety import PAYLOADS

SOURCE = "https://example.org/evidence"


@pytest.fixture(scope="module")
def reference() -> Reference:
    organisations = make_rows(
        {
            "id": "tamarack",
            "name": "Tamarack Institute",
            "roles": "consulting;knowledge",
            "org_type": "infrastructure",
            "country_code": "CA",
            "city": "Waterloo",
            "year_started": "2002",
            "website": "https://www.tamarackcommunity.ca/",
            "network": "Vibrant Communities",
        },
        {
            "id": "strive",
            "name": "StriveTogether",
            "roles": "operating",
            "country_code": "US",
            "website": "https://www.strivetogether.org",
        },
        {"id": "kconnect", "name": "KConnect", "roles": "operating", "country_code": "US"},
        {"id": "shitufim", "name": "Sheatufim", "name_he": "שיתופים", "country_code": "IL"},
    )
    links = pd.DataFrame(
        [
            {"source_id": "kconnect", "target_id": "strive", "relation": "member_of"},
            {"source_id": "tamarack", "target_id": "strive", "relation": "partners_with"},
        ]
    )
    return Reference.from_tables(organisations, links, edition="test")


def problems_of(body: dict, reference: Reference) -> list[tuple[str, str]]:
    """(field, message key) of every problem a request body has."""
    suggestion, found = suggestion_from_json(body)
    if suggestion is not None:
        found += check(suggestion, reference)
    return [(p.field, p.reason.key) for p in found]


# What is accepted ------------------------------------------------------------------------------


def test_a_new_organisation(reference):
    body = {
        "kind": "new_organisation",
        "values": {
            "name": "Opportunity Child",
            "roles": ["Operating", "funding"],  # any case; a list
            "domains": "education; health",  # or the CSV's ';' text
            "org_type": "Initiative",
            "country_code": "Australia",  # a country's name is read
            "year_started": 2014,  # a number
            "latitude": -33.87,
            "longitude": 151.21,
        },
        "source": SOURCE,
        "note": "from their annual report",
        "contact": "Ann Example <ann@example.org>",
        "lang": "he",
    }
    suggestion, found = suggestion_from_json(body)
    assert found == []
    assert check(suggestion, reference) == []
    assert suggestion.values == {
        "name": "Opportunity Child",
        "roles": ("operating", "funding"),
        "domains": ("education", "health"),
        "org_type": "initiative",
        "country_code": "AU",
        "year_started": "2014",
        "latitude": "-33.87",
        "longitude": "151.21",
    }
    assert (suggestion.contact_name, suggestion.contact_email) == ("Ann Example", "ann@example.org")
    row = suggestion.row(reference)
    assert row["proposed"]["roles"] == ["operating", "funding"]
    assert row["previous"] is None
    assert row["edition"] == "test"
    assert row["lang"] == "he"


@pytest.mark.parametrize(
    ("contact", "name", "email"),
    [
        ("Ann <ann@example.org>", "Ann", "ann@example.org"),
        ("ann@example.org", "", "ann@example.org"),
        ("Ann from the network office", "Ann from the network office", ""),
        ({"name": "Ann", "email": "ann@example.org"}, "Ann", "ann@example.org"),
        (None, "", ""),
    ],
)
def test_contact_forms(contact, name, email):
    suggestion, found = suggestion_from_json({"kind": "removal", "contact": contact})
    assert found == []
    assert (suggestion.contact_name, suggestion.contact_email) == (name, email)


def test_a_new_link(reference):
    body = {
        "kind": "new_link",
        "values": {"source_id": "tamarack", "target_id": "kconnect", "relation": "advises"},
        "source": SOURCE,
    }
    assert problems_of(body, reference) == []


def test_a_correction_keeps_only_what_changes(reference):
    suggestion = suggestion_from_form(
        "correction",
        "tamarack",
        {
            "name": "Tamarack Institute",  # as today
            "roles": ["knowledge", "consulting"],  # the same set, another order
            "year_started": "2001",  # changed
            "city": "",  # blanked
            "network": ["Vibrant Communities"],
        },
        source=SOURCE,
        reference=reference,
    )
    assert suggestion.values == {"year_started": "2001", "city": ""}
    assert check(suggestion, reference) == []
    assert [(c.field, c.before, c.after) for c in changes(suggestion, reference)] == [
        ("city", "Waterloo", ""),
        ("year_started", "2002", "2001"),
    ]
    assert suggestion.row(reference)["previous"] == {"city": "Waterloo", "year_started": "2002"}


def test_a_link_correction_and_a_symmetric_link_either_way_round(reference):
    turned = LinkKey("strive", "tamarack", "partners_with")  # stored as tamarack -> strive
    suggestion = Suggestion("correction", turned, {"since": "2015"}, source=SOURCE)
    assert check(suggestion, reference) == []
    assert changes(suggestion, reference)[0].before == ""


def test_a_removal_needs_only_a_reason(reference):
    suggestion = Suggestion("removal", "kconnect", source=SOURCE, reason="closed in 2022")
    assert check(suggestion, reference) == []
    assert suggestion.row(reference)["reason"] == "closed in 2022"


# What is refused, and why -------------------------------------------------------------------------

CASES = [
    ({"kind": "nonsense", "source": SOURCE}, [("kind", "suggest.problem.kind")], "kinds"),
    (
        {"kind": "removal", "target": "kconnect", "reason": "x"},
        [("source", "suggest.problem.source_required")],
        "a source is required",
    ),
    (
        {"kind": "removal", "target": "kconnect", "reason": "x", "source": "javascript:alert(1)"},
        [("source", "suggest.problem.source")],
        "a source is an http(s) URL",
    ),
    (
        {"kind": "removal", "target": "kconnect", "reason": "x", "source": "https://a; https://b"},
        [("source", "suggest.problem.source")],
        "one source URL",
    ),
    (
        {"kind": "new_organisation", "values": {"name": "X"}, "source": SOURCE},
        [
            ("values.roles", "data.problem.required"),
            ("values.country_code", "data.problem.required"),
        ],
        "a new organisation's required fields",
    ),
    (
        {
            "kind": "new_organisation",
            "values": {"name": "X", "roles": "fundng", "country_code": "Atlantis", "id": "x"},
            "source": SOURCE,
        },
        [
            ("values.id", "suggest.problem.unknown_field"),
            ("values.roles", "data.problem.unknown_value"),
            ("values.country_code", "data.problem.country_code"),
        ],
        "the one validator's rules, and fields a suggestion cannot set",
    ),
    (
        {"kind": "new_organisation", "values": {"name": ["a", "b"]}, "source": SOURCE},
        [
            ("values.name", "suggest.problem.one_value"),
            ("values.name", "data.problem.required"),
            ("values.roles", "data.problem.required"),
            ("values.country_code", "data.problem.required"),
        ],
        "a single-valued field given a list",
    ),
    (
        {"kind": "new_organisation", "target": "kconnect", "values": {}, "source": SOURCE},
        [
            ("target", "suggest.problem.no_target"),
            ("values", "suggest.problem.no_values"),
            ("values.name", "data.problem.required"),
            ("values.roles", "data.problem.required"),
            ("values.country_code", "data.problem.required"),
        ],
        "something new has no target",
    ),
    (
        {
            "kind": "new_link",
            "values": {"source_id": "kconnect", "target_id": "strive", "relation": "member_of"},
            "source": SOURCE,
        },
        [("values.relation", "suggest.problem.link_exists")],
        "a link already there",
    ),
    (
        {
            "kind": "new_link",
            "values": {"source_id": "strive", "target_id": "tamarack", "relation": "partners_with"},
            "source": SOURCE,
        },
        [("values.relation", "suggest.problem.link_exists")],
        "a symmetric link already there the other way round",
    ),
    (
        {
            "kind": "new_link",
            "values": {"source_id": "kconnect", "target_id": "kconnect", "relation": "funds"},
            "source": SOURCE,
        },
        [("values.target_id", "links.problem.self")],
        "a link to itself",
    ),
    (
        {
            "kind": "new_link",
            "values": {"source_id": "nobody", "target_id": "strive", "relation": "funds"},
            "source": SOURCE,
        },
        [("values.source_id", "links.problem.unknown_id")],
        "an organisation that is not in the atlas",
    ),
    (
        {"kind": "correction", "target": "tamarack", "values": {"year_started": "2002"}},
        [("source", "suggest.problem.source_required"), ("values", "suggest.problem.no_change")],
        "a correction that changes nothing",
    ),
    (
        {
            "kind": "correction",
            "target": "tamarack",
            "values": {"year_ended": "1999"},
            "source": SOURCE,
        },
        [("values.year_ended", "data.problem.year_order")],
        "a correction checked with today's other values",
    ),
    (
        {"kind": "correction", "target": "tamarack", "values": {"roles": ""}, "source": SOURCE},
        [("values.roles", "data.problem.required")],
        "a correction cannot blank a required field",
    ),
    (
        {"kind": "correction", "target": "ghost", "values": {"name": "X"}, "source": SOURCE},
        [("target", "links.problem.unknown_id")],
        "a correction of an organisation that is not there",
    ),
    (
        {
            "kind": "correction",
            "target": {"source_id": "kconnect", "target_id": "strive", "relation": "funds"},
            "values": {"since": "2015"},
            "source": SOURCE,
        },
        [("target", "suggest.problem.unknown_link")],
        "a correction of a link that is not there",
    ),
    (
        {
            "kind": "correction",
            "target": {"source_id": "kconnect", "target_id": "strive", "relation": "member_of"},
            "values": {"name": "X"},
            "source": SOURCE,
        },
        [("values.name", "suggest.problem.unknown_field")],
        "a link has no name",
    ),
    (
        {"kind": "removal", "target": "kconnect", "source": SOURCE},
        [("reason", "suggest.problem.reason_required")],
        "a removal says why",
    ),
    (
        {"kind": "removal", "source": SOURCE, "reason": "closed"},
        [("target", "suggest.problem.target_required")],
        "a removal names what",
    ),
    (
        {"kind": "removal", "target": 7, "source": SOURCE, "reason": "closed"},
        [("target", "suggest.problem.target_type"), ("target", "suggest.problem.target_required")],
        "a target of the wrong type",
    ),
    (
        {"kind": "removal", "target": "kconnect", "source": SOURCE, "reason": "x", "extra": 1},
        [("extra", "suggest.problem.unknown_member")],
        "members the request does not take",
    ),
    (
        {
            "kind": "removal",
            "target": "kconnect",
            "source": SOURCE,
            "reason": "x",
            "contact": "Ann <not-an-email>",
        },
        [("contact.email", "validate.problem.email")],
        "a contact email that is not one",
    ),
    (
        {"kind": "removal", "target": "kconnect", "source": SOURCE, "reason": "x" * 1001},
        [("reason", "validate.problem.too_long")],
        "a reason too long",
    ),
    (
        {"kind": "removal", "target": "kconnect", "source": SOURCE, "reason": "x", "note": "\x00"},
        [("note", "validate.problem.control")],
        "a note PostgreSQL could not store",
    ),
    (
        {"kind": "removal", "target": "kconnect", "source": SOURCE, "reason": "x", "lang": "fr"},
        [("lang", "suggest.problem.lang")],
        "a language the atlas does not speak",
    ),
    (
        {"kind": "new_organisation", "values": ["name"], "source": SOURCE},
        [
            ("values", "suggest.problem.values"),
            ("values", "suggest.problem.no_values"),
            ("values.name", "data.problem.required"),
            ("values.roles", "data.problem.required"),
            ("values.country_code", "data.problem.required"),
        ],
        "values that are not an object",
    ),
    (
        {"kind": {"nested": True}, "source": SOURCE},
        [("kind", "suggest.problem.not_text"), ("kind", "suggest.problem.kind")],
        "a member that is not text",
    ),
]


@pytest.mark.parametrize(("body", "expected", "why"), CASES, ids=[case[2] for case in CASES])
def test_refused(reference, body, expected, why):
    assert problems_of(body, reference) == expected, why


@pytest.mark.parametrize("body", [[], "text", 7, None])
def test_a_body_that_is_not_an_object(body):
    suggestion, found = suggestion_from_json(body)
    assert suggestion is None
    assert [p.reason.key for p in found] == ["suggest.problem.not_object"]


def test_problems_are_told_in_both_languages(reference):
    suggestion, _ = suggestion_from_json({"kind": "removal", "target": "kconnect"})
    (first, second) = check(suggestion, reference)
    assert first.render("en") == "give a web page that supports the suggestion"
    assert first.render("he") == "ציינו דף אינטרנט שתומך בהצעה"
    assert second.render("en") == "say why it should be removed"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_is_kept_verbatim(reference, payload):
    body = {
        "kind": "new_organisation",
        "values": {
            "name": payload,
            "roles": "funding",
            "country_code": "US",
            "description": payload,
        },
        "source": SOURCE,
        "note": payload,
        "contact": {"name": payload},
    }
    suggestion, found = suggestion_from_json(body)
    assert found == []
    assert check(suggestion, reference) == []
    row = suggestion.row(reference)
    assert row["proposed"]["name"] == payload.strip()
    assert row["note"] == payload.strip()
    assert row["contact_name"] == payload.strip()


# Likely duplicates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "expected", "why"),
    [
        ({"website": "http://tamarackcommunity.ca/about"}, ["tamarack"], "same host, www or not"),
        ({"name": "Tamarack Institute", "country_code": "CA"}, ["tamarack"], "same name"),
        ({"name": "The Tamarack Institute", "country_code": "ca"}, ["tamarack"], "nearly"),
        ({"name": "Tamarack Institute", "country_code": "US"}, [], "another country"),
        ({"name": "Strive Together", "country_code": "US"}, ["strive"], "spacing"),
        ({"name_he": "שיתופים", "country_code": "IL"}, ["shitufim"], "the Hebrew name"),
        ({"website": "https://www.facebook.com/tamarack"}, [], "a shared host says nothing"),
        ({"name": "Something else", "country_code": "CA"}, [], "a new organisation"),
    ],
)
def test_likely_duplicates(reference, values, expected, why):
    assert [d.id for d in likely_duplicates(values, reference)] == expected, why


def test_a_duplicate_says_why(reference):
    (found,) = likely_duplicates({"website": "https://tamarackcommunity.ca"}, reference)
    assert found.why.render("en") == "the same website (tamarackcommunity.ca)"
    assert found.name == "Tamarack Institute"


# References, quotas, clients --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("S-000123", 123),
        ("s-000123", 123),
        (" S-123 ", 123),
        ("S123", 123),
        ("S-1234567", 1234567),
        ("123", None),
        ("S-0", None),
        ("S-abc", None),
        ("X-000123", None),
        ("S-000123; DROP TABLE suggestions", None),
    ],
)
def test_references(text, number):
    assert suggestions.parse_ref(text) == number
    if number is not None:
        assert suggestions.parse_ref(suggestions.format_ref(number)) == number


def test_limits_from_the_environment():
    assert suggestions.Limits.from_env({}) == suggestions.Limits(20, 500)
    limits = suggestions.Limits.from_env(
        {"ATLAS_SUGGESTIONS_PER_HOUR": "3", "ATLAS_SUGGESTIONS_PER_DAY": "10"}
    )
    assert limits == suggestions.Limits(3, 10)
    with pytest.raises(ValueError, match="ATLAS_SUGGESTIONS_PER_DAY='lots'"):
        suggestions.Limits.from_env({"ATLAS_SUGGESTIONS_PER_DAY": "lots"})


TRUSTED = suggestions.trusted_proxies({})


@pytest.mark.parametrize(
    ("peer", "forwarded", "expected", "why"),
    [
        ("203.0.113.9", None, "203.0.113.9", "a direct client"),
        ("203.0.113.9", "1.2.3.4", "203.0.113.9", "a direct client cannot name another address"),
        ("10.0.0.2", "198.51.100.7", "198.51.100.7", "behind HAProxy on a private network"),
        ("127.0.0.1", "1.2.3.4, 198.51.100.7", "198.51.100.7", "the proxy's own entry is last"),
        ("127.0.0.1", "198.51.100.7, 10.0.0.3", "198.51.100.7", "two trusted hops"),
        ("127.0.0.1", "not-an-address", "127.0.0.1", "a garbled header"),
        ("127.0.0.1", None, "127.0.0.1", "a local visitor"),
        (None, None, "", "no address at all"),
    ],
)
def test_client_address(peer, forwarded, expected, why):
    assert suggestions.client_address(peer, forwarded, TRUSTED) == expected, why


def test_client_keys_hide_the_address_and_group_ipv6_by_64():
    secret = b"s" * 32
    key = suggestions.client_key("198.51.100.7", secret)
    assert len(key) == 32
    assert "198" not in key
    assert key == suggestions.client_key("198.51.100.7", secret)
    assert key != suggestions.client_key("198.51.100.8", secret)
    assert key != suggestions.client_key("198.51.100.7", b"t" * 32)
    assert suggestions.client_key("2001:db8::1", secret) == suggestions.client_key(
        "2001:db8::ffff:1", secret
    )
    assert suggestions.client_key("::ffff:198.51.100.7", secret) == key


def test_the_secret_comes_from_the_environment():
    assert suggestions.client_secret({"ATLAS_CLIENT_SECRET": "abc"}) == b"abc"
    assert suggestions.client_secret({"STREAMLIT_SERVER_COOKIE_SECRET": "xyz"}) == b"xyz"
    assert suggestions.client_secret({}) == suggestions.client_secret({})  # one per process


def test_the_shipped_edition_loads(organisations):
    reference = Reference.load()
    assert len(reference.organisations) == len(organisations)
    assert reference.edition
    assert Reference.load() is reference
