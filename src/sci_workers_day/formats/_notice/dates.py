"""Date phrases inside running text, as in ``活动时间从2024年5月下旬开始,至6月上旬结束``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from sci_workers_day.dates import DateWindow
from sci_workers_day.errors import DatePhraseError
from sci_workers_day.formats._notice.text import chinese_numeral
from sci_workers_day.phrases import parse_deadline, parse_window

__all__ = ["find_deadline", "find_window", "read_day"]

# Where a phrase may start: a month, with its year and a 从 or 自 before it.
_START = re.compile(
    r"(?:[从自于在]\s*)?(?:(?:19|20)\d{2}\s*年\s*)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
)
_STOP = re.compile(r"[。；;！？\n\t]")
_LONGEST = 40
_DEADLINE = re.compile(r"(?:前|之前|以前)")
# A line that is only a date, as under a signature: 2025年5月15日.
_DAY_LINE = re.compile(r"^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")


def _spans(text: str) -> Iterator[tuple[int, int]]:
    """Where phrases may lie: from each month mention to the next full stop, at most 40."""
    for match in _START.finditer(text):
        limit = min(match.start() + _LONGEST, len(text))
        stop = _STOP.search(text, match.start(), limit)
        yield match.start(), stop.start() if stop else limit


def find_window(text: str, year: int | None) -> DateWindow | None:
    """The first, longest date phrase in ``text`` that :func:`parse_window` reads."""
    for start, end in _spans(text):
        for stop in range(end, start + 2, -1):
            try:
                phrase = text[start:stop].strip(" ，,、：:").lstrip("于在").rstrip("在于")
                return parse_window(phrase, year=year)
            except DatePhraseError:
                continue
    return None


def find_deadline(text: str, year: int | None) -> tuple[dt.date, str] | None:
    """The first ``…前`` phrase in ``text`` as a deadline, with the phrase itself."""
    for start, end in _spans(text):
        for before in _DEADLINE.finditer(text, start, end):
            phrase = text[start : before.end()]
            try:
                return parse_deadline(phrase, year=year), phrase
            except DatePhraseError:
                continue
    return None


_CHINESE_DAY = re.compile(
    r"^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$"
)
_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def read_day(text: str) -> dt.date | None:
    """A line that is only a date as that day: ``2020 年 5 月 12 日``, ``二〇二一年五月十日``."""
    text = text.replace(" ", "")
    match = _DAY_LINE.match(text)
    if match:
        parts = (int(match[1]), int(match[2]), int(match[3]))
    else:
        match = _CHINESE_DAY.match(text)
        if match is None:
            return None
        month, day = chinese_numeral(match[2]), chinese_numeral(match[3])
        if month is None or day is None:
            return None
        parts = (int(match[1].translate(_DIGITS)), month, day)
    try:
        return dt.date(*parts)
    except ValueError:
        return None
