"""Every bad file of the corpus, uploaded through the Data page under AppTest.

Each yields its expected message (never a traceback), and a loaded upload
changes the map and the count of this session only.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from mapping.ui import upload as ui_upload
from mapping.upload import ENCODING_LABELS, read_upload
from tests.test_app import map_payload

PROJECT_ROOT = Path(__file__).resolve().parent.parent
APP = str(PROJECT_ROOT / "app.py")
BAD = PROJECT_ROOT / "tests" / "data" / "bad"
CASES = list(csv.DictReader((BAD / "EXPECTED.csv").open(encoding="utf-8")))
MIME = {".csv": "text/csv", ".xlsx": "application/octet-stream", ".geojson": "application/json"}


def data_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("pages/data.py").run()
    assert not at.exception, at.exception
    return at


def page_text(at: AppTest) -> str:
    """Every message, caption and table cell on the page, Markdown escapes removed."""
    parts = [
        e.value
        for kind in ("error", "warning", "success", "info", "caption", "markdown")
        for e in getattr(at, kind)
    ]
    for frame in at.dataframe:
        parts.append(frame.value.to_csv(index=False))
    return "\n".join(parts).replace("\\", "")


def option_patch(monkeypatch, options: str) -> None:
    """Apply a corpus case's options (limits are lowered through the upload function)."""
    limits = {}
    for option in filter(None, options.split(";")):
        key, value = option.split("=")
        if key in ("max_rows", "max_bytes"):
            limits[key] = int(value)
    if limits:
        monkeypatch.setattr(ui_upload, "read_upload", functools.partial(read_upload, **limits))


def upload(at: AppTest, path: Path) -> AppTest:
    """Give the Data page's file uploader a file from disk, and run."""
    mime = MIME.get(path.suffix, "application/octet-stream")
    return (
        at.file_uploader(key="atlas_upload_file")
        .set_value((path.name, path.read_bytes(), mime))
        .run()
    )


CASE_IDS = {"ids": lambda c: f"{c['file']}{'+' + c['options'] if c['options'] else ''}"}


@pytest.mark.parametrize("case", CASES, **CASE_IDS)
def test_corpus_file_through_the_upload_page(case, monkeypatch):
    option_patch(monkeypatch, case["options"])
    at = upload(data_page(), BAD / case["file"])
    if "fix_swapped=true" in case["options"]:
        next(c for c in at.checkbox if "swapped" in c.label).check().run()
    assert not at.exception, at.exception
    text = page_text(at)
    if case["outcome"] == "refused":
        assert at.error, text
        assert case["expected"] in at.error[0].value.replace("\\", "")
        return
    expected = ENCODING_LABELS.get(case["expected"], case["expected"])
    assert expected in text
    loaded, rejected = int(case["loaded"]), int(case["rejected"])
    total = loaded + rejected
    assert f"{loaded:,} loaded, {rejected:,} rejected, of {total:,} rows." in text


def test_using_an_upload_changes_this_session_only(organisations):
    at = upload(data_page(), BAD / "hebrew_cp1255.csv")
    next(b for b in at.button if b.label == "Show this data on the map").click().run()
    assert any("3 of 3 organisations" in m.value for m in at.sidebar.markdown)
    # The map draws the upload, not the built-in data's shared encoding of the same view.
    at.switch_page("pages/map.py").run()
    assert len(map_payload(at)["name"]) == 3
    at.switch_page("pages/data.py").run()
    other = data_page()  # a second session still sees the built-in data
    assert any(
        f"{len(organisations)} of {len(organisations)} organisations" in m.value
        for m in other.sidebar.markdown
    )
    next(b for b in at.button if b.label == "Back to the built-in dataset").click().run()
    assert any(
        f"{len(organisations)} of {len(organisations)} organisations" in m.value
        for m in at.sidebar.markdown
    )
