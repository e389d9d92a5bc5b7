"""Moderation in the database: who may decide, the decisions, the change log, the edition.

``decide`` is one transaction (``store.writing`` with ``DECIDE_LOCK``: SQLite's
``BEGIN IMMEDIATE``, a PostgreSQL advisory lock) that

1. checks that the decider is on the moderators' list at that moment;
2. moves the suggestion out of ``pending`` with a conditional
   ``UPDATE ... WHERE status = 'pending'``: no row changed means someone decided
   first, and the answer names who and when (``AlreadyDecidedError``);
3. checks the suggestion (with the moderator's edits) against the live edition
   with the one validator, and plans its changes (``mapping.edition.plan``);
4. bumps the edition counter and appends the decision and its changes to the log.

Anything refused rolls all of it back: nothing is applied twice, nothing half.
The decisions and the change log are append-only: this module only inserts into
them, and the migration's triggers refuse UPDATE and DELETE.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from mapping import edition as live_edition
from mapping import store
from mapping.data import RELEASE_REQUIRED
from mapping.i18n import LocalisedError, Message
from mapping.store.schema import changes, decisions, moderators, suggestions
from mapping.store.schema import edition as edition_table
from mapping.store.suggestions import iso_time, utc_now
from mapping.suggestions import (
    Reference,
    check,
    format_ref,
    parse_ref,
    suggestion_from_json,
)
from mapping.validate import Problem, email_problem, length_problem, text_problem

DECIDE_LOCK = 0x41544C53_0003
SUBJECT_PREFIX = "sub:"
STATUS_OF = {"approve": "approved", "reject": "rejected", "merge": "merged"}

__all__ = [
    "AlreadyDecidedError",
    "Decided",
    "IncompleteDecisionError",
    "InvalidDecisionError",
    "ModerationError",
    "NotModeratorError",
    "UnknownSuggestionError",
    "add_moderator",
    "change_log",
    "decide",
    "edition_number",
    "edition_state",
    "find_moderator",
    "identity",
    "is_moderator",
    "list_moderators",
    "live",
    "pending",
    "remove_moderator",
    "suggestion",
    "verdict",
]


class ModerationError(LocalisedError):
    """A decision or a set-up step that was refused; nothing was changed."""


class NotModeratorError(ModerationError):
    """The decider is not on the moderators' list (now)."""


class UnknownSuggestionError(ModerationError):
    """No suggestion has this reference."""


class AlreadyDecidedError(ModerationError):
    """Someone decided first: ``action``, ``moderator`` and ``at`` say who and when."""

    def __init__(self, ref: str, action: str, moderator: str, at: dt.datetime) -> None:
        super().__init__(
            "moderate.error.already_decided",
            ref=ref,
            action=Message(f"moderate.action.{action}"),
            moderator=moderator,
            at=iso_time(at),
        )
        self.action, self.moderator, self.at = action, moderator, at


class InvalidDecisionError(ModerationError):
    """The decision cannot be applied: ``problems`` say why (the validator's verdict)."""

    def __init__(self, problems: Sequence[Problem], message: Message | None = None) -> None:
        first = problems[0]
        super().__init__(
            message
            or Message(
                "moderate.error.invalid",
                field=first.field,
                value=first.value,
                reason=first.reason,
                n=len(problems),
            )
        )
        self.problems = list(problems)


class IncompleteDecisionError(InvalidDecisionError):
    """Approving would leave an organisation without a field every release holds
    (``mapping.data.RELEASE_REQUIRED``): the release could never be made."""

    def __init__(self, organisation: str, problems: Sequence[Problem]) -> None:
        fields = ", ".join(p.field for p in problems)
        super().__init__(
            problems, Message("moderate.error.incomplete", org=organisation, fields=fields)
        )


# Moderators ------------------------------------------------------------


