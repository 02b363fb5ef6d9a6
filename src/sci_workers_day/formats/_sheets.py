"""What every workbook we write shares: how a figure goes into a cell, the findings sheet."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sci_workers_day.formats._text import safe_text_cell
from sci_workers_day.report import Report

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

__all__ = ["FINDINGS_SHEET", "cell_value", "write_findings"]

FINDINGS_SHEET = "校验结果"


def cell_value(value: Any) -> Any:
    """A figure as a cell should hold it: a number when a double holds it exactly, else text.

    Excel keeps numbers as doubles; a Decimal a double cannot hold (or an integer beyond
    2⁵³) is written as text so that reading it back gives the same value.
    """
    if isinstance(value, Decimal):
        as_float = float(value)
        if Decimal(repr(as_float)) == value:
            return int(value) if value == value.to_integral_value() else as_float
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 2**53:
        return str(value)
    return value


def write_findings(book: Workbook, reports: Iterable[Report]) -> None:
    """Add a sheet (校验结果) listing every finding of ``reports`` with its source and cells."""
    from openpyxl.styles import Font  # noqa: PLC0415  (heavy: loaded only to write a workbook)

    title = FINDINGS_SHEET
    while title in book.sheetnames:
        title += "_"
    sheet = book.create_sheet(title)
    headers = ("来源", "级别", "规则", "单元格", "位置", "说明", "Message")
    for column, header in enumerate(headers, start=1):
        sheet.cell(1, column, header).font = Font(bold=True)
    row = 2
    for report in reports:
        for finding in report.findings:
            values = (
                report.source or "",
                finding.severity.label,
                finding.code,
                "、".join(finding.cells),
                "、".join(finding.paths),
                finding.message,
                finding.message_en,
            )
            for column, value in enumerate(values, start=1):
                safe_text_cell(sheet.cell(row, column), value)
            row += 1
    for letter, width in zip("ABCDEFG", (24, 8, 26, 16, 26, 60, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
