"""The HTTP API (mapping/api): resources, formats, paging, problems, caching, CORS, citation.

The API runs in-process here (Starlette's test client on ``mapping.api.routes()``, the
routes ``app.py`` mounts); the browser tests and the benchmarks run it in the real server.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from email.utils import format_datetime
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from mapping import api, charts, export, network
from mapping import dataset as live
from mapping.api import views
from mapping.api.operation import ANSWERS
from mapping.data import DEFAULT_DATASET
from mapping.filters import Filters
from mapping.frame import Frame
from mapping.provenance import load_metadata
from mapping.rules import MAX_ID_LENGTH
from mapping.safety import neutralise_formula
from tests.test_embed import elements
from tests.test_safety import PAYLOADS

BASE = "http://testserver"


def make_client() -> TestClient:
    """The API as app.py mounts it (its routes and middleware), in-process."""
    return TestClient(Starlette(routes=api.routes(), middleware=api.middleware()), base_url=BASE)


@pytest.fixture(scope="module")
def client() -> TestClient:
    return make_client()


@pytest.fixture(autouse=True)
def fresh_answers():
    """Each test asks afresh (kept answers would hide what a test means to exercise)."""
    ANSWERS.clear()
    views.clear()


def frame_of(filters: Filters) -> Frame:
    return Frame.of(live.current(), filters, "en")


def all_pages(client: TestClient, url: str) -> list[dict]:
    """Every item of a JSON list, following ``next`` to the end."""
    items, pages = [], 0
    while url:
        answer = client.get(url)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        items += body["items"]
        url = body["next"]
        pages += 1
        assert pages < 1000
    return items


# --- organisations -----------------------------------------------------------------------


def test_a_list_says_what_it_holds_and_where_the_page_is(client):
    body = client.get("/api/v1/organisations?role=funding&country=CA&limit=5").json()
    expected = frame_of(Filters(roles=("funding",), countries=("CA",)))
    assert body["count"] == expected.count
    assert body["total"] == len(expected.all)
    assert body["description"] == expected.caption
    assert body["view"] == f"{BASE}/?role=funding&country=CA"
    assert [item["id"] for item in body["items"]] == list(expected.shown["id"][:5])
    assert body["dataset"]["licence"] == "CC BY 4.0"
    assert body["dataset"]["citation"] == load_metadata()["citation"]
    assert body["next"].startswith(f"{BASE}/api/v1/organisations?role=funding&country=CA&limit=5")


@pytest.mark.parametrize(
    ("sort", "limit"),
    [
        ("", 7),  # the file's order
        ("name", 50),
        ("-year_started,name", 13),  # blanks last, then by name
        ("country_code,-latitude", 100),
        ("year_ended", 1),  # mostly blank: ties keep the file's order
    ],
)
def test_following_next_gives_every_row_once_in_order(client, sort, limit):
    query = f"region=Canada,Australia&limit={limit}" + (f"&sort={sort}" if sort else "")
    items = all_pages(client, f"/api/v1/organisations?{query}")
    expected = frame_of(Filters(world_regions=("Canada", "Australia"))).shown
    assert sorted(item["id"] for item in items) == sorted(expected["id"])
    assert len({item["id"] for item in items}) == len(items)
    if sort:
        ordered = client.get(
            f"/api/v1/organisations?{query.replace(f'limit={limit}', 'limit=1000')}"
        )
        assert [i["id"] for i in items] == [i["id"] for i in ordered.json()["items"]]
    else:
        assert [item["id"] for item in items] == list(expected["id"])


def test_sorting_puts_blanks_last_either_way(client):
    for sort in ("year_started", "-year_started"):
        items = client.get(f"/api/v1/organisations?sort={sort}&limit=1000").json()["items"]
        years = [item["year_started"] for item in items]
        known = [y for y in years if y is not None]
        assert years[: len(known)] == known  # every blank after every year
        assert known == sorted(known, reverse=sort.startswith("-"))


def test_a_cursor_still_works_for_the_rows_after_it(client):
    first = client.get("/api/v1/organisations?sort=name&limit=3").json()
    cursor = parse_qs(urlsplit(first["next"]).query)["cursor"][0]
    following = client.get(f"/api/v1/organisations?sort=name&limit=3&cursor={cursor}").json()
    names = [i["name"] for i in first["items"]] + [i["name"] for i in following["items"]]
    assert names == sorted(names, key=lambda n: n)


def test_fields_choose_and_order_the_columns(client):
    items = client.get("/api/v1/organisations?fields=name,id,roles&limit=3").json()["items"]
    assert [list(item) for item in items] == [["name", "id", "roles"]] * 3


def test_the_csv_is_the_data_pages_csv_download(client):
    for query in ("role=funding&country=CA", "asof=2013", "q=youth", "linked=fsg", ""):
        answer = client.get(f"/api/v1/organisations?{query}&format=csv")
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "text/csv; charset=utf-8"
        filters = Filters.from_query_params(parse_qs(query))
        assert answer.content == export.to_csv_bytes(frame_of(filters).shown), query


def test_the_accept_header_chooses_the_format(client):
    csv_answer = client.get("/api/v1/organisations?role=knowledge", headers={"Accept": "text/csv"})
    assert csv_answer.headers["content-type"].startswith("text/csv")
    geo = client.get(
        "/api/v1/organisations?role=knowledge", headers={"Accept": "application/geo+json"}
    )
    assert geo.headers["content-type"] == "application/geo+json"
    either = client.get(
        "/api/v1/organisations", headers={"Accept": "text/html;q=0.9, text/csv;q=0.5"}
    )
    assert either.headers["content-type"].startswith("text/csv")  # html is not offered
    assert "Accept" in csv_answer.headers["vary"]


def test_csv_with_fields_and_sort(client):
    answer = client.get("/api/v1/organisations?country=IL&format=csv&fields=id,name&sort=-id")
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    ids = sorted(frame_of(Filters(countries=("IL",))).shown["id"], reverse=True)
    assert rows == [["id", "name"], *([i, n] for i, n in rows[1:])]
    assert [row[0] for row in rows[1:]] == ids


def test_the_geojson_holds_every_row_with_its_provenance(client):
    body = client.get("/api/v1/organisations?role=funding&format=geojson").json()
    expected = frame_of(Filters(roles=("funding",))).shown
    assert body["type"] == "FeatureCollection"
    assert [f["properties"]["id"] for f in body["features"]] == list(expected["id"])
    assert body["features"] == [export.feature(r) for r in export.records(expected)]
    assert body["metadata"]["licence"] == "CC BY 4.0"
    assert body["metadata"]["permalink"] == f"{BASE}/?role=funding"
    assert body["metadata"]["shown"] == len(expected)


def test_an_empty_view_is_an_empty_list_in_every_format(client):
    query = "q=zzzzzz-no-such-words"
    assert client.get(f"/api/v1/organisations?{query}").json()["items"] == []
    assert client.get(f"/api/v1/organisations?{query}").json()["next"] is None
    assert client.get(f"/api/v1/organisations?{query}&format=geojson").json()["features"] == []
    text = client.get(f"/api/v1/organisations?{query}&format=csv").content.decode("utf-8-sig")
    assert text.splitlines() == [",".join(export.EXPORT_COLUMNS)]


def test_one_organisation_with_its_links(client):
    body = client.get("/api/v1/organisations/tamarack-institute").json()
    assert body["id"] == "tamarack-institute"
    links = live.current().links
    touching = links[
        (links["source_id"] == "tamarack-institute") | (links["target_id"] == "tamarack-institute")
    ]
    assert len(body["links"]) == len(touching) > 0
    assert {link["relation"] for link in body["links"]} == set(touching["relation"])
    assert all(link["source_name"] and link["target_name"] for link in body["links"])
    assert body["view"] == f"{BASE}/?org=tamarack-institute"


def test_one_organisation_as_json_ld(client):
    answer = client.get(
        "/api/v1/organisations/tamarack-institute", headers={"Accept": "application/ld+json"}
    )
    assert answer.headers["content-type"] == "application/ld+json"
    body = answer.json()
    assert body["@context"] == "https://schema.org"
    assert body["@type"] == "Organization"
    assert body["name"] == "Tamarack Institute"
    assert body["address"]["addressCountry"] == "CA"
    assert body["isPartOf"]["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert body["member"]  # the Vibrant Communities members link to it
    assert all(member["@type"] == "Organization" for member in body["member"])


# --- links, networks, stats ----------------------------------------------------------------


def test_the_links_csv_is_the_data_pages_links_download(client):
    for query in ("", "asof=2012", "country=CA", "network=strivetogether"):
        frame = frame_of(Filters.from_query_params(parse_qs(query)))
        answer = client.get(f"/api/v1/links?{query}&format=csv")
        assert answer.content == network.to_links_csv_bytes(frame.shown, frame.links), query
        rows = answer.content.decode("utf-8-sig").splitlines()
        body = client.get(f"/api/v1/links?{query}").json()
        assert body["count"] == len(rows) - 1
        assert len(all_pages(client, f"/api/v1/links?{query}&limit=200")) == body["count"]


def test_networks_count_their_members_in_the_view(client):
    items = client.get("/api/v1/networks?country=CA").json()["items"]
    assert len(items) == len(live.current().networks)
    vibrant = next(item for item in items if item["name"] == "Vibrant Communities")
    assert vibrant["id"] == "tamarack-institute"
    members = client.get(vibrant["organisations"]).json()
    runner_in_view = 1  # the network filter keeps the runner too (it is in Canada)
    assert members["count"] == vibrant["members"] + runner_in_view
    assert vibrant["total_members"] >= vibrant["members"] > 0


def test_stats_are_the_charts_numbers(client):
    body = client.get("/api/v1/stats?asof=2015&by=role&lang=he").json()
    frame = frame_of(Filters(asof=2015))
    assert body["charts"] == json.loads(json.dumps(charts.numbers(frame, "he", "role")))
    assert body["count"] == frame.count
    assert body["view"] == f"{BASE}/charts?asof=2015&by=role&lang=he"
    assert sum(row["organisations"] for row in body["charts"]["regions"]) == frame.count


# --- problems ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "parameter", "value"),
    [
        ("role=magic", "role", "magic"),
        ("country=XX", "country", "XX"),
        ("year=soon", "year", "soon"),
        ("year=2015-2010", "year", "2015-2010"),
        ("asof=1850", "asof", "1850"),
        ("linked=%3Cscript%3E", "linked", "<script>"),
        ("linked=nobody-at-all", "linked", "nobody-at-all"),  # id-shaped, not in the data
        ("network=fsg", "network", "fsg"),  # an organisation, but it runs no named network
        ("colour=red", "colour", "red"),
        ("limit=0", "limit", "0"),
        ("limit=1001", "limit", "1001"),
        ("limit=ten", "limit", "ten"),
        ("sort=colour", "sort", "colour"),
        ("sort=name,-name", "sort", "name,-name"),
        ("fields=id,colour", "fields", "id,colour"),
        ("format=xml", "format", "xml"),
        ("cursor=not-a-cursor", "cursor", "not-a-cursor"),
        ("lang=fr", "lang", "fr"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it_and_its_value(client, query, parameter, value):
    answer = client.get(f"/api/v1/organisations?{query}")
    assert answer.status_code == 400
    assert answer.headers["content-type"] == "application/problem+json"
    problem = answer.json()
    assert problem["status"] == 400
    assert problem["title"] == "Bad Request"
    assert [(e["parameter"], e["value"]) for e in problem["errors"]] == [(parameter, value)]
    assert parameter in problem["detail"]
    assert problem["type"].endswith("/api/v1/docs#bad-parameter")


def test_a_cursor_for_another_sort_is_refused(client):
    first = client.get("/api/v1/organisations?sort=name&limit=2").json()
    cursor = parse_qs(urlsplit(first["next"]).query)["cursor"][0]
    answer = client.get(f"/api/v1/organisations?sort=-name&limit=2&cursor={cursor}")
    assert answer.status_code == 400
    assert answer.json()["errors"][0]["parameter"] == "cursor"
    assert "sorted by 'name'" in answer.json()["detail"]


def test_problems_speak_the_language_asked_for(client):
    problem = client.get("/api/v1/organisations?role=magic&lang=he").json()
    assert "אינו אחד מהערכים" in problem["detail"]
    assert "magic" in problem["errors"][0]["reason"]


@pytest.mark.parametrize(
    ("wanted", "why"),
    [
        ("nobody-at-all", "a well-formed id no organisation has"),
        ("x" * MAX_ID_LENGTH, "the longest id the rule allows"),
    ],
)
def test_an_unknown_id_is_a_404_naming_it(client, wanted, why):
    answer = client.get(f"/api/v1/organisations/{wanted}")
    assert answer.status_code == 404, why
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["id"] == wanted


@pytest.mark.parametrize(
    ("wanted", "shown", "why"),
    [
        ("%3Cb%3E", "<b>", "markup is not an id (and stays text in the problem)"),
        ("Tamarack-Institute", "Tamarack-Institute", "ids are lowercase: the data's rule"),
        ("a--b", "a--b", "words joined by single hyphens"),
        ("fsg.", "fsg.", "no dots: the rule of mapping.rules, not the old wider one"),
        ("x" * (MAX_ID_LENGTH + 1), "x" * 60, "longer than any id"),
    ],
)
def test_a_malformed_id_is_a_400_naming_the_parameter(client, wanted, shown, why):
    answer = client.get(f"/api/v1/organisations/{wanted}")
    assert answer.status_code == 400, why
    assert answer.headers["content-type"] == "application/problem+json"
    error = answer.json()["errors"][0]
    assert error["parameter"] == "id"
    assert shown in error["reason"]
    linked = client.get(f"/api/v1/organisations?linked={wanted}")
    assert linked.status_code == 400, "linked follows the same rule"
    assert linked.json()["errors"][0]["parameter"] == "linked"


def test_an_unknown_address_is_a_404_and_a_write_a_405(client):
    missing = client.get("/api/v1/colours")
    assert missing.status_code == 404
    assert missing.json()["detail"] == "No resource of the API has the address '/api/v1/colours'."
    post = client.post("/api/v1/organisations", json={})
    assert post.status_code == 405
    assert "GET" in post.headers["allow"]
    assert client.get("/api/v1", follow_redirects=False).status_code == 308


@pytest.mark.parametrize(
    ("content", "said", "why"),
    [
        ("id,name\n1,\n", "missing required column", "a file with a bad table"),
        (None, "no such file", "ATLAS_DATA naming a file that is not there"),
    ],
)
def test_an_unreadable_dataset_is_a_503_not_a_500(
    client, tmp_path, monkeypatch, content, said, why
):
    broken = tmp_path / "broken.csv"
    if content is not None:
        broken.write_text(content, encoding="utf-8")
    monkeypatch.setenv("ATLAS_DATA", str(broken))
    answer = client.get("/api/v1/organisations")
    assert answer.status_code == 503, why
    assert answer.headers["cache-control"] == "no-store"
    assert "cannot be read" in answer.json()["detail"]
    assert said in answer.json()["detail"], why


# --- caching, CORS, citation, compression --------------------------------------------------


def test_every_answer_names_the_data_its_licence_and_its_citation(client):
    metadata = load_metadata()
    for method, url in (
        ("GET", "/api/v1/organisations"),
        ("GET", "/api/v1/organisations?role=magic"),
        ("GET", "/api/v1/organisations/nobody"),
        ("GET", "/api/v1/stats"),
        ("GET", "/api/v1/openapi.json"),
        ("GET", "/api/v1/colours"),  # no such resource
        ("POST", "/api/v1/organisations"),  # no writes here
        ("OPTIONS", "/api/v1/links"),  # a CORS preflight
        ("GET", "/api/v1"),  # the redirect to the index
    ):
        headers = client.request(method, url, follow_redirects=False).headers
        assert headers["atlas-data-version"] == f"{metadata['version']} ({metadata['date']})"
        assert headers["atlas-licence"] == "CC BY 4.0"
        assert headers["atlas-citation"] == metadata["citation"]
        assert '<https://creativecommons.org/licenses/by/4.0/>; rel="license"' in headers["link"]
        assert headers["access-control-allow-origin"] == "*"
        assert headers["x-content-type-options"] == "nosniff"


def test_an_unchanged_answer_is_a_304(client):
    first = client.get("/api/v1/organisations?role=funding")
    assert first.headers["cache-control"] == "public, max-age=60"
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert modified == format_datetime(live.version().modified, usegmt=True)
    again = client.get("/api/v1/organisations?role=funding", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    since = client.get(
        "/api/v1/organisations?role=funding", headers={"If-Modified-Since": modified}
    )
    assert since.status_code == 304
    other = client.get("/api/v1/organisations?role=knowledge", headers={"If-None-Match": etag})
    assert other.status_code == 200  # another question, another answer


def test_the_etag_changes_with_the_data(client, tmp_path, monkeypatch):
    copy = tmp_path / "organisations.csv"
    copy.write_bytes(DEFAULT_DATASET.read_bytes())
    monkeypatch.setenv("ATLAS_DATA", str(copy))
    before = client.get("/api/v1/organisations?limit=1").headers["etag"]
    copy.write_bytes(copy.read_bytes().replace(b"Tamarack Institute,", b"Tamarack Institute (T),"))
    after = client.get("/api/v1/organisations?limit=1").headers["etag"]
    assert before != after
    assert client.get("/api/v1/organisations/tamarack-institute").json()["name"] == (
        "Tamarack Institute (T)"
    )


def test_any_origin_may_read_the_api(client):
    preflight = client.options(
        "/api/v1/organisations",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "GET" in preflight.headers["access-control-allow-methods"]
    answer = client.get("/api/v1/stats")
    exposed = answer.headers["access-control-expose-headers"].lower().split(", ")
    assert "etag" in exposed
    # A browser's script reads what an answer says about its data only if it is exposed.
    carried = {name for name in answer.headers if name.startswith("atlas-")}
    assert len(carried) == 5
    assert carried <= set(exposed)


def test_answers_are_gzipped_for_clients_that_take_it(client):
    plain = client.get("/api/v1/organisations", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    request = client.build_request(
        "GET", "/api/v1/organisations", headers={"Accept-Encoding": "gzip"}
    )
    zipped = client.send(request, stream=True)
    assert zipped.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["vary"]
    raw = b"".join(zipped.iter_raw())
    assert len(raw) < len(plain.content) / 3
    assert json.loads(gzip.decompress(raw)) == plain.json()


# --- oEmbed and the index ------------------------------------------------------------------


def test_oembed_gives_the_embed_snippet_of_a_page(client):
    body = client.get(f"/api/v1/oembed?url={BASE}/charts%3Frole%3Dfunding&maxwidth=600").json()
    assert body["type"] == "rich"
    assert body["version"] == "1.0"
    assert body["width"] == 600
    assert body["height"] == 900
    assert 'src="http://testserver/charts?role=funding&amp;embed=true"' in body["html"]
    assert 'title="Collective Impact Atlas — Charts: ' in body["html"]


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("url=https://example.org/", 404),  # another site
        (f"url={BASE}/data", 404),  # a page that is not embedded
        (f"url={BASE}/&format=xml", 501),
        ("", 400),  # url is required
        (f"url={BASE}/&maxwidth=0", 400),
    ],
)
def test_oembed_refuses_what_it_cannot_embed(client, query, status):
    answer = client.get(f"/api/v1/oembed?{query}")
    assert answer.status_code == status
    assert answer.headers["content-type"] == "application/problem+json"


def test_the_index_lists_the_resources(client):
    body = client.get("/api/v1/").json()
    assert set(body["resources"]) == {"organisations", "links", "networks", "stats", "oembed"}
    assert body["openapi"] == f"{BASE}/api/v1/openapi.json"


def test_the_docs_page_documents_every_filter_in_both_languages(client):
    from mapping.filters import FIELDS

    english = client.get("/api/v1/docs")
    assert english.headers["content-type"] == "text/html; charset=utf-8"
    hebrew = client.get("/api/v1/docs?lang=he").text
    assert '<html lang="he" dir="rtl">' in hebrew
    for field in FIELDS:
        assert f"<code>{field.key}</code>" in english.text
        assert f"<code>{field.key}</code>" in hebrew
    for operation in api.operations():
        assert operation.url_path in english.text
    assert "http" not in english.text.split("<style>")[1].split("</style>")[0]  # nothing fetched


# --- hostile text stays text ---------------------------------------------------------------

# The loader strips surrounding white space from every cell (U+2028 is white space).
LOADED = [payload.strip() for payload in PAYLOADS]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The API on a dataset of attack payloads (names, descriptions, cities, links' notes)."""
    from tests.e2e.conftest import write_hostile_dataset

    path = write_hostile_dataset(tmp_path_factory.mktemp("hostile-api"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ATLAS_DATA", str(path))
        ANSWERS.clear()
        yield make_client()
    ANSWERS.clear()


def test_hostile_text_stays_text_in_json(hostile):
    answer = hostile.get("/api/v1/organisations")
    assert answer.headers["content-type"] == "application/json"
    assert answer.headers["x-content-type-options"] == "nosniff"
    items = answer.json()["items"]
    assert [item["description"] for item in items] == LOADED
    assert [item["name"] for item in items] == [f"{p} #{i}".strip() for i, p in enumerate(PAYLOADS)]
    detail = hostile.get("/api/v1/organisations/hostile-1").json()
    assert {link["note"] for link in detail["links"]} == {LOADED[0], LOADED[1]}


def test_hostile_text_stays_text_in_csv(hostile):
    text = hostile.get("/api/v1/organisations?format=csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["description"] for row in rows] == [neutralise_formula(p) for p in LOADED]
    links = hostile.get("/api/v1/links?format=csv").content.decode("utf-8-sig")
    notes = [row["note"] for row in csv.DictReader(io.StringIO(links))]
    assert notes == [neutralise_formula(p) for p in LOADED[:-1]]


def test_hostile_text_stays_text_in_geojson(hostile):
    features = hostile.get("/api/v1/organisations?format=geojson").json()["features"]
    assert [f["properties"]["city"] for f in features] == LOADED


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_stays_text_in_the_oembed_html(hostile, payload):
    page = f"{BASE}/?{urlencode({'q': payload})}"
    body = hostile.get("/api/v1/oembed", params={"url": page}).json()
    ((tag, attributes),) = elements(body["html"])
    assert tag == "iframe"
    assert attributes["title"] == body["title"]
    assert f"“{payload.strip()}”" in body["title"]
    assert parse_qs(urlsplit(attributes["src"]).query)["q"] == [payload]


def test_a_streamed_answer_is_kept_for_the_next_identical_request(client):
    first = client.get("/api/v1/organisations?format=csv&country=IL")
    assert "content-length" not in first.headers  # streamed
    again = client.get("/api/v1/organisations?format=csv&country=IL")
    # Kept: sent whole with its length (gzipped once when the client takes gzip, as here).
    assert again.headers["content-length"] == str(again.num_bytes_downloaded)
    assert again.content == first.content
    assert again.headers["content-type"] == first.headers["content-type"]
    assert again.headers["content-disposition"] == first.headers["content-disposition"]


def test_identical_requests_arriving_together_are_answered_once():
    import asyncio
    import dataclasses

    import httpx

    from mapping.api import organisations
    from tests.test_api_gate import run

    runs = []
    listing = organisations.OPERATIONS[0]

    def counted(call):
        runs.append(call.request.url.query)
        return listing.run(call)

    app = Starlette(routes=[dataclasses.replace(listing, run=counted).route()])
    answers = []

    async def together():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE) as http:
            asked = [http.get("/api/v1/organisations?format=csv&region=Europe") for _ in range(10)]
            answers.extend(await asyncio.gather(*asked))

    run(together())
    assert len(runs) == 1  # one worked the answer out; nine waited for it
    assert {answer.status_code for answer in answers} == {200}
    assert len({answer.content for answer in answers}) == 1
    assert answers[0].content.startswith("\ufeffid,".encode())
