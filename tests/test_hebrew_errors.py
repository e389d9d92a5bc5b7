"""Errors and validation reports in Hebrew: every message a user can be shown has both languages.

The upload corpus goes through the Data page with ``lang=he``, a malformed scene
file through the Present page, and a table with one row per kind of problem
through ``validate_table``; each message must be Hebrew, with Latin text only
inside bidi isolates (file names, values, numbers) or in the short list of
format names below. A scan of the source checks that every message a raise
site builds exists in both catalogues with exactly the fields it is given.
"""

from __future__ import annotations

import ast
import csv
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from mapping import csvfile, i18n, upload
from mapping.columns import ColumnMapError, resolve_columns
from mapping.data import (
    COLUMNS,
    DatasetError,
    organisations_from_table,
    render_problems,
    validate_table,
)
from mapping.i18n import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE, Message
from mapping.locales import en, he
from mapping.scenes import SceneError, load_scenes
from mapping.upload import UploadError, display_report, read_upload
from tests.conftest import csv_text, make_rows
from tests.test_hebrew_app import HEBREW, english_words
from tests.test_scenes import VALID, run_present
from tests.test_upload_app import APP, BAD, CASE_IDS, CASES, option_patch
from tests.test_upload_app import upload as upload_file

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Format and GeoJSON names a Hebrew message writes as they are (outside any isolate).
FORMAT_WORDS = {
    "JSON",
    "TOML",
    "NUL",
    "csv",
    "xls",
    "xlsx",
    "geojson",
    "Point",
    "Feature",
    "FeatureCollection",
    "null",
}
# The classes whose first argument is a message key (or a ready message).
MESSAGE_CALLS = {"Message", "UploadError", "SceneError", "ColumnMapError", "LocalisedError"}
# Keys a raise site builds from a prefix, and every value the prefix is completed with.
KEY_FAMILIES = {
    "upload.kind.": [kind for _, kind in csvfile.SIGNATURES] + ["text", "binary"],
    "upload.encoding.": list(upload.ENCODINGS),
    "upload.required.": list(upload.REQUIRED_COLUMNS),
    "upload.precision.": ["region", "country"],
}
PSEUDO_FIELDS = ("coordinates", "geometry", "feature", "properties", "row")


def outside_isolates(text: str) -> str:
    """The text with every bidi-isolated run (and the isolates) removed."""
    kept, depth = [], 0
    for char in text:
        if char == FIRST_STRONG_ISOLATE:
            depth += 1
        elif char == POP_DIRECTIONAL_ISOLATE:
            depth = max(depth - 1, 0)
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def assert_hebrew(text: str) -> None:
    """A Hebrew message: Hebrew letters, and no English word outside the isolated values."""
    assert HEBREW.search(text), text
    assert english_words([outside_isolates(text)]) - FORMAT_WORDS == set(), text


def test_the_hebrew_check_catches_english():
    # The helper must be able to fail: an English sentence, or an English word not isolated.
    english = Message("upload.error.empty", name="a.csv").render("en", isolate=True)
    with pytest.raises(AssertionError):
        assert_hebrew(english)
    with pytest.raises(AssertionError):
        assert_hebrew("הקובץ is empty")
    assert_hebrew(Message("upload.error.empty", name="a.csv").render("he", isolate=True))


# --- (a) the bad-file corpus through the Data page, in Hebrew -------------------------------


def hebrew_data_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = "he"
    at.run()
    at.switch_page("pages/data.py").run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("case", CASES, **CASE_IDS)
def test_corpus_file_is_reported_in_hebrew(case, monkeypatch):
    option_patch(monkeypatch, case["options"])
    path = BAD / case["file"]
    at = upload_file(hebrew_data_page(), path)
    assert not at.exception, at.exception
    if case["outcome"] == "refused":
        assert len(at.error) == 1
        message = at.error[0].value.replace("\\", "")  # Markdown escapes removed
        assert_hebrew(message)
        assert path.name in message  # the file is named, isolated
        return
    summary = (at.success or at.warning)[0].value.replace("\\", "")
    assert_hebrew(summary)
    for caption in at.caption:
        assert_hebrew(caption.value.replace("\\", ""))
    titles = [i18n.t(f"upload.report.{c}", "he") for c in ("field", "reason", "suggestion")]
    reports = [frame.value for frame in at.dataframe if titles[0] in frame.value.columns]
    assert len(reports) >= bool(int(case["rejected"]))
    for report in reports:
        for column in titles:
            for text in report[column]:
                if text:
                    assert_hebrew(text)


