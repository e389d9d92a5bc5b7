"""Embeds in a browser: the Embed action's snippet on a page of another site, offline.

The app runs at http://127.0.0.1:<port>; the "other site" is a plain static server
reached as http://localhost:<port> (another host: another site, as far as the browser's
cookie and framing rules go). Every non-loopback request is blocked and counted.

Over plain HTTP on the loopback an embed needs no cookie at all: its session is its
websocket, and embeds offer no upload (Streamlit's XSRF cookie) and no sign-in. In
production over HTTPS behind HAProxy, the sticky cookie needs ``SameSite=None; Secure``
for an embed to come back to the same replica after a reconnect (see the README).
"""

from __future__ import annotations

import functools
import threading
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from mapping.embed import EMBED_ORIGINS_ENV
from mapping.i18n import t
from tests.e2e.axe import audit, serious
from tests.e2e.conftest import screenshot
from tests.e2e.pages import LOAD_TIMEOUT_MS, MAP_DRAWN, MAP_FRAME, wait_until_drawn
from tests.e2e.servers import free_port, start_app

pytestmark = pytest.mark.e2e

EMBED = 'iframe[src*="embed=true"]'
VIEW = "/?role=funding&country=CA"


class Site:
    """Another site: a static server on the loopback, answering as http://localhost:<port>."""

    def __init__(self, folder: Path) -> None:
        handler = functools.partial(QuietHandler, directory=str(folder))
        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.folder = folder

    @property
    def origin(self) -> str:
        return f"http://localhost:{self.server.server_address[1]}"

    def page_with(self, name: str, snippet: str) -> str:
        """Publish a page holding ``snippet``; return its address."""
        (self.folder / name).write_text(
            "<!doctype html><html lang=en><head><meta charset=utf-8><title>A blog post</title>"
            f"</head><body><main><h1>Our sector</h1><p>The funders:</p>{snippet}</main>"
            "</body></html>",
            encoding="utf-8",
        )
        return f"{self.origin}/{name}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the test's output stays readable
        pass


@pytest.fixture
def site(tmp_path):
    other = Site(tmp_path)
    yield other
    other.stop()


def embed_snippet(page, app_url: str, lang: str) -> str:
    """Open the map's view, press Embed and read the snippet it offers."""
    page.goto(app_url + VIEW + ("&lang=he" if lang == "he" else ""))
    wait_until_drawn(page, "")
    page.get_by_role("button", name=t("embed.action", lang)).click()
    code = page.get_by_label(t("embed.code", lang))
    page.wait_for_function(
        "() => (document.querySelector('.atlas-embed textarea') || {}).value",
        timeout=LOAD_TIMEOUT_MS,
    )
    return code.input_value()


@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_snippet_shows_the_view_on_another_site(page, guard, app_server, site, lang):
    snippet = embed_snippet(page, app_server.url, lang)
    assert snippet.startswith(f'<iframe src="{app_server.url}/?role=funding&amp;country=CA')
    assert "embed=true" in snippet
    app, map_page = t("app.title", lang), t("page.map", lang)
    assert f'title="{app} — {map_page}: ' in snippet
    page.goto(site.page_with(f"post-{lang}.html", snippet))
    frame = page.frame_locator(EMBED)
    frame.frame_locator(MAP_FRAME).locator(MAP_DRAWN).first.wait_for(timeout=LOAD_TIMEOUT_MS)
    # The view, without the sidebar, page links or language switch; a way into the atlas.
    assert frame.locator('[data-testid="stSidebar"]').count() == 0
    assert frame.locator("html").get_attribute("dir") == ("rtl" if lang == "he" else "ltr")
    open_link = frame.get_by_role("link", name=t("embed.open", lang))
    target = urlsplit(open_link.get_attribute("href"))
    assert f"{target.scheme}://{target.netloc}" == app_server.url
    assert target.path in ("", "/")  # the map
    opened = parse_qs(target.query)
    assert opened["role"] == ["funding"]
    assert opened["country"] == ["CA"]
    assert {"lat", "lon", "zoom"} <= set(opened)  # where the embed's map was
    assert "embed" not in opened
    assert opened.get("lang", ["en"]) == [lang]
    assert open_link.get_attribute("target") == "_blank"
    assert frame.get_by_text(app, exact=False).first.is_visible()
    no_embed = frame.get_by_role("button", name=t("embed.action", lang))
    assert no_embed.count() == 0  # no embed in an embed
    screenshot(page, f"embed-on-another-site-{lang}")
    assert guard.blocked == []


