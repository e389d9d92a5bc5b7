"""The users' tasks, end to end through the interface, in both languages, offline.

Each test is one person's whole task, done with the keys, taps and clicks they
would use, with a screenshot of every step (``artifacts/screenshots/task-*``):

- a presenter at 1920x1080 goes through every scene with a remote's Page Down
  (wherever the focus is), back with Page Up, jumps with Home / End and blanks
  the screen, while the audience sees the scene only, in type read from the back;
- a phone user (390x844, 360x640) filters, opens an organisation's details and
  shares the link, every control and the details' close button on the screen;
- a researcher filters "Linked to", reads each organisation's link to the chosen
  one, and downloads exactly that list and those links.
"""

from __future__ import annotations

import csv
import io
import re

import pytest

from mapping import maps, network
from mapping.filters import Filters
from mapping.i18n import category_label, country_name, t
from mapping.scenes import load_scenes
from tests.e2e.conftest import screenshot
from tests.e2e.pages import wait_until_settled
from tests.e2e.test_browser import LOAD_TIMEOUT_MS, MAP_FRAME, map_frame, wait_for_url
from tests.e2e.test_network_browser import graph_frame

pytestmark = pytest.mark.e2e

HEBREW = re.compile(r"[\u05d0-\u05ea]")
SHOWN_JS = """() => { let n = 0; window.map.eachLayer(l => {
  if (l.atlasCount !== undefined) { n += l.atlasCount; } }); return n; }"""
IDLE_JS = """() => {
  const bar = document.querySelector('.st-key-atlas_present_controls');
  return document.documentElement.classList.contains('atlas-presenter-idle')
    && bar && getComputedStyle(bar).opacity === '0'; }"""


@pytest.fixture(scope="module")
def links(organisations):
    return network.load_relationships(organisations=organisations)


# --- The presenter -------------------------------------------------------------------------


def font_px(frame, selector: str) -> float:
    """The smallest computed font size of the elements ``selector`` matches (in pixels)."""
    return frame.evaluate(
        "(s) => Math.min(...[...document.querySelectorAll(s)]"
        ".map(e => parseFloat(getComputedStyle(e).fontSize)))",
        selector,
    )


def wait_for_scene(page, scene, lang: str, expected: int) -> None:
    """Wait until ``scene`` is on screen: its URL, its title, and its organisations drawn."""
    wait_for_url(page, scene=scene.id)
    page.locator(".atlas-present-title", has_text=scene.title_in(lang)).wait_for(
        timeout=LOAD_TIMEOUT_MS
    )
    wait_until_settled(page)
    if scene.kind == "network":
        _element, frame = graph_frame(page)
        frame.wait_for_function(
            "(n) => document.querySelector('.atlas-network').atlasGraph.nodes().length === n",
            arg=expected,
            timeout=LOAD_TIMEOUT_MS,
        )
        return
    frame = map_frame(page)
    if scene.kind == "timeline":
        frame.locator(".atlas-timeline-presenter").wait_for(timeout=LOAD_TIMEOUT_MS)
    else:
        frame.wait_for_function(f"() => ({SHOWN_JS})() === {expected}", timeout=LOAD_TIMEOUT_MS)


