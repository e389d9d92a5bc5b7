"""The map: local assets only, compact organisation arrays, inert data."""

import re

import folium
import pytest

from mapping import assets, maps
from tests.conftest import make_frame
from tests.test_safety import PAYLOADS

URL_ATTRIBUTE = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']""")


def rendered(frame, **kwargs) -> str:
    return maps.build_map(frame, **kwargs).get_root().render()


def layer_script(layer) -> str:
    """The page a layer renders into, on an otherwise empty base map."""
    layer.add_to(maps.base_map(online_tiles=False))
    return layer.get_root().render()


def test_build_map_returns_a_folium_map(organisations):
    assert isinstance(maps.build_map(organisations), folium.Map)


def test_every_script_and_stylesheet_is_a_local_asset(organisations):
    html = rendered(organisations)
    links = URL_ATTRIBUTE.findall(html)
    assert links, "the page loads its assets through links"
    local = {asset.url for asset in assets.ALL_ASSETS}
    # Attribution links in the optional tile layers are anchors, not resources.
    resources = [
        u for u in links if not u.startswith(("https://www.openstreetmap.org", "https://carto.com"))
    ]
    assert set(resources) <= local


def test_no_cdn_in_the_page(organisations):
    html = rendered(organisations)
    for cdn in ("cdn.jsdelivr", "cdnjs", "code.jquery", "bootstrapcdn", "unpkg"):
        assert cdn not in html


def test_online_tiles_are_optional_and_hidden():
    html = rendered(make_frame({}))
    assert "tile.openstreetmap.org" in html
    assert html.count("L.tileLayer(") == 2
    assert '"OpenStreetMap (online)"' in html  # listed in the layer control, off by default


def test_online_tiles_can_be_left_out():
    assert "L.tileLayer(" not in rendered(make_frame({}), online_tiles=False)


def test_map_has_max_zoom_without_tiles():
    # Leaflet.markercluster refuses a map with no maxZoom.
    assert '"maxZoom": 18' in rendered(make_frame({}), online_tiles=False)


def test_payload_is_columnar_and_complete():
    frame = make_frame(
        {"name": "A", "roles": "funding;operating", "website": "https://a.example/"},
        {"name": "B", "roles": "knowledge", "latitude": "-33.123456", "longitude": "151.2"},
    )
    payload = maps.organisations_payload(frame)
    assert payload["name"] == ["A", "B"]
    assert payload["lat"] == [40.0, -33.1235]  # rounded to ~10 m
    assert [payload["roleLabels"][r] for r in payload["role"]] == ["Funding", "Knowledge"]
    values = dict(zip(payload["details"]["fields"], payload["details"]["values"], strict=True))
    assert values["roles"] == ["Funding, Operating", "Knowledge"]
    assert values["website"] == ["https://a.example/", ""]


def test_details_are_left_out_above_the_limit(monkeypatch):
    monkeypatch.setattr(maps, "DETAIL_LIMIT", 1)
    assert "details" not in maps.organisations_payload(make_frame({}, {}))
    assert "details" in maps.organisations_payload(make_frame({}))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_never_reaches_the_page_as_markup(payload):
    frame = make_frame(
        {
            "name": payload,
            "description": payload,
            "city": payload,
            "network": payload,
            "latitude": "1",
            "longitude": "1",
        }
    )
    html = rendered(frame)
    script = html.split("Atlas.organisationsLayer(", 1)[1].split(").addTo(", 1)[0]
    assert "<" not in script
    assert ">" not in script
    data = maps.payload_in_script(html)
    assert data["name"] == frame["name"].tolist()


def test_javascript_website_is_dropped():
    frame = make_frame({"name": "x"})
    frame.loc[0, "website"] = "javascript:alert(1)"
    values = dict(
        zip(
            *[maps.organisations_payload(frame)["details"][k] for k in ("fields", "values")],
            strict=True,
        )
    )
    assert values["website"] == [""]


def test_view_fits_the_organisations():
    frame = make_frame(
        {"latitude": "40", "longitude": "-75"}, {"latitude": "45", "longitude": "-70"}
    )
    (south, west), (north, east) = maps.view_bounds(frame)
    assert south < 40 < 45 < north
    assert west < -75 < -70 < east


