"""The live dataset, loaded once per version; work done per version, and never for an upload."""

import pandas as pd
import pytest

from mapping import dataset as live
from mapping import network
from mapping.dataset import (
    Dataset,
    dataset_span,
    linked_organisations,
    organisation_names,
)
from tests.conftest import make_frame


def dataset(names: list[str], version: str | None, years: list[int | None]) -> Dataset:
    organisations = make_frame(
        *(
            {"name": name, "year_started": "" if y is None else str(y)}
            for name, y in zip(names, years, strict=True)
        )
    )
    links = pd.DataFrame(
        [{**dict.fromkeys(network.LINK_COLUMNS, ""), "source_id": "org-1", "target_id": "org-2"}]
    )
    return Dataset(organisations, links, pd.DataFrame(columns=network.NETWORK_COLUMNS), version)


@pytest.fixture(autouse=True)
def fresh_caches():
    live.clear_caches()
    yield
    live.clear_caches()


def test_a_shared_version_is_worked_out_once_for_every_session():
    first = dataset(["Beta", "Alpha"], "v1", [2010, None])
    # Another object with the same version: a second session of the same files.
    second = dataset(["Gamma", "Delta"], "v1", [1999, 2020])
    assert organisation_names(first, "en") == {"org-1": "Beta", "org-2": "Alpha"}
    assert organisation_names(second, "en") == organisation_names(first, "en")
    assert linked_organisations(second, "en") == ("org-2", "org-1")  # by name: Alpha, Beta
    assert (dataset_span(first).first_year, dataset_span(first).last_year) == (2010, 2010)
    assert dataset_span(second) == dataset_span(first)


def test_an_upload_is_never_shared():
    shared = dataset(["Beta", "Alpha"], "v1", [2010, None])
    upload = dataset(["Gamma", "Delta"], None, [1999, 2020])
    organisation_names(shared, "en")
    dataset_span(shared)
    assert organisation_names(upload, "en") == {"org-1": "Gamma", "org-2": "Delta"}
    assert linked_organisations(upload, "en") == ("org-2", "org-1")  # Delta, Gamma
    assert (dataset_span(upload).first_year, dataset_span(upload).last_year) == (1999, 2020)


def test_each_piece_of_work_has_its_own_entry_per_language():
    shared = dataset(["Beta", "Alpha"], "v2", [2010, 2012])
    assert organisation_names(shared, "he") == organisation_names(shared, "en")
    assert linked_organisations(shared, "he") == ("org-2", "org-1")
    assert live.column_values(shared, "country_code") == frozenset({"US"})


def test_the_live_dataset_is_loaded_once_per_version_of_its_files(tmp_path, monkeypatch):
    from mapping.data import DEFAULT_DATASET

    copy = tmp_path / "organisations.csv"
    copy.write_bytes(DEFAULT_DATASET.read_bytes())
    monkeypatch.setenv("ATLAS_DATA", str(copy))
    first = live.current()
    assert live.current() is first  # the same object for every caller
    assert first.version == live.version().data
    copy.write_bytes(copy.read_bytes().replace(b"Tamarack Institute,", b"Tamarack Inst.,"))
    second = live.current()
    assert second is not first
    assert second.version == live.version().data != first.version
    assert "Tamarack Inst." in set(second.organisations["name"])


def test_threads_asking_at_once_load_it_once(monkeypatch):
    import threading

    loads = []
    inside = threading.Event()
    release = threading.Event()
    real = live._load

    def slow_load(files, tag, number=None):
        loads.append(tag)
        inside.set()
        release.wait(timeout=60)  # the other threads arrive while this one loads
        return real(files, tag, number)

    monkeypatch.setattr(live, "_load", slow_load)
    results = []
    threads = [threading.Thread(target=lambda: results.append(live.current())) for _ in range(8)]
    threads[0].start()
    assert inside.wait(timeout=60)
    for thread in threads[1:]:
        thread.start()
    release.set()
    for thread in threads:
        thread.join(timeout=60)
    assert len(loads) == 1
    assert len(results) == 8
    assert all(result is results[0] for result in results)
