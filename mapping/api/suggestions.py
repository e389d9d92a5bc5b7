"""``/api/v1/suggestions``: programmatic contributors send suggestions, anyone reads a status.

- ``POST /api/v1/suggestions`` with a JSON object (``REQUEST_SCHEMA``) ->
  ``201 {"ref", "status", "created", "status_url", "page_url"}`` once the suggestion is
  committed; ``415`` for a body that is not a JSON object sent as JSON, ``413`` above
  ``MAX_BODY_BYTES``, ``422`` listing each field's problem, ``429`` over a quota
  (``Retry-After``), ``503`` when the database cannot take it (``Retry-After``).
- ``GET /api/v1/suggestions/{ref}`` -> ``200 {"ref", "kind", "target", "status",
  "created", "updated"}`` (never the contact, the values or the note); ``404`` for an
  unknown reference, ``503`` when the database cannot be read.

Errors are RFC 9457 problem details; their ``errors[].reason`` and ``detail`` are in
the language ``?lang=`` or ``Accept-Language`` asks for (English or Hebrew). The
database work runs in Starlette's thread pool, never on the event loop that carries
every visitor's websocket. ``REQUEST_SCHEMA`` and ``RESPONSE_SCHEMAS`` describe the
resource for the API's OpenAPI description.
"""

from __future__ import annotations

import json
import logging

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from mapping import store, suggestions, vocab
from mapping.api.operation import PREFIX
from mapping.api.problems import problem
from mapping.i18n import DEFAULT, Message, parse_lang
from mapping.rules import ID_PATTERN, MAX_ID_LENGTH, MIN_YEAR
from mapping.store import suggestions as kept
from mapping.validate import MAX_LENGTHS, Problem

PATH = f"{PREFIX}/suggestions"
PAGE_PATH = "/contribute"
MAX_BODY_BYTES = 64 * 1024
JSON_MEDIA_TYPES = ("application/json",)
# How long a client should wait before trying again when the database is down.
RETRY_UNAVAILABLE_S = 30
_log = logging.getLogger("atlas.api.suggestions")

_TEXT = {"type": "string"}
_YEAR = {"type": ["string", "integer"], "description": f"A year, {MIN_YEAR} to this year."}
# An organisation's id: the rule of ``mapping.rules.is_id``.
_ID = {"type": "string", "pattern": f"^{ID_PATTERN}$", "maxLength": MAX_ID_LENGTH}
_MULTI = {
    "oneOf": [
        {"type": "array", "items": {"type": "string"}},
        {"type": "string", "description": "Values separated by ';', as in the dataset's CSV."},
    ]
}


def _field_schema(name: str) -> dict:
    """The JSON Schema of one field of ``values``."""
    if name in ("roles", "domains"):
        vocabulary = vocab.VOCABULARIES[name]
        return {**_MULTI, "description": f"Any of: {', '.join(vocabulary)}."}
    if name == "network":
        return {**_MULTI, "description": "The named networks it belongs to."}
    if name in ("org_type", "scope"):
        return {"type": "string", "enum": list(vocab.VOCABULARIES[name])}
    if name == "relation":
        return {"type": "string", "enum": list(vocab.RELATIONS)}
    if name in ("source_id", "target_id"):
        return _ID
    if name in ("year_started", "year_ended", "since", "until"):
        return _YEAR
    if name in ("latitude", "longitude"):
        return {"type": ["string", "number"]}
    if name == "country_code":
        return {"type": "string", "description": "ISO 3166-1 alpha-2 (a country name is read)."}
    schema = dict(_TEXT)
    if name in MAX_LENGTHS:
        schema["maxLength"] = MAX_LENGTHS[name]
    if name == "website":
        schema["format"] = "uri"
    return schema


