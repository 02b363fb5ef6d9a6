from decimal import Decimal

import pytest
from hypothesis import given
from pydantic import ValidationError

from sci_workers_day import (
    Funding,
    FundingCategory,
    OpenedSites,
    Participation,
    Staff,
    StatisticsReturn,
)
from sci_workers_day.testing import fundings, statistics_returns

UNIT = {"name": "太谷区科学技术局"}


def test_blank_is_not_zero() -> None:
    """An unreported figure stays ``None``; a reported 0 stays 0."""
    ret = StatisticsReturn.model_validate({"reporting_unit": UNIT, "staff": {"volunteers": 0}})
    assert ret.staff.volunteers == 0
    assert ret.staff.full_time is None
    assert ret.activity_count is None


def test_totals_are_exact_and_none_only_when_nothing_reported() -> None:
    """Derived totals add the reported parts exactly, in Decimal; nothing reported → None."""
    funding = Funding(central=Decimal("0.1"), county=Decimal("0.2"))
    assert funding.total == Decimal("0.3")
    assert Funding().total is None
    assert Staff(full_time=2, volunteers=3).total == 5
    assert Participation(offline=0).total == 0
    assert OpenedSites(venues=1, universities=2).total == 3


def test_amounts_never_go_through_float() -> None:
    """JSON numbers and strings become exact Decimals; JSON output keeps every digit."""
    ret = StatisticsReturn.model_validate_json(
        '{"reporting_unit": {"name": "x"}, "funding": {"county": "12.3456", "other": 0.1}}'
    )
    assert ret.funding.county == Decimal("12.3456")
    assert ret.funding.other == Decimal("0.1")
    assert ret.model_dump(mode="json")["funding"]["county"] == "12.3456"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("activity_count", -1),
        ("activity_count", 2.5),
        ("activity_count", "若干"),
        ("funding", {"county": "-3"}),
        ("funding", {"county": "NaN"}),
        ("funding", {"county": "Infinity"}),
        ("staff", {"volunteers": -4}),
    ],
)
def test_impossible_figures_are_refused(field: str, value: object) -> None:
    """Negative, fractional counts, words and non-finite amounts cannot exist in a model."""
    with pytest.raises(ValidationError):
        StatisticsReturn.model_validate({"reporting_unit": UNIT, field: value})


def test_figures_are_named_by_dotted_path() -> None:
    """``figures()`` lists every figure of the form by its dotted path, in form order."""
    figures = StatisticsReturn.model_validate(
        {"reporting_unit": UNIT, "funding": {"county": 2}}
    ).figures()
    assert next(iter(figures)) == "activity_count"
    assert figures["funding.county"] == Decimal(2)
    assert "funding.stated_total" not in figures
    assert len(figures) == 1 + 7 + 4 + 2 + 2 + 3


def test_funding_categories_have_labels() -> None:
    """Each of the seven categories names its field and carries the form's Chinese label."""
    assert [c.value for c in FundingCategory] == [
        "central", "provincial", "municipal", "county", "enterprise", "in_kind", "other"
    ]  # fmt: skip
    assert FundingCategory.PROVINCIAL.label == "省级、副省级财政经费投入"
    assert set(Funding().by_category()) == set(FundingCategory)


@given(fundings())
def test_total_is_sum_of_reported_parts(funding: Funding) -> None:
    """The total equals the sum of the non-None parts, exactly."""
    parts = [v for v in funding.by_category().values() if v is not None]
    assert funding.total == (sum(parts, Decimal(0)) if parts else None)


@given(statistics_returns())
def test_figures_agree_with_attributes(ret: StatisticsReturn) -> None:
    """Every dotted path in ``figures()`` resolves to the attribute it names."""
    for path, value in ret.figures().items():
        obj: object = ret
        for part in path.split("."):
            obj = getattr(obj, part)
        assert obj == value


@pytest.mark.parametrize("field", ["activity_count", "funding"])
def test_true_is_not_one(field: str) -> None:
    """JSON ``true`` is neither a count nor an amount."""
    value: object = True if field == "activity_count" else {"county": True}
    with pytest.raises(ValidationError, match="input_type=bool"):
        StatisticsReturn.model_validate({"reporting_unit": UNIT, field: value})


def test_negative_zero_becomes_zero() -> None:
    """``-0`` is read as 0, so it never looks negative."""
    ret = StatisticsReturn.model_validate({"reporting_unit": UNIT, "funding": {"county": "-0.00"}})
    assert ret.funding.county == 0
    assert not ret.funding.county.is_signed()
