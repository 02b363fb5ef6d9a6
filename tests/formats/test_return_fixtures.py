"""Returns saved by a real office suite (LibreOffice), in the layouts units really send.

The files and ``return_expected.json`` come from ``tests/data/excel/make_return_fixtures.py``;
the expectations there are written by hand, never taken from the reader. No office suite is
needed to run these tests.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from sci_workers_day import StatisticsReturn, WorkbookError, load_return, validate

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "excel"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (FIXTURES / "return_expected.json").read_text(encoding="utf-8")
)
GOOD = sorted(name for name, what in EXPECTED.items() if what["return"] is not None)
BAD = sorted(name for name, what in EXPECTED.items() if what["return"] is None)


def cases(names: list[str], test: str) -> list[Any]:
    """The fixtures as parameters; a known gap of the library is a strict xfail, with its why."""
    result = []
    for name in names:
        gap = EXPECTED[name].get("known_gaps", {}).get(test)
        marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
        result.append(pytest.param(name, marks=marks, id=name))
    return result


def skip_xls_without_calamine(name: str, backend: str) -> None:
    """``.xls`` is read only by python-calamine: the openpyxl fallback has nothing to show."""
    if name.endswith(".xls") and backend == "openpyxl":
        pytest.skip(".xls needs python-calamine")


def findings_of(path: Path) -> list[dict[str, Any]]:
    """What ``validate`` reports on a file, as code, paths and cells, in a stable order."""
    found = [
        {"code": f.code, "paths": list(f.paths), "cells": list(f.cells)}
        for f in validate(path).findings
    ]
    return sorted(found, key=lambda f: (f["paths"], f["code"]))


def test_every_fixture_has_expectations() -> None:
    """Every committed return fixture has its expectations, and each expectation its file."""
    files = {
        path.name for path in FIXTURES.glob("return_*") if path.suffix in {".xlsx", ".xls", ".csv"}
    }
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", cases(GOOD, "return"))
def test_fixture_reads_as_expected(name: str, backend: str) -> None:
    """``load_return`` reads each realistic layout to exactly the return the unit filled in."""
    skip_xls_without_calamine(name, backend)
    expected = StatisticsReturn.model_validate(EXPECTED[name]["return"])
    got = load_return(FIXTURES / name)
    assert got.model_dump(mode="json") == expected.model_dump(mode="json")


@pytest.mark.parametrize("name", cases(sorted(EXPECTED), "findings"))
def test_fixture_findings_and_cells(name: str, backend: str) -> None:
    """``validate`` on each file reports exactly the expected findings, at the right cells."""
    skip_xls_without_calamine(name, backend)
    expected = sorted(EXPECTED[name]["findings"], key=lambda f: (f["paths"], f["code"]))
    assert findings_of(FIXTURES / name) == expected


@pytest.mark.parametrize("name", cases(BAD, "error"))
def test_bad_values_refused_naming_the_cells(name: str) -> None:
    """``load_return`` refuses unreadable figures: WorkbookError at the first, naming them all."""
    expected = EXPECTED[name]
    with pytest.raises(WorkbookError) as caught:
        load_return(FIXTURES / name)
    error = caught.value
    sheet, _, cell = expected["error_cell"].rpartition("!")
    assert (error.file, error.sheet, error.cell) == (name, sheet or None, cell)
    for mentioned in expected["error_mentions"]:
        assert f"({sheet}!{mentioned})" in str(error)


@pytest.mark.parametrize("name", sorted(n for n in GOOD if n.endswith(".xls")))
def test_xls_reads_like_its_xlsx(name: str) -> None:
    """An ``.xls`` saved from the same form reads to the same return as its ``.xlsx``."""
    twin = FIXTURES / name.replace(".xls", ".xlsx")
    assert load_return(FIXTURES / name) == load_return(twin)


def test_blank_stays_blank_and_none_tokens_read_as_zero() -> None:
    """A blank or space-only cell reads as None (never 0); 无, -, — and 暂无 read as 0."""
    read = load_return(FIXTURES / "return_text_numbers.xlsx")
    assert (read.staff.others, read.publicity.media_outlets, read.opened.institutes) == (
        None,
        None,
        None,
    )
    assert (read.funding.enterprise, read.funding.in_kind) == (Decimal(0), Decimal(0))
    assert (read.staff.full_time, read.opened.venues) == (0, 0)


def test_units_typed_with_a_number_are_applied() -> None:
    """6000元 in a 万元 row reads as 0.6; 1.58万 in a 人次 row reads as 15800."""
    read = load_return(FIXTURES / "return_text_numbers.xlsx")
    assert read.funding.other == Decimal("0.6")
    assert read.public.offline == 15800


def test_formula_subtotal_reads_the_stored_result() -> None:
    """A =SUM 小计 reads as the result LibreOffice stored; validate notes it at its cell."""
    path = FIXTURES / "return_formula_subtotal.xlsx"
    assert load_return(path).funding.stated_total == Decimal("61.15")
    (note,) = validate(path).findings
    assert (note.code, note.cells) == ("formula-value", ("统计表!C13",))


def test_heading_rows_give_group_totals() -> None:
    """A group's heading row with a value (二、活动经费投入数量 61.15) is its stated total."""
    read = load_return(FIXTURES / "return_group_heading_rows.xlsx")
    assert read.funding.stated_total == Decimal("61.15")
    assert (read.staff.stated_total, read.public.stated_total) == (530, 57800)
    assert read.opened.stated_total == 9


def test_the_form_is_found_beside_other_sheets() -> None:
    """The form is read from its own sheet, past a 填表说明 sheet or a list of activities."""
    for name, sheet in (
        ("return_instructions_first", "统计表"),
        ("return_with_activity_list", "附件1"),
    ):
        path = FIXTURES / f"{name}.xlsx"
        assert load_return(path).activity_count == 36
        report = validate(path, policy={"missing-value": "error"})
        assert not report.findings, sheet


def test_meta_lines_as_units_write_them() -> None:
    """附件1：title, 填 表 单 位 spaced out, （盖章） after the name, 二〇二四年六月五日."""
    read = load_return(FIXTURES / "return_meta_variants.xlsx")
    assert read.campaign_title == "2024年晋中市科技活动周"
    assert read.reporting_unit.name == "晋中市榆次区科学技术协会"
    assert read.filled_on == dt.date(2024, 6, 5)