def test_unrecognised_column_choices_are_hebrew():
    at = hebrew_data_page()
    data = b"name,roles,country,notes\nA,funding,US,x\n"
    at.file_uploader(key="atlas_upload_file").set_value(("x.csv", data, "text/csv")).run()
    assert not at.exception, at.exception
    (box,) = [box for box in at.selectbox if box.key and box.key.startswith("atlas_map_column")]
    assert box.label == "notes"  # the file's own header
    assert box.options[:2] == ["(להתעלם)", i18n.t("upload.field.id", "he")]
    assert all(HEBREW.search(option) for option in box.options), box.options


# --- (b) every message a raise site builds exists, with the fields it is given --------------


def message_calls() -> list[tuple[str, int, ast.Call]]:
    """Every ``Message(...)`` / ``...Error(...)`` call of the library, with its place."""
    calls = []
    for path in sorted((PROJECT_ROOT / "mapping").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "id", getattr(node.func, "attr", None))
                if name in MESSAGE_CALLS:
                    calls.append((path.name, node.lineno, node))
    return calls


def call_keys(node: ast.Call) -> list[str]:
    """The message keys a call can build: its literal key, or each member of a key family."""
    first = node.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return [first.value]
    if isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
        prefix = first.values[0].value
        assert prefix in KEY_FAMILIES, f"unknown key family {prefix!r}"
        return [prefix + member for member in KEY_FAMILIES[prefix]]
    return []  # a ready message or an error passed on


def template_fields(catalogue: dict[str, str], key: str) -> set[str]:
    """The field names of a key's template (of its ``#other`` form for a plural message)."""
    template = catalogue.get(key, catalogue.get(f"{key}{i18n.PLURAL_MARK}other"))
    assert template is not None, f"{key} is missing"
    return {name.split("!")[0].split(":")[0].strip("{}") for name in i18n.placeholders(template)}


def test_raise_sites_are_found():
    calls = message_calls()
    files = {name for name, _, _ in calls}
    assert {"upload.py", "data.py", "columns.py", "scenes.py", "filters.py"} <= files
    assert len(calls) > 80


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_message_key_of_the_code_exists_with_its_fields(lang):
    catalogue = dict(i18n.messages(lang))
    checked = 0
    for name, line, node in message_calls():
        given = {keyword.arg for keyword in node.keywords}
        for key in call_keys(node):
            fields = template_fields(catalogue, key)
            assert fields == given, f"{name}:{line} {key}: template {fields}, given {given}"
            checked += 1
    assert checked > 80


def test_key_families_and_report_labels_exist():
    for lang, catalogue in (("en", en.MESSAGES), ("he", he.MESSAGES)):
        for prefix, members in KEY_FAMILIES.items():
            for member in members:
                assert f"{prefix}{member}" in catalogue, (lang, prefix, member)
        for field in (*COLUMNS, *PSEUDO_FIELDS):
            assert f"upload.field.{field}" in catalogue, (lang, field)


# One error of each class, raised by the library itself.
ERROR_EXAMPLES = {
    "upload": (UploadError, lambda: read_upload("empty.csv", b"")),
    "upload-column-map": (
        UploadError,
        lambda: read_upload("x.csv", b"a,b\n1,2\n", column_map={"zz": "name"}),
    ),
    "column-map": (ColumnMapError, lambda: resolve_columns(["a", "b"], {"a": "id", "b": "id"})),
    "dataset-row": (
        DatasetError,
        lambda: organisations_from_table(make_rows({}, {"roles": "fundng"}), source="t.csv"),
    ),
    "dataset-columns": (
        DatasetError,
        lambda: organisations_from_table(make_rows({}).drop(columns=["roles"]), source="t.csv"),
    ),
}


