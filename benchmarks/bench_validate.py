"""Benchmark ``validate`` on raw return dicts against a bare pydantic model of the same shape.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/bench_validate.py``). The bare model
has the same fields and types but no validators, no rules and no report: it is the cost of
parsing alone. The issue's target is ≤ 1.5× the bare model (never above 3×).
"""

from __future__ import annotations

import copy
import timeit
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from sci_workers_day import StatisticsReturn, validate, validate_rollup

RAW_RETURN: dict[str, Any] = {
    "reporting_unit": {"name": "太谷区科学技术局", "region_code": "140703"},
    "activity_count": 12,
    "funding": {
        "central": "0",
        "provincial": "1.5",
        "municipal": "0",
        "county": "3.25",
        "enterprise": 0.8,
        "in_kind": "0",
        "other": "0",
        "stated_total": "5.55",
    },
    "staff": {"full_time": 5, "sci_tech_workers": 40, "volunteers": 60, "others": 3},
    "public": {"offline": 3200, "online": 15000, "stated_total": 18200},
    "publicity": {"media_outlets": 4, "reports": 11},
    "opened": {"venues": 2, "institutes": 1, "universities": 0},
}
BAD_RETURN = copy.deepcopy(RAW_RETURN)
BAD_RETURN["activity_count"] = "若干"
BAD_RETURN["funding"]["county"] = "-3"
BAD_RETURN["staff"]["others"] = 12.5


class BareUnit(BaseModel):
    """The reporting unit, bare."""

    name: str
    region_code: str | None = None


class BareFunding(BaseModel):
    """Funding, bare."""

    central: Decimal | None = None
    provincial: Decimal | None = None
    municipal: Decimal | None = None
    county: Decimal | None = None
    enterprise: Decimal | None = None
    in_kind: Decimal | None = None
    other: Decimal | None = None
    stated_total: Decimal | None = None


class BareStaff(BaseModel):
    """Staff, bare."""

    full_time: int | None = None
    sci_tech_workers: int | None = None
    volunteers: int | None = None
    others: int | None = None
    stated_total: int | None = None


class BarePublic(BaseModel):
    """Participation, bare."""

    offline: int | None = None
    online: int | None = None
    stated_total: int | None = None


class BarePublicity(BaseModel):
    """Publicity, bare."""

    media_outlets: int | None = None
    reports: int | None = None


class BareOpened(BaseModel):
    """Opened sites, bare."""

    venues: int | None = None
    institutes: int | None = None
    universities: int | None = None
    stated_total: int | None = None


class BareReturn(BaseModel):
    """A statistics return with the same shape, and nothing else."""

    reporting_unit: BareUnit
    activity_count: int | None = None
    funding: BareFunding = BareFunding()
    staff: BareStaff = BareStaff()
    public: BarePublic = BarePublic()
    publicity: BarePublicity = BarePublicity()
    opened: BareOpened = BareOpened()


def per_call(statement: Any, number: int) -> float:
    """Best-of-seven seconds per call."""
    return min(timeit.repeat(statement, number=number, repeat=7)) / number


def main() -> None:
    """Print the side-by-side figures and the ratio."""
    assert validate(RAW_RETURN).findings == ()
    bare = per_call(lambda: BareReturn.model_validate(RAW_RETURN), 5000)
    model = per_call(lambda: StatisticsReturn.model_validate(RAW_RETURN), 5000)
    ours = per_call(lambda: validate(RAW_RETURN), 5000)
    bad = per_call(lambda: validate(BAD_RETURN), 1000)
    children = [RAW_RETURN] * 20
    rollup = per_call(lambda: validate_rollup(RAW_RETURN, children), 100)
    print(f"bare pydantic model_validate (raw return)        {bare * 1e6:8.1f} µs")
    print(f"StatisticsReturn.model_validate (our types)      {model * 1e6:8.1f} µs")
    print(f"validate(raw return), clean                      {ours * 1e6:8.1f} µs")
    print(f"  ratio to the bare model                        {ours / bare:8.2f} ×")
    print(f"  ratio to StatisticsReturn.model_validate       {ours / model:8.2f} ×")
    print(f"validate(raw return), 3 unreadable values        {bad * 1e6:8.1f} µs")
    print(f"validate_rollup(parent, 20 raw children)         {rollup * 1e3:8.2f} ms")


if __name__ == "__main__":
    main()
