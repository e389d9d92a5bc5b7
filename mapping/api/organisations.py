"""``/api/v1/organisations`` and ``/api/v1/organisations/{id}``: the organisations of a view.

The list takes every filter of the page URLs and selects with the page's own code
(``views.selection``), so ``/api/v1/organisations?role=funding`` holds the rows that
``/?role=funding`` maps and the Data page downloads. JSON comes a page at a time
(``limit``, ``cursor``); CSV (exactly the Data page's CSV download) and GeoJSON hold every
matching row, streamed. One organisation comes with its links, also as JSON-LD
(schema.org ``Organization``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from starlette.responses import Response, StreamingResponse

from mapping import dataset as live
from mapping import export
from mapping.api import views
from mapping.api.operation import Call, Operation, gone, not_found
from mapping.api.params import (
    CSV,
    CURSOR,
    GEOJSON,
    JSON,
    JSONLD,
    LANG,
    LIMIT,
    fields_param,
    format_param,
    id_param,
    sort_param,
)
from mapping.dataset import organisation_names
from mapping.provenance import Provenance
from mapping.release import public_change

CHUNK_ROWS = export.CHUNK_ROWS
SCHEMA_ORG = "https://schema.org"


def json_response(body: object) -> Response:
    """A JSON answer (UTF-8, non-ASCII text kept as it is)."""
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(data, media_type=JSON.media_type)


def _attachment(name: str) -> dict[str, str]:
    """Name the file a browser saves (shown inline where it can be)."""
    return {"Content-Disposition": f'inline; filename="{name}"'}


def _items(organisations: views.Organisations, positions, fields: Sequence[str] | None) -> str:
    """The JSON array of these organisations (all their fields, or ``fields`` in that order)."""
    if fields is None:
        return "[" + ",".join(organisations.json[p] for p in positions) + "]"
    records = organisations.records
    chosen = [{name: records[p][name] for name in fields} for p in positions]
    return json.dumps(chosen, ensure_ascii=False, separators=(",", ":"))


def list_organisations(call: Call) -> Response:
    """The organisations a view's filters select: a JSON page, or every row as CSV or GeoJSON."""
    query, dataset = call.query, call.dataset
    chosen = views.selection(dataset, query.filters)
    organisations = views.organisations(dataset)
    sort, fields = query["sort"], query["fields"]
    if query.format is CSV:
        ordered = organisations.ordering.order(chosen.positions, sort)
        rows = dataset.organisations.iloc[ordered]
        return StreamingResponse(
            export.iter_csv(rows, fields or export.EXPORT_COLUMNS, rows=CHUNK_ROWS),
            media_type=CSV.content_type,
            headers=_attachment(export.CSV_NAME),
        )
    if query.format is GEOJSON:
        ordered = organisations.ordering.order(chosen.positions, sort)
        metadata = _provenance(call, chosen).as_dict()
        return StreamingResponse(
            _geojson(organisations, ordered, fields, metadata),
            media_type=GEOJSON.content_type,
            headers=_attachment(export.CSV_NAME.replace(".csv", ".geojson")),
        )
    page = views.page_of(
        organisations.ordering, chosen.positions, sort, query["limit"], query["cursor"]
    )
    head = {
        "count": chosen.frame.count,
        "total": len(chosen.frame.all),
        "description": chosen.caption(query.lang),
        "view": call.page_url(""),
        "next": call.next_url(page.next),
    }
    # The items are joined from each organisation's JSON, made once per data version.
    body = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1]
    body += ',"items":' + _items(organisations, page.positions, fields)
    body += ',"dataset":' + json.dumps(call.dataset_member(), ensure_ascii=False) + "}"
    return Response(body.encode("utf-8"), media_type=JSON.media_type)


def _provenance(call: Call, chosen: views.Selection) -> Provenance:
    """How this answer was made, as the Data page's exports say it."""
    frame = chosen.frame
    return Provenance.from_view(
        frame.filters,
        shown=frame.count,
        total=len(frame.all),
        permalink=call.page_url(""),
        metadata=call.metadata(),
        names=organisation_names(call.dataset, "en"),
        undated=frame.undated,
        edition=call.dataset.edition,
    )


def _geojson(
    organisations: views.Organisations,
    ordered,
    fields: Sequence[str] | None,
    metadata: dict,
) -> Iterator[bytes]:
    """A GeoJSON FeatureCollection of these organisations, in pieces (for streaming)."""
    head = json.dumps({"type": "FeatureCollection", "metadata": metadata}, ensure_ascii=False)
    yield (head[:-1] + ',"features":[').encode("utf-8")
    records = organisations.records
    for start in range(0, len(ordered), CHUNK_ROWS):
        features = []
        for position in ordered[start : start + CHUNK_ROWS]:
            record = records[position]
            properties = record if fields is None else {name: record[name] for name in fields}
            feature = export.feature(record) | {"properties": properties}
            features.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
        yield (("," if start else "") + ",".join(features)).encode("utf-8")
    yield b"]}"


