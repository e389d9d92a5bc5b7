"""One validator: the rules a value of the dataset must follow, wherever it comes from.

The dataset loader (``mapping.data``), uploads (``mapping.upload``, through
``mapping.data.validate_table``), the links file (``mapping.network``) and
suggestions (``mapping.suggestions``: the Contribute form and the HTTP API) all
check values with the functions here, so a value one of them accepts, every one
accepts. Each ``*_problem`` function looks at one value and returns ``None`` when
it is fine, else the reason as a ``mapping.i18n.Message`` (rendered later, in the
reader's language); ``check_record`` applies them to one record by field and
returns ``Problem`` s naming the field, the value and the reason.

The rules
---------
The id rule and the first year are ``mapping.rules``' (which the URL's state, the
filters and presenter scenes apply too); this module adds the messages and the rules
only values of the dataset need.

- **ids**: ``mapping.rules.is_id``: words of lowercase letters and digits joined by
  single hyphens, at most ``MAX_ID_LENGTH`` characters (the URL's ``org``, ``linked``
  and ``network`` take exactly these); a bad one gets its slug as a suggestion;
- **vocabularies**: ``mapping.vocab.VOCABULARIES`` and ``RELATIONS``; a suggestion may
  spell a value as its label or a synonym (``vocab.canonical``), the dataset stores
  the value;
- **countries**: ISO 3166-1 alpha-2 codes that ``mapping.countries`` knows;
- **years**: whole years from ``mapping.rules.MIN_YEAR`` to this year; an end not before
  the start;
- **coordinates**: numbers, latitude within 90 and longitude within 180, given together;
- **URLs**: ``http://`` or ``https://`` with a host; a ``source`` may list several,
  separated by ``;``;
- **dates**: ``YYYY-MM-DD``, not after today;
- **lengths**: ``MAX_LENGTHS`` per field (text a person types, so a form or a request
  cannot store a novel);
- **characters**: none that cannot be stored (NUL, lone surrogates).

Examples
--------
>>> year_problem("1850", today=dt.date(2026, 12, 7)).render("en")
'must be a year between 1900 and 2026'
>>> year_problem("2013") is None
True
>>> id_problem("Strive Together") is not None and id_problem("strive-together") is None
True
>>> id_suggestion("Strive Together").render("en")
'strive-together'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from mapping import countries, vocab
from mapping.i18n import CountryName, Message
from mapping.rules import MAX_ID_LENGTH, MIN_YEAR, is_id, slug

COUNTRY_CODE_STANDARD = "ISO 3166-1 alpha-2"
WEB_SCHEMES = "http(s)"
DATE_FORMAT = "YYYY-MM-DD"
MULTI_VALUED = ("roles", "domains", "network")
# Every field that holds a year: an organisation's and a link's.
_YEAR_FIELDS = ("year_started", "year_ended", "since", "until")
COORDINATE_LIMITS = MappingProxyType({"latitude": 90.0, "longitude": 180.0})
# The longest text each field takes, in characters. The shipped data's longest values are
# well inside (name 78, description 233, source 468 on 2026-12-07). An id's length is part
# of the id rule (``mapping.rules.MAX_ID_LENGTH``): one problem, not two.
MAX_LENGTHS = MappingProxyType(
    {
        "name": 200,
        "name_he": 200,
        "city": 120,
        "region": 120,
        "network": 1000,
        "website": 500,
        "description": 2000,
        "source": 2000,
        "note": 2000,
        "reason": 1000,
        "contact_name": 200,
        "contact_email": 254,
    }
)
# Characters no field takes because no database or file could keep them: NUL (PostgreSQL
# refuses it in text) and lone surrogates (no UTF-8 encodes them). Other control
# characters are odd but storable, and spreadsheets leave some in cells.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# An address a mail server would take: something, one @, a dotted domain; no spaces.
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$")

__all__ = [
    "MAX_LENGTHS",
    "Problem",
    "check_record",
    "coordinate_problem",
    "country_problem",
    "country_reason",
    "country_suggestion",
    "date_problem",
    "email_problem",
    "id_problem",
    "id_suggestion",
    "is_web_url",
    "length_problem",
    "parse_number",
    "parse_year",
    "relation_problem",
    "source_problem",
    "text_problem",
    "vocabulary_problem",
    "vocabulary_reason",
    "vocabulary_suggestion",
    "website_problem",
    "year_order_problem",
    "year_problem",
]


@dataclass(frozen=True)
class Problem:
    """A value that breaks a rule: which field, the value as given, why, and what might fix it.

    ``reason`` and ``suggestion`` are ``Message`` s (``suggestion`` ``""`` for none);
    ``render(lang)`` gives the reason and the suggestion as one sentence.
    """

    field: str
    value: str
    reason: Message
    suggestion: Message | str = ""

    def render(self, lang: str, *, isolate: bool = False) -> str:
        """The reason, then the suggestion if there is one, in ``lang``."""
        text = self.reason.render(lang, isolate=isolate)
        if self.suggestion:
            text = Message(
                "data.error.with_suggestion", message=self.reason, suggestion=self.suggestion
            ).render(lang, isolate=isolate)
        return text


# Parsing -----------------------------------------------------------------------------------


def is_web_url(text: str) -> bool:
    """Return True for a well-formed ``http://`` or ``https://`` URL."""
    return bool(_URL.match(text))


