"""Hebrew and English: the catalogues, the lookup and the right-to-left helpers."""

import re
import string
from pathlib import Path

import babel
import pytest

from mapping import about, i18n, maps, vocab
from mapping.filters import Filters
from mapping.locales import en, he
from mapping.provenance import STRINGS
from tests.conftest import make_frame

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
HEBREW_LETTER = re.compile("[\u05d0-\u05ea]")
CATALOGUES = {"en": en.MESSAGES, "he": he.MESSAGES}
# Hebrew entries that are rightly the same as the English (or hold no letters):
# file formats and punctuation-only templates have nothing to translate.
LANGUAGE_NEUTRAL = {
    "download.png": "a file format's name",
    "download.svg": "a file format's name",
    "describe.sentence": "'{head}: {clauses}.': punctuation only",
    "describe.clause_separator": "'; ' is Hebrew punctuation too",
    "describe.list_separator": "', ' is Hebrew punctuation too",
    "map.country_count": "'{country}: {count}': punctuation only",
    "detail.link_between": "'{since}–{until}': punctuation only",
    "about.summary.region": "'{region}: {count:,}': punctuation only",
    "provenance.licence_value": "'{licence} ({url})': punctuation only",
    "embed.title": "'{app} — {page}: {view}': punctuation only",
    "upload.error.in_file": "'{name}: {problem}': punctuation only",
    "data.error.located": "'{where}: {message}': punctuation only",
    "contribute.link_text": "'{source} · {relation} · {target}': punctuation only",
    "contribute.duplicate_item": "'{name}: {why}': punctuation only",
    "contribute.problem_item": "'{field}: {reason}': punctuation only",
    "contribute.source_placeholder": "the start of a web address",
    "contribute.lookup_placeholder": "a reference, as the atlas writes it",
    "upload.size.mb": "a number and a unit symbol (MB, as upload.file_label writes it)",
    "upload.size.kb": "a number and a unit symbol",
    "chart.findings.then": "a year (2015), written alike in both languages",
    "upload.encoding.utf-8": "an encoding's name",
    "upload.encoding.utf-16": "an encoding's name",
    "upload.encoding.latin-1": "an encoding's name (Latin-1, ISO-8859-1)",
}


def split_key(key: str) -> tuple[str, str | None]:
    """Split ``count.organisations#one`` into its bare key and plural category."""
    base, mark, category = key.partition(i18n.PLURAL_MARK)
    return base, (category if mark else None)


def plural_forms(catalogue: dict[str, str]) -> dict[str, dict[str, str]]:
    """Group a catalogue's plural messages: ``{bare key: {category: template}}``."""
    forms: dict[str, dict[str, str]] = {}
    for key, template in catalogue.items():
        base, category = split_key(key)
        if category is not None:
            forms.setdefault(base, {})[category] = template
    return forms


def simple_keys(catalogue: dict[str, str]) -> set[str]:
    """The keys of a catalogue that are not plural forms."""
    return {key for key in catalogue if split_key(key)[1] is None}


def test_the_catalogues_are_the_i18n_languages():
    assert set(CATALOGUES) == set(i18n.LANGUAGES)
    assert i18n.DEFAULT in i18n.LANGUAGES
    for lang in i18n.LANGUAGES:
        assert dict(i18n.messages(lang)) == CATALOGUES[lang]


def test_every_key_exists_in_both_languages():
    assert simple_keys(he.MESSAGES) == simple_keys(en.MESSAGES)
    assert set(plural_forms(he.MESSAGES)) == set(plural_forms(en.MESSAGES))


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_plural_forms_are_the_languages_cldr_categories(lang):
    # English has one/other, Hebrew one/two/other; "other" is the fallback, so it is required.
    rule = babel.Locale.parse(lang).plural_form
    allowed = set(rule.tags) | {"other"}
    for base, forms in plural_forms(CATALOGUES[lang]).items():
        assert "other" in forms, base
        assert set(forms) <= allowed, (base, set(forms) - allowed)
        assert base not in CATALOGUES[lang], f"{base} is both a message and a plural message"


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_templates_use_named_fields_only(lang):
    # Positional fields ("{}", "{0}") would depend on argument order, which translations change.
    for key, template in CATALOGUES[lang].items():
        for _, name, _, _ in string.Formatter().parse(template):
            if name is not None:
                assert name.isidentifier(), (key, name)


