"""Local map assets."""

from mapping import assets


def test_every_asset_exists():
    for asset in assets.ALL_ASSETS:
        assert asset.source.is_file(), asset.source
        assert asset.url.startswith("/app/static/")


def test_leaflet_is_the_version_folium_expects():
    assert "1.9.3" in assets.LEAFLET_JS.source.read_text(encoding="utf-8")[:400]


def test_install_copies_once(tmp_path):
    first = assets.install_static_assets(tmp_path)
    assert len(first) == len(assets.ALL_ASSETS) + 1  # and the map's script bundle
    assert assets.install_static_assets(tmp_path) == []
    assert (tmp_path / "vendor" / "leaflet" / "leaflet.js").is_file()


def test_inline_assets_embeds_scripts_and_styles():
    html = (
        f'<script src="{assets.LEAFLET_JS.url}"></script>'
        f'<link rel="stylesheet" href="{assets.ATLAS_CSS.url}"/>'
    )
    inlined = assets.inline_assets(html)
    assert "/app/static/" not in inlined
    assert ".atlas-popup" in inlined
    assert "Leaflet 1.9.3" in inlined


def test_the_map_scripts_travel_as_one_file_named_by_its_content(tmp_path):
    name, code = assets.map_bundle()
    assert name.startswith("atlas/map.")
    assert name.endswith(".js")
    for asset in assets.SCRIPTS:  # every script, in its order
        assert asset.source.read_bytes() in code
    positions = [code.index(asset.source.read_bytes()) for asset in assets.SCRIPTS]
    assert positions == sorted(positions)
    links = [asset.url for asset in assets.SCRIPTS]
    assert assets.bundled(links) == [f"/app/static/{name}"]
    assert assets.bundled(["/other.js"]) == ["/other.js"]
    assets.install_static_assets(tmp_path)
    assert (tmp_path / name).read_bytes() == code


def test_scripts_put_in_the_page_survive_streamlits_sanitiser():
    # st.html runs its HTML through DOMPurify, which drops a <script> whose text has "<"
    # before a letter, "/" or "!" (it could be markup): the script would silently not run.
    import re

    for script in (assets.URL_KEEPER_JS, assets.EMBED_JS, assets.ANNOUNCER_JS):
        code = script.read_text(encoding="utf-8")
        assert not re.search(r"<[/\w!]", code), script.name
    assert not re.search(r"<[/\w!]", assets.embed_script('<iframe src="{src}"></iframe>')[8:-9])
