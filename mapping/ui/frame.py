"""What a page works with: the dataset, the filters and the rows they select."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd

from mapping.filters import Filters


@dataclass(frozen=True)
class Frame:
    """What a page works with: the whole dataset, the filters and the matching rows."""

    all: gpd.GeoDataFrame
    filters: Filters
    shown: gpd.GeoDataFrame
    lang: str = "en"
    # The built-in (or ATLAS_DATA) file's version, for caches shared by all
    # sessions; None for a session's upload, which no other session may see.
    version: str | None = None

    @property
    def caption(self) -> str:
        """The human sentence for the current view, in the page's language."""
        return self.filters.describe(total=len(self.all), shown=len(self.shown), lang=self.lang)
