"""The live edition in a running process (``mapping.dataset``): the version check's cost,
and an approval showing in the shared dataset without a restart (the release in a copy of
data/)."""

from __future__ import annotations

import shutil

import pytest

from mapping import dataset as live
from mapping import edition, store
from mapping.store import moderation as mod
from mapping.store import suggestions as kept
from mapping.suggestions import Limits
from tests.test_store import row

DATA = store.PROJECT_ROOT / "data"


def test_the_version_check_asks_the_database_once_per_interval(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'atlas.db'}"
    store.migrate(url)
    monkeypatch.setenv("ATLAS_EDITION_CHECK_S", "10")
    watch = live._Watch()
    now = [100.0]
    none = live.Edition(0, 0, None)
    assert [watch.current(url, clock=lambda: now[0]) for _ in range(1000)] == [none] * 1000
    assert watch.queries == 1
    now[0] += 9.9
    watch.current(url, clock=lambda: now[0])
    assert watch.queries == 1
    now[0] += 0.2
    watch.current(url, clock=lambda: now[0])
    assert watch.queries == 2
    store.dispose(url)


def test_between_two_queries_the_check_parses_nothing_and_asks_nothing(tmp_path, monkeypatch):
    """The check runs on every page run and request: between two queries it is a clock
    read and a stat, never the database and never a parse of the URL (which cost more
    than the rest of it: benchmarks/edition_check.py)."""
    import sqlalchemy as sa

    url = f"sqlite:///{tmp_path / 'atlas.db'}"
    store.migrate(url)
    monkeypatch.setenv("ATLAS_DB_URL", url)
    monkeypatch.setenv("ATLAS_EDITION_CHECK_S", "10")
    live.clear_caches()
    assert live.edition_check() == live.Edition(0, 0, None)
    parsed = []
    make_url = sa.engine.make_url
    monkeypatch.setattr(sa.engine, "make_url", lambda u: parsed.append(u) or make_url(u))
    for _ in range(1000):
        live.edition_check()
    assert (parsed, live.watch(url).queries) == ([], 1)
    live.clear_caches()
    store.dispose(url)


def test_a_database_that_stops_answering_keeps_the_last_edition(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'atlas.db'}"
    store.migrate(url)
    monkeypatch.setenv("ATLAS_EDITION_CHECK_S", "0")
    watch = live._Watch()
    assert watch.current(url) == live.Edition(0, 0, None)
    store.dispose(url)
    (tmp_path / "atlas.db").unlink()
    (tmp_path / "atlas.db").mkdir()  # no longer a database file
    assert watch.current(url) == live.Edition(0, 0, None)
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
    live.clear_caches()
    yield folder, url
    live.clear_caches()
    store.dispose(url)


def submit(url, **changes) -> str:
    values = row(**{"previous": None, "contact_name": None, "contact_email": None, **changes})
    return kept.submit(values, "k", Limits(100, 100), url=url).ref


def test_an_approval_shows_in_the_shared_dataset_without_a_restart(release_copy):
    _folder, url = release_copy
    before = live.current()
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
    after = live.current()
    assert after.edition == f"{release.version}+2"
    assert after.version != before.version  # every per-version cache starts afresh
    row = after.organisations.set_index("id").loc[first]
    assert row["description"] == "Corrected <b>description</b>."
    assert gone not in set(after.organisations["id"])
    assert gone not in set(after.links["source_id"]) | set(after.links["target_id"])
    assert after.removed[gone].reason == "It closed in 2025."
    assert len(after.organisations) == len(before.organisations) - 1
    assert second in set(after.organisations["id"])
    assert live.history(gone)[-1]["reason"] == "It closed in 2025."
    assert live.history(first)[0]["field"] == "description"


def test_no_database_no_check_and_no_file(tmp_path, monkeypatch):
    """Without a database (off, or a SQLite file nobody made yet) the check asks nothing,
    creates nothing, and the live data is the release, named by its version."""
    live.clear_caches()
    monkeypatch.setenv("ATLAS_DB_URL", "off")
    assert live.edition_check() is None
    assert live.version().edition is None
    missing = tmp_path / "never.db"
    monkeypatch.setenv("ATLAS_DB_URL", f"sqlite:///{missing}")
    assert live.edition_check() is None
    assert not missing.exists()
    assert live.current().edition == edition.Release.current().version
    assert live.history("tamarack-institute") == ()
    live.clear_caches()


