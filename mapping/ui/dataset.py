"""The dataset a session looks at, loaded once per file version and shared by every session."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

import geopandas as gpd
import pandas as pd
import streamlit as st

from mapping import edition, live, maps, network, store
from mapping.data import DatasetError, dataset_path, load_organisations, organisations_from_table
from mapping.i18n import Message
from mapping.safety import escape_markdown
from mapping.ui.language import _, shown

T = TypeVar("T")
log = logging.getLogger(__name__)


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
    # The live edition (issue #21): its name (``2.1.0+17``) and the organisations
    # removed since the release (id -> ``mapping.edition.Removal``).
    edition: str = ""
    removed: Mapping = field(default_factory=lambda: MappingProxyType({}))


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
    release = edition.Release.read(Path(organisations[0]), Path(links[0]) if links[0] else None)
    return Dataset(
        gdf, relationships, networks, ":".join(map(str, organisations + links)), release.version
    )


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
    """The live edition of the dataset named by ``ATLAS_DATA`` (or the shipped one): the
    release and its links, plus the approved changes it does not include (cached)."""
    files = (_file_version(dataset_path()), _file_version(network.relationships_path()))
    number = live.current_number()  # one tiny query per process every few seconds at most
    if number:
        try:
            return _load_live(*files, number)
        except DatasetError as error:  # an approval the full check refuses: keep the release
            log.error("live edition %s not shown: %s", number, error)
        except store.UnavailableError as error:
            log.warning("live edition %s not shown: the database is %s", number, error)
    return _load(*files)


@st.cache_resource(show_spinner=False, max_entries=2)
def _load_live(organisations: tuple, links: tuple, number: int) -> Dataset:
    """The release plus the approvals up to ``number``, validated as the files are."""
    release = edition.Release.read(Path(organisations[0]), Path(links[0]) if links[0] else None)
    if number <= release.through:
        return _load(organisations, links)
    applied = live.live_tables(release, number)
    gdf = organisations_from_table(
        applied.organisations, source=Path(organisations[0]).name, plausible=True, sourced=True
    )
    relationships = network.relationships_from_table(applied.links, gdf["id"])
    networks = network.networks_table()
    networks = networks[networks["organisation_id"].isin(set(gdf["id"]))].reset_index(drop=True)
    gc.freeze()
    version = ":".join(map(str, organisations + links)) + f":edition-{applied.number}"
    return Dataset(gdf, relationships, networks, version, applied.name, applied.removed)


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
