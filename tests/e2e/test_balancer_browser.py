"""Behind HAProxy (deploy/haproxy.cfg) with two replicas: sticky sessions hold in a browser.

A visitor's upload lives in the replica that holds its websocket; the sticky
cookie must bring every later request (the upload's POST, the websocket, the
media of a download) back to it. A visitor who drops off the hall's Wi-Fi for
a moment must come back to the same session, uploads and filters intact.
"""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.conftest import screenshot
from tests.e2e.pages import LOAD_TIMEOUT_MS, wait_until_drawn
from tests.e2e.servers import start_app, start_balancer
from tests.e2e.test_browser import SHOWN_ON_MAP_JS, map_frame, wait_for_count

pytestmark = pytest.mark.e2e

UPLOAD = Path(__file__).resolve().parents[1] / "data" / "bad" / "hebrew_cp1255.csv"
# Keeps every websocket the page opens within reach, so a test can drop the connection as a
# lost Wi-Fi does (Playwright's offline mode fails new requests but leaves open sockets open).
KEEP_SOCKETS_JS = """(() => {
  const Native = window.WebSocket;
  window.__atlasSockets = [];
  window.WebSocket = class extends Native {
    constructor(...args) { super(...args); window.__atlasSockets.push(this); }
  };
})();"""
CONNECTION_JS = """(wanted) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const state = app && app.getAttribute('data-test-connection-state');
  return wanted === 'CONNECTED' ? state === 'CONNECTED' : !!state && state !== 'CONNECTED';
}"""


@pytest.fixture(scope="module")
def balancer():
    """HAProxy in front of two replicas of the app, as deploy/ runs them."""
    replicas = [start_app(name=f"replica{index}") for index in (1, 2)]
    proxy = None
    try:
        proxy = start_balancer(replicas)
        yield proxy, replicas
    finally:
        for server in (proxy, *replicas):
            if server is not None:
                server.stop()


def replica_cookie(context) -> str:
    """The replica the balancer's cookie names for this browser."""
    return next(c["value"] for c in context.cookies() if c["name"] == "SERVERID")


def test_an_upload_through_the_balancer_stays_with_its_visitor(browser, guard, balancer):
    proxy, _replicas = balancer
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.route("**/*", guard.route)
    page = context.new_page()
    page.add_init_script(KEEP_SOCKETS_JS)
    try:
        page.goto(f"{proxy.url}/data")
        wait_until_drawn(page, "data")
        sticky = replica_cookie(context)
        page.get_by_text("Bring your own data").click()
        uploader = page.locator('[data-testid="stFileUploader"] input[type="file"]')
        uploader.set_input_files(str(UPLOAD))
        page.get_by_text("3 loaded, 0 rejected, of 3 rows.").wait_for(timeout=LOAD_TIMEOUT_MS)
        page.get_by_role("button", name="Show this data on the map").click()
        wait_for_count(page, 3)
        page.locator('[data-testid="stSidebar"] a', has_text="Map").first.click()
        frame = map_frame(page)
        frame.wait_for_function(f"() => ({SHOWN_ON_MAP_JS})() === 3", timeout=LOAD_TIMEOUT_MS)
        assert replica_cookie(context) == sticky  # one replica served it all
        screenshot(page, "balancer-upload-map")

        # The hall's Wi-Fi drops and comes back: same session, same upload. The app notices
        # the lost connection (it pings the server, in vain while offline), then reconnects.
        context.set_offline(True)
        page.evaluate("() => window.__atlasSockets.forEach(socket => socket.close())")
        page.wait_for_function(CONNECTION_JS, arg="lost", timeout=LOAD_TIMEOUT_MS)
        context.set_offline(False)
        page.wait_for_function(CONNECTION_JS, arg="CONNECTED", timeout=LOAD_TIMEOUT_MS)
        page.locator('[data-testid="stSidebar"] a', has_text="Charts").first.click()
        wait_for_count(page, 3)
        assert replica_cookie(context) == sticky
    finally:
        context.close()
    assert guard.blocked == []


def test_new_visitors_are_spread_over_the_replicas(browser, guard, balancer):
    proxy, replicas = balancer
    contexts = [browser.new_context() for _ in range(4)]
    try:
        for context in contexts:  # each stays connected, as a hall of visitors does
            context.route("**/*", guard.route)
            page = context.new_page()
            page.goto(proxy.url)
            map_frame(page)
        seen = {replica_cookie(context) for context in contexts}
    finally:
        for context in contexts:
            context.close()
    assert len(seen) == len(replicas)
    assert guard.blocked == []


def test_compressed_files_pass_through_the_balancer_untouched(balancer):
    proxy, replicas = balancer

    def fetch(server, path):
        request = urllib.request.Request(server.url + path, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=60) as response:
            assert response.headers["Content-Encoding"] == "gzip", path
            assert response.headers["Vary"] == "Accept-Encoding", path
            return response.headers["ETag"], gzip.decompress(response.read())

    for path in ("/app/static/atlas/atlas.js", "/audience?role=funding"):
        # Each replica makes its own audience page, and they are the same bytes with the
        # same ETag: a phone's If-None-Match holds whichever replica answers it.
        direct = {fetch(replica, path) for replica in replicas}
        assert len(direct) == 1, path
        # Through HAProxy: the same representation (ETag) and the same text.
        assert fetch(proxy, path) in direct, path
