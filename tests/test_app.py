"""The app under Streamlit's AppTest: every page runs, filters drive counts and exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from mapping import assets, maps
from mapping.filters import Filters

PROJECT_ROOT = Path(__file__).resolve().parent.parent
APP = str(PROJECT_ROOT / "app.py")
PAGES = sorted(str(p.relative_to(PROJECT_ROOT)) for p in (PROJECT_ROOT / "pages").glob("*.py"))
TIMEOUT = 60


def run_app(page: str | None = None, **query) -> AppTest:
    """Run the app (optionally switched to a page) with query parameters."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page is not None:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def count_text(at: AppTest) -> str:
    return next(m.value for m in at.sidebar.markdown if "organisations**" in m.value)


def map_args(at: AppTest) -> dict:
    """The arguments the app sent to the st_folium component."""
    component = next(
        el
        for el in at.main
        if getattr(el.proto, "component_name", "") == "streamlit_folium.st_folium"
    )
    return json.loads(component.proto.json_args)


def map_payload(at: AppTest) -> dict:
    """The organisations layer's data, as the browser receives it."""
    layer = map_args(at)["feature_group"]
    return maps.payload_in_script(layer)


@pytest.fixture
def downloads(monkeypatch) -> dict[str, bytes]:
    """Capture the bytes behind every download button, by file name."""
    captured: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        if isinstance(path_or_data, bytes) and filename:
            captured[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return captured


def test_home_page_shows_the_map(organisations):
    at = run_app()
    assert at.title[0].value == "Collective Impact Atlas"
    assert count_text(at) == f"**{len(organisations)} of {len(organisations)} organisations**"
    assert map_payload(at)["name"] == organisations["name"].tolist()
    # Leaflet and the atlas's scripts, served by the app as one file (mapping.assets.map_bundle).
    assert map_args(at)["js_links"] == [f"/app/static/{assets.map_bundle()[0]}"]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs(page):
    at = run_app(page)
    headings = [t.value for t in at.title] + [
        m.value for m in at.markdown if "atlas-present-title" in m.value
    ]
    assert headings, page
    assert not at.exception


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_standalone(page):
    at = AppTest.from_file(str(PROJECT_ROOT / page), default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception


def test_role_funding_filters_count_and_map(organisations):
    expected = Filters(roles=("funding",)).apply(organisations)
    at = run_app()
    at.sidebar.multiselect(key="atlas_w_roles").select("funding").run()
    assert count_text(at) == f"**{len(expected)} of {len(organisations)} organisations**"
    assert at.query_params["role"] == "funding"
    assert map_payload(at)["name"] == expected["name"].tolist()


def test_filter_change_keeps_the_base_map_script(organisations):
    # st_folium remounts the map (flicker, lost zoom) when its script changes;
    # only the organisations layer may change with the filters.
    at = run_app()
    before = map_args(at)
    at.sidebar.multiselect(key="atlas_w_roles").select("knowledge").run()
    after = map_args(at)
    assert after["script"] == before["script"]
    assert (after["center"], after["zoom"]) == (before["center"], before["zoom"])
    assert after["feature_group"] != before["feature_group"]


def test_role_funding_csv_download_has_the_filtered_rows(organisations, downloads):
    expected = Filters(roles=("funding",)).apply(organisations)
    at = run_app("pages/data.py", role="funding")
    assert count_text(at) == f"**{len(expected)} of {len(organisations)} organisations**"
    # The file's name says what it holds.
    data = downloads["atlas_funding.csv"]
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == expected["id"].tolist()


def test_filters_in_the_url_are_applied(organisations):
    expected = Filters(countries=("CA",), roles=("operating",)).apply(organisations)
    at = run_app(country="CA", role="operating")
    assert at.sidebar.multiselect(key="atlas_w_countries").value == ["CA"]
    assert at.sidebar.multiselect(key="atlas_w_roles").value == ["operating"]
    assert count_text(at) == f"**{len(expected)} of {len(organisations)} organisations**"
    assert "role Operating; in Canada" in at.caption[0].value


def test_bad_url_parameters_are_ignored_with_a_notice(organisations):
    at = run_app(role="magic", year="soon")
    assert count_text(at) == f"**{len(organisations)} of {len(organisations)} organisations**"
    assert any("magic" in toast.proto.body for toast in at.toast)


def test_reset_clears_filters(organisations):
    at = run_app(role="funding", q="united")
    at.sidebar.button[0].click().run()
    assert count_text(at) == f"**{len(organisations)} of {len(organisations)} organisations**"
    assert "role" not in at.query_params


def test_filters_survive_a_page_switch(organisations):
    at = run_app(role="knowledge")
    at.switch_page("pages/charts.py").run()
    assert at.sidebar.multiselect(key="atlas_w_roles").value == ["knowledge"]


def test_large_results_show_details_on_click(organisations, monkeypatch):
    # Above the detail limit popups are lean and a click re-runs the app to show the record.
    monkeypatch.setattr(maps, "DETAIL_LIMIT", 10)
    at = run_app()
    assert map_args(at)["returned_objects"] == [
        "last_object_clicked",
        "last_object_clicked_tooltip",
    ]
    assert "details" not in map_payload(at)
    assert any("Click an organisation" in c.value for c in at.caption)


def test_find_clicked_resolves_the_record(organisations):
    row = organisations.iloc[5]
    found = maps.find_clicked(
        organisations, row["name"], {"lat": row["latitude"] + 0.01, "lng": row["longitude"]}
    )
    assert found["id"] == row["id"]
    assert maps.find_clicked(organisations, "No such organisation", None) is None
    labels = [label for label, _ in maps.details_rows(row)]
    assert labels[:2] == ["Type", "Roles"]


def test_a_link_with_a_view_opens_the_map_there(organisations):
    at = run_app(role="funding", lat="45.5", lon="-73.6", zoom="9")
    args = map_args(at)
    assert (args["center"], args["zoom"]) == ([45.5, -73.6], 9.0)
    # The base map itself opens there (not a fitted world view moved afterwards).
    assert "center: [45.5, -73.6]" in args["script"]
    assert maps.layer_options_in_script(args["feature_group"])["syncUrl"] is True
    # The view parameters are left to the browser: the app does not rewrite them.
    assert at.query_params["lat"] == "45.5"


def test_a_link_with_an_organisation_opens_its_details(organisations):
    shown = Filters(roles=("funding",)).apply(organisations)
    position = shown["id"].tolist().index("mcconnell-foundation")
    row = shown.iloc[position]
    at = run_app(role="funding", org="mcconnell-foundation")
    args = map_args(at)
    assert maps.layer_options_in_script(args["feature_group"])["selected"] == position
    # Without a view in the link, the map centres on the organisation.
    assert args["center"] == [row["latitude"], row["longitude"]]
    assert not at.toast


def test_a_link_to_a_filtered_out_organisation_says_so(organisations):
    at = run_app(role="knowledge", org="mcconnell-foundation")
    assert maps.layer_options_in_script(map_args(at)["feature_group"])["selected"] == -1
    assert any("not among the organisations shown" in toast.proto.body for toast in at.toast)


def test_a_bad_view_in_a_link_is_ignored_with_a_notice(organisations):
    at = run_app(lat="95", lon="0", zoom="3")
    assert any("latitude" in toast.proto.body for toast in at.toast)
    args = map_args(at)
    assert args["center"] != [95, 0]


def test_the_view_is_read_once_per_session(organisations):
    # Later runs keep the user's map: a filter change must not jump back to the link's view.
    at = run_app(lat="45.5", lon="-73.6", zoom="9", org="mcconnell-foundation")
    at.sidebar.multiselect(key="atlas_w_roles").select("funding").run()
    layer = map_args(at)["feature_group"]
    assert maps.layer_options_in_script(layer)["selected"] == -1


def test_large_results_detail_the_linked_organisation(organisations, monkeypatch):
    monkeypatch.setattr(maps, "DETAIL_LIMIT", 10)
    at = run_app(org="mcconnell-foundation")
    # A link's organisation is detailed under the map straight away (names are escaped).
    assert any("McConnell Family Foundation" in s.value for s in at.subheader)
    assert at.query_params["org"] == "mcconnell-foundation"
    # Filtered out, it is no longer detailed, and the URL stops naming it.
    at.sidebar.multiselect(key="atlas_w_roles").select("knowledge").run()
    assert not at.subheader
    assert "org" not in at.query_params


def test_sessions_share_the_encoded_map_data(organisations, monkeypatch):
    # Encoding 100,000 organisations costs about 0.25 s: a view opened before
    # (the default map, a shared link) is encoded once for every session.
    from mapping.ui import world_map

    world_map._shared_layer_script.clear()
    calls = []
    original = maps.encode_payload
    monkeypatch.setattr(maps, "encode_payload", lambda p: calls.append(1) or original(p))
    first, second = run_app(), run_app()
    assert len(calls) == 1
    assert map_args(first)["feature_group"] == map_args(second)["feature_group"]
    # Another language or other filters are other data.
    run_app(lang="he")
    run_app(role="funding")
    assert len(calls) == 3
    assert map_payload(run_app(role="funding"))["name"] == (
        Filters(roles=("funding",)).apply(organisations)["name"].tolist()
    )
    assert len(calls) == 3


def test_the_data_page_opens_an_organisations_details_by_name(organisations):
    at = run_app("pages/data.py")
    picker = at.selectbox(key="atlas_data_org")
    assert picker.value is None
    picker.select("tamarack-institute").run()
    assert any("Tamarack Institute" in s.value for s in at.subheader)


def fit_mode(at: AppTest) -> str:
    """How the map frames its organisations layer when it arrives (maps.FIT_MODES)."""
    return maps.layer_options_in_script(map_args(at)["feature_group"])["fit"]


def test_the_map_frames_new_results_and_the_world_after_a_reset():
    at = run_app()
    assert fit_mode(at) == "results"
    at.sidebar.multiselect(key="atlas_w_roles").select("funding").run()
    assert fit_mode(at) == "results"
    at.sidebar.button[0].click().run()  # Reset filters
    assert fit_mode(at) == "world"
    # A run for anything else (the language stays, the filters stay) keeps the layer as it is.
    layer = map_args(at)["feature_group"]
    at.run()
    assert map_args(at)["feature_group"] == layer


def test_a_links_view_stands_until_the_filters_change():
    at = run_app(lat="45.5", lon="-73.6", zoom="9")
    assert fit_mode(at) == "none"
    at.sidebar.multiselect(key="atlas_w_roles").select("funding").run()
    assert fit_mode(at) == "results"


def test_download_names_say_what_the_view_holds(organisations, downloads):
    run_app("pages/data.py", role="funding", country="CA", asof="2015")
    assert {"atlas_funding_CA_2015.csv", "atlas_funding_CA_2015.geojson"} <= set(downloads)
