"""Suggestions: what anyone may propose, checked against today's edition before it is kept.

A ``Suggestion`` is one of four kinds (``KINDS``):

- ``new_organisation``: ``values`` holds the fields of the dataset's schema
  (``ORGANISATION_FIELDS``; ``name``, ``roles`` and ``country_code`` required);
- ``new_link``: ``values`` holds ``source_id``, ``target_id``, ``relation`` and,
  optionally, ``since`` and ``until`` (``LINK_FIELDS``);
- ``correction``: ``target`` names an organisation (its id) or a link
  (``LinkKey``), ``values`` the fields to change, with their new values;
- ``removal``: ``target`` as for a correction, ``reason`` says why.

Every kind needs a ``source`` (one http(s) URL supporting it); ``note``,
``contact_name`` and ``contact_email`` are optional (the contact is never shown).
The Contribute form (``suggestion_from_form``) and the HTTP API
(``suggestion_from_json``) build suggestions from what they receive, and both
check them with ``check``, which applies the one validator (``mapping.validate``)
and the rules of each kind against a ``Reference``: today's organisations and links
as the files hold them. Problems name their field; ``render(lang)`` tells why.

Also here, pure and shared by the form and the API: ``changes`` (what a correction
changes), ``likely_duplicates`` (an organisation that may already be in the atlas),
the reference a submitter quotes (``format_ref``: ``S-000123``), the quotas
(``Limits``) and the submitter's key for them (``client_key``: a keyed hash of the
address, never the address).
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import hashlib
import hmac
import ipaddress
import os
import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urlsplit

import pandas as pd

from mapping import countries, vocab
from mapping.csvfile import read_text_table
from mapping.data import COLUMNS, DEFAULT_DATASET, REQUIRED, dataset_path
from mapping.geocode import name_key
from mapping.i18n import LANGUAGES, Message
from mapping.validate import (
    MULTI_VALUED,
    Problem,
    check_record,
    email_problem,
    is_web_url,
    length_problem,
    split_multi,
    text_problem,
)

KINDS = ("new_organisation", "new_link", "correction", "removal")
# What a suggestion may set: the dataset's columns but the id (a reviewer gives it),
# the source (the suggestion's own) and the date checked (the review's).
ORGANISATION_FIELDS = tuple(c for c in COLUMNS if c not in ("id", "source", "checked"))
ORGANISATION_REQUIRED = tuple(c for c in REQUIRED if c != "id")
LINK_KEY_FIELDS = ("source_id", "target_id", "relation")
LINK_FIELDS = (*LINK_KEY_FIELDS, "since", "until")
# A link's correction may change these (its two ends are what it is).
LINK_CORRECTABLE = ("relation", "since", "until")
# The top-level members of a suggestion, as the API takes them.
MEMBERS = ("kind", "target", "values", "source", "reason", "note", "contact", "lang")
REF_PREFIX = "S-"
REF_DIGITS = 6
_REF = re.compile(r"^\s*S-?0*(\d{1,12})\s*$", re.IGNORECASE)
# Hosts many organisations share: the same one says nothing about being the same.
SHARED_HOSTS = frozenset(
    {
        "facebook.com",
        "linkedin.com",
        "twitter.com",
        "x.com",
        "instagram.com",
        "youtube.com",
        "sites.google.com",
        "medium.com",
        "github.com",
        "wikipedia.org",
        "en.wikipedia.org",
    }
)
# difflib similarity of two name keys for "a similar name in the same country".
NAME_SIMILARITY = 0.85
MAX_DUPLICATES = 5
# Quotas: suggestions per client per hour, and for everyone per day (rolling windows).
PER_CLIENT_ENV = "ATLAS_SUGGESTIONS_PER_HOUR"
PER_DAY_ENV = "ATLAS_SUGGESTIONS_PER_DAY"
DEFAULT_PER_CLIENT_HOUR = 20
DEFAULT_PER_DAY = 500
# Who may tell us the client's address in X-Forwarded-For: loopback and private
# networks (HAProxy beside the replicas) unless ATLAS_TRUSTED_PROXIES lists others.
TRUSTED_PROXIES_ENV = "ATLAS_TRUSTED_PROXIES"
DEFAULT_TRUSTED_PROXIES = (
    "127.0.0.0/8",
    "::1/128",
    "10.0.0.0/8",
    "172.16.0.0/12",
    "192.168.0.0/16",
    "fc00::/7",
)
CLIENT_SECRET_ENVS = ("ATLAS_CLIENT_SECRET", "STREAMLIT_SERVER_COOKIE_SECRET")
# An IPv6 client usually holds a whole /64: count it as one.
IPV6_CLIENT_PREFIX = 64

__all__ = [
    "KINDS",
    "LINK_FIELDS",
    "ORGANISATION_FIELDS",
    "Change",
    "Duplicate",
    "Limits",
    "LinkKey",
    "Reference",
    "Suggestion",
    "changes",
    "check",
    "client_address",
    "client_key",
    "format_ref",
    "likely_duplicates",
    "parse_ref",
    "suggestion_from_form",
    "suggestion_from_json",
]


@dataclass(frozen=True)
class LinkKey:
    """A link, as the links file keys it: "source relation target"."""

    source_id: str
    target_id: str
    relation: str

    def as_dict(self) -> dict[str, str]:
        return {"source_id": self.source_id, "target_id": self.target_id, "relation": self.relation}


Target = str | LinkKey | None
Value = str | tuple[str, ...]


@dataclass(frozen=True)
class Reference:
    """Today's edition as text: what suggestions are checked and compared against.

    Attributes
    ----------
    organisations : mapping
        Organisation id -> its record (field -> text as in the CSV; multi-valued
        fields as tuples).
    links : mapping
        ``LinkKey`` -> its record (``LINK_FIELDS`` as text).
    edition : str
        The dataset's version (``data/metadata.json``), recorded with each suggestion.
    """

    organisations: Mapping[str, Mapping[str, Value]]
    links: Mapping[LinkKey, Mapping[str, str]]
    edition: str = ""

    @classmethod
    def load(cls) -> Reference:
        """Today's edition from the dataset's files (``ATLAS_DATA``, ``ATLAS_LINKS`` or the
        shipped ones), read again only when a file changes."""
        from mapping.network import relationships_path

        organisations, links = dataset_path(), relationships_path()
        return _load_reference(_file_version(organisations), _file_version(links))

    @classmethod
    def from_tables(
        cls, organisations: pd.DataFrame, links: pd.DataFrame | None = None, edition: str = ""
    ) -> Reference:
        """Build it from the dataset's text tables (``mapping.data.read_text_table``)."""
        records: dict[str, dict[str, Value]] = {}
        table = organisations.reindex(columns=COLUMNS, fill_value="").fillna("").astype(str)
        for record in table.to_dict("records"):
            records[record["id"].strip()] = {
                name: split_multi(value) if name in MULTI_VALUED else value.strip()
                for name, value in record.items()
            }
        keyed: dict[LinkKey, dict[str, str]] = {}
        if links is not None:
            text = links.reindex(columns=LINK_FIELDS, fill_value="").fillna("").astype(str)
            for record in text.to_dict("records"):
                record = {name: value.strip() for name, value in record.items()}
                keyed[LinkKey(*(record[name] for name in LINK_KEY_FIELDS))] = record
        return cls(MappingProxyType(records), MappingProxyType(keyed), edition)

    def links_of(self, org: str) -> list[LinkKey]:
        """The links that name ``org`` at either end, in file order."""
        return [key for key in self.links if org in (key.source_id, key.target_id)]

    def find_link(self, key: LinkKey) -> LinkKey | None:
        """The stored link ``key`` means (a symmetric relation either way round), or None."""
        if key in self.links:
            return key
        if key.relation in vocab.SYMMETRIC_RELATIONS:
            turned = LinkKey(key.target_id, key.source_id, key.relation)
            if turned in self.links:
                return turned
        return None


