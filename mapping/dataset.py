"""The live dataset: loaded once per version of its files and shared by every session and request.

The pages (``mapping.ui``) and the HTTP API (``mapping.api``) read the same ``Dataset``
object from ``current()``, so a page and its API call select from the same rows. ``version()``
is the one cheap check of what the live data is (the files' paths, sizes and modification
times): the API's ``ETag`` and ``Last-Modified``, and every cache of work done per dataset
(``per_version``), are keyed by it. Issue #21 will make the live data the release plus
approved changes from a database; only ``version()`` and ``_load`` change then.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeVar

import geopandas as gpd
import pandas as pd

from mapping import maps, network
from mapping.data import DATASET_ENV, dataset_path, load_organisations
from mapping.paths import METADATA_FILE

T = TypeVar("T")

# Versions kept loaded at once: the live one, and the one before while requests finish with it.
LOADED_VERSIONS = 2
# Entries of the per-version work cache (work x language x version).
WORK_ENTRIES = 64


@dataclass(frozen=True)
class Dataset:
    """Organisations, the links between them and the named networks: shared, never mutated.

    ``version`` identifies the data (the tag of ``version()``, for caches shared by every
    session); None for a session's upload, which no other session may see.
    """

    organisations: gpd.GeoDataFrame
    links: pd.DataFrame
    networks: pd.DataFrame
    version: str | None = None


@dataclass(frozen=True)
class Version:
    """What the live data is, cheaply: ``tag`` names it, ``modified`` is when it last changed."""

    tag: str
    modified: dt.datetime
    files: tuple[tuple[str, int, int], ...]


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
    """The live data's version: a few ``stat`` calls, no reading (never raises for a
    missing file: ``current`` does, naming it)."""
    files = tuple(_file_version(path) for path in _files())
    tag = hashlib.sha256(repr(files).encode("utf-8")).hexdigest()[:16]
    newest = max(0, *(mtime for _path, mtime, _size in files))
    modified = dt.datetime.fromtimestamp(newest // 1_000_000_000, dt.UTC)
    return Version(tag, modified, files)


_LOCK = threading.Lock()
_LOADED: OrderedDict[str, Dataset] = OrderedDict()


def _load(files: tuple[tuple[str, int, int], ...], tag: str) -> Dataset:
    """Read the dataset's files (the organisations, their links, the named networks)."""
    organisations_file, links_file, _networks_file, _metadata_file = files
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
    return Dataset(gdf, relationships, networks, tag)


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
    dataset = _LOADED.get(live.tag)
    if dataset is not None:
        return dataset
    with _LOCK:  # one thread loads; the others wait for it rather than load again
        dataset = _LOADED.get(live.tag)
        if dataset is None:
            dataset = _load(live.files, live.tag)
            _LOADED[live.tag] = dataset
            while len(_LOADED) > LOADED_VERSIONS:
                _LOADED.popitem(last=False)
    return dataset


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
