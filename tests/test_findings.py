"""The 2015 mapping's findings: each verdict rule, by a table of cases that say why."""

import pandas as pd
import pytest

from mapping import findings
from mapping.data import load_organisations
from tests.conftest import make_frame

PLACES = {
    "US": ("40", "-75"),
    "CA": ("45", "-75"),
    "AU": ("-33.9", "151.2"),
    "GB": ("51.5", "0"),
    "IL": ("32.1", "34.8"),
}


def orgs(country: str, *years: int | None, **fields) -> list[dict]:
    """One row per year (None: undated) in ``country``."""
    latitude, longitude = PLACES[country]
    return [
        {
            "country_code": country,
            "latitude": latitude,
            "longitude": longitude,
            "year_started": "" if year is None else str(year),
            **fields,
        }
        for year in years
    ]


def frame_of(*groups: list[dict]):
    rows = [row for group in groups for row in group]
    for index, row in enumerate(rows, start=1):
        row.setdefault("id", f"org-{index}")
    return make_frame(*rows)


def verdict(gdf, key: str) -> str:
    return {finding.key: finding.verdict for finding in findings.findings(gdf)}[key]


def test_region_table_counts_then_now_dated_and_first_year():
    gdf = frame_of(
        orgs("US", 2010, 2014, 2020, None),
        orgs("US", 2005, year_ended="2012"),
        orgs("CA", 2016),
    )
    table = findings.region_table(gdf).set_index("world_region")
    assert table.loc["United States"].to_dict() == {
        "then": 2,  # 2010 and 2014; 2020 had not started, 2005 had ended, undated unknown
        "now": 4,  # every row whose work has not ended, dated or not
        "dated": 4,
        "total": 5,
        "first": 2005,
    }
    assert table.loc["Canada", "then"] == 0
    assert table.loc["Europe", "first"] is pd.NA


@pytest.mark.parametrize(
    ("groups", "expected", "why"),
    [
        (
            [orgs("US", *[2010] * 6), orgs("CA", 2010, 2010)],
            "holds",
            "three times the next, then and now",
        ),
        (
            [orgs("US", 2010, 2010, 2020, 2020), orgs("CA", 2010, 2010, 2010)],
            "partly",
            "ahead today but not far ahead in 2015",
        ),
        (
            [orgs("US", 2010), orgs("CA", 2010, 2010)],
            "contradicted",
            "another region has more today",
        ),
    ],
)
def test_us_leads(groups, expected, why):
    assert verdict(frame_of(*groups), "us_leads") == expected, why


@pytest.mark.parametrize(
    ("years", "expected", "why"),
    [
        ([2013] * 9, "thin", "nine dated Canadian rows are too few to judge"),
        ([2013] * 10, "holds", "the work starts in 2013"),
        ([2005] + [2014] * 9, "partly", "Canadian work is dated before 2010"),
    ],
)
def test_canada_2013(years, expected, why):
    assert verdict(frame_of(orgs("US", 2000), orgs("CA", *years)), "canada_2013") == expected, why


@pytest.mark.parametrize(
    ("years", "expected", "why"),
    [
        ([2014] * 6 + [2005] * 4, "holds", "most Australian work started in 2013 or later"),
        ([2014] * 4 + [2005] * 6, "partly", "most Australian work is older than 2013"),
        ([2014, None], "thin", "one dated row"),
    ],
)
def test_australia_emerging(years, expected, why):
    assert verdict(frame_of(orgs("AU", *years)), "australia_emerging") == expected, why


@pytest.mark.parametrize(
    ("europe", "elsewhere", "expected", "why"),
    [
        ([2010] * 10, [2010] * 100, "holds", "Europe was 9% of the field in 2015"),
        ([2010] * 10, [2010] * 20, "contradicted", "Europe was a third of the field in 2015"),
        ([2010] * 3, [2010] * 100, "thin", "three dated European rows"),
    ],
)
def test_europe_sparse(europe, elsewhere, expected, why):
    gdf = frame_of(orgs("GB", *europe), orgs("US", *elsewhere))
    assert verdict(gdf, "europe_sparse") == expected, why


@pytest.mark.parametrize(
    ("sheatufim", "others", "expected", "why"),
    [
        (2013, [2014] * 9, "holds", "Sheatufim from 2013 and nothing Israeli earlier"),
        (2013, [2008] + [2014] * 8, "partly", "other Israeli work is dated before 2013"),
        (2013, [2014] * 3, "thin", "four dated Israeli rows"),
    ],
)
def test_israel_2013(sheatufim, others, expected, why):
    gdf = frame_of(orgs("IL", sheatufim, id="sheatufim"), orgs("IL", *others))
    assert verdict(gdf, "israel_2013") == expected, why


def test_every_finding_renders_in_both_languages():
    for finding in findings.findings(frame_of(orgs("US", 2010), orgs("IL", 2013, id="sheatufim"))):
        assert finding.verdict in findings.VERDICTS
        for lang in ("en", "he"):
            for message in (finding.then, finding.now, finding.why):
                assert "{" not in message.render(lang), (finding.key, lang)


def test_the_shipped_data_gives_the_documented_verdicts():
    # The Charts page and the README quote these; a data change that flips one must say so.
    got = {finding.key: finding.verdict for finding in findings.findings(load_organisations())}
    assert got == {
        "us_leads": "holds",
        "canada_2013": "partly",
        "australia_emerging": "holds",
        "europe_sparse": "holds",
        "israel_2013": "partly",
    }