def _file_version(path: Path | None) -> tuple[str, int, int]:
    """A file's path, modification time and size: enough to notice it changed."""
    if path is None:
        return ("", 0, 0)
    stat = path.stat()
    return (str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=2)
def _load_reference(organisations: tuple, links: tuple) -> Reference:
    """The reference of one version of the dataset's files (see ``Reference.load``)."""
    path = Path(organisations[0])
    links_table = read_text_table(Path(links[0])) if links[0] else None
    return Reference.from_tables(read_text_table(path), links_table, edition_of(path))


def edition_of(path: Path) -> str:
    """The edition a dataset file is: the shipped data's version, else a hash of the file."""
    if path.resolve() == DEFAULT_DATASET.resolve():
        from mapping.provenance import load_metadata

        return str(load_metadata()["version"])
    return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()[:16]


@dataclass(frozen=True)
class Suggestion:
    """One proposal, its values in the dataset's form (see the module's description)."""

    kind: str
    target: Target = None
    values: Mapping[str, Value] = field(default_factory=dict)
    source: str = ""
    reason: str = ""
    note: str = ""
    contact_name: str = ""
    contact_email: str = ""
    lang: str = "en"

    def row(self, reference: Reference) -> dict[str, object]:
        """The database row (``mapping.store.schema.suggestions``), without the bookkeeping."""
        target: object = self.target.as_dict() if isinstance(self.target, LinkKey) else self.target
        before = (
            {change.field: _json_value(change.before) for change in changes(self, reference)}
            if self.kind == "correction"
            else {}
        )
        return {
            "kind": self.kind,
            "target": target,
            "proposed": {name: _json_value(value) for name, value in self.values.items()},
            "previous": before or None,
            "edition": reference.edition or None,
            "source_url": self.source,
            "reason": self.reason or None,
            "note": self.note or None,
            "contact_name": self.contact_name or None,
            "contact_email": self.contact_email or None,
            "lang": self.lang,
        }


