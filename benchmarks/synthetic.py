"""Synthetic datasets in the project's CSV schema, for the scale benchmarks.

Rows are drawn from the shipped dataset with their real (geocoded) coordinates
jittered by up to ``JITTER_DEGREES``, unique ids and numbered names, so they
look like the real thing to every part of the app and stay inside their
countries.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from mapping.data import COLUMNS, load_organisations
from mapping.export import export_table

DATA_DIR = Path(__file__).resolve().parent / "data"
JITTER_DEGREES = 0.02
SEED = 2015


def synthetic_table(rows: int, seed: int = SEED) -> pd.DataFrame:
    """Return ``rows`` synthetic organisations as a table of strings in the CSV schema."""
    base = export_table(load_organisations())
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(base), rows)
    table = base.iloc[picks].reset_index(drop=True)[list(COLUMNS)].astype(str)
    lat = base["latitude"].to_numpy(float)[picks] + rng.uniform(
        -JITTER_DEGREES, JITTER_DEGREES, rows
    )
    lon = base["longitude"].to_numpy(float)[picks] + rng.uniform(
        -JITTER_DEGREES, JITTER_DEGREES, rows
    )
    table["latitude"] = np.round(np.clip(lat, -89.9, 89.9), 5).astype(str)
    table["longitude"] = np.round(np.clip(lon, -179.9, 179.9), 5).astype(str)
    numbers = pd.Series(np.arange(rows)).astype(str)
    table["id"] = "org-" + numbers
    table["name"] = table["name"].str.slice(0, 24) + " #" + numbers
    table["year_started"] = table["year_started"].replace("<NA>", "")
    return table


def synthetic_file(rows: int, directory: Path = DATA_DIR) -> Path:
    """Write (once) and return the CSV of ``rows`` synthetic organisations."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"organisations-{rows}.csv"
    if not path.exists():
        synthetic_table(rows).to_csv(path, index=False)
    return path


# Synthetic links mimic the shipped ones: most point at a few hubs (networks, funders,
# advisers), the rest join ordinary organisations; relations in the shipped proportions.
HUB_SHARE = 0.02
HUB_LINK_SHARE = 0.6


def synthetic_links_table(rows: int, links: int, seed: int = SEED) -> pd.DataFrame:
    """Return ``links`` distinct synthetic links among ``synthetic_table(rows)``'s ids."""
    from mapping.network import LINK_COLUMNS, load_relationships

    shipped = load_relationships()["relation"].value_counts(normalize=True)
    rng = np.random.default_rng(seed)
    hubs = max(1, int(rows * HUB_SHARE))
    pairs: set[tuple[int, int]] = set()  # unordered: one link per pair of organisations
    while len(pairs) < links:
        need = links - len(pairs)
        source = rng.integers(0, rows, need)
        to_hub = rng.random(need) < HUB_LINK_SHARE
        # Hubs by a Zipf draw: a few take most of the links, as FSG and Tamarack do.
        hub = (rng.zipf(1.6, need) - 1) % hubs
        target = np.where(to_hub, hub, rng.integers(0, rows, need))
        pairs.update(
            (min(s, t), max(s, t)) for s, t in zip(source.tolist(), target.tolist(), strict=True)
        )
        pairs = {pair for pair in pairs if pair[0] != pair[1]}
    chosen = np.array(sorted(pairs)[:links])
    flip = rng.random(links) < 0.5  # hub first or last, at random
    source = np.where(flip, chosen[:, 1], chosen[:, 0])
    target = np.where(flip, chosen[:, 0], chosen[:, 1])
    order = rng.permutation(links)
    table = pd.DataFrame(
        {
            "source_id": "org-" + pd.Series(source[order]).astype(str),
            "target_id": "org-" + pd.Series(target[order]).astype(str),
            "relation": rng.choice(shipped.index.to_numpy(), links, p=shipped.to_numpy()),
            "source": "https://example.org/synthetic",
            "checked": "2026-12-01",
        }
    )
    return table.reindex(columns=list(LINK_COLUMNS), fill_value="")


def synthetic_links_file(rows: int, links: int, directory: Path = DATA_DIR) -> Path:
    """Write (once) and return the links CSV for ``synthetic_file(rows)``."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"relationships-{rows}-{links}.csv"
    if not path.exists():
        synthetic_links_table(rows, links).to_csv(path, index=False)
    return path
