"""Hypothesis strategies for the domain model, for property tests here and in embedding projects.

Install the ``testing`` extra (``pip install 'sci-workers-day[testing]'``). Every strategy
returns valid model instances; compose them with ``hypothesis.strategies`` as usual::

    from hypothesis import given
    from sci_workers_day.testing import campaigns

    @given(campaigns())
    def test_my_exporter_round_trips(campaign): ...
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TypeVar

try:
    from hypothesis import assume
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised only without the extra
    msg = "sci_workers_day.testing needs hypothesis: pip install 'sci-workers-day[testing]'"
    raise ImportError(msg) from error

from sci_workers_day.dates import DateWindow, DayPart
from sci_workers_day.model.activity import Activity, ActivityMode
from sci_workers_day.model.campaign import Campaign, CampaignKind
from sci_workers_day.model.contact import Contact
from sci_workers_day.model.document import DocumentNumber, DocumentReference
from sci_workers_day.model.media import MediaItem, Photo, ShotType, Video
from sci_workers_day.model.organizer import Organizer, OrganizerKind
from sci_workers_day.model.region import Level, region_table
from sci_workers_day.model.reporting import ReportingRequirements
from sci_workers_day.model.returns import (
    Funding,
    OpenedSites,
    Participation,
    Publicity,
    Staff,
    StatisticsReturn,
)
from sci_workers_day.model.submission import Submission
from sci_workers_day.model.venue import Designation, Venue, VenueKind
from sci_workers_day.types import _is_phone, normalize_phone

__all__ = [
    "activities",
    "amounts",
    "campaigns",
    "chinese_text",
    "contacts",
    "counts",
    "date_windows",
    "dates",
    "designations",
    "document_numbers",
    "document_references",
    "emails",
    "fundings",
    "media_items",
    "opened_sites",
    "organizers",
    "participations",
    "phones",
    "publicities",
    "region_codes",
    "reporting_requirements",
    "staffs",
    "statistics_returns",
    "submissions",
    "venues",
]

T = TypeVar("T")

_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_TEXT_CHARS = st.one_of(_CJK, st.sampled_from("0123456789ABCxyz“”《》（）、，：·-"))


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def _few(strategy: st.SearchStrategy[T], max_size: int = 3) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


def chinese_text(min_size: int = 1, max_size: int = 24) -> st.SearchStrategy[str]:
    """Short text of Chinese characters, digits and the punctuation notices use."""
    return st.text(_TEXT_CHARS, min_size=min_size, max_size=max_size)


def dates(min_year: int = 2001, max_year: int = 2099) -> st.SearchStrategy[dt.date]:
    """Dates in the years campaigns run."""
    return st.dates(dt.date(min_year, 1, 1), dt.date(max_year, 12, 31))


_TIMES = st.times().map(lambda t: t.replace(second=0, microsecond=0))


@st.composite
def date_windows(draw: st.DrawFn, *, open_ends: bool = True) -> DateWindow:
    """Windows a phrase can state: start ≤ end, either end open when ``open_ends``.

    Times of day and a part of the day come only where a phrase can carry them: a start
    time and day part on a start, an end time on an end; ``approximate`` only on ranges.
    """
    first, second = sorted([draw(dates()), draw(dates())])
    start = draw(_optional(st.just(first))) if open_ends else first
    end = draw(_optional(st.just(second))) if open_ends else second
    phrase = draw(_optional(chinese_text()))
    if start is None and end is None:
        return DateWindow(phrase=phrase)
    start_time = draw(_optional(_TIMES)) if start is not None else None
    end_time = draw(_optional(_TIMES)) if end is not None else None
    if start is not None and start == end and start_time and end_time and end_time < start_time:
        start_time, end_time = end_time, start_time
    if start_time is not None:  # a part of the day that agrees with the clock, or none
        day_part = draw(st.sampled_from([None, _day_part_of(start_time)]))
    elif start is not None:
        day_part = draw(_optional(st.sampled_from(DayPart)))
    else:
        day_part = None
    return DateWindow(
        start,
        end,
        phrase=phrase,
        approximate=start is not None and end is not None and start < end and draw(st.booleans()),
        start_time=start_time,
        end_time=end_time,
        day_part=day_part,
    )


def _day_part_of(time: dt.time) -> DayPart:
    if time.hour < 12:
        return DayPart.MORNING
    if time.hour == 12:
        return DayPart.NOON
    return DayPart.AFTERNOON if time.hour < 18 else DayPart.EVENING


_BRACKETS = st.sampled_from(
    [tuple(pair) for pair in ("〔〕", "〔〕", "﹝﹞", "[]", "【】", "()", "（）", "［］")]
)


@st.composite
def document_numbers(draw: st.DrawFn) -> DocumentNumber:
    """Document numbers such as 市科发〔2024〕13号, often with the source spelt as documents do.

    Sources vary the brackets, shorten the year, pad the serial with zeros, add 第 and spaces;
    the canonical form stays the same.
    """
    agency = draw(st.text(_CJK, min_size=1, max_size=5)) + draw(st.sampled_from(["发", "函", ""]))
    assume("第" not in agency and "号" not in agency)
    year = draw(st.integers(1990, 2089))
    serial = draw(st.integers(1, 999))
    series = draw(st.sampled_from(["", "", "宣字", "函字"]))
    number = DocumentNumber(agency, year, serial, series)
    if draw(st.booleans()):
        return number
    opening, closing = draw(_BRACKETS)
    written_year = f"{year % 100:02d}" if draw(st.booleans()) else str(year)
    padded = f"{serial:0{draw(st.integers(1, 4))}d}"
    gap = draw(st.sampled_from(["", " "]))
    ordinal = draw(st.sampled_from(["", "第"]))
    source = f"{agency}{gap}{opening}{written_year}{closing}{series}{ordinal}{padded}{gap}号"
    return DocumentNumber(agency, year, serial, series, source=source)


def document_references() -> st.SearchStrategy[DocumentReference]:
    """References by title, number, or both."""
    return st.one_of(
        st.builds(DocumentReference, title=chinese_text(), number=_optional(document_numbers())),
        st.builds(DocumentReference, number=document_numbers()),
    )


def region_codes(level: Level | None = None) -> st.SearchStrategy[str]:
    """Codes of current divisions in the bundled table, optionally of one level."""
    # Deferred: the table is read when the first example is drawn, not at import.
    return st.deferred(
        lambda: st.sampled_from(
            [r.code for r in region_table() if level is None or r.level is level]
        )
    )


def _mobile() -> st.SearchStrategy[str]:
    return st.builds(
        "{}{:08d}".format,
        st.sampled_from(["135", "138", "139", "186", "150"]),
        st.integers(0, 10**8 - 1),
    )


def _fixed_line() -> st.SearchStrategy[str]:
    # Real area codes with their subscriber lengths: Beijing, Taiyuan, Jinzhong, Xi'an.
    areas = st.sampled_from([("010", 8), ("0351", 7), ("0354", 7), ("029", 8)])
    return areas.flatmap(
        lambda area: st.integers(2, 8).flatmap(
            lambda first: st.integers(0, 10 ** (area[1] - 1) - 1).map(
                lambda rest: f"{area[0]}-{first}{rest:0{area[1] - 1}d}"
            )
        )
    )


def phones() -> st.SearchStrategy[str]:
    """Valid Chinese fixed-line and mobile numbers in their stored form."""
    return (_fixed_line() | _mobile()).filter(_is_phone).map(normalize_phone)


def emails() -> st.SearchStrategy[str]:
    """Plain e-mail addresses on the domains notices use."""
    local = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12)
    domain = st.sampled_from(["163.com", "126.com", "qq.com", "sxkx.org.cn", "example.cn"])
    return st.builds("{}@{}".format, local, domain)


@st.composite
def contacts(draw: st.DrawFn) -> Contact:
    """Contacts with at least a name, an organization, a phone or an e-mail."""
    name = draw(_optional(chinese_text(max_size=4)))
    organization = draw(_optional(chinese_text()))
    phone = draw(_optional(phones()))
    email = draw(_optional(emails()))
    if not (name or organization or phone or email):
        name = draw(chinese_text(max_size=4))
    extension = draw(_optional(st.from_regex(r"\A[0-9]{1,6}\Z"))) if phone else None
    return Contact(
        name=name, organization=organization, phone=phone, extension=extension, email=email
    )


def organizers() -> st.SearchStrategy[Organizer]:
    """Organizers with any mix of the optional fields."""
    return st.builds(
        Organizer,
        name=chinese_text(),
        short_name=_optional(chinese_text(max_size=6)),
        aliases=_few(chinese_text()),
        kind=_optional(st.sampled_from(OrganizerKind)),
        level=_optional(st.sampled_from(Level)),
        region_code=_optional(region_codes()),
        parent_region_code=_optional(region_codes()),
    )


def designations() -> st.SearchStrategy[Designation]:
    """Designations such as 科学家精神教育基地 with level and period."""
    return st.builds(
        Designation,
        title=chinese_text(),
        level=_optional(st.sampled_from(Level)),
        period=_optional(date_windows()),
        conferred_by=_few(chinese_text()),
    )


def venues() -> st.SearchStrategy[Venue]:
    """Venues with designations and the check-in flag."""
    return st.builds(
        Venue,
        name=chinese_text(),
        kind=_optional(st.sampled_from(VenueKind)),
        region_code=_optional(region_codes()),
        address=_optional(chinese_text()),
        designations=_few(designations(), 2),
        check_in_point=st.booleans(),
    )


def activities() -> st.SearchStrategy[Activity]:
    """Activities with windows, venues and organizers."""
    return st.builds(
        Activity,
        name=chinese_text(),
        description=_optional(chinese_text(max_size=80)),
        section=_optional(chinese_text()),
        window=_optional(date_windows()),
        venues=_few(venues(), 2),
        organizers=_few(organizers(), 2),
        recommended_by=_few(organizers(), 2),
        mode=_optional(st.sampled_from(ActivityMode)),
        audience=_optional(chinese_text()),
    )


def reporting_requirements() -> st.SearchStrategy[ReportingRequirements]:
    """Reporting rules: deadline, video limit, required shots, materials, recipients."""
    return st.builds(
        ReportingRequirements,
        deadline=_optional(dates()),
        max_video_seconds=_optional(st.integers(1, 3600)),
        required_shots=st.frozensets(st.sampled_from(ShotType)),
        materials=_few(chinese_text()),
        recipients=_few(contacts(), 2),
    )


def campaigns() -> st.SearchStrategy[Campaign]:
    """Whole campaigns. Figures are valid for the model, not necessarily for the rules."""
    return st.builds(
        Campaign,
        title=chinese_text(),
        kinds=st.frozensets(st.sampled_from(CampaignKind), min_size=1),
        year=st.integers(2001, 2099),
        edition=_optional(st.integers(1, 100)),
        level=_optional(st.sampled_from(Level)),
        region_code=_optional(region_codes()),
        theme=_optional(chinese_text()),
        window=_optional(date_windows()),
        issuers=_few(organizers(), 2),
        hosts=_few(organizers(), 2),
        executors=_few(organizers(), 1),
        co_organizers=_few(organizers(), 1),
        addressees=_few(chinese_text()),
        document_number=_optional(document_numbers()),
        basis=_few(document_references(), 2),
        issued_on=_optional(dates()),
        activities=_few(activities(), 3),
        reporting=_optional(reporting_requirements()),
        requirements=_few(chinese_text(max_size=60)),
        contacts=_few(contacts(), 3),
        attachments=_few(chinese_text()),
    )


def amounts(max_value: Decimal = Decimal(100_000)) -> st.SearchStrategy[Decimal]:
    """Amounts in 万元 with at most four decimal places (one yuan)."""
    return st.decimals(min_value=0, max_value=max_value, places=4, allow_nan=False)


def counts(max_value: int = 10**7) -> st.SearchStrategy[int]:
    """Non-negative counts (次, 人次, 个, 篇)."""
    return st.integers(0, max_value)


def fundings() -> st.SearchStrategy[Funding]:
    """Funding groups; some sources not reported (``None``); any stated total."""
    amount = _optional(amounts())
    return st.builds(
        Funding,
        central=amount,
        provincial=amount,
        municipal=amount,
        county=amount,
        enterprise=amount,
        in_kind=amount,
        other=amount,
        stated_total=amount,
    )


def staffs() -> st.SearchStrategy[Staff]:
    """Staff groups (人次)."""
    count = _optional(counts())
    return st.builds(
        Staff,
        full_time=count,
        sci_tech_workers=count,
        volunteers=count,
        others=count,
        stated_total=count,
    )


def participations() -> st.SearchStrategy[Participation]:
    """Public participation groups (人次)."""
    count = _optional(counts())
    return st.builds(Participation, offline=count, online=count, stated_total=count)


def publicities() -> st.SearchStrategy[Publicity]:
    """Publicity groups (media outlets, reports)."""
    count = _optional(counts())
    return st.builds(Publicity, media_outlets=count, reports=count)


def opened_sites() -> st.SearchStrategy[OpenedSites]:
    """Opened-site groups (venues, institutes, universities)."""
    count = _optional(counts(10_000))
    return st.builds(
        OpenedSites, venues=count, institutes=count, universities=count, stated_total=count
    )


def statistics_returns() -> st.SearchStrategy[StatisticsReturn]:
    """Whole returns. Figures are valid for the model, not necessarily for the rules."""
    return st.builds(
        StatisticsReturn,
        reporting_unit=organizers(),
        campaign_title=_optional(chinese_text()),
        filled_on=_optional(dates()),
        activity_count=_optional(counts(10_000)),
        funding=fundings(),
        staff=staffs(),
        public=participations(),
        publicity=publicities(),
        opened=opened_sites(),
    )


def media_items() -> st.SearchStrategy[MediaItem]:
    """Photos and videos."""
    path = st.builds("{}.{}".format, chinese_text(max_size=8), st.sampled_from(["jpg", "mp4"]))
    size = _optional(st.integers(1, 10_000))
    photo = st.builds(
        Photo,
        shot_type=_optional(st.sampled_from(ShotType)),
        width=size,
        height=size,
        path=path,
        caption=_optional(chinese_text()),
    )
    seconds = st.decimals(min_value=0, max_value=3600, places=2, allow_nan=False)
    video = st.builds(
        Video, duration_seconds=_optional(seconds), path=path, caption=_optional(chinese_text())
    )
    return photo | video


def submissions() -> st.SearchStrategy[Submission]:
    """Whole submissions with a return, media and a summary report."""
    return st.builds(
        Submission,
        reporting_unit=organizers(),
        submitted_on=dates(),
        statistics=_optional(statistics_returns()),
        media=_few(media_items(), 4),
        summary_report=_optional(chinese_text()),
    )
