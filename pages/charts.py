"""Charts: how the filtered organisations spread across the world, and 2015 against today."""

import streamlit as st

from mapping import ui
from mapping.ui import charts_page

frame = ui.page_frame("charts")
ui.page_heading(frame, "charts", ui._("charts.heading"))
if frame.count == 0:
    st.info(ui._("charts.empty"))
else:
    charts_page.show_charts(frame, downloads=not ui.embedded())
if not ui.embedded():  # an embed shows the view's charts; 2015 and today is about the whole field
    charts_page.show_findings(frame)
