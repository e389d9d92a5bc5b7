"""Visitors first: API requests hold back while visitors' pages are waiting or running.

While any page run is waiting for its slot or running (``mapping.pressure``), API
requests pass one at a time, each after a pause of ``PAUSE_S``: at most about
1 / ``PAUSE_S`` requests per second, a few percent of the process's time, so a hall
opening the map at the same moment gets its maps as fast as with no API traffic. The
rest of the time requests pass at once. An API client sees a slower answer during a
burst of visitors (up to its queue times the pause), never a refusal.
"""

from __future__ import annotations

import asyncio
import weakref

from mapping import pressure

PAUSE_S = 0.02


class Gate:
    """Where API requests wait for visitors' pages (one per event loop: the server's)."""

    def __init__(self, pause_s: float = PAUSE_S) -> None:
        self.pause_s = pause_s
        # One queue per event loop (a lock belongs to the loop it is first used in).
        self._turns: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    async def wait(self) -> None:
        """Return at once, or, while pages run, in turn after a pause."""
        if not pressure.page_runs():
            return
        loop = asyncio.get_running_loop()
        turn = self._turns.setdefault(loop, asyncio.Lock())
        async with turn:
            if pressure.page_runs():
                await asyncio.sleep(self.pause_s)