def test_empty_frame_shows_the_world():
    frame = make_frame({}).iloc[0:0]
    assert maps.view_bounds(frame) == maps.WORLD_VIEW
    assert isinstance(maps.build_map(frame), folium.Map)


def test_basemap_has_the_countries():
    features = maps.basemap_geojson()["features"]
    codes = {f["properties"]["iso_a2"] for f in features}
    assert {"US", "CA", "AU", "IL", "GB", "FR", "NO"} <= codes
    assert len(features) > 170


def test_large_result_sets_become_country_counts(monkeypatch):
    # Above the threshold the browser gets one bubble per country, not one point per row.
    monkeypatch.setattr(maps, "AGGREGATE_ABOVE", 2)
    frame = make_frame(
        {"country_code": "US", "latitude": "40", "longitude": "-75"},
        {"country_code": "US", "latitude": "42", "longitude": "-71"},
        {"country_code": "CA", "latitude": "45", "longitude": "-75"},
    )
    layer = maps.organisations_layer(frame)
    assert isinstance(layer, maps.CountsLayer)
    payload = maps.counts_payload(frame)
    assert dict(zip(payload["label"], payload["count"], strict=True)) == {
        "Canada: 1 organisation": 1,
        "United States: 2 organisations": 2,
    }
    assert payload["lat"][payload["count"].index(2)] == 41.0


def test_payload_stays_compact_without_details():
    frame = make_frame(*({"name": f"Organisation number {i}"} for i in range(50)))
    payload = maps.organisations_payload(frame, details=False)
    per_organisation = len(maps.script_json(payload)) / len(frame)
    assert per_organisation < 60


def test_large_payloads_travel_deflated(monkeypatch):
    # Above the threshold the JSON is deflated and base64-encoded: ~20 instead of ~50 B/org.
    frame = make_frame(*({"name": f"Organisation {i}"} for i in range(30)))
    monkeypatch.setattr(maps, "COMPRESS_ABOVE", 10)
    script = maps.encode_payload(maps.organisations_payload(frame))
    assert '\\"deflate\\"' in script
    assert "Organisation 1" not in script
    html = f"var x = Atlas.organisationsLayer({script}).addTo(map);"
    assert maps.payload_in_script(html)["name"] == frame["name"].tolist()


def test_only_the_home_map_keeps_the_url_and_ships_ids():
    frame = make_frame({"id": "first"}, {"id": "second"})
    script = layer_script(maps.organisations_layer(frame, sync_url=True, selected=1))
    assert maps.layer_options_in_script(script) == {
        "syncUrl": True,
        "selected": 1,
        "fit": "none",
        "fitMaxZoom": maps.FIT_MAX_ZOOM,
    }
    assert maps.payload_in_script(script)["ids"] == ["first", "second"]
    # Scenes and the standalone file do not write the URL, and need no ids.
    plain = layer_script(maps.organisations_layer(frame))
    assert maps.layer_options_in_script(plain)["syncUrl"] is False
    assert maps.layer_options_in_script(plain)["selected"] == -1
    assert "ids" not in maps.payload_in_script(plain)


def test_ids_stay_out_of_the_compact_payload(monkeypatch):
    # Above the detail limit a click re-runs the app, which knows the ids:
    # the bytes per organisation stay what the scale budget allows.
    monkeypatch.setattr(maps, "DETAIL_LIMIT", 1)
    script = layer_script(maps.organisations_layer(make_frame({}, {}), sync_url=True))
    assert "ids" not in maps.payload_in_script(script)


@pytest.mark.parametrize("selected", [-1, 2])
def test_selected_must_be_a_row_position(selected):
    with pytest.raises(ValueError, match=f"selected={selected}"):
        maps.organisations_layer(make_frame({}, {}), selected=selected)


# --- Why it matched: the links of a "linked to" view, with years and sources ---------------


