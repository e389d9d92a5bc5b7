"""The dataset's CSV files, read strictly: every problem is one ``DatasetError``.

``read_text_table`` reads ``organisations.csv``, ``relationships.csv`` and
``networks.csv`` (or the files ``ATLAS_DATA`` and ``ATLAS_LINKS`` name) as
tables of strings. A file that cannot be such a table stops with a message
naming the file and, where there is one, the row: missing, a folder,
unreadable, empty, binary (an image, an archive, NUL bytes), not UTF-8, a
header repeated, a row with more or fewer cells than the header, a quoted cell
never closed. Rows are numbered as in every message of the atlas: 1 is the
first row under the header; a blank row is skipped but keeps its number, so
row *n* is line *n + 1* of a file without line breaks inside cells.

Two readings: pyarrow's, fast, for a file it reads without a doubt, and the
csv module's, which names the problem and its row, for any other (pandas'
reader was not strict enough: it padded a short row, took an extra cell of the
first row as the index and renamed a repeated header, all silently).

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.csv").write_text("id,name\\nx,X\\n\\ny,Y,extra\\n", encoding="utf-8")
>>> read_text_table(folder / "a.csv")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
mapping.csvfile.DatasetError: a.csv, row 3: has 3 cells but the header has 2 columns; ...
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from mapping.i18n import Joined, Localised, LocalisedError, Message

__all__ = ["SIGNATURES", "DatasetError", "file_kind", "read_text_table"]

# What a file that is not text starts with, and what to call it (``upload.kind.<kind>``).
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"%PDF-", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old_excel"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
    (b"<!doctype html", "html"),
    (b"<html", "html"),
)


class DatasetError(LocalisedError):
    """An invalid dataset file or value, located by file, row (1 = first data row) and field.

    Parameters
    ----------
    message : str or mapping.i18n.Localised
        What is wrong: a ``Message`` (or the key of one without fields).
    row, field, value, source : optional
        Where: the message is prefixed with the source, row and field given
        (``dataset.csv, row 2, field 'roles': ...``), in the language rendered.

    Attributes
    ----------
    problem : mapping.i18n.Localised
        The message without its location.
    """

    def __init__(
        self,
        message: str | Localised,
        *,
        row: int | None = None,
        field: str | None = None,
        value: object = None,
        source: str | None = None,
    ) -> None:
        problem = message if isinstance(message, Localised) else Message(message)
        where: list[object] = []
        if source:
            where.append(source)
        if row is not None:
            where.append(Message("data.where.row", row=row))
        if field:
            where.append(Message("data.where.field", field=field))
        located = Message("data.error.located", where=Joined(where), message=problem)
        super().__init__(located if where else problem)
        self.problem = problem
        self.row, self.field, self.value, self.source = row, field, value, source


def file_kind(data: bytes) -> Message | None:
    """Name the kind of a file that is not text from its first bytes, or ``None``."""
    head = data[:16].lstrip().lower()
    for magic, kind in SIGNATURES:
        if data.startswith(magic) or (magic.startswith(b"<") and head.startswith(magic)):
            return Message(f"upload.kind.{kind}")
    return None


def read_text_table(source: Path) -> pd.DataFrame:
    """Read one of the dataset's CSV files as strings (blank cells stay ``""``).

    Parameters
    ----------
    source : pathlib.Path
        A UTF-8 CSV file (a byte-order mark is allowed), comma-separated,
        with a header row.

    Returns
    -------
    pandas.DataFrame
        One column per header, one row per non-blank data row, in file order;
        the index holds each row's number (1 = the first row under the header).

    Raises
    ------
    DatasetError
        For a file that is missing, a folder or unreadable (named by its
        path), or empty, binary, not UTF-8, with a header given twice, with a
        row of more or fewer cells than the header, or with a quoted cell
        never closed (named by its file name, and its row where there is one).
    """
    name = source.name
    data = _read_bytes(source)
    _check_text(data, name)
    table = _quick_table(data, name)
    if table is None:
        table = _careful_table(data, name)
    return table


def _quick_table(data: bytes, name: str) -> pd.DataFrame | None:
    """The table as pyarrow reads it (fast), or None when the file needs the careful reading.

    pyarrow reads the shipped 49 MB of 100,000 synthetic organisations in about a fifth of the
    time the csv module takes to check them, and reports rows of the wrong width; but it gives
    no row number, and closes a quoted cell that never ends at the end of the file. So any
    doubt (a row of the wrong width, bytes that are not UTF-8, an odd number of double quotes,
    no header) sends the file to ``_careful_table``, which names the problem and its row.
    """
    if data.count(b'"') % 2:
        return None
    head = data[:65536].decode("utf-8-sig", errors="replace")
    header = next(csv.reader(io.StringIO(head, newline="")), [])
    if not "".join(header).strip():
        return None
    columns = _checked_header(header, name)
    invalid: list[object] = []
    try:
        table = pa_csv.read_csv(
            io.BytesIO(data),
            read_options=pa_csv.ReadOptions(column_names=columns, skip_rows=1),
            parse_options=pa_csv.ParseOptions(
                newlines_in_values=True,
                ignore_empty_lines=False,  # a blank line keeps its row number
                invalid_row_handler=lambda row: invalid.append(row) or "skip",
            ),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(columns, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowException:  # whatever it is, the careful reading will name it
        return None
    if invalid:
        return None
    frame = table.to_pandas()
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    blank = (frame.apply(lambda column: column.str.strip()) == "").all(axis=1)
    return frame[~blank.to_numpy()] if blank.any() else frame


def _careful_table(data: bytes, name: str) -> pd.DataFrame:
    """The table as the csv module reads it, or the ``DatasetError`` naming what is wrong."""
    text = _decode(data, name)
    if not text.strip():
        raise DatasetError(Message("data.error.empty_file"), source=name)
    columns, records, numbers = _structure(text, name)
    table = pd.DataFrame(records, columns=columns, dtype=str)
    table.index = pd.Index(np.asarray(numbers, dtype=int))
    return table


def _read_bytes(source: Path) -> bytes:
    """The file's bytes, or the ``DatasetError`` that says why they cannot be read."""
    try:
        return source.read_bytes()
    except FileNotFoundError as error:
        raise DatasetError(Message("data.error.missing_file"), source=str(source)) from error
    except IsADirectoryError as error:
        raise DatasetError(Message("data.error.directory"), source=str(source)) from error
    except PermissionError as error:
        raise DatasetError(Message("data.error.no_permission"), source=str(source)) from error
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise DatasetError(
            Message("data.error.unreadable", reason=reason), source=str(source)
        ) from error


