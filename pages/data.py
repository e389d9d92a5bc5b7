"""Data: the filtered organisations as a table, with CSV and GeoJSON downloads."""

import streamlit as st

from mapping import export, ui

frame = ui.page_frame("Data", "📋")
st.title("Organisations")
ui.show_caption(frame)
st.dataframe(
    ui.table_for_display(frame.shown),
    hide_index=True,
    width="stretch",
    column_config={
        "Website": st.column_config.LinkColumn("Website"),
        "Started": st.column_config.NumberColumn("Started", format="%d"),
        "Description": st.column_config.TextColumn("Description", width="large"),
    },
)
left, right = st.columns(2)
left.download_button(
    "Download CSV",
    data=export.to_csv_bytes(frame.shown),
    file_name="collective-impact-organisations.csv",
    mime="text/csv",
    width="stretch",
)
right.download_button(
    "Download GeoJSON",
    data=export.to_geojson_bytes(frame.shown, metadata={"filters": frame.caption, **ui.metadata()}),
    file_name="collective-impact-organisations.geojson",
    mime="application/geo+json",
    width="stretch",
)
