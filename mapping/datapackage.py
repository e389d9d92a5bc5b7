"""The dataset as a Frictionless data package: the descriptor ``data/datapackage.json``.

The Table Schemas are derived from the code's own vocabularies and columns
(``mapping.vocab``, ``mapping.data``, ``mapping.network``), so the package
cannot drift from what the app accepts; ``tests/test_datapackage.py`` fails
while the file is out of date and runs ``frictionless validate`` on it.
``scripts/make_datapackage.py`` writes it; a release (``mapping.release``)
writes it for the staged copy of the folder it validates.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mapping import network, vocab
from mapping.countries import country_codes
from mapping.csvfile import read_text_table
from mapping.data import COLUMNS, RELEASE_REQUIRED
from mapping.geocode import PLACE_COLUMNS
from mapping.paths import CHANGES_FILE, DATA_DIR, NETWORKS_FILE
from mapping.provenance import load_metadata
from mapping.rules import ID_PATTERN, MIN_YEAR
from mapping.store.schema import CHANGE_ACTIONS, ENTITIES

URL = r"https?://[^\s;]+"
ROSTER_DATE = r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?"


def _list_of(values) -> str:
    """A pattern for one or more of ``values`` separated by ``;``."""
    choice = "(?:" + "|".join(re.escape(v) for v in values) + ")"
    return f"{choice}(?:;{choice})*"


def _networks(directory: Path = DATA_DIR) -> list[str]:
    """The named networks (``data/networks.csv``), in file order."""
    return read_text_table(directory / NETWORKS_FILE.name)["network"].tolist()


def _organisation_fields(directory: Path) -> dict:
    """The organisations' fields; the networks and countries are read when a package is built.

    Never at import: importing the library reads no file, and a release's staged
    copy may name fewer networks than ``data/`` (a removed runner's network).
    """
    return {
        "id": (
            "string",
            "Stable slug; never reused.",
            {"unique": True, "pattern": ID_PATTERN},
        ),
        "name": ("string", "The name as the organisation writes it.", {}),
        "name_he": ("string", "Hebrew name, for Israeli organisations.", {}),
        "roles": (
            "string",
            "Roles held, ';'-separated; the first is the primary role.",
            {"pattern": _list_of(vocab.ROLES)},
        ),
        "org_type": (
            "string",
            "The organisation type.",
            {"enum": list(vocab.ORG_TYPES)},
        ),
        "domains": (
            "string",
            "Domains, ';'-separated.",
            {"pattern": _list_of(vocab.DOMAINS)},
        ),
        "scope": (
            "string",
            "How far its work reaches.",
            {"enum": list(vocab.SCOPES)},
        ),
        "city": (
            "string",
            "Headquarters city (GeoNames English spelling), where a source states it.",
            {},
        ),
        "region": ("string", "State, province or district of the headquarters.", {}),
        "country_code": (
            "string",
            "ISO 3166-1 alpha-2 code.",
            {"enum": sorted(country_codes())},
        ),
        "latitude": (
            "number",
            "WGS 84; blank = geocoded from city, region, country.",
            {"minimum": -90, "maximum": 90},
        ),
        "longitude": (
            "number",
            "WGS 84; blank = geocoded from city, region, country.",
            {"minimum": -180, "maximum": 180},
        ),
        "year_started": (
            "integer",
            "The year its Collective Impact work started (see the data card).",
            {"minimum": MIN_YEAR},
        ),
        "year_ended": (
            "integer",
            "The year that work ended, for initiatives that closed.",
            {"minimum": MIN_YEAR},
        ),
        "network": (
            "string",
            "Named networks it belongs to, ';'-separated (derived from the member_of links).",
            {"pattern": _list_of(_networks(directory))},
        ),
        "website": ("string", "Official website.", {"pattern": URL}),
        "description": (
            "string",
            "One or two sentences in our own words.",
            {"maxLength": 240},
        ),
        "source": (
            "string",
            "The page(s) the row was checked against, ';'-separated; the first "
            "confirms the organisation and its Collective Impact work.",
            {"pattern": f"{URL}(?:;{URL})*"},
        ),
        "checked": (
            "date",
            "When the row's facts were last checked against its source.",
            {},
        ),
    }


LINK_FIELDS = {
    "source_id": ("string", "The organisation the link reads from.", {"required": True}),
    "target_id": ("string", "The organisation the link reads to.", {"required": True}),
    "relation": (
        "string",
        "source <relation> target; see the data card.",
        {"required": True, "enum": list(vocab.RELATIONS)},
    ),
    "since": ("integer", "First year of the link, where a source says.", {"minimum": MIN_YEAR}),
    "until": ("integer", "Last year of the link, where a source says.", {"minimum": MIN_YEAR}),
    "source": ("string", "The page that shows the link.", {"required": True, "pattern": URL}),
    "checked": ("date", "When the link was checked against its source.", {"required": True}),
    "note": ("string", "What the source says, in a few words.", {}),
}
NETWORK_FIELDS = {
    "network": (
        "string",
        "The network's name, as the network column writes it.",
        {"required": True, "unique": True},
    ),
    "organisation_id": (
        "string",
        "The organisation that runs it.",
        {"required": True, "unique": True},
    ),
    "roster_source": (
        "string",
        "The page that lists the network's members (its original publisher).",
        {"pattern": URL},
    ),
    "roster_date": (
        "string",
        "The roster's date, as precise as the page gives it (YYYY, YYYY-MM or YYYY-MM-DD); "
        "the day it was read where the page is undated.",
        {"pattern": ROSTER_DATE},
    ),
    "roster_size": (
        "integer",
        "How many members the roster lists (blank: no size is published).",
        {"minimum": 1},
    ),
    "roster_note": (
        "string",
        "What counts as a member, and why a network's members are not collected.",
        {},
    ),
}
# The public columns of the change log, as changes.csv holds them (mapping.release writes it).
CHANGE_FIELDS = {
    "id": ("integer", "The change's number in the log (never reused).", {"required": True}),
    "edition": ("integer", "The approval that made it (blank: a rejection).", {}),
    "changed_at": ("datetime", "When it was decided (UTC).", {"required": True}),
    "moderator": ("string", "Who decided (the name they chose to show).", {"required": True}),
    "entity": (
        "string",
        "What changed: an organisation or a link.",
        {"required": True, "enum": list(ENTITIES)},
    ),
    "entity_id": ("string", "The organisation id, or 'source_id relation target_id'.", {}),
    "action": (
        "string",
        "added, changed (set), removed, or a suggestion not taken (reject).",
        {"required": True, "enum": list(CHANGE_ACTIONS)},
    ),
    "field": ("string", "The column changed (blank for a whole record).", {}),
    "old": ("string", "The value before (a removed record as JSON).", {}),
    "new": ("string", "The value after.", {}),
    "source": ("string", "The page the suggestion cited.", {}),
    "reason": ("string", "Why (a removal's or a rejection's reason).", {}),
    "suggestion": ("string", "The suggestion's reference (S-000123).", {}),
}
CHANGE_COLUMNS = tuple(CHANGE_FIELDS)
PLACE_FIELDS = {
    "city": ("string", "As in organisations.csv.", {}),
    "region": ("string", "As in organisations.csv.", {}),
    "country_code": ("string", "As in organisations.csv.", {"required": True}),
    "latitude": ("number", "Where the gazetteer places it.", {"required": True}),
    "longitude": ("number", "Where the gazetteer places it.", {"required": True}),
    "precision": (
        "string",
        "How precise the place is.",
        {"required": True, "enum": ["city", "region", "country"]},
    ),
}


def _schema(fields: dict, order, required=()) -> dict:
    """A Table Schema for ``fields``, in the file's column order; blank cells are missing values.

    ``required``: fields constrained ``required`` besides those whose constraints say so.
    """
    constraints = {
        name: ({"required": True} if name in required else {}) | fields[name][2] for name in order
    }
    return {
        "fields": [
            {
                "name": name,
                "type": fields[name][0],
                "description": fields[name][1],
                **({"constraints": constraints[name]} if constraints[name] else {}),
            }
            for name in order
        ],
        "missingValues": [""],
    }


def package(directory: Path = DATA_DIR) -> dict:
    """The data package descriptor of the release in ``directory`` (default ``data/``)."""
    metadata = load_metadata(directory / "metadata.json")
    organisations = _schema(_organisation_fields(directory), COLUMNS, RELEASE_REQUIRED)
    organisations["primaryKey"] = ["id"]
    links = _schema(LINK_FIELDS, network.LINK_COLUMNS)
    links["primaryKey"] = ["source_id", "target_id", "relation"]
    links["foreignKeys"] = [
        {"fields": [end], "reference": {"resource": "organisations", "fields": ["id"]}}
        for end in ("source_id", "target_id")
    ]
    networks = _schema(NETWORK_FIELDS, network.NETWORK_COLUMNS)
    networks["primaryKey"] = ["network"]
    networks["foreignKeys"] = [
        {
            "fields": ["organisation_id"],
            "reference": {"resource": "organisations", "fields": ["id"]},
        }
    ]
    places = _schema(PLACE_FIELDS, PLACE_COLUMNS)
    places["primaryKey"] = ["city", "region", "country_code"]
    changes = _schema(CHANGE_FIELDS, CHANGE_COLUMNS)
    changes["primaryKey"] = ["id"]

    def resource(name: str, path: str, title: str, schema: dict) -> dict:
        return {
            "name": name,
            "path": path,
            "title": title,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema,
        }

    return {
        "profile": "tabular-data-package",
        "name": "collective-impact-atlas",
        "title": metadata["title"],
        "description": (
            "Organisations that practise, advise on, study and fund Collective Impact "
            "worldwide, each with a source page and a checked date, and the sourced links "
            "between them. See README.md (the data card) for definitions and method."
        ),
        "version": metadata["version"],
        "created": f"{metadata['date']}T00:00:00Z",
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": metadata["licence_url"],
                "title": "Creative Commons Attribution 4.0",
            }
        ],
        "contributors": [{"title": "Collective Impact Atlas contributors", "role": "author"}],
        "keywords": [
            "collective impact",
            "backbone organisations",
            "philanthropy",
            "place-based initiatives",
            "networks",
        ],
        "resources": [
            resource("organisations", "organisations.csv", "Organisations", organisations),
            resource("relationships", "relationships.csv", "Links between organisations", links),
            resource("networks", "networks.csv", "Named networks and who runs them", networks),
            resource(
                "places",
                "places.csv",
                "Geocoded places (derived by scripts/make_places.py)",
                places,
            ),
            resource(
                "changes",
                CHANGES_FILE.name,
                "The change log: every reviewed decision (python -m mapping.admin release)",
                changes,
            ),
        ],
    }


def text(directory: Path = DATA_DIR) -> str:
    """The descriptor as the file holds it."""
    return json.dumps(package(directory), ensure_ascii=False, indent=2) + "\n"
