"""Build the atlas map: a tile-free vector basemap plus the organisations layer.

The organisations travel to the browser as compact parallel arrays
(coordinates, name, primary-role code) and, for up to ``DETAIL_LIMIT`` rows,
the display fields the popup shows; ``mapping/assets/atlas.js`` draws them as
clustered circle markers and builds every tooltip and popup with DOM text
nodes, so no data is ever parsed as HTML. Every script and style sheet is a
local asset (``mapping.assets``): the map needs no network.
"""

from __future__ import annotations

import base64
import functools
import json
import math
import re
import zlib

import folium
import pandas as pd
from branca.element import CssLink, Element, Figure, JavascriptLink, MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from mapping import assets, vocab
from mapping.i18n import category_label, direction, t
from mapping.i18n import country_names as i18n_country_names
from mapping.paths import COUNTRIES_FILE
from mapping.safety import safe_url, script_json

# Up to this many organisations the popups carry every detail; above it the map
# carries only what identifies each one and the app shows details on click.
DETAIL_LIMIT = 2_000
# Above this many organisations the payload travels deflated (see encode_payload).
COMPRESS_ABOVE = 5_000
# Above this many organisations the browser gets per-country counts instead of points.
AGGREGATE_ABOVE = 200_000
COORDINATE_DECIMALS = 4
WORLD_VIEW = ((-50.0, -150.0), (72.0, 170.0))
MAX_ZOOM = 18
BASEMAP_PANE = "basemap"
FIT_MAX_ZOOM = 7
# How the map frames an organisations layer when it arrives (atlas.js):
#   none     leave the view alone (a link's view, a presenter's scene);
#   results  fit the organisations, unless the visitor has moved the map since the last fit;
#   world    fit every organisation whatever the visitor did (after "Reset filters").
FIT_MODES = ("none", "results", "world")
BASEMAP_STYLE = {"fillColor": "#f4f1ea", "color": "#9aa5ad", "weight": 0.6, "fillOpacity": 1.0}
ONLINE_TILES = (
    (
        "map.tiles.osm",
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    ),
    (
        "map.tiles.carto",
        "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
        '&copy; OpenStreetMap contributors &copy; <a href="https://carto.com/attributions">CARTO</a>',
    ),
)
DETAIL_FIELDS = (
    ("org_type", "Type"),
    ("roles", "Roles"),
    ("domains", "Domains"),
    ("scope", "Scope"),
    ("place", "Location"),
    ("year_started", "Started"),
    ("network", "Network"),
    ("website", "Website"),
    ("description", "About"),
)


class AtlasMap(folium.Map):
    """A ``folium.Map`` whose scripts and styles are the app's local assets."""

    # folium reads these class attributes; they replace its CDN links.
    default_js = [  # noqa: RUF012
        ("leaflet", assets.LEAFLET_JS.url),
        ("atlas_details", assets.DETAILS_JS.url),
        ("atlas", assets.ATLAS_JS.url),
    ]
    default_css = [("leaflet_css", assets.LEAFLET_CSS.url), ("atlas_css", assets.ATLAS_CSS.url)]  # noqa: RUF012


