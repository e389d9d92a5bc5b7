"""The map in a page: a stable base map, the organisations as a swappable layer, details."""

from __future__ import annotations

import contextlib
import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from mapping import details, maps, standalone, timeline
from mapping.frame import Frame
from mapping.i18n import Message
from mapping.provenance import Provenance
from mapping.safety import escape_html, escape_markdown
from mapping.ui import folium_component, history
from mapping.ui.language import _, shown
from mapping.ui.sidebar import filters_were_reset, follow_map_year
from mapping.view import ORG_ZOOM, VIEW_PARAMS, MapView

_VIEW = "atlas_map_view"
_INITIAL_VIEW = "atlas_map_initial_view"
MAP_HEIGHT = 640


@dataclass(frozen=True)
class Timeline:
    """A year control on the map: the years it steps through and how.

    ``captions`` (one per year) default to "By YEAR: N organisations in M
    countries"; a presenter timeline plays at once with large captions and
    steps with the keyboard.
    """

    years: tuple[int, ...]
    captions: tuple[str, ...] | None = None
    seconds: float = timeline.DEFAULT_SECONDS
    presenter: bool = False


def home_timeline(frame: Frame) -> Timeline:
    """The home map's years: from the dataset's first start (or the link's year) to this year."""
    return Timeline(tuple(timeline.view_years(frame.all, frame.filters.asof)))


def standalone_html(frame: Frame, notes: Provenance) -> str:
    """The view's map as one offline HTML file, with the home map's year control.

    The file opens at the view's as-of year (``notes`` says which, and how many
    undated organisations that leaves out) and can play or pick any other year,
    as the home map does; above ``maps.AGGREGATE_ABOVE`` organisations it shows
    the view's counts by country, without years.
    """
    return standalone.view_map_html(
        frame.all, frame.dataset.links, frame.filters, notes, language=frame.lang
    )


SKIP_TARGET = "atlas-after-map"
SKIP_LINK_HTML = """<a class="atlas-skip-link" href="#{target}">{label}</a>
<style>
.atlas-skip-link {{ position: absolute; inset-inline-start: -10000px; }}
.atlas-skip-link:focus {{ position: static; display: inline-block; padding: 4px 10px;
  background: #fff; color: #005a8c; outline: 3px solid #0072B2; border-radius: 4px; }}
</style>"""


def skip_map_link() -> None:
    """A "Skip the map" link for keyboard users, shown when it has the focus.

    The same element starts fetching the map frame's scripts while the map's data is on
    its way (``folium_component.preload_script``; no element of its own, no gap).
    """
    link = SKIP_LINK_HTML.format(target=SKIP_TARGET, label=escape_html(_("map.skip")))
    st.html(link + folium_component.preload_script(), unsafe_allow_javascript=True)


def map_footer() -> None:
    """Under the map: the same organisations as a list, and how to use the map.

    The note is where "Skip the map" lands. ("Zoom to results" is a button on the
    map itself, under the zoom buttons: it frames the results in the browser.)
    """
    # Run on its own, outside app.py's navigation, the map page has no other pages to link.
    with contextlib.suppress(StreamlitPageNotFoundError):
        st.page_link("pages/data.py", label=_("map.as_list"), icon=":material/table_rows:")
    st.html(
        f'<p id="{SKIP_TARGET}" tabindex="-1" class="atlas-map-note">'
        f"{escape_html(_('map.caption'))}</p>"
        "<style>.atlas-map-note { font-size: 0.875rem; color: #4a4a55; margin: 0; }</style>"
    )


