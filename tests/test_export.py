"""CSV, ZIP, XLSX and GeoJSON exports: clean data, provenance, no formulas."""

import csv
import io
import json
import re
import zipfile

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapping import network
from mapping.export import (
    ABOUT_NAME,
    ABOUT_SHEET,
    CSV_NAME,
    DATA_SHEET,
    EXPORT_COLUMNS,
    FILE_STEM_MAX,
    LINKS_SHEET,
    XLSX_MAX_CELL,
    XLSX_WIDTH,
    file_stem,
    to_csv_bytes,
    to_geojson_bytes,
    to_xlsx_bytes,
    to_zip_with_notes,
    xlsx_text,
)
from mapping.filters import FIELDS, Filters
from mapping.safety import FORMULA_TRIGGERS, neutralise_formula
from tests.conftest import make_frame
from tests.test_maps import linked_view  # noqa: F401 - the fixture
from tests.test_provenance import METADATA, PERMALINK, make_provenance

HOSTILE_CELLS = [
    '=HYPERLINK("http://evil.example","x")',  # formula with a link
    "=cmd|' /C calc'!A0",  # DDE
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",  # tab before a formula
    "\r=1+1",
    "'=already quoted",
]


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


def read_zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_zip_holds_the_clean_csv_and_the_notes(organisations):
    shown = Filters(roles=("funding",)).apply(organisations)
    provenance = make_provenance(shown=len(shown), total=len(organisations))
    members = read_zip(to_zip_with_notes(shown, provenance))
    assert list(members) == [CSV_NAME, ABOUT_NAME]
    assert members[CSV_NAME] == to_csv_bytes(shown)
    table = pd.read_csv(io.BytesIO(members[CSV_NAME]), encoding="utf-8-sig", dtype=str)
    assert table["id"].tolist() == shown["id"].tolist()
    about = members[ABOUT_NAME].decode("utf-8")
    for expected in (
        f"View: {len(shown)} of {len(organisations)} organisations: role Funding.",
        f"Link to this view: {PERMALINK}",
        "Generated: 2026-11-22T06:35:12Z (UTC)",
        "Dataset version: 1.0.0 (2026-11-22)",
        "Licence: CC BY 4.0",
        f"Cite as: {provenance.citation}",
        CSV_NAME,
    ):
        assert expected in about


def test_zip_is_reproducible_and_dated_by_the_export():
    frame = make_frame({})
    provenance = make_provenance(shown=1, total=1)
    data = to_zip_with_notes(frame, provenance)
    assert data == to_zip_with_notes(frame, provenance)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 11, 22, 6, 35, 12)}


