"""Collective Impact Atlas: the home page is the world map.

Run with ``streamlit run app.py``. The other pages live in ``pages/``.
"""

from __future__ import annotations

import streamlit as st


def map_page() -> None:
    """The world map of the organisations the sidebar filters select."""
    from mapping import ui

    frame = ui.page_frame("Map")
    st.title("Collective Impact Atlas")
    ui.show_caption(frame)
    ui.show_map(frame)
    left, right = st.columns([1, 4], vertical_alignment="center")
    left.button("Zoom to results", on_click=ui.fit_map_to_results, width="stretch")
    right.caption(
        "Markers are coloured by each organisation's primary role; click a marker for details. "
        "The basemap is drawn from local data and works offline; online tile layers are optional."
    )


navigation = st.navigation(
    [
        st.Page(map_page, title="Map", icon="🗺️", default=True, url_path="map"),
        st.Page("pages/charts.py", title="Charts", icon="📊"),
        st.Page("pages/data.py", title="Data", icon="📋"),
        st.Page("pages/present.py", title="Present", icon="🎤"),
        st.Page("pages/about.py", title="About", icon="ℹ️"),
    ]
)
navigation.run()
