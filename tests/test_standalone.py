"""The standalone map file: everything inline, hostile text inert, provenance visible."""

import re
from html.parser import HTMLParser

import pytest

from mapping import assets, maps
from mapping.filters import Filters
from mapping.safety import escape_html
from mapping.standalone import DEFAULT_TITLE, external_resources, standalone_map_html
from tests.conftest import make_frame
from tests.test_provenance import PERMALINK, make_provenance
from tests.test_safety import PAYLOADS

RESOURCE_TAG = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=", re.IGNORECASE)
MAX_STANDALONE_BYTES = 2_000_000


class Text(HTMLParser):
    """Collect the text of the header, footer and links, as a browser would show it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text = {"header": "", "footer": ""}
        self.links: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in self.text:
            self.open.append(tag)
        if tag == "a" and self.open:
            self.links.append(dict(attrs)["href"])

    def handle_endtag(self, tag):
        if self.open and tag == self.open[-1]:
            self.open.pop()

    def handle_data(self, data):
        if self.open:
            self.text[self.open[-1]] += data


def parsed(html: str) -> Text:
    parser = Text()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def page():
    frame = make_frame({"name": "Tamarack Institute"}, {"name": "Shitufim", "roles": "knowledge"})
    return standalone_map_html(frame, make_provenance(shown=2, total=2))


def test_nothing_is_loaded_by_url(page):
    assert external_resources(page) == []
    assert not RESOURCE_TAG.search(page)


def test_leaflet_atlas_script_and_styles_are_inline(page):
    for asset in (*assets.SCRIPTS, *assets.STYLESHEETS):
        assert asset.url not in page
        sample = asset.source.read_text(encoding="utf-8").strip().splitlines()[-1][:60]
        assert sample.replace("</script", "<\\/script") in page, asset.served_as
    assert "url(images/" not in page  # Leaflet's layer icon is a data URI
    assert "url(data:image/png;base64," in page


def test_basemap_organisations_and_legend_are_in_the_page(page):
    for country in ('"iso_a2":"IL"', '"iso_a2":"CA"', '"iso_a2":"AU"'):
        assert country in page  # the Natural Earth basemap, embedded as GeoJSON
    names = maps.payload_in_script(page)["name"]
    assert "Tamarack Institute" in names
    assert "Shitufim" in names
    assert "Atlas.legendControl(" in page


def test_title_view_and_footer_are_visible(page):
    text = parsed(page)
    assert f"<title>{DEFAULT_TITLE}</title>" in page
    assert text.text["header"] == f"{DEFAULT_TITLE}2 of 2 organisations: role Funding."
    footer = text.text["footer"]
    for expected in (
        "Source: Collective Impact Atlas, dataset version 1.0.0 (2026-11-22), CC BY 4.0.",
        "Generated: 2026-11-22T06:35:12Z",
        "Cite as: Atlas contributors (2026).",
        "Natural Earth",
    ):
        assert expected in footer
    assert text.links == [PERMALINK]


def test_the_same_view_is_the_same_file(page):
    # branca names each element after a random id; the file numbers them instead.
    frame = make_frame({"name": "Tamarack Institute"}, {"name": "Shitufim", "roles": "knowledge"})
    assert standalone_map_html(frame, make_provenance(shown=2, total=2)) == page
    assert not re.search(r"_[0-9a-f]{32}\b", page)
    assert re.search(r'<div class="folium-map" id="map_1"', page)


def test_a_served_page_says_no_export_time():
    frame = make_frame({"name": "Tamarack Institute"})
    footer = parsed(
        standalone_map_html(frame, make_provenance(shown=1, total=1), export_stamp=False)
    ).text["footer"]
    assert "Generated" not in footer
    assert "2026-11-22T06:35:12Z" not in footer
    assert footer.startswith(
        "Source: Collective Impact Atlas, dataset version 1.0.0 (2026-11-22), CC BY 4.0. · "
    )


def test_online_tiles_stay_optional(page):
    # The only http(s) URLs outside the data are the tile layers, hidden until chosen.
    assert page.count("L.tileLayer(") == 2
    tile_urls = re.findall(r'L\.tileLayer\(\s*"([^"]+)"', page)
    assert all(url.startswith("https://") for url in tile_urls)
    offline = standalone_map_html(
        make_frame({}), make_provenance(shown=1, total=1), online_tiles=False
    )
    assert "L.tileLayer(" not in offline
    assert external_resources(offline) == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_stays_inert(payload, page):
    frame = make_frame({"name": payload, "description": payload, "city": payload})
    provenance = make_provenance(Filters(text=payload), shown=1, total=1)
    hostile = standalone_map_html(frame, provenance, title=payload)
    assert "<img" not in hostile
    if "<" in payload:
        assert payload not in hostile
    # Same elements and scripts as a harmless page: the text added no markup.
    assert hostile.count("<script") == page.count("<script")
    assert set(parsed(hostile).tags) == set(parsed(page).tags)
    # ... and it reads back as the very text it was.
    view = f"1 of 1 organisation: matching “{payload.strip()}”."
    assert parsed(hostile).text["header"] == payload + view
    assert f"<title>{escape_html(payload)}</title>" in hostile
    assert external_resources(hostile) == []


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ('<script src="/app/static/x.js"></script>', ["<script src="]),  # a served script
        ("<SCRIPT SRC=https://cdn.example/x.js></SCRIPT>", ["<SCRIPT SRC="]),  # any case
        ('<link rel="stylesheet" href="x.css">', ['<link rel="stylesheet" href=']),
        ("<style>a { background: url(images/layers.png) }</style>", ["url(i"]),  # relative
        ("<style>a { background: url('https://x.example/a.png') }</style>", ["url('h"]),
        ('<div style="background: url(https://x.example/a.png)">', ["url(h"]),  # attribute
        ('<style>@import "x.css";</style>', ["@import"]),
        ("<style>a { background: url(data:image/png;base64,AAAA) }</style>", []),  # inline
        ("<style>a { behavior: url(#default#VML) }</style>", []),  # Leaflet's IE fragment
        ('<script>el.style.fill = "url(" + id + ")";</script>', []),  # script, not a style
        ('<a href="https://atlas.example/">link</a>', []),  # an anchor loads nothing
    ],
)
def test_external_resources(html, found):
    assert external_resources(html) == found


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        standalone_map_html(make_frame({}), make_provenance(shown=1, total=1), language="xx")


def test_full_dataset_file_is_small_enough(organisations):
    provenance = make_provenance(shown=len(organisations), total=len(organisations))
    page = standalone_map_html(organisations, provenance)
    assert len(page.encode("utf-8")) < MAX_STANDALONE_BYTES
    assert external_resources(page) == []
    assert maps.payload_in_script(page)["name"] == organisations["name"].tolist()


def test_the_page_may_be_zoomed(page):
    # folium forbids zooming (user-scalable=no); people with low vision need it.
    assert "user-scalable=no" not in page
    assert "maximum-scale" not in page
    assert maps.ZOOMABLE_VIEWPORT in page


def test_the_details_suggest_corrections_to_the_app_the_view_came_from(page):
    payload = maps.payload_in_script(page)
    assert payload["suggest"] == {
        "label": "Suggest a correction",
        "href": "contribute?kind=correction&org={id}",
        "base": PERMALINK,  # the browser resolves the link against it: the app's own page
    }
    assert payload["ids"] == ["org-1", "org-2"]


def test_a_file_whose_app_is_unknown_suggests_nothing():
    frame = make_frame({"name": "Tamarack Institute"})
    html = standalone_map_html(frame, make_provenance(shown=1, total=1, permalink=""))
    assert "suggest" not in maps.payload_in_script(html)
