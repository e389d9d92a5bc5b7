"""Suggesting in a real browser, with the keyboard alone; and what the database survives.

- A new organisation on the Contribute page in English and in Hebrew, typed by keyboard,
  named with hostile text: kept verbatim, shown as text, nothing runs.
- A correction from a map organisation's details: Tab to it, Enter, Tab to "Suggest a
  correction", Enter, change a field, send.
- The Network page's details offer the same link.
- Durability: a server killed right after its 201 (and PostgreSQL crashed with it) is
  started again and the suggestion is there, on SQLite and on PostgreSQL.
- The database down: the map, the data page and the downloads still work, the form says
  suggestions are paused, the API answers 503; back up, suggestions are taken again
  without restarting the app.
"""

from __future__ import annotations

import json
import re
import signal
import urllib.error
import urllib.request

import pytest
import sqlalchemy as sa
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from mapping import store
from mapping.store import schema
from tests.e2e.conftest import screenshot
from tests.e2e.pages import GRAPH_FRAME, LOAD_TIMEOUT_MS, MAP_FRAME, wait_until_drawn
from tests.e2e.servers import start_app, start_postgres
from tests.test_safety import PAYLOADS

pytestmark = pytest.mark.e2e

MAX_TABS = 120
FOCUSED_JS = """() => {
  const a = document.activeElement;
  return a ? (a.getAttribute('aria-label') || a.textContent || '').trim() : '';
}"""
# What the payloads would add to the page if they were read as markup (a script that ran
# would also open an alert: the tests count dialogs).
INJECTED_JS = "() => document.querySelectorAll('img[src=x], svg[onload]').length"
# The choice box named ``label`` shows ``text`` as chosen (a chip, or the box's value).
CHOSEN_JS = """([label, text]) => {
  const input = document.querySelector(`input[aria-label="${label}"]`);
  const box = input && input.closest('[data-testid=stMultiSelect], [data-testid=stSelectbox]');
  return !!box && (box.innerText.includes(text) || input.value === text);
}"""
# The open list shows ``text`` first: the typing has been applied (the filter is fuzzy, so
# "קנדה" also lists New Caledonia, after it).
FIRST_OPTION_JS = """(text) => {
  const option = document.querySelector('[role=option]');
  return !!option && option.innerText.trim() === text;
}"""
SUGGESTION = {
    "kind": "correction",
    "target": "tamarack-institute",
    "values": {"year_started": 2001},
    "source": "https://example.org/evidence",
}


def stored(url: str | None = None) -> list[dict]:
    """Every suggestion the database holds, oldest first."""
    with store.reading(url) as connection:
        rows = connection.execute(sa.select(schema.suggestions).order_by(schema.suggestions.c.id))
        return [dict(row) for row in rows.mappings()]


def _finishes_a_run(payload) -> bool:
    """The websocket frame is Streamlit's message that a run of the script finished."""
    if not isinstance(payload, bytes | bytearray):
        return False
    return ForwardMsg.FromString(bytes(payload)).WhichOneof("type") == "script_finished"


class Runs:
    """The page's finished runs, counted from Streamlit's own messages on its websocket.

    A field that reruns the page starts its run a moment after it is left, and a run
    redraws the fields a person would type in next: the keyboard tests wait for the run
    to finish. The page's marks of its state are no proof (under load React may draw
    "running" and "not running" as one change, or none). Build it before the page opens
    its websocket (before ``goto``, or right after a new tab is given).
    """

    def __init__(self, page) -> None:
        self.finished = 0
        self.socket = None
        page.on("websocket", self._opened)

    def _opened(self, socket) -> None:
        if socket.url.endswith("/_stcore/stream"):
            self.socket = socket
            socket.on("framereceived", self._frame)

    def _frame(self, payload) -> None:
        if _finishes_a_run(payload):
            self.finished += 1

    def wait_since(self, before: int) -> None:
        """Wait until a run has finished since ``finished`` was ``before``: for the frames
        that say so, never for a while (a closed socket or the timeout fails the test)."""
        assert self.socket is not None, "the page has not opened Streamlit's websocket"
        while self.finished <= before:
            self.socket.wait_for_event(
                "framereceived", predicate=_finishes_a_run, timeout=LOAD_TIMEOUT_MS
            )


def tab_to(page, label: str, frame=None) -> None:
    """Press Tab until the focused element is named ``label`` (its aria-label or text)."""
    where = frame or page
    for _ in range(MAX_TABS):
        if where.evaluate(FOCUSED_JS) == label:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"no tab stop named {label!r}")


