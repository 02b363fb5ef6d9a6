"""Every model survives JSON and back unchanged: ``model_validate(dump(x)) == x``."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter

import sci_workers_day as swd
from sci_workers_day import testing

STRATEGIES: dict[str, tuple[Any, st.SearchStrategy[Any]]] = {
    "Activity": (swd.Activity, testing.activities()),
    "Campaign": (swd.Campaign, testing.campaigns()),
    "Contact": (swd.Contact, testing.contacts()),
    "DateWindow": (swd.DateWindow, testing.date_windows()),
    "Designation": (swd.Designation, testing.designations()),
    "DocumentNumber": (swd.DocumentNumber, testing.document_numbers()),
    "DocumentReference": (swd.DocumentReference, testing.document_references()),
    "MediaItem": (swd.MediaItem, testing.media_items()),
    "Organizer": (swd.Organizer, testing.organizers()),
    "ReportingRequirements": (swd.ReportingRequirements, testing.reporting_requirements()),
    "StatisticsReturn": (swd.StatisticsReturn, testing.statistics_returns()),
    "Submission": (swd.Submission, testing.submissions()),
    "Venue": (swd.Venue, testing.venues()),
}


@pytest.mark.parametrize("name", sorted(STRATEGIES))
def test_json_round_trip(name: str) -> None:
    """Plain JSON data (as ``json.loads`` gives it) validates back to an equal value."""
    model, strategy = STRATEGIES[name]
    adapter: TypeAdapter[Any] = TypeAdapter(model)

    @given(strategy)
    def check(value: Any) -> None:
        data = json.loads(json.dumps(adapter.dump_python(value, mode="json")))
        again = adapter.validate_python(data)
        assert again == value
        assert adapter.validate_json(adapter.dump_json(value)) == value
        # Equality ignores phrases and source spellings; the JSON must keep them all the same.
        assert adapter.dump_json(again) == adapter.dump_json(value)

    check()


@given(testing.campaigns())
def test_dump_is_stable(campaign: swd.Campaign) -> None:
    """Dumping twice gives the same text: set fields are sorted, so files diff cleanly."""
    assert (
        campaign.model_dump_json()
        == swd.Campaign.model_validate_json(campaign.model_dump_json()).model_dump_json()
    )


MODELS = sorted(
    name
    for name, (model, _) in STRATEGIES.items()
    if isinstance(model, type) and issubclass(model, BaseModel)
)


@pytest.mark.parametrize("name", MODELS)
def test_unknown_keys_are_refused(name: str) -> None:
    """``extra="forbid"``: a misspelt key is an error, not silently dropped data."""
    model = STRATEGIES[name][0]
    with pytest.raises(ValueError, match="Extra inputs are not permitted"):
        model.model_validate({"name": "x", "title": "x", "unexpected": 1})


def test_models_are_frozen() -> None:
    """Models cannot be changed after construction: they are values."""
    organizer = swd.Organizer(name="晋中市科学技术协会")
    with pytest.raises(ValueError, match="frozen"):
        organizer.name = "其他"  # type: ignore[misc]
