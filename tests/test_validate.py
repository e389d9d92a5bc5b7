"""The one validator: each rule on values that pass and values that do not, and why."""

from __future__ import annotations

import datetime as dt

import pytest

from mapping import validate
from mapping.validate import Problem, check_record

TODAY = dt.date(2026, 12, 7)


def test_an_id_problem_names_the_rule_and_offers_the_slug():
    # The rule is mapping.rules.is_id, for every module (its table: tests/test_rules.py).
    assert validate.id_problem("tamarack-institute") is None
    (problem,) = check_record({"target_id": "Tamarack Institute"})
    assert (problem.field, problem.reason.key) == ("target_id", "data.problem.id_rule")
    assert problem.render("en").endswith("suggestion: tamarack-institute")
    assert "128" in problem.render("he")
    # Too long is the id rule's to say, once (not also a length problem).
    assert [p.reason.key for p in check_record({"id": "x" * 129})] == ["data.problem.id_rule"]


@pytest.mark.parametrize(
    ("text", "ok", "why"),
    [
        ("1900", True, "the first year"),
        ("2026", True, "this year"),
        ("2013.0", True, "a spreadsheet's float"),
        ("1899", False, "before MIN_YEAR"),
        ("2027", False, "after this year"),
        ("2013.5", False, "not a whole year"),
        ("twenty", False, "not a number"),
        ("nan", False, "not a finite number"),
    ],
)
def test_years(text, ok, why):
    assert (validate.year_problem(text, today=TODAY) is None) is ok, why


def test_a_year_problem_names_the_range():
    assert validate.year_problem("1850", today=TODAY).render("en") == (
        "must be a year between 1900 and 2026"
    )
    assert "1900" in validate.year_problem("1850", today=TODAY).render("he")


@pytest.mark.parametrize(
    ("field", "text", "ok"),
    [
        ("latitude", "45.5", True),
        ("latitude", "-90", True),
        ("latitude", "90.01", False),
        ("longitude", "-180", True),
        ("longitude", "181", False),
        ("longitude", "east", False),
    ],
)
def test_coordinates(field, text, ok):
    assert (validate.coordinate_problem(field, text) is None) is ok


@pytest.mark.parametrize(
    ("text", "website_ok", "source_ok"),
    [
        ("https://example.org/a", True, True),
        ("http://example.org", True, True),
        ("https://a.org; https://b.org", False, True),  # a source may list several
        ("javascript:alert(1)", False, False),
        ("ftp://example.org", False, False),
        ("example.org", False, False),
        ("https://exa mple.org", False, False),
        ("", False, False),
    ],
)
def test_urls(text, website_ok, source_ok):
    assert (validate.website_problem(text) is None) is website_ok
    assert (validate.source_problem(text) is None) is source_ok


@pytest.mark.parametrize(
    ("text", "ok"),
    [("2026-12-07", True), ("2026-12-08", False), ("2026-02-30", False), ("7/12/2026", False)],
)
def test_dates(text, ok):
    assert (validate.date_problem(text, today=TODAY) is None) is ok


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("ann@example.org", True),
        ("ann.b+atlas@mail.example.co.il", True),
        ("ann@example", False),
        ("ann example.org", False),
        ("@example.org", False),
        ("ann@@example.org", False),
    ],
)
def test_email(text, ok):
    assert (validate.email_problem(text) is None) is ok


@pytest.mark.parametrize(
    ("text", "ok", "why"),
    [
        ("plain text", True, "ordinary"),
        ("two\nlines\tand a tab", True, "line breaks and tabs are text"),
        ("a\x00b", False, "PostgreSQL refuses NUL"),
        ("bell\x07", True, "odd but storable: spreadsheets leave some in cells"),
        ("lone \ud800 surrogate", False, "no UTF-8 encodes it"),
        ("<script>alert(1)</script>", True, "markup is text: it is escaped where shown"),
    ],
)
def test_unstorable_characters(text, ok, why):
    assert (validate.text_problem(text) is None) is ok, why


def test_lengths():
    assert validate.length_problem("name", "x" * 200) is None
    problem = validate.length_problem("name", "x" * 201)
    assert problem.render("en") == "is 201 characters long; the limit is 200"
    assert validate.length_problem("unlimited-field", "x" * 10_000) is None


def test_the_shipped_data_fits_the_lengths(organisations):
    # The limits are for what people type: they must not reject the curated data.
    for field, limit in validate.MAX_LENGTHS.items():
        if field in organisations:
            values = organisations[field]
            if values.map(type).eq(tuple).any():
                values = values.map(";".join)
            assert values.astype(str).str.len().max() <= limit, field


def test_vocabularies_suggest_the_closest_value():
    reason, suggestion = validate.vocabulary_problem("roles", "fundng")
    assert "unknown value 'fundng'" in reason.render("en")
    assert suggestion.render("en") == "funding"
    assert validate.vocabulary_problem("roles", "Funding") is None  # values are matched any case


