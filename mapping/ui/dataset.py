"""The dataset a page looks at: the live one (``mapping.dataset``), or why it cannot be read."""

from __future__ import annotations

import streamlit as st

from mapping import dataset as live
from mapping.data import DatasetError, dataset_path
from mapping.dataset import Dataset
from mapping.i18n import Message
from mapping.safety import escape_markdown
from mapping.ui.language import _, shown

__all__ = ["Dataset", "dataset_or_stop", "shared_dataset"]


def shared_dataset() -> Dataset:
    """The dataset named by ``ATLAS_DATA`` (or the shipped one) and its links.

    Loaded once per version of its files for the whole process, pages and API alike
    (``mapping.dataset.current``); no Streamlit cache of its own, so there is one copy.
    """
    return live.current()


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
