"""Say how an export was made: the view, a link back to it, when, and which dataset.

Every export (CSV in a ZIP, XLSX, GeoJSON, the standalone map, chart images)
carries one ``Provenance``, so a file found on a laptop months later still
says what it holds, where it came from and how to cite it. The human wording
lives in ``STRINGS``, one catalogue per language (English and Hebrew), read
from the app's message catalogues (``mapping.i18n``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from mapping import i18n
from mapping.filters import Filters
from mapping.paths import METADATA_FILE
from mapping.safety import safe_url

METADATA_KEYS = ("title", "version", "date", "licence", "licence_url", "citation")

_PREFIX = "provenance."
# The wording, one catalogue per language, read from the app's message
# catalogues (``mapping/locales``): the keys there are ``provenance.<key>``.
STRINGS: dict[str, dict[str, str]] = {
    language: {
        key.removeprefix(_PREFIX): text
        for key, text in i18n.messages(language).items()
        if key.startswith(_PREFIX)
    }
    for language in i18n.LANGUAGES
}


def strings(language: str = "en") -> dict[str, str]:
    """Return the wording catalogue of ``language``.

    Parameters
    ----------
    language : str
        A key of ``STRINGS`` (``"en"`` or ``"he"``).

    Returns
    -------
    dict of str to str

    Raises
    ------
    ValueError
        If there is no catalogue for ``language``.
    """
    if language not in STRINGS:
        raise ValueError(
            f"unknown language {language!r}; provenance text exists for {sorted(STRINGS)}"
        )
    return STRINGS[language]


def load_metadata(path: str | Path = METADATA_FILE) -> dict:
    """Read the dataset's metadata (version, date, licence, citation).

    Parameters
    ----------
    path : str or pathlib.Path
        A JSON object with at least the keys in ``METADATA_KEYS``.

    Returns
    -------
    dict

    Raises
    ------
    ValueError
        If a required key is missing.
    """
    metadata = json.loads(Path(path).read_text(encoding="utf-8"))
    _check_metadata(metadata)
    return metadata


def _check_metadata(metadata: Mapping) -> None:
    """Raise ValueError naming the first required metadata key that is missing."""
    missing = [key for key in METADATA_KEYS if key not in metadata]
    if missing:
        raise ValueError(f"dataset metadata lacks the key {missing[0]!r}")


def utc_now() -> dt.datetime:
    """Return the current UTC time, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def permalink_for(base_url: str, filters: Filters) -> str:
    """Return the shareable link of a view: ``base_url`` with the filters as its query.

    Parameters
    ----------
    base_url : str
        The absolute http(s) URL of the page (any query or fragment is replaced).
    filters : Filters
        The view's filters.

    Returns
    -------
    str
        For example ``https://atlas.example/?role=funding&country=CA,AU``.

    Raises
    ------
    ValueError
        If ``base_url`` is not an absolute http(s) URL.
    """
    if not safe_url(base_url):
        raise ValueError(f"permalink base {base_url!r} is not an absolute http(s) URL")
    parts = urlsplit(base_url.strip())
    query = urlencode(filters.to_query_params(), safe=",")
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, ""))


