"""Fixtures shared by the format tests."""

from __future__ import annotations

import pytest

from sci_workers_day.formats import _grid


@pytest.fixture(params=["calamine", "openpyxl"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with python-calamine, then with the openpyxl fallback."""
    if request.param == "openpyxl":
        monkeypatch.setattr(_grid, "_calamine", lambda: None)
    return str(request.param)