def load_xlsx(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def xlsx_records(workbook: openpyxl.Workbook) -> list[dict]:
    """The data sheet's rows as dicts keyed by the header."""
    rows = workbook[DATA_SHEET].iter_rows(values_only=True)
    header = next(rows)
    return [dict(zip(header, row, strict=True)) for row in rows]


def formula_cells(data: bytes) -> list[str]:
    """Cells typed as formulas, by openpyxl and in the raw sheet XML."""
    found = [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in load_xlsx(data).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and re.search(rb"<f[ >/]", archive.read(name)):
                found.append(name)
    return found


def test_xlsx_has_the_csv_columns_and_text_with_numbers_as_numbers():
    frame = make_frame(
        {
            "name": "Tamarack Institute",
            "name_he": "שיתופים",
            "roles": "funding;operating",
            "year_started": "2014",
            "latitude": "-33.5",
            "longitude": "151.25",
            "website": "https://www.tamarackcommunity.ca/",
        },
        {"name": "No year"},
    )
    workbook = load_xlsx(to_xlsx_bytes(frame, make_provenance(shown=2, total=2)))
    assert workbook.sheetnames == [DATA_SHEET, ABOUT_SHEET]
    header = next(workbook[DATA_SHEET].iter_rows(max_row=1, values_only=True))
    assert list(header) == list(EXPORT_COLUMNS)
    first, second = xlsx_records(workbook)
    assert first["roles"] == "funding;operating"
    assert first["name_he"] == "שיתופים"
    assert (first["latitude"], first["longitude"], first["year_started"]) == (-33.5, 151.25, 2014)
    assert isinstance(first["year_started"], int)
    assert second["year_started"] is None
    numbers = ("latitude", "longitude", "year_started")
    as_text = [
        {k: "" if v is None else v for k, v in record.items() if k not in numbers}
        for record in (first, second)
    ]
    assert as_text == [
        {k: v for k, v in row.items() if k not in numbers} for row in read_csv(to_csv_bytes(frame))
    ]


def test_xlsx_layout_header_bold_frozen_filtered_and_widths():
    frame = make_frame({"description": "x" * 500})
    sheet = load_xlsx(to_xlsx_bytes(frame, make_provenance(shown=1, total=1)))[DATA_SHEET]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == sheet.dimensions
    low, high = XLSX_WIDTH
    widths = {letter: dim.width for letter, dim in sheet.column_dimensions.items()}
    assert len(widths) == len(EXPORT_COLUMNS)
    assert all(low <= width <= high for width in widths.values())
    description = EXPORT_COLUMNS.index("description") + 1
    assert widths[openpyxl.utils.get_column_letter(description)] == high  # capped


@pytest.mark.parametrize(
    ("website", "link"),
    [
        ("https://www.fsg.org/", "https://www.fsg.org/"),
        ("http://example.org/a?b=c", "http://example.org/a?b=c"),
        ("javascript:alert(1)", None),  # script URL: text only
        ("data:text/html,<b>x</b>", None),
        ("www.example.org", None),  # not absolute: Excel would guess
        ("", None),
    ],
)
def test_xlsx_hyperlinks_only_for_http_websites(website, link):
    frame = make_frame({})
    frame.loc[0, "website"] = website  # bypasses load-time validation, like a hostile file
    sheet = load_xlsx(to_xlsx_bytes(frame, make_provenance(shown=1, total=1)))[DATA_SHEET]
    cell = sheet.cell(row=2, column=EXPORT_COLUMNS.index("website") + 1)
    assert (cell.hyperlink.target if cell.hyperlink else None) == link
    assert (cell.value or "") == website


def test_xlsx_about_sheet_has_the_provenance():
    provenance = make_provenance(shown=1, total=1)
    sheet = load_xlsx(to_xlsx_bytes(make_frame({}), provenance))[ABOUT_SHEET]
    rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    assert rows == provenance.rows()
    assert all(cell.font.bold for cell in sheet["A"])
    links = {cell.hyperlink.target for cell in sheet["B"] if cell.hyperlink}
    assert links == {PERMALINK, provenance.licence_url}


@pytest.mark.parametrize("text", HOSTILE_CELLS)
def test_xlsx_has_no_formula_cell_for_hostile_text(text):
    frame = make_frame({"name": "x"})
    for column in ("name", "description", "city", "region", "source"):
        frame.loc[0, column] = text
    frame.at[0, "network"] = (text, "y")
    hostile = make_provenance(Filters(text=text), shown=1, total=1)
    data = to_xlsx_bytes(frame, hostile)
    assert formula_cells(data) == []
    record = xlsx_records(load_xlsx(data))[0]
    assert record["name"] == neutralise_formula(text).replace("\r", "\n")  # XML reads CR as LF


def test_hostile_metadata_is_no_formula_in_the_about_sheet():
    # A custom dataset's metadata.json is data too.
    metadata = {**METADATA, "title": '=HYPERLINK("http://evil.example")', "citation": "@SUM(1)"}
    data = to_xlsx_bytes(make_frame({}), make_provenance(metadata=metadata, shown=1, total=1))
    assert formula_cells(data) == []
    values = dict(load_xlsx(data)[ABOUT_SHEET].iter_rows(values_only=True))
    assert values["Dataset"] == '\'=HYPERLINK("http://evil.example")'
    assert values["Cite as"] == "'@SUM(1)"


def test_control_characters_in_the_view_text_keep_the_workbook_valid():
    # Found by hypothesis: the view sentence also goes into the workbook's properties.
    provenance = make_provenance(Filters(text="a\x08b"), shown=1, total=1)
    workbook = load_xlsx(to_xlsx_bytes(make_frame({}), provenance))
    assert "a\ufffdb" in workbook.properties.subject


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("plain", "plain"),
        ("a\x00b\x1fc", "a\ufffdb\ufffdc"),  # XML 1.0 cannot hold control characters
        ("\x01=1+1", "\ufffd=1+1"),  # the replacement keeps a hidden formula visible
        ("=1+1", "'=1+1"),  # same prefix as the CSV
        ("x" * (XLSX_MAX_CELL + 5), "x" * (XLSX_MAX_CELL - 1) + "…"),  # Excel's cell limit
        (None, ""),
    ],
)
def test_xlsx_text(text, stored):
    assert xlsx_text(text) == stored


