"""The field over time: who is active in a year, the year control's data, and as-of views."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from mapping import maps, timeline
from mapping.data import DEFAULT_DATASET
from mapping.dataset import current as shared_dataset
from mapping.filters import Filters, active_in
from mapping.frame import Frame
from mapping.provenance import Provenance
from mapping.standalone import external_resources
from mapping.ui.world_map import standalone_html
from tests.conftest import make_frame
from tests.test_app import count_text, map_payload, run_app

THIS_YEAR = dt.date.today().year


@pytest.fixture(scope="module")
def small():
    return make_frame(
        {"year_started": "2010", "year_ended": "2012", "country_code": "US"},
        {"year_started": "2012", "country_code": "CA", "latitude": "45", "longitude": "-75"},
        {"year_started": "", "country_code": "IL", "latitude": "32", "longitude": "35"},
        {"year_started": "2015", "country_code": "US"},
    )


@pytest.mark.parametrize(
    ("year", "active"),
    [
        (2009, [False, False, False, False]),  # before anyone started
        (2010, [True, False, False, False]),  # the year it started counts
        (2012, [True, True, False, False]),  # the year it ended counts too
        (2013, [False, True, False, False]),  # and the year after does not
        (2026, [False, True, False, True]),  # no year: never in an as-of view
    ],
)
def test_active_in(small, year, active):
    assert list(active_in(small, year)) == active


def test_year_counts_and_captions(small):
    counts = timeline.year_counts(small, [2010, 2012, 2015])
    assert counts.to_dict("list") == {
        "year": [2010, 2012, 2015],
        "organisations": [1, 2, 2],
        "countries": [1, 2, 2],
    }
    assert timeline.caption(2013, 41, 6) == "By 2013: 41 organisations in 6 countries"
    assert timeline.caption(2013, 1, 1) == "By 2013: 1 organisation in 1 country"
    assert timeline.caption(2013, 41, 6, "he") == "עד 2013: 41 ארגונים ב־6 מדינות"
    assert timeline.caption(2013, 2, 1, "he") == "עד 2013: שני ארגונים ב־מדינה אחת"


def test_timeline_payload_carries_each_organisations_years(small):
    payload = timeline.timeline_payload(small, [2010, 2011, 2012], initial=2011)
    assert payload["start"] == [2010, 2012, None, 2015]
    assert payload["end"] == [2012, None, None, None]
    assert payload["initial"] == 1
    assert payload["captions"][2] == "By 2012: 2 organisations in 2 countries"
    assert payload["text"]["play"] == "Play the years"
    with pytest.raises(ValueError, match="initial year 1999"):
        timeline.timeline_payload(small, [2010, 2011], initial=1999)
    with pytest.raises(ValueError, match="1 captions for 2 years"):
        timeline.timeline_payload(small, [2010, 2011], captions=["x"])


def test_year_range_runs_from_the_first_start_to_this_year(small):
    assert timeline.year_range(small) == list(range(2010, THIS_YEAR + 1))
    assert timeline.year_range(small.iloc[2:3]) == []


# As of a year, in the app ------------------------------------------------------------


def expected_as_of(year: int) -> int:
    """The as-of rule, applied to the CSV itself (not to the app's loader)."""
    raw = pd.read_csv(DEFAULT_DATASET, dtype=str, keep_default_na=False)
    started = pd.to_numeric(raw["year_started"], errors="coerce")
    ended = pd.to_numeric(raw["year_ended"], errors="coerce")
    return int(((started <= year) & (ended.isna() | (ended >= year))).sum())


@pytest.mark.parametrize("year", [2010, 2015])
def test_asof_counts_on_the_map_charts_and_data_pages(year, organisations):
    expected = expected_as_of(year)
    total = len(organisations)
    home = run_app(asof=str(year))
    assert count_text(home).startswith(f"**{expected:,} of {total:,} organisations")
    assert f"active in {year}" in home.caption[0].value
    undated = int(organisations["year_started"].isna().sum())
    assert f"{undated:,} organisations without a start year are left out" in home.caption[0].value
    # The map ships every year and opens at this one: the browser shows the same number.
    payload = map_payload(home)
    control = payload["timeline"]
    assert control["years"][control["initial"]] == year
    shown = sum(
        start is not None and start <= year and (end is None or end >= year)
        for start, end in zip(control["start"], control["end"], strict=True)
    )
    assert shown == expected
    for page in ("pages/charts.py", "pages/data.py"):
        at = run_app(page, asof=str(year))
        assert count_text(at).startswith(f"**{expected:,} of {total:,} organisations")
    data = run_app("pages/data.py", asof=str(year))
    assert len(data.dataframe[0].value) == expected


@pytest.mark.parametrize(
    ("lang", "fragment"),
    [("en", "Ignored the year 'sometime'"), ("he", "השנה 'sometime' לא הופעלה")],
)
def test_a_malformed_year_in_the_url_gets_a_notice(lang, fragment, organisations):
    at = run_app(asof="sometime", lang=lang)
    # On screen, values sit in bidi isolates and Markdown is escaped.
    toasts = [
        toast.value.replace("\\", "").replace("\u2068", "").replace("\u2069", "")
        for toast in at.toast
    ]
    assert any(fragment in toast for toast in toasts), toasts
    assert "asof" not in at.query_params


def test_the_sidebar_year_and_the_url_follow_each_other(organisations):
    at = run_app()
    at.sidebar.selectbox(key="atlas_w_asof").set_value(2013).run()
    assert at.query_params["asof"] == "2013"
    assert count_text(at).startswith(f"**{len(Filters(asof=2013).apply(organisations)):,}")
    # An asof that changed in the URL since the app last wrote it is followed on the next run.
    at.query_params["asof"] = "2016"
    at.run()
    assert at.sidebar.selectbox(key="atlas_w_asof").value == 2016
    assert count_text(at).startswith(f"**{len(Filters(asof=2016).apply(organisations)):,}")


def test_the_standalone_map_opens_at_the_as_of_year_and_plays_the_others(organisations):
    frame = Frame.of(shared_dataset(), Filters(asof=2015), "en")
    notes = Provenance.from_view(
        frame.filters, shown=len(frame.shown), total=len(frame.all), undated=frame.undated
    )
    html = standalone_html(frame, notes)
    assert external_resources(html) == []
    control = maps.payload_in_script(html)["timeline"]
    assert control["years"][control["initial"]] == 2015
    # Every year travels with the file, and the year it opens at shows the view's count.
    assert len(control["start"]) == len(frame.without_asof.shown)
    opened = sum(
        start is not None and start <= 2015 and (end is None or end >= 2015)
        for start, end in zip(control["start"], control["end"], strict=True)
    )
    assert opened == len(frame.shown) == expected_as_of(2015)
    assert "active in 2015" in html
    assert f"{frame.undated:,} organisations without a start year are left out" in html
