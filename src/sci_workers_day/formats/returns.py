"""The return form in every format: the blank template, a filled return, and reading one back.

:func:`write_return_template` lays the form out as attachment 1 of 市科发〔2024〕13号 does;
:func:`write_return` fills it (``.xlsx`` or ``.csv``) or writes the model's JSON;
:func:`load_return` reads any of them, and the variants units really send, by label.

What the form holds is the return's content: the unit's name (and division code when
known), the campaign title, the date and every figure. Other details of the reporting unit
(its kind, level, aliases) travel only in JSON.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast

from pydantic import ValidationError

from sci_workers_day.errors import ParseError, WorkbookError
from sci_workers_day.formats import _json
from sci_workers_day.formats._form import NONE_TOKENS, FormReading, read_form
from sci_workers_day.formats._grid import read_book, sniff
from sci_workers_day.formats._sheets import cell_value
from sci_workers_day.formats._text import safe_text, safe_text_cell
from sci_workers_day.model.campaign import Campaign
from sci_workers_day.model.organizer import Organizer
from sci_workers_day.model.returns import FIGURES, Figure, StatisticsReturn

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["NONE_TOKENS", "load_return", "write_return", "write_return_template"]


def load_return(
    path: str | os.PathLike[str], *, reporting_unit: Organizer | str | None = None
) -> StatisticsReturn:
    """Read a return from ``.xlsx``, ``.xlsm``, ``.xls``, ``.csv`` or ``.json``.

    The format is told by the file's content (a renamed ``.xls`` still reads). Workbooks and
    CSV files are read by their row labels, wherever the layout puts them; see
    :doc:`/formats`. ``reporting_unit`` names the unit when the form's 填表单位 is blank.

    Raises :class:`~sci_workers_day.WorkbookError` (a :class:`~sci_workers_day.ParseError`)
    naming the file, sheet and cell when the file cannot be read or a value cannot be taken;
    use :func:`~sci_workers_day.validate` on the path to get every problem as a finding.
    """
    file = Path(path)
    data, cells, _formulas = read_return_data(file)
    if reporting_unit is not None and "reporting_unit" not in data:
        unit = reporting_unit if isinstance(reporting_unit, Organizer) else None
        data["reporting_unit"] = unit or {"name": str(reporting_unit)}
    try:
        return StatisticsReturn.model_validate(data)
    except ValidationError as error:
        raise _refusal(error, cells, file.name) from None


def read_return_data(path: Path) -> tuple[Any, dict[str, str], frozenset[str]]:
    """A return file's raw data, the cell of each path and the paths read from formulas."""
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError as error:
        msg = f"cannot read the file (无法读取文件): {error.strerror or error}"
        raise WorkbookError(msg, file=path.name) from error
    try:
        kind = sniff(head, path.suffix.lower())
    except WorkbookError as error:
        raise error.at(file=path.name) from None
    if kind == "json":
        try:
            data = _json.read_data(path)
        except ParseError as error:
            raise error.at(file=path.name) from None
        return data, {}, frozenset()
    book = read_book(path)
    try:
        form: FormReading = read_form(book)
    except WorkbookError as error:
        raise error.at(file=path.name) from None
    return form.data, form.cells, form.formulas


def _refusal(error: ValidationError, cells: dict[str, str], file: str) -> WorkbookError:
    """One error naming every value the model refused, located at the first one's cell."""
    problems = []
    first_cell = None
    for detail in error.errors():
        path = ".".join(str(part) for part in detail["loc"])
        cell = _cell_of(path, cells)
        first_cell = first_cell or cell
        value = detail.get("input")
        where = f" ({cell})" if cell else ""
        if detail["type"] == "missing" and path == "reporting_unit":
            problems.append(f"填表单位 is blank{where} (未填写填表单位)")
        elif detail["type"] == "extra_forbidden":
            problems.append(f"a row the form does not have: {path!r}{where} (表中有无法识别的项目)")
        else:
            problems.append(f"{path} = {value!r}{where}: {detail['msg']} (数值无效)")
    sheet, _, cell = (first_cell or "").rpartition("!")
    return WorkbookError("; ".join(problems), file=file, sheet=sheet or None, cell=cell or None)


def _cell_of(path: str, cells: dict[str, str]) -> str | None:
    while path:
        if path in cells:
            return cells[path]
        path = path.rpartition(".")[0]
    return None


# --- writing -----------------------------------------------------------------------------


