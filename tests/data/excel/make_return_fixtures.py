"""Build the return-form fixtures: the layouts units really send, saved by a real office suite.

Run from the repository root; it needs LibreOffice (``soffice`` on ``PATH``)::

    .venv/bin/python tests/data/excel/make_return_fixtures.py

Each scenario below is laid out with openpyxl in a scratch directory and then converted by
``soffice --headless --convert-to xlsx`` (``xls``, or GB18030 ``csv``) into this directory,
so the committed files hold what LibreOffice writes: its shared strings and merged ranges,
dates as it stores them and the results it computed for formulas. What each file must read
as goes to ``return_expected.json``: the return ``load_return`` must give (or the cell its
``WorkbookError`` must name) and every finding ``validate`` must report, with its cells.
The expectations are written out here by hand, never taken from the reader.

The tests read only the committed files; they never need LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "return_expected.json"
SHEET = "统计表"
# LibreOffice's CSV filter options: comma, double quote, character set 85 (GB18030).
CSV_GB18030 = "csv:Text - txt - csv (StarCalc):44,34,85"

UNIT = "晋中市榆次区科学技术协会"
TITLE = "2024年晋中市科技活动周开展情况统计表"
CAMPAIGN = "2024年晋中市科技活动周"
FILLED_ON = dt.date(2024, 6, 5)

# The figures every filled scenario starts from: path → what the unit typed.
VALUES: dict[str, Any] = {
    "activity_count": 36,
    "funding.central": 12.5,
    "funding.provincial": 8,
    "funding.municipal": 20.35,
    "funding.county": 15,
    "funding.enterprise": 3.2,
    "funding.in_kind": 1.5,
    "funding.other": 0.6,
    "staff.full_time": 25,
    "staff.sci_tech_workers": 340,
    "staff.volunteers": 120,
    "staff.others": 45,
    "public.offline": 15800,
    "public.online": 42000,
    "publicity.media_outlets": 9,
    "publicity.reports": 27,
    "opened.venues": 4,
    "opened.institutes": 3,
    "opened.universities": 2,
}
# …and how the return must read them: amounts in 万元 as exact decimal text.
READ: dict[str, Any] = {
    path: str(value) if isinstance(value, float) else value for path, value in VALUES.items()
}
TOTALS = {
    "funding.stated_total": "61.15",
    "staff.stated_total": 530,
    "public.stated_total": 57800,
    "opened.stated_total": 9,
}

# The labels of attachment 1 of 市科发〔2024〕13号 (seed 002), as the notice prints them.
SEED_GROUPS = {
    "funding": "活动经费投入数量 (单位: 万元)",
    "staff": "科普工作人员 参与数量(单位: 人次)",
    "public": "科普活动群众 参与数量(单位: 人次)",
    "publicity": "宣传报道情况",
}
SEED_LABELS = {
    "activity_count": "科普活动开展次数",
    "funding.central": "中央财政经费投入情况",
    "funding.provincial": "省级、副省级财政经费投入情况",
    "funding.municipal": "市级财政经费投入情况",
    "funding.county": "县级财政经费投入情况",
    "funding.enterprise": "企业赞助经费情况",
    "funding.in_kind": "实物投入情况(如: 捐赠图书、光盘、创新操作室等)",
    "funding.other": "其他经费情况",
    "staff.full_time": "科普专职人员数量",
    "staff.sci_tech_workers": "科技工作者参与数量",
    "staff.volunteers": "招募科技志愿者数量",
    "staff.others": "其他人员数量",
    "public.offline": "线下活动群众参与数量",
    "public.online": "线上活动群众参与数量",
    "publicity.media_outlets": "参与媒体数量",
    "publicity.reports": "宣传报道数量",
    "opened.venues": "活动周期间开放活动的科普场馆数量",
    "opened.institutes": "活动周期间开放活动的科研机构数量",
    "opened.universities": "活动周期间开放活动的大学数量",
}
UNITS = {
    "activity_count": "次",
    "funding": "万元",
    "staff": "人次",
    "public": "人次",
    "publicity.media_outlets": "个",
    "publicity.reports": "篇",
    "opened": "个",
}


def unit_of(path: str) -> str:
    """The unit the form counts a figure in."""
    return UNITS.get(path) or UNITS[path.split(".", maxsplit=1)[0]]


def group_of(path: str) -> str | None:
    """The group whose label is merged down beside the figure's row, if any."""
    group = path.split(".", maxsplit=1)[0]
    return group if group in SEED_GROUPS else None


