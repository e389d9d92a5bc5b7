"""Chart images: offline PNG, SVG and HTML at presentation size, with an inert footer."""

import io
import json
import re
import xml.etree.ElementTree as ET

import altair as alt
import pandas as pd
import pytest
from PIL import Image

from mapping import charts
from mapping.chart_images import (
    MIN_WIDTH,
    PRESENTATION_WIDTH,
    chart_html,
    chart_png,
    chart_svg,
    chart_title,
    footer_lines,
    presentation_chart,
)
from mapping.filters import Filters
from mapping.standalone import external_resources
from tests.test_provenance import make_provenance
from tests.test_safety import PAYLOADS

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MIN_PNG_WIDTH = 1200
SVG = "{http://www.w3.org/2000/svg}"
# The elements Vega draws; anything else in an SVG would be injected.
SVG_ELEMENTS = {"svg", "g", "path", "rect", "text", "tspan", "line", "defs", "clipPath", "style"}
SVG_ELEMENTS |= {"linearGradient", "stop", "title", "desc"}
HOSTILE_FOOTER = "<svg onload=alert(1)><script>alert(2)</script></text><img src=x onerror=alert(3)>"


def svg_text(svg: str) -> str:
    return " ".join(ET.fromstring(svg).itertext())


@pytest.fixture(scope="module")
def provenance(organisations):
    return make_provenance(shown=len(organisations), total=len(organisations))


@pytest.mark.parametrize("build", charts.CHARTS, ids=lambda build: build.__name__)
def test_png_is_presentation_size(build, organisations, provenance):
    png = chart_png(build(organisations), footer=provenance)
    assert png.startswith(PNG_SIGNATURE)
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        assert image.width >= MIN_PNG_WIDTH


@pytest.mark.parametrize("build", charts.CHARTS, ids=lambda build: build.__name__)
def test_svg_parses_and_has_the_title_and_footer(build, organisations, provenance):
    chart = build(organisations)
    text = svg_text(chart_svg(chart, footer=provenance))
    assert chart_title(chart) in text
    assert provenance.source_line() in text
    assert provenance.filters in text


def test_scale_sets_the_pixel_density(organisations):
    chart = charts.region_chart(organisations)
    widths = []
    for scale in (1, 2):
        with Image.open(io.BytesIO(chart_png(chart, scale=scale))) as image:
            widths.append(image.width)
    assert widths[1] == pytest.approx(2 * widths[0], abs=2)
    assert widths[0] >= PRESENTATION_WIDTH


@pytest.mark.parametrize("payload", [*PAYLOADS, HOSTILE_FOOTER])
def test_hostile_footer_is_text_in_the_svg(payload, organisations):
    provenance = make_provenance(Filters(text=payload), shown=1, total=len(organisations))
    svg = chart_svg(charts.region_chart(organisations), footer=provenance)
    root = ET.fromstring(svg)
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert tags <= SVG_ELEMENTS
    assert sum(1 for element in root.iter() if element.tag == f"{SVG}svg") == 1
    assert not any(name.startswith("on") for element in root.iter() for name in element.attrib)
    assert payload.strip() in " ".join(root.itertext())  # drawn as the text it is


@pytest.mark.parametrize(
    ("footer", "lines"),
    [
        (None, []),  # no footer at all
        ("Source: x", ["Source: x"]),  # one string is one line, not one line per character
        (["a", "b"], ["a", "b"]),
        ([""], [""]),  # an empty line is kept (spacing)
        ("word " * 60, None),  # long lines wrap to the chart width
    ],
)
def test_footer_lines(footer, lines):
    result = footer_lines(footer, PRESENTATION_WIDTH)
    if lines is not None:
        assert result == lines
    else:
        assert len(result) > 1
        assert " ".join(result) == ("word " * 60).strip()


def test_footer_from_provenance_is_the_view_then_the_source():
    provenance = make_provenance()
    assert footer_lines(provenance) == provenance.footer_lines()


def test_presentation_chart_leaves_the_chart_unchanged(organisations):
    chart = charts.domains_chart(organisations)
    before = chart.to_dict()
    spec = presentation_chart(chart, "footer").to_dict()
    assert chart.to_dict() == before
    assert spec["vconcat"][0]["width"] == PRESENTATION_WIDTH
    assert spec["title"]["orient"] == "bottom"
    assert spec["title"]["text"] == ["footer"]


def test_a_chart_of_its_own_config_keeps_it(organisations):
    # Only the top level may hold a config; nesting a configured chart would be invalid.
    chart = charts.region_chart(organisations).configure_axis(labelFontSize=22)
    spec = presentation_chart(chart, "footer").to_dict()
    assert spec["config"]["axis"]["labelFontSize"] == 22
    assert "config" not in spec["vconcat"][0]
    assert chart_svg(chart).startswith("<svg")


def test_composite_charts_keep_their_sizes():
    table = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
    part = alt.Chart(table).mark_point().encode(x="a:Q", y="b:Q").properties(width=150)
    spec = presentation_chart(alt.hconcat(part, part), "footer").to_dict()
    assert [p["width"] for p in spec["vconcat"][0]["hconcat"]] == [150, 150]
    assert chart_png(alt.hconcat(part, part), footer="footer").startswith(PNG_SIGNATURE)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"scale": 0}, "PNG scale must be positive, not 0"),
        ({"scale": -2}, "PNG scale must be positive, not -2"),
        ({"width": 50}, f"chart width 50 is below the minimum {MIN_WIDTH} px"),
    ],
)
def test_bad_sizes_are_named(arguments, message, organisations):
    with pytest.raises(ValueError, match=re.escape(message)):
        chart_png(charts.region_chart(organisations), **arguments)


def test_chart_title_finds_layered_titles(organisations):
    assert chart_title(charts.domains_chart(organisations)) == "Domains by world region"
    assert chart_title(alt.Chart(pd.DataFrame({"a": [1]})).mark_point()) == "Chart"


def embedded_spec(page: str) -> dict:
    match = re.search(r'vegaEmbed\("#chart", (.*), \{"actions"', page)
    return json.loads(match.group(1))


def test_html_is_offline_and_the_footer_cannot_close_the_script(organisations):
    payload = "</script><script>alert(1)</script>"
    provenance = make_provenance(Filters(text=payload), shown=1, total=len(organisations))
    page = chart_html(charts.region_chart(organisations), footer=provenance)
    assert external_resources(page) == []
    assert payload not in page
    assert page.count("<script") == 2  # the Vega bundle and the embed call
    assert "<title>Organisations by world region</title>" in page
    spec = embedded_spec(page)
    assert any(payload in line for line in spec["title"]["text"])


def test_html_title_is_escaped(organisations):
    page = chart_html(charts.region_chart(organisations), title="<b>x</b>")
    assert "<title>&lt;b&gt;x&lt;/b&gt;</title>" in page