def test_the_embedded_charts_and_network_views(page, guard, app_server, site):
    snippets = "".join(
        f'<iframe src="{app_server.url}/{key}?region=Canada&amp;embed=true" width="900" '
        f'height="700" title="Collective Impact Atlas {key}"></iframe>'
        for key in ("charts", "network")
    )
    page.set_viewport_size({"width": 1000, "height": 1600})
    page.goto(site.page_with("views.html", snippets))
    charts = page.frame_locator(f'{EMBED}[src*="/charts"]')
    charts.locator('[data-testid="stVegaLiteChart"]').nth(4).wait_for(timeout=LOAD_TIMEOUT_MS)
    assert charts.locator('[data-testid="stDownloadButton"]').count() == 0  # read-only
    network = page.frame_locator(f'{EMBED}[src*="/network"]')
    graph = network.frame_locator('iframe[title*="etwork"]')
    graph.locator(".atlas-network-graph canvas").first.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert network.locator('[data-testid="stSidebar"]').count() == 0
    screenshot(page, "embed-charts-and-network")
    assert guard.blocked == []


def test_any_site_may_frame_the_atlas_by_default(app_server):
    with urllib.request.urlopen(app_server.url + "/") as answer:
        assert answer.headers["Content-Security-Policy"] == "frame-ancestors *"


@pytest.fixture(scope="module")
def guarded_server():
    """The app allowing one other site to frame it (``ATLAS_EMBED_ORIGINS``)."""
    allowed = free_port()
    server = start_app({EMBED_ORIGINS_ENV: f"http://localhost:{allowed}"}, name="embed-origins")
    yield server, allowed
    server.stop()


def embed_refused(page, address: str) -> bool:
    """Open ``address``; whether the browser refused to frame its embed (its error page).

    Waits for the embed's frame to commit its navigation (the app, or Chromium's error page
    for a frame-ancestors refusal), an event rather than a time.
    """

    def embed_committed(frame) -> bool:
        return frame.parent_frame == page.main_frame and frame.url not in ("", "about:blank")

    with page.expect_event(
        "framenavigated", predicate=embed_committed, timeout=LOAD_TIMEOUT_MS
    ) as navigated:
        page.goto(address)
    return navigated.value.url.startswith("chrome-error:")


def test_only_the_configured_sites_may_frame_the_atlas(page, guard, guarded_server, tmp_path):
    server, allowed_port = guarded_server
    with urllib.request.urlopen(server.url + "/") as answer:
        policy = answer.headers["Content-Security-Policy"]
    assert policy == f"frame-ancestors 'self' http://localhost:{allowed_port}"
    snippet = (
        f'<iframe src="{server.url}/?embed=true" width="600" height="400" '
        'title="Collective Impact Atlas"></iframe>'
    )
    elsewhere = Site(tmp_path)
    try:
        # Another site than the one allowed: the browser refuses to frame the atlas there.
        assert embed_refused(page, elsewhere.page_with("refused.html", snippet))
    finally:
        elsewhere.stop()
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    allowed = ThreadingHTTPServer(("127.0.0.1", allowed_port), handler)
    thread = threading.Thread(target=allowed.serve_forever, daemon=True)
    thread.start()
    try:
        (tmp_path / "allowed.html").write_text(snippet, encoding="utf-8")
        assert not embed_refused(page, f"http://localhost:{allowed_port}/allowed.html")
        frame = page.frame_locator(EMBED)
        frame.frame_locator(MAP_FRAME).locator(MAP_DRAWN).first.wait_for(timeout=LOAD_TIMEOUT_MS)
    finally:
        allowed.shutdown()
        allowed.server_close()
    assert guard.blocked == []


@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_api_docs_page_is_offline_and_accessible(page, guard, app_server, lang):
    page.goto(f"{app_server.url}/api/v1/docs?lang={lang}")
    page.locator("h1").wait_for(timeout=LOAD_TIMEOUT_MS)
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "he" else "ltr")
    found = audit(page)
    assert serious(found) == [], "\n".join(map(str, serious(found)))
    screenshot(page, f"api-docs-{lang}")
    assert guard.blocked == []