def type_into(page, label: str, text: str, runs: Runs | None = None) -> None:
    """Tab to a text field and type into it; a live one (``runs`` given: it reruns the page
    when left) is left at once, and its run waited for."""
    tab_to(page, label)
    page.keyboard.type(text)
    if runs is not None:
        before = runs.finished
        page.keyboard.press("Tab")
        runs.wait_since(before)


def choose(
    page, label: str, option: str, *, several: bool = False, runs: Runs | None = None
) -> None:
    """Tab to a choice box, type an option's name and take it with Enter.

    Enter waits for the list to show that option first (until the typing is applied the
    list shows every option, "Select all" first); then for the choice to show, and for
    the run of a live box (``runs`` given). A box that takes several keeps its list open:
    Escape closes it.
    """
    tab_to(page, label)
    page.keyboard.type(option)
    page.wait_for_function(FIRST_OPTION_JS, arg=option, timeout=LOAD_TIMEOUT_MS)
    before = runs.finished if runs is not None else 0
    page.keyboard.press("Enter")
    page.wait_for_function(CHOSEN_JS, arg=[label, option], timeout=LOAD_TIMEOUT_MS)
    if runs is not None:
        runs.wait_since(before)
    if several:
        page.keyboard.press("Escape")


def reference(page) -> str:
    """The reference the thanks message quotes."""
    thanks = page.locator('[data-testid="stAlertContentSuccess"]')
    thanks.wait_for(timeout=LOAD_TIMEOUT_MS)
    return re.search(r"S-\d{6}", thanks.inner_text()).group()


