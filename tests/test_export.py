"""CSV and GeoJSON exports."""

import csv
import io
import json

import pandas as pd
import pytest

from mapping.export import EXPORT_COLUMNS, neutralise_formula, to_csv_bytes, to_geojson_bytes
from mapping.filters import Filters
from tests.conftest import make_frame


def read_csv(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_starts_with_a_bom_and_keeps_hebrew():
    data = to_csv_bytes(make_frame({"name_he": "שיתופים"}))
    assert data.startswith(b"\xef\xbb\xbf")
    assert read_csv(data)[0]["name_he"] == "שיתופים"


def test_csv_columns_and_values():
    frame = make_frame(
        {
            "roles": "funding;operating",
            "domains": "health",
            "year_started": "2014",
            "latitude": "-33.5",
            "longitude": "151.25",
        }
    )
    row = read_csv(to_csv_bytes(frame))[0]
    assert list(row) == list(EXPORT_COLUMNS)
    assert "geometry" not in row
    assert row["roles"] == "funding;operating"
    assert (row["latitude"], row["longitude"], row["year_started"]) == ("-33.5", "151.25", "2014")


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Tamarack Institute", "Tamarack Institute"),
        ("a=b", "a=b"),  # only a leading trigger matters
        ("", ""),
    ],
)
def test_neutralise_formula(text, safe):
    assert neutralise_formula(text) == safe


def test_formula_cells_are_neutralised_but_numbers_stay_numbers():
    frame = make_frame(
        {
            "name": "=cmd|' /C calc'!A0",
            "description": "@SUM(1)",
            "network": "-x;y",
            "latitude": "-10",
            "longitude": "-20",
        }
    )
    row = read_csv(to_csv_bytes(frame))[0]
    assert row["name"].startswith("'=")
    assert row["description"].startswith("'@")
    assert row["network"] == "'-x;y"
    assert row["latitude"] == "-10.0"


def test_csv_rows_equal_the_filtered_rows(organisations):
    shown = Filters(roles=("funding",)).apply(organisations)
    rows = read_csv(to_csv_bytes(shown))
    assert [r["id"] for r in rows] == shown["id"].tolist()


def test_csv_reads_back_with_pandas(organisations):
    table = pd.read_csv(
        io.BytesIO(to_csv_bytes(organisations)),
        encoding="utf-8-sig",
        dtype=str,
        keep_default_na=False,
    )
    assert len(table) == len(organisations)


def test_geojson_is_a_feature_collection_with_metadata():
    frame = make_frame({"roles": "funding;knowledge", "latitude": "1.5", "longitude": "2.5"})
    collection = json.loads(to_geojson_bytes(frame, metadata={"filters": "All"}))
    assert collection["type"] == "FeatureCollection"
    assert collection["metadata"] == {"filters": "All"}
    feature = collection["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [2.5, 1.5]}
    assert feature["properties"]["roles"] == ["funding", "knowledge"]
    assert feature["properties"]["year_started"] is None
