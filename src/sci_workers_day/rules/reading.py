"""Catch-all reading rules: what no more specific reading rule claims."""

from __future__ import annotations

from typing import Any

from sci_workers_day.report import Severity
from sci_workers_day.rules._examples import UNIT, a_bare_return
from sci_workers_day.rules._registry import ReadingIssue, RuleSubject, rule


@rule(
    "unknown-field",
    severity=Severity.WARNING,
    subject=RuleSubject.READING,
    fallback=1,
    message="无法识别的字段“{field}”，已忽略",
    message_en="unknown field {field!r}, ignored",
    valid=[a_bare_return(activity_count=3)],
    invalid=[a_bare_return(activity_total=3)],
)
def unknown_field(issue: ReadingIssue) -> dict[str, Any] | None:
    """The data has a field the model does not know (a typo, or a newer format).

    Its value is ignored, so a misspelt figure shows up here rather than vanishing.
    """
    if issue.error_type != "extra_forbidden":
        return None
    return {"field": issue.field}


@rule(
    "missing-field",
    severity=Severity.ERROR,
    subject=RuleSubject.READING,
    fallback=1,
    message="缺少必填项“{field}”",
    message_en="required field {field!r} is missing",
    valid=[a_bare_return()],
    invalid=[{"source": {"activity_count": 3}, "model": "return"}],
)
def missing_field(issue: ReadingIssue) -> dict[str, Any] | None:
    """A required field is absent: a return without its 填表单位, an activity without a name.

    Where the field belongs to a list item (an activity, a contact), the item is dropped.
    """
    if issue.error_type != "missing":
        return None
    return {"field": issue.field}


@rule(
    "invalid-value",
    severity=Severity.ERROR,
    subject=RuleSubject.READING,
    fallback=2,
    message="“{value}”不是有效的{field}：{detail}",
    message_en="{value!r} is not a valid {field}: {detail}",
    valid=[a_bare_return(filled_on="2024-06-05")],
    invalid=[
        a_bare_return(filled_on="六月五日"),
        a_bare_return(reporting_unit={**UNIT, "region_code": "1407"}),
    ],
)
def invalid_value(issue: ReadingIssue) -> dict[str, Any] | None:
    """A value the model cannot hold, where no more specific rule applies.

    A date that is not one, a region code that is not six digits, an unknown campaign kind.
    The value is dropped (an item of a list is dropped whole), and every other rule still runs.
    """
    return {"value": issue.value, "field": issue.field, "detail": issue.detail}