def test_placeholders_are_identical_per_key():
    for key in simple_keys(en.MESSAGES):
        assert i18n.placeholders(he.MESSAGES[key]) == i18n.placeholders(en.MESSAGES[key]), key


def test_plural_forms_keep_every_field_but_the_count():
    # "ארגון אחד" may say the count in words, but no other value may go missing.
    english = plural_forms(en.MESSAGES)
    for lang, catalogue in CATALOGUES.items():
        for base, forms in plural_forms(catalogue).items():
            fields = i18n.placeholders(english[base]["other"])
            assert i18n.placeholders(forms["other"]) == fields, (lang, base)
            required = {field for field in fields if not re.match(r"\{n\b", field)}
            for category, template in forms.items():
                found = i18n.placeholders(template)
                assert required <= found <= fields, (lang, base, category)


def test_hebrew_entries_are_translated():
    for key, english in en.MESSAGES.items():
        hebrew = he.MESSAGES.get(key)
        if hebrew is None:  # a Hebrew-only or English-only plural form
            continue
        assert hebrew.strip(", ;") or key in LANGUAGE_NEUTRAL, f"{key} is empty"
        if key in LANGUAGE_NEUTRAL:
            continue
        assert hebrew != english, f"{key} is not translated"
        assert HEBREW_LETTER.search(hebrew), f"{key} has no Hebrew letter: {hebrew!r}"


def test_every_hebrew_only_plural_form_is_hebrew():
    for key in set(he.MESSAGES) - set(en.MESSAGES):
        assert HEBREW_LETTER.search(he.MESSAGES[key]), key


def test_language_neutral_entries_are_really_identical_or_letterless():
    # The allow-list must not hide a forgotten translation once the entry changes.
    for key in LANGUAGE_NEUTRAL:
        assert key in he.MESSAGES, key
        hebrew = he.MESSAGES[key]
        letters = re.findall(r"[^\W\d_]", re.sub(r"\{[^}]*\}", "", hebrew))
        assert hebrew == en.MESSAGES[key] or not letters, key


@pytest.mark.parametrize("kind", list(i18n.CATEGORY_KINDS))
@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_vocabulary_value_has_a_label_and_a_definition(kind, lang):
    for value in i18n.CATEGORY_KINDS[kind]:
        assert i18n.category_label(kind, value, lang).strip(), (kind, value)
        assert i18n.category_definition(kind, value, lang).strip(), (kind, value)


def test_category_kinds_cover_the_vocabularies():
    assert i18n.CATEGORY_KINDS["role"] == tuple(vocab.ROLES)
    assert i18n.CATEGORY_KINDS["org_type"] == tuple(vocab.ORG_TYPES)
    assert i18n.CATEGORY_KINDS["domain"] == tuple(vocab.DOMAINS)
    assert i18n.CATEGORY_KINDS["scope"] == tuple(vocab.SCOPES)
    assert i18n.CATEGORY_KINDS["world_region"] == tuple(vocab.WORLD_REGIONS)


@pytest.mark.parametrize(
    ("kind", "terms"),
    [
        ("role", vocab.ROLES),
        ("org_type", vocab.ORG_TYPES),
        ("domain", vocab.DOMAINS),
        ("scope", vocab.SCOPES),
    ],
)
def test_english_vocabulary_matches_vocab(kind, terms):
    # vocab.py stays the source of the English terms; the catalogue must not drift from it.
    for value, definition in terms.items():
        assert i18n.category_label(kind, value, "en") == vocab.label(value)
        assert i18n.category_definition(kind, value, "en") == definition


