"""A marked-up copy of a submitted workbook: each finding's cell filled and commented.

The unit gets its own file back, fixes the marked cells and sends it again. An ``.xlsx``
or ``.xlsm`` keeps everything it had (styles, formulas, macros); an ``.xls`` or CSV file
is rebuilt as ``.xlsx`` from its values and merged cells, since nothing can edit it in place.
"""

from __future__ import annotations

import io
import os
import warnings
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sci_workers_day.errors import WorkbookError
from sci_workers_day.formats._grid import Book, read_book, require_safe_xlsx
from sci_workers_day.formats._sheets import write_findings
from sci_workers_day.formats._text import safe_text_cell
from sci_workers_day.report import Finding, Report, Severity

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

__all__ = ["annotate_workbook"]

_FILLS = {Severity.ERROR: "FFC7CE", Severity.WARNING: "FFEB9C", Severity.INFO: "DDEBF7"}


def annotate_workbook(
    source: str | os.PathLike[str], report: Report, target: str | os.PathLike[str]
) -> Path:
    """Copy ``source`` to ``target`` with each finding of ``report`` marked where it applies.

    A cell a finding names is filled (red for an error, yellow for a warning, blue for a
    note) and carries a comment with the Chinese message of every finding on it. A sheet
    named 校验结果 lists every finding, including those without a cell. ``target`` gets
    ``.xlsx`` (``.xlsm`` for a macro workbook) whatever suffix it was given; the path written
    is returned. Raises :class:`~sci_workers_day.WorkbookError` when ``source`` cannot be read.
    """
    file = Path(source)
    book, macros = _open(file)
    out = Path(target).with_suffix(".xlsm" if macros else ".xlsx")
    if out.resolve() == file.resolve():
        msg = "the annotated copy must not overwrite the submitted file (不能覆盖原文件)"
        raise ValueError(msg)
    _mark(book, report.findings)
    write_findings(book, [report])
    book.save(out)
    return out


def _open(file: Path) -> tuple[Workbook, bool]:
    """The workbook to annotate, and whether it keeps macros."""
    import openpyxl  # noqa: PLC0415  (heavy: loaded only to edit a workbook)

    try:
        data = file.read_bytes()
    except OSError as error:
        msg = f"cannot read the file (无法读取文件): {error.strerror or error}"
        raise WorkbookError(msg, file=file.name) from error
    if data.startswith(b"PK\x03\x04"):
        require_safe_xlsx(data, file.name)
        macros = b"vbaProject.bin" in data
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # extensions openpyxl drops: see _grid
                return openpyxl.load_workbook(io.BytesIO(data), keep_vba=macros), macros
        except Exception as error:  # openpyxl raises anything from KeyError to TypeError
            msg = f"a damaged or unsupported workbook (工作簿已损坏或格式不受支持): {error}"
            raise WorkbookError(msg, file=file.name) from None
    return _rebuild(read_book(file, data)), False


def _rebuild(book: Book) -> Workbook:
    """An ``.xlsx`` holding an ``.xls`` or CSV file's values and merged cells."""
    from openpyxl import Workbook  # noqa: PLC0415

    result = Workbook()
    result.remove(result.worksheets[0])
    for index, sheet in enumerate(book.sheets):
        target = result.create_sheet(sheet.name or f"Sheet{index + 1}")
        for r, row in enumerate(sheet.rows):
            for c, value in enumerate(row):
                if value is not None:
                    safe_text_cell(target.cell(r + 1, c + 1), value)
        for top, left, bottom, right in sheet.merged:
            target.merge_cells(
                start_row=top + 1, start_column=left + 1, end_row=bottom + 1, end_column=right + 1
            )
    return result


def _mark(book: Workbook, findings: Iterable[Finding]) -> None:
    from openpyxl.comments import Comment  # noqa: PLC0415
    from openpyxl.styles import PatternFill  # noqa: PLC0415

    by_cell: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    first = book.worksheets[0].title
    for finding in findings:
        for cell in finding.cells:
            sheet_name, _, name = cell.rpartition("!")
            by_cell[(sheet_name or first, name)].append(finding)
    for (sheet_name, name), found in by_cell.items():
        if sheet_name not in book.sheetnames:
            continue  # a report about another file: nothing here to mark
        cell = _top_left(book[sheet_name], name)
        worst = min(found, key=lambda f: list(Severity).index(f.severity)).severity
        cell.fill = PatternFill("solid", start_color=_FILLS[worst], end_color=_FILLS[worst])
        text = "\n".join(f"【{f.severity.label}】{f.message}" for f in found)
        cell.comment = Comment(text, "sci_workers_day", width=320, height=40 + 20 * len(found))


def _top_left(sheet: Any, name: str) -> Any:
    """The cell to mark: a merged range's top-left cell is the only one that can hold it."""
    for merged in sheet.merged_cells.ranges:
        if name in merged:
            return sheet.cell(merged.min_row, merged.min_col)
    return sheet[name]
