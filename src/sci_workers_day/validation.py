"""``validate``: one pass over a return, submission or campaign, reporting every problem."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sci_workers_day._engine import (
    Collector,
    ModelName,
    Policy,
    Source,
    explain,
    read_source,
    settle,
)
from sci_workers_day.model.campaign import Campaign
from sci_workers_day.model.returns import StatisticsReturn
from sci_workers_day.model.submission import Submission
from sci_workers_day.report import Explanation, Report
from sci_workers_day.rules._registry import Check, RuleSubject, of_subject

__all__ = ["validate"]


def validate(
    source: Source,
    *,
    campaign: Campaign | None = None,
    today: dt.date | None = None,
    model: ModelName | None = None,
    policy: Policy | None = None,
    explanations: Iterable[Explanation] = (),
) -> Report:
    """Check ``source`` against every rule; return a :class:`~sci_workers_day.Report`.

    ``source`` is a model (``StatisticsReturn``, ``Submission``, ``Campaign``), raw data as
    decoded from JSON (recognised by its keys, or named by ``model``), or a file path. Raw
    values the model cannot take become findings and blanks; every other rule still runs.
    ``campaign`` supplies the limits (deadline, video length, region) and a severity policy;
    ``policy`` overrides it by rule code (``{"missing-value": "off"}``). ``today`` is used
    only by rules about the present, never read from the clock. ``explanations`` attach a
    submitter's reasons to findings, which decides the report's outcome.

    Raises :class:`~sci_workers_day.ParseError` when the source cannot be read at all (an
    unreadable file, data that is no return, submission or campaign) and
    :class:`~sci_workers_day.UnknownRuleError` for a policy or explanation naming no rule;
    ``TypeError`` and ``ValueError`` for arguments that are not what this signature says.
    """
    if today is not None and not isinstance(today, dt.date):
        msg = f"today must be a date, not {type(today).__name__} (应为日期)"
        raise TypeError(msg)
    document = read_source(source, model)
    reading = document.reading
    subject = reading.model
    # document.kind says which model it is: cheaper than isinstance on pydantic models.
    if campaign is None and document.kind == "campaign":
        campaign = subject  # a campaign is validated under its own policy
    severities, explained = settle(campaign, policy, explanations)
    collector = Collector(severities, document.cells)
    for rule, hit in reading.hits:
        collector.add(rule, hit)
    if reading.renumbering:
        collector.translate = reading.data_path
    statistics: StatisticsReturn | None = None
    prefix = ""
    if document.kind == "return":
        statistics = subject
        name = document.name or _unit_name(subject, reading.unread)
    elif document.kind == "submission":
        on_submission = Check(subject, campaign, today, reading.unread)
        collector.run(of_subject(RuleSubject.SUBMISSION), on_submission)
        statistics, prefix = subject.statistics, "statistics."
        name = document.name or _unit_name(subject, reading.unread)
    else:
        on_campaign = Check(subject, campaign, today, reading.unread)
        collector.run(of_subject(RuleSubject.CAMPAIGN), on_campaign)
        name = document.name or subject.title
    if statistics is not None:
        unread = reading.unread
        if unread and prefix:
            unread = frozenset(p.removeprefix(prefix) for p in unread if p.startswith(prefix))
        check = Check(
            statistics,
            campaign,
            today,
            unread,
            statistics.figures(totals=True),
            document.formulas,
        )
        collector.run(of_subject(RuleSubject.RETURN), check, prefix)
    findings, unmatched = explain(collector.findings, explained)
    return Report(findings, subject=document.kind, source=name, unmatched_explanations=unmatched)


def _unit_name(subject: StatisticsReturn | Submission, unread: frozenset[str]) -> str | None:
    # A stand-in unit names nobody: the report then names no source rather than a fake one.
    return None if "reporting_unit" in unread else subject.reporting_unit.name
