"""Exports of exactly the organisations a view shows.

CSV is for spreadsheets: UTF-8 with a byte-order mark (so Excel opens Hebrew
correctly), multi-valued fields joined with ``;``, latitude/longitude instead
of a geometry column, and text cells that a spreadsheet would read as a
formula prefixed with ``'`` (OWASP CSV injection). The CSV stays clean data;
the exports that say how they were made (``to_zip_with_notes``,
``to_xlsx_bytes``, ``to_geojson_bytes`` with a ``Provenance``) add the view,
the link to it, the date, the dataset version, the licence and the citation.
The XLSX holds the same text as the CSV, and every text cell is typed as a
string, so no cell is ever a formula.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator, Sequence
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from mapping.data import COLUMNS, DERIVED, MULTI_VALUED, YEAR_FIELDS
from mapping.filters import Choice, Field, Filters, OrganisationId, Text, Year, YearRange
from mapping.network import links_table
from mapping.provenance import Provenance, strings
from mapping.safety import neutralise_formula, safe_url

EXPORT_COLUMNS = COLUMNS + DERIVED
INTEGER_COLUMNS = (*YEAR_FIELDS, "since", "until")
NUMERIC_COLUMNS = ("latitude", "longitude", *INTEGER_COLUMNS)
# Organisations per piece of a streamed CSV (``iter_csv``).
CHUNK_ROWS = 500
CSV_NAME = "collective-impact-organisations.csv"
ABOUT_NAME = "ABOUT.txt"
DATA_SHEET = "Organisations"
LINKS_SHEET = "Links"
ABOUT_SHEET = "About"
# Excel's limits: characters in a cell, characters in a hyperlink.
XLSX_MAX_CELL = 32_767
XLSX_MAX_LINK = 2_079
XLSX_WIDTH = (8, 60)  # narrowest and widest column, in characters
XLSX_ABOUT_WIDTHS = (22, 100)
# Download file names: "atlas" and the view's filters, at most this long.
FILE_STEM = "atlas"
FILE_STEM_MAX = 96
_FILE_PART = re.compile(r"[^A-Za-z0-9]+")
# Control characters XML 1.0 cannot carry (openpyxl refuses them).
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BOLD = Font(bold=True)


def file_stem(filters: Filters) -> str:
    """A download's file name (without extension) that says what the view holds.

    The filters in the order of the URL's parameters (the registry's,
    ``mapping.filters.FIELDS``), each a part joined by ``_``, several values of
    one filter by ``-``: ASCII letters and digits only, so every system and
    browser keeps the name as it is. The as-of year comes last, as a bare year;
    a long name keeps the parts that fit and ends ``_more``.

    >>> file_stem(Filters(roles=("funding",), countries=("CA",), asof=2015))
    'atlas_funding_CA_2015'
    >>> file_stem(Filters(world_regions=("United States",), years=(2010, None)))
    'atlas_united-states_started-from-2010'
    >>> file_stem(Filters())
    'atlas_all'
    """
    constraints = sorted(filters.constraints(), key=lambda item: isinstance(item[0], Year))
    parts = [_file_part(field, value) for field, value in constraints]
    stem = FILE_STEM
    for part in parts:
        if len(stem) + 1 + len(part) > FILE_STEM_MAX - len("_more"):
            return f"{stem}_more"
        stem += f"_{part}"
    return stem if parts else f"{FILE_STEM}_all"


def _file_part(field: Field, value: Any) -> str:
    """One filter's part of a file name, by the kind of its field."""
    if isinstance(field, Choice):
        return _part(value, upper=field.category is None)  # country codes stay CA, US
    if isinstance(field, Text):
        # A search in letters a file name cannot keep (Hebrew) is still named as a search.
        search = _part([value])
        return f"search-{search}" if search else "search"
    if isinstance(field, YearRange):
        return _started(value)
    if isinstance(field, OrganisationId):
        return f"{field.key}-{_part([value])}"  # whose links, whose network
    if isinstance(field, Year):
        return str(value)
    raise TypeError(f"file_stem: no file-name part for a {type(field).__name__} filter")


