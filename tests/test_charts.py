"""Chart tables: the numbers behind each chart."""

import altair as alt
import pytest

from mapping import charts
from tests.conftest import make_frame


@pytest.fixture(scope="module")
def frame():
    return make_frame(
        {
            "country_code": "US",
            "roles": "operating;funding",
            "domains": "education",
            "year_started": "2011",
        },
        {"country_code": "US", "roles": "funding", "domains": "health", "year_started": "2013"},
        {
            "country_code": "CA",
            "roles": "knowledge",
            "domains": "education",
            "year_started": "2013",
            "latitude": "45",
            "longitude": "-75",
        },
        {
            "country_code": "GB",
            "roles": "consulting",
            "domains": "",
            "year_started": "",
            "latitude": "51",
            "longitude": "0",
        },
    )


def test_region_table_lists_every_region(frame):
    table = charts.region_table(frame)
    assert table["world_region"].tolist() == list(charts.REGION_ORDER)
    assert (
        dict(zip(table["world_region"], table["organisations"], strict=True))["United States"] == 2
    )
    assert table["organisations"].sum() == len(frame)


def test_exploded_table_counts_each_role(frame):
    table = charts.exploded_table(frame, "roles")
    counts = {
        (r, v): n
        for r, v, n in table[["world_region", "roles", "organisations"]].itertuples(index=False)
    }
    assert counts[("United States", "funding")] == 2
    assert counts[("United States", "operating")] == 1
    assert counts[("Europe", "consulting")] == 1


def test_adoption_counts_the_organisations_active_each_year(frame):
    table = charts.adoption_table(frame)
    us = table[table["world_region"] == "United States"].set_index("year")["organisations"]
    assert us.to_dict() == {2011: 1, 2012: 1, 2013: 2}
    assert "Europe" not in set(table["world_region"])  # no dated row there


def test_adoption_drops_an_organisation_after_its_work_ended():
    ended = make_frame(
        {"country_code": "US", "year_started": "2010", "year_ended": "2012"},
        {"country_code": "US", "year_started": "2011"},
        {"country_code": "US", "year_started": "2014"},
    )
    table = charts.adoption_table(ended)
    assert table.set_index("year")["organisations"].to_dict() == {
        2010: 1,
        2011: 2,
        2012: 2,  # the year it ended still counts
        2013: 1,
        2014: 2,
    }


def test_adoption_by_role_counts_each_role_an_organisation_holds(frame):
    table = charts.adoption_table(frame, by="role")
    in_2013 = table[table["year"] == 2013].set_index("role")["organisations"].to_dict()
    assert in_2013 == {"operating": 1, "funding": 2, "knowledge": 1}


def test_adoption_labels_follow_the_language(frame):
    hebrew = charts.adoption_table(frame, lang="he")
    assert set(hebrew["label"]) == {'ארה"ב', "קנדה"}


def test_adoption_rejects_an_unknown_grouping(frame):
    with pytest.raises(ValueError, match="'country'"):
        charts.adoption_table(frame, by="country")


def test_adoption_chart_marks_the_as_of_year(frame):
    spec = charts.adoption_chart(frame, asof=2012).to_dict()
    rules = [layer for layer in spec["layer"] if layer["mark"].get("type", layer["mark"]) == "rule"]
    assert rules, "the as-of year is drawn as a rule"


def test_country_table_uses_names(frame):
    table = charts.country_table(frame)
    assert table.iloc[0]["country"] == "United States"
    assert table.iloc[0]["organisations"] == 2


@pytest.mark.parametrize("build", charts.CHARTS)
def test_every_chart_has_a_title_and_renders(frame, build):
    chart = build(frame)
    assert isinstance(chart, alt.TopLevelMixin)
    spec = chart.to_dict()
    assert spec.get("title") or any(layer.get("title") for layer in spec.get("layer", []))


@pytest.mark.parametrize("build", charts.CHARTS)
def test_charts_survive_an_empty_frame(frame, build):
    build(frame.iloc[0:0]).to_dict()


@pytest.mark.parametrize("build", charts.CHARTS)
@pytest.mark.parametrize("lang", ["en", "he"])
def test_every_chart_has_its_numbers_as_a_table(frame, build, lang):
    table = charts.data_table(build, frame, lang)
    assert len(table) > 0
    assert len(table.columns) >= 2
    # The numbers add up to what the chart draws.
    numbers = table.select_dtypes("number").drop(columns=table.columns[0], errors="ignore")
    assert numbers.to_numpy().sum() > 0


def test_the_region_table_reads_as_the_chart(frame):
    table = charts.data_table(charts.region_chart, frame, "en")
    assert dict(zip(table["World region"], table["Organisations"], strict=True))["Canada"] == 1


def test_the_growth_table_has_a_row_per_year_and_a_column_per_group(frame):
    table = charts.data_table(charts.adoption_chart, frame, "en", by="role")
    assert table["Year"].tolist() == [2011, 2012, 2013]
    assert table.set_index("Year").loc[2013, "Funding"] == 2


def test_a_chart_without_a_table_is_named():
    with pytest.raises(ValueError, match="findings_chart"):
        charts.data_table(charts.findings_chart, None)
