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
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

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
    FIGURES,
    Funding,
    OpenedSites,
    Participation,
    Publicity,
    Staff,
    StatisticsReturn,
)
from sci_workers_day.model.submission import Submission, SummaryReport
from sci_workers_day.model.venue import Designation, Venue, VenueKind
from sci_workers_day.rules.plausibility import MAX_OFFLINE_PER_ACTIVITY
from sci_workers_day.types import _is_phone, normalize_phone, read_number

__all__ = [
    "MUTATED_CODES",
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
    "return_mutants",
    "staffs",
    "statistics_returns",
    "submissions",
    "summary_reports",
    "valid_returns",
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
        activity=_optional(chinese_text(max_size=12)),
    )
    seconds = st.decimals(min_value=0, max_value=3600, places=2, allow_nan=False)
    video = st.builds(
        Video,
        duration_seconds=_optional(seconds),
        size_bytes=_optional(st.integers(0, 2**32)),
        format=_optional(st.sampled_from(["mp4", "mov", "m4v", "avi"])),
        path=path,
        caption=_optional(chinese_text()),
    )
    return photo | video


def summary_reports() -> st.SearchStrategy[SummaryReport]:
    """Summary reports: a file, maybe its title and length."""
    return st.builds(
        SummaryReport,
        path=st.builds("{}.{}".format, chinese_text(max_size=12), st.sampled_from(["docx", "pdf"])),
        title=_optional(chinese_text()),
        characters=_optional(st.integers(0, 100_000)),
    )


def submissions() -> st.SearchStrategy[Submission]:
    """Whole submissions with a return, media and a summary report."""
    return st.builds(
        Submission,
        reporting_unit=organizers(),
        submitted_on=dates(),
        statistics=_optional(statistics_returns()),
        media=_few(media_items(), 4),
        summary_report=_optional(summary_reports()),
        unplaced_files=_few(chinese_text(max_size=12), 2),
    )


def _maybe_total(draw: st.DrawFn, parts: list[Any]) -> Any:
    """A stated 小计 equal to the sum of ``parts``, or none stated."""
    return sum(parts[1:], start=parts[0]) if draw(st.booleans()) else None


@st.composite
def valid_returns(draw: st.DrawFn) -> StatisticsReturn:
    """Returns no rule objects to, built parts first with every stated total derived.

    Every figure is reported, amounts have at most four decimal places, and the figures
    are plausible together (activities held, outlets for the reports, a sane crowd per
    activity). ``validate`` finds nothing in them without a campaign.
    """
    activity_count = draw(st.integers(1, 500))
    money = [draw(amounts(Decimal(10_000))) for _ in range(7)]
    staff = [draw(counts(100_000)) for _ in range(4)]
    offline = draw(st.integers(0, MAX_OFFLINE_PER_ACTIVITY * activity_count))
    online = draw(counts())
    outlets = draw(st.integers(0, 200))
    reports = draw(st.integers(0, 2_000)) if outlets else 0
    sites = [draw(counts(1_000)) for _ in range(3)]
    return StatisticsReturn(
        reporting_unit=draw(organizers()),
        campaign_title=draw(_optional(chinese_text())),
        filled_on=draw(_optional(dates())),
        activity_count=activity_count,
        funding=Funding(
            **dict(zip(Funding._parts, money, strict=True)),
            stated_total=_maybe_total(draw, money),
        ),
        staff=Staff(
            **dict(zip(Staff._parts, staff, strict=True)), stated_total=_maybe_total(draw, staff)
        ),
        public=Participation(
            offline=offline, online=online, stated_total=_maybe_total(draw, [offline, online])
        ),
        publicity=Publicity(media_outlets=outlets, reports=reports),
        opened=OpenedSites(
            **dict(zip(OpenedSites._parts, sites, strict=True)),
            stated_total=_maybe_total(draw, sites),
        ),
    )


_PARTS = [figure for figure in FIGURES if not figure.is_total]
_COUNTS = [figure for figure in _PARTS if figure.integral]
_AMOUNTS = [figure for figure in _PARTS if not figure.integral]
_SUMMED = ("funding", "staff", "public", "opened")
Mutation = Callable[[st.DrawFn, dict[str, Any]], None]


def _set(raw: dict[str, Any], path: str, value: Any) -> None:
    *groups, name = path.split(".")
    holder = raw
    for group in groups:
        holder = holder[group]
    holder[name] = value


def _restate(raw: dict[str, Any], group: str) -> None:
    """Make a stated total agree with its parts again after a part changed."""
    figures = raw[group]
    if figures.get("stated_total") is None:
        return
    parts = [read_number(v) for k, v in figures.items() if k != "stated_total" and v is not None]
    total = sum((p for p in parts if p is not None), start=Decimal(0))
    figures["stated_total"] = str(total) if group == "funding" else int(total)


