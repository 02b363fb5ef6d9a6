"""Date windows: the inclusive date ranges that campaigns, activities and designations run over.

The Chinese phrase parser (``5月下旬至6月上旬``) builds on :class:`DateWindow`; "today" is
always a parameter, never read from the clock.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypedDict

import attrs
from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema as cs

__all__ = ["DateWindow"]


class _WindowPayload(TypedDict, total=False):
    start: dt.date | None
    end: dt.date | None
    phrase: str | None
    approximate: bool


def _check_order(instance: DateWindow, _attribute: object, end: dt.date | None) -> None:
    if instance.start is not None and end is not None and end < instance.start:
        msg = f"window ends ({end}) before it starts ({instance.start}) (结束日期早于开始日期)"
        raise ValueError(msg)


@attrs.frozen
class DateWindow:
    """An inclusive range of dates; either end may be open (``None``).

    ``phrase`` keeps the text the window was read from (``5月下旬至6月上旬``) and takes no part
    in equality: two windows are equal when they cover the same days. ``approximate`` marks a
    window read from a phrase such as ``5月30日前后``.

    JSON form: ``{"start": "2024-05-25", "end": "2024-06-01", "phrase": "5月25日—6月1日"}``.
    """

    start: dt.date | None = None
    end: dt.date | None = attrs.field(default=None, validator=_check_order)
    phrase: str | None = attrs.field(default=None, eq=False)
    approximate: bool = False

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

    def to_json(self) -> dict[str, Any]:
        """The JSON form (ISO dates)."""
        data: dict[str, Any] = {
            "start": None if self.start is None else self.start.isoformat(),
            "end": None if self.end is None else self.end.isoformat(),
            "phrase": self.phrase,
        }
        if self.approximate:
            data["approximate"] = True
        return data

    @classmethod
    def _from_payload(cls, payload: _WindowPayload) -> DateWindow:
        return cls(
            payload.get("start"),
            payload.get("end"),
            phrase=payload.get("phrase"),
            approximate=payload.get("approximate", False),
        )

    def _to_payload(self) -> _WindowPayload:
        payload = _WindowPayload(start=self.start, end=self.end, phrase=self.phrase)
        if self.approximate:
            payload["approximate"] = True
        return payload

    @classmethod
    def __get_pydantic_core_schema__(
        cls, _source: type[Any], _handler: GetCoreSchemaHandler
    ) -> cs.CoreSchema:
        payload = cs.typed_dict_schema(
            {
                "start": cs.typed_dict_field(cs.nullable_schema(cs.date_schema()), required=False),
                "end": cs.typed_dict_field(cs.nullable_schema(cs.date_schema()), required=False),
                "phrase": cs.typed_dict_field(cs.nullable_schema(cs.str_schema()), required=False),
                "approximate": cs.typed_dict_field(cs.bool_schema(), required=False),
            },
            extra_behavior="forbid",
            ref="DateWindow",
            config=cs.CoreConfig(title="DateWindow"),
        )
        from_payload = cs.no_info_after_validator_function(cls._from_payload, payload)
        return cs.json_or_python_schema(
            json_schema=from_payload,
            python_schema=cs.union_schema([cs.is_instance_schema(cls), from_payload]),
            serialization=cs.plain_serializer_function_ser_schema(
                cls._to_payload, return_schema=payload
            ),
        )