def test_geojson_metadata_from_provenance():
    provenance = make_provenance(shown=1, total=1)
    collection = json.loads(to_geojson_bytes(make_frame({}), metadata=provenance))
    assert collection["metadata"] == provenance.as_dict()
    assert collection["metadata"]["permalink"] == PERMALINK


def test_every_export_of_the_dataset_opens(organisations):
    provenance = make_provenance(shown=len(organisations), total=len(organisations))
    assert len(pd.read_csv(io.BytesIO(to_csv_bytes(organisations)), encoding="utf-8-sig")) == len(
        organisations
    )
    assert len(json.loads(to_geojson_bytes(organisations, provenance))["features"]) == len(
        organisations
    )
    xlsx = to_xlsx_bytes(organisations, provenance)
    assert load_xlsx(xlsx)[DATA_SHEET].max_row == len(organisations) + 1
    assert formula_cells(xlsx) == []
    assert read_zip(to_zip_with_notes(organisations, provenance))[CSV_NAME] == to_csv_bytes(
        organisations
    )


# Arbitrary text, often led by a formula trigger (or an apostrophe, the escape itself).
TEXTS = st.text(max_size=20) | st.builds(
    str.__add__, st.sampled_from((*FORMULA_TRIGGERS, "'")), st.text(max_size=20)
)
ROWS = st.lists(
    st.fixed_dictionaries(
        {
            "id": TEXTS,
            "name": TEXTS,
            "description": TEXTS,
            "city": TEXTS,
            "website": TEXTS,
            "network": st.lists(TEXTS, max_size=3).map(tuple),
            "roles": st.lists(TEXTS, max_size=2).map(tuple),
            "latitude": st.floats(-90, 90),
            "longitude": st.floats(-180, 180),
            "year_started": st.none() | st.integers(1900, 2030),
        }
    ),
    min_size=1,
    max_size=4,
)


def arbitrary_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    frame["year_started"] = frame["year_started"].astype("Int64")
    return frame


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=ROWS)
def test_no_csv_cell_of_arbitrary_text_is_a_formula(rows):
    text = to_csv_bytes(arbitrary_frame(rows)).decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text, newline="")))
    assert len(table) == len(rows) + 1  # no text broke out of its row
    for row in table[1:]:
        for column, cell in zip(EXPORT_COLUMNS, row, strict=True):
            if column not in ("latitude", "longitude"):
                assert not cell.startswith(FORMULA_TRIGGERS), (column, cell)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=ROWS, search=TEXTS)
def test_no_xlsx_cell_of_arbitrary_text_is_a_formula(rows, search):
    provenance = make_provenance(Filters(text=search), shown=len(rows), total=len(rows))
    data = to_xlsx_bytes(arbitrary_frame(rows), provenance)
    assert formula_cells(data) == []
    sheet = load_xlsx(data)[DATA_SHEET]
    assert sheet.max_row == len(rows) + 1


