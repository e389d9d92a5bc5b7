"""One self-contained HTML file of the map, for laptops with no network.

``standalone_map_html`` renders ``mapping.maps.build_map``, embeds every local
asset (Leaflet, the atlas script and styles; the basemap and the organisations
are already inline) with ``mapping.assets.inline_assets``, embeds Leaflet's
images (the layer-control icon) as data URIs, and frames the map
with a title, the view in words and a source/citation footer. All added text
goes through ``escape_html``; the data itself stays in the map's JSON payload,
drawn with DOM text nodes. Only the optional online tile layers (hidden until
chosen in the layer control) ever reach the network.
"""

from __future__ import annotations

import base64
import dataclasses
import re
from collections.abc import Sequence

import pandas as pd
from branca.element import Element

from mapping import assets, maps, timeline
from mapping.filters import Filters
from mapping.i18n import direction, t
from mapping.provenance import Provenance, strings
from mapping.safety import escape_html, safe_url

DEFAULT_TITLE = "Collective Impact Atlas"
# Loads by URL a standalone file must not contain: script and style sheet elements, and
# CSS imports or ``url()``s (``url(data:...)`` and ``url(#...)`` are inline) in its styles.
_TAG_LOADS = re.compile(r"<script\b[^>]*\bsrc\s*=|<link\b[^>]*\bhref\s*=", re.IGNORECASE)
_STYLES = re.compile(
    r'<style\b[^>]*>(.*?)</style\s*>|\bstyle\s*=\s*"([^"]*)"', re.IGNORECASE | re.DOTALL
)
_CSS_LOADS = re.compile(r"""@import\b|(?<![\w.$-])url\(\s*["']?(?!data:|#)[^)\s"']""")
STYLE = """
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column;
  font-family: "Noto Sans", "Noto Sans Hebrew", "DejaVu Sans", Arial, sans-serif; color: #222; }
.atlas-standalone-header { padding: 8px 14px 6px; border-bottom: 1px solid #ccc; }
.atlas-standalone-header h1 { font-size: 20px; margin: 0 0 2px; }
.atlas-standalone-header p { margin: 0; font-size: 14px; color: #333; }
.atlas-standalone-header .atlas-standalone-notice { color: #8a4b00; }
.atlas-standalone-open { display: inline-block; margin: 4px 0 0; padding: 6px 12px;
  border-radius: 6px; background: #005A8C; color: #fff; font-weight: 600; font-size: 15px;
  text-decoration: none; }
.atlas-standalone-open:focus-visible { outline: 3px solid #E69F00; outline-offset: 2px; }
.atlas-standalone-footer { padding: 5px 14px 7px; border-top: 1px solid #ccc;
  font-size: 12px; color: #444; }
.atlas-standalone-footer p { margin: 1px 0; }
.folium-map { flex: 1 1 auto; min-height: 0; height: auto !important; }
@media (max-width: 640px) {
  .atlas-standalone-header h1 { font-size: 18px; }
  .atlas-standalone-footer { font-size: 11px; }
  /* A phone is too narrow for the legend beside the year control: it goes above it. */
  .leaflet-bottom .atlas-legend { margin-bottom: 86px; }
}
""".strip()


