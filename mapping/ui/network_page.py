"""The Network page: the graph of a view, what it shows, and its downloads."""

from __future__ import annotations

import functools
import hashlib

import pandas as pd
import streamlit as st
import streamlit.components.v1 as components
from streamlit.delta_generator import DeltaGenerator

from mapping import assets, export, network, network_view
from mapping.dataset import Dataset
from mapping.frame import Frame
from mapping.i18n import bidi_isolate, category_label, direction
from mapping.safety import escape_markdown, script_json
from mapping.ui import history
from mapping.ui.language import _

PARTNERS_PARAM = "partners"
_PARTNERS = "atlas_network_partners"


def partners_option() -> bool:
    """The "include their direct partners" switch, kept in the URL (``partners=1``)."""
    if _PARTNERS not in st.session_state:
        st.session_state[_PARTNERS] = st.query_params.get(PARTNERS_PARAM) == "1"

    def remember() -> None:
        if st.session_state[_PARTNERS]:
            st.query_params[PARTNERS_PARAM] = "1"
        elif PARTNERS_PARAM in st.query_params:
            del st.query_params[PARTNERS_PARAM]

    st.toggle(
        _("network.partners"), key=_PARTNERS, on_change=remember, help=_("network.partners_help")
    )
    remember()
    return bool(st.session_state[_PARTNERS])


def _view_key(frame: Frame, partners: bool) -> tuple:
    """What identifies a graph of shared data: the filters and the partners switch."""
    return (*sorted(frame.filters.to_query_params().items()), ("partners", partners))


def graph_view(frame: Frame, partners: bool) -> network_view.GraphView:
    """The organisations and links the graph draws (shared between sessions for shared data)."""
    if frame.version is None:
        return _graph_view(frame, partners)
    return _shared_view(frame.version, _view_key(frame, partners), partners, frame)


def _graph_view(frame: Frame, partners: bool) -> network_view.GraphView:
    """The view's organisations (and the one a "linked to" view is linked to) and their links."""
    return network_view.graph_view(
        frame.present, frame.shown, frame.links, partners=partners, linked=frame.linked
    )


@st.cache_resource(show_spinner=False, max_entries=32)
def _shared_view(version: str, key: tuple, partners: bool, _frame: Frame) -> network_view.GraphView:
    """Choose a view's organisations once per (data version, filters, partners)."""
    del version, key
    return _graph_view(_frame, partners)


@functools.cache
def graph_component():
    """The graph's frame, a Streamlit component served from the app (declared once)."""
    return components.declare_component("atlas_network", path=str(assets.NETWORK_FRAME))


def _payload(frame: Frame, view: network_view.GraphView, partners: bool, selected: str) -> tuple:
    """The graph's data and a key naming it; laid out once per view of shared data."""
    coverage = coverage_table(frame.dataset)
    if frame.version is None:
        payload = network_view.graph_payload(view, frame.lang, selected, coverage)
        return payload, hashlib.sha256(script_json(payload).encode()).hexdigest()[:16]
    key = (*_view_key(frame, partners), ("lang", frame.lang), ("org", selected))
    return _shared_payload(frame.version, key, frame.lang, selected, view, coverage)


@st.cache_resource(show_spinner=False, max_entries=32)
def _shared_payload(
    version: str,
    key: tuple,
    lang: str,
    selected: str,
    _view: network_view.GraphView,
    _coverage: pd.DataFrame,
) -> tuple:
    """Lay out a view's graph once per (data version, view, language, selection)."""
    payload = network_view.graph_payload(_view, lang, selected, _coverage)
    return payload, hashlib.sha256(repr((version, key)).encode()).hexdigest()[:16]


