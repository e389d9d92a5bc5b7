"""The dataset a session looks at, loaded once per file version and shared by every session."""

from __future__ import annotations

import gc
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

import geopandas as gpd
import pandas as pd
import streamlit as st

from mapping import maps, network
from mapping.data import DatasetError, dataset_path, load_organisations
from mapping.i18n import Message
from mapping.safety import escape_markdown
from mapping.ui.language import _, shown

T = TypeVar("T")


@dataclass(frozen=True)
class Dataset:
    """Organisations, the links between them and the named networks: shared, never mutated.

    ``version`` identifies the files (for caches shared by every session);
    None for a session's upload, which no other session may see.
    """

    organisations: gpd.GeoDataFrame
    links: pd.DataFrame
    networks: pd.DataFrame
    version: str | None = None


def _file_version(path: Path | None) -> tuple[str, int, int]:
    """What identifies a file's content cheaply: path, modification time, size.

    A path that cannot be examined (missing, say) still gets a version: the
    loader then says what is wrong with it, in the page's language.
    """
    if path is None:
        return ("", 0, 0)
    resolved = path.resolve()
    try:
        stat = resolved.stat()
    except OSError:
        return (str(resolved), -1, -1)
    return (str(resolved), stat.st_mtime_ns, stat.st_size)


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(organisations: tuple, links: tuple) -> Dataset:
    """Load a dataset once per version of its files; the result is shared and never mutated."""
    gdf = load_organisations(organisations[0])
    relationships = (
        network.load_relationships(links[0], organisations=gdf)
        if links[0]
        else network.empty_links()
    )
    networks = network.networks_table(organisations=gdf)
    # These objects live as long as the server: exempt them from every full
    # garbage collection (Python's own, and Streamlit's post-run one if a
    # deployment turns it back on), which held the map's message back 0.5 s
    # per page load at 100,000 organisations.
    gc.freeze()
    return Dataset(gdf, relationships, networks, ":".join(map(str, organisations + links)))


def _per_version(dataset: Dataset, work: Callable[[Dataset, str], T], lang: str = "") -> T:
    """``work(dataset, lang)``: once per shared dataset version, afresh for an upload."""
    if dataset.version is None:
        return work(dataset, lang)
    return _once(dataset.version, work.__qualname__, lang, dataset, work)


@st.cache_resource(show_spinner=False, max_entries=24)
def _once(version: str, name: str, lang: str, _dataset: Dataset, _work: Callable) -> object:
    """The cache behind ``_per_version``: one entry per version, work and language."""
    del version, name
    return _work(_dataset, lang)


def _names(dataset: Dataset, lang: str) -> Mapping[str, str]:
    """Organisation id -> its name as shown in ``lang``."""
    organisations = dataset.organisations
    shown = maps.display_names(organisations, lang)
    return MappingProxyType(dict(zip(organisations["id"], shown, strict=True)))


def organisation_names(dataset: Dataset, lang: str) -> Mapping[str, str]:
    """Organisation id -> the name shown in ``lang`` (built once per shared dataset)."""
    return _per_version(dataset, _names, lang)


def _linked(dataset: Dataset, lang: str) -> tuple[str, ...]:
    """The ids of the organisations with a link, in the order of their names in ``lang``."""
    names = organisation_names(dataset, lang)
    linked = set(dataset.links["source_id"]) | set(dataset.links["target_id"])
    return tuple(sorted((org for org in names if org in linked), key=lambda o: names[o].casefold()))


def linked_organisations(dataset: Dataset, lang: str) -> tuple[str, ...]:
    """The organisations the "Linked to" filter offers, sorted by name in ``lang``."""
    return _per_version(dataset, _linked, lang)


@dataclass(frozen=True)
class Span:
    """What the sidebar offers for a dataset: its countries and its first and last start."""

    countries: frozenset[str]
    first_year: int | None
    last_year: int | None


def _span(dataset: Dataset, _lang: str) -> Span:
    """The countries and start years of the dataset's organisations (any language)."""
    organisations = dataset.organisations
    years = organisations["year_started"].dropna()
    return Span(
        frozenset(organisations["country_code"].unique()),
        int(years.min()) if len(years) else None,
        int(years.max()) if len(years) else None,
    )


def dataset_span(dataset: Dataset) -> Span:
    """The dataset's countries and years (worked out once per shared dataset)."""
    return _per_version(dataset, _span)


def shared_dataset() -> Dataset:
    """The dataset named by ``ATLAS_DATA`` (or the shipped one) and its links, cached."""
    return _load(_file_version(dataset_path()), _file_version(network.relationships_path()))


def dataset_or_stop() -> Dataset:
    """Return the shared dataset, or show why it cannot be loaded and stop the page."""
    try:
        return shared_dataset()
    except DatasetError as error:
        st.error(escape_markdown(_("load.error", error=shown(error))))
        st.stop()
    except OSError as error:
        path = error.filename or dataset_path()
        reason = error.strerror or type(error).__name__
        unreadable = Message("load.unreadable", path=str(path), reason=reason)
        st.error(escape_markdown(_("load.error", error=shown(unreadable))))
        st.stop()
