"""Exports of exactly the organisations a view shows.

CSV is for spreadsheets: UTF-8 with a byte-order mark (so Excel opens Hebrew
correctly), multi-valued fields joined with ``;``, latitude/longitude instead
of a geometry column, and text cells that a spreadsheet would read as a
formula prefixed with ``'`` (OWASP CSV injection).
"""

from __future__ import annotations

import json

import pandas as pd

from mapping.data import COLUMNS, DERIVED, MULTI_VALUED

EXPORT_COLUMNS = COLUMNS + DERIVED
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NUMERIC_COLUMNS = ("latitude", "longitude", "year_started")


def neutralise_formula(text: str) -> str:
    """Prefix ``'`` to text a spreadsheet would evaluate as a formula."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def export_table(gdf: pd.DataFrame) -> pd.DataFrame:
    """Return the organisations as a plain table of export columns (no geometry).

    Multi-valued fields are joined with ``;``; text cells are formula-safe;
    numbers stay numbers.
    """
    table = pd.DataFrame(index=range(len(gdf)))
    for column in EXPORT_COLUMNS:
        values = gdf[column] if column in gdf else pd.Series([""] * len(gdf))
        if column in NUMERIC_COLUMNS:
            table[column] = values.to_numpy()
        elif column in MULTI_VALUED:
            table[column] = [neutralise_formula(";".join(v)) for v in values]
        else:
            table[column] = [neutralise_formula("" if pd.isna(v) else str(v)) for v in values]
    return table


def to_csv_bytes(gdf: pd.DataFrame) -> bytes:
    """Return the organisations as CSV bytes for spreadsheets.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Organisations (typically ``Filters.apply`` output).

    Returns
    -------
    bytes
        UTF-8 with BOM; header ``EXPORT_COLUMNS``; one line per organisation.
    """
    text = export_table(gdf).to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def to_geojson_bytes(gdf: pd.DataFrame, metadata: dict | None = None) -> bytes:
    """Return the organisations as a GeoJSON FeatureCollection (UTF-8).

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Organisations.
    metadata : dict, optional
        Stored as the collection's top-level ``metadata`` member.

    Returns
    -------
    bytes
    """
    features = []
    for record in gdf.to_dict("records"):
        properties = {}
        for column in EXPORT_COLUMNS:
            value = record.get(column)
            if column in MULTI_VALUED:
                value = list(value)
            elif column == "year_started":
                value = None if pd.isna(value) else int(value)
            elif column in ("latitude", "longitude"):
                value = float(value)
            properties[column] = value
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [record["longitude"], record["latitude"]],
                },
                "properties": properties,
            }
        )
    collection: dict = {"type": "FeatureCollection", "features": features}
    if metadata is not None:
        collection["metadata"] = metadata
    return json.dumps(collection, ensure_ascii=False, indent=1).encode("utf-8")
