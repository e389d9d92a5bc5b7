"""Write ``data/datapackage.json``: the dataset as a Frictionless data package.

The Table Schemas are derived from the code's own vocabularies and columns
(``mapping.vocab``, ``mapping.data``, ``mapping.network``), so the package
cannot drift from what the app accepts; ``tests/test_datapackage.py`` fails
while the file is out of date and runs ``frictionless validate`` on it.

Run: ``python scripts/make_datapackage.py``
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mapping import network, vocab
from mapping.countries import country_codes
from mapping.csvfile import read_text_table
from mapping.data import COLUMNS
from mapping.geocode import PLACE_COLUMNS
from mapping.paths import DATAPACKAGE_FILE, NETWORKS_FILE
from mapping.provenance import load_metadata
from mapping.rules import ID_PATTERN, MIN_YEAR

OUTPUT = DATAPACKAGE_FILE
URL = r"https?://[^\s;]+"
ROSTER_DATE = r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?"


def _list_of(values) -> str:
    """A pattern for one or more of ``values`` separated by ``;``."""
    choice = "(?:" + "|".join(re.escape(v) for v in values) + ")"
    return f"{choice}(?:;{choice})*"


def _networks() -> list[str]:
    """The named networks (``data/networks.csv``), in file order."""
    return read_text_table(NETWORKS_FILE)["network"].tolist()


ORGANISATION_FIELDS = {
    "id": (
        "string",
        "Stable slug; never reused.",
        {"required": True, "unique": True, "pattern": ID_PATTERN},
    ),
    "name": ("string", "The name as the organisation writes it.", {"required": True}),
    "name_he": ("string", "Hebrew name, for Israeli organisations.", {}),
    "roles": (
        "string",
        "Roles held, ';'-separated; the first is the primary role.",
        {"required": True, "pattern": _list_of(vocab.ROLES)},
    ),
    "org_type": (
        "string",
        "The organisation type.",
        {"required": True, "enum": list(vocab.ORG_TYPES)},
    ),
    "domains": (
        "string",
        "Domains, ';'-separated.",
        {"required": True, "pattern": _list_of(vocab.DOMAINS)},
    ),
    "scope": (
        "string",
        "How far its work reaches.",
        {"required": True, "enum": list(vocab.SCOPES)},
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
        {"required": True, "enum": sorted(country_codes())},
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
        {"pattern": _list_of(_networks())},
    ),
    "website": ("string", "Official website.", {"pattern": URL}),
    "description": (
        "string",
        "One or two sentences in our own words.",
        {"required": True, "maxLength": 240},
    ),
    "source": (
        "string",
        "The page(s) the row was checked against, ';'-separated; the first "
        "confirms the organisation and its Collective Impact work.",
        {"required": True, "pattern": f"{URL}(?:;{URL})*"},
    ),
    "checked": (
        "date",
        "When the row's facts were last checked against its source.",
        {"required": True},
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


def _schema(fields: dict, order) -> dict:
    """A Table Schema for ``fields``, in the file's column order; blank cells are missing values."""
    return {
        "fields": [
            {
                "name": name,
                "type": fields[name][0],
                "description": fields[name][1],
                **({"constraints": fields[name][2]} if fields[name][2] else {}),
            }
            for name in order
        ],
        "missingValues": [""],
    }


def package() -> dict:
    """The data package descriptor."""
    metadata = load_metadata()
    organisations = _schema(ORGANISATION_FIELDS, COLUMNS)
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
        ],
    }


def text() -> str:
    """The descriptor as the file holds it."""
    return json.dumps(package(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    OUTPUT.write_text(text(), encoding="utf-8")
    print(f"{OUTPUT}: {len(package()['resources'])} resources")
