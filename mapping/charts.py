"""Summary tables and Altair charts of how the field spreads across the world.

Each ``*_table`` function is a pure aggregation (tested directly); each
``*_chart`` function turns one into an Altair chart with a title that says
what it shows, in English or Hebrew. Charts follow whatever (filtered) frame
they are given.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from mapping import vocab
from mapping.i18n import category_label, country_name, t

REGION_ORDER = list(vocab.WORLD_REGIONS)
REGION_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#999999"]
REGION_AXIS = alt.Axis(labelAngle=0, labelLimit=120)
DOMAIN_ROW_HEIGHT = 26
CHART_HEIGHT = 320


def _region_labels(lang: str) -> list[str]:
    """The world regions in chart order, as labels in ``lang``."""
    return [category_label("world_region", r, lang) for r in REGION_ORDER]


def region_table(gdf: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Count organisations per world region (every region listed, zeros included)."""
    counts = gdf["world_region"].value_counts().reindex(REGION_ORDER, fill_value=0)
    table = counts.rename_axis("world_region").reset_index(name="organisations")
    table["region_label"] = _region_labels(lang)
    return table


def exploded_table(gdf: pd.DataFrame, field: str, lang: str = "en") -> pd.DataFrame:
    """Count organisations per (world region, value) of a multi-valued field."""
    rows = [
        (region, value)
        for region, values in zip(gdf["world_region"], gdf[field], strict=True)
        for value in values
    ]
    table = pd.DataFrame(rows, columns=["world_region", field])
    counts = table.groupby(["world_region", field]).size().reset_index(name="organisations")
    kind = {"roles": "role", "domains": "domain"}[field]
    counts["label"] = [category_label(kind, v, lang) for v in counts[field]]
    counts["region_label"] = [
        category_label("world_region", r, lang) for r in counts["world_region"]
    ]
    return counts


