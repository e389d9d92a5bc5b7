"""Summary tables and Altair charts of how the field spreads across the world.

Each ``*_table`` function is a pure aggregation (tested directly); each
``*_chart`` function turns one into an Altair chart with a title that says
what it shows, in English or Hebrew. Charts follow whatever (filtered) frame
they are given.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from mapping import vocab
from mapping.filters import active_in
from mapping.frame import Frame
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


ADOPTION_BY = ("region", "role")


def adoption_table(gdf: pd.DataFrame, lang: str = "en", by: str = "region") -> pd.DataFrame:
    """Organisations active each year (``active_in``), per world region or per role.

    Years run from the first start to the last start or end in ``gdf``; rows
    without a start year are left out. By role, an organisation counts once
    for each role it holds. The first column is ``world_region`` or ``role``.
    """
    if by not in ADOPTION_BY:
        raise ValueError(f"by must be one of {', '.join(ADOPTION_BY)}, not {by!r}")
    key = "world_region" if by == "region" else "role"
    columns = [key, "year", "organisations", "label"]
    dated = gdf[gdf["year_started"].notna()]
    if dated.empty:
        return pd.DataFrame(columns=columns)
    ended = dated["year_ended"].dropna() if "year_ended" in dated else pd.Series(dtype="Int64")
    last = max(int(dated["year_started"].max()), int(ended.max()) if len(ended) else 0)
    years = range(int(dated["year_started"].min()), last + 1)
    if by == "region":
        groups = [
            (
                region,
                dated["world_region"].to_numpy() == region,
                category_label("world_region", region, lang),
            )
            for region in REGION_ORDER
        ]
    else:
        groups = [
            (
                role,
                np.array([role in roles for roles in dated["roles"]], dtype=bool),
                category_label("role", role, lang),
            )
            for role in vocab.ROLES
        ]
    rows = []
    for value, members, label in groups:
        if not members.any():
            continue
        inside = dated[members]
        for year in years:
            rows.append((value, year, int(active_in(inside, year).sum()), label))
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


def _role_scale(lang: str) -> alt.Scale:
    return alt.Scale(
        domain=[category_label("role", r, lang) for r in vocab.ROLES],
        range=[vocab.ROLE_COLOURS[r] for r in vocab.ROLES],
    )


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
    return (
        alt.Chart(exploded_table(gdf, "roles", lang), title=t("chart.roles.title", lang))
        .mark_bar()
        .encode(
            x=_region_x(lang),
            y=alt.Y("organisations:Q", title=t("chart.axis.organisations_with_role", lang)),
            color=alt.Color("label:N", title=t("chart.legend.role", lang), scale=_role_scale(lang)),
            order=alt.Order("roles:O"),
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


def adoption_chart(
    gdf: pd.DataFrame, lang: str = "en", by: str = "region", asof: int | None = None
) -> alt.Chart:
    """Lines: organisations active each year, per world region or per role; a rule at ``asof``."""
    table = adoption_table(gdf, lang, by)
    if by == "region":
        colour = alt.Color(
            "label:N", title=t("chart.legend.world_region", lang), scale=_region_scale(lang)
        )
    else:
        colour = alt.Color("label:N", title=t("chart.legend.role", lang), scale=_role_scale(lang))
    lines = (
        alt.Chart(table)
        .mark_line(point=True)
        .encode(
            x=alt.X(
                "year:Q",
                title=t("chart.axis.year", lang),
                axis=alt.Axis(format="d", tickMinStep=1),
            ),
            y=alt.Y("organisations:Q", title=t("chart.axis.organisations_active", lang)),
            color=colour,
            tooltip=[
                _tooltip("label:N", "region" if by == "region" else "role", lang),
                _tooltip("year:O", "year", lang),
                _tooltip("organisations:Q", "organisations", lang),
            ],
        )
    )
    layers = [lines]
    if asof is not None:
        marker = pd.DataFrame({"year": [asof], "text": [t("chart.adoption.asof", lang, year=asof)]})
        rule = alt.Chart(marker).mark_rule(color="#1b1b1b", strokeDash=[4, 3], size=1.5)
        label = alt.Chart(marker).mark_text(
            align="left", dx=4, dy=-6, color="#1b1b1b", fontWeight="bold"
        )
        layers += [rule.encode(x="year:Q"), label.encode(x="year:Q", y=alt.value(8), text="text:N")]
    title = t(f"chart.adoption.title_{by}", lang)
    return alt.layer(*layers, title=title).properties(height=CHART_HEIGHT)


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


def chart_rows(build, frame: Frame) -> pd.DataFrame:
    """The organisations a chart of a view draws: the growth chart every year, others the view.

    The growth chart shows the whole span and marks the as-of year, so it draws the
    view without its ``asof``; every other chart draws the rows the view shows.
    """
    return frame.without_asof.shown if build is adoption_chart else frame.shown


def numbers(frame: Frame, lang: str = "en", by: str = "region") -> dict[str, list[dict]]:
    """The numbers behind the Charts page's charts of a view, as records (the API's stats).

    Values keep their codes (``world_region``, ``role``, ``country_code``) beside their
    labels in ``lang``; the growth chart is grouped ``by`` world region or role.
    """
    regions = region_table(chart_rows(region_chart, frame), lang)
    roles = exploded_table(chart_rows(roles_chart, frame), "roles", lang)
    domains = exploded_table(chart_rows(domains_chart, frame), "domains", lang)
    growth = adoption_table(chart_rows(adoption_chart, frame), lang, by=by)
    countries = country_table(chart_rows(countries_chart, frame), lang=lang)
    group = "world_region" if by == "region" else "role"
    return {
        "regions": _records(regions, world_region="world_region", label="region_label"),
        "roles": _records(roles, world_region="world_region", role="roles", label="label"),
        "domains": _records(domains, world_region="world_region", domain="domains", label="label"),
        "growth": _records(growth, year="year", group=group, label="label"),
        "countries": _records(countries, country_code="country_code", label="country"),
    }


def _records(table: pd.DataFrame, **columns: str) -> list[dict]:
    """Rows of ``table`` as dicts: each key of ``columns`` from that column, then the count."""
    names = [*columns.values(), "organisations"]
    keys = [*columns, "organisations"]
    cells = zip(*(table[name].tolist() for name in names), strict=True)
    return [
        {key: int(v) if isinstance(v, np.integer) else v for key, v in zip(keys, row, strict=True)}
        for row in cells
    ]


def _pivot(table: pd.DataFrame, rows: str, columns: str, row_title: str) -> pd.DataFrame:
    """A wide table of organisations: one row per ``rows`` label, one column per ``columns``."""
    wide = table.pivot_table(
        index=rows, columns=columns, values="organisations", aggfunc="sum", fill_value=0, sort=False
    )
    wide = wide.rename_axis(index=row_title, columns=None).reset_index()
    return wide


def data_table(build, gdf: pd.DataFrame, lang: str = "en", **options) -> pd.DataFrame:
    """The numbers a chart draws, as a table a screen reader can read (titles in ``lang``).

    ``build`` is one of ``CHARTS``; ``options`` are its own (``by`` for the growth chart).

    Examples
    --------
    >>> from mapping.data import load_organisations
    >>> table = data_table(region_chart, load_organisations())
    >>> list(table.columns)
    ['World region', 'Organisations']
    """
    organisations = t("chart.axis.organisations", lang)
    region = t("chart.axis.world_region", lang)
    if build is region_chart:
        table = region_table(gdf, lang)
        return pd.DataFrame({region: table["region_label"], organisations: table["organisations"]})
    if build is roles_chart:
        return _pivot(exploded_table(gdf, "roles", lang), "region_label", "label", region)
    if build is domains_chart:
        table = exploded_table(gdf, "domains", lang)
        return _pivot(table, "label", "region_label", t("chart.axis.domain", lang))
    if build is adoption_chart:
        table = adoption_table(gdf, lang, by=options.get("by", "region"))
        return _pivot(table, "year", "label", t("chart.axis.year", lang))
    if build is countries_chart:
        table = country_table(gdf, lang=lang)
        return pd.DataFrame(
            {
                t("chart.tooltip.country", lang): table["country"],
                organisations: table["organisations"],
            }
        )
    raise ValueError(f"no data table for {getattr(build, '__name__', build)!r}")


def findings_chart(table: pd.DataFrame, lang: str = "en") -> alt.Chart:
    """Grouped bars: organisations per world region active in 2015 and today.

    ``table`` is ``mapping.findings.region_table`` (columns world_region, then, now).
    """
    then, now = t("chart.findings.then", lang), t("chart.findings.now", lang)
    long = pd.DataFrame(
        [
            (category_label("world_region", row.world_region, lang), when, count)
            for row in table.itertuples()
            for when, count in ((then, row.then), (now, row.now))
        ],
        columns=["region_label", "when", "organisations"],
    )
    return (
        alt.Chart(long, title=t("chart.findings.title", lang))
        .mark_bar()
        .encode(
            x=_region_x(lang),
            xOffset=alt.XOffset("when:N", sort=[then, now]),
            y=alt.Y("organisations:Q", title=t("chart.axis.organisations", lang)),
            color=alt.Color(
                "when:N",
                title=t("chart.legend.when", lang),
                sort=[then, now],
                scale=alt.Scale(domain=[then, now], range=["#56B4E9", "#0072B2"]),
            ),
            tooltip=[
                _tooltip("region_label:N", "region", lang),
                alt.Tooltip("when:N", title=t("chart.legend.when", lang)),
                _tooltip("organisations:Q", "organisations", lang),
            ],
        )
        .properties(height=CHART_HEIGHT)
    )
