"""``/api/v1/openapi.json``: the OpenAPI 3.1 description, generated from what the API is.

Nothing here is written twice: the paths and their parameters come from each resource
module's ``OPERATIONS`` (``mapping.api.MODULES``), the filters' parameters from the filter
registry (``mapping.filters.FIELDS``: key, schema, documentation), and the schemas of
organisations and links from the dataset's own Table Schema (``data/datapackage.json``,
itself generated from the code's vocabularies) plus the columns the loader derives.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from typing import Any

from starlette.responses import Response

from mapping import vocab
from mapping.api.operation import DATA_HEADERS, Call, Operation
from mapping.api.params import GEOJSON, JSON, JSONLD, Format, Param
from mapping.data import MULTI_VALUED, PRECISIONS, YEAR_FIELDS
from mapping.datapackage import CHANGE_COLUMNS, CHANGE_FIELDS
from mapping.export import EXPORT_COLUMNS
from mapping.filters import FIELDS
from mapping.i18n import t
from mapping.paths import DATAPACKAGE_FILE

OPENAPI_VERSION = "3.1.0"
API_VERSION = "1.0.0"
# OpenAPI descriptions are in English (the docs page, /api/v1/docs, is in both languages).
DOC_LANG = "en"
_TYPES = {"string": "string", "number": "number", "integer": "integer", "date": "string"}
_VOCABULARIES = {"roles": vocab.ROLES, "domains": vocab.DOMAINS}
_DERIVED = {
    "world_region": {"type": "string", "enum": list(vocab.WORLD_REGIONS)},
    "location_precision": {"type": "string", "enum": list(PRECISIONS)},
}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


@functools.cache
def _table_schemas() -> Mapping[str, Mapping[str, dict]]:
    """The data package's Table Schema fields, by resource and field name (read once)."""
    package = json.loads(DATAPACKAGE_FILE.read_text(encoding="utf-8"))
    return {
        resource["name"]: {field["name"]: field for field in resource["schema"]["fields"]}
        for resource in package["resources"]
    }


def _column(name: str, field: Mapping[str, Any] | None) -> dict:
    """The JSON Schema of one column as the API writes it, from its Table Schema field."""
    field = field or {}
    constraints = field.get("constraints", {})
    if name in MULTI_VALUED:
        items: dict = {"type": "string"}
        if name in _VOCABULARIES:
            items["enum"] = list(_VOCABULARIES[name])
        schema: dict = {"type": "array", "items": items}
    elif name in _DERIVED:
        schema = dict(_DERIVED[name])
    elif name in YEAR_FIELDS or name in ("since", "until"):
        schema = {"type": ["integer", "null"], "minimum": constraints.get("minimum", 1900)}
    else:
        schema = {"type": _TYPES.get(field.get("type", "string"), "string")}
        for key in ("minimum", "maximum", "enum"):
            if key in constraints:
                schema[key] = constraints[key]
        if field.get("type") == "date":
            schema["format"] = "date"
    description = field.get("description") or t(f"api.field.{name}", DOC_LANG)
    return {"description": description, **schema}


def organisation_schema() -> dict:
    """An organisation: every export column (``fields`` may choose some)."""
    fields = _table_schemas()["organisations"]
    return {
        "type": "object",
        "properties": {name: _column(name, fields.get(name)) for name in EXPORT_COLUMNS},
        "additionalProperties": False,
    }


def link_schema() -> dict:
    """A link: the links file's columns, with both organisations' names."""
    fields = _table_schemas()["relationships"]
    properties = {}
    for name in ("source_id", "source_name", "relation", "target_id", "target_name"):
        properties[name] = _column(name, fields.get(name))
    for name in ("since", "until", "source", "checked", "note"):
        properties[name] = _column(name, fields.get(name))
    return {"type": "object", "properties": properties, "additionalProperties": False}


def _object(required: Iterable[str], **properties: dict) -> dict:
    return {"type": "object", "required": list(required), "properties": properties}


_TEXT = {"type": "string"}
_COUNT = {"type": "integer", "minimum": 0}
_URL = {"type": "string", "format": "uri"}
_NEXT = {"type": ["string", "null"], "format": "uri"}


def _list(items: dict, counted: bool = True) -> dict:
    properties: dict = {
        "count": _COUNT,
        "description": _TEXT,
        "view": _URL,
        "items": {"type": "array", "items": items},
        "dataset": _ref("Dataset"),
    }
    if counted:
        properties |= {"total": _COUNT, "next": _NEXT}
    return _object(properties, **properties)