def post(url: str, body: dict) -> tuple[int, dict]:
    """POST JSON to the app's API; the status and the answer's JSON."""
    request = urllib.request.Request(
        url + "/api/v1/suggestions",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def get(url: str, path: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url + path, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.mark.parametrize(
    ("lang", "send", "role", "country"),
    [("en", "Send the suggestion", "Funding", "Canada"), ("he", "שליחת ההצעה", "מימון", "קנדה")],
)
def test_a_new_organisation_by_keyboard_with_hostile_text(
    page, guard, app_server, lang, send, role, country
):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    payload = PAYLOADS[0] if lang == "en" else PAYLOADS[2]
    name = f"{payload} {lang}"
    labels = {
        "en": ("Name (required)", "Roles (required)", "Country (required)", "City"),
        "he": ("שם (חובה)", "תפקידים (חובה)", "מדינה (חובה)", "עיר"),
    }[lang]
    source_label = {
        "en": "Source: a web page that supports it (required)",
        "he": "מקור: דף אינטרנט שתומך בהצעה (חובה)",
    }[lang]
    note_label = {"en": "A note for the reviewers", "he": "הערה לסוקרים"}[lang]
    runs = Runs(page)
    page.goto(f"{app_server.url}/contribute?lang={lang}")
    wait_until_drawn(page, "contribute")
    type_into(page, labels[0], name, runs)  # live: the likely duplicates follow the name
    choose(page, labels[1], role, several=True)
    choose(page, labels[2], country, runs=runs)
    type_into(page, labels[3], PAYLOADS[1])
    type_into(page, source_label, "https://example.org/new")
    type_into(page, note_label, PAYLOADS[5])
    screenshot(page, f"contribute-new-{lang}-filled")
    tab_to(page, send)
    page.keyboard.press("Enter")
    ref = reference(page)
    kept = stored()[-1]
    assert f"S-{kept['id']:06d}" == ref
    assert kept["proposed"] == {
        "name": name,
        "roles": ["funding"],
        "country_code": "CA",
        "city": PAYLOADS[1],
    }
    assert kept["note"] == PAYLOADS[5]
    assert kept["lang"] == lang
    screenshot(page, f"contribute-new-{lang}-thanks")
    # Its status, as the thanks links to it: the kind and the state, no contact, no values.
    page.goto(f"{app_server.url}/contribute?ref={ref}&lang={lang}")
    page.locator('[data-testid="stTable"]').first.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert payload not in page.locator('[data-testid="stMain"]').inner_text()
    assert page.evaluate(INJECTED_JS) == 0
    assert dialogs == []
    assert guard.blocked == []


def test_a_correction_from_a_map_organisations_details_by_keyboard(page, guard, app_server):
    name = "Hedland Collective"  # Port Hedland, Western Australia: no other organisation near
    page.goto(f"{app_server.url}/?lat=-22&lon=122&zoom=5")
    frame = page.frame_locator(MAP_FRAME)
    frame.locator("path.atlas-marker, .atlas-cluster").first.wait_for(timeout=LOAD_TIMEOUT_MS)
    document = next(f for f in page.frames if "streamlit_folium" in f.url)
    document.locator(".leaflet-container").focus()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if document.evaluate(FOCUSED_JS).startswith(name):
            break
    page.keyboard.press("Enter")
    document.locator(".leaflet-popup .atlas-popup-suggest").wait_for(timeout=LOAD_TIMEOUT_MS)
    screenshot(page, "contribute-from-map-details")
    tab_to(page, "Suggest a correction", frame=document)
    with page.context.expect_page() as opened:  # a new tab: the map stays as it was
        page.keyboard.press("Enter")
    page = opened.value
    runs = Runs(page)
    page.wait_for_url(re.compile(r"/contribute\?kind=correction&org=hedland-collective"))
    name_box = page.get_by_label("Name (required)")
    name_box.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert name_box.input_value() == name  # today's values
    wait_until_drawn(page, "contribute")
    type_into(page, "Year it ended", "2024", runs)  # live: "What changes" follows it
    type_into(page, "Source: a web page that supports it (required)", "https://example.org/c")
    tab_to(page, "Send the suggestion")
    page.keyboard.press("Enter")
    reference(page)
    kept = stored()[-1]
    assert (kept["kind"], kept["target"]) == ("correction", "hedland-collective")
    assert kept["proposed"] == {"year_ended": "2024"}
    assert kept["previous"] == {"year_ended": ""}
    assert guard.blocked == []


def test_the_network_details_offer_a_correction(page, guard, app_server):
    page.goto(f"{app_server.url}/network?org=tamarack-institute")
    graph = page.frame_locator(GRAPH_FRAME)
    link = graph.locator(".atlas-popup-suggest")
    link.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert link.inner_text() == "Suggest a correction"
    with page.context.expect_page() as opened:
        link.click()
    page = opened.value
    page.wait_for_url(re.compile(r"/contribute\?kind=correction&org=tamarack-institute"))
    page.get_by_label("Name (required)").wait_for(timeout=LOAD_TIMEOUT_MS)
    assert page.get_by_label("Name (required)").input_value() == "Tamarack Institute"
    assert guard.blocked == []


# What the database survives -------------------------------------------------------------------


def _restart_keeps(url: str, name: str, crash_database=None) -> None:
    """POST, kill the server at once (SIGKILL), maybe crash the database, start both again."""
    server = start_app({"ATLAS_DB_URL": url}, name=name)
    try:
        status, body = post(server.url, SUGGESTION)
        assert status == 201
        server.process.send_signal(signal.SIGKILL)  # no shutdown of any kind
        server.process.wait(timeout=30)
        if crash_database is not None:
            crash_database()
    finally:
        server.stop()
    again = start_app({"ATLAS_DB_URL": url}, name=f"{name}-again")
    try:
        status, found = get(again.url, f"/api/v1/suggestions/{body['ref']}")
        assert status == 200
        assert (found["ref"], found["status"], found["target"]) == (
            body["ref"],
            "pending",
            "tamarack-institute",
        )
    finally:
        again.stop()


def test_acknowledged_survives_a_killed_server_on_sqlite(tmp_path):
    _restart_keeps(f"sqlite:///{tmp_path / 'durable.db'}", "durable-sqlite")


def test_acknowledged_survives_a_killed_server_and_a_crashed_postgresql():
    cluster = start_postgres()
    try:

        def crash() -> None:
            cluster.stop(signal.SIGQUIT)  # immediate: recovery from the log on the next start
            cluster.start()

        _restart_keeps(cluster.url, "durable-postgres", crash)
    finally:
        cluster.remove()


def test_the_atlas_works_with_its_database_down(browser, guard):
    cluster = start_postgres()
    server = start_app({"ATLAS_DB_URL": cluster.url}, name="database-down")
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    context.route("**/*", guard.route)
    page = context.new_page()
    try:
        cluster.stop()
        page.goto(server.url)
        wait_until_drawn(page, "")  # the map
        page.goto(f"{server.url}/data")
        wait_until_drawn(page, "data")
        with page.expect_download() as download:
            page.get_by_role("button", name="Download CSV", exact=True).click()
        assert download.value.suggested_filename.endswith(".csv")
        page.goto(f"{server.url}/contribute")
        wait_until_drawn(page, "contribute")
        page.get_by_text("Suggestions are paused: the database cannot be reached").first.wait_for(
            timeout=LOAD_TIMEOUT_MS
        )
        screenshot(page, "contribute-database-down")
        assert post(server.url, SUGGESTION)[0] == 503
        cluster.start()
        status, body = post(server.url, SUGGESTION)  # no restart of the app needed
        assert status == 201
        assert get(server.url, f"/api/v1/suggestions/{body['ref']}")[0] == 200
        assert guard.blocked == []
    finally:
        context.close()
        server.stop()
        cluster.remove()