def check_the_audience_view(page, scene, lang: str) -> None:
    """What the hall sees: the scene only, readable from the back (24 px and more)."""
    page.wait_for_function(IDLE_JS, timeout=LOAD_TIMEOUT_MS)
    # Streamlit's own menu (English whatever the page's language) is not on this page.
    assert page.evaluate(
        "() => [...document.querySelectorAll('[data-testid=\"stMainMenu\"]')]"
        ".every(e => getComputedStyle(e).display === 'none')"
    )
    header = page.locator('[data-testid="stHeader"]')
    assert header.evaluate("e => getComputedStyle(e).opacity") == "0"
    title = page.locator(".atlas-present-title").inner_text()
    assert font_px(page, ".atlas-present-title") >= 24
    if lang == "he":
        assert HEBREW.search(title), title
    if scene.kind == "network":
        _element, frame = graph_frame(page)
        assert font_px(frame, ".atlas-network-legend span") >= 24
        # Every name drawn is at least 24 px on the screen, and none is cut on the wrong side.
        rendered = frame.evaluate(
            "() => { const cy = document.querySelector('.atlas-network').atlasGraph;"
            " return cy.nodes('.hub').map(n => parseFloat(n.style('font-size')) * cy.zoom()); }"
        )
        assert rendered
        assert min(rendered) >= 24 - 0.01
        # A cut name ends "…" where its own reading ends (a mark of its direction after it).
        labels = frame.evaluate(
            "() => document.querySelector('.atlas-network').atlasGraph.nodes('.hub')"
            ".map(n => n.data('label'))"
        )
        # Hubs are named in full, each line between marks of the name's own direction (an
        # English name's closing "." stays at its end in a Hebrew hall).
        for text in labels:
            assert "…" not in text, repr(text)
            mark = "\u200f" if HEBREW.match(text.lstrip("\u200e\u200f")) else "\u200e"
            for line in text.split("\n"):
                assert line.startswith(mark), repr(text)
                assert line.endswith(mark), repr(text)
        assert frame.locator(".atlas-network-tools, .atlas-network-panel").count() == 0
        legend = frame.locator(".atlas-network-legend").inner_text()
    else:
        frame = map_frame(page)
        assert font_px(frame, ".atlas-legend-row span") >= 24
        if frame.locator(".atlas-cluster-count").count():
            assert font_px(frame, ".atlas-cluster-count") >= 24
            # A cluster's ring holds its roles' colours.
            ring = frame.locator(".atlas-cluster-ring").first.evaluate("e => e.style.background")
            assert "conic-gradient" in ring
        legend = frame.locator(".atlas-legend").inner_text()
        if scene.kind == "timeline":
            assert font_px(frame, ".atlas-timeline-caption") >= 24
        else:
            assert font_px(page, ".atlas-present-caption") >= 24
    if lang == "he":
        assert HEBREW.search(legend), legend


def press(page, key: str, where) -> None:
    """Press ``key`` with the focus in ``where``: the page, or the map's or the graph's frame."""
    if where == "map":
        map_frame(page).locator("#map_div").focus()
    elif where == "graph":
        _element, frame = graph_frame(page)
        frame.evaluate("() => { document.body.tabIndex = -1; document.body.focus(); }")
    else:
        page.locator(".atlas-present-title").evaluate(
            "e => { e.tabIndex = -1; e.focus(); e.removeAttribute('tabindex'); }"
        )
    page.keyboard.press(key)


