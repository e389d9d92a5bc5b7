"""The API and the live edition (the release and the approvals since it, ``mapping.dataset``).

Every answer names the edition (headers, JSON's dataset member, a GeoJSON export's
provenance, the audience page's footer); an organisation carries its history (the change
log's rows about it, moderators by name, never a submitter); a removed organisation is a
410 problem saying when, why and who decided. Answers are checked against the OpenAPI
description's schemas too.
"""

from __future__ import annotations

import gzip

import pytest
from jsonschema import Draft202012Validator
from starlette.testclient import TestClient

from mapping import dataset as live
from mapping import edition
from mapping.api import views
from mapping.api.operation import ANSWERS
from mapping.audience import AudiencePages, AudienceView
from mapping.datapackage import CHANGE_COLUMNS
from mapping.store import UnavailableError
from mapping.store import moderation as mod
from tests.test_api import BASE, make_client
from tests.test_audience import run
from tests.test_live import release_copy, submit  # noqa: F401 - the fixture

ANN = "ann@example.org"


@pytest.fixture
def client(release_copy):  # noqa: F811
    ANSWERS.clear()
    views.clear()
    with make_client() as test_client:
        yield test_client
    ANSWERS.clear()
    views.clear()


def approve(url: str, **row) -> str:
    """Submit a suggestion and approve it as Ann; its reference."""
    ref = submit(url, **row)
    mod.decide(ref, "approve", ANN, release=edition.Release.current(), url=url)
    return ref


def conforms(client: TestClient, body: dict, name: str) -> None:
    """``body`` is valid against the OpenAPI description's schema ``name``."""
    components = client.get("/api/v1/openapi.json").json()["components"]
    schema = {"$ref": f"#/components/schemas/{name}", "components": components}
    errors = [error.message for error in Draft202012Validator(schema).iter_errors(body)]
    assert errors == [], name


def correct_first(url: str, description: str) -> str:
    first = live.current().organisations["id"].iloc[0]
    approve(url, kind="correction", target=first, proposed={"description": description})
    return first


def test_every_answer_names_the_edition(client, release_copy):  # noqa: F811
    _folder, url = release_copy
    version = edition.Release.current().version
    assert client.get("/api/v1/stats").headers["atlas-edition"] == version  # the release
    before = client.get("/api/v1/organisations?limit=1")
    correct_first(url, "Corrected once.")
    correct_first(url, "Corrected twice.")
    named = f"{version}+2"
    for method, path in (
        ("GET", "/api/v1/organisations?limit=1"),
        ("GET", "/api/v1/organisations?role=magic"),  # a 400
        ("GET", "/api/v1/organisations/nobody"),  # a 404
        ("GET", "/api/v1/stats"),
        ("GET", "/api/v1/links?format=csv"),
        ("GET", "/api/v1/openapi.json"),
        ("POST", "/api/v1/organisations"),  # a 405
        ("GET", "/api/v1"),  # the redirect to the index
    ):
        answer = client.request(method, path, follow_redirects=False)
        assert answer.headers["atlas-edition"] == named, (method, path)
        # The release the edition starts from is still said as it was.
        assert answer.headers["atlas-data-version"].startswith(f"{version} (")
    after = client.get("/api/v1/organisations?limit=1")
    assert after.json()["dataset"]["edition"] == named
    assert after.json()["dataset"]["version"] == version
    # Another edition, another answer: a client's copy of the release is not fresh.
    assert after.headers["etag"] != before.headers["etag"]
    again = client.get(
        "/api/v1/organisations?limit=1", headers={"If-None-Match": before.headers["etag"]}
    )
    assert again.status_code == 200
    assert "Corrected twice." in client.get("/api/v1/organisations?format=csv").text


def test_an_export_from_the_api_names_the_edition(client, release_copy):  # noqa: F811
    _folder, url = release_copy
    version = edition.Release.current().version
    correct_first(url, "Corrected in the live edition.")
    body = client.get("/api/v1/organisations?format=geojson").json()
    metadata = body["metadata"]
    assert metadata["edition"] == f"{version}+1"
    assert f"{version}+1" in metadata["source"]
    assert metadata["version"] == version


