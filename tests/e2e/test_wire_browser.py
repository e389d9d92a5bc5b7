"""The hall's Wi-Fi: compressed, cached delivery, the audience link and its QR code, in Chromium.

Every text file a visit loads arrives compressed, each kind with the caching it should
have; the audience link draws the map offline from one page and opens the full atlas at
the same view; hostile names stay text; the QR codes on the screen read back to the links.
"""

from __future__ import annotations

import gzip
import io
import re
import time
import urllib.request
from urllib.parse import parse_qsl, urlsplit

import pytest
import zxingcpp
from PIL import Image

from mapping.filters import Filters
from tests.e2e.conftest import screenshot
from tests.e2e.test_browser import (
    COUNT,
    INJECTED_JS,
    LOAD_TIMEOUT_MS,
    map_frame,
    shown_count,
    wait_for_url,
)
from tests.e2e.test_network_browser import graph_frame
from tests.e2e.test_tasks_browser import IDLE_JS
from tests.test_safety import PAYLOADS

pytestmark = pytest.mark.e2e

DRAWN = ".atlas-cluster, path.leaflet-interactive"
YEAR = "public, immutable, max-age=31536000"
TEXT = re.compile(r"javascript|css|html|json|svg|text/")
# The standalone page's Leaflet map (folium names its variable map_<id>).
THE_MAP = "Object.values(window).find(v => v instanceof L.Map)"
# The map has framed its results (atlas.js, once the stylesheets apply): markers stay put.
FRAMED = f"() => Boolean({THE_MAP}._atlasOrganisations && {THE_MAP}._atlasOrganisations.framed)"
GO_HOME = f"const m = {THE_MAP}; m.closePopup(); m.setView(c, z, {{animate: false}});"
# Below this size a file is sent as it is (compressing it would gain less than the header).
SMALL = 512


def fetch(url: str, encoding: str = "gzip", **headers) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding, **headers})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return (
                response.status,
                {k.lower(): v for k, v in response.headers.items()},
                response.read(),
            )
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, b""


def test_every_text_file_of_a_visit_arrives_compressed(page, guard, app_server):
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(app_server.url)
    map_frame(page)
    page.goto(f"{app_server.url}/network")
    graph_frame(page)
    kinds: dict[str, int] = {}
    plain = []
    for response in responses:
        headers = response.all_headers()
        path = urlsplit(response.url).path
        if response.status != 200 or not TEXT.search(headers.get("content-type", "")):
            continue
        if path.startswith("/_stcore/"):
            continue  # the health check, the host config: Streamlit's own small answers
        encoded = headers.get("content-encoding") in ("gzip", "br")
        if not encoded and int(headers.get("content-length", SMALL)) >= SMALL:
            plain.append(response.url)
        kind = next(
            (k for k in ("/static/", "/app/static/", "/component/") if path.startswith(k)), "page"
        )
        kinds[kind] = kinds.get(kind, 0) + encoded
    assert plain == []
    # Streamlit's bundle, the app's assets, both component frames, and the pages themselves.
    assert kinds["/static/"] >= 30
    assert kinds["/app/static/"] >= 8  # Leaflet, the atlas's scripts, styles, basemap, graph
    assert kinds["/component/"] >= 3  # streamlit-folium's page and bundle, the graph's frame
    assert kinds["page"] == 2
    assert guard.blocked == []


