"""The Network page and the link filters under AppTest: every page follows linked= and network=."""

from __future__ import annotations

import json

import pytest

from mapping import network
from mapping.i18n import t
from mapping.safety import escape_markdown
from tests.test_app import map_payload, run_app

NETWORK_PAGE = "pages/network.py"


def graph_args(at) -> dict:
    """The arguments the app sent to the network graph's component."""
    component = next(
        el for el in at.main if getattr(el.proto, "component_name", "").endswith("atlas_network")
    )
    return json.loads(component.proto.json_args)


def table_names(at) -> set[str]:
    """The organisation names in the Data page's table."""
    table = at.dataframe[0].value
    return set(table[table.columns[0]])


@pytest.fixture(scope="module")
def links(organisations):
    return network.load_relationships(organisations=organisations)


@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_network_page_runs_in_both_languages(lang, organisations):
    at = run_app(NETWORK_PAGE, lang=lang)
    assert at.title[0].value == t("network.heading", lang)
    data = graph_args(at)["data"]
    assert len(data["org"]["ids"]) == len(organisations)
    assert graph_args(at)["dir"] == ("rtl" if lang == "he" else "ltr")
    # The graph's own words are in the page's language too.
    assert data["text"]["search_label"] == t("network.search_label", lang)
    assert next(m.label for m in at.metric) == t("network.metric.organisations", lang)


def test_linked_shows_exactly_the_organisation_and_its_links_on_every_page(organisations, links):
    org = "fsg"
    expected = network.linked_ids(links, org)
    assert len(expected) > 5
    names = set(organisations.loc[organisations["id"].isin(expected), "name"])
    on_map = run_app(linked=org)
    assert set(map_payload(on_map)["name"]) == names
    assert set(table_names(run_app("pages/data.py", linked=org))) == names
    graph = graph_args(run_app(NETWORK_PAGE, linked=org))["data"]
    assert set(graph["org"]["ids"]) == expected
    # The caption names the organisation, not its id.
    assert "FSG and the organisations linked to it" in on_map.caption[0].value


def test_network_filter_keeps_the_members_and_the_runner(organisations, links):
    runner = "strivetogether"
    expected = network.member_ids(links, runner)
    at = run_app(NETWORK_PAGE, network=runner)
    assert set(graph_args(at)["data"]["org"]["ids"]) == expected
    assert "in the network of StriveTogether" in at.caption[0].value


def test_direct_partners_join_the_graph_and_stay_in_the_url(organisations, links):
    shown = organisations[organisations["country_code"] == "IL"]
    with_partners = network.neighbour_ids(links, shown["id"])
    at = run_app(NETWORK_PAGE, country="IL")
    assert set(graph_args(at)["data"]["org"]["ids"]) == set(shown["id"])
    at.toggle(key="atlas_network_partners").set_value(True).run()
    assert set(graph_args(at)["data"]["org"]["ids"]) == with_partners
    assert at.query_params["partners"] == "1"


def test_an_unknown_linked_id_is_named_and_ignored(organisations):
    at = run_app(linked="no-such-organisation")
    assert any("no-such-organisation" in toast.value.replace("\\", "") for toast in at.toast)
    assert len(map_payload(at)["name"]) == len(organisations)
    assert "linked" not in at.query_params


def test_the_graph_is_the_same_after_a_rerun_and_in_a_new_session():
    # A stable layout: positions come from the ids and links, not from the run.
    first = graph_args(run_app(NETWORK_PAGE, country="CA"))["data"]
    again = run_app(NETWORK_PAGE, country="CA")
    again.run()
    second = graph_args(again)["data"]
    assert (first["x"], first["y"]) == (second["x"], second["y"])


def test_a_link_naming_an_organisation_opens_it_in_the_graph():
    data = graph_args(run_app(NETWORK_PAGE, org="tamarack-institute"))["data"]
    assert data["org"]["ids"][data["selected"]] == "tamarack-institute"


