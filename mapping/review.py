"""What a moderator reviews: one pending suggestion against the live edition.

The Review page (``mapping/ui/review.py``) and ``python -m mapping.admin show``
read the same ``Review``: the field-by-field changes against today's row (or the
full new row), likely duplicates of a new organisation, and the verdict of the
decide functions themselves (``mapping.store.moderation.verdict``: the validator
and what a release requires), so what a moderator is told before deciding is
what the decision will check.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from mapping import edition
from mapping.suggestions import (
    Change,
    Duplicate,
    Reference,
    Suggestion,
    changes,
    likely_duplicates,
    suggestion_from_json,
)
from mapping.validate import Problem

__all__ = ["Review", "about", "country_of", "narrow", "queue", "review"]


@dataclass(frozen=True)
class Review:
    """One suggestion as a moderator sees it (``record``: the stored suggestion)."""

    record: Mapping
    proposal: Suggestion
    changes: tuple[Change, ...]
    duplicates: tuple[Duplicate, ...]
    problems: tuple[Problem, ...]
    about: str
    country: str
    name: str = ""  # the organisation a correction or removal is about, by name

    @property
    def ref(self) -> str:
        return str(self.record["ref"])


def about(record: Mapping) -> str:
    """What a suggestion is about: an organisation id, a link, or a new one's name."""
    target = record["target"]
    if isinstance(target, Mapping):
        return edition.link_id(target["source_id"], target["relation"], target["target_id"])
    if target:
        return str(target)
    proposed = record["proposed"]
    if record["kind"] == "new_link":
        parts = (proposed.get(n, "") for n in ("source_id", "relation", "target_id"))
        return edition.link_id(*map(str, parts))
    return str(proposed.get("name", ""))


def country_of(record: Mapping, organisations: Mapping[str, Mapping]) -> str:
    """The country a suggestion is about: a new organisation's, a target's, a link source's.

    >>> country_of({"kind": "correction", "target": "a", "proposed": {}}, {"a": {"country_code": "IL"}})
    'IL'
    """  # noqa: E501 - a doctest's input is one line
    proposed, target = record["proposed"], record["target"]
    if record["kind"] == "new_organisation":
        return str(proposed.get("country_code", "")).upper()
    if isinstance(target, Mapping):
        org = target.get("source_id", "")
    elif target:
        org = target
    else:
        org = proposed.get("source_id", "")
    return str(organisations.get(str(org), {}).get("country_code", "")).upper()


def review(record: Mapping, live: edition.Live, reference: Reference | None = None) -> Review:
    """The review of one stored suggestion against the live edition."""
    from mapping.store.moderation import verdict

    reference = reference or Reference.from_tables(live.organisations, live.links, live.name)
    proposal, problems = suggestion_from_json(
        {
            "kind": record["kind"],
            "target": record["target"],
            "values": record["proposed"],
            "source": record["source_url"],
            "reason": record["reason"],
            "lang": record["lang"],
        }
    )
    duplicates = (
        likely_duplicates(proposal.values, reference)
        if record["kind"] == "new_organisation"
        else []
    )
    return Review(
        record,
        proposal,
        tuple(changes(proposal, reference)),
        tuple(duplicates),
        tuple(problems or verdict(record, live, reference=reference)),
        about(record),
        country_of(record, reference.organisations),
        _target_name(record, reference),
    )


def _target_name(record: Mapping, reference: Reference) -> str:
    target = record["target"]
    if isinstance(target, str) and target:
        return str(reference.organisations.get(target, {}).get("name", ""))
    return ""


def queue(
    records: Iterable[Mapping],
    live: edition.Live,
    *,
    kind: str | None = None,
    country: str | None = None,
) -> list[Review]:
    """The reviews of pending ``records`` (oldest first, as given), of ``kind`` and about
    ``country`` (a new organisation's, a corrected one's, a link's source's) when given.
    The live edition's ``Reference`` is built once for all of them (tens of ms each)."""
    reference = Reference.from_tables(live.organisations, live.links, live.name)
    code = (country or "").strip().upper()
    return [
        review(record, live, reference)
        for record in records
        if _wanted(record["kind"], country_of(record, reference.organisations), kind, code)
    ]


def narrow(
    reviews: Iterable[Review], *, kind: str | None = None, country: str | None = None
) -> list[Review]:
    """The ``reviews`` of ``kind`` about ``country``, as ``queue`` selects them."""
    code = (country or "").strip().upper()
    return [seen for seen in reviews if _wanted(seen.record["kind"], seen.country, kind, code)]


def _wanted(its_kind: str, its_country: str, kind: str | None, code: str) -> bool:
    return (not kind or its_kind == kind) and (not code or its_country == code)
