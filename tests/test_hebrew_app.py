"""The whole app in Hebrew (``lang=he``): Hebrew titles and no English interface words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from mapping.i18n import t

PROJECT_ROOT = Path(__file__).resolve().parent.parent
APP = str(PROJECT_ROOT / "app.py")
PAGES = (
    "pages/charts.py",
    "pages/data.py",
    "pages/network.py",
    "pages/present.py",
    "pages/contribute.py",
    "pages/about.py",
)
HEBREW = re.compile(r"[\u05d0-\u05ea]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
# Latin words that are names or formats, not interface words: they stay as they are in Hebrew.
ALLOWED = {
    "API",  # Hebrew writes the acronym in Latin letters (the Contribute page's privacy note)
    "Collective",
    "Impact",
    "Kania",
    "Kramer",
    "FSG",
    "Stanford",
    "Social",
    "Innovation",
    "Review",
    "Shitufim",
    "Sheatufim",
    "Tamarack",
    "Institute",
    "Vibrant",
    "Communities",
    "StriveTogether",
    "GeoNames",
    "CSV",
    "GeoJSON",
    "XLSX",
    "Excel",
    "HTML",
    "PNG",
    "SVG",
    "ZIP",
    "UTF",
    "BOM",
    "ABOUT",
    "txt",
    "CC",
    "BY",
    "README",
    "md",
    "data",
    "Natural",
    "Earth",
    "OpenStreetMap",
    "CARTO",
    "Positron",
    "English",
    "Tab",  # key names, as printed on keyboards (and on a presenter's remote)
    "Enter",
    "Escape",
    "Page",
    "Up",
    "Down",
    "Home",
    "End",
    "source",  # a CSV column name: it stays English for machines
}


def run_in_hebrew(page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "he"
    at.run()
    if page is not None:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def interface_texts(at: AppTest) -> list[str]:
    """Every interface text on the page (not data cells, code blocks or the map)."""
    texts = [
        e.value
        for kind in (
            "title",
            "header",
            "subheader",
            "caption",
            "markdown",
            "info",
            "success",
            "warning",
            "error",
        )
        for e in getattr(at, kind)
    ]
    for kind in (
        "multiselect",
        "slider",
        "text_input",
        "button",
        "number_input",
        "checkbox",
        "radio",
        "selectbox",
    ):
        texts.extend(widget.label for widget in getattr(at, kind))
    return [text for text in texts if not text.lstrip().startswith("<style")]


def english_words(texts: list[str]) -> set[str]:
    words = set()
    for text in texts:
        text = re.sub(r"https?://\S+", "", text)  # links are not words
        text = re.sub(r"`[^`]*`", "", text)  # code (a column, an API path) is not words
        text = re.sub(r"<[^>]+>", "", text)  # our own HTML wrappers
        text = re.sub(r":material/\w+:|:\w+-badge\[", "", text)  # icon and badge markup
        words.update(w.strip("'’-") for w in LATIN_WORD.findall(text))
    return {w for w in words if w and w not in ALLOWED}


def data_texts(at: AppTest) -> set[str]:
    """Texts that are data, shown as written: the named networks' roster notes (English)."""
    notes = [e for e in at.expander if e.label == t("network.coverage_notes", "he")]
    return {m.value for e in notes for m in e.markdown}


@pytest.mark.parametrize("page", [None, *PAGES], ids=["map", *PAGES])
def test_every_page_is_hebrew(page):
    at = run_in_hebrew(page)
    data = data_texts(at)
    texts = [text for text in interface_texts(at) if text not in data]
    assert any(HEBREW.search(text) for text in texts)
    assert english_words(texts) == set()


def test_titles_are_hebrew():
    assert run_in_hebrew().title[0].value == t("app.title", "he")
    assert run_in_hebrew("pages/charts.py").title[0].value == t("charts.heading", "he")
    assert run_in_hebrew("pages/about.py").title[0].value == t("about.heading", "he")


def test_sidebar_count_and_caption_are_hebrew(organisations):
    at = run_in_hebrew()
    count = t("count.shown_of_total", "he", shown=len(organisations), n=len(organisations))
    assert any(count in m.value for m in at.sidebar.markdown)
    assert at.sidebar.multiselect(key="atlas_w_roles").label == t("sidebar.role", "he")
    assert at.sidebar.multiselect(key="atlas_w_roles").format_func("funding") == "מימון"


def test_language_stays_in_the_url():
    at = run_in_hebrew()
    at.sidebar.multiselect(key="atlas_w_roles").select("funding").run()
    assert at.query_params["lang"] == "he"
    assert at.query_params["role"] == "funding"
