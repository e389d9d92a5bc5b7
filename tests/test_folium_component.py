"""The map component's fast path hands streamlit-folium the arguments st_folium would."""

import pytest
import streamlit_folium

from mapping import assets, maps
from mapping.ui import folium_component

VIEW = ((25.0, 10.0), 2.0)


@pytest.fixture
def captured(monkeypatch):
    """Record every call of streamlit-folium's component instead of rendering it."""
    calls = []
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kw: calls.append(kw))
    return calls


def arguments_of_st_folium(captured, gdf, lang, returned, **layer_options):
    streamlit_folium.st_folium(
        maps.base_map(view=VIEW, lang=lang),
        feature_group_to_add=maps.organisations_layer(gdf, lang=lang, **layer_options),
        layer_control=maps.layer_control(),
        center=(1.0, 2.0),
        zoom=3.5,
        height=640,
        use_container_width=True,
        returned_objects=list(returned),
        key="atlas_map",
    )
    return captured.pop()


def arguments_of_fast_path(captured, gdf, lang, returned, **layer_options):
    folium_component.show(
        view=VIEW,
        lang=lang,
        aggregated=maps.is_aggregated(gdf),
        script=folium_component.layer_script(
            maps.organisations_layer(gdf, lang=lang, **layer_options)
        ),
        centre=(1.0, 2.0),
        zoom=3.5,
        height=640,
        returned=returned,
        key="atlas_map",
    )
    return captured.pop()


@pytest.mark.parametrize(
    ("lang", "returned", "layer_options"),
    [
        # The home map: popups with details, the URL kept in sync, one organisation open.
        ("en", (), {"details": True, "sync_url": True, "selected": 3}),
        # Hebrew names the layers in the layer control differently.
        ("he", (), {"details": True}),
        # Lean popups: a click re-runs the app, so the component returns the click.
        ("en", ("last_object_clicked", "last_object_clicked_tooltip"), {"details": False}),
    ],
)
def test_same_arguments_as_st_folium(captured, organisations, lang, returned, layer_options):
    expected = arguments_of_st_folium(captured, organisations, lang, returned, **layer_options)
    actual = arguments_of_fast_path(captured, organisations, lang, returned, **layer_options)
    del expected["on_change"], actual["on_change"]
    # Deliberate differences: the map's frame lets the page zoom (folium forbids it), and
    # loads the map's scripts as one file (streamlit-folium loads them one after another).
    expected["header"] = maps.allow_page_zoom(expected["header"])
    expected["js_links"] = assets.bundled(expected["js_links"])
    assert actual["js_links"][0].startswith("/app/static/atlas/map.")
    assert actual == expected


def test_counts_layer_gets_the_same_layer_control(captured, organisations, monkeypatch):
    # Above AGGREGATE_ABOVE the layer is per-country counts, named differently.
    monkeypatch.setattr(maps, "AGGREGATE_ABOVE", 10)
    expected = arguments_of_st_folium(captured, organisations, "en", ())
    actual = arguments_of_fast_path(captured, organisations, "en", ())
    assert actual["layer_control"] == expected["layer_control"]
    assert actual["feature_group"] == expected["feature_group"]
    assert "Atlas.countsLayer" in actual["feature_group"]


def test_base_arguments_are_built_once_per_base_map(captured, organisations, monkeypatch):
    folium_component._base_arguments.clear()
    built = []
    original = maps.base_map
    monkeypatch.setattr(maps, "base_map", lambda **kw: built.append(kw) or original(**kw))
    for _ in range(3):
        arguments_of_fast_path(captured, organisations, "en", (), details=True)
    arguments_of_fast_path(captured, organisations, "he", (), details=True)
    assert len(built) == 2


def test_the_map_frame_may_be_zoomed():
    arguments = folium_component._base_arguments(((0.0, 0.0), 2.0), "en", False, "atlas_map")
    assert "user-scalable=no" not in arguments["header"]
    assert maps.ZOOMABLE_VIEWPORT in arguments["header"]
