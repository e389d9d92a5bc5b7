"""A release: the live edition's approved changes written into ``data/*.csv``.

``make_release`` (``python -m mapping.admin release``) takes the release in the data
folder and every approval after it (``mapping.edition``), and writes, in a copy of the
folder first:

- ``organisations.csv`` and ``relationships.csv`` as the live edition has them (every
  approved row with its source and checked date), ``networks.csv`` without the
  runners that were removed;
- ``changes.csv``: the whole change log, public columns only (a moderator's name,
  never their email; never a submitter's contact);
- ``metadata.json``: the new version and date, the citation, and ``changes_through``
  (the last approval now in the files: the live edition applies only what comes
  after it, so nothing is applied twice);
- ``datapackage.json`` (``mapping.datapackage``), the data card's version
  line and a changelog entry, and ``CITATION.cff`` beside the folder if there is one;

then validates the copy (the app's loader and ``frictionless``) and only then moves
the files into place. A release that does not validate changes nothing.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from mapping import datapackage, edition
from mapping.data import COLUMNS, DatasetError, load_organisations
from mapping.datapackage import CHANGE_COLUMNS
from mapping.i18n import LocalisedError
from mapping.network import LINK_COLUMNS, load_relationships
from mapping.paths import CHANGES_FILE
from mapping.store.suggestions import iso_time
from mapping.suggestions import format_ref

WRITTEN = (
    "organisations.csv",
    "relationships.csv",
    "networks.csv",
    CHANGES_FILE.name,
    "metadata.json",
    "datapackage.json",
    "README.md",
)

__all__ = ["ReleaseError", "Released", "changes_table", "make_release"]


class ReleaseError(LocalisedError):
    """The release was refused or did not validate; nothing was written."""


@dataclass(frozen=True)
class Released:
    """A release made: its version, how many approvals it took in, up to which edition."""

    version: str
    applied: int
    through: int
    directory: Path


def public_change(row: Mapping) -> dict:
    """One row of the change log as the public sees it (``changes.csv``, the API's history):
    the moderator's chosen name, never their email; a removed record as JSON text."""
    return {
        "id": int(row["id"]),
        "edition": None if row["edition"] is None else int(row["edition"]),
        "changed_at": iso_time(row["changed_at"]),
        "moderator": row["moderator_name"] or "moderator",
        "entity": row["entity"],
        "entity_id": row["entity_id"],
        "action": row["action"],
        "field": row["field"] or "",
        "old": _cell(row["old"]),
        "new": _cell(row["new"]),
        "source": row["source_url"] or "",
        "reason": row["reason"] or "",
        "suggestion": format_ref(row["suggestion_id"]) if row["suggestion_id"] else "",
    }


def changes_table(rows: Iterable[dict]) -> pd.DataFrame:
    """The change log as ``changes.csv`` publishes it (text; a removal's record as JSON)."""
    records = [
        {name: "" if value is None else str(value) for name, value in public_change(row).items()}
        for row in rows
    ]
    return pd.DataFrame(records, columns=list(CHANGE_COLUMNS)).astype(str)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _csv(table: pd.DataFrame, columns: Iterable[str]) -> str:
    buffer = io.StringIO()
    table.reindex(columns=list(columns), fill_value="").to_csv(
        buffer, index=False, lineterminator="\n"
    )
    return buffer.getvalue()


def next_version(version: str) -> str:
    """The next minor version (``2.1.0`` -> ``2.2.0``).

    >>> next_version("2.1.0"), next_version("2.1")
    ('2.2.0', '2.2.0')
    """
    parts = [int(p) for p in re.findall(r"\d+", version)[:3]] + [0, 0, 0]
    return f"{parts[0]}.{parts[1] + 1}.0"


def make_release(
    *,
    version: str | None = None,
    who: str | None = None,
    url: str | None = None,
    today: dt.date | None = None,
) -> Released:
    """Write the approvals into the data folder as a new release (see the module).

    Raises ``ReleaseError`` (nothing to release, a bad version, a package that does
    not validate) and the moderation errors (``who`` not a moderator).
    """
    from mapping.store import moderation

    if who is not None and not moderation.is_moderator([who], url=url):
        raise moderation.NotModeratorError("moderate.error.not_moderator", who=who)
    release = edition.Release.current()
    # One read of the log for the files and the changelog: an approval landing meanwhile
    # is in both or in neither (every approval logs its changes in its own transaction).
    log = moderation.change_log(url=url)
    live = edition.apply(release, log)
    if live.since_release == 0:
        raise ReleaseError("release.error.nothing", version=release.version)
    version = version or next_version(release.version)
    if not re.fullmatch(r"\d+\.\d+\.\d+", version) or version == release.version:
        raise ReleaseError("release.error.version", version=version)
    today = today or dt.datetime.now(dt.UTC).date()
    with tempfile.TemporaryDirectory(prefix="atlas-release-") as scratch:
        staged = Path(scratch) / release.directory.name
        shutil.copytree(release.directory, staged)
        _write(staged, release, live, log, version, today)
        _validate(staged)
        for name in WRITTEN:
            if (staged / name).exists():
                shutil.copyfile(staged / name, release.directory / name)
    citation = release.directory.parent / "CITATION.cff"
    if citation.exists():
        text = citation.read_text(encoding="utf-8")
        text = re.sub(r"^version: .*$", f'version: "{version}"', text, flags=re.MULTILINE)
        text = re.sub(r"^date-released: .*$", f'date-released: "{today}"', text, flags=re.MULTILINE)
        citation.write_text(text, encoding="utf-8")
    return Released(version, live.since_release, live.number, release.directory)


def _write(staged: Path, release, live: edition.Live, log, version: str, today: dt.date) -> None:
    (staged / "organisations.csv").write_text(_csv(live.organisations, COLUMNS), encoding="utf-8")
    (staged / "relationships.csv").write_text(_csv(live.links, LINK_COLUMNS), encoding="utf-8")
    networks = staged / "networks.csv"
    if networks.exists():
        table = pd.read_csv(networks, dtype=str, keep_default_na=False)
        kept = table[~table["organisation_id"].isin(set(live.removed))]
        networks.write_text(_csv(kept, table.columns), encoding="utf-8")
    (staged / CHANGES_FILE.name).write_text(
        _csv(changes_table(log), CHANGE_COLUMNS), encoding="utf-8"
    )
    metadata_path = staged / "metadata.json"
    metadata = json.loads(metadata_path.read_text(encoding="utf-8"))
    old_version, old_date = str(metadata.get("version", "")), str(metadata.get("date", ""))
    metadata["version"], metadata["date"] = version, today.isoformat()
    if "citation" in metadata:
        metadata["citation"] = (
            metadata["citation"].replace(old_version, version).replace(old_date, today.isoformat())
        )
    metadata[edition.THROUGH_KEY] = live.number
    metadata_path.write_text(
        json.dumps(metadata, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    _write_card(staged / "README.md", release, live, log, version, today, old_version, old_date)
    if (staged / "datapackage.json").exists():
        text = datapackage.text(staged)
        (staged / "datapackage.json").write_text(text, encoding="utf-8")


def _write_card(card: Path, release, live, log, version, today, old_version, old_date) -> None:
    """The data card's version line and a changelog entry counting what the release took in."""
    if not card.exists():
        return
    text = card.read_text(encoding="utf-8")
    text = text.replace(f"Version **{old_version}**, {old_date}", f"Version **{version}**, {today}")
    taken = [r for r in log if r["edition"] is not None and r["edition"] > release.through]
    counts = Counter((r["entity"], r["action"]) for r in taken)
    changed = len({r["entity_id"] for r in taken if r["action"] == "set"})
    entry = (
        f"### {version} ({today})\n\n"
        f"The reviewed suggestions approved after {old_version} (approvals "
        f"{release.through + 1}-{live.number}), each with its source, moderator and date in "
        f"`changes.csv` (`python -m mapping.admin release`):\n\n"
        f"- organisations added: {len({r['entity_id'] for r in taken if r['entity'] == 'organisation' and r['action'] == 'add'})}\n"  # noqa: E501
        f"- records corrected (organisations and links): {changed}\n"
        f"- organisations removed: {counts[('organisation', 'remove')]}\n"
        f"- links added: {len({r['entity_id'] for r in taken if r['entity'] == 'link' and r['action'] == 'add'})}, "  # noqa: E501
        f"removed: {counts[('link', 'remove')]}\n\n"
    )
    text = text.replace("## Changelog\n\n", "## Changelog\n\n" + entry, 1)
    card.write_text(text, encoding="utf-8")


def _validate(staged: Path) -> None:
    """The app's loader on the staged files, then ``frictionless validate``."""
    try:
        organisations = load_organisations(staged / "organisations.csv")
        load_relationships(staged / "relationships.csv", organisations=organisations)
    except DatasetError as error:
        raise ReleaseError("release.error.invalid", reason=str(error)) from error
    package = staged / "datapackage.json"
    if package.exists():
        import frictionless

        report = frictionless.validate(package)
        if not report.valid:
            errors = report.flatten(["rowNumber", "fieldName", "type", "note"])[:3]
            raise ReleaseError("release.error.invalid", reason=str(errors))
