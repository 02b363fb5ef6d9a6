"""Rules on a roll-up: a parent return (a city's) against the returns it sums (its counties')."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from sci_workers_day.model.organizer import Organizer
from sci_workers_day.model.returns import FIGURES, sum_reported
from sci_workers_day.report import Severity
from sci_workers_day.rules._examples import COMPLETE_RETURN, merged
from sci_workers_day.rules._registry import Hit, Rollup, RuleSubject, hit, rule, unread_at

_PARTS = tuple(f for f in FIGURES if not f.is_total)
_SPACES = re.compile(r"\s+")


def _unit(name: str, code: str) -> dict[str, Any]:
    return {"name": name, "region_code": code}


_PINGYAO = merged(COMPLETE_RETURN, {"reporting_unit": _unit("平遥县科学技术协会", "140728")})
_QIXIAN = merged(COMPLETE_RETURN, {"reporting_unit": _unit("祁县科学技术协会", "140727")})
_CITY = merged(
    COMPLETE_RETURN,
    {
        "reporting_unit": _unit("晋中市科学技术协会", "140700"),
        "activity_count": 24,
        "funding": {
            "municipal": "3.0",
            "county": "6.50",
            "enterprise": "1.6",
            "stated_total": "11.1",
        },
        "staff": {"full_time": 10, "sci_tech_workers": 80, "volunteers": 120, "others": 6},
        "public": {"offline": 6400, "online": 30000, "stated_total": 36400},
        "publicity": {"media_outlets": 8, "reports": 22},
        "opened": {"venues": 4, "institutes": 2, "universities": 0},
    },
)


@rule(
    "aggregate-mismatch",
    severity=Severity.ERROR,
    subject=RuleSubject.ROLLUP,
    message="汇总表的{label}为{parent}，但各单位合计为{total}（{children}）",
    message_en="the roll-up states {parent} for {label}, but its units sum to {total} ({children})",
    valid=[{"parent": _CITY, "children": [_PINGYAO, _QIXIAN]}],
    invalid=[
        {"parent": merged(_CITY, {"activity_count": 25}), "children": [_PINGYAO, _QIXIAN]},
        {"parent": merged(_CITY, {"funding": {"county": None}}), "children": [_PINGYAO, _QIXIAN]},
    ],
)
def aggregate_mismatch(check: Rollup) -> Iterator[Hit]:
    """A figure of the parent return differs from the sum of its children's.

    The sum is exact; it is blank only where every child left the figure blank. Figures
    that could not be read, in the parent or in any child, are not compared.
    """
    parent = check.parent.figures()
    children = [child.figures() for child in check.children]
    for figure in _PARTS:
        paths = [f"children.{i}.{figure.path}" for i in range(len(children))]
        if unread_at(check.unread, figure.path) or any(
            unread_at(check.unread, path) for path in paths
        ):
            continue
        values = [figures[figure.path] for figures in children]
        total = sum_reported(values)
        stated = parent[figure.path]
        if stated != total:
            # A list, not a dict by name: two children may share a name (duplicate-unit).
            by_unit = [
                (child.reporting_unit.name, value)
                for child, value in zip(check.children, values, strict=True)
            ]
            yield hit(figure.path, *paths, parent=stated, total=total, children=by_unit)


def _units(check: Rollup) -> list[Organizer | None]:
    """Each child's unit; ``None`` where it could not be read (a stand-in names nobody)."""
    return [
        None if unread_at(check.unread, f"children.{i}.reporting_unit") else child.reporting_unit
        for i, child in enumerate(check.children)
    ]


def _same_unit(one: Organizer, other: Organizer) -> bool:
    if one.region_code and other.region_code:
        return one.region_code == other.region_code and (
            one.parent_region_code == other.parent_region_code
        )
    return any(other.is_named(name) for name in one.names)


@rule(
    "duplicate-unit",
    severity=Severity.ERROR,
    subject=RuleSubject.ROLLUP,
    message="“{unit}”报送了两份（第{first}份与第{second}份）",
    message_en="{unit!r} appears twice (returns {first} and {second})",
    valid=[{"parent": _CITY, "children": [_PINGYAO, _QIXIAN]}],
    invalid=[{"parent": _CITY, "children": [_PINGYAO, _PINGYAO]}],
)
def duplicate_unit(check: Rollup) -> Iterator[Hit]:
    """Two children come from the same reporting unit (same region code, or same name).

    The later one is blamed; its figures are counted twice in the sums.
    """
    units = _units(check)
    for later, unit in enumerate(units):
        if unit is None:
            continue
        first = next(
            (i for i, other in enumerate(units[:later]) if other and _same_unit(unit, other)),
            None,
        )
        if first is not None:
            yield hit(
                f"children.{later}.reporting_unit",
                f"children.{first}.reporting_unit",
                unit=unit.name,
                first=first + 1,
                second=later + 1,
            )


def _matches(expected: str | Organizer, unit: Organizer) -> bool:
    if isinstance(expected, Organizer):
        return _same_unit(expected, unit)
    wanted = _SPACES.sub("", expected)
    return wanted in {unit.region_code, unit.parent_region_code} or unit.is_named(wanted)


def _name(expected: str | Organizer) -> str:
    return expected.name if isinstance(expected, Organizer) else expected


@rule(
    "missing-unit",
    severity=Severity.ERROR,
    subject=RuleSubject.ROLLUP,
    message="应报单位“{unit}”未报送",
    message_en="expected unit {unit!r} has not reported",
    valid=[
        {
            "parent": _CITY,
            "children": [_PINGYAO, _QIXIAN],
            "expected_units": ["平遥县科学技术协会", "140727"],
        }
    ],
    invalid=[
        {
            "parent": _CITY,
            "children": [_PINGYAO, _QIXIAN],
            "expected_units": ["平遥县科学技术协会", "祁县科学技术协会", "太谷区科学技术协会"],
        }
    ],
)
def missing_unit(check: Rollup) -> Iterator[Hit]:
    """A unit that is expected to report has no return among the children.

    Expected units are given by name (any of a unit's names counts), region code, or
    :class:`~sci_workers_day.Organizer`.
    """
    units = [unit for unit in _units(check) if unit is not None]
    for expected in check.expected_units or ():
        if not any(_matches(expected, unit) for unit in units):
            yield hit("children", unit=_name(expected))


@rule(
    "unexpected-unit",
    severity=Severity.WARNING,
    subject=RuleSubject.ROLLUP,
    message="“{unit}”不在应报单位名单中",
    message_en="{unit!r} is not on the list of expected units",
    valid=[
        {
            "parent": _CITY,
            "children": [_PINGYAO, _QIXIAN],
            "expected_units": ["平遥县科学技术协会", "祁县科学技术协会"],
        }
    ],
    invalid=[
        {"parent": _CITY, "children": [_PINGYAO, _QIXIAN], "expected_units": ["140728"]},
    ],
)
def unexpected_unit(check: Rollup) -> Iterator[Hit]:
    """A child's unit is not on the list of expected units (checked only when one is given)."""
    if check.expected_units is None:
        return
    for index, unit in enumerate(_units(check)):
        if unit is not None and not any(_matches(e, unit) for e in check.expected_units):
            yield hit(f"children.{index}.reporting_unit", unit=unit.name)
