"""QR codes read back to the very link they were made for."""

from __future__ import annotations

import base64
import io
import re
from urllib.parse import urlencode

import pytest
import vl_convert
import zxingcpp
from PIL import Image
from starlette.applications import Starlette
from starlette.testclient import TestClient

from mapping import qr
from mapping.qr import qr_img, qr_svg
from tests.conftest import ENCODINGS, get_encoded

LINKS = [
    "http://192.168.1.20:8501/audience",  # a laptop on the hall's network
    "http://192.168.1.20:8501/audience?role=funding&country=CA,AU&lang=he",
    "https://atlas.example.org/audience?asof=2015&lat=31.7683&lon=35.2137&zoom=7&org=shitufim",
    "https://atlas.example.org/?text=%D7%A9%D7%99%D7%AA%D7%95%D7%A4%D7%99%D7%9D",  # Hebrew
]


def read_back(svg: str, scale: float = 4) -> list[str]:
    """Rasterise the SVG (as a browser would draw it) and decode every QR code in it."""
    png = vl_convert.svg_to_png(svg, scale=scale)
    image = Image.open(io.BytesIO(png)).convert("L")
    return [result.text for result in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize("link", LINKS)
def test_the_code_decodes_back_to_the_link(link):
    assert read_back(qr_svg(link)) == [link]


def test_the_image_form_carries_the_same_code():
    link = LINKS[1]
    img = qr_img(link, "QR code of the audience link")
    data = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', img).group(1)
    assert read_back(base64.b64decode(data).decode("utf-8")) == [link]
    assert 'alt="QR code of the audience link"' in img


def test_the_code_has_no_fixed_size_and_a_quiet_zone():
    svg = qr_svg(LINKS[0])
    assert 'viewBox="0 0 ' in svg
    assert "width=" not in svg.split(">", 1)[0]
    size = int(re.search(r'viewBox="0 0 (\d+) ', svg).group(1))
    assert (size - 8 - 17) % 4 == 0  # a QR version's modules (17 + 4v) and 4 on each side


def test_a_hostile_label_stays_text():
    payload = '"><script>alert(1)</script>'
    svg = qr_svg(LINKS[0], payload)
    assert "<script" not in svg
    assert "&quot;&gt;&lt;script&gt;" in svg
    assert "<script" not in qr_img(LINKS[0], payload)


@pytest.mark.parametrize(
    "link", ["", "/audience", "javascript:alert(1)", "http://", "http://host/a b"]
)
def test_only_absolute_web_links_get_a_code(link):
    with pytest.raises(ValueError, match="absolute http"):
        qr_svg(link)


@pytest.fixture
def client():
    with TestClient(Starlette(routes=qr.routes()), base_url="http://hall.local:8501") as test:
        yield test


def get(client, link: str, encoding: str = "gzip", **headers):
    return get_encoded(client, f"{qr.PATH}?{urlencode({'link': link})}", encoding, **headers)


@pytest.mark.parametrize(("encoding", "decode"), ENCODINGS)
def test_the_share_box_redraws_a_code_from_the_server(client, encoding, decode):
    link = "http://hall.local:8501/audience?role=funding&lat=45.5&lon=-73.6&zoom=8"
    response = get(client, link, encoding)
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/svg+xml"
    assert response.headers.get("content-encoding", "identity") == encoding
    # The address names the code: kept a year, as the content-hashed files are.
    assert response.headers["cache-control"] == "public, immutable, max-age=31536000"
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    assert read_back(decode(response.body).decode("utf-8")) == [link]
    known = get(client, link, encoding, **{"If-None-Match": response.headers["etag"]})
    assert known.status_code == 304


@pytest.mark.parametrize(
    ("link", "why"),
    [
        ("", "absolute http"),
        ("/audience?role=funding", "absolute http"),  # the browser sends it whole
        ("javascript:alert(1)", "absolute http"),
        ("https://elsewhere.example/audience", "to this server"),  # not a QR code service
        ("http://hall.local:8502/audience", "to this server"),  # another port, another server
        ("http://hall.local:8501/?q=" + "x" * 2_000, "at most 2,000 characters"),
    ],
)
def test_only_this_servers_links_are_drawn(client, link, why):
    response = get(client, link)
    assert response.status_code == 400
    assert why in response.body.decode("utf-8")
    assert response.headers["content-type"].startswith("text/plain")
