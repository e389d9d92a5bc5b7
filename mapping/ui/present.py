"""The Present page: scenes for a conference screen, stepped by hand or automatically."""

from __future__ import annotations

import streamlit as st

from mapping.dataset import Dataset
from mapping.frame import Frame
from mapping.safety import escape_html, escape_markdown
from mapping.scenes import Scene, SceneError, load_scenes
from mapping.ui import network_page
from mapping.ui.language import _, lang, shown
from mapping.ui.world_map import Timeline, show_map

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


def show_scene(dataset: Dataset, scene: Scene, height: int = 720) -> None:
    """Show a scene: large title, the map at the scene's view, the caption computed from data."""
    language = lang()
    title = escape_html(scene.title_in(language))
    st.markdown(f'<p class="atlas-present-title">{title}</p>', unsafe_allow_html=True)
    frame = Frame.of(dataset, scene.filters, language)
    if scene.kind == "network":
        network_page.show_graph(frame, network_page.graph_view(frame, partners=False), False)
    elif scene.kind == "timeline":
        captions = tuple(
            scene.caption_for(dataset.organisations, language, dataset.links, year=year)
            for year in scene.years
        )
        years = Timeline(scene.years, captions, scene.seconds, presenter=True)
        show_map(
            frame, height=height, view=(scene.centre, scene.zoom), key="present_map", years=years
        )
        st.caption(_("present.timeline_keys"))
        return  # the year's caption is on the map, and changes with the year
    else:
        show_map(frame, height=height, view=(scene.centre, scene.zoom), key="present_map")
    caption = scene.caption_for(dataset.organisations, language, dataset.links)
    st.markdown(
        f'<p class="atlas-present-caption">{escape_html(caption)}</p>', unsafe_allow_html=True
    )