def test_english_world_regions_are_their_values():
    for region in vocab.WORLD_REGIONS:
        assert i18n.category_label("world_region", region, "en") == region


@pytest.mark.parametrize(
    ("kind", "value", "hebrew"),
    [
        # The four roles of the 2015 mapping, as vocab.ROLE_TERMS_HE and the seed texts spell them.
        ("role", "consulting", "ייעוץ"),
        ("role", "operating", "הפעלה"),
        ("role", "knowledge", "פיתוח ידע"),
        ("role", "funding", "מימון"),
        ("org_type", "backbone", "ארגון שדרה"),
        ("org_type", "initiative", "יוזמה"),
        ("org_type", "infrastructure", "ארגון תשתית"),
        ("org_type", "funder", "קרן או גוף מממן"),
        ("org_type", "consultancy", "חברת ייעוץ"),  # not "ייעוץ": that is the role
        ("org_type", "academic", "מוסד אקדמי"),
        ("org_type", "government", "ממשלה"),
        ("org_type", "network", "רשת"),
        ("domain", "community-development", "פיתוח קהילה וצמצום עוני"),
        ("domain", "education", "חינוך"),
        ("domain", "stem-education", "חינוך מדעי-טכנולוגי (STEM)"),
        ("domain", "early-childhood", "גיל הרך"),
        ("domain", "health", "בריאות"),
        ("domain", "youth", "נוער וצעירים"),
        ("domain", "environment", "איכות סביבה"),
        ("domain", "employment", "תעסוקה"),
        ("domain", "housing", "דיור"),
        ("domain", "justice", "צדק ומשפט"),
        ("domain", "food-systems", "מערכות מזון"),
        ("domain", "other", "אחר"),
        ("scope", "metropolitan", "מטרופוליני"),
        ("scope", "rural", "כפרי"),
        ("scope", "regional", "אזורי"),
        ("scope", "national", "ארצי"),
        ("scope", "international", "בין-לאומי"),
        ("world_region", "United States", 'ארה"ב'),  # the seed texts' abbreviation
        ("world_region", "Canada", "קנדה"),
        ("world_region", "Australia", "אוסטרליה"),
        ("world_region", "Europe", "אירופה"),
        ("world_region", "Israel", "ישראל"),
        ("world_region", "Other", "אחר"),
    ],
)
def test_hebrew_terms(kind, value, hebrew):
    assert i18n.category_label(kind, value, "he") == hebrew


def test_hebrew_roles_are_vocab_role_terms():
    for role, term in vocab.ROLE_TERMS_HE.items():
        assert i18n.category_label("role", role, "he") == term


def seed_text(pattern: str = "*.txt") -> str:
    """The Hebrew source texts matching ``pattern`` (the test is skipped without them)."""
    files = sorted(SEEDS.glob(pattern))
    if not files:
        pytest.skip(f"no seed texts {pattern} under {SEEDS}")
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


@pytest.mark.parametrize("role", list(vocab.ROLES))
def test_role_terms_are_the_2015_mappings(role):
    # The mapping's own page (seed 001) names the four roles: ייעוץ, הפעלה, פיתוח ידע ומימון.
    assert i18n.category_label("role", role, "he") in seed_text("001_*.txt")


@pytest.mark.parametrize(
    ("kind", "value", "seed_term"),
    [
        ("org_type", "backbone", "ארגון שדרה"),
        ("org_type", "infrastructure", "תשתית"),  # the seeds say "ארגוני תשתית"
        ("org_type", "initiative", "יוזמה"),
        ("org_type", "funder", "קרן"),
        ("domain", "community-development", "פיתוח קהילה"),
        ("domain", "education", "חינוך"),
        ("domain", "stem-education", "מדעי"),  # "החינוך המדעי טכנולוגי - STEM EDUCATION"
        ("domain", "health", "בריאות"),
        ("domain", "youth", "נוער וצעירים"),
        ("domain", "environment", "איכות סביבה"),
        ("scope", "metropolitan", "מטרופולי"),  # "מטרופולין" in the seeds
        ("scope", "rural", "כפרי"),  # "באזורים כפריים"
        ("world_region", "United States", 'ארה"ב'),
        ("world_region", "Canada", "קנדה"),
        ("world_region", "Australia", "אוסטרליה"),
        ("world_region", "Europe", "אירופה"),
        ("world_region", "Israel", "ישראל"),
    ],
)
def test_hebrew_terms_come_from_the_seed_texts(kind, value, seed_term):
    assert seed_term in i18n.category_label(kind, value, "he")
    assert seed_term in seed_text()