def parse_number(text: str) -> float | None:
    """Parse a finite number, or return None."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if value == value and abs(value) != float("inf") else None


def parse_year(text: str) -> int | None:
    """Parse a whole number written as ``2013`` or ``2013.0``, or return None."""
    number = parse_number(text)
    return int(number) if number is not None and number == int(number) else None


def parse_date(text: str) -> dt.date | None:
    """Parse an ISO ``YYYY-MM-DD`` date, or return None."""
    if not _DATE.match(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def split_multi(text: str) -> tuple[str, ...]:
    """Split a ``;``-separated cell into unique, stripped, non-empty values."""
    values = (part.strip() for part in str(text).split(";"))
    return tuple(dict.fromkeys(v for v in values if v))


def join_multi(value: object) -> str:
    """A value as its cell holds it: several joined by ``;``, None as blank.

    >>> join_multi(("operating", "funding")), join_multi("Haifa"), join_multi(None)
    ('operating;funding', 'Haifa', '')
    """
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    return str(value)


# One value, one rule --------------------------------------------------------------------------


def id_problem(text: str) -> Message | None:
    """An id that breaks the id rule (``mapping.rules.is_id``)."""
    if is_id(text):
        return None
    return Message("data.problem.id_rule", letters="a-z", digits="0-9", length=MAX_ID_LENGTH)


def id_suggestion(text: str) -> Message:
    """The id a malformed one may have meant: its slug (``mapping.rules.slug``)."""
    return Message("data.suggest.id", id=slug(text))


def year_problem(text: str, today: dt.date | None = None) -> Message | None:
    """A year that is not a whole year from ``MIN_YEAR`` to this year."""
    last = (today or dt.date.today()).year
    year = parse_year(text)
    if year is not None and MIN_YEAR <= year <= last:
        return None
    return Message("data.problem.year", first=MIN_YEAR, last=last)


def year_order_problem(started: str, ended: str) -> Message | None:
    """An end year before the start year (either blank or invalid: no problem here)."""
    first, last = parse_year(started), parse_year(ended)
    if first is not None and last is not None and last < first:
        return Message("data.problem.year_order", started=first, ended=last)
    return None


def coordinate_problem(field: str, text: str) -> Message | None:
    """A latitude (``field``) not within 90, or a longitude not within 180, or no number."""
    limit = COORDINATE_LIMITS[field]
    number = parse_number(text)
    if number is not None and abs(number) <= limit:
        return None
    return Message("data.problem.range", low=-limit, high=limit)


def website_problem(text: str) -> Message | None:
    """A website that is not one http(s) URL."""
    return None if is_web_url(text) else Message("data.problem.website", scheme=WEB_SCHEMES)


def source_problem(text: str) -> Message | None:
    """A ``source`` that is not one or more http(s) URLs separated by ``;``."""
    urls = split_multi(text)
    if urls and all(map(is_web_url, urls)):
        return None
    return Message("data.problem.source", scheme=WEB_SCHEMES)


def date_problem(text: str, today: dt.date | None = None) -> Message | None:
    """A date that is not ``YYYY-MM-DD`` or lies after today."""
    today = today or dt.date.today()
    date = parse_date(text)
    if date is not None and date <= today:
        return None
    return Message("data.problem.checked", format=DATE_FORMAT, today=today.isoformat())


def length_problem(field: str, text: str) -> Message | None:
    """Text longer than the field takes (``MAX_LENGTHS``)."""
    limit = MAX_LENGTHS.get(field)
    if limit is None or len(text) <= limit:
        return None
    return Message("validate.problem.too_long", n=limit, length=len(text))


def text_problem(text: str) -> Message | None:
    """Text holding a character no field takes (NUL, a lone surrogate)."""
    found = _UNSTORABLE.search(text)
    if found is None:
        return None
    return Message("validate.problem.control", code=f"U+{ord(found.group()):04X}")


def email_problem(text: str) -> Message | None:
    """Text that cannot be an email address."""
    return None if _EMAIL.match(text) else Message("validate.problem.email")


def first_unknown(field: str, values: Iterable[str]) -> str:
    """The first of ``values`` not in the field's vocabulary (values as stored), or ``""``."""
    allowed = vocab.VOCABULARIES[field]
    return next((v for v in values if v.lower() not in allowed), "")


