import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from sci_workers_day import DateWindow, DayPart
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


WINDOW = TypeAdapter(DateWindow)


def test_json_form() -> None:
    """The JSON form has ISO dates and the phrase; the optional keys only when set."""
    window = DateWindow(D(2024, 5, 25), D(2024, 6, 1), phrase="5月25日—6月1日")
    assert WINDOW.dump_python(window, mode="json") == {
        "start": "2024-05-25",
        "end": "2024-06-01",
        "phrase": "5月25日—6月1日",
    }
    timed = DateWindow(
        D(2024, 5, 28),
        D(2024, 5, 28),
        approximate=True,
        start_time=dt.time(14),
        end_time=dt.time(16),
        day_part=DayPart.AFTERNOON,
    )
    assert WINDOW.dump_python(timed, mode="json") == {
        "start": "2024-05-28",
        "end": "2024-05-28",
        "phrase": None,
        "approximate": True,
        "start_time": "14:00:00",
        "end_time": "16:00:00",
        "day_part": "afternoon",
    }


@given(st.dictionaries(st.sampled_from(["start", "end", "start_time"]), st.integers(), min_size=1))
def test_numbers_are_not_dates(payload: dict[str, int]) -> None:
    """Numbers in a window's JSON are refused, not read as Unix timestamps."""
    with pytest.raises(ValidationError):
        WINDOW.validate_python(payload)


def test_unknown_keys_are_refused() -> None:
    """A misspelt key in a window's JSON is an error."""
    with pytest.raises(ValidationError, match="Extra inputs"):
        WINDOW.validate_python({"start": "2024-05-25", "ending": "2024-06-01"})


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"start": dt.datetime(2024, 5, 25, tzinfo=dt.UTC)}, TypeError),
        ({"start": "2024-05-25"}, TypeError),
        ({"start": D(2024, 5, 25), "start_time": "10:00"}, TypeError),
        ({"start_time": dt.time(10)}, ValueError),
        ({"start": D(2024, 5, 25), "end_time": dt.time(10)}, ValueError),
        (
            {
                "start": D(2024, 5, 25),
                "end": D(2024, 5, 25),
                "start_time": dt.time(16),
                "end_time": dt.time(14),
            },
            ValueError,
        ),
    ],
)
def test_constructor_checks(kwargs: dict[str, object], error: type[Exception]) -> None:
    """Only dates and times go in; a time needs its day; a day cannot end before it starts."""
    with pytest.raises(error):
        DateWindow(**kwargs)  # type: ignore[arg-type]
