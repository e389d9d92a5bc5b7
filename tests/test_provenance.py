"""Provenance: what every export says about how it was made."""

import dataclasses
import datetime as dt
import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from mapping.filters import Filters
from mapping.provenance import (
    METADATA_FILE,
    METADATA_KEYS,
    STRINGS,
    Provenance,
    load_metadata,
    permalink_for,
    strings,
)

UTC = dt.UTC
GENERATED = dt.datetime(2026, 11, 22, 6, 35, 12, tzinfo=UTC)
METADATA = {
    "title": "Collective Impact Atlas: organisations practising Collective Impact",
    "version": "1.0.0",
    "date": "2026-11-22",
    "licence": "CC BY 4.0",
    "licence_url": "https://creativecommons.org/licenses/by/4.0/",
    "citation": "Atlas contributors (2026). Collective Impact Atlas, version 1.0.0.",
}
PERMALINK = "https://atlas.example/?role=funding"


def make_provenance(filters: Filters | None = None, **changes) -> Provenance:
    """A provenance with fixed time and metadata; ``changes`` override ``from_view`` arguments."""
    arguments = {
        "shown": 12,
        "total": 277,
        "permalink": PERMALINK,
        "metadata": METADATA,
        "generated": GENERATED,
        **changes,
    }
    return Provenance.from_view(filters or Filters(roles=("funding",)), **arguments)


def test_from_view_describes_the_filters_with_the_counts():
    provenance = make_provenance()
    assert provenance.filters == "12 of 277 organisations: role Funding."
    assert (provenance.shown, provenance.total) == (12, 277)
    assert provenance.permalink == PERMALINK
    assert provenance.dataset_version == "1.0.0"
    assert provenance.citation == METADATA["citation"]


def test_from_view_reads_the_shipped_metadata_by_default():
    provenance = Provenance.from_view(Filters(), shown=1, total=1)
    shipped = json.loads(METADATA_FILE.read_text(encoding="utf-8"))
    assert provenance.dataset_version == shipped["version"]
    assert provenance.licence == shipped["licence"]
    assert provenance.citation == shipped["citation"]
    assert provenance.generated.tzinfo is not None
    assert provenance.generated.microsecond == 0


def test_load_metadata_has_every_required_key():
    assert set(METADATA_KEYS) <= set(load_metadata())


def test_generated_is_iso_utc_and_other_zones_are_converted():
    assert make_provenance().generated_iso == "2026-11-22T06:35:12Z"
    jerusalem = dt.timezone(dt.timedelta(hours=2))
    local = dt.datetime(2026, 11, 22, 8, 35, 12, tzinfo=jerusalem)
    assert make_provenance(generated=local).generated_iso == "2026-11-22T06:35:12Z"


def test_rows_lines_and_text_say_everything_a_reader_needs():
    provenance = make_provenance()
    labels = [label for label, _ in provenance.rows()]
    assert labels == [
        "Dataset",
        "View",
        "Organisations",
        "Link to this view",
        "Generated",
        "Dataset version",
        "Licence",
        "Cite as",
    ]
    text = provenance.text()
    assert text.startswith("About this export\n=================\n")
    assert text.endswith("\n")
    for expected in (
        "View: 12 of 277 organisations: role Funding.",
        "Organisations: 12 shown of 277",
        f"Link to this view: {PERMALINK}",
        "Generated: 2026-11-22T06:35:12Z (UTC)",
        "Dataset version: 1.0.0 (2026-11-22)",
        "Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)",
        f"Cite as: {METADATA['citation']}",
    ):
        assert expected in provenance.lines()
        assert expected in text


def test_missing_permalink_is_said_in_words():
    assert "Link to this view: (not available)" in make_provenance(permalink="").lines()


def test_source_line_and_footer():
    provenance = make_provenance()
    source = "Source: Collective Impact Atlas, dataset version 1.0.0 (2026-11-22), CC BY 4.0."
    assert provenance.source_line() == source
    assert provenance.footer_lines() == [provenance.filters, source]