def identity(text: str) -> str:
    """A moderator's identity as stored: an email in lower case, or ``sub:<OIDC subject>``.

    Raises ``ModerationError`` for anything else (an empty text, a malformed email).

    >>> identity(" Ann@Example.ORG "), identity("sub:248289761001")
    ('ann@example.org', 'sub:248289761001')
    """
    text = str(text).strip()
    if text.startswith(SUBJECT_PREFIX) and len(text) > len(SUBJECT_PREFIX):
        return text
    if "@" in text and email_problem(text) is None:
        return text.lower()
    raise ModerationError("moderate.error.identity", value=text)


def add_moderator(
    who: str, *, name: str | None = None, by: str | None = None, url: str | None = None
) -> bool:
    """Put ``who`` on the moderators' list; False if already there (nothing changes)."""
    who = identity(who)
    if name and (text_problem(name) or length_problem("name", name)):
        raise ModerationError("moderate.error.name")
    store.ensure_schema(url)
    with store.writing(url, DECIDE_LOCK) as connection:
        if _moderator(connection, [who]) is not None:
            return False
        connection.execute(
            moderators.insert().values(identity=who, name=name, added_by=by, added_at=utc_now())
        )
    return True


def remove_moderator(who: str, *, url: str | None = None) -> bool:
    """Take ``who`` off the list (from the next decision on); False if not on it."""
    who = identity(who)
    store.ensure_schema(url)
    with store.writing(url, DECIDE_LOCK) as connection:
        removed = connection.execute(moderators.delete().where(moderators.c.identity == who))
        return removed.rowcount > 0


def list_moderators(*, url: str | None = None) -> list[dict]:
    """The moderators, in the order they were added."""
    store.ensure_schema(url)
    with store.reading(url) as connection:
        rows = connection.execute(sa.select(moderators).order_by(moderators.c.id))
        return [dict(row._mapping) for row in rows]


def is_moderator(identities: Iterable[str], *, url: str | None = None) -> bool:
    """Whether any of a user's identities (email, ``sub:...``) is on the list now."""
    return find_moderator(identities, url=url) is not None


def find_moderator(identities: Iterable[str], *, url: str | None = None) -> dict | None:
    """The list's entry of a user's identities (the first added), or None."""
    store.ensure_schema(url)
    with store.reading(url) as connection:
        found = _moderator(connection, identities)
        return None if found is None else dict(found)


def _moderator(connection: Connection, identities: Iterable[str]) -> Mapping | None:
    wanted = []
    for text in identities:
        try:
            wanted.append(identity(text))
        except ModerationError:
            continue
    if not wanted:
        return None
    found = connection.execute(
        sa.select(moderators).where(moderators.c.identity.in_(wanted)).order_by(moderators.c.id)
    ).first()
    return None if found is None else found._mapping


# Reading suggestions ------------------------------------------------------------


def pending(*, url: str | None = None) -> list[dict]:
    """The pending suggestions, oldest first (``mapping.review.queue`` narrows them by
    kind and by country, with the dataset a target's country needs)."""
    store.ensure_schema(url)
    query = sa.select(suggestions).where(suggestions.c.status == "pending")
    with store.reading(url) as connection:
        rows = connection.execute(query.order_by(suggestions.c.created_at, suggestions.c.id))
        return [_record(row._mapping) for row in rows]


def suggestion(ref: str, *, url: str | None = None) -> dict | None:
    """One suggestion with its decision (``decision``: None while pending), or None."""
    number = parse_ref(ref)
    if number is None:
        return None
    store.ensure_schema(url)
    with store.reading(url) as connection:
        row = connection.execute(
            sa.select(suggestions).where(suggestions.c.id == number)
        ).one_or_none()
        if row is None:
            return None
        decided = connection.execute(
            sa.select(decisions).where(decisions.c.suggestion_id == number)
        ).one_or_none()
    record = _record(row._mapping)
    record["decision"] = None if decided is None else dict(decided._mapping)
    return record


def _record(row: Mapping) -> dict:
    record = dict(row)
    record["ref"] = format_ref(record["id"])
    record["proposed"] = record.get("proposed") or {}
    return record


