"""Bring your own data: read an uploaded CSV, XLSX or GeoJSON into the atlas.

``read_upload`` turns the bytes of an uploaded file into the same GeoDataFrame
``mapping.data.load_organisations`` returns, using the same row validation
(``mapping.data.validate_table``, with the plausibility checks on). Unlike the
dataset loader it does not stop at the first problem: every data row is either
loaded or listed in the error report, so ``total == loaded + rejected``.

Row numbers in reports count data rows from 1, the header excluded: row 1 is
the first row under the header (line 2 of a spreadsheet whose header is on
line 1; in a GeoJSON file, the first feature). Entirely blank rows are skipped
and counted in ``UploadResult.blank_rows``, not in ``total``.

Problems with the file as a whole (empty, too large, binary, not a workbook,
a ZIP bomb, invalid JSON, no recognisable name column...) raise
``UploadError`` with a message for the user; nothing else is raised.

Every text for the user is a ``mapping.i18n.Message``, rendered in the page's
language when shown: ``UploadError.render(lang)``, ``UploadResult.report(lang)``
(the reasons and suggestions of the error report), ``UploadResult.summary(lang)``.
``str()`` and the default language are English.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePath
from types import MappingProxyType

import geopandas as gpd
import numpy as np
import pandas as pd

from mapping.columns import ColumnMapError, normalise_values, resolve_columns
from mapping.csvfile import file_kind
from mapping.data import COLUMNS, render_problems, validate_table
from mapping.geocode import name_key
from mapping.i18n import DEFAULT, Joined, LocalisedError, Message, t
from mapping.rules import PROBLEM_COLUMNS, problem_table
from mapping.safety import neutralise_formula

MB = 1024 * 1024
MAX_BYTES = 50 * MB
MAX_ROWS = 1_000_000
MAX_UNCOMPRESSED_BYTES = 200 * MB  # an .xlsx that expands beyond this is refused
FILE_TYPES = MappingProxyType(
    {
        ".csv": "csv",
        ".tsv": "csv",
        ".txt": "csv",
        ".xlsx": "xlsx",
        ".xlsm": "xlsx",
        ".geojson": "geojson",
        ".json": "geojson",
    }
)
# The text encodings ``decode_text`` detects; their names are ``upload.encoding.<encoding>``.
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1255", "cp1252", "latin-1")
ENCODING_LABELS = MappingProxyType({e: t(f"upload.encoding.{e}", DEFAULT) for e in ENCODINGS})
DELIMITERS = (",", ";", "\t")
# The columns an upload must have, and the headers to suggest for each
# (described by ``upload.required.<column>``).
REQUIRED_COLUMNS = MappingProxyType(
    {
        "name": "Name, Organisation, Organization, ארגון, שם הארגון",
        "roles": "Role, Roles, תפקיד",
        "country_code": "Country, Country code, מדינה",
    }
)
MODES = ("replace", "merge")
# The part of a ZIP archive that makes it an Excel workbook.
WORKBOOK_MEMBER = "xl/workbook.xml"
# What opening a damaged ZIP can raise (NotImplementedError: an unknown ZIP version).
ZIP_ERRORS = (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError)
_HEBREW_WORD = re.compile(r"[\u05d0-\u05ea]{2,}")
_HEBREW = re.compile(r"[\u05d0-\u05ea]")
_LATIN = re.compile(r"[A-Za-z]")
_NON_ASCII_WORD = re.compile(r"\w*[^\x00-\x7f]\w*")
_C1_BYTES = re.compile(rb"[\x80-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class UploadError(LocalisedError):
    """A file that cannot be loaded at all; ``render(lang)`` is the message for the user."""


@dataclass(frozen=True)
class UploadResult:
    """An uploaded file, read and validated.

    Attributes
    ----------
    organisations : geopandas.GeoDataFrame
        The loaded rows, exactly as ``mapping.data.load_organisations`` returns them.
    problems : pandas.DataFrame
        One line per problem (``row, field, value, reason, suggestion``); a
        rejected row may have several. ``field`` is a dataset column, or
        ``coordinates``, ``geometry``, ``feature``, ``properties`` or ``row``.
        ``reason`` and ``suggestion`` are ``Message`` objects (``""``: no
        suggestion); ``report(lang)`` renders them.
    total : int
        Data rows read (blank rows excluded); always ``loaded + rejected``.
    file_type : str
        ``csv``, ``xlsx`` or ``geojson``.
    encoding : str or None
        The text encoding detected (a key of ``ENCODING_LABELS``); ``None``
        for XLSX.
    column_map : dict
        ``{header: column}`` applied.
    unmapped_columns : tuple of str
        Headers that were not loaded.
    swapped_rows : tuple of int
        Rows whose latitude and longitude looked swapped.
    fixed_swapped : bool
        Whether those rows were fixed (loaded) rather than rejected.
    warning_problems : pandas.DataFrame
        Loaded rows worth a look (a city that was not found, so the marker is
        at the region or country centre), same columns as ``problems``;
        ``warnings_report(lang)`` renders them.
    blank_rows : int
        Entirely blank rows skipped.
    loaded_rows : tuple of int
        The row number of each of ``organisations``: with the rows of
        ``problems`` they make up every non-blank data row, once.
    """

    organisations: gpd.GeoDataFrame
    problems: pd.DataFrame
    total: int
    file_type: str
    encoding: str | None
    column_map: dict[str, str] = field(default_factory=dict)
    unmapped_columns: tuple[str, ...] = ()
    swapped_rows: tuple[int, ...] = ()
    fixed_swapped: bool = False
    warning_problems: pd.DataFrame = field(default_factory=lambda: problem_table([]))
    blank_rows: int = 0
    loaded_rows: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        """Refuse a result that does not account for every row."""
        if self.total != self.loaded + self.rejected or len(self.loaded_rows) != self.loaded:
            raise RuntimeError(
                f"upload accounting is broken: {self.total} rows read, "
                f"{self.loaded} loaded + {self.rejected} rejected"
            )

    @property
    def loaded(self) -> int:
        """Rows loaded."""
        return len(self.organisations)

    @property
    def rejected(self) -> int:
        """Rows rejected (each listed at least once in ``problems``)."""
        return int(self.problems["row"].nunique())

    def encoding_name(self, lang: str) -> str | None:
        """Return the name of ``encoding`` in ``lang`` (``None`` for XLSX).

        In English: ``UTF-8 with BOM``, ``Windows-1255 (Hebrew)``...
        """
        return None if self.encoding is None else t(f"upload.encoding.{self.encoding}", lang)

    def summary(self, lang: str = DEFAULT) -> str:
        """Return ``"N loaded, M rejected, of T rows."`` in ``lang`` (plus blank rows skipped)."""
        text = t("upload.summary", lang, loaded=self.loaded, rejected=self.rejected, n=self.total)
        if self.blank_rows:
            text += " " + t("upload.blank_rows", lang, n=self.blank_rows)
        return text

    def report(self, lang: str = DEFAULT, *, isolate: bool = False) -> pd.DataFrame:
        """Return the error report with its reasons and suggestions in ``lang``.

        Parameters
        ----------
        lang : str
            One of ``mapping.i18n.LANGUAGES``.
        isolate : bool
            Wrap the values embedded in the texts in bidi isolates (for the screen).

        Returns
        -------
        pandas.DataFrame
            Columns ``PROBLEM_COLUMNS``, all text but ``row``.
        """
        return render_problems(self.problems, lang, isolate=isolate)

    def warnings_report(self, lang: str = DEFAULT, *, isolate: bool = False) -> pd.DataFrame:
        """Return the warnings in ``lang``, like ``report``."""
        return render_problems(self.warning_problems, lang, isolate=isolate)

    def errors_csv_bytes(self, lang: str = DEFAULT) -> bytes:
        """Return the error report as CSV: UTF-8 with BOM, formula-safe, one line per problem.

        The column names stay English (they are for programs); the reasons and
        suggestions are in ``lang``.
        """
        return _report_csv(self.report(lang))

    def warnings_csv_bytes(self, lang: str = DEFAULT) -> bytes:
        """Return the warnings as CSV, like ``errors_csv_bytes``."""
        return _report_csv(self.warnings_report(lang))


@dataclass
class _Raw:
    """A file read into header and string cells, before any mapping or validation."""

    headers: list[str]
    rows: list[list[str]]
    numbers: list[int]
    problems: list[tuple[int, str, str, Message, Message | str]]
    encoding: str | None
    blank_rows: int
    points: dict[int, tuple[str, str]] = field(default_factory=dict)


def read_upload(
    filename: str,
    data: bytes,
    column_map: Mapping[str, str | None] | None = None,
    fix_swapped: bool = False,
    *,
    max_bytes: int = MAX_BYTES,
    max_rows: int = MAX_ROWS,
    max_uncompressed_bytes: int = MAX_UNCOMPRESSED_BYTES,
) -> UploadResult:
    """Read, map, validate and geocode an uploaded file.

    Parameters
    ----------
    filename : str
        The uploaded file's name; its extension picks the format (``FILE_TYPES``).
    data : bytes
        The file's content.
    column_map : mapping, optional
        ``{header: column}`` for headers that are not recognised automatically
        (``mapping.columns.detect_columns``); ``None`` or ``""`` ignores a header.
    fix_swapped : bool
        Load rows whose latitude and longitude look swapped with the two
        exchanged, instead of rejecting them.
    max_bytes, max_rows, max_uncompressed_bytes : int
        Limits: file size, data rows, and the unpacked size of an .xlsx.

    Returns
    -------
    UploadResult

    Raises
    ------
    UploadError
        When the file cannot be loaded at all; the message says why.
    """
    name = PurePath(filename).name or "The file"
    if not data:
        raise UploadError("upload.error.empty", name=name)
    if len(data) > max_bytes:
        raise UploadError(
            "upload.error.too_large",
            name=name,
            size=_megabytes(len(data)),
            limit=_megabytes(max_bytes),
        )
    file_type = _file_type(name)
    if file_type == "csv":
        raw = _read_csv(name, data, max_rows)
    elif file_type == "xlsx":
        raw = _read_xlsx(name, data, max_rows, max_uncompressed_bytes)
    else:
        raw = _read_geojson(name, data, max_rows)
    if not raw.numbers:
        raise UploadError("upload.error.no_data_rows", name=name)
    try:
        mapping, unmapped = resolve_columns(raw.headers, column_map)
    except ColumnMapError as error:
        raise UploadError(error.content) from error
    _check_headers(name, raw.headers, mapping)
    return _validate(raw, file_type, mapping, unmapped, fix_swapped)


def _megabytes(size: int) -> Message:
    """A byte count for messages (MB, KB or bytes)."""
    if size >= MB:
        return Message("upload.size.mb", size=size / MB)
    if size >= 1024:
        return Message("upload.size.kb", size=size / 1024)
    return Message("upload.size.bytes", n=size)


def _file_type(name: str) -> str:
    """Return the file type of a file name's extension, or raise ``UploadError``."""
    suffix = PurePath(name).suffix.lower()
    if suffix == ".xls":
        raise UploadError("upload.error.old_excel", name=name)
    if suffix not in FILE_TYPES:
        extension = (
            Message("upload.extension.some", suffix=suffix)
            if suffix
            else Message("upload.extension.none")
        )
        raise UploadError("upload.error.extension", name=name, extension=extension)
    return FILE_TYPES[suffix]


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode an uploaded text file, detecting its encoding.

    Parameters
    ----------
    data : bytes
        The file's content.

    Returns
    -------
    text : str
    encoding : str
        ``utf-8-sig`` (UTF-8 with a byte-order mark), ``utf-16`` (with a
        byte-order mark), ``utf-8``, ``cp1255`` (when the text decodes to
        Hebrew words rather than Latin words with stray Hebrew letters),
        ``cp1252`` (when it uses Windows-1252 punctuation) or ``latin-1``.

    Raises
    ------
    UploadError
        For binary content (NUL bytes) or a byte-order mark the rest of the
        file contradicts.
    """
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16")):
        if data.startswith(bom) or (encoding == "utf-16" and data.startswith(codecs.BOM_UTF16_BE)):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise UploadError(
                    "upload.error.bom_mismatch",
                    encoding=Message(f"upload.encoding.{encoding}"),
                    position=error.start,
                    reason=error.reason,
                ) from error
    if b"\x00" in data:
        raise UploadError("upload.error.binary")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        hebrew = data.decode("cp1255")
    except UnicodeDecodeError:
        hebrew = None
    if hebrew is not None and _reads_as_hebrew(hebrew):
        return hebrew, "cp1255"
    if _C1_BYTES.search(data):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1"), "latin-1"


def _reads_as_hebrew(text: str) -> bool:
    """Tell whether cp1255-decoded text has more Hebrew words than Latin-Hebrew hybrids."""
    words = _NON_ASCII_WORD.findall(text)
    hebrew = sum(1 for w in words if _HEBREW_WORD.fullmatch(w))
    hybrid = sum(1 for w in words if _HEBREW.search(w) and _LATIN.search(w))
    return hebrew > hybrid


def _delimiter(text: str) -> str:
    """Pick the separator the header line uses most (``,`` on a tie or none)."""
    header = re.sub(r'"[^"]*"', "", text[: text.find("\n") if "\n" in text else 65536])
    counts = [header.count(d) for d in DELIMITERS]
    return DELIMITERS[counts.index(max(counts))]


def _read_csv(name: str, data: bytes, max_rows: int) -> _Raw:
    """Read CSV bytes into a ``_Raw`` table."""
    kind = file_kind(data)
    if kind is not None:
        raise UploadError("upload.error.not_csv", name=name, kind=kind)
    try:
        text, encoding = decode_text(data)
    except UploadError as error:
        raise UploadError("upload.error.in_file", name=name, problem=error) from error
    if not text.strip():
        raise UploadError("upload.error.blank", name=name)
    delimiter = _delimiter(text)
    try:
        records = _csv_records(name, text, delimiter, strict=True, max_rows=max_rows)
    except csv.Error as error:
        if "unexpected end of data" in str(error):
            raise UploadError(
                "upload.error.truncated_quote", name=name, line=_open_quote_line(text)
            ) from error
        # Not truncated, only untidy (a quote inside an unquoted cell): read it as Excel does.
        try:
            records = _csv_records(name, text, delimiter, strict=False, max_rows=max_rows)
        except csv.Error as lenient_error:
            raise UploadError(
                "upload.error.unreadable_csv", name=name, detail=str(lenient_error)
            ) from error
    return _raw_from_records(name, records, encoding, delimiter)


def _too_many_rows(name: str, max_rows: int) -> UploadError:
    """The error for a file with more than ``max_rows`` data rows."""
    return UploadError("upload.error.too_many_rows", name=name, limit=max_rows)


def _csv_records(
    name: str, text: str, delimiter: str, *, strict: bool, max_rows: int
) -> list[list[str]]:
    """Parse CSV text into records, refusing more than ``max_rows`` non-blank data rows."""
    records: list[list[str]] = []
    filled = 0
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)
    for record in reader:
        records.append(record)
        if "".join(record).strip():
            filled += 1
            if filled > max_rows + 1:  # the header is one of the filled records
                raise _too_many_rows(name, max_rows)
    return records


def _open_quote_line(text: str) -> int:
    """Return the line of the last unbalanced double quote (where a truncated cell opens)."""
    line, opened = 1, 1
    inside = False
    for char in text:
        if char == '"':
            inside = not inside
            if inside:
                opened = line
        elif char == "\n":
            line += 1
    return opened


def _raw_from_records(
    name: str, records: list[list[str]], encoding: str | None, delimiter: str = ","
) -> _Raw:
    """Split records into the header and numbered data rows, reporting ragged rows."""
    start = next((i for i, record in enumerate(records) if "".join(record).strip()), None)
    if start is None:
        raise UploadError("upload.error.no_cells", name=name)
    headers = [cell.strip() for cell in records[start]]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    rows: list[list[str]] = []
    numbers: list[int] = []
    problems: list[tuple[int, str, str, Message, Message | str]] = []
    blank = 0
    for number, record in enumerate(records[start + 1 :], start=1):
        if not "".join(record).strip():
            blank += 1
            continue
        extra = [cell for cell in record[width:] if cell.strip()] if len(record) > width else []
        if extra:
            problems.append(
                (
                    number,
                    "row",
                    delimiter.join(extra)[:200],
                    Message("upload.problem.ragged", cells=len(record), columns=width),
                    Message("upload.suggest.ragged"),
                )
            )
        if len(record) != width:
            record = record[:width] + [""] * (width - len(record))
        rows.append(record)
        numbers.append(number)
    return _Raw(headers, rows, numbers, problems, encoding, blank)


def _read_xlsx(name: str, data: bytes, max_rows: int, max_uncompressed: int) -> _Raw:
    """Read the first worksheet of an .xlsx workbook into a ``_Raw`` table."""
    if not data.startswith(b"PK\x03\x04"):
        kind = file_kind(data) or Message(
            "upload.kind.text" if _is_text(data) else "upload.kind.binary"
        )
        raise UploadError("upload.error.not_xlsx", name=name, kind=kind)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_ERRORS as error:
        raise UploadError("upload.error.damaged_xlsx", name=name) from error
    with archive:
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > max_uncompressed:
            raise UploadError(
                "upload.error.zip_bomb",
                name=name,
                size=_megabytes(unpacked),
                limit=_megabytes(max_uncompressed),
            )
        if WORKBOOK_MEMBER not in archive.namelist():
            raise UploadError("upload.error.zip_not_workbook", name=name, member=WORKBOOK_MEMBER)
    records = _workbook_records(name, data, max_rows)
    return _raw_from_records(name, records, None)


def _is_text(data: bytes) -> bool:
    """Tell whether bytes look like text (no NUL byte in the first 8 KB)."""
    return b"\x00" not in data[:8192]


def _workbook_records(name: str, data: bytes, max_rows: int) -> list[list[str]]:
    """Read the first worksheet's cell values as strings (formulas as their cached values)."""
    import python_calamine

    records: list[list[str]] = []
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = [
            sheet.name
            for sheet in workbook.sheets_metadata
            if sheet.typ == python_calamine.SheetTypeEnum.WorkSheet
        ]
        if not sheets:
            raise UploadError("upload.error.no_worksheet", name=name)
        filled = 0
        for values in workbook.get_sheet_by_name(sheets[0]).iter_rows():
            record = [_excel_text(v) for v in values]
            while record and not record[-1]:
                record.pop()
            records.append(record)
            if record:
                filled += 1
                if filled > max_rows + 1:  # the header is one of the filled records
                    raise _too_many_rows(name, max_rows)
    except python_calamine.CalamineError as error:
        raise UploadError(
            "upload.error.unreadable_xlsx", name=name, detail=f"{type(error).__name__}: {error}"
        ) from error
    return records


