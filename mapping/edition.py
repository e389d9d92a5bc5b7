"""The live edition: the release in ``data/`` plus the approved changes, applied in order.

Pure functions over the dataset's text tables (every cell a string, as in the CSV):

- ``Release``: the files of a release and the number of the last approval they
  already include (``metadata.json``'s ``changes_through``; 0 before the first);
- ``plan``: the changes one decision makes (field by field, old -> new) against the
  live edition, for an approval, a merge or a removal;
- ``apply``: the release with the change log's rows applied in order -> ``Live``
  (the tables visitors see, the organisations removed since the release and why,
  the edition's name such as ``2.1.0+17``).

The change log's rows (``mapping.store.schema.changes``) are plain mappings here:
``entity`` (``organisation`` or ``link``), ``entity_id`` (an organisation id, or a
link's ``"source_id relation target_id"``), ``action`` (``add``, ``set``,
``remove``, ``reject``), ``field``, ``old`` and ``new`` (text; a removal's ``old`` is
the whole record), ``edition``, ``changed_at``, ``reason``, ``source_url``. Rows at
or below the release's ``changes_through`` are in the release already and never
applied again.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import pandas as pd

from mapping.data import COLUMNS, read_text_table
from mapping.network import LINK_COLUMNS
from mapping.rules import free_id, slug
from mapping.validate import MULTI_VALUED, join_multi, split_multi

ORGANISATION = "organisation"
LINK = "link"
THROUGH_KEY = "changes_through"

__all__ = [
    "Live",
    "Planned",
    "Release",
    "Removal",
    "apply",
    "edition_name",
    "link_id",
    "plan",
    "release_info",
]


def link_id(source_id: str, relation: str, target_id: str) -> str:
    """A link's id in the change log: ``"source_id relation target_id"`` (ids hold no spaces)."""
    return f"{source_id} {relation} {target_id}"


def parse_link_id(text: str) -> tuple[str, str, str]:
    """``(source_id, relation, target_id)`` of a link id."""
    source_id, relation, target_id = text.split(" ")
    return source_id, relation, target_id


def edition_name(version: str, since_release: int) -> str:
    """The edition's name: the release's version, and ``+N`` for N approvals since it.

    >>> edition_name("2.1.0", 0), edition_name("2.1.0", 17)
    ('2.1.0', '2.1.0+17')
    """
    return f"{version}+{since_release}" if since_release > 0 else version


# The release ------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)  # hashed by identity: one object per version of the files
class Release:
    """A release's text tables, its version and the last approval it includes."""

    organisations: pd.DataFrame
    links: pd.DataFrame
    version: str
    through: int
    directory: Path

    @classmethod
    def read(cls, organisations: Path, links: Path | None) -> Release:
        """Read a release (cached per version of its files: the tables are never mutated)."""
        return _read_release(_stamp(organisations), _stamp(links))

    @classmethod
    def current(cls) -> Release:
        """The release the app serves: ``ATLAS_DATA`` (or ``data/``) and its links file."""
        from mapping.data import dataset_path
        from mapping.network import relationships_path

        return cls.read(dataset_path(), relationships_path())


def _stamp(path: Path | None) -> tuple[str, int, int]:
    if path is None:
        return ("", 0, 0)
    stat = path.stat()
    metadata = path.with_name("metadata.json")
    meta = metadata.stat().st_mtime_ns if metadata.exists() else 0
    return (str(path.resolve()), stat.st_mtime_ns + meta, stat.st_size)


@functools.lru_cache(maxsize=4)
def _read_release(organisations: tuple, links: tuple) -> Release:
    path = Path(organisations[0])
    # read_text_table numbers rows from 1 (for messages); the edition counts positions from 0.
    table = read_text_table(path).reindex(columns=COLUMNS, fill_value="").reset_index(drop=True)
    link_table = (
        read_text_table(Path(links[0]))
        .reindex(columns=LINK_COLUMNS, fill_value="")
        .reset_index(drop=True)
        if links[0]
        else pd.DataFrame(columns=list(LINK_COLUMNS), dtype=str)
    )
    version, through = release_info(path)
    return Release(table, link_table, version, through, path.parent)


def release_info(organisations: Path) -> tuple[str, int]:
    """A release's version and the last approval it includes, from the ``metadata.json``
    beside its organisations (``"local"`` and 0 without one): no table is read."""
    metadata_path = organisations.with_name("metadata.json")
    metadata = (
        json.loads(metadata_path.read_text(encoding="utf-8")) if metadata_path.exists() else {}
    )
    return str(metadata.get("version", "")) or "local", int(metadata.get(THROUGH_KEY, 0))