# --- laying out a form -------------------------------------------------------------------


@dataclass
class Line:
    """One row of the form: the figure it holds, its label and the value typed."""

    path: str
    label: str
    value: Any = None
    group: str | None = None
    """The group label's key in ``Layout.groups``; rows of a group sit together."""
    number_format: str | None = None


@dataclass
class Layout:
    """Where a form puts things: the columns, the rows above and below, and the groups."""

    groups: dict[str, str] = field(default_factory=lambda: dict(SEED_GROUPS))
    above: list[list[Any]] = field(default_factory=list)
    """Rows above the figures, from row 1; a ``(text, last column)`` cell is merged across."""
    header: list[str] | None = None
    index_column: bool = False
    unit_column: bool = False
    remark_column: bool = False
    merge_groups: bool = True
    singles_across: bool = True
    """Rows without a group: the label merged across the group and label columns."""
    value_across: bool = False
    """Each value cell merged with the one to its right (a wide input box)."""
    below: list[list[Any]] = field(default_factory=list)
    first_column: int = 1
    """Where the form starts: 2 leaves column A as a margin."""

    @property
    def group_column(self) -> int:
        """The column of the group labels and of single rows' labels."""
        return self.first_column + (1 if self.index_column else 0)

    @property
    def label_column(self) -> int:
        """The column of the grouped rows' labels."""
        return self.group_column + 1

    @property
    def value_column(self) -> int:
        """The column the figures are typed in."""
        return self.label_column + (2 if self.unit_column else 1)


def lay_out(sheet: Worksheet, layout: Layout, lines: list[Line]) -> dict[str, str]:
    """Write the form; the cell of each figure's value, e.g. ``{"activity_count": "C4"}``."""
    row = _write_rows(sheet, 1, layout.above, layout.first_column)
    if layout.header:
        for column, text in enumerate(layout.header, start=layout.first_column):
            sheet.cell(row, column, text)
        row += 1
    cells: dict[str, str] = {}
    spans: dict[str, list[int]] = {}
    for number, line in enumerate(lines, start=1):
        if layout.index_column:
            sheet.cell(row, layout.first_column, number)
        if line.group is None:
            sheet.cell(row, layout.group_column, line.label)
            if layout.singles_across:
                sheet.merge_cells(
                    start_row=row,
                    start_column=layout.group_column,
                    end_row=row,
                    end_column=layout.label_column,
                )
        else:
            spans.setdefault(line.group, []).append(row)
            sheet.cell(row, layout.label_column, line.label)
        if layout.unit_column:
            sheet.cell(row, layout.value_column - 1, unit_of(line.path))
        value = sheet.cell(row, layout.value_column, line.value)
        if line.number_format:
            value.number_format = line.number_format
        if layout.value_across:
            column = layout.value_column
            sheet.merge_cells(
                start_row=row, start_column=column, end_row=row, end_column=column + 1
            )
        cells[line.path] = f"{get_column_letter(layout.value_column)}{row}"
        row += 1
    for group, rows in spans.items():
        sheet.cell(rows[0], layout.group_column, layout.groups[group])
        if layout.merge_groups and len(rows) > 1:
            sheet.merge_cells(
                start_row=rows[0],
                start_column=layout.group_column,
                end_row=rows[-1],
                end_column=layout.group_column,
            )
    _write_rows(sheet, row, layout.below, layout.first_column)
    return cells


def _write_rows(sheet: Worksheet, row: int, rows: list[list[Any]], first: int = 1) -> int:
    """Write rows of cells from ``row``; the next free row.

    Cells follow one another from column ``first``; a ``(text, last column)`` cell is merged
    across to that column and the next cell follows it.
    """
    for cells in rows:
        column = first
        for item in cells:
            value, end = item if isinstance(item, tuple) else (item, column)
            if end > column:
                sheet.merge_cells(start_row=row, start_column=column, end_row=row, end_column=end)
            cell = sheet.cell(row, column, value)
            if isinstance(value, dt.date):
                cell.number_format = 'yyyy"年"m"月"d"日"'
            column = end + 1
        row += 1
    return row


