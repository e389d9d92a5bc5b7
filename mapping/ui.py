"""The Streamlit adapter: the only module of ``mapping`` that imports Streamlit.

Pages stay thin: ``page_frame`` sets the page up, loads the (cached) dataset,
draws the shared sidebar and returns the filtered frame; the page then calls a
pure builder and renders it. The filter state lives in ``st.query_params`` so
every view is a shareable link.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import streamlit as st

from mapping import assets, vocab
from mapping.data import PROJECT_ROOT, dataset_path, load_organisations
from mapping.filters import PARAMS, Filters, country_names
from mapping.safety import safe_url

METADATA_FILE = PROJECT_ROOT / "data" / "metadata.json"
_STATE = "atlas_filters"
_WRITTEN = "atlas_written_params"
_WIDGET = "atlas_w_"


@dataclass(frozen=True)
class Frame:
    """What a page works with: the whole dataset, the filters and the matching rows."""

    all: gpd.GeoDataFrame
    filters: Filters
    shown: gpd.GeoDataFrame

    @property
    def caption(self) -> str:
        """The human sentence for the current view."""
        return self.filters.describe(total=len(self.all), shown=len(self.shown))


@st.cache_resource(show_spinner=False)
def _install_assets_once() -> None:
    """Copy the map assets into ``static/`` once per server process."""
    assets.install_static_assets()


@st.cache_resource(show_spinner="Loading organisations…", max_entries=4)
def _load(path: str, mtime_ns: int, size: int) -> gpd.GeoDataFrame:
    """Load a dataset once per file version; the result is shared and never mutated."""
    del mtime_ns, size  # part of the cache key only
    return load_organisations(path)


def load_dataset() -> gpd.GeoDataFrame:
    """Return the dataset named by ``ATLAS_DATA`` (or the shipped one), cached per file version."""
    path = dataset_path().resolve()
    stat = path.stat()
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


@st.cache_data(show_spinner=False)
def metadata() -> dict:
    """Return the dataset's version, date, licence and citation."""
    return json.loads(Path(METADATA_FILE).read_text(encoding="utf-8"))


def page_frame(title: str, icon: str = "🗺️") -> Frame:
    """Set up a page: config, assets, data, shared sidebar; return the filtered frame."""
    st.set_page_config(page_title=f"{title} · Collective Impact Atlas", page_icon=icon, layout="wide")
    _install_assets_once()
    gdf = load_dataset()
    filters = sidebar_filters(gdf)
    return Frame(gdf, filters, filters.apply(gdf))


def _filters_from_url() -> tuple[Filters, list[str]]:
    """Parse the filter part of the current URL."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    return Filters.parse_query_params(params, other_keys=OTHER_PARAMS)


OTHER_PARAMS = ("lang", "zoom", "lat", "lon", "org", "scene")


def _current_filters() -> Filters:
    """Decide the filters of this run: from the URL on a new session or a new link, else kept."""
    url_params = {k: v for k, v in st.query_params.to_dict().items() if k in PARAMS.values()}
    fresh_session = _STATE not in st.session_state
    if fresh_session or (url_params and url_params != st.session_state.get(_WRITTEN)):
        filters, notices = _filters_from_url()
        for notice in notices:
            st.toast(notice, icon="⚠️")
        _set_widgets(filters)
        st.session_state[_STATE] = filters
    return st.session_state[_STATE]


def _set_widgets(filters: Filters) -> None:
    """Put a ``Filters`` into the sidebar widgets' state."""
    for name in PARAMS:
        if name == "years":
            continue
        st.session_state[_WIDGET + name] = (
            filters.text if name == "text" else list(getattr(filters, name))
        )
    st.session_state[_WIDGET + "years"] = filters.years


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
    """Reset button callback: clear every filter."""
    st.session_state[_STATE] = Filters()
    _set_widgets(Filters())


