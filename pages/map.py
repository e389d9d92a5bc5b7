"""Map: the world map of the organisations the sidebar filters select (the home page)."""

import streamlit as st

from mapping import ui

frame = ui.page_frame("map")
st.title(ui._("app.title"))
ui.show_caption(frame)
ui.show_map(frame, sync_url=True, years=ui.home_timeline(frame))
left, right = st.columns([1, 4], vertical_alignment="center")
left.button(ui._("map.zoom_to_results"), on_click=ui.fit_map_to_results, width="stretch")
right.caption(ui._("map.caption"))
