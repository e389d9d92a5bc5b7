"""Map assets served by the app itself, so the map works with no network.

Leaflet comes from the XStatic package on PyPI; Cytoscape.js (the network
graph; no PyPI package ships it on its own) is vendored from npm, version
3.35.0 with its MIT licence, in ``mapping/assets/vendor/cytoscape/``; the
atlas's own scripts (its grid clustering replaces Leaflet.markercluster; the
details panel shared by the map and the graph; the graph) and style sheets
live in ``mapping/assets/``. At start-up
``install_static_assets`` copies them into ``static/`` (served by Streamlit at
``/app/static/...`` with ``enableStaticServing``); ``inline_assets`` embeds
the same files in a standalone HTML page.
"""

from __future__ import annotations

import filecmp
import functools
import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import xstatic.pkg.leaflet

from mapping.paths import COUNTRIES_FILE, STATIC_DIR
from mapping.safety import script_json

STATIC_ROUTE = "/app/static"
OWN_ASSETS = Path(__file__).resolve().parent / "assets"


@dataclass(frozen=True)
class Asset:
    """One file: where it comes from and where the app serves it (relative to ``static/``)."""

    source: Path
    served_as: str

    @property
    def url(self) -> str:
        """The URL the page loads it from."""
        return f"{STATIC_ROUTE}/{self.served_as}"


_LEAFLET = Path(xstatic.pkg.leaflet.BASE_DIR)

LEAFLET_JS = Asset(_LEAFLET / "leaflet.js", "vendor/leaflet/leaflet.js")
LEAFLET_CSS = Asset(_LEAFLET / "leaflet.css", "vendor/leaflet/leaflet.css")
DETAILS_JS = Asset(OWN_ASSETS / "details.js", "atlas/details.js")
ATLAS_JS = Asset(OWN_ASSETS / "atlas.js", "atlas/atlas.js")
ATLAS_CSS = Asset(OWN_ASSETS / "atlas.css", "atlas/atlas.css")
BASEMAP = Asset(COUNTRIES_FILE, "atlas/countries.geojson")
CYTOSCAPE_JS = Asset(
    OWN_ASSETS / "vendor" / "cytoscape" / "cytoscape.min.js", "vendor/cytoscape/cytoscape.min.js"
)
NETWORK_JS = Asset(OWN_ASSETS / "network.js", "atlas/network.js")
NETWORK_CSS = Asset(OWN_ASSETS / "network.css", "atlas/network.css")
# The graph's frame: a Streamlit component's page, served by Streamlit from this folder.
NETWORK_FRAME = OWN_ASSETS / "network_frame"
# The presenter's keys, hidden controls and blank screen (the Present page), a component too.
PRESENTER_JS = Asset(OWN_ASSETS / "presenter.js", "atlas/presenter.js")
PRESENTER_FRAME = OWN_ASSETS / "presenter_frame"

SCRIPTS = (LEAFLET_JS, DETAILS_JS, ATLAS_JS)
# The network graph's frame: Cytoscape.js, the shared details, the graph itself.
NETWORK_SCRIPTS = (CYTOSCAPE_JS, DETAILS_JS, NETWORK_JS)
STYLESHEETS = (LEAFLET_CSS, ATLAS_CSS)
# Leaflet's layer-control icon and default marker images, referenced from leaflet.css.
LEAFLET_IMAGES = tuple(
    Asset(path, f"vendor/leaflet/images/{path.name}")
    for path in sorted((_LEAFLET / "images").glob("*.png"))
)
ALL_ASSETS = (
    *SCRIPTS,
    *STYLESHEETS,
    *LEAFLET_IMAGES,
    BASEMAP,
    CYTOSCAPE_JS,
    NETWORK_JS,
    NETWORK_CSS,
    PRESENTER_JS,
)


@functools.cache
def map_bundle() -> tuple[str, bytes]:
    """The map's scripts (``SCRIPTS``, in order) as one file: its name under ``static/``, its bytes.

    The map's frame (streamlit-folium) loads its scripts one after another, each waiting
    for the one before: as one file they cost one round trip instead of three (0.6 s on
    a hall's Wi-Fi with 300 ms of latency). The name holds the content's hash, so
    browsers keep it for a year (``mapping.precompressed``).
    """
    code = b";\n".join(asset.source.read_bytes() for asset in SCRIPTS)
    return f"atlas/map.{hashlib.sha256(code).hexdigest()[:12]}.js", code


def bundled(links: list[str]) -> list[str]:
    """``links`` (a map's scripts) with the map's own scripts replaced by ``map_bundle``."""
    own = [asset.url for asset in SCRIPTS]
    if links[: len(own)] != own:
        return links
    return [f"{STATIC_ROUTE}/{map_bundle()[0]}", *links[len(own) :]]


URL_KEEPER_JS = OWN_ASSETS / "url.js"
ANNOUNCER_JS = OWN_ASSETS / "announce.js"
EMBED_JS = OWN_ASSETS / "embed.js"


def _script(path: Path) -> str:
    """A script file's code, safe to put inside a ``<script>`` element."""
    return path.read_text(encoding="utf-8").replace("</script", "<\\/script")


@functools.cache
def url_keeper_script() -> str:
    """Return the ``<script>`` that keeps the map's view in the page URL (``assets/url.js``)."""
    return f"<script>{_script(URL_KEEPER_JS)}</script>"


def embed_script(template: str) -> str:
    """The ``<script>`` filling the Embed action's snippet in from ``template`` (``embed.js``)."""
    return f"<script>{_script(EMBED_JS)}\nwindow.AtlasEmbed.use({script_json(template)});</script>"


def announce_script(text: str) -> str:
    """The ``<script>`` that reads ``text`` to screen readers after a change (``announce.js``)."""
    return f"<script>{_script(ANNOUNCER_JS)}\nwindow.AtlasAnnounce({script_json(text)});</script>"


def install_static_assets(static_dir: Path = STATIC_DIR) -> list[Path]:
    """Copy every map asset into ``static_dir`` unless an identical copy is there.

    Parameters
    ----------
    static_dir : pathlib.Path
        The folder Streamlit serves at ``/app/static``.

    Returns
    -------
    list of pathlib.Path
        The files written (empty when all were up to date).
    """
    written = []
    for asset in ALL_ASSETS:
        target = static_dir / asset.served_as
        if target.exists() and filecmp.cmp(asset.source, target, shallow=False):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(asset.source, target)
        written.append(target)
    name, code = map_bundle()
    target = static_dir / name
    if not target.exists() or target.read_bytes() != code:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(code)
        written.append(target)
    return written


def inline_assets(html: str) -> str:
    """Replace each ``<script src>``/``<link href>`` of a served asset with the file's content.

    The result needs neither the app nor the network. Leaflet's images are not
    needed by the atlas (it draws circle markers), so they are not embedded.
    """
    for asset in SCRIPTS:
        pattern = re.compile(r'<script[^>]*src="' + re.escape(asset.url) + r'"[^>]*></script>')
        code = asset.source.read_text(encoding="utf-8").replace("</script", "<\\/script")
        html = pattern.sub(lambda _m, code=code: f"<script>{code}</script>", html)
    for asset in STYLESHEETS:
        pattern = re.compile(r'<link[^>]*href="' + re.escape(asset.url) + r'"[^>]*/?>')
        css = asset.source.read_text(encoding="utf-8").replace("</style", "<\\/style")
        html = pattern.sub(lambda _m, css=css: f"<style>{css}</style>", html)
    return html
