"""The audience link: any view of the atlas as one light page for the phones in a hall.

``/audience?<the page's query>`` answers with the view's map as one self-contained HTML
file (``mapping.standalone.view_map_html``, the file the Data page exports): Leaflet,
the atlas's script, the basemap and the organisations are inline, so a phone needs one
request, no Streamlit bundle and no websocket. The filters, the as-of year, the language
(``lang``) and the map's view (``lat``, ``lon``, ``zoom``, ``org``) are read as the full
atlas reads them; what cannot be used is named on the page, in its language. A link at
the top opens the full atlas at the same view.

Each view is generated once per dataset version and kept compressed (gzip and brotli)
in memory, the ``VIEWS_KEPT`` most recently asked for: a room of visitors opening the
same link costs the server one generation and then only the sending of the bytes.
Visitors are told to revalidate (``no-cache`` with an ``ETag``), so a new release of the
data reaches them on their next visit. The page is the same bytes for the same view and
data wherever and whenever it is generated (no time, no random names in it), so its
``ETag`` holds across the replicas behind a balancer. The page may load nothing by URL (its
``Content-Security-Policy``), and every name in it is drawn as text.

Nothing here imports Streamlit: ``app.py`` mounts ``routes()`` beside Streamlit's own.
"""

from __future__ import annotations

import asyncio
import dataclasses
import gzip
import hashlib
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

import brotli
import geopandas as gpd
import pandas as pd
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from mapping import dataset as live
from mapping import i18n, maps, precompressed
from mapping.dataset import Dataset
from mapping.filters import Filters
from mapping.i18n import Message
from mapping.provenance import Provenance
from mapping.standalone import view_map_html
from mapping.view import ORG_ZOOM, VIEW_PARAMS, MapView

PATH = "/audience"
VIEWS_KEPT = 32
# Parameters of the atlas's pages that are neither filters nor the map's view: the
# language, the presenter's scene, the graph's partners switch, the chart's grouping.
PAGE_PARAMS = ("lang", *VIEW_PARAMS, "scene", "partners", "by")
CONTENT_TYPE = "text/html; charset=utf-8"
# Inline scripts and styles, data: images; nothing by URL, no form, no base.
POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)
HEADERS = {"Content-Security-Policy": POLICY, "Referrer-Policy": "no-referrer"}


@dataclass(frozen=True)
class AudienceView:
    """A view as a link asks for it: filters, language, map view, and what was ignored."""

    filters: Filters
    lang: str = i18n.DEFAULT
    view: MapView = dataclasses.field(default_factory=MapView)
    notices: tuple[Message, ...] = ()

    @classmethod
    def parse(cls, params: Mapping[str, str | list[str]]) -> AudienceView:
        """Read a page's query parameters (never raises: what is unusable becomes a notice)."""
        filters, notices = Filters.parse_query_params(params, other_keys=PAGE_PARAMS)
        view, view_notices = MapView.parse_query_params(params)
        lang = i18n.parse_lang(params.get("lang"))
        return cls(filters, lang, view, tuple(notices + view_notices))

    def query(self) -> dict[str, str]:
        """The view's own query parameters, in a canonical order (the cache's key)."""
        params = dict(self.filters.to_query_params())
        if self.lang != i18n.DEFAULT:
            params["lang"] = self.lang
        params.update(self.view.to_query_params())
        return params

    def atlas_link(self) -> str:
        """The full atlas at this view (relative to the server)."""
        query = urlencode(self.query(), safe=",")
        return f"/?{query}" if query else "/"

    def notice_texts(self) -> tuple[str, ...]:
        """The notices, in the page's language."""
        rtl = i18n.direction(self.lang) == "rtl"
        return tuple(notice.render(self.lang, isolate=rtl) for notice in self.notices)