def seed_lines(
    values: dict[str, Any] | None = None,
    labels: dict[str, str] | None = None,
    *,
    totals: dict[str, tuple[str, Any, str]] | None = None,
) -> list[Line]:
    """The seed form's rows in order; ``totals`` adds a group's (label, value, where) row.

    ``where`` is ``"after"`` (a 小计 below the parts) or ``"before"`` (a 合计 above them).
    """
    values = VALUES if values is None else values
    labels = {**SEED_LABELS, **(labels or {})}
    lines = [Line(path, label, values.get(path), group_of(path)) for path, label in labels.items()]
    for group, (text, value, where) in (totals or {}).items():
        rows = [index for index, line in enumerate(lines) if line.path.startswith(f"{group}.")]
        at = rows[0] if where == "before" else rows[-1] + 1
        lines.insert(at, Line(f"{group}.stated_total", text, value, group_of(f"{group}.")))
    return lines


def new_sheet(book: Workbook, title: str = SHEET) -> Worksheet:
    """The workbook's first sheet, renamed."""
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = title
    sheet.column_dimensions["A"].width = 26
    sheet.column_dimensions["B"].width = 44
    sheet.column_dimensions["C"].width = 16
    return sheet


# --- scenarios ---------------------------------------------------------------------------


@dataclass
class Scenario:
    """A fixture: how it is built, which files it is saved as, and how it must read."""

    name: str
    build: Callable[[Workbook], dict[str, str]]
    """Lays the form out in a new workbook; returns the cell of each figure (``"C8"``)."""
    expected: Callable[[dict[str, str]], dict[str, Any]]
    """The expectations, given the figures' cells (see ``return_expected.json``)."""
    formats: tuple[str, ...] = ("xlsx",)
    known_gaps: dict[str, dict[str, str]] = field(default_factory=dict)
    """Format → {test: why}: what the library cannot do yet for that file, and why."""


def a_return(
    figures: dict[str, Any] | None = None,
    *,
    unit: str = UNIT,
    title: str | None = CAMPAIGN,
    filled_on: dt.date | None = FILLED_ON,
) -> dict[str, Any]:
    """The return a fixture must read as, in the model's JSON form (amounts as text)."""
    data: dict[str, Any] = {"reporting_unit": {"name": unit}}
    if title is not None:
        data["campaign_title"] = title
    if filled_on is not None:
        data["filled_on"] = filled_on.isoformat()
    for path, value in (READ if figures is None else figures).items():
        if value is None:
            continue
        if "." in path:
            group, name = path.split(".")
            data.setdefault(group, {})[name] = value
        else:
            data[path] = value
    return data


def finding(code: str, path: str, cells: dict[str, str], sheet: str = SHEET) -> dict[str, Any]:
    """A finding ``validate`` must report on ``path``, at its cell."""
    return {"code": code, "paths": [path], "cells": [f"{sheet}!{cells[path]}"]}


def good(
    figures: dict[str, Any] | None = None, **fields: Any
) -> Callable[[dict[str, str]], dict[str, Any]]:
    """Expectations of a fixture that reads cleanly: this return, and no finding at all."""

    def expected(_cells: dict[str, str]) -> dict[str, Any]:
        return {"return": a_return(figures, **fields), "findings": []}

    return expected


def official(book: Workbook) -> dict[str, str]:
    """Attachment 1 exactly: 附件 1, the title, 填表单位（盖章）：UNIT in one merged cell."""
    layout = Layout(
        above=[
            ["附件 1"],
            [("2024 年晋中市科技活动周开展情况统计表", 3)],
            [(f"填表单位（盖章）：{UNIT}", 3)],
        ]
    )
    return lay_out(new_sheet(book), layout, seed_lines())


def official_unit_next_cell(book: Workbook) -> dict[str, str]:
    """The seed layout with the unit typed in the cell after 填表单位（盖章）：, and a date cell."""
    layout = Layout(
        above=[
            [(TITLE, 3)],
            ["填表单位（盖章）：", (UNIT, 3)],
            ["填表日期：", FILLED_ON],
        ]
    )
    return lay_out(new_sheet(book), layout, seed_lines())


