"""Presenter scenes: the shipped file, captions computed from data, and clear errors."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from mapping.filters import Filters
from mapping.scenes import SCENES_FILE, SceneError, load_scenes

APP = str(Path(__file__).resolve().parent.parent / "app.py")
DEFAULT_SCENES = {
    "world": Filters(),
    "united-states": Filters(world_regions=("United States",)),
    "canada": Filters(world_regions=("Canada",)),
    "australia": Filters(world_regions=("Australia",)),
    "europe": Filters(world_regions=("Europe",)),
    "israel": Filters(world_regions=("Israel",)),
    "growth": Filters(),
    "network": Filters(linked="collective-impact-forum"),
}


def test_default_scenes_are_the_story_of_the_2015_mapping():
    scenes = load_scenes()
    assert {s.id: s.filters for s in scenes} == DEFAULT_SCENES
    assert [s.id for s in scenes] == list(DEFAULT_SCENES)


@pytest.fixture(scope="module")
def links(organisations):
    from mapping import network

    return network.load_relationships(organisations=organisations)


@pytest.mark.parametrize("scene", load_scenes(), ids=lambda s: s.id)
def test_caption_counts_equal_the_filtered_rows(organisations, links, scene):
    year = scene.years[-1] if scene.years else None
    caption = scene.caption_for(organisations, links=links, year=year)
    filters = scene.filters if year is None else Filters(asof=year)
    expected = len(filters.apply(organisations, links))
    assert f"{expected:,} " in caption
    assert "{" not in caption


def test_a_timeline_scene_has_a_caption_per_year(organisations, links):
    growth = next(s for s in load_scenes() if s.id == "growth")
    assert growth.kind == "timeline"
    assert growth.years == tuple(range(2005, 2027))
    captions = {
        year: growth.caption_for(organisations, links=links, year=year) for year in (2010, 2013)
    }
    for year, caption in captions.items():
        active = Filters(asof=year).apply(organisations)
        countries = active["country_code"].nunique()
        assert caption == f"By {year}: {len(active):,} organisations in {countries} countries."
    hebrew = growth.caption_for(organisations, "he", links, year=2013)
    assert hebrew.startswith("עד 2013: ")


def test_a_network_scene_counts_its_links(organisations, links):
    from mapping import network

    scene = next(s for s in load_scenes() if s.kind == "network")
    shown = scene.filters.apply(organisations, links)
    inside = network.view_links(links, shown["id"])
    assert f"{len(inside)} sourced links" in scene.caption_for(organisations, links=links)


def test_network_and_role_placeholders(organisations):
    canada = next(s for s in load_scenes() if s.id == "canada")
    shown = canada.filters.apply(organisations)
    members = sum("Vibrant Communities" in n for n in shown["network"])
    assert f"{members} in Tamarack's Vibrant Communities" in canada.caption_for(organisations)


VALID = """
[[scene]]
id = "one"
title = "One"
filters = { role = "funding" }
view = { lat = 10, lon = 20, zoom = 3 }
caption = "{count} funders"
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no [[scene]] entries"),
        ("[[scene]\nid=", "not valid TOML"),
        (VALID.replace('id = "one"', 'id = "One Two"'), "Scene 1 ('One Two'): id must be"),
        (VALID.replace('title = "One"\n', ""), "Scene 1 ('one'): missing title"),
        (VALID.replace('role = "funding"', 'rol = "funding"'), "unknown URL parameter 'rol'"),
        (VALID.replace('role = "funding"', 'role = "fundng"'), "unknown role 'fundng'"),
        (VALID.replace("zoom = 3", "zoom = 30"), "zoom in 1..18"),
        (VALID.replace("lat = 10, ", ""), "view must be"),
        (VALID.replace("{count} funders", "{population} people"), "unknown caption placeholder"),
        (VALID.replace("{count} funders", "{role:advising}"), "unknown caption placeholder"),
        (VALID.replace("{count} funders", "{count funders"), "braces do not match"),
        (VALID + "colour = 'red'\n", "unknown key(s) colour"),
        (VALID + VALID, "Scene 2 ('one'): the id is used by an earlier scene"),
        (
            VALID.replace('filters = { role = "funding" }', "filters = { year = 2013 }"),
            "text values",
        ),
        (VALID + 'kind = "slides"\n', "kind must be one of map, network, timeline"),
        (VALID + "from = 2010\n", "belong to timeline scenes"),
        (VALID.replace("{count} funders", "{year}: {count}"), "unknown caption placeholder"),
        (VALID + 'kind = "timeline"\n', "missing from, to"),
        (VALID + 'kind = "timeline"\nfrom = 2015\nto = 2010\n', "1900 <= from <= to"),
        (VALID + 'kind = "timeline"\nfrom = 2010\nto = 2015\nstep = 0\n', "step >= 1"),
        (VALID + 'kind = "timeline"\nfrom = 2010\nto = 2015\nseconds = 0\n', "from 0.2 to 60"),
        (VALID.replace("view = { lat = 10, lon = 20, zoom = 3 }\n", ""), "missing view"),
    ],
)
def test_malformed_scene_files_name_the_bad_entry(tmp_path, text, message):
    path = tmp_path / "scenes.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SceneError) as raised:
        load_scenes(path)
    assert message in str(raised.value)