def audience_html(
    organisations: gpd.GeoDataFrame, links: pd.DataFrame, wanted: AudienceView, edition: str = ""
) -> str:
    """The page of one view: the standalone map, the view in words, the full atlas's link.

    ``edition``: the live edition's name (``Dataset.edition``), which the footer names as
    the atlas's pages do; ``""`` for the release.
    """
    filters, lang = wanted.filters, wanted.lang
    shown = filters.apply(organisations, links)
    names = dict(zip(organisations["id"], maps.display_names(organisations, lang), strict=True))
    undated = 0
    if filters.asof is not None:
        whole = dataclasses.replace(filters, asof=None).apply(organisations, links)
        undated = int(whole["year_started"].isna().sum())
    notes = Provenance.from_view(
        filters,
        shown=len(shown),
        total=len(organisations),
        names=names,
        undated=undated,
        edition=edition,
    )
    sentence = filters.describe(total=len(organisations), shown=len(shown), lang=lang, names=names)
    if undated:
        sentence += " " + i18n.t("describe.undated", lang, n=undated)
    view, centre = wanted.view, None
    if view.has_view:
        centre = (view.centre, view.zoom)
    elif view.org and (shown["id"] == view.org).any():
        # A link that names an organisation but no view opens on its town, as the atlas does.
        row = shown.loc[shown["id"] == view.org].iloc[0]
        centre = ((float(row["latitude"]), float(row["longitude"])), ORG_ZOOM)
    return view_map_html(
        organisations,
        links,
        filters,
        dataclasses.replace(notes, filters=sentence),
        language=lang,
        # The hall's Wi-Fi carries the page, not street tiles from the internet.
        online_tiles=False,
        view=centre,
        org=view.org,
        full_atlas=wanted.atlas_link(),
        notices=wanted.notice_texts(),
        # No "generated at": the same view of the same data is the same bytes, and so has
        # the same ETag, on every replica and after every restart.
        export_stamp=False,
    )


def compress_page(html: str) -> precompressed.Compressed:
    """The page's gzip (level 9) and brotli (quality 9) forms: about 0.2 s per MB, once."""
    data = html.encode("utf-8")
    bodies = {
        "gzip": gzip.compress(data, compresslevel=9, mtime=0),
        "br": brotli.compress(data, quality=9),
    }
    return precompressed.Compressed(hashlib.sha256(data).hexdigest(), CONTENT_TYPE, bodies, True)


def release() -> Dataset:
    """The live dataset, the one the pages and the API read (``mapping.dataset.current``)."""
    return live.current()


class AudiencePages:
    """Each view's page, generated once per dataset version and kept compressed."""

    def __init__(self, dataset: Callable[[], Dataset] = release, kept: int = VIEWS_KEPT) -> None:
        self.dataset = dataset
        self.kept = kept
        self._pages: OrderedDict[tuple, precompressed.Compressed] = OrderedDict()
        self._locks: dict[tuple, asyncio.Lock] = {}

    async def page(self, wanted: AudienceView) -> precompressed.Compressed:
        """The view's page (generated in a worker thread the first time it is asked for)."""
        data = await asyncio.to_thread(self.dataset)
        key = (data.version, tuple(wanted.query().items()), wanted.notice_texts())
        found = self._pages.get(key)
        if found is not None:
            self._pages.move_to_end(key)
            return found
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:  # the first visitor generates it; the others wait for that
            found = self._pages.get(key)
            if found is None:
                html = await asyncio.to_thread(
                    audience_html, data.organisations, data.links, wanted, data.edition
                )
                found = await asyncio.to_thread(compress_page, html)
                self._pages[key] = found
                while len(self._pages) > self.kept:
                    self._pages.popitem(last=False)
        self._locks.pop(key, None)
        return found

    async def endpoint(self, request: Request) -> Response:
        """``GET /audience?...``: the view's page, compressed as the browser accepts."""
        params = {key: request.query_params.getlist(key) for key in request.query_params}
        entry = await self.page(AudienceView.parse(params))
        headers = Headers(scope=request.scope)
        encoding = precompressed.accepted(headers.get("accept-encoding", ""))
        return precompressed.response(
            entry, encoding, precompressed.REVALIDATE, headers, extra=HEADERS
        )


def routes(pages: AudiencePages | None = None) -> list[BaseRoute]:
    """The audience page's route (``GET``/``HEAD /audience``)."""
    pages = pages if pages is not None else AudiencePages()
    return [Route(PATH, pages.endpoint, methods=["GET", "HEAD"], name="audience")]