def header_and_index_column(book: Workbook) -> dict[str, str]:
    """An extra header row, a 序号 column and a 备注 column; the date in a date cell.

    The remark beside 县级财政 mentions another figure; it names no row.
    """
    layout = Layout(
        above=[
            [(TITLE, 5)],
            [(f"填表单位（盖章）：{UNIT}", 3), "填表日期：", FILLED_ON],
        ],
        header=["序号", "类别", "指标名称", "数量", "备注"],
        index_column=True,
        remark_column=True,
    )
    sheet = new_sheet(book)
    cells = lay_out(sheet, layout, seed_lines())
    sheet[cells["funding.county"].replace("D", "E")] = "含中央财政转移支付资金"
    sheet[cells["staff.volunteers"].replace("D", "E")] = "含高校学生志愿者"
    return cells


def value_in_column_d(book: Workbook) -> dict[str, str]:
    """The value in column D, a 计量单位 column in C, the date written as 2024年6月5日."""
    layout = Layout(
        above=[
            [(TITLE, 4)],
            [(f"填表单位：{UNIT}", 2), ("填表日期：2024年6月5日", 4)],
            [],
        ],
        header=["项目", "指标", "计量单位", "数量"],
        unit_column=True,
    )
    return lay_out(new_sheet(book), layout, seed_lines())


LABEL_VARIANTS = {
    "activity_count": "一、科普活动开展次数（次）",
    "funding.central": "1.中央财政经费投入情况（万元）",
    "funding.provincial": "2．省级，副省级财政经费投入情况",
    "funding.municipal": "（三）市级财政经费  投入情况",
    "funding.county": "其中：县级财政经费投入情况(万元)",
    "funding.enterprise": "企业赞助经费情况：",
    "funding.in_kind": "实物投入情况\n（如：捐赠图书、光盘、创新操作室等）",
    "funding.other": "⑦其他经费情况",
    "staff.full_time": "科普专职人员 数量（人次）",
    "staff.sci_tech_workers": "科技工作者\u3000参与数量",
    "staff.volunteers": "招募科技\u200b志愿者数量(人次)",
    "staff.others": "其它人员数量",
    "public.offline": "线下活动群众\n参与数量（人次）",
    "public.online": "线上活动群众参与数量（人次）",
    "publicity.media_outlets": "参与媒体数量（个）",
    "publicity.reports": "宣传报道数量（篇）",
    "opened.venues": "二、活动周期间开放活动的 科普场馆数量（个）",
    "opened.institutes": "三、活动周期间开放活动的科研机构数量（个）",
    "opened.universities": "四、活动周期间开放活动的大学数量（个）",
}


def label_variants(book: Workbook) -> dict[str, str]:
    """Labels as units retype them: full-width punctuation, spaces, line breaks, units, ①.

    The title ends with the unit's district in brackets, a remark follows one value.
    """
    layout = Layout(
        groups={
            "funding": "活动经费投入数量\n（单位：万元）",
            "staff": "科普工作人员  参与数量（单位：人次）",
            "public": "科普活动群众参与数量（单位：人次）",
            "publicity": "宣传报道情况",
        },
        above=[
            [(f"{TITLE}（榆次区）", 3)],
            [(f"填表单位（盖章）： {UNIT} ", 2), "填表日期：2024.6.5"],
        ],
    )
    sheet = new_sheet(book)
    cells = lay_out(sheet, layout, seed_lines(labels=LABEL_VARIANTS))
    # A remark typed right of a value, no 备注 column: it mentions a figure but names no row.
    sheet[cells["funding.county"].replace("C", "D")] = "含中央财政补助5万元"
    return cells


def groups_not_merged(book: Workbook) -> dict[str, str]:
    """Group labels written once, not merged; single rows not merged; a blank date line."""
    layout = Layout(
        above=[
            [TITLE],
            [f"填表单位（盖章）：{UNIT}"],
            ["填表日期：    年   月   日"],
        ],
        merge_groups=False,
        singles_across=False,
        below=[[], ["填表人：王芳", None, "联系电话：0354-3260266"]],
    )
    return lay_out(new_sheet(book), layout, seed_lines())


