"""Data: the filtered organisations as a table, with downloads that say how they were made."""

import streamlit as st

from mapping import export, ui
from mapping.ui import network_page

frame = ui.page_frame("data")
st.title(ui._("data.heading"))
ui.show_caption(frame)
column = ui.table_column_title
st.dataframe(
    ui.table_for_display(frame.shown, frame.lang),
    hide_index=True,
    width="stretch",
    column_config={
        column("website"): st.column_config.LinkColumn(column("website")),
        column("started"): st.column_config.NumberColumn(column("started"), format="%d"),
        column("description"): st.column_config.TextColumn(column("description"), width="large"),
    },
)
ui.organisation_details(frame)
if ui.embedded():  # opened as an embed: read-only, the list alone (no downloads, no upload)
    st.stop()
notes = ui.provenance(frame)
stem = export.file_stem(frame.filters)  # the files say what they hold: atlas_funding_CA_2015
st.header(ui._("data.downloads_heading"), anchor=False)
csv, zipped, xlsx = st.columns(3)
csv.download_button(
    ui._("download.csv"),
    data=export.to_csv_bytes(frame.shown),
    file_name=f"{stem}.csv",
    mime="text/csv",
    on_click="ignore",  # a download changes nothing on the page: no run for it
    width="stretch",
    help=ui._("download.csv_help"),
)
zipped.download_button(
    ui._("download.zip"),
    data=lambda: export.to_zip_with_notes(frame.shown, notes, language=frame.lang),
    file_name=f"{stem}_with-notes.zip",
    mime="application/zip",
    on_click="ignore",
    width="stretch",
    help=ui._("download.zip_help"),
)
xlsx.download_button(
    ui._("download.xlsx"),
    data=lambda: export.to_xlsx_bytes(
        frame.shown, notes, language=frame.lang, links=frame.links, link_ends=frame.link_ends
    ),
    file_name=f"{stem}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    on_click="ignore",
    width="stretch",
    help=ui._("download.xlsx_help"),
)
geojson, html, links = st.columns(3)
geojson.download_button(
    ui._("download.geojson"),
    data=export.to_geojson_bytes(frame.shown, metadata=notes),
    file_name=f"{stem}.geojson",
    mime="application/geo+json",
    on_click="ignore",
    width="stretch",
)
html.download_button(
    ui._("download.map_html"),
    data=lambda: ui.standalone_html(frame, notes),
    file_name=f"{stem}_map.html",
    mime="text/html",
    on_click="ignore",
    width="stretch",
    help=ui._("download.map_html_help"),
)
# The links among the listed organisations, and each one's link to a "linked to" organisation.
network_page.links_download(
    links, "links_csv", frame.link_ends, frame.links, stem, disabled=frame.links.empty
)
ui.upload_panel()
