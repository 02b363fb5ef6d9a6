"""What validation found: :class:`Finding`, :class:`Report` and their severities.

A report is data, not an exception: the input had problems, and the report says which, where
and how bad. Its JSON form (:meth:`Report.to_dict`) carries a ``report_version`` and follows
the JSON Schema that :meth:`Report.json_schema` returns.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from importlib import resources
from typing import (
    Any,
    Literal,
    NotRequired,  # pydantic needs these on Python 3.11
)

import attrs
from typing_extensions import TypedDict

from sci_workers_day.dates import DateWindow
from sci_workers_day.model.campaign import Campaign
from sci_workers_day.model.submission import Submission

__all__ = [
    "REPORT_VERSION",
    "Explanation",
    "Finding",
    "Outcome",
    "Report",
    "ReportDiff",
    "Severity",
]

REPORT_VERSION = 1
"""The version of the report's JSON form; raised whenever that form changes."""


class Severity(enum.StrEnum):
    """How bad a finding is: an error rejects a submission, a warning asks for a look."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        """The Chinese word: 错误, 警告, 提示."""
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


class Outcome(enum.StrEnum):
    """The one verdict a report states."""

    ACCEPTED = "accepted"
    """No error."""
    ACCEPTED_WITH_EXPLANATIONS = "accepted_with_explanations"
    """Every error is explained by the submitter, and at least one finding is."""
    REJECTED = "rejected"
    """At least one error has no explanation."""

    @property
    def label(self) -> str:
        """The Chinese verdict: 通过, 附说明通过, 退回修改."""
        return {
            "accepted": "通过",
            "accepted_with_explanations": "附说明通过",
            "rejected": "退回修改",
        }[self.value]


def _non_blank(_instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        msg = f"{attribute.name} must be non-blank text (不能为空)"
        raise ValueError(msg)


@attrs.frozen
class Explanation:
    """A submitter's explanation of one finding, matched by rule code and model path.

    ``Explanation("aggregate-mismatch", "funding.county", "县本级经费含上年结转")``.
    """

    code: str = attrs.field(validator=_non_blank)
    path: str = attrs.field(validator=_non_blank)
    text: str = attrs.field(validator=_non_blank)

    def explains(self, finding: Finding) -> bool:
        """Whether this explanation is about ``finding``."""
        return finding.code == self.code and self.path in finding.paths


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _explanations(values: Iterable[Explanation]) -> tuple[Explanation, ...]:
    return tuple(values)


@attrs.frozen
class Finding:
    """One problem: which rule (``code``), how bad, where (``paths``, ``cells``) and why.

    ``paths`` are dotted model paths, the blamed field first; ``cells`` the spreadsheet cells
    of those paths (``统计表!C8``) when the data came from a workbook. ``params`` holds the
    values the messages were built from.
    """

    code: str
    severity: Severity = attrs.field(converter=Severity)
    paths: tuple[str, ...] = attrs.field(converter=_strings)
    message: str
    message_en: str
    cells: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    params: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    explanation: str | None = None
    """The submitter's explanation, when one was attached."""

    @property
    def path(self) -> str:
        """The blamed path (the first of ``paths``; ``""`` for the whole subject)."""
        return self.paths[0] if self.paths else ""

    @property
    def key(self) -> tuple[str, tuple[str, ...]]:
        """What identifies a finding across resubmissions: its code and paths."""
        return self.code, self.paths

    def to_dict(self) -> FindingDict:
        """The finding's JSON form."""
        result: FindingDict = {
            "code": self.code,
            "severity": self.severity.value,
            "paths": list(self.paths),
            "cells": list(self.cells),
            "message": self.message,
            "message_en": self.message_en,
            "params": {key: _jsonable(value) for key, value in self.params.items()},
        }
        if self.explanation is not None:
            result["explanation"] = self.explanation
        return result

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """Read a finding back from its JSON form (params stay as JSON gave them)."""
        return cls(
            code=data["code"],
            severity=data["severity"],
            paths=data["paths"],
            cells=data.get("cells", ()),
            message=data["message"],
            message_en=data["message_en"],
            params=dict(data.get("params", {})),
            explanation=data.get("explanation"),
        )

    def to_text(self, lang: Literal["zh", "en"] = "zh") -> str:
        """One line: severity, where, code and message."""
        severity = self.severity.label if lang == "zh" else self.severity.value
        where = self.path or ("（整体）" if lang == "zh" else "(whole)")
        if self.cells:
            where += " [" + ", ".join(self.cells) + "]"
        message = self.message if lang == "zh" else self.message_en
        line = f"{severity}\t{where}\t{self.code}\t{message}"
        if self.explanation is not None:
            line += ("\t说明：" if lang == "zh" else "\texplained: ") + self.explanation
        return line