@dataclass(frozen=True)
class Provenance:
    """How an export was made: view, link, time and dataset.

    Build it with ``Provenance.from_view``; render it with ``rows``, ``lines``
    or ``text`` for people and ``as_dict`` for machines.

    Attributes
    ----------
    filters : str
        The view in words (``Filters.describe(total, shown)``).
    shown, total : int
        Organisations in the view and in the dataset.
    permalink : str
        Absolute http(s) link to the view, or ``""`` when unknown.
    generated : datetime.datetime
        When the export was made (timezone-aware UTC).
    dataset_title, dataset_version, dataset_date, licence, licence_url, citation : str
        From ``data/metadata.json``.
    edition : str
        The live edition shown (``2.1.0+17``: the release and 17 approved changes
        since, ``mapping.edition``); ``""`` or the version itself for the release.
    """

    filters: str
    shown: int
    total: int
    permalink: str
    generated: dt.datetime
    dataset_title: str
    dataset_version: str
    dataset_date: str
    licence: str
    licence_url: str
    citation: str
    edition: str = ""

    def __post_init__(self) -> None:
        _check_counts(self.shown, self.total)
        if self.shown > self.total:
            raise ValueError(f"Provenance.shown {self.shown} exceeds total {self.total}")
        if self.permalink and safe_url(self.permalink) != self.permalink:
            raise ValueError(
                f"Provenance.permalink {self.permalink!r} is not an absolute http(s) URL"
            )
        offset = self.generated.utcoffset()
        if offset is None or offset != dt.timedelta(0):
            raise ValueError(
                f"Provenance.generated {self.generated.isoformat()!r} must be timezone-aware UTC"
            )

    @classmethod
    def from_view(
        cls,
        filters: Filters,
        *,
        shown: int,
        total: int,
        permalink: str = "",
        metadata: Mapping | None = None,
        generated: dt.datetime | None = None,
        names: Mapping[str, str] | None = None,
        undated: int = 0,
        edition: str = "",
    ) -> Provenance:
        """Return the provenance of a view of the dataset.

        Parameters
        ----------
        filters : Filters
            The view's filters; described in words with the counts.
        shown, total : int
            Organisations in the view and in the whole dataset.
        permalink : str
            Absolute http(s) link to the view (see ``permalink_for``), or ``""``.
        metadata : mapping, optional
            Dataset metadata with the keys in ``METADATA_KEYS``; default: read
            ``data/metadata.json``.
        generated : datetime.datetime, optional
            Timezone-aware time of the export; default: now (UTC, to the second).
        names : mapping, optional
            Organisation id -> name, so ``linked`` and ``network`` are named in words.
        undated : int
            Organisations an as-of view left out for want of a start year; said
            after the view when there are any.
        edition : str
            The live edition's name (``Dataset.edition``), or ``""`` for the release.

        Returns
        -------
        Provenance

        Raises
        ------
        ValueError
            If a metadata key is missing, a count is negative or ``shown >
            total``, the permalink is not http(s), or ``generated`` is not UTC.
        """
        if metadata is None:
            metadata = load_metadata()
        _check_metadata(metadata)
        _check_counts(shown, total)  # before describing them
        when = utc_now() if generated is None else generated
        if when.utcoffset() is not None:
            when = when.astimezone(dt.UTC)
        described = filters.describe(total=total, shown=shown, names=names)
        if undated:
            described += " " + i18n.t("describe.undated", i18n.DEFAULT, n=undated)
        return cls(
            filters=described,
            shown=shown,
            total=total,
            permalink=permalink,
            generated=when,
            dataset_title=str(metadata["title"]),
            dataset_version=str(metadata["version"]),
            dataset_date=str(metadata["date"]),
            licence=str(metadata["licence"]),
            licence_url=str(metadata["licence_url"]),
            citation=str(metadata["citation"]),
            edition=edition,
        )

    @property
    def generated_iso(self) -> str:
        """The export time as ISO 8601 UTC, e.g. ``2026-11-22T06:35:00Z``."""
        return self.generated.isoformat(timespec="seconds").replace("+00:00", "Z")

    @property
    def edition_name(self) -> str:
        """What the export was made from: the edition (``2.1.0+17``), else the version."""
        return self.edition or self.dataset_version

    @property
    def dataset_name(self) -> str:
        """The dataset's short name: its title up to the first colon."""
        return self.dataset_title.partition(":")[0].strip()

    def rows(self, language: str = "en") -> list[tuple[str, str]]:
        """Return ``(label, value)`` pairs, in reading order, for people.

        Parameters
        ----------
        language : str
            A key of ``STRINGS``.

        Returns
        -------
        list of (str, str)
        """
        words = strings(language)
        return [
            (words["dataset"], self.dataset_title),
            (words["view"], self.filters),
            (words["counts"], words["counts_value"].format(shown=self.shown, total=self.total)),
            (words["permalink"], self.permalink or words["no_permalink"]),
            (words["generated"], words["generated_value"].format(iso=self.generated_iso)),
            (words["version"], self._version_value(words)),
            (
                words["licence"],
                words["licence_value"].format(licence=self.licence, url=self.licence_url),
            ),
            (words["citation"], self.citation),
        ]

    def _version_value(self, words: Mapping[str, str]) -> str:
        if self.edition_name == self.dataset_version:
            return words["version_value"].format(
                version=self.dataset_version, date=self.dataset_date
            )
        return words["edition_value"].format(
            edition=self.edition_name, version=self.dataset_version, date=self.dataset_date
        )

    def lines(self, language: str = "en") -> list[str]:
        """Return one ``"Label: value"`` line per item of ``rows``."""
        return [f"{label}: {value}" for label, value in self.rows(language)]

    def text(self, language: str = "en") -> str:
        """Return a heading and ``lines`` as plain text (ends with a newline)."""
        heading = strings(language)["heading"]
        return "\n".join([heading, "=" * len(heading), *self.lines(language)]) + "\n"

    def source_line(self, language: str = "en") -> str:
        """Return the one-line credit for footers: dataset, version, date, licence."""
        return strings(language)["source_line"].format(
            name=self.dataset_name,
            version=self.edition_name,
            date=self.dataset_date,
            licence=self.licence,
        )

    def footer_lines(self, language: str = "en") -> list[str]:
        """Return the lines a chart or map footer shows: the view, then the source."""
        return [self.filters, self.source_line(language)]

    def as_dict(self) -> dict:
        """Return the provenance as JSON-ready data (e.g. GeoJSON ``metadata``).

        Returns
        -------
        dict
            Keys ``filters``, ``shown``, ``total``, ``permalink``,
            ``generated`` (ISO 8601 UTC), ``source`` and the dataset's
            ``title``, ``version``, ``date``, ``licence``, ``licence_url``,
            ``citation`` (the keys of ``data/metadata.json``), and ``edition``
            (the live edition's name, else the version).
        """
        return {
            "filters": self.filters,
            "shown": self.shown,
            "total": self.total,
            "permalink": self.permalink,
            "generated": self.generated_iso,
            "source": self.source_line(),
            "title": self.dataset_title,
            "version": self.dataset_version,
            "date": self.dataset_date,
            "licence": self.licence,
            "licence_url": self.licence_url,
            "citation": self.citation,
            "edition": self.edition_name,
        }


def _check_counts(shown: object, total: object) -> None:
    """Raise ValueError unless both are whole counts >= 0."""
    for name, value in (("shown", shown), ("total", total)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"Provenance.{name} must be a count >= 0, not {value!r}")
