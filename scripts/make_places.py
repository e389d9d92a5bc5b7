"""Derive ``data/places.csv``: every place of the shipped dataset, geocoded once.

The loader geocodes rows without coordinates from their city, region and
country; for the shipped dataset it reads the answers from this table instead
of building the GeoNames gazetteer (seconds and hundreds of megabytes at every
start). Rerun after changing ``data/organisations.csv``; ``tests/test_geocode.py``
fails while the table is out of date.

Run: ``python scripts/make_places.py``
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mapping.data import DEFAULT_DATASET, read_text_table
from mapping.geocode import PLACE_COLUMNS, PLACES_FILE, gazetteer


def shipped_places(dataset: Path = DEFAULT_DATASET) -> list[tuple[str, str, str]]:
    """The distinct (city, region, country code) of the rows without coordinates, sorted."""
    table = read_text_table(dataset).apply(lambda column: column.str.strip())
    pending = table[(table["latitude"] == "") & (table["longitude"] == "")]
    keys = zip(pending["city"], pending["region"], pending["country_code"].str.upper(), strict=True)
    return sorted(set(keys))


def place_rows(keys: list[tuple[str, str, str]]) -> list[dict[str, str]]:
    """Geocode each place with the gazetteer (never the table itself)."""
    rows = []
    for city, region, code in keys:
        place = gazetteer().geocode(city, region, code)
        if place is None:
            continue  # the loader reports it; nothing to store
        rows.append(
            {
                "city": city,
                "region": region,
                "country_code": code,
                "latitude": repr(place.latitude),
                "longitude": repr(place.longitude),
                "precision": place.precision,
            }
        )
    return rows


def main() -> None:
    """Write the table and say how many places it holds."""
    rows = place_rows(shipped_places())
    with PLACES_FILE.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=PLACE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{PLACES_FILE}: {len(rows)} places")


if __name__ == "__main__":
    main()
