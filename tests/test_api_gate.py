"""Visitors first: while pages run, API requests pass one at a time after a pause."""

from __future__ import annotations

import asyncio
import itertools
import threading
import time

import pytest

from mapping import pressure
from mapping.api.gate import Gate, pause_s


def run(coroutine) -> None:
    """Run a coroutine on an event loop of its own thread (the browser tests' Playwright
    keeps an event loop running in the main thread for the whole session)."""
    failures = []

    def target():
        try:
            asyncio.run(coroutine)
        except BaseException as error:  # noqa: BLE001 (handed to the test's thread)
            failures.append(error)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if failures:
        raise failures[0]


def test_with_no_page_running_requests_pass_at_once():
    # A pause would fail the test by timing out (no linger: other tests' page runs just ended).
    gate = Gate(pause=10, linger=0)

    async def many():
        await asyncio.wait_for(asyncio.gather(*(gate.wait() for _ in range(100))), timeout=5)

    run(many())


def through(gate: Gate, requests: int) -> list[tuple[int, float]]:
    """Send ``requests`` through ``gate`` at once; each one's index and when it passed."""
    passed = []

    async def request(index):
        await gate.wait()
        passed.append((index, time.monotonic()))

    async def burst():
        await asyncio.gather(*(request(index) for index in range(requests)))

    run(burst())
    return passed


def test_while_pages_run_requests_pass_in_turn_after_a_pause():
    gate = Gate(pause=0.01)
    with pressure.page_run():
        assert pressure.page_runs() == 1
        passed = through(gate, 5)
    assert pressure.page_runs() == 0
    assert [index for index, _ in passed] == [0, 1, 2, 3, 4]  # first come, first served
    gaps = [b - a for (_, a), (_, b) in itertools.pairwise(passed)]
    assert all(gap >= 0.009 for gap in gaps), gaps  # never two without a pause between


def test_a_page_run_is_counted_until_it_ends_however_it_ends():
    try:
        with pressure.page_run():
            assert pressure.page_runs() == 1
            raise RuntimeError("the script stopped")
    except RuntimeError:
        pass
    assert pressure.page_runs() == 0


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("", 0.02), ("0", 0), (" 50 ", 0.05)],  # unset: the default; 0: never holding back
)
def test_the_pause_comes_from_the_environment(text, seconds):
    assert pause_s(text) == seconds


@pytest.mark.parametrize("text", ["-1", "fast", "1001", "0.5"])
def test_a_bad_pause_is_named(text):
    with pytest.raises(ValueError, match=rf"ATLAS_API_PAUSE_MS .* not '{text}'"):
        pause_s(text)


def test_the_api_still_holds_back_just_after_a_page_run_ends():
    # In a burst the next visitor's run is counted a moment after the last one ends, and a
    # page's frames load after its run: the API must not rush into those gaps.
    with pressure.page_run():
        pass
    assert pressure.busy(linger_s=60)
    assert not pressure.busy(linger_s=0)
    passed = through(Gate(pause=0.01, linger=60), 3)
    gaps = [b - a for (_, a), (_, b) in itertools.pairwise(passed)]
    assert all(gap >= 0.009 for gap in gaps), gaps
