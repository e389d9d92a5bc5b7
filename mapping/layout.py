"""A stable layout for the network graph: the same view is drawn the same way every time.

The graph is read at first sight when each named network's members sit around
the organisation that runs it. So the layout works on *units*: a hub (a
network's runner) with the members it is given as their ``home`` is one unit,
drawn as a disc with the hub at its centre and its members around it, most
linked nearest (a sunflower pattern); every other linked organisation is a
unit of its own. The units of each connected group are placed by a
force-directed layout (Fruchterman and Reingold, 1991) of the links between
them, from a starting position fixed by the ids, then pushed apart until no
two discs overlap; the groups are packed in rows, largest first.
Organisations linked to none in the view get no position: the page lists
them instead of drawing them. Nothing depends on the order rows arrive in,
on the clock or on the browser, so a rerun and a shared link draw the same
picture.

Coordinates are in units of the space between two members of a disc.

Examples
--------
>>> positions = layout(["a", "b", "c", "d"], [("a", "b")])
>>> positions == layout(["d", "c", "b", "a"], [("b", "a")])
True
>>> sorted(positions)  # "c" and "d" are linked to nothing: not drawn
['a', 'b']
>>> star = layout(["hub", "m1", "m2", "x"], [("m1", "hub"), ("m2", "hub"), ("x", "m1")],
...               homes={"m1": "hub", "m2": "hub"})
>>> distance(star, "hub", "m1") < distance(star, "hub", "x")
True
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping

import numpy as np

# Force-directed iterations over a group's units, and the largest group laid out with
# every pair of units (bigger groups are sampled: each iteration repels from this many).
ITERATIONS = 80
EXACT_REPULSION_LIMIT = 500
# Rounds of pushing overlapping discs apart (each round moves every overlapping pair).
SEPARATION_ROUNDS = 400
# A member's distance from the previous one in a disc, and the room around each disc.
SPACING = 1.0
MARGIN = 1.2
GAP = 1.5  # between packed groups


def layout(
    nodes: Iterable[str],
    edges: Iterable[tuple[str, str]],
    homes: Mapping[str, str] | None = None,
) -> dict[str, tuple[float, float]]:
    """Return ``{node: (x, y)}`` for the linked nodes of an undirected graph.

    Parameters
    ----------
    nodes : iterable of str
        Node ids.
    edges : iterable of (str, str)
        Id pairs; pairs with an end not in ``nodes``, and loops, are ignored.
    homes : mapping of str to str, optional
        A member's hub: the member is drawn around it. Members or hubs not in ``nodes``,
        and a member with no link in the graph, are ignored.

    Returns
    -------
    dict
        A position for every node with at least one link (nodes linked to nothing
        are left out).
    """
    ordered = sorted(set(nodes))
    index = {node: i for i, node in enumerate(ordered)}
    pairs = {
        (min(index[a], index[b]), max(index[a], index[b]))
        for a, b in edges
        if a in index and b in index and a != b
    }
    degree = np.zeros(len(ordered), dtype=int)
    for a, b in pairs:
        degree[a] += 1
        degree[b] += 1
    home = _homes(ordered, index, degree, homes or {})
    boxes = []
    for group in _groups(len(ordered), pairs):
        if len(group) > 1:
            boxes.append(_group_layout(group, pairs, home, degree, ordered))
    placed = _pack(boxes)
    return {ordered[i]: (round(float(x), 3), round(float(y), 3)) for i, (x, y) in placed.items()}


def _pack(boxes: list[dict[int, tuple[float, float]]]) -> dict[int, tuple[float, float]]:
    """The groups side by side: the largest on the left, the others in rows to its right.

    The rows are about as tall as the largest group, so the whole is wider than tall,
    like a screen, and the largest group (the field's shape) takes most of it.
    """
    placed: dict[int, tuple[float, float]] = {}
    if not boxes:
        return placed
    spans = []
    for points in boxes:
        xs = [p[0] for p in points.values()]
        ys = [p[1] for p in points.values()]
        spans.append((min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    _, _, first_width, first_height = spans[0]
    rest = spans[1:]
    area = sum((w + GAP) * (h + GAP) for _, _, w, h in rest)
    row_width = max([w for _, _, w, _ in rest] + [area / max(first_height, 1.0) * 1.15, 1.0])
    start = first_width + 2 * GAP
    origins = [(0.0, 0.0)]
    cursor_x = cursor_y = row_height = 0.0
    for _, _, width, height in rest:
        if cursor_x > 0 and cursor_x + width > row_width:
            cursor_x, cursor_y, row_height = 0.0, cursor_y + row_height + GAP, 0.0
        origins.append((start + cursor_x, cursor_y))
        cursor_x += width + GAP
        row_height = max(row_height, height)
    for points, (left, top, _, _), (ox, oy) in zip(boxes, spans, origins, strict=True):
        for i, (x, y) in points.items():
            placed[i] = (ox + x - left, oy + y - top)
    return placed


def distance(positions: Mapping[str, tuple[float, float]], a: str, b: str) -> float:
    """How far apart two placed nodes are."""
    (ax, ay), (bx, by) = positions[a], positions[b]
    return math.hypot(ax - bx, ay - by)


def _homes(
    ordered: list[str], index: dict[str, int], degree: np.ndarray, homes: Mapping[str, str]
) -> dict[int, int]:
    """``homes`` by node index, kept only where both ends are linked nodes of the graph.

    A hub is its own home, so a hub that is also listed as another hub's member stays
    the centre of its own disc.
    """
    hubs = {index[h] for h in homes.values() if h in index and degree[index[h]]}
    found = {}
    for member, hub in homes.items():
        m, h = index.get(member), index.get(hub)
        if m is None or h is None or m == h or m in hubs or not degree[m] or not degree[h]:
            continue
        found[m] = h
    return found


def _seed(text: str) -> int:
    """A seed fixed by a node id (Python's ``hash`` changes between processes)."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:4], "little")


def _groups(count: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Connected groups (union-find), largest first, each in node order."""
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[int, list[int]] = {}
    for i in range(count):
        members.setdefault(root(i), []).append(i)
    return sorted(members.values(), key=lambda g: (-len(g), g[0]))


def _group_layout(
    group: list[int],
    pairs: set[tuple[int, int]],
    home: dict[int, int],
    degree: np.ndarray,
    ordered: list[str],
) -> dict[int, tuple[float, float]]:
    """Positions of one connected group: its units placed, then each disc filled."""
    inside = set(group)
    # A unit per hub (with its members) and per other node; a member's unit is its hub's.
    unit_of = {i: home.get(i, i) for i in group}
    units = sorted(set(unit_of.values()))
    position = {u: n for n, u in enumerate(units)}
    members: dict[int, list[int]] = {u: [] for u in units}
    for i in group:
        if i != unit_of[i]:
            members[unit_of[i]].append(i)
    radius = np.array([_disc_radius(len(members[u])) for u in units])
    weights: dict[tuple[int, int], int] = {}
    for a, b in pairs:
        if a in inside:
            ua, ub = position[unit_of[a]], position[unit_of[b]]
            if ua != ub:
                key = (min(ua, ub), max(ua, ub))
                weights[key] = weights.get(key, 0) + 1
    centres = _force_directed(len(units), weights, seed=_seed(ordered[group[0]]))
    # Spread the unit square to the discs' total area, then push overlapping discs apart.
    side = math.sqrt(float(np.sum((2 * radius) ** 2))) * 1.1
    centres = _separate(centres * side, radius)
    placed: dict[int, tuple[float, float]] = {}
    for u, (cx, cy) in zip(units, centres, strict=True):
        placed[u] = (float(cx), float(cy))
        # Most linked nearest the hub; ties by id, so the disc is the same every time.
        ring = sorted(members[u], key=lambda i: (-degree[i], i))
        for k, i in enumerate(ring, start=1):
            r, angle = _sunflower(k)
            placed[i] = (float(cx) + r * math.cos(angle), float(cy) + r * math.sin(angle))
    return placed


GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def _sunflower(k: int) -> tuple[float, float]:
    """The ``k``-th member's radius and angle around its hub (Vogel's spiral, k >= 1).

    The first ring keeps clear of the hub, which is drawn larger than its members.
    """
    return SPACING * (0.9 + 0.62 * math.sqrt(k)), k * GOLDEN_ANGLE


def _disc_radius(count: int) -> float:
    """The room a hub with ``count`` members needs (a lone node: ``MARGIN / 2``)."""
    if not count:
        return MARGIN / 2
    return _sunflower(count)[0] + MARGIN


def _force_directed(count: int, weights: dict[tuple[int, int], int], seed: int) -> np.ndarray:
    """Fruchterman-Reingold positions of one connected group's units, in [0, 1]^2.

    A pair of units linked ``w`` times pulls as ``sqrt(w)`` links: a network tied to the
    field by many links sits nearer its centre, without collapsing onto it.
    """
    if count == 1:
        return np.array([[0.5, 0.5]])
    if count == 2:
        return np.array([[0.0, 0.5], [1.0, 0.5]])
    rng = np.random.default_rng(seed)
    pos = rng.uniform(0.0, 1.0, size=(count, 2))
    k = 1.0 / math.sqrt(count)
    ends = np.array(list(weights), dtype=int).reshape(-1, 2)
    strength = np.sqrt(np.array(list(weights.values()), dtype=float))
    temperature = 0.1
    sample = min(count, EXACT_REPULSION_LIMIT)
    for step in range(ITERATIONS):
        others = pos if sample == count else pos[rng.choice(count, sample, replace=False)]
        delta = pos[:, None, :] - others[None, :, :]
        distance = np.maximum(np.linalg.norm(delta, axis=2), 0.01)
        displacement = (delta * (k * k / distance**2)[:, :, None]).sum(axis=1)
        displacement *= count / sample
        if len(ends):
            pull = pos[ends[:, 0]] - pos[ends[:, 1]]
            length = np.maximum(np.linalg.norm(pull, axis=1), 0.01)
            force = pull * (strength * length / k)[:, None]
            np.add.at(displacement, ends[:, 0], -force)
            np.add.at(displacement, ends[:, 1], force)
        length = np.maximum(np.linalg.norm(displacement, axis=1), 1e-9)
        pos += displacement / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature *= 1.0 - (step + 1) / (ITERATIONS + 1) * 0.1
    low, high = pos.min(axis=0), pos.max(axis=0)
    return (pos - low) / np.maximum(high - low, 1e-9)


def _separate(centres: np.ndarray, radius: np.ndarray) -> np.ndarray:
    """Move each hub's disc clear of every other unit (each pair shares the move by size).

    Only pairs with a disc are pushed: lone organisations are spaced by the force-directed
    layout already, and checking every pair of them would cost rounds x units^2.
    """
    pos = centres.astype(float).copy()
    discs = np.flatnonzero(radius > MARGIN / 2)
    if len(pos) < 2 or not len(discs):
        return pos
    need = radius[discs][:, None] + radius[None, :]
    area = radius**2
    # The smaller of two units moves more: the disc by area_j / (area_disc + area_j).
    disc_share = area[None, :] / (area[discs][:, None] + area[None, :])
    # Two units on the same spot part along a direction fixed by their indices.
    turn = np.arange(len(pos))[None, :] + discs[:, None]
    fallback = np.stack([np.cos(turn), np.sin(turn)], axis=2)
    rows = np.arange(len(discs))
    for _ in range(SEPARATION_ROUNDS):
        delta = pos[discs][:, None, :] - pos[None, :, :]
        dist = np.linalg.norm(delta, axis=2)
        overlap = need - dist
        overlap[rows, discs] = 0.0
        if overlap.max() <= 1e-6:
            break
        overlap = np.maximum(overlap, 0.0)
        direction = np.where(
            dist[:, :, None] > 1e-9, delta / np.maximum(dist, 1e-9)[:, :, None], fallback
        )
        push = direction * overlap[:, :, None] * 0.5
        np.add.at(pos, discs, (push * disc_share[:, :, None]).sum(axis=1))
        pos -= (push * (1 - disc_share)[:, :, None]).sum(axis=0)
    return pos