def get_organisation(call: Call) -> Response:
    """One organisation with its links (every link, either way) and its history, as JSON or
    JSON-LD; a removed one is a 410 saying when and why (ids are never reused)."""
    wanted = call.query.path["id"]
    organisations = views.organisations(call.dataset)
    position = organisations.position.get(wanted)
    view = call.page_url("", {"org": wanted})
    if position is None:
        removal = call.dataset.removed.get(wanted)
        raise not_found("organisation", wanted) if removal is None else gone(removal, view)
    record = organisations.records[position]
    links = views.links(call.dataset)
    touching = [links.records[p] for p in links.touching.get(wanted, ())]
    if call.query.format is JSONLD:
        return Response(
            json.dumps(_json_ld(call, record, touching, view), ensure_ascii=False).encode(),
            media_type=JSONLD.media_type,
        )
    rows = live.history(wanted, call.version)
    history = None if rows is None else [public_change(row) for row in rows]
    body = {
        **record,
        "links": touching,
        "history": history,
        "view": view,
        "dataset": call.dataset_member(),
    }
    response = json_response(body)
    if history is None:  # the database did not answer: ask it again next time
        response.headers["Cache-Control"] = "no-store"
    return response


# schema.org properties of the organisation at either end of a link, by relation and side.
_SCHEMA_ORG_LINKS = {
    ("member_of", "source"): "memberOf",
    ("member_of", "target"): "member",
    ("funds", "target"): "funder",
    ("founded", "target"): "founder",
    ("backbone_of", "target"): "parentOrganization",
}


def _json_ld(call: Call, record: dict, touching: list[dict], view: str) -> dict:
    """The organisation as a schema.org ``Organization`` (JSON-LD)."""
    document: dict = {
        "@context": SCHEMA_ORG,
        "@type": "Organization",
        "@id": view,
        "identifier": record["id"],
        "name": record["name"],
        "description": record["description"],
        "address": {
            "@type": "PostalAddress",
            "addressLocality": record["city"] or None,
            "addressRegion": record["region"] or None,
            "addressCountry": record["country_code"],
        },
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": record["latitude"],
            "longitude": record["longitude"],
        },
        "url": record["website"] or None,
        "alternateName": record["name_he"] or None,
        "foundingDate": None if record["year_started"] is None else str(record["year_started"]),
        "dissolutionDate": None if record["year_ended"] is None else str(record["year_ended"]),
        "knowsAbout": record["domains"],
        "subjectOf": [url for url in record["source"].split(";") if url],
        "isPartOf": {
            "@type": "Dataset",
            "name": call.metadata()["title"],
            "version": call.metadata()["version"],
            "license": call.metadata()["licence_url"],
            "citation": call.metadata()["citation"],
        },
    }
    for link in touching:
        side = "source" if link["source_id"] == record["id"] else "target"
        other = "target" if side == "source" else "source"
        prop = _SCHEMA_ORG_LINKS.get((link["relation"], side))
        if prop is None:
            continue
        document.setdefault(prop, []).append(
            {
                "@type": "Organization",
                "@id": call.page_url("", {"org": link[f"{other}_id"]}),
                "identifier": link[f"{other}_id"],
                "name": link[f"{other}_name"],
            }
        )
    address = {k: v for k, v in document["address"].items() if v is not None}
    document["address"] = address
    return {k: v for k, v in document.items() if v not in (None, [], "")}


ID = id_param("id", "api.param.id", example="tamarack-institute")
OPERATIONS = (
    Operation(
        name="listOrganisations",
        path="/organisations",
        run=list_organisations,
        schema="OrganisationList",
        tag="organisations",
        filters=True,
        formats=(JSON, CSV, GEOJSON),
        params=(
            format_param((JSON, CSV, GEOJSON)),
            LIMIT,
            CURSOR,
            sort_param(views.SORTABLE, "-year_started,name"),
            fields_param(views.ORGANISATION_COLUMNS, "id,name,country_code,roles"),
            LANG,
        ),
    ),
    Operation(
        name="getOrganisation",
        path="/organisations/{id}",
        run=get_organisation,
        schema="OrganisationDetail",
        tag="organisations",
        formats=(JSON, JSONLD),
        params=(format_param((JSON, JSONLD)), LANG),
        path_params=(ID,),
        not_found=True,
        responses={410: "api.response.410"},
    ),
)