def test_missing_file(tmp_path):
    with pytest.raises(SceneError, match="does not exist"):
        load_scenes(tmp_path / "none.toml")


def run_present(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/present.py").run()
    assert not at.exception, at.exception
    return at


def caption_text(at: AppTest) -> str:
    return next(
        m.value for m in at.markdown if m.value.startswith('<p class="atlas-present-caption"')
    )


def test_present_page_walks_through_the_scenes(organisations):
    at = run_present()
    scenes = load_scenes()
    assert at.query_params["scene"] == "world"
    assert f"{len(organisations):,} organisations" in caption_text(at)
    next_button = next(b for b in at.button if "Next" in b.label)
    next_button.click().run()
    assert at.query_params["scene"] == "united-states"
    expected = len(scenes[1].filters.apply(organisations))
    assert f"{expected:,} organisations" in caption_text(at)
    previous = next(b for b in at.button if "Previous" in b.label)
    previous.click().run()
    previous = next(b for b in at.button if "Previous" in b.label)
    previous.click().run()
    assert at.query_params["scene"] == scenes[-1].id  # wraps around


def test_a_timeline_scene_plays_on_the_present_page(organisations, links):
    # The years play in the browser: the map gets every year's organisations and captions.
    from tests.test_app import map_payload

    at = run_present(scene="growth")
    control = map_payload(at)["timeline"]
    growth = next(s for s in load_scenes() if s.id == "growth")
    assert control["years"] == list(growth.years)
    assert control["presenter"] is True
    assert control["seconds"] == 1.5
    index = control["years"].index(2013)
    active = Filters(asof=2013).apply(organisations)
    assert control["captions"][index] == (
        f"By 2013: {len(active):,} organisations in {active['country_code'].nunique()} countries."
    )
    hebrew = map_payload(run_present(scene="growth", lang="he"))["timeline"]
    assert hebrew["captions"][index].startswith("עד 2013: ")


def test_a_network_scene_shows_the_graph(organisations, links):
    from mapping import network
    from tests.test_network_app import graph_args

    at = run_present(scene="network")
    ids = set(graph_args(at)["data"]["org"]["ids"])
    assert ids == network.linked_ids(links, "collective-impact-forum")


def test_present_page_opens_the_scene_in_the_url(organisations):
    at = run_present(scene="canada")
    canada = next(s for s in load_scenes() if s.id == "canada")
    assert canada.caption_for(organisations).replace("'", "&#x27;") in caption_text(at)


def test_broken_scene_file_is_reported_on_the_page(tmp_path, monkeypatch):
    from mapping.ui import present

    broken = tmp_path / "scenes.toml"
    broken.write_text(VALID.replace("zoom = 3", "zoom = 99"), encoding="utf-8")
    monkeypatch.setattr(present, "load_scenes", lambda: load_scenes(broken))
    at = run_present()
    assert "zoom in 1..18" in at.error[0].value.replace("\\", "")  # Markdown escapes removed


def test_shipped_file_path():
    assert SCENES_FILE.name == "scenes.toml"


def component_args(at: AppTest, name: str) -> dict:
    """The arguments the app sent to the component ``name``."""
    import json

    element = next(el for el in at.main if getattr(el.proto, "component_name", "").endswith(name))
    return json.loads(element.proto.json_args)


def test_the_presenters_keys_know_the_deck_and_the_hints_say_what_they_do():
    at = run_present(scene="canada")
    keys = component_args(at, "atlas_presenter")
    assert keys["ids"] == [scene.id for scene in load_scenes()]
    assert keys["index"] == 2
    assert keys["text"]["blank"].startswith("The screen is blank")
    hints = " ".join(caption.value for caption in at.caption)
    assert "Page Down, → or Space: next scene" in hints
    assert "B or .: blank the screen" in hints
    # The map is drawn for a hall: large type, and the presenter's keys never pan it.
    from tests.test_app import map_args

    assert "Atlas.presenterMode(" in map_args(at)["script"]
    timeline = run_present(scene="growth")
    hints = " ".join(caption.value for caption in timeline.caption)
    assert "show the last year, press again for the next scene" in hints


def test_the_network_scene_is_the_graph_for_a_hall():
    at = run_present(scene="network")
    graph = component_args(at, "atlas_network")
    assert graph["presenter"] is True
    assert not at.info  # no notes for the presenter on the audience's screen


@pytest.mark.parametrize(
    ("value", "expected", "why"),
    [
        ({"scene": "canada", "seq": 1, "token": "t"}, 2, "a known scene"),
        ({"scene": "mars", "seq": 2, "token": "t"}, None, "an unknown scene moves nothing"),
        ({"scene": 3, "seq": 2, "token": "t"}, None, "a scene is named by its id"),
        (None, None, "no value yet"),
    ],
)
def test_a_key_move_names_a_scene(value, expected, why):
    from mapping.ui.present import key_move

    ids = [scene.id for scene in load_scenes()]
    assert key_move(value, ids)[0] == expected, why
