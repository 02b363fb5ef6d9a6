"""Chinese date phrases → windows and deadlines: the phrase table, the error table, properties."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sci_workers_day import (
    CampaignKind,
    DatePhraseError,
    DateWindow,
    DayPart,
    ParseError,
    edition_of,
    parse_deadline,
    parse_window,
    year_of_edition,
)
from sci_workers_day.testing import date_windows, dates

DATA = Path(__file__).parent / "data" / "dates"


def table(name: str) -> list[list[str]]:
    """The rows of a tab-separated table under tests/data/dates, comments skipped."""
    rows = []
    for line in (DATA / name).read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip("\t"):
            continue
        rows.append(line.split("\t"))
    return rows


def year_of(cell: str) -> int | None:
    """The table's year column: ``-`` means none is given."""
    return None if cell == "-" else int(cell)


def day(cell: str) -> dt.date | None:
    """An ISO date, or ``None`` for an empty cell (an open end)."""
    return dt.date.fromisoformat(cell) if cell else None


PHRASES = table("phrases.tsv")
ERRORS = table("errors.tsv")


def test_tables_are_large_enough() -> None:
    """At least 80 phrases, the seeds' own among them, and the error cases."""
    assert len(PHRASES) + len(ERRORS) >= 80
    spelled = {row[0] for row in PHRASES}
    assert {"5月下旬至6月上旬", "5月25日—6月1日", "2020 年 5 月中旬—6 月上旬"} <= spelled


@pytest.mark.parametrize("row", PHRASES, ids=[row[0] for row in PHRASES])
def test_phrase_table(row: list[str]) -> None:
    """Each phrase reads as the window the table states."""
    phrase, year, start, end, extra = [*row, ""][:5]
    window = parse_window(phrase, year=year_of(year))
    assert (window.start, window.end) == (day(start), day(end))
    options = dict(item.partition("=")[::2] for item in extra.split())
    assert window.approximate is ("approximate" in options)
    for key in ("start_time", "end_time"):
        expected = dt.time.fromisoformat(options[key].zfill(5)) if key in options else None
        assert getattr(window, key) == expected, key
    assert window.day_part == (DayPart(options["day_part"]) if "day_part" in options else None)
    assert window.phrase == phrase.strip()


@pytest.mark.parametrize("row", ERRORS, ids=[row[0] or "(empty)" for row in ERRORS])
def test_error_table(row: list[str]) -> None:
    """Phrases that are no date, impossible, reversed or missing a year raise, never guess."""
    phrase, year, fragment = row
    with pytest.raises(DatePhraseError, match=fragment) as caught:
        parse_window(phrase, year=year_of(year))
    error = caught.value
    assert error.phrase == phrase.strip()
    assert 0 <= error.position <= len(phrase)
    assert "position" in str(error)  # the English twin


def test_error_is_a_parse_error_and_a_value_error() -> None:
    """Callers may catch DatePhraseError, ParseError or ValueError."""
    assert issubclass(DatePhraseError, ParseError)
    assert issubclass(DatePhraseError, ValueError)


def test_weekday_error_names_both_days() -> None:
    """A weekday that does not match its date names the date's real weekday and the stated one."""
    with pytest.raises(DatePhraseError, match="5月30日是星期四，不是星期五"):
        parse_window("2024年5月30日（星期五）")


@pytest.mark.parametrize(
    ("phrase", "year", "deadline"),
    [
        ("6月8日前", 2024, dt.date(2024, 6, 8)),
        ("于6月8日前", 2025, dt.date(2025, 6, 8)),
        ("6月底前", 2022, dt.date(2022, 6, 30)),
        ("6月上旬前", 2024, dt.date(2024, 6, 10)),
        ("6 月 10 日前", 2020, dt.date(2020, 6, 10)),
        ("6月8日", 2024, dt.date(2024, 6, 8)),
        ("6月上旬", 2024, dt.date(2024, 6, 10)),
        ("2024年6月8日之前", None, dt.date(2024, 6, 8)),
    ],
)
def test_deadlines_include_the_named_day(phrase: str, year: int | None, deadline: dt.date) -> None:
    """``X前`` includes X; a span gives its last day."""
    assert parse_deadline(phrase, year=year) == deadline


def test_deadline_needs_an_end() -> None:
    """An open-ended phrase is no deadline."""
    with pytest.raises(DatePhraseError, match="截止日期缺少结束日"):
        parse_deadline("5月20日起", year=2024)


def test_never_the_clock() -> None:
    """Without a year in the phrase or from the caller, reading fails: today is never assumed."""
    with pytest.raises(DatePhraseError, match="缺少年份"):
        parse_window("今年5月30日")


def test_unlimited() -> None:
    """``不限`` is the window with both ends open, and the rendering of one."""
    assert parse_window("不限") == DateWindow()
    assert DateWindow().to_chinese() == "不限"


@given(date_windows())
def test_render_then_parse_is_identity(window: DateWindow) -> None:
    """The canonical Chinese rendering reads back as the same window."""
    assert parse_window(window.to_chinese()) == window


