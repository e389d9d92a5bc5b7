"""The atlas's HTTP API under ``/api/v1/``, mounted beside Streamlit's own routes by ``app.py``.

Each resource lives in its own module of this package and contributes its Starlette routes
to ``routes()``; errors are RFC 9457 problem details (``mapping.api.problems``). Nothing
here imports ``mapping.ui``: the server imports this package outside any script run.
"""

from __future__ import annotations

from starlette.routing import BaseRoute

PREFIX = "/api/v1"


def routes() -> list[BaseRoute]:
    """Every route of the API, in the order Starlette should match them."""
    # Imported here: each resource module takes PREFIX from this package.
    from mapping.api import suggestions

    return [*suggestions.routes()]
