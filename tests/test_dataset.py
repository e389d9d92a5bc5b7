"""The shipped dataset: schema, honesty checks and the coverage the 2015 mapping implies."""

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

import geopandas as gpd
import pandas as pd
import pytest

from mapping import network, vocab
from mapping.data import COLUMNS, DEFAULT_DATASET, is_web_url, source_urls
from mapping.maps import COUNTRIES_FILE
from mapping.rules import is_id
from mapping.sources import COPY_HOSTS, copy_host

DATA_CARD = DEFAULT_DATASET.parent / "README.md"
IDS = Path(__file__).resolve().parent / "data"
# The ids of each release: every one is still here, or listed under the changelog's Removed.
RELEASED_IDS = {"1.0.0": (IDS / "ids-1.0.0.txt", 277), "2.0.0": (IDS / "ids-2.0.0.txt", 633)}
MINIMUM_ROWS = 850
MINIMUM_COUNTRIES = 30
MINIMUM_YEAR_SHARE = 0.80
MINIMUM_YEAR_SHARE_INITIATIVES = 0.85  # initiatives and backbones
FIRST_CHECKED = dt.date(2026, 11, 1)  # the 1.0.0 compilation began in November 2026

COASTAL_BUFFER_DEGREES = 0.3  # the 1:110m coastline cuts off coastal cities
# Territories the 1:110m basemap draws inside another country's polygon.
BASEMAP_COUNTRY = {"HK": "CN"}
MINIMUM_BY_REGION = {"Canada": 20, "Australia": 20, "Europe": 12, "Israel": 10}
MINIMUM_PER_ROLE = 25
# 2.1.0 filled websites from organisations' own pages and their backbones' pages (85%,
# short of the 90% aimed at); a website is left blank rather than guessed.
MINIMUM_WEBSITE_SHARE = 0.85


@pytest.fixture(scope="module")
def raw():
    return pd.read_csv(DEFAULT_DATASET, dtype=str, keep_default_na=False, encoding="utf-8")


def test_columns_are_exactly_the_schema(raw):
    assert tuple(raw.columns) == COLUMNS


def test_coverage_minima_rows_and_countries(organisations):
    assert len(organisations) >= MINIMUM_ROWS
    assert organisations["country_code"].nunique() >= MINIMUM_COUNTRIES


def test_most_rows_have_a_start_year(organisations):
    assert organisations["year_started"].notna().mean() >= MINIMUM_YEAR_SHARE
    initiatives = organisations[organisations["org_type"].isin(["initiative", "backbone"])]
    assert initiatives["year_started"].notna().mean() >= MINIMUM_YEAR_SHARE_INITIATIVES


def test_an_end_year_is_only_given_with_a_start_year_before_it(organisations):
    ended = organisations[organisations["year_ended"].notna()]
    assert len(ended) >= 5  # closed initiatives stay in the history (Opportunity Child, TOP15)
    started = ended["year_started"].dropna()
    assert (ended.loc[started.index, "year_ended"] >= started).all()


