"""Streamlit's fonts cut to what the app can show: the kept icons and letters still draw."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from streamlit import file_util

from mapping.fonts import FONT_PATH, TEXT_FONT, icon_names, icons, subset_font, subset_text_font

FRONTEND = Path(file_util.get_static_dir())
PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def font_file() -> Path:
    fonts = list((FRONTEND / "static" / "media").glob("*.woff2"))
    found = [p for p in fonts if p.name.startswith("MaterialSymbols-")]
    assert len(found) == 1, fonts  # Streamlit ships one Material Symbols font
    assert FONT_PATH.fullmatch(f"/static/media/{found[0].name}")
    return found[0]


@pytest.fixture(scope="module")
def names() -> frozenset[str]:
    return icon_names(FRONTEND, [PROJECT / "mapping", PROJECT / "pages"])


def test_the_names_cover_streamlits_icons_and_the_apps(names):
    # Streamlit's own: the sidebar's arrows, the expander's chevron, the toolbar's menu.
    for icon in ("keyboard_double_arrow_right", "keyboard_double_arrow_left", "expand_more"):
        assert icon in names
    # The app's page links and findings (mapping/ui/page.py, charts_page.py).
    for icon in ("public", "bar_chart", "table_view", "hub", "slideshow", "info", "check_circle"):
        assert icon in names


def test_the_subset_keeps_every_named_icon_and_drops_the_rest(font_file, names):
    original = font_file.read_bytes()
    cut = subset_font(original, names)
    assert len(cut) < len(original) / 4
    full, small = TTFont(io.BytesIO(original)), TTFont(io.BytesIO(cut))
    kept, every = set(icons(small)), set(icons(full))
    assert every & names <= kept  # each icon named (with its other names: the same glyph)
    assert len(kept) < len(every) / 4
    assert "rocket_launch" not in kept  # an icon nothing here uses
    # A kept icon is still made from its name, letter by letter, as the page writes it.
    cmap = small.getBestCmap()
    assert {chr(c) for c in cmap} >= set("abcdefghijklmnopqrstuvwxyz_0123456789")
    assert small["head"].unitsPerEm == full["head"].unitsPerEm


def test_an_icon_the_app_adds_is_kept(tmp_path, font_file):
    page = tmp_path / "page.py"
    page.write_text('st.page_link("x.py", icon=":material/rocket_launch:")\n')
    names = icon_names(FRONTEND, [page])
    cut = subset_font(font_file.read_bytes(), names)
    assert "rocket_launch" in icons(TTFont(io.BytesIO(cut)))


def test_the_text_font_keeps_latin_and_punctuation_and_leaves_the_rest():
    upright = next((FRONTEND / "static" / "media").glob("SourceSansVF-Upright*.woff2"))
    assert TEXT_FONT.fullmatch(upright.name)
    assert FONT_PATH.fullmatch(f"/static/media/{upright.name}")
    original = upright.read_bytes()
    cut = subset_text_font(original)
    assert len(cut) < len(original) * 0.7
    full, small = TTFont(io.BytesIO(original)), TTFont(io.BytesIO(cut))
    kept = set(small.getBestCmap())
    # Every letter of the shipped data written in Latin (accents, Vietnamese) and typography.
    for text in ("Zürich Łódź São Paulo Nguyễn", "“quotes” — dashes … €100 ≤ 5", "0123456789"):
        assert {ord(c) for c in text} <= kept, text
    assert ord("Ж") in set(full.getBestCmap()) - kept  # Cyrillic goes to the next font
    assert "fvar" in small  # still the variable font: every weight Streamlit asks for
    # The licence's Reserved Font Name is not carried by the modified font; its licence is.
    names = {record.nameID: record.toUnicode() for record in small["name"].names}
    assert all("Source" not in text for key, text in names.items() if key not in (0, 13, 14))
    assert "Reserved Font Name" in names[0]
    assert "Open Font License" in names[13]