LINK_KEY_SCHEMA = {
    "type": "object",
    "required": list(suggestions.LINK_KEY_FIELDS),
    "additionalProperties": False,
    "properties": {name: _field_schema(name) for name in suggestions.LINK_KEY_FIELDS},
}
# The request body (JSON Schema 2020-12), for the OpenAPI description.
REQUEST_SCHEMA = {
    "type": "object",
    "required": ["kind", "source"],
    "additionalProperties": False,
    "properties": {
        "kind": {"type": "string", "enum": list(suggestions.KINDS)},
        "target": {
            "description": "What a correction or removal is about: an organisation id, or a link.",
            "oneOf": [_ID, LINK_KEY_SCHEMA, {"type": "null"}],
        },
        "values": {
            "type": "object",
            "description": (
                "Fields of the dataset's schema and their values: a new organisation's "
                "(name, roles and country_code required), a new link's (source_id, "
                "target_id, relation required), or the fields a correction changes."
            ),
            "properties": {
                name: _field_schema(name)
                for name in (*suggestions.ORGANISATION_FIELDS, *suggestions.LINK_FIELDS)
            },
            "additionalProperties": False,
        },
        "source": {"type": "string", "format": "uri", "maxLength": MAX_LENGTHS["source"]},
        "reason": {"type": "string", "maxLength": MAX_LENGTHS["reason"]},
        "note": {"type": "string", "maxLength": MAX_LENGTHS["note"]},
        "contact": {
            "description": "Never shown: a name, an email, 'Name <email>', or an object.",
            "oneOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {"name": _TEXT, "email": {"type": "string", "format": "email"}},
                },
            ],
        },
        "lang": {"type": "string", "enum": ["en", "he"]},
    },
}
RESPONSE_SCHEMAS = {
    "created": {
        "type": "object",
        "required": ["ref", "status", "created", "status_url", "page_url"],
        "properties": {
            "ref": {"type": "string", "pattern": r"^S-\d{6,}$"},
            "status": {"type": "string", "enum": ["pending"]},
            "created": {"type": "string", "format": "date-time"},
            "status_url": {"type": "string"},
            "page_url": {"type": "string"},
        },
    },
    "status": {
        "type": "object",
        "required": ["ref", "kind", "target", "status", "created", "updated"],
        "properties": {
            "ref": {"type": "string"},
            "kind": {"type": "string", "enum": list(suggestions.KINDS)},
            "target": REQUEST_SCHEMA["properties"]["target"],
            "status": {"type": "string"},
            "created": {"type": "string", "format": "date-time"},
            "updated": {"type": "string", "format": "date-time"},
        },
    },
}
# What each answer means, for the OpenAPI description.
RESPONSES = {
    "post": {
        201: "Committed: quote the reference.",
        413: "The body is too large.",
        415: "The body is not a JSON object sent as application/json.",
        422: "Problems with fields: errors[] names each.",
        429: "A quota is used up: see Retry-After.",
        503: "Suggestions are paused (the database): see Retry-After.",
    },
    "get": {200: "The suggestion's status.", 404: "No such reference.", 503: "Paused."},
}


def _lang(request: Request) -> str:
    """The language of the answer's texts: ``?lang=``, else ``Accept-Language``, else English."""
    asked = request.query_params.get("lang") or request.headers.get("accept-language", "")
    return parse_lang(asked.split(",")[0]) if asked else DEFAULT


def _text(message: Message, lang: str) -> str:
    return message.render(lang)


def _errors(problems: list[Problem], lang: str) -> list[dict[str, str]]:
    """The ``errors`` member: each problem's field, value and reason."""
    return [{"field": p.field, "value": p.value, "reason": p.render(lang)} for p in problems]


def _unavailable(error: store.UnavailableError, lang: str) -> JSONResponse:
    """503: the database is off or down; nothing was kept."""
    key = "api.problem.off" if error.reason == "off" else "api.problem.suggestions_unavailable"
    return problem(
        503,
        _text(Message(key), lang),
        title="Suggestions are paused",
        headers={"Retry-After": str(RETRY_UNAVAILABLE_S)},
    )