def test_each_kind_of_file_is_cached_as_it_should_be(app_server):
    font_subsets(app_server)  # the fonts are their subsets from then on
    status, headers, page = fetch(app_server.url + "/")
    assert (status, headers["content-encoding"], headers["cache-control"]) == (
        200,
        "gzip",
        "no-cache",
    )
    index = gzip.decompress(page).decode()
    bundle = re.search(r'src="\./(static/js/index\.[^"]+\.js)"', index).group(1)
    font = re.search(r'href="\./(static/media/[^"]+\.woff2)"', index).group(1)
    component = "/component/streamlit_folium.st_folium"
    _, _, frame = fetch(app_server.url + component + "/index.html", "identity")
    frame_bundle = re.search(rb'src="\.?/?(static/js/main\.[^"]+\.js)"', frame).group(1).decode()
    cases = [
        # (path, encoding asked, encoding expected, caching)
        (f"/{bundle}", "gzip, deflate", "gzip", YEAR),
        (f"/{bundle}", "gzip, deflate, br, zstd", "br", YEAR),
        # woff2 is compressed already; the server's subset (mapping.fonts), revalidated.
        (f"/{font}", "gzip", None, "no-cache"),
        ("/network", "gzip", "gzip", "no-cache"),  # every page is the same index.html
        ("/app/static/atlas/atlas.js", "gzip", "gzip", "no-cache"),
        ("/app/static/atlas/countries.geojson", "br", "br", "no-cache"),
        ("/app/static/vendor/leaflet/leaflet.js", "gzip", "gzip", "no-cache"),
        (f"{component}/index.html", "gzip", "gzip", "no-cache"),
        (f"{component}/{frame_bundle}", "gzip", "gzip", YEAR),
        ("/audience?role=funding", "gzip", "gzip", "no-cache"),
    ]
    for path, asked, expected, caching in cases:
        status, headers, _body = fetch(app_server.url + path, asked)
        assert status == 200, path
        assert headers.get("content-encoding") == expected, path
        assert headers["cache-control"] == caching, path
        if expected is not None:
            assert headers["vary"] == "Accept-Encoding", path
            # A copy the browser holds is confirmed, not sent again.
            again, _, empty = fetch(
                app_server.url + path, asked, **{"If-None-Match": headers["etag"]}
            )
            assert (again, empty) == (304, b""), path


def test_the_audience_link_draws_the_map_offline(page, guard, app_server, organisations):
    sent, sockets = [], []
    page.on("request", lambda request: sent.append(request.url))
    page.on("websocket", lambda socket: sockets.append(socket.url))
    page.goto(f"{app_server.url}/audience?role=funding&lang=en")
    markers = page.locator(DRAWN)
    markers.first.wait_for(timeout=LOAD_TIMEOUT_MS)
    shown = len(Filters(roles=("funding",)).apply(organisations))
    assert (
        page.get_by_text(COUNT)
        .first.inner_text()
        .startswith(f"{shown:,} of {len(organisations):,} organisations")
    )
    # One page: no Streamlit bundle, no websocket, no other file.
    assert sent == [f"{app_server.url}/audience?role=funding&lang=en"]
    assert sockets == []
    # A marker opens its details (clicked where the framed map has put it).
    page.wait_for_function(FRAMED, timeout=LOAD_TIMEOUT_MS)
    page.locator("path.leaflet-interactive").first.click()
    details = page.locator(".leaflet-popup-content").last
    details.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert "Funding" in details.inner_text()
    screenshot(page, "audience-details")
    assert guard.blocked == []


