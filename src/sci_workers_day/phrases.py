"""Chinese date phrases → :class:`~sci_workers_day.DateWindow` and deadlines.

Notices state dates in phrases: ``5月下旬至6月上旬``, ``2024年5月下旬开始,至6月上旬结束``,
``于6月8日前``, ``5月30日前后``, ``二〇二四年五月二十五日（星期六）``. Reading them takes three
steps: fold the spelling (full-width forms, Chinese numerals, PDF spaces), cut the text into
tokens with one regular expression, and read the tokens as one point or a range of two.

Ambiguity is settled by rules, never by guessing (see ``docs/dates.md``): the year comes from
the phrase or the caller, never from the clock; a right-hand side without a year whose month
comes before the left-hand month runs into the next year; anything the rules do not cover
raises :class:`~sci_workers_day.DatePhraseError` with the position where reading stopped.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import NoReturn

from sci_workers_day.dates import DateWindow, DayPart
from sci_workers_day.errors import DatePhraseError

__all__ = ["parse_deadline", "parse_window"]

_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMERAL = re.compile(r"[〇○零一二三四五六七八九十两]+(?=[年月日号时点分])")
_WELL_FORMED_NUMERAL = re.compile(
    r"[一二三四五六七八九两]?十[一二三四五六七八九]?|[〇○零一二三四五六七八九两]+"
)
# Spaces inside a phrase come from PDF extraction; only a space between two digits separates.
_DIGIT_SPACE = re.compile(r"(?<=\d)\s+(?=\d)")
_SPACE = re.compile(r"[^\S ]+| {2,}| (?!\d)|(?<!\d) ")
_WEEKDAYS = "一二三四五六日"

_TOKEN = re.compile(
    r"""
    (?P<iso>(?P<iy>\d{4})(?P<isep>[-./])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})日?)
  | (?P<clock>(?P<cpart>上午|下午|中午|晚上|早上)?(?P<ch>\d{1,2}):(?P<cm>\d{2}))
  | (?P<hour>(?P<hpart>上午|下午|中午|晚上|早上|凌晨)?(?P<hh>\d{1,2})[时点]
        (?:(?P<hm>\d{1,2})分|(?P<half>半)|整)?)
  | (?P<number>(?P<num>\d{1,4})(?P<unit>年度|年|月份|月|日|号)?)
  | (?P<xun>上中旬|中下旬|上旬|中旬|下旬)
  | (?P<part>上午|下午|中午|晚上|早上|全天)
  | (?P<edge>初|中|底|末)
  | (?P<relyear>次年|翌年|第二年|同年|当年|本年|今年)
  | (?P<weekday>\(?(?:星期|礼拜|周)(?P<wd>[一二三四五六日天])\)?)
  | (?P<approx>前后|左右)
  | (?P<before>之前|以前|前|截止到|截止至|截止|截至|为止|止)
  | (?P<since>开始|起|以后|之后)
  | (?P<sep>——|—|–|-|~|〜|至|到)
  | (?P<noise>拟定于|拟于|定于|计划于|预计于|将于|日期定为|时间定为|活动时间|时间为|日期为|时间|日期
        |自|从|由|于|在|期间|举行|进行|举办|开展|结束|为|内|[,，、;；:：。() ])
    """,
    re.VERBOSE,
)

_XUN_DAYS = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31), "上中旬": (1, 20)}
_XUN_DAYS |= {"中下旬": (11, 31), "初": (1, 10), "中": (11, 20), "底": (31, 31), "末": (31, 31)}
_PARTS_AFTER_NOON = {"下午", "晚上"}
_DAY_PARTS = {
    "上午": DayPart.MORNING,
    "早上": DayPart.MORNING,
    "凌晨": DayPart.MORNING,
    "中午": DayPart.NOON,
    "下午": DayPart.AFTERNOON,
    "晚上": DayPart.EVENING,
    "全天": DayPart.ALL_DAY,
}
_APPROXIMATE_DAYS = 3
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _chinese_number(text: str) -> str:
    """二〇二四 → 2024 (digit by digit); 二十五 → 25, 十 → 10 (with 十); others unchanged."""
    if not _WELL_FORMED_NUMERAL.fullmatch(text):
        return text  # 十十 is no number: left as it is, the reader then refuses it
    if "十" not in text:
        return "".join(str(_DIGITS[c]) for c in text)
    tens, _, ones = text.partition("十")
    value = (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)
    return str(value)


def _fold(text: str) -> str:
    folded = _DIGIT_SPACE.sub(" ", unicodedata.normalize("NFKC", text))
    folded = _SPACE.sub("", folded)
    return _NUMERAL.sub(lambda m: _chinese_number(m.group()), folded)


@dataclass(slots=True)
class _Point:
    """One side of a phrase as read: the parts it states, each optional."""

    year: int | None = None
    next_year: bool = False
    month: int | None = None
    days: tuple[int, int] | None = None
    in_month: bool = False  # days name a part of the month (旬, 底), clipped to its length
    day_part: DayPart | None = None
    time: dt.time | None = None
    end_time: dt.time | None = None
    weekday: tuple[int, int] | None = None  # (weekday, position)
    bare: tuple[int, int] | None = None  # a number without its unit: (value, position)
    first_unit: str | None = None  # 年, 月 or 日: what the side states first

    def state(self, unit: str, value: int, position: int, phrase: str) -> None:
        order = "年月日"
        stated = "年" if self.year is not None else ""
        stated += "月" if self.month is not None else ""
        stated += "日" if self.days is not None else ""
        if stated and order.index(unit) <= order.index(stated[-1]):
            _fail(phrase, position, f"{unit} out of order", f"“{unit}”的位置不对")
        self.first_unit = self.first_unit or unit
        if unit == "年":
            self.year = value
        elif unit == "月":
            self.month = value
        else:
            self.days = (value, value)


def _fail(phrase: str, position: int, english: str, chinese: str) -> NoReturn:
    msg = f"{chinese}：“{phrase}”第{position + 1}个字符 ({english}, at position {position})"
    raise DatePhraseError(msg, phrase=phrase, position=position)


def _time(part: str | None, hour: int, minute: int, phrase: str, position: int) -> dt.time:
    if part in _PARTS_AFTER_NOON and hour < 12:
        hour += 12
    if hour > 23 or minute > 59:
        _fail(phrase, position, "no such time of day", "时间不存在")
    return dt.time(hour, minute)


@dataclass(slots=True)
class _Reading:
    sides: list[_Point]
    approximate: bool = False
    before: bool = False  # 前, 截止, 止: the phrase names the last day
    since: bool = False


def _read(phrase: str, folded: str) -> _Reading:  # noqa: PLR0912, PLR0915 - one dispatch over token kinds
    reading = _Reading([_Point()])
    side = reading.sides[0]
    position = 0
    last_was_time = False
    pending_time_range = False
    while position < len(folded):
        match = _TOKEN.match(folded, position)
        if match is None:
            _fail(phrase, position, "not a date", "无法识别的日期")
        kind = match.lastgroup  # the outermost group: every alternative is one named group
        where = match.start()
        position = match.end()
        is_time = False
        if kind == "iso":
            side.state("年", int(match["iy"]), where, phrase)
            side.state("月", int(match["im"]), where, phrase)
            side.state("日", int(match["id"]), where, phrase)
        elif kind == "noise":
            pass
        elif kind == "number":
            value, unit = int(match["num"]), match["unit"]
            if unit is None:
                if side.bare is not None:
                    _fail(phrase, where, "number without a unit", "数字缺少年、月或日")
                side.bare = (value, where)
            else:
                side.state(unit[0].replace("号", "日"), value, where, phrase)
        elif kind in {"xun", "edge"}:
            if side.month is None:
                if side.bare is None and side is reading.sides[0]:
                    _fail(phrase, where, "旬 without a month", "旬前缺少月份")
                elif side.bare is not None:
                    side.state("月", side.bare[0], side.bare[1], phrase)
                    side.bare = None
            if side.days is not None:
                _fail(phrase, where, "旬 after a day", "日期后不能再跟旬")
            side.days = _XUN_DAYS[match.group()]
            side.in_month = True
            side.first_unit = side.first_unit or "日"
        elif kind == "relyear":
            # 同年, 当年, 本年, 今年 name the year already in force: nothing to record.
            side.next_year = match.group() in {"次年", "翌年", "第二年"}
        elif kind in {"clock", "hour"}:
            hour = int(match["ch"] or match["hh"])
            minute = int(match["cm"] or match["hm"] or (30 if match["half"] else 0))
            part = match["cpart"] or match["hpart"]
            time = _time(part, hour, minute, phrase, where)
            if part:
                side.day_part = _DAY_PARTS[part]
            if pending_time_range:
                side.end_time = time
                pending_time_range = False
            elif side.days is None or side.days[0] != side.days[1]:
                _fail(phrase, where, "a time needs a day", "时间前缺少具体日期")
            else:
                side.time = time
            is_time = True
        elif kind == "part":
            if side.days is None or side.days[0] != side.days[1]:
                _fail(phrase, where, "a time of day needs a day", "时段前缺少具体日期")
            side.day_part = _DAY_PARTS[match.group()]
        elif kind == "weekday":
            if side.days is None or side.days[0] != side.days[1]:
                _fail(phrase, where, "a weekday needs a day", "星期前缺少具体日期")
            side.weekday = (_WEEKDAYS.index(match["wd"].replace("天", "日")), where)
        elif kind == "approx":
            reading.approximate = True
        elif kind == "before":
            reading.before = True
        elif kind == "since":
            reading.since = True
        elif kind == "sep":
            following = _TOKEN.match(folded, position) if last_was_time else None
            if following is not None and following.lastgroup in {"clock", "hour"}:
                pending_time_range = True
            elif len(reading.sides) == 2:
                _fail(phrase, where, "more than one range separator", "日期范围分隔符过多")
            else:
                side = _Point()
                reading.sides.append(side)
        last_was_time = is_time or (last_was_time and kind in {"part", "noise"})
    return reading


def _settle_bare_numbers(reading: _Reading, phrase: str) -> None:
    """Give a number without a unit the unit of the first part of the other side."""
    left = reading.sides[0]
    right = reading.sides[1] if len(reading.sides) == 2 else None
    if right is not None and right.bare is not None:
        _fail(phrase, right.bare[1], "number without a unit", "数字缺少年、月或日")
    if left.bare is None:
        return
    value, where = left.bare
    left.bare = None
    if right is None or right.first_unit is None:
        _fail(phrase, where, "number without a unit", "数字缺少年、月或日")
    unit = right.first_unit
    if unit == "年" and left.year is None:
        left.state("年", value, where, phrase)
    elif left.month is not None and left.days is None:
        left.state("日", value, where, phrase)
    elif (left.month is None and left.year is None) or unit == "月":
        left.state(unit, value, where, phrase)
    else:
        _fail(phrase, where, "number without a unit", "数字缺少年、月或日")


def _span(point: _Point, year: int, phrase: str) -> tuple[dt.date, dt.date]:
    """The first and last day a point covers."""
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        _fail(phrase, 0, f"no year {year}", f"不存在{year}年")
    if point.month is None:
        if point.days is not None:
            _fail(phrase, 0, "a day without a month", "日期缺少月份")
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if not 1 <= point.month <= 12:
        _fail(phrase, 0, f"no month {point.month}", f"不存在{point.month}月")
    last = 29 if point.month == 2 and calendar.isleap(year) else _MONTH_DAYS[point.month]
    first_day, last_day = point.days or (1, last)
    if point.in_month:
        first_day, last_day = min(first_day, last), min(last_day, last)
    elif point.days is not None and not 1 <= first_day <= last:
        _fail(phrase, 0, f"no day {point.month}/{first_day}", f"不存在{point.month}月{first_day}日")
    return dt.date(year, point.month, first_day), dt.date(year, point.month, last_day)


def _window(phrase: str, reading: _Reading, year: int | None) -> DateWindow:  # noqa: PLR0912
    _settle_bare_numbers(reading, phrase)
    left = reading.sides[0]
    right = reading.sides[1] if len(reading.sides) == 2 else None
    left_year = left.year
    if left_year is None and right is not None and not right.next_year:
        left_year = right.year
    if left_year is None:
        left_year = year
    if left_year is None:
        _fail(phrase, 0, "no year in the phrase and none given", "日期缺少年份，且未指定年份")
    if left.first_unit is None:  # only noise was read
        _fail(phrase, 0, "no date in the phrase", "未找到日期")
    start, end = _span(left, left_year, phrase)
    end_time = left.end_time
    end_point = left
    if right is not None:
        if right.first_unit is None and not right.next_year:
            _fail(phrase, len(phrase), "a range without its end", "日期范围缺少结束日期")
        if right.year is not None:
            right_year = right.year
        elif right.next_year:
            right_year = left_year + 1
        else:
            right_year = left_year
        if right.month is None and right.days is not None and left.month is not None:
            right.month = left.month
        elif (
            right.year is None
            and not right.next_year
            and right.month is not None
            and left.month is not None
            and right.month < left.month
        ):
            right_year += 1  # 12月20日至1月5日: the range runs into the next year
        _, end = _span(right, right_year, phrase)
        end_time = right.time or right.end_time
        end_point = right
    for point, day in ((left, start), (end_point, end)):
        if point.weekday is not None and day.weekday() != point.weekday[0]:
            said = _WEEKDAYS[point.weekday[0]]
            actual = _WEEKDAYS[day.weekday()]
            _fail(
                phrase,
                point.weekday[1],
                f"{day} is a weekday {day.weekday() + 1}, not {point.weekday[0] + 1}",
                f"{day.month}月{day.day}日是星期{actual}，不是星期{said}",
            )
    if end < start:
        _fail(phrase, 0, f"ends ({end}) before it starts ({start})", "结束日期早于开始日期")
    start_time = left.time
    if right is None and reading.before:
        return DateWindow(None, end, phrase=phrase, end_time=start_time or end_time)
    if right is None and reading.since:
        return DateWindow(start, None, phrase=phrase, start_time=start_time, day_part=left.day_part)
    if reading.approximate and right is None and start == end:
        delta = dt.timedelta(days=_APPROXIMATE_DAYS)
        start, end = start - delta, end + delta
    if end == start and start_time is not None and end_time is not None and end_time < start_time:
        _fail(phrase, 0, "ends before it starts", "结束时间早于开始时间")
    return DateWindow(
        start,
        end,
        phrase=phrase,
        approximate=reading.approximate,
        start_time=start_time,
        end_time=end_time,
        day_part=left.day_part,
    )


def parse_window(text: str, *, year: int | None = None) -> DateWindow:
    """Read a Chinese date phrase as a window: ``5月下旬至6月上旬`` → 21 May to 10 June.

    ``year`` is the year to assume when the phrase names none (the notice's year); a phrase
    that names no year needs it. Raises :class:`~sci_workers_day.DatePhraseError` for text
    that is no date, impossible dates, ranges that end before they start, and weekdays that
    do not match their date.
    """
    phrase = text.strip()
    folded = _fold(phrase)
    if phrase in {"不限", "日期不限"}:
        return DateWindow(phrase=phrase)
    if not folded:
        _fail(phrase, 0, "empty phrase", "日期为空")
    return _window(phrase, _read(phrase, folded), year)


def parse_deadline(text: str, *, year: int | None = None) -> dt.date:
    """Read a deadline: ``于6月8日前`` → 8 June; ``6月底前`` → 30 June; ``6月上旬前`` → 10 June.

    Deadlines include the day they name. A phrase naming a span (``6月上旬``) gives its last
    day. Raises :class:`~sci_workers_day.DatePhraseError` when the phrase has no end.
    """
    window = parse_window(text, year=year)
    if window.end is None:
        _fail(text.strip(), 0, "a deadline needs an end", "截止日期缺少结束日")
    return window.end
