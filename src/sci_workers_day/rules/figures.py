"""Rules on the figures of a statistics return: readable, whole, non-negative, adding up."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from sci_workers_day.model.returns import FIGURES, StatisticsReturn
from sci_workers_day.report import Severity
from sci_workers_day.rules._examples import a_bare_return, a_return
from sci_workers_day.rules._registry import (
    Check,
    Hit,
    ReadingIssue,
    RuleSubject,
    hit,
    rule,
    unread_at,
)
from sci_workers_day.types import read_number

_MAX_PLACES = 4  # 万元 to four places is one yuan
_ONE_YUAN = Decimal("0.0001")


@rule(
    "not-a-number",
    severity=Severity.ERROR,
    subject=RuleSubject.READING,
    message="{label}应填写数字，实际为“{value}”",
    message_en="{label} must be a number, not {value!r}",
    valid=[a_bare_return(activity_count="12"), a_bare_return(funding={"county": "1,200.5"})],
    invalid=[a_bare_return(activity_count="若干"), a_bare_return(staff={"volunteers": True})],
)
def not_a_number(issue: ReadingIssue) -> dict[str, Any] | None:
    """A figure holds something other than a number.

    Text such as 若干 or 见附件, a true/false value, a list. Numbers written as text, with
    full-width digits or thousands separators, are numbers. The figure is read as blank.
    """
    if issue.figure is None or read_number(issue.value) is not None:
        return None
    return {"value": issue.value}


@rule(
    "negative-value",
    severity=Severity.ERROR,
    subject=RuleSubject.READING,
    message="{label}不能为负数，实际为{value}",
    message_en="{label} cannot be negative: {value}",
    valid=[a_bare_return(public={"offline": 0})],
    invalid=[a_bare_return(public={"offline": "-3"}), a_bare_return(funding={"county": -0.5})],
)
def negative_value(issue: ReadingIssue) -> dict[str, Any] | None:
    """A figure is below zero.

    Counts and amounts of money cannot be negative; the figure is read as blank.
    """
    number = read_number(issue.value)
    if issue.figure is None or number is None or number >= 0:
        return None
    return {"value": number}


@rule(
    "not-an-integer",
    severity=Severity.ERROR,
    subject=RuleSubject.READING,
    message="{label}应为整数（单位：{unit}），实际为{value}",
    message_en="{label} must be a whole number ({unit_en}), not {value}",
    valid=[a_bare_return(activity_count=12.0), a_bare_return(funding={"county": 12.5})],
    invalid=[a_bare_return(activity_count=12.5), a_bare_return(staff={"others": "3.2"})],
)
def not_an_integer(issue: ReadingIssue) -> dict[str, Any] | None:
    """A count (次, 人次, 个, 篇) has a fractional part.

    Only money (万元) may have decimals; the figure is read as blank.
    """
    number = read_number(issue.value)
    if issue.figure is None or not issue.figure.integral or number is None:
        return None
    if number == number.to_integral_value():
        return None
    return {"value": number, "unit": issue.figure.unit, "unit_en": issue.figure.unit_en}


_AMOUNTS = tuple(f.path for f in FIGURES if not f.integral)
_PARTS = tuple(f.path for f in FIGURES if not f.is_total)
_SUMS = tuple(
    (
        total.path,
        tuple(
            f.path
            for f in FIGURES
            if f.path.startswith(total.path.removesuffix("stated_total")) and f != total
        ),
    )
    for total in FIGURES
    if total.is_total
)


@rule(
    "too-many-decimals",
    severity=Severity.ERROR,
    subject=RuleSubject.RETURN,
    message="{label}最多保留4位小数（即精确到元），实际为{value}万元",
    message_en="{label} has more than 4 decimal places (one yuan): {value} (in 10,000 yuan)",
    valid=[
        a_bare_return(funding={"county": "3.1416"}),
        a_bare_return(funding={"county": "2.50000"}),
    ],
    invalid=[a_bare_return(funding={"county": "3.14159"})],
)
def too_many_decimals(check: Check[StatisticsReturn]) -> Iterator[Hit]:
    """An amount in 万元 is given to more than four decimal places.

    Four places of 万元 is one yuan; anything finer is a typing or unit error (yuan entered
    where 万元 was asked). Trailing zeros do not count.
    """
    figures = check.figures
    for path in _AMOUNTS:
        value = figures[path]
        if value is not None and _too_precise(value):
            yield hit(path, value=value)


def _too_precise(value: Decimal) -> bool:
    try:
        return bool(value % _ONE_YUAN)  # the fast test, within the context's precision
    except InvalidOperation:
        return _places(value) > _MAX_PLACES


def _places(value: Decimal) -> int:
    """Decimal places written, trailing zeros aside; exact at any magnitude (no context)."""
    _sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int) or exponent >= -_MAX_PLACES:
        return max(0, -exponent) if isinstance(exponent, int) else 0
    zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -exponent - zeros)


@rule(
    "missing-value",
    severity=Severity.WARNING,
    subject=RuleSubject.RETURN,
    message="{label}未填写；没有请填0",
    message_en="{label} is blank; enter 0 if there was none",
    valid=[a_return(), a_return(activity_count=0)],
    invalid=[a_return(activity_count=None), a_bare_return()],
)
def missing_value(check: Check[StatisticsReturn]) -> Iterator[Hit]:
    """A figure the form asks for is blank.

    A blank is not a zero: the unit has not said. Stated totals (小计) may stay blank.
    A campaign's severity policy may make this an error or switch it off.
    """
    figures, unread = check.figures, check.unread
    for path in _PARTS:
        if figures[path] is None and not (unread and unread_at(unread, path)):
            yield hit(path)


@rule(
    "subtotal-mismatch",
    severity=Severity.ERROR,
    subject=RuleSubject.RETURN,
    message="{label}填写为{stated}，但各项之和为{computed}（{parts}）",
    message_en="{label} is stated as {stated}, but its parts sum to {computed} ({parts})",
    valid=[a_bare_return(staff={"full_time": 2, "volunteers": 3, "stated_total": 5})],
    invalid=[
        a_bare_return(staff={"full_time": 2, "volunteers": 3, "stated_total": 6}),
        a_bare_return(funding={"stated_total": "1.5"}),
    ],
)
def subtotal_mismatch(check: Check[StatisticsReturn]) -> Iterator[Hit]:
    """A stated 小计 / 合计 differs from the sum of its parts.

    Blank parts count as zero in the sum. A group with an unreadable part is not checked:
    its reading finding comes first.
    """
    figures = check.figures
    for total, paths in _SUMS:
        stated = figures[total]
        if stated is None or (check.unread and not check.read(total, *paths)):
            continue
        computed = sum(value for p in paths if (value := figures[p]) is not None)
        if computed != stated:
            parts = {path: figures[path] for path in paths}
            yield hit(total, *paths, stated=stated, computed=computed, parts=parts)


@rule(
    "formula-value",
    severity=Severity.INFO,
    subject=RuleSubject.RETURN,
    message="{label}的单元格是公式，已按文件中保存的计算结果（{value}）读取",
    message_en="{label} is a formula; its stored result ({value}) was read",
    valid=[a_return()],
    invalid=[{**a_return(), "formulas": ["funding.stated_total"]}],
)
def formula_value(check: Check[StatisticsReturn]) -> Iterator[Hit]:
    """A figure's cell in the workbook holds a formula rather than a number.

    Formulas are never evaluated: the result the office suite stored when the file was last
    saved is read. A file produced by a program and never opened has no stored result, and
    the figure reads as blank. A 小计 that sums its rows is usual; the finding is a note.
    """
    formulas = check.formulas
    if formulas:
        for path, value in check.figures.items():
            if path in formulas:
                yield hit(path, value="空白" if value is None else value)
