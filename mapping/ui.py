"""The Streamlit adapter: the only module of ``mapping`` that imports Streamlit.

Pages stay thin: ``page_frame`` sets the page up, loads the (cached) dataset,
draws the shared sidebar and returns the filtered frame; the page then calls a
pure builder and renders it. The filter state lives in ``st.query_params`` so
every view is a shareable link.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from urllib.parse import urlencode

import geopandas as gpd
import numpy as np
import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from mapping import assets, maps, vocab
from mapping.data import COLUMNS, DatasetError, dataset_path, load_organisations
from mapping.filters import PARAMS, Filters
from mapping.i18n import (
    LANGUAGE_NAMES,
    LANGUAGES,
    Localised,
    LocalisedError,
    Message,
    category_label,
    country_names,
    direction,
    parse_lang,
    t,
)
from mapping.provenance import Provenance, load_metadata
from mapping.safety import escape_html, escape_markdown, safe_url
from mapping.scenes import Scene, SceneError, load_scenes
from mapping.upload import (
    FILE_TYPES,
    MAX_BYTES,
    MAX_ROWS,
    MODES,
    UploadError,
    UploadResult,
    display_report,
    merge_with_builtin,
    read_upload,
)
from mapping.view import VIEW_PARAMS, MapView

_STATE = "atlas_filters"
_WRITTEN = "atlas_written_params"
_WIDGET = "atlas_w_"


@dataclass(frozen=True)
class Frame:
    """What a page works with: the whole dataset, the filters and the matching rows."""

    all: gpd.GeoDataFrame
    filters: Filters
    shown: gpd.GeoDataFrame
    lang: str = "en"
    # The built-in (or ATLAS_DATA) file's version, for caches shared by all
    # sessions; None for a session's upload, which no other session may see.
    version: str | None = None

    @property
    def caption(self) -> str:
        """The human sentence for the current view, in the page's language."""
        return self.filters.describe(total=len(self.all), shown=len(self.shown), lang=self.lang)


_LANG = "atlas_lang"
FAVICON = "🗺️"


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


PAGES = (
    # Material Symbols ship with Streamlit, so the icons show offline (unlike emoji fonts).
    ("pages/map.py", "map", ":material/public:"),
    ("pages/charts.py", "charts", ":material/bar_chart:"),
    ("pages/data.py", "data", ":material/table_view:"),
    ("pages/present.py", "present", ":material/slideshow:"),
    ("pages/about.py", "about", ":material/info:"),
)


def navigation_links() -> None:
    """The page links at the top of the sidebar, in the page's language.

    Streamlit's own page list is hidden (``client.showSidebarNavigation``):
    a page opened by its URL would otherwise list the files of ``pages/``.
    """
    with st.sidebar:
        for path, key, icon in PAGES:
            try:
                st.page_link(path, label=_(f"page.{key}"), icon=icon)
            except StreamlitPageNotFoundError:
                return  # a page run on its own, outside app.py's navigation: no links


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