@pytest.mark.parametrize("lang", ["en", "he"])
def test_a_presenter_goes_through_every_scene_with_a_remote(
    browser, guard, app_server, organisations, links, lang
):
    deck = load_scenes()
    expected = {}
    for scene in deck:
        frame_filters = scene.filters.apply(organisations, links)
        # The graph draws the scene's organisations and the one they are linked to.
        expected[scene.id] = len(frame_filters) + (
            0 if not scene.filters.linked or scene.filters.linked in set(frame_filters["id"]) else 1
        )
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    context.route("**/*", guard.route)
    page = context.new_page()
    page.goto(f"{app_server.url}/present?lang={lang}")
    wait_for_scene(page, deck[0], lang, expected[deck[0].id])
    page.wait_for_function("() => window.AtlasPresenter !== undefined", timeout=LOAD_TIMEOUT_MS)
    check_the_audience_view(page, deck[0], lang)
    screenshot(page, f"task-present-{lang}-01-{deck[0].id}")

    # Forward with the remote's keys, the focus wherever the presenter left it.
    keys = ("PageDown", "ArrowRight", "Space")
    for number, scene in enumerate(deck[1:], start=2):
        before = deck[number - 2]
        where = "graph" if before.kind == "network" else ("map", "page")[number % 2]
        if before.kind == "timeline":
            # The years play; the first press shows the last one, the next moves on.
            press(page, "PageDown", where)
            frame = map_frame(page)
            frame.wait_for_function(
                "(y) => document.querySelector('.atlas-timeline-year').textContent === y",
                arg=str(before.years[-1]),
                timeout=LOAD_TIMEOUT_MS,
            )
            assert f"scene={before.id}" in page.url
            screenshot(page, f"task-present-{lang}-{number - 1:02d}-{before.id}-last-year")
        press(page, keys[number % 3], where)
        wait_for_scene(page, scene, lang, expected[scene.id])
        check_the_audience_view(page, scene, lang)
        screenshot(page, f"task-present-{lang}-{number:02d}-{scene.id}")

    # Back with Page Up, scene by scene; a timeline is reached at its last year, paused.
    for number in range(len(deck) - 2, -1, -1):
        scene, after = deck[number], deck[number + 1]
        press(page, "PageUp", "graph" if after.kind == "network" else "map")
        wait_for_scene(page, scene, lang, expected[scene.id])
        if scene.kind == "timeline":
            frame = map_frame(page)
            frame.wait_for_function(
                "(y) => document.querySelector('.atlas-timeline-year').textContent === y",
                arg=str(scene.years[-1]),
                timeout=LOAD_TIMEOUT_MS,
            )
            assert frame.locator(".atlas-timeline-play").inner_text() == "▶"
            screenshot(page, f"task-present-{lang}-back-{scene.id}")
    check_the_audience_view(page, deck[0], lang)

    # End and Home jump to the last and the first scene.
    press(page, "End", "page")
    wait_for_scene(page, deck[-1], lang, expected[deck[-1].id])
    press(page, "Home", "graph")
    wait_for_scene(page, deck[0], lang, expected[deck[0].id])

    # B blanks the screen, as presentation software does; B again brings the scene back.
    press(page, "b", "map")
    blank = page.locator(".atlas-blank")
    blank.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert blank.bounding_box() == {"x": 0, "y": 0, "width": 1920, "height": 1080}
    screenshot(page, f"task-present-{lang}-blank")
    page.keyboard.press("b")
    blank.wait_for(state="detached", timeout=LOAD_TIMEOUT_MS)
    assert f"scene={deck[0].id}" in page.url

    # The mouse brings the presenter's controls back, with hints that say what the keys do.
    page.mouse.move(960, 500)
    page.mouse.move(970, 520)
    bar = page.locator(".st-key-atlas_present_controls")
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('.st-key-atlas_present_controls'))"
        ".opacity === '1'",
        timeout=LOAD_TIMEOUT_MS,
    )
    assert t("present.keys", lang) in bar.inner_text()
    screenshot(page, f"task-present-{lang}-controls")
    assert guard.blocked == []
    context.close()


# --- The phone -------------------------------------------------------------------------------

SHARE_STUB = """
window.__atlasShared = [];
Object.defineProperty(navigator, "share", { configurable: true, value: (data) => {
  window.__atlasShared.push(data); return Promise.resolve(); } });
Object.defineProperty(navigator, "canShare", { configurable: true, value: () => true });
"""
INSIDE_JS = """(selector) => [...document.querySelectorAll(selector)]
  .filter(e => e.getBoundingClientRect().width > 0)
  .map(e => { const r = e.getBoundingClientRect();
    return [e.className.baseVal === undefined ? e.className : e.className.baseVal,
            r.left, r.top, r.right, r.bottom]; })"""


def in_viewport(page, box: dict, slack: float = 0.5) -> bool:
    """Whether a bounding box lies wholly inside the page's viewport."""
    size = page.viewport_size
    return (
        box["x"] >= -slack
        and box["y"] >= -slack
        and box["x"] + box["width"] <= size["width"] + slack
        and box["y"] + box["height"] <= size["height"] + slack
    )