def sidebar_filters(gdf: gpd.GeoDataFrame) -> Filters:
    """Draw the shared filter sidebar and return the filters it holds.

    The widgets start from the URL (a shared link) and write every change back
    to it; the count "N of M organisations" is shown under them.
    """
    current = _current_filters()
    for name in PARAMS:  # widget state is dropped on page switch: restore it
        if _WIDGET + name not in st.session_state:
            _set_widgets(current)
            break
    names = country_names()
    countries = sorted(set(gdf["country_code"]) | set(current.countries), key=lambda c: names.get(c, c))
    years = gdf["year_started"].dropna()
    first_year, last_year = (int(years.min()), int(years.max())) if len(years) else (2000, 2026)

    with st.sidebar:
        st.header("Filters")
        text = st.text_input("Search names, descriptions, cities", key=_WIDGET + "text")
        roles = st.multiselect("Role", list(vocab.ROLES), format_func=vocab.label, key=_WIDGET + "roles")
        country_choice = st.multiselect(
            "Country", countries, format_func=lambda c: names.get(c, c), key=_WIDGET + "countries"
        )
        domains = st.multiselect("Domain", list(vocab.DOMAINS), format_func=vocab.label,
                                 key=_WIDGET + "domains")
        regions = st.multiselect("World region", list(vocab.WORLD_REGIONS), key=_WIDGET + "world_regions")
        org_types = st.multiselect("Organisation type", list(vocab.ORG_TYPES), format_func=vocab.label,
                                   key=_WIDGET + "org_types")
        scopes = st.multiselect("Scope", list(vocab.SCOPES), format_func=vocab.label, key=_WIDGET + "scopes")
        year_range = _year_slider(first_year, last_year)
        filters = Filters(
            roles=roles, countries=country_choice, domains=domains, world_regions=regions,
            org_types=org_types, scopes=scopes, text=text, years=year_range,
        )
        shown = int(filters.mask(gdf).sum())
        st.markdown(f"**{shown:,} of {len(gdf):,} organisations**")
        st.button("Reset filters", on_click=_reset, use_container_width=True,
                  disabled=filters.is_empty)
    st.session_state[_STATE] = filters
    _write_url(filters)
    return filters


def _year_slider(first_year: int, last_year: int) -> tuple[int | None, int | None]:
    """Draw the year-started slider; the full span means no year constraint."""
    key = _WIDGET + "years"
    chosen = st.session_state.get(key, (None, None))
    if not isinstance(chosen, tuple | list) or None in chosen:
        low = chosen[0] if chosen and chosen[0] is not None else first_year
        high = chosen[1] if chosen and len(chosen) > 1 and chosen[1] is not None else last_year
        st.session_state[key] = (max(min(low, last_year), first_year), min(max(high, first_year), last_year))
    low, high = st.slider("Year started", first_year, last_year, key=key,
                          help="The full span includes organisations with no known start year.")
    return (None if low <= first_year else low, None if high >= last_year else high)


def table_for_display(gdf: pd.DataFrame) -> pd.DataFrame:
    """Return the columns the Data page shows, multi-valued cells joined for reading."""
    names = country_names()
    return pd.DataFrame({
        "Name": gdf["name"].to_numpy(),
        "Roles": [", ".join(vocab.label(v) for v in values) for values in gdf["roles"]],
        "Type": [vocab.label(v) if v else "" for v in gdf["org_type"]],
        "Domains": [", ".join(vocab.label(v) for v in values) for values in gdf["domains"]],
        "Scope": [vocab.label(v) if v else "" for v in gdf["scope"]],
        "City": gdf["city"].to_numpy(),
        "Country": [names.get(c, c) for c in gdf["country_code"]],
        "Region": gdf["world_region"].to_numpy(),
        "Started": gdf["year_started"].to_numpy(),
        "Network": ["; ".join(values) for values in gdf["network"]],
        "Website": [safe_url(url) or None for url in gdf["website"]],
        "Description": gdf["description"].to_numpy(),
    })
