"""Workbooks and CSV files as grids of raw values, read safely.

Every tabular reader starts here: :func:`read_book` sniffs what a file really is (the
suffix lies: WPS saves HTML as ``.xls``, units rename ``.xls`` to ``.xlsx``), checks it
against the limits below *before* a parser allocates anything, and returns each sheet as
rows of raw values with its merged ranges and the cells that held formulas.

python-calamine reads when it is installed (the ``xls`` extra; it is the only reader of
``.xls``); openpyxl is the fallback for ``.xlsx``. Neither evaluates a formula: a formula
cell yields the value the office suite last stored, and is flagged.
"""

from __future__ import annotations

import csv
import html
import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path, PurePosixPath
from types import ModuleType
from typing import Any, Literal

import attrs

from sci_workers_day.errors import WorkbookError
from sci_workers_day.formats._text import unquote
from sci_workers_day.formats._zip import ZipLimits, check_zip

__all__ = [
    "MAX_CELLS",
    "MAX_COMPRESSION_RATIO",
    "MAX_FILE_BYTES",
    "MAX_MEMBERS",
    "MAX_UNCOMPRESSED_BYTES",
    "Book",
    "Kind",
    "Sheet",
    "cell_name",
    "read_book",
    "require_safe_xlsx",
    "sniff",
]

MAX_FILE_BYTES = 64 * 1024 * 1024
"""A workbook or CSV file larger than this (64 MiB) is refused unread."""
MAX_MEMBERS = 10_000
"""An ``.xlsx`` zip with more entries than this is refused."""
MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024
"""An ``.xlsx`` whose entries would unpack to more than this (256 MiB) is refused."""
MAX_COMPRESSION_RATIO = 200
"""An ``.xlsx`` entry over 1 MiB that unpacks to more than this many times its packed size
is a zip bomb (real sheets compress about 10:1)."""
MAX_CELLS = 2_000_000
"""A sheet whose used area (rows × columns) exceeds this is refused before it is loaded:
readers allocate the whole rectangle, so one cell at XFD1048576 would otherwise cost gigabytes."""

Kind = Literal["xlsx", "xls", "csv", "json"]

_ZIP = b"PK\x03\x04"
_EMPTY_ZIP = b"PK\x05\x06"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The stream an encrypted .xlsx keeps inside its OLE container (directory names are UTF-16).
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_OTHER_FILES = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"{\\rtf", "RTF"),
    (b"Rar!", "RAR"),
    (b"7z\xbc\xaf", "7z"),
    (b"\x1f\x8b", "gzip"),
)


@attrs.frozen
class Sheet:
    """One sheet: rows of raw values from A1, merged ranges and formula cells (0-based)."""

    name: str
    rows: Sequence[Sequence[Any]]
    """Values as the file holds them: ``None`` for blank, text, numbers, dates, booleans."""
    merged: tuple[tuple[int, int, int, int], ...] = ()
    """Merged ranges as (first row, first column, last row, last column), inclusive."""
    formulas: frozenset[tuple[int, int]] = frozenset()
    """(row, column) of each cell that held a formula; its value is the stored result."""

    def value(self, row: int, column: int) -> Any:
        """The raw value at (row, column); ``None`` outside the used area."""
        if row < len(self.rows):
            cells = self.rows[row]
            if column < len(cells):
                return cells[column]
        return None

    def cell(self, row: int, column: int) -> str:
        """The A1 name of (row, column) qualified by the sheet, e.g. ``统计表!C8``."""
        return f"{self.name}!{cell_name(row, column)}" if self.name else cell_name(row, column)


@attrs.frozen
class Book:
    """A file's sheets in order; CSV files have one sheet with an empty name."""

    name: str
    kind: Kind
    sheets: tuple[Sheet, ...]