# The marks a visitor can see: drawn inside the map, away from its edges and controls.
IN_SIGHT_JS = """(selector) => {
  const size = window.map.getSize();
  const controls = [...document.querySelectorAll('.leaflet-control')]
    .map(c => c.getBoundingClientRect()).filter(r => r.width > 0);
  return [...document.querySelectorAll(selector)].findIndex(e => {
    const r = e.getBoundingClientRect(), x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
    return x > 20 && y > 20 && x < size.x - 20 && y < size.y - 20
      && !controls.some(c => x >= c.left && x <= c.right && y >= c.top && y <= c.bottom);
  });
}"""


# Two taps (or clicks) close in time and place are a double tap, which zooms the map: a
# person's next tap comes later. Chromium's window is 500 ms; wait until it has passed.
TAPPED_JS = "() => { window.__atlasTapped = performance.now(); }"
NOT_A_DOUBLE_TAP_JS = "() => performance.now() - (window.__atlasTapped || -1e9) > 600"


def tap_an_organisation(frame, click: bool = False) -> None:
    """Tap (or click) clusters in sight until organisations show, then one of them."""

    def tap(target) -> None:
        frame.wait_for_function(NOT_A_DOUBLE_TAP_JS, timeout=LOAD_TIMEOUT_MS)
        target.click() if click else target.tap()
        frame.evaluate(TAPPED_JS)

    for _ in range(10):
        # Organisations at one address: a cluster lists them, each name opens its details.
        names = frame.locator(".leaflet-popup .atlas-popup-names a")
        if names.count():
            tap(names.first)
            return
        marker = frame.evaluate(IN_SIGHT_JS, "path.leaflet-interactive")
        if marker >= 0:
            tap(frame.locator("path.leaflet-interactive").nth(marker))
            return
        cluster = frame.evaluate(IN_SIGHT_JS, ".atlas-cluster")
        assert cluster >= 0, "no organisation or cluster in sight"
        tap(frame.locator(".atlas-cluster").nth(cluster))
    raise AssertionError("no organisation reached after ten taps")