def standalone_map_html(
    gdf: pd.DataFrame,
    provenance: Provenance,
    title: str = DEFAULT_TITLE,
    *,
    language: str = "en",
    online_tiles: bool = True,
    links: pd.DataFrame | None = None,
    timeline: dict | None = None,
    view: tuple[tuple[float, float], float] | None = None,
    selected: int | None = None,
    full_atlas: str = "",
    notices: Sequence[str] = (),
    export_stamp: bool = True,
) -> str:
    """Return the map of ``gdf`` as one HTML file that needs no server and no network.

    The same arguments give the same bytes (the map's elements are numbered, not named
    by random ids), but for the export time ``export_stamp`` puts in the footer.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Organisations to show (typically ``Filters.apply`` output).
    provenance : Provenance
        The view in words (under the title) and the source, citation, date
        and link (in the footer).
    title : str
        Heading and document title (escaped, never markup).
    language : str
        Wording of the footer (a key of ``mapping.provenance.STRINGS``).
    online_tiles : bool
        Offer the OpenStreetMap and CARTO tiles as optional, initially hidden
        layers (the only network use, and only when chosen).
    links : pandas.DataFrame, optional
        The links between the organisations (the details list them, with lines).
    timeline : dict, optional
        The map's year control (``mapping.timeline.timeline_payload`` of ``gdf``,
        its ``initial`` year the view's as-of year): the file plays the years too.
    view : ((float, float), float), optional
        Open at this ``(centre, zoom)`` rather than framing the organisations.
    selected : int, optional
        Position in ``gdf`` of an organisation whose details open at once.
    full_atlas : str
        A link (absolute, or relative to the page) that opens the full atlas at this
        view; shown under the title when given.
    notices : sequence of str
        What of the view could not be used, said under the title (as text).
    export_stamp : bool
        Say in the footer when the file was made (``provenance.generated``), as an
        exported file should. A page served from a cache (the audience link) leaves it
        out: its bytes, and so its ``ETag``, then depend on the view and the data alone,
        the same on every replica and after every restart.

    Returns
    -------
    str
        A complete HTML document: Leaflet, the atlas script and styles, the
        basemap and the organisations are all inline.
    """
    words = strings(language)
    # The file lives away from the app: its "Suggest a correction" links go to the app
    # the view came from (its permalink), or are left out when that is unknown.
    link = safe_url(provenance.permalink)
    suggest = maps.suggest_action(language, base=link) if link else None
    root = maps.build_map(
        gdf,
        online_tiles=online_tiles,
        embed_basemap=True,
        lang=language,
        links=links,
        timeline=timeline,
        suggest=suggest,
        view=view,
        selected=selected,
    ).get_root()
    page = _numbered_names(root.render(), root)
    page = maps.allow_page_zoom(_embed_images(assets.inline_assets(page)))
    page = page.replace("<html>", f'<html lang="{escape_html(language)}">', 1)
    head = f"<title>{escape_html(title)}</title>\n<style>\n{STYLE}\n</style>\n"
    page = _insert(page, "</head>", head, before=True)
    header = _header(title, provenance, language, full_atlas, notices)
    page = _insert(page, "<body>", header, before=False)
    footer = _footer(provenance, words, language, export_stamp=export_stamp)
    return _insert(page, "</body>", footer, before=True)


def view_map_html(
    organisations: pd.DataFrame,
    links: pd.DataFrame,
    filters: Filters,
    provenance: Provenance,
    *,
    language: str = "en",
    title: str | None = None,
    online_tiles: bool = True,
    view: tuple[tuple[float, float], float] | None = None,
    org: str = "",
    full_atlas: str = "",
    notices: Sequence[str] = (),
    export_stamp: bool = True,
) -> str:
    """Return one view of the dataset as one offline HTML file, with the map's year control.

    The Data page's download and the audience link (``mapping.audience``) are this file.
    It opens at the view's as-of year (``provenance`` says which, and how many undated
    organisations that leaves out) and can play or pick any other year, as the home map
    does; above ``maps.AGGREGATE_ABOVE`` organisations it shows the view's counts by
    country, without years.

    Parameters
    ----------
    organisations, links : the whole dataset (``Filters.apply`` picks the view's rows).
    filters : Filters
        The view.
    provenance : Provenance
        The view in words, the source and the citation.
    language, title, online_tiles, view, full_atlas, notices, export_stamp :
        As for ``standalone_map_html`` (``title`` defaults to the app's, in ``language``).
    org : str
        The id of an organisation whose details open at once (ignored if not shown).
    """
    title = t("app.title", language) if title is None else title
    options = {
        "language": language,
        "online_tiles": online_tiles,
        "view": view,
        "full_atlas": full_atlas,
        "notices": notices,
        "export_stamp": export_stamp,
    }
    whole = dataclasses.replace(filters, asof=None).apply(organisations, links)
    if maps.is_aggregated(whole):
        return standalone_map_html(
            filters.apply(organisations, links), provenance, title, **options
        )
    control = timeline.timeline_payload(
        whole, timeline.view_years(organisations, filters.asof), language, initial=filters.asof
    )
    matches = [int(i) for i in (whole["id"] == org).to_numpy().nonzero()[0]] if org else []
    return standalone_map_html(
        whole,
        provenance,
        title,
        links=links,
        timeline=control,
        selected=matches[0] if matches else None,
        **options,
    )


