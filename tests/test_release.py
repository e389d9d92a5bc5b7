"""``python -m mapping.admin release`` on a copy of data/: the approvals written into the
CSV files with their sources, changes.csv and the package, version and changelog bumped,
the package valid, and the live edition afterwards applying nothing twice."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from mapping import edition, release, store
from mapping.store import moderation as mod
from tests.test_live import DATA, submit


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    folder = tmp_path / "project" / "data"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("research", "countries.geojson"))
    url = f"sqlite:///{tmp_path / 'atlas.db'}"
    monkeypatch.setenv("ATLAS_DB_URL", url)
    monkeypatch.setenv("ATLAS_DATA", str(folder / "organisations.csv"))
    store.migrate(url)
    mod.add_moderator("ann@example.org", name="Ann", url=url)
    yield folder, url
    store.dispose(url)


def test_a_release_writes_the_approvals_and_the_live_edition_starts_from_it(data_copy):
    folder, url = data_copy
    first = edition.Release.current()
    org = first.organisations["id"].iloc[0]
    with pytest.raises(release.ReleaseError, match="Nothing to release"):
        release.make_release(url=url)
    fix = submit(url, kind="correction", target=org, proposed={"year_started": "2009"})
    new = submit(
        url,
        kind="new_organisation",
        target=None,
        proposed={
            "name": "Kehila Together",
            "roles": ["operating"],
            "country_code": "IL",
            "city": "Haifa",
            "org_type": "backbone",
            "domains": ["education"],
            "scope": "metropolitan",
            "description": "A Haifa <i>education</i> partnership.",
        },
    )
    no = submit(url, kind="correction", target=org, proposed={"city": "Nowhere"})
    for ref in (fix, new):
        mod.decide(ref, "approve", "ann@example.org", release=first, url=url)
    mod.decide(no, "reject", "ann@example.org", reason="no source for it", release=first, url=url)
    made = release.make_release(url=url)
    new_version = release.next_version(first.version)  # 2.1.0 -> 2.2.0
    assert (made.version, made.applied, made.through) == (new_version, 2, 2)
    table = pd.read_csv(folder / "organisations.csv", dtype=str, keep_default_na=False)
    row = table.set_index("id").loc[org]
    assert row["year_started"] == "2009"
    assert row["source"].endswith(";https://example.org/evidence")
    assert table["id"].iloc[-1] == "kehila-together"
    assert len(table) == len(first.organisations) + 1
    changes = pd.read_csv(folder / "changes.csv", dtype=str, keep_default_na=False)
    assert set(changes["moderator"]) == {"Ann"}  # never the email
    assert "ann@example.org" not in (folder / "changes.csv").read_text(encoding="utf-8")
    assert changes["action"].tolist().count("reject") == 1
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    assert (metadata["version"], metadata["changes_through"]) == (new_version, 2)
    assert f"version {new_version}" in metadata["citation"]
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == new_version
    assert "changes" in [r["name"] for r in package["resources"]]
    card = (folder / "README.md").read_text(encoding="utf-8")
    assert f"### {new_version} (" in card
    assert "- organisations added: 1" in card
    # After the release the live edition is the release: nothing is applied twice.
    second = edition.Release.current()
    live = mod.live(second, url=url)
    assert (live.name, live.since_release) == (new_version, 0)
    assert live.organisations.equals(second.organisations.astype(str))
    # The next approval counts from the new release.
    later = submit(url, kind="correction", target=org, proposed={"year_started": "2008"})
    mod.decide(later, "approve", "ann@example.org", release=second, url=url)
    assert mod.live(second, url=url).name == f"{new_version}+1"


def test_a_release_that_does_not_validate_writes_nothing(data_copy, monkeypatch):
    folder, url = data_copy
    first = edition.Release.current()
    ref = submit(
        url,
        kind="correction",
        target=first.organisations["id"].iloc[0],
        proposed={"year_started": "2009"},
    )
    mod.decide(ref, "approve", "ann@example.org", release=first, url=url)
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}

    def refuse(_staged):
        raise release.ReleaseError("release.error.invalid", reason="a planted problem")

    monkeypatch.setattr(release, "_validate", refuse)
    with pytest.raises(release.ReleaseError, match="a planted problem"):
        release.make_release(url=url)
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before


def test_a_release_by_someone_not_moderating_is_refused(data_copy):
    _folder, url = data_copy
    with pytest.raises(mod.NotModeratorError):
        release.make_release(url=url, who="mallory@example.org")
