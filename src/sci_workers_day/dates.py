"""Date windows: the inclusive date ranges that campaigns, activities and designations run over.

The Chinese phrase parser (``5月下旬至6月上旬``) builds on :class:`DateWindow`; "today" is
always a parameter, never read from the clock.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, TypedDict

import attrs
from pydantic import ConfigDict, GetCoreSchemaHandler
from pydantic_core import core_schema as cs

__all__ = ["DateWindow", "DayPart"]


class DayPart(enum.StrEnum):
    """A part of the day a phrase names without a clock time (``5月28日上午``)."""

    MORNING = "morning"
    """上午."""
    NOON = "noon"
    """中午."""
    AFTERNOON = "afternoon"
    """下午."""
    EVENING = "evening"
    """晚上."""
    ALL_DAY = "all_day"
    """全天."""

    @property
    def label(self) -> str:
        """The Chinese word: 上午, 中午, 下午, 晚上, 全天."""
        return _DAY_PART_LABELS[self]


_DAY_PART_LABELS = {
    DayPart.MORNING: "上午",
    DayPart.NOON: "中午",
    DayPart.AFTERNOON: "下午",
    DayPart.EVENING: "晚上",
    DayPart.ALL_DAY: "全天",
}


class _WindowPayload(TypedDict, total=False):
    """An inclusive range of dates; either end may be open (null).

    ``phrase`` is the text it was read from; ``approximate``, ``start_time``, ``end_time`` and
    ``day_part`` appear only when set.
    """

    __pydantic_config__ = ConfigDict(title="DateWindow")  # type: ignore[misc]

    start: dt.date | None
    end: dt.date | None
    phrase: str | None
    approximate: bool
    start_time: dt.time | None
    end_time: dt.time | None
    day_part: DayPart | None


def _check_order(instance: DateWindow, _attribute: object, end: dt.date | None) -> None:
    if instance.start is not None and end is not None and end < instance.start:
        msg = f"window ends ({end}) before it starts ({instance.start}) (结束日期早于开始日期)"
        raise ValueError(msg)


def _check_times(instance: DateWindow, _attribute: object, end_time: dt.time | None) -> None:
    if instance.start_time is not None and instance.start is None:
        msg = "a start time needs a start date (有开始时间但无开始日期)"
        raise ValueError(msg)
    if end_time is not None and instance.end is None:
        msg = "an end time needs an end date (有结束时间但无结束日期)"
        raise ValueError(msg)
    same_day = instance.start is not None and instance.start == instance.end
    if same_day and instance.start_time and end_time and end_time < instance.start_time:
        msg = f"window ends ({end_time}) before it starts ({instance.start_time}) (结束早于开始)"
        raise ValueError(msg)


def _date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # A datetime is a date too, but a window holds days: refuse it rather than compare wrongly.
    if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
        msg = f"{attribute.name} must be a datetime.date, not {type(value).__name__}"
        raise TypeError(msg)


def _time(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, dt.time):
        msg = f"{attribute.name} must be a datetime.time, not {type(value).__name__}"
        raise TypeError(msg)


def _refuse_numbers(value: object) -> object:
    # pydantic reads numbers as Unix timestamps; a window's JSON has ISO text only.
    if isinstance(value, int | float):
        msg = "dates and times are ISO text such as 2024-05-25 or 14:00 (日期应为文本)"
        raise ValueError(msg)
    return value


def _clock(time: dt.time) -> str:
    return f"{time.hour}:{time.minute:02d}"


def _iso(schema: cs.CoreSchema) -> cs.CoreSchema:
    return cs.no_info_before_validator_function(_refuse_numbers, schema)


@attrs.frozen
class DateWindow:
    """An inclusive range of dates; either end may be open (``None``).

    ``phrase`` keeps the text the window was read from (``5月下旬至6月上旬``) and takes no part
    in equality: two windows are equal when they cover the same days. ``approximate`` marks a
    window read from a phrase such as ``5月30日前后``.

    ``start_time`` and ``end_time`` keep a time of day where the phrase gives one
    (``5月27日10时``, ``14:00—16:00``; local time, no time zone); ``day_part`` keeps the part
    of the first day a phrase names (``5月28日上午`` → morning).

    JSON form: ``{"start": "2024-05-25", "end": "2024-06-01", "phrase": "5月25日—6月1日"}``,
    plus ``approximate``, ``start_time`` and ``end_time`` (``"14:00:00"``) when set.
    """

    start: dt.date | None = attrs.field(default=None, validator=_date)
    end: dt.date | None = attrs.field(default=None, validator=[_date, _check_order])
    phrase: str | None = attrs.field(default=None, eq=False, kw_only=True)
    approximate: bool = attrs.field(default=False, kw_only=True)
    start_time: dt.time | None = attrs.field(default=None, kw_only=True, validator=_time)
    end_time: dt.time | None = attrs.field(
        default=None, kw_only=True, validator=[_time, _check_times]
    )
    day_part: DayPart | None = attrs.field(default=None, kw_only=True)

    @classmethod
    def day(cls, day: dt.date, *, phrase: str | None = None) -> DateWindow:
        """The window of a single day."""
        return cls(day, day, phrase=phrase)

    @property
    def is_open(self) -> bool:
        """Whether either end is open."""
        return self.start is None or self.end is None

    @property
    def days(self) -> int | None:
        """How many days the window covers, or ``None`` when it is open."""
        if self.start is None or self.end is None:
            return None
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date | DateWindow) -> bool:
        """Whether ``day`` (a date, or a whole window) lies within this window."""
        if isinstance(day, DateWindow):
            starts_inside = day.start is not None and self.contains(day.start)
            ends_inside = day.end is not None and self.contains(day.end)
            starts_ok = starts_inside or (day.start is None and self.start is None)
            ends_ok = ends_inside or (day.end is None and self.end is None)
            return starts_ok and ends_ok
        after_start = self.start is None or day >= self.start
        before_end = self.end is None or day <= self.end
        return after_start and before_end

    def overlaps(self, other: DateWindow) -> bool:
        """Whether the two windows share at least one day."""
        starts_before_other_ends = (
            self.start is None or other.end is None or self.start <= other.end
        )
        ends_after_other_starts = self.end is None or other.start is None or self.end >= other.start
        return starts_before_other_ends and ends_after_other_starts

    def to_chinese(self) -> str:
        """The canonical Chinese phrase, e.g. ``2024年5月21日至6月10日``; it parses back.

        Open ends read ``2024年6月8日前`` and ``2024年5月21日起``; an approximate week around
        a day reads ``2025年5月30日前后``, any other approximate window ends in ``左右``.
        """
        start, end = self.start, self.end
        if start is None and end is None:
            return "不限"
        if start is None or end is None:
            day = start or end
            assert day is not None  # noqa: S101 - one end is set: narrows the type for mypy
            time = self.start_time if start else self.end_time
            clock = _clock(time) if time else ""
            part = self.day_part.label if self.day_part and start else ""
            return f"{day.year}年{day.month}月{day.day}日{part}{clock}{'起' if start else '前'}"
        if self.approximate and not (self.start_time or self.end_time or self.day_part):
            middle = start + dt.timedelta(days=3)
            if end == middle + dt.timedelta(days=3):
                return f"{middle.year}年{middle.month}月{middle.day}日前后"
        text = f"{start.year}年{start.month}月{start.day}日"
        if self.day_part:
            text += self.day_part.label
        if self.start_time:
            text += _clock(self.start_time)
        if end != start:
            year = f"{end.year}年" if end.year != start.year else ""
            text += f"至{year}{end.month}月{end.day}日"
            if self.end_time:
                text += _clock(self.end_time)
        elif self.end_time and self.start_time:
            text += f"至{_clock(self.end_time)}"
        elif self.end_time:  # an end time alone: name the day again so it reads as the end
            text += f"至{end.month}月{end.day}日{_clock(self.end_time)}"
        return text + ("左右" if self.approximate else "")

    @classmethod
    def _from_payload(cls, payload: _WindowPayload) -> DateWindow:
        return cls(
            payload.get("start"),
            payload.get("end"),
            phrase=payload.get("phrase"),
            approximate=payload.get("approximate", False),
            start_time=payload.get("start_time"),
            end_time=payload.get("end_time"),
            day_part=payload.get("day_part"),
        )

    def _to_payload(self) -> _WindowPayload:
        payload = _WindowPayload(start=self.start, end=self.end, phrase=self.phrase)
        if self.approximate:
            payload["approximate"] = True
        if self.start_time is not None:
            payload["start_time"] = self.start_time
        if self.end_time is not None:
            payload["end_time"] = self.end_time
        if self.day_part is not None:
            payload["day_part"] = self.day_part
        return payload

    @classmethod
    def __get_pydantic_core_schema__(
        cls, _source: type[Any], _handler: GetCoreSchemaHandler
    ) -> cs.CoreSchema:
        payload = cs.typed_dict_schema(
            {
                "start": cs.typed_dict_field(
                    cs.nullable_schema(_iso(cs.date_schema())), required=False
                ),
                "end": cs.typed_dict_field(
                    cs.nullable_schema(_iso(cs.date_schema())), required=False
                ),
                "phrase": cs.typed_dict_field(cs.nullable_schema(cs.str_schema()), required=False),
                "approximate": cs.typed_dict_field(cs.bool_schema(), required=False),
                "start_time": cs.typed_dict_field(
                    cs.nullable_schema(_iso(cs.time_schema())), required=False
                ),
                "end_time": cs.typed_dict_field(
                    cs.nullable_schema(_iso(cs.time_schema())), required=False
                ),
                "day_part": cs.typed_dict_field(
                    cs.nullable_schema(cs.enum_schema(DayPart, list(DayPart), sub_type="str")),
                    required=False,
                ),
            },
            extra_behavior="forbid",
            cls=_WindowPayload,
            ref="DateWindow",
        )
        from_payload = cs.no_info_after_validator_function(cls._from_payload, payload)
        return cs.json_or_python_schema(
            json_schema=from_payload,
            python_schema=cs.union_schema([cs.is_instance_schema(cls), from_payload]),
            serialization=cs.plain_serializer_function_ser_schema(
                cls._to_payload, return_schema=payload
            ),
        )