@pytest.mark.parametrize(
    ("code", "lang", "name"),
    [
        ("US", "he", "ארצות הברית"),  # the full name; ארה"ב is the world region's short label
        ("IL", "he", "ישראל"),
        ("CA", "he", "קנדה"),
        ("AU", "he", "אוסטרליה"),
        ("GB", "he", "בריטניה"),  # CLDR's Hebrew short form
        ("XK", "he", "קוסובו"),  # Kosovo: a user-assigned code both sources carry
        ("de", "he", "גרמניה"),  # codes are case-insensitive
        ("US", "en", "United States"),
        ("GB", "en", "United Kingdom"),
        ("XK", "en", "Kosovo"),
        ("CS", "he", "Serbia and Montenegro"),  # retired code: not in CLDR, GeoNames' English
        ("AN", "en", "Netherlands Antilles"),  # likewise
    ],
)
def test_country_name(code, lang, name):
    assert i18n.country_name(code, lang) == name


def test_country_names_cover_every_geonames_code():
    english, hebrew = i18n.country_names("en"), i18n.country_names("he")
    assert set(english) == set(hebrew)
    assert {"US", "IL", "XK"} <= set(hebrew)
    untranslated = {code for code, name in hebrew.items() if not HEBREW_LETTER.search(name)}
    assert untranslated == {"AN", "CS"}  # only the two retired codes CLDR lacks


