"""Setting a page up: its configuration, navigation, language switch, data and sidebar."""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from mapping import assets
from mapping.frame import Frame
from mapping.provenance import load_metadata
from mapping.safety import escape_markdown
from mapping.ui import signin
from mapping.ui.dataset import dataset_or_stop
from mapping.ui.embed import embed_action, embed_frame, embed_header, embedded
from mapping.ui.language import _, apply_direction, language_switch, shown
from mapping.ui.share import share_action
from mapping.ui.sidebar import sidebar_frame
from mapping.ui.upload import active_dataset

FAVICON = "🗺️"


PAGES = (
    # Material Symbols ship with Streamlit, so the icons show offline (unlike emoji fonts).
    ("pages/map.py", "map", ":material/public:"),
    ("pages/charts.py", "charts", ":material/bar_chart:"),
    ("pages/data.py", "data", ":material/table_view:"),
    ("pages/network.py", "network", ":material/hub:"),
    ("pages/present.py", "present", ":material/slideshow:"),
    ("pages/contribute.py", "contribute", ":material/edit_note:"),
    ("pages/about.py", "about", ":material/info:"),
)
REVIEW_PAGE = ("pages/review.py", "review", ":material/fact_check:")


def navigation_links() -> None:
    """The page links at the top of the sidebar, in the page's language.

    Streamlit's own page list is hidden (``client.showSidebarNavigation``):
    a page opened by its URL would otherwise list the files of ``pages/``.
    """
    # Review only for a signed-in moderator: one query, never for a signed-out visitor.
    review = (REVIEW_PAGE,) if signin.signed_in() and signin.is_moderator() else ()
    with st.sidebar:
        for path, key, icon in (*PAGES, *review):
            try:
                st.page_link(path, label=_(f"page.{key}"), icon=icon)
            except StreamlitPageNotFoundError:
                return  # a page run on its own, outside app.py's navigation: no links


@st.cache_resource(show_spinner=False)
def _install_assets_once() -> None:
    """Copy the map assets into ``static/`` once per server process."""
    assets.install_static_assets()


@st.cache_data(show_spinner=False)
def metadata() -> dict:
    """Return the dataset's version, date, licence and citation (read once)."""
    return load_metadata()


def setup_page(page: str, sidebar: str = "auto") -> None:
    """Configure the page (``page`` is its key: map, charts, data, present, about).

    An embed (``?embed=true``) gets no page links and no language switch: it shows
    one view, in the language of its URL.
    """
    st.set_page_config(
        page_title=_("app.page_title", page=_(f"page.{page}")),
        # An emoji favicon is drawn locally; a Material icon favicon is fetched online.
        page_icon=FAVICON,
        layout="wide",
        initial_sidebar_state="collapsed" if embedded() else sidebar,
    )
    _install_assets_once()
    apply_direction()
    if not embedded():
        navigation_links()
        language_switch()


def page_frame(page: str) -> Frame:
    """Set up a page: config, assets, data, shared sidebar; return the filtered frame.

    Opened as an embed, the page has no sidebar: the built-in data, filtered as its URL
    says.
    """
    setup_page(page)
    if embedded():
        return embed_frame(dataset_or_stop())
    dataset, label = active_dataset()
    if label:
        with st.sidebar:
            st.info(escape_markdown(shown(label)))
    return sidebar_frame(dataset, page)


def page_heading(frame: Frame, page: str, title: str) -> None:
    """A view's title with its "Embed" action, then its sentence; in an embed, its top line."""
    if embedded():
        embed_header(frame)
        return
    heading, action = st.columns([6, 1], vertical_alignment="bottom")
    heading.title(title)
    with action:
        embed_action(frame, page)
    show_caption(frame)


def show_caption(frame: Frame) -> None:
    """Show the view's sentence under a page title (user text rendered literally), and Share.

    The Share button sits here, at the top of every page of a view: on a phone
    the sidebar (and its copy-link box) starts folded away.
    """
    st.caption(escape_markdown(frame.caption))
    # Screen readers hear the new sentence after a filter change (a polite live region).
    st.html(assets.announce_script(frame.caption), unsafe_allow_javascript=True)
    share_action()
