"""The shared filter sidebar: its widgets start from the URL and write every change back.

The widgets come from the filter registry (``mapping.filters.FIELDS``): one widget per
field, drawn in the registry's order by the function of its kind (a multiselect for a
``Choice``, a slider for a ``YearRange``...), so a new filter field needs no code here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import streamlit as st

from mapping.dataset import Dataset, Span, column_values, dataset_span
from mapping.filters import (
    BY_NAME,
    FIELDS,
    PARAMS,
    Choice,
    Field,
    Filters,
    OrganisationId,
    Text,
    Year,
    YearRange,
)
from mapping.frame import PAGE_PARAMS, Frame
from mapping.safety import escape_markdown
from mapping.ui.language import _, lang, shown
from mapping.ui.share import share_box

_STATE = "atlas_filters"
_WRITTEN = "atlas_written_params"
_WIDGET = "atlas_w_"
_PAGE = "atlas_filters_page"
# Set when the sidebar's year choice changed (the URL's asof is then older than it).
_ASOF_CHOSEN = "atlas_asof_chosen"
ASOF = BY_NAME["asof"]
# Set by "Reset filters": the map shows the whole world again.
_RESET = "atlas_filters_reset"


def _filters_from_url() -> tuple[Filters, list[str]]:
    """Parse the filter part of the current URL."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    return Filters.parse_query_params(params, other_keys=OTHER_PARAMS)


OTHER_PARAMS = PAGE_PARAMS


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
    asof_key = ASOF.key
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


@dataclasses.dataclass(frozen=True)
class _Bounds:
    """What the widgets offer for this dataset: its first and last start year, this year."""

    first_year: int
    last_year: int
    this_year: int

    @classmethod
    def of(cls, span: Span) -> _Bounds:
        this_year = dt.date.today().year
        if span.first_year is None:
            return cls(2000, this_year, this_year)
        return cls(span.first_year, span.last_year, this_year)


def _to_widget(field: Field, value: object, bounds: _Bounds) -> object:
    """A filter value as its widget holds it."""
    if isinstance(field, Choice):
        return list(value)
    if isinstance(field, YearRange):
        low, high = value
        first, last = bounds.first_year, bounds.last_year
        low = first if low is None else min(max(low, first), last)
        high = last if high is None else max(min(high, last), low)
        return (low, high)
    return value


def _from_widget(field: Field, state: object, bounds: _Bounds) -> object:
    """A widget's state as the filter's value (a slider at its ends is no bound)."""
    if isinstance(field, YearRange):
        low, high = state if state is not None else (bounds.first_year, bounds.last_year)
        return (
            None if low <= bounds.first_year else low,
            None if high >= bounds.last_year else high,
        )
    if isinstance(field, Choice):
        return state or ()
    if isinstance(field, OrganisationId | Text):
        return state or ""
    return state


def _set_widgets(filters: Filters, bounds: _Bounds) -> None:
    """Put a ``Filters`` into the sidebar widgets' state (before they are drawn)."""
    for field in FIELDS:
        st.session_state[_WIDGET + field.name] = _to_widget(
            field, getattr(filters, field.name), bounds
        )


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
        parsed, notices = Filters.parse_query_params({ASOF.key: str(year)})
        if notices or parsed.asof is None:
            return
        asof = parsed.asof
    st.session_state[_STATE] = dataclasses.replace(filters, asof=asof)


def _widget_filters(bounds: _Bounds) -> Filters:
    """Build ``Filters`` from the sidebar widgets' current state."""
    return Filters(
        **{
            field.name: _from_widget(field, st.session_state.get(_WIDGET + field.name), bounds)
            for field in FIELDS
        }
    )


def _unknown_ids(filters: Filters, dataset: Dataset) -> Filters:
    """Drop a ``linked`` or ``network`` id the dataset does not have, with a notice."""
    filters, problems = filters.known_ids(dataset)
    for problem in problems:
        st.toast(escape_markdown(shown(problem.notice)), icon="⚠️")
    return filters