RTL_CSS = """
<style>
  [data-testid="stSidebar"] label, [data-testid="stSidebar"] p,
  [data-testid="stMain"] p, [data-testid="stMain"] h1, [data-testid="stMain"] h2,
  [data-testid="stMain"] h3 { text-align: right; }
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
    st.html(script + (RTL_CSS if value == "rtl" else ""), unsafe_allow_javascript=True)


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


@st.cache_resource(show_spinner=False)
def _install_assets_once() -> None:
    """Copy the map assets into ``static/`` once per server process."""
    assets.install_static_assets()


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(path: str, mtime_ns: int, size: int) -> gpd.GeoDataFrame:
    """Load a dataset once per file version; the result is shared and never mutated."""
    del mtime_ns, size  # part of the cache key only
    organisations = load_organisations(path)
    # Streamlit runs a full garbage collection after every script run, holding
    # the GIL, so the map's message waits in the send queue. With 100,000
    # organisations (and the gazetteer) in memory that took 0.5 s per page
    # load. These objects live as long as the server: exempt them from it.
    gc.freeze()
    return organisations


_VIEW = "atlas_map_view"
_INITIAL_VIEW = "atlas_map_initial_view"
MAP_HEIGHT = 640


def fit_map_to_results() -> None:
    """Ask the home map to frame the current results on the next run."""
    st.session_state.pop(f"{_VIEW}:atlas_map", None)


def show_map(
    frame: Frame,
    height: int = MAP_HEIGHT,
    view: tuple[tuple[float, float], float] | None = None,
    key: str = "atlas_map",
    sync_url: bool = False,
) -> None:
    """Render the map: a stable base map plus the organisations sent as a separate layer.

    The base map's script never changes, so ``st_folium`` keeps the same map
    when filters change: only the organisations layer is swapped and the
    user's zoom and centre survive. The view is fitted to the results once per
    session (and on "Zoom to results"), or set by ``view`` (a presenter
    scene); panning never re-runs the app. With ``sync_url`` (the home map) a
    link's ``lat``/``lon``/``zoom``/``org`` open the map there, and the
    browser keeps them in the URL as the user pans and opens organisations.
    """
    from streamlit_folium import st_folium

    view_key, initial_key = f"{_VIEW}:{key}", f"{_INITIAL_VIEW}:{key}"
    org_key = f"{_ORG}:{key}"
    first_render = initial_key not in st.session_state
    selected = None
    if sync_url and first_render:
        link_view, selected = _view_from_link(frame)
        st.session_state[org_key] = link_view.org
        if link_view.has_view:
            st.session_state[view_key] = (link_view.centre, link_view.zoom)
        elif selected is not None:
            row = frame.shown.iloc[selected]
            st.session_state[view_key] = ((row["latitude"], row["longitude"]), ORG_ZOOM)
    if view is not None:
        st.session_state[view_key] = view
    elif view_key not in st.session_state:
        st.session_state[view_key] = maps.initial_view(frame.shown, height_px=height)
    # The base map opens at the session's first view and never changes after it;
    # later views ("Zoom to results", the next scene) travel as center/zoom,
    # which move the map without rebuilding it.
    initial = st.session_state.setdefault(initial_key, st.session_state[view_key])
    centre, zoom = st.session_state[view_key]
    if maps.is_aggregated(frame.shown):
        st.info(_("map.aggregated", count=len(frame.shown), limit=maps.AGGREGATE_ABOVE))
    details_in_popups = len(frame.shown) <= maps.DETAIL_LIMIT
    clicked = st_folium(
        maps.base_map(view=initial, lang=frame.lang),
        feature_group_to_add=_organisations_layer(frame, details_in_popups, sync_url, selected),
        layer_control=maps.layer_control(),
        center=centre,
        zoom=zoom,
        height=height,
        use_container_width=True,
        # Panning never re-runs the app; a marker click does only when the
        # popups are too lean to hold the details.
        returned_objects=[]
        if details_in_popups
        else ["last_object_clicked", "last_object_clicked_tooltip"],
        key=key,
    )
    if not details_in_popups:
        row = _clicked_row(frame, clicked or {}, org_key)
        if sync_url:
            _write_org(None if row is None else str(row["id"]))
        show_details(frame, row)


def _organisations_layer(frame: Frame, details: bool, sync_url: bool, selected: int | None):
    """The organisations layer; its encoded data is shared by sessions showing the same view."""
    if frame.version is None or maps.is_aggregated(frame.shown):
        data = None
    else:
        view = tuple(sorted(frame.filters.to_query_params().items()))
        data = _encoded_organisations(frame.version, view, frame.lang, details, sync_url, frame)
    return maps.organisations_layer(
        frame.shown,
        details=details,
        lang=frame.lang,
        sync_url=sync_url,
        selected=selected,
        encoded=data,
    )


# A new visitor usually opens a view someone opened before (the default map, a
# shared link): at 100,000 organisations encoding it costs about 0.25 s.
@st.cache_resource(show_spinner=False, max_entries=16)
def _encoded_organisations(
    version: str, view: tuple, lang: str, details: bool, ids: bool, _frame: Frame
) -> str:
    """Encode the shown organisations once per (data version, filters, language, options)."""
    del version, view  # the cache key: they determine _frame.shown
    payload = maps.organisations_payload(_frame.shown, details=details, lang=lang, ids=ids)
    return maps.encode_payload(payload)


_ORG = "atlas_map_org"
# Zoom for a link that names an organisation but no view: its town and surroundings.
ORG_ZOOM = 9.0


def _view_from_link(frame: Frame) -> tuple[MapView, int | None]:
    """Read the map view from the URL; return it and the position of its organisation, if shown."""
    params = {name: st.query_params.get_all(name) for name in VIEW_PARAMS}
    link_view, notices = MapView.parse_query_params(params)
    selected = _position(frame.shown, link_view.org)
    if link_view.org and selected is None:
        notices.append(Message("view.notice.org_not_shown", org=link_view.org))
    for notice in notices:
        st.toast(escape_markdown(shown(notice)), icon="⚠️")
    return link_view, selected


def _clicked_row(frame: Frame, clicked: dict, org_key: str) -> pd.Series | None:
    """The organisation to detail: the last marker clicked, else the one the link named."""
    name = clicked.get("last_object_clicked_tooltip")
    if name:
        return maps.find_clicked(frame.shown, name, clicked.get("last_object_clicked"))
    position = _position(frame.shown, st.session_state.get(org_key, ""))
    return None if position is None else frame.shown.iloc[position]


def _position(gdf: pd.DataFrame, org: str) -> int | None:
    """The row position of the organisation with id ``org`` in ``gdf``, or None."""
    matches = np.flatnonzero(gdf["id"].astype(str).to_numpy() == org) if org else []
    return int(matches[0]) if len(matches) else None


def _write_org(org: str | None) -> None:
    """Name the organisation whose details are shown in the URL (or remove it)."""
    if org:
        if st.query_params.get("org") != org:
            st.query_params["org"] = org
    elif "org" in st.query_params:
        del st.query_params["org"]


def show_details(frame: Frame, row: pd.Series | None) -> None:
    """Show the full record of one organisation under the map (or how to choose one)."""
    if row is None:
        st.caption(_("map.details_prompt"))
        return
    with st.container(border=True):
        name = maps.display_names(row.to_frame().T, frame.lang)[0]
        st.subheader(escape_markdown(name), anchor=False)
        # st.table renders Markdown in cells: data must be escaped to show as text.
        details = maps.details_rows(row, frame.lang)
        rows = [(label, escape_markdown(text)) for label, text in details]
        st.table(pd.DataFrame(rows, columns=["", _("map.details_heading")]).set_index(""))


def permalink() -> str:
    """Return the absolute link to this exact view (every query parameter), or "" if unknown."""
    base = st.context.url or ""
    if not safe_url(base):
        return ""
    query = urlencode(st.query_params.to_dict(), safe=",")
    return base.split("?", 1)[0].split("#", 1)[0] + (f"?{query}" if query else "")


def provenance(frame: Frame) -> Provenance:
    """Return how the current view was made, for exports."""
    return Provenance.from_view(
        frame.filters, shown=len(frame.shown), total=len(frame.all), permalink=permalink()
    )


def share_box() -> None:
    """Show the view's permalink with a copy button.

    The box and its button read the address bar when used, not this run's
    URL: the map keeps its centre, zoom and open organisation there without
    re-running the app (``mapping/assets/url.js``).
    """
    link = permalink()
    if not link:
        return
    st.caption(_("share.caption"))
    st.html(
        SHARE_HTML.format(
            link=escape_html(link),
            label=escape_html(_("share.label")),
            copy=escape_html(_("share.copy")),
            copied=escape_html(_("share.copied")),
        )
        + assets.url_keeper_script(),
        unsafe_allow_javascript=True,
    )


SHARE_HTML = """<style>
.atlas-share {{ display: flex; gap: .4rem; align-items: center; flex-wrap: wrap; }}
.atlas-share input {{ flex: 1 1 10rem; min-width: 0; font: inherit; font-size: .8rem;
  padding: .35rem .5rem; border: 1px solid rgba(49, 51, 63, .3); border-radius: .4rem;
  direction: ltr; background: transparent; color: inherit; }}
