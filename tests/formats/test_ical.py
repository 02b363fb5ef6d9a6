"""Calendars: the seed campaigns as events, the date rules, stable UIDs and bytes."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import given

from sci_workers_day import __version__
from sci_workers_day.dates import DateWindow, DayPart
from sci_workers_day.formats.ical import to_ical
from sci_workers_day.model.activity import Activity, ActivityMode
from sci_workers_day.model.campaign import Campaign, CampaignKind
from sci_workers_day.model.organizer import Organizer
from sci_workers_day.model.venue import Venue
from sci_workers_day.testing import campaigns

CAMPAIGNS = sorted((Path(__file__).parents[2] / "examples" / "campaigns").glob("*.json"))
BEIJING = ZoneInfo("Asia/Shanghai")
DAY = dt.timedelta(days=1)


def _campaign(*activities: Activity, **fields: object) -> Campaign:
    values: dict[str, object] = {
        "title": "关于举办2025年太原市科技活动周的通知",
        "kinds": frozenset({CampaignKind.SCIENCE_WEEK}),
        "year": 2025,
        "activities": activities,
    }
    return Campaign.model_validate(values | fields)


def _events(campaign: Campaign) -> list[icalendar.Event]:
    return _parse(to_ical(campaign))


def _parse(data: bytes) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return [event for event in calendar.walk("VEVENT") if isinstance(event, icalendar.Event)]


def _one(window: DateWindow | None, **fields: object) -> icalendar.Event:
    (event,) = _events(_campaign(Activity(name="启动仪式", window=window), **fields))
    return event


def _window(campaign: Campaign, activity: Activity) -> DateWindow | None:
    window = activity.window if activity.window is not None else campaign.window
    return window if window is not None and window.start is not None else None


def _dated(campaign: Campaign) -> list[tuple[Activity, DateWindow]]:
    return [
        (activity, window)
        for activity in campaign.activities
        if (window := _window(campaign, activity)) is not None
    ]


def _categories(event: icalendar.Event) -> list[str]:
    return [str(category) for category in event.categories]


@pytest.fixture(params=CAMPAIGNS, ids=[path.stem for path in CAMPAIGNS])
def example(request: pytest.FixtureRequest) -> Campaign:
    """A seed campaign from examples/campaigns."""
    path: Path = request.param
    return Campaign.model_validate_json(path.read_bytes())


def test_examples_give_one_event_per_dated_activity(example: Campaign) -> None:
    """Every seed activity with a dated window (its own or the campaign's) is one event."""
    events = _events(example)
    dated = _dated(example)
    assert dated
    assert len(events) == len(dated)
    for event, (activity, window) in zip(events, dated, strict=True):
        assert window.start is not None
        assert str(event["SUMMARY"]) == activity.name
        assert event.decoded("DTSTART") == window.start
        assert event.decoded("DTEND") == (window.end or window.start) + DAY
        venues = "、".join(venue.name for venue in activity.venues)
        assert str(event.get("LOCATION", "")) == venues
        kinds = [kind.label for kind in CampaignKind if kind in example.kinds]
        assert _categories(event) == ([activity.section] if activity.section else []) + kinds


def test_examples_take_the_campaign_window_and_say_so(example: Campaign) -> None:
    """An activity without a window takes the campaign's, and its description says so."""
    for event, (activity, _window) in zip(_events(example), _dated(example), strict=True):
        inherited = "（未单列，按活动总体时间）" in str(event["DESCRIPTION"])
        assert inherited == (activity.window is None)


def test_uids_are_unique_and_stable(example: Campaign) -> None:
    """Each event has its own UID, and writing again gives the same UIDs."""
    first = [str(event["UID"]) for event in _events(example)]
    second = [str(event["UID"]) for event in _events(example)]
    assert first == second
    assert len(set(first)) == len(first)
    assert all(uid.endswith("@sci-workers-day") for uid in first)


def test_output_is_byte_stable(example: Campaign) -> None:
    """The same campaign, even read again from its JSON, gives the same bytes."""
    again = Campaign.model_validate_json(example.model_dump_json())
    assert to_ical(example) == to_ical(example) == to_ical(again)


def test_calendar_properties(example: Campaign) -> None:
    """The calendar names the producer, version, scale and the campaign's title."""
    calendar = icalendar.Calendar.from_ical(to_ical(example))
    assert str(calendar["PRODID"]) == f"-//sci_workers_day//{__version__}//ZH"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["X-WR-CALNAME"]) == example.title


def test_lines_end_in_crlf_and_are_folded(example: Campaign) -> None:
    """Lines end in CRLF and none is longer than 75 octets."""
    data = to_ical(example)
    assert data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")
    assert b"\n" not in b"".join(lines)
    assert max(len(line) for line in lines) <= 75


