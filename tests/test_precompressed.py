"""Static text files go out compressed, compressed once per content, cached as they should."""

from __future__ import annotations

import asyncio
import gzip
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.testclient import TestClient

from mapping import precompressed
from mapping.precompressed import REVALIDATE, YEAR, Locator, PrecompressedFiles, Store, accepted
from tests.conftest import get_encoded

SCRIPT = b"function atlas() { return 'the same text, again and again'; }\n" * 400


def run(coroutine):
    """``asyncio.run`` in a thread of its own: a browser test may leave a loop running here."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("gzip, deflate, br, zstd", "br"),  # Chromium over https:// or to localhost
        ("gzip, deflate", "gzip"),  # Chromium over http:// to an address: a phone in the hall
        ("br;q=0, gzip", "gzip"),  # refused explicitly
        ("gzip;q=0.5, br;q=0.1", "br"),  # any weight above zero will do: ours is smaller
        ("*", "br"),  # anything
        ("*, br;q=0", "gzip"),
        ("identity", None),  # curl without --compressed
        ("", None),
        ("gzip;q=nonsense", None),  # an unreadable weight counts as a refusal
    ],
)
def test_the_encoding_a_browser_accepts(header, expected):
    assert accepted(header) == expected


@pytest.fixture
def tree(tmp_path: Path) -> dict[str, Path]:
    """A Streamlit-like frontend folder, an app static folder and a component folder."""
    frontend = tmp_path / "frontend"
    (frontend / "static" / "js").mkdir(parents=True)
    (frontend / "static" / "media").mkdir()
    (frontend / "index.html").write_bytes(b"<!DOCTYPE html><title>app</title>" + b" " * 2000)
    (frontend / "static" / "js" / "index.DormvYxC.js").write_bytes(SCRIPT)
    (frontend / "static" / "js" / "tiny.AbCdEfGh.js").write_bytes(b"var a=1;")
    (frontend / "static" / "media" / "font.BsWL4Kly.woff2").write_bytes(b"wOF2" + bytes(4000))
    app_static = tmp_path / "app_static"
    (app_static / "atlas").mkdir(parents=True)
    (app_static / "atlas" / "atlas.js").write_bytes(SCRIPT + b"// atlas\n")
    (app_static / "atlas" / "countries.geojson").write_bytes(b'{"type":"x"}' * 300)
    component = tmp_path / "component"
    (component / "static" / "js").mkdir(parents=True)
    (component / "index.html").write_bytes(b"<html>" + b"frame " * 200 + b"</html>")
    (component / "static" / "js" / "main.521860b0.js").write_bytes(SCRIPT + b"// main\n")
    (component / "frame.js").write_bytes(SCRIPT + b"// frame\n")
    (tmp_path / "secret.js").write_bytes(SCRIPT)
    return {"frontend": frontend, "app_static": app_static, "component": component}


def locator(tree) -> Locator:
    components = {"streamlit_folium.st_folium": str(tree["component"])}
    return Locator(tree["frontend"], tree["app_static"], components.get)


@pytest.mark.parametrize(
    ("path", "file", "cache"),
    [
        ("/", "frontend/index.html", REVALIDATE),  # the page
        ("/network", "frontend/index.html", REVALIDATE),  # a page's path: the same page
        ("/static/js/index.DormvYxC.js", "frontend/static/js/index.DormvYxC.js", YEAR),
        ("/app/static/atlas/atlas.js", "app_static/atlas/atlas.js", REVALIDATE),
        (
            "/component/streamlit_folium.st_folium/static/js/main.521860b0.js",
            "component/static/js/main.521860b0.js",
            YEAR,  # content-hashed name
        ),
        ("/component/streamlit_folium.st_folium/index.html", "component/index.html", REVALIDATE),
        ("/component/streamlit_folium.st_folium/frame.js", "component/frame.js", REVALIDATE),
    ],
)
def test_which_file_a_path_serves(tree, path, file, cache):
    target = locator(tree).locate(path)
    assert target.path == (tree["frontend"].parent / file).resolve()
    assert target.cache_control == cache


@pytest.mark.parametrize(
    "path",
    [
        "/static/js/../../../secret.js",  # out of the folder
        "/app/static/../secret.js",
        "/app/static/atlas/%2e%2e/x.js",
        "//static/js/index.DormvYxC.js",  # Streamlit answers 400
        "/static/js/missing.js",  # Streamlit answers (its own 404 or fallback)
        "/static/js/",  # Streamlit redirects
        "/network/",
        "/_stcore/health",
        "/component/unknown.component/index.html",  # not declared
        "/component/streamlit_folium.st_folium/../../secret.js",
        "/static/js/.hidden.js",
        "/static\\js\\index.DormvYxC.js",
        "/favicon.ico",  # a file name: Streamlit decides
    ],
)
def test_paths_left_to_streamlit(tree, path):
    assert locator(tree).locate(path) is None


def test_a_page_path_another_route_serves_is_left_to_it(tree):
    assert locator(tree).locate("/audience", elsewhere=lambda: True) is None
    assert locator(tree).locate("/", elsewhere=lambda: True) is not None  # the root is the page


def server(tree, store: Store) -> Starlette:
    """Routes shaped like Streamlit's, behind the middleware."""

    async def audience(_request):
        return PlainTextResponse("audience " * 100)

    return Starlette(
        routes=[
            Route("/audience", audience),
            Mount("/app/static", StaticFiles(directory=tree["app_static"])),
            Mount("/", StaticFiles(directory=tree["frontend"], html=True), name="static-assets"),
        ],
        middleware=[Middleware(PrecompressedFiles, locator=locator(tree), store=store)],
    )


