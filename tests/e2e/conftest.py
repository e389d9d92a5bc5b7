"""Fixtures for browser tests: a real app server and Debian's Chromium with no network.

The app starts as the README says (``streamlit run app.py``, the production
settings in ``.streamlit/config.toml``) on a free loopback port and is awaited
on ``/_stcore/health``.
Every request to a host other than the loopback is blocked (and counted), so
the tests prove the app works offline.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import pandas as pd
import pytest

from mapping.data import COLUMNS
from tests.e2e.servers import PROJECT_ROOT, Server, start_app
from tests.test_safety import PAYLOADS

CHROMIUM = os.environ.get("ATLAS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
ARTIFACTS = PROJECT_ROOT / "artifacts" / "screenshots"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


@dataclass
class NetworkGuard:
    """Counts what the browser tried to fetch from non-loopback hosts (all blocked)."""

    blocked: list[str] = field(default_factory=list)

    def route(self, route) -> None:
        """Playwright route handler: continue loopback requests, abort the rest."""
        host = urlsplit(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:", "about:")) or host in LOOPBACK_HOSTS:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort("internetdisconnected")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no Playwright browser download)."""
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: scripts/test.sh installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def app_server() -> Iterator[Server]:
    """The app on the shipped dataset."""
    server = start_app(name="default")
    yield server
    server.stop()


HOSTILE_PLACES = [
    (40, -100, "US"),
    (50, 10, "DE"),
    (-25, 135, "AU"),
    (36, 138, "JP"),
    (-15, -55, "BR"),
    (5, 20, "CF"),
    (62, 95, "RU"),
    (-42, 172, "NZ"),
    (22, 78, "IN"),
]


def write_hostile_dataset(folder: Path) -> Path:
    """A dataset whose names, descriptions, cities and links' notes are attack payloads.

    Writes ``hostile.csv`` and, beside it, the links (``relationships.csv``: a chain with
    hostile notes); returns the dataset's path.
    """
    rows = []
    for index, (payload, (lat, lon, country)) in enumerate(
        zip(PAYLOADS, HOSTILE_PLACES, strict=True)
    ):
        rows.append(
            {
                **dict.fromkeys(COLUMNS, ""),
                "id": f"hostile-{index}",
                "name": f"{payload} #{index}",
                "roles": "funding",
                "country_code": country,
                "latitude": str(lat),
                "longitude": str(lon),
                "description": payload,
                "city": payload,
                "network": payload,
                # The loader refuses javascript: websites outright (tested in test_data).
                "website": f"https://example.org/{quote(payload)}",
            }
        )
    path = folder / "hostile.csv"
    pd.DataFrame(rows, columns=list(COLUMNS)).to_csv(path, index=False)
    # Links beside the dataset (mapping.network.relationships_path): a chain, with hostile notes.
    links = [
        {
            "source_id": f"hostile-{index}",
            "target_id": f"hostile-{index + 1}",
            "relation": "partners_with",
            "source": "https://example.org/links",
            "checked": "2026-12-01",
            "note": PAYLOADS[index],
        }
        for index in range(len(PAYLOADS) - 1)
    ]
    pd.DataFrame(links).to_csv(path.with_name("relationships.csv"), index=False)
    return path


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    """The app on a dataset whose names, descriptions and links' notes are attack payloads."""
    path = write_hostile_dataset(tmp_path_factory.mktemp("hostile"))
    server = start_app({"ATLAS_DATA": str(path)}, name="hostile")
    yield server
    server.stop()


@pytest.fixture
def guard() -> NetworkGuard:
    """A fresh blocked-request counter."""
    return NetworkGuard()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Remember each phase's outcome so fixtures can react to a failed test."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def page(browser, guard, request):
    """A fresh browser page (1400x1000) whose non-loopback requests are blocked.

    A failing test leaves a screenshot named after it in ``artifacts/screenshots``.
    """
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    context.route("**/*", guard.route)
    page = context.new_page()
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        screenshot(page, f"FAILED-{request.node.name}")
    context.close()


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under ``artifacts/screenshots``."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name.replace('/', '-')}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
