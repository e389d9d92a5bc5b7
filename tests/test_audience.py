"""The audience link: a view as one light page, generated once, read as the atlas reads it."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from mapping import audience, network
from mapping.audience import AudiencePages, AudienceView, audience_html
from mapping.dataset import Dataset
from mapping.filters import Filters
from mapping.standalone import external_resources
from mapping.view import MapView
from tests.conftest import ENCODINGS, get_encoded, make_frame
from tests.test_safety import PAYLOADS
from tests.test_standalone import parsed


def run(coroutine):
    """``asyncio.run`` in a thread of its own: a browser test may leave a loop running here."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.mark.parametrize(
    ("query", "filters", "lang", "view", "notices"),
    [
        ({}, Filters(), "en", MapView(), 0),
        ({"role": ["funding"], "lang": ["he"]}, Filters(roles=("funding",)), "he", MapView(), 0),
        # The page's other parameters (its scene, the graph's switch) are not filters.
        ({"scene": ["world"], "partners": ["1"], "by": ["role"]}, Filters(), "en", MapView(), 0),
        (
            {"lat": ["31.77"], "lon": ["35.21"], "zoom": ["7"], "org": ["shitufim"]},
            Filters(),
            "en",
            MapView((31.77, 35.21), 7.0, "shitufim"),
            0,
        ),
        # What cannot be used is named, and the rest still shows.
        ({"role": ["funding,bogus"], "asof": ["1066"]}, Filters(roles=("funding",)), "en", None, 2),
        ({"colour": ["red"], "lang": ["xx"]}, Filters(), "en", MapView(), 1),
        ({"lat": ["100"], "lon": ["0"], "zoom": ["3"]}, Filters(), "en", MapView(), 1),
    ],
)
def test_a_link_is_read_as_the_atlas_reads_it(query, filters, lang, view, notices):
    wanted = AudienceView.parse(query)
    assert wanted.filters == filters
    assert wanted.lang == lang
    if view is not None:
        assert wanted.view == view
    assert len(wanted.notices) == notices


@pytest.mark.parametrize(
    ("query", "link"),
    [
        ({}, "/"),
        ({"lang": ["he"], "role": ["funding"]}, "/?role=funding&lang=he"),
        ({"country": ["CA,AU"], "scene": ["world"]}, "/?country=CA,AU"),
        ({"zoom": ["4"], "lon": ["-100"], "lat": ["40"]}, "/?lat=40&lon=-100&zoom=4"),
        ({"role": ["bogus"]}, "/"),  # only what the atlas can use
    ],
)
def test_the_full_atlas_opens_at_the_same_view(query, link):
    assert AudienceView.parse(query).atlas_link() == link


def small_release() -> Dataset:
    """Three organisations, two without a start year (built in the subprocesses below too)."""
    organisations = make_frame(
        {
            "id": "tamarack",
            "name": "Tamarack Institute",
            "country_code": "CA",
            "roles": "knowledge",
        },
        {"id": "shitufim", "name": "Shitufim", "country_code": "IL", "roles": "funding"},
        {"id": "fsg", "name": "FSG", "roles": "consulting", "year_started": "2000"},
    )
    return Dataset(organisations, network.empty_links(), network.networks_table(), "test-version")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return small_release()


def test_the_page_is_one_self_contained_file(dataset):
    html = audience_html(dataset.organisations, dataset.links, AudienceView.parse({}))
    assert external_resources(html) == []
    assert "L.tileLayer(" not in html  # no street tiles over the hall's Wi-Fi
    text = parsed(html)
    assert text.text["header"].startswith("Collective Impact Atlas3 of 3 organisations")
    assert "Open the full atlas at this view" in text.text["header"]
    assert text.links[0] == "/"


def test_the_page_speaks_the_links_language(dataset):
    query = {"lang": ["he"], "role": ["funding", "bogus"]}
    html = audience_html(dataset.organisations, dataset.links, AudienceView.parse(query))
    assert '<html lang="he">' in html
    assert 'dir="rtl"' in html
    header = parsed(html).text["header"]
    assert "פתיחת האטלס המלא" in header
    assert "bogus" in header  # the notice, in Hebrew, names the value it ignored
    assert parsed(html).links[0] == "/?role=funding&lang=he"


