"""Bring your own data: the Data page's upload panel; an upload lives in its session only."""

from __future__ import annotations

import streamlit as st

from mapping import network
from mapping.data import COLUMNS
from mapping.i18n import Message, direction
from mapping.safety import escape_markdown
from mapping.ui.dataset import Dataset, dataset_or_stop, shared_dataset
from mapping.ui.language import _, lang, shown
from mapping.upload import (
    FILE_TYPES,
    MAX_BYTES,
    MAX_ROWS,
    MODES,
    UploadError,
    UploadResult,
    display_report,
    merge_with_builtin,
    read_upload,
)

_UPLOAD = "atlas_upload"
_UPLOAD_READ = "atlas_upload_read"
_COLUMN_MAP = "atlas_upload_columns"


# Also accepted: formats we refuse ourselves, so the user gets our explanation.
UPLOAD_TYPES = (*(suffix.lstrip(".") for suffix in FILE_TYPES), "xls", "ods")


def active_dataset() -> tuple[Dataset, Message | None]:
    """Return the data this session looks at and a short description of it.

    The built-in data has no description and a shared version. An upload lives
    only in its browser session (``st.session_state``): it is never written to
    disk and no other session sees it, so it has no shared version. Its
    description is a message, so it follows a change of language.
    """
    upload = st.session_state.get(_UPLOAD)
    if upload is None:
        return dataset_or_stop(), None
    return upload["dataset"], upload["label"]


def _use_upload(result: UploadResult, mode: str, name: str) -> None:
    """Button callback: make the upload this session's data.

    Merged with the built-in data, the built-in links among the organisations
    kept still hold; an upload that replaces it has no links.
    """
    builtin = shared_dataset()
    if mode == "merge":
        organisations, duplicates = merge_with_builtin(builtin.organisations, result.organisations)
        ids = set(organisations["id"])
        links = network.view_links(builtin.links, ids)
        networks = builtin.networks[builtin.networks["organisation_id"].isin(ids)]
        label = Message(
            "upload.active_merged",
            name=name,
            organisations=Message("count.organisations", n=len(organisations)),
            duplicates=Message("upload.duplicates_merged", n=duplicates),
        )
    else:
        organisations, links = result.organisations, network.empty_links()
        networks = builtin.networks.iloc[0:0]
        label = Message(
            "upload.active_replaced",
            name=name,
            organisations=Message("count.organisations", n=len(organisations)),
        )
    dataset = Dataset(organisations, links, networks, version=None)
    st.session_state[_UPLOAD] = {"dataset": dataset, "label": label}


def _clear_upload() -> None:
    """Button callback: go back to the built-in dataset."""
    st.session_state.pop(_UPLOAD, None)


def _read(name: str, data: bytes, file_id: str, fix_swapped: bool) -> UploadResult:
    """Read an upload once per (file, column mapping, fix) and keep it for this session."""
    column_map = st.session_state.get(_COLUMN_MAP, {}).get(file_id, {})
    key = (file_id, tuple(sorted(column_map.items())), fix_swapped)
    cached = st.session_state.get(_UPLOAD_READ)
    if cached is None or cached[0] != key:
        cached = (key, read_upload(name, data, column_map, fix_swapped=fix_swapped))
        st.session_state[_UPLOAD_READ] = cached
    return cached[1]


def _map_column(file_id: str, header: str, widget: str) -> None:
    """Select-box callback: remember the user's mapping of one header."""
    maps_by_file = st.session_state.setdefault(_COLUMN_MAP, {})
    choice = st.session_state[widget]
    maps_by_file.setdefault(file_id, {})[header] = None if choice == "(ignore)" else choice


def upload_panel() -> None:
    """The Data page's upload: read, map columns, report every row, then use or discard."""
    active = st.session_state.get(_UPLOAD)
    with st.expander(_("upload.expander"), expanded=active is not None):
        if active is not None:
            st.info(escape_markdown(shown(active["label"])))
            st.button(_("upload.back"), on_click=_clear_upload)
        file = st.file_uploader(
            _("upload.file_label", megabytes=MAX_BYTES // (1024 * 1024), rows=MAX_ROWS),
            type=list(UPLOAD_TYPES),
            key="atlas_upload_file",
        )
        if file is None:
            return
        fix_swapped = st.checkbox(_("upload.fix_swapped"))
        try:
            result = _read(file.name, file.getvalue(), file.file_id, fix_swapped)
        except UploadError as error:
            st.error(escape_markdown(shown(error)))
            return
        _upload_report(result, file.file_id)
        if result.loaded:
            mode = st.radio(
                _("upload.mode"), list(MODES), format_func=lambda m: _(f"upload.mode.{m}")
            )
            st.button(
                _("upload.show"),
                type="primary",
                on_click=_use_upload,
                args=(result, mode, file.name),
            )


def _upload_report(result: UploadResult, file_id: str) -> None:
    """Show what happened to every row, the column mapping, and the downloadable error report.

    The reports are rendered in the page's language on each run (the upload is
    read once), so switching the language re-words them without re-reading the file.
    """
    language = lang()
    isolate = direction(language) == "rtl"
    (st.success if not result.rejected else st.warning)(escape_markdown(result.summary(language)))
    if result.encoding is not None:
        encoding = Message(f"upload.encoding.{result.encoding}")
        st.caption(escape_markdown(shown(Message("upload.read_as", encoding=encoding))))
    if len(result.warning_problems):
        st.caption(_("upload.imprecise", n=len(result.warning_problems)))
        warnings = result.warnings_report(language, isolate=isolate)
        st.dataframe(display_report(warnings, language), hide_index=True, width="stretch")
    if result.swapped_rows:
        key = "upload.swapped_fixed" if result.fixed_swapped else "upload.swapped_unfixed"
        st.caption(_(key, n=len(result.swapped_rows)))
    if result.unmapped_columns:
        st.markdown(_("upload.unmapped"))
        for index, header in enumerate(result.unmapped_columns):
            widget = f"atlas_map_column_{index}"
            st.selectbox(
                escape_markdown(header),
                ["(ignore)", *COLUMNS],
                format_func=lambda c: (
                    _("upload.ignore_column") if c == "(ignore)" else _(f"upload.field.{c}")
                ),
                key=widget,
                on_change=_map_column,
                args=(file_id, header, widget),
            )
    if result.rejected:
        errors = result.report(language, isolate=isolate)
        st.dataframe(display_report(errors, language), hide_index=True, width="stretch")
        st.download_button(
            _("upload.download_errors"),
            # The CSV's texts are in the page's language, without bidi controls.
            data=result.errors_csv_bytes(language),
            file_name="upload-errors.csv",
            mime="text/csv",
        )