def show_graph(
    frame: Frame, view: network_view.GraphView, partners: bool, presenter: bool = False
) -> None:
    """Draw the graph (or say why there is none).

    ``presenter`` draws it for a hall (the Present page): the graph and its
    legend only, in large type, and the presenter's keys never stop in it.
    """
    selected = "" if presenter else st.query_params.get("org", "")
    if selected in frame.dataset.removed:  # a permalink outlives its organisation
        history.removed_notice(frame.dataset.removed[selected])
        selected = ""
    if frame.shown.empty:
        st.info(_("network.empty"))
        return
    if not presenter:
        if view.links.empty:
            st.info(_("network.no_links"))
        if view.trimmed:
            st.info(_("network.trimmed", shown=len(view.organisations), total=view.total))
        if view.partners:
            st.caption(_("network.partners_added", n=view.partners))
    payload, key = _payload(frame, view, partners, selected)
    graph_component()(
        data=payload,
        view=key,
        lang=frame.lang,
        dir=direction(frame.lang),
        height=network_view.PRESENTER_HEIGHT if presenter else network_view.FRAME_HEIGHT,
        presenter=presenter,
        key="atlas_present_graph" if presenter else "atlas_network_graph",
        default=None,
    )


def summary(frame: Frame, view: network_view.GraphView, partners: bool) -> network.Summary:
    """The view's figures (computed once per view of shared data: brokers take a while)."""
    if frame.version is None:
        return network.summarise(view.organisations, view.links, frame.dataset.networks)
    return _shared_summary(frame.version, _view_key(frame, partners), view, frame.dataset)


@st.cache_resource(show_spinner=False, max_entries=32)
def _shared_summary(
    version: str, key: tuple, _view: network_view.GraphView, _dataset: Dataset
) -> network.Summary:
    """Summarise a view's graph once per (data version, view)."""
    del version, key
    return network.summarise(_view.organisations, _view.links, _dataset.networks)


def show_metrics(frame: Frame, figures: network.Summary) -> None:
    """The figures a researcher reads: size, links, groups, the most linked, brokers, networks."""
    st.header(_("network.metrics_heading"), anchor=False)
    keys = ("organisations", "links", "linked", "groups", "largest")
    for cell, key in zip(st.columns(len(keys)), keys, strict=True):
        cell.metric(_(f"network.metric.{key}"), f"{getattr(figures, key):,}")
    names = frame.names
    left, middle, right = st.columns(3)
    top = figures.most_linked
    left.markdown(f"**{_('network.most_linked')}**")
    left.dataframe(
        _table({"organisation": [names.get(i, i) for i in top.index], "links": top.to_numpy()}),
        hide_index=True,
        width="stretch",
    )
    scores = figures.brokers
    middle.markdown(f"**{_('network.brokers')}**", help=_("network.brokers_help"))
    middle.dataframe(
        _table(
            {
                "organisation": [names.get(i, i) for i in scores.index],
                "betweenness": scores.round(3).to_numpy(),
            }
        ),
        hide_index=True,
        width="stretch",
    )
    sizes = figures.network_sizes
    right.markdown(f"**{_('network.networks')}**")
    right.dataframe(
        _table({"network": sizes["network"].to_numpy(), "members": sizes["members"].to_numpy()}),
        hide_index=True,
        width="stretch",
    )
    counts = figures.by_relation
    st.markdown(f"**{_('network.by_relation')}**")
    st.dataframe(
        _table(
            {
                "relation": [category_label("relation", r, frame.lang) for r in counts.index],
                "links": counts.to_numpy(),
            }
        ),
        hide_index=True,
    )


def coverage_table(dataset: Dataset) -> pd.DataFrame:
    """Each named network's coverage, best covered first (``mapping.network.coverage``).

    Always the whole atlas's: how much of a roster the atlas holds does not change with
    the filters (nor with an as-of year: a roster is of its own date).
    """
    return network.best_covered_first(network.coverage(dataset.networks, dataset.links))


def show_network_coverage(frame: Frame) -> None:
    """Under a ``network=`` view's caption: how much of that network's roster the atlas holds."""
    if not frame.filters.network:
        return
    table = coverage_table(frame.dataset)
    row = table[table["organisation_id"] == frame.filters.network]
    if len(row):
        sentence = network.coverage_message(row.iloc[0]).render(frame.lang, isolate=True)
        st.caption(escape_markdown(sentence))