def test_the_audience_page_names_the_edition(release_copy):  # noqa: F811
    _folder, url = release_copy
    version = edition.Release.current().version
    pages = AudiencePages()  # the live dataset, as app.py mounts it

    def footer() -> str:
        page = run(pages.page(AudienceView.parse({})))
        html = gzip.decompress(page.bodies["gzip"]).decode("utf-8")
        return html[html.rindex("<footer") :]

    assert f"{version}+1" not in footer()
    correct_first(url, "Corrected for the hall.")
    assert f"{version}+1" in footer()


# --- an organisation's history -------------------------------------------------------------

SUBMITTER = {"contact_name": "Sam Submitter", "contact_email": "sam.submitter@example.net"}


def test_an_organisation_carries_its_history_without_anyones_email(client, release_copy):  # noqa: F811
    _folder, url = release_copy
    dataset = live.current()
    first, untouched = dataset.organisations["id"].iloc[:2]
    before = dataset.organisations.set_index("id").loc[first, "description"]
    fixed = approve(url, kind="correction", target=first, source_url="https://example.org/fix",
                    proposed={"description": "Corrected description."}, **SUBMITTER)  # fmt: skip
    refused = submit(url, kind="correction", target=first, proposed={"city": "Elsewhere"},
                     **SUBMITTER)  # fmt: skip
    mod.decide(refused, "reject", ANN, reason="No source says so.",
               release=edition.Release.current(), url=url)  # fmt: skip
    answer = client.get(f"/api/v1/organisations/{first}")
    assert answer.status_code == 200
    body = answer.json()
    assert body["description"] == "Corrected description."
    history = body["history"]
    # The approval set the description and, from its evidence, the organisation's source.
    assert [(row["action"], row["field"]) for row in history] == [
        ("set", "description"),
        ("set", "source"),
        ("reject", ""),
    ]
    change, sourced, rejection = history
    assert sourced["new"].split(";")[-1] == "https://example.org/fix"
    assert change["old"] == before
    assert change["new"] == "Corrected description."
    assert change["source"] == "https://example.org/fix"
    assert change["moderator"] == "Ann"  # who decided, by the name they chose
    assert change["suggestion"] == fixed
    assert change["edition"] == 1
    assert change["changed_at"].endswith("Z")
    assert rejection["reason"] == "No source says so."
    assert rejection["suggestion"] == refused
    assert set(change) == set(CHANGE_COLUMNS)
    # Neither the submitter nor the moderator's email is ever published.
    for private in (*SUBMITTER.values(), ANN):
        assert private not in answer.text
    conforms(client, body, "OrganisationDetail")
    assert client.get(f"/api/v1/organisations/{untouched}").json()["history"] == []


def test_a_rejection_is_a_new_answer_though_no_value_changed(client, release_copy):  # noqa: F811
    _folder, url = release_copy
    first = live.current().organisations["id"].iloc[0]
    before = client.get(f"/api/v1/organisations/{first}")
    assert before.json()["history"] == []
    refused = submit(url, kind="correction", target=first, proposed={"city": "Elsewhere"})
    mod.decide(refused, "reject", ANN, reason="No source says so.",
               release=edition.Release.current(), url=url)  # fmt: skip
    after = client.get(
        f"/api/v1/organisations/{first}", headers={"If-None-Match": before.headers["etag"]}
    )
    assert after.status_code == 200
    assert [row["action"] for row in after.json()["history"]] == ["reject"]


