"""Print the dataset's coverage tables (Markdown) for the data card and closing notes.

Run: ``python scripts/coverage.py [path/to/organisations.csv]``
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mapping import network, vocab
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


def roster_table(networks: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """Each named network's coverage (``mapping.network.coverage``) as the data card shows it.

    Best covered first; networks without a published size last. Text cells have ``|``
    escaped so a note cannot break the Markdown table.
    """
    table = network.best_covered_first(network.coverage(networks, links))
    return pd.DataFrame(
        {
            "Listed members": [
                "" if pd.isna(size) else f"{int(size):,}" for size in table["roster_size"]
            ],
            "In the atlas": table["members"].to_numpy(),
            "Share": ["" if pd.isna(v) else f"{v:.0%}" for v in table["share"]],
            "Roster of": table["roster_date"].to_numpy(),
            "What counts, and what is missing": [
                note.replace("|", "\\|") for note in table["roster_note"]
            ],
        },
        index=pd.Index([n.replace("|", "\\|") for n in table["network"]], name="Network"),
    )


def main() -> None:
    """Print region x role, years, links, network coverage, domains, scopes, types, precision."""
    gdf = load_organisations(sys.argv[1] if len(sys.argv) > 1 else None)
    links = network.load_relationships(organisations=gdf)
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
    linked = set(links["source_id"]) | set(links["target_id"])
    table["Linked"] = (
        gdf[gdf["id"].isin(linked)]["world_region"].value_counts().reindex(regions, fill_value=0)
    )
    table.loc["Total"] = table.sum()
    print(markdown(table), end="\n\n")
    types = list(vocab.ORG_TYPES)
    years = pd.DataFrame(index=pd.Index([vocab.label(t) for t in types], name="Type"))
    counts = gdf["org_type"].value_counts().reindex(types, fill_value=0)
    dated = gdf[gdf["year_started"].notna()]["org_type"].value_counts().reindex(types, fill_value=0)
    ended = gdf[gdf["year_ended"].notna()]["org_type"].value_counts().reindex(types, fill_value=0)
    years["Organisations"] = counts.to_numpy()
    years["With year_started"] = dated.to_numpy()
    years["Share"] = [f"{d / c:.0%}" if c else "" for d, c in zip(dated, counts, strict=True)]
    years["With year_ended"] = ended.to_numpy()
    print(markdown(years), end="\n\n")
    region_of = dict(zip(gdf["id"], gdf["world_region"], strict=True))
    by_relation = pd.DataFrame(index=pd.Index(list(vocab.RELATIONS), name="Relation"))
    by_relation["Links"] = links["relation"].value_counts().reindex(by_relation.index, fill_value=0)
    source_region = links["source_id"].map(region_of)
    for region in regions:
        in_region = links[source_region == region]["relation"].value_counts()
        by_relation[f"from {region}"] = in_region.reindex(by_relation.index, fill_value=0)
    by_relation["With since"] = (
        links[links["since"].notna()]["relation"]
        .value_counts()
        .reindex(by_relation.index, fill_value=0)
    )
    by_relation.loc["Total"] = by_relation.sum()
    print(markdown(by_relation), end="\n\n")
    graph = network.view_graph(gdf, links)
    top = network.degree(graph).head(10)
    names = dict(zip(gdf["id"], gdf["name"], strict=True))
    print(
        markdown(
            pd.DataFrame(
                {"Links": top.to_numpy()},
                index=pd.Index([names[i] for i in top.index], name="Most linked"),
            )
        ),
        end="\n\n",
    )
    print(
        f"Links: {len(links)}; organisations linked: {gdf['id'].isin(linked).sum()} "
        f"({gdf['id'].isin(linked).mean():.0%}); connected groups: "
        f"{len(network.components(graph))}, largest {len(network.components(graph)[0])}",
        end="\n\n",
    )
    print(markdown(roster_table(network.networks_table(organisations=gdf), links)), end="\n\n")
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
    type_counts = (
        gdf["org_type"]
        .value_counts()
        .reindex(list(vocab.ORG_TYPES), fill_value=0)
        .rename("Organisations")
    )
    print(
        markdown(type_counts.rename(index=vocab.label).to_frame().rename_axis("Type")),
        end="\n\n",
    )
    precision = gdf["location_precision"].value_counts().rename("Organisations")
    print(markdown(precision.to_frame().rename_axis("Location precision")), end="\n\n")
    print(
        f"Organisations: {len(gdf)}; countries: {gdf['country_code'].nunique()}; "
        f"links: {len(links)}; websites: {(gdf['website'] != '').sum()} "
        f"({(gdf['website'] != '').mean():.1%}); "
        f"year_started: {gdf['year_started'].notna().sum()} "
        f"({gdf['year_started'].notna().mean():.1%}); "
        f"checked: {gdf['checked'].value_counts().sort_index().to_dict()}"
    )
    print(
        "Countries: " + ", ".join(f"{c} {n}" for c, n in gdf["country_code"].value_counts().items())
    )


if __name__ == "__main__":
    main()