class _RenderedScript(Element):
    """Script text that is already rendered, added to the page as it is."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def render(self, **kwargs) -> str:
        """Return the text (``Element(text)`` would compile it as a Jinja template)."""
        return self._text


class _LargeScriptLayer(JSCSSMixin, folium.FeatureGroup):
    """A layer whose script carries megabytes of data.

    folium renders a macro's output through ``branca.Element(text)``, which
    compiles that text as a Jinja template: at 100,000 organisations lexing
    the payload took longer than building it. These layers add their script
    as rendered text, and add themselves to their map in the script itself.
    """

    def render(self, **kwargs) -> None:
        """Add the layer's assets and its rendered script to the page."""
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise ValueError(f"{type(self).__name__} must be on a map in a Figure to render")
        for name, url in self.default_js:
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)
        script = self._template.module.__dict__["script"](self, kwargs)
        figure.script.add_child(_RenderedScript(script), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class OrganisationsLayer(_LargeScriptLayer):
    """The clustered organisations, drawn by ``Atlas.organisationsLayer`` from compact arrays."""

    default_js = AtlasMap.default_js[1:]
    default_css = AtlasMap.default_css[1:]
    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = Atlas.organisationsLayer(
                {{ this.payload }}, {{ this.layer_options }}
            ).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    # The layer's name in the layer control: a message key, shown in the map's language.
    NAME_KEY = "map.layer.organisations"

    def __init__(
        self,
        encoded: str,
        lang: str = "en",
        *,
        sync_url: bool = False,
        selected: int | None = None,
        fit: str = "none",
    ) -> None:
        super().__init__(name=t(self.NAME_KEY, lang), overlay=True, control=True, show=True)
        if fit not in FIT_MODES:
            raise ValueError(f"fit={fit!r} is not one of {', '.join(FIT_MODES)}")
        # Keep FeatureGroup's name: st_folium's feature_group_to_add refers to the
        # variable as "feature_group_<id>".
        self.payload = encoded  # encode_payload's text
        self.layer_options = script_json(
            {
                "syncUrl": sync_url,
                "selected": -1 if selected is None else int(selected),
                "fit": fit,
                "fitMaxZoom": FIT_MAX_ZOOM,
            }
        )


class CountsLayer(_LargeScriptLayer):
    """Organisations aggregated per country, for result sets too large to draw one by one."""

    default_js = AtlasMap.default_js[1:]
    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = Atlas.countsLayer(
                {{ this.payload }}
            ).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    NAME_KEY = "map.layer.counts"

    def __init__(self, payload: dict, lang: str = "en") -> None:
        super().__init__(name=t(self.NAME_KEY, lang), overlay=True, control=True, show=True)
        self.payload = script_json(payload)


class Basemap(MacroElement):
    """Natural Earth countries as a light vector layer under every other layer.

    In the app the file is fetched from the app's own static folder (so the map
    script stays small); a standalone page embeds it instead.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            Atlas.basemap({{ this.source }}, {{ this.style }}, {{ this.pane }})
                .addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, embed: bool = False) -> None:
        super().__init__()
        self._name = "Basemap"
        self.source = script_json(basemap_geojson() if embed else assets.BASEMAP.url)
        self.style = script_json(BASEMAP_STYLE)
        self.pane = script_json(BASEMAP_PANE)


class AtlasControls(MacroElement):
    """The legend, the fullscreen and "zoom to results" buttons; a presenter's large type.

    Local replacements for folium plugins. ``presenter`` marks a map shown to a
    hall (``Atlas.presenterMode``): type, clusters and markers drawn to be read
    from the back row, and the presenter's keys never move the map.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {% if this.presenter %}Atlas.presenterMode({{ this._parent.get_name() }});{% endif %}
            Atlas.legendControl({{ this.legend }}).addTo({{ this._parent.get_name() }});
            Atlas.fullscreenControl({{ this.titles }}).addTo({{ this._parent.get_name() }});
            {% if not this.presenter %}
            Atlas.fitControl({{ this.titles }}).addTo({{ this._parent.get_name() }});
            {% endif %}
        {% endmacro %}
        """
    )

    def __init__(self, legend: dict, titles: dict, presenter: bool = False) -> None:
        super().__init__()
        self._name = "AtlasControls"
        self.legend = script_json(legend)
        self.titles = script_json(titles)
        self.presenter = bool(presenter)


# folium's page header forbids zooming (maximum-scale=1, user-scalable=no); people
# with low vision zoom the page, so the map allows it (WCAG 1.4.4).
ZOOMABLE_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1.0" />'
_VIEWPORT_META = re.compile(r'<meta\s+name="viewport"[^>]*>', re.IGNORECASE)


def allow_page_zoom(html: str) -> str:
    """``html`` with folium's viewport meta replaced by one that lets the page zoom.

    >>> allow_page_zoom('<meta name="viewport" content="width=device-width, user-scalable=no" />')
    '<meta name="viewport" content="width=device-width, initial-scale=1.0" />'
    """
    return _VIEWPORT_META.sub(ZOOMABLE_VIEWPORT, html)


def build_map(
    gdf: pd.DataFrame,
    *,
    height: int | str = "100%",
    fit: bool = True,
    details: bool | None = None,
    online_tiles: bool = True,
    embed_basemap: bool = False,
    lang: str = "en",
    links: pd.DataFrame | None = None,
    timeline: dict | None = None,
    suggest: dict | None = None,
    view: tuple[tuple[float, float], float] | None = None,
    selected: int | None = None,
) -> folium.Map:
    """Build the complete map: basemap, optional online tiles, organisations, legend.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Organisations as returned by ``load_organisations`` (possibly filtered).
    height : int or str
        Map height (pixels or CSS length).
    fit : bool
        Fit the view to the organisations (else the world view).
    details : bool, optional
        Ship popup details with each organisation; default: only up to
        ``DETAIL_LIMIT`` rows (above it the popup shows name and role).
    online_tiles : bool
        Offer OpenStreetMap and CARTO tiles as optional, initially hidden layers.
    embed_basemap : bool
        Put the country shapes in the page (a standalone file) rather than
        loading them from the app's static folder.
    lang : str
        Language of the legend, popups and layer names (``en`` or ``he``).
    links : pandas.DataFrame, optional
        The links between organisations: the details list them and draw lines.
    timeline : dict, optional
        The year control's data (``mapping.timeline.timeline_payload`` of ``gdf``).
    suggest : dict, optional
        The details' "Suggest a correction" link (``suggest_action``).
    view : ((float, float), float), optional
        Open at this ``(centre, zoom)`` (a link's ``lat``, ``lon``, ``zoom``) instead of
        fitting the organisations.
    selected : int, optional
        Position in ``gdf`` of an organisation whose details open at once.

    Returns
    -------
    folium.Map
    """
    atlas = base_map(
        height=height,
        online_tiles=online_tiles,
        embed_basemap=embed_basemap,
        lang=lang,
        **({"view": view} if view is not None else {}),
    )
    organisations_layer(
        gdf,
        details=details,
        lang=lang,
        links=links,
        timeline=timeline,
        suggest=suggest,
        selected=selected,
    ).add_to(atlas)
    layer_control().add_to(atlas)
    if view is None:
        atlas.fit_bounds(view_bounds(gdf) if fit else WORLD_VIEW, max_zoom=FIT_MAX_ZOOM)
    return atlas


def layer_control() -> folium.LayerControl:
    """Return the control that switches the organisations and the optional online tiles."""
    return folium.LayerControl(position="topright", collapsed=True)


def base_map(
    *,
    height: int | str = "100%",
    online_tiles: bool = True,
    view: tuple[tuple[float, float], float] = ((25.0, 10.0), 2.0),
    embed_basemap: bool = False,
    lang: str = "en",
    presenter: bool = False,
) -> folium.Map:
    """Return the map without organisations: basemap, optional online tiles, legend, fullscreen.

    Its script depends on nothing but its arguments, so the app can keep it
    stable across reruns and send the organisations separately (no remount).
    ``view`` is the initial ``(centre, zoom)``; ``embed_basemap`` puts the
    country shapes in the page instead of loading them from the app;
    ``presenter`` draws it for a hall (``AtlasControls``).
    """
    centre, zoom = view
    atlas = AtlasMap(
        location=centre,
        zoom_start=zoom,
        tiles=None,
        min_zoom=1,
        max_zoom=MAX_ZOOM,
        height=height,
        world_copy_jump=True,
        zoom_snap=0.25,
    )
    # Without a tile layer Leaflet has no zoom limits, and MarkerCluster needs maxZoom.
    atlas.options["maxZoom"] = MAX_ZOOM
    atlas.options["minZoom"] = 1
    # The basemap pane sits under the tile pane, so optional online tiles draw over it.
    folium.map.CustomPane(BASEMAP_PANE, z_index=150, pointer_events=False).add_to(atlas)
    Basemap(embed=embed_basemap).add_to(atlas)
    if online_tiles:
        for key, url, attribution in ONLINE_TILES:
            folium.TileLayer(
                url,
                name=t(key, lang),
                attr=attribution,
                overlay=True,
                control=True,
                show=False,
                max_zoom=MAX_ZOOM,
            ).add_to(atlas)
    titles = {
        "enter": t("map.fullscreen_enter", lang),
        "exit": t("map.fullscreen_exit", lang),
        "fit": t("map.zoom_to_results", lang),
    }
    AtlasControls(legend_payload(lang), titles, presenter=presenter).add_to(atlas)
    return atlas


def organisations_layer(
    gdf: pd.DataFrame,
    details: bool | None = None,
    lang: str = "en",
    *,
    sync_url: bool = False,
    selected: int | None = None,
    links: pd.DataFrame | None = None,
    timeline: dict | None = None,
    suggest: dict | None = None,
    linked: pd.DataFrame | None = None,
    fit: str = "none",
) -> OrganisationsLayer | CountsLayer:
    """Return the layer for ``gdf``: points, or per-country counts above ``AGGREGATE_ABOVE``.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        The organisations to draw.
    details : bool, optional
        Ship popup details (default: up to ``DETAIL_LIMIT`` rows).
    lang : str
        Language of labels and popups.
    sync_url : bool
        Keep the page URL's ``lat``, ``lon``, ``zoom`` (and, with details,
        ``org``) up to date as the user pans and opens organisations (the
        app's home map; see ``mapping.view``).
    selected : int, optional
        Position in ``gdf`` of an organisation whose details open at once
        (a link that names one).
    links : pandas.DataFrame, optional
        The links between organisations, for the details and the lines.
    timeline : dict, optional
        The year control's data (``mapping.timeline.timeline_payload`` of ``gdf``).
    suggest : dict, optional
        The details' "Suggest a correction" link (``suggest_action``).
    linked : pandas.DataFrame, optional
        The organisation of a "linked to" view (see ``links_payload``).
    fit : str
        How the map frames the layer when it arrives: one of ``FIT_MODES``.
    """
    if len(gdf) > AGGREGATE_ABOVE:
        return CountsLayer(counts_payload(gdf, lang), lang)
    if selected is not None and not 0 <= selected < len(gdf):
        raise ValueError(f"selected={selected!r} is not a row position in 0..{len(gdf) - 1}")
    payload = organisations_payload(
        gdf,
        details=details,
        lang=lang,
        ids=sync_url,
        links=links,
        timeline=timeline,
        suggest=suggest,
        linked=linked,
    )
    return OrganisationsLayer(
        encode_payload(payload),
        lang,
        sync_url=sync_url,
        selected=selected,
        fit=fit,
    )


def empty_layer(aggregated: bool, lang: str = "en") -> CountsLayer | OrganisationsLayer:
    """A layer of the kind and name ``organisations_layer`` returns, with no organisation.

    ``aggregated``: the counts per country (more than ``AGGREGATE_ABOVE`` organisations).
    """
    if aggregated:
        return CountsLayer({"lat": [], "lon": [], "count": [], "label": []}, lang)
    return OrganisationsLayer("{}", lang)


def find_clicked(gdf: pd.DataFrame, name: str, latlng: dict | None) -> pd.Series | None:
    """Return the organisation a marker click reported (its name, the click position), or None.

    Several organisations can share a name: the one nearest the click wins.
    """
    candidates = gdf[gdf["name"] == name]
    if candidates.empty:
        return None
    if latlng is None or len(candidates) == 1:
        return candidates.iloc[0]
    distance = (candidates["latitude"] - float(latlng["lat"])) ** 2 + (
        candidates["longitude"] - float(latlng["lng"])
    ) ** 2
    return candidates.loc[distance.idxmin()]


def details_rows(row: pd.Series, lang: str = "en") -> list[tuple[str, str]]:
    """Return the (label, text) pairs the details panel and popups show for one organisation."""
    return [(label, text) for _field, label, text in detail_fields(row, lang)]


def detail_fields(row: pd.Series, lang: str = "en") -> list[tuple[str, str, str]]:
    """Return the (field, label, text) of every non-empty detail of one organisation."""
    frame = row.to_frame().T
    found = []
    for field, _ in DETAIL_FIELDS:
        value = detail_column(frame, field, lang)[0]
        if value:
            found.append((field, t(f"detail.{field}", lang), value))
    return found


def is_aggregated(gdf: pd.DataFrame) -> bool:
    """True when the map shows per-country counts rather than organisations."""
    return len(gdf) > AGGREGATE_ABOVE


def counts_payload(gdf: pd.DataFrame, lang: str = "en") -> dict:
    """Return per-country counts placed at the mean position of each country's organisations."""
    grouped = gdf.groupby("country_code").agg(
        lat=("latitude", "mean"), lon=("longitude", "mean"), count=("country_code", "size")
    )
    names = i18n_country_names(lang)
    return {
        "lat": grouped["lat"].round(3).tolist(),
        "lon": grouped["lon"].round(3).tolist(),
        "count": grouped["count"].astype(int).tolist(),
        "label": [
            t(
                "map.country_count",
                lang,
                country=names.get(code, code),
                count=t("count.organisations", lang, n=int(count)),
            )
            for code, count in zip(grouped.index, grouped["count"], strict=True)
        ],
    }


def encode_payload(payload: dict) -> str:
    """Return the JavaScript expression that carries a payload into the page.

    Small payloads travel as a JSON string literal for ``JSON.parse`` (which
    loads far faster than an object literal); above ``COMPRESS_ABOVE``
    organisations the JSON is deflated and base64-encoded (about 20 bytes per
    organisation instead of 50) and inflated in the browser.
    """
    text = script_json(payload)
    if len(payload["lat"]) > COMPRESS_ABOVE:
        packed = base64.b64encode(zlib.compress(text.encode("utf-8"), 1)).decode("ascii")
        return f"JSON.parse({json.dumps(json.dumps({'deflate': packed}))})"
    return f"JSON.parse({json.dumps(text, ensure_ascii=False)})"


def _layer_payload(script: str) -> tuple[str, str]:
    """The payload's JSON text in a map's ``Atlas.organisationsLayer`` call, and what follows it."""
    call = script.split("Atlas.organisationsLayer(", 1)[1].lstrip().removeprefix("JSON.parse(")
    text, end = json.JSONDecoder().raw_decode(call)
    return text, call[end:]


def layer_options_in_script(script: str) -> dict:
    """Return the options (``syncUrl``, ``selected``) of the organisations layer in a map script."""
    rest = _layer_payload(script)[1].removeprefix(")").lstrip().removeprefix(",").lstrip()
    return json.JSONDecoder().raw_decode(rest)[0]


def payload_in_script(script: str) -> dict:
    """Return the organisations payload embedded in a rendered map script (for tests and tools)."""
    data = json.loads(_layer_payload(script)[0])
    if "deflate" in data:
        data = json.loads(zlib.decompress(base64.b64decode(data["deflate"])))
    return data


# Leaflet dash patterns (SVG stroke-dasharray) of the relation line styles.
DASH_ARRAYS = {"solid": None, "dashed": "7 5", "dotted": "2 5"}


def links_payload(
    gdf: pd.DataFrame, links: pd.DataFrame, lang: str = "en", linked: pd.DataFrame | None = None
) -> dict:
    """The links of the organisations of ``gdf``, as positions into its rows.

    Returns ``source``, ``target``, ``relation`` (index into ``keys``), each
    link's ``since`` and ``until`` (None when unknown) and ``cite`` (index into
    ``citations``, the sources' http(s) addresses, for the links to ``linked``;
    -1 for the others and where there is none), the relation
    ``labels`` (read from the source) and ``inverse`` labels (read from the
    target), line ``styles``, the words the details use, and ``hidden``: for
    each row, how many of its links lead to organisations not listed (a count only).

    ``linked`` is the organisation of a "linked to" view (one row, or none). Its
    link to an organisation is the reason that organisation is in the view, so
    it is always listed, first, with its relation, years and source, even when
    the filters leave the organisation itself out of ``gdf``: it is then
    numbered after ``gdf``'s rows, its name and place in ``outside``.
    ``anchor`` is its number (-1 without one).
    """
    rows = len(gdf)
    position = {org: i for i, org in enumerate(gdf["id"].astype(str))}
    outside: dict[str, list] = {"name": [], "lat": [], "lon": []}
    anchor = -1
    if linked is not None and len(linked):
        row = linked.iloc[:1]
        org = str(row["id"].iloc[0])
        if org not in position:
            position[org] = rows
            outside = {
                "name": display_names(row, lang),
                "lat": row["latitude"].round(COORDINATE_DECIMALS).tolist(),
                "lon": row["longitude"].round(COORDINATE_DECIMALS).tolist(),
            }
        anchor = position[org]
    keys = list(vocab.RELATIONS)
    source_at = links["source_id"].map(position)
    target_at = links["target_id"].map(position)
    # Listed: both ends known and at least one of them among gdf's own rows.
    listed = source_at.notna() & target_at.notna() & ((source_at < rows) | (target_at < rows))
    shown = links[listed.to_numpy(dtype=bool)]
    hidden = [0] * rows
    for near, far in ((source_at, target_at), (target_at, source_at)):
        for at in near[(near < rows) & far.isna()]:
            hidden[int(at)] += 1
    # The sources travel for the reason links only: every link's would add 36 KB of addresses
    # to each visitor's default map (the Data page lists every link with its source).
    citations: list[str] = []
    cite = []
    anchor_id = str(linked["id"].iloc[0]) if anchor >= 0 else None
    reasons = (shown["source_id"] == anchor_id) | (shown["target_id"] == anchor_id)
    for url, reason in zip(shown["source"], reasons, strict=True):
        safe = safe_url(url) if reason else ""
        if safe and safe not in citations:
            citations.append(safe)
        cite.append(citations.index(safe) if safe else -1)
    return {
        "source": [position[o] for o in shown["source_id"]],
        "target": [position[o] for o in shown["target_id"]],
        "relation": [keys.index(r) for r in shown["relation"]],
        "since": [None if pd.isna(v) else int(v) for v in shown["since"]],
        "until": [None if pd.isna(v) else int(v) for v in shown["until"]],
        "cite": cite,
        "citations": citations,
        "keys": keys,
        "labels": [category_label("relation", r, lang) for r in keys],
        "inverse": [t(f"relation.{r}.inverse", lang) for r in keys],
        "styles": [
            {
                "colour": vocab.RELATION_STYLES[r][0],
                "dash": DASH_ARRAYS[vocab.RELATION_STYLES[r][1]],
            }
            for r in keys
        ],
        "hidden": hidden,
        "anchor": anchor,
        "outside": outside,
        "heading": t("detail.linked", lang),
        "hiddenText": t("detail.linked_hidden", lang, n="{n}"),
        "text": {
            "why": t("detail.linked_why", lang, name="{name}"),
            "outside": t("detail.linked_outside", lang),
            "since": t("detail.link_since", lang, year="{year}"),
            "until": t("detail.link_until", lang, year="{year}"),
            "between": t("detail.link_between", lang, since="{since}", until="{until}"),
            "cite": t("detail.link_source", lang),
            "unknown": t("detail.link_years_unknown", lang),
        },
    }


def organisations_payload(
    gdf: pd.DataFrame,
    details: bool | None = None,
    lang: str = "en",
    ids: bool = False,
    links: pd.DataFrame | None = None,
    timeline: dict | None = None,
    suggest: dict | None = None,
    linked: pd.DataFrame | None = None,
) -> dict:
    """Return the compact arrays the browser draws the organisations from.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Organisations (any subset).
    details : bool, optional
        Include the popup fields (default: when ``len(gdf) <= DETAIL_LIMIT``).
    lang : str
        Language of the labels; in Hebrew an organisation's ``name_he`` is
        shown when it has one.
    ids : bool
        With details, also ship each organisation's ``id`` (so a popup can
        name its organisation in the URL). Without details a click re-runs
        the app, which knows the ids, so the compact payload stays compact.
    links : pandas.DataFrame, optional
        With details, the links between organisations (``links_payload``):
        the details list each organisation's linked ones and the map draws
        lines to them.
    timeline : dict, optional
        ``mapping.timeline.timeline_payload`` of ``gdf``: the map gets a year
        control that shows the organisations active in a year.
    suggest : dict, optional
        With details, a "Suggest a correction" link in every organisation's
        details (``suggest_action``); the ids are shipped with it.
    linked : pandas.DataFrame, optional
        With links, the organisation of a "linked to" view: each
        organisation's links to it are listed first, with their years and
        sources, even when it is not in ``gdf`` (``links_payload``).

    Returns
    -------
    dict
        ``lat``, ``lon``, ``name``, ``role`` (index into ``roleLabels`` and
        ``colours``) and, with details, ``details`` = ``{fields, labels,
        values}`` with one list of display strings per field (and ``ids``
        when asked for, ``suggest`` when given).
    """
    role_keys = list(vocab.ROLES)
    payload = {
        "lat": gdf["latitude"].round(COORDINATE_DECIMALS).tolist(),
        "lon": gdf["longitude"].round(COORDINATE_DECIMALS).tolist(),
        "name": display_names(gdf, lang),
        "role": [role_keys.index(roles[0]) for roles in gdf["roles"]],
        "roleLabels": [category_label("role", r, lang) for r in role_keys],
        "colours": [vocab.ROLE_COLOURS[r] for r in role_keys],
        "clusterTitle": t("map.cluster_title", lang, n="{n}"),
        "listSeparator": t("describe.list_separator", lang),
        "listTitle": t("map.list_title", lang, n="{n}"),
        "moreText": t("map.more_text", lang, n="{n}"),
        "closeText": t("map.close", lang),
        "mapLabel": t("map.label", lang),
        "dir": direction(lang),
    }
    if details is None:
        details = len(gdf) <= DETAIL_LIMIT
    if details:
        payload["details"] = {
            "fields": [field for field, _ in DETAIL_FIELDS],
            "labels": [t(f"detail.{field}", lang) for field, _ in DETAIL_FIELDS],
            "values": [detail_column(gdf, field, lang) for field, _ in DETAIL_FIELDS],
        }
        if ids or suggest is not None:
            payload["ids"] = gdf["id"].astype(str).tolist()
        if suggest is not None:
            payload["suggest"] = suggest
        if links is not None and len(links):
            payload["links"] = links_payload(gdf, links, lang, linked)
    if timeline is not None:
        if len(timeline["start"]) != len(gdf):
            raise ValueError(
                f"the timeline has {len(timeline['start'])} organisations, the map {len(gdf)}"
            )
        payload["timeline"] = timeline
    return payload


# The Contribute page, relative to the app's page (``mapping/ui/contribute.py``).
CONTRIBUTE_PAGE = "contribute"


def suggest_action(lang: str = "en", base: str = "") -> dict:
    """The details' "Suggest a correction" link: the Contribute page, organisation chosen.

    Parameters
    ----------
    lang : str
        The label's language (and the page's: ``lang=he`` is in the link).
    base : str
        An absolute URL the link is relative to (a standalone file's, from the view's
        permalink); ``""`` in the app, where the browser resolves it against the page.

    Returns
    -------
    dict
        ``label``, ``href`` (``{id}`` stands for the organisation's id) and ``base``.
    """
    query = "kind=correction&org={id}" + ("" if lang == "en" else f"&lang={lang}")
    return {"label": t("detail.suggest", lang), "href": f"{CONTRIBUTE_PAGE}?{query}", "base": base}


def display_names(gdf: pd.DataFrame, lang: str = "en") -> list[str]:
    """Return the names to show: in Hebrew, ``name_he`` where an organisation has one."""
    names = gdf["name"].astype(str)
    if lang == "he" and "name_he" in gdf:
        hebrew = gdf["name_he"].astype(str)
        names = hebrew.where(hebrew.str.strip() != "", names)
    return names.tolist()


_KIND = {"roles": "role", "domains": "domain", "org_type": "org_type", "scope": "scope"}


def detail_column(gdf: pd.DataFrame, field: str, lang: str = "en") -> list[str]:
    """Render one popup field for every row as plain display text."""
    separator = t("describe.list_separator", lang)
    if field in ("roles", "domains"):
        kind = _KIND[field]
        return [
            separator.join(category_label(kind, v, lang) for v in values) for values in gdf[field]
        ]
    if field == "network":
        return ["; ".join(values) for values in gdf[field]]
    if field in ("org_type", "scope"):
        return [category_label(_KIND[field], v, lang) if v else "" for v in gdf[field]]
    if field == "year_started":
        return ["" if pd.isna(v) else str(int(v)) for v in gdf[field]]
    if field == "website":
        return [safe_url(v) for v in gdf[field]]
    if field == "place":
        names = i18n_country_names(lang)
        return [
            separator.join(part for part in (city, region, names.get(code, code)) if part)
            for city, region, code in zip(
                gdf["city"], gdf["region"], gdf["country_code"], strict=True
            )
        ]
    return [str(v) for v in gdf[field]]


def legend_payload(lang: str = "en") -> dict:
    """Return the legend: primary role colours."""
    return {
        "title": t("map.legend_title", lang),
        "dir": direction(lang),
        "items": [
            {"label": category_label("role", r, lang), "colour": vocab.ROLE_COLOURS[r]}
            for r in vocab.ROLES
        ],
    }


def initial_view(
    gdf: pd.DataFrame, width_px: int = 900, height_px: int = 640
) -> tuple[tuple[float, float], float]:
    """Return the ``(centre, zoom)`` that shows the organisations in a map of that size."""
    (south, west), (north, east) = view_bounds(gdf)
    centre = ((south + north) / 2, (west + east) / 2)
    lon_zoom = math.log2(width_px * 360 / (256 * max(east - west, 1e-6)))
    lat_span = abs(_mercator_y(north) - _mercator_y(south))
    lat_zoom = math.log2(height_px * 2 * math.pi / (256 * max(lat_span, 1e-9)))
    zoom = min(lon_zoom, lat_zoom, FIT_MAX_ZOOM)
    return (round(centre[0], 4), round(centre[1], 4)), max(1.0, math.floor(zoom * 4) / 4)


def _mercator_y(latitude: float) -> float:
    """Web Mercator y (radians) of a latitude."""
    phi = math.radians(max(min(latitude, 85.0), -85.0))
    return math.log(math.tan(math.pi / 4 + phi / 2))


def view_bounds(gdf: pd.DataFrame) -> tuple[tuple[float, float], tuple[float, float]]:
    """Return ``((south, west), (north, east))`` around the organisations, or the world view."""
    if len(gdf) == 0:
        return WORLD_VIEW
    south, north = float(gdf["latitude"].min()), float(gdf["latitude"].max())
    west, east = float(gdf["longitude"].min()), float(gdf["longitude"].max())
    pad_lat = max((north - south) * 0.08, 0.5)
    pad_lon = max((east - west) * 0.08, 0.5)
    return (
        (max(south - pad_lat, -85.0), max(west - pad_lon, -180.0)),
        (min(north + pad_lat, 85.0), min(east + pad_lon, 180.0)),
    )


@functools.lru_cache(maxsize=1)
def _basemap_text() -> str:
    """Read the basemap file once."""
    return COUNTRIES_FILE.read_text(encoding="utf-8")


def basemap_geojson() -> dict:
    """Return a fresh copy of the Natural Earth countries as a GeoJSON dict."""
    return json.loads(_basemap_text())
