"""A stable layout for the network graph: the same view is drawn the same way every time.

Each connected group is laid out on its own with a force-directed layout
(Fruchterman and Reingold, 1991) from a starting position fixed by the
organisations' ids, then the groups are packed in rows, largest first, with
the organisations linked to none in the view in a grid after them. Nothing
depends on the order rows arrive in, on the clock or on the browser, so a
rerun and a shared link draw the same picture.

Examples
--------
>>> positions = layout(["a", "b", "c"], [("a", "b")])
>>> positions == layout(["c", "b", "a"], [("b", "a")])
True
>>> sorted(positions)
['a', 'b', 'c']
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable

import numpy as np

# Per group: iterations, and the largest group laid out with every pair of nodes
# (bigger groups are sampled: each iteration repels from this many nodes).
ITERATIONS = 60
EXACT_REPULSION_LIMIT = 500
GAP = 0.25  # space between packed groups, in units of a one-node group


def layout(
    nodes: Iterable[str], edges: Iterable[tuple[str, str]]
) -> dict[str, tuple[float, float]]:
    """Return ``{node: (x, y)}`` for an undirected graph given as node ids and id pairs.

    Coordinates are in arbitrary units (about 1 per node of a group's side);
    the renderer fits them to the screen.
    """
    ordered = sorted(set(nodes))
    index = {node: i for i, node in enumerate(ordered)}
    pairs = {
        tuple(sorted((index[a], index[b])))
        for a, b in edges
        if a in index and b in index and a != b
    }
    groups = _groups(len(ordered), pairs)
    linked = [g for g in groups if len(g) > 1]
    lonely = [g[0] for g in groups if len(g) == 1]
    placed: dict[int, tuple[float, float]] = {}
    boxes = []
    for group in linked:
        members = set(group)
        local = {i: n for n, i in enumerate(group)}
        group_edges = [(local[a], local[b]) for a, b in pairs if a in members]
        points = _force_directed(len(group), group_edges, seed=_seed(ordered[group[0]]))
        boxes.append((group, points))
    cursor_x = cursor_y = row_height = 0.0
    row_width = max(math.sqrt(len(ordered)) * 3.0, 6.0)
    for group, points in boxes:
        side = math.sqrt(len(group)) * 1.6
        if cursor_x > 0 and cursor_x + side > row_width:
            cursor_x, cursor_y, row_height = 0.0, cursor_y + row_height + GAP * 4, 0.0
        for i, (x, y) in zip(group, points, strict=True):
            placed[i] = (cursor_x + x * side, cursor_y + y * side)
        cursor_x += side + GAP * 4
        row_height = max(row_height, side)
    if lonely:
        top = cursor_y + row_height + GAP * 8 if boxes else 0.0
        columns = max(int(math.sqrt(len(lonely)) * 2), 1)
        for n, i in enumerate(sorted(lonely)):
            placed[i] = ((n % columns) * 1.0, top + (n // columns) * 1.0)
    return {ordered[i]: (round(float(x), 3), round(float(y), 3)) for i, (x, y) in placed.items()}


def _seed(text: str) -> int:
    """A seed fixed by a node id (Python's ``hash`` changes between processes)."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:4], "little")


def _groups(count: int, pairs: set[tuple[int, int]]) -> list[list[int]]:
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


def _force_directed(count: int, edges: list[tuple[int, int]], seed: int) -> np.ndarray:
    """Fruchterman-Reingold positions of one connected group, scaled into [0, 1]^2."""
    rng = np.random.default_rng(seed)
    pos = rng.uniform(0.0, 1.0, size=(count, 2)).astype(np.float32)
    if count == 2:
        return np.array([[0.0, 0.5], [1.0, 0.5]])
    k = 1.0 / math.sqrt(count)
    ends = np.array(edges, dtype=int).reshape(-1, 2)
    temperature = 0.1
    sample = count if count <= EXACT_REPULSION_LIMIT else EXACT_REPULSION_LIMIT
    for step in range(ITERATIONS):
        others = pos if sample == count else pos[rng.choice(count, sample, replace=False)]
        delta = pos[:, None, :] - others[None, :, :]
        distance = np.maximum(np.linalg.norm(delta, axis=2), 0.01)
        displacement = (delta * (k * k / distance**2)[:, :, None]).sum(axis=1)
        displacement *= count / sample
        if len(ends):
            pull = pos[ends[:, 0]] - pos[ends[:, 1]]
            length = np.maximum(np.linalg.norm(pull, axis=1), 0.01)
            force = pull * (length / k)[:, None]
            np.add.at(displacement, ends[:, 0], -force)
            np.add.at(displacement, ends[:, 1], force)
        length = np.maximum(np.linalg.norm(displacement, axis=1), 1e-9)
        pos += displacement / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature *= 1.0 - (step + 1) / (ITERATIONS + 1) * 0.1
    low, high = pos.min(axis=0), pos.max(axis=0)
    return (pos - low) / np.maximum(high - low, 1e-9)