def meta_variants(book: Workbook) -> dict[str, str]:
    """附件1： before the title, 填 表 单 位 spaced out, （盖章） after the unit, 二〇二四年….

    The value cells are merged two wide, and notes and a 填表人 line follow the form.
    """
    layout = Layout(
        above=[
            [("附件1：2024 年晋中市科技活动周开展情况统计表", 4)],
            ["填 表 单 位：", f"{UNIT}（盖章）", ("填表日期：二〇二四年六月五日", 4)],
        ],
        value_across=True,
        below=[
            [("注：1.实物投入情况请折算为万元填报；2.没有的填0，未统计的留空。", 4)],
            [("填表人：王芳      审核人：李强      联系电话：0354-3260266", 4)],
        ],
    )
    return lay_out(new_sheet(book), layout, seed_lines())


TEXT_VALUES: dict[str, Any] = {
    "activity_count": "36",
    "funding.central": "12.5",
    "funding.provincial": " 8 ",
    "funding.municipal": "1,200.50",
    "funding.county": "１２",
    "funding.enterprise": "无",
    "funding.in_kind": "-",
    "funding.other": "6000元",
    "staff.full_time": "—",
    "staff.sci_tech_workers": "1,340",
    "staff.volunteers": "120人次",
    "staff.others": None,
    "public.offline": "1.58万",
    "public.online": "４２０００",
    "publicity.media_outlets": " ",
    "publicity.reports": "27篇",
    "opened.venues": "暂无",
    "opened.institutes": "\u3000",
    "opened.universities": "2.0",
}
TEXT_READ: dict[str, Any] = {
    "activity_count": 36,
    "funding.central": "12.5",
    "funding.provincial": "8",
    "funding.municipal": "1200.50",
    "funding.county": "12",
    "funding.enterprise": "0",
    "funding.in_kind": "0",
    "funding.other": "0.6",
    "staff.full_time": 0,
    "staff.sci_tech_workers": 1340,
    "staff.volunteers": 120,
    "staff.others": None,
    "public.offline": 15800,
    "public.online": 42000,
    "publicity.media_outlets": None,
    "publicity.reports": 27,
    "opened.venues": 0,
    "opened.institutes": None,
    "opened.universities": 2,
}


def text_numbers(book: Workbook) -> dict[str, str]:
    """Numbers stored as text: 1,200, full-width digits, units; 无/-/—/暂无; blanks and spaces."""
    layout = Layout(
        above=[[(TITLE, 3)], [(f"填表单位（盖章）：{UNIT}", 3)], ["填表日期：", "2024-06-05"]]
    )
    return lay_out(new_sheet(book), layout, seed_lines(TEXT_VALUES))


def _text_numbers_expected(cells: dict[str, str]) -> dict[str, Any]:
    blanks = [path for path, value in TEXT_READ.items() if value is None]
    return {
        "return": a_return(TEXT_READ),
        "findings": [finding("missing-value", path, cells) for path in blanks],
    }


BAD_VALUES = {
    **VALUES,
    "activity_count": "若干",
    "staff.volunteers": -3,
    "staff.others": 12.5,
    "public.online": dt.date(2024, 6, 1),
    "opened.venues": "5万元",
}
BAD_CODES = {
    "activity_count": "not-a-number",
    "staff.volunteers": "negative-value",
    "staff.others": "not-an-integer",
    "public.online": "not-a-number",
    "opened.venues": "not-a-number",
}


def bad_values(book: Workbook) -> dict[str, str]:
    """若干 for a count, a negative count, 12.5 人次, a date in a figure cell, 万元 on a count."""
    layout = Layout(above=[[(TITLE, 3)], [(f"填表单位（盖章）：{UNIT}", 3)]])
    lines = seed_lines(BAD_VALUES)
    for line in lines:
        if isinstance(line.value, dt.date):
            line.number_format = "yyyy/m/d"
    return lay_out(new_sheet(book), layout, lines)


def _bad_values_expected(cells: dict[str, str]) -> dict[str, Any]:
    return {
        "return": None,
        "error_cell": f"{SHEET}!{cells['activity_count']}",
        "error_mentions": [cells[path] for path in BAD_CODES],
        "findings": [finding(code, path, cells) for path, code in BAD_CODES.items()],
    }


