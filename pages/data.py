"""Data: the filtered organisations as a table, with downloads that say how they were made."""

import streamlit as st

from mapping import export, standalone, ui

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
notes = ui.provenance(frame)
st.subheader("Download exactly this list", anchor=False)
csv, zipped, xlsx = st.columns(3)
csv.download_button(
    "Download CSV",
    data=export.to_csv_bytes(frame.shown),
    file_name="collective-impact-organisations.csv",
    mime="text/csv",
    width="stretch",
    help="Clean data for spreadsheets: UTF-8 with BOM, formula-safe.",
)
zipped.download_button(
    "Download CSV with notes (ZIP)",
    data=lambda: export.to_zip_with_notes(frame.shown, notes),
    file_name="collective-impact-organisations.zip",
    mime="application/zip",
    on_click="ignore",
    width="stretch",
    help="The CSV plus ABOUT.txt: filters in words, permalink, date, version, citation, licence.",
)
xlsx.download_button(
    "Download Excel (XLSX)",
    data=lambda: export.to_xlsx_bytes(frame.shown, notes),
    file_name="collective-impact-organisations.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    on_click="ignore",
    width="stretch",
    help="Two sheets: the organisations, and About (how this list was made).",
)
geojson, html, _ = st.columns(3)
geojson.download_button(
    "Download GeoJSON",
    data=export.to_geojson_bytes(frame.shown, metadata=notes),
    file_name="collective-impact-organisations.geojson",
    mime="application/geo+json",
    width="stretch",
)
html.download_button(
    "Download map (HTML, works offline)",
    data=lambda: standalone.standalone_map_html(frame.shown, notes),
    file_name="collective-impact-map.html",
    mime="text/html",
    on_click="ignore",
    width="stretch",
    help="One self-contained file: opens by double-click with no network.",
)

ui.upload_panel()
