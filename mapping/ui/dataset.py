"""The dataset a session looks at, loaded once per file version and shared by every session."""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import streamlit as st

from mapping import network
from mapping.data import DatasetError, dataset_path, load_organisations
from mapping.i18n import Message
from mapping.safety import escape_markdown
from mapping.ui.language import _, shown


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
    """What identifies a file's content cheaply: path, modification time, size."""
    if path is None:
        return ("", 0, 0)
    resolved = path.resolve()
    stat = resolved.stat()
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