def _part(values: tuple[str, ...] | list[str], upper: bool = False) -> str:
    """Values as one file-name part: ASCII letters and digits, ``-`` between words and values."""
    words = [_FILE_PART.sub("-", str(value)).strip("-") for value in values]
    text = "-".join(word for word in words if word)
    return text if upper else text.lower()


def _started(years: tuple[int | None, int | None]) -> str:
    """The "started" range as a file-name part."""
    first, last = years
    if first is not None and last is not None:
        return f"started-{first}" if first == last else f"started-{first}-{last}"
    if first is not None:
        return f"started-from-{first}"
    if last is not None:
        return f"started-until-{last}"
    return ""


def export_table(gdf: pd.DataFrame) -> pd.DataFrame:
    """Return the organisations as a plain table of export columns (no geometry).

    Multi-valued fields are joined with ``;``; text cells are formula-safe;
    numbers stay numbers.
    """
    columns = {}
    for column in EXPORT_COLUMNS:
        blank = pd.NA if column in NUMERIC_COLUMNS else ""
        values = gdf[column] if column in gdf else pd.Series([blank] * len(gdf))
        if column in INTEGER_COLUMNS:
            # Whole years stay whole beside blanks ("2015", not "2015.0").
            columns[column] = pd.array(values, dtype="Int64")
        elif column in NUMERIC_COLUMNS:
            columns[column] = values.to_numpy()
        elif column in MULTI_VALUED:
            columns[column] = [neutralise_formula(";".join(v)) for v in values.tolist()]
        else:
            # tolist(): iterating a string column value by value is ten times slower.
            columns[column] = [
                neutralise_formula("" if pd.isna(v) else str(v)) for v in values.tolist()
            ]
    return pd.DataFrame(columns, index=range(len(gdf)))


def to_csv_bytes(gdf: pd.DataFrame) -> bytes:
    """Return the organisations as CSV bytes for spreadsheets.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Organisations (typically ``Filters.apply`` output).

    Returns
    -------
    bytes
        UTF-8 with BOM; header ``EXPORT_COLUMNS``; one line per organisation.
    """
    return b"".join(iter_csv(gdf))


def iter_csv(
    gdf: pd.DataFrame, columns: Sequence[str] = EXPORT_COLUMNS, rows: int = CHUNK_ROWS
) -> Iterator[bytes]:
    """The CSV of ``to_csv_bytes`` in pieces of ``rows`` organisations (for streaming).

    The pieces joined are exactly ``to_csv_bytes(gdf)`` when ``columns`` are all the
    export columns: the first holds the byte-order mark and the header.
    """
    for start in range(0, max(len(gdf), 1), rows):
        table = export_table(gdf.iloc[start : start + rows]).loc[:, list(columns)]
        text = table.to_csv(index=False, header=start == 0, lineterminator="\r\n")
        yield text.encode("utf-8-sig" if start == 0 else "utf-8")


def records(gdf: pd.DataFrame) -> list[dict]:
    """The organisations as JSON-ready dicts of ``EXPORT_COLUMNS`` (lists, ints, floats).

    Text stays as it is (no formula prefix: that is for spreadsheets); a blank
    year is None.
    """
    rows = []
    for record in gdf.to_dict("records"):
        properties = {}
        for column in EXPORT_COLUMNS:
            value = record.get(column)
            if column in MULTI_VALUED:
                value = list(value)
            elif column in YEAR_FIELDS:
                value = None if pd.isna(value) else int(value)
            elif column in ("latitude", "longitude"):
                value = float(value)
            properties[column] = value
        rows.append(properties)
    return rows