def _excel_text(value: object) -> str:
    """Write a cell value as the text a CSV export of it would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _read_geojson(name: str, data: bytes, max_rows: int) -> _Raw:
    """Read a GeoJSON FeatureCollection of Points into a ``_Raw`` table."""
    kind = file_kind(data)
    if kind is not None:
        raise UploadError("upload.error.not_geojson", name=name, kind=kind)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UploadError(
            "upload.error.geojson_not_utf8", name=name, position=error.start, reason=error.reason
        ) from error
    if not text.strip():
        raise UploadError("upload.error.blank", name=name)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise UploadError(
            "upload.error.invalid_json",
            name=name,
            detail=error.msg,
            line=error.lineno,
            column=error.colno,
        ) from error
    except RecursionError as error:
        raise UploadError("upload.error.json_too_deep", name=name) from error
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        found = document.get("type") if isinstance(document, dict) else type(document).__name__
        raise UploadError(
            "upload.error.not_feature_collection",
            name=name,
            found=found,
            example='{"type": "FeatureCollection", "features": [...]}',
        )
    features = document.get("features")
    if not isinstance(features, list):
        raise UploadError("upload.error.features_not_list", name=name, member="features")
    if not features:
        raise UploadError("upload.error.no_features", name=name)
    if len(features) > max_rows:
        raise _too_many_rows(name, max_rows)
    return _raw_from_features(features)


def _raw_from_features(features: list) -> _Raw:
    """Turn GeoJSON features into numbered rows (properties) and given points (geometry)."""
    headers: dict[str, None] = {}
    properties: list[dict] = []
    numbers: list[int] = []
    problems: list[tuple[int, str, str, Message, Message | str]] = []
    points: dict[int, tuple[str, str]] = {}
    for number, feature in enumerate(features, start=1):
        values = feature.get("properties") if isinstance(feature, dict) else None
        values = values if isinstance(values, dict) else {}
        headers.update(dict.fromkeys(_without_surrogates(key) for key in values))
        properties.append(values)
        numbers.append(number)
        problem = _feature_problem(feature)
        if problem is not None:
            problems.append((number, *problem))
        elif feature.get("geometry") is not None:
            longitude, latitude = feature["geometry"]["coordinates"][:2]
            points[number - 1] = (_json_text(latitude), _json_text(longitude))
    columns = list(headers)
    properties = [{_without_surrogates(k): v for k, v in values.items()} for values in properties]
    rows = [[_json_text(values.get(h)) for h in columns] for values in properties]
    return _Raw(columns, rows, numbers, problems, "utf-8", 0, points)


def _feature_problem(feature: object) -> tuple[str, str, Message, Message | str] | None:
    """Return ``(field, value, reason, suggestion)`` for a feature that cannot be a row."""
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        shown = json.dumps(feature, ensure_ascii=False)[:200]
        return ("feature", shown, Message("upload.problem.not_feature"), "")
    values = feature.get("properties")
    if values is not None and not isinstance(values, dict):
        shown = json.dumps(values, ensure_ascii=False)[:200]
        reason = Message("upload.problem.properties_not_object", member="properties")
        return ("properties", shown, reason, "")
    geometry = feature.get("geometry")
    if geometry is None:
        return None
    kind = geometry.get("type") if isinstance(geometry, dict) else type(geometry).__name__
    if kind != "Point":
        return (
            "geometry",
            str(kind),
            Message("upload.problem.not_point", kind=kind),
            Message("upload.suggest.not_point"),
        )
    coordinates = geometry.get("coordinates")
    if (
        not isinstance(coordinates, list)
        or len(coordinates) not in (2, 3)
        or not all(_is_number(c) for c in coordinates)
    ):
        shown = json.dumps(coordinates, ensure_ascii=False)[:200]
        return ("geometry", shown, Message("upload.problem.bad_point"), "")
    return None


def _is_number(value: object) -> bool:
    """Tell whether a JSON value is a number (not a boolean)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def _json_text(value: object) -> str:
    """Write a JSON property value as a cell: lists joined with ``;``, null as blank."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _without_surrogates(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(_json_text(v) for v in value)
    if isinstance(value, dict):
        return _without_surrogates(json.dumps(value, ensure_ascii=False))
    return repr(value) if isinstance(value, float) else str(value)


def _without_surrogates(text: str) -> str:
    """Pair up surrogate escapes (``\\ud83d\\ude00``) and replace lone ones with U+FFFD."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _check_headers(name: str, headers: list[str], mapping: dict[str, str]) -> None:
    """Refuse a file whose required columns are missing or whose mapped headers repeat."""
    for header in mapping:
        positions = [i + 1 for i, h in enumerate(headers) if h == header]
        if len(positions) > 1:
            raise UploadError(
                "upload.error.duplicate_header",
                name=name,
                header=header,
                columns=", ".join(map(str, positions[:-1])),
                last=positions[-1],
            )
    mapped = set(mapping.values())
    for column, aliases in REQUIRED_COLUMNS.items():
        if column not in mapped:
            shown = [repr(h) for h in headers if h]
            raise UploadError(
                "upload.error.missing_column",
                name=name,
                description=Message(f"upload.required.{column}", aliases=aliases),
                headers=Joined(shown) if shown else Message("upload.headers.none"),
                column=column,
            )


