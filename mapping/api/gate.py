"""Visitors first: API requests hold back while visitors' pages are waiting or running.

While any page run is waiting for its slot or running, or ended less than ``LINGER_S``
ago (``mapping.pressure.busy``), API requests pass one at a time, each after a pause of
``PAUSE_S``: at most about
1 / ``PAUSE_S`` requests per second, a few percent of the process's time, so a hall
opening the map at the same moment gets its maps as fast as with no API traffic. The
rest of the time requests pass at once. An API client sees a slower answer during a
burst of visitors (up to its queue times the pause), never a refusal.

``$ATLAS_API_PAUSE_MS`` sets the pause (default 20); 0 lets the API run beside pages at
full speed (a replica that serves only the API; the benchmark's comparison).
"""

from __future__ import annotations

import asyncio
import os
import weakref

from mapping import pressure

PAUSE_ENV = "ATLAS_API_PAUSE_MS"
DEFAULT_PAUSE_MS = 20
MAX_PAUSE_MS = 1000


def pause_s(text: str | None = None) -> float:
    """The pause between API requests while pages run: ``$ATLAS_API_PAUSE_MS``, in seconds.

    Raises
    ------
    ValueError
        If the variable is not a whole number of milliseconds from 0 to ``MAX_PAUSE_MS``.
    """
    text = os.environ.get(PAUSE_ENV, "") if text is None else text
    if not text.strip():
        return DEFAULT_PAUSE_MS / 1000
    if not text.strip().isdigit() or int(text) > MAX_PAUSE_MS:
        raise ValueError(f"{PAUSE_ENV} must be milliseconds from 0 to {MAX_PAUSE_MS}, not {text!r}")
    return int(text) / 1000


# How long after the last page run the API still holds back (``mapping.pressure.busy``).
# Counting runs alone let the API through in the gaps of a burst (between one visitor's
# run and the next one's being counted, and while a page's frames load): on a quiet
# machine 250 visitors beside wrk took 1.63x as long as alone, with the API at 780/s.
LINGER_S = 0.5


class Gate:
    """Where API requests wait for visitors' pages (one per event loop: the server's)."""

    def __init__(self, pause: float | None = None, linger: float = LINGER_S) -> None:
        self.pause_s = pause_s() if pause is None else pause
        self.linger_s = linger
        # One queue per event loop (a lock belongs to the loop it is first used in).
        self._turns: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    async def wait(self) -> None:
        """Return at once, or, while pages run, in turn after a pause."""
        if not self.pause_s or not pressure.busy(self.linger_s):
            return
        loop = asyncio.get_running_loop()
        turn = self._turns.setdefault(loop, asyncio.Lock())
        async with turn:
            if pressure.busy(self.linger_s):
                await asyncio.sleep(self.pause_s)