def feature(properties: dict) -> dict:
    """A GeoJSON Feature of one organisation's ``records`` dict (a Point at its place)."""
    return {
        "type": "Feature",
        "geometry": {
            "type": "Point",
            "coordinates": [properties["longitude"], properties["latitude"]],
        },
        "properties": properties,
    }


def to_geojson_bytes(gdf: pd.DataFrame, metadata: dict | Provenance | None = None) -> bytes:
    """Return the organisations as a GeoJSON FeatureCollection (UTF-8).

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Organisations.
    metadata : dict or Provenance, optional
        Stored as the collection's top-level ``metadata`` member; a
        ``Provenance`` is stored as ``Provenance.as_dict()``.

    Returns
    -------
    bytes
    """
    collection: dict = {
        "type": "FeatureCollection",
        "features": [feature(properties) for properties in records(gdf)],
    }
    if isinstance(metadata, Provenance):
        metadata = metadata.as_dict()
    if metadata is not None:
        collection["metadata"] = metadata
    return json.dumps(collection, ensure_ascii=False, indent=1).encode("utf-8")


def about_text(provenance: Provenance, language: str = "en") -> str:
    """Return ``ABOUT.txt``: the provenance, then what each file of the ZIP holds.

    Parameters
    ----------
    provenance : Provenance
        How the export was made.
    language : str
        A key of ``mapping.provenance.STRINGS``.

    Returns
    -------
    str
    """
    words = strings(language)
    return (
        provenance.text(language)
        + f"\n{words['files']}\n{'-' * len(words['files'])}\n"
        + words["csv_note"].format(name=CSV_NAME)
        + "\n"
        + words["about_note"].format(name=ABOUT_NAME)
        + "\n"
    )


def to_zip_with_notes(gdf: pd.DataFrame, provenance: Provenance, *, language: str = "en") -> bytes:
    """Return a ZIP of the CSV export and an ``ABOUT.txt`` saying how it was made.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Organisations (typically ``Filters.apply`` output).
    provenance : Provenance
        The view, link, date and dataset the export comes from.
    language : str
        Language of ``ABOUT.txt`` (a key of ``mapping.provenance.STRINGS``).

    Returns
    -------
    bytes
        A ZIP holding ``CSV_NAME`` (exactly ``to_csv_bytes(gdf)``) and
        ``ABOUT_NAME`` (UTF-8 text); member dates are the export time, so the
        same input gives the same bytes.
    """
    members = (
        (CSV_NAME, to_csv_bytes(gdf)),
        (ABOUT_NAME, about_text(provenance, language).encode("utf-8")),
    )
    stamp = provenance.generated.timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def to_xlsx_bytes(
    gdf: pd.DataFrame,
    provenance: Provenance,
    *,
    language: str = "en",
    links: pd.DataFrame | None = None,
    link_ends: pd.DataFrame | None = None,
) -> bytes:
    """Return the organisations as an Excel workbook with an "About" sheet (and a "Links" one).

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Organisations (typically ``Filters.apply`` output).
    provenance : Provenance
        Written to the "About" sheet and the workbook properties.
    language : str
        Language of the "About" labels (a key of ``mapping.provenance.STRINGS``).
    links : pandas.DataFrame, optional
        The links between organisations (``mapping.network.load_relationships``):
        those among ``gdf`` go to sheet ``LINKS_SHEET``, with both names.
    link_ends : pandas.DataFrame, optional
        The organisations whose links the Links sheet lists, when not ``gdf``
        alone: a "linked to" view adds the organisation it is linked to
        (``mapping.network.with_linked``), so each row's reason is there.

    Returns
    -------
    bytes
        An .xlsx file. Sheet ``DATA_SHEET``: the CSV's columns and text (the
        same formula-safe text, multi-valued fields joined with ``;``),
        numbers as numbers, bold frozen header with a filter, http(s)
        websites as hyperlinks. Sheet ``LINKS_SHEET`` (with ``links``): the
        links CSV's columns. Sheet ``ABOUT_SHEET``: ``provenance.rows``.
        Every text cell is typed as a string, so none is a formula.
    """
    workbook = Workbook()
    data = workbook.active
    data.title = DATA_SHEET
    _write_organisations(data, export_table(gdf))
    if links is not None:
        ends = gdf if link_ends is None else link_ends
        _write_organisations(workbook.create_sheet(LINKS_SHEET), links_table(ends, links))
    _write_about(workbook.create_sheet(ABOUT_SHEET), provenance, language)
    workbook.properties.title = _xml_legal(provenance.dataset_title)[:255]
    workbook.properties.subject = _xml_legal(provenance.filters)[:255]
    workbook.properties.creator = _xml_legal(provenance.dataset_name)[:255]
    workbook.properties.created = provenance.generated.replace(tzinfo=None)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_text(text: object) -> str:
    """Return text an XLSX cell can hold: XML-legal, within Excel's length, formula-safe."""
    value = _xml_legal(text)
    if len(value) > XLSX_MAX_CELL:
        value = value[: XLSX_MAX_CELL - 1] + "…"
    return neutralise_formula(value)