def choose(
    page, label: str, option: str, typed: str = "", *, lang: str, shown: int, total: int
) -> None:
    """Pick ``option`` in the sidebar's multiselect or selectbox labelled ``label``; return
    once the app's run for it is over (the sidebar counts ``shown`` of ``total``)."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    widget = sidebar.locator(
        '[data-testid="stMultiSelect"], [data-testid="stSelectbox"]', has_text=label
    ).first
    widget.scroll_into_view_if_needed()
    widget.locator("input").first.click()
    if typed:
        page.keyboard.type(typed)
    page.get_by_role("option", name=option, exact=True).first.click()
    page.keyboard.press("Escape")
    # The choice re-runs the app, which may rebuild the next filter's widget: typing into it
    # before that run is over loses what was typed. The run's own result is the new count.
    count = t("count.shown_of_total", lang, shown=shown, n=total)
    sidebar.get_by_text(count).first.wait_for(timeout=LOAD_TIMEOUT_MS)
    wait_until_settled(page)


@pytest.mark.parametrize("size", [(390, 844), (360, 640)], ids=["390x844", "360x640"])
@pytest.mark.parametrize("lang", ["en", "he"])
def test_a_phone_user_filters_opens_details_and_shares_the_link(
    browser, guard, app_server, organisations, lang, size
):
    width, height = size
    # The phone's own share sheet where the browser has one (390); else the link is copied.
    native_share = width == 390
    # Reduced motion: a tapped cluster jumps to its organisations (headless Chromium does not
    # always finish Leaflet's zoom animation).
    context = browser.new_context(
        viewport={"width": width, "height": height},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
        reduced_motion="reduce",
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    context.route("**/*", guard.route)
    if native_share:
        context.add_init_script(SHARE_STUB)
    page = context.new_page()
    name = f"task-phone-{lang}-{width}x{height}"
    page.goto(f"{app_server.url}/?lang={lang}")
    map_frame(page)
    wait_until_settled(page)
    # The Share button is on the first screen, above the map.
    share = page.locator(".atlas-share-action button")
    assert in_viewport(page, share.bounding_box()), share.bounding_box()
    screenshot(page, f"{name}-1-top")

    # Filter in the sidebar: funders in Canada.
    page.locator('[data-testid="stExpandSidebarButton"]').tap()
    total = len(organisations)
    funders = len(Filters(roles=("funding",)).apply(organisations))
    role = category_label("role", "funding", lang)
    choose(page, t("sidebar.role", lang), role, lang=lang, shown=funders, total=total)
    expected = Filters(roles=("funding",), countries=("CA",)).apply(organisations)
    canada = country_name("CA", lang)
    choose(
        page,
        t("sidebar.country", lang),
        canada,
        canada[:3],
        lang=lang,
        shown=len(expected),
        total=total,
    )
    screenshot(page, f"{name}-2-filters")
    collapse = page.locator('[data-testid="stSidebarCollapseButton"] button')
    if collapse.is_visible():
        collapse.tap()
    frame = map_frame(page)
    frame.wait_for_function(f"() => ({SHOWN_JS})() === {len(expected)}", timeout=LOAD_TIMEOUT_MS)
    wait_until_settled(page)

    # The map fits its frame, and every control lies inside it and inside the screen.
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    page.locator(MAP_FRAME).evaluate("e => e.scrollIntoView({block: 'end'})")
    box = page.locator(MAP_FRAME).bounding_box()
    assert in_viewport(page, box), box
    size_in_frame = frame.evaluate("() => [innerWidth, innerHeight, window.map.getSize()]")
    assert size_in_frame[2] == {"x": size_in_frame[0], "y": size_in_frame[1]}
    assert abs(size_in_frame[1] - box["height"]) < 1
    controls = frame.evaluate(INSIDE_JS, ".leaflet-control")
    assert len(controls) >= 6  # zoom, full screen, zoom to results, layers, legend, years
    for _name, left, top, right, bottom in controls:
        assert min(left, top) >= 0, (_name, left, top)
        assert right <= box["width"] + 0.5, (_name, right)
        assert bottom <= box["height"] + 0.5, (_name, bottom)
    # The new results are framed: every organisation found is inside the map's view.
    assert frame.evaluate(
        "() => { const b = window.map.getBounds(); const l = window.map._atlasOrganisations;"
        " return l._data.lat.every((lat, i) => b.contains([lat, l._data.lon[i]])); }"
    )
    screenshot(page, f"{name}-3-map")

    # Tap clusters until organisations show, then one of them: its details fit the screen.
    tap_an_organisation(frame)
    popup = frame.locator(".leaflet-popup:has(.atlas-popup-list)")
    popup.wait_for(timeout=LOAD_TIMEOUT_MS)
    frame.wait_for_function(
        "() => !window.map._panAnim || !window.map._panAnim._inProgress", timeout=LOAD_TIMEOUT_MS
    )
    org = page.evaluate("() => new URLSearchParams(location.search).get('org')")
    assert org in set(expected["id"])
    inner = popup.bounding_box()
    assert inner["x"] >= box["x"]
    assert inner["x"] + inner["width"] <= box["x"] + box["width"] + 0.5
    assert inner["y"] >= box["y"]
    assert inner["y"] + inner["height"] <= box["y"] + box["height"] + 0.5
    close = popup.locator(".leaflet-popup-close-button").bounding_box()
    assert in_viewport(page, close), close
    assert min(close["width"], close["height"]) >= 24
    if lang == "he":  # right to left, the close button is in the top-left corner
        assert close["x"] < inner["x"] + inner["width"] / 2
    content = frame.locator(".leaflet-popup-content")
    assert content.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), "cut sideways"
    screenshot(page, f"{name}-4-details")

    # Share the view with its organisation open, from the top of the page.
    share.scroll_into_view_if_needed()
    link = page.evaluate("() => location.href")
    for part in (f"org={org}", "role=funding", "country=CA"):
        assert part in link
    share.tap()
    if native_share:
        shared = page.evaluate("() => window.__atlasShared")
        assert [entry["url"] for entry in shared] == [link]
    else:
        page.get_by_text(t("share.copied", lang)).first.wait_for(timeout=LOAD_TIMEOUT_MS)
        assert page.evaluate("() => navigator.clipboard.readText()") == link
    screenshot(page, f"{name}-5-shared")

    # The details close with their close button, and the map's controls come back.
    page.locator(MAP_FRAME).evaluate("e => e.scrollIntoView({block: 'end'})")
    popup.locator(".leaflet-popup-close-button").tap()
    popup.wait_for(state="detached", timeout=LOAD_TIMEOUT_MS)
    assert frame.locator(".leaflet-control-zoom").is_visible()
    wait_for_url(page, org=None)
    screenshot(page, f"{name}-6-closed")
    assert guard.blocked == []
    context.close()


# --- The researcher --------------------------------------------------------------------------

TAMARACK = "tamarack-institute"


def years_text(link, lang: str) -> str:
    """The years of a link as the details write them."""
    from mapping.details import link_years

    return link_years(link["since"], link["until"], lang)


def download(page, name: str) -> tuple[str, bytes]:
    """Click the download button ``name`` (the page settled); return the file's name and bytes."""
    wait_until_settled(page)
    with page.expect_download(timeout=LOAD_TIMEOUT_MS) as info:
        page.get_by_role("button", name=name, exact=True).click()
    return info.value.suggested_filename, info.value.path().read_bytes()


