"""Roll-ups: exact aggregation, and the roll-up rules on parents and children."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sci_workers_day import (
    FIGURES,
    Organizer,
    StatisticsReturn,
    aggregate,
    validate_rollup,
)
from sci_workers_day.testing import statistics_returns, valid_returns


def unit_return(name: str, code: str, **figures: Any) -> dict[str, Any]:
    """A raw return of one unit."""
    return {"reporting_unit": {"name": name, "region_code": code}, **figures}


PINGYAO = unit_return("平遥县科协", "140728", activity_count=3, funding={"county": "1.5"})
QIXIAN = unit_return("祁县科协", "140727", activity_count=4, funding={"county": "2.25"})


def test_aggregate_is_exact_and_blank_only_where_all_are() -> None:
    """Sums are exact Decimals; a figure every child left blank stays blank."""
    total = aggregate(
        [StatisticsReturn.model_validate(PINGYAO), StatisticsReturn.model_validate(QIXIAN)]
    )
    assert total.activity_count == 7
    assert total.funding.county == Decimal("3.75")
    assert total.funding.central is None
    assert total.reporting_unit.name == "合计"


def test_aggregate_names_the_unit_and_keeps_a_shared_title() -> None:
    """The caller names the sum's unit; a title all children share is kept."""
    titled = [
        StatisticsReturn.model_validate({**PINGYAO, "campaign_title": "2024年科技活动周"}),
        StatisticsReturn.model_validate({**QIXIAN, "campaign_title": "2024年科技活动周"}),
    ]
    city = Organizer(name="晋中市科协", region_code="140700")
    total = aggregate(titled, reporting_unit=city)
    assert total.reporting_unit == city
    assert total.campaign_title == "2024年科技活动周"


@given(st.lists(statistics_returns(), max_size=5))
def test_aggregate_figure_by_figure(children: list[StatisticsReturn]) -> None:
    """Every figure of the aggregate is the exact sum of the reported ones, or None."""
    total = aggregate(children).figures(totals=True)
    for figure in FIGURES:
        reported = [c.figures(totals=True)[figure.path] for c in children]
        reported = [v for v in reported if v is not None]
        expected = sum(reported[1:], start=reported[0]) if reported else None
        assert total[figure.path] == expected


@given(st.lists(valid_returns(), min_size=1, max_size=4))
def test_a_parent_that_is_the_aggregate_passes(children: list[StatisticsReturn]) -> None:
    """The aggregate of the children never mismatches them."""
    report = validate_rollup(aggregate(children), children)
    assert "aggregate-mismatch" not in report.codes


@given(st.lists(valid_returns(), min_size=1, max_size=4), st.sampled_from(FIGURES[:8]))
def test_a_changed_parent_figure_is_named(children: list[StatisticsReturn], figure: Any) -> None:
    """Changing one parent figure yields aggregate-mismatch on exactly that figure."""
    parent = aggregate(children).model_dump(mode="json")
    *groups, name = figure.path.split(".")
    holder = parent
    for group in groups:
        holder = holder[group]
    holder[name] = str(Decimal(str(holder[name])) + 1)
    report = validate_rollup(parent, children)
    mismatches = [f for f in report.findings if f.code == "aggregate-mismatch"]
    assert [f.path for f in mismatches] == [figure.path]
    (finding,) = mismatches
    assert len(finding.params["children"]) <= len(children)
    assert finding.paths[1:] == tuple(f"children.{i}.{figure.path}" for i in range(len(children)))


def test_mismatch_message_names_every_child() -> None:
    """The message gives the parent figure, the sum and each child's value."""
    parent = unit_return("晋中市科协", "140700", activity_count=8, funding={"county": "3.75"})
    report = validate_rollup(parent, [PINGYAO, QIXIAN])
    (finding,) = [f for f in report.findings if f.path == "activity_count"]
    assert (
        finding.message
        == "汇总表的科普活动开展次数为8，但各单位合计为7（平遥县科协 3、祁县科协 4）"
    )
    assert finding.params["children"] == [("平遥县科协", 3), ("祁县科协", 4)]


def test_unreadable_child_figures_are_reported_and_not_compared() -> None:
    """A child's unreadable value is a prefixed reading finding, not a mismatch."""
    parent = unit_return("晋中市科协", "140700", activity_count=7, funding={"county": "3.75"})
    broken = {**QIXIAN, "activity_count": "若干"}
    report = validate_rollup(parent, [PINGYAO, broken])
    assert [(f.code, f.path) for f in report.findings] == [
        ("not-a-number", "children.1.activity_count")
    ]


def test_duplicates_missing_and_unexpected_units() -> None:
    """A unit twice, an expected unit absent, and a unit nobody expected."""
    parent = unit_return("晋中市科协", "140700", activity_count=10, funding={"county": "5.25"})
    stranger = unit_return("太谷区科协", "140703")
    report = validate_rollup(
        parent,
        [PINGYAO, QIXIAN, PINGYAO, stranger],
        expected_units=["平遥县科协", Organizer(name="祁县科协"), "140729"],
    )
    codes = [(f.code, f.path) for f in report.findings]
    assert ("duplicate-unit", "children.2.reporting_unit") in codes
    assert ("missing-unit", "children") in codes
    assert ("unexpected-unit", "children.3.reporting_unit") in codes
    missing = next(f for f in report.findings if f.code == "missing-unit")
    assert missing.params == {"unit": "140729"}


def test_children_sharing_a_name_are_all_listed() -> None:
    """Two children with one name both appear in the mismatch, not one over the other."""
    parent = unit_return("晋中市科协", "140700", activity_count=7, funding={"county": "3.0"})
    report = validate_rollup(parent, [PINGYAO, PINGYAO], policy={"duplicate-unit": "off"})
    (finding,) = [f for f in report.findings if f.path == "activity_count"]
    assert finding.params["children"] == [("平遥县科协", 3), ("平遥县科协", 3)]


def test_unreadable_groups_and_units_are_not_judged() -> None:
    """Unreadable groups are not compared; stand-in units are not duplicates nor unexpected."""
    parent = unit_return("晋中市科协", "140700", activity_count=7, funding={"county": "9"})
    broken = {**QIXIAN, "funding": "2.25万元"}
    no_unit = {"activity_count": 0}
    report = validate_rollup(parent, [PINGYAO, broken, no_unit, {**no_unit}], expected_units=[])
    assert [(f.code, f.path) for f in report.findings] == [
        ("unexpected-unit", "children.0.reporting_unit"),
        ("unexpected-unit", "children.1.reporting_unit"),
        ("invalid-value", "children.1.funding"),
        ("missing-field", "children.2.reporting_unit"),
        ("missing-field", "children.3.reporting_unit"),
    ]


def test_expected_units_must_be_a_list() -> None:
    """A bare string, or something that is no name or organizer, is refused."""
    with pytest.raises(TypeError, match="list"):
        validate_rollup(PINGYAO, [PINGYAO], expected_units="平遥县科协")
    with pytest.raises(TypeError, match="140728"):
        validate_rollup(PINGYAO, [PINGYAO], expected_units=[140728])  # type: ignore[list-item]