@pytest.fixture
def client(tree, tmp_path):
    store = Store(cache_dir=tmp_path / "cache", upgrade=False)
    with TestClient(server(tree, store)) as test_client:
        yield test_client


@pytest.mark.parametrize("encoding", ["gzip", "br"])
@pytest.mark.parametrize(
    ("path", "file", "content_type", "cache"),
    [
        ("/", "frontend/index.html", "text/html", REVALIDATE),
        ("/charts", "frontend/index.html", "text/html", REVALIDATE),
        (
            "/static/js/index.DormvYxC.js",
            "frontend/static/js/index.DormvYxC.js",
            "text/javascript",
            YEAR,
        ),
        ("/app/static/atlas/atlas.js", "app_static/atlas/atlas.js", "text/javascript", REVALIDATE),
        (
            "/app/static/atlas/countries.geojson",
            "app_static/atlas/countries.geojson",
            "application/geo+json",
            REVALIDATE,
        ),
    ],
)
def test_text_files_go_compressed_with_their_caching(
    client, tree, encoding, path, file, content_type, cache
):
    response = get_encoded(client, path, encoding)
    original = (tree["frontend"].parent / file).read_bytes()
    assert response.status_code == 200
    assert response.headers["content-encoding"] == encoding
    assert response.headers["content-type"].startswith(content_type)
    assert response.headers["cache-control"] == cache
    assert response.headers["vary"] == "Accept-Encoding"
    assert int(response.headers["content-length"]) == len(response.body) < len(original)
    decode = {"gzip": gzip.decompress, "br": brotli.decompress}[encoding]
    assert decode(response.body) == original


def test_a_known_copy_is_not_sent_again(client):
    first = get_encoded(client, "/app/static/atlas/atlas.js", "gzip")
    again = get_encoded(
        client, "/app/static/atlas/atlas.js", "gzip", **{"If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304
    assert again.body == b""
    assert again.headers["etag"] == first.headers["etag"]
    # Each encoding is its own representation: a brotli copy does not validate a gzip one.
    other = get_encoded(
        client, "/app/static/atlas/atlas.js", "br", **{"If-None-Match": first.headers["etag"]}
    )
    assert other.status_code == 200


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/static/js/index.DormvYxC.js", {"Accept-Encoding": "identity"}),  # no compression
        ("/static/media/font.BsWL4Kly.woff2", {"Accept-Encoding": "gzip"}),  # compressed already
        ("/static/js/tiny.AbCdEfGh.js", {"Accept-Encoding": "gzip"}),  # too small to gain
        ("/static/js/index.DormvYxC.js", {"Accept-Encoding": "gzip", "Range": "bytes=0-9"}),
        ("/audience", {"Accept-Encoding": "gzip"}),  # another route's answer
    ],
)
def test_everything_else_goes_to_streamlit_untouched(client, path, headers):
    response = get_encoded(client, path, headers.pop("Accept-Encoding"), **headers)
    assert response.status_code in (200, 206)
    assert "content-encoding" not in response.headers
    assert "vary" not in response.headers


