"""The field over time in a real browser, offline: the map's year control and the timeline scene."""

from __future__ import annotations

import re

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg

from mapping.filters import Filters
from mapping.scenes import load_scenes
from tests.e2e.conftest import screenshot
from tests.e2e.pages import LOAD_TIMEOUT_MS, wait_until_drawn
from tests.e2e.test_browser import map_frame, wait_for_url

pytestmark = pytest.mark.e2e

CAPTION = re.compile(r"By (\d{4}): ([\d,]+) organisations? in (\d+) countr")
SHOWN_JS = """() => { let n = 0; window.map.eachLayer(l => {
  if (l.atlasCount !== undefined) { n += l.atlasCount; } }); return n; }"""


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
    wait_until_drawn(page, "")  # the page's own first runs (and the map's) are done
    before = len(reruns)
    frame.locator(".atlas-timeline-play").click()
    years = set()
    caption = frame.locator(".atlas-timeline-caption")
    while len(years) < 3:  # it steps through the years by itself
        text = caption.inner_text()
        match = CAPTION.search(text)
        assert match, text
        years.add(int(match.group(1)))
        frame.wait_for_function(
            "(text) => document.querySelector('.atlas-timeline-caption').textContent !== text",
            arg=text,
            timeout=LOAD_TIMEOUT_MS,
        )
    assert len(reruns) == before, "stepping the years re-ran the app"
    frame.locator(".atlas-timeline-play").click()  # pause
    # The count on screen is the data's, for the year where it stopped.
    year, count, countries = CAPTION.search(caption.inner_text()).groups()
    active = Filters(asof=int(year)).apply(organisations)
    assert int(count.replace(",", "")) == len(active)
    assert int(countries) == active["country_code"].nunique()
    assert frame.evaluate(SHOWN_JS) == len(active)
    # Where playback stops becomes the view's year: one run, and the sentence, the sidebar
    # and the URL say it (and so every other page and download).
    wait_for_url(page, asof=year)
    page.get_by_text(f"active in {year}").first.wait_for(timeout=LOAD_TIMEOUT_MS)
    sidebar_year = page.locator('[data-testid="stSidebar"] input[aria-label="Active in year"]')
    assert sidebar_year.input_value() == year
    assert len(reruns) == before + 1
    frame = map_frame(page)
    assert frame.locator(".atlas-timeline-year").inner_text() == year
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
    page.wait_for_function("() => window.AtlasPresenter !== undefined", timeout=LOAD_TIMEOUT_MS)
    first = caption.inner_text()
    frame.wait_for_function(  # 1.5 s per year: it plays by itself
        "(text) => document.querySelector('.atlas-timeline-caption').textContent !== text",
        arg=first,
        timeout=LOAD_TIMEOUT_MS,
    )
    # ↓ / ↑ step the years (and stop the playing); the focus may be anywhere, the map too.
    page.mouse.click(5, 300)
    page.keyboard.press("ArrowDown")
    year = int(CAPTION.search(caption.inner_text()).group(1))
    frame.locator("#map_div").focus()
    page.keyboard.press("ArrowDown")
    assert int(CAPTION.search(caption.inner_text()).group(1)) == year + 1
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    year_now, count, _countries = CAPTION.search(caption.inner_text()).groups()
    assert int(year_now) == year - 1
    active = Filters(asof=year - 1).apply(organisations)
    assert int(count.replace(",", "")) == len(active)
    # A remote's Page Down shows the last year; the next one moves on to the next scene.
    page.keyboard.press("PageDown")
    last = next(scene for scene in load_scenes() if scene.id == "growth").years[-1]
    assert CAPTION.search(caption.inner_text()).group(1) == str(last)
    assert "scene=growth" in page.url
    screenshot(page, "present-timeline-1920")
    page.keyboard.press("PageDown")
    wait_for_url(page, scene="network")
    assert guard.blocked == []
    context.close()
