"""Activity lists (活动安排, 推荐清单) in workbooks and CSV files, read by their header labels.

:func:`load_activities` reads the two layouts notices attach: schedules (活动名称 / 内容 /
时间 / 地点 / 举办单位, grouped under section rows such as ``一、主场活动``) and recommended
lists (序号 / 推荐活动 / 举办地点 / 推荐单位, "same as above" cells merged). Columns are
found by their labels, wherever the header row stands; see ``docs/activities.md``.
:func:`write_activities` writes a plain list that reads back to the same activities.

Rules the reader follows, so that nothing is guessed silently:

- Merged cells are filled down with their first value; a blank cell that is not merged
  stays blank (in CSV nothing is merged: a blank place or unit is no place or unit).
- Text loses the line breaks and spaces of PDF wrapping: white space between two CJK
  characters goes, elsewhere it becomes one space.
- Units and venues split at ``、，,;；/`` and line breaks outside brackets, and at a space
  that follows a complete name (one ending in 会, 局, 委, 馆, …); any other space is wrapping.
- A 时间 that is no date phrase, a 形式 that names neither 线上 nor 线下, and columns the
  model has no field for (备注, 联系人, …) are kept in ``description`` as ``时间：待定``.

What a written list carries (the round-trip projection): tidy text (names, description,
section, audience), windows (all but the phrase they were read from) and modes in full;
venues, organizers and recommending units by name only.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import attrs
from pydantic import ValidationError

from sci_workers_day.dates import DateWindow
from sci_workers_day.errors import DatePhraseError, WorkbookError
from sci_workers_day.formats._grid import Sheet, cell_name, read_book
from sci_workers_day.formats._text import safe_text, safe_text_cell, split_outside_brackets
from sci_workers_day.model.activity import Activity, ActivityMode
from sci_workers_day.phrases import parse_window

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["load_activities", "write_activities"]

# Header labels (folded: NFKC, no white space) → the field the column fills.
_LABELS = {
    "number": ("序号",),
    "name": ("活动名称", "推荐活动", "活动项目", "项目名称", "名称"),
    "description": ("内容", "活动内容"),
    "window": ("时间", "活动时间", "举办时间"),
    "venues": ("地点", "举办地点", "活动地点"),
    "organizers": ("举办单位", "主办单位", "承办单位", "牵头部门", "责任单位"),
    "recommended_by": ("推荐单位",),
    "mode": ("活动形式", "形式"),
    "audience": ("面向对象", "参与对象"),
    "section": ("栏目",),
}
_FIELD_OF = {label: field for field, labels in _LABELS.items() for label in labels}
_LISTS = frozenset({"venues", "organizers", "recommended_by"})
_MODES = {
    ActivityMode.ONLINE: "线上",
    ActivityMode.OFFLINE: "线下",
    ActivityMode.HYBRID: "线上线下",
}
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# 一、 （一） (一) 第一: how a section heading starts when no merge shows it spans the table.
_HEADING = re.compile(
    r"(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+)"
)
_GAP = re.compile(r"\s+")
_HARD = "、，,;；/\n\r\u2028"
# A space after one of these ends a unit's or venue's name; after anything else it is a line
# wrap inside one name (山西农业大学高粱 研究所), as PDF extraction leaves them.
_NAME_END = re.compile(r"(?<=[会协联局委部厅院所馆站队校心司府办处室社团组园场厂宫学地])\s+")

_WRITTEN = (
    ("序号", "number", 6),
    ("活动名称", "name", 36),
    ("内容", "description", 50),
    ("时间", "window", 24),
    ("地点", "venues", 30),
    ("举办单位", "organizers", 30),
    ("推荐单位", "recommended_by", 30),
    ("形式", "mode", 10),
    ("面向对象", "audience", 16),
    ("栏目", "section", 24),
)


@attrs.frozen
class _Column:
    """A table column: where it is, the field it fills (``extra`` for none) and its label."""

    index: int
    field: str
    label: str


def load_activities(path: str | os.PathLike[str], *, year: int | None = None) -> list[Activity]:
    """Read the activities of every sheet of an ``.xlsx``, ``.xlsm``, ``.xls`` or ``.csv`` file.

    The format is told by the content. A sheet's 时间 phrases take their year from the
    title above the header (``2024 晋中市科技活动周…``), else from the phrase itself, else
    from ``year``. Sheets without a header row are skipped.

    Raises :class:`~sci_workers_day.WorkbookError` naming the file, sheet and cell when the
    file cannot be read, no sheet has a header with an activity-name column, or a row has
    values but no name.
    """
    file = Path(path)
    book = read_book(file)
    activities: list[Activity] = []
    found = False
    for sheet in book.sheets:
        try:
            read = _read_sheet(sheet, year)
        except WorkbookError as error:
            raise error.at(file=file.name, sheet=sheet.name or None) from None
        if read is not None:
            found = True
            activities.extend(read)
    if not found:
        only = book.sheets[0].name if len(book.sheets) == 1 else None
        msg = (
            "no header row with an activity-name column such as 活动名称 or 推荐活动 "
            "(找不到活动名称列)"
        )
        raise WorkbookError(msg, file=file.name, sheet=only or None)
    return activities


def read_table(rows: Sequence[Sequence[str]], year: int | None) -> list[Activity] | None:
    """The activities of a table written out as text (a notice's tab-separated attachment).

    Text has no merged cells; a blank time, place or unit under a filled one means "as
    above", as the merged cell it was in the document did. ``None`` when no row is a header.
    """
    sheet = Sheet("", [[cell or None for cell in row] for row in rows])
    found = _header(sheet)
    if found is None:
        return None
    header, columns = found
    merged = []
    for column in (c.index for c in columns if c.field in _LISTS | {"window"}):
        start = None
        for row in range(header + 1, len(rows) + 1):
            blank = row < len(rows) and _text(_at(sheet.rows[row], column)) is None
            if blank and start is None and row > header + 1:
                start = row - 1
            elif not blank and start is not None:
                merged.append((start, column, row - 1, column))
                start = None
    return _read_sheet(attrs.evolve(sheet, merged=tuple(merged)), year)


def _read_sheet(sheet: Sheet, year: int | None) -> list[Activity] | None:
    """The sheet's activities, or ``None`` when it has no header row."""
    found = _header(sheet)
    if found is None:
        return None
    header, columns = found
    year = _title_year(sheet, header) or year
    name_column = next(column.index for column in columns if column.field == "name")
    values = _filled(sheet)
    activities = []
    section = None
    for row in range(header + 1, len(values)):
        heading = _heading(sheet, row)
        if heading is not None:
            section = heading
            continue
        if _fold(_at(values[row], name_column)) in _LABELS["name"]:
            continue  # the header again, at the top of a new page
        if all(
            _text(_at(sheet.rows[row], c.index)) is None for c in columns if c.field != "number"
        ):
            continue  # blank, or a 序号 alone: no activity
        activities.append(_activity(row, values[row], columns, section=section, year=year))
    return activities


def _header(sheet: Sheet) -> tuple[int, list[_Column]] | None:
    """The first row with a name label, and its columns; ``None`` if there is none."""
    for row, cells in enumerate(sheet.rows):
        fields = [_FIELD_OF.get(_fold(value)) for value in cells]
        if "name" not in fields:
            continue
        columns = []
        taken = set()
        for index, (value, known) in enumerate(zip(cells, fields, strict=True)):
            label = _text(value)
            if label is None:
                continue
            # A second column for a one-valued field (two 内容) is kept like an unknown one.
            field = "extra" if known is None or (known in taken and known not in _LISTS) else known
            taken.add(field)
            columns.append(_Column(index, field, label))
        return row, columns
    return None


def _title_year(sheet: Sheet, header: int) -> int | None:
    """A four-digit year in the sheet's name, title rows or header, if any."""
    texts = [sheet.name, *(str(v) for row in sheet.rows[: header + 1] for v in row if v)]
    for text in texts:
        match = _YEAR.search(text)
        if match:
            return int(match[1])
    return None


def _filled(sheet: Sheet) -> list[list[Any]]:
    """The sheet's values with each merged range's value filled down its first column.

    Only the first column: a range merged across columns holds one value, for the column
    it starts in.
    """
    values = [list(row) for row in sheet.rows]
    for first_row, column, last_row, _last_column in sheet.merged:
        value = sheet.value(first_row, column)
        for row in range(first_row + 1, min(last_row + 1, len(values))):
            cells = values[row]
            cells.extend([None] * (column + 1 - len(cells)))
            cells[column] = value
    return values


def _heading(sheet: Sheet, row: int) -> str | None:
    """The section a row heads: its only value, merged across columns or numbered 一、."""
    present = [(c, v) for c, v in enumerate(sheet.rows[row]) if _text(v) is not None]
    if len(present) != 1 or not isinstance(present[0][1], str):
        return None
    column, value = present[0]
    spans = any(
        first_row == row and first == column and last > first
        for first_row, first, _last_row, last in sheet.merged
    )
    text = _tidy(value)
    numbered = _HEADING.match(text)
    if numbered:  # the ordinal is the notice's layout, not part of the section's name
        return text[numbered.end() :] or text
    return text if spans else None


def _activity(
    row: int, cells: Sequence[Any], columns: list[_Column], *, section: str | None, year: int | None
) -> Activity:
    """One row as an activity; values that fit no field go to ``description``."""
    data: dict[str, Any] = {"section": section}
    extras = []
    where: dict[str, int] = {}  # the column each field was read from, to name a refused value
    for column in columns:
        value = _at(cells, column.index)
        text = _text(value)
        if text is None or column.field == "number":
            continue
        where.setdefault(column.field, column.index)
        if column.field in _LISTS:  # the raw text: its spaces and line breaks may separate
            names = split_names(value if isinstance(value, str) else text)
            data[column.field] = [*data.get(column.field, []), *({"name": n} for n in names)]
            continue
        typed = _typed(column.field, value, text, year)
        if typed is None:
            extras.append(f"{column.label}：{text}")
        else:
            data[column.field] = typed
    if "name" not in data:
        name_column = next(c.index for c in columns if c.field == "name")
        msg = "a row with values but no activity name (活动名称为空)"
        raise WorkbookError(msg, cell=cell_name(row, name_column))
    if extras:
        data["description"] = "；".join([*filter(None, [data.get("description")]), *extras])
    try:
        return Activity.model_validate(data)
    except ValidationError as error:
        detail = error.errors()[0]
        field = str(detail["loc"][0])
        msg = f"{field} = {detail.get('input')!r}: {detail['msg']} (数值无效)"
        cell = cell_name(row, where.get(field, where["name"]))
        raise WorkbookError(msg, cell=cell) from None


def _typed(field: str, value: Any, text: str, year: int | None) -> Any:
    """A cell's value for a one-valued field; ``None`` when it cannot be one."""
    if field == "window":
        return _window(value, text, year)
    if field == "mode":
        return read_mode(text)
    return None if field == "extra" else text


def _window(value: Any, text: str, year: int | None) -> DateWindow | None:
    """A 时间 cell as a window: a date cell is its day; text is read as a date phrase."""
    if isinstance(value, dt.datetime):
        time = value.time() if value.time() != dt.time() else None
        return DateWindow(value.date(), value.date(), start_time=time)
    if isinstance(value, dt.date):
        return DateWindow.day(value)
    try:
        return parse_window(text, year=year)
    except DatePhraseError:
        return None


def read_mode(text: str) -> ActivityMode | None:
    online, offline = "线上" in text, "线下" in text
    if online and offline:
        return ActivityMode.HYBRID
    if online or offline:
        return ActivityMode.ONLINE if online else ActivityMode.OFFLINE
    return None


def split_names(text: str) -> list[str]:
    """The units (or venues) one cell names, split as the module's notes say."""
    parts = split_outside_brackets(text, _HARD)
    names = (_tidy(name) for part in parts for name in _NAME_END.split(part.strip()))
    return [name for name in names if name]


# --- cell values --------------------------------------------------------------------------


def _at(cells: Sequence[Any], column: int) -> Any:
    return cells[column] if column < len(cells) else None


def _text(value: Any) -> str | None:
    """A cell as tidy text; ``None`` when blank. Whole numbers lose their ``.0``."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, dt.date):
        value = value.isoformat()
    return _tidy(str(value)) or None


def _fold(value: Any) -> str:
    """A header label as compared: NFKC, without white space."""
    return _GAP.sub("", unicodedata.normalize("NFKC", value)) if isinstance(value, str) else ""


def _tidy(text: str) -> str:
    """White space as PDF wrapping leaves it, undone: gone between CJK, else one space."""
    text = text.strip()
    return _GAP.sub(lambda gap: _gap(text, gap.start(), gap.end()), text)


def _gap(text: str, start: int, end: int) -> str:
    return "" if _wide(text[start - 1]) and _wide(text[end]) else " "


def _wide(char: str) -> bool:
    # Curly quotes are "ambiguous" width, but in Chinese text they are set wide.
    return unicodedata.east_asian_width(char) in {"W", "F"} or char in "“”‘’"


# --- writing ------------------------------------------------------------------------------


def write_activities(
    activities: Iterable[Activity], path: str | os.PathLike[str], *, title: str | None = None
) -> None:
    """Write activities as a list in ``.xlsx`` or ``.csv`` (UTF-8 with a byte-order mark).

    One header row (序号, 活动名称, 内容, 时间, 地点, 举办单位, 推荐单位, 形式, 面向对象,
    栏目), under ``title`` when given; windows as their canonical Chinese phrase, several
    venues or units joined with ``、``. Text that a spreadsheet would run as a formula is
    stored as text. :func:`load_activities` reads the file back to equal activities within
    the module's projection.
    """
    file = Path(path)
    rows = [_row(number, activity) for number, activity in enumerate(activities, start=1)]
    suffix = file.suffix.lower()
    if suffix == ".csv":
        _write_csv(rows, file, title)
    elif suffix in {".xlsx", ".xlsm"}:
        _write_workbook(rows, file, title)
    else:
        msg = f"cannot write activities as {suffix or 'a file without suffix'}; use .xlsx or .csv"
        raise ValueError(msg)


def _row(number: int, activity: Activity) -> list[int | str | None]:
    """An activity's cells in the order of the written header."""
    cells: list[int | str | None] = [number]
    for _label, field, _width in _WRITTEN[1:]:
        value = getattr(activity, field)
        if field in _LISTS:
            value = "、".join(item.name for item in value) or None
        elif field == "window" and value is not None:
            value = value.to_chinese()
        elif field == "mode" and value is not None:
            value = _MODES[value]
        cells.append(value)
    return cells


def _write_csv(rows: list[list[int | str | None]], file: Path, title: str | None) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if title:
        writer.writerow([safe_text(title)])
    writer.writerow([label for label, _field, _width in _WRITTEN])
    for row in rows:
        writer.writerow(["" if v is None else safe_text(str(v)) for v in row])
    # The byte-order mark is what Excel needs to open Chinese CSV without mojibake.
    file.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")


def _write_workbook(rows: list[list[int | str | None]], file: Path, title: str | None) -> None:
    from openpyxl import Workbook  # noqa: PLC0415  (heavy: loaded only to write a workbook)
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    book = Workbook()
    sheet = cast("Worksheet", book.active)  # a new workbook always has its first sheet
    sheet.title = "活动"
    top = 1
    if title:
        safe_text_cell(sheet.cell(1, 1), title)
        sheet.cell(1, 1).font = Font(bold=True, size=14)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(_WRITTEN))
        top = 2
    wrap = Alignment(wrap_text=True, vertical="top")
    for column, (label, _field, width) in enumerate(_WRITTEN, start=1):
        sheet.cell(top, column, label).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(column)].width = width
    for row, values in enumerate(rows, start=top + 1):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column)
            safe_text_cell(cell, value)
            cell.alignment = wrap
    sheet.freeze_panes = f"A{top + 1}"  # the header stays in view
    book.save(file)
