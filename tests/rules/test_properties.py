"""Property tests for the campaign and submission rules: each fires exactly when it should."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from sci_workers_day import (
    Activity,
    Campaign,
    CampaignKind,
    DateWindow,
    DocumentNumber,
    Organizer,
    Photo,
    ReportingRequirements,
    ShotType,
    Submission,
    Video,
    validate,
)
from sci_workers_day.testing import date_windows, dates, document_numbers

UNIT = Organizer(name="平遥县科学技术协会")


def campaign(**fields: object) -> Campaign:
    """A minimal campaign with ``fields`` set."""
    values: dict[str, object] = {"title": "通知", "kinds": {CampaignKind.WORKERS_DAY}, "year": 2024}
    values.update(fields)
    return Campaign.model_validate(values)


@given(dates(), dates())
def test_late_submission_iff_after_deadline(deadline: dt.date, submitted_on: dt.date) -> None:
    """late-submission fires exactly when the submission arrives after the deadline day."""
    rules = campaign(reporting=ReportingRequirements(deadline=deadline))
    submission = Submission(reporting_unit=UNIT, submitted_on=submitted_on)
    fired = "late-submission" in validate(submission, campaign=rules).codes
    assert fired == (submitted_on > deadline)


@given(st.integers(1, 600), st.lists(st.decimals(0, 900, places=2), max_size=4))
def test_video_too_long_iff_over_the_limit(limit: int, lengths: list[Decimal]) -> None:
    """video-too-long fires once per video longer than the limit."""
    rules = campaign(reporting=ReportingRequirements(max_video_seconds=limit))
    media = tuple(
        Video(path=f"{i}.mp4", duration_seconds=seconds) for i, seconds in enumerate(lengths)
    )
    submission = Submission(reporting_unit=UNIT, submitted_on=dt.date(2024, 6, 1), media=media)
    report = validate(submission, campaign=rules)
    expected = [f"media.{i}.duration_seconds" for i, s in enumerate(lengths) if s > limit]
    assert [f.path for f in report.findings if f.code == "video-too-long"] == expected


@given(st.sets(st.sampled_from(ShotType)), st.lists(st.sampled_from([*ShotType, None])))
def test_missing_shot_type_names_each_absent_shot(
    required: set[ShotType], shots: list[ShotType | None]
) -> None:
    """missing-shot-type fires once per required shot no photo has."""
    rules = campaign(reporting=ReportingRequirements(required_shots=frozenset(required)))
    media = tuple(Photo(path=f"{i}.jpg", shot_type=shot) for i, shot in enumerate(shots))
    submission = Submission(reporting_unit=UNIT, submitted_on=dt.date(2024, 6, 1), media=media)
    report = validate(submission, campaign=rules)
    missing = [f for f in report.findings if f.code == "missing-shot-type"]
    assert len(missing) == len(required - set(shots))


@given(
    st.sets(st.sampled_from(CampaignKind), min_size=1),
    st.integers(2001, 2099),
    st.integers(1, 100),
)
def test_edition_mismatch_iff_no_counted_kind_agrees(
    kinds: set[CampaignKind], year: int, edition: int
) -> None:
    """edition-mismatch fires when no counted kind's edition for the year is the stated one."""
    report = validate(campaign(kinds=frozenset(kinds), year=year, edition=edition))
    expected = {year - 2016 for kind in kinds if kind is CampaignKind.WORKERS_DAY} | {
        year - 2000 for kind in kinds if kind is CampaignKind.SCIENCE_WEEK
    }
    fired = "edition-mismatch" in report.codes
    assert fired == bool(expected and edition not in expected)


@given(date_windows(open_ends=False), st.lists(date_windows(open_ends=False), max_size=3))
def test_activity_outside_window_iff_not_contained(
    window: DateWindow, windows: list[DateWindow]
) -> None:
    """activity-outside-window fires for exactly the activities the window does not contain."""
    activities = tuple(Activity(name=f"活动{i}", window=w) for i, w in enumerate(windows))
    report = validate(campaign(window=window, activities=activities))
    expected = [f"activities.{i}.window" for i, w in enumerate(windows) if not window.contains(w)]
    assert [f.path for f in report.findings if f.code == "activity-outside-window"] == expected


@given(date_windows(open_ends=False), dates())
def test_deadline_before_window_end_iff_earlier(window: DateWindow, deadline: dt.date) -> None:
    """deadline-before-window-end fires when units must report before the campaign ends."""
    rules = campaign(window=window, reporting=ReportingRequirements(deadline=deadline))
    fired = "deadline-before-window-end" in validate(rules).codes
    assert window.end is not None
    assert fired == (deadline < window.end)


@given(document_numbers())
def test_nonstandard_document_number_iff_not_conformant(number: DocumentNumber) -> None:
    """nonstandard-document-number fires exactly for numbers not written the GB/T 9704 way."""
    fired = "nonstandard-document-number" in validate(campaign(document_number=number)).codes
    assert fired == (not number.conformant)