def cell_name(row: int, column: int) -> str:
    """The A1 name of a 0-based (row, column): ``(7, 2)`` → ``C8``."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def sniff(head: bytes, suffix: str) -> Kind:
    """What a file is by its first bytes; the suffix only tells JSON from CSV text."""
    if head.startswith((_ZIP, _EMPTY_ZIP)):
        return "xlsx"
    if head.startswith(_OLE):
        return "xls"
    for magic, what in _OTHER_FILES:
        if head.startswith(magic):
            msg = f"a {what} file, not a workbook or CSV table (这是{what}文件，不是表格)"
            raise WorkbookError(msg)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml", b"<meta")):
        msg = (
            "an HTML or XML page saved under a spreadsheet name, not a workbook "
            "(这是网页或XML文件，不是Excel工作簿); open it and save it as .xlsx"
        )
        raise WorkbookError(msg)
    if suffix == ".json" or (suffix not in {".csv", ".txt"} and text.startswith((b"{", b"["))):
        return "json"
    if suffix in {".xlsx", ".xlsm", ".xls"}:
        msg = "not a workbook: neither an .xlsx zip nor an .xls file (文件不是Excel工作簿)"
        raise WorkbookError(msg)
    return "csv"


def read_book(path: Path, data: bytes | None = None) -> Book:
    """Read a workbook or CSV file's sheets; :class:`WorkbookError` if it cannot be read."""
    try:
        if data is None:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise _too_big("file", path.stat().st_size, MAX_FILE_BYTES)
            data = path.read_bytes()
        if len(data) > MAX_FILE_BYTES:
            raise _too_big("file", len(data), MAX_FILE_BYTES)
        kind = sniff(data[:512], path.suffix.lower())
        if kind == "xlsx":
            sheets = _read_xlsx(data)
        elif kind == "xls":
            sheets = _read_xls(data)
        elif kind == "csv":
            sheets = (_read_csv(data),)
        else:
            msg = "a JSON file, not a workbook or CSV table (这是JSON文件)"
            raise WorkbookError(msg)
    except WorkbookError as error:
        raise error.at(file=path.name) from None
    except OSError as error:
        msg = f"cannot read the file (无法读取文件): {error.strerror or error}"
        raise WorkbookError(msg, file=path.name) from error
    return Book(path.name, kind, sheets)


# --- .xlsx -------------------------------------------------------------------------------


@attrs.frozen
class _Part:
    """A worksheet's name and what a scan of its XML found before any parser ran."""

    name: str
    formulas: frozenset[tuple[int, int]]


def require_safe_xlsx(data: bytes, file: str | None = None) -> list[_Part]:
    """Check an ``.xlsx`` against the limits before any parser sees it; its worksheets."""
    try:
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError) as error:
            msg = f"a damaged workbook, not a readable zip (工作簿已损坏): {error}"
            raise WorkbookError(msg) from None
        with archive:
            return _inspect(archive)
    except WorkbookError as error:
        raise error.at(file=file) from None


def _read_xlsx(data: bytes) -> tuple[Sheet, ...]:
    parts = require_safe_xlsx(data)
    calamine = _calamine()
    if calamine is not None:
        return _sheets_by_calamine(calamine, data, parts)
    return _sheets_by_openpyxl(data, parts)


def _inspect(archive: zipfile.ZipFile) -> list[_Part]:
    """Check the zip against the limits and scan each worksheet, before any parser runs."""
    limits = ZipLimits(MAX_MEMBERS, MAX_UNCOMPRESSED_BYTES, MAX_COMPRESSION_RATIO)
    check_zip(archive, limits, what=("workbook", "工作簿"), error=WorkbookError)
    return [_scan(archive, name, target) for name, target in _worksheets(archive)]


def _worksheets(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, zip entry) of each worksheet, in the workbook's order."""
    book = _member(archive, "xl/workbook.xml")
    rels = _member(archive, "xl/_rels/workbook.xml.rels")
    if book is None or rels is None:
        msg = "a zip, but not an Excel workbook: no xl/workbook.xml (不是Excel工作簿)"
        raise WorkbookError(msg)
    _refuse_dtd(book, "xl/workbook.xml")
    _refuse_dtd(rels, "xl/_rels/workbook.xml.rels")
    # Two small, flat files: attributes by pattern are enough, and far cheaper than a parser
    # (the parsers that read the workbook itself refuse entities on their own).
    targets = {}
    for tag in _RELATIONSHIP.findall(rels):
        attributes = _attributes(tag)
        targets[attributes.get("Id")] = attributes.get("Target", "")
    result = []
    for tag in _SHEET.findall(book):
        attributes = _attributes(tag)
        rel_id = next((v for k, v in attributes.items() if k.endswith(":id")), None)
        target = targets.get(rel_id, "")
        if "worksheets/" not in target:
            continue  # a chart sheet or dialog sheet has no cells
        entry = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        result.append((attributes.get("name", ""), str(PurePosixPath(entry))))
    return result