def write_return(statistics_return: StatisticsReturn, path: str | os.PathLike[str]) -> None:
    """Write a return as the filled form (``.xlsx``, ``.csv``) or as its JSON (``.json``).

    Each reads back with :func:`load_return` to an equal return (for ``.xlsx`` and ``.csv``:
    the reporting unit's name and division code; see the module's note).
    """
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix == ".json":
        file.write_text(statistics_return.model_dump_json(indent=2) + "\n", encoding="utf-8")
    elif suffix == ".csv":
        _write_csv(statistics_return, file)
    elif suffix in {".xlsx", ".xlsm"}:
        _write_workbook(file, statistics_return, statistics_return.campaign_title)
    else:
        what = suffix or "a file without suffix"
        msg = f"cannot write a return as {what}; use .xlsx, .csv or .json"
        raise ValueError(msg)


def write_return_template(
    path: str | os.PathLike[str], *, campaign: Campaign | None = None
) -> None:
    """Write the blank form (``.xlsx``) for units to fill in, titled for ``campaign``.

    Laid out as attachment 1 of 市科发〔2024〕13号: the title, a 填表单位（盖章） line, the
    groups with their label merged down column A, the figure column with Excel data
    validation (whole numbers ≥ 0 for counts, decimals ≥ 0 for 万元). The sheet is
    protected with only the input cells unlocked, and prints on one A4 page.
    """
    file = Path(path)
    if file.suffix.lower() not in {".xlsx", ".xlsm"}:
        msg = f"the template is an .xlsx workbook, not {file.suffix or 'a file without suffix'}"
        raise ValueError(msg)
    _write_workbook(file, None, _campaign_title(campaign) if campaign else None)


def _campaign_title(campaign: Campaign) -> str:
    """``关于举办2024年晋中市科技活动周的通知`` → ``2024年晋中市科技活动周``."""
    title = campaign.title.strip()
    if "关于" in title:
        title = title.split("关于", 1)[1]
    for prefix in ("印发", "举办", "开展", "做好", "组织"):
        title = title.removeprefix(prefix)
    for suffix in ("的通知", "通知", "工作方案", "实施方案", "方案"):
        title = title.removesuffix(suffix)
    return title.strip('《》<>“”" ') or campaign.title


_TITLE_SUFFIX = "开展情况统计表"
_GROUP_LABELS = {
    "funding": "活动经费投入数量（单位：万元）",
    "staff": "科普工作人员参与数量（单位：人次）",
    "public": "科普活动群众参与数量（单位：人次）",
    "publicity": "宣传报道情况",
}


def _form_rows(
    statistics_return: StatisticsReturn | None,
) -> Iterator[tuple[str | None, str, Figure]]:
    """(group label or None, row label, figure) of each row the form shows, in order.

    The blank form shows no 小计 rows (the official one has none); a filled form shows a
    group's 小计 where the return states one.
    """
    stated = statistics_return.figures(totals=True) if statistics_return else {}
    for figure in FIGURES:
        group = figure.path.split(".")[0]
        if figure.is_total and stated.get(figure.path) is None:
            continue
        label = "小计" if figure.is_total else figure.label
        if group in _GROUP_LABELS:
            unit = f"（{figure.unit}）" if group == "publicity" else ""
            yield _GROUP_LABELS[group], label + unit, figure
        else:
            yield None, f"{label}（{figure.unit}）", figure


def _write_csv(statistics_return: StatisticsReturn, file: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    title = statistics_return.campaign_title or ""
    writer.writerow([safe_text(title + _TITLE_SUFFIX, quote=True), "", ""])
    for key, value in _meta(statistics_return):
        writer.writerow([key, safe_text(value, quote=True) if value else "", ""])
    writer.writerow(["类别", "项目", "数量"])
    figures = statistics_return.figures(totals=True)
    for group_label, label, figure in _form_rows(statistics_return):
        value = figures[figure.path]
        writer.writerow([group_label or "", label, "" if value is None else str(value)])
    # UTF-8 with a byte-order mark: what Excel needs to open Chinese CSV without mojibake.
    file.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")


def _meta(statistics_return: StatisticsReturn | None) -> list[tuple[str, str]]:
    unit = statistics_return.reporting_unit if statistics_return else None
    filled = statistics_return.filled_on if statistics_return else None
    rows = [
        ("填表单位（盖章）：", unit.name if unit else ""),
        ("填表日期：", filled.isoformat() if filled else ""),
    ]
    if unit and unit.region_code:
        rows.append(("行政区划代码：", unit.region_code))
    return rows


def _write_workbook(
    file: Path, statistics_return: StatisticsReturn | None, title: str | None
) -> None:
    from openpyxl import Workbook  # noqa: PLC0415  (heavy: loaded only to write a workbook)

    book = Workbook()
    sheet = cast("Worksheet", book.active)  # a new workbook always has its first sheet
    sheet.title = "统计表"
    _lay_out(sheet, statistics_return, title)
    book.save(file)


def _lay_out(
    sheet: Worksheet, statistics_return: StatisticsReturn | None, title: str | None
) -> None:
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 40
    sheet.column_dimensions["C"].width = 16
    row = _lay_out_head(sheet, statistics_return, title)
    row = _lay_out_figures(sheet, statistics_return, row)
    note = sheet.cell(
        row + 1, 1, "填表说明：没有的填0；未统计的留空。金额单位为万元，人数单位为人次。"
    )
    note.alignment = _styles().left
    sheet.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=3)
    sheet.row_dimensions[row + 1].height = 30
    _set_up_page(sheet, f"A1:C{row + 1}")