def test_dtstamp_is_the_issue_date_else_new_year() -> None:
    """DTSTAMP is the notice's date at midnight UTC, else 1 January of the campaign's year."""
    day = DateWindow.day(dt.date(2025, 5, 26))
    issued = _one(day, issued_on=dt.date(2025, 5, 15))
    assert issued.decoded("DTSTAMP") == dt.datetime(2025, 5, 15, tzinfo=dt.UTC)
    assert _one(day).decoded("DTSTAMP") == dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def test_same_name_activities_get_different_uids() -> None:
    """Two activities of the same name and section still get UIDs of their own."""
    day = DateWindow.day(dt.date(2025, 5, 26))
    twice = _campaign(*[Activity(name="科普讲座", section="示范活动", window=day)] * 2)
    first, second = _events(twice)
    assert first["UID"] != second["UID"]


def test_uid_depends_on_the_campaign() -> None:
    """The same activity in another campaign gets another UID."""
    day = DateWindow.day(dt.date(2025, 5, 26))
    assert _one(day)["UID"] != _one(day, title="另一通知")["UID"]
    assert _one(day)["UID"] != _one(day, year=2024)["UID"]


def test_start_time_gives_a_timed_event_in_beijing_time() -> None:
    """A start time gives DTSTART with TZID Asia/Shanghai, a VTIMEZONE and two hours."""
    window = DateWindow.day(dt.date(2025, 5, 27))
    window = DateWindow(window.start, window.end, start_time=dt.time(10), phrase="5月27日10时")
    data = to_ical(_campaign(Activity(name="启动仪式", window=window)))
    assert b"DTSTART;TZID=Asia/Shanghai:20250527T100000\r\n" in data
    calendar = icalendar.Calendar.from_ical(data)
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    (event,) = _parse(data)
    assert event.decoded("DTSTART") == dt.datetime(2025, 5, 27, 10, tzinfo=BEIJING)
    assert event.decoded("DTSTART").utcoffset() == dt.timedelta(hours=8)
    assert "DTEND" not in event
    assert event.decoded("DURATION") == dt.timedelta(hours=2)


def test_start_and_end_times_bound_the_event() -> None:
    """A start and an end time give DTSTART and DTEND at those times."""
    day = dt.date(2025, 5, 30)
    window = DateWindow(day, day, start_time=dt.time(14), end_time=dt.time(16, 30))
    event = _one(window)
    assert event.decoded("DTSTART") == dt.datetime(2025, 5, 30, 14, tzinfo=BEIJING)
    assert event.decoded("DTEND") == dt.datetime(2025, 5, 30, 16, 30, tzinfo=BEIJING)
    assert "DURATION" not in event


def test_timed_days_without_end_time_run_to_the_last_midnight() -> None:
    """A start time over several days without an end time ends when the last day does."""
    window = DateWindow(dt.date(2025, 5, 25), dt.date(2025, 5, 31), start_time=dt.time(9))
    event = _one(window)
    assert event.decoded("DTSTART") == dt.datetime(2025, 5, 25, 9, tzinfo=BEIJING)
    assert event.decoded("DTEND") == dt.datetime(2025, 6, 1, tzinfo=BEIJING)


def test_equal_start_and_end_times_give_an_instant() -> None:
    """An end time equal to the start leaves DTEND and DURATION out (RFC 5545: an instant)."""
    day = dt.date(2025, 5, 30)
    event = _one(DateWindow(day, day, start_time=dt.time(14), end_time=dt.time(14)))
    assert "DTEND" not in event
    assert "DURATION" not in event
    assert event.end == event.start


def test_open_ended_window_is_one_day_on_its_start() -> None:
    """A window without an end (5月21日起) is an all-day event on its start."""
    event = _one(DateWindow(dt.date(2025, 5, 21), None, phrase="5月21日起"))
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert event.decoded("DTSTART") == dt.date(2025, 5, 21)
    assert event.decoded("DTEND") == dt.date(2025, 5, 22)
    assert str(event["DESCRIPTION"]).endswith("时间：5月21日起")


def test_approximate_window_covers_the_window_and_says_about() -> None:
    """An approximate window (5月30日前后) is all-day over the window, marked （约）."""
    window = DateWindow(
        dt.date(2025, 5, 27), dt.date(2025, 6, 2), approximate=True, phrase="5月30日前后"
    )
    event = _one(window)
    assert event.decoded("DTSTART") == dt.date(2025, 5, 27)
    assert event.decoded("DTEND") == dt.date(2025, 6, 3)
    assert "时间：5月30日前后（约）" in str(event["DESCRIPTION"])


