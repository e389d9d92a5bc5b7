"""The dataset a session looks at, loaded once per file version and shared by every session."""

from __future__ import annotations

import gc

import geopandas as gpd
import streamlit as st

from mapping.data import DatasetError, dataset_path, load_organisations
from mapping.i18n import Message
from mapping.safety import escape_markdown
from mapping.ui.language import _, shown


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(path: str, mtime_ns: int, size: int) -> gpd.GeoDataFrame:
    """Load a dataset once per file version; the result is shared and never mutated."""
    del mtime_ns, size  # part of the cache key only
    organisations = load_organisations(path)
    # Streamlit runs a full garbage collection after every script run, holding
    # the GIL, so the map's message waits in the send queue. With 100,000
    # organisations (and the gazetteer) in memory that took 0.5 s per page
    # load. These objects live as long as the server: exempt them from it.
    gc.freeze()
    return organisations


def load_dataset() -> gpd.GeoDataFrame:
    """Return the dataset named by ``ATLAS_DATA`` (or the shipped one), cached per file version."""
    return _versioned_dataset()[0]


def _versioned_dataset() -> tuple[gpd.GeoDataFrame, str]:
    """The dataset and its file version (path, modification time, size: what identifies it)."""
    path = dataset_path().resolve()
    stat = path.stat()
    version = (str(path), stat.st_mtime_ns, stat.st_size)
    return _load(*version), ":".join(map(str, version))


def dataset_or_stop() -> tuple[gpd.GeoDataFrame, str]:
    """Return the dataset and its version, or show why it cannot be loaded and stop the page."""
    try:
        return _versioned_dataset()
    except DatasetError as error:
        st.error(escape_markdown(_("load.error", error=shown(error))))
        st.stop()
    except OSError as error:
        path = error.filename or dataset_path()
        reason = error.strerror or type(error).__name__
        unreadable = Message("load.unreadable", path=str(path), reason=reason)
        st.error(escape_markdown(_("load.error", error=shown(unreadable))))
        st.stop()
