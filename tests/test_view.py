"""The map view in the URL: parsing links, writing them, and what is refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mapping.rules import ID_PATTERN, is_id
from mapping.view import LATITUDE_LIMIT, MAX_ZOOM, MIN_ZOOM, MapView


@pytest.mark.parametrize(
    ("params", "expected", "notice"),
    [
        pytest.param({}, MapView(), None, id="no view: the app frames the results"),
        pytest.param(
            {"lat": "45.5", "lon": "-73.6", "zoom": "9"},
            MapView((45.5, -73.6), 9.0),
            None,
            id="a plain view",
        ),
        pytest.param(
            {"lat": ["10", "45.5"], "lon": "-73.6", "zoom": "9"},
            MapView((45.5, -73.6), 9.0),
            None,
            id="a repeated parameter: the last one counts, as for filters",
        ),
        pytest.param(
            {"lat": "45.123456", "lon": "-73.987654", "zoom": "9.123"},
            MapView((45.1235, -73.9877), 9.12),
            None,
            id="rounded to about 11 m and to the zoom steps the map reports",
        ),
        pytest.param(
            {"lat": "10", "lon": "190", "zoom": "3"},
            MapView((10.0, -170.0), 3.0),
            None,
            id="a map panned across the date line reports 190: wrapped",
        ),
        pytest.param(
            {"lat": "89", "lon": "0", "zoom": "3"},
            MapView((round(LATITUDE_LIMIT, 4), 0.0), 3.0),
            None,
            id="beyond Web Mercator's limit: clamped like Leaflet does",
        ),
        pytest.param(
            {"lat": "45.5", "lon": "-73.6"},
            MapView(),
            "needs lat, lon and zoom together",
            id="incomplete: a view without zoom is not guessed",
        ),
        pytest.param(
            {"lat": "95", "lon": "0", "zoom": "3"},
            MapView(),
            "latitude '\u206895\u2069'",
            id="latitude out of range",
        ),
        pytest.param(
            {"lat": "1", "lon": "east", "zoom": "3"},
            MapView(),
            "longitude '\u2068east\u2069'",
            id="longitude not a number",
        ),
        pytest.param(
            {"lat": "1", "lon": "nan", "zoom": "3"},
            MapView(),
            "longitude",
            id="NaN is not a position",
        ),
        pytest.param(
            {"lat": "1", "lon": "2", "zoom": "40"},
            MapView(),
            "zoom '\u206840\u2069'",
            id="zoom beyond the map's range",
        ),
        pytest.param(
            {"lat": "", "lon": "", "zoom": "", "org": ""},
            MapView(),
            None,
            id="empty parameters are absent (a cleared field in a form)",
        ),
        pytest.param(
            {"org": "tamarack-institute"},
            MapView(org="tamarack-institute"),
            None,
            id="an organisation without a view",
        ),
        pytest.param(
            {"org": "<script>alert(1)</script>"},
            MapView(),
            "not an organisation id",
            id="an org that cannot be an id is refused, not echoed as markup",
        ),
    ],
)
def test_parse_query_params(params, expected, notice):
    view, notices = MapView.parse_query_params(params)
    assert view == expected
    if notice is None:
        assert notices == []
    else:
        assert len(notices) == 1
        assert notice in notices[0].render("en", isolate=True)


def test_notices_follow_the_language():
    _view, notices = MapView.parse_query_params({"lat": "1", "lon": "2", "zoom": "99"})
    shown = notices[0].render("he", isolate=True)
    assert "רמת התקריב" in shown
    assert "\u206899\u2069" in shown  # the number keeps its own direction


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param({"centre": (1.0, 2.0)}, "go together", id="centre without zoom"),
        pytest.param({"centre": (91.0, 2.0), "zoom": 3.0}, "latitude/longitude", id="bad centre"),
        pytest.param({"centre": (1.0, 2.0), "zoom": 0.0}, "zoom 0.0", id="zoom below the map's"),
        pytest.param({"org": "a b"}, "org 'a b'", id="an id with a space"),
    ],
)
def test_invalid_views_are_refused_with_the_bad_value(kwargs, message):
    with pytest.raises(ValueError, match=message):
        MapView(**kwargs)


def test_to_query_params_is_short_and_stable():
    view = MapView((45.5, -73.6), 9.0, org="mcconnell-foundation")
    assert view.to_query_params() == {
        "lat": "45.5",
        "lon": "-73.6",
        "zoom": "9",
        "org": "mcconnell-foundation",
    }
    assert MapView().to_query_params() == {}
    assert MapView((-0.00001, 0.0), 2.0).to_query_params()["lat"] == "0"


views = st.builds(
    MapView,
    centre=st.tuples(
        st.floats(-LATITUDE_LIMIT, LATITUDE_LIMIT).map(lambda v: round(v, 4)),
        st.floats(-180, 180).map(lambda v: round(v, 4)),
    ),
    zoom=st.floats(MIN_ZOOM, MAX_ZOOM).map(lambda v: round(v, 2)),
    org=st.from_regex(ID_PATTERN, fullmatch=True).filter(is_id) | st.just(""),
) | st.builds(MapView, org=st.from_regex(ID_PATTERN, fullmatch=True).filter(is_id))


@given(views)
def test_a_view_survives_its_link(view):
    parsed, notices = MapView.parse_query_params(view.to_query_params())
    assert notices == []
    assert parsed == view