def vocabulary_reason(field: str, value: str) -> Message | None:
    """A value outside the field's vocabulary (``mapping.vocab.VOCABULARIES``), any case."""
    if value.lower() in vocab.VOCABULARIES[field]:
        return None
    expected = ", ".join(vocab.VOCABULARIES[field])
    return Message("data.problem.unknown_value", value=value, expected=expected)


def vocabulary_suggestion(field: str, value: str) -> Message | str:
    """The vocabulary value closest to an unknown one (difflib), or ``""``."""
    close = vocab.suggest(field, value)
    return Message("data.suggest.value", value=close) if close else ""


def vocabulary_problem(field: str, value: str) -> tuple[Message, Message | str] | None:
    """A value outside the field's vocabulary: the reason and the closest value, if any."""
    reason = vocabulary_reason(field, value)
    return None if reason is None else (reason, vocabulary_suggestion(field, value))


def relation_problem(text: str) -> Message | None:
    """A relation outside ``mapping.vocab.RELATIONS``."""
    if text in vocab.RELATIONS:
        return None
    return Message("links.problem.relation", expected=", ".join(vocab.RELATIONS))


def country_reason(text: str) -> Message | None:
    """A country that is not an ISO alpha-2 code ``mapping.countries`` knows (any case)."""
    if text.upper() in countries.country_codes():
        return None
    return Message("data.problem.country_code", standard=COUNTRY_CODE_STANDARD)


def country_suggestion(text: str) -> Message | str:
    """The country closest to a cell (its code and name), or ``""``."""
    code = countries.suggest_code(text)
    return Message("data.suggest.country", code=code, name=CountryName(code)) if code else ""


def country_problem(text: str) -> tuple[Message, Message | str] | None:
    """A country that is not a known ISO alpha-2 code: the reason and the closest country."""
    reason = country_reason(text)
    return None if reason is None else (reason, country_suggestion(text))


# A record ---------------------------------------------------------------------------------------


