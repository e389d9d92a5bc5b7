"""A bad ``ATLAS_DATA`` or ``ATLAS_LINKS`` file stops every page with one message, never a trace.

Each case is a file someone could really point the app at; it says why it is
here. Every page (map, charts, data, network, present, about) runs under
AppTest in English and in Hebrew, and must show exactly one error that names
the file, the row (where there is one) and the problem, in the page's
language: the running app must never show a traceback.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from mapping import i18n
from mapping.csvfile import DatasetError, read_text_table
from mapping.data import load_organisations
from mapping.network import load_relationships
from tests.conftest import csv_text, make_rows
from tests.test_hebrew_errors import assert_hebrew

PROJECT_ROOT = Path(__file__).resolve().parent.parent
APP = str(PROJECT_ROOT / "app.py")
ISOLATES = re.compile("[\u2066-\u2069]")
PAGES = ("map", "charts", "data", "network", "present", "about")
# Three valid organisations (they load; the links cases below break only the links).
GOOD = csv_text(make_rows({}, {}, {}))
GOOD_LINKS = (
    "source_id,target_id,relation,source\r\n"
    "org-1,org-2,partners_with,https://example.org/a\r\n"
    "org-2,org-3,partners_with,https://example.org/b\r\n"
)


def lines(text: str) -> list[str]:
    return text.splitlines()


def with_line(text: str, number: int, line: str) -> str:
    """``text`` with its line ``number`` (1 = the header) replaced."""
    rows = lines(text)
    rows[number - 1] = line
    return "\n".join(rows) + "\n"


SECOND = lines(GOOD)[2]  # data row 2


@dataclass(frozen=True)
class Case:
    """A bad file, the variable that names it, and what its message must say."""

    id: str
    why: str
    content: bytes | None  # None: no file at all; b"<dir>": a folder
    variable: str = "ATLAS_DATA"
    row: int | None = None
    # A piece of the message in each language (values as the file writes them).
    en: str = ""
    he: str = ""


CASES = [
    Case(
        "ragged-more-cells",
        "an unquoted comma inside a description: pandas used to raise ParserError",
        with_line(GOOD, 3, SECOND + ",Springfield").encode(),
        row=2,
        en="has 20 cells but the header has 19 columns",
        he="יש בה 20 תאים, אבל בשורת הכותרות יש 19 עמודות",
    ),
    Case(
        "ragged-fewer-cells",
        "a cell lost in hand editing: pandas padded the row and shifted nothing into view",
        with_line(GOOD, 4, lines(GOOD)[3].rsplit(",", 1)[0]).encode(),
        row=3,
        en="has 18 cells but the header has 19 columns",
        he="יש בה 18 תאים",
    ),
    Case(
        "ragged-first-row",
        "an extra cell in the first row: pandas took the first column as the index, silently",
        with_line(GOOD, 2, lines(GOOD)[1] + ",x").encode(),
        row=1,
        en="has 20 cells",
        he="יש בה 20 תאים",
    ),
    Case(
        "latin-1",
        "a spreadsheet saved in Latin-1, not UTF-8: the byte and its row are named",
        with_line(GOOD, 3, SECOND.replace("Organisation 2", "Société 2")).encode("latin-1"),
        row=2,
        en="is not UTF-8 text (byte 0xE9 here)",
        he="אינו טקסט בקידוד UTF-8",
    ),
    Case(
        "hebrew-windows-1255",
        "Hebrew names saved from Excel in Windows-1255",
        with_line(GOOD, 4, lines(GOOD)[3].replace("Organisation 3", "שיתופים")).encode("cp1255"),
        row=3,
        en="is not UTF-8 text",
        he="אינו טקסט בקידוד UTF-8",
    ),
    Case("empty", "a file of 0 bytes", b"", en="the file is empty", he="הקובץ ריק"),
    Case(
        "blank", "only blank lines and spaces", b"\n  \n\n", en="the file is empty", he="הקובץ ריק"
    ),
    Case(
        "header-only",
        "a template saved before any row was filled in: an atlas of nothing is a mistake",
        (lines(GOOD)[0] + "\n").encode(),
        en="has a header row but no data rows",
        he="אין בו שורות נתונים",
    ),
    Case("folder", "ATLAS_DATA naming a folder", b"<dir>", en="is a folder", he="זו תיקייה"),
    Case(
        "missing",
        "ATLAS_DATA naming a file that is not there",
        None,
        en="no such file",
        he="אין קובץ",
    ),
    Case(
        "png",
        "a screenshot given a .csv name",
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        en="it looks like a PNG image",
        he="תמונת PNG",
    ),
    Case(
        "nul-bytes",
        "binary content with no known signature",
        b"id,name\x00\x01\x02\x03\n\x00\x00",
        en="it looks like some other binary file",
        he="אינו טקסט CSV",
    ),
    Case(
        "duplicate-ids",
        "two rows share an id",
        csv_text(make_rows({}, {"id": "org-1"})).encode(),
        row=2,
        en="duplicates the id of row 1",
        he="המזהה כבר משמש את שורה 1",
    ),
    Case(
        "id-breaks-the-rule",
        "an id a URL cannot select (MapView and Filters reject it): the loader rejects it too",
        csv_text(make_rows({}, {"id": "Org_2"})).encode(),
        row=2,
        en="is not an id",
        he="אינו מזהה תקין",
    ),
    Case(
        "missing-column",
        "the roles column is missing",
        csv_text(make_rows({}).drop(columns=["roles"])).encode(),
        en="missing required column(s): roles",
        he="חסרות עמודות חובה",
    ),
    Case(
        "duplicate-header",
        "two columns with the same header: pandas renamed the second 'name.1'",
        GOOD.replace("name_he", "name", 1).encode(),
        en="the header 'name' appears twice (columns 2 and 3)",
        he="מופיעה פעמיים",
    ),
    Case(
        "cut-short",
        "a download cut off inside a quoted cell",
        (GOOD + 'org-9,"Half a name').encode(),
        row=4,
        en="is never closed",
        he="ואינו נסגר",
    ),
    Case(
        "bad-value",
        "a year before the first accepted year",
        csv_text(make_rows({}, {}, {"year_started": "1850"})).encode(),
        row=3,
        en="must be a year between 1900 and",
        he="חייבת להיות שנה בין 1900",
    ),
    Case(
        "links-unknown-id",
        "a link to an organisation the dataset does not have",
        (GOOD_LINKS + "org-3,org-99,partners_with,https://example.org/c\r\n").encode(),
        variable="ATLAS_LINKS",
        row=3,
        en="is not the id of an organisation in the dataset",
        he="אינו מזהה של ארגון במאגר",
    ),
    Case(
        "links-ragged",
        "a link whose note holds an unquoted comma",
        (GOOD_LINKS + "org-3,org-1,partners_with,https://example.org/c,met, twice\r\n").encode(),
        variable="ATLAS_LINKS",
        row=3,
        en="has 6 cells but the header has 4 columns",
        he="יש בה 6 תאים",
    ),
    Case(
        "links-missing",
        "ATLAS_LINKS naming a file that is not there",
        None,
        variable="ATLAS_LINKS",
        en="no such file",
        he="אין קובץ",
    ),
    Case(
        "links-latin-1",
        "links saved in Latin-1",
        (GOOD_LINKS + "org-3,org-1,partners_with,https://example.org/café\r\n").encode("latin-1"),
        variable="ATLAS_LINKS",
        row=3,
        en="byte 0xE9",
        he="אינו טקסט בקידוד UTF-8",
    ),
]


@pytest.fixture
def bad_file(tmp_path, monkeypatch):
    """Point the app at a case's file (and at valid organisations for a links case)."""

    def make(case: Case) -> Path:
        name = "organisations.csv" if case.variable == "ATLAS_DATA" else "relationships.csv"
        path = tmp_path / case.id / name
        path.parent.mkdir()
        if case.content == b"<dir>":
            path.mkdir()
        elif case.content is not None:
            path.write_bytes(case.content)
        if case.variable == "ATLAS_LINKS":
            organisations = tmp_path / case.id / "organisations.csv"
            organisations.write_text(GOOD, encoding="utf-8")
            monkeypatch.setenv("ATLAS_DATA", str(organisations))
        else:
            monkeypatch.delenv("ATLAS_LINKS", raising=False)
        monkeypatch.setenv(case.variable, str(path))
        return path

    return make