def test_xlsx_has_a_links_sheet_with_the_links_among_the_rows(organisations):
    from mapping import network
    from mapping.export import LINKS_SHEET

    links = network.load_relationships(organisations=organisations)
    shown = organisations[organisations["country_code"] == "CA"]
    expected = network.view_links(links, shown["id"])
    workbook = load_xlsx(to_xlsx_bytes(shown, make_provenance(), links=links))
    sheet = workbook[LINKS_SHEET]
    assert sheet.max_row == len(expected) + 1
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == ["source_id", "source_name", "relation", "target_id", "target_name"]
    years = [row[5].value for row in sheet.iter_rows(min_row=2)]
    assert all(year is None or isinstance(year, int) for year in years)
    assert formula_cells(to_xlsx_bytes(shown, make_provenance(), links=links)) == []


@pytest.mark.parametrize(
    ("filters", "stem", "why"),
    [
        (Filters(), "atlas_all", "no filter: everything"),
        (
            Filters(roles=("funding",), countries=("CA",), asof=2015),
            "atlas_funding_CA_2015",
            "the issue's example: roles, countries, the as-of year last",
        ),
        (
            Filters(roles=("funding", "operating"), countries=("CA", "AU")),
            "atlas_funding-operating_CA-AU",
            "several values of one filter join with '-'",
        ),
        (
            Filters(world_regions=("United States",), org_types=("backbone",)),
            "atlas_united-states_backbone",
            "spaces become '-'",
        ),
        (Filters(years=(2010, 2015)), "atlas_started-2010-2015", "the start range is named"),
        (Filters(years=(2013, 2013)), "atlas_started-2013", "one start year"),
        (Filters(years=(None, 2012)), "atlas_started-until-2012", "an open start"),
        (
            Filters(linked="tamarack-institute", network="strivetogether"),
            "atlas_network-strivetogether_linked-tamarack-institute",
            "an organisation id says whose links or network, in the URL's order",
        ),
        (Filters(text="United Way"), "atlas_search-united-way", "a search, in file-name letters"),
        (
            Filters(roles=("funding",), text="youth", asof=2015),
            "atlas_search-youth_funding_2015",
            "the URL's order (the registry's: the search first), the as-of year last",
        ),
        (Filters(text="שיתופים"), "atlas_search", "a search a file name cannot spell"),
        (Filters(text="../../etc/passwd"), "atlas_search-etc-passwd", "no path in a file name"),
    ],
)
def test_file_names_say_what_the_view_holds(filters, stem, why):
    assert file_stem(filters) == stem, why


@pytest.mark.parametrize("field", FIELDS, ids=[field.key for field in FIELDS])
def test_every_filter_of_the_registry_names_itself_in_a_file_name(field):
    filters = Filters.from_query_params({field.key: field.example()})
    assert getattr(filters, field.name) != field.default, "the example must set the filter"
    stem = file_stem(filters)
    assert stem != "atlas_all"
    assert re.fullmatch(r"atlas(_[A-Za-z0-9-]+)+", stem), stem


def test_a_long_file_name_keeps_what_fits():
    every = Filters(
        countries=("CA", "US", "AU", "IL", "GB", "DE", "FR", "NZ", "ZA", "JP", "KR"),
        domains=("education", "health", "community-development", "stem-education"),
        scopes=("metropolitan", "rural", "regional", "national"),
        asof=2015,
    )
    stem = file_stem(every)
    assert len(stem) <= FILE_STEM_MAX
    assert stem.startswith("atlas_CA-US-AU")
    assert stem.endswith("_more")


def test_the_links_sheet_holds_the_reason_of_a_linked_to_view(linked_view):  # noqa: F811
    frame, links = linked_view
    provenance = make_provenance()
    funders = frame[frame["id"].isin(["org-1", "org-2"])]
    ends = network.with_linked(funders, frame[frame["id"] == "org-3"])
    data = to_xlsx_bytes(funders, provenance, links=links, link_ends=ends)
    sheet = openpyxl.load_workbook(io.BytesIO(data))[LINKS_SHEET]
    rows = {(r[0], r[2], r[3]) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows == {
        ("org-1", "funds", "org-3"),
        ("org-3", "advises", "org-2"),
        ("org-1", "partners_with", "org-2"),
    }
    organisations = openpyxl.load_workbook(io.BytesIO(data))[DATA_SHEET]
    assert organisations.max_row == 3  # the institute is a reason, not a row of the list
