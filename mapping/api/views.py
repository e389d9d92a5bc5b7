"""What a request selects: the page's own frame of its filters, sorted, a page at a time.

``selection(dataset, filters)`` is ``mapping.frame.Frame.of`` (the code every page uses to
select its rows), kept for the next request with the same filters on the same data
version. Rows are answered from what is worked out once per data version: each
organisation's JSON, the links with both names, and the ranks that sort them.

Sorting and paging: ``Ordering`` sorts rows by some columns (blanks last in either
direction, ties in file order) and finds where a cursor left off by comparing sort keys,
so a cursor still works after the data changes: the next page starts after the last row
seen, wherever that row now sorts.
"""

from __future__ import annotations

import functools
import json
import math
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from mapping import dataset as live
from mapping import export, network
from mapping.api.params import Cursor, SortKey
from mapping.data import MULTI_VALUED
from mapping.dataset import Dataset
from mapping.filters import Filters
from mapping.frame import Frame
from mapping.i18n import Message

SELECTIONS = 256
ORGANISATION_COLUMNS = export.EXPORT_COLUMNS
SORTABLE = tuple(column for column in ORGANISATION_COLUMNS if column not in MULTI_VALUED)
LINK_COLUMNS = (
    "source_id",
    "source_name",
    "relation",
    "target_id",
    "target_name",
    "since",
    "until",
    "source",
    "checked",
    "note",
)
LINK_SORTABLE = LINK_COLUMNS


class Ordering:
    """Sorts the rows of one table by some of its columns; finds where a cursor left off.

    Each column's values are ranked once (equal values share a rank; a blank, None or
    ``""``, ranks after every value); a sort is a lexicographic sort of the ranks, with
    the row's position in the file last, so ties keep the file's order.
    """

    def __init__(self, table: pd.DataFrame, columns: Sequence[str]) -> None:
        self._values: dict[str, list] = {}
        self._uniques: dict[str, np.ndarray] = {}
        self._ranks: dict[str, np.ndarray] = {}
        for column in columns:
            values = [None if _blank(v) else v for v in table[column].tolist()]
            uniques = np.array(sorted({v for v in values if v is not None}), dtype=object)
            ranks = np.full(len(values), float(len(uniques)))
            present = [i for i, v in enumerate(values) if v is not None]
            if present:
                found = np.searchsorted(uniques, np.array([values[i] for i in present], object))
                ranks[present] = found
            self._values[column] = values
            self._uniques[column] = uniques
            self._ranks[column] = ranks

    def _key(self, key: SortKey) -> np.ndarray:
        ranks = self._ranks[key.column]
        if not key.descending:
            return ranks
        # Descending, blanks still last: values by minus their rank, blanks after them.
        blank = ranks == len(self._uniques[key.column])
        return np.where(blank, 1.0, -ranks)

    def order(self, positions: np.ndarray, sort: Sequence[SortKey]) -> np.ndarray:
        """``positions`` (rows in file order) sorted as ``sort`` says."""
        if not sort:
            return positions
        keys = [self._key(key)[positions] for key in reversed(sort)]
        return positions[np.lexsort((positions, *keys))]

    def cursor_key(self, position: int, sort: Sequence[SortKey]) -> tuple:
        """The sort key of one row as a cursor holds it: its values, then its position."""
        values = (self._values[key.column][position] for key in sort)
        return (*(_plain(value) for value in values), int(position))

    def _rank_of(self, key: SortKey, value: object) -> float:
        """Where a cursor's value falls among the column's values (between two: a half)."""
        uniques = self._uniques[key.column]
        if value is None:
            rank = float(len(uniques))
        else:
            index = int(np.searchsorted(uniques, np.array([value], dtype=object))[0])
            found = index < len(uniques) and uniques[index] == value
            rank = float(index) if found else index - 0.5
        if not key.descending:
            return rank
        return 1.0 if value is None else -rank

    def start_after(self, ordered: np.ndarray, sort: Sequence[SortKey], cursor: Cursor) -> int:
        """The index in ``ordered`` of the first row that sorts after ``cursor``."""
        key = cursor.key
        if len(key) != len(sort) + 1 or not isinstance(key[-1], int):
            raise cursor.refuse(Message("api.problem.cursor", value=cursor.text[:60]))
        columns = [self._key(k)[ordered] for k in sort] + [ordered.astype(float)]
        try:
            target = [self._rank_of(k, v) for k, v in zip(sort, key, strict=False)]
        except TypeError as error:  # a text where the column holds numbers, or back
            raise cursor.refuse(Message("api.problem.cursor", value=cursor.text[:60])) from error
        target.append(float(key[-1]))
        after = np.zeros(len(ordered), dtype=bool)
        tied = np.ones(len(ordered), dtype=bool)
        for keys, value in zip(columns, target, strict=True):
            after |= tied & (keys > value)
            tied &= keys == value
        found = np.flatnonzero(after)
        return int(found[0]) if len(found) else len(ordered)


def _blank(value: object) -> bool:
    """Whether a cell is blank: None, NA, NaN or empty text (sorted last)."""
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return isinstance(value, str) and not value


def _plain(value: object) -> object:
    """A cell as JSON holds it: NA and NaN become None, numpy scalars Python's own."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


@dataclass(frozen=True)
class Page:
    """One page of an ordered selection: its rows' positions and the cursor of the next."""

    positions: np.ndarray
    next: Cursor | None


