"""Calendars (iCalendar, RFC 5545): a campaign's activities as events a calendar app imports.

:func:`to_ical` writes one; it needs the ``ical`` extra (icalendar). The projection, so that
nothing is guessed silently:

- One ``VEVENT`` per activity whose window has a start date, in the campaign's order. An
  activity without a window of its own takes the campaign's window, and its ``DESCRIPTION``
  says so; an activity whose own window has no start date (``6月8日前``, 待定) is left out.
- A window without a time of day is an all-day event (``VALUE=DATE``) from its first to its
  last day; ``DTEND`` is the day after the last (it is exclusive). An open end (``5月21日起``)
  gives a one-day event on the start. An approximate window (``5月30日前后``) covers the
  whole window and reads ``（约）`` in the description; a part of the day without a clock
  time (``5月28日上午``) stays all-day and names the part there.
- A start time gives a timed event in Beijing time (``TZID=Asia/Shanghai``). It ends at the
  end time when the window has one; else at the end of its last day when it spans several
  days; else, on a single day, it gets ``DURATION:PT2H`` (calendar apps show an event
  without an end as a zero-length mark). An end time that is not after the start leaves the
  end out: RFC 5545 then reads the event as an instant.
- ``SUMMARY`` is the name, ``LOCATION`` the venues' names, ``DESCRIPTION`` the content, the
  organizers (举办单位), the recommending units (推荐单位), the mode, the audience and the
  time as the notice words it. ``CATEGORIES`` holds the section and the Chinese names of the
  campaign's kinds. Organizers are not written as ``ORGANIZER``: that property is an e-mail
  address, and notices give none.
- ``UID`` and ``DTSTAMP`` derive from the campaign, so the same campaign gives the same
  bytes every time: events keep their identity when a calendar is imported again.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import TYPE_CHECKING

from sci_workers_day.dates import DateWindow
from sci_workers_day.model.activity import Activity, ActivityMode
from sci_workers_day.model.campaign import Campaign, CampaignKind

if TYPE_CHECKING:
    import icalendar

__all__ = ["to_ical"]

# Every time in a notice is Beijing time and China has one zone. Times are written with
# TZID=Asia/Shanghai and the VTIMEZONE that defines it, not as floating times: a floating
# time is read in the zone of whoever opens the calendar, so 10:00 would move for a reader
# abroad, and some apps (Google Calendar) put floating times in the calendar's own zone.
_ZONE = "Asia/Shanghai"
_DEFAULT_DURATION = dt.timedelta(hours=2)
_UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "sci-workers-day")
_UID_DOMAIN = "sci-workers-day"
_MODE_LABELS = {
    ActivityMode.ONLINE: "线上",
    ActivityMode.OFFLINE: "线下",
    ActivityMode.HYBRID: "线上线下相结合",
}
_ONE_DAY = dt.timedelta(days=1)


def to_ical(campaign: Campaign) -> bytes:
    """The campaign's activities as an iCalendar (``.ics``) file: CRLF lines, folded.

    The output is byte-stable: the same campaign always gives the same bytes. Needs the
    ``ical`` extra; without it raises ``ModuleNotFoundError`` with install instructions.
    """
    try:
        import icalendar  # noqa: PLC0415 - an extra, loaded only when a calendar is written
    except ImportError as error:
        msg = "writing calendars needs the ical extra: pip install 'sci-workers-day[ical]'"
        raise ModuleNotFoundError(msg, name="icalendar") from error
    from sci_workers_day import __version__  # noqa: PLC0415 - the package imports this module

    calendar = icalendar.Calendar()
    calendar.add("PRODID", f"-//sci_workers_day//{__version__}//ZH")
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("X-WR-CALNAME", icalendar.vText(campaign.title))  # escaped like SUMMARY
    dated = [
        (activity, index, window)
        for activity, index in _numbered(campaign.activities)
        if (window := _window_of(campaign, activity)) is not None
    ]
    # The VTIMEZONE is written even when no event is timed: RFC 5545 wants a calendar to
    # hold at least one component, so a campaign without dated activities stays valid.
    years = [campaign.year]
    for _activity, _index, window in dated:
        if window.start is not None and window.start_time is not None:
            years.extend(day.year for day in (window.start, window.end) if day is not None)
    calendar.add_component(
        icalendar.Timezone.from_tzid(
            _ZONE, first_date=dt.date(min(years), 1, 1), last_date=dt.date(max(years) + 1, 1, 1)
        )
    )
    stamp = _stamp(campaign)
    for activity, index, window in dated:
        event = icalendar.Event()
        event.add("UID", _uid(campaign, activity, index))
        event.add("DTSTAMP", stamp)
        event.add("SUMMARY", activity.name)
        _add_times(event, window)
        if activity.venues:
            event.add("LOCATION", "、".join(venue.name for venue in activity.venues))
        inherited = activity.window is None
        event.add("DESCRIPTION", _description(activity, window, inherited=inherited))
        event.add("CATEGORIES", _categories(campaign, activity))
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical


def _window_of(campaign: Campaign, activity: Activity) -> DateWindow | None:
    """The activity's window, else the campaign's; ``None`` when it has no start date."""
    window = activity.window if activity.window is not None else campaign.window
    return window if window is not None and window.start is not None else None


def _numbered(activities: tuple[Activity, ...]) -> list[tuple[Activity, int]]:
    """Each activity with its index among the activities of the same name."""
    seen: dict[str, int] = {}
    numbered = []
    for activity in activities:
        index = seen.get(activity.name, 0)
        seen[activity.name] = index + 1
        numbered.append((activity, index))
    return numbered


def _stamp(campaign: Campaign) -> dt.datetime:
    """DTSTAMP: the notice's date at midnight UTC, else 1 January of its year."""
    day = campaign.issued_on or dt.date(campaign.year, 1, 1)
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def _uid(campaign: Campaign, activity: Activity, index: int) -> str:
    key = json.dumps(
        [campaign.title, campaign.year, activity.name, activity.section, index],
        ensure_ascii=False,
    )
    return f"{uuid.uuid5(_UID_NAMESPACE, key)}@{_UID_DOMAIN}"


