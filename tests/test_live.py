"""The live edition in a running process: the version check's cost, and an approval
showing in the shared dataset without a restart (the release in a copy of data/)."""

from __future__ import annotations

import shutil

import pytest

from mapping import edition, live, store
from mapping.store import moderation as mod
from mapping.store import suggestions as kept
from mapping.suggestions import Limits
from mapping.ui import dataset as ui_dataset

DATA = store.PROJECT_ROOT / "data"


def test_the_version_check_asks_the_database_once_per_interval(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'atlas.db'}"
    store.migrate(url)
    monkeypatch.setenv("ATLAS_EDITION_CHECK_S", "10")
    watch = live._Watch()
    now = [100.0]
    assert [watch.current(url, clock=lambda: now[0]) for _ in range(1000)] == [0] * 1000
    assert watch.queries == 1
    now[0] += 9.9
    watch.current(url, clock=lambda: now[0])
    assert watch.queries == 1
    now[0] += 0.2
    watch.current(url, clock=lambda: now[0])
    assert watch.queries == 2
    store.dispose(url)


def test_a_database_that_stops_answering_keeps_the_last_edition(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'atlas.db'}"
    store.migrate(url)
    monkeypatch.setenv("ATLAS_EDITION_CHECK_S", "0")
    watch = live._Watch()
    assert watch.current(url) == 0
    store.dispose(url)
    (tmp_path / "atlas.db").unlink()
    (tmp_path / "atlas.db").mkdir()  # no longer a database file
    assert watch.current(url) == 0
    assert watch.queries == 2


@pytest.fixture
def release_copy(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("organisations.csv", "relationships.csv", "metadata.json"):
        shutil.copy(DATA / name, folder / name)
    url = f"sqlite:///{tmp_path / 'atlas.db'}"
    monkeypatch.setenv("ATLAS_DB_URL", url)
    monkeypatch.setenv("ATLAS_DATA", str(folder / "organisations.csv"))
    monkeypatch.setenv("ATLAS_EDITION_CHECK_S", "0")
    store.migrate(url)
    mod.add_moderator("ann@example.org", name="Ann", url=url)
    yield folder, url
    store.dispose(url)


def submit(url, **row) -> str:
    values = {"previous": None, "edition": "2.0.0", "reason": None, "note": None,
              "contact_name": None, "contact_email": None, "lang": "en",
              "source_url": "https://example.org/evidence", **row}  # fmt: skip
    return kept.submit(values, "k", Limits(100, 100), url=url).ref


def test_an_approval_shows_in_the_shared_dataset_without_a_restart(release_copy):
    _folder, url = release_copy
    before = ui_dataset.shared_dataset()
    release = edition.Release.current()
    assert before.edition == release.version
    first, second = before.organisations["id"].iloc[:2]
    linked = set(before.links["source_id"]) | set(before.links["target_id"])
    gone = next(org for org in before.organisations["id"][2:] if org in linked)
    fix = submit(url, kind="correction", target=first,
                 proposed={"description": "Corrected <b>description</b>."})  # fmt: skip
    remove = submit(url, kind="removal", target=gone, proposed={}, reason="It closed in 2025.")
    for ref in (fix, remove):
        mod.decide(ref, "approve", "ann@example.org", release=release, url=url)
    after = ui_dataset.shared_dataset()
    assert after.edition == f"{release.version}+2"
    assert after.version != before.version  # every per-version cache starts afresh
    row = after.organisations.set_index("id").loc[first]
    assert row["description"] == "Corrected <b>description</b>."
    assert gone not in set(after.organisations["id"])
    assert gone not in set(after.links["source_id"]) | set(after.links["target_id"])
    assert after.removed[gone].reason == "It closed in 2025."
    assert len(after.organisations) == len(before.organisations) - 1
    assert second in set(after.organisations["id"])