def removed_in_changelog() -> set[str]:
    """The ids the data card's changelog lists as removed (``| `id` | ... |`` rows)."""
    text = DATA_CARD.read_text(encoding="utf-8")
    section = text.split("### Removed", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z0-9-]+)` \|", section, flags=re.MULTILINE))


@pytest.mark.parametrize("release", sorted(RELEASED_IDS))
def test_ids_of_a_release_never_disappear_silently(raw, release):
    # Ids are stable: a released row is still here, or the changelog says why it went.
    path, count = RELEASED_IDS[release]
    old = set(path.read_text(encoding="utf-8").split())
    assert len(old) == count
    gone = old - set(raw["id"])
    assert gone == removed_in_changelog() & old


def test_the_removed_list_names_only_released_ids():
    # A row dropped before its release was never published: it is told in prose, not listed.
    released = {i for p, _ in RELEASED_IDS.values() for i in p.read_text(encoding="utf-8").split()}
    assert removed_in_changelog() <= released


def test_every_removed_id_is_really_gone(raw):
    assert not removed_in_changelog() & set(raw["id"])


def test_every_row_has_a_checked_date(raw):
    dates = pd.to_datetime(raw["checked"], format="%Y-%m-%d", errors="coerce")
    assert dates.notna().all(), raw.loc[dates.isna(), "id"].tolist()
    assert (dates.dt.date >= FIRST_CHECKED).all()
    assert (dates.dt.date <= dt.date.today()).all()


def test_ids_are_unique_and_pass_the_id_rule(raw):
    # The rule the loader, links, URLs and uploads share (mapping.rules.is_id).
    assert raw["id"].is_unique
    assert raw["id"].map(is_id).all(), raw.loc[~raw["id"].map(is_id), "id"].tolist()


def test_names_are_unique_within_a_country(raw):
    # Two real, unrelated organisations may share a name in different countries
    # (Inspiring Communities in Nova Scotia and in New Zealand).
    keys = raw["name"].str.casefold() + "|" + raw["country_code"]
    assert keys.is_unique, raw.loc[keys.duplicated(keep=False), "id"].tolist()


@pytest.mark.parametrize(
    "field",
    [
        "name",
        "roles",
        "org_type",
        "domains",
        "scope",
        "country_code",
        "description",
        "source",
        "checked",
    ],
)
def test_required_fields_are_filled(raw, field):
    assert (raw[field].str.strip() != "").all(), raw.loc[
        raw[field].str.strip() == "", "id"
    ].tolist()


def test_sources_are_http_urls(raw):
    # One or more pages, separated by ";": the first confirms the row, others a field.
    bad = raw["source"].map(lambda cell: not all(map(is_web_url, source_urls(cell))))
    assert not raw.loc[bad, "id"].tolist()


def test_no_source_is_a_login_page(raw):
    # A source must be a page a reader can open (the 1.0.0 spot check found one).
    assert not raw.loc[raw["source"].str.contains(r"login\.php", case=False), "id"].tolist()


def test_the_copy_hosts_are_named():
    # The named list the checks below use (mapping.sources): the hosts issue 23 found.
    for host in ("docslib.org", "scribd.com", "pdfslide.net", "studylib.net", "paperzz.com"):
        assert host in COPY_HOSTS
    assert copy_host("https://www.vdocuments.mx./report.pdf") == "vdocuments.mx"


def on_copy_hosts(urls_by_key: dict[str, list[str]]) -> dict[str, list[str]]:
    """The keys with a URL on a copy host, and those URLs."""
    found = {key: [u for u in urls if copy_host(u)] for key, urls in urls_by_key.items()}
    return {key: urls for key, urls in found.items() if urls}


def test_no_source_or_website_is_on_a_copy_host(raw):
    # Every fact from its original publisher: a copy on a document-sharing site or a
    # content farm is never a source, nor an organisation's website.
    sources = {row.id: list(source_urls(row.source)) for row in raw.itertuples()}
    assert not on_copy_hosts(sources)
    websites = {row.id: [row.website] for row in raw.itertuples() if row.website}
    assert not on_copy_hosts(websites)


def test_no_link_or_roster_source_is_on_a_copy_host(organisations):
    links = network.load_relationships(organisations=organisations)
    keyed = {
        f"{a} {r} {b}": [s]
        for a, r, b, s in links[["source_id", "relation", "target_id", "source"]].itertuples(
            index=False
        )
    }
    assert not on_copy_hosts(keyed)
    networks = network.networks_table(organisations=organisations)
    rosters = {
        n: [s] for n, s in zip(networks["network"], networks["roster_source"], strict=True) if s
    }
    assert not on_copy_hosts(rosters)


def test_websites_are_http_urls_when_known(raw):
    # A website is left blank only where no official site could be confirmed.
    known = raw[raw["website"] != ""]
    assert not known.loc[~known["website"].map(is_web_url), "id"].tolist()
    assert known["website"].map(lambda u: bool(urlsplit(u).netloc)).all()
    assert len(known) >= MINIMUM_WEBSITE_SHARE * len(raw)


def test_descriptions_are_short(raw):
    assert raw["description"].str.len().max() <= 240


def test_hebrew_names_only_where_hebrew(raw):
    filled = raw.loc[raw["name_he"] != "", "name_he"]
    assert filled.str.contains(r"[\u0590-\u05FF]").all()


def test_israeli_organisations_have_hebrew_names(raw):
    # "Where seen": 2.1.0's Israeli STEM ecosystems are known from English pages only.
    israeli = raw[raw["country_code"] == "IL"]
    assert (israeli["name_he"] != "").mean() >= 0.7


def test_coordinates_in_range(organisations):
    assert organisations["latitude"].between(-90, 90).all()
    assert organisations["longitude"].between(-180, 180).all()


def test_each_point_lies_in_its_country(organisations):
    countries = gpd.read_file(COUNTRIES_FILE).set_index("iso_a2")
    outside = []
    for row in organisations.itertuples():
        code = BASEMAP_COUNTRY.get(row.country_code, row.country_code)
        if code not in countries.index:
            continue  # too small for the 1:110m basemap (checked by the geocoder instead)
        shape = countries.loc[code, "geometry"].buffer(COASTAL_BUFFER_DEGREES)
        if not shape.contains(row.geometry):
            outside.append(
                (row.id, row.country_code, round(row.latitude, 2), round(row.longitude, 2))
            )
    assert not outside


# Rows whose town GeoNames' cities of 500+ lack: placed at their region, and said so here.
TOWNS_OUTSIDE_GEONAMES = {
    "delran-stem-ecosystem-alliance": "Delran Township, New Jersey",
}


def test_nearly_all_rows_with_a_city_are_city_precise(organisations):
    with_city = organisations[organisations["city"] != ""]
    imprecise = set(with_city.loc[with_city["location_precision"] != "city", "id"])
    assert imprecise == set(TOWNS_OUTSIDE_GEONAMES)


def test_the_united_states_has_the_largest_share(organisations):
    counts = organisations["world_region"].value_counts()
    assert counts.idxmax() == "United States"


@pytest.mark.parametrize(("region", "minimum"), sorted(MINIMUM_BY_REGION.items()))
def test_regional_coverage(organisations, region, minimum):
    assert (organisations["world_region"] == region).sum() >= minimum


@pytest.mark.parametrize("role", list(vocab.ROLES))
def test_each_role_is_held_by_enough_organisations(organisations, role):
    assert sum(role in roles for roles in organisations["roles"]) >= MINIMUM_PER_ROLE


@pytest.mark.parametrize("domain", list(vocab.DOMAINS))
def test_every_domain_is_represented(organisations, domain):
    assert any(domain in domains for domains in organisations["domains"])


@pytest.mark.parametrize("scope", list(vocab.SCOPES))
def test_every_scope_is_represented(organisations, scope):
    assert (organisations["scope"] == scope).any()


def test_new_zealand_is_present(organisations):
    assert (organisations["country_code"] == "NZ").sum() >= 3


def test_the_data_card_shows_each_networks_coverage_as_the_script_prints_it(organisations):
    # The card's table is pasted from scripts/coverage.py: rerun it when the data changes.
    from scripts import coverage

    links = network.load_relationships(organisations=organisations)
    networks = network.networks_table(organisations=organisations)
    table = coverage.markdown(coverage.roster_table(networks, links))
    assert table in DATA_CARD.read_text(encoding="utf-8")
    assert len(table.splitlines()) == len(networks) + 2
