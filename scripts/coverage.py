"""Print the dataset's coverage tables (Markdown) for the data card and closing notes.

Run: ``python scripts/coverage.py [path/to/organisations.csv]``
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mapping import vocab
from mapping.data import load_organisations


def markdown(table: pd.DataFrame) -> str:
    """Render a small table as GitHub Markdown."""
    header = "| " + " | ".join([table.index.name or "", *map(str, table.columns)]) + " |"
    rule = "|" + "---|" * (len(table.columns) + 1)
    rows = [
        "| " + " | ".join([str(i), *map(str, r)]) + " |"
        for i, r in zip(table.index, table.values, strict=True)
    ]
    return "\n".join([header, rule, *rows])


def main() -> None:
    """Print region x role, domains, scopes, types and precision tables."""
    gdf = load_organisations(sys.argv[1] if len(sys.argv) > 1 else None)
    regions = list(vocab.WORLD_REGIONS)
    table = pd.DataFrame(index=pd.Index(regions, name="Region"))
    table["Organisations"] = gdf["world_region"].value_counts().reindex(regions, fill_value=0)
    for role in vocab.ROLES:
        held = gdf[[role in roles for roles in gdf["roles"]]]
        table[vocab.label(role)] = (
            held["world_region"].value_counts().reindex(regions, fill_value=0)
        )
    table["With year"] = (
        gdf[gdf["year_started"].notna()]["world_region"]
        .value_counts()
        .reindex(regions, fill_value=0)
    )
    table["Not city-precise"] = (
        gdf[gdf["location_precision"] != "city"]["world_region"]
        .value_counts()
        .reindex(regions, fill_value=0)
    )
    table.loc["Total"] = table.sum()
    print(markdown(table), end="\n\n")
    domains = pd.Series(
        {vocab.label(d): sum(d in v for v in gdf["domains"]) for d in vocab.DOMAINS},
        name="Organisations",
    )
    print(markdown(domains.to_frame().rename_axis("Domain")), end="\n\n")
    scopes = (
        gdf["scope"]
        .value_counts()
        .reindex(list(vocab.SCOPES), fill_value=0)
        .rename("Organisations")
    )
    print(markdown(scopes.rename(index=vocab.label).to_frame().rename_axis("Scope")), end="\n\n")
    types = (
        gdf["org_type"]
        .value_counts()
        .reindex(list(vocab.ORG_TYPES), fill_value=0)
        .rename("Organisations")
    )
    print(markdown(types.rename(index=vocab.label).to_frame().rename_axis("Type")), end="\n\n")
    precision = gdf["location_precision"].value_counts().rename("Organisations")
    print(markdown(precision.to_frame().rename_axis("Location precision")), end="\n\n")
    print(
        f"Countries: {gdf['country_code'].nunique()}; websites: {(gdf['website'] != '').sum()}; "
        f"year_started: {gdf['year_started'].notna().sum()}"
    )


if __name__ == "__main__":
    main()
