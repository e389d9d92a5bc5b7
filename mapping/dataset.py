"""The live dataset: the release plus the approved changes, loaded once per edition and shared.

The pages (``mapping.ui``), the audience page and the HTTP API (``mapping.api``) read the
same ``Dataset`` object from ``current()``, so a page and its API call select from the same
rows and name the same edition. ``version()`` is the one cheap check of what the live data
is: the release's files (paths, sizes and modification times) and the edition check
(``edition_check``: the number of the last approval and of the change log's last row, read
from the database at most once every ``ATLAS_EDITION_CHECK_S`` seconds per process, never
per page run or request). The API's ``ETag`` and ``Last-Modified``, and every cache of work
done per dataset (``per_version``), are keyed by it.

When an approval lands, the next check sees the number move; the next ``current()`` loads
the release plus the approvals it does not include (``mapping.edition``), and every page
and API answer shows it: an approval reaches every replica within the check interval plus
one load, with no restart. A database that is off, down or not migrated leaves the atlas on
the last edition it knew (the release itself if it never knew another): readable, never
broken. A visitor who does not contribute makes no database: a SQLite file that does not
exist is not created for asking.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import hashlib
import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

import geopandas as gpd
import pandas as pd

from mapping import edition, maps, network, store
from mapping.data import (
    DATASET_ENV,
    DatasetError,
    dataset_path,
    load_organisations,
    organisations_from_table,
)
from mapping.paths import METADATA_FILE

T = TypeVar("T")
log = logging.getLogger(__name__)

# Versions kept loaded at once: the live one, and the one before while requests finish with it.
LOADED_VERSIONS = 2
# Entries of the per-version work cache (work x language x version).
WORK_ENTRIES = 64


@dataclass(frozen=True)
class Dataset:
    """Organisations, the links between them and the named networks: shared, never mutated.

    ``version`` identifies the data (``Version.data``, for caches shared by every
    session); None for a session's upload, which no other session may see. ``edition``
    names the live edition (``2.1.0+17``: the release and the approvals since it);
    ``removed``: the organisations removed since the release (id ->
    ``mapping.edition.Removal``: when, why, by whom).
    """

    organisations: gpd.GeoDataFrame
    links: pd.DataFrame
    networks: pd.DataFrame
    version: str | None = None
    edition: str = ""
    removed: Mapping[str, edition.Removal] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Edition:
    """What the edition check read: the number of the last approval, the id of the change
    log's last row (a rejection moves it, not the number) and when that row was logged."""

    number: int
    logged: int = 0
    at: dt.datetime | None = None


@dataclass(frozen=True)
class Version:
    """What the live data is, cheaply.

    ``tag`` names the data and its history (the API's ETags: a rejection, which changes
    an organisation's history but no value, moves it too); ``data`` names the data alone
    (``Dataset.version``: what the loaded dataset and the per-version caches are kept
    under); ``modified`` is when either last changed; ``edition`` is what the edition
    check read (None: no database).
    """

    tag: str
    modified: dt.datetime
    files: tuple[tuple[str, int, int], ...]
    data: str = ""
    edition: Edition | None = None


def _files() -> tuple[str, ...]:
    """The files the live dataset is read from, resolved ("": that part has no file).

    The organisations, their links, the named networks and the release's metadata
    (its version, licence and citation, which every API response names).
    """
    return _resolved(os.environ.get(DATASET_ENV, ""), os.environ.get(network.RELATIONSHIPS_ENV, ""))


@functools.lru_cache(maxsize=8)
def _resolved(_dataset_env: str, _links_env: str) -> tuple[str, ...]:
    """The files for these settings (resolving paths costs more than a request may spend)."""
    paths = (dataset_path(), network.relationships_path(), network.networks_path(), METADATA_FILE)
    return tuple("" if path is None else str(path.resolve()) for path in paths)


def _file_version(path: str) -> tuple[str, int, int]:
    """What identifies a file's content cheaply: path, modification time, size.

    A path that cannot be examined (missing, say) still gets a version: the
    loader then says what is wrong with it (``mapping.csvfile``), in the
    reader's language, on a page and in the API alike.
    """
    if not path:
        return ("", 0, 0)
    try:
        stat = os.stat(path)
    except OSError:
        return (path, -1, -1)
    return (path, stat.st_mtime_ns, stat.st_size)


