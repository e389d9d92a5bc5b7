"""The Data page's table: the columns shown, labelled in the page's language."""

from __future__ import annotations

import pandas as pd

from mapping import maps
from mapping.i18n import category_label, country_names, t
from mapping.safety import safe_url
from mapping.ui.language import _

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