.atlas-share button {{ font: inherit; font-size: .85rem; padding: .35rem .8rem;
  border: 1px solid rgba(49, 51, 63, .3); border-radius: .4rem; background: white;
  color: inherit; cursor: pointer; }}
.atlas-share button:hover {{ border-color: #ff4b4b; color: #ff4b4b; }}
.atlas-share [role=status] {{ font-size: .8rem; flex-basis: 100%; min-height: 1.1em; }}
</style>
<div class="atlas-share">
<input type="text" readonly value="{link}" aria-label="{label}" onfocus="this.select()">
<button type="button" data-copied="{copied}">{copy}</button>
<span role="status" aria-live="polite"></span>
</div>"""


def show_caption(frame: Frame) -> None:
    """Show the view's sentence under a page title (user text rendered literally)."""
    st.caption(escape_markdown(frame.caption))


def load_dataset() -> gpd.GeoDataFrame:
    """Return the dataset named by ``ATLAS_DATA`` (or the shipped one), cached per file version."""
    return _versioned_dataset()[0]


def _versioned_dataset() -> tuple[gpd.GeoDataFrame, str]:
    """The dataset and its file version (path, modification time, size: what identifies it)."""
    path = dataset_path().resolve()
    stat = path.stat()
    version = (str(path), stat.st_mtime_ns, stat.st_size)
    return _load(*version), ":".join(map(str, version))


@st.cache_data(show_spinner=False)
def metadata() -> dict:
    """Return the dataset's version, date, licence and citation (read once)."""
    return load_metadata()


def setup_page(page: str, sidebar: str = "auto") -> None:
    """Configure the page (``page`` is its key: map, charts, data, present, about)."""
    st.set_page_config(
        page_title=_("app.page_title", page=_(f"page.{page}")),
        # An emoji favicon is drawn locally; a Material icon favicon is fetched online.
        page_icon=FAVICON,
        layout="wide",
        initial_sidebar_state=sidebar,
    )
    _install_assets_once()
    apply_direction()
    navigation_links()
    language_switch()


def dataset_or_stop() -> tuple[gpd.GeoDataFrame, str]:
    """Return the dataset and its version, or show why it cannot be loaded and stop the page."""
    try:
        return _versioned_dataset()
    except DatasetError as error:
        st.error(escape_markdown(_("load.error", error=shown(error))))
        st.stop()
    except OSError as error:
        path = error.filename or dataset_path()
        reason = error.strerror or type(error).__name__
        unreadable = Message("load.unreadable", path=str(path), reason=reason)
        st.error(escape_markdown(_("load.error", error=shown(unreadable))))
        st.stop()


def page_frame(page: str) -> Frame:
    """Set up a page: config, assets, data, shared sidebar; return the filtered frame."""
    setup_page(page)
    gdf, label, version = active_dataset()
    if label:
        with st.sidebar:
            st.info(escape_markdown(shown(label)))
    filters = sidebar_filters(gdf)
    return Frame(gdf, filters, filters.apply(gdf), lang(), version)


def _filters_from_url() -> tuple[Filters, list[str]]:
    """Parse the filter part of the current URL."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    return Filters.parse_query_params(params, other_keys=OTHER_PARAMS)


OTHER_PARAMS = ("lang", "zoom", "lat", "lon", "org", "scene")


def _current_filters() -> Filters:
    """Decide the filters of this run: from the URL on a new session or a new link, else kept."""
    url_params = {k: v for k, v in st.query_params.to_dict().items() if k in PARAMS.values()}
    fresh_session = _STATE not in st.session_state
    if fresh_session or (url_params and url_params != st.session_state.get(_WRITTEN)):
        filters, notices = _filters_from_url()
        for notice in notices:
            st.toast(escape_markdown(shown(notice)), icon="⚠️")
        st.session_state[_STATE] = filters
    return st.session_state[_STATE]


def _set_widgets(filters: Filters, first_year: int, last_year: int) -> None:
    """Put a ``Filters`` into the sidebar widgets' state (before they are drawn)."""
    for name in PARAMS:
        if name not in ("text", "years"):
            st.session_state[_WIDGET + name] = list(getattr(filters, name))
    st.session_state[_WIDGET + "text"] = filters.text
    low, high = filters.years
    low = first_year if low is None else min(max(low, first_year), last_year)
    high = last_year if high is None else max(min(high, last_year), low)
    st.session_state[_WIDGET + "years"] = (low, high)


def _write_url(filters: Filters) -> None:
    """Mirror the filters into the URL, keeping parameters that belong to other features."""
    wanted = filters.to_query_params()
    for key in PARAMS.values():
        if key not in wanted and key in st.query_params:
            del st.query_params[key]
    for key, value in wanted.items():
        if st.query_params.get(key) != value:
            st.query_params[key] = value
    st.session_state[_WRITTEN] = wanted


def _reset() -> None:
    """Reset button callback: clear every filter."""
    st.session_state[_STATE] = Filters()


def _widget_filters(first_year: int, last_year: int) -> Filters:
    """Build ``Filters`` from the sidebar widgets' current state."""
    state = st.session_state
    low, high = state.get(_WIDGET + "years", (first_year, last_year))
    return Filters(
        roles=state.get(_WIDGET + "roles", ()),
        countries=state.get(_WIDGET + "countries", ()),
        domains=state.get(_WIDGET + "domains", ()),
        world_regions=state.get(_WIDGET + "world_regions", ()),
        org_types=state.get(_WIDGET + "org_types", ()),
        scopes=state.get(_WIDGET + "scopes", ()),
        text=state.get(_WIDGET + "text", ""),
        years=(None if low <= first_year else low, None if high >= last_year else high),
    )


def sidebar_filters(gdf: gpd.GeoDataFrame) -> Filters:
    """Draw the shared filter sidebar and return the filters it holds.

    The widgets start from the URL (a shared link) and write every change back
    to it; the count "N of M organisations" is shown under them. The filters
    are kept in session state rather than in the widgets, because Streamlit
    drops a widget's state when another page is shown.
    """
    language = lang()
    names = country_names(language)
    years = gdf["year_started"].dropna()
    first_year, last_year = (int(years.min()), int(years.max())) if len(years) else (2000, 2026)
    current = _current_filters()
    _set_widgets(current, first_year, last_year)
    countries = sorted(
        set(gdf["country_code"]) | set(current.countries), key=lambda c: names.get(c, c)
    )

    def remember() -> None:
        st.session_state[_STATE] = _widget_filters(first_year, last_year)

    with st.sidebar:
        st.header(_("sidebar.heading"))
        st.text_input(_("sidebar.search"), key=_WIDGET + "text", on_change=remember)
        # (filter field, label key, options, vocabulary kind or None for countries)
        for name, label, options, kind in (
            ("roles", "sidebar.role", list(vocab.ROLES), "role"),
            ("countries", "sidebar.country", countries, None),
            ("domains", "sidebar.domain", list(vocab.DOMAINS), "domain"),
            ("world_regions", "sidebar.world_region", list(vocab.WORLD_REGIONS), "world_region"),
            ("org_types", "sidebar.org_type", list(vocab.ORG_TYPES), "org_type"),
            ("scopes", "sidebar.scope", list(vocab.SCOPES), "scope"),
        ):
            st.multiselect(
                _(label),
                options,
                format_func=(
                    (lambda code: names.get(code, code))
                    if kind is None
                    else (lambda value, kind=kind: category_label(kind, value, language))
                ),
                key=_WIDGET + name,
                placeholder=_("sidebar.placeholder"),
                on_change=remember,
            )
        st.slider(
            _("sidebar.year_started"),
            first_year,
            last_year,
            key=_WIDGET + "years",
            on_change=remember,
            help=_("sidebar.year_started_help"),
        )
        filters = _widget_filters(first_year, last_year)
        shown = int(filters.mask(gdf).sum())
        st.markdown(f"**{_('count.shown_of_total', shown=shown, n=len(gdf))}**")
        st.button(_("sidebar.reset"), on_click=_reset, width="stretch", disabled=filters.is_empty)
    st.session_state[_STATE] = filters
    _write_url(filters)
    with st.sidebar:
        share_box()
    return filters


TABLE_COLUMNS = (
    "name",
    "roles",
    "type",
    "domains",
    "scope",
    "city",
    "country",
    "region",
    "started",
    "network",
    "website",
    "description",
)


def table_for_display(gdf: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """Return the columns the Data page shows, labelled in ``language``, multi-valued joined."""
    names = country_names(language)
    columns = {
        "name": maps.display_names(gdf, language),
        # The same display text as the map's popups.
        "roles": maps.detail_column(gdf, "roles", language),
        "type": maps.detail_column(gdf, "org_type", language),
        "domains": maps.detail_column(gdf, "domains", language),
        "scope": maps.detail_column(gdf, "scope", language),
        "city": gdf["city"].to_numpy(),
        "country": [names.get(c, c) for c in gdf["country_code"]],
        "region": [category_label("world_region", r, language) for r in gdf["world_region"]],
        "started": gdf["year_started"].to_numpy(),
        "network": maps.detail_column(gdf, "network", language),
        "website": [safe_url(url) or None for url in gdf["website"]],
        "description": gdf["description"].to_numpy(),
    }
    return pd.DataFrame({t(f"column.{key}", language): columns[key] for key in TABLE_COLUMNS})


_SCENE = "atlas_scene"
PRESENTER_CSS = """
<style>
  [data-testid="stMarkdownContainer"] p.atlas-present-title {
    font-size: 2.8rem !important; font-weight: 800; color: #000;
    margin: 0 0 0.3rem; line-height: 1.15;
  }
  [data-testid="stMarkdownContainer"] p.atlas-present-caption {
    font-size: 1.9rem !important; font-weight: 600; color: #000;
    margin: 0.5rem 0 0; line-height: 1.3;
  }
  [data-testid="stMarkdownContainer"] p.atlas-present-step {
    font-size: 1.2rem !important; color: #222;
  }
</style>
"""


def scenes_or_stop() -> list[Scene]:
    """Return the presenter scenes, or show what is wrong with the scene file and stop."""
    try:
        return load_scenes()
    except SceneError as error:
        st.error(escape_markdown(_("present.error", error=shown(error))))
        st.stop()


def current_scene(deck: list[Scene]) -> int:
    """Return the index of the scene to show: from the URL (a shared link), else the session."""
    ids = [scene.id for scene in deck]
    wanted = st.query_params.get("scene")
    if wanted in ids and wanted != st.session_state.get(f"{_SCENE}:written"):
        st.session_state[_SCENE] = ids.index(wanted)
    index = st.session_state.get(_SCENE, 0) % len(deck)
    st.session_state[_SCENE] = index
    st.query_params["scene"] = ids[index]
    st.session_state[f"{_SCENE}:written"] = ids[index]
    return index


def _step(delta: int, count: int) -> None:
    """Move to another scene (button callback)."""
    st.session_state[_SCENE] = (st.session_state.get(_SCENE, 0) + delta) % count


def scene_controls(deck: list[Scene], index: int) -> None:
    """Draw Previous / Next, the position, and the auto-advance switch."""
    st.markdown(PRESENTER_CSS, unsafe_allow_html=True)  # constant CSS, no data
    previous, step, following, auto = st.columns([1, 2, 1, 2], vertical_alignment="center")
    previous.button(_("present.previous"), on_click=_step, args=(-1, len(deck)), width="stretch")
    following.button(_("present.next"), on_click=_step, args=(1, len(deck)), width="stretch")
    position = escape_html(_("present.position", index=index + 1, count=len(deck)))
    step.markdown(f'<p class="atlas-present-step">{position}</p>', unsafe_allow_html=True)
    seconds = auto.number_input(_("present.auto_advance"), 0, 600, 0, step=5)
    if seconds:
        _auto_advance(int(seconds), len(deck))


def _auto_advance(seconds: int, count: int) -> None:
    """Advance to the next scene every ``seconds`` while auto-advance is on."""

    @st.fragment(run_every=seconds)
    def tick() -> None:
        started = st.session_state.setdefault(f"{_SCENE}:tick", 0)
        st.session_state[f"{_SCENE}:tick"] = started + 1
        if started:  # the fragment's first run is the page's own run
            _step(1, count)
            st.rerun(scope="app")

    tick()


def show_scene(gdf: gpd.GeoDataFrame, scene: Scene, height: int = 720) -> None:
    """Show a scene: large title, the map at the scene's view, the caption computed from data."""
    language = lang()
    title = escape_html(scene.title_in(language))
    st.markdown(f'<p class="atlas-present-title">{title}</p>', unsafe_allow_html=True)
    frame = Frame(gdf, scene.filters, scene.filters.apply(gdf), language)
    show_map(frame, height=height, view=(scene.centre, scene.zoom), key="present_map")
    st.markdown(
        f'<p class="atlas-present-caption">{escape_html(scene.caption_for(gdf, language))}</p>',
        unsafe_allow_html=True,
    )


# Bring your own data ---------------------------------------------------------------------

_UPLOAD = "atlas_upload"
_UPLOAD_READ = "atlas_upload_read"
_COLUMN_MAP = "atlas_upload_columns"
# Also accepted: formats we refuse ourselves, so the user gets our explanation.
UPLOAD_TYPES = (*(suffix.lstrip(".") for suffix in FILE_TYPES), "xls", "ods")


def active_dataset() -> tuple[gpd.GeoDataFrame, Message | None, str | None]:
    """Return the data this session looks at, a short description and a version.

    The built-in data has no description and its file version (``Frame.version``).
    An upload lives only in its browser session (``st.session_state``): it is
    never written to disk and no other session sees it, so it has no shared
    version. Its description is a message, so it follows a change of language.
    """
    upload = st.session_state.get(_UPLOAD)
    if upload is None:
        organisations, version = dataset_or_stop()
        return organisations, None, version
    return upload["organisations"], upload["label"], None


def _use_upload(result: UploadResult, mode: str, name: str) -> None:
    """Button callback: make the upload this session's data."""
    if mode == "merge":
        organisations, duplicates = merge_with_builtin(load_dataset(), result.organisations)
        label = Message(
            "upload.active_merged",
            name=name,
            organisations=Message("count.organisations", n=len(organisations)),
            duplicates=Message("upload.duplicates_merged", n=duplicates),
        )
    else:
        organisations = result.organisations
        label = Message(
            "upload.active_replaced",
            name=name,
            organisations=Message("count.organisations", n=len(organisations)),
        )
    st.session_state[_UPLOAD] = {"organisations": organisations, "label": label}


def _clear_upload() -> None:
    """Button callback: go back to the built-in dataset."""
    st.session_state.pop(_UPLOAD, None)


def _read(name: str, data: bytes, file_id: str, fix_swapped: bool) -> UploadResult:
    """Read an upload once per (file, column mapping, fix) and keep it for this session."""
    column_map = st.session_state.get(_COLUMN_MAP, {}).get(file_id, {})
    key = (file_id, tuple(sorted(column_map.items())), fix_swapped)
    cached = st.session_state.get(_UPLOAD_READ)
    if cached is None or cached[0] != key:
        cached = (key, read_upload(name, data, column_map, fix_swapped=fix_swapped))
        st.session_state[_UPLOAD_READ] = cached
    return cached[1]


def _map_column(file_id: str, header: str, widget: str) -> None:
    """Select-box callback: remember the user's mapping of one header."""
    maps_by_file = st.session_state.setdefault(_COLUMN_MAP, {})
    choice = st.session_state[widget]
    maps_by_file.setdefault(file_id, {})[header] = None if choice == "(ignore)" else choice


def upload_panel() -> None:
    """The Data page's upload: read, map columns, report every row, then use or discard."""
    active = st.session_state.get(_UPLOAD)
    with st.expander(_("upload.expander"), expanded=active is not None):
        if active is not None:
            st.info(escape_markdown(shown(active["label"])))
            st.button(_("upload.back"), on_click=_clear_upload)
        file = st.file_uploader(
            _("upload.file_label", megabytes=MAX_BYTES // (1024 * 1024), rows=MAX_ROWS),
            type=list(UPLOAD_TYPES),
            key="atlas_upload_file",
        )
        if file is None:
            return
        fix_swapped = st.checkbox(_("upload.fix_swapped"))
        try:
            result = _read(file.name, file.getvalue(), file.file_id, fix_swapped)
        except UploadError as error:
            st.error(escape_markdown(shown(error)))
            return
        _upload_report(result, file.file_id)
        if result.loaded:
            mode = st.radio(
                _("upload.mode"), list(MODES), format_func=lambda m: _(f"upload.mode.{m}")
            )
            st.button(
                _("upload.show"),
                type="primary",
                on_click=_use_upload,
                args=(result, mode, file.name),
            )


def _upload_report(result: UploadResult, file_id: str) -> None:
    """Show what happened to every row, the column mapping, and the downloadable error report.

    The reports are rendered in the page's language on each run (the upload is
    read once), so switching the language re-words them without re-reading the file.
    """
    language = lang()
    isolate = direction(language) == "rtl"
    (st.success if not result.rejected else st.warning)(escape_markdown(result.summary(language)))
    if result.encoding is not None:
        encoding = Message(f"upload.encoding.{result.encoding}")
        st.caption(escape_markdown(shown(Message("upload.read_as", encoding=encoding))))
    if len(result.warning_problems):
        st.caption(_("upload.imprecise", n=len(result.warning_problems)))
        warnings = result.warnings_report(language, isolate=isolate)
        st.dataframe(display_report(warnings, language), hide_index=True, width="stretch")
    if result.swapped_rows:
        key = "upload.swapped_fixed" if result.fixed_swapped else "upload.swapped_unfixed"
        st.caption(_(key, n=len(result.swapped_rows)))
    if result.unmapped_columns:
        st.markdown(_("upload.unmapped"))
        for index, header in enumerate(result.unmapped_columns):
            widget = f"atlas_map_column_{index}"
            st.selectbox(
                escape_markdown(header),
                ["(ignore)", *COLUMNS],
                format_func=lambda c: (
                    _("upload.ignore_column") if c == "(ignore)" else _(f"upload.field.{c}")
                ),
                key=widget,
                on_change=_map_column,
                args=(file_id, header, widget),
            )
    if result.rejected:
        errors = result.report(language, isolate=isolate)
        st.dataframe(display_report(errors, language), hide_index=True, width="stretch")
        st.download_button(
            _("upload.download_errors"),
            # The CSV's texts are in the page's language, without bidi controls.
            data=result.errors_csv_bytes(language),
            file_name="upload-errors.csv",
            mime="text/csv",
        )


def table_column_title(key: str) -> str:
    """The Data table's title for one of ``TABLE_COLUMNS`` in the page's language."""
    return _(f"column.{key}")