def external_resources(html: str) -> list[str]:
    """Return each place ``html`` loads a script, style sheet or CSS image by URL.

    Parameters
    ----------
    html : str
        A page.

    Returns
    -------
    list of str
        The start of each offending tag or CSS rule (empty for a self-contained page).
    """
    found = [match.group(0) for match in _TAG_LOADS.finditer(html)]
    for style in _STYLES.finditer(html):
        css = style.group(1) if style.group(1) is not None else style.group(2)
        found.extend(match.group(0) for match in _CSS_LOADS.finditer(css))
    return found


def _embed_images(page: str) -> str:
    """Replace Leaflet's ``url(images/...)`` (layer-control icon, default marker) with data URIs."""
    for image in assets.LEAFLET_IMAGES:
        data = base64.b64encode(image.source.read_bytes()).decode("ascii")
        page = page.replace(
            f"url(images/{image.source.name})", f"url(data:image/png;base64,{data})"
        )
    return page


def _numbered_names(page: str, root: Element) -> str:
    """Name the map's elements in ``page`` by their order in it, not by random ids.

    branca names every element after a random id (``map_3f2a...``, 32 hex digits), so
    the same view rendered twice, or on two replicas, differed in those names alone.
    Only the ids of ``root``'s elements are renumbered: a name in the data that happens
    to look like one stays as it is.
    """
    ids, stack = set(), [root]
    while stack:  # branca keeps no public list of an element's descendants
        element = stack.pop()
        ids.add(element._id)
        stack.extend(element._children.values())
    found = sorted((name for name in ids if name in page), key=page.index)
    if not found:
        return page
    numbers = {name: str(number) for number, name in enumerate(found, 1)}
    pattern = re.compile("|".join(map(re.escape, found)))
    return pattern.sub(lambda match: numbers[match.group(0)], page)


def _insert(page: str, marker: str, fragment: str, *, before: bool) -> str:
    """Insert ``fragment`` at the first ``marker`` of the rendered page."""
    if marker not in page:
        raise ValueError(f"the rendered map has no {marker!r} to insert the frame at")
    replacement = fragment + marker if before else marker + fragment
    return page.replace(marker, replacement, 1)


def _header(
    title: str,
    provenance: Provenance,
    language: str = "en",
    full_atlas: str = "",
    notices: Sequence[str] = (),
) -> str:
    """The title, the view in words, what could not be used, the link to the full atlas."""
    said = "".join(
        f'<p class="atlas-standalone-notice" dir="auto">{escape_html(notice)}</p>'
        for notice in notices
    )
    link = (
        f'<a class="atlas-standalone-open" href="{escape_html(full_atlas)}">'
        f"{escape_html(t('audience.open_atlas', language))}</a>"
        if full_atlas
        else ""
    )
    return (
        f'\n<header class="atlas-standalone-header" dir="{direction(language)}">'
        f'<h1 dir="auto">{escape_html(title)}</h1>'
        f'<p dir="auto">{escape_html(provenance.filters)}</p>{said}{link}'
        "</header>\n"
    )


def _footer(
    provenance: Provenance, words: dict[str, str], language: str, *, export_stamp: bool = True
) -> str:
    """The source line, export time (with ``export_stamp``) and link, citation, basemap credit."""
    stamp = f" · {words['generated']}: {provenance.generated_iso}" if export_stamp else ""
    link = safe_url(provenance.permalink)
    link_html = (
        f' · <a href="{escape_html(link)}" rel="noopener noreferrer">'
        f"{escape_html(words['permalink'])}</a>"
        if link
        else ""
    )
    return (
        '<footer class="atlas-standalone-footer">'
        f'<p dir="auto">{escape_html(provenance.source_line(language))}'
        f"{escape_html(stamp)}{link_html}</p>"
        f'<p dir="auto">{escape_html(words["citation"])}: {escape_html(provenance.citation)}</p>'
        f"<p>{escape_html(words['basemap'])}</p>"
        "</footer>\n"
    )