def test_the_audience_link_opens_the_full_atlas_at_the_same_view(page, guard, app_server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{app_server.url}/audience?lang=he&role=funding&country=CA")
    page.locator(DRAWN).first.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert page.locator("html").get_attribute("lang") == "he"
    assert page.locator("header").get_attribute("dir") == "rtl"
    screenshot(page, "audience-phone-he")
    page.get_by_role("link", name="פתיחת האטלס המלא בתצוגה הזו").click()
    page.wait_for_url(re.compile(r"/\?"), timeout=LOAD_TIMEOUT_MS)
    map_frame(page)
    query = dict(parse_qsl(urlsplit(page.url).query))
    assert {key: query.get(key) for key in ("role", "country", "lang")} == {
        "role": "funding",
        "country": "CA",
        "lang": "he",
    }
    page.get_by_text(re.compile(r"מתוך")).first.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert guard.blocked == []


def test_hostile_names_stay_text_on_the_audience_link(page, guard, hostile_server):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{hostile_server.url}/audience")
    markers = page.locator("path.leaflet-interactive")
    markers.first.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert markers.count() == len(PAYLOADS)
    # The map frames its results once the stylesheets apply (slowly on a busy machine): the
    # view it moves to is the home each marker is clicked at, or a click meets the old view.
    page.wait_for_function(FRAMED, timeout=LOAD_TIMEOUT_MS)
    home = page.evaluate(f"() => [{THE_MAP}.getCenter(), {THE_MAP}.getZoom()]")
    seen = set()
    for index in range(len(PAYLOADS)):
        page.evaluate(f"([c, z]) => {{ {GO_HOME} }}", home)
        markers.nth(index).click()
        popup = page.locator(".leaflet-popup-content").last
        popup.wait_for(timeout=LOAD_TIMEOUT_MS)
        seen.add(re.search(r"#(\d)", popup.inner_text()).group(1))
        assert page.evaluate(INJECTED_JS) == 0
    assert len(seen) == len(PAYLOADS)
    assert dialogs == []
    assert guard.blocked == []


def read_qr(locator) -> str:
    """Photograph the QR code on the screen and decode it, as a phone in the hall would."""
    locator.scroll_into_view_if_needed()
    image = Image.open(io.BytesIO(locator.screenshot())).convert("L")
    found = [result.text for result in zxingcpp.read_barcodes(image)]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_presenters_qr_code_opens_the_audience_link(page, guard, app_server, lang):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{app_server.url}/present?scene=canada&lang={lang}")
    map_frame(page)
    # The switch is among the presenter's controls, which hide from the hall when the mouse
    # rests: a presenter's keyboard reaches it whether they show or not.
    label = {"en": "QR code for the audience", "he": "קוד QR לקהל"}[lang]
    page.get_by_role("switch", name=label).focus()
    page.keyboard.press("Space")
    codes = page.locator("img.atlas-qr-code")
    codes.nth(1).wait_for(timeout=LOAD_TIMEOUT_MS)
    assert codes.nth(0).bounding_box()["width"] >= 480  # a quarter of the screen's width
    for code in (codes.nth(0), codes.nth(1)):
        box = code.bounding_box()
        assert box["y"] >= 0
        assert box["y"] + box["height"] <= 1080  # beside the scene, on screen: no scrolling
    audience, full = read_qr(codes.nth(0)), read_qr(codes.nth(1))
    assert audience.startswith(f"{app_server.url}/audience?")
    assert full.startswith(f"{app_server.url}/?")
    assert urlsplit(audience).query == urlsplit(full).query
    query = dict(parse_qsl(urlsplit(audience).query))
    assert query["region"] == "Canada"  # the scene's filters
    assert {"lat", "lon", "zoom"} <= set(query)
    assert query.get("lang", "en") == lang
    # What the hall sees: the scene with the codes beside it, the controls hidden.
    page.locator(".atlas-present-title").evaluate(
        "e => { e.tabIndex = -1; e.focus(); e.removeAttribute('tabindex'); }"
    )
    page.wait_for_function(IDLE_JS, timeout=LOAD_TIMEOUT_MS)
    map_frame(page)  # the scene stays on screen with the codes
    screenshot(page, f"present-qr-{lang}")
    # The code's link works: the phone gets the scene's map.
    page.goto(audience)
    page.locator(DRAWN).first.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert guard.blocked == []


# The share box's codes have been redrawn for the address as it is now, and have loaded.
CODES_FOLLOWED_JS = """() => {
  const here = window.location.href.split("#")[0];
  const figures = [...document.querySelectorAll(".atlas-qr-figure[data-follows]")];
  return figures.length === 2 && figures.some(f => f.dataset.link === here)
    && figures.every(f => { const i = f.querySelector("img");
      return i.src.includes("/qr.svg?") && i.complete && i.naturalWidth > 0; });
}"""


def test_the_share_box_qr_codes_follow_the_view(page, guard, app_server):
    page.goto(f"{app_server.url}/?role=knowledge")
    frame = map_frame(page)
    shown, _total = shown_count(page)
    page.get_by_text("QR codes of this view").click()
    codes = page.locator("img.atlas-qr-code")
    codes.nth(1).wait_for(timeout=LOAD_TIMEOUT_MS)
    # The visitor pans and zooms the map: the address keeps the view without a run, and
    # the codes are redrawn for it (a run's codes would show the view of that run).
    frame.evaluate("() => window.map.setView([45.5, -73.6], 8, {animate: false})")
    wait_for_url(page, role="knowledge", lat="45.5", lon="-73.6", zoom="8")
    page.wait_for_function(CODES_FOLLOWED_JS, timeout=LOAD_TIMEOUT_MS)
    audience, full = read_qr(codes.nth(0)), read_qr(codes.nth(1))
    here = page.evaluate("() => window.location.href")
    assert full == here
    assert audience == f"{app_server.url}/audience?{urlsplit(here).query}"
    view = {"role": "knowledge", "lat": "45.5", "lon": "-73.6", "zoom": "8"}
    assert view.items() <= dict(parse_qsl(urlsplit(audience).query)).items()
    assert page.locator(".atlas-qr-link").nth(0).inner_text() == audience
    assert codes.nth(0).get_attribute("alt") == f"QR code of {audience}"
    screenshot(page, "share-qr-followed")
    page.goto(audience)
    page.locator(DRAWN).first.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert page.get_by_text(COUNT).first.inner_text().startswith(f"{shown} of")
    assert guard.blocked == []


# Each icon drawn, and how many ems its name takes in its own font: one for an icon the
# font has (a ligature); a missing one would take one per letter. (The element itself is
# sized to one em whatever it holds, so the text is measured on a canvas.)
ICON_WIDTHS_JS = """async () => {
  await document.fonts.ready;
  const canvas = document.createElement("canvas").getContext("2d");
  return [...document.querySelectorAll('[data-testid="stIconMaterial"]')]
    .filter(icon => icon.getClientRects().length)
    .map(icon => {
      const style = getComputedStyle(icon);
      canvas.font = `${style.fontSize} ${style.fontFamily}`;
      const width = canvas.measureText(icon.textContent).width;
      return [icon.textContent, width / parseFloat(style.fontSize)];
    });
}"""


def font_subsets(server) -> list[str]:
    """The fonts' URLs (icons, text), once the server answers them with subsets (made at start)."""
    _, _, index = fetch(server.url + "/")
    css_path = re.search(rb'href="\./(static/css/index\.[^"]+\.css)"', gzip.decompress(index))
    _, _, css = fetch(server.url + "/" + css_path.group(1).decode())
    css = gzip.decompress(css)
    names = [
        re.search(rb"MaterialSymbols-[A-Za-z]+\.[A-Za-z0-9_-]+\.woff2", css).group(0),
        re.search(rb"SourceSansVF-Upright[A-Za-z0-9._-]+\.woff2", css).group(0),
    ]
    urls = [f"{server.url}/static/media/{name.decode()}" for name in names]
    for url in urls:
        while fetch(url)[1]["cache-control"] != "no-cache":  # Streamlit's whole font until then
            time.sleep(0.2)
    return urls


@pytest.mark.parametrize("lang", ["en", "he"])
def test_every_icon_draws_from_the_cut_icon_font(page, guard, app_server, lang):
    from tests.e2e.pages import wait_until_drawn

    icon_font, text_font = font_subsets(app_server)
    fonts = []
    page.on(
        "response",
        lambda response: fonts.append(response) if response.url in (icon_font, text_font) else None,
    )
    seen = set()
    for key in ("", "charts", "data", "network", "present", "about"):
        page.goto(f"{app_server.url}/{key}?lang={lang}")
        wait_until_drawn(page, key)
        widths = page.evaluate(ICON_WIDTHS_JS)
        # One glyph, about one em wide; a name missing from the font would be a word wide.
        assert all(0.5 <= width <= 1.5 for _name, width in widths), (key, widths)
        seen.update(name for name, _width in widths)
    assert {"public", "keyboard_double_arrow_left", "table_rows"} <= seen
    sizes = {r.url: int(r.all_headers()["content-length"]) for r in fonts if r.status == 200}
    assert sizes[icon_font] < 60_000  # of 375 KB
    assert sizes[text_font] < 120_000  # of 170 KB
    assert guard.blocked == []