def _add_times(event: icalendar.Event, window: DateWindow) -> None:
    """DTSTART with DTEND or DURATION, by the rules in the module docstring."""
    from zoneinfo import ZoneInfo  # noqa: PLC0415 - next to its only use

    start = window.start
    assert start is not None  # noqa: S101 - _window_of drops undated windows: narrows for mypy
    last = window.end or start
    if window.start_time is None:
        event.add("DTSTART", start)
        event.add("DTEND", last + _ONE_DAY)
        return
    zone = ZoneInfo(_ZONE)
    begins = dt.datetime.combine(start, window.start_time, tzinfo=zone)
    event.add("DTSTART", begins)
    if window.end_time is not None:
        ends = dt.datetime.combine(last, window.end_time, tzinfo=zone)
        if ends > begins:
            event.add("DTEND", ends)
    elif last > start:
        event.add("DTEND", dt.datetime.combine(last + _ONE_DAY, dt.time(), tzinfo=zone))
    else:
        event.add("DURATION", _DEFAULT_DURATION)


def _description(activity: Activity, window: DateWindow, *, inherited: bool) -> str:
    lines = [activity.description] if activity.description else []
    if activity.organizers:
        lines.append("举办单位：" + "、".join(unit.name for unit in activity.organizers))
    if activity.recommended_by:
        lines.append("推荐单位：" + "、".join(unit.name for unit in activity.recommended_by))
    if activity.mode is not None:
        lines.append("形式：" + _MODE_LABELS[activity.mode])
    if activity.audience:
        lines.append("面向对象：" + activity.audience)
    phrase = window.phrase or window.to_chinese()
    time = f"时间：{phrase}"
    part = window.day_part
    if part is not None and window.start_time is None and part.label not in phrase:
        time += f"（{part.label}）"
    if window.approximate:
        time += "（约）"
    if inherited:
        time += "（未单列，按活动总体时间）"
    lines.append(time)
    return "\n".join(lines)


def _categories(campaign: Campaign, activity: Activity) -> list[str]:
    """The section, then the campaign's kinds in their fixed order, each once."""
    kinds = [kind.label for kind in CampaignKind if kind in campaign.kinds]
    return list(dict.fromkeys([activity.section, *kinds] if activity.section else kinds))