def stated_totals(book: Workbook) -> dict[str, str]:
    """A 小计 row after each group's parts, a 合计 above the staff group's parts.

    The sites opened have no group label: their 合计 is a row of its own after them.
    """
    layout = Layout(
        above=[[(TITLE, 3)], [(f"填表单位（盖章）：{UNIT}", 3)], ["填表日期：2024/6/5"]]
    )
    totals = {
        "funding": ("小计", 61.15, "after"),
        "staff": ("合计", TOTALS["staff.stated_total"], "before"),
        "public": ("小  计", TOTALS["public.stated_total"], "after"),
        "opened": ("合计", TOTALS["opened.stated_total"], "after"),
    }
    return lay_out(new_sheet(book), layout, seed_lines(totals=totals))


def formula_subtotal(book: Workbook) -> dict[str, str]:
    """The funding 小计 is ``=SUM(C6:C12)``: LibreOffice stores the result it computed."""
    layout = Layout(
        above=[
            ["附件1"],
            [(TITLE, 3)],
            [(f"填表单位（盖章）：{UNIT}", 3)],
            ["填表日期：2024年6月5日"],
        ]
    )
    totals = {"funding": ("小计", "=SUM(C6:C12)", "after")}
    cells = lay_out(new_sheet(book), layout, seed_lines(totals=totals))
    assert (cells["funding.central"], cells["funding.other"]) == ("C6", "C12")
    return cells


def _formula_expected(cells: dict[str, str]) -> dict[str, Any]:
    figures = {**READ, "funding.stated_total": TOTALS["funding.stated_total"]}
    return {
        "return": a_return(figures),
        "findings": [finding("formula-value", "funding.stated_total", cells)],
    }


def group_heading_rows(book: Workbook) -> dict[str, str]:
    """Heading rows carry their group's total, parts follow as 其中：…; 单位（盖章）, 日  期.

    The layout of many statistics forms: 序号 一、二…, a 计量单位 column, and a
    "单位：万元、人次" note at the top right that names no reporting unit.
    """
    sheet = new_sheet(book)
    top: list[list[Any]] = [
        [(TITLE, 4)],
        [None, None, None, "单位：万元、人次"],
        [(f"单位（盖章）：{UNIT}", 2), ("日  期：2024年6月5日", 4)],
        ["序号", "指标名称", "计量单位", "数量"],
    ]
    row = _write_rows(sheet, 1, top)
    lines: list[tuple[str, str, str, str, Any]] = [
        ("一", "activity_count", "科普活动开展次数", "次", 36),
        ("二", "funding.stated_total", "活动经费投入数量", "万元", 61.15),
        ("", "funding.central", "其中：中央财政经费投入", "万元", 12.5),
        ("", "funding.provincial", "省级、副省级财政经费投入", "万元", 8),
        ("", "funding.municipal", "市级财政经费投入", "万元", 20.35),
        ("", "funding.county", "县级财政经费投入", "万元", 15),
        ("", "funding.enterprise", "企业赞助经费", "万元", 3.2),
        ("", "funding.in_kind", "实物投入（折算）", "万元", 1.5),
        ("", "funding.other", "其他经费", "万元", 0.6),
        ("三", "staff.stated_total", "科普工作人员参与数量", "人次", 530),
        ("", "staff.full_time", "其中：科普专职人员", "人次", 25),
        ("", "staff.sci_tech_workers", "科技工作者", "人次", 340),
        ("", "staff.volunteers", "科技志愿者", "人次", 120),
        ("", "staff.others", "其他人员", "人次", 45),
        ("四", "public.stated_total", "科普活动群众参与数量", "人次", 57800),
        ("", "public.offline", "其中：线下", "人次", 15800),
        ("", "public.online", "线上", "人次", 42000),
        ("五", "", "宣传报道情况", "", None),
        ("", "publicity.media_outlets", "参与媒体数量", "个", 9),
        ("", "publicity.reports", "宣传报道数量", "篇", 27),
        ("六", "opened.stated_total", "开放活动的场馆、科研机构、大学数量", "个", 9),
        ("", "opened.venues", "其中：科普场馆", "个", 4),
        ("", "opened.institutes", "科研机构", "个", 3),
        ("", "opened.universities", "大学", "个", 2),
    ]
    cells = {}
    for number, path, label, unit, value in lines:
        _write_rows(sheet, row, [[number or None, label, unit or None, value]])
        if path:
            cells[path] = f"D{row}"
        row += 1
    return cells


