"""Collective Impact Atlas: run with ``streamlit run app.py``; the home page is the map.

The pages live in ``pages/``; this entry point lists them (titles in the
page's language) and opens the map by default.
"""

from __future__ import annotations

import streamlit as st

from mapping import ui
from mapping.ui.throttle import run_slot

navigation = st.navigation(
    [
        # Emoji, not Material icons: a page's icon becomes the favicon, and Material
        # favicons are fetched from the internet.
        st.Page(f"pages/{key}.py", title=ui._(f"page.{key}"), icon=ui.FAVICON, default=key == "map")
        for _, key, _icon in ui.PAGES
    ],
    position="hidden",  # the sidebar shows ui.navigation_links instead
)
# A few runs at a time, first come first served: in a burst of visitors the first
# get their maps first (mapping/ui/throttle.py).
with run_slot():
    navigation.run()