def schemas() -> dict:
    """Every component schema the operations answer with."""
    dataset = _object(
        ("title", "version", "edition", "date", "revision", "licence", "licence_url", "citation"),
        title=_TEXT,
        version=_TEXT,
        edition={**_TEXT, "description": t("api.header.Atlas-Edition", DOC_LANG)},
        date=_TEXT,
        revision=_TEXT,
        modified=_TEXT,
        licence=_TEXT,
        licence_url=_URL,
        citation=_TEXT,
    )
    organisation = organisation_schema()
    detail = {
        "type": "object",
        "required": [*EXPORT_COLUMNS, "links", "history", "view", "dataset"],
        "properties": {
            **organisation["properties"],
            "links": {"type": "array", "items": _ref("Link")},
            "history": {
                "type": ["array", "null"],
                "items": _ref("Change"),
                "description": t("api.field.history", DOC_LANG),
            },
            "view": _URL,
            "dataset": _ref("Dataset"),
        },
        "additionalProperties": False,
    }
    network = _object(
        ("id", "name", "runner", "members", "total_members", "organisations", "view"),
        id=_TEXT,
        name=_TEXT,
        runner=_object(("id", "name"), id=_TEXT, name=_TEXT),
        members=_COUNT,
        total_members=_COUNT,
        organisations=_URL,
        view=_URL,
    )
    count_of = {"organisations": _COUNT, "label": _TEXT}
    region = {"world_region": {"type": "string", "enum": list(vocab.WORLD_REGIONS)}}
    stats = _object(
        ("count", "total", "description", "view", "by", "asof", "charts", "dataset"),
        count=_COUNT,
        total=_COUNT,
        description=_TEXT,
        view=_URL,
        by={"type": "string", "enum": ["region", "role"]},
        asof={"type": ["integer", "null"]},
        charts=_object(
            ("regions", "roles", "domains", "growth", "countries"),
            regions=_rows(**region, **count_of),
            roles=_rows(**region, role={"enum": list(vocab.ROLES)}, **count_of),
            domains=_rows(**region, domain={"enum": list(vocab.DOMAINS)}, **count_of),
            growth=_rows(year={"type": "integer"}, group=_TEXT, **count_of),
            countries=_rows(country_code=_TEXT, **count_of),
        ),
        dataset=_ref("Dataset"),
    )
    oembed = _object(
        ("version", "type", "html", "width", "height"),
        version={"const": "1.0"},
        type={"const": "rich"},
        title=_TEXT,
        provider_name=_TEXT,
        provider_url=_URL,
        cache_age={"type": "integer"},
        html=_TEXT,
        width={"type": "integer"},
        height={"type": "integer"},
    )
    problem = _object(
        ("type", "title", "status"),
        type={"type": "string", "format": "uri-reference"},
        title=_TEXT,
        status={"type": "integer"},
        detail=_TEXT,
        errors={
            "type": "array",
            "items": _object(
                ("parameter", "value", "reason"), parameter=_TEXT, value=_TEXT, reason=_TEXT
            ),
        },
        id=_TEXT,
        name=_TEXT,
        removed_at={"type": "string", "format": "date-time"},
        reason=_TEXT,
        moderator=_TEXT,
        view=_URL,
        suggestion=_TEXT,
    )
    change = {
        "type": "object",
        "required": list(CHANGE_COLUMNS),
        "properties": {
            name: {
                **({"type": "integer"} if name == "id" else {}),
                **({"type": ["integer", "null"]} if name == "edition" else {}),
                **({"type": "string", "format": "date-time"} if name == "changed_at" else {}),
                **({} if name in ("id", "edition", "changed_at") else _TEXT),
                "description": CHANGE_FIELDS[name][1],
            }
            for name in CHANGE_COLUMNS
        },
        "additionalProperties": False,
    }
    index = _object(
        ("title", "resources", "openapi", "docs", "dataset"),
        title=_TEXT,
        resources={"type": "object", "additionalProperties": _URL},
        openapi=_URL,
        docs=_URL,
        dataset=_ref("Dataset"),
    )
    return {
        "Dataset": dataset,
        "Organisation": organisation,
        "OrganisationList": _list(_ref("Organisation")),
        "OrganisationDetail": detail,
        "Change": change,
        "Link": link_schema(),
        "LinkList": _list(_ref("Link")),
        "Network": network,
        "NetworkList": _list(_ref("Network"), counted=False),
        "Stats": stats,
        "OEmbed": oembed,
        "Problem": problem,
        "Index": index,
        "OpenAPI": {"type": "object", "required": ["openapi", "paths"]},
    }


def _rows(**properties: dict) -> dict:
    return {"type": "array", "items": _object(properties, **properties)}


def _parameter(param: Param) -> dict:
    description = t(param.doc, DOC_LANG)
    parameter: dict = {
        "name": param.name,
        "in": param.location,
        "required": param.required or param.location == "path",
        "description": description,
        "schema": dict(param.schema),
        **param.openapi,
    }
    if param.example:
        parameter["example"] = param.example
    return parameter


