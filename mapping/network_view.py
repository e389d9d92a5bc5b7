"""The Network page's graph: what the browser draws, and the offline page that draws it.

``graph_view`` chooses the organisations of a view (optionally with their
direct partners) and, above ``NODE_LIMIT``, keeps the most linked ones;
``graph_payload`` turns them into compact arrays: the organisations as the
map ships them (``mapping.maps.organisations_payload``, so the details panel
is the map's), fixed positions (``mapping.layout``), sizes by links, and the
links with their relation. The app hands the payload to its component frame
(``mapping/assets/network_frame``), which draws it with Cytoscape.js and
``mapping/assets/network.js``, served by the app itself. Every text from the
data travels as JSON and is drawn on a canvas or put on the page as text
(``details.js``): names are never markup.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from mapping import layout, maps, network, vocab
from mapping.i18n import category_label, t

# Above this many organisations the graph keeps the most linked ones (the
# metrics and downloads still cover the whole view): Cytoscape.js draws 2,000
# nodes and 6,000 links smoothly on a laptop, and a readable graph has fewer.
NODE_LIMIT = 2_000
# Names always shown, in full: every named network's organisation in the view and these
# many of the most linked (the others appear on zoom).
HUB_LABELS = 12
FRAME_HEIGHT = 620
# On the Present page at 1920x1080: the screen under the title, above the caption.
PRESENTER_HEIGHT = 800


@dataclass(frozen=True)
class GraphView:
    """The organisations a graph draws and the links among them."""

    organisations: pd.DataFrame
    links: pd.DataFrame
    # How many organisations the view had before NODE_LIMIT kept the most linked.
    total: int
    # Organisations added as direct partners of the view's (not matched by its filters).
    partners: int = 0
    # The organisation a "linked to" view is linked to (drawn even when filtered out), or "".
    anchor: str = ""

    @property
    def trimmed(self) -> bool:
        """Whether the graph shows only the most linked organisations of the view."""
        return len(self.organisations) < self.total


def graph_view(
    all_organisations: pd.DataFrame,
    shown: pd.DataFrame,
    links: pd.DataFrame,
    *,
    partners: bool = False,
    limit: int = NODE_LIMIT,
    linked: pd.DataFrame | None = None,
) -> GraphView:
    """The organisations to draw: ``shown``, plus their direct partners, at most ``limit``.

    Parameters
    ----------
    all_organisations : pandas.DataFrame
        Every organisation (partners come from here).
    shown : pandas.DataFrame
        The organisations the filters select.
    links : pandas.DataFrame
        Every link.
    partners : bool
        Add every organisation directly linked to one of ``shown``.
    limit : int
        Keep at most this many: the most linked within the view (ties by id).
    linked : pandas.DataFrame, optional
        The organisation of a "linked to" view (one row): drawn with its links
        to the view's organisations (the reason each is in the view) even when
        the filters leave it out, and never trimmed away.
    """
    ids = set(shown["id"])
    chosen = network.neighbour_ids(links, ids) if partners else ids
    organisations = all_organisations[all_organisations["id"].isin(chosen)]
    anchor = ""
    if linked is not None and len(linked):
        anchor = str(linked["id"].iloc[0])
        organisations = network.with_linked(organisations, linked.iloc[:1])
        ids.add(anchor)
    inside = network.view_links(links, organisations["id"])
    total = len(organisations)
    if total > limit:
        counts = pd.concat([inside["source_id"], inside["target_id"]]).value_counts()
        degree = organisations["id"].map(counts).fillna(0)
        order = pd.DataFrame({"id": organisations["id"], "degree": degree})
        order["anchor"] = order["id"] == anchor
        ranked = order.sort_values(["anchor", "degree", "id"], ascending=[False, False, True])
        keep = ranked.head(limit)["id"]
        organisations = organisations[organisations["id"].isin(set(keep))]
        inside = network.view_links(inside, organisations["id"])
    return GraphView(organisations, inside, total, len(set(organisations["id"]) - ids), anchor)


def homes(links: pd.DataFrame, runners: Iterable[str]) -> dict[str, str]:
    """Each member's network to be drawn around: ``{member id: runner id}``.

    A member of several named networks is drawn around the one with the most members
    among ``links`` (ties by the runner's id), so the largest networks read whole.

    >>> links = pd.DataFrame({"source_id": ["a", "b", "b", "c"],
    ...                       "target_id": ["big", "big", "small", "x"],
    ...                       "relation": ["member_of", "member_of", "member_of", "member_of"]})
    >>> homes(links, ["big", "small"])
    {'a': 'big', 'b': 'big'}
    """
    runners = set(runners)
    member = links.loc[
        (links["relation"] == "member_of") & links["target_id"].isin(runners),
        ["source_id", "target_id"],
    ].drop_duplicates()
    size = member["target_id"].value_counts()
    member = member.assign(_size=member["target_id"].map(size))
    member = member.sort_values(["source_id", "_size", "target_id"], ascending=[True, False, True])
    first = member.drop_duplicates("source_id")
    return dict(zip(first["source_id"], first["target_id"], strict=True))


def hub_indices(
    degree: list[int],
    ids: list[str],
    runners: Iterable[str],
    top: int,
    around: Mapping[str, int] | None = None,
) -> list[int]:
    """The organisations named in full: every linked runner and the ``top`` most linked.

    In reading order: most links beyond the members drawn around it (``around``, by id)
    first, so an organisation that ties the networks together (FSG, the Collective
    Impact Forum) is named before a network whose links are mostly its own members; a
    screen with room for fewer names (the Present page, or names that would overlap)
    takes the first ones. Ties by id.

    >>> hub_indices([5, 0, 2, 1, 3], ["a", "b", "c", "d", "e"], runners=["d", "b"], top=2)
    [0, 4, 3]
    >>> hub_indices([5, 0, 2, 1, 3], ["a", "b", "c", "d", "e"], ["a"], 2, around={"a": 4})
    [4, 0]
    """
    runners, around = set(runners), around or {}
    by_degree = sorted(range(len(ids)), key=lambda i: (-degree[i], ids[i]))
    chosen = set(by_degree[:top]) | {i for i in by_degree if ids[i] in runners}
    beyond = sorted(chosen, key=lambda i: (-(degree[i] - around.get(ids[i], 0)), ids[i]))
    return [i for i in beyond if degree[i] > 0]


def unlinked_indices(degree: list[int], names: list[str]) -> list[int]:
    """The organisations linked to none in the view, by name (listed, not drawn).

    >>> unlinked_indices([0, 2, 0], ["b", "a", "a"])
    [2, 0]
    """
    return sorted((i for i, d in enumerate(degree) if not d), key=lambda i: (names[i], i))


def coverage_payload(coverage: pd.DataFrame | None, ids: list[str], lang: str) -> dict:
    """For each runner in the graph, its networks' coverage sentences and roster pages.

    ``coverage`` is ``mapping.network.coverage`` (the whole atlas's: a roster's coverage
    does not change with the filters). Returns ``{"index", "text", "source"}``, one entry
    per network, in ``coverage`` order.
    """
    found = {"index": [], "text": [], "source": []}
    if coverage is None:
        return found
    where = {org: i for i, org in enumerate(ids)}
    for row in coverage.to_dict("records"):
        if row["organisation_id"] in where:
            found["index"].append(where[row["organisation_id"]])
            found["text"].append(network.coverage_message(row).render(lang, isolate=True))
            found["source"].append(row["roster_source"])
    return found


def graph_payload(
    view: GraphView,
    lang: str = "en",
    selected: str = "",
    coverage: pd.DataFrame | None = None,
) -> dict:
    """The compact arrays ``network.js`` draws (see the module docstring).

    ``selected`` is the id of an organisation whose details open at once (a link's
    ``org``). ``coverage`` (``mapping.network.coverage``) names the networks: their
    members are drawn around their runner, the runner is named in full, and its details
    say how complete its network is.
    """
    organisations = view.organisations
    linked = organisations.loc[organisations["id"] == view.anchor] if view.anchor else None
    payload = maps.organisations_payload(
        organisations,
        details=True,
        lang=lang,
        ids=True,
        links=view.links,
        suggest=maps.suggest_action(lang),
        linked=linked,
    )
    runners = [] if coverage is None else list(coverage["organisation_id"])
    ends = zip(view.links["source_id"], view.links["target_id"], strict=True)
    home = homes(view.links, runners)
    positions = layout.layout(organisations["id"], ends, home)
    ids = payload["ids"]
    links = payload.get("links", {"source": [], "target": []})
    degree = [0] * len(ids)
    for i in links["source"] + links["target"]:
        degree[i] += 1
    unlinked = unlinked_indices(degree, payload["name"])
    keys = list(vocab.RELATIONS)
    return {
        "org": payload,
        # Organisations linked to none in the view have no place in the graph (null).
        "x": [positions[i][0] if i in positions else None for i in ids],
        "y": [positions[i][1] if i in positions else None for i in ids],
        "degree": degree,
        "size": [round(14 + 6 * math.sqrt(d), 1) for d in degree],
        "hubs": hub_indices(degree, ids, runners, HUB_LABELS, Counter(home.values())),
        "unlinked": unlinked,
        "coverage": coverage_payload(coverage, ids, lang),
        "anchor": ids.index(view.anchor) if view.anchor in ids else -1,
        "selected": ids.index(selected) if selected in ids else -1,
        "relations": {
            "keys": keys,
            "labels": [category_label("relation", r, lang) for r in keys],
            "styles": [list(vocab.RELATION_STYLES[r]) for r in keys],
            "directed": [r not in vocab.SYMMETRIC_RELATIONS for r in keys],
        },
        "text": {
            key: t(f"network.{key}", lang)
            for key in (
                "search_label",
                "search_placeholder",
                "list_label",
                "list_prompt",
                "fit",
                "legend_roles",
                "legend_links",
                "legend_size",
                "details_prompt",
                "graph_label",
                "coverage_title",
                "roster_link",
            )
        }
        | {
            "matches": t("network.matches", lang, n="{n}"),
            "no_match": t("network.no_match", lang),
            "unlinked": t("network.unlinked", lang, n=len(unlinked)) if unlinked else "",
        },
    }