def _validate(
    raw: _Raw, file_type: str, mapping: dict[str, str], unmapped: tuple[str, ...], fix: bool
) -> UploadResult:
    """Map, normalise and validate the rows of a read file."""
    broken = {problem[0] for problem in raw.problems}
    keep = [i for i, number in enumerate(raw.numbers) if number not in broken]
    rows = [raw.rows[i] for i in keep] if broken else raw.rows
    cells = list(zip(*rows, strict=True)) if rows else [()] * len(raw.headers)
    table = pd.DataFrame(
        {
            column: pd.Series(cells[raw.headers.index(header)], dtype=str)
            for header, column in mapping.items()
        },
        index=range(len(keep)),
    )
    table = table.reindex(columns=COLUMNS, fill_value="").astype(str)
    table = pd.DataFrame({c: table[c].str.strip() for c in COLUMNS})
    if raw.points:
        _apply_points(table, keep, raw.points)
    normalised = normalise_values(table)
    numbers = np.array([raw.numbers[i] for i in keep], dtype=int)
    found = validate_table(normalised, rows=numbers, plausible=True, fix_swapped=fix)
    problems = _as_written(found.problems, table, normalised, numbers)
    errors = pd.concat([problem_table(raw.problems), problems], ignore_index=True).sort_values(
        "row", kind="stable", ignore_index=True
    )
    errors["row"] = errors["row"].astype(int)
    return UploadResult(
        organisations=found.organisations,
        problems=errors,
        total=len(raw.numbers),
        file_type=file_type,
        encoding=raw.encoding,
        column_map=dict(mapping),
        unmapped_columns=unmapped,
        swapped_rows=found.swapped_rows,
        fixed_swapped=fix,
        warning_problems=_location_warnings(found.organisations, found.rows),
        blank_rows=raw.blank_rows,
        loaded_rows=tuple(int(n) for n in found.rows),
    )


