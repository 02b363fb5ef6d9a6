"""Property: valid returns pass every rule; breaking exactly one rule reports exactly its code."""

from __future__ import annotations

from typing import Any

from hypothesis import given

from sci_workers_day import StatisticsReturn, validate
from sci_workers_day.testing import return_mutants, valid_returns


@given(valid_returns())
def test_valid_returns_have_no_findings(statistics: StatisticsReturn) -> None:
    """A return built parts-first, totals derived, is clean."""
    assert validate(statistics).findings == ()


@given(valid_returns())
def test_valid_returns_are_clean_as_raw_json(statistics: StatisticsReturn) -> None:
    """The same return as raw JSON data (Decimals as text) is clean too."""
    assert validate(statistics.model_dump(mode="json")).findings == ()


@given(return_mutants())
def test_one_broken_rule_yields_exactly_its_code(mutant: tuple[dict[str, Any], str]) -> None:
    """The report of a one-rule mutant names that rule, and only it."""
    raw, code = mutant
    assert validate(raw, model="return").codes == {code}
