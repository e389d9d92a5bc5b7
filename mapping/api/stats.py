"""``/api/v1/stats``: the numbers behind the Charts page's charts of a view.

The same rows the Charts page draws (``charts.chart_rows``: the growth chart every year,
the as-of year marked), counted the same way (``charts.numbers``).
"""

from __future__ import annotations

from starlette.responses import Response

from mapping import charts
from mapping.api import views
from mapping.api.operation import Call, Operation
from mapping.api.organisations import json_response
from mapping.api.params import LANG, choice_param

BY = choice_param("by", "api.param.by", charts.ADOPTION_BY)


def get_stats(call: Call) -> Response:
    """The view's counts by region, role, domain, year and country."""
    query = call.query
    chosen = views.selection(call.dataset, query.filters)
    frame = chosen.frame
    return json_response(
        {
            "count": frame.count,
            "total": len(frame.all),
            "description": chosen.caption(query.lang),
            "view": call.page_url("charts", _page_params(call)),
            "by": query["by"],
            "asof": query.filters.asof,
            "charts": charts.numbers(frame, query.lang, query["by"]),
            "dataset": call.dataset_member(),
        }
    )


def _page_params(call: Call) -> dict[str, str]:
    """The Charts page's parameters for this view (its grouping when not the default)."""
    params = call.query.filters.to_query_params()
    if call.query["by"] != BY.default:
        params["by"] = call.query["by"]
    return params


OPERATIONS = (
    Operation(
        name="getStats",
        path="/stats",
        run=get_stats,
        schema="Stats",
        tag="stats",
        filters=True,
        params=(BY, LANG),
    ),
)
