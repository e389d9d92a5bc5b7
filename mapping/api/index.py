"""``/api/v1/``: where the API starts: its resources, its description and the data it serves."""

from __future__ import annotations

from starlette.responses import Response

from mapping.api.operation import Call, Operation
from mapping.api.organisations import json_response
from mapping.api.params import LANG
from mapping.i18n import t


def get_index(call: Call) -> Response:
    """The resources, the OpenAPI description and the docs page, and the data's citation."""
    return json_response(
        {
            "title": t("api.title", call.query.lang),
            "resources": {
                name: call.api_url(f"/{name}", {})
                for name in ("organisations", "links", "networks", "stats", "oembed")
            },
            "openapi": call.api_url("/openapi.json", {}),
            "docs": call.api_url("/docs", {"lang": call.query.lang}),
            "dataset": call.dataset_member(),
        }
    )


OPERATIONS = (
    Operation(
        name="getIndex",
        path="/",
        run=get_index,
        schema="Index",
        tag="about",
        params=(LANG,),
    ),
)