# Applying the log -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Removal:
    """An organisation removed since the release: when, why, by whom, on which suggestion."""

    id: str
    name: str
    at: dt.datetime
    reason: str
    moderator_name: str
    suggestion_id: int | None


@dataclass(frozen=True)
class Live:
    """What visitors see: the tables, the removals since the release, the edition."""

    organisations: pd.DataFrame
    links: pd.DataFrame
    removed: Mapping[str, Removal]
    version: str
    number: int
    since_release: int

    @property
    def name(self) -> str:
        return edition_name(self.version, self.since_release)


def apply(release: Release, rows: Iterable[Mapping], number: int | None = None) -> Live:
    """The release with the log's rows after its ``through`` applied in order.

    ``number``: the edition counter now (default: the last row's edition). Rows of
    rejections change nothing; a row about something no longer there is skipped (a
    later removal already took it away).
    """
    organisations = {record["id"]: record for record in release.organisations.to_dict("records")}
    links = {
        link_id(r["source_id"], r["relation"], r["target_id"]): r
        for r in release.links.to_dict("records")
    }
    removed: dict[str, Removal] = {}
    last = release.through
    for row in rows:
        edition = row.get("edition")
        if edition is None or edition <= release.through or row["action"] == "reject":
            continue
        last = max(last, edition)
        table = organisations if row["entity"] == ORGANISATION else links
        _apply_row(table, row, removed)
    number = last if number is None else max(number, release.through)
    return Live(
        _frame(organisations.values(), COLUMNS),
        _frame(links.values(), LINK_COLUMNS),
        MappingProxyType(removed),
        release.version,
        number,
        number - release.through,
    )


def _apply_row(table: dict[str, dict], row: Mapping, removed: dict[str, Removal]) -> None:
    key, action, name = row["entity_id"], row["action"], row.get("field") or ""
    if action == "remove":
        gone = table.pop(key, None)
        if gone is not None and row["entity"] == ORGANISATION:
            removed[key] = Removal(
                key,
                str(gone.get("name", "")),
                row["changed_at"],
                str(row.get("reason") or ""),
                str(row.get("moderator_name") or ""),
                row.get("suggestion_id"),
            )
        return
    if action == "add" and key not in table:
        table[key] = _blank(row["entity"], key)
        removed.pop(key, None)
    if key in table and name:
        table[key][name] = join_multi(row.get("new"))


def _blank(entity: str, key: str) -> dict[str, str]:
    if entity == ORGANISATION:
        return {**dict.fromkeys(COLUMNS, ""), "id": key}
    source_id, relation, target_id = parse_link_id(key)
    return {
        **dict.fromkeys(LINK_COLUMNS, ""),
        "source_id": source_id,
        "relation": relation,
        "target_id": target_id,
    }