def show_map(
    frame: Frame,
    height: int = MAP_HEIGHT,
    view: tuple[tuple[float, float], float] | None = None,
    key: str = "atlas_map",
    sync_url: bool = False,
    years: Timeline | None = None,
    presenter: bool = False,
) -> None:
    """Render the map: a stable base map plus the organisations sent as a separate layer.

    The base map's script never changes, so ``st_folium`` keeps the same map
    when filters change: only the organisations layer is swapped and the
    user's zoom and centre survive. The view is fitted to the results once per
    session (and on "Zoom to results"), or set by ``view`` (a presenter
    scene); panning never re-runs the app. With ``sync_url`` (the home map) a
    link's ``lat``/``lon``/``zoom``/``org`` open the map there, and the
    browser keeps them in the URL as the user pans and opens organisations.
    With ``years`` the map gets a year control: it ships every year's
    organisations and shows those of the view's ``asof`` year (or all), and
    stepping through the years never re-runs the app; where the visitor leaves
    it (home map) becomes the view's ``asof``, for every page and download.
    A new set of results is framed in the browser unless the visitor has moved
    the map since (``maps.FIT_MODES``); "Reset filters" brings the whole world
    back. ``presenter`` draws the map for a hall (the Present page).
    """
    full = frame
    if years is not None:
        frame = frame.without_asof
    view_key, initial_key = f"{_VIEW}:{key}", f"{_INITIAL_VIEW}:{key}"
    org_key = f"{_ORG}:{key}"
    first_render = initial_key not in st.session_state
    selected = None
    from_link = False
    if sync_url and first_render:
        link_view, selected = _view_from_link(frame)
        from_link = link_view.has_view or selected is not None
        st.session_state[org_key] = link_view.org
        if link_view.has_view:
            st.session_state[view_key] = (link_view.centre, link_view.zoom)
        elif selected is not None:
            row = frame.shown.iloc[selected]
            st.session_state[view_key] = ((row["latitude"], row["longitude"]), ORG_ZOOM)
    if view is not None:
        st.session_state[view_key] = view
    elif view_key not in st.session_state:
        st.session_state[view_key] = maps.initial_view(full.shown, height_px=height)
    # The base map opens at the session's first view and never changes after it;
    # later views ("Zoom to results", the next scene) travel as center/zoom,
    # which move the map without rebuilding it.
    initial = st.session_state.setdefault(initial_key, st.session_state[view_key])
    centre, zoom = st.session_state[view_key]
    if maps.is_aggregated(frame.shown):
        st.info(_("map.aggregated", count=len(frame.shown), limit=maps.AGGREGATE_ABOVE))
    details_in_popups = len(frame.shown) <= maps.DETAIL_LIMIT
    fit = "none" if view is not None else _fit_mode(key, frame, from_link)
    options = _LayerOptions(details_in_popups, sync_url, selected, years, full.filters.asof, fit)
    clicked = folium_component.show(
        view=initial,
        lang=frame.lang,
        aggregated=maps.is_aggregated(frame.shown),
        script=_layer_script(frame, options),
        centre=centre,
        zoom=zoom,
        height=height,
        # Panning never re-runs the app; a marker click does only when the
        # popups are too lean to hold the details.
        returned=()
        if details_in_popups
        else ("last_object_clicked", "last_object_clicked_tooltip"),
        key=key,
        presenter=presenter,
        on_change=_follow_year if sync_url and years is not None else None,
    )
    if not details_in_popups:
        row = _clicked_row(frame, clicked or {}, org_key)
        if sync_url:
            _write_org(None if row is None else str(row["id"]))
        show_details(frame, row)


@dataclass(frozen=True)
class _LayerOptions:
    """How a map shows its organisations (with the filters and language, its layer's key)."""

    details: bool
    sync_url: bool
    selected: int | None
    years: Timeline | None
    asof: int | None
    fit: str


_FIT = "atlas_map_fit"