def adoption_table(gdf: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Cumulative organisations per region by ``year_started`` (rows without a year left out)."""
    columns = ["world_region", "year", "organisations", "region_label"]
    dated = gdf.loc[gdf["year_started"].notna(), ["world_region", "year_started"]]
    if dated.empty:
        return pd.DataFrame(columns=columns)
    years = range(int(dated["year_started"].min()), int(dated["year_started"].max()) + 1)
    per_year = dated.groupby(["world_region", "year_started"]).size()
    rows = []
    for region in REGION_ORDER:
        if region not in per_year.index.get_level_values(0):
            continue
        running = 0
        label = category_label("world_region", region, lang)
        for year in years:
            running += int(per_year.get((region, year), 0))
            rows.append((region, year, running, label))
    return pd.DataFrame(rows, columns=columns)


def country_table(gdf: pd.DataFrame, top: int = 12, lang: str = "en") -> pd.DataFrame:
    """The ``top`` countries by number of organisations, with names in ``lang``."""
    counts = gdf["country_code"].value_counts().head(top)
    return pd.DataFrame(
        {
            "country_code": counts.index,
            "country": [country_name(code, lang) for code in counts.index],
            "organisations": counts.to_numpy(),
        }
    )


def _region_scale(lang: str) -> alt.Scale:
    return alt.Scale(domain=_region_labels(lang), range=REGION_COLOURS)


def _region_x(lang: str) -> alt.X:
    return alt.X(
        "region_label:N",
        sort=_region_labels(lang),
        title=t("chart.axis.world_region", lang),
        axis=REGION_AXIS,
    )


def _tooltip(field: str, key: str, lang: str) -> alt.Tooltip:
    return alt.Tooltip(field, title=t(f"chart.tooltip.{key}", lang))


def region_chart(gdf: pd.DataFrame, lang: str = "en") -> alt.Chart:
    """Bar chart: organisations by world region."""
    return (
        alt.Chart(region_table(gdf, lang), title=t("chart.region.title", lang))
        .mark_bar()
        .encode(
            x=_region_x(lang),
            y=alt.Y("organisations:Q", title=t("chart.axis.organisations", lang)),
            color=alt.Color("region_label:N", scale=_region_scale(lang), legend=None),
            tooltip=[
                _tooltip("region_label:N", "region", lang),
                _tooltip("organisations:Q", "organisations", lang),
            ],
        )
        .properties(height=CHART_HEIGHT)
    )


def roles_chart(gdf: pd.DataFrame, lang: str = "en") -> alt.Chart:
    """Stacked bars: roles held in each world region (an organisation counts once per role)."""
    roles = list(vocab.ROLES)
    return (
        alt.Chart(exploded_table(gdf, "roles", lang), title=t("chart.roles.title", lang))
        .mark_bar()
        .encode(
            x=_region_x(lang),
            y=alt.Y("organisations:Q", title=t("chart.axis.organisations_with_role", lang)),
            color=alt.Color(
                "label:N",
                title=t("chart.legend.role", lang),
                scale=alt.Scale(
                    domain=[category_label("role", r, lang) for r in roles],
                    range=[vocab.ROLE_COLOURS[r] for r in roles],
                ),
            ),
            order=alt.Order("roles:N"),
            tooltip=[
                _tooltip("region_label:N", "region", lang),
                _tooltip("label:N", "role", lang),
                _tooltip("organisations:Q", "organisations", lang),
            ],
        )
        .properties(height=CHART_HEIGHT)
    )


def domains_chart(gdf: pd.DataFrame, lang: str = "en") -> alt.Chart:
    """Heat map: organisations per domain and world region."""
    table = exploded_table(gdf, "domains", lang)
    base = alt.Chart(table, title=t("chart.domains.title", lang)).encode(
        x=_region_x(lang),
        y=alt.Y(
            "label:N",
            title=t("chart.axis.domain", lang),
            sort=[category_label("domain", d, lang) for d in vocab.DOMAINS],
        ),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(
            "organisations:Q",
            title=t("chart.legend.organisations", lang),
            scale=alt.Scale(scheme="blues"),
        ),
        tooltip=[
            _tooltip("region_label:N", "region", lang),
            _tooltip("label:N", "domain", lang),
            _tooltip("organisations:Q", "organisations", lang),
        ],
    )
    numbers = base.mark_text(fontSize=12).encode(
        text="organisations:Q",
        color=alt.condition("datum.organisations > 8", alt.value("white"), alt.value("black")),
    )
    return (cells + numbers).properties(height=DOMAIN_ROW_HEIGHT * len(vocab.DOMAINS))


def adoption_chart(gdf: pd.DataFrame, lang: str = "en") -> alt.Chart:
    """Lines: cumulative organisations by year their Collective Impact work started."""
    return (
        alt.Chart(adoption_table(gdf, lang), title=t("chart.adoption.title", lang))
        .mark_line(point=True)
        .encode(
            x=alt.X(
                "year:Q",
                title=t("chart.axis.year_started", lang),
                axis=alt.Axis(format="d", tickMinStep=1),
            ),
            y=alt.Y("organisations:Q", title=t("chart.axis.organisations_cumulative", lang)),
            color=alt.Color(
                "region_label:N",
                title=t("chart.legend.world_region", lang),
                scale=_region_scale(lang),
            ),
            tooltip=[
                _tooltip("region_label:N", "region", lang),
                _tooltip("year:O", "year", lang),
                _tooltip("organisations:Q", "organisations", lang),
            ],
        )
        .properties(height=CHART_HEIGHT)
    )


def countries_chart(gdf: pd.DataFrame, lang: str = "en", top: int = 12) -> alt.Chart:
    """Horizontal bars: the countries with the most organisations."""
    return (
        alt.Chart(country_table(gdf, top, lang), title=t("chart.countries.title", lang, top=top))
        .mark_bar(color="#0072B2")
        .encode(
            y=alt.Y("country:N", sort="-x", title=None),
            x=alt.X("organisations:Q", title=t("chart.axis.organisations", lang)),
            tooltip=[
                _tooltip("country:N", "country", lang),
                _tooltip("organisations:Q", "organisations", lang),
            ],
        )
        .properties(height=CHART_HEIGHT)
    )


CHARTS = (region_chart, roles_chart, domains_chart, adoption_chart, countries_chart)
