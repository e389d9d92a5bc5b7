"""The graph of a view: what it draws, and the organisation a "linked to" view is linked to."""

from mapping import network_view
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