def version() -> Version:
    """The live data's version: a few ``stat`` calls and the edition check (at most one tiny
    query per process every ``ATLAS_EDITION_CHECK_S``), no reading (never raises for a
    missing file: ``current`` does, naming it)."""
    files = tuple(_file_version(path) for path in _files())
    state = edition_check()
    number = None if state is None else state.number
    logged = None if state is None else state.logged
    data = _data_key(files, number)
    tag = _hashed((files, number, logged))
    newest = max(0, *(mtime for _path, mtime, _size in files))
    modified = dt.datetime.fromtimestamp(newest // 1_000_000_000, dt.UTC)
    if state is not None and state.at is not None:
        modified = max(modified, state.at.replace(tzinfo=dt.UTC, microsecond=0))
    return Version(tag, modified, files, data, state)


def _hashed(value: object) -> str:
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()[:16]


def _data_key(files: tuple[tuple[str, int, int], ...], number: int | None) -> str:
    """``Version.data``: the release's files and the edition number (None: the release)."""
    return _hashed((files, number))


# The edition check ----------------------------------------------------------------------

CHECK_ENV = "ATLAS_EDITION_CHECK_S"
CHECK_SECONDS = 10.0


def check_seconds() -> float:
    """How often a process asks the database for the edition (``ATLAS_EDITION_CHECK_S``)."""
    text = os.environ.get(CHECK_ENV, "").strip()
    try:
        return max(0.0, float(text)) if text else CHECK_SECONDS
    except ValueError:
        raise ValueError(f"{CHECK_ENV}={text!r}: expected a number of seconds") from None


class _Watch:
    """The last edition read from one database, and when it was read."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.state: Edition | None = None
        self.read_at = float("-inf")
        self.queries = 0  # how many times the database was asked (benchmarks, tests)

    def current(self, url: str | None, clock=time.monotonic) -> Edition | None:
        now = clock()
        if now - self.read_at < check_seconds():
            return self.state
        with self.lock:
            if now - self.read_at < check_seconds():  # another thread just read it
                return self.state
            self.read_at = now
            self.queries += 1
            try:
                from mapping.store.moderation import edition_state

                self.state = Edition(*edition_state(url=url))
            except store.UnavailableError as error:
                log.warning("edition check: the database is %s; keeping edition %s",
                            error, self.state)  # fmt: skip
            return self.state


_watches: dict[str, _Watch] = {}
_watches_lock = threading.Lock()


def watch(url: str) -> _Watch:
    """The edition check of the database at ``url`` (one per process)."""
    with _watches_lock:
        return _watches.setdefault(url, _Watch())


def read_again() -> None:
    """Ask the database at the next check: this process just made a decision, and the
    moderator who made it should see it at once (other processes within the interval)."""
    url = store.database_url()
    if url is not None:
        watch(url).read_at = float("-inf")


def edition_check() -> Edition | None:
    """The edition as this process last read it (None: no database).

    A SQLite file that does not exist holds no approval: it is not created for asking
    (a visitor who does not contribute makes no database, issue #20).
    """
    url = store.database_url()
    if url is None or _missing_sqlite_file(url):
        return None
    return watch(url).current(url)


def _missing_sqlite_file(url: str) -> bool:
    path = _sqlite_file(url)
    return path is not None and not os.path.exists(path)


@functools.lru_cache(maxsize=8)
def _sqlite_file(url: str) -> str | None:
    """The SQLite file ``url`` names, or None (another database, memory, a ``file:`` URI).
    Parsed once per URL: the edition check runs on every page run and request, and
    parsing cost more than the rest of the check (benchmarks/edition_check.py)."""
    import sqlalchemy as sa

    return store.sqlite_file(sa.engine.make_url(url))


_LOCK = threading.Lock()
_LOADED: OrderedDict[str, Dataset] = OrderedDict()
# What the database could not give (a live edition between the check and the load, a
# history): when it was tried, so it is tried again once per check interval, not on every
# page run and request (each try may wait for a connection timeout).
_FAILED: dict[tuple[str, str], float] = {}


def _failed_recently(what: str, key: str) -> bool:
    return time.monotonic() - _FAILED.get((what, key), float("-inf")) < check_seconds()


class _NotLoaded(Exception):  # noqa: N818 (a fallback, kept apart from real failures)
    """The live edition could not be read now (``current`` shows ``_meanwhile``)."""


def _release_of(files: tuple[tuple[str, int, int], ...]) -> edition.Release:
    organisations_file, links_file, _networks_file, _metadata_file = files
    links = Path(links_file[0]) if links_file[0] else None
    return edition.Release.read(Path(organisations_file[0]), links)


def _load(files: tuple[tuple[str, int, int], ...], tag: str, number: int | None = None) -> Dataset:
    """The release's files (the organisations, their links, the named networks), plus the
    approvals up to edition ``number`` that the release does not include yet."""
    organisations_file, links_file, _networks_file, _metadata_file = files
    name, through = edition.release_info(Path(organisations_file[0]))
    if number and number > through:
        try:
            return _load_live(_release_of(files), tag, number)
        except DatasetError as error:  # an approval the full check refuses: the release
            log.error("live edition %s not shown: %s", number, error)
        except store.UnavailableError as error:
            log.warning("live edition %s not shown: the database is %s", number, error)
            raise _NotLoaded(f"live edition {number} not loaded") from error
    gdf = load_organisations(organisations_file[0])
    relationships = (
        network.load_relationships(links_file[0], organisations=gdf)
        if links_file[0]
        else network.empty_links()
    )
    networks = network.networks_table(organisations=gdf)
    # These objects live as long as the server: exempt them from every full
    # garbage collection (Python's own, and Streamlit's post-run one if a
    # deployment turns it back on), which held the map's message back 0.5 s
    # per page load at 100,000 organisations.
    gc.freeze()
    return Dataset(gdf, relationships, networks, tag, name)


def _load_live(release: edition.Release, tag: str, number: int) -> Dataset:
    """The release plus the approvals up to ``number``, validated as the files are."""
    from mapping.store.moderation import live

    applied = live(release)
    gdf = organisations_from_table(
        applied.organisations, source="organisations.csv", plausible=True, sourced=True
    )
    relationships = network.relationships_from_table(applied.links, gdf["id"])
    # A removed organisation's network goes with it: the table is read without checking
    # its runners against the organisations, then kept to those that remain.
    networks = network.networks_table()
    networks = networks[networks["organisation_id"].isin(set(gdf["id"]))].reset_index(drop=True)
    gc.freeze()
    return Dataset(gdf, relationships, networks, tag, applied.name, applied.removed)


def current(known: Version | None = None) -> Dataset:
    """The live dataset, loaded once per version and shared (thread-safe; never mutate it).

    ``known``: the version the caller has just read (``version()``), so the files are
    looked at once per request.

    Raises
    ------
    mapping.data.DatasetError
        If a file holds an invalid value (the message names the row, field and value).
    OSError
        If a file cannot be read.
    """
    live = version() if known is None else known
    key = live.data
    dataset = _LOADED.get(key)
    if dataset is not None:
        return dataset
    with _LOCK:  # one thread loads; the others wait for it rather than load again
        dataset = _LOADED.get(key)
        if dataset is not None:
            return dataset
        if _failed_recently("edition", key):
            return _meanwhile(live.files)
        number = None if live.edition is None else live.edition.number
        try:
            dataset = _load(live.files, key, number)
        except _NotLoaded:
            _FAILED["edition", key] = time.monotonic()  # try again at the next check
            return _meanwhile(live.files)
        _FAILED.pop(("edition", key), None)
        _LOADED[key] = dataset
        while len(_LOADED) > LOADED_VERSIONS:
            _LOADED.popitem(last=False)
    return dataset


def _meanwhile(files: tuple[tuple[str, int, int], ...]) -> Dataset:
    """What to show while the live edition cannot be read: the last edition loaded, or
    else the release, kept under the release's own key (never the live edition's: the
    per-version caches would then keep the release's work for the live edition)."""
    if _LOADED:
        return _LOADED[next(reversed(_LOADED))]
    key = _data_key(files, None)
    _LOADED[key] = _load(files, key)
    return _LOADED[key]


# The change log, by what it is about, for the last few versions (``history``).
_HISTORY: OrderedDict[str, Mapping[str, tuple[dict, ...]]] = OrderedDict()


def history(entity_id: str, known: Version | None = None) -> tuple[dict, ...] | None:
    """The change log's rows about ``entity_id`` (an organisation's id), oldest first:
    every approval's changes and every rejection with its reason (``mapping.store.schema``'s
    ``changes``). Read once per version of the data and its history, for every
    organisation at once; () without a database, None when the database does not answer
    (asked again at the next check, not on every request).
    """
    live = version() if known is None else known
    if live.edition is None:
        return ()
    kept = _HISTORY.get(live.tag)
    if kept is None:
        from mapping.store.moderation import change_log

        if _failed_recently("history", live.tag):
            return None
        try:
            rows = change_log()
        except store.UnavailableError:
            _FAILED["history", live.tag] = time.monotonic()
            return None
        _FAILED.pop(("history", live.tag), None)
        grouped: dict[str, list[dict]] = {}
        for row in rows:
            grouped.setdefault(row["entity_id"], []).append(row)
        kept = MappingProxyType({key: tuple(found) for key, found in grouped.items()})
        with _LOCK:
            _HISTORY[live.tag] = kept
            while len(_HISTORY) > LOADED_VERSIONS:
                _HISTORY.popitem(last=False)
    return kept.get(entity_id, ())


_WORK: OrderedDict[tuple, object] = OrderedDict()


def per_version(dataset: Dataset, work: Callable[..., T], lang: str = "", *args: Hashable) -> T:
    """``work(dataset, lang, *args)``: once per shared dataset version, afresh for an upload.

    ``work`` must be a pure, module-level function (its qualified name and ``args`` key
    the cache) whose result is never mutated by its callers.
    """
    if dataset.version is None:
        return work(dataset, lang, *args)
    key = (dataset.version, work.__module__, work.__qualname__, lang, *args)
    with _LOCK:
        if key in _WORK:
            _WORK.move_to_end(key)
            return _WORK[key]  # type: ignore[return-value]
    result = work(dataset, lang, *args)  # outside the lock: two threads may both work it out
    with _LOCK:
        _WORK[key] = result
        while len(_WORK) > WORK_ENTRIES:
            _WORK.popitem(last=False)
    return result


def clear_caches() -> None:
    """Forget every loaded dataset and every piece of per-version work (for tests)."""
    with _LOCK:
        _LOADED.clear()
        _WORK.clear()
        _FAILED.clear()
        _HISTORY.clear()
    with _watches_lock:
        _watches.clear()


def _names(dataset: Dataset, lang: str) -> Mapping[str, str]:
    """Organisation id -> its name as shown in ``lang``."""
    organisations = dataset.organisations
    shown = maps.display_names(organisations, lang)
    return MappingProxyType(dict(zip(organisations["id"], shown, strict=True)))


def organisation_names(dataset: Dataset, lang: str) -> Mapping[str, str]:
    """Organisation id -> the name shown in ``lang`` (built once per shared dataset)."""
    return per_version(dataset, _names, lang)


def _linked(dataset: Dataset, lang: str) -> tuple[str, ...]:
    """The ids of the organisations with a link, in the order of their names in ``lang``."""
    names = organisation_names(dataset, lang)
    linked = set(dataset.links["source_id"]) | set(dataset.links["target_id"])
    return tuple(sorted((org for org in names if org in linked), key=lambda o: names[o].casefold()))


def linked_organisations(dataset: Dataset, lang: str) -> tuple[str, ...]:
    """The organisations the "Linked to" filter offers, sorted by name in ``lang``."""
    return per_version(dataset, _linked, lang)


@dataclass(frozen=True)
class Span:
    """The first and last start years of a dataset's organisations (None: no year known)."""

    first_year: int | None
    last_year: int | None


def _span(dataset: Dataset, _lang: str) -> Span:
    """The start years of the dataset's organisations (any language)."""
    years = dataset.organisations["year_started"].dropna()
    return Span(
        int(years.min()) if len(years) else None,
        int(years.max()) if len(years) else None,
    )


def dataset_span(dataset: Dataset) -> Span:
    """The dataset's first and last start years (worked out once per shared dataset)."""
    return per_version(dataset, _span)


def _values(dataset: Dataset, _lang: str, column: str) -> frozenset[str]:
    """The distinct values of a single-valued column."""
    return frozenset(dataset.organisations[column].unique())


def column_values(dataset: Dataset, column: str) -> frozenset[str]:
    """The distinct values a column of the organisations holds (once per shared dataset)."""
    return per_version(dataset, _values, "", column)