@pytest.mark.parametrize("lang", ["en", "he"])
def test_a_researcher_sees_why_each_organisation_is_linked_and_downloads_that_list(
    browser, guard, app_server, organisations, links, lang
):
    filters = Filters(roles=("funding",), countries=("CA",), linked=TAMARACK)
    expected = filters.apply(organisations, links)
    assert TAMARACK not in set(expected["id"])  # the chosen one is not a funder itself
    ids = set(expected["id"])
    reasons = links[
        ((links["source_id"] == TAMARACK) & links["target_id"].isin(ids))
        | ((links["target_id"] == TAMARACK) & links["source_id"].isin(ids))
    ]
    names = dict(zip(organisations["id"], maps.display_names(organisations, lang), strict=True))
    tamarack = names[TAMARACK]
    context = browser.new_context(
        viewport={"width": 1400, "height": 1000}, accept_downloads=True, reduced_motion="reduce"
    )
    context.route("**/*", guard.route)
    page = context.new_page()
    page.goto(f"{app_server.url}/data?lang={lang}")
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=LOAD_TIMEOUT_MS)
    total = len(organisations)
    linked = Filters(linked=TAMARACK).apply(organisations, links)
    choose(
        page,
        t("sidebar.linked", lang),
        tamarack,
        "Tamarack",
        lang=lang,
        shown=len(linked),
        total=total,
    )
    funders = len(Filters(linked=TAMARACK, roles=("funding",)).apply(organisations, links))
    role = category_label("role", "funding", lang)
    choose(page, t("sidebar.role", lang), role, lang=lang, shown=funders, total=total)
    canada = country_name("CA", lang)
    choose(
        page,
        t("sidebar.country", lang),
        canada,
        canada,
        lang=lang,
        shown=len(expected),
        total=total,
    )
    screenshot(page, f"task-research-{lang}-1-list")

    # Each organisation's details say why it is in the list: its link(s) to Tamarack.
    why = t("detail.linked_why", lang, name=tamarack)
    picker = page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first
    for number, row in enumerate(expected.itertuples(), start=1):
        shown_name = names[row.id]
        picker.locator("input").click()
        page.keyboard.type(shown_name[:12])
        page.get_by_role("option", name=shown_name, exact=True).click()
        details = page.locator(".st-key-atlas_details")
        details.get_by_role("heading", name=shown_name).wait_for(timeout=LOAD_TIMEOUT_MS)
        assert details.locator(".atlas-details-why").inner_text() == why
        items = details.locator(".atlas-details-reasons li")
        mine = reasons[(reasons["source_id"] == row.id) | (reasons["target_id"] == row.id)]
        assert items.count() == len(mine) > 0
        texts = items.all_inner_texts()
        for link in mine.to_dict("records"):
            relation = (
                category_label("relation", link["relation"], lang)
                if link["source_id"] == row.id
                else t(f"relation.{link['relation']}.inverse", lang)
            )
            line = f"{relation}: {tamarack} ({years_text(link, lang)}"
            assert any(text.startswith(line) for text in texts), (line, texts)
        hrefs = {a.get_attribute("href") for a in items.locator("a").all()}
        assert hrefs == set(mine["source"])
        if number == 1:
            screenshot(page, f"task-research-{lang}-2-details")

    # The downloads hold exactly that list, and the links that put each one in it.
    stem = "atlas_funding_CA_linked-tamarack-institute"
    name, data = download(page, t("download.csv", lang))
    assert name == f"{stem}.csv"
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == expected["id"].tolist()
    name, data = download(page, t("download.links_csv", lang))
    assert name == f"{stem}_links.csv"
    listed = {
        (r["source_id"], r["relation"], r["target_id"])
        for r in csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    }
    among = network.view_links(links, ids | {TAMARACK})
    ends = ("source_id", "relation", "target_id")
    assert listed == set(among[list(ends)].itertuples(index=False, name=None))
    assert set(reasons[list(ends)].itertuples(index=False, name=None)) <= listed
    screenshot(page, f"task-research-{lang}-3-downloads")

    # The Network page draws them with Tamarack and offers the same links.
    page.locator('[data-testid="stSidebar"] a', has_text=t("page.network", lang)).first.click()
    _element, frame = graph_frame(page)
    drawn = frame.evaluate(
        "() => document.querySelector('.atlas-network').atlasGraph.nodes().map(n => n.data('org'))"
    )
    assert set(drawn) == ids | {TAMARACK}
    assert download(page, t("download.links_csv", lang))[1] == data
    screenshot(page, f"task-research-{lang}-4-network")

    # And on the map, an organisation's details name Tamarack, outside the view, with the link.
    page.locator('[data-testid="stSidebar"] a', has_text=t("page.map", lang)).first.click()
    frame = map_frame(page)
    frame.wait_for_function(f"() => ({SHOWN_JS})() === {len(expected)}", timeout=LOAD_TIMEOUT_MS)
    tap_an_organisation(frame, click=True)
    popup = frame.locator(".leaflet-popup-content:has(.atlas-popup-list)")
    popup.locator(".atlas-links-why").wait_for(timeout=LOAD_TIMEOUT_MS)
    # The details are clear of the map's buttons and legend, which would cover them.
    frame.wait_for_function(
        "() => !window.map._panAnim || !window.map._panAnim._inProgress", timeout=LOAD_TIMEOUT_MS
    )
    details = popup.bounding_box()
    for control in (".leaflet-control-zoom", ".atlas-fit", ".atlas-legend"):
        box = frame.locator(control).bounding_box()
        apart = (
            box["x"] + box["width"] <= details["x"]
            or details["x"] + details["width"] <= box["x"]
            or box["y"] + box["height"] <= details["y"]
            or details["y"] + details["height"] <= box["y"]
        )
        assert apart, (control, box, details)
    assert popup.locator(".atlas-links-why").inner_text() == why
    assert tamarack in popup.locator(".atlas-links-reasons").inner_text()
    assert popup.locator(".atlas-links-reasons .atlas-links-source").count() > 0
    screenshot(page, f"task-research-{lang}-5-map")
    assert guard.blocked == []
    context.close()