def show_coverage(frame: Frame) -> None:
    """How complete each named network is: members held against its roster, with its page.

    The table fits the page (no sideways scrolling); what counts as each network's member,
    and why members are missing, follows in a list a reader opens.
    """
    table = coverage_table(frame.dataset)
    if table.empty:  # an uploaded dataset names no networks
        return
    st.header(_("network.coverage_heading"), anchor=False)
    st.caption(_("network.coverage_caption"))
    columns = {
        "network": table["network"],
        "held": table["members"],
        "listed": table["roster_size"],
        "share": table["share"] * 100,  # whole percents: "83%", not "82.61%"
        "roster_date": table["roster_date"],
        "roster_source": table["roster_source"],
    }
    label = {key: _(f"network.column.{key}") for key in columns}
    st.dataframe(
        _table(columns),
        hide_index=True,
        width="stretch",
        height="content",  # every network at once: 23 rows, no inner scrolling
        placeholder="—",  # no published size (and so no share)
        column_config={
            label["network"]: st.column_config.TextColumn(label["network"], width=310),
            label["held"]: st.column_config.NumberColumn(label["held"], width=90),
            label["listed"]: st.column_config.NumberColumn(label["listed"], width=110),
            label["share"]: st.column_config.ProgressColumn(
                label["share"], format="%.0f%%", min_value=0, max_value=100, width=130
            ),
            label["roster_date"]: st.column_config.TextColumn(label["roster_date"], width=100),
            # The host names the roster's publisher; the whole address is the link.
            label["roster_source"]: st.column_config.LinkColumn(
                label["roster_source"], display_text=r"https?://(?:www\.)?([^/]+)"
            ),
        },
    )
    # Each line is one isolate: an English note reads left to right, its full stop at its
    # end, on a Hebrew page too.
    lines = [
        "- " + bidi_isolate(f"**{escape_markdown(name)}**: {escape_markdown(note)}")
        for name, note in zip(table["network"], table["roster_note"], strict=True)
        if note
    ]
    with st.expander(_("network.coverage_notes")):
        st.markdown("\n".join(lines))


def _table(columns: dict) -> pd.DataFrame:
    """A small table whose column titles are in the page's language."""
    return pd.DataFrame({_(f"network.column.{key}"): values for key, values in columns.items()})


# What the links of a view download as: writer, file name after the view's stem
# (``export.file_stem``), media type. The labels and help texts are the catalogues'
# ``download.<kind>`` and ``download.<kind>_help``.
LINK_DOWNLOADS = {
    "links_csv": (network.to_links_csv_bytes, "_links.csv", "text/csv"),
    "gexf": (network.to_gexf_bytes, "_network.gexf", "application/gexf+xml"),
    "graphml": (network.to_graphml_bytes, "_network.graphml", "application/graphml+xml"),
}


def links_download(
    container: DeltaGenerator,
    kind: str,
    organisations: pd.DataFrame,
    links: pd.DataFrame,
    stem: str,
    disabled: bool = False,
) -> None:
    """A button downloading the links among ``organisations`` as ``kind`` (made on click).

    The file is named ``stem`` (what the view holds) and the kind's ending.
    """
    write, ending, mime = LINK_DOWNLOADS[kind]
    container.download_button(
        _(f"download.{kind}"),
        data=functools.partial(write, organisations, links),
        file_name=f"{stem}{ending}",
        mime=mime,
        on_click="ignore",
        width="stretch",
        help=_(f"download.{kind}_help"),
        disabled=disabled,
    )


def show_downloads(frame: Frame, view: network_view.GraphView, partners: bool = False) -> None:
    """The view's links as CSV, and its graph as GEXF and GraphML (named after the view)."""
    st.header(_("network.downloads_heading"), anchor=False)
    stem = export.file_stem(frame.filters) + ("_with-partners" if partners else "")
    for column, kind in zip(st.columns(len(LINK_DOWNLOADS)), LINK_DOWNLOADS, strict=True):
        links_download(column, kind, view.organisations, view.links, stem)
