"""Regenerate the corpus of bad uploads in ``tests/data/bad/`` (deterministically).

Each file is one real way an uploaded file goes wrong; ``tests/data/bad/EXPECTED.csv``
(kept by hand, not generated) says what ``mapping.upload.read_upload`` must
answer for it. Run from the project root::

    python tests/data/make_bad_files.py

The same script always writes the same bytes (fixed ZIP dates, no random
data), so ``git status`` shows a change only when a file's recipe changes.
Every file stays well under 100 KB; the ZIP bomb declares 300 MB but is a few
hundred bytes, because its member is bzip2-compressed zeros.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import re
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook

BAD = Path(__file__).resolve().parent / "bad"
ZIP_DATE = (2024, 1, 1, 0, 0, 0)
FIXED_TIME = dt.datetime(2024, 1, 1)
BOMB_MEGABYTES = 300
HEADER = "name,roles,country_code,city,latitude,longitude"

# A minimal valid PNG (1x1 pixel).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)


def lines(*rows: str, end: str = "\n") -> str:
    """Join CSV lines, each ending with ``end``."""
    return "".join(row + end for row in rows)


def csv_files() -> dict[str, bytes]:
    """The CSV (and other text) files of the corpus."""
    many = [HEADER] + [f"Organisation {i},operating,US,,40.0,-75.0" for i in range(1, 31)]
    large = [HEADER] + [f"Organisation number {i},funding,IL,,32.08,34.78" for i in range(60)]
    return {
        "empty.csv": b"",
        "whitespace_only.csv": b"  \r\n\r\n \t \r\n",
        "header_only.csv": lines(HEADER).encode(),
        "header_and_blank_rows.csv": lines(HEADER, ",,,,,", "", ",,,,,").encode(),
        "png_renamed.csv": PNG,
        "binary_nul.csv": bytes(range(256)) * 4,
        "html_page.csv": lines(
            "<!DOCTYPE html>",
            "<html><head><title>Organisations</title></head>",
            "<body><table><tr><td>Tamarack Institute</td></tr></table></body></html>",
        ).encode(),
        "hebrew_cp1255.csv": lines(
            "שם הארגון,מדינה,עיר,תפקיד,תיאור",
            "שיתופים,ישראל,תל אביב,ייעוץ;הפעלה,ארגון ללא כוונת רווח",
            "קרן רש״י,ישראל,ירושלים,מימון,קרן פילנתרופית",
            "מכון ון ליר,ישראל,ירושלים,פיתוח ידע,מכון מחקר",
            end="\r\n",
        ).encode("cp1255"),
        "latin1.csv": lines(
            "Name,Country,City,Roles,Description",
            "Centre de Montréal,CA,Montréal,operating,Initiative québécoise à impact collectif",
            "Zürcher Stiftung,CH,Zürich,funding,Fördert Zusammenarbeit über Sektoren hinweg",
            "Association Genève,CH,Genève,consulting,Conseil et facilitation",
        ).encode("latin-1"),
        "bom_semicolon_variant_headers.csv": codecs.BOM_UTF8
        + lines(
            "Organization;Country;Town;Role(s);Lat;Lng;URL;Year started",
            "Tamarack Institute;Canada;Waterloo;Consulting, Knowledge;43,4643;-80,5204;"
            "https://www.tamarackcommunity.ca/;2002",
            "FSG;United States;Boston;consulting;42.3601;-71.0589;https://www.fsg.org/;2000",
            "Opportunity Child;Australia;Melbourne;Operating;-37.8136;144.9631;;2013",
            end="\r\n",
        ).encode("utf-8"),
        "utf16_excel_unicode_text.txt": codecs.BOM_UTF16_LE
        + lines(
            "Organisation\tCountry\tCity\tRole",
            "Sheatufim\tIsrael\tTel Aviv\tconsulting",
            "Collaboration for Impact\tAustralia\tSydney\tconsulting",
            end="\r\n",
        ).encode("utf-16-le"),
        "swapped_latlon.csv": lines(
            HEADER,
            "Right way round,operating,IL,,32.0853,34.7818",
            "Swapped in Israel,operating,IL,,34.7818,32.0853",
            "Swapped in the US,funding,US,,-84.5120,39.1031",
        ).encode(),
        "country_names.csv": lines(
            "name,roles,country,city",
            "Org in Israel,operating,Israel,Haifa",
            "Org in the US,funding,United States of America,Cincinnati",
            "Org in the UK,consulting,United Kingdom,London",
            "Org in Canada,knowledge,canada,Toronto",
            "Typo in country,operating,Untied States,Boston",
        ).encode(),
        "hebrew_country_names.csv": lines(
            "ארגון,מדינה,עיר,תפקיד",
            "Org A,ישראל,חיפה,הפעלה",
            'Org B,ארה"ב,New York,מימון',
            "Org C,קנדה,Toronto,ייעוץ",
            "Org D,אוסטרליה,Sydney,פיתוח ידע",
        ).encode(),
        "unknown_roles.csv": lines(
            HEADER,
            "Known role,funding,US,,40.0,-75.0",
            "Typo in role,fundng,US,,40.0,-75.0",
            "Another typo,consultng;operating,US,,40.0,-75.0",
            "Not a role,advising,US,,40.0,-75.0",
        ).encode(),
        "formulas.csv": lines(
            HEADER + ",description",
            '"=HYPERLINK(""http://evil.example"",""click"")",operating,US,,40.0,-75.0,@SUM(A1)',
            "+cmd|' /C calc'!A0,funding,US,,40.0,-75.0,-2+3",
            "Formula role,=1+1,US,,40.0,-75.0,plain",
        ).encode(),
        "duplicate_ids.csv": lines(
            "id,name,roles,country_code,latitude,longitude",
            "same-id,First organisation,operating,US,40.0,-75.0",
            "same-id,Second organisation,funding,US,41.0,-76.0",
            "other-id,Third organisation,funding,US,41.0,-76.0",
        ).encode(),
        "duplicate_name_city.csv": lines(
            "name,roles,country_code,city",
            "United Way,funding,US,Cincinnati",
            "UNITED WAY,funding,US,cincinnati",
            "United Way,funding,US,Boston",
        ).encode(),
        "out_of_range.csv": lines(
            HEADER,
            "Fine,operating,US,,40.0,-75.0",
            "Latitude too big,operating,US,,95.0,-75.0",
            "Longitude too big,operating,US,,40.0,200.0",
            "Not a number,operating,US,,north,-75.0",
            "Only latitude,operating,US,,40.0,",
        ).encode(),
        "far_outside_country.csv": lines(
            HEADER,
            "Paris office said to be in Israel,operating,IL,,48.8566,2.3522",
            "Canary Islands are Spain,operating,ES,,28.1235,-15.4363",
        ).encode(),
        "unresolvable_place.csv": lines(
            "name,roles,country_code,city,region",
            "Bouvet Island station,knowledge,BV,,",
            "Heard Island office,knowledge,HM,Atlas Cove,",
            "Geocoded fine,knowledge,NZ,Wellington,",
        ).encode(),
        "unknown_city.csv": lines(
            "name,roles,country_code,city,region",
            "Unknown city,operating,US,Springfieldtown,Ohio",
            "Known city,operating,US,Cincinnati,Ohio",
        ).encode(),
        "missing_name_column.csv": lines(
            "title,roles,country_code",
            "Tamarack Institute,consulting,CA",
        ).encode(),
        "duplicate_header.csv": lines(
            "name,roles,country_code,name",
            "Tamarack Institute,consulting,CA,Tamarack",
        ).encode(),
        "too_many_rows.csv": lines(*many).encode(),
        "too_large.csv": lines(*large).encode(),
        "ragged_rows.csv": lines(
            HEADER + ",description",
            "Fine,operating,US,,40.0,-75.0,Quoted, as it should be",
            "Unquoted comma,operating,US,,40.0,-75.0,Health, education and housing",
        )
        .replace("Quoted, as it should be", '"Quoted, as it should be"')
        .encode(),
        "truncated_quote.csv": (
            lines(HEADER + ",description", 'Fine,operating,US,,40.0,-75.0,"Complete"')
            + 'Cut off,operating,US,,40.0,-75.0,"The export stopped in the mid'
        ).encode(),
        "blank_required.csv": lines(
            HEADER,
            "Has everything,operating,US,,40.0,-75.0",
            ",operating,US,,40.0,-75.0",
            "No role,,US,,40.0,-75.0",
            "No country,operating,,,40.0,-75.0",
        ).encode(),
        "bad_year_and_website.csv": lines(
            HEADER + ",year_started,website",
            "Fine,operating,US,,40.0,-75.0,2013,https://example.org/",
            "Too old,operating,US,,40.0,-75.0,1850,",
            "Not a URL,operating,US,,40.0,-75.0,,www.example.org",
            "Script URL,operating,US,,40.0,-75.0,,javascript:alert(1)",
        ).encode(),
        "unsupported_extension.ods": b"PK\x03\x04 an OpenDocument spreadsheet",
    }


def feature(properties: dict, geometry: dict | None) -> dict:
    """A GeoJSON Feature."""
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def point(longitude: float, latitude: float) -> dict:
    """A GeoJSON Point."""
    return {"type": "Point", "coordinates": [longitude, latitude]}


def geojson_files() -> dict[str, bytes]:
    """The GeoJSON files of the corpus."""
    base = {"roles": ["operating"], "country_code": "IL"}
    square = [[[34.7, 32.0], [34.9, 32.0], [34.9, 32.2], [34.7, 32.2], [34.7, 32.0]]]
    polygons = {
        "type": "FeatureCollection",
        "features": [
            feature({**base, "name": "Point A"}, point(34.78, 32.08)),
            feature({**base, "name": "Point B"}, point(35.21, 31.77)),
            feature({**base, "name": "Area"}, {"type": "Polygon", "coordinates": square}),
            feature(
                {**base, "name": "Route"},
                {"type": "LineString", "coordinates": [[34.7, 32.0], [35.2, 31.7]]},
            ),
        ],
    }
    odd = {
        "type": "FeatureCollection",
        "features": [
            feature({**base, "name": "No geometry, has a city", "city": "Haifa"}, None),
            "not a feature",
            feature({**base, "name": "Bad coordinates"}, {"type": "Point", "coordinates": ["a"]}),
            feature({**base, "name": "Fine"}, point(34.78, 32.08)),
        ],
    }
    single = feature({**base, "name": "Only one"}, point(34.78, 32.08))
    valid = json.dumps(polygons, ensure_ascii=False, indent=1)
    return {
        "polygons.geojson": json.dumps(polygons, indent=1).encode(),
        "odd_features.geojson": json.dumps(odd, indent=1).encode(),
        "invalid_json.geojson": valid[: len(valid) // 2].encode(),
        "not_feature_collection.geojson": json.dumps(single, indent=1).encode(),
        "geometry_collection.geojson": json.dumps(
            {"type": "GeometryCollection", "geometries": [point(34.78, 32.08)]}
        ).encode(),
    }


def fixed_zip(data: bytes) -> bytes:
    """Rewrite a ZIP with fixed member dates (and workbook timestamps) so it is reproducible."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*",
                    rb"\g<1>2024-01-01T00:00:00Z",
                    content,
                )
            target.writestr(zipfile.ZipInfo(info.filename, date_time=ZIP_DATE), content)
    return buffer.getvalue()


