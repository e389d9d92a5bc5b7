"""The shared filter sidebar: its widgets start from the URL and write every change back."""

from __future__ import annotations

import dataclasses
import datetime as dt

import streamlit as st

from mapping import vocab
from mapping.filters import ID_FIELDS, PARAMS, SCALAR_FIELDS, Filters
from mapping.i18n import Message, category_label, country_names
from mapping.safety import escape_markdown
from mapping.ui.dataset import (
    Dataset,
    dataset_span,
    linked_organisations,
    organisation_names,
)
from mapping.ui.frame import Frame
from mapping.ui.language import _, lang, shown
from mapping.ui.share import share_box

_STATE = "atlas_filters"
_WRITTEN = "atlas_written_params"
_WIDGET = "atlas_w_"
_PAGE = "atlas_filters_page"
# Set when the sidebar's year choice changed (the URL's asof is then older than it).
_ASOF_CHOSEN = "atlas_asof_chosen"
# Set by "Reset filters": the map shows the whole world again.
_RESET = "atlas_filters_reset"


def _filters_from_url() -> tuple[Filters, list[str]]:
    """Parse the filter part of the current URL."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    return Filters.parse_query_params(params, other_keys=OTHER_PARAMS)


OTHER_PARAMS = ("lang", "zoom", "lat", "lon", "org", "scene", "partners", "by")


def _current_filters(page: str) -> Filters:
    """Decide the filters of this run: from the URL on a new session or a new link, else kept.

    On the same page, an ``asof`` in the URL that differs from the one last
    written is followed (unless the sidebar's own year choice changed this
    run); the map's year control reports its year to the app instead
    (``follow_map_year``), so the app writes it. Moving to another page clears
    the URL: the filters are kept then.
    """
    url_params = {k: v for k, v in st.query_params.to_dict().items() if k in PARAMS.values()}
    written = st.session_state.get(_WRITTEN) or {}
    fresh_session = _STATE not in st.session_state
    same_page = st.session_state.get(_PAGE) == page
    st.session_state[_PAGE] = page
    asof_key = PARAMS["asof"]
    others = {k: v for k, v in url_params.items() if k != asof_key}
    if fresh_session or (
        url_params and others != {k: v for k, v in written.items() if k != asof_key}
    ):
        filters, notices = _filters_from_url()
        for notice in notices:
            st.toast(escape_markdown(shown(notice)), icon="⚠️")
        st.session_state[_STATE] = filters
    elif (
        same_page
        and url_params.get(asof_key) != written.get(asof_key)
        and not st.session_state.pop(_ASOF_CHOSEN, False)
    ):
        year, notices = Filters.parse_query_params(
            {asof_key: url_params[asof_key]} if asof_key in url_params else {}
        )
        for notice in notices:
            st.toast(escape_markdown(shown(notice)), icon="⚠️")
        st.session_state[_STATE] = dataclasses.replace(st.session_state[_STATE], asof=year.asof)
    st.session_state.pop(_ASOF_CHOSEN, None)
    return st.session_state[_STATE]


def _set_widgets(filters: Filters, first_year: int, last_year: int) -> None:
    """Put a ``Filters`` into the sidebar widgets' state (before they are drawn)."""
    for name in PARAMS:
        if name not in SCALAR_FIELDS:
            st.session_state[_WIDGET + name] = list(getattr(filters, name))
    for name in ("text", *ID_FIELDS):
        st.session_state[_WIDGET + name] = getattr(filters, name)
    st.session_state[_WIDGET + "asof"] = filters.asof
    low, high = filters.years
    low = first_year if low is None else min(max(low, first_year), last_year)
    high = last_year if high is None else max(min(high, last_year), low)
    st.session_state[_WIDGET + "years"] = (low, high)


def _write_url(filters: Filters) -> None:
    """Mirror the filters into the URL, keeping parameters that belong to other features."""
    wanted = filters.to_query_params()
    for key in PARAMS.values():
        if key not in wanted and key in st.query_params:
            del st.query_params[key]
    for key, value in wanted.items():
        if st.query_params.get(key) != value:
            st.query_params[key] = value
    st.session_state[_WRITTEN] = wanted


def _reset() -> None:
    """Reset button callback: clear every filter (and have the map show the whole world)."""
    st.session_state[_STATE] = Filters()
    st.session_state[_RESET] = True


def filters_were_reset() -> bool:
    """Whether "Reset filters" was pressed since the map last asked (asking forgets it)."""
    return bool(st.session_state.pop(_RESET, False))


def follow_map_year(year: object) -> None:
    """Callback: the map's year control settled on ``year`` (None: all years).

    The year becomes the view's ``asof``, as if chosen in the sidebar, so the
    sentence, the sidebar, every page, download and the URL say it. The value
    comes from the browser: anything but a year the filters accept is ignored.
    """
    filters = st.session_state.get(_STATE)
    if filters is None:
        return
    if year is None:
        asof = None
    else:
        parsed, notices = Filters.parse_query_params({PARAMS["asof"]: str(year)})
        if notices or parsed.asof is None:
            return
        asof = parsed.asof
    st.session_state[_STATE] = dataclasses.replace(filters, asof=asof)


