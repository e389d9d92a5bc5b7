"""``/api/v1/links``: the links among a view's organisations, as the Data page downloads them.

A link is in the view when both its organisations are listed (the shown ones and, under
``linked``, the organisation they are linked to: ``Frame.link_ends``), and, in an as-of
view, when it is in force that year (``Frame.links``). The CSV is exactly the Data page's
links download.
"""

from __future__ import annotations

import numpy as np
from starlette.responses import Response

from mapping import network
from mapping.api import views
from mapping.api.operation import Call, Operation
from mapping.api.organisations import json_response
from mapping.api.params import (
    CSV,
    CURSOR,
    JSON,
    LANG,
    LIMIT,
    fields_param,
    format_param,
    sort_param,
)

CSV_NAME = "collective-impact-links.csv"


def list_links(call: Call) -> Response:
    """The links of the view: a JSON page, or every one as CSV."""
    query, dataset = call.query, call.dataset
    chosen = views.selection(dataset, query.filters)
    links = views.links(dataset)
    positions = chosen.link_positions
    sort, fields = query["sort"], query["fields"]
    if query.format is CSV:
        table = network.links_table(chosen.frame.link_ends, chosen.frame.links)
        rows = np.searchsorted(positions, links.ordering.order(positions, sort))
        table = table.iloc[rows].loc[:, list(fields or views.LINK_COLUMNS)]
        return Response(
            network.csv_bytes(table),
            media_type=CSV.content_type,
            headers={"Content-Disposition": f'inline; filename="{CSV_NAME}"'},
        )
    page = views.page_of(links.ordering, positions, sort, query["limit"], query["cursor"])
    records = [links.records[p] for p in page.positions]
    if fields is not None:
        records = [{name: record[name] for name in fields} for record in records]
    return json_response(
        {
            "count": len(positions),
            "total": len(dataset.links),
            "description": chosen.caption(query.lang),
            "view": call.page_url("network"),
            "next": call.next_url(page.next),
            "items": records,
            "dataset": call.dataset_member(),
        }
    )


OPERATIONS = (
    Operation(
        name="listLinks",
        path="/links",
        run=list_links,
        schema="LinkList",
        tag="links",
        filters=True,
        formats=(JSON, CSV),
        params=(
            format_param((JSON, CSV)),
            LIMIT,
            CURSOR,
            sort_param(views.LINK_SORTABLE, "relation,-since"),
            fields_param(views.LINK_COLUMNS, "source_id,relation,target_id"),
            LANG,
        ),
    ),
)