@pytest.mark.parametrize("example", list(ERROR_EXAMPLES))
def test_errors_render_in_both_languages(example):
    kind, call = ERROR_EXAMPLES[example]
    with pytest.raises(kind) as raised:
        call()
    error = raised.value
    assert error.render("en") == str(error)  # English stays the exception's text
    hebrew = error.render("he", isolate=True)
    assert_hebrew(hebrew)
    assert outside_isolates(hebrew) != outside_isolates(str(error))


def test_dataset_error_location_is_translated():
    with pytest.raises(DatasetError) as raised:
        organisations_from_table(make_rows({}, {"roles": "fundng"}), source="test.csv")
    error = raised.value
    assert str(error).startswith("test.csv, row 2, field 'roles': unknown value 'fundng'")
    assert str(error).endswith("; suggestion: funding")
    assert error.render("he").startswith("test.csv, שורה 2, שדה 'roles': ערך לא מוכר 'fundng'")
    assert error.render("he").endswith("; הצעה: האם התכוונתם ל־funding?")


# --- (c) a malformed scene file on the Present page, in Hebrew -----------------------------


@pytest.mark.parametrize(
    ("text", "hebrew"),
    [
        (VALID.replace("zoom = 3", "zoom = 99"), "נדרשים"),
        (VALID.replace('role = "funding"', 'role = "fundng"'), "אינו מוכר"),
        (VALID + "colour = 'red'\n", "מפתחות לא מוכרים"),
        (VALID + VALID, "המזהה כבר משמש שקופית קודמת"),
    ],
)
def test_malformed_scene_file_is_reported_in_hebrew(tmp_path, monkeypatch, text, hebrew):
    from mapping.ui import present

    broken = tmp_path / "scenes.toml"
    broken.write_text(text, encoding="utf-8")
    monkeypatch.setattr(present, "load_scenes", lambda: load_scenes(broken))
    at = run_present(lang="he")
    message = at.error[0].value.replace("\\", "")
    assert_hebrew(message)
    assert hebrew in message
    number = "2" if text == VALID + VALID else "1"
    # The bad entry is named: its number and its id, each kept whole by an isolate.
    assert f"שקופית {FIRST_STRONG_ISOLATE}{number}{POP_DIRECTIONAL_ISOLATE}" in message
    assert f"'{FIRST_STRONG_ISOLATE}one{POP_DIRECTIONAL_ISOLATE}'" in message


def test_every_scene_error_renders_in_hebrew(tmp_path):
    cases = [
        "",  # no [[scene]]
        "[[scene]\n",  # not TOML
        "scene = [1]\n",  # not a table
        VALID.replace('id = "one"', 'id = "One!"'),
        VALID.replace('title = "One"', 'title = ""'),
        VALID + 'title_he = ""\n',
        VALID.replace('filters = { role = "funding" }', "filters = { year = 2013 }"),
        VALID.replace("lat = 10, ", ""),
        VALID.replace("{count} funders", "{population} people"),
        VALID.replace("{count} funders", "{count funders"),
        VALID.replace('caption = "{count} funders"\n', ""),
    ]
    keys = set()
    for number, text in enumerate(cases):
        path = tmp_path / f"scenes{number}.toml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(SceneError) as raised:
            load_scenes(path)
        assert_hebrew(raised.value.render("he", isolate=True))
        keys.add(raised.value.content.key)
    with pytest.raises(SceneError) as raised:
        load_scenes(tmp_path / "none.toml")
    assert_hebrew(raised.value.render("he", isolate=True))
    assert len(keys) == len(cases)  # each case hits a different check


# --- (d) validation reasons and suggestions of every check, in Hebrew ----------------------