@given(st.integers(2001, 2099), st.integers(1, 12))
def test_three_xun_partition_the_month(year: int, month: int) -> None:
    """上旬, 中旬 and 下旬 follow each other without gap or overlap and cover the whole month."""
    parts = [parse_window(f"{month}月{xun}", year=year) for xun in ("上旬", "中旬", "下旬")]
    assert parts[0].start == dt.date(year, month, 1)
    assert parts[-1].end == dt.date(year, month, calendar.monthrange(year, month)[1])
    for before, after in itertools.pairwise(parts):
        assert before.end is not None
        assert after.start == before.end + dt.timedelta(days=1)


_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_CHINESE_DIGITS = "〇一二三四五六七八九"


def chinese(number: int, *, digit_by_digit: bool = False) -> str:
    """Spell a number as notices do: 二〇二四 for years, 二十五 for days."""
    if digit_by_digit:
        return "".join(_CHINESE_DIGITS[int(c)] for c in str(number))
    tens, ones = divmod(number, 10)
    return (
        ("" if tens < 2 else _CHINESE_DIGITS[tens]) * (tens > 0)
        + "十" * (tens > 0)
        + (_CHINESE_DIGITS[ones] if ones else "")
    )


@given(dates(), dates())
def test_spellings_agree(first: dt.date, second: dt.date) -> None:
    """ASCII, full-width and Chinese-numeral spellings of a range give the same window."""
    start, end = sorted([first, second])
    ascii_text = f"{start.year}年{start.month}月{start.day}日至{end.year}年{end.month}月{end.day}日"
    full_width = ascii_text.translate(_FULL_WIDTH)
    spelled = (
        f"{chinese(start.year, digit_by_digit=True)}年{chinese(start.month)}月"
        f"{chinese(start.day)}日至{chinese(end.year, digit_by_digit=True)}年"
        f"{chinese(end.month)}月{chinese(end.day)}日"
    )
    expected = DateWindow(start, end)
    assert parse_window(ascii_text) == expected
    assert parse_window(full_width) == expected
    assert parse_window(spelled) == expected


@given(dates())
def test_pdf_spaces_do_not_matter(when: dt.date) -> None:
    """Spaces from PDF extraction between numbers and units are ignored."""
    assert parse_window(f"{when.year} 年 {when.month} 月 {when.day} 日") == DateWindow.day(when)


_DATE_ALPHABET = st.sampled_from(
    [
        *"0123456789０１２年月日号旬上中下初底末至到—-~前后起止",
        *"自从于(（)）星期周一二三十〇:点时半 ",
        *("次年", "左右", "开始", "结束", "之前", "截止"),
    ]
)


@given(
    st.one_of(st.text(), st.lists(_DATE_ALPHABET, max_size=20).map("".join)),
    st.none() | st.integers(1, 9999),
)
def test_any_text_parses_or_raises_date_phrase_error(text: str, year: int | None) -> None:
    """Fuzz: every string either reads as a well-formed window or raises DatePhraseError."""
    try:
        window = parse_window(text, year=year)
    except DatePhraseError:
        return
    if window.start is not None and window.end is not None:
        assert window.start <= window.end


@pytest.mark.parametrize(
    ("kind", "year", "edition"),
    [
        (CampaignKind.WORKERS_DAY, 2017, 1),
        (CampaignKind.WORKERS_DAY, 2022, 6),
        (CampaignKind.WORKERS_DAY, 2024, 8),
        (CampaignKind.SCIENCE_WEEK, 2001, 1),
        (CampaignKind.SCIENCE_WEEK, 2024, 24),
    ],
)
def test_editions(kind: CampaignKind, year: int, edition: int) -> None:
    """The Nth workers' day falls in 2016+N, the Nth science week in 2000+N."""
    assert edition_of(kind, year) == edition
    assert year_of_edition(kind, edition) == year


@given(st.sampled_from([CampaignKind.WORKERS_DAY, CampaignKind.SCIENCE_WEEK]), st.integers(1, 500))
def test_edition_and_year_are_inverse(kind: CampaignKind, edition: int) -> None:
    """``edition_of`` and ``year_of_edition`` undo each other."""
    assert edition_of(kind, year_of_edition(kind, edition)) == edition


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: edition_of(CampaignKind.WORKERS_DAY, 2016), "尚未举办"),
        (lambda: edition_of(CampaignKind.SCIENCE_DAY, 2024), "不按届次计"),
        (lambda: year_of_edition(CampaignKind.SCIENCE_DAY, 3), "不按届次计"),
        (lambda: year_of_edition(CampaignKind.WORKERS_DAY, 0), "届次从1开始"),
    ],
)
def test_edition_errors(call: object, fragment: str) -> None:
    """Years before the first edition, uncounted kinds and edition 0 are errors."""
    with pytest.raises(ValueError, match=fragment):
        call()  # type: ignore[operator]
