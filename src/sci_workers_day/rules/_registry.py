"""The machinery of the rule catalogue: :class:`Rule`, the ``rule`` decorator, what rules see.

A rule is a function that *yields* :class:`Hit` objects (the paths it blames and the values
its message needs); the engine turns hits into findings, applying the severity policy,
spreadsheet cells and explanations in one place. Reading rules are the exception: they see
one value the model could not take (a :class:`ReadingIssue`) and return the message's values
when the issue is theirs.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from sci_workers_day.report import Severity

if TYPE_CHECKING:
    from sci_workers_day.model.campaign import Campaign
    from sci_workers_day.model.organizer import Organizer
    from sci_workers_day.model.returns import Figure, StatisticsReturn

__all__ = [
    "Check",
    "Hit",
    "ReadingIssue",
    "Rollup",
    "Rule",
    "RuleSubject",
    "catalogue",
    "hit",
    "of_subject",
    "rule",
    "unread_at",
]

_CODE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


class RuleSubject(enum.StrEnum):
    """What a rule looks at."""

    READING = "reading"
    """One raw value the model could not take."""
    RETURN = "return"
    """A statistics return."""
    SUBMISSION = "submission"
    """A submission (its return is checked by the return rules too)."""
    CAMPAIGN = "campaign"
    """A campaign."""
    ROLLUP = "rollup"
    """A parent return and the returns it sums."""


@attrs.frozen
class Hit:
    """What a rule reports: the paths it blames (the blamed one first) and its message values."""

    paths: tuple[str, ...]
    params: Mapping[str, Any] = attrs.field(factory=dict)


def hit(*paths: str, **params: Any) -> Hit:
    """A :class:`Hit` on ``paths`` with message values ``params``."""
    return Hit(paths, params)


@attrs.frozen
class ReadingIssue:
    """A raw value the model refused: where it was, what it was, and pydantic's complaint."""

    path: str
    """The dotted path in the raw data (``funding.county``, ``contacts.0.phone``)."""
    field: str
    """The key the value stood under (``phone`` for ``contacts.0.phone``), or the missing one."""
    value: Any
    """The raw value (``None`` when the field was absent)."""
    error_type: str
    """Pydantic's error type (``missing``, ``int_parsing``, ``value_error``, …)."""
    detail: str
    """Pydantic's message."""
    figure: Figure | None = None
    """The return figure at ``path``, when it is one."""


def unread_at(unread: frozenset[str], path: str) -> bool:
    """Whether ``path``, or a group or item holding it, could not be read."""
    if not unread:
        return False
    if path in unread:
        return True
    cut = path.rfind(".")
    while cut > 0:
        if path[:cut] in unread:
            return True
        cut = path.rfind(".", 0, cut)
    return False


M = TypeVar("M")


@attrs.frozen
class Check(Generic[M]):
    """What a model rule sees: the model, the campaign it answers, and the reading's gaps."""

    model: M
    campaign: Campaign | None = None
    today: dt.date | None = None
    unread: frozenset[str] = frozenset()
    """Paths whose raw value could not be read (already reported; rules leave them alone)."""
    figures: Mapping[str, Any] = attrs.field(factory=dict)
    """For a return: every figure by path, stated totals included (read once for all rules)."""
    formulas: frozenset[str] = frozenset()
    """For a return read from a workbook: the paths whose cell held a formula."""

    def read(self, *paths: str) -> bool:
        """Whether all ``paths`` were read (no reading finding on them or what holds them)."""
        unread = self.unread
        return not unread or not any(unread_at(unread, path) for path in paths)


@attrs.frozen
class Rollup:
    """What a roll-up rule sees: the parent return, its children, the units expected."""

    parent: StatisticsReturn
    children: tuple[StatisticsReturn, ...]
    expected_units: tuple[str | Organizer, ...] | None = None
    unread: frozenset[str] = frozenset()
    """Unread paths, ``children.N.``-prefixed for children."""


Example = Mapping[str, Any]
"""Keyword arguments for ``validate`` (or ``validate_rollup`` for roll-up rules)."""


@attrs.frozen
class Rule:
    """A catalogue entry: a permanent code, a default severity, a check and its examples."""

    code: str
    severity: Severity
    subject: RuleSubject
    message: str
    """The Chinese message template, formatted with the hit's params and ``label``."""
    message_en: str
    """The English twin."""
    check: Callable[[Any], Any] = attrs.field(eq=False, repr=False)
    valid: tuple[Example, ...] = ()
    invalid: tuple[Example, ...] = ()
    fallback: int = 0
    """For reading rules: higher goes later, so catch-alls are tried after specific rules."""

    @property
    def title(self) -> str:
        """The first line of the check's docstring."""
        return self.description.split("\n", 1)[0]

    @property
    def description(self) -> str:
        """The check's whole docstring."""
        return inspect.getdoc(self.check) or ""


_CATALOGUE: dict[str, Rule] = {}
_BY_SUBJECT: dict[RuleSubject, list[Rule]] = {}

F = TypeVar("F", bound=Callable[..., Any])


def rule(
    code: str,
    *,
    severity: Severity,
    subject: RuleSubject,
    message: str,
    message_en: str,
    valid: Iterable[Example] = (),
    invalid: Iterable[Example] = (),
    fallback: int = 0,
) -> Callable[[F], F]:
    """Register the decorated check under ``code``; codes are permanent and never reused."""

    def register(check: F) -> F:
        if not _CODE.fullmatch(code):
            msg = f"rule code {code!r} is not kebab-case"
            raise ValueError(msg)
        if code in _CATALOGUE:
            msg = f"rule code {code!r} is registered twice"
            raise ValueError(msg)
        if not inspect.getdoc(check):
            msg = f"rule {code!r} needs a docstring: its first line is the title"
            raise ValueError(msg)
        _CATALOGUE[code] = Rule(
            code,
            severity,
            subject,
            message,
            message_en,
            check,
            tuple(valid),
            tuple(invalid),
            fallback,
        )
        _BY_SUBJECT.clear()
        return check

    return register


def catalogue() -> Mapping[str, Rule]:
    """Every rule by code, in registration order (the catalogue page's order)."""
    return _CATALOGUE


def of_subject(subject: RuleSubject) -> list[Rule]:
    """The rules of one subject, in registration order (catch-alls last)."""
    if subject not in _BY_SUBJECT:
        rules = (r for r in _CATALOGUE.values() if r.subject is subject)
        _BY_SUBJECT[subject] = sorted(rules, key=_fallback)
    return _BY_SUBJECT[subject]


def _fallback(rule: Rule) -> int:
    return rule.fallback