def _choice(field: Choice, dataset: Dataset, current: Filters, language: str, remember) -> None:
    """A multiselect: the vocabulary, or the values the data holds (by their names)."""
    if field.from_data:
        held = column_values(dataset, field.column) | set(getattr(current, field.name))
        options = sorted(held, key=lambda value: field.label_of(value, language))
    else:
        options = list(field.vocabulary())
    st.multiselect(
        _(field.label),
        options,
        format_func=lambda value: field.label_of(value, language),
        key=_WIDGET + field.name,
        placeholder=_("sidebar.placeholder"),
        on_change=remember,
        help=_(field.help) if field.help else None,
    )


def _text(field: Text, remember) -> None:
    st.text_input(_(field.label), key=_WIDGET + field.name, on_change=remember)


def _year_range(field: YearRange, bounds: _Bounds, remember) -> None:
    st.slider(
        _(field.label),
        bounds.first_year,
        bounds.last_year,
        key=_WIDGET + field.name,
        on_change=remember,
        help=_(field.help) if field.help else None,
    )


def _year(field: Year, bounds: _Bounds, on_change) -> None:
    any_year = _(field.any)  # format_func may run outside this run: no lookups in it
    st.selectbox(
        _(field.label),
        [None, *range(bounds.this_year, bounds.first_year - 1, -1)],
        format_func=lambda year: any_year if year is None else str(year),
        key=_WIDGET + field.name,
        on_change=on_change,
        help=_(field.help) if field.help else None,
    )


def _organisation(field: OrganisationId, dataset: Dataset, language: str, remember) -> None:
    """A choice of organisation (only where the dataset offers any: it has links)."""
    choices = field.choices(dataset, language)
    if not choices:
        return
    any_organisation = _(field.any)
    st.selectbox(
        _(field.label),
        ["", *choices],
        format_func=lambda org: choices[org] if org else any_organisation,
        key=_WIDGET + field.name,
        on_change=remember,
        help=_(field.help) if field.help else None,
    )


def _widgets(
    dataset: Dataset, current: Filters, bounds: _Bounds, remember: Callable, choose_year: Callable
) -> None:
    """Every filter's widget, in the registry's order, each drawn as its kind is."""
    language = lang()
    for field in FIELDS:
        if isinstance(field, Choice):
            _choice(field, dataset, current, language, remember)
        elif isinstance(field, Text):
            _text(field, remember)
        elif isinstance(field, YearRange):
            _year_range(field, bounds, remember)
        elif isinstance(field, Year):
            _year(field, bounds, choose_year)
        elif isinstance(field, OrganisationId):
            _organisation(field, dataset, language, remember)
        else:
            raise TypeError(f"no sidebar widget for the filter kind {type(field).__name__}")


def sidebar_frame(dataset: Dataset, page: str = "") -> Frame:
    """Draw the shared filter sidebar; return the frame of the filters it holds.

    The widgets start from the URL (a shared link) and write every change back
    to it; the count "N of M organisations" is shown under them, from the
    frame the page then uses. The filters are kept in session state rather
    than in the widgets, because Streamlit drops a widget's state when another
    page is shown.
    """
    bounds = _Bounds.of(dataset_span(dataset))
    current = _unknown_ids(_current_filters(page), dataset)
    st.session_state[_STATE] = current
    _set_widgets(current, bounds)

    def remember() -> None:
        st.session_state[_STATE] = _widget_filters(bounds)

    def choose_year() -> None:
        st.session_state[_ASOF_CHOSEN] = True
        remember()

    with st.sidebar:
        st.header(_("sidebar.heading"))
        _widgets(dataset, current, bounds, remember, choose_year)
        filters = _widget_filters(bounds)
        frame = Frame.of(dataset, filters, lang())
        total = len(dataset.organisations)
        st.markdown(f"**{_('count.shown_of_total', shown=frame.count, n=total)}**")
        st.button(_("sidebar.reset"), on_click=_reset, width="stretch", disabled=filters.is_empty)
    st.session_state[_STATE] = filters
    _write_url(filters)
    with st.sidebar:
        share_box()
    return frame
