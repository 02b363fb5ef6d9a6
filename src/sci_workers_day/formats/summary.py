"""The summary table (汇总表) a city or province makes of its units' returns.

One row per unit, one column per figure under its group, a 合计 row of exact sums, and, when
a validation report is given, a sheet listing its findings.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sci_workers_day.formats._sheets import cell_value, write_findings
from sci_workers_day.formats._text import safe_text, safe_text_cell
from sci_workers_day.model.returns import FIGURES, StatisticsReturn
from sci_workers_day.report import Report
from sci_workers_day.rollup import aggregate

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["write_summary"]

_GROUP_NAMES = {
    "activity_count": "科普活动开展次数",
    "funding": "活动经费投入数量（万元）",
    "staff": "科普工作人员参与数量（人次）",
    "public": "科普活动群众参与数量（人次）",
    "publicity": "宣传报道情况",
    "opened": "开放活动的场馆、科研机构、大学数量（个）",
}
_COLUMNS = [figure for figure in FIGURES if not figure.is_total]


def write_summary(
    returns: Iterable[StatisticsReturn],
    path: str | os.PathLike[str],
    *,
    report: Report | Iterable[Report] | None = None,
) -> None:
    """Write the units' returns as one table (``.xlsx`` or ``.csv``) with a 合计 row.

    Rows keep the order given; a blank figure stays blank, and the 合计 of a column is blank
    only when every unit left it blank (:func:`~sci_workers_day.aggregate`). With ``report``
    (one report, or one per file), an ``.xlsx`` gets a second sheet, 校验结果, listing every
    finding with its source and cell.
    """
    file = Path(path)
    rows = list(returns)
    reports = [report] if isinstance(report, Report) else list(report or ())
    suffix = file.suffix.lower()
    if suffix == ".csv":
        _write_csv(rows, file)
    elif suffix in {".xlsx", ".xlsm"}:
        _write_workbook(rows, reports, file)
    else:
        what = suffix or "a file without suffix"
        msg = f"cannot write a summary as {what}; use .xlsx or .csv"
        raise ValueError(msg)


def _records(rows: Sequence[StatisticsReturn]) -> list[list[Any]]:
    """序号, 填表单位 and each figure, per unit and then the 合计 row."""
    records: list[list[Any]] = []
    for index, statistics in enumerate(rows, start=1):
        figures = statistics.figures()
        records.append(
            [index, statistics.reporting_unit.name, *(figures[f.path] for f in _COLUMNS)]
        )
    if rows:
        total = aggregate(rows).figures()
        records.append(["", "合计", *(total[f.path] for f in _COLUMNS)])
    return records


def _headers() -> tuple[list[str], list[str]]:
    """The group row and the figure row of the header."""
    groups = ["序号", "填表单位"]
    labels = ["", ""]
    for figure in _COLUMNS:
        group = figure.path.split(".")[0]
        groups.append(_GROUP_NAMES[group])
        unit = f"（{figure.unit}）" if group in {"publicity"} else ""
        labels.append("" if group == "activity_count" else figure.label + unit)
    return groups, labels


def _write_csv(rows: Sequence[StatisticsReturn], file: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(_headers())
    for record in _records(rows):
        writer.writerow(
            [
                safe_text(value) if isinstance(value, str) else ("" if value is None else value)
                for value in record
            ]
        )
    # UTF-8 with a byte-order mark: what Excel needs to open Chinese CSV without mojibake.
    file.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")


def _write_workbook(rows: Sequence[StatisticsReturn], reports: list[Report], file: Path) -> None:
    from openpyxl import Workbook  # noqa: PLC0415  (heavy: loaded only to write a workbook)
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415

    book = Workbook()
    sheet = cast("Worksheet", book.active)  # a new workbook always has its first sheet
    sheet.title = "汇总表"
    groups, labels = _headers()
    bold = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for column, (group, label) in enumerate(zip(groups, labels, strict=True), start=1):
        for row, text in ((1, group), (2, label)):
            cell = sheet.cell(row, column, text or None)
            cell.font = bold
            cell.alignment = centre
    _merge_header(sheet, groups, labels)
    for row, record in enumerate(_records(rows), start=3):
        for column, value in enumerate(record, start=1):
            safe_text_cell(sheet.cell(row, column), cell_value(value))
        if record[1] == "合计" and record[0] == "":
            for column in range(1, len(record) + 1):
                sheet.cell(row, column).font = bold
    sheet.freeze_panes = "C3"
    sheet.column_dimensions["B"].width = 28
    if reports:
        write_findings(book, reports)
    book.save(file)


def _merge_header(sheet: Worksheet, groups: list[str], labels: list[str]) -> None:
    """Each group label across its figures; a column without a second row merged down."""
    start = 0
    for column in range(1, len(groups) + 1):
        if column == len(groups) or groups[column] != groups[start]:
            if column - start > 1:
                sheet.merge_cells(start_row=1, start_column=start + 1, end_row=1, end_column=column)
            elif not labels[start]:
                sheet.merge_cells(
                    start_row=1, start_column=start + 1, end_row=2, end_column=start + 1
                )
            start = column