# Deciding ------------------------------------------------------------


@dataclass(frozen=True)
class Decided:
    """A committed decision: the suggestion, what was decided, the edition it made
    (None for a rejection) and the changes it appended to the log."""

    ref: str
    action: str
    edition: int | None
    changes: tuple[live_edition.Planned, ...]
    entity_ids: tuple[str, ...]


def decide(
    ref: str,
    action: str,
    moderator: str | Sequence[str],
    *,
    release: live_edition.Release,
    reason: str = "",
    edits: Mapping[str, object] | None = None,
    merge_into: str | None = None,
    url: str | None = None,
    now: dt.datetime | None = None,
) -> Decided:
    """Approve, reject or merge a pending suggestion, in one transaction (see the module).

    Parameters
    ----------
    ref : str
        The suggestion's reference (``S-000123``).
    action : str
        ``approve``, ``reject`` (``reason`` required) or ``merge`` (a new organisation
        into ``merge_into``, an organisation of the live edition).
    moderator : str or sequence of str
        The decider's identities (an email, ``sub:<subject>``): one must be on the list.
    release : mapping.edition.Release
        The release the live edition starts from (``data/``).
    edits : mapping, optional
        Field -> value the moderator changed before approving (win over the suggestion's).

    Raises
    ------
    NotModeratorError, UnknownSuggestionError, AlreadyDecidedError, InvalidDecisionError,
    ModerationError
        The decision was refused; nothing changed.
    mapping.store.UnavailableError
        The database cannot be reached or written; nothing changed.
    """
    if action not in STATUS_OF:
        raise ModerationError("moderate.error.action", value=action)
    identities = [moderator] if isinstance(moderator, str) else list(moderator)
    reason = (reason or "").strip()
    if action == "reject" and not reason:
        raise ModerationError("moderate.error.reason_required")
    for problem in (text_problem(reason), length_problem("reason", reason)):
        if problem is not None:
            raise InvalidDecisionError([Problem("reason", reason[:80], problem)])
    number = parse_ref(ref)
    if number is None:
        raise UnknownSuggestionError("moderate.error.unknown", ref=ref)
    store.ensure_schema(url)
    now = now or utc_now()
    with store.writing(url, DECIDE_LOCK) as connection:
        who = _moderator(connection, identities)
        if who is None:
            shown = ", ".join(identities) or "-"
            raise NotModeratorError("moderate.error.not_moderator", who=shown)
        row = connection.execute(
            sa.select(suggestions).where(suggestions.c.id == number)
        ).one_or_none()
        if row is None:
            raise UnknownSuggestionError("moderate.error.unknown", ref=format_ref(number))
        taken = connection.execute(
            suggestions.update()
            .where(suggestions.c.id == number, suggestions.c.status == "pending")
            .values(status=STATUS_OF[action], updated_at=now)
        )
        if taken.rowcount != 1:
            raise _already_decided(connection, number, row._mapping)
        record = _record(row._mapping)
        return _apply_decision(
            connection, record, action, who, reason, dict(edits or {}), merge_into, release, now
        )


def _already_decided(connection: Connection, number: int, row: Mapping) -> ModerationError:
    found = connection.execute(
        sa.select(decisions).where(decisions.c.suggestion_id == number)
    ).one_or_none()
    if found is None:  # withdrawn, or decided outside this module
        return ModerationError(
            "moderate.error.not_pending", ref=format_ref(number), status=row["status"]
        )
    decided = found._mapping
    return AlreadyDecidedError(
        format_ref(number),
        decided["action"],
        decided["moderator_name"] or decided["moderator"],
        decided["decided_at"],
    )