def _as_written(
    problems: pd.DataFrame, written: pd.DataFrame, normalised: pd.DataFrame, rows: np.ndarray
) -> pd.DataFrame:
    """Show each problem's value as the file wrote it, not as ``normalise_values`` rewrote it."""
    if problems.empty:
        return problems
    position = {int(row): i for i, row in enumerate(rows)}
    values = problems["value"].to_numpy(dtype=object).copy()
    for i, (row, column, value) in enumerate(
        zip(problems["row"], problems["field"], problems["value"], strict=True)
    ):
        if column in written.columns:
            at = position[int(row)]
            if value == normalised[column].iat[at]:
                values[i] = written[column].iat[at]
    return problems.assign(value=pd.Series(values, index=problems.index, dtype=str))


def _apply_points(table: pd.DataFrame, keep: list[int], points: dict[int, tuple[str, str]]):
    """Set latitude/longitude from GeoJSON Point geometries (they win over properties)."""
    where = {position: row for row, position in enumerate(keep)}
    pairs = [(where[p], point) for p, point in points.items() if p in where]
    if pairs:
        rows = [row for row, _ in pairs]
        table.loc[rows, "latitude"] = [lat for _, (lat, _) in pairs]
        table.loc[rows, "longitude"] = [lon for _, (_, lon) in pairs]