def test_a_rejection_moves_the_tag_not_the_data(release_copy):
    """A rejection adds to an organisation's history (the API's ETag must change) but
    changes no value (the loaded dataset and its caches stay)."""
    _folder, url = release_copy
    before, dataset = live.version(), live.current()
    first = dataset.organisations["id"].iloc[0]
    ref = submit(url, kind="correction", target=first, proposed={"city": "Elsewhere"})
    mod.decide(ref, "reject", "ann@example.org", reason="No source says so.",
               release=edition.Release.current(), url=url)  # fmt: skip
    after = live.version()
    assert after.tag != before.tag
    assert after.data == before.data
    assert live.current(after) is dataset
    assert after.modified >= before.modified
    assert [row["action"] for row in live.history(first, after)] == ["reject"]


def test_a_database_down_between_check_and_load_keeps_the_last_edition(release_copy, monkeypatch):
    _folder, url = release_copy
    shown = live.current()
    first = shown.organisations["id"].iloc[0]
    ref = submit(url, kind="correction", target=first, proposed={"city": "Haifa"})
    mod.decide(ref, "approve", "ann@example.org", release=edition.Release.current(), url=url)

    def down(*_args, **_kwargs):
        raise store.UnavailableError("down")

    with monkeypatch.context() as patched:
        patched.setattr(mod, "live", down)
        assert live.current() is shown  # the last edition loaded, not an error
        assert live.current() is shown  # and not asked again before the next check
    live._FAILED.clear()  # the next check's time has come
    assert live.current().edition.endswith("+1")


def test_a_database_down_before_any_load_shows_the_release_once(release_copy, monkeypatch):
    """A process whose first load meets the database down shows the release, loaded once
    and kept under the release's own key: under the live edition's key, the per-version
    caches would keep the release's work for the live edition once it loads."""
    _folder, url = release_copy
    first = live.current().organisations["id"].iloc[0]
    ref = submit(url, kind="correction", target=first, proposed={"city": "Haifa"})
    mod.decide(ref, "approve", "ann@example.org", release=edition.Release.current(), url=url)
    live.clear_caches()  # a process that has loaded nothing yet
    monkeypatch.setenv("ATLAS_EDITION_CHECK_S", "3600")
    loads = []
    load = live._load
    monkeypatch.setattr(live, "_load", lambda *args: loads.append(args[2:]) or load(*args))

    def down(*_args, **_kwargs):
        raise store.UnavailableError("down")

    with monkeypatch.context() as patched:
        patched.setattr(mod, "live", down)
        shown = live.current()
        assert live.current() is shown  # not loaded again before the next check
    assert loads == [(1,), ()]  # the live edition tried once, the release read once
    assert shown.edition == edition.Release.current().version
    assert shown.version != live.version().data
    live._FAILED.clear()  # the next check's time has come
    after = live.current()
    assert after.edition.endswith("+1")
    assert after.version == live.version().data
    assert after.organisations.set_index("id").loc[first, "city"] == "Haifa"


def test_a_history_the_database_cannot_give_is_asked_again_at_the_next_check(
    release_copy, monkeypatch
):
    """Each try may wait for a connection timeout: a history the database could not give is
    not asked for on every page run and request, only once per check interval."""
    _folder, url = release_copy
    first = live.current().organisations["id"].iloc[0]
    ref = submit(url, kind="correction", target=first, proposed={"city": "Haifa"})
    mod.decide(ref, "approve", "ann@example.org", release=edition.Release.current(), url=url)
    monkeypatch.setenv("ATLAS_EDITION_CHECK_S", "3600")
    asked = []

    def down(**_kwargs):
        asked.append(1)
        raise store.UnavailableError("down")

    with monkeypatch.context() as patched:
        patched.setattr(mod, "change_log", down)
        assert [live.history(first) for _ in range(3)] == [None] * 3
    assert len(asked) == 1
    assert live.history(first) is None  # the database answers again, at the next check
    live._FAILED.clear()  # the next check's time has come
    assert [row["field"] for row in live.history(first)] == ["city", "source"]
