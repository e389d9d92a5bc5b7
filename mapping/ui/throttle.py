"""Fair under a burst: at most a few script runs execute at once, the others wait their turn.

Streamlit runs every session's script in its own thread, and Python runs one
thread at a time: 250 visitors arriving together all progress together and
all get their map at the end. Here a run waits for a slot (first come, first
served), so the first visitors get their maps first: with one slot, 250
visitors at once had their median map 25-30% sooner (benchmarks/load.py);
two slots were no better than none. A page run takes milliseconds, so the
queue moves fast; a long run (reading a large upload) holds the others back
at most ``WAIT_LIMIT_S``, after which they run anyway, so no run can wait
forever behind a slow or stuck one.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from mapping import pressure

RUN_SLOTS_ENV = "ATLAS_RUN_SLOTS"
DEFAULT_RUN_SLOTS = 1
MAX_RUN_SLOTS = 64
WAIT_LIMIT_S = 5.0


def run_slots(text: str | None = None) -> int:
    """The number of script runs allowed at once: ``$ATLAS_RUN_SLOTS`` or the default.

    Raises
    ------
    ValueError
        If the variable is not a whole number from 1 to ``MAX_RUN_SLOTS``.
    """
    text = os.environ.get(RUN_SLOTS_ENV, "") if text is None else text
    if not text.strip():
        return DEFAULT_RUN_SLOTS
    if not text.strip().isdigit() or not 1 <= int(text) <= MAX_RUN_SLOTS:
        raise ValueError(
            f"{RUN_SLOTS_ENV} must be a whole number from 1 to {MAX_RUN_SLOTS}, not {text!r}"
        )
    return int(text)


@functools.cache
def _slots() -> threading.BoundedSemaphore:
    """The process-wide slots (created on first use)."""
    return threading.BoundedSemaphore(run_slots())


@contextmanager
def run_slot() -> Iterator[bool]:
    """Hold a run slot while the block runs; yields whether one was free in time.

    The run is counted (``mapping.pressure``) from the moment it waits: the HTTP API
    holds back while visitors' pages are waiting or running.
    """
    slots = _slots()
    with pressure.page_run():
        acquired = slots.acquire(timeout=WAIT_LIMIT_S)
        try:
            yield acquired
        finally:
            if acquired:
                slots.release()
