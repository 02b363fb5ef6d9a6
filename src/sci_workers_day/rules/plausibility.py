"""Warnings on returns whose figures can all be true but rarely are together."""

from __future__ import annotations

from collections.abc import Iterator

from sci_workers_day.model.returns import StatisticsReturn
from sci_workers_day.report import Severity
from sci_workers_day.rules._examples import a_return
from sci_workers_day.rules._registry import Check, Hit, RuleSubject, hit, rule

MAX_OFFLINE_PER_ACTIVITY = 50_000
"""More people than this at one offline activity, on average, is more than a county fills."""


@rule(
    "participants-without-activity",
    severity=Severity.WARNING,
    subject=RuleSubject.RETURN,
    message="未开展科普活动（0次），却填写了群众参与{participants}人次",
    message_en="no activity was held (0), yet {participants} person-times took part",
    valid=[a_return(), a_return(activity_count=0, public={"offline": 0, "online": 0}, funding={})],
    invalid=[
        a_return(
            activity_count=0,
            funding={
                "municipal": "0",
                "county": "0",
                "enterprise": "0",
                "stated_total": "0",
            },
        )
    ],
)
def participants_without_activity(check: Check[StatisticsReturn]) -> Iterator[Hit]:
    """People took part, but no activity was held."""
    model = check.model
    if model.activity_count != 0:
        return
    participants = model.public.total
    if participants and check.read("public.offline", "public.online"):
        yield hit("activity_count", "public.offline", "public.online", participants=participants)


@rule(
    "funding-without-activity",
    severity=Severity.WARNING,
    subject=RuleSubject.RETURN,
    message="未开展科普活动（0次），却填写了经费投入{amount}万元",
    message_en="no activity was held (0), yet {amount} 万元 of funding is reported",
    valid=[a_return()],
    invalid=[a_return(activity_count=0, public={"offline": 0, "online": 0, "stated_total": 0})],
)
def funding_without_activity(check: Check[StatisticsReturn]) -> Iterator[Hit]:
    """Money was spent, but no activity was held."""
    model = check.model
    if model.activity_count != 0:
        return
    amount = model.funding.total
    paths = tuple(f"funding.{name}" for name in model.funding.parts())
    if amount and check.read(*paths):
        yield hit("activity_count", *paths, amount=amount)


@rule(
    "reports-without-outlets",
    severity=Severity.WARNING,
    subject=RuleSubject.RETURN,
    message="宣传报道{reports}篇，但参与媒体数量为0",
    message_en="{reports} reports were published, but no media outlet took part",
    valid=[a_return(), a_return(publicity={"media_outlets": 0, "reports": 0})],
    invalid=[a_return(publicity={"media_outlets": 0, "reports": 11})],
)
def reports_without_outlets(check: Check[StatisticsReturn]) -> Iterator[Hit]:
    """Reports were published, but no media outlet took part."""
    publicity = check.model.publicity
    if publicity.media_outlets == 0 and publicity.reports and check.read("publicity.reports"):
        yield hit("publicity.media_outlets", "publicity.reports", reports=publicity.reports)


@rule(
    "implausible-participation",
    severity=Severity.WARNING,
    subject=RuleSubject.RETURN,
    message=(
        "线下参与{offline}人次、活动{activities}次，平均每次{average}人次，"
        "超过合理上限{limit}；请核对单位（人次）"
    ),
    message_en=(
        "{offline} offline person-times over {activities} activities is {average} per "
        "activity, above the plausible {limit}; check the unit (person-times)"
    ),
    valid=[
        a_return(),
        a_return(activity_count=1, public={"offline": 50_000, "stated_total": None}),
    ],
    invalid=[a_return(activity_count=1, public={"offline": 50_001, "stated_total": None})],
)
def implausible_participation(check: Check[StatisticsReturn]) -> Iterator[Hit]:
    """Offline participation per activity is beyond a plausible bound.

    More than 50,000 person-times per offline activity on average usually means a figure
    typed in the wrong row or with extra digits. Online audiences are not bounded.
    """
    model = check.model
    offline, activities = model.public.offline, model.activity_count
    if offline and activities and offline > MAX_OFFLINE_PER_ACTIVITY * activities:
        yield hit(
            "public.offline",
            "activity_count",
            offline=offline,
            activities=activities,
            average=offline // activities,
            limit=MAX_OFFLINE_PER_ACTIVITY,
        )


@rule(
    "filled-in-future",
    severity=Severity.WARNING,
    subject=RuleSubject.RETURN,
    message="填表日期{filled_on}晚于今天（{today}）",
    message_en="the return is dated {filled_on}, after today ({today})",
    valid=[{**a_return(filled_on="2024-06-05"), "today": "2024-06-05"}],
    invalid=[{**a_return(filled_on="2024-06-06"), "today": "2024-06-05"}],
)
def filled_in_future(check: Check[StatisticsReturn]) -> Iterator[Hit]:
    """The return is dated after today (checked only when ``today`` is given)."""
    filled_on = check.model.filled_on
    if check.today is not None and filled_on is not None and filled_on > check.today:
        yield hit("filled_on", filled_on=filled_on, today=check.today)
