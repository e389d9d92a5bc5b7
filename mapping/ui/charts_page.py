"""The Charts page: the charts of a view with their image downloads, and 2015 against today."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from mapping import chart_images, charts, export, findings
from mapping.frame import Frame
from mapping.i18n import category_label
from mapping.safety import escape_markdown
from mapping.ui.language import _, shown
from mapping.ui.share import provenance

BY_PARAM = "by"
_BY = "atlas_chart_by"
IMAGE_FORMATS = (
    ("png", chart_images.chart_png, "image/png"),
    ("svg", chart_images.chart_svg, "image/svg+xml"),
)


def adoption_by() -> str:
    """The growth chart's grouping (world region or role), kept in the URL (``by=role``)."""
    if _BY not in st.session_state:
        wanted = st.query_params.get(BY_PARAM, "region")
        st.session_state[_BY] = wanted if wanted in charts.ADOPTION_BY else "region"

    def keep_one() -> None:
        # A segmented control can be clicked off; the chart always needs a grouping.
        st.session_state[_BY] = st.session_state[_BY] or "region"

    choice = (
        st.segmented_control(
            _("chart.adoption.by"),
            list(charts.ADOPTION_BY),
            format_func=lambda value: _(f"chart.adoption.by.{value}"),
            key=_BY,
            on_change=keep_one,
        )
        or "region"
    )
    if choice == "region":
        st.query_params.pop(BY_PARAM, None)
    else:
        st.query_params[BY_PARAM] = choice
    return choice


def _chart(build, frame: Frame) -> tuple[alt.TopLevelMixin, pd.DataFrame]:
    """One chart of the page and the numbers it draws.

    The growth chart shows every year, marks ``asof``, and is grouped as the
    control above it says.
    """
    rows = charts.chart_rows(build, frame)
    if build is charts.adoption_chart:
        by = adoption_by()
        chart = build(rows, frame.lang, by=by, asof=frame.filters.asof)
        return chart, charts.data_table(build, rows, frame.lang, by=by)
    return build(rows, frame.lang), charts.data_table(build, rows, frame.lang)


def show_charts(frame: Frame, downloads: bool = True) -> None:
    """The charts in two columns, each with PNG and SVG downloads that say what they show.

    ``downloads=False`` (an embed, read-only) leaves the image downloads out.
    """
    notes = provenance(frame)
    stem = export.file_stem(frame.filters)  # the images say what they show
    left, right = st.columns(2)
    for index, build in enumerate(charts.CHARTS):
        name = build.__name__.removesuffix("_chart")
        with left if index % 2 == 0 else right:
            chart, numbers = _chart(build, frame)
            st.altair_chart(chart, width="stretch")
            # The chart's numbers as text, for screen readers and for reading exact values.
            with st.expander(_("chart.data_behind")):
                st.dataframe(numbers, hide_index=True, width="stretch")
            if not downloads:
                continue
            for column, (extension, render, mime) in zip(
                st.columns(len(IMAGE_FORMATS)), IMAGE_FORMATS, strict=True
            ):
                column.download_button(
                    _(f"download.{extension}"),
                    data=lambda chart=chart, render=render: render(chart, footer=notes),
                    file_name=f"{stem}_{name}.{extension}",
                    mime=mime,
                    on_click="ignore",
                    key=f"{extension}-{name}",
                    width="stretch",
                )


VERDICT_COLOURS = {"holds": "green", "partly": "orange", "contradicted": "red", "thin": "gray"}
VERDICT_ICONS = {
    "holds": ":material/check_circle:",
    "partly": ":material/contrast:",
    "contradicted": ":material/cancel:",
    "thin": ":material/help:",
}


def _show_finding(finding: findings.Finding) -> None:
    """One finding as a card: the claim, the verdict, 2015 and today, and why."""
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(_(f'findings.{finding.key}'))}**")
        st.badge(
            _(f"findings.verdict.{finding.verdict}"),
            icon=VERDICT_ICONS[finding.verdict],
            color=VERDICT_COLOURS[finding.verdict],
        )
        then, now = st.columns(2)
        then.markdown(f"{_('findings.column.then')}: {escape_markdown(shown(finding.then))}")
        now.markdown(f"{_('findings.column.now')}: {escape_markdown(shown(finding.now))}")
        st.caption(escape_markdown(shown(finding.why)))


def show_findings(frame: Frame) -> None:
    """2015 and today: each finding, the data then and now, and what the data says."""
    gdf = frame.all
    st.header(_("findings.heading"), anchor=False)
    st.caption(_("findings.intro"))
    for finding in findings.findings(gdf):
        _show_finding(finding)
    table = findings.region_table(gdf)
    left, right = st.columns([3, 2])
    left.altair_chart(charts.findings_chart(table, frame.lang), width="stretch")
    with right:
        st.markdown(f"**{_('findings.first_years')}**")
        first = pd.DataFrame(
            {
                _("findings.column.region"): [
                    category_label("world_region", r, frame.lang) for r in table["world_region"]
                ],
                _("findings.column.first"): table["first"].astype("Int64"),
                _("findings.column.dated"): table["dated"],
                _("findings.column.total"): table["total"],
            }
        )
        st.dataframe(first, hide_index=True, width="stretch")
        undated = int(gdf["year_started"].isna().sum())
        st.caption(escape_markdown(_("findings.undated", n=undated)))