def test_countries_suggest_a_code():
    assert validate.country_problem("CA") is None
    reason, suggestion = validate.country_problem("Canda")
    assert "ISO 3166-1 alpha-2" in reason.render("en")
    assert "CA" in suggestion.render("en")


@pytest.mark.parametrize(
    ("record", "required", "expected", "why"),
    [
        ({"name": "A", "roles": ("funding",)}, ("name",), [], "a good record"),
        ({"name": ""}, ("name",), [("name", "data.problem.required")], "blank required"),
        ({"roles": ("fundng",)}, (), [("roles", "data.problem.unknown_value")], "vocabulary"),
        ({"org_type": "funder"}, (), [], "a single vocabulary value"),
        ({"scope": "galactic"}, (), [("scope", "data.problem.unknown_value")], "scope"),
        ({"country_code": "XX"}, (), [("country_code", "data.problem.country_code")], "ISO"),
        (
            {"year_started": "2015", "year_ended": "2010"},
            (),
            [("year_ended", "data.problem.year_order")],
            "an end before the start",
        ),
        (
            {"since": "2015", "until": "2010"},
            (),
            [("until", "data.problem.year_order")],
            "links' years too",
        ),
        (
            {"latitude": "45", "longitude": ""},
            (),
            [("longitude", "data.problem.coordinates_together")],
            "coordinates come in pairs",
        ),
        ({"website": "www.example.org"}, (), [("website", "data.problem.website")], "no scheme"),
        ({"relation": "likes"}, (), [("relation", "links.problem.relation")], "relations"),
        ({"source_id": "Bad Id"}, (), [("source_id", "data.problem.id_rule")], "ids"),
        ({"name": "x" * 201}, (), [("name", "validate.problem.too_long")], "lengths"),
        ({"description": "a\x00"}, (), [("description", "validate.problem.control")], "NUL"),
        (
            {"network": ("x" * 600, "y" * 600)},
            (),
            [("network", "validate.problem.too_long")],
            "a multi-valued field's length is its cell's",
        ),
    ],
)
def test_check_record(record, required, expected, why):
    found = check_record(record, required)
    assert [(p.field, p.reason.key) for p in found] == expected, why
    assert all(isinstance(p, Problem) for p in found)


def test_a_problem_renders_its_suggestion_in_both_languages():
    (problem,) = check_record({"roles": ("fundng",)})
    assert problem.render("en").endswith("; suggestion: funding")
    assert "funding" in problem.render("he")
    assert problem.render("he") != problem.render("en")


# One validator: the loader, uploads and suggestions give a bad value the same reason ----------

AGREEMENT = [
    ({"roles": "fundng"}, "roles", "data.problem.unknown_value"),
    ({"org_type": "galactic"}, "org_type", "data.problem.unknown_value"),
    ({"scope": "planetary"}, "scope", "data.problem.unknown_value"),
    ({"country_code": "XX"}, "country_code", "data.problem.country_code"),
    ({"year_started": "1850"}, "year_started", "data.problem.year"),
    ({"year_ended": "2099"}, "year_ended", "data.problem.year"),
    ({"year_started": "2015", "year_ended": "2010"}, "year_ended", "data.problem.year_order"),
    ({"website": "javascript:alert(1)"}, "website", "data.problem.website"),
    ({"latitude": "95", "longitude": "10"}, "latitude", "data.problem.range"),
    ({"name": "x" * 201}, "name", "validate.problem.too_long"),
    ({"description": "x" * 2001}, "description", "validate.problem.too_long"),
]


@pytest.mark.parametrize(
    ("values", "field", "key"), AGREEMENT, ids=[a[2] + ":" + a[1] for a in AGREEMENT]
)
def test_the_loader_uploads_and_suggestions_agree(values, field, key):
    from mapping.data import validate_table
    from mapping.suggestions import Reference, check, suggestion_from_json
    from mapping.upload import read_upload
    from tests.conftest import csv_text, make_rows

    row = {"name": "Agreement test", "roles": "funding", "country_code": "US", **values}
    loaded = validate_table(make_rows(row)).problems
    assert (field, key) in set(zip(loaded["field"], [r.key for r in loaded["reason"]], strict=True))
    uploaded = read_upload("upload.csv", csv_text(make_rows(row)).encode("utf-8")).problems
    assert (field, key) in set(
        zip(uploaded["field"], [r.key for r in uploaded["reason"]], strict=True)
    )
    suggestion, found = suggestion_from_json(
        {"kind": "new_organisation", "values": row, "source": "https://example.org"}
    )
    found += check(suggestion, Reference.from_tables(make_rows()))
    assert (f"values.{field}", key) in {(p.field, p.reason.key) for p in found}


def test_nul_cannot_be_stored_by_the_loader_nor_a_suggestion():
    from mapping.data import validate_table
    from tests.conftest import make_rows

    problems = validate_table(make_rows({"description": "a\x00b"})).problems
    assert [r.key for r in problems["reason"]] == ["validate.problem.control"]
    # (An uploaded file holding NUL is refused as a whole, as binary: see tests/test_upload.)