def test_as_dict_is_json_and_keeps_the_metadata_keys():
    data = make_provenance().as_dict()
    assert json.loads(json.dumps(data)) == data
    # The Data page's GeoJSON metadata used these keys before Provenance existed.
    assert set(METADATA_KEYS) | {"filters"} <= set(data)
    assert data["generated"] == "2026-11-22T06:35:12Z"
    assert (data["shown"], data["total"], data["permalink"]) == (12, 277, PERMALINK)


def test_provenance_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        make_provenance().shown = 3


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"shown": 300}, "shown 300 exceeds total 277"),  # more shown than exist
        ({"shown": -1}, "shown must be a count >= 0, not -1"),
        ({"total": 2.5}, "total must be a count >= 0, not 2.5"),  # counts are whole
        ({"shown": True}, "shown must be a count >= 0, not True"),  # bool is not a count
        ({"permalink": "javascript:alert(1)"}, "'javascript:alert(1)' is not an absolute"),
        ({"permalink": "/?role=funding"}, "'/?role=funding' is not an absolute"),  # relative
        ({"generated": dt.datetime(2026, 1, 1)}, "'2026-01-01T00:00:00' must be timezone-aware"),
    ],
)
def test_invalid_values_are_named(changes, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        make_provenance(**changes)


def test_missing_metadata_key_is_named():
    metadata = {key: value for key, value in METADATA.items() if key != "licence_url"}
    with pytest.raises(ValueError, match="lacks the key 'licence_url'"):
        make_provenance(metadata=metadata)


def test_unknown_language_is_named():
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        make_provenance().lines("xx")


def test_every_catalogue_has_every_string():
    # A Hebrew catalogue plugged in later must translate every key of the English one.
    for language in STRINGS:
        assert set(strings(language)) == set(STRINGS["en"]), language


@pytest.mark.parametrize(
    ("base", "filters", "expected"),
    [
        ("https://atlas.example/", Filters(), "https://atlas.example/"),  # no filters, no "?"
        ("https://atlas.example", Filters(), "https://atlas.example/"),  # empty path becomes /
        (
            "https://atlas.example/app?lang=he#map",  # old query and fragment are replaced
            Filters(roles=("funding",), countries=("CA", "AU")),
            "https://atlas.example/app?role=funding&country=CA,AU",
        ),
        (
            "http://localhost:8501/",
            Filters(years=(2013, None)),
            "http://localhost:8501/?year=2013-",
        ),
    ],
)
def test_permalink_for(base, filters, expected):
    assert permalink_for(base, filters) == expected


def test_permalink_round_trips_free_text():
    filters = Filters(text="a&b=c #1 שיתופים")
    link = permalink_for("https://atlas.example/", filters)
    assert Filters.from_query_params(parse_qs(urlsplit(link).query)) == filters


@pytest.mark.parametrize("base", ["javascript:alert(1)", "/relative", "", "ftp://x.example/"])
def test_permalink_base_must_be_http(base):
    with pytest.raises(ValueError, match="is not an absolute http"):
        permalink_for(base, Filters())


@pytest.mark.parametrize(
    ("edition", "version_line", "named"),
    [
        # The release itself: the version line as before, the edition is the version.
        ("", "Dataset version: 1.0.0 (2026-11-22)", "1.0.0"),
        ("1.0.0", "Dataset version: 1.0.0 (2026-11-22)", "1.0.0"),
        # Approved changes since the release: the edition is named wherever the version is.
        ("1.0.0+17", "Dataset version: 1.0.0+17: release 1.0.0 (2026-11-22) and", "1.0.0+17"),
    ],
)
def test_the_live_edition_is_named_in_every_form(edition, version_line, named):
    provenance = make_provenance(edition=edition)
    assert any(line.startswith(version_line) for line in provenance.lines())
    assert f"dataset version {named} (2026-11-22)" in provenance.source_line()
    assert provenance.as_dict()["edition"] == named
    assert provenance.as_dict()["version"] == "1.0.0"  # the release the edition starts from
    hebrew = dict(provenance.rows("he"))["גרסת מאגר הנתונים"]
    assert named in hebrew
