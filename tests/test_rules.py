"""One id rule for everyone: the loader, links, the URL's filters and view, scenes, uploads."""

from __future__ import annotations

import pytest

from mapping.data import validate_table
from mapping.filters import Filters
from mapping.rules import MAX_ID_LENGTH, is_id, problem_table, slug
from mapping.scenes import SceneError, load_scenes
from mapping.view import MapView
from tests.conftest import make_rows

IDS = [
    ("tamarack-institute", True, "a shipped id: words joined by hyphens"),
    ("100kin10", True, "digits may start an id (100Kin10)"),
    ("a", True, "one character is enough"),
    ("x" * MAX_ID_LENGTH, True, "the longest id allowed"),
    ("x" * (MAX_ID_LENGTH + 1), False, "one character too long for a URL"),
    ("ABC", False, "uppercase: MapView accepted it while Filters refused it"),
    ("Tamarack-Institute", False, "a name's capitals are not an id's"),
    ("a_b", False, "underscores: the old Filters rule allowed them"),
    ("a.b", False, "dots: the old Filters and MapView rules allowed them"),
    ("a--b", False, "two hyphens in a row: the scenes rule refused them, Filters did not"),
    ("-a", False, "a leading hyphen"),
    ("a-", False, "a trailing hyphen"),
    ("a b", False, "a space would need escaping in a URL"),
    ("שיתופים", False, "Hebrew letters: an id is ASCII (slug() makes one)"),
    ("é", False, "accents: slug() strips them"),
]


@pytest.mark.parametrize(("text", "valid", "why"), IDS, ids=[why for _, _, why in IDS])
def test_every_module_applies_the_same_id_rule(text, valid, why, tmp_path):
    assert is_id(text) is valid
    # The URL state: the map's open organisation and the linked / network filters.
    for build in (
        lambda: MapView(org=text),
        lambda: Filters(linked=text),
        lambda: Filters(network=text),
    ):
        if valid:
            build()
        else:
            with pytest.raises(ValueError, match="is not an organisation id"):
                build()
    assert bool(MapView.parse_query_params({"org": text})[1]) is not valid
    assert bool(Filters.parse_query_params({"linked": text})[1]) is not valid
    # The loader (and uploads, which share validate_table).
    problems = validate_table(make_rows({"id": text})).problems
    keys = {message.key for message in problems["reason"]}
    assert ("data.problem.id_rule" in keys) is not valid
    # Presenter scenes.
    scenes = tmp_path / "scenes.toml"
    scenes.write_text(
        f'[[scene]]\nid = "{text}"\ntitle = "T"\nfilters = {{}}\ncaption = "{{count}}"\n'
        "view = { lat = 10, lon = 20, zoom = 3 }\n",
        encoding="utf-8",
    )
    if valid:
        assert load_scenes(scenes)[0].id == text
    else:
        with pytest.raises(SceneError) as raised:
            load_scenes(scenes)
        assert raised.value.content.key == "scene.error.bad_id"


def test_a_malformed_id_gets_its_slug_as_the_suggestion():
    problems = validate_table(make_rows({"id": "Tamarack Institute"})).problems
    suggestion = problems.loc[problems["field"] == "id", "suggestion"].iloc[0]
    assert suggestion.render("en") == "tamarack-institute"
    assert is_id(slug("Tamarack Institute"))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Fondation du Grand Montréal", "fondation-du-grand-montreal"),  # accents dropped
        ("  StriveTogether!  ", "strivetogether"),  # punctuation and spaces trimmed
        ("100Kin10", "100kin10"),
        ("a" * 80, "a" * 60),  # capped, still an id
    ],
)
def test_slugs_are_ids(name, expected):
    assert slug(name) == expected
    assert is_id(slug(name))


def test_a_non_latin_name_gets_a_stable_id():
    assert slug("שיתופים") == slug("שיתופים")
    assert slug("שיתופים").startswith("org-")
    assert is_id(slug("שיתופים"))


def test_an_empty_problem_table_has_the_columns_and_types():
    table = problem_table()
    assert list(table.columns) == ["row", "field", "value", "reason", "suggestion"]
    assert table["row"].dtype.kind == "i"
