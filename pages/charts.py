"""Charts: how the filtered organisations spread across the world."""

import streamlit as st

from mapping import chart_images, charts, ui

frame = ui.page_frame("charts", ":material/bar_chart:")
st.title(ui._("charts.heading"))
ui.show_caption(frame)
if frame.shown.empty:
    st.info(ui._("charts.empty"))
else:
    notes = ui.provenance(frame)
    left, right = st.columns(2)
    for index, build in enumerate(charts.CHARTS):
        chart = build(frame.shown, frame.lang)
        with left if index % 2 == 0 else right:
            st.altair_chart(chart, width="stretch")
            png, svg = st.columns(2)
            name = build.__name__.removesuffix("_chart")
            png.download_button(
                ui._("download.png"),
                data=lambda chart=chart: chart_images.chart_png(chart, footer=notes),
                file_name=f"{name}.png",
                mime="image/png",
                on_click="ignore",
                key=f"png-{name}",
                width="stretch",
            )
            svg.download_button(
                ui._("download.svg"),
                data=lambda chart=chart: chart_images.chart_svg(chart, footer=notes),
                file_name=f"{name}.svg",
                mime="image/svg+xml",
                on_click="ignore",
                key=f"svg-{name}",
                width="stretch",
            )
