"""Visitors first: how many page runs are waiting or running, so the HTTP API can yield to them.

One process serves both the hall (pages, over websockets, one script run at a time:
``mapping/ui/throttle.py``) and the API (plain HTTP, answered on the server's event
loop). Python runs one thread at a time, so an API answered at full speed during a burst
of visitors takes half the time their maps need. The throttle counts every page run here
from the moment it starts waiting for its slot until it ends; ``mapping.api.gate`` holds
API requests back while the count is above zero.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

_LOCK = threading.Lock()
_RUNS = 0


@contextmanager
def page_run() -> Iterator[None]:
    """Count a page run (waiting for its slot or running) while the block runs."""
    global _RUNS
    with _LOCK:
        _RUNS += 1
    try:
        yield
    finally:
        with _LOCK:
            _RUNS -= 1


def page_runs() -> int:
    """How many page runs are waiting or running now."""
    return _RUNS