@cache
def _styles() -> SimpleNamespace:
    from openpyxl.styles import Alignment, Border, Protection, Side  # noqa: PLC0415

    thin = Side(style="thin")
    return SimpleNamespace(
        box=Border(left=thin, right=thin, top=thin, bottom=thin),
        centre=Alignment(horizontal="center", vertical="center", wrap_text=True),
        left=Alignment(horizontal="left", vertical="center", wrap_text=True),
        unlocked=Protection(locked=False),
    )


def _lay_out_head(
    sheet: Worksheet, statistics_return: StatisticsReturn | None, title: str | None
) -> int:
    """The title, the 填表单位 and 填表日期 lines and the header row; the next free row."""
    from openpyxl.styles import Font  # noqa: PLC0415

    styles = _styles()
    heading = sheet.cell(1, 1)
    safe_text_cell(heading, (title or "") + _TITLE_SUFFIX)
    heading.font = Font(bold=True, size=16)
    heading.alignment = styles.centre
    sheet.merge_cells("A1:C1")
    sheet.row_dimensions[1].height = 36
    row = 2
    for key, value in _meta(statistics_return):
        sheet.cell(row, 1, key).alignment = styles.left
        entry = sheet.cell(row, 2)
        safe_text_cell(entry, value or None)
        entry.protection = styles.unlocked
        entry.alignment = styles.left
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
        row += 1
    for column, text in enumerate(("类别", "项目", "数量"), start=1):
        header = sheet.cell(row, column, text)
        header.font = Font(bold=True)
        header.alignment = styles.centre
        header.border = styles.box
    return row + 1


def _lay_out_figures(sheet: Worksheet, statistics_return: StatisticsReturn | None, row: int) -> int:
    """A row per figure from ``row``, input cells unlocked and validated; the next free row."""
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415

    styles = _styles()
    counts = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
    amounts = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
    for validation, what in ((counts, "不小于0的整数"), (amounts, "不小于0的数（万元）")):
        validation.allow_blank = True
        validation.showErrorMessage = True
        validation.errorTitle = "数值无效"
        validation.error = f"请填写{what}；没有的填0，未统计的留空。"
        sheet.add_data_validation(validation)
    figures = statistics_return.figures(totals=True) if statistics_return else {}
    groups: dict[str, list[int]] = {}
    for group_label, label, figure in _form_rows(statistics_return):
        if group_label is None:
            sheet.cell(row, 1, label)
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        else:
            groups.setdefault(group_label, []).append(row)
            sheet.cell(row, 2, label)
        entry = sheet.cell(row, 3, cell_value(figures.get(figure.path)))
        entry.protection = styles.unlocked
        entry.number_format = "0" if figure.integral else "0.0000"
        (counts if figure.integral else amounts).add(entry)
        for column in (1, 2, 3):
            cell = sheet.cell(row, column)
            cell.border = styles.box
            cell.alignment = styles.left if column == 2 else styles.centre
        row += 1
    for group_label, rows in groups.items():  # the group label merged down column A
        sheet.cell(rows[0], 1, group_label)
        sheet.merge_cells(start_row=rows[0], start_column=1, end_row=rows[-1], end_column=1)
    return row


def _set_up_page(sheet: Worksheet, area: str) -> None:
    """Protected but for the input cells, and printed on one A4 page."""
    from openpyxl.worksheet.properties import PageSetupProperties  # noqa: PLC0415

    sheet.protection.sheet = True  # no password: it guards the layout, not a secret
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 1
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.print_area = area
