"""Summary tables and Altair charts of how the field spreads across the world.

Each ``*_table`` function is a pure aggregation (tested directly); each
``*_chart`` function turns one into an Altair chart with a title that says
what it shows. Charts follow whatever (filtered) frame they are given.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from mapping import vocab
from mapping.filters import country_names

REGION_ORDER = list(vocab.WORLD_REGIONS)
REGION_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#999999"]
REGION_AXIS = alt.Axis(labelAngle=0, labelLimit=120)
DOMAIN_ROW_HEIGHT = 26
CHART_HEIGHT = 320


def region_table(gdf: pd.DataFrame) -> pd.DataFrame:
    """Count organisations per world region (every region listed, zeros included)."""
    counts = gdf["world_region"].value_counts().reindex(REGION_ORDER, fill_value=0)
    return counts.rename_axis("world_region").reset_index(name="organisations")


def exploded_table(gdf: pd.DataFrame, field: str) -> pd.DataFrame:
    """Count organisations per (world region, value) of a multi-valued field."""
    rows = [
        (region, value)
        for region, values in zip(gdf["world_region"], gdf[field], strict=True)
        for value in values
    ]
    table = pd.DataFrame(rows, columns=["world_region", field])
    counts = table.groupby(["world_region", field]).size().reset_index(name="organisations")
    counts["label"] = [vocab.label(v) for v in counts[field]]
    return counts


def adoption_table(gdf: pd.DataFrame) -> pd.DataFrame:
    """Cumulative organisations per region by ``year_started`` (rows without a year left out)."""
    dated = gdf.loc[gdf["year_started"].notna(), ["world_region", "year_started"]]
    if dated.empty:
        return pd.DataFrame(columns=["world_region", "year", "organisations"])
    years = range(int(dated["year_started"].min()), int(dated["year_started"].max()) + 1)
    per_year = dated.groupby(["world_region", "year_started"]).size()
    rows = []
    for region in REGION_ORDER:
        if region not in per_year.index.get_level_values(0):
            continue
        running = 0
        for year in years:
            running += int(per_year.get((region, year), 0))
            rows.append((region, year, running))
    return pd.DataFrame(rows, columns=["world_region", "year", "organisations"])


def country_table(gdf: pd.DataFrame, top: int = 12) -> pd.DataFrame:
    """The ``top`` countries by number of organisations, with English names."""
    counts = gdf["country_code"].value_counts().head(top)
    names = country_names()
    return pd.DataFrame(
        {
            "country_code": counts.index,
            "country": [names.get(code, code) for code in counts.index],
            "organisations": counts.to_numpy(),
        }
    )


def _region_scale() -> alt.Scale:
    return alt.Scale(domain=REGION_ORDER, range=REGION_COLOURS)


def region_chart(gdf: pd.DataFrame) -> alt.Chart:
    """Bar chart: organisations by world region."""
    return (
        alt.Chart(region_table(gdf), title="Organisations by world region")
        .mark_bar()
        .encode(
            x=alt.X("world_region:N", sort=REGION_ORDER, title="World region", axis=REGION_AXIS),
            y=alt.Y("organisations:Q", title="Organisations"),
            color=alt.Color("world_region:N", scale=_region_scale(), legend=None),
            tooltip=[
                alt.Tooltip("world_region:N", title="Region"),
                alt.Tooltip("organisations:Q", title="Organisations"),
            ],
        )
        .properties(height=CHART_HEIGHT)
    )


def roles_chart(gdf: pd.DataFrame) -> alt.Chart:
    """Stacked bars: roles held in each world region (an organisation counts once per role)."""
    roles = list(vocab.ROLES)
    return (
        alt.Chart(exploded_table(gdf, "roles"), title="Roles by world region")
        .mark_bar()
        .encode(
            x=alt.X("world_region:N", sort=REGION_ORDER, title="World region", axis=REGION_AXIS),
            y=alt.Y("organisations:Q", title="Organisations holding the role"),
            color=alt.Color(
                "label:N",
                title="Role",
                scale=alt.Scale(
                    domain=[vocab.label(r) for r in roles],
                    range=[vocab.ROLE_COLOURS[r] for r in roles],
                ),
            ),
            order=alt.Order("roles:N"),
            tooltip=[
                alt.Tooltip("world_region:N", title="Region"),
                alt.Tooltip("label:N", title="Role"),
                alt.Tooltip("organisations:Q", title="Organisations"),
            ],
        )
        .properties(height=CHART_HEIGHT)
    )


def domains_chart(gdf: pd.DataFrame) -> alt.Chart:
    """Heat map: organisations per domain and world region."""
    table = exploded_table(gdf, "domains")
    base = alt.Chart(table, title="Domains by world region").encode(
        x=alt.X("world_region:N", sort=REGION_ORDER, title="World region", axis=REGION_AXIS),
        y=alt.Y("label:N", title="Domain", sort=[vocab.label(d) for d in vocab.DOMAINS]),
    )
    cells = base.mark_rect().encode(
        color=alt.Color("organisations:Q", title="Organisations", scale=alt.Scale(scheme="blues")),
        tooltip=[
            alt.Tooltip("world_region:N", title="Region"),
            alt.Tooltip("label:N", title="Domain"),
            alt.Tooltip("organisations:Q", title="Organisations"),
        ],
    )
    numbers = base.mark_text(fontSize=12).encode(
        text="organisations:Q",
        color=alt.condition("datum.organisations > 8", alt.value("white"), alt.value("black")),
    )
    return (cells + numbers).properties(height=DOMAIN_ROW_HEIGHT * len(vocab.DOMAINS))


def adoption_chart(gdf: pd.DataFrame) -> alt.Chart:
    """Lines: cumulative organisations by year their Collective Impact work started."""
    return (
        alt.Chart(adoption_table(gdf), title="Adoption over time (cumulative, by year started)")
        .mark_line(point=True)
        .encode(
            x=alt.X("year:Q", title="Year started", axis=alt.Axis(format="d", tickMinStep=1)),
            y=alt.Y("organisations:Q", title="Organisations (cumulative)"),
            color=alt.Color("world_region:N", title="World region", scale=_region_scale()),
            tooltip=[
                alt.Tooltip("world_region:N", title="Region"),
                alt.Tooltip("year:O", title="Year"),
                alt.Tooltip("organisations:Q", title="Organisations"),
            ],
        )
        .properties(height=CHART_HEIGHT)
    )


def countries_chart(gdf: pd.DataFrame, top: int = 12) -> alt.Chart:
    """Horizontal bars: the countries with the most organisations."""
    return (
        alt.Chart(country_table(gdf, top), title=f"Top {top} countries by organisations")
        .mark_bar(color="#0072B2")
        .encode(
            y=alt.Y("country:N", sort="-x", title=None),
            x=alt.X("organisations:Q", title="Organisations"),
            tooltip=[
                alt.Tooltip("country:N", title="Country"),
                alt.Tooltip("organisations:Q", title="Organisations"),
            ],
        )
        .properties(height=CHART_HEIGHT)
    )


CHARTS = (region_chart, roles_chart, domains_chart, adoption_chart, countries_chart)
