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