def expected_location(path: Path, case: Case, lang: str) -> str:
    """How the message must start after the page's own words: the file, then its row."""
    shown = str(path) if case.content in (None, b"<dir>") else path.name
    if case.row is None:
        return shown
    return f"{shown}, {i18n.t('data.where.row', lang, row=case.row)}"


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_the_loader_names_the_file_the_row_and_the_problem(case, bad_file):
    path = bad_file(case)
    load = load_organisations if case.variable == "ATLAS_DATA" else load_relationships
    with pytest.raises(DatasetError) as raised:
        load()
    error = raised.value
    assert error.row == case.row, str(error)
    assert str(error).startswith(expected_location(path, case, "en")), str(error)
    assert case.en in str(error)
    assert case.he in error.render("he")


@pytest.mark.parametrize("lang", ["en", "he"])
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_every_page_shows_one_message_in_its_language(case, lang, bad_file):
    path = bad_file(case)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    for page in PAGES:
        if page != "map":
            at.switch_page(f"pages/{page}.py").run()
        assert not at.exception, (page, at.exception)
        assert len(at.error) == 1, (page, [e.value for e in at.error])
        message = at.error[0].value.replace("\\", "")
        if lang == "he":
            assert_hebrew(message)
        text = ISOLATES.sub("", message)  # the values a Hebrew text isolates, as plain text
        assert text.startswith(i18n.t("load.error", lang, error="")), (page, message)
        rest = text.removeprefix(i18n.t("load.error", lang, error=""))
        assert rest.startswith(expected_location(path, case, lang)), (page, message)
        assert (case.en if lang == "en" else case.he) in text, (page, message)


