"""The Present page: scenes for a conference screen, driven by a remote, the mouse or a timer.

A presenter's remote sends Page Down / Page Up (some send → / ←): the keys work
wherever the focus is, the map's and the graph's frames included
(``mapping/assets/presenter.js``, a component with no body of its own). The
audience sees the scene only: the presenter's controls float over the top of
the screen while the mouse moves and hide a few seconds after it stops;
Streamlit's own menu (in English whatever the page's language) is not shown.
"""

from __future__ import annotations

import functools

import streamlit as st
import streamlit.components.v1 as components

from mapping import assets
from mapping.dataset import Dataset
from mapping.frame import Frame
from mapping.i18n import DEFAULT
from mapping.safety import escape_html, escape_markdown
from mapping.scenes import Scene, SceneError, load_scenes
from mapping.ui import network_page
from mapping.ui.language import _, lang, shown
from mapping.ui.share import QrCode, show_qr_codes, view_links
from mapping.ui.world_map import Timeline, show_map
from mapping.view import MapView

_SCENE = "atlas_scene"
_KEYS = "atlas_presenter_keys"  # the key component's value: {scene, seq, token}
_HANDLED = f"{_SCENE}:handled"  # the last key move the app has taken, echoed to the browser
CONTROLS_KEY = "atlas_present_controls"  # presenter.js looks for this container
QR_KEY = f"{_SCENE}:qr"  # the presenter's switch: the audience link's QR code beside the scene

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
    font-size: 1.2rem !important; color: #222; margin: 0;
  }
  /* The scene fills the screen; the controls float over its top edge. */
  [data-testid="stMainBlockContainer"] { padding-top: 1.25rem !important;
    padding-bottom: 0.5rem !important; }
  /* Streamlit's menu and "Running..." are in English on a Hebrew screen too: not here. */
  [data-testid="stMainMenu"], [data-testid="stStatusWidget"] { display: none !important; }
  [data-testid="stHeader"] { background: transparent; pointer-events: none; }
  [data-testid="stHeader"] button { pointer-events: auto; }
  /* Over Streamlit's header, beside its sidebar button (at the start of the line). */
  .st-key-atlas_present_controls {
    position: fixed; top: 0; inset-inline-start: 3.5rem; inset-inline-end: 0; z-index: 999991;
    padding: 0.6rem 2rem 0.3rem 1rem; background: rgba(255, 255, 255, 0.97);
    box-shadow: 0 2px 10px rgba(0, 0, 0, 0.25); transition: opacity 0.4s;
  }
  html.atlas-presenter-idle [data-testid="stHeader"],
  html.atlas-presenter-idle .st-key-atlas_present_controls:not(:has(:focus-visible)) {
    opacity: 0; pointer-events: none;
  }
  .st-key-atlas_present_controls [data-testid="stCaptionContainer"] p { font-size: 0.95rem; }
  /* The map takes the screen under the title and above the caption. */
  iframe[title="streamlit_folium.st_folium"] { height: max(28rem, calc(100vh - 12rem)) !important; }
  @media (prefers-reduced-motion: reduce) { .st-key-atlas_present_controls { transition: none; } }
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
    # Written only when it changes: a rewrite of the same value could reach the browser
    # after a later key press and turn its address back.
    if st.query_params.get("scene") != ids[index]:
        st.query_params["scene"] = ids[index]
    st.session_state[f"{_SCENE}:written"] = ids[index]
    return index


def _step(delta: int, count: int) -> None:
    """Move to another scene (button callback; the buttons and the timer go round)."""
    st.session_state[_SCENE] = (st.session_state.get(_SCENE, 0) + delta) % count


def _go(index: int) -> None:
    """Move to scene ``index`` (button callback)."""
    st.session_state[_SCENE] = index


def key_move(value: object, ids: list[str]) -> tuple[int | None, dict | None]:
    """Read the key component's value: the scene index it asks for, and what to echo back.

    The value comes from the browser: anything but ``{scene, seq, token}`` with a
    known scene is ignored (the echo still lets the browser stop waiting).

    >>> key_move({"scene": "b", "seq": 3, "token": "x1"}, ["a", "b"])
    (1, {'seq': 3, 'token': 'x1'})
    >>> key_move({"scene": "zz", "seq": 4, "token": "x1"}, ["a", "b"])
    (None, {'seq': 4, 'token': 'x1'})
    >>> key_move("nonsense", ["a", "b"])
    (None, None)
    """
    if not isinstance(value, dict):
        return None, None
    seq, token = value.get("seq"), value.get("token")
    echo = None
    if isinstance(seq, int) and not isinstance(seq, bool) and isinstance(token, str):
        echo = {"seq": seq, "token": token[:40]}
    scene = value.get("scene")
    return (ids.index(scene) if scene in ids else None), echo