def _check_text(data: bytes, name: str) -> None:
    """Refuse binary content (a known signature, or NUL bytes near the start)."""
    kind = file_kind(data)
    if kind is None and b"\x00" in data[:8192]:
        kind = Message("upload.kind.binary")
    if kind is not None:
        raise DatasetError(Message("data.error.not_text", kind=kind), source=name)


def _decode(data: bytes, name: str) -> str:
    """The file's text, or the error naming the first byte that is not UTF-8 and its row."""
    body = data.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = f"0x{body[error.start]:02X}"
        row = _row_at(body[: error.start].decode("utf-8"))
        raise DatasetError(
            Message("data.error.not_utf8", byte=byte), row=row or None, source=name
        ) from error


def _row_at(prefix: str) -> int:
    """The row (0: the header) in which text ending with ``prefix`` continues."""
    # A sentinel makes the row being read a record of its own even at a line's start.
    return sum(1 for _ in csv.reader(io.StringIO(prefix + "x", newline=""))) - 1


def _structure(text: str, name: str) -> tuple[list[str], list[list[str]], list[int]]:
    """Check the header and every row's width; return the columns, the rows and their numbers.

    A row whose cells are all blank is skipped and keeps its number.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    columns: list[str] | None = None
    records: list[list[str]] = []
    numbers: list[int] = []
    row = 0
    try:
        for record in reader:
            if columns is None:
                if "".join(record).strip():
                    columns = _checked_header(record, name)
                continue
            row += 1
            if not "".join(record).strip():
                continue
            if len(record) != len(columns):
                message = Message("data.error.ragged", cells=len(record), columns=len(columns))
                raise DatasetError(message, row=row, source=name)
            records.append(record)
            numbers.append(row)
    except csv.Error as error:
        key = "data.error.open_quote" if "end of data" in str(error) else "data.error.quote"
        where = row + 1 if columns is not None else None  # None: in the header
        raise DatasetError(Message(key), row=where, source=name) from error
    return columns or [], records, numbers


def _checked_header(record: list[str], name: str) -> list[str]:
    """The header row, refused when a column name is given twice."""
    seen: dict[str, int] = {}
    for position, title in enumerate(record, start=1):
        title = title.strip()
        if title and title in seen:
            message = Message(
                "data.error.duplicate_header", header=title, first=seen[title], second=position
            )
            raise DatasetError(message, source=name)
        seen.setdefault(title, position)
    # A column without a title is named as pandas names it; no column reads it.
    return [title or f"Unnamed: {index}" for index, title in enumerate(record)]