def _jsonable(value: Any) -> Any:  # noqa: PLR0911 - one return per kind of value
    # Money stays exact in JSON: a Decimal is written as its text.
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > _HUGE_BITS:
        return magnitude(value)
    if isinstance(value, DateWindow):
        return iso_window(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


_HUGE_BITS = 200  # about 60 digits: beyond, a figure is shown by its magnitude only


def magnitude(value: int) -> str:
    """``≈10^N`` for an absurdly large integer (``str()`` of one over 4300 digits raises)."""
    digits = int(value.bit_length() * 0.30103) + 1
    return f"{'-' if value < 0 else ''}≈10^{digits - 1}"


def iso_window(window: DateWindow) -> str:
    """A window as an ISO 8601 interval: ``2024-05-25/2024-05-31``; open ends are ``..``."""
    start = window.start.isoformat() if window.start else ".."
    end = window.end.isoformat() if window.end else ".."
    return f"{start}/{end}"


_INDEX = re.compile(r"[0-9]+")


@functools.cache
def _field_ranks() -> dict[str, int]:
    """Every model field name, ranked by where it is first declared (the forms' order)."""
    ranks: dict[str, int] = {}
    pending: list[Any] = [Submission, Campaign]
    seen: set[Any] = set()
    while pending:
        model = pending.pop(0)
        if model in seen:
            continue
        seen.add(model)
        for name, field in model.model_fields.items():
            ranks.setdefault(name, len(ranks))
            pending.extend(
                arg
                for arg in _types_in(field.annotation)
                if isinstance(arg, type) and hasattr(arg, "model_fields")
            )
    return ranks


def _types_in(annotation: Any) -> list[Any]:
    found = [annotation]
    for arg in getattr(annotation, "__args__", ()):
        found.extend(_types_in(arg))
    return found


def _location_key(finding: Finding) -> tuple[Any, ...]:
    ranks = _field_ranks()
    segments = tuple(
        (0, int(part), "") if _INDEX.fullmatch(part) else (1, ranks.get(part, len(ranks)), part)
        for part in finding.path.split(".")
        if part
    )
    return segments, finding.code, finding.paths


def _ordered(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=_location_key)) if findings else ()


class FindingDict(TypedDict):
    """The JSON form of a :class:`Finding`."""

    code: str
    severity: Literal["error", "warning", "info"]
    paths: list[str]
    cells: list[str]
    message: str
    message_en: str
    params: dict[str, Any]
    explanation: NotRequired[str]


class ExplanationDict(TypedDict):
    """The JSON form of an :class:`Explanation`."""

    code: str
    path: str
    text: str


class ReportDict(TypedDict):
    """The JSON form of a :class:`Report`."""

    report_version: int
    subject: str | None
    source: str | None
    outcome: Literal["accepted", "accepted_with_explanations", "rejected"]
    ok: bool
    counts: dict[Literal["error", "warning", "info"], int]
    findings: list[FindingDict]
    unmatched_explanations: list[ExplanationDict]


@attrs.frozen
class ReportDiff:
    """How a resubmission's report differs from the previous one's."""

    new: tuple[Finding, ...]
    """Findings the previous report did not have."""
    resolved: tuple[Finding, ...]
    """Findings of the previous report that are gone (as the previous report stated them)."""
    persisting: tuple[Finding, ...]
    """Findings in both (as the new report states them)."""


