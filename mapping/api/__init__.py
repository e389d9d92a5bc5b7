"""The atlas's HTTP API under ``/api/v1/``, mounted beside Streamlit's own routes by ``app.py``.

Each resource lives in its own module of this package and declares its ``OPERATIONS``
(``mapping.api.operation.Operation``) and any component ``SCHEMAS`` of its own: listed in
``MODULES``, ``routes()`` mounts them, ``openapi`` describes them and ``docs`` documents
them, all from those declarations. Errors are RFC 9457
problem details (``mapping.api.problems``). Nothing here imports ``mapping.ui``: the
server imports this package outside any script run.
"""

from __future__ import annotations

from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Match, Route

from mapping.api import (
    docs,
    index,
    links,
    networks,
    oembed,
    openapi,
    organisations,
    stats,
    suggestions,
)
from mapping.api.operation import PREFIX, Operation, Refused, with_data_headers
from mapping.embed import FrameAncestorsMiddleware
from mapping.i18n import Message

__all__ = ["MODULES", "PREFIX", "declared_schemas", "middleware", "operations", "routes"]

# The resource modules, in the order the description and the docs list them.
MODULES = (organisations, links, networks, stats, oembed, index, openapi, docs)


def operations() -> tuple[Operation, ...]:
    """Every operation of the API, from each module's declarations."""
    return tuple(operation for module in MODULES for operation in module.OPERATIONS)


def declared_schemas() -> dict[str, dict]:
    """The component schemas modules declare beside their operations (``SCHEMAS``)."""
    return {name: schema for m in MODULES for name, schema in getattr(m, "SCHEMAS", {}).items()}


def routes() -> list[BaseRoute]:
    """Every route of the API, in the order Starlette should match them."""
    mounted: list[BaseRoute] = [operation.route() for operation in operations()]
    # Suggestions are written, not read from the dataset: their routes are their own.
    mounted.extend(suggestions.routes())
    mounted.append(Route(PREFIX, _redirect_to_index))
    known = tuple(mounted)

    async def elsewhere(request: Request) -> Response:
        """Any other address under the prefix: 404, or 405 for a known one's other methods."""
        for route in known:
            match, _ = route.matches({**request.scope, "method": "GET"})
            if match is Match.FULL:
                methods = sorted(getattr(route, "methods", None) or ())
                refused = Refused(405, Message("api.problem.method", method=request.method))
                response = refused.response("en", str(request.base_url).rstrip("/"))
                response.headers["Allow"] = ", ".join(methods)
                break
        else:
            refused = Refused(404, Message("api.problem.not_found.path", value=request.url.path))
            response = refused.response("en", str(request.base_url).rstrip("/"))
        response.headers["Cache-Control"] = "no-store"
        return with_data_headers(response, request)

    methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
    mounted.append(Route(PREFIX + "/{rest:path}", elsewhere, methods=methods))
    return mounted


async def _redirect_to_index(request: Request) -> Response:
    """``/api/v1`` without its slash: the index."""
    return with_data_headers(Response(status_code=308, headers={"Location": f"{PREFIX}/"}), request)


def middleware() -> list[Middleware]:
    """What runs before Streamlit's own middleware: who may frame the atlas (CSP)."""
    return [Middleware(FrameAncestorsMiddleware)]