def _json_value(value: Value) -> str | list[str]:
    """A value as JSON stores it: a multi-valued field as a list."""
    return list(value) if isinstance(value, tuple) else value


@dataclass(frozen=True)
class Change:
    """One field a suggestion changes: its value today and the proposed one."""

    field: str
    before: Value
    after: Value


def current_values(suggestion: Suggestion, reference: Reference) -> Mapping[str, Value]:
    """Today's record of what a correction or removal is about ({} if new or unknown)."""
    target = suggestion.target
    if isinstance(target, LinkKey):
        found = reference.find_link(target)
        return reference.links.get(found, {}) if found else {}
    if isinstance(target, str):
        return reference.organisations.get(target, {})
    return {}


def _same(before: Value, after: Value) -> bool:
    """Whether two values of a field are the same (multi-valued: the same set)."""
    if isinstance(before, tuple) or isinstance(after, tuple):
        return set(_as_tuple(before)) == set(_as_tuple(after))
    return str(before).strip() == str(after).strip()


def _as_tuple(value: Value) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else split_multi(value)


def changes(suggestion: Suggestion, reference: Reference) -> list[Change]:
    """What a correction changes, field by field, in the order of the dataset's schema.

    For a new organisation or link every value given is a change from nothing; a
    removal changes no field.
    """
    if suggestion.kind == "removal":
        return []
    today = current_values(suggestion, reference)
    order = {name: i for i, name in enumerate((*ORGANISATION_FIELDS, *LINK_FIELDS))}
    found = []
    for name in sorted(suggestion.values, key=lambda n: order.get(n, len(order))):
        after = suggestion.values[name]
        before = today.get(name, () if name in MULTI_VALUED else "")
        if not _same(before, after):
            found.append(Change(name, before, after))
    return found


# Building a suggestion from what a form or a request sends ----------------------------------


def _text(member: str, raw: object, problems: list[Problem]) -> str:
    """A text member: a string (numbers are written out); anything else is a problem."""
    if raw is None:
        return ""
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        problems.append(Problem(member, _shown(raw), Message("suggest.problem.not_text")))
        return ""
    return str(raw).strip()


def _shown(raw: object) -> str:
    """A value as a problem quotes it (short)."""
    text = raw if isinstance(raw, str) else repr(raw)
    return text if len(text) <= 80 else text[:79] + "…"


def _value(name: str, raw: object, problems: list[Problem]) -> Value:
    """One field's value in the dataset's form: vocabulary terms and countries canonical."""
    if name in MULTI_VALUED:
        if isinstance(raw, list | tuple):
            items = [_text(f"values.{name}", item, problems) for item in raw]
            values = tuple(dict.fromkeys(item for item in items if item))
        else:
            values = split_multi(_text(f"values.{name}", raw, problems))
        if name in vocab.VOCABULARIES:
            values = tuple(dict.fromkeys(vocab.canonical(name, v) or v for v in values))
        return values
    if isinstance(raw, list | tuple):
        problems.append(
            Problem(f"values.{name}", _shown(raw), Message("suggest.problem.one_value"))
        )
        return ""
    text = _text(f"values.{name}", raw, problems)
    if not text:
        return ""
    if name in ("org_type", "scope"):
        return vocab.canonical(name, text) or text
    if name == "country_code":
        return countries.to_code(text) or text
    if name == "relation":
        return re.sub(r"[\s-]+", "_", text.casefold())
    return text