def _location_warnings(organisations: gpd.GeoDataFrame, rows: np.ndarray) -> pd.DataFrame:
    """List loaded rows whose city was not found, so their marker is less precise."""
    imprecise = (organisations["city"] != "") & organisations["location_precision"].isin(
        ["region", "country"]
    )
    problems = [
        (
            int(row),
            "city",
            city,
            Message(
                "upload.warning.city_not_found",
                code=code,
                precision=Message(f"upload.precision.{precision}"),
            ),
            Message("upload.suggest.city_not_found"),
        )
        for row, city, code, precision in zip(
            rows[imprecise.to_numpy()],
            organisations.loc[imprecise, "city"],
            organisations.loc[imprecise, "country_code"],
            organisations.loc[imprecise, "location_precision"],
            strict=True,
        )
    ]
    return problem_table(problems)


def _report_csv(problems: pd.DataFrame) -> bytes:
    """Serialise a rendered problems table as formula-safe CSV (UTF-8 with BOM, CRLF)."""
    table = problems.loc[:, list(PROBLEM_COLUMNS)].copy()
    for column in PROBLEM_COLUMNS[1:]:
        table[column] = [neutralise_formula(str(v)) for v in table[column]]
    return table.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def display_report(report: pd.DataFrame, lang: str = DEFAULT) -> pd.DataFrame:
    """Return a rendered report (``UploadResult.report``) titled and labelled for a person.

    Parameters
    ----------
    report : pandas.DataFrame
        Columns ``PROBLEM_COLUMNS``, texts already in ``lang``.
    lang : str
        One of ``mapping.i18n.LANGUAGES``.

    Returns
    -------
    pandas.DataFrame
        The same rows; the column titles (``upload.report.<column>``) and each
        ``field`` (``upload.field.<field>``) in ``lang``. The CSV report keeps
        the machine names instead.
    """
    labels = {f: t(f"upload.field.{f}", lang) for f in pd.unique(report["field"])}
    table = report.loc[:, list(PROBLEM_COLUMNS)].assign(field=report["field"].map(labels))
    return table.rename(columns={c: t(f"upload.report.{c}", lang) for c in PROBLEM_COLUMNS})


