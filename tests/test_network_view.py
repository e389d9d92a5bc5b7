"""The graph of a view: what it draws, and the organisation a "linked to" view is linked to."""

import pandas as pd
import pytest

from mapping import network, network_view
from mapping.i18n import t
from tests.test_maps import linked_view  # noqa: F401 - the fixture


def test_the_linked_to_organisation_is_drawn_even_when_filtered_out(linked_view):  # noqa: F811
    # Funders linked to an institute: the graph shows why each is there, its link to it.
    frame, links = linked_view
    funders = frame[frame["id"].isin(["org-1", "org-2"])]
    institute = frame[frame["id"] == "org-3"]
    view = network_view.graph_view(frame, funders, links, linked=institute)
    assert set(view.organisations["id"]) == {"org-1", "org-2", "org-3"}
    assert view.anchor == "org-3"
    assert view.partners == 0  # the institute is the view's reason, not an added partner
    assert len(view.links) == 3
    payload = network_view.graph_payload(view)
    assert payload["org"]["name"][payload["anchor"]] == "Institute"
    assert payload["org"]["links"]["anchor"] == payload["anchor"]


def test_without_a_linked_to_filter_there_is_no_anchor(linked_view):  # noqa: F811
    frame, links = linked_view
    view = network_view.graph_view(frame, frame[frame["id"] == "org-1"], links)
    assert view.anchor == ""
    assert network_view.graph_payload(view)["anchor"] == -1


def test_the_linked_to_organisation_is_never_trimmed_away(linked_view):  # noqa: F811
    frame, links = linked_view
    funders = frame[frame["id"].isin(["org-1", "org-2"])]
    view = network_view.graph_view(
        frame, funders, links, linked=frame[frame["id"] == "org-3"], limit=2
    )
    assert "org-3" in set(view.organisations["id"])
    assert len(view.organisations) == 2


@pytest.mark.parametrize(
    ("sources", "targets", "runners", "expected"),
    [
        # Why: a member is drawn around its network's organisation.
        (["a"], ["net"], ["net"], {"a": "net"}),
        # Why: a member of two networks goes to the one with more members here.
        (["a", "b", "a"], ["big", "big", "small"], ["big", "small"], {"a": "big", "b": "big"}),
        # Why: equal networks: the runner's id decides, the same every time.
        (["a", "a"], ["y", "x"], ["x", "y"], {"a": "x"}),
        # Why: membership of an organisation that runs no named network is no home.
        (["a"], ["club"], ["net"], {}),
    ],
)
def test_homes(sources, targets, runners, expected):
    links = pd.DataFrame(
        {"source_id": sources, "target_id": targets, "relation": ["member_of"] * len(sources)}
    )
    assert network_view.homes(links, runners) == expected


def test_a_partnership_is_no_home():
    links = pd.DataFrame({"source_id": ["a"], "target_id": ["net"], "relation": ["partners_with"]})
    assert network_view.homes(links, ["net"]) == {}


@pytest.mark.parametrize(
    ("degree", "runners", "top", "around", "expected"),
    [
        # Why: the most linked are named, most linked first.
        ([5, 1, 3], [], 2, None, [0, 2]),
        # Why: every runner is named, however few its links.
        ([5, 1, 3], ["b"], 1, None, [0, 1]),
        # Why: a runner linked to nothing in the view is not drawn, so not named.
        ([5, 0, 3], ["b"], 1, None, [0]),
        # Why: links beyond its own members first: the organisation between networks leads.
        ([9, 1, 4], [], 2, {"a": 8}, [2, 0]),
    ],
)
def test_hub_indices(degree, runners, top, around, expected):
    ids = ["a", "b", "c"]
    assert network_view.hub_indices(degree, ids, runners, top, around) == expected


def test_coverage_in_a_hubs_details_is_the_atlass_sentence():
    coverage = pd.DataFrame(
        {
            "network": ["Net <b>x</b>", "Other"],
            "organisation_id": ["net", "absent"],
            "members": [3, 1],
            "roster_size": pd.array([4, None], dtype="Int64"),
            "share": [0.75, float("nan")],
            "roster_date": ["2025-01", ""],
            "roster_source": ["https://example.org/members", ""],
            "roster_note": ["", ""],
        }
    )
    found = network_view.coverage_payload(coverage, ["a", "net"], "en")
    # Only networks whose organisation is in the graph; the name stays text (drawn as text).
    assert found == {
        "index": [1],
        "text": [
            "\u2068Net <b>x</b>\u2069: \u20683\u2069 of \u20684\u2069 listed members"
            " (roster of \u20682025-01\u2069)"
        ],
        "source": ["https://example.org/members"],
    }
    assert network_view.coverage_payload(None, ["net"], "en") == {
        "index": [],
        "text": [],
        "source": [],
    }


def test_the_shipped_graph_reads_at_first_sight(organisations):
    # The whole atlas: every named network's organisation named, members around it, and
    # the organisations with no link listed rather than placed.
    links = network.load_relationships(organisations=organisations)
    coverage = network.coverage(network.networks_table(organisations=organisations), links)
    view = network_view.graph_view(organisations, organisations, links)
    payload = network_view.graph_payload(view, "he", coverage=coverage)
    ids = payload["org"]["ids"]
    named = {ids[i] for i in payload["hubs"]}
    linked_runners = {
        r for r in coverage["organisation_id"] if r in ids and payload["degree"][ids.index(r)]
    }
    assert linked_runners <= named
    assert {"fsg", "collective-impact-forum", "strivetogether", "tamarack-institute"} <= named
    unlinked = payload["unlinked"]
    assert unlinked
    assert all(payload["degree"][i] == 0 for i in unlinked)
    assert all(payload["x"][i] is None for i in unlinked)
    assert sum(x is None for x in payload["x"]) == len(unlinked)
    assert payload["text"]["unlinked"] == t("network.unlinked", "he", n=len(unlinked))
    assert len(payload["coverage"]["index"]) == len(set(coverage["organisation_id"]) & set(ids))