def _attributes(tag: bytes) -> dict[str, str]:
    text = tag.decode("utf-8", "replace")
    return {name: html.unescape(value) for name, value in _ATTRIBUTE.findall(text)}


def _refuse_dtd(xml: bytes, name: str) -> None:
    if b"<!DOCTYPE" in xml[:4096] or b"<!ENTITY" in xml[:4096]:
        msg = f"{name} declares XML entities, which workbooks never need (拒绝XML实体)"
        raise WorkbookError(msg)


def _member(archive: zipfile.ZipFile, name: str) -> bytes | None:
    """An entry's bytes; ``None`` if absent; :class:`WorkbookError` if it cannot be unpacked."""
    try:
        return archive.read(name)
    except KeyError:
        return None
    except (zipfile.BadZipFile, zlib.error, ValueError, EOFError, OSError) as error:
        msg = f"a damaged entry {name} (工作簿已损坏): {error}"
        raise WorkbookError(msg) from None
    except (NotImplementedError, RuntimeError) as error:  # an unknown method, a password
        msg = f"entry {name} cannot be unpacked (无法解压): {error}"
        raise WorkbookError(msg) from None


_SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_ATTRIBUTE = re.compile(r'([\w:]+)\s*=\s*"([^"]*)"')
_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="(\d{1,9})"')
_CELL = re.compile(rb"<(?:\w+:)?c[\s>/]")
_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})(\d{1,9})"')
_FORMULA = re.compile(rb"<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?f\b")


def _scan(archive: zipfile.ZipFile, name: str, entry: str) -> _Part:
    """Refuse DTDs and absurd dimensions in a worksheet's XML; find its formula cells."""
    try:
        xml = _member(archive, entry)
        if xml is None:
            msg = f"the workbook names a missing sheet entry {entry} (工作表缺失)"
            raise WorkbookError(msg)
        _refuse_dtd(xml, entry)
    except WorkbookError as error:
        raise error.at(sheet=name) from None
    refs = _REF.findall(xml)
    rows = max((int(number) for number in _ROW.findall(xml)), default=0)
    rows = max(rows, max((int(number) for _letters, number in refs), default=0))
    widest = max((letters for letters, _number in refs), key=lambda t: (len(t), t), default=b"")
    # Cells without a reference follow one another along their row: count them as columns.
    columns = (_column(widest) + 1 if widest else 0) + len(_CELL.findall(xml)) - len(refs)
    if rows * columns > MAX_CELLS:
        msg = (
            f"the sheet spans {rows} rows × {columns} columns, more than {MAX_CELLS} cells "
            "(工作表范围过大)"
        )
        raise WorkbookError(msg, sheet=name)
    formulas = set()
    if b"<f" in xml or b":f" in xml:
        for attributes in _FORMULA.findall(xml):
            ref = _REF_ATTRIBUTE.search(attributes)
            if ref is not None:
                formulas.add((int(ref[2]) - 1, _column(ref[1])))
    return _Part(name, frozenset(formulas))


_REF_ATTRIBUTE = re.compile(rb'\br="([A-Z]{1,3})(\d{1,9})"')


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number - 1


@cache
def _calamine() -> ModuleType | None:
    try:
        import python_calamine  # noqa: PLC0415  (optional, and heavy: loaded on first use)
    except ImportError:
        return None
    return python_calamine