def _apply_decision(
    connection: Connection,
    record: dict,
    action: str,
    who: Mapping,
    reason: str,
    edits: dict,
    merge_into: str | None,
    release: live_edition.Release,
    now: dt.datetime,
) -> Decided:
    """Steps 3 and 4 of ``decide``, inside its transaction."""
    base = {
        "changed_at": now,
        "moderator": who["identity"],
        "moderator_name": who["name"],
        "source_url": record["source_url"],
        "suggestion_id": record["id"],
    }
    decision = {
        "suggestion_id": record["id"],
        "action": action,
        "moderator": who["identity"],
        "moderator_name": who["name"],
        "decided_at": now,
        "reason": reason or None,
        "merged_into": merge_into,
        "edits": edits or None,
    }
    if action == "reject":
        entity, entity_id = _target_of(record)
        connection.execute(decisions.insert().values(**decision, edition=None))
        connection.execute(
            changes.insert().values(
                **base,
                edition=None,
                entity=entity,
                entity_id=entity_id,
                action="reject",
                reason=reason,
            )
        )
        return Decided(record["ref"], action, None, (), (entity_id,) if entity_id else ())
    live = _live(connection, release)
    planned = _plan(record, action, reason, edits, merge_into, live, now)
    if not planned:
        raise InvalidDecisionError([Problem("values", "", Message("suggest.problem.no_change"))])
    number = connection.execute(
        edition_table.update()
        .where(edition_table.c.id == 1)
        .values(number=edition_table.c.number + 1)
        .returning(edition_table.c.number)
    ).scalar_one()
    connection.execute(decisions.insert().values(**decision, edition=number))
    connection.execute(
        changes.insert(),
        [
            {
                **base,
                "edition": number,
                "entity": change.entity,
                "entity_id": change.entity_id,
                "action": change.action,
                "field": change.field,
                "old": change.old,
                "new": change.new,
                "reason": change.reason or (reason or None),
            }
            for change in planned
        ],
    )
    ids = tuple(dict.fromkeys(change.entity_id for change in planned))
    return Decided(record["ref"], action, number, tuple(planned), ids)


def _target_of(record: Mapping) -> tuple[str, str]:
    """What a suggestion is about, as the change log names it."""
    target, proposed = record["target"], record["proposed"]
    if isinstance(target, Mapping):
        return live_edition.LINK, live_edition.link_id(
            target["source_id"], target["relation"], target["target_id"]
        )
    if record["kind"] == "new_link":
        parts = [str(proposed.get(n, "")) for n in ("source_id", "relation", "target_id")]
        return live_edition.LINK, live_edition.link_id(*parts)
    return live_edition.ORGANISATION, str(target or "")


def _plan(
    record, action, reason, edits, merge_into, live, now, reference: Reference | None = None
) -> list[live_edition.Planned]:
    """Check the suggestion (and the edits) against the live edition; plan its changes.
    ``reference`` is the live edition's, when the caller has built it already."""
    reference = reference or Reference.from_tables(live.organisations, live.links, live.name)
    values = {**record["proposed"], **edits} if action == "approve" else record["proposed"]
    body = {
        "kind": record["kind"],
        "target": record["target"],
        "values": values,
        "source": record["source_url"],
        "reason": record["reason"],
        "lang": record["lang"],
    }
    proposal, problems = suggestion_from_json(body)
    problems += check(proposal, reference)
    if action == "merge":
        if record["kind"] != "new_organisation":
            raise ModerationError("moderate.error.merge_kind")
        if merge_into not in reference.organisations:
            reason_ = Message("links.problem.unknown_id")
            raise InvalidDecisionError([Problem("merge_into", str(merge_into or ""), reason_)])
        if edits:
            fix, shape = suggestion_from_json(
                {"kind": "correction", "target": merge_into, "values": edits}
                | {"source": record["source_url"]}
            )
            problems += shape + [p for p in check(fix, reference) if p.field != "values"]
    if problems:
        raise InvalidDecisionError(problems)
    clean_edits = {name: proposal.values[name] for name in edits if name in proposal.values}
    planned = live_edition.plan(
        proposal.kind,
        record["target"],
        proposal.values if action == "approve" else record["proposed"],
        source=proposal.source,
        reason=proposal.reason or reason,
        organisations=live.organisations,
        links=live.links,
        today=now.date(),
        edits=clean_edits if action == "merge" else None,
        merge_into=merge_into if action == "merge" else None,
    )
    _check_releasable(planned)
    return planned


