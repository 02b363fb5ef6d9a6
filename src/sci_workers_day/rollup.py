"""Roll-ups: a city's return as the sum of its counties' (汇总), and the checks on one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sci_workers_day._engine import Collector, Policy, Source, explain, read_source, settle
from sci_workers_day.model.campaign import Campaign
from sci_workers_day.model.organizer import Organizer
from sci_workers_day.model.returns import (
    Funding,
    OpenedSites,
    Participation,
    Publicity,
    Staff,
    StatisticsReturn,
    sum_reported,
)
from sci_workers_day.report import Explanation, Report
from sci_workers_day.rules._registry import Rollup, RuleSubject, of_subject

__all__ = ["aggregate", "validate_rollup"]

_GROUPS: dict[str, type[Funding | Staff | Participation | Publicity | OpenedSites]] = {
    "funding": Funding,
    "staff": Staff,
    "public": Participation,
    "publicity": Publicity,
    "opened": OpenedSites,
}


def aggregate(
    returns: Iterable[StatisticsReturn], *, reporting_unit: Organizer | None = None
) -> StatisticsReturn:
    """The exact sum of ``returns``, figure by figure (stated totals too).

    A figure is ``None`` only where every return left it blank. ``reporting_unit`` names
    the unit the sum is for (default: 合计); the campaign title is kept when all agree.
    """
    children = list(returns)
    titles = {child.campaign_title for child in children}
    groups: dict[str, Any] = {}
    for group, cls in _GROUPS.items():
        parts = [getattr(child, group) for child in children]
        groups[group] = cls(
            **{name: sum_reported(getattr(p, name) for p in parts) for name in cls.model_fields}
        )
    return StatisticsReturn(
        reporting_unit=reporting_unit or Organizer(name="合计"),
        campaign_title=titles.pop() if len(titles) == 1 else None,
        activity_count=sum_reported(child.activity_count for child in children),
        **groups,
    )


def validate_rollup(
    parent: Source,
    children: Iterable[Source],
    *,
    expected_units: Iterable[str | Organizer] | None = None,
    campaign: Campaign | None = None,
    policy: Policy | None = None,
    explanations: Iterable[Explanation] = (),
) -> Report:
    """Check a parent return against the returns it sums, and the roster of units.

    ``parent`` and ``children`` are returns as models, raw data or files. Findings on the
    parent have its own paths (``funding.county``); findings on a child are prefixed with
    its position (``children.2.funding.county``). Only the roll-up rules run, with the
    reading of raw data; check each return itself with :func:`~sci_workers_day.validate`.
    ``expected_units`` (names, region codes or organizers) turns on ``missing-unit`` and
    ``unexpected-unit``.
    """
    expected = None if expected_units is None else _expected(expected_units)
    severities, explained = settle(campaign, policy, explanations)
    parent_document = read_source(parent, "return")
    documents = [read_source(child, "return") for child in children]
    cells = dict(parent_document.cells)
    collector = Collector(severities, cells)
    for rule, hit in parent_document.reading.hits:
        collector.add(rule, hit)
    unread = set(parent_document.reading.unread)
    for index, document in enumerate(documents):
        prefix = f"children.{index}."
        cells.update({prefix + path: cell for path, cell in document.cells.items()})
        for rule, hit in document.reading.hits:
            collector.add(rule, hit, prefix)
        unread.update(prefix + path for path in document.reading.unread)
    check = Rollup(
        parent_document.reading.model,
        tuple(document.reading.model for document in documents),
        expected,
        frozenset(unread),
    )
    collector.run(of_subject(RuleSubject.ROLLUP), check)
    findings, unmatched = explain(collector.findings, explained)
    return Report(
        findings,
        subject="rollup",
        source=parent_document.name or check.parent.reporting_unit.name,
        unmatched_explanations=unmatched,
    )


def _expected(units: Iterable[str | Organizer]) -> tuple[str | Organizer, ...]:
    if isinstance(units, str):
        msg = "expected_units must be a list of names, codes or organizers, not one string"
        raise TypeError(msg)
    result = tuple(units)
    for unit in result:
        if not isinstance(unit, (str, Organizer)):
            msg = f"an expected unit is a name, a region code or an Organizer, not {unit!r}"
            raise TypeError(msg)
    return result