def instructions_first(book: Workbook) -> dict[str, str]:
    """A 填表说明 sheet first, naming several rows; the form itself on the second sheet."""
    notes = new_sheet(book, "填表说明")
    for row, text in enumerate(
        [
            "填表说明",
            "1. 科普活动开展次数：活动周期间本单位组织开展的各类科普活动场次。",
            "2. 活动经费投入数量以万元为单位，保留两位小数。",
            "3. 实物投入情况请折算为万元填报。",
            "4. 科技工作者参与数量、招募科技志愿者数量按人次统计。",
            "5. 没有的填0，未统计的留空。",
        ],
        start=1,
    ):
        notes.cell(row, 1, text)
    sheet = book.create_sheet(SHEET)
    layout = Layout(
        above=[[(TITLE, 3)], [(f"填表单位（盖章）：{UNIT}", 3)], ["填表日期：2024-6-5"]]
    )
    return lay_out(sheet, layout, seed_lines())


ACTIVITIES = [
    ("科技工作者日院士专家报告会", "线下", "榆次区科技馆"),
    ("科普场馆免费开放日", "线下", "晋中市科技馆"),
    ("科研机构开放日", "线下", "省农科院榆次试验站"),
    ("走进大学实验室", "线下", "山西农业大学"),
    ("科技志愿者进社区", "线下", "锦纶社区"),
    ("“云上科普”直播课堂", "线上", "抖音直播间"),
    ("科普知识网络竞答", "线上", "微信公众号"),
    ("应急科普宣传进校园", "线下", "榆次区第一中学"),
    ("青少年科学调查体验", "线上+线下", "榆次区青少年活动中心"),
    ("媒体记者走进科研一线", "线下", "晋中国家农高区"),
]


def with_activity_list(book: Workbook) -> dict[str, str]:
    """附件2 (a list of activities, 线上/线下 on every row) first; the form at B2 of 附件1."""
    listing = new_sheet(book, "附件2")
    _write_rows(
        listing,
        1,
        [
            [("2024年晋中市科技活动周特色科技活动推荐清单", 6)],
            ["序号", "活动名称", "活动形式", "活动地点", "参与人数", "联系电话"],
        ],
    )
    for index in range(30):
        name, mode, place = ACTIVITIES[index % len(ACTIVITIES)]
        row = [index + 1, name, mode, place, 200 + 10 * index, "0354-3260266"]
        _write_rows(listing, 3 + index, [row])
    sheet = book.create_sheet("附件1")
    layout = Layout(
        above=[[], [(TITLE, 4)], [(f"填表单位（盖章）：{UNIT}", 4)], ["填表日期：2024年6月5日"]],
        first_column=2,
    )
    return lay_out(sheet, layout, seed_lines())


def copied_sheet(book: Workbook) -> dict[str, str]:
    """The blank template's sheet left first, the unit's filled copy 统计表 (2) after it."""
    blank = Layout(above=[[(TITLE, 3)], ["填表单位（盖章）："]])
    lay_out(new_sheet(book), blank, seed_lines({}))
    layout = Layout(
        above=[[(TITLE, 3)], [(f"填表单位（盖章）：{UNIT}", 3)], ["填表日期：2024.06.05"]]
    )
    return lay_out(book.create_sheet(f"{SHEET} (2)"), layout, seed_lines())


INLINE_VALUES = {
    "activity_count": "36次",
    "funding.central": "12.5万元",
    "funding.provincial": "8万元",
    "funding.municipal": "20.35万元",
    "funding.county": "15万元",
    "funding.enterprise": "3.2万元",
    "funding.in_kind": "1.5万元",
    "funding.other": "0.6万元",
    "staff.full_time": "25名",
    "staff.sci_tech_workers": "340人次",
    "staff.volunteers": "120人",
    "staff.others": "45人次",
    "public.offline": "15800人次",
    "public.online": "4.2万人次",
    "publicity.media_outlets": "9家",
    "publicity.reports": "27条",
    "opened.venues": "4座",
    "opened.institutes": "3家",
    "opened.universities": "2所",
}


