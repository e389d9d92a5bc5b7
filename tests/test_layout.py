"""The network graph's layout: stable, members around their network, unlinked left out."""

from __future__ import annotations

import math

import pytest

from mapping import layout


def star(hub: str, members: int) -> list[tuple[str, str]]:
    """``members`` organisations, each a member of ``hub``."""
    return [(f"{hub}-m{i}", hub) for i in range(members)]


TWO_NETWORKS = star("net-a", 12) + star("net-b", 8) + [("bridge", "net-a"), ("bridge", "net-b")]
HOMES = {m: h for m, h in TWO_NETWORKS if m != "bridge"}
NODES = sorted({n for pair in TWO_NETWORKS for n in pair} | {"alone-1", "alone-2"})


@pytest.mark.parametrize(
    ("nodes", "edges", "homes", "placed"),
    [
        # Why: an organisation linked to nothing is listed by the page, not drawn.
        (["a", "b", "c"], [("a", "b")], None, {"a", "b"}),
        # Why: a loop is no link, so its organisation is not drawn either.
        (["a", "b"], [("a", "a")], None, set()),
        # Why: a link to an organisation outside the view is ignored.
        (["a"], [("a", "z")], None, set()),
        # Why: a home outside the view (a filtered-out runner) changes nothing drawn.
        (["a", "b"], [("a", "b")], {"a": "gone"}, {"a", "b"}),
        # Why: a home that is not linked in the graph is no home.
        (["a", "b", "h"], [("a", "b")], {"a": "h"}, {"a", "b"}),
    ],
)
def test_only_linked_organisations_are_placed(nodes, edges, homes, placed):
    assert set(layout.layout(nodes, edges, homes)) == placed


def test_the_same_view_is_drawn_the_same_way_whatever_the_row_order():
    forward = layout.layout(NODES, TWO_NETWORKS, HOMES)
    backward = layout.layout(reversed(NODES), [(b, a) for a, b in reversed(TWO_NETWORKS)], HOMES)
    assert forward == backward


def test_each_networks_members_sit_around_it_nearer_than_the_other_network():
    positions = layout.layout(NODES, TWO_NETWORKS, HOMES)
    for member, hub in HOMES.items():
        other = "net-b" if hub == "net-a" else "net-a"
        assert layout.distance(positions, member, hub) < layout.distance(positions, member, other)


def test_no_disc_overlaps_another_organisation():
    # Each network's members fit in a disc around its hub; nothing else is inside it.
    positions = layout.layout(NODES, TWO_NETWORKS, HOMES)
    for hub in ("net-a", "net-b"):
        mine = [m for m, h in HOMES.items() if h == hub]
        reach = max(layout.distance(positions, m, hub) for m in mine)
        for node in positions:
            if node != hub and node not in mine:
                assert layout.distance(positions, node, hub) > reach


@pytest.mark.parametrize(
    ("k", "why"),
    [(1, "the first member keeps clear of the hub"), (50, "far members stay apart")],
)
def test_members_of_a_disc_keep_apart(k, why):
    r1, a1 = layout._sunflower(k)
    r2, a2 = layout._sunflower(k + 1)
    gap = math.dist((r1 * math.cos(a1), r1 * math.sin(a1)), (r2 * math.cos(a2), r2 * math.sin(a2)))
    assert r1 >= 0.9, why
    assert gap > 0.5, why


def test_the_largest_group_is_on_the_left_and_the_others_beside_it():
    edges = [*star("big", 30), ("p1", "p2"), ("q1", "q2")]
    homes = {m: "big" for m, _ in star("big", 30)}
    positions = layout.layout([n for pair in edges for n in pair], edges, homes)
    right_edge = max(positions[m][0] for m, _ in star("big", 30))
    assert all(positions[n][0] > right_edge for n in ("p1", "p2", "q1", "q2"))