def test_the_map_details_list_the_linked_organisations(organisations, links):
    payload = map_payload(run_app())
    position = payload["ids"].index("tamarack-institute")
    ends = set(payload["links"]["source"]) | set(payload["links"]["target"])
    assert position in ends
    assert payload["links"]["heading"] == "Linked organisations"
    assert len(payload["links"]["source"]) == len(links)


def test_an_as_of_network_draws_the_organisations_and_links_of_that_year(organisations, links):
    year = 2013
    data = graph_args(run_app(NETWORK_PAGE, asof=str(year)))["data"]
    ids = data["org"]["ids"]
    active = organisations[
        organisations["year_started"].le(year)
        & (organisations["year_ended"].isna() | organisations["year_ended"].ge(year))
    ]
    assert set(ids) == set(active["id"])
    in_force = network.view_links(network.links_in_force(links, year), ids)
    drawn = data["org"]["links"]
    assert len(drawn["source"]) == len(in_force)
    # ...which is fewer than all the links among them: some began later.
    assert len(in_force) < len(network.view_links(links, ids))


def coverage_frame(at):
    """The Network page's coverage table (the last table on the page)."""
    return at.dataframe[-1].value


@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_network_page_shows_how_complete_each_named_network_is(lang, organisations, links):
    at = run_app(NETWORK_PAGE, lang=lang)
    assert t("network.coverage_heading", lang) in [h.value for h in at.header]
    shown = coverage_frame(at)
    networks = network.networks_table(organisations=organisations)
    assert len(shown) == len(networks)
    column = {key: t(f"network.column.{key}", lang) for key in ("network", "held", "listed")}
    assert [column["network"], column["held"], column["listed"]] == list(shown.columns[:3])
    name = "StriveTogether Cradle to Career Network"
    expected = network.coverage(networks, links).set_index("network")
    strive = shown.set_index(column["network"]).loc[name]
    assert strive[column["held"]] == expected.loc[name, "members"]
    assert strive[column["listed"]] == 69
    # Best covered first, and a network without a published size after every sized one.
    sized = shown[column["listed"]].notna().tolist()
    assert sized == sorted(sized, reverse=True)
    # What counts as a member, network by network, opens below the table (data text, escaped).
    notes = next(e for e in at.expander if e.label == t("network.coverage_notes", lang))
    text = notes.markdown[0].value
    assert text.count("\n- \u2068**") == len(networks) - 1
    assert escape_markdown("Boone County Cradle to Career Alliance, dissolved in 2023") in text
    assert "\n- \u2068**StriveTogether Cradle to Career Network**: No published" in text


def test_coverage_is_the_atlas_s_whatever_the_filters(organisations):
    everything = coverage_frame(run_app(NETWORK_PAGE))
    israel_in_2015 = coverage_frame(run_app(NETWORK_PAGE, country="IL", asof="2015"))
    assert israel_in_2015.equals(everything)


@pytest.mark.parametrize("lang", ["en", "he"])
def test_a_network_view_says_how_much_of_its_roster_the_atlas_holds(lang, organisations, links):
    at = run_app(NETWORK_PAGE, network="strivetogether", lang=lang)
    networks = network.networks_table(organisations=organisations)
    row = network.coverage(networks, links).set_index("organisation_id").loc["strivetogether"]
    sentence = network.coverage_message({**row, "organisation_id": "strivetogether"})
    # Captions are Markdown: the sentence is shown literally (escaped), as every data text.
    shown = escape_markdown(sentence.render(lang, isolate=True))
    assert shown in [c.value for c in at.caption]
    assert ("of 69 listed members" if lang == "en" else "מתוך 69 החברים") in sentence.render(lang)
    # Each value is isolated, so a number keeps its place beside an English name in Hebrew.
    assert "\u2068StriveTogether Cradle to Career Network\u2069" in shown
    # Without a network filter there is no such sentence.
    plain = run_app(NETWORK_PAGE, lang=lang)
    assert shown not in [c.value for c in plain.caption]