@pytest.mark.parametrize(
    ("code", "lang", "message"),
    [
        ("ZZ", "he", "unknown country code 'ZZ'"),  # CLDR's "unknown region" is not a country
        ("", "en", "unknown country code ''"),
        ("USA", "en", "unknown country code 'USA'"),  # alpha-3 is not accepted here
        ("US", "fr", "unknown language 'fr'"),
        (840, "en", "unknown country code 840"),  # a numeric ISO code is not a code string
    ],
)
def test_country_name_errors(code, lang, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        i18n.country_name(code, lang)


@pytest.mark.parametrize(
    ("key", "lang", "values", "expected"),
    [
        ("sidebar.role", "en", {}, "Role"),
        ("sidebar.role", "he", {}, "תפקיד"),
        ("chart.countries.title", "en", {"top": 12}, "Top 12 countries by organisations"),
        ("load.error", "he", {"error": "x"}, "לא ניתן היה לטעון את מאגר הנתונים. x"),
        ("sidebar.reset", "en", {"unused": 1}, "Reset filters"),  # extra values are ignored
        # Fields may be called "key" or "lang": t's own arguments are positional-only.
        (
            "notice.unknown_parameter",
            "en",
            {"key": "lang"},
            "Ignored unknown URL parameter 'lang'.",
        ),
        # Plural messages: the count n picks the CLDR form.
        ("count.organisations", "en", {"n": 0}, "0 organisations"),
        ("count.organisations", "en", {"n": 1}, "1 organisation"),
        ("count.organisations", "en", {"n": 2}, "2 organisations"),
        ("count.organisations", "en", {"n": 1500}, "1,500 organisations"),
        ("count.organisations", "he", {"n": 0}, "0 ארגונים"),
        ("count.organisations", "he", {"n": 1}, "ארגון אחד"),
        ("count.organisations", "he", {"n": 2}, "שני ארגונים"),  # Hebrew has a dual
        ("count.organisations", "he", {"n": 3}, "3 ארגונים"),
        ("count.shown_of_total", "en", {"shown": 12, "n": 277}, "12 of 277 organisations"),
        ("count.shown_of_total", "he", {"shown": 12, "n": 277}, "12 מתוך 277 ארגונים"),
        # "two" falls back to "other" where a message has no dual form.
        ("count.shown_of_total", "he", {"shown": 2, "n": 2}, "2 מתוך 2 ארגונים"),
        ("describe.role", "en", {"n": 2, "values": "A or B"}, "roles A or B"),
        ("describe.country", "en", {"n": 1, "values": "Canada"}, "in Canada"),  # no "one" form
        (
            "upload.summary",
            "en",
            {"loaded": 2, "rejected": 1, "n": 3},
            "2 loaded, 1 rejected, of 3 rows.",
        ),
        # Texts atlas.js fills in keep their {n} when given n="{n}".
        ("map.cluster_title", "he", {"n": "{n}"}, "{n} ארגונים: פתחו כדי להתקרב"),
    ],
)
def test_t(key, lang, values, expected):
    assert i18n.t(key, lang, **values) == expected


@pytest.mark.parametrize(
    ("key", "lang", "values", "error", "message"),
    [
        ("no.such.key", "en", {}, KeyError, "unknown message key 'no.such.key'"),
        ("no.such.key", "xx", {}, ValueError, "unknown language 'xx'"),  # language checked first
        ("sidebar.role", "fr", {}, ValueError, "unknown language 'fr'"),
        ("sidebar.role", None, {}, ValueError, "unknown language None"),
        ("load.error", "en", {}, ValueError, "message 'load.error' needs a value for {error}"),
        ("count.organisations", "he", {}, ValueError, "has plural forms: pass the count as n="),
        ("count.organisations", "en", {"n": -1}, ValueError, "whole number >= 0, not -1"),
        ("count.organisations", "en", {"n": 1.5}, ValueError, "whole number >= 0, not 1.5"),
        ("count.organisations", "en", {"n": True}, ValueError, "whole number >= 0, not True"),
    ],
)
def test_t_errors(key, lang, values, error, message):
    with pytest.raises(error, match=re.escape(message)):
        i18n.t(key, lang, **values)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("he", "he"),
        ("en", "en"),
        ("HE", "he"),  # case does not matter
        (" he ", "he"),  # nor surrounding blanks
        ("he-IL", "he"),  # a region subtag
        ("he_IL", "he"),  # POSIX locale spelling
        ("iw", "he"),  # Hebrew's old ISO 639 code
        ("fr", "en"),  # unsupported: the default
        ("", "en"),
        ("hebrew", "en"),  # a name, not a code
        (None, "en"),  # parameter absent
        (["en", "he"], "he"),  # repeated parameter: the last wins
        ([], "en"),
        (42, "en"),  # never raises
    ],
)
def test_parse_lang(value, expected):
    assert i18n.parse_lang(value) == expected


@pytest.mark.parametrize(("lang", "expected"), [("en", "ltr"), ("he", "rtl")])
def test_direction(lang, expected):
    assert i18n.direction(lang) == expected


def test_direction_of_an_unknown_language_is_an_error():
    with pytest.raises(ValueError, match="unknown language 'ar'"):
        i18n.direction("ar")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tamarack Institute", "\u2068Tamarack Institute\u2069"),
        ("https://example.org/a?b=1", "\u2068https://example.org/a?b=1\u2069"),
        (2015, "\u20682015\u2069"),  # numbers are converted
        ("", ""),  # nothing to isolate
        ("a\u2069b", "\u2068ab\u2069"),  # a stray pop cannot end the isolate early
        ("\u202eevil", "\u2068evil\u2069"),  # nor an override reorder what follows
    ],
)
def test_bidi_isolate(text, expected):
    assert i18n.bidi_isolate(text) == expected


