"""``/api/v1/networks``: the named networks, with how many of their members a view holds.

A network's id is the id of the organisation that runs it: the value of the ``network``
filter, so ``/api/v1/organisations?network=<id>`` lists its members.
"""

from __future__ import annotations

from starlette.responses import Response

from mapping.api import views
from mapping.api.operation import Call, Operation
from mapping.api.organisations import json_response
from mapping.api.params import LANG
from mapping.dataset import organisation_names


def list_networks(call: Call) -> Response:
    """Every named network: its runner, its members in the view and in all."""
    query, dataset = call.query, call.dataset
    chosen = views.selection(dataset, query.filters)
    frame = chosen.frame
    names = organisation_names(dataset, query.lang)
    in_force = frame.links
    members = in_force[in_force["relation"] == "member_of"]
    shown = set(frame.shown["id"])
    everyone = members["target_id"].value_counts()
    in_view = members[members["source_id"].isin(shown)]["target_id"].value_counts()
    filters = query.filters.to_query_params()
    items = []
    networks = dataset.networks
    for name, runner in zip(networks["network"], networks["organisation_id"], strict=True):
        items.append(
            {
                "id": runner,
                "name": name,
                "runner": {"id": runner, "name": names.get(runner, runner)},
                "members": int(in_view.get(runner, 0)),
                "total_members": int(everyone.get(runner, 0)),
                "organisations": call.api_url("/organisations", {**filters, "network": runner}),
                "view": call.page_url("network", {**filters, "network": runner}),
            }
        )
    return json_response(
        {
            "count": len(items),
            "description": chosen.caption(query.lang),
            "view": call.page_url("network"),
            "items": items,
            "dataset": call.dataset_member(),
        }
    )


OPERATIONS = (
    Operation(
        name="listNetworks",
        path="/networks",
        run=list_networks,
        schema="NetworkList",
        tag="networks",
        filters=True,
        params=(LANG,),
    ),
)