def _xml_legal(text: object) -> str:
    """Replace the control characters XML 1.0 cannot hold with U+FFFD."""
    return _XML_ILLEGAL.sub("\ufffd", "" if text is None else str(text))


def _set_text(cell, text: object) -> None:
    """Store ``text`` in ``cell`` as a string (never a formula)."""
    cell.value = xlsx_text(text)
    cell.data_type = "s"


def _set_number(cell, value: object, integer: bool) -> None:
    """Store a number (or nothing for a missing value) in ``cell``."""
    if value is None or pd.isna(value):
        return
    cell.value = int(value) if integer else float(value)


def _set_link(cell, url: object) -> None:
    """Make ``cell`` a hyperlink when ``url`` is an http(s) URL Excel accepts."""
    target = safe_url(url)
    if target and len(target) <= XLSX_MAX_LINK:
        cell.hyperlink = target
        cell.style = "Hyperlink"


def _column_width(texts: list[str]) -> float:
    """Width (in characters) that fits the longest text, within ``XLSX_WIDTH``."""
    longest = max((len(t) for t in texts), default=0)
    low, high = XLSX_WIDTH
    return min(max(longest + 2, low), high)


def _write_organisations(sheet, table: pd.DataFrame) -> None:
    """Fill the data sheet from the export table (header row, then one row per organisation)."""
    for col, column in enumerate(table.columns, start=1):
        header = sheet.cell(row=1, column=col)
        _set_text(header, column)
        header.font = _BOLD
        values = table[column].tolist()
        for row, value in enumerate(values, start=2):
            cell = sheet.cell(row=row, column=col)
            if column in NUMERIC_COLUMNS:
                _set_number(cell, value, integer=column in INTEGER_COLUMNS)
            else:
                _set_text(cell, value)
                if column == "website":
                    _set_link(cell, value)
        texts = [column] + ["" if pd.isna(v) else str(v) for v in values]
        sheet.column_dimensions[get_column_letter(col)].width = _column_width(texts)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def _write_about(sheet, provenance: Provenance, language: str) -> None:
    """Fill the "About" sheet: one bold label and its value per provenance row."""
    words = strings(language)
    links = {words["permalink"]: provenance.permalink, words["licence"]: provenance.licence_url}
    for row, (label, value) in enumerate(provenance.rows(language), start=1):
        label_cell = sheet.cell(row=row, column=1)
        _set_text(label_cell, label)
        label_cell.font = _BOLD
        label_cell.alignment = Alignment(vertical="top")
        value_cell = sheet.cell(row=row, column=2)
        _set_text(value_cell, value)
        value_cell.alignment = Alignment(wrap_text=True, vertical="top")
        if label in links:
            _set_link(value_cell, links[label])
    for col, width in enumerate(XLSX_ABOUT_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
