"""The API's contract: a valid OpenAPI 3.1 description, and the API keeps to it for any input.

``openapi-spec-validator`` checks the description; ``schemathesis`` generates requests from
it (valid and invalid values of every parameter, a deterministic, bounded run) and checks
every answer: never a server error, a documented status, the documented content type,
headers and schema.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate
from schemathesis import checks
from schemathesis.generation import GenerationMode
from starlette.applications import Starlette

from mapping import api
from mapping.filters import FIELDS
from tests.test_api import make_client

# No 5xx, and every answer as described. (Not positive_data_acceptance: a value can fit
# the schema and still be refused, such as an id-shaped ``linked`` that no organisation has.)
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
]


@pytest.fixture(scope="module")
def description() -> dict:
    return make_client().get("/api/v1/openapi.json").json()


def test_the_description_is_valid_openapi_3_1(description):
    validate(description)
    assert description["openapi"] == "3.1.0"


def test_the_description_has_every_operation_and_every_filter(description):
    operations = {
        (path, method.upper())
        for path, methods in description["paths"].items()
        for method in methods
    }
    assert operations == {(op.url_path, op.method) for op in api.operations()}
    listing = description["paths"]["/api/v1/organisations"]["get"]
    names = [parameter["name"] for parameter in listing["parameters"]]
    assert names[: len(FIELDS)] == [field.key for field in FIELDS]
    organisation = description["components"]["schemas"]["Organisation"]["properties"]
    assert organisation["roles"]["items"]["enum"] == [
        "consulting",
        "operating",
        "knowledge",
        "funding",
    ]
    assert organisation["id"]["description"] == "Stable slug; never reused."  # the data package


@pytest.fixture(scope="module")
def api_schema():
    app = Starlette(routes=api.routes(), middleware=api.middleware())
    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)


# Examples per operation and mode: 19 runs x 50 = 950 requests, about 30 s.
EXAMPLES = 50


# Every operation with valid values, and those with parameters with invalid ones too.
RUNS = [
    pytest.param(operation, mode, id=f"GET {operation.url_path} {mode.value}")
    for operation in api.operations()
    for mode in GenerationMode
    if mode is GenerationMode.POSITIVE or operation.params or operation.path_params
]


@pytest.mark.parametrize(("operation", "mode"), RUNS)
def test_the_api_keeps_to_its_description(api_schema, operation, mode):
    described = api_schema[operation.url_path][operation.method]

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,  # the same requests on every run
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=described.as_strategy(generation_mode=mode))
    def keeps_to_it(case):
        response = case.call_and_validate(checks=CHECKS)
        assert response.status_code < 500

    keeps_to_it()
