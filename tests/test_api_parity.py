"""A page's link and its API call select the same rows: the API's count, the page's count
and the CSV export's rows agree, for many filter sets (every filter, every pair of filters,
random ones), and a page's whole query string (language, map view...) works in the API."""

from __future__ import annotations

import itertools
from urllib.parse import parse_qs, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapping import export, vocab
from mapping.api import views
from mapping.api.operation import ANSWERS
from mapping.filters import FIELDS, Filters
from mapping.frame import PAGE_PARAMS
from mapping.i18n import t
from mapping.ui import network_page
from tests.test_api import frame_of, make_client
from tests.test_app import count_text, downloads, run_app  # noqa: F401 - downloads: a fixture

# One example per filter (the registry's own), every pair of them, and views people share.
SINGLE = [{field.key: field.example()} for field in FIELDS]
PAIRS = [{**a, **b} for a, b in itertools.combinations(SINGLE, 2)]
SHARED = [
    {"role": "funding,operating", "country": "US,CA", "year": "2010-"},
    {"region": "Europe", "asof": "2015", "type": "backbone,initiative"},
    {"network": "strivetogether", "asof": "2014"},
    {"linked": "collective-impact-forum", "role": "consulting"},
    {"q": "education", "scope": "metropolitan,rural", "domain": "education,youth"},
    {"year": "-2012", "region": "Israel,Australia"},
]
CASES = SINGLE + PAIRS + SHARED


@pytest.fixture(scope="module")
def client():
    ANSWERS.clear()
    views.clear()
    return make_client()


def csv_rows(content: bytes) -> int:
    """Data rows of a CSV (a cell may hold a line break inside quotes: count records)."""
    import csv
    import io

    return sum(1 for _ in csv.reader(io.StringIO(content.decode("utf-8-sig")))) - 1


@pytest.mark.parametrize("params", CASES, ids=lambda p: urlencode(p, safe=","))
def test_the_api_the_page_frame_and_the_csv_agree(client, params):
    query = urlencode(params, safe=",")
    filters, notices = Filters.parse_query_params(parse_qs(query))
    assert notices == []
    frame = frame_of(filters)
    listed = client.get(f"/api/v1/organisations?{query}&limit=1").json()
    assert listed["count"] == frame.count
    exported = client.get(f"/api/v1/organisations?{query}&format=csv").content
    assert csv_rows(exported) == frame.count == csv_rows(export.to_csv_bytes(frame.shown))
    stats = client.get(f"/api/v1/stats?{query}").json()
    assert stats["count"] == frame.count


def test_pairs_cover_every_two_filters():
    assert len(PAIRS) == len(FIELDS) * (len(FIELDS) - 1) // 2 >= 55


@pytest.mark.parametrize(
    "params",
    [
        {"role": "funding", "country": "CA"},
        {"asof": "2015", "region": "Europe"},
        {"network": "tamarack-institute"},
        {"linked": "fsg", "year": "2010-2020"},
        {"q": "youth", "scope": "metropolitan"},
    ],
    ids=lambda p: urlencode(p, safe=","),
)
def test_the_page_counts_what_the_api_counts(client, params):
    # The page itself (the app's script under AppTest): its sidebar's count.
    page = run_app(**params)
    query = urlencode(params, safe=",")
    count = client.get(f"/api/v1/organisations?{query}&limit=1").json()["count"]
    assert count_text(page).startswith(f"**{count:,} of ")


def test_a_pages_whole_query_string_works_in_the_api(client):
    page_query = (
        "role=funding&country=CA&asof=2015&lang=he&lat=45.5&lon=-73.6&zoom=9"
        "&org=mcconnell-foundation&by=role&partners=1&scene=world"
    )
    assert set(parse_qs(page_query)) - {f.key for f in FIELDS} <= set(PAGE_PARAMS)
    body = client.get(f"/api/v1/organisations?{page_query}").json()
    assert (
        body["count"] == frame_of(Filters(roles=("funding",), countries=("CA",), asof=2015)).count
    )
    assert "ארגונים" in body["description"]  # lang=he: the sentence in Hebrew


KNOWN_IDS = ["", "fsg", "tamarack-institute", "collective-impact-forum", "strivetogether"]
RUNNERS = ["", "strivetogether", "tamarack-institute", "united-way-worldwide"]


def _subset(values):
    return st.lists(st.sampled_from(list(values)), unique=True, max_size=3).map(tuple)


