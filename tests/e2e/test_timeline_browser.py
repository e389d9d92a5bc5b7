"""The field over time in a real browser, offline: the map's year control and the timeline scene."""

from __future__ import annotations

import re

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg

from mapping.filters import Filters
from tests.e2e.conftest import screenshot
from tests.e2e.pages import LOAD_TIMEOUT_MS, wait_until_settled
from tests.e2e.test_browser import map_frame, wait_for_url

pytestmark = pytest.mark.e2e

CAPTION = re.compile(r"By (\d{4}): ([\d,]+) organisations? in (\d+) countr")
SHOWN_JS = """() => { let n = 0; window.map.eachLayer(l => {
  if (l.atlasCount !== undefined) { n += l.atlasCount; } }); return n; }"""
# The caption names a year other than ``year`` (the control moved on by itself).
NEXT_YEAR_JS = """(year) => {
  const caption = document.querySelector('.atlas-timeline-caption');
  const match = caption && caption.textContent.match(/By (\\d{4})/);
  return !!match && match[1] !== year;
}"""


def caption_year(frame) -> str:
    """The year the timeline's caption names."""
    caption = frame.locator(".atlas-timeline-caption").inner_text()
    match = CAPTION.search(caption)
    assert match, caption
    return match.group(1)


def count_reruns(page) -> list[int]:
    """Count the script runs the page asks the server for (rerun messages on its websocket)."""
    reruns: list[int] = []

    def watch(socket) -> None:
        def sent(payload) -> None:
            if isinstance(payload, bytes):
                message = BackMsg()
                try:
                    message.ParseFromString(payload)
                except Exception:  # noqa: BLE001 - not a BackMsg: not a rerun either
                    return
                if message.WhichOneof("type") == "rerun_script":
                    reruns.append(1)

        socket.on("framesent", sent)

    page.on("websocket", watch)
    return reruns


def test_the_year_control_plays_without_a_rerun(page, guard, app_server, organisations):
    reruns = count_reruns(page)
    page.goto(app_server.url)
    frame = map_frame(page)
    frame.locator(".atlas-timeline").wait_for(timeout=LOAD_TIMEOUT_MS)
    wait_until_settled(page)  # the page's own run is over: any rerun from now is the control's
    before = len(reruns)
    frame.locator(".atlas-timeline-play").click()
    years = []
    for _ in range(3):  # it steps through the years by itself, one every 1.5 s
        last = years[-1] if years else ""
        frame.wait_for_function(NEXT_YEAR_JS, arg=last, timeout=LOAD_TIMEOUT_MS)
        years.append(caption_year(frame))
    assert len(set(years)) == 3
    frame.locator(".atlas-timeline-play").click()  # pause
    assert len(reruns) == before, "stepping the years re-ran the app"
    # The count on screen is the data's, for the year where it stopped.
    year, count, countries = CAPTION.search(
        frame.locator(".atlas-timeline-caption").inner_text()
    ).groups()
    active = Filters(asof=int(year)).apply(organisations)
    assert int(count.replace(",", "")) == len(active)
    assert int(countries) == active["country_code"].nunique()
    assert frame.evaluate(SHOWN_JS) == len(active)
    # Where playback stops is in the URL.
    wait_for_url(page, asof=year)
    screenshot(page, "map-timeline")
    assert guard.blocked == []


def test_the_slider_picks_a_year_and_all_years_brings_everyone_back(
    page, guard, app_server, organisations
):
    page.goto(f"{app_server.url}/?asof=2012")
    frame = map_frame(page)
    frame.locator(".atlas-timeline").wait_for(timeout=LOAD_TIMEOUT_MS)
    assert frame.evaluate(SHOWN_JS) == len(Filters(asof=2012).apply(organisations))
    slider = frame.locator(".atlas-timeline-slider")
    slider.focus()
    slider.press("ArrowRight")
    frame.wait_for_function(
        "() => document.querySelector('.atlas-timeline-year').textContent === '2013'",
        timeout=LOAD_TIMEOUT_MS,
    )
    assert frame.evaluate(SHOWN_JS) == len(Filters(asof=2013).apply(organisations))
    frame.locator(".atlas-timeline-all").click()
    assert frame.evaluate(SHOWN_JS) == len(organisations)
    wait_for_url(page, asof=None)
    assert guard.blocked == []


def test_the_timeline_scene_plays_and_steps_by_keyboard(browser, guard, app_server, organisations):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    context.route("**/*", guard.route)
    page = context.new_page()
    page.goto(f"{app_server.url}/present?scene=growth")
    frame = map_frame(page)
    caption = frame.locator(".atlas-timeline-caption")
    caption.wait_for(timeout=LOAD_TIMEOUT_MS)
    first = caption_year(frame)
    frame.wait_for_function(NEXT_YEAR_JS, arg=first, timeout=LOAD_TIMEOUT_MS)  # it plays by itself
    # A presenter's remote sends arrow keys and Page Up / Page Down to the page.
    page.mouse.click(5, 300)  # the page (not the map) has the focus, as with a remote
    page.keyboard.press("ArrowRight")  # stops playing and steps one year on
    year = int(CAPTION.search(caption.inner_text()).group(1))
    page.keyboard.press("PageDown")
    assert int(CAPTION.search(caption.inner_text()).group(1)) == year + 1
    page.keyboard.press("PageUp")
    page.keyboard.press("ArrowLeft")
    year_now, count, _countries = CAPTION.search(caption.inner_text()).groups()
    assert int(year_now) == year - 1
    active = Filters(asof=year - 1).apply(organisations)
    assert int(count.replace(",", "")) == len(active)
    screenshot(page, "present-timeline-1920")
    assert guard.blocked == []
    context.close()