@pytest.fixture(scope="module")
def linked_view():
    """Two funders linked to an institute the filters leave out, and a link between them."""
    from mapping import network
    from tests.test_network import links_table

    frame = make_frame(
        {"name": "Funder A", "roles": "funding", "latitude": "45", "longitude": "-73"},
        {"name": "Funder B", "roles": "funding", "latitude": "51", "longitude": "-114"},
        {"name": "Institute", "roles": "knowledge", "latitude": "43.5", "longitude": "-80.5"},
        {"name": "Elsewhere", "roles": "operating"},
    )
    links = network.relationships_from_table(
        links_table(
            {"source_id": "org-1", "target_id": "org-3", "relation": "funds", "since": "2013"},
            {"source_id": "org-3", "target_id": "org-2", "relation": "advises", "since": ""},
            {"source_id": "org-1", "target_id": "org-2", "relation": "partners_with"},
            {"source_id": "org-2", "target_id": "org-4", "relation": "partners_with"},
        ),
        frame["id"],
        source="links.csv",
    )
    # The loader refuses such a source; an upload merged by hand might not.
    links = links.copy()
    links.loc[links.index[1], "source"] = "javascript:alert(1)"
    return frame, links


def test_a_linked_to_organisation_outside_the_view_is_listed_with_its_links(linked_view):
    # Why it matched: each funder's link to the institute travels with the map, even though
    # the filters (funders only) leave the institute out; it is numbered after the rows.
    frame, links = linked_view
    funders = frame[frame["id"].isin(["org-1", "org-2"])]
    institute = frame[frame["id"] == "org-3"]
    payload = maps.links_payload(funders, links, linked=institute)
    assert payload["anchor"] == 2
    assert payload["outside"] == {"name": ["Institute"], "lat": [43.5], "lon": [-80.5]}
    listed = set(zip(payload["source"], payload["target"], strict=True))
    assert listed == {(0, 2), (2, 1), (0, 1)}
    # Funder B's link to org-4 is outside the view: a count only.
    assert payload["hidden"] == [0, 1]
    # Years and sources: a source that is not http(s) is no link.
    by_pair = {
        (s, t): k for k, (s, t) in enumerate(zip(payload["source"], payload["target"], strict=True))
    }
    funds = by_pair[(0, 2)]
    assert payload["since"][funds] == 2013
    assert payload["until"][funds] is None
    assert payload["citations"][payload["cite"][funds]] == "https://example.org/members"
    assert payload["cite"][by_pair[(2, 1)]] == -1
    assert payload["text"]["why"] == "In this view because it is linked to {name}:"


def test_a_linked_to_organisation_inside_the_view_is_not_listed_twice(linked_view):
    frame, links = linked_view
    payload = maps.links_payload(frame, links, linked=frame[frame["id"] == "org-3"])
    assert payload["anchor"] == 2
    assert payload["outside"]["name"] == []
    assert len(payload["source"]) == len(links)
    without = maps.links_payload(frame, links)
    assert without["anchor"] == -1


def test_clusters_know_their_roles_and_say_the_mix():
    payload = maps.organisations_payload(make_frame({}, {}))
    assert payload["listSeparator"] == ", "
    assert "{n}" in payload["clusterTitle"]


@pytest.mark.parametrize(
    ("fit", "why"),
    [
        ("none", "a link's view or a presenter's scene stands"),
        ("results", "a filter change frames the new results"),
        ("world", "Reset filters brings the whole world back"),
    ],
)
def test_a_layer_says_how_the_map_frames_it(fit, why):
    layer = maps.organisations_layer(make_frame({}), fit=fit)
    assert maps.layer_options_in_script(layer_script(layer))["fit"] == fit, why


def test_an_unknown_framing_is_named():
    with pytest.raises(ValueError, match="fit='closer'"):
        maps.OrganisationsLayer("{}", fit="closer")


def test_a_presenters_map_is_drawn_for_a_hall():
    script = folium.Figure().add_child(maps.base_map(presenter=True)).render()
    assert "Atlas.presenterMode(" in script
    assert "Atlas.fitControl(" not in script  # the hall has no use for it
    plain = folium.Figure().add_child(maps.base_map()).render()
    assert "Atlas.presenterMode(" not in plain
    assert "Atlas.fitControl(" in plain