BAD_ROWS = [
    {},  # a valid row, for the duplicates below
    {"name": ""},  # required
    {"id": "org-1"},  # duplicate id
    {"id": "Org_4"},  # breaks the id rule, with its slug as the suggestion
    {"roles": "fundng"},  # unknown value, with a suggestion
    {"roles": ";"},  # no role
    {"country_code": "Untied States"},  # not a code, with the closest country
    {"latitude": ""},  # latitude and longitude together
    {"latitude": "95"},  # out of range
    {"country_code": "IL", "latitude": "34.78", "longitude": "32.08"},  # swapped
    {"country_code": "IL", "latitude": "48.85", "longitude": "2.35"},  # outside its country
    {"year_started": "1850"},  # year
    {"website": "www.example.org"},  # website
    {"name": "Organisation 1"},  # same name, city and country as row 1
    {"country_code": "BV", "latitude": "", "longitude": ""},  # cannot be located
    {"year_started": "2015", "year_ended": "2010"},  # ended before it started
    {"source": "the annual report"},  # a source is a page
    {"checked": "2026-13-01"},  # not a date
]


def test_validation_reasons_of_every_check_are_hebrew():
    problems = validate_table(make_rows(*BAD_ROWS), plausible=True, sourced=True).problems
    used = {message.key for message in problems["reason"]}
    checks = {key for key in en.MESSAGES if key.startswith("data.problem.")}
    assert used == checks  # the table exercises every check there is
    assert sorted(set(problems["row"])) == list(range(2, len(BAD_ROWS) + 1))
    english = render_problems(problems, "en")
    hebrew = render_problems(problems, "he", isolate=True)
    assert english["reason"].str.contains("required but blank").any()
    for column in ("reason", "suggestion"):
        for english_text, hebrew_text in zip(english[column], hebrew[column], strict=True):
            assert bool(english_text) == bool(hebrew_text)
            if hebrew_text:
                assert_hebrew(hebrew_text)
    suggested = {m.key for m in problems["suggestion"] if m}
    assert suggested == {key for key in en.MESSAGES if key.startswith("data.suggest.")}
    assert "ארצות הברית" in " ".join(hebrew["suggestion"])  # the country is named in Hebrew


def test_rendered_export_has_no_bidi_controls():
    result = read_upload("x.csv", b"name,roles,country\nA,fundng,US\n")
    text = result.errors_csv_bytes("he").decode("utf-8-sig")
    assert "ערך לא מוכר 'fundng'" in text
    assert not re.search("[\u2066-\u2069]", text)
    rows = list(csv.reader(text.splitlines()))
    assert rows[0] == ["row", "field", "value", "reason", "suggestion"]  # for programs
    assert rows[1][1] == "roles"


def test_display_report_titles_and_fields_follow_the_language():
    result = read_upload("x.csv", b"name,roles,country\nA,fundng,US\n")
    table = display_report(result.report("he", isolate=True), "he")
    assert list(table.columns) == ["שורה", "שדה", "ערך", "סיבה", "הצעה"]
    assert table.iloc[0, 1] == "תפקידים"
    assert list(display_report(result.report(), "en").columns) == [
        "Row",
        "Field",
        "Value",
        "Reason",
        "Suggestion",
    ]


def test_summary_and_encoding_follow_the_language():
    data = (BAD / "hebrew_cp1255.csv").read_bytes()
    result = read_upload("hebrew_cp1255.csv", data)
    assert result.summary() == "3 loaded, 0 rejected, of 3 rows."
    assert result.summary("he") == "3 נטענו, 0 נדחו, מתוך 3 שורות."
    assert result.encoding_name("en") == "Windows-1255 (Hebrew)"
    assert result.encoding_name("he") == "Windows-1255 (עברית)"


@pytest.mark.parametrize("broken", ["missing", "invalid"])
def test_dataset_that_cannot_load_is_reported_in_hebrew(tmp_path, monkeypatch, broken):
    path = tmp_path / "organisations.csv"
    if broken == "invalid":
        path.write_text(csv_text(make_rows({}, {"year_started": "1850"})), encoding="utf-8")
    monkeypatch.setenv("ATLAS_DATA", str(path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "he"
    at.run()
    assert not at.exception, at.exception
    message = at.error[0].value.replace("\\", "")
    assert message.startswith(i18n.t("load.error", "he", error=""))
    assert_hebrew(message)
    assert path.name in message
    if broken == "invalid":
        assert "שורה" in message
        assert "חייבת להיות שנה בין" in message