@functools.cache
def _keys_component():
    """The presenter's keys: a component frame with no body (declared once)."""
    return components.declare_component("atlas_presenter", path=str(assets.PRESENTER_FRAME))


def scene_controls(deck: list[Scene], index: int) -> None:
    """Draw the presenter's controls: first / previous / next / last, auto-advance, key hints."""
    st.markdown(PRESENTER_CSS, unsafe_allow_html=True)  # constant CSS, no data
    count, ids = len(deck), [scene.id for scene in deck]

    def moved_by_keys() -> None:
        wanted, echo = key_move(st.session_state.get(_KEYS), ids)
        st.session_state[_HANDLED] = echo
        if wanted is not None:
            st.session_state[_SCENE] = wanted

    with st.container(key=CONTROLS_KEY):
        first, previous, step, following, last, auto = st.columns(
            [1, 1.3, 1.6, 1.3, 1, 2], vertical_alignment="center"
        )
        first.button(
            _("present.first"), on_click=_go, args=(0,), width="stretch", disabled=index == 0
        )
        previous.button(_("present.previous"), on_click=_step, args=(-1, count), width="stretch")
        following.button(_("present.next"), on_click=_step, args=(1, count), width="stretch")
        last.button(
            _("present.last"),
            on_click=_go,
            args=(count - 1,),
            width="stretch",
            disabled=index == count - 1,
        )
        position = escape_html(_("present.position", index=index + 1, count=count))
        step.markdown(f'<p class="atlas-present-step">{position}</p>', unsafe_allow_html=True)
        seconds = auto.number_input(_("present.auto_advance"), 0, 600, 0, step=5)
        hint = "present.keys_timeline" if deck[index].kind == "timeline" else "present.keys"
        keys, qr = st.columns([4, 1], vertical_alignment="center")
        keys.caption(_(hint))
        qr.toggle(_("present.qr_toggle"), key=QR_KEY)
        _keys_component()(
            ids=ids,
            index=index,
            handled=st.session_state.get(_HANDLED),
            text={"blank": _("present.blank")},
            key=_KEYS,
            default=None,
            on_change=moved_by_keys,
            height=0,
        )
    if seconds:
        _auto_advance(int(seconds), count)


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


def show_scene(dataset: Dataset, scene: Scene, height: int = 720) -> None:
    """Show a scene: large title, the map (or graph) at the scene's view, the caption from data.

    With the presenter's QR switch on, the audience link's code stands beside the scene.
    """
    title = escape_html(scene.title_in(lang()))
    st.markdown(f'<p class="atlas-present-title">{title}</p>', unsafe_allow_html=True)
    if not st.session_state.get(QR_KEY):
        _scene_body(dataset, scene, height)
        return
    body, codes = st.columns([2, 1], gap="large")
    with body:
        _scene_body(dataset, scene, height)
    with codes:
        audience_qr(scene)


def _scene_body(dataset: Dataset, scene: Scene, height: int) -> None:
    """The scene's map (or graph) at its view, and its caption from the data."""
    language = lang()
    frame = Frame.of(dataset, scene.filters, language)
    view = (scene.centre, scene.zoom)
    if scene.kind == "network":
        graph = network_page.graph_view(frame, partners=False)
        network_page.show_graph(frame, graph, False, presenter=True)
    elif scene.kind == "timeline":
        captions = tuple(
            scene.caption_for(dataset.organisations, language, dataset.links, year=year)
            for year in scene.years
        )
        years = Timeline(scene.years, captions, scene.seconds, presenter=True)
        show_map(frame, height=height, view=view, key="present_map", years=years, presenter=True)
        return  # the year's caption is on the map, and changes with the year
    else:
        show_map(frame, height=height, view=view, key="present_map", presenter=True)
    caption = scene.caption_for(dataset.organisations, language, dataset.links)
    st.markdown(
        f'<p class="atlas-present-caption">{escape_html(caption)}</p>', unsafe_allow_html=True
    )


def audience_qr(scene: Scene) -> None:
    """The scene's audience link as a QR code large enough for a hall, and the full link's.

    The link opens the scene's map (its filters, centre and zoom, the page's language)
    on a phone as one light page (``/audience``); the smaller code opens the full atlas
    at the same view.
    """
    query = dict(scene.filters.to_query_params())
    if lang() != DEFAULT:
        query["lang"] = lang()
    query.update(MapView(scene.centre, scene.zoom).to_query_params())
    audience, full = view_links(query)
    if audience:
        codes = [
            QrCode(_("present.qr_title"), audience, 520),
            QrCode(_("present.qr_full"), full, 200),
        ]
        show_qr_codes(codes, large=True)