def _check_releasable(planned: Sequence[live_edition.Planned]) -> None:
    """Refuse changes that would leave an organisation without a field a release requires.

    The loader accepts such rows; the data package does not, so an approved bare new
    organisation would make every later release fail to validate. A new organisation
    must hold every required field; a correction must not blank one (a gap the
    release already has is the release's, not this decision's).
    """
    added: dict[str, dict] = {}
    blanked: dict[str, list[str]] = {}
    for change in planned:
        if change.entity != live_edition.ORGANISATION or not change.field:
            continue
        if change.action == "add":
            added.setdefault(change.entity_id, {})[change.field] = change.new
        elif change.field in RELEASE_REQUIRED and not str(change.new or "").strip():
            blanked.setdefault(change.entity_id, []).append(change.field)
    for org, row in added.items():
        blanked[org] = [
            f for f in RELEASE_REQUIRED if f != "id" and not str(row.get(f) or "").strip()
        ]
    for org, fields in blanked.items():
        if fields:
            required = Message("moderate.problem.release_required")
            raise IncompleteDecisionError(org, [Problem(field, "", required) for field in fields])


def verdict(
    record: Mapping,
    live: live_edition.Live,
    *,
    action: str = "approve",
    edits: Mapping[str, object] | None = None,
    merge_into: str | None = None,
    reference: Reference | None = None,
) -> list[Problem]:
    """What refuses a decision now (the validator and the release's required fields),
    without deciding: ``[]`` when it can be applied. A rejection is always possible.
    ``reference``: the live edition's, when the caller has built it (a queue of reviews)."""
    if action == "reject":
        return []
    try:
        now = utc_now()
        _plan(dict(record), action, "", dict(edits or {}), merge_into, live, now, reference)
    except InvalidDecisionError as error:
        return error.problems
    except ModerationError as error:
        return [Problem("action", action, error.content)]
    return []


# The edition and the log ------------------------------------------------------------


def edition_number(*, url: str | None = None) -> int:
    """The number of the last approval."""
    return edition_state(url=url)[0]


def edition_state(*, url: str | None = None) -> tuple[int, int, dt.datetime | None]:
    """The app's version check, one tiny query: the number of the last approval, the id
    of the change log's last row (an approval's or a rejection's) and when it was logged."""
    last = sa.select(sa.func.max(changes.c.id)).scalar_subquery()
    query = sa.select(edition_table.c.number, changes.c.id, changes.c.changed_at).select_from(
        edition_table.outerjoin(changes, changes.c.id == last)
    )
    with store.reading(url) as connection:
        number, logged, at = connection.execute(query).one()
    return int(number), int(logged or 0), at


def change_log(*, entity_id: str | None = None, url: str | None = None) -> list[dict]:
    """The change log in order (every approval's changes and every rejection), or every
    row about ``entity_id``."""
    store.ensure_schema(url)
    query = sa.select(changes).order_by(changes.c.id)
    if entity_id is not None:
        query = query.where(changes.c.entity_id == entity_id)
    with store.reading(url) as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def _live(connection: Connection, release: live_edition.Release) -> live_edition.Live:
    rows = connection.execute(
        sa.select(changes).where(changes.c.edition > release.through).order_by(changes.c.id)
    )
    number = connection.execute(sa.select(edition_table.c.number)).scalar_one()
    return live_edition.apply(release, [dict(r._mapping) for r in rows], number)


def live(release: live_edition.Release, *, url: str | None = None) -> live_edition.Live:
    """The live edition: ``release`` plus the approvals it does not include yet."""
    store.ensure_schema(url)
    with store.reading(url) as connection:
        return _live(connection, release)
