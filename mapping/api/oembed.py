"""``/api/v1/oembed?url=…``: oEmbed (type ``rich``) for a Map, Charts or Network view of the atlas.

A site that knows oEmbed (WordPress, Notion, Ghost...) asks here with a page's address and
gets the same ``<iframe>`` snippet the page's "Embed" action gives (``mapping.embed``),
sized within ``maxwidth`` and ``maxheight``. A URL of another site, or of a page that
cannot be embedded, is a 404 (as oEmbed says); ``format=xml`` is a 501.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.responses import Response

from mapping import embed
from mapping.api import views
from mapping.api.operation import Call, Operation, Refused
from mapping.api.organisations import json_response
from mapping.api.params import JSON, LANG, Format, Param, format_param, size_param, text_param
from mapping.filters import Filters
from mapping.frame import PAGE_PARAMS
from mapping.i18n import Message, t

XML = Format("xml", "text/xml")
# oEmbed's format: json, or xml, which oEmbed answers with a 501 (so it is not described
# as a value to send: no request that keeps to the description gets a 5xx).
FORMAT = Param(
    "format",
    "api.param.oembed_format",
    {"type": "string", "enum": ["json"]},
    format_param((JSON, XML)).read,
    example="json",
)
CACHE_AGE_S = 3600
URL = text_param("url", "api.param.url", required=True, example="")
MAXWIDTH = size_param("maxwidth", "api.param.maxwidth")
MAXHEIGHT = size_param("maxheight", "api.param.maxheight")


def get_oembed(call: Call) -> Response:
    """The oEmbed answer for the page at ``url``."""
    query = call.query
    if query.format is XML:
        raise Refused(501, Message("api.problem.oembed_xml"))
    found = embed.page_of(query["url"], call.base)
    if found is None:
        raise Refused(404, Message("api.problem.oembed_url", value=query["url"][:200]))
    page, page_query = found
    filters, _notices = Filters.parse_query_params(parse_qs(page_query), other_keys=PAGE_PARAMS)
    filters, _unknown = filters.known_ids(call.dataset)  # as the page leaves them out
    view = views.selection(call.dataset, filters).caption(query.lang)
    width = embed.clamp(query["maxwidth"], page.width, query["maxwidth"])
    height = embed.clamp(query["maxheight"], page.height, query["maxheight"])
    app, page_name = t("app.title", query.lang), t(f"page.{page.page}", query.lang)
    title = t("embed.title", query.lang, app=app, page=page_name, view=view)
    src = embed.embed_url(query["url"].strip().split("#", 1)[0])
    return json_response(
        {
            "version": "1.0",
            "type": "rich",
            "title": title,
            "provider_name": app,
            "provider_url": f"{call.base}/",
            "cache_age": CACHE_AGE_S,
            "html": embed.iframe_html(src, width, height, title),
            "width": width,
            "height": height,
        }
    )


OPERATIONS = (
    Operation(
        name="getOembed",
        path="/oembed",
        run=get_oembed,
        schema="OEmbed",
        tag="embeds",
        params=(URL, MAXWIDTH, MAXHEIGHT, FORMAT, LANG),
        not_found=True,
        responses={501: "api.response.501"},
    ),
)
