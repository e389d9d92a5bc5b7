"""The API's query parameters other than the filters, each one object (like the filters').

The filters come from the registry (``mapping.filters.FIELDS``) with the page URLs' names and
meanings; this module declares the rest: ``format``, ``limit``, ``cursor``, ``sort``,
``fields``, ``lang``, ``by`` and oEmbed's ``url``, ``maxwidth`` and ``maxheight``. Each
declares its documentation (a catalogue key), its JSON Schema and how it reads a value;
a value it cannot read raises ``BadValueError`` with the reason, which the API answers with a
400 problem naming the parameter and the value.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mapping.i18n import LANGUAGES, Message
from mapping.rules import ID_PATTERN, MAX_ID_LENGTH, is_id

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
MAX_EMBED_SIZE = 4000


class BadValueError(ValueError):
    """A parameter's value that cannot be used; ``reason`` says why (a catalogue message).

    ``parameter`` and ``value`` name it when the code that finds the problem knows them
    (otherwise the reader of the parameter does).
    """

    def __init__(self, reason: Message, parameter: str = "", value: str = "") -> None:
        super().__init__(str(reason))
        self.reason = reason
        self.parameter = parameter
        self.value = value


@dataclass(frozen=True)
class Format:
    """A representation an operation can answer in: its ``format=`` name and media type."""

    name: str
    media_type: str
    # Other media types a client may ask for it by (``Accept``).
    aliases: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        """The Content-Type header's value."""
        text = self.media_type.startswith("text/")
        return f"{self.media_type}; charset=utf-8" if text else self.media_type


JSON = Format("json", "application/json")
CSV = Format("csv", "text/csv")
GEOJSON = Format("geojson", "application/geo+json", ("application/vnd.geo+json",))
JSONLD = Format("jsonld", "application/ld+json")
HTML = Format("html", "text/html", ("application/xhtml+xml",))


@dataclass(frozen=True)
class Param:
    """One query (or path) parameter: its name, documentation, schema and reader.

    ``read(text)`` returns the value or raises ``BadValueError``; ``default`` is the value
    when the parameter is absent. ``doc`` is the catalogue key of its documentation,
    ``example`` a value for the documentation's examples.
    """

    name: str
    doc: str
    schema: Mapping[str, Any]
    read: Callable[[str], Any]
    default: Any = None
    example: str = ""
    location: str = "query"
    required: bool = False
    # Extra OpenAPI members of the parameter (``style``, ``explode``).
    openapi: Mapping[str, Any] = field(default_factory=dict)


def _bad(message: str, /, **values: object) -> BadValueError:
    return BadValueError(Message(message, **values))


def format_param(formats: Sequence[Format]) -> Param:
    """``format``: which representation, by name (overrides the ``Accept`` header)."""
    by_name = {f.name: f for f in formats}

    def read(text: str) -> Format:
        found = by_name.get(text.strip().casefold())
        if found is None:
            raise _bad("api.problem.format", value=text, formats=", ".join(by_name))
        return found

    return Param(
        "format",
        "api.param.format",
        {"type": "string", "enum": list(by_name)},
        read,
        default=None,
        example=formats[-1].name,
    )


def _integer(text: str, low: int, high: int, message: str) -> int:
    value = text.strip()
    if not value.isascii() or not value.isdigit() or not low <= int(value) <= high:
        raise _bad(message, value=text, first=low, last=high)
    return int(value)


LIMIT = Param(
    "limit",
    "api.param.limit",
    {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
    lambda text: _integer(text, 1, MAX_LIMIT, "api.problem.limit"),
    default=DEFAULT_LIMIT,
    example="20",
)


@dataclass(frozen=True)
class Cursor:
    """Where a page ends: the sort it was made for and its last row's key.

    ``text`` is what the client sent (to name it in a problem), "" for a new one.
    """

    sort: str
    key: tuple
    text: str = ""

    def refuse(self, reason: Message) -> BadValueError:
        """The problem of this cursor, named."""
        return BadValueError(reason, "cursor", self.text)

    def encode(self) -> str:
        """The opaque text a client sends back as ``cursor``."""
        data = json.dumps({"s": self.sort, "k": list(self.key)}, separators=(",", ":"))
        return base64.urlsafe_b64encode(data.encode("utf-8")).decode("ascii").rstrip("=")


def read_cursor(text: str) -> Cursor:
    """The cursor a previous page's ``next`` link holds (never trusted: checked here)."""
    try:
        raw = base64.urlsafe_b64decode(text.strip() + "=" * (-len(text.strip()) % 4))
        data = json.loads(raw.decode("utf-8"))
    except (binascii.Error, UnicodeDecodeError, ValueError) as error:
        raise _bad("api.problem.cursor", value=text[:60]) from error
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("s"), str)
        or not isinstance(data.get("k"), list)
        or not all(v is None or isinstance(v, str | int | float) for v in data["k"])
    ):
        raise _bad("api.problem.cursor", value=text[:60])
    return Cursor(data["s"], tuple(data["k"]), text)