@attrs.frozen
class Report:
    """Everything validation found about one subject (a return, submission, campaign, roll-up).

    ``findings`` are ordered by location, in the form's order. ``subject`` says what was
    validated and ``source`` names it (a file, or a reporting unit).
    """

    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_ordered)
    subject: str | None = None
    source: str | None = None
    unmatched_explanations: tuple[Explanation, ...] = attrs.field(
        default=(), converter=_explanations
    )
    """Explanations that matched no finding: the problem they explained is gone, or the
    code or path was mistyped."""

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity warning."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """The findings of severity info."""
        return tuple(f for f in self.findings if f.severity is Severity.INFO)

    @property
    def ok(self) -> bool:
        """No error at all (explained or not)."""
        return not self.errors

    @property
    def outcome(self) -> Outcome:
        """Accepted, accepted with explanations, or rejected."""
        if any(f.explanation is None for f in self.errors):
            return Outcome.REJECTED
        if any(f.explanation is not None for f in self.findings):
            return Outcome.ACCEPTED_WITH_EXPLANATIONS
        return Outcome.ACCEPTED

    @property
    def codes(self) -> frozenset[str]:
        """The rule codes that fired."""
        return frozenset(f.code for f in self.findings)

    def diff(self, previous: Report) -> ReportDiff:
        """Compare with the report on an earlier submission: new, resolved, persisting."""
        before = {f.key for f in previous.findings}
        now = {f.key for f in self.findings}
        return ReportDiff(
            new=tuple(f for f in self.findings if f.key not in before),
            resolved=tuple(f for f in previous.findings if f.key not in now),
            persisting=tuple(f for f in self.findings if f.key in before),
        )

    def to_dict(self) -> ReportDict:
        """The report's JSON form, with ``report_version``."""
        return {
            "report_version": REPORT_VERSION,
            "subject": self.subject,
            "source": self.source,
            "outcome": self.outcome.value,
            "ok": self.ok,
            "counts": {
                "error": len(self.errors),
                "warning": len(self.warnings),
                "info": len(self.infos),
            },
            "findings": [f.to_dict() for f in self.findings],
            "unmatched_explanations": [
                {"code": e.code, "path": e.path, "text": e.text}
                for e in self.unmatched_explanations
            ],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The JSON form as text (UTF-8 characters kept, not escaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        """Read a report back from its JSON form, e.g. to diff against a stored one."""
        version = data.get("report_version")
        if version != REPORT_VERSION:
            msg = f"report_version {version!r} is not {REPORT_VERSION} (报告版本不受支持)"
            raise ValueError(msg)
        return cls(
            findings=[Finding.from_dict(f) for f in data["findings"]],
            subject=data.get("subject"),
            source=data.get("source"),
            unmatched_explanations=[
                Explanation(e["code"], e["path"], e["text"])
                for e in data.get("unmatched_explanations", ())
            ],
        )

    @staticmethod
    def json_schema() -> dict[str, Any]:
        """The JSON Schema (draft 2020-12) of :meth:`to_dict`'s output, shipped in the package."""
        text = resources.files("sci_workers_day").joinpath("data/report.schema.json").read_text()
        schema: dict[str, Any] = json.loads(text)
        return schema

    def to_text(self, lang: Literal["zh", "en"] = "zh") -> str:
        """A readable rendering: a head line with the verdict, then one line per finding."""
        counts = len(self.errors), len(self.warnings), len(self.infos)
        name = self.source or self.subject or ""
        if lang == "zh":
            head = (
                f"{name}：{self.outcome.label}"
                f"（错误 {counts[0]}，警告 {counts[1]}，提示 {counts[2]}）"
            )
        else:
            head = (
                f"{name}: {self.outcome.value.replace('_', ' ')} "
                f"({counts[0]} errors, {counts[1]} warnings, {counts[2]} infos)"
            )
        lines = [head.lstrip("：: "), *("  " + f.to_text(lang) for f in self.findings)]
        for explanation in self.unmatched_explanations:
            lines.append(
                f"  {'未匹配的说明' if lang == 'zh' else 'unmatched explanation'}\t"
                f"{explanation.path}\t{explanation.code}\t{explanation.text}"
            )
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()