def workbook_bytes(rows: list[list[object]]) -> bytes:
    """An .xlsx workbook with one sheet holding ``rows``."""
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    return fixed_zip(buffer.getvalue())


def bomb_bytes() -> bytes:
    """A ZIP that looks like a workbook and holds ``BOMB_MEGABYTES`` of compressed zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in ("[Content_Types].xml", "xl/workbook.xml"):
            archive.writestr(zipfile.ZipInfo(name, date_time=ZIP_DATE), "<x/>")
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", date_time=ZIP_DATE)
        info.compress_type = zipfile.ZIP_BZIP2
        with archive.open(info, "w") as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(BOMB_MEGABYTES):
                member.write(block)
    return buffer.getvalue()


def xlsx_files() -> dict[str, bytes]:
    """The .xlsx (and pretend .xlsx / .xls) files of the corpus."""
    good = workbook_bytes(
        [
            ["שם הארגון", "מדינה", "עיר", "תפקיד", "Latitude", "Longitude", "שנת הקמה"],
            ["שיתופים", "ישראל", "תל אביב", "ייעוץ", 32.0853, 34.7818, 2006],
            [
                "Tamarack Institute",
                "Canada",
                "Waterloo",
                "consulting;knowledge",
                None,
                None,
                2002.0,
            ],
            ["Bad role", "IL", "Haifa", "advising", None, None, None],
        ]
    )
    not_workbook = io.BytesIO()
    with zipfile.ZipFile(not_workbook, "w") as archive:
        archive.writestr(zipfile.ZipInfo("README.txt", date_time=ZIP_DATE), "Just a ZIP archive.\n")
    return {
        "hebrew_headers.xlsx": good,
        "truncated.xlsx": good[: len(good) // 2],
        "text_renamed.xlsx": lines(
            HEADER, "Tamarack Institute,consulting,CA,,43.46,-80.52"
        ).encode(),
        "zip_bomb.xlsx": bomb_bytes(),
        "zip_not_workbook.xlsx": not_workbook.getvalue(),
        "old_format.xls": bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504),
    }


def corpus() -> dict[str, bytes]:
    """Every file of the corpus by name."""
    return {**csv_files(), **geojson_files(), **xlsx_files()}


def main() -> int:
    """Write the corpus to ``BAD`` and remove files no recipe makes any more."""
    BAD.mkdir(parents=True, exist_ok=True)
    files = corpus()
    for name, data in files.items():
        (BAD / name).write_bytes(data)
    for path in BAD.iterdir():
        if path.name not in files and path.name != "EXPECTED.csv":
            path.unlink()
    print(f"wrote {len(files)} files to {BAD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