def identity_keys(organisations: pd.DataFrame) -> pd.Series:
    """Return each organisation's ``name|city|country`` key (names compared as ``name_key``)."""
    names = organisations["name"].map(name_key)
    cities = organisations["city"].map(name_key)
    return names + "|" + cities + "|" + organisations["country_code"].str.upper()


def merge_with_builtin(
    builtin: gpd.GeoDataFrame, uploaded: gpd.GeoDataFrame
) -> tuple[gpd.GeoDataFrame, int]:
    """Add uploaded organisations to the built-in dataset; uploaded rows win duplicates.

    A built-in organisation is a duplicate of an uploaded one when they share
    the id, or the name, city and country (compared case-, accent- and
    punctuation-insensitively). Duplicates are replaced by the uploaded row as
    a whole (the upload is the user's own, newer record), so ids stay unique.

    Parameters
    ----------
    builtin : geopandas.GeoDataFrame
        The built-in dataset (``load_organisations()``).
    uploaded : geopandas.GeoDataFrame
        ``UploadResult.organisations``.

    Returns
    -------
    merged : geopandas.GeoDataFrame
        The built-in rows that no uploaded row duplicates, in their order,
        then the uploaded rows in file order; same columns and dtypes.
    merged_count : int
        Built-in rows replaced, so ``len(merged) == len(builtin) +
        len(uploaded) - merged_count``.
    """
    duplicate = builtin["id"].isin(list(uploaded["id"])) | identity_keys(builtin).isin(
        list(identity_keys(uploaded))
    )
    kept = builtin.loc[~duplicate.to_numpy()]
    merged = pd.concat([kept, uploaded], ignore_index=True)
    frame = gpd.GeoDataFrame(merged, geometry="geometry", crs=builtin.crs)
    return frame, int(duplicate.sum())


def combine(
    builtin: gpd.GeoDataFrame, uploaded: gpd.GeoDataFrame, mode: str
) -> tuple[gpd.GeoDataFrame, int]:
    """Return the organisations to show for an upload mode, and the duplicates merged.

    Parameters
    ----------
    builtin, uploaded : geopandas.GeoDataFrame
        The built-in dataset and ``UploadResult.organisations``.
    mode : str
        ``replace`` (only the upload; 0 merged) or ``merge`` (``merge_with_builtin``).

    Returns
    -------
    tuple of (geopandas.GeoDataFrame, int)
    """
    if mode == "replace":
        return uploaded, 0
    if mode == "merge":
        return merge_with_builtin(builtin, uploaded)
    raise ValueError(f"unknown upload mode {mode!r}; expected one of {', '.join(MODES)}")
