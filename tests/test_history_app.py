"""The atlas after approvals, as AppTest runs it: the History in an organisation's details
(hostile text shown as text), and a removed organisation's permalinks (map, network)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from mapping import edition
from mapping.store import moderation as mod
from tests.test_app import APP, TIMEOUT
from tests.test_live import release_copy, submit  # noqa: F401 - the fixture
from tests.test_review_app import atlas  # noqa: F401 - the fixture: caches cleared around

HOSTILE = "<img src=x onerror=alert(1)> **bold**"


def test_history_and_a_removed_permalink(atlas):  # noqa: F811
    _folder, url = atlas
    release = edition.Release.current()
    ids = release.organisations["id"].tolist()
    fixed, gone = ids[3], ids[4]
    ref = submit(url, kind="correction", target=fixed, proposed={"description": HOSTILE})
    mod.decide(ref, "approve", "ann@example.org", release=release, url=url)
    ref = submit(url, kind="removal", target=gone, proposed={}, reason="Merged into " + HOSTILE)
    mod.decide(ref, "approve", "ann@example.org", release=release, url=url)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.switch_page("pages/data.py").run()
    at.selectbox(key="atlas_data_org").set_value(fixed).run()
    assert not at.exception
    tables = [d.value for d in at.dataframe if "After" in d.value.columns]
    assert len(tables) == 1
    table = tables[0]
    assert HOSTILE in table["After"].tolist()
    assert "Ann" in table["Decided by"].tolist()
    # The About page names the edition: the release and the two approvals since.
    named = f"edition **{release.version}+2**"
    at.switch_page("pages/about.py").run()
    assert any(named in m.value for m in at.markdown)
    at.query_params["lang"] = "he"
    at.run()
    assert any(f"המהדורה **{release.version}+2**" in m.value for m in at.markdown)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["org"] = gone
    at.run()
    warnings = [w.value for w in at.warning]
    assert any("was removed from the atlas on" in w and "Merged into" in w for w in warnings)
    # The Network page's link to it (the graph's selected organisation) says the same.
    at.switch_page("pages/network.py").run()
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert any("was removed from the atlas on" in w and "Merged into" in w for w in warnings)