def test_a_history_the_database_cannot_give_is_null_and_not_kept(
    client,
    release_copy,  # noqa: F811
    monkeypatch,
):
    _folder, url = release_copy
    first = correct_first(url, "Corrected while the database still answered.")

    def down(**_kwargs):
        raise UnavailableError("down")

    with monkeypatch.context() as patched:
        patched.setattr(mod, "change_log", down)
        answer = client.get(f"/api/v1/organisations/{first}")
        assert answer.status_code == 200
        assert answer.json()["history"] is None
        assert answer.json()["description"] == "Corrected while the database still answered."
        assert answer.headers["cache-control"] == "no-store"
    # Neither this process nor a cache in between keeps the answer without its history.
    again = client.get(f"/api/v1/organisations/{first}")
    assert [row["field"] for row in again.json()["history"]] == ["description", "source"]


# --- a removed organisation ----------------------------------------------------------------


def remove_one(url: str) -> tuple[str, str, str]:
    """Remove a linked organisation (its links go with it); its id, name and suggestion."""
    dataset = live.current()
    linked = set(dataset.links["source_id"]) | set(dataset.links["target_id"])
    gone = next(org for org in dataset.organisations["id"] if org in linked)
    name = dataset.organisations.set_index("id").loc[gone, "name"]
    ref = approve(url, kind="removal", target=gone, proposed={}, reason="It closed in 2025.",
                  **SUBMITTER)  # fmt: skip
    return gone, name, ref


def test_a_removed_organisation_is_gone_saying_when_and_why(client, release_copy):  # noqa: F811
    _folder, url = release_copy
    gone, name, ref = remove_one(url)
    today = live.current().removed[gone].at.strftime("%Y-%m-%d")
    for accept in ("application/json", "application/ld+json"):
        answer = client.get(f"/api/v1/organisations/{gone}", headers={"Accept": accept})
        assert answer.status_code == 410
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.headers["atlas-edition"] == f"{edition.Release.current().version}+1"
        body = answer.json()
        assert body["type"] == "http://testserver/api/v1/docs#gone"
        assert body["title"] == "Gone"
        assert body["status"] == 410
        assert body["detail"] == (
            f"{name} ({gone}) was removed from the atlas on {today}. Reason: It closed in 2025."
        )
        assert body["id"] == gone
        assert body["name"] == name
        assert body["removed_at"].startswith(today)
        assert body["removed_at"].endswith("Z")
        assert body["reason"] == "It closed in 2025."
        assert body["moderator"] == "Ann"
        assert body["suggestion"] == ref
        # Its page in the atlas, which says the same (tests/test_history_app.py).
        assert body["view"] == f"{BASE}/?org={gone}"
        for private in (*SUBMITTER.values(), ANN):
            assert private not in answer.text
        conforms(client, body, "Problem")
    # In Hebrew: the detail and the page's link in Hebrew.
    hebrew = client.get(f"/api/v1/organisations/{gone}?lang=he").json()
    assert hebrew["detail"].startswith(f"{name} ({gone}) הוסר מהאטלס ב־{today}")
    assert hebrew["view"] == f"{BASE}/?org={gone}&lang=he"
    # Gone from every list, and never mistaken for an id nobody had.
    assert client.get(f"/api/v1/organisations?linked={gone}").status_code == 400
    assert client.get("/api/v1/organisations/nobody-ever").status_code == 404


def test_the_description_documents_history_and_gone(client):
    description = client.get("/api/v1/openapi.json").json()
    operation = description["paths"]["/api/v1/organisations/{id}"]["get"]
    assert "410" in operation["responses"]
    assert "atlas-edition" in {name.lower() for name in operation["responses"]["200"]["headers"]}
    schemas = description["components"]["schemas"]
    assert "history" in schemas["OrganisationDetail"]["required"]
    assert list(schemas["Change"]["properties"]) == list(CHANGE_COLUMNS)
    assert not any("email" in name for name in schemas["Change"]["properties"])
    assert {"removed_at", "reason", "moderator", "view"} <= set(schemas["Problem"]["properties"])
    for lang, said in (("en", "removed from the atlas"), ("he", "הוסר מהאטלס")):
        page = client.get(f"/api/v1/docs?lang={lang}").text
        assert 'id="gone"' in page
        assert said in page
