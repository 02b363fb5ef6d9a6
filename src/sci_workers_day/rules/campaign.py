"""Rules on a campaign, and on returns measured against the campaign they answer."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from sci_workers_day.model.campaign import _EDITION_ZERO, Campaign
from sci_workers_day.model.organizer import Organizer
from sci_workers_day.model.region import Region, region_table
from sci_workers_day.model.returns import StatisticsReturn
from sci_workers_day.report import Severity
from sci_workers_day.rules._examples import a_return
from sci_workers_day.rules._registry import Check, Hit, RuleSubject, catalogue, hit, rule

_CAMPAIGN: dict[str, Any] = {
    "title": "关于举办2024年晋中市科技活动周的通知",
    "kinds": ["science_week"],
    "year": 2024,
    "region_code": "140700",
    "window": {"start": "2024-05-25", "end": "2024-05-31"},
}


def _campaign(**changes: Any) -> dict[str, Any]:
    return {"source": {**_CAMPAIGN, **changes}}


def _activity(start: str, end: str) -> dict[str, Any]:
    return {"name": "科普讲座", "window": {"start": start, "end": end}}


@rule(
    "activity-outside-window",
    severity=Severity.WARNING,
    subject=RuleSubject.CAMPAIGN,
    message="活动“{activity}”的时间{activity_window}不在活动周期{window}之内",
    message_en="activity {activity!r} runs {activity_window}, outside the campaign's {window}",
    valid=[_campaign(activities=[_activity("2024-05-25", "2024-05-26")])],
    invalid=[_campaign(activities=[_activity("2024-05-30", "2024-06-02")])],
)
def activity_outside_window(check: Check[Campaign]) -> Iterator[Hit]:
    """An activity runs (partly) outside the campaign's window.

    Activities without a window, and campaigns without one, are not checked.
    """
    window = check.model.window
    if window is None:
        return
    for index, activity in enumerate(check.model.activities):
        if activity.window is not None and not window.contains(activity.window):
            yield hit(
                f"activities.{index}.window",
                "window",
                activity=activity.name,
                activity_window=activity.window,
                window=window,
            )


@rule(
    "deadline-before-window-end",
    severity=Severity.WARNING,
    subject=RuleSubject.CAMPAIGN,
    message="报送截止日期{deadline}早于活动结束日期{end}",
    message_en="the reporting deadline {deadline} falls before the campaign ends on {end}",
    valid=[_campaign(reporting={"deadline": "2024-06-08"})],
    invalid=[_campaign(reporting={"deadline": "2024-05-30"})],
)
def deadline_before_window_end(check: Check[Campaign]) -> Iterator[Hit]:
    """Units must report before the campaign is over.

    A warning, not an error: real notices do this (太原 2025: report by 8 June, activities
    until 10 June), and the units can only report what has happened by then.
    """
    campaign = check.model
    deadline = campaign.reporting.deadline if campaign.reporting else None
    end = campaign.window.end if campaign.window else None
    if deadline is not None and end is not None and deadline < end:
        yield hit("reporting.deadline", "window", deadline=deadline, end=end)


@rule(
    "edition-mismatch",
    severity=Severity.ERROR,
    subject=RuleSubject.CAMPAIGN,
    message="{year}年应为第{expected}届（个），文中为第{edition}届",
    message_en="{year} is edition {expected}, but the notice says {edition}",
    valid=[_campaign(edition=24), _campaign(kinds=["workers_day"], edition=8)],
    invalid=[_campaign(edition=8), _campaign(kinds=["workers_day"], year=2025, edition=8)],
)
def edition_mismatch(check: Check[Campaign]) -> Iterator[Hit]:
    """The stated edition does not match the year.

    The Nth 全国科技工作者日 falls in 2016 + N, the Nth 科技活动周 in 2000 + N. A notice for
    both may give either number. 全国科普日 editions are not counted.
    """
    campaign = check.model
    counted = sorted(kind for kind in campaign.kinds if kind in _EDITION_ZERO)
    if campaign.edition is None or not counted or not check.read("year", "kinds"):
        return
    expected = [campaign.year - _EDITION_ZERO[kind] for kind in counted]
    if campaign.edition not in expected:
        yield hit(
            "edition",
            "year",
            edition=campaign.edition,
            year=campaign.year,
            expected="/".join(map(str, expected)),
        )


@rule(
    "nonstandard-document-number",
    severity=Severity.WARNING,
    subject=RuleSubject.CAMPAIGN,
    message="发文字号“{number}”不规范，应写作“{canonical}”（六角括号〔〕、四位年份、序号不编虚位）",
    message_en="document number {number!r} is not in the GB/T 9704 form {canonical!r}",
    valid=[_campaign(document_number="市科发〔2024〕13号")],
    invalid=[
        _campaign(document_number="市科发[2024]13号"),
        _campaign(basis=[{"number": "晋科发〔2024〕013号"}]),
    ],
)
def nonstandard_document_number(check: Check[Campaign]) -> Iterator[Hit]:
    """A document number is not written as GB/T 9704 says.

    Brackets other than 〔〕, a two-digit year, or a serial with leading zeros.
    """
    numbers = [("document_number", check.model.document_number)]
    numbers += [(f"basis.{i}.number", ref.number) for i, ref in enumerate(check.model.basis)]
    for path, number in numbers:
        if number is not None and not number.conformant:
            yield hit(path, number=number.source, canonical=str(number))


@functools.lru_cache(maxsize=4096)
def _region_of(unit: Organizer) -> Region | None:
    """The division a unit belongs to: its codes, else the division its name starts with."""
    table = region_table()
    for code in (unit.region_code, unit.parent_region_code):
        if code is not None and code in table:
            return table.get(code)
    for name in unit.names:
        for end in range(len(name), 1, -1):
            found = table.find(name[:end])
            if len(found) == 1:
                return found[0]
    return None


@rule(
    "unit-outside-region",
    severity=Severity.ERROR,
    subject=RuleSubject.RETURN,
    message="填表单位“{unit}”（{unit_region}）不在本次活动的范围{region}之内",
    message_en="reporting unit {unit!r} ({unit_region}) is outside the campaign's {region}",
    valid=[{**a_return(), "campaign": _CAMPAIGN}],
    invalid=[
        {
            **a_return(reporting_unit={"name": "小店区科学技术协会", "region_code": None}),
            "campaign": _CAMPAIGN,
        },
        {
            **a_return(reporting_unit={"name": "科协", "region_code": "110101"}),
            "campaign": _CAMPAIGN,
        },
    ],
)
def unit_outside_region(check: Check[StatisticsReturn]) -> Iterator[Hit]:
    """The reporting unit is not within the campaign's region.

    The unit's division comes from its ``region_code`` or ``parent_region_code``, else from
    the division its name starts with (平遥县科协 → 平遥县). Units whose division cannot be
    told are not checked.
    """
    campaign = check.campaign
    if campaign is None or campaign.region_code is None or not check.read("reporting_unit"):
        return
    table = region_table()
    unit = check.model.reporting_unit
    region = _region_of(unit)
    if region is None or table.is_within(region.code, campaign.region_code):
        return
    try:
        outer = table.full_name(table.resolve(campaign.region_code))
    except LookupError:
        outer = campaign.region_code
    yield hit(
        "reporting_unit",
        unit=unit.name,
        unit_region=table.full_name(region),
        region=outer,
    )


@rule(
    "unknown-rule-code",
    severity=Severity.WARNING,
    subject=RuleSubject.CAMPAIGN,
    message="严重程度设置中的规则代码“{code}”不存在，已忽略",
    message_en="the severity policy names rule {code!r}, which does not exist; ignored",
    valid=[_campaign(severity_policy={"missing-value": "error"})],
    invalid=[_campaign(severity_policy={"missing-values": "error"})],
)
def unknown_rule_code(check: Check[Campaign]) -> Iterator[Hit]:
    """The campaign's severity policy names a rule code the catalogue does not have.

    Probably a typo, or a code from a newer version of the library. The setting is ignored;
    a caller's own ``policy`` with such a code raises ``UnknownRuleError`` instead.
    """
    known = catalogue()
    for code in check.model.severity_policy:
        if code not in known:
            yield hit(f"severity_policy.{code}", code=code)
