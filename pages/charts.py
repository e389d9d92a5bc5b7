"""Charts: how the filtered organisations spread across the world, and 2015 against today."""

import streamlit as st

from mapping import ui
from mapping.ui import charts_page

frame = ui.page_frame("charts")
st.title(ui._("charts.heading"))
ui.show_caption(frame)
if frame.shown.empty:
    st.info(ui._("charts.empty"))
else:
    charts_page.show_charts(frame)
charts_page.show_findings(frame)