def page_of(
    ordering: Ordering,
    positions: np.ndarray,
    sort: Sequence[SortKey],
    limit: int,
    cursor: Cursor | None,
) -> Page:
    """The page of ``limit`` rows after ``cursor`` (from the first without one)."""
    ordered = ordering.order(positions, sort)
    text = ",".join(key.text for key in sort)
    start = 0
    if cursor is not None:
        if cursor.sort != text:
            raise cursor.refuse(Message("api.problem.cursor_sort", sort=cursor.sort or "-"))
        start = ordering.start_after(ordered, sort, cursor)
    chosen = ordered[start : start + limit]
    more = start + limit < len(ordered)
    following = Cursor(text, ordering.cursor_key(int(chosen[-1]), sort)) if more else None
    return Page(chosen, following)


# What is worked out once per data version -----------------------------------------------


@dataclass(frozen=True)
class Organisations:
    """The organisations as the API answers them: a JSON-ready dict and its JSON, per row."""

    records: list[dict]
    json: list[str]
    position: Mapping[str, int]
    ordering: Ordering


def _organisations(dataset: Dataset, _lang: str) -> Organisations:
    records = export.records(dataset.organisations)
    return Organisations(
        records,
        [json.dumps(record, ensure_ascii=False) for record in records],
        {record["id"]: index for index, record in enumerate(records)},
        Ordering(dataset.organisations, SORTABLE),
    )


def organisations(dataset: Dataset) -> Organisations:
    """The dataset's organisations as the API answers them (once per data version)."""
    return live.per_version(dataset, _organisations)


@dataclass(frozen=True)
class Links:
    """Every link with both organisations' names, as JSON-ready dicts; who touches which."""

    records: list[dict]
    table: pd.DataFrame
    touching: Mapping[str, tuple[int, ...]]
    ordering: Ordering


def _links(dataset: Dataset, _lang: str) -> Links:
    links = dataset.links
    names = dict(zip(dataset.organisations["id"], dataset.organisations["name"], strict=True))
    sources, targets = links["source_id"].tolist(), links["target_id"].tolist()
    table = pd.DataFrame(
        {
            "source_id": sources,
            "source_name": [names.get(i, "") for i in sources],
            "relation": links["relation"].tolist(),
            "target_id": targets,
            "target_name": [names.get(i, "") for i in targets],
            "since": links["since"].array,
            "until": links["until"].array,
            "source": links["source"].tolist(),
            "checked": links["checked"].tolist(),
            "note": links["note"].tolist(),
        },
        columns=list(LINK_COLUMNS),
    )
    columns = [table[column].tolist() for column in LINK_COLUMNS]
    records = [
        {column: _plain(value) for column, value in zip(LINK_COLUMNS, row, strict=True)}
        for row in zip(*columns, strict=True)
    ]
    touching: dict[str, list[int]] = {}
    for position, (source, target) in enumerate(zip(sources, targets, strict=True)):
        touching.setdefault(source, []).append(position)
        if target != source:
            touching.setdefault(target, []).append(position)
    return Links(
        records,
        table,
        {org: tuple(found) for org, found in touching.items()},
        Ordering(table, LINK_SORTABLE),
    )


def links(dataset: Dataset) -> Links:
    """The dataset's links as the API answers them (once per data version)."""
    return live.per_version(dataset, _links)


# What is kept per selection -----------------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """A page's frame of some filters, with its rows' and its links' positions in the files."""

    frame: Frame

    @property
    def positions(self) -> np.ndarray:
        """The shown organisations' positions in the dataset, in file order."""
        return self.frame.positions

    @functools.cached_property
    def link_positions(self) -> np.ndarray:
        """The positions of the view's links: both ends listed, in force in an as-of year.

        The listed organisations are the shown ones and, in a "linked to" view, the one
        they are linked to (``Frame.link_ends``): each one's link to it is why it is listed,
        even when the filters leave it out. The same links as the Data page's links
        download (``network.links_table`` of ``frame.link_ends``).
        """
        shown = network.view_links(self.frame.links, self.frame.link_ends["id"])
        return self.frame.dataset.links.index.get_indexer(shown.index)

    @functools.cached_property
    def _captions(self) -> dict[str, str]:
        return {}

    def caption(self, lang: str) -> str:
        """The view's sentence in ``lang`` (the page's caption)."""
        if lang not in self._captions:
            self._captions[lang] = self.frame.caption_in(lang)
        return self._captions[lang]


_LOCK = threading.Lock()
_SELECTIONS: OrderedDict[tuple, Selection] = OrderedDict()


def selection(dataset: Dataset, filters: Filters) -> Selection:
    """The selection of ``filters`` (kept for the next request on the same data version)."""
    if dataset.version is None:
        return Selection(Frame.of(dataset, filters, "en"))
    key = (dataset.version, filters)
    with _LOCK:
        found = _SELECTIONS.get(key)
        if found is not None:
            _SELECTIONS.move_to_end(key)
            return found
    made = Selection(Frame.of(dataset, filters, "en"))
    with _LOCK:
        _SELECTIONS[key] = made
        while len(_SELECTIONS) > SELECTIONS:
            _SELECTIONS.popitem(last=False)
    return made


def clear() -> None:
    """Forget every kept selection (for tests)."""
    with _LOCK:
        _SELECTIONS.clear()