def test_day_part_without_time_is_all_day_and_named() -> None:
    """A part of the day without a clock time stays all-day and is named in the description."""
    day = dt.date(2025, 5, 28)
    event = _one(DateWindow(day, day, day_part=DayPart.AFTERNOON, phrase="5月28日"))
    assert event.decoded("DTSTART") == day
    assert event.decoded("DTEND") == day + DAY
    assert "时间：5月28日（下午）" in str(event["DESCRIPTION"])
    worded = _one(DateWindow(day, day, day_part=DayPart.MORNING, phrase="5月28日上午"))
    assert "时间：5月28日上午\n" in str(worded["DESCRIPTION"]) + "\n"


def test_undated_activities_are_left_out() -> None:
    """Activities whose window has no start, or with no window anywhere, give no event."""
    campaign = _campaign(
        Activity(name="报送材料", window=DateWindow(None, dt.date(2025, 6, 8))),
        Activity(name="时间待定", window=DateWindow(phrase="待定")),
        Activity(name="无时间"),
        Activity(name="有日期", window=DateWindow.day(dt.date(2025, 5, 30))),
    )
    assert [str(event["SUMMARY"]) for event in _events(campaign)] == ["有日期"]


def test_campaign_without_dated_activities_is_a_valid_empty_calendar() -> None:
    """No dated activity gives no VEVENT; the VTIMEZONE keeps the calendar valid."""
    campaign = _campaign(Activity(name="无时间"), window=DateWindow(None, dt.date(2025, 6, 8)))
    calendar = icalendar.Calendar.from_ical(to_ical(campaign))
    calendar.validate()  # type: ignore[no-untyped-call]  # icalendar leaves it unannotated
    assert calendar.walk("VEVENT") == []
    assert len(calendar.walk("VTIMEZONE")) == 1
    assert str(calendar["X-WR-CALNAME"]) == campaign.title


def test_description_lists_units_mode_audience_and_time() -> None:
    """The description holds content, 举办单位, 推荐单位, 形式, 面向对象 and the time phrase."""
    activity = Activity(
        name="科学家精神进校园",
        description="宣讲科学家故事",
        window=DateWindow.day(dt.date(2025, 5, 29), phrase="5月29日"),
        venues=(Venue(name="晋中市科技馆"), Venue(name="晋中市图书馆")),
        organizers=(Organizer(name="晋中市科学技术协会"), Organizer(name="晋中市教育局")),
        recommended_by=(Organizer(name="晋中市科学技术局"),),
        mode=ActivityMode.HYBRID,
        audience="青少年",
    )
    (event,) = _events(_campaign(activity))
    assert str(event["DESCRIPTION"]).split("\n") == [
        "宣讲科学家故事",
        "举办单位：晋中市科学技术协会、晋中市教育局",
        "推荐单位：晋中市科学技术局",
        "形式：线上线下相结合",
        "面向对象：青少年",
        "时间：5月29日",
    ]
    assert str(event["LOCATION"]) == "晋中市科技馆、晋中市图书馆"
    assert "ORGANIZER" not in event


def test_categories_are_the_section_then_the_kinds() -> None:
    """CATEGORIES holds the section, then each kind's Chinese name in a fixed order, once."""
    day = DateWindow.day(dt.date(2025, 5, 30))
    kinds = frozenset({CampaignKind.SCIENCE_WEEK, CampaignKind.WORKERS_DAY})
    campaign = _campaign(
        Activity(name="主场活动", section="科技活动周", window=day),
        Activity(name="无栏目", window=day),
        kinds=kinds,
    )
    sectioned, plain = _events(campaign)
    assert _categories(sectioned) == ["科技活动周", "全国科技工作者日"]
    assert _categories(plain) == ["全国科技工作者日", "科技活动周"]


def test_missing_extra_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without icalendar, writing says how to install the ical extra."""
    monkeypatch.setitem(sys.modules, "icalendar", None)
    with pytest.raises(ModuleNotFoundError, match=r"pip install 'sci-workers-day\[ical\]'"):
        to_ical(_campaign())


@given(campaigns())
def test_any_campaign_parses_back_with_one_event_per_dated_activity(campaign: Campaign) -> None:
    """For any campaign the calendar parses back: one event per dated activity, dates kept."""
    data = to_ical(campaign)
    assert data == to_ical(campaign)
    events = _parse(data)
    dated = _dated(campaign)
    assert len(events) == len(dated)
    assert len({str(event["UID"]) for event in events}) == len(events)
    for event, (activity, window) in zip(events, dated, strict=True):
        assert window.start is not None
        assert str(event["SUMMARY"]) == activity.name
        last = window.end or window.start
        if window.start_time is None:
            assert event.decoded("DTSTART") == window.start
            assert event.decoded("DTEND") == last + DAY
        else:
            begins = dt.datetime.combine(window.start, window.start_time, tzinfo=BEIJING)
            assert event.decoded("DTSTART") == begins
            midnight = dt.datetime.combine(last + DAY, dt.time(), BEIJING)
            assert begins <= event.end <= max(midnight, begins + dt.timedelta(hours=2))