def test_head_answers_the_headers_only(client):
    response = client.head("/static/js/index.DormvYxC.js", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
    assert int(response.headers["content-length"]) > 0
    assert response.content == b""


def test_a_file_is_compressed_once_however_many_ask_at_once(tree, tmp_path, monkeypatch):
    calls = []
    real = precompressed.quick

    def counted(data: bytes) -> dict[str, bytes]:
        calls.append(len(data))
        return real(data)

    monkeypatch.setattr(precompressed, "quick", counted)
    store = Store(cache_dir=tmp_path / "cache", upgrade=False)
    path = tree["frontend"] / "static" / "js" / "index.DormvYxC.js"

    async def burst():
        stat = path.stat()
        return await asyncio.gather(
            *(store.compress(path, stat, "text/javascript") for _ in range(50))
        )

    entries = run(burst())
    assert calls == [len(SCRIPT)]
    assert len({id(entry) for entry in entries}) == 1
    assert store.ready(path, path.stat()) is entries[0]


def test_a_rewritten_file_is_compressed_again(tree, client):
    path = tree["app_static"] / "atlas" / "atlas.js"
    before = get_encoded(client, "/app/static/atlas/atlas.js", "gzip")
    path.write_bytes(SCRIPT + b"// a new release\n")
    after = get_encoded(client, "/app/static/atlas/atlas.js", "gzip")
    assert gzip.decompress(after.body).endswith(b"// a new release\n")
    assert after.headers["etag"] != before.headers["etag"]


def test_the_smallest_forms_are_made_in_the_background_and_kept_on_disk(tree, tmp_path):
    told: list[str] = []
    cache = tmp_path / "cache"
    store = Store(cache_dir=cache, report=told.append)
    path = tree["frontend"] / "static" / "js" / "index.DormvYxC.js"
    quick = run(store.compress(path, path.stat(), "text/javascript"))
    assert not quick.best
    store.wait_upgrades()
    smallest = store.ready(path, path.stat())
    assert smallest.best
    assert len(smallest.bodies["gzip"]) <= len(quick.bodies["gzip"])
    assert len(smallest.bodies["br"]) <= len(quick.bodies["br"])
    assert gzip.decompress(smallest.bodies["gzip"]) == SCRIPT
    assert brotli.decompress(smallest.bodies["br"]) == SCRIPT
    assert told[0] == precompressed.BEST_STARTED
    assert told[-1].startswith(precompressed.BEST_MADE)
    # The next server starts with them, without compressing anything.
    restarted = Store(cache_dir=cache, upgrade=False)
    again = run(restarted.compress(path, path.stat(), "text/javascript"))
    assert again.best
    assert again.bodies == smallest.bodies
    assert sorted(p.suffix for p in cache.iterdir()) == [".br", ".gzip"]


def test_the_background_thread_gives_way_to_visitors(tree, tmp_path):
    # Linux lets a thread lower its own priority: the upgrade runs at nice 19.
    seen = {}
    store = Store(cache_dir=tmp_path / "cache")
    real_best = precompressed.best

    def spy(data):
        import os

        seen["nice"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        return real_best(data)

    precompressed.best, restore = spy, precompressed.best
    try:
        path = tree["app_static"] / "atlas" / "atlas.js"
        run(store.compress(path, path.stat(), "text/javascript"))
        store.wait_upgrades()
    finally:
        precompressed.best = restore
    assert seen["nice"] == 19


def test_an_unwritable_cache_keeps_the_forms_in_memory(tree, tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    store = Store(cache_dir=blocked / "cache")
    path = tree["app_static"] / "atlas" / "atlas.js"
    run(store.compress(path, path.stat(), "text/javascript"))
    store.wait_upgrades()
    assert store.ready(path, path.stat()).best
