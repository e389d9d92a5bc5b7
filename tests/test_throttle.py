"""Run slots: a bounded number of script runs at once, first come first served, never stuck."""

import threading
import time

import pytest

from mapping.ui import throttle


@pytest.fixture
def slots(monkeypatch):
    """Fresh process-wide slots for each test (``n`` of them)."""

    def make(n: int) -> None:
        monkeypatch.setenv(throttle.RUN_SLOTS_ENV, str(n))
        throttle._slots.cache_clear()

    yield make
    throttle._slots.cache_clear()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", throttle.DEFAULT_RUN_SLOTS),  # unset: the default
        (" 3 ", 3),  # spaces around a number are fine
        ("1", 1),
        ("64", 64),
    ],
)
def test_run_slots_from_the_environment(text, expected):
    assert throttle.run_slots(text) == expected


@pytest.mark.parametrize("text", ["0", "65", "two", "-1", "1.5"])
def test_a_bad_number_of_slots_is_named(text):
    with pytest.raises(ValueError, match=rf"ATLAS_RUN_SLOTS .* not '{text}'"):
        throttle.run_slots(text)


def test_at_most_n_runs_at_once_and_first_come_first_served(slots):
    slots(2)
    running, peak, order = 0, 0, []
    lock = threading.Lock()

    def run(index: int) -> None:
        nonlocal running, peak
        with throttle.run_slot():
            with lock:
                running += 1
                peak = max(peak, running)
                order.append(index)
            time.sleep(0.02)
            with lock:
                running -= 1

    threads = []
    for index in range(8):
        threads.append(threading.Thread(target=run, args=(index,)))
        threads[-1].start()
        time.sleep(0.002)  # arrive in order
    for thread in threads:
        thread.join(timeout=10)
    assert peak == 2
    assert order == sorted(order)


def test_a_run_that_raises_gives_its_slot_back(slots):
    # st.rerun() and st.stop() end a run with an exception: the slot must come back.
    slots(1)
    with pytest.raises(RuntimeError), throttle.run_slot():
        raise RuntimeError("rerun")
    with throttle.run_slot() as acquired:
        assert acquired


def test_a_stuck_run_delays_the_others_only_up_to_the_wait_limit(slots, monkeypatch):
    slots(1)
    monkeypatch.setattr(throttle, "WAIT_LIMIT_S", 0.1)
    release = threading.Event()

    def stuck() -> None:
        with throttle.run_slot():
            release.wait(10)

    holder = threading.Thread(target=stuck)
    holder.start()
    time.sleep(0.02)
    start = time.perf_counter()
    with throttle.run_slot() as acquired:
        waited = time.perf_counter() - start
    release.set()
    holder.join(10)
    assert not acquired
    assert 0.09 <= waited < 1.0
    # The timed-out run did not take a slot, so none is lost or over-released.
    with throttle.run_slot() as acquired:
        assert acquired
