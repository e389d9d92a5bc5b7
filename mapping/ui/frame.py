"""What a page works with: the dataset, the filters and the rows they select."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from mapping import network
from mapping.filters import Filters, active_in
from mapping.i18n import t
from mapping.ui.dataset import Dataset, organisation_names


@dataclass(frozen=True)
class Frame:
    """What a page works with: the whole dataset, the filters and the matching rows."""

    dataset: Dataset
    filters: Filters
    shown: gpd.GeoDataFrame
    lang: str = "en"

    @classmethod
    def of(cls, dataset: Dataset, filters: Filters, lang: str) -> Frame:
        """The frame of ``filters`` applied to ``dataset``."""
        return cls(dataset, filters, filters.apply(dataset.organisations, dataset.links), lang)

    @property
    def all(self) -> gpd.GeoDataFrame:
        """Every organisation of the dataset."""
        return self.dataset.organisations

    @functools.cached_property
    def links(self) -> pd.DataFrame:
        """The dataset's links; in an as-of view, those in force that year."""
        if self.filters.asof is None:
            return self.dataset.links
        return network.links_in_force(self.dataset.links, self.filters.asof)

    @functools.cached_property
    def present(self) -> gpd.GeoDataFrame:
        """Every organisation of the dataset; in an as-of view, those active that year."""
        if self.filters.asof is None:
            return self.all
        return self.all.loc[active_in(self.all, self.filters.asof)]

    @functools.cached_property
    def linked(self) -> gpd.GeoDataFrame:
        """The organisation of a "linked to" view (one row), or no row.

        Its link to each organisation of the view is why that one is listed, so
        the details, the links downloads and the graph show those links even
        when the filters leave this organisation itself out.
        """
        if not self.filters.linked:
            return self.all.iloc[:0]
        return self.all.loc[self.all["id"] == self.filters.linked]

    @functools.cached_property
    def link_ends(self) -> gpd.GeoDataFrame:
        """The organisations whose links the view lists: its own, and the one it is linked to."""
        return network.with_linked(self.shown, self.linked)

    @property
    def version(self) -> str | None:
        """The dataset's shared version (None for a session's upload)."""
        return self.dataset.version

    @functools.cached_property
    def names(self) -> Mapping[str, str]:
        """Organisation id -> the name shown in the page's language."""
        return organisation_names(self.dataset, self.lang)

    @functools.cached_property
    def without_asof(self) -> Frame:
        """The same view with no as-of year: the map ships every year and picks one itself."""
        if self.filters.asof is None:
            return self
        return Frame.of(self.dataset, dataclasses.replace(self.filters, asof=None), self.lang)

    @property
    def undated(self) -> int:
        """How many organisations an ``asof`` view leaves out for want of a start year."""
        if self.filters.asof is None:
            return 0
        return int(self.without_asof.shown["year_started"].isna().sum())

    @property
    def caption(self) -> str:
        """The human sentence for the current view, in the page's language."""
        sentence = self.filters.describe(
            total=len(self.all), shown=len(self.shown), lang=self.lang, names=self.names
        )
        if self.undated:
            sentence += " " + t("describe.undated", self.lang, n=self.undated)
        return sentence