def _widget_filters(first_year: int, last_year: int) -> Filters:
    """Build ``Filters`` from the sidebar widgets' current state."""
    state = st.session_state
    low, high = state.get(_WIDGET + "years", (first_year, last_year))
    return Filters(
        roles=state.get(_WIDGET + "roles", ()),
        countries=state.get(_WIDGET + "countries", ()),
        domains=state.get(_WIDGET + "domains", ()),
        world_regions=state.get(_WIDGET + "world_regions", ()),
        org_types=state.get(_WIDGET + "org_types", ()),
        scopes=state.get(_WIDGET + "scopes", ()),
        text=state.get(_WIDGET + "text", ""),
        years=(None if low <= first_year else low, None if high >= last_year else high),
        linked=state.get(_WIDGET + "linked") or "",
        network=state.get(_WIDGET + "network") or "",
        asof=state.get(_WIDGET + "asof"),
    )


def _unknown_ids(filters: Filters, dataset: Dataset) -> Filters:
    """Drop a ``linked`` or ``network`` id the dataset does not have, with a notice."""
    for name in ID_FIELDS:
        value = getattr(filters, name)
        if not value:
            continue
        valid = (
            dataset.networks["organisation_id"]
            if name == "network"
            else dataset.organisations["id"]
        )
        if not (valid == value).any():
            notice = Message(f"notice.unknown_{name}", value=value)
            st.toast(escape_markdown(shown(notice)), icon="⚠️")
            filters = dataclasses.replace(filters, **{name: ""})
    return filters


def sidebar_frame(dataset: Dataset, page: str = "") -> Frame:
    """Draw the shared filter sidebar; return the frame of the filters it holds.

    The widgets start from the URL (a shared link) and write every change back
    to it; the count "N of M organisations" is shown under them, from the
    frame the page then uses. The filters are kept in session state rather
    than in the widgets, because Streamlit drops a widget's state when another
    page is shown.
    """
    gdf = dataset.organisations
    language = lang()
    names = country_names(language)
    span = dataset_span(dataset)
    this_year = dt.date.today().year
    first_year, last_year = (
        (span.first_year, span.last_year) if span.first_year is not None else (2000, this_year)
    )
    current = _unknown_ids(_current_filters(page), dataset)
    st.session_state[_STATE] = current
    _set_widgets(current, first_year, last_year)
    countries = sorted(span.countries | set(current.countries), key=lambda c: names.get(c, c))

    def remember() -> None:
        st.session_state[_STATE] = _widget_filters(first_year, last_year)

    def choose_year() -> None:
        st.session_state[_ASOF_CHOSEN] = True
        remember()

    with st.sidebar:
        st.header(_("sidebar.heading"))
        st.text_input(_("sidebar.search"), key=_WIDGET + "text", on_change=remember)
        # (filter field, label key, options, vocabulary kind or None for countries)
        for name, label, options, kind in (
            ("roles", "sidebar.role", list(vocab.ROLES), "role"),
            ("countries", "sidebar.country", countries, None),
            ("domains", "sidebar.domain", list(vocab.DOMAINS), "domain"),
            ("world_regions", "sidebar.world_region", list(vocab.WORLD_REGIONS), "world_region"),
            ("org_types", "sidebar.org_type", list(vocab.ORG_TYPES), "org_type"),
            ("scopes", "sidebar.scope", list(vocab.SCOPES), "scope"),
        ):
            st.multiselect(
                _(label),
                options,
                format_func=(
                    (lambda code: names.get(code, code))
                    if kind is None
                    else (lambda value, kind=kind: category_label(kind, value, language))
                ),
                key=_WIDGET + name,
                placeholder=_("sidebar.placeholder"),
                on_change=remember,
            )
        st.slider(
            _("sidebar.year_started"),
            first_year,
            last_year,
            key=_WIDGET + "years",
            on_change=remember,
            help=_("sidebar.year_started_help"),
        )
        any_year = _("sidebar.asof_any")  # format_func may run outside this run: no lookups in it
        st.selectbox(
            _("sidebar.asof"),
            [None, *range(this_year, first_year - 1, -1)],
            format_func=lambda year: any_year if year is None else str(year),
            key=_WIDGET + "asof",
            on_change=choose_year,
            help=_("sidebar.asof_help"),
        )
        _link_widgets(dataset, language, remember)
        filters = _widget_filters(first_year, last_year)
        frame = Frame.of(dataset, filters, language)
        st.markdown(f"**{_('count.shown_of_total', shown=len(frame.shown), n=len(gdf))}**")
        st.button(_("sidebar.reset"), on_click=_reset, width="stretch", disabled=filters.is_empty)
    st.session_state[_STATE] = filters
    _write_url(filters)
    with st.sidebar:
        share_box()
    return frame


def _link_widgets(dataset: Dataset, language: str, remember) -> None:
    """The "Network" and "Linked to" choices (only where the dataset has links)."""
    if dataset.links.empty:
        return
    networks = dict(
        zip(dataset.networks["organisation_id"], dataset.networks["network"], strict=True)
    )
    any_network, any_organisation = _("sidebar.network_any"), _("sidebar.linked_any")
    if networks:
        st.selectbox(
            _("sidebar.network"),
            ["", *networks],
            format_func=lambda runner: networks[runner] if runner else any_network,
            key=_WIDGET + "network",
            on_change=remember,
            help=_("sidebar.network_help"),
        )
    names = organisation_names(dataset, language)
    st.selectbox(
        _("sidebar.linked"),
        ["", *linked_organisations(dataset, language)],
        format_func=lambda org: names[org] if org else any_organisation,
        key=_WIDGET + "linked",
        on_change=remember,
        help=_("sidebar.linked_help"),
    )