def _target(kind: str, raw: object, problems: list[Problem]) -> Target:
    """The target member: null, an organisation id, or a link's three keys."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(raw, Mapping):
        unknown = sorted(set(raw) - set(LINK_KEY_FIELDS))
        if unknown:
            problems.append(
                Problem(
                    f"target.{unknown[0]}",
                    "",
                    Message("suggest.problem.unknown_member", expected=", ".join(LINK_KEY_FIELDS)),
                )
            )
        parts = {name: _text(f"target.{name}", raw.get(name), problems) for name in LINK_KEY_FIELDS}
        for name, part in parts.items():
            if not part:
                problems.append(Problem(f"target.{name}", "", Message("data.problem.required")))
        parts["relation"] = re.sub(r"[\s-]+", "_", parts["relation"].casefold())
        return LinkKey(**parts)
    problems.append(Problem("target", _shown(raw), Message("suggest.problem.target_type")))
    return None


def _contact(raw: object, problems: list[Problem]) -> tuple[str, str]:
    """The contact member: ``{"name", "email"}``, or text (``Name <email>``, an email, a name)."""
    if isinstance(raw, Mapping):
        unknown = sorted(set(raw) - {"name", "email"})
        if unknown:
            problems.append(
                Problem(
                    f"contact.{unknown[0]}",
                    "",
                    Message("suggest.problem.unknown_member", expected="name, email"),
                )
            )
        return (
            _text("contact.name", raw.get("name"), problems),
            _text("contact.email", raw.get("email"), problems),
        )
    text = _text("contact", raw, problems)
    named = re.fullmatch(r"(.*?)\s*<([^<>]+)>", text)
    if named:
        return named.group(1).strip(), named.group(2).strip()
    if "@" in text and " " not in text:
        return "", text
    return text, ""


def suggestion_from_json(body: object) -> tuple[Suggestion | None, list[Problem]]:
    """Read a suggestion from a request's JSON (see ``MEMBERS`` and the module's description).

    Returns the suggestion (None when the body is not an object) and the problems of
    its shape; ``check`` then checks its values against the edition.
    """
    problems: list[Problem] = []
    if not isinstance(body, Mapping):
        return None, [Problem("", _shown(body), Message("suggest.problem.not_object"))]
    for name in sorted(set(body) - set(MEMBERS)):
        reason = Message("suggest.problem.unknown_member", expected=", ".join(MEMBERS))
        problems.append(Problem(str(name), "", reason))
    kind = _text("kind", body.get("kind"), problems)
    raw_values = body.get("values")
    if raw_values is None:
        raw_values = {}
    if not isinstance(raw_values, Mapping):
        problems.append(Problem("values", _shown(raw_values), Message("suggest.problem.values")))
        raw_values = {}
    values = {str(name): _value(str(name), raw, problems) for name, raw in raw_values.items()}
    name, email = _contact(body.get("contact"), problems)
    lang = _text("lang", body.get("lang"), problems) or "en"
    suggestion = Suggestion(
        kind=kind,
        target=_target(kind, body.get("target"), problems),
        values=values,
        source=_text("source", body.get("source"), problems),
        reason=_text("reason", body.get("reason"), problems),
        note=_text("note", body.get("note"), problems),
        contact_name=name,
        contact_email=email,
        lang=lang,
    )
    return suggestion, problems


def suggestion_from_form(
    kind: str,
    target: Target,
    values: Mapping[str, object],
    *,
    source: str = "",
    reason: str = "",
    note: str = "",
    contact_name: str = "",
    contact_email: str = "",
    lang: str = "en",
    reference: Reference | None = None,
) -> Suggestion:
    """Build a suggestion from the Contribute form's widgets.

    ``values`` holds every field the form shows; blank ones are left out of a new
    organisation or link, and a correction keeps only the fields that differ from
    today's (``reference``), so a suggestion says exactly what it changes.
    """
    problems: list[Problem] = []  # the form's widgets give text and lists: none arise
    clean = {name: _value(name, raw, problems) for name, raw in values.items()}
    suggestion = Suggestion(
        kind=kind,
        target=target,
        values={name: value for name, value in clean.items() if value},
        source=source.strip(),
        reason=reason.strip(),
        note=note.strip(),
        contact_name=contact_name.strip(),
        contact_email=contact_email.strip(),
        lang=lang,
    )
    if kind == "correction" and reference is not None:
        changed = {c.field for c in changes(_replace_values(suggestion, clean), reference)}
        kept = {name: value for name, value in clean.items() if name in changed}
        suggestion = _replace_values(suggestion, kept)
    elif kind == "removal":
        suggestion = _replace_values(suggestion, {})
    return suggestion


def _replace_values(suggestion: Suggestion, values: Mapping[str, Value]) -> Suggestion:
    return dataclasses.replace(suggestion, values=dict(values))


# Checking -------------------------------------------------------------------------------------


def check(suggestion: Suggestion, reference: Reference) -> list[Problem]:
    """Every problem of a suggestion, checked against today's edition.

    The members (kind, source, contact, note, reason, language), then the values with
    the one validator (``mapping.validate.check_record``), then the kind's own rules
    (a target that exists, a link that is not there yet, a correction that changes
    something, a removal with a reason). Problems of values are named
    ``values.<field>``, of the target ``target`` (or ``target.<part>``).
    """
    found = _member_problems(suggestion)
    if suggestion.kind not in KINDS:
        return found
    found += _value_problems(suggestion, reference)
    return found


def _member_problems(suggestion: Suggestion) -> list[Problem]:
    """The problems of everything but the values."""
    found: list[Problem] = []
    if suggestion.kind not in KINDS:
        reason = Message("suggest.problem.kind", expected=", ".join(KINDS))
        found.append(Problem("kind", suggestion.kind, reason))
    if not suggestion.source:
        found.append(Problem("source", "", Message("suggest.problem.source_required")))
    elif not is_web_url(suggestion.source):
        found.append(Problem("source", suggestion.source, Message("suggest.problem.source")))
    if suggestion.contact_email:
        reason = email_problem(suggestion.contact_email)
        if reason is not None:
            found.append(Problem("contact.email", suggestion.contact_email, reason))
    if suggestion.lang not in LANGUAGES:
        reason = Message("suggest.problem.lang", expected=", ".join(LANGUAGES))
        found.append(Problem("lang", suggestion.lang, reason))
    texts = {
        "source": suggestion.source,
        "reason": suggestion.reason,
        "note": suggestion.note,
        "contact.name": suggestion.contact_name,
        "contact.email": suggestion.contact_email,
    }
    for name, text in texts.items():
        for reason in (text_problem(text), length_problem(name.replace(".", "_"), text)):
            if reason is not None:
                found.append(Problem(name, _shown(text), reason))
    return found


def _value_problems(suggestion: Suggestion, reference: Reference) -> list[Problem]:
    """The values' problems and the kind's own rules."""
    kind, target, values = suggestion.kind, suggestion.target, suggestion.values
    if kind in ("new_organisation", "new_link"):
        found = (
            [] if target is None else [Problem("target", "", Message("suggest.problem.no_target"))]
        )
        allowed = ORGANISATION_FIELDS if kind == "new_organisation" else LINK_FIELDS
        required = ORGANISATION_REQUIRED if kind == "new_organisation" else LINK_KEY_FIELDS
        found += _fields_problems(values, allowed)
        found += _named(check_record(_record(values, allowed), required))
        if kind == "new_link":
            found += _new_link_problems(values, reference)
        return found
    found = _target_problems(target, reference)
    if kind == "removal":
        if values:
            found.append(Problem("values", "", Message("suggest.problem.removal_values")))
        if not suggestion.reason:
            found.append(Problem("reason", "", Message("suggest.problem.reason_required")))
        return found
    allowed = LINK_CORRECTABLE if isinstance(target, LinkKey) else ORGANISATION_FIELDS
    found += _fields_problems(values, allowed)
    if found:
        return found
    today = current_values(suggestion, reference)
    merged = {name: today.get(name, "") for name in allowed} | dict(values)
    required = () if isinstance(target, LinkKey) else ORGANISATION_REQUIRED
    pairs = {"year_started": "year_ended", "year_ended": "year_started", "since": "until"}
    pairs |= {"until": "since", "latitude": "longitude", "longitude": "latitude"}
    kept = [
        problem
        for problem in check_record(merged, required)
        if problem.field in values or pairs.get(problem.field) in values
    ]
    found += _named(kept)
    if not changes(suggestion, reference):
        found.append(Problem("values", "", Message("suggest.problem.no_change")))
    return found


def _record(values: Mapping[str, Value], allowed: Iterable[str]) -> dict[str, Value]:
    """The allowed fields of ``values`` (unknown ones are reported apart)."""
    return {name: value for name, value in values.items() if name in allowed}


def _named(problems: list[Problem]) -> list[Problem]:
    """Problems of values, named ``values.<field>`` as the request names them."""
    return [Problem(f"values.{p.field}", p.value, p.reason, p.suggestion) for p in problems]


def _fields_problems(values: Mapping[str, Value], allowed: tuple[str, ...]) -> list[Problem]:
    """Fields this kind of suggestion cannot set; and no value at all."""
    found = [
        Problem(
            f"values.{name}",
            "",
            Message("suggest.problem.unknown_field", expected=", ".join(allowed)),
        )
        for name in values
        if name not in allowed
    ]
    if not values:
        found.append(Problem("values", "", Message("suggest.problem.no_values")))
    return found


def _target_problems(target: Target, reference: Reference) -> list[Problem]:
    """A correction's or removal's target: given, and in today's edition."""
    if target is None:
        return [Problem("target", "", Message("suggest.problem.target_required"))]
    if isinstance(target, LinkKey):
        if reference.find_link(target) is None:
            shown = f"{target.source_id} {target.relation} {target.target_id}"
            return [Problem("target", shown, Message("suggest.problem.unknown_link"))]
        return []
    if target not in reference.organisations:
        return [Problem("target", target, Message("links.problem.unknown_id"))]
    return []


