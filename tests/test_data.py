"""Loading and validating the dataset."""

import pandas as pd
import pytest

from mapping.data import DatasetError, load_organisations, organisations_from_table, split_multi
from tests.conftest import csv_text, make_frame, make_rows


def test_shipped_dataset_loads_as_points_in_wgs84(organisations):
    assert organisations.crs.to_epsg() == 4326
    assert (organisations.geom_type == "Point").all()
    assert organisations["id"].is_unique


def test_multi_valued_fields_become_tuples():
    frame = make_frame(
        {"roles": "funding; operating", "domains": "health;youth;", "network": "A;B"}
    )
    row = frame.iloc[0]
    assert row["roles"] == ("funding", "operating")
    assert row["domains"] == ("health", "youth")
    assert row["network"] == ("A", "B")


def test_vocabulary_values_are_normalised_to_lower_case():
    frame = make_frame(
        {"roles": "Funding", "org_type": "Funder", "scope": "NATIONAL", "country_code": "us"}
    )
    row = frame.iloc[0]
    assert (row["roles"], row["org_type"], row["scope"], row["country_code"]) == (
        ("funding",),
        "funder",
        "national",
        "US",
    )


def test_derived_columns():
    frame = make_frame(
        {"country_code": "IL", "latitude": "32.08", "longitude": "34.78"},
        {
            "country_code": "CA",
            "latitude": "",
            "longitude": "",
            "city": "Waterloo",
            "region": "Ontario",
        },
        {
            "country_code": "AU",
            "latitude": "",
            "longitude": "",
            "city": "Atlantis",
            "region": "Victoria",
        },
        {"country_code": "NZ", "latitude": "", "longitude": ""},
    )
    assert frame["world_region"].tolist() == ["Israel", "Canada", "Australia", "Other"]
    assert frame["location_precision"].tolist() == ["given", "city", "region", "country"]


def test_given_coordinates_are_used_as_given():
    frame = make_frame(
        {"city": "Cincinnati", "region": "Ohio", "latitude": "10.5", "longitude": "20.25"}
    )
    assert (frame.iloc[0]["latitude"], frame.iloc[0]["longitude"]) == (10.5, 20.25)
    assert frame.geometry.iloc[0].x == 20.25


def test_year_started_is_a_nullable_integer():
    frame = make_frame({"year_started": "2013"}, {"year_started": ""}, {"year_started": "2015.0"})
    assert frame["year_started"].dtype == "Int64"
    assert frame["year_started"].tolist()[0] == 2013
    assert pd.isna(frame["year_started"].iloc[1])
    assert frame["year_started"].iloc[2] == 2015


@pytest.mark.parametrize(
    ("row", "field", "fragment"),
    [
        ({"roles": "advising"}, "roles", "unknown value 'advising'"),
        ({"roles": ""}, "roles", "required"),
        ({"domains": "health;sports"}, "domains", "unknown value 'sports'"),
        ({"org_type": "charity"}, "org_type", "unknown value 'charity'"),
        ({"scope": "global"}, "scope", "unknown value 'global'"),
        ({"country_code": "UK"}, "country_code", "ISO 3166-1"),  # the UK is GB
        ({"country_code": ""}, "country_code", "required"),
        ({"latitude": "91"}, "latitude", "between -90 and 90"),
        ({"longitude": "-181"}, "longitude", "between -180 and 180"),
        ({"latitude": "north"}, "latitude", "number"),
        ({"latitude": "nan"}, "latitude", "number"),
        ({"latitude": "", "longitude": "10"}, "latitude", "together"),
        ({"year_started": "1850"}, "year_started", "between 1900"),
        ({"year_started": "2013a"}, "year_started", "year"),
        ({"website": "javascript:alert(1)"}, "website", "http(s)"),
        ({"website": "www.example.org"}, "website", "http(s)"),
        ({"name": ""}, "name", "required"),
    ],
)
def test_invalid_values_raise_one_clear_error(row, field, fragment):
    with pytest.raises(DatasetError) as raised:
        organisations_from_table(make_rows({}, row), source="test.csv")
    error = raised.value
    assert (error.row, error.field) == (2, field)
    assert fragment in str(error)
    assert str(error).startswith("test.csv, row 2, field ")


def test_duplicate_id_names_both_rows():
    with pytest.raises(DatasetError, match="duplicates the id of row 1") as raised:
        organisations_from_table(make_rows({"id": "same"}, {"id": "same"}))
    assert raised.value.row == 2


def test_missing_required_column():
    table = make_rows({}).drop(columns=["roles"])
    with pytest.raises(DatasetError, match="missing required column"):
        organisations_from_table(table)


def test_unlocatable_place_raises():
    with pytest.raises(DatasetError, match="cannot locate"):
        organisations_from_table(
            make_rows({"country_code": "BV", "latitude": "", "longitude": ""})
        )  # Bouvet Island: no city, no basemap shape


def test_path_defaults_to_atlas_data_env(tmp_path, monkeypatch):
    path = tmp_path / "mine.csv"
    path.write_text(csv_text(make_rows({"name": "From the environment"})), encoding="utf-8")
    monkeypatch.setenv("ATLAS_DATA", str(path))
    assert load_organisations()["name"].tolist() == ["From the environment"]


def test_utf8_bom_and_hebrew_are_read(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_text(csv_text(make_rows({"name_he": "שיתופים"})), encoding="utf-8-sig")
    assert load_organisations(path)["name_he"].tolist() == ["שיתופים"]


def test_non_utf8_file_is_reported(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes(
        csv_text(make_rows({"name": "Montréal"}))
        .encode("cp1255", errors="replace")
        .replace(b"?", b"\xe9")
    )
    with pytest.raises(DatasetError, match="not UTF-8"):
        load_organisations(path)


def test_empty_file_is_reported(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(DatasetError, match="empty"):
        load_organisations(path)


@pytest.mark.parametrize(
    ("text", "values"),
    [("a;b", ("a", "b")), (" a ; b ;", ("a", "b")), ("a;a", ("a",)), ("", ()), (";;", ())],
)
def test_split_multi(text, values):
    assert split_multi(text) == values
