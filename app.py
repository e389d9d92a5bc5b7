"""Collective Impact Atlas: run with ``streamlit run app.py``; the home page is the map.

This file is both the app's script and its server. Streamlit runs it as
``__main__`` for every visitor (and under AppTest): it lists the pages in
``pages/`` (titles in the page's language) and opens the map by default.
``streamlit run`` imports it once as a module to find ``app``, the server,
whose lifespan runs the script once before the first visitor connects.
"""

from __future__ import annotations

import streamlit as st

if __name__ == "__main__":
    from mapping import ui
    from mapping.ui.throttle import run_slot

    navigation = st.navigation(
        [
            # Emoji, not Material icons: a page's icon becomes the favicon, and
            # Material favicons are fetched from the internet.
            st.Page(path, title=ui._(f"page.{key}"), icon=ui.FAVICON, default=key == "map")
            # Review has a URL for everyone (moderators sign in there), but its link shows
            # only to a signed-in moderator (ui.navigation_links); every decision is checked.
            for path, key, _icon in (*ui.PAGES, ui.REVIEW_PAGE)
        ],
        position="hidden",  # the sidebar shows ui.navigation_links instead
    )
    # A few runs at a time, first come first served: in a burst of visitors the
    # first get their maps first (mapping/ui/throttle.py).
    with run_slot():
        navigation.run()
else:
    import asyncio
    import time
    from collections.abc import AsyncIterator
    from contextlib import asynccontextmanager
    from pathlib import Path

    from starlette.middleware import Middleware
    from streamlit import file_util
    from streamlit.logger import get_logger
    from streamlit.runtime import Runtime

    from mapping import api, assets, audience, fonts, precompressed, qr, store

    def migrate(log) -> None:
        """Bring the suggestions database's schema up to date, once per server start.

        Under a lock (``mapping.store.migrate``): replicas starting together take turns.
        A database that is off or down leaves the atlas as it is (readable, exports and
        all); suggestions are paused until it answers, and the first one migrates then.
        """
        try:
            log.info("database schema at revision %s", store.migrate())
        except store.UnavailableError as error:
            log.warning("suggestions are paused: the database is %s", error)

    @asynccontextmanager
    async def warm_up(_app: st.App) -> AsyncIterator[None]:
        """Migrate the database, then run the script once before the server takes visitors.

        A fresh process pays once for what later runs reuse: importing the library
        (most of a second), reading the dataset, building the default map. Paid by
        the first visitor, it made a fresh server's first map 1.8x slower than a
        warm one's; a replica behind the balancer now turns healthy only when warm.
        No component module (``mapping.ui``) is imported here: one imported outside a
        script run would never register its frontend; ``mapping.api`` imports none.
        """
        log = get_logger("atlas")
        # In a thread: the database may take a few seconds to answer (or to time out).
        await asyncio.to_thread(migrate, log)
        started = time.perf_counter()
        # Streamlit's script health check: a whole run in a session of its own, so
        # components register and st.cache_resource fills as in a visitor's run. A
        # failed run is logged, not raised: visitors get the page's own message.
        ran, outcome = await Runtime.instance().does_script_run_without_error()
        took = time.perf_counter() - started
        if ran:
            log.info("warmed up in %.2f s", took)
        else:
            log.warning("the warm-up run ended with %r after %.2f s", outcome, took)
        yield

    def component_folder(name: str) -> str | None:
        """A declared component's folder (its frame's files), or None."""
        return Runtime.instance().component_registry.get_component_path(name)

    # Text files go out compressed, each compressed once (mapping/precompressed.py).
    compressed = Middleware(
        precompressed.PrecompressedFiles,
        locator=precompressed.Locator(
            frontend=Path(file_util.get_static_dir()),
            app_static=assets.STATIC_DIR,
            component_path=component_folder,
        ),
        store=precompressed.Store(report=get_logger("atlas").info),
    )
    # Streamlit's fonts cut to what the app shows (mapping/fonts.py): 545 KB -> 156 KB.
    font_subsets = Middleware(
        fonts.FontSubsets,
        frontend=Path(file_util.get_static_dir()),
        sources=(Path(__file__).parent / "mapping", Path(__file__).parent / "pages"),
    )
    app = st.App(
        __file__,
        lifespan=warm_up,
        routes=[*api.routes(), *audience.routes(), *qr.routes()],
        middleware=[*api.middleware(), font_subsets, compressed],
    )
