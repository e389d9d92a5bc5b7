"""The Data page's table: the columns shown, labelled in the page's language."""

from __future__ import annotations

import contextlib

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from mapping import maps
from mapping.frame import Frame
from mapping.i18n import category_label, country_names, t
from mapping.safety import safe_url
from mapping.ui.language import _
from mapping.ui.world_map import show_details

TABLE_COLUMNS = (
    "name",
    "roles",
    "type",
    "domains",
    "scope",
    "city",
    "country",
    "region",
    "started",
    "network",
    "website",
    "description",
)


def table_for_display(gdf: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """Return the columns the Data page shows, labelled in ``language``, multi-valued joined."""
    names = country_names(language)
    columns = {
        "name": maps.display_names(gdf, language),
        # The same display text as the map's popups.
        "roles": maps.detail_column(gdf, "roles", language),
        "type": maps.detail_column(gdf, "org_type", language),
        "domains": maps.detail_column(gdf, "domains", language),
        "scope": maps.detail_column(gdf, "scope", language),
        "city": gdf["city"].to_numpy(),
        "country": [names.get(c, c) for c in gdf["country_code"]],
        "region": [category_label("world_region", r, language) for r in gdf["world_region"]],
        "started": gdf["year_started"].to_numpy(),
        "network": maps.detail_column(gdf, "network", language),
        "website": [safe_url(url) or None for url in gdf["website"]],
        "description": gdf["description"].to_numpy(),
    }
    return pd.DataFrame({t(f"column.{key}", language): columns[key] for key in TABLE_COLUMNS})


def table_column_title(key: str) -> str:
    """The Data table's title for one of ``TABLE_COLUMNS`` in the page's language."""
    return _(f"column.{key}")


_PICKED = "atlas_data_org"


def organisation_details(frame: Frame) -> None:
    """Pick one of the listed organisations by name (keyboard and screen reader friendly).

    The table is drawn on a canvas that a keyboard cannot step into; this box can
    (Tab to it, type part of a name, Enter). The organisation's details show as the
    map shows them, with a link to it on the map.
    """
    if frame.shown.empty:
        return
    if len(frame.shown) > maps.DETAIL_LIMIT:
        st.caption(_("data.details_too_many", limit=maps.DETAIL_LIMIT))
        return
    names = dict(zip(frame.shown["id"], maps.display_names(frame.shown, frame.lang), strict=True))
    chosen = st.selectbox(
        _("data.details_label"),
        list(names),
        index=None,
        format_func=names.__getitem__,
        placeholder=_("data.details_placeholder"),
        key=_PICKED,
    )
    if chosen is None:
        return
    row = frame.shown.loc[frame.shown["id"] == chosen].iloc[0]
    show_details(frame, row)
    with contextlib.suppress(StreamlitPageNotFoundError):  # the page run on its own
        st.page_link(
            "pages/map.py",
            label=_("data.show_on_map"),
            icon=":material/map:",
            query_params={"org": chosen},
        )
