"""What a page works with: the dataset, the filters and the rows they select.

A page (``mapping.ui``) and the HTTP API (``mapping.api``) build the same ``Frame`` from the
same ``Filters``: the rows a page shows and the rows its API call returns are one
computation, so their counts cannot differ.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

from mapping import network
from mapping.dataset import Dataset, organisation_names, per_version
from mapping.filters import Filters, Rows, active_in
from mapping.i18n import t
from mapping.view import VIEW_PARAMS

# The parameters of a page's URL that are not filters: the language, the map's view,
# the presenter's scene, the graph's partners switch and the growth chart's grouping.
PAGE_PARAMS = ("lang", *VIEW_PARAMS, "scene", "partners", "by")


def _rows(dataset: Dataset, _lang: str) -> Rows:
    return Rows(dataset.organisations, dataset.links)


def rows_of(dataset: Dataset) -> Rows:
    """What filters select from in ``dataset``: kept per shared data version, afresh for an
    upload, so the columns the filters compare are worked out once for every visitor and
    every API request."""
    return per_version(dataset, _rows)


@dataclass(frozen=True)
class Frame:
    """What a page works with: the whole dataset, the filters and the matching rows.

    ``mask`` says which organisations match (``Filters.mask``); ``shown``, the matching
    rows, is taken from the dataset when first asked for (the API often needs only
    their count and positions).
    """

    dataset: Dataset
    filters: Filters
    mask: np.ndarray
    lang: str = "en"

    @classmethod
    def of(cls, dataset: Dataset, filters: Filters, lang: str) -> Frame:
        """The frame of ``filters`` applied to ``dataset`` (``Filters.mask``, on kept rows)."""
        return cls(dataset, filters, filters.select(rows_of(dataset)), lang)

    @functools.cached_property
    def shown(self) -> gpd.GeoDataFrame:
        """The organisations the filters select, in the dataset's order (never mutate it)."""
        return self.all.loc[self.mask]

    @functools.cached_property
    def count(self) -> int:
        """How many organisations the filters select."""
        return int(self.mask.sum())

    @functools.cached_property
    def positions(self) -> np.ndarray:
        """The selected organisations' positions in the dataset, in its order."""
        return np.flatnonzero(self.mask)

    @property
    def all(self) -> gpd.GeoDataFrame:
        """Every organisation of the dataset."""
        return self.dataset.organisations

    @functools.cached_property
    def links(self) -> pd.DataFrame:
        """The dataset's links; in an as-of view, those in force that year."""
        return self.filters.view_links(self.dataset.links)

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

    @functools.cached_property
    def undated(self) -> int:
        """How many organisations an ``asof`` view leaves out for want of a start year."""
        if self.filters.asof is None:
            return 0
        undated = self.all["year_started"].isna().to_numpy()
        return int((self.without_asof.mask & undated).sum())

    @property
    def caption(self) -> str:
        """The human sentence for the current view, in the page's language."""
        return self.caption_in(self.lang)

    def caption_in(self, lang: str) -> str:
        """The human sentence for the current view, in ``lang``."""
        names = organisation_names(self.dataset, lang)
        sentence = self.filters.describe(
            total=len(self.all), shown=self.count, lang=lang, names=names
        )
        if self.undated:
            sentence += " " + t("describe.undated", lang, n=self.undated)
        return sentence