def _break_figure(values: st.SearchStrategy[Any], figures: list[Any]) -> Mutation:
    def mutate(draw: st.DrawFn, raw: dict[str, Any]) -> None:
        _set(raw, draw(st.sampled_from(figures)).path, draw(values))

    return mutate


def _too_precise(draw: st.DrawFn, raw: dict[str, Any]) -> None:
    figure = draw(st.sampled_from(_AMOUNTS))
    places = draw(st.integers(5, 8))
    value = draw(st.integers(1, 10**9)) * Decimal(10) ** -places
    if value % Decimal("0.0001") == 0:
        value += Decimal(10) ** -places
    _set(raw, figure.path, str(value))
    _restate(raw, "funding")


def _blank(draw: st.DrawFn, raw: dict[str, Any]) -> None:
    figure = draw(st.sampled_from(_PARTS))
    _set(raw, figure.path, None)
    if "." in figure.path:
        _restate(raw, figure.path.split(".")[0])


def _misstate(draw: st.DrawFn, raw: dict[str, Any]) -> None:
    group = draw(st.sampled_from(_SUMMED))
    raw[group]["stated_total"] = 0  # stated, so that _restate derives it
    _restate(raw, group)
    stated = read_number(raw[group]["stated_total"]) or Decimal(0)
    wrong = stated + draw(st.integers(1, 1000)) * draw(st.sampled_from([1, -1]))
    if wrong < 0:
        wrong = stated + 1
    raw[group]["stated_total"] = str(wrong) if group == "funding" else int(wrong)


def _zero(raw: dict[str, Any], group: str) -> None:
    for name in raw[group]:
        if raw[group][name] is not None:
            raw[group][name] = "0" if group == "funding" else 0


def _no_activity_but(group: str) -> Mutation:
    other = "funding" if group == "public" else "public"

    def mutate(draw: st.DrawFn, raw: dict[str, Any]) -> None:
        raw["activity_count"] = 0
        _zero(raw, other)
        figure = draw(st.sampled_from([f for f in _PARTS if f.path.startswith(group + ".")]))
        _set(raw, figure.path, draw(st.integers(1, 10_000)))
        _restate(raw, group)

    return mutate


def _reports_without_outlets(draw: st.DrawFn, raw: dict[str, Any]) -> None:
    raw["publicity"] = {"media_outlets": 0, "reports": draw(st.integers(1, 100))}


def _crowded(draw: st.DrawFn, raw: dict[str, Any]) -> None:
    activities = raw["activity_count"]
    raw["public"]["offline"] = MAX_OFFLINE_PER_ACTIVITY * activities + draw(st.integers(1, 10**5))
    _restate(raw, "public")


def _unknown_field(draw: st.DrawFn, raw: dict[str, Any]) -> None:
    raw[draw(st.sampled_from(["activity_total", "备注", "funding_total"]))] = draw(counts(100))


def _invalid_date(draw: st.DrawFn, raw: dict[str, Any]) -> None:
    raw["filled_on"] = draw(st.sampled_from(["六月五日", "2024-13-01", "yesterday"]))


def _no_unit(_draw: st.DrawFn, raw: dict[str, Any]) -> None:
    del raw["reporting_unit"]


_NOT_NUMBERS = st.sampled_from(["若干", "见附件", "n/a", "一百", "12人", True, [3]])
_NEGATIVE = st.integers(1, 10**6).map(lambda n: f"-{n}") | st.just(-1)
_FRACTIONS = st.sampled_from(["12.5", "0.3", 2.75, "１.５"])
_MUTATIONS: dict[str, Mutation] = {
    "not-a-number": _break_figure(_NOT_NUMBERS, _PARTS),
    "negative-value": _break_figure(_NEGATIVE, _PARTS),
    "not-an-integer": _break_figure(_FRACTIONS, _COUNTS),
    "too-many-decimals": _too_precise,
    "missing-value": _blank,
    "subtotal-mismatch": _misstate,
    "participants-without-activity": _no_activity_but("public"),
    "funding-without-activity": _no_activity_but("funding"),
    "reports-without-outlets": _reports_without_outlets,
    "implausible-participation": _crowded,
    "unknown-field": _unknown_field,
    "invalid-value": _invalid_date,
    "missing-field": _no_unit,
}
MUTATED_CODES = tuple(_MUTATIONS)
"""The rule codes :func:`return_mutants` knows how to break."""


@st.composite
def return_mutants(
    draw: st.DrawFn, codes: tuple[str, ...] = MUTATED_CODES
) -> tuple[dict[str, Any], str]:
    """A valid return (as raw JSON data) with exactly one rule broken, and that rule's code.

    ``validate(raw).codes == {code}``: the report names that rule and nothing else.
    """
    unknown = set(codes) - set(_MUTATIONS)
    if unknown:
        msg = f"no mutation for {sorted(unknown)}; known: {MUTATED_CODES}"
        raise ValueError(msg)
    raw = draw(valid_returns()).model_dump(mode="json")
    code = draw(st.sampled_from(codes))
    _MUTATIONS[code](draw, raw)
    return raw, code
