"""Pin the JSON schema of every public model: a change must be deliberate.

After a deliberate change, rewrite the pinned files with ``make schemas``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

import sci_workers_day as swd

SCHEMA_DIR = Path(__file__).parents[1] / "data" / "schema"

PINNED: dict[str, Any] = {
    "Activity": swd.Activity,
    "Campaign": swd.Campaign,
    "Contact": swd.Contact,
    "DateWindow": swd.DateWindow,
    "Designation": swd.Designation,
    "DocumentNumber": swd.DocumentNumber,
    "DocumentReference": swd.DocumentReference,
    "Funding": swd.Funding,
    "MediaItem": swd.MediaItem,
    "OpenedSites": swd.OpenedSites,
    "Organizer": swd.Organizer,
    "Participation": swd.Participation,
    "Photo": swd.Photo,
    "Publicity": swd.Publicity,
    "ReportingRequirements": swd.ReportingRequirements,
    "Staff": swd.Staff,
    "StatisticsReturn": swd.StatisticsReturn,
    "Submission": swd.Submission,
    "SummaryReport": swd.SummaryReport,
    "Venue": swd.Venue,
    "Video": swd.Video,
}


def schema_of(name: str) -> str:
    """The schema as the pinned file holds it."""
    schema = TypeAdapter(PINNED[name]).json_schema()
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@pytest.mark.parametrize("name", sorted(PINNED))
def test_schema_is_pinned(name: str) -> None:
    """The model's JSON schema equals the file under tests/data/schema."""
    pinned = (SCHEMA_DIR / f"{name}.json").read_text("utf-8")
    assert schema_of(name) == pinned, f"schema of {name} changed: run `make schemas` if deliberate"


def test_every_exported_model_is_pinned() -> None:
    """No public pydantic model escapes the pin."""
    from pydantic import BaseModel

    models = {
        name
        for name in swd.__all__
        if isinstance(getattr(swd, name), type) and issubclass(getattr(swd, name), BaseModel)
    }
    assert models <= set(PINNED)


if __name__ == "__main__":
    SCHEMA_DIR.mkdir(parents=True, exist_ok=True)
    for model_name in PINNED:
        (SCHEMA_DIR / f"{model_name}.json").write_text(schema_of(model_name), "utf-8")
    print(f"wrote {len(PINNED)} schemas to {SCHEMA_DIR}")
