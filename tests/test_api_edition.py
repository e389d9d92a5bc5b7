"""The API and the audience page name the live edition (the release and the approvals since
it, ``mapping.dataset``): in every answer's headers, in JSON's dataset member, in the
provenance of a GeoJSON export and in the audience page's footer."""

from __future__ import annotations

import asyncio
import gzip
from concurrent.futures import ThreadPoolExecutor

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from mapping import api, edition
from mapping import dataset as live
from mapping.api import views
from mapping.api.operation import ANSWERS
from mapping.audience import AudiencePages, AudienceView
from mapping.store import moderation as mod
from tests.test_live import release_copy, submit  # noqa: F401 - the fixture

BASE = "http://testserver"
ANN = "ann@example.org"


@pytest.fixture
def client(release_copy):  # noqa: F811
    ANSWERS.clear()
    views.clear()
    with TestClient(
        Starlette(routes=api.routes(), middleware=api.middleware()), base_url=BASE
    ) as test_client:
        yield test_client
    ANSWERS.clear()
    views.clear()


def approve(url: str, **row) -> str:
    """Submit a suggestion and approve it as Ann; its reference."""
    ref = submit(url, **row)
    mod.decide(ref, "approve", ANN, release=edition.Release.current(), url=url)
    return ref


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
        # asyncio.run in a thread of its own, as tests/test_audience.py does.
        with ThreadPoolExecutor(1) as pool:
            page = pool.submit(audience_asyncio_page, pages).result()
        html = gzip.decompress(page.bodies["gzip"]).decode("utf-8")
        return html[html.rindex("<footer") :]

    assert f"{version}+1" not in footer()
    correct_first(url, "Corrected for the hall.")
    assert f"{version}+1" in footer()


def audience_asyncio_page(pages: AudiencePages):
    return asyncio.run(pages.page(AudienceView.parse({})))