async def _body(request: Request, lang: str) -> tuple[bytes | None, JSONResponse | None]:
    """The request's bytes, or the 413 for a body above ``MAX_BODY_BYTES``."""
    declared = request.headers.get("content-length", "")
    too_large = problem(413, _text(Message("api.problem.too_large", limit=MAX_BODY_BYTES), lang))
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        return None, too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None, too_large
        chunks.append(chunk)
    return b"".join(chunks), None


async def create(request: Request) -> Response:
    """``POST /api/v1/suggestions``: check, keep under the quotas, answer with the reference."""
    lang = _lang(request)
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    not_json = problem(415, _text(Message("api.problem.not_json"), lang))
    if media_type not in JSON_MEDIA_TYPES and not media_type.endswith("+json"):
        return not_json
    raw, refused = await _body(request, lang)
    if refused is not None:
        return refused
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):  # not UTF-8 or not JSON; nested beyond reason
        return not_json
    suggestion, problems = suggestions.suggestion_from_json(body)
    if suggestion is None:
        return not_json
    reference = await run_in_threadpool(suggestions.Reference.load)
    problems += suggestions.check(suggestion, reference)
    if problems:
        detail = Message("api.problem.invalid", n=len(problems))
        return problem(422, _text(detail, lang), errors=_errors(problems, lang))
    secret = suggestions.client_secret()
    address = suggestions.client_address(
        request.client.host if request.client else None,
        request.headers.get("x-forwarded-for"),
        suggestions.trusted_proxies(),
    )
    try:
        receipt = await run_in_threadpool(
            kept.submit,
            suggestion.row(reference),
            suggestions.client_key(address, secret),
            suggestions.Limits.from_env(),
        )
    except kept.QuotaExceededError as error:
        return _over_quota(error, lang)
    except store.UnavailableError as error:
        _log.warning("a suggestion was refused: %s", error)
        return _unavailable(error, lang)
    status_url = f"{PATH}/{receipt.ref}"
    return JSONResponse(
        {
            "ref": receipt.ref,
            "status": receipt.status,
            "created": kept.iso_time(receipt.created_at),
            "status_url": status_url,
            "page_url": f"{PAGE_PATH}?ref={receipt.ref}",
        },
        status_code=201,
        headers={"Location": status_url, "Cache-Control": "no-store"},
    )


def _over_quota(error: kept.QuotaExceededError, lang: str) -> JSONResponse:
    """429: this client's hour, or the day's ceiling, is used up."""
    limits = suggestions.Limits.from_env()
    if error.scope == "global":
        detail = Message("api.problem.quota_global", limit=limits.per_day)
    else:
        minutes = max(1, -(-error.retry_after // 60))
        detail = Message("api.problem.quota_client", limit=limits.per_client_hour, n=minutes)
    return problem(
        429,
        _text(detail, lang),
        headers={"Retry-After": str(error.retry_after)},
        scope=error.scope,
    )


async def read(request: Request) -> Response:
    """``GET /api/v1/suggestions/{ref}``: the kind, target, status and dates of a suggestion."""
    lang = _lang(request)
    ref = request.path_params["ref"]
    not_found = problem(404, _text(Message("api.problem.not_found", ref=ref), lang))
    if suggestions.parse_ref(ref) is None:
        return not_found
    try:
        found = await run_in_threadpool(kept.status, ref)
    except store.UnavailableError as error:
        return _unavailable(error, lang)
    if found is None:
        return not_found
    return JSONResponse(
        {
            "ref": found["ref"],
            "kind": found["kind"],
            "target": found["target"],
            "status": found["status"],
            "created": found["created_at"],
            "updated": found["updated_at"],
        },
        headers={"Cache-Control": "no-store"},
    )


def routes() -> list[BaseRoute]:
    """The suggestion resource's routes."""
    return [
        Route(PATH, create, methods=["POST"], name="suggestions.create"),
        Route(PATH + "/{ref}", read, methods=["GET"], name="suggestions.read"),
    ]