def _frame(records: Iterable[dict], columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame(list(records), columns=list(columns)).fillna("").astype(str)


# Planning a decision -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Planned:
    """One change a decision makes (a row of the change log, without the bookkeeping)."""

    entity: str
    entity_id: str
    action: str
    field: str | None = None
    old: object = None
    new: object = None
    reason: str | None = None


def new_organisation_id(name: str, taken: Iterable[str]) -> str:
    """A new organisation's id: its name's slug, with ``-2``, ``-3``... if taken.

    >>> new_organisation_id("Tamarack Institute", {"tamarack-institute"})
    'tamarack-institute-2'
    """
    return free_id(slug(name), set(taken))


def _joined(value: object) -> str:
    return join_multi(value).strip()


def _with_source(current: str, source: str) -> str:
    """A row's ``source`` cell with ``source`` added (sources are ``;``-separated)."""
    sources = list(split_multi(current))
    if source and source not in sources:
        sources.append(source)
    return ";".join(sources)


def plan(
    kind: str,
    target: object,
    values: Mapping[str, object],
    *,
    source: str,
    reason: str,
    organisations: pd.DataFrame,
    links: pd.DataFrame,
    today: dt.date,
    edits: Mapping[str, object] | None = None,
    merge_into: str | None = None,
) -> list[Planned]:
    """The changes a decision makes to the live edition's tables.

    ``values``: the suggestion's values, with the moderator's edits, in the dataset's
    form (multi-valued fields as tuples or ``;``-text). A correction or an approved new
    organisation or link records its source and today's date as checked; a merge fills
    the existing organisation's blank fields and adds to its multi-valued ones, and
    never overwrites a value (the moderator's ``edits`` do: they win over the
    suggestion's values in every kind); an organisation's removal removes its links too.
    """
    checked = today.isoformat()
    records = {r["id"]: r for r in organisations.to_dict("records")}
    keyed = {
        link_id(r["source_id"], r["relation"], r["target_id"]): r for r in links.to_dict("records")
    }
    edited = {name: _joined(value) for name, value in (edits or {}).items()}
    text = {name: _joined(value) for name, value in values.items()}
    if merge_into is not None:
        return _merge(records[merge_into], text, edited, source, checked)
    text |= edited
    if kind == "new_organisation":
        org = new_organisation_id(text.get("name", ""), records)
        fields = {**{n: v for n, v in text.items() if v}, "source": source, "checked": checked}
        return [
            Planned(ORGANISATION, org, "add", name, None, fields[name])
            for name in COLUMNS
            if name in fields
        ]
    if kind == "new_link":
        key = link_id(text["source_id"], text["relation"], text["target_id"])
        fields = {**{n: v for n, v in text.items() if v}, "source": source, "checked": checked}
        return [
            Planned(LINK, key, "add", name, None, fields[name])
            for name in LINK_COLUMNS
            if name in fields
        ]
    if isinstance(target, Mapping):
        key = _find_link(keyed, target)
        return _link_decision(kind, key, keyed[key], text, source, reason, checked)
    org = str(target)
    if kind == "removal":
        gone = [Planned(ORGANISATION, org, "remove", None, dict(records[org]), None, reason)]
        gone += [
            Planned(LINK, key, "remove", None, dict(record), None, reason)
            for key, record in keyed.items()
            if org in (record["source_id"], record["target_id"])
        ]
        return gone
    return _sets(ORGANISATION, org, records[org], text, source, checked, append_source=True)


def _sets(
    entity: str,
    key: str,
    record: Mapping[str, str],
    text: Mapping[str, str],
    source: str,
    checked: str,
    *,
    append_source: bool,
) -> list[Planned]:
    """A correction: each field that differs, then the source and the date checked."""
    found = [
        Planned(entity, key, "set", name, record.get(name, ""), value)
        for name, value in text.items()
        if not _same(name, record.get(name, ""), value)
    ]
    if not found:
        return []
    new_source = _with_source(record.get("source", ""), source) if append_source else source
    for name, value in (("source", new_source), ("checked", checked)):
        if name not in text and record.get(name, "") != value:
            found.append(Planned(entity, key, "set", name, record.get(name, ""), value))
    return found


def _same(name: str, before: str, after: str) -> bool:
    if name in MULTI_VALUED:
        return set(split_multi(before)) == set(split_multi(after))
    return before.strip() == after.strip()


def _merge(record: Mapping[str, str], text: Mapping[str, str], edited, source, checked):
    """A new organisation merged into ``record``: blanks filled, multi-valued sets joined."""
    merged: dict[str, str] = {}
    for name, value in text.items():
        if not value or name not in COLUMNS or name == "id":
            continue
        current = record.get(name, "")
        if name in MULTI_VALUED:
            joined = ";".join(dict.fromkeys((*split_multi(current), *split_multi(value))))
            if not _same(name, current, joined):
                merged[name] = joined
        elif not current.strip():
            merged[name] = value
    merged |= edited
    return _sets(ORGANISATION, record["id"], record, merged, source, checked, append_source=True)


def _find_link(keyed: Mapping[str, Mapping], target: Mapping) -> str:
    """The stored link a target names (a symmetric relation either way round)."""
    from mapping.vocab import SYMMETRIC_RELATIONS

    key = link_id(target["source_id"], target["relation"], target["target_id"])
    if key not in keyed and target["relation"] in SYMMETRIC_RELATIONS:
        key = link_id(target["target_id"], target["relation"], target["source_id"])
    return key


def _link_decision(kind, key, record, text, source, reason, checked) -> list[Planned]:
    """A link's removal or correction; a new relation is a new link (the key changes)."""
    if kind == "removal":
        return [Planned(LINK, key, "remove", None, dict(record), None, reason)]
    relation = text.get("relation", record["relation"])
    if relation == record["relation"]:
        return _sets(LINK, key, record, text, source, checked, append_source=False)
    moved = {**record, **text, "source": source, "checked": checked}
    new_key = link_id(record["source_id"], relation, record["target_id"])
    return [
        Planned(LINK, key, "remove", None, dict(record), None, reason or "relation corrected"),
        *(
            Planned(LINK, new_key, "add", name, None, moved[name])
            for name in LINK_COLUMNS
            if moved.get(name)
        ),
    ]
