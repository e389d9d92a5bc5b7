"""Charts: how the filtered organisations spread across the world."""

import streamlit as st

from mapping import charts, ui

frame = ui.page_frame("Charts", "📊")
st.title("How the field spreads")
ui.show_caption(frame)
if frame.shown.empty:
    st.info("No organisation matches the filters. Loosen them in the sidebar.")
else:
    left, right = st.columns(2)
    for index, build in enumerate(charts.CHARTS):
        with left if index % 2 == 0 else right:
            st.altair_chart(build(frame.shown), width="stretch")