def _single_value_problems(field: str, text: str) -> list[Problem]:
    """The problems of one non-blank single value of ``field``."""
    found: list[Problem] = []
    reason: Message | None = None
    suggestion: Message | str = ""
    if field in ("id", "source_id", "target_id"):
        reason = id_problem(text)
        suggestion = id_suggestion(text) if reason is not None else ""
    elif field in ("org_type", "scope"):
        reason, suggestion = vocabulary_problem(field, text) or (None, "")
    elif field == "country_code":
        reason, suggestion = country_problem(text) or (None, "")
    elif field in _YEAR_FIELDS:
        reason = year_problem(text)
    elif field in COORDINATE_LIMITS:
        reason = coordinate_problem(field, text)
    elif field == "website":
        reason = website_problem(text)
    elif field == "source":
        reason = source_problem(text)
    elif field == "checked":
        reason = date_problem(text)
    elif field == "relation":
        reason = relation_problem(text)
    elif field == "contact_email":
        reason = email_problem(text)
    if reason is not None:
        found.append(Problem(field, text, reason, suggestion))
    return found + _text_problems(field, text)


def _text_problems(field: str, text: str) -> list[Problem]:
    """What any text of a field may break: the characters it holds, its length."""
    reasons = (text_problem(text), length_problem(field, text))
    return [Problem(field, text, reason) for reason in reasons if reason is not None]


def check_record(
    record: Mapping[str, str | tuple[str, ...]], required: Iterable[str] = ()
) -> list[Problem]:
    """Check one record's values by field: the rules above, then the pairs of fields.

    Parameters
    ----------
    record : mapping
        Field -> value as stored: text (``""`` for blank), a multi-valued field as a
        tuple of values (``roles``, ``domains``, ``network``).
    required : iterable of str
        Fields that must not be blank.

    Returns
    -------
    list of Problem
        In the order of ``record``'s fields, then the cross-field rules (years in
        order, coordinates together, at least one role when roles are given).

    Examples
    --------
    >>> [p.field for p in check_record({"roles": ("fundng",), "year_started": "1850"})]
    ['roles', 'year_started']
    >>> check_record({"roles": ("fundng",)})[0].render("en")
    "unknown value 'fundng'; expected one of consulting, operating, knowledge, funding; suggestion: funding"
    """  # noqa: E501 - a doctest's output is one line
    found: list[Problem] = []
    for field in required:
        value = record.get(field, "")
        if not value:
            found.append(Problem(field, "", Message("data.problem.required")))
    for field, value in record.items():
        if field in MULTI_VALUED:
            found += _multi_value_problems(field, tuple(value))
        elif value:
            found += _single_value_problems(field, str(value))
    found += _pair_problems(record)
    return found


def _multi_value_problems(field: str, values: tuple[str, ...]) -> list[Problem]:
    """The problems of a multi-valued field's values (roles, domains: the vocabulary)."""
    found: list[Problem] = []
    if field in vocab.VOCABULARIES:
        unknown = first_unknown(field, values)
        if unknown:
            reason, suggestion = vocabulary_problem(field, unknown)
            found.append(Problem(field, unknown, reason, suggestion))
    return found + _text_problems(field, ";".join(values))


def _pair_problems(record: Mapping[str, object]) -> list[Problem]:
    """The rules that look at two fields: years in order, coordinates together."""
    found: list[Problem] = []
    for start, end in (("year_started", "year_ended"), ("since", "until")):
        started, ended = str(record.get(start) or ""), str(record.get(end) or "")
        if started and ended and year_problem(started) is None and year_problem(ended) is None:
            reason = year_order_problem(started, ended)
            if reason is not None:
                found.append(Problem(end, ended, reason))
    if "latitude" in record or "longitude" in record:
        latitude, longitude = record.get("latitude") or "", record.get("longitude") or ""
        if bool(latitude) != bool(longitude):
            blank = "latitude" if not latitude else "longitude"
            found.append(Problem(blank, "", Message("data.problem.coordinates_together")))
    return found
