"""Shared fixtures: the shipped dataset (loaded once) and a builder for small tables."""

from __future__ import annotations

import gzip
import io

import brotli
import pandas as pd
import pytest

from mapping.data import COLUMNS, load_organisations, organisations_from_table


@pytest.fixture(scope="session", autouse=True)
def suggestions_database(tmp_path_factory):
    """Every test, and every server a test starts, keeps suggestions in a file of its own.

    Never the developer's ``var/atlas.db``: the tests that need another database (PostgreSQL,
    one that is down) set ``ATLAS_DB_URL`` themselves. Every test client is the same
    loopback address, so the quotas are lifted here; the quota tests set their own.
    """
    path = tmp_path_factory.mktemp("database") / "suggestions.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ATLAS_DB_URL", f"sqlite:///{path}")
        patch.setenv("ATLAS_SUGGESTIONS_PER_HOUR", "100000")
        patch.setenv("ATLAS_SUGGESTIONS_PER_DAY", "100000")
        yield path


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL cluster (Debian's postgresql), started once for the session.

    Never skipped: without PostgreSQL the tests that need it fail and say what to install.
    """
    from tests.e2e.servers import start_postgres

    cluster = start_postgres()
    yield cluster
    cluster.remove()


@pytest.fixture(scope="session")
def organisations():
    """The shipped dataset, loaded and geocoded once for the whole session."""
    return load_organisations()


def make_rows(*rows: dict) -> pd.DataFrame:
    """Return a string table in the dataset schema; unspecified fields are blank."""
    base = dict.fromkeys(COLUMNS, "")
    defaults = {
        "roles": "operating",
        "country_code": "US",
        "latitude": "40.0",
        "longitude": "-75.0",
    }
    records = []
    for index, row in enumerate(rows, start=1):
        record = {**base, **defaults, "id": f"org-{index}", "name": f"Organisation {index}", **row}
        records.append(record)
    return pd.DataFrame(records, columns=list(COLUMNS)).astype(str)


def make_frame(*rows: dict):
    """Return a validated GeoDataFrame built from ``make_rows``."""
    return organisations_from_table(make_rows(*rows), source="test")


def csv_text(table: pd.DataFrame) -> str:
    """Serialise a string table as CSV text."""
    buffer = io.StringIO()
    table.to_csv(buffer, index=False)
    return buffer.getvalue()


# Each encoding a browser may accept, and how to read a body sent in it.
ENCODINGS = [("gzip", gzip.decompress), ("br", brotli.decompress), ("identity", lambda body: body)]


def get_encoded(client, path: str, encoding: str, **headers):
    """GET with ``Accept-Encoding``, the body left encoded (as the browser receives it)."""
    with client.stream("GET", path, headers={"Accept-Encoding": encoding, **headers}) as r:
        r.body = b"".join(r.iter_raw())
    return r
