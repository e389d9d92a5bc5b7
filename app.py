"""Collective Impact Atlas: the home page is the world map.

Run with ``streamlit run app.py``. The other pages live in ``pages/``.
"""

from __future__ import annotations

import streamlit as st


def map_page() -> None:
    """The world map of the organisations the sidebar filters select."""
    from streamlit_folium import st_folium

    from mapping import ui
    from mapping.maps import build_map

    frame = ui.page_frame("Map")
    st.title("Collective Impact Atlas")
    st.caption(frame.caption)
    st_folium(
        build_map(frame.shown),
        height=640,
        use_container_width=True,
        returned_objects=[],
        key="atlas_map",
    )
    st.caption(
        "Markers are coloured by each organisation's primary role; click a marker for details. "
        "The basemap is drawn from local data and works offline; online tile layers are optional."
    )


navigation = st.navigation(
    [
        st.Page(map_page, title="Map", icon="🗺️", default=True, url_path="map"),
        st.Page("pages/charts.py", title="Charts", icon="📊"),
        st.Page("pages/data.py", title="Data", icon="📋"),
        st.Page("pages/about.py", title="About", icon="ℹ️"),
    ]
)
navigation.run()
