"""Charts: how the filtered organisations spread across the world."""

import streamlit as st

from mapping import chart_images, charts, ui

IMAGE_FORMATS = (
    ("png", chart_images.chart_png, "image/png"),
    ("svg", chart_images.chart_svg, "image/svg+xml"),
)

frame = ui.page_frame("charts")
st.title(ui._("charts.heading"))
ui.show_caption(frame)
if frame.shown.empty:
    st.info(ui._("charts.empty"))
else:
    notes = ui.provenance(frame)
    left, right = st.columns(2)
    for index, build in enumerate(charts.CHARTS):
        chart = build(frame.shown, frame.lang)
        name = build.__name__.removesuffix("_chart")
        with left if index % 2 == 0 else right:
            st.altair_chart(chart, width="stretch")
            for column, (extension, render, mime) in zip(
                st.columns(len(IMAGE_FORMATS)), IMAGE_FORMATS, strict=True
            ):
                column.download_button(
                    ui._(f"download.{extension}"),
                    data=lambda chart=chart, render=render: render(chart, footer=notes),
                    file_name=f"{name}.{extension}",
                    mime=mime,
                    on_click="ignore",
                    key=f"{extension}-{name}",
                    width="stretch",
                )