def filter_parameters() -> list[dict]:
    """The filters' parameters, from the registry: the page URLs' names and meanings."""
    parameters = []
    for field in FIELDS:
        schema = field.schema()
        parameter = {
            "name": field.key,
            "in": "query",
            "required": False,
            "description": t(field.doc, DOC_LANG),
            "schema": schema,
        }
        if schema.get("type") == "array":
            parameter |= {"style": "form", "explode": False}
        if field.example():
            parameter["example"] = (
                [field.example()] if schema.get("type") == "array" else field.example()
            )
        parameters.append(parameter)
    return parameters


def _content(operation: Operation) -> dict:
    content = {}
    for format in operation.formats:
        content[format.media_type] = {"schema": _format_schema(operation, format)}
    return content


def _format_schema(operation: Operation, format: Format) -> dict:
    """The schema of an answer in one format (CSV and HTML are text)."""
    if format is JSON:
        return _ref(operation.schema)
    if format is JSONLD:
        return {"type": "object", "required": ["@context", "@type"]}
    if format is GEOJSON:
        return _object(
            ("type", "features"),
            type={"const": "FeatureCollection"},
            features={"type": "array"},
            metadata={"type": "object"},
        )
    return {"type": "string"}


# What every answer says about the data (mapping.api.operation.data_headers), described once.
HEADERS = ("ETag", "Last-Modified", *DATA_HEADERS)


def _data_headers() -> dict:
    """The response headers that name the data, for the description of a 200."""
    return {
        name: {"description": t(f"api.header.{name}", DOC_LANG), "schema": {"type": "string"}}
        for name in HEADERS
    }


def _problem(description_key: str) -> dict:
    return {
        "description": t(description_key, DOC_LANG),
        "content": {"application/problem+json": {"schema": _ref("Problem")}},
    }


def _responses(operation: Operation) -> dict:
    responses: dict = {
        "200": {"description": t(f"api.op.{operation.name}.summary", DOC_LANG)},
        "304": {"description": t("api.response.304", DOC_LANG)},
        "400": _problem("api.response.400"),
        "503": _problem("api.response.503"),
    }
    responses["200"]["content"] = _content(operation)
    responses["200"]["headers"] = _data_headers()
    if operation.not_found:
        responses["404"] = _problem("api.response.404")
    for status, key in operation.responses.items():
        responses[str(status)] = _problem(key)
    return responses


def document(
    base: str, operations: Iterable[Operation], extra_schemas: Mapping[str, dict] | None = None
) -> dict:
    """The OpenAPI 3.1 description of ``operations``, served from ``base``.

    ``extra_schemas`` are the component schemas other modules declare (``SCHEMAS``: a
    write's request body, its answer).
    """
    paths: dict = {}
    for operation in operations:
        parameters = [_parameter(p) for p in operation.path_params]
        if operation.filters:
            parameters += filter_parameters()
        parameters += [_parameter(p) for p in operation.params]
        described: dict = {
            "operationId": operation.name,
            "tags": [operation.tag],
            "summary": t(f"api.op.{operation.name}.summary", DOC_LANG),
            "description": t(f"api.op.{operation.name}.description", DOC_LANG),
            "parameters": parameters,
            "responses": _responses(operation),
        }
        if operation.request_body:
            described["requestBody"] = {
                "required": True,
                "content": {"application/json": {"schema": _ref(operation.request_body)}},
            }
        paths.setdefault(operation.url_path, {})[operation.method.lower()] = described
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": t("api.title", DOC_LANG),
            "version": API_VERSION,
            "summary": t("api.summary", DOC_LANG),
            "description": t("api.description", DOC_LANG),
            "license": {"name": "CC BY 4.0", "identifier": "CC-BY-4.0"},
        },
        "servers": [{"url": base}],
        "externalDocs": {"url": f"{base}/api/v1/docs", "description": t("api.docs", DOC_LANG)},
        "tags": [
            {"name": tag, "description": t(f"api.tag.{tag}", DOC_LANG)}
            for tag in dict.fromkeys(operation.tag for operation in operations)
        ],
        "paths": paths,
        "components": {"schemas": {**schemas(), **(extra_schemas or {})}},
    }


def get_openapi(call: Call) -> Response:
    """The OpenAPI description of every operation of the API."""
    from mapping.api import declared_schemas, operations  # the package imports this module

    described = document(call.base, operations(), declared_schemas())
    body = json.dumps(described, ensure_ascii=False, indent=1)
    return Response(body.encode("utf-8"), media_type=JSON.media_type)


OPERATIONS = (
    Operation(
        name="getOpenapi",
        path="/openapi.json",
        run=get_openapi,
        schema="OpenAPI",
        tag="about",
    ),
)