def _fit_mode(key: str, frame: Frame, from_link: bool) -> str:
    """How the map frames its organisations layer this run (``maps.FIT_MODES``).

    A link's view stands until the filters change; a change of filters frames
    the new results (unless the visitor moved the map: the browser knows);
    "Reset filters" frames the whole world. The mode is kept while the filters
    stay the same, so reruns for anything else leave the layer (and the view) be.
    The as-of year is not a change: the map shows every year's organisations.
    """
    shown = tuple(sorted(dataclasses.replace(frame.filters, asof=None).to_query_params().items()))
    before = st.session_state.get(f"{_FIT}:{key}")
    if before is not None and before[0] == shown:
        return before[1]
    if before is None:
        mode = "none" if from_link else "results"
    else:
        mode = "world" if filters_were_reset() and not shown else "results"
    st.session_state[f"{_FIT}:{key}"] = (shown, mode)
    return mode


def _follow_year(value: dict) -> None:
    """The home map's year control settled on a year (or on all years): the view follows."""
    report = value.get("atlas") if isinstance(value, dict) else None
    if isinstance(report, dict) and "asof" in report:
        follow_map_year(report["asof"])


def _layer_script(frame: Frame, options: _LayerOptions) -> str:
    """The organisations layer's script; shared by sessions showing the same view of shared data."""
    if frame.version is None:
        return _build_layer_script(frame, options)
    view = tuple(sorted(frame.filters.to_query_params().items()))
    return _shared_layer_script(frame.version, view, frame.lang, options, frame)


def _build_layer_script(frame: Frame, options: _LayerOptions) -> str:
    """The organisations layer's script: the shown organisations, their links, their years."""
    control = None
    years = options.years
    if years is not None and not maps.is_aggregated(frame.shown):
        control = timeline.timeline_payload(
            frame.shown,
            years.years,
            frame.lang,
            captions=years.captions,
            initial=options.asof,
            seconds=years.seconds,
            presenter=years.presenter,
        )
    layer = maps.organisations_layer(
        frame.shown,
        details=options.details,
        lang=frame.lang,
        sync_url=options.sync_url,
        selected=options.selected,
        links=frame.links,
        timeline=control,
        # The home map's details offer "Suggest a correction" (a presenter's scenes do not).
        suggest=maps.suggest_action(frame.lang) if options.sync_url else None,
        linked=frame.linked,
        fit=options.fit,
    )
    return folium_component.layer_script(layer)


# A new visitor usually opens a view someone opened before (the default map, a
# shared link): at 100,000 organisations encoding it costs about 0.25 s.
@st.cache_resource(show_spinner=False, max_entries=32)
def _shared_layer_script(
    version: str, view: tuple, lang: str, options: _LayerOptions, _frame: Frame
) -> str:
    """Build a layer's script once per (data version, filters, language, options)."""
    del version, view, lang  # the cache key: they determine _frame's rows and language
    return _build_layer_script(_frame, options)


_ORG = "atlas_map_org"


def _view_from_link(frame: Frame) -> tuple[MapView, int | None]:
    """Read the map view from the URL; return it and the position of its organisation, if shown."""
    params = {name: st.query_params.get_all(name) for name in VIEW_PARAMS}
    link_view, notices = MapView.parse_query_params(params)
    selected = _position(frame.shown, link_view.org)
    if link_view.org in frame.dataset.removed:  # a permalink outlives its organisation
        history.removed_notice(frame.dataset.removed[link_view.org])
    elif link_view.org and selected is None:
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
    with st.container(border=True, key="atlas_details"):
        name = maps.display_names(row.to_frame().T, frame.lang)[0]
        st.subheader(escape_markdown(name), anchor=False)
        # HTML, not a Markdown table: Markdown escapes would end up inside the addresses.
        st.html(
            details.details_html(
                row, frame.lang, frame.links, frame.names, linked=frame.filters.linked
            )
        )
        history.show_history(str(row["id"]))
        suggest_correction_link(str(row["id"]))


def suggest_correction_link(org: str) -> None:
    """The "Suggest a correction" link: the Contribute page with this organisation chosen."""
    with contextlib.suppress(StreamlitPageNotFoundError):  # a page run outside app.py
        st.page_link(
            "pages/contribute.py",
            label=_("detail.suggest"),
            icon=":material/edit:",
            query_params={"kind": "correction", "org": org},
        )