@pytest.mark.parametrize(
    ("items", "lang", "expected"),
    [
        ([], "en", ""),
        (["Canada"], "en", "Canada"),
        (["Canada", "Australia"], "en", "Canada or Australia"),
        (["A", "B", "C"], "en", "A, B or C"),
        (["קנדה", "אוסטרליה"], "he", "קנדה או אוסטרליה"),
    ],
)
def test_or_list(items, lang, expected):
    assert i18n.or_list(items, lang) == expected


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        ("colour", "funding", "unknown category kind 'colour'"),
        ("roles", "funding", "unknown category kind 'roles'"),  # the kind is singular
        ("role", "Funding", "unknown role 'Funding'"),  # values, not labels
        ("world_region", "Asia", "unknown world_region 'Asia'"),
    ],
)
def test_category_errors(kind, value, message):
    for lookup in (i18n.category_label, i18n.category_definition):
        with pytest.raises(ValueError, match=re.escape(message)):
            lookup(kind, value, "en")


def test_language_names_are_endonyms():
    assert dict(i18n.LANGUAGE_NAMES) == {"en": "English", "he": "עברית"}


def test_provenance_strings_come_from_the_catalogues():
    for lang in i18n.LANGUAGES:
        for key, text in STRINGS[lang].items():
            assert i18n.messages(lang)[f"provenance.{key}"] == text


# The English catalogue holds the texts the app shows today, so wiring it in changes nothing.


def test_map_texts_are_in_the_catalogue():
    for field, label in maps.DETAIL_FIELDS:
        assert i18n.t(f"detail.{field}", "en") == label
    assert i18n.t("map.legend_title", "en") == maps.legend_payload()["title"]
    assert [key for key, _, _ in maps.ONLINE_TILES] == ["map.tiles.osm", "map.tiles.carto"]


def test_browser_templates_are_in_the_catalogue():
    payload = maps.organisations_payload(make_frame({}))
    for field, key in (
        ("clusterTitle", "map.cluster_title"),
        ("listTitle", "map.list_title"),
        ("moreText", "map.more_text"),
    ):
        assert i18n.t(key, "en", n="{n}") == payload[field]
    assert payload["closeText"] == i18n.t("map.close", "en")
    assert payload["mapLabel"] == i18n.t("map.label", "en")


def test_about_texts_are_in_the_catalogue():
    assert about.introduction("he") == i18n.t("about.introduction", "he")
    assert about.corrections("en") == i18n.t("about.corrections", "en")
    headings = [heading for heading, _ in about.definition_tables()]
    kinds = ("role", "org_type", "domain", "scope")
    assert headings == [i18n.t(f"about.vocabulary.{kind}", "en") for kind in kinds]


@pytest.mark.parametrize(
    ("params", "key", "values"),
    [
        ({"colour": "red"}, "notice.unknown_parameter", {"key": "colour"}),
        ({"year": "soon"}, "notice.bad_year_range", {"value": "soon"}),
        ({"role": "dancing"}, "notice.unknown_value", {"key": "role", "value": "dancing"}),
    ],
)
def test_url_notices_are_in_the_catalogue(params, key, values):
    notices = Filters.parse_query_params(params)[1]
    assert notices == [i18n.Message(key, **values)]
    for lang in i18n.LANGUAGES:
        assert notices[0].render(lang) == i18n.t(key, lang, **values)


@pytest.mark.parametrize(
    ("filters", "clauses"),
    [
        (Filters(), None),
        (Filters(roles=("funding",)), [("describe.role", 1, "Funding")]),
        (
            Filters(roles=("funding", "operating"), world_regions=("Canada",)),
            [("describe.role", 2, "Funding or Operating"), ("describe.world_region", 1, "Canada")],
        ),
    ],
)
def test_describe_is_built_from_the_catalogue(filters, clauses):
    head = i18n.t("count.shown_of_total", "en", shown=12, n=277)
    if clauses is None:
        expected = i18n.t("describe.all_with_counts", "en", head=head)
    else:
        parts = [i18n.t(key, "en", n=n, values=values) for key, n, values in clauses]
        joined = i18n.t("describe.clause_separator", "en").join(parts)
        expected = i18n.t("describe.sentence", "en", head=head, clauses=joined)
    assert filters.describe(total=277, shown=12) == expected
