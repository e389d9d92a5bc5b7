"""RFC 9457 problem details: the one shape of every API error.

``problem(status, title, detail=..., **extensions)`` returns the JSON response, with the
media type ``application/problem+json``; ``errors`` (a list of ``{"field"/"parameter": ...,
"value": ..., "reason": ...}``) names each bad input.
"""

from __future__ import annotations

from http import HTTPStatus

from starlette.responses import JSONResponse

MEDIA_TYPE = "application/problem+json"


def problem(
    status: int,
    detail: str | None = None,
    *,
    title: str | None = None,
    headers: dict[str, str] | None = None,
    **extensions: object,
) -> JSONResponse:
    """Return a problem-details response for ``status``.

    ``title`` defaults to the status's reason phrase ("Unprocessable Content");
    ``extensions`` become members of the body (``errors=[...]``, ``parameter=...``).
    """
    body: dict[str, object] = {
        "type": "about:blank",
        "title": title or HTTPStatus(status).phrase,
        "status": status,
    }
    if detail is not None:
        body["detail"] = detail
    body.update(extensions)
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE, headers=headers)
