"""The page's language: read from the URL and the session, messages, right-to-left layout."""

from __future__ import annotations

import streamlit as st

from mapping.i18n import (
    LANGUAGE_NAMES,
    LANGUAGES,
    Localised,
    LocalisedError,
    direction,
    parse_lang,
    t,
)

_LANG = "atlas_lang"


def lang() -> str:
    """The page's language: from the URL (``lang=he|en``), else this session's, else English.

    It is kept in the session too, because moving to another page clears the URL.
    """
    in_url = st.query_params.get_all("lang")
    if in_url:
        value = parse_lang(in_url)
        st.session_state[_LANG] = value
        return value
    value = st.session_state.get(_LANG, "en")
    if value != "en":
        st.query_params["lang"] = value
    return value


def _(key: str, **values: object) -> str:
    """Look up a message in the page's language."""
    return t(key, lang(), **values)


def shown(message: Localised | LocalisedError) -> str:
    """Render a message or a user-facing error for the screen, in the page's language.

    Embedded values (file names, cell values, numbers) are bidi-isolated in a
    right-to-left language, so they keep their order inside a Hebrew sentence.
    """
    language = lang()
    return message.render(language, isolate=direction(language) == "rtl")


# Streamlit draws captions faded (60% opacity: #828180, 3.9:1 on white); the atlas's
# sentences about a view are read, so they get #5c5c66 at full opacity, 6.6:1 (AA: 4.5:1).
READABLE_CSS = """
<style>
  [data-testid="stCaptionContainer"] { opacity: 1; }
  [data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p,
  [data-testid="stWidgetLabel"] [data-testid="stTooltipHoverTarget"] svg { color: #5c5c66; }
  /* Code blocks (the citation) wrap instead of scrolling sideways: nothing hides off-screen
     from a keyboard user, and nothing scrolls sideways on a phone. */
  /* On a phone the map leaves a third of the screen to scroll the page by. */
  @media (max-width: 640px) {
    iframe[title="streamlit_folium.st_folium"] { height: min(640px, 62vh) !important; }
  }
  [data-testid="stCode"] pre, [data-testid="stCode"] pre code {
    white-space: pre-wrap !important; overflow-wrap: anywhere !important; }
</style>
"""
RTL_CSS = """
<style>
  [data-testid="stSidebar"] label, [data-testid="stSidebar"] p,
  [data-testid="stMain"] p, [data-testid="stMain"] h1, [data-testid="stMain"] h2,
  [data-testid="stMain"] h3 { text-align: right; }
  /* Streamlit hides a collapsed sidebar by sliding it left, which right to left leaves it
     over the page (phones start collapsed): slide it off the right edge instead. */
  [data-testid="stSidebar"][data-collapsed="true"] { transform: translateX(100vw) !important; }
  /* Vega lays its own text out; inside it each label still reads right to left. */
  [data-testid="stVegaLiteChart"], [data-testid="stDataFrame"] { direction: ltr; }
</style>
"""


def apply_direction() -> None:
    """Lay the page out right to left in Hebrew (``dir`` on the document), else left to right.

    The script and CSS are constants: no data reaches them.
    """
    value = direction(lang())
    script = f"<script>document.documentElement.setAttribute('dir', '{value}');"
    script += f"document.documentElement.setAttribute('lang', '{lang()}');</script>"
    styles = READABLE_CSS + (RTL_CSS if value == "rtl" else "")
    st.html(script + styles, unsafe_allow_javascript=True)


def _set_language() -> None:
    """Language switch callback: keep the choice in the URL and the session."""
    choice = st.session_state["atlas_language"] or lang()
    st.session_state[_LANG] = choice
    st.query_params["lang"] = choice


def language_switch() -> None:
    """The Hebrew / English switch at the top of the sidebar."""
    current = lang()
    st.session_state["atlas_language"] = current
    with st.sidebar:
        st.segmented_control(
            _("language.label"),
            list(LANGUAGES),
            format_func=LANGUAGE_NAMES.get,
            key="atlas_language",
            on_change=_set_language,
            label_visibility="collapsed",
        )