def _sheets_by_calamine(
    calamine: ModuleType, data: bytes, parts: list[_Part] | None
) -> tuple[Sheet, ...]:
    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        if parts is None:  # .xls: no XML to scan, every sheet as calamine lists it
            parts = [
                _Part(meta.name, frozenset())
                for meta in book.sheets_metadata
                if str(meta.typ).endswith("WorkSheet")
            ]
        sheets = []
        for part in parts:
            sheet = book.get_sheet_by_name(part.name)
            if sheet.total_height * sheet.total_width > MAX_CELLS:
                msg = f"the sheet spans more than {MAX_CELLS} cells (工作表范围过大)"
                raise WorkbookError(msg, sheet=part.name)
            rows = [
                [None if value == "" else value for value in row]
                for row in sheet.to_python(skip_empty_area=False)
            ]
            merged = tuple(
                (first[0], first[1], last[0], last[1])
                for first, last in (sheet.merged_cell_ranges or ())
            )
            sheets.append(Sheet(part.name, rows, merged, part.formulas))
    except calamine.PasswordError:
        msg = "the workbook is encrypted (工作簿已加密); save it without a password"
        raise WorkbookError(msg) from None
    except (calamine.CalamineError, ValueError, OverflowError) as error:
        msg = f"a damaged or unsupported workbook (工作簿已损坏或格式不受支持): {error}"
        raise WorkbookError(msg) from None
    return tuple(sheets)


def _sheets_by_openpyxl(data: bytes, parts: list[_Part]) -> tuple[Sheet, ...]:
    import openpyxl  # noqa: PLC0415  (heavy: loaded only when a workbook is read)

    try:
        with warnings.catch_warnings():
            # openpyxl warns about every extension it drops (WPS data validation, slicers):
            # nothing a caller can act on, and the values are read all the same.
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as error:  # openpyxl raises anything from KeyError to TypeError
        msg = f"a damaged or unsupported workbook (工作簿已损坏或格式不受支持): {error}"
        raise WorkbookError(msg) from None
    sheets = []
    for part in parts:
        if part.name not in book.sheetnames:
            continue
        worksheet = book[part.name]
        rows = [
            list(row)
            for row in worksheet.iter_rows(
                min_row=1, min_col=1, max_col=worksheet.max_column, values_only=True
            )
        ]
        merged = tuple(
            (r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1)
            for r in worksheet.merged_cells.ranges
        )
        sheets.append(Sheet(part.name, rows, merged, part.formulas))
    return tuple(sheets)


# --- .xls --------------------------------------------------------------------------------


def _read_xls(data: bytes) -> tuple[Sheet, ...]:
    if _ENCRYPTED in data:
        msg = "the workbook is encrypted (工作簿已加密); save it without a password"
        raise WorkbookError(msg)
    calamine = _calamine()
    if calamine is None:
        msg = (
            "reading .xls needs python-calamine (读取.xls需要安装扩展): "
            "pip install 'sci-workers-day[xls]', or save the file as .xlsx"
        )
        raise WorkbookError(msg)
    return _sheets_by_calamine(calamine, data, None)


# --- CSV ---------------------------------------------------------------------------------


def _read_csv(data: bytes) -> Sheet:
    text = _decode(data)
    if "\x00" in text:
        msg = "binary data, not CSV text (文件含有二进制内容，不是CSV)"
        raise WorkbookError(msg)
    delimiter = _delimiter(text)
    rows: list[list[Any]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append([unquote(value) if value.strip() else None for value in row])
            if len(rows) * max(len(row), 1) > MAX_CELLS:
                msg = f"more than {MAX_CELLS} cells (表格范围过大)"
                raise WorkbookError(msg, line=len(rows))
    except csv.Error as error:
        msg = f"not readable CSV (CSV格式错误): {error}"
        raise WorkbookError(msg, line=len(rows) + 1) from None
    return Sheet("", rows)


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030: what Excel and WPS save on Chinese Windows."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" export
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    msg = "text in neither UTF-8 nor GB18030 (无法识别文本编码)"
    raise WorkbookError(msg)


def _delimiter(text: str) -> str:
    """Comma, tab or semicolon: whichever the first lines use most outside quoted fields."""
    head = _QUOTED.sub("", "\n".join(text[:8192].splitlines()[:5]))
    counts = {sep: head.count(sep) for sep in (",", "\t", ";")}
    return max(counts, key=lambda sep: counts[sep]) if any(counts.values()) else ","


_QUOTED = re.compile(r'"[^"]*"')


# --- helpers -----------------------------------------------------------------------------


def _too_big(what: str, size: int, limit: int) -> WorkbookError:
    return WorkbookError(f"{what} of {size:,} bytes exceeds the limit of {limit:,} (文件过大)")