CURSOR = Param(
    "cursor",
    "api.param.cursor",
    {"type": "string"},
    read_cursor,
    example="",
)


@dataclass(frozen=True)
class SortKey:
    """One column of a sort, ascending or descending (``-name``)."""

    column: str
    descending: bool = False

    @property
    def text(self) -> str:
        """The key as ``sort=`` writes it."""
        return f"-{self.column}" if self.descending else self.column


def sort_param(columns: Sequence[str], example: str) -> Param:
    """``sort``: columns, comma-separated, ``-`` for descending; blanks last either way."""

    def read(text: str) -> tuple[SortKey, ...]:
        keys = []
        for item in (part.strip() for part in text.split(",")):
            if not item:
                continue
            name = item.removeprefix("-")
            if name not in columns:
                raise _bad("api.problem.sort", value=item, columns=", ".join(columns))
            keys.append(SortKey(name, item.startswith("-")))
        names = [key.column for key in keys]
        if len(set(names)) != len(names):
            raise _bad("api.problem.sort_repeated", value=text)
        return tuple(keys)

    pattern = "|".join(columns)
    return Param(
        "sort",
        "api.param.sort",
        {"type": "string", "pattern": f"^\\s*-?({pattern})\\s*(,\\s*-?({pattern})\\s*)*$"},
        read,
        default=(),
        example=example,
    )


def fields_param(columns: Sequence[str], example: str) -> Param:
    """``fields``: which columns each row has, comma-separated, in the order given."""

    def read(text: str) -> tuple[str, ...]:
        names = [part.strip() for part in text.split(",") if part.strip()]
        for name in names:
            if name not in columns:
                raise _bad("api.problem.field", value=name, columns=", ".join(columns))
        if not names:
            raise _bad("api.problem.no_fields", value=text)
        return tuple(dict.fromkeys(names))

    return Param(
        "fields",
        "api.param.fields",
        {"type": "array", "items": {"type": "string", "enum": list(columns)}, "minItems": 1},
        read,
        default=None,
        example=example,
        openapi={"style": "form", "explode": False},
    )


def _language(text: str) -> str:
    value = text.strip().casefold()
    if value not in LANGUAGES:
        raise _bad("api.problem.lang", value=text, languages=", ".join(LANGUAGES))
    return value


LANG = Param(
    "lang",
    "api.param.lang",
    {"type": "string", "enum": list(LANGUAGES), "default": "en"},
    _language,
    default="en",
    example="he",
)


def choice_param(name: str, doc: str, choices: Sequence[str]) -> Param:
    """A parameter taking one of ``choices`` (the first is the default)."""

    def read(text: str) -> str:
        value = text.strip()
        if value not in choices:
            raise _bad("api.problem.choice", key=name, value=text, choices=", ".join(choices))
        return value

    return Param(
        name,
        doc,
        {"type": "string", "enum": list(choices), "default": choices[0]},
        read,
        default=choices[0],
        example=choices[-1],
    )


def size_param(name: str, doc: str) -> Param:
    """oEmbed's ``maxwidth`` / ``maxheight``: a size in pixels."""
    return Param(
        name,
        doc,
        {"type": "integer", "minimum": 1, "maximum": MAX_EMBED_SIZE},
        lambda text: _integer(text, 1, MAX_EMBED_SIZE, "api.problem.size"),
        example="600",
    )


def text_param(
    name: str, doc: str, *, required: bool = False, example: str = "", location: str = "query"
) -> Param:
    """A parameter read as it is (checked by the operation)."""
    return Param(
        name,
        doc,
        {"type": "string"},
        str,
        default="",
        example=example,
        required=required,
        location=location,
    )


def id_param(name: str, doc: str, *, example: str, location: str = "path") -> Param:
    """An organisation's id, by the dataset's id rule (``mapping.rules.is_id``).

    A value that cannot be an id is a 400 naming it; a well-formed id the data does not
    hold is the operation's to answer (a 404).
    """

    def read(text: str) -> str:
        if not is_id(text):
            raise _bad("api.problem.bad_id", key=name, value=text[:60], length=MAX_ID_LENGTH)
        return text

    return Param(
        name,
        doc,
        {"type": "string", "pattern": f"^{ID_PATTERN}$", "maxLength": MAX_ID_LENGTH},
        read,
        default="",
        example=example,
        required=True,
        location=location,
    )
