import contextlib
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sci_workers_day import DateWindow
from sci_workers_day.testing import date_windows, dates

D = dt.date


def test_end_before_start_is_refused() -> None:
    """A window cannot end before it starts."""
    with pytest.raises(ValueError, match="before it starts"):
        DateWindow(D(2024, 6, 1), D(2024, 5, 25))


def test_phrase_takes_no_part_in_equality() -> None:
    """Two windows over the same days are equal whatever text they came from."""
    assert DateWindow(D(2024, 5, 21), D(2024, 6, 10), phrase="5月下旬至6月上旬") == DateWindow(
        D(2024, 5, 21), D(2024, 6, 10)
    )


def test_approximate_windows_differ_from_exact_ones() -> None:
    """``5月30日前后`` is not the same statement as 27 May to 2 June."""
    exact = DateWindow(D(2025, 5, 27), D(2025, 6, 2))
    assert DateWindow(D(2025, 5, 27), D(2025, 6, 2), approximate=True) != exact


def test_day_and_days() -> None:
    """A single-day window covers one day; an open window has no length."""
    assert DateWindow.day(D(2024, 5, 30)).days == 1
    assert DateWindow(D(2024, 5, 25), D(2024, 6, 1)).days == 8
    assert DateWindow(D(2024, 5, 21)).days is None
    assert DateWindow(D(2024, 5, 21)).is_open


@pytest.mark.parametrize(
    ("window", "day", "inside"),
    [
        (DateWindow(D(2024, 5, 25), D(2024, 6, 1)), D(2024, 5, 25), True),
        (DateWindow(D(2024, 5, 25), D(2024, 6, 1)), D(2024, 6, 1), True),
        (DateWindow(D(2024, 5, 25), D(2024, 6, 1)), D(2024, 6, 2), False),
        (DateWindow(D(2024, 5, 25), D(2024, 6, 1)), D(2024, 5, 24), False),
        (DateWindow(D(2024, 5, 21), None), D(2030, 1, 1), True),
        (DateWindow(None, D(2024, 6, 8)), D(2000, 1, 1), True),
    ],
)
def test_contains_day(window: DateWindow, day: dt.date, inside: bool) -> None:
    """Both ends are inclusive; an open end admits everything on its side."""
    assert window.contains(day) is inside


def test_contains_window() -> None:
    """A window contains another when both its ends fall inside."""
    campaign = DateWindow(D(2024, 5, 21), D(2024, 6, 10))
    assert campaign.contains(DateWindow(D(2024, 5, 25), D(2024, 6, 1)))
    assert not campaign.contains(DateWindow(D(2024, 5, 25), D(2024, 6, 11)))
    assert not campaign.contains(DateWindow(D(2024, 5, 25), None))
    assert DateWindow(D(2024, 5, 21)).contains(DateWindow(D(2024, 5, 25), None))
    assert DateWindow().contains(DateWindow())


def test_overlaps() -> None:
    """Windows overlap when they share at least one day."""
    may = DateWindow(D(2024, 5, 1), D(2024, 5, 31))
    assert may.overlaps(DateWindow(D(2024, 5, 31), D(2024, 6, 10)))
    assert not may.overlaps(DateWindow(D(2024, 6, 1), D(2024, 6, 10)))
    assert may.overlaps(DateWindow(None, D(2024, 5, 1)))
    assert may.overlaps(DateWindow())


@given(date_windows(), date_windows())
def test_overlap_is_symmetric(a: DateWindow, b: DateWindow) -> None:
    """``a.overlaps(b)`` iff ``b.overlaps(a)``."""
    assert a.overlaps(b) is b.overlaps(a)


@given(date_windows(), dates())
def test_contains_agrees_with_overlap_of_a_day(window: DateWindow, day: dt.date) -> None:
    """A window contains a day exactly when it overlaps that day's window."""
    assert window.contains(day) is window.overlaps(DateWindow.day(day))


def test_json_form() -> None:
    """The JSON form has ISO dates and the phrase; ``approximate`` only when set."""
    window = DateWindow(D(2024, 5, 25), D(2024, 6, 1), phrase="5月25日—6月1日")
    assert window.to_json() == {
        "start": "2024-05-25",
        "end": "2024-06-01",
        "phrase": "5月25日—6月1日",
    }
    assert DateWindow(D(2025, 5, 27), D(2025, 6, 2), approximate=True).to_json()["approximate"]


@given(date_windows())
def test_to_json_matches_pydantic_dump(window: DateWindow) -> None:
    """``to_json`` and the models' JSON output agree."""
    from pydantic import TypeAdapter

    assert TypeAdapter(DateWindow).dump_python(window, mode="json") == window.to_json()


@given(st.dictionaries(st.sampled_from(["start", "end", "phrase", "other"]), st.integers()))
def test_bad_payloads_are_validation_errors(payload: dict[str, int]) -> None:
    """Garbage JSON for a window is a clean validation error, never another exception."""
    from pydantic import TypeAdapter, ValidationError

    with contextlib.suppress(ValidationError):
        TypeAdapter(DateWindow).validate_python(payload)