def values_in_label_cells(book: Workbook) -> dict[str, str]:
    """Each figure typed into its label cell, ``中央财政经费投入情况：12.5万元``.

    The value column is left empty; a 活动日期 line sits under the title, and the 填表单位
    and 填表日期 lines at the foot.
    """
    layout = Layout(
        above=[[(TITLE, 3)], [("（活动日期：2024年5月25日至31日）", 3)]],
        below=[["填表单位（盖章）：", UNIT], ["填表日期：", "2024年6月5日"]],
    )
    labels = {path: f"{label}：{INLINE_VALUES[path]}" for path, label in SEED_LABELS.items()}
    return lay_out(new_sheet(book), layout, seed_lines({}, labels))


def csv_gb18030(book: Workbook) -> dict[str, str]:
    """The seed layout with a date cell, for LibreOffice to save as GB18030 CSV."""
    return official_unit_next_cell(book)


XLS_FORMULAS = "_grid reads .xls with python-calamine, which does not say which cells hold formulas"

SCENARIOS = [
    Scenario("return_official", official, good(filled_on=None), ("xlsx", "xls")),
    Scenario("return_official_unit_next_cell", official_unit_next_cell, good()),
    Scenario("return_header_and_index_column", header_and_index_column, good(), ("xlsx", "xls")),
    Scenario("return_value_in_column_d", value_in_column_d, good()),
    Scenario("return_label_variants", label_variants, good()),
    Scenario("return_groups_not_merged", groups_not_merged, good(filled_on=None)),
    Scenario("return_meta_variants", meta_variants, good()),
    Scenario("return_text_numbers", text_numbers, _text_numbers_expected, ("xlsx", "xls")),
    Scenario("return_bad_values", bad_values, _bad_values_expected),
    Scenario("return_stated_totals", stated_totals, good({**READ, **TOTALS})),
    Scenario(
        "return_formula_subtotal",
        formula_subtotal,
        _formula_expected,
        ("xlsx", "xls"),
        known_gaps={"xls": {"findings": XLS_FORMULAS}},
    ),
    Scenario("return_group_heading_rows", group_heading_rows, good({**READ, **TOTALS})),
    Scenario("return_instructions_first", instructions_first, good()),
    Scenario("return_with_activity_list", with_activity_list, good()),
    Scenario("return_copied_sheet", copied_sheet, good()),
    Scenario("return_values_in_label_cells", values_in_label_cells, good()),
    Scenario("return_gb18030", csv_gb18030, good(), ("csv",)),
]


# --- converting --------------------------------------------------------------------------


def soffice(target: str, sources: Iterable[Path], outdir: Path) -> None:
    """Convert ``sources`` with LibreOffice into ``outdir`` (never the sources' directory)."""
    command = ["soffice", "--headless", "--convert-to", target, "--outdir", str(outdir)]
    subprocess.run([*command, *map(str, sources)], check=True, capture_output=True)  # noqa: S603


def main() -> None:
    """Build every scenario, convert it, copy the results here, write the expectations."""
    if shutil.which("soffice") is None:
        sys.exit("LibreOffice's soffice is not on PATH")
    expected: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "openpyxl"
        source.mkdir()
        by_format: dict[str, list[Path]] = {}
        for scenario in SCENARIOS:
            book = Workbook()
            cells = scenario.build(book)
            path = source / f"{scenario.name}.xlsx"
            book.save(path)
            for suffix in scenario.formats:
                by_format.setdefault(suffix, []).append(path)
                what = scenario.expected(cells)
                if suffix == "csv":
                    what = _without_sheet(what)
                if suffix in scenario.known_gaps:
                    what["known_gaps"] = scenario.known_gaps[suffix]
                expected[f"{scenario.name}.{suffix}"] = what
        for suffix, sources in by_format.items():
            out = Path(scratch) / suffix
            out.mkdir()
            soffice(CSV_GB18030 if suffix == "csv" else suffix, sources, out)
            for path in sources:
                converted = out / f"{path.stem}.{suffix}"
                shutil.copyfile(converted, HERE / converted.name)
    text = json.dumps(dict(sorted(expected.items())), ensure_ascii=False, indent=2)
    EXPECTED.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {len(expected)} fixtures and {EXPECTED.name}")


def _without_sheet(what: dict[str, Any]) -> dict[str, Any]:
    """The expectations of a CSV file, whose one sheet has no name: cells are just ``C8``."""
    text = json.dumps(what, ensure_ascii=False).replace(f"{SHEET}!", "")
    result: dict[str, Any] = json.loads(text)
    return result


if __name__ == "__main__":
    main()