def test_an_as_of_link_says_what_it_leaves_out(dataset):
    html = audience_html(
        dataset.organisations, dataset.links, AudienceView.parse({"asof": ["2015"]})
    )
    assert "2 organisations without a start year are left out." in parsed(html).text["header"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_names_stay_text(payload):
    organisations = make_frame({"name": payload, "description": payload, "city": payload})
    wanted = AudienceView.parse({"q": [payload], "role": [payload], "org": [payload]})
    html = audience_html(organisations, network.empty_links(), wanted)
    assert "<img" not in html
    if "<" in payload:
        assert payload not in html
    assert external_resources(html) == []


def counting_pages(dataset, monkeypatch, kept: int = 32) -> tuple[AudiencePages, list]:
    made: list = []
    real = audience.audience_html

    def counted(organisations, links, wanted, *edition):
        made.append(wanted.query())
        return real(organisations, links, wanted, *edition)

    monkeypatch.setattr(audience, "audience_html", counted)
    return AudiencePages(lambda: dataset, kept=kept), made


@pytest.fixture
def client(dataset, monkeypatch):
    pages, made = counting_pages(dataset, monkeypatch)
    with TestClient(Starlette(routes=audience.routes(pages))) as test_client:
        test_client.made = made
        yield test_client


def fetch(client, query: str, encoding: str, **headers):
    return get_encoded(client, f"/audience{query}", encoding, **headers)


@pytest.mark.parametrize(("encoding", "decode"), ENCODINGS)
def test_the_page_goes_compressed_as_the_browser_accepts(client, encoding, decode):
    response = fetch(client, "?role=funding", encoding)
    assert response.status_code == 200
    assert response.headers.get("content-encoding", "identity") == encoding
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["vary"] == "Accept-Encoding"
    assert response.headers["cache-control"] == "no-cache"
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "connect-src" not in policy  # nothing fetched by script either
    html = decode(response.body).decode("utf-8")
    assert "1 of 3 organisations" in html


def test_each_view_is_generated_once_and_revalidated(client):
    first = fetch(client, "?role=funding&lang=he", "gzip")
    for _ in range(5):
        again = fetch(client, "?lang=he&role=funding", "gzip")  # the same view, reordered
        assert again.body == first.body
    assert client.made == [{"role": "funding", "lang": "he"}]
    known = fetch(
        client, "?role=funding&lang=he", "gzip", **{"If-None-Match": first.headers["etag"]}
    )
    assert known.status_code == 304
    assert known.body == b""
    fetch(client, "?role=knowledge", "gzip")
    assert len(client.made) == 2


def test_a_burst_of_visitors_waits_for_one_generation(dataset, monkeypatch):
    pages, made = counting_pages(dataset, monkeypatch)

    async def burst():
        return await asyncio.gather(*(pages.page(AudienceView.parse({})) for _ in range(200)))

    entries = run(burst())
    assert len(made) == 1
    assert len({id(entry) for entry in entries}) == 1


def test_only_the_latest_views_are_kept(dataset, monkeypatch):
    pages, made = counting_pages(dataset, monkeypatch, kept=2)
    for role in ("funding", "knowledge", "consulting", "funding"):
        run(pages.page(AudienceView.parse({"role": [role]})))
    assert [view["role"] for view in made] == ["funding", "knowledge", "consulting", "funding"]


def test_a_new_release_of_the_data_is_a_new_page(dataset, monkeypatch):
    versions = iter(["v1", "v1", "v2"])
    pages, made = counting_pages(dataset, monkeypatch)
    pages.dataset = lambda: Dataset(
        dataset.organisations, dataset.links, dataset.networks, next(versions)
    )
    for _ in range(3):
        run(pages.page(AudienceView.parse({})))
    assert len(made) == 2


REPLICA_VIEW = {"lang": ["he"], "role": ["funding"], "lat": ["40"], "lon": ["-80"], "zoom": ["5"]}
# One generation of that view in a fresh interpreter (its own hash seed): the page's hash.
GENERATE = """
from tests.test_audience import REPLICA_VIEW, page_hash, small_release
print(page_hash(small_release(), REPLICA_VIEW))
"""


def page_hash(release: Dataset, query: dict) -> str:
    html = audience_html(release.organisations, release.links, AudienceView.parse(query))
    return hashlib.sha256(html.encode("utf-8")).hexdigest()


def test_the_same_view_is_the_same_bytes_on_every_replica(dataset):
    # Two replicas (two page stores) generate the same view: same bytes, same ETags, so a
    # phone's If-None-Match is answered 304 by whichever replica the balancer picks.
    wanted = AudienceView.parse(REPLICA_VIEW)
    first, second = (run(AudiencePages(lambda: dataset).page(wanted)) for _ in range(2))
    assert first is not second
    assert first.bodies == second.bodies
    for encoding in ("gzip", "br", "identity"):
        assert first.etag(encoding) == second.etag(encoding)
    html = gzip.decompress(first.bodies["gzip"]).decode("utf-8")
    assert not re.search(r"_[0-9a-f]{32}\b", html)  # no random element names
    assert not re.search(r"20\d\d-\d\d-\d\dT\d\d:\d\d", html)  # no generation time
    # Other processes (other replicas, a restart), with other hash seeds: the same page.
    root = Path(__file__).resolve().parent.parent
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", GENERATE],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)},
            stdout=subprocess.PIPE,
            text=True,
        )
        for seed in ("1", "2")
    ]
    hashes = [process.communicate(timeout=300)[0].strip() for process in runs]
    assert [process.returncode for process in runs] == [0, 0]
    assert hashes == [page_hash(dataset, REPLICA_VIEW)] * 2
