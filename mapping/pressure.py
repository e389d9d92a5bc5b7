"""Visitors first: how many page runs are waiting or running, so the HTTP API can yield to them.

One process serves both the hall (pages, over websockets, one script run at a time:
``mapping/ui/throttle.py``) and the API (plain HTTP, answered on the server's event
loop). Python runs one thread at a time, so an API answered at full speed during a burst
of visitors takes half the time their maps need. The throttle counts every page run here
from the moment it starts waiting for its slot until it ends; ``mapping.api.gate`` holds
API requests back while the count is above zero, and for a moment after it falls to zero
(``busy``): a visitor's page is not done when its run ends (its component frames and
their files follow over HTTP), and in a hall the next run is usually about to be counted.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

_LOCK = threading.Lock()
_RUNS = 0
_LAST_END = float("-inf")  # time.monotonic() when the last page run ended


@contextmanager
def page_run() -> Iterator[None]:
    """Count a page run (waiting for its slot or running) while the block runs."""
    global _RUNS, _LAST_END
    with _LOCK:
        _RUNS += 1
    try:
        yield
    finally:
        with _LOCK:
            _RUNS -= 1
            _LAST_END = time.monotonic()


def page_runs() -> int:
    """How many page runs are waiting or running now."""
    return _RUNS


def busy(linger_s: float) -> bool:
    """Whether a page run is waiting or running, or one ended less than ``linger_s`` ago."""
    return _RUNS > 0 or time.monotonic() - _LAST_END < linger_s