random_filters = st.builds(
    lambda roles, regions, types, countries, text, first, last, linked, runner, asof: Filters(
        roles=roles,
        world_regions=regions,
        org_types=types,
        countries=countries,
        text=text,
        years=(first, last) if first is None or last is None or first <= last else (last, first),
        linked=linked,
        network=runner,
        asof=asof,
    ),
    _subset(vocab.ROLES),
    _subset(vocab.WORLD_REGIONS),
    _subset(vocab.ORG_TYPES),
    _subset(["US", "CA", "AU", "IL", "GB", "NZ"]),
    st.sampled_from(["", "youth", "community", "fund", "ה", "Promise"]),
    st.one_of(st.none(), st.integers(1990, 2024)),
    st.one_of(st.none(), st.integers(1990, 2024)),
    st.sampled_from(KNOWN_IDS),
    st.sampled_from(RUNNERS),
    st.one_of(st.none(), st.integers(2000, 2025)),
)


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(random_filters)
def test_random_filters_count_the_same_in_the_api_and_the_page_frame(client, filters):
    query = urlencode(filters.to_query_params(), safe=",")
    body = client.get(f"/api/v1/organisations?{query}&limit=1000&fields=id").json()
    frame = frame_of(filters)
    assert body["count"] == frame.count
    assert [item["id"] for item in body["items"]] == list(frame.shown["id"])


# Page URLs as people share them, the year (asof) and "linked to" views first: what the Data
# page lists and downloads for the URL is what the API answers for the same query string.
PAGE_URLS = [
    ("asof=2015", "a year: the organisations active then, not those started by then"),
    ("asof=2015&role=funding&country=CA", "a year with other filters"),
    ("asof=1995", "an early year: few rows, links in force that year only"),
    ("linked=tamarack-institute", "linked to: it and its partners"),
    (
        "linked=tamarack-institute&role=funding&country=CA",
        "linked to, the organisation itself filtered out: its links still say why",
    ),
    ("linked=collective-impact-forum&asof=2016", "linked to, in a year: links in force then"),
    ("network=strivetogether&asof=2014", "a network's members in a year"),
    ("linked=fsg&year=2010-2020", "linked to, with a range of start years"),
    (
        "asof=2015&region=Israel&lang=he&zoom=6&lat=31.5&lon=34.8&org=sheatufim",
        "the page's own parameters (language, map view) do not change the rows",
    ),
]


@pytest.mark.parametrize(("query", "why"), PAGE_URLS, ids=[q for q, _why in PAGE_URLS])
def test_a_pages_url_and_its_api_call_select_the_same_rows_and_links(
    client,
    downloads,  # noqa: F811 - the fixture
    monkeypatch,
    query,
    why,
):
    passed = {}
    original = network_page.links_download

    def record(container, kind, organisations, links, stem, disabled=False):
        passed[kind] = (organisations, links)  # the links file is made on click: keep its input
        return original(container, kind, organisations, links, stem, disabled)

    monkeypatch.setattr(network_page, "links_download", record)
    params = {key: values[-1] for key, values in parse_qs(query).items()}
    page = run_app("pages/data.py", **params)
    filters = Filters.from_query_params(params)
    stem = export.file_stem(filters)
    # The Data page's CSV download and the API's CSV: the same bytes, so the same rows.
    api_csv = client.get(f"/api/v1/organisations?{query}&format=csv")
    assert api_csv.status_code == 200, api_csv.text
    assert downloads[f"{stem}.csv"] == api_csv.content, why
    # The page's count, the API's count, the CSV's rows.
    answer = client.get(f"/api/v1/organisations?{query}&limit=1").json()
    count, lang = answer["count"], params.get("lang", "en")
    said = t("count.shown_of_total", lang, shown=count, n=answer["total"])
    assert f"**{said}**" in [m.value for m in page.sidebar.markdown], why
    assert csv_rows(api_csv.content) == count
    # The links the page downloads (under "linked", each one's link to the organisation
    # named too) are the API's links.
    organisations, links = passed["links_csv"]
    page_links = network_page.LINK_DOWNLOADS["links_csv"][0](organisations, links)
    api_links = client.get(f"/api/v1/links?{query}&format=csv")
    assert api_links.status_code == 200, api_links.text
    assert page_links == api_links.content, why
    listed = client.get(f"/api/v1/links?{query}&limit=1").json()["count"]
    assert csv_rows(api_links.content) == listed


def test_the_page_urls_cover_the_year_and_linked_views():
    queries = [parse_qs(query) for query, _why in PAGE_URLS]
    assert sum("asof" in q for q in queries) >= 4
    assert sum("linked" in q for q in queries) >= 4
    assert any("asof" in q and "linked" in q for q in queries)
