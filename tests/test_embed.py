"""Embedding a view: who may frame the atlas, the iframe snippet, which URLs are embeddable."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from mapping import embed
from tests.test_app import PAGES, run_app
from tests.test_safety import PAYLOADS


@pytest.mark.parametrize(
    ("setting", "sources"),
    [
        ("", "*"),  # the default: any site may embed the atlas
        ("*", "*"),
        ("https://example.org", "'self' https://example.org"),  # the atlas frames itself too
        (
            "https://example.org, https://*.example.net:8443",
            "'self' https://example.org https://*.example.net:8443",
        ),
        ("'none'", "'self'"),  # no other site; the atlas still frames its own map
        ("https://a.org https://a.org", "'self' https://a.org"),  # repeats once
    ],
)
def test_frame_ancestors_from_the_setting(setting, sources):
    assert embed.frame_ancestors(setting) == sources


@pytest.mark.parametrize(
    "bad", ["example.org", "javascript:alert(1)", "https://a.org/path", "ftp://a.org"]
)
def test_a_bad_origin_is_named(bad):
    with pytest.raises(ValueError, match="ATLAS_EMBED_ORIGINS") as raised:
        embed.frame_ancestors(f"https://ok.org {bad}")
    assert repr(bad) in str(raised.value)


def test_the_middleware_sends_the_policy_on_every_answer(monkeypatch):
    monkeypatch.setenv(embed.EMBED_ORIGINS_ENV, "https://example.org")

    async def page(_request):
        return PlainTextResponse("a page")

    async def own_policy(_request):
        return PlainTextResponse("x", headers={"Content-Security-Policy": "default-src 'none'"})

    app = Starlette(routes=[Route("/", page), Route("/own", own_policy)])
    client = TestClient(embed.FrameAncestorsMiddleware(app))
    policy = client.get("/").headers["content-security-policy"]
    assert policy == "frame-ancestors 'self' https://example.org"
    assert client.get("/own").headers["content-security-policy"] == "default-src 'none'"


class Elements(HTMLParser):
    """Every start tag of a piece of HTML, with its attributes as the browser reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict]]:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser.tags


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_snippet_keeps_hostile_text_as_text(payload):
    src = f"https://atlas.example/?q={payload}"
    html = embed.iframe_html(src, 800, 600, payload)
    # One element, an iframe, whose attributes read back exactly: the text stayed text.
    ((tag, attributes),) = elements(html)
    assert tag == "iframe"
    assert attributes["title"] == payload
    assert attributes["src"] == src
    assert set(attributes) == {
        "src",
        "width",
        "height",
        "title",
        "style",
        "loading",
        "referrerpolicy",
    }


@pytest.mark.parametrize(
    ("url", "page"),
    [
        ("http://atlas.example/?role=funding", "map"),
        ("http://atlas.example/", "map"),
        ("http://ATLAS.example/charts?asof=2015", "charts"),
        ("http://atlas.example/network/", "network"),
        ("http://atlas.example/data", None),  # not embeddable
        ("https://elsewhere.example/?role=funding", None),  # another site
        ("javascript:alert(1)", None),
        ("http://atlas.example:9999/", None),  # another port is another site
        ("not a url [", None),
    ],
)
def test_which_urls_are_embeddable_views_of_this_atlas(url, page):
    found = embed.page_of(url, "http://atlas.example")
    assert (found[0].page if found else None) == page


def test_the_embed_address_and_the_atlas_address():
    page = "http://atlas.example/?role=funding,operating&zoom=4&embed=false&EMBED_OPTIONS=x"
    assert embed.embed_url(page) == "http://atlas.example/?role=funding,operating&zoom=4&embed=true"
    assert embed.atlas_url(embed.embed_url(page)) == (
        "http://atlas.example/?role=funding,operating&zoom=4"
    )


@pytest.mark.parametrize(
    ("asked", "default", "limit", "size"),
    [
        (None, 800, None, 800),
        (10, 800, None, embed.MIN_SIZE),
        (10**6, 800, None, embed.MAX_SIZE),
        (None, 800, 600, 600),  # oEmbed's maxwidth caps the default
        (None, 800, 100, 100),  # ...even below the usual minimum
    ],
)
def test_snippet_sizes(asked, default, limit, size):
    assert embed.clamp(asked, default, limit) == size


# --- pages opened as embeds (``?embed=true``) ---------------------------------------------


@pytest.fixture
def as_embed(monkeypatch):
    """Pages run as the browser reports an embed (``st.context.is_embedded``)."""
    from streamlit.runtime.context import ContextProxy

    monkeypatch.setattr(ContextProxy, "is_embedded", property(lambda self: True))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_opened_as_an_embed_is_read_only(as_embed, page):
    at = run_app(page, role="funding", embed="true")
    assert not at.exception
    assert len(at.sidebar) == 0, "no sidebar: no filters, no upload"
    assert at.get("file_uploader") == [], "no upload in an embed"
    assert at.get("download_button") == [], "no downloads in an embed"
    assert [b.label for b in at.button if b.label == "Embed"] == [], "no embed in an embed"
