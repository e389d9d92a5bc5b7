"""``/api/v1/suggestions`` through Starlette's test client: every answer the resource gives."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from starlette.applications import Starlette
from starlette.testclient import TestClient

from mapping import api, store
from mapping.api import suggestions as resource
from mapping.store import schema
from tests.e2e.servers import free_port
from tests.test_safety import PAYLOADS

URL = "/api/v1/suggestions"
PROBLEM = "application/problem+json"
CORRECTION = {
    "kind": "correction",
    "target": "tamarack-institute",
    "values": {"year_started": 2001},
    "source": "https://example.org/evidence",
    "contact": "Ann Example <ann@example.org>",
    "note": "from the 2001 annual report",
}


@pytest.fixture
def client(tmp_path, monkeypatch):
    """The API on a database of its own."""
    url = f"sqlite:///{tmp_path / 'api.db'}"
    monkeypatch.setenv("ATLAS_DB_URL", url)
    with TestClient(Starlette(routes=api.routes())) as test_client:
        yield test_client
    store.dispose(url)


def test_the_app_mounts_the_resource():
    paths = {route.path for route in api.routes()}
    assert {URL, URL + "/{ref}"} <= paths


def test_a_suggestion_is_committed_then_acknowledged(client):
    answer = client.post(URL, json=CORRECTION)
    assert answer.status_code == 201
    body = answer.json()
    assert body["ref"] == "S-000001"
    assert body["status"] == "pending"
    assert body["status_url"] == answer.headers["location"] == f"{URL}/S-000001"
    assert body["page_url"] == "/contribute?ref=S-000001"
    with store.reading() as connection:  # committed before the answer
        kept = connection.execute(sa.select(schema.suggestions)).mappings().one()
    assert kept["proposed"] == {"year_started": "2001"}
    assert kept["contact_email"] == "ann@example.org"
    assert kept["client_key"]
    assert "testclient" not in kept["client_key"]


def test_the_status_never_shows_the_contact_the_values_or_the_note(client):
    client.post(URL, json=CORRECTION)
    answer = client.get(f"{URL}/S-000001")
    assert answer.status_code == 200
    assert answer.headers["cache-control"] == "no-store"
    body = answer.json()
    assert set(body) == {"ref", "kind", "target", "status", "created", "updated"}
    assert body["kind"] == "correction"
    assert body["target"] == "tamarack-institute"
    assert body["status"] == "pending"
    for private in ("ann@example.org", "Ann Example", "2001", "annual report"):
        assert private not in answer.text


@pytest.mark.parametrize("ref", ["S-000042", "nonsense", "S-0"])
def test_an_unknown_reference(client, ref):
    answer = client.get(f"{URL}/{ref}")
    assert answer.status_code == 404
    assert answer.headers["content-type"] == PROBLEM
    assert answer.json()["detail"] == f"No suggestion has the reference {ref}."


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"kind=correction", "application/x-www-form-urlencoded"),
        (b"just text", "text/plain"),
        (b"{not json", "application/json"),
        (b"\xff\xfe\x00", "application/json"),
        (b"[" * 50_000 + b"]" * 50_000, "application/json"),
        (b"[1, 2]", "application/json"),
        (b'"a string"', "application/json"),
    ],
    ids=["form", "text", "broken", "not utf-8", "nested", "array", "string"],
)
def test_a_body_that_is_not_a_json_object(client, content, content_type):
    answer = client.post(
        URL, content=content[: resource.MAX_BODY_BYTES], headers={"Content-Type": content_type}
    )
    assert answer.status_code == 415
    assert answer.headers["content-type"] == PROBLEM
    assert answer.json()["title"] == "Unsupported Media Type"


def test_a_body_too_large(client):
    big = {**CORRECTION, "note": "x" * resource.MAX_BODY_BYTES}
    answer = client.post(URL, json=big)
    assert answer.status_code == 413
    assert answer.headers["content-type"] == PROBLEM

    def chunks():  # no Content-Length: counted as it arrives
        yield b'{"note": "'
        for _ in range(80):
            yield b"x" * 1024
        yield b'"}'

    answer = client.post(URL, content=chunks(), headers={"Content-Type": "application/json"})
    assert answer.status_code == 413


def test_problems_name_each_field(client):
    answer = client.post(
        URL,
        json={
            "kind": "new_organisation",
            "values": {"name": "X", "roles": "fundng", "year_started": 1850},
            "source": "javascript:alert(1)",
        },
    )
    assert answer.status_code == 422
    assert answer.headers["content-type"] == PROBLEM
    body = answer.json()
    assert body["status"] == 422
    assert body["detail"] == "The suggestion has 4 problems: see errors."
    assert [(e["field"], e["value"]) for e in body["errors"]] == [
        ("source", "javascript:alert(1)"),
        ("values.country_code", ""),
        ("values.roles", "fundng"),
        ("values.year_started", "1850"),
    ]
    assert body["errors"][2]["reason"].endswith("suggestion: funding")


@pytest.mark.parametrize(
    ("how", "value"), [("query", "?lang=he"), ("header", "he-IL,he;q=0.9,en;q=0.5")]
)
def test_problems_in_hebrew(client, how, value):
    path = URL + (value if how == "query" else "")
    headers = {"Accept-Language": value} if how == "header" else {}
    answer = client.post(path, json={"kind": "removal", "target": "kconnect"}, headers=headers)
    assert answer.status_code == 422
    body = answer.json()
    assert body["detail"] == "יש בהצעה שתי בעיות: ראו errors."
    assert body["errors"][0]["reason"] == "ציינו דף אינטרנט שתומך בהצעה"


def test_the_per_client_quota(client, monkeypatch):
    monkeypatch.setenv("ATLAS_SUGGESTIONS_PER_HOUR", "2")
    assert [client.post(URL, json=CORRECTION).status_code for _ in range(3)] == [201, 201, 429]
    answer = client.post(URL, json=CORRECTION)
    assert answer.status_code == 429
    assert answer.headers["content-type"] == PROBLEM
    assert 3500 < int(answer.headers["retry-after"]) <= 3601
    assert answer.json()["scope"] == "client"
    assert "2 suggestions in the last hour" in answer.json()["detail"]
    # Behind HAProxy (a private address), each forwarded address has its own quota, and a
    # client cannot escape its own by sending the header itself.
    app = Starlette(routes=api.routes())
    with TestClient(app, client=("10.0.0.2", 40000)) as proxied:
        for address in ("198.51.100.7", "198.51.100.8"):
            sent = [
                proxied.post(URL, json=CORRECTION, headers={"X-Forwarded-For": address})
                for _ in range(3)
            ]
            assert [answer.status_code for answer in sent] == [201, 201, 429]
    with TestClient(app, client=("203.0.113.9", 40000)) as direct:
        sent = [
            direct.post(URL, json=CORRECTION, headers={"X-Forwarded-For": f"192.0.2.{n}"})
            for n in range(3)
        ]
        assert [answer.status_code for answer in sent] == [201, 201, 429]


def test_the_daily_ceiling(client, monkeypatch):
    monkeypatch.setenv("ATLAS_SUGGESTIONS_PER_DAY", "1")
    assert client.post(URL, json=CORRECTION).status_code == 201
    answer = client.post(URL, json=CORRECTION)
    assert answer.status_code == 429
    assert answer.json()["scope"] == "global"
    assert answer.json()["detail"].startswith("Suggestions are paused")


@pytest.mark.parametrize(
    ("url", "detail"),
    [
        ("off", "This server takes no suggestions."),
        ("postgresql+psycopg://atlas@127.0.0.1:{port}/atlas", "Suggestions are paused"),
    ],
    ids=["off", "down"],
)
def test_a_database_that_cannot_take_it(monkeypatch, url, detail):
    url = url.format(port=free_port())
    monkeypatch.setenv("ATLAS_DB_URL", url)
    try:
        with TestClient(Starlette(routes=api.routes())) as client:
            answer = client.post(URL, json=CORRECTION)
            assert answer.status_code == 503
            assert answer.headers["content-type"] == PROBLEM
            assert answer.headers["retry-after"] == str(resource.RETRY_UNAVAILABLE_S)
            assert answer.json()["detail"].startswith(detail)
            assert client.get(f"{URL}/S-000001").status_code == 503
    finally:
        store.dispose()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_is_data_in_the_answers(client, payload):
    body = {
        "kind": "new_organisation",
        "values": {"name": payload, "roles": ["funding"], "country_code": "US"},
        "source": "https://example.org",
        "note": payload,
    }
    answer = client.post(URL, json=body)
    assert answer.status_code == 201
    with store.reading() as connection:
        kept = (
            connection.execute(
                sa.select(schema.suggestions).where(schema.suggestions.c.note == payload.strip())
            )
            .mappings()
            .one()
        )
    assert kept["proposed"]["name"] == payload.strip()
    refused = client.post(URL, json={**body, "source": payload})
    assert refused.headers["content-type"] == PROBLEM  # JSON, never HTML
    assert json.loads(refused.text)["errors"][0]["value"] == payload.strip()


def test_the_schema_lists_every_field_and_kind():
    schema_ = resource.REQUEST_SCHEMA
    assert schema_["properties"]["kind"]["enum"] == list(resource.suggestions.KINDS)
    fields = set(schema_["properties"]["values"]["properties"])
    assert {"name", "roles", "country_code", "source_id", "relation", "since"} <= fields
    assert "id" not in fields
    assert set(resource.RESPONSES["post"]) == {201, 413, 415, 422, 429, 503}
