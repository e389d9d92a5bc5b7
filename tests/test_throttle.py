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


def waiting(n: int) -> None:
    """Wait until ``n`` runs are queued for a slot (the semaphore's own queue of waiters)."""
    condition = throttle._slots()._cond
    give_up = time.monotonic() + 60  # a broken queue fails the test instead of hanging it
    while time.monotonic() < give_up:
        with condition:
            if len(condition._waiters) == n:
                return
        time.sleep(0.001)  # a poll interval: the thread being started gets the CPU
    raise AssertionError(f"{n} runs never queued")


def test_at_most_n_runs_at_once_and_first_come_first_served(slots, monkeypatch):
    # Every step waits for a state, never for a time: each run arrives only once the one
    # before it holds a slot or waits in the queue, and leaves only when the test says so
    # (with no wait limit to run out on a busy machine).
    slots(2)
    monkeypatch.setattr(throttle, "WAIT_LIMIT_S", 60.0)
    running, peak, order = 0, 0, []
    lock = threading.Lock()
    leave = [threading.Event() for _ in range(8)]
    entered = [threading.Event() for _ in range(8)]

    def run(index: int) -> None:
        nonlocal running, peak
        with throttle.run_slot() as acquired:
            assert acquired
            with lock:
                running += 1
                peak = max(peak, running)
                order.append(index)
            entered[index].set()
            leave[index].wait(10)
            with lock:
                running -= 1

    threads = [threading.Thread(target=run, args=(index,)) for index in range(8)]
    for index, thread in enumerate(threads):
        thread.start()
        if index < 2:
            assert entered[index].wait(10)  # a free slot: it runs at once
        else:
            waiting(index - 1)  # both slots taken: it queues behind the others
    for index in range(8):  # the runs leave in order; each frees the slot of the next in line
        leave[index].set()
        if index + 2 < 8:
            assert entered[index + 2].wait(10)
    for thread in threads:
        thread.join(timeout=10)
    assert peak == 2
    assert order == list(range(8))


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
    holding = threading.Event()

    def stuck() -> None:
        with throttle.run_slot():
            holding.set()
            release.wait(60)

    holder = threading.Thread(target=stuck)
    holder.start()
    assert holding.wait(10)
    start = time.perf_counter()
    with throttle.run_slot() as acquired:
        waited = time.perf_counter() - start
    release.set()
    holder.join(10)
    # It gave up (the holder was still in its slot) after waiting the limit: no upper bound
    # on the time, which a busy machine would break; not acquiring is the proof.
    assert not acquired
    assert waited >= 0.09
    # The timed-out run did not take a slot, so none is lost or over-released.
    with throttle.run_slot() as acquired:
        assert acquired
