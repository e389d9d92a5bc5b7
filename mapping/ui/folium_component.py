"""streamlit-folium's map component, with its arguments built once and shared.

``st_folium`` renders the whole folium map to strings on every run (the base
map's script, header and links, the layer control, the added layer), about
15 ms per run; with a room of visitors opening the same link that was most of
a page run. The base map depends only on its first view and language, and an
organisations layer only on the data shown, so ``show`` builds each string
once, with streamlit-folium's own helpers, keeps it in a process-wide cache,
and hands the component the same arguments ``st_folium`` would
(``tests/test_folium_component.py`` holds it to that).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from types import MappingProxyType

import folium
import streamlit as st
import streamlit_folium

from mapping import assets, maps
from mapping.safety import script_json

# The keys of st_folium's returned-objects defaults this app can ask for.
_RETURNED = ("last_object_clicked", "last_object_clicked_tooltip")
# streamlit-folium names the first added layer this (its frontend adds it to the map).
_LAYER_INDEX = 0


def _links(atlas: folium.Map) -> tuple[list[str], list[str]]:
    """The style sheets and scripts of every element on the map, in st_folium's order."""
    css: list[str] = []
    js: list[str] = []
    stack = [atlas]
    while stack:
        element = stack.pop(0)
        if isinstance(element, folium.elements.JSCSSMixin):
            css.extend(href for _, href in getattr(element, "default_css", []))
            js.extend(src for _, src in getattr(element, "default_js", []))
        stack[:0] = list(getattr(element, "_children", {}).values())
    return list(dict.fromkeys(css)), list(dict.fromkeys(js))


@st.cache_resource(show_spinner=False, max_entries=64)
def _base_arguments(
    view: tuple[tuple[float, float], float],
    lang: str,
    aggregated: bool,
    key: str,
    presenter: bool = False,
) -> MappingProxyType:
    """The component arguments of a base map (first view, language, kind of layer, key, hall)."""
    atlas = maps.base_map(view=view, lang=lang, presenter=presenter)
    atlas.get_root().render()
    atlas.render()
    # In st_folium's order: the map's script renames the map that header and html name.
    html = streamlit_folium._get_html(atlas)
    header = maps.allow_page_zoom(streamlit_folium._get_header(atlas))
    script = streamlit_folium._get_map_string(atlas)
    arguments = {
        "script": script,
        "header": header,
        "html": html,
        "id": streamlit_folium.get_full_id(atlas),
        "key": streamlit_folium.generate_js_hash(script, key, False),
        "bounds": atlas.get_bounds(),
        "zoom": atlas.options.get("zoom"),
    }
    # The layer control lists the organisations layer, so it is built with one of
    # the same kind and name (its data does not reach the control).
    streamlit_folium._get_feature_group_string(
        maps.empty_layer(aggregated, lang), map=atlas, idx=_LAYER_INDEX
    )
    arguments["layer_control"] = streamlit_folium._get_layer_control_string(
        maps.layer_control(), atlas
    )
    arguments["css_links"], js_links = _links(atlas)
    arguments["js_links"] = assets.bundled(js_links)  # one request, not three in a row
    return MappingProxyType(arguments)


# streamlit-folium's page names its script: <script defer="defer" src="./static/js/main.X.js">
_FRAME_SCRIPT = re.compile(r'<script\b[^>]*\bsrc="\./(static/js/[^"]+\.js)"')
PRELOAD_JS = """<script>
(function (urls) {
  urls.forEach(function (url) {
    if (document.head.querySelector('link[rel="preload"][href="' + url + '"]')) { return; }
    var link = document.createElement("link");
    link.rel = "preload"; link.as = "script"; link.href = url;
    document.head.appendChild(link);
  });
})(%s);
</script>"""


@functools.cache
def frame_scripts() -> tuple[str, ...]:
    """The scripts the map's frame fetches one after another: streamlit-folium's, then the map's.

    Both are content-hashed (kept a year): fetched early by the page, they are in the
    browser's cache when the frame asks for them.
    """
    name = streamlit_folium._component_func.name
    page = Path(streamlit_folium.__file__).parent / "frontend" / "build" / "index.html"
    found = _FRAME_SCRIPT.findall(page.read_text(encoding="utf-8")) if page.is_file() else []
    own = assets.bundled([asset.url for asset in assets.SCRIPTS])
    return (*(f"/component/{name}/{path}" for path in found), *own)


def preload_script() -> str:
    """A ``<script>`` that starts fetching the map frame's scripts, before the map arrives.

    On a first visit the frame is made only when the map's element arrives (the last and
    largest message); it then fetches its scripts one after another. Fetched in parallel
    with that message instead, they are in the browser's cache when the frame asks.
    """
    return PRELOAD_JS % script_json(list(frame_scripts()))


def layer_script(layer: folium.FeatureGroup) -> str:
    """The script that adds ``layer`` to the component's map (streamlit-folium's format)."""
    return streamlit_folium._get_feature_group_string(
        layer, map=folium.Map(tiles=None), idx=_LAYER_INDEX
    )


def _defaults(base: MappingProxyType, returned: Sequence[str]) -> dict:
    """What the component returns before the user has interacted (as st_folium builds it)."""
    (south, west), (north, east) = base["bounds"]
    everything = dict.fromkeys(_RETURNED) | {
        "bounds": {
            "_southWest": {"lat": south, "lng": west},
            "_northEast": {"lat": north, "lng": east},
        },
        "zoom": base["zoom"],
    }
    return {name: value for name, value in everything.items() if name in returned}


def show(
    *,
    view: tuple[tuple[float, float], float],
    lang: str,
    aggregated: bool,
    script: str,
    centre: tuple[float, float],
    zoom: float,
    height: int,
    returned: Sequence[str],
    key: str,
    presenter: bool = False,
    on_change: Callable[[dict], None] | None = None,
) -> dict:
    """Show the map component: a base map at ``view`` with the layer ``script`` added.

    Parameters
    ----------
    view, lang, aggregated : the base map (first view, language, counts layer or points)
    script : str
        ``layer_script`` of the organisations layer.
    centre, zoom : where the map looks now (moves it without rebuilding it).
    height : int
        Pixels.
    returned : sequence of str
        The interactions that re-run the app (st_folium's ``returned_objects``).
    key : str
        The widget key (as for ``st_folium``).
    presenter : bool
        Draw the base map for a hall (``maps.base_map``).
    on_change : callable, optional
        Called with the component's new value when the browser sends one (the
        atlas layer sends ``{"atlas": {...}}`` when the view should change).

    Returns
    -------
    dict
        What ``st_folium`` returns.
    """
    base = _base_arguments(view, lang, aggregated, key, presenter)
    component_key = base["key"]

    def changed() -> None:
        value = st.session_state.get(component_key, {})
        st.session_state[key] = value
        if on_change is not None:
            on_change(value)

    component: Callable = streamlit_folium._component_func
    return component(
        script=base["script"],
        header=base["header"],
        html=base["html"],
        id=base["id"],
        key=component_key,
        height=height,
        width=None,
        returned_objects=list(returned),
        default=_defaults(base, returned),
        zoom=zoom,
        center=centre,
        feature_group=script,
        return_on_hover=False,
        layer_control=base["layer_control"],
        pixelated=False,
        css_links=list(base["css_links"]),
        js_links=list(base["js_links"]),
        on_change=changed,
        wrap_longitude=False,
    )