def _new_link_problems(values: Mapping[str, Value], reference: Reference) -> list[Problem]:
    """A new link's ends exist, differ, and are not linked that way already."""
    found = []
    ends = {name: str(values.get(name, "")) for name in ("source_id", "target_id")}
    for name, org in ends.items():
        if org and org not in reference.organisations:
            found.append(Problem(f"values.{name}", org, Message("links.problem.unknown_id")))
    if ends["source_id"] and ends["source_id"] == ends["target_id"]:
        found.append(Problem("values.target_id", ends["target_id"], Message("links.problem.self")))
    relation = str(values.get("relation", ""))
    if not found and relation in vocab.RELATIONS:
        key = LinkKey(ends["source_id"], ends["target_id"], relation)
        if reference.find_link(key) is not None:
            found.append(
                Problem("values.relation", relation, Message("suggest.problem.link_exists"))
            )
    return found


# Likely duplicates ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Duplicate:
    """An organisation already in the atlas that a new one may be: its id, name and why."""

    id: str
    name: str
    why: Message


def website_host(url: str) -> str:
    """A website's host without ``www.``, lower case (``""`` if there is none)."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def likely_duplicates(values: Mapping[str, Value], reference: Reference) -> list[Duplicate]:
    """Organisations a new one may duplicate: the same website host, or a similar name
    in the same country (case, accents and punctuation ignored).

    Returns at most ``MAX_DUPLICATES``, those with the same website first.
    """
    found: dict[str, Duplicate] = {}
    host = website_host(str(values.get("website", "")))
    if host and host not in SHARED_HOSTS:
        for org, record in reference.organisations.items():
            if website_host(str(record.get("website", ""))) == host:
                found[org] = Duplicate(
                    org, str(record["name"]), Message("suggest.duplicate.website", host=host)
                )
    names = [name_key(str(values.get(n, ""))) for n in ("name", "name_he")]
    names = [n for n in names if n]
    country = str(values.get("country_code", "")).upper()
    if names and country:
        for org, record in reference.organisations.items():
            if org in found or str(record.get("country_code", "")).upper() != country:
                continue
            theirs = [name_key(str(record.get(n, ""))) for n in ("name", "name_he")]
            if any(_similar(a, b) for a in names for b in theirs if b):
                found[org] = Duplicate(org, str(record["name"]), Message("suggest.duplicate.name"))
    return list(found.values())[:MAX_DUPLICATES]


def _similar(a: str, b: str) -> bool:
    """Two name keys that are the same name, give or take a few letters."""
    if a == b:
        return True
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= NAME_SIMILARITY and matcher.ratio() >= NAME_SIMILARITY


# References -------------------------------------------------------------------------------------


def format_ref(number: int) -> str:
    """The reference a submitter quotes: ``S-`` and the number, six digits at least.

    >>> format_ref(123)
    'S-000123'
    """
    return f"{REF_PREFIX}{number:0{REF_DIGITS}d}"


def parse_ref(text: str) -> int | None:
    """The number of a reference as people write it (``S-000123``, ``s-123``), or None.

    >>> parse_ref("S-000123"), parse_ref("s123"), parse_ref("123"), parse_ref("S-0")
    (123, 123, None, None)
    """
    match = _REF.match(str(text))
    number = int(match.group(1)) if match else 0
    return number if number > 0 else None


# Quotas and who a client is ------------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    """How many suggestions are taken: per client in an hour, from everyone in a day."""

    per_client_hour: int = DEFAULT_PER_CLIENT_HOUR
    per_day: int = DEFAULT_PER_DAY

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """The limits ``ATLAS_SUGGESTIONS_PER_HOUR`` and ``ATLAS_SUGGESTIONS_PER_DAY`` set.

        Raises
        ------
        ValueError
            For a value that is not a whole number >= 0, naming the variable.
        """
        environ = os.environ if environ is None else environ
        numbers = {}
        for name, default in (
            (PER_CLIENT_ENV, DEFAULT_PER_CLIENT_HOUR),
            (PER_DAY_ENV, DEFAULT_PER_DAY),
        ):
            text = environ.get(name, "").strip()
            if not text:
                numbers[name] = default
                continue
            if not text.isdigit():
                raise ValueError(f"{name}={text!r}: expected a whole number of suggestions >= 0")
            numbers[name] = int(text)
        return cls(numbers[PER_CLIENT_ENV], numbers[PER_DAY_ENV])


def _networks(texts: Iterable[str]) -> tuple:
    return tuple(ipaddress.ip_network(text.strip(), strict=False) for text in texts if text.strip())


def trusted_proxies(environ: Mapping[str, str] | None = None) -> tuple:
    """The networks whose X-Forwarded-For is believed (``ATLAS_TRUSTED_PROXIES``, CIDRs)."""
    environ = os.environ if environ is None else environ
    configured = environ.get(TRUSTED_PROXIES_ENV, "").strip()
    return _networks(configured.split(",") if configured else DEFAULT_TRUSTED_PROXIES)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def client_address(peer: str | None, forwarded_for: str | None, trusted: Iterable = ()) -> str:
    """The submitter's address: the peer, unless a trusted proxy forwarded the request.

    Behind trusted proxies (HAProxy with ``option forwardfor``), X-Forwarded-For is read
    from the right, past every trusted hop, to the first address no proxy we trust
    added: a client cannot choose its own address by sending the header itself.

    >>> client_address("10.0.0.2", "203.0.113.9, 198.51.100.7", trusted_proxies({}))
    '198.51.100.7'
    >>> client_address("198.51.100.7", "1.2.3.4", trusted_proxies({}))
    '198.51.100.7'
    """
    trusted = tuple(trusted)
    current = _address(peer or "")
    if current is None:
        return (peer or "").strip()
    hops = [hop for hop in (forwarded_for or "").split(",") if hop.strip()]
    while hops and any(current in network for network in trusted):
        previous = _address(hops.pop())
        if previous is None:
            break
        current = previous
    return str(current)


_process_secret = secrets.token_bytes(32)


def client_secret(environ: Mapping[str, str] | None = None) -> bytes:
    """The key of ``client_key``'s hash: ``ATLAS_CLIENT_SECRET``, else Streamlit's cookie
    secret (which every replica shares), else one made up for this process."""
    environ = os.environ if environ is None else environ
    for name in CLIENT_SECRET_ENVS:
        if environ.get(name, "").strip():
            return environ[name].strip().encode()
    return _process_secret


def client_key(address: str, secret: bytes) -> str:
    """A keyed hash of a client's address: what the quotas count, instead of the address.

    An IPv6 address counts as its /64 (one household, one phone). The same address
    gives the same key for every replica that shares the secret.
    """
    parsed = _address(address)
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is not None:
        parsed = parsed.ipv4_mapped
    if isinstance(parsed, ipaddress.IPv6Address):
        text = str(ipaddress.ip_network(f"{parsed}/{IPV6_CLIENT_PREFIX}", strict=False))
    else:
        text = str(parsed) if parsed is not None else address.strip()
    return hmac.new(secret, text.encode(), hashlib.sha256).hexdigest()[:32]
