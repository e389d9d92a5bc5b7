"""Where the project's files are: the one place that knows the repository's layout.

Every path is absolute (found from this file, never from the working
directory), so the app, the tests and the scripts read the same files from
wherever they start. ``ATLAS_DATA`` and ``ATLAS_LINKS`` may point the app at
other organisations and links (``mapping.data.dataset_path``,
``mapping.network.relationships_path``); these are the shipped ones.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
STATIC_DIR = PROJECT_ROOT / "static"

ORGANISATIONS_FILE = DATA_DIR / "organisations.csv"
RELATIONSHIPS_FILE = DATA_DIR / "relationships.csv"
NETWORKS_FILE = DATA_DIR / "networks.csv"
PLACES_FILE = DATA_DIR / "places.csv"
COUNTRIES_FILE = DATA_DIR / "countries.geojson"
METADATA_FILE = DATA_DIR / "metadata.json"
SCENES_FILE = DATA_DIR / "scenes.toml"
DATAPACKAGE_FILE = DATA_DIR / "datapackage.json"
CHANGES_FILE = DATA_DIR / "changes.csv"