def test_every_case_says_why_it_exists_and_ids_are_unique():
    assert all(case.why for case in CASES)
    assert len({case.id for case in CASES}) == len(CASES)


def test_a_good_file_reads_with_its_row_numbers(tmp_path):
    # Blank lines are skipped and keep their numbers, so a message's row is the file's.
    path = tmp_path / "organisations.csv"
    rows = lines(GOOD)
    path.write_text("\n".join([rows[0], rows[1], "", rows[2], rows[3]]) + "\n", encoding="utf-8")
    table = read_text_table(path)
    assert table.index.tolist() == [1, 3, 4]
    assert table["id"].tolist() == ["org-1", "org-2", "org-3"]


GOOD_VARIANTS = [
    ("plain", "id,name\nx,X\ny,Y\n", [1, 2], "the common case"),
    ("bom-crlf", "\ufeffid,name\r\nx,X\r\ny,Y\r\n", [1, 2], "Excel's CSV UTF-8: a BOM and CRLF"),
    ("blank-lines", "id,name\nx,X\n\n\ny,Y\n\n", [1, 4], "blank lines keep their numbers"),
    ("blank-cells", "id,name\nx,X\n,\n  ,  \ny,Y\n", [1, 4], "a row of blank cells is blank"),
    ("no-final-newline", "id,name\nx,X\ny,Y", [1, 2], "a file that does not end a line"),
    ("quoted-newline", 'id,name\nx,"X\nand more"\ny,Y\n', [1, 2], "a cell over two lines"),
    ("quoted-comma", 'id,name\nx,"X, Inc."\ny,"say ""hi"""\n', [1, 2], "commas and quotes"),
    ("stray-quote", 'id,name\nx,5" screen\ny,Y\n', [1, 2], "an odd number of quotes"),
    ("untitled-column", "id,name,\nx,X,1\ny,Y,2\n", [1, 2], "a column without a title"),
    ("spaces-kept", "id,name\nx,  X  \ny,Y\n", [1, 2], "cells are read as written"),
]


@pytest.mark.parametrize(
    ("text", "rows", "why"),
    [case[1:] for case in GOOD_VARIANTS],
    ids=[case[0] for case in GOOD_VARIANTS],
)
def test_the_quick_and_the_careful_reading_agree(text, rows, why, tmp_path):
    from mapping import csvfile

    path = tmp_path / "a.csv"
    path.write_bytes(text.encode("utf-8"))
    table = read_text_table(path)
    careful = csvfile._careful_table(path.read_bytes(), "a.csv")
    assert table.index.tolist() == careful.index.tolist() == rows, why
    assert table.columns.tolist() == careful.columns.tolist()
    assert table.to_numpy().tolist() == careful.to_numpy().tolist()
    quick = csvfile._quick_table(path.read_bytes(), "a.csv")
    if quick is not None:  # the quick reading, where it is sure, reads the same
        assert quick.index.tolist() == rows
        assert quick.to_numpy().tolist() == careful.to_numpy().tolist()


PROPERTY_EXAMPLES = int(os.environ.get("ATLAS_HYPOTHESIS_EXAMPLES", "60"))
CSV_PIECES = st.sampled_from(["id", "name", ",", '"', '""', "\n", "\r\n", " ", "x", "é", "\x00"])


@settings(max_examples=PROPERTY_EXAMPLES, deadline=None)
@given(
    st.binary(max_size=200)
    | st.lists(CSV_PIECES, max_size=40).map(lambda parts: "".join(parts).encode("utf-8"))
    | st.lists(CSV_PIECES, max_size=40).map(lambda parts: ("id,name\n" + "".join(parts)).encode())
)
def test_any_file_is_a_table_or_a_dataset_error(data):
    # Whatever ATLAS_DATA holds, the pages get a table or a message: never another exception.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "organisations.csv"
        path.write_bytes(data)
        try:
            table = read_text_table(path)
        except DatasetError as error:
            message = error.render("he")
        else:
            message = ""
            assert table.index.is_monotonic_increasing
            assert (table.index >= 1).all()
    assert message or table is not None
