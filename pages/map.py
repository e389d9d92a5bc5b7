"""Map: the world map of the organisations the sidebar filters select (the home page)."""

import streamlit as st

from mapping import ui

frame = ui.page_frame("map")
st.title(ui._("app.title"))
ui.show_caption(frame)
ui.skip_map_link()
ui.show_map(frame, sync_url=True, years=ui.home_timeline(frame))
ui.map_footer()
