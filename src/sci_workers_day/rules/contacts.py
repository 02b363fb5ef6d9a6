"""Reading rules for contact details: phone numbers and e-mail addresses."""

from __future__ import annotations

from typing import Any

from sci_workers_day.report import Severity
from sci_workers_day.rules._registry import ReadingIssue, RuleSubject, rule

_CAMPAIGN = {
    "title": "关于举办2024年晋中市科技活动周的通知",
    "kinds": ["science_week"],
    "year": 2024,
}


def _contact(**contact: Any) -> dict[str, Any]:
    return {"source": {**_CAMPAIGN, "contacts": [{"name": "张彦云", **contact}]}}


@rule(
    "malformed-phone",
    severity=Severity.ERROR,
    subject=RuleSubject.READING,
    message="电话号码“{value}”无效",
    message_en="{value!r} is not a valid phone number",
    valid=[_contact(phone="0354-3260071"), _contact(phone="(010)86409582转8001")],
    invalid=[_contact(phone="0354-326007"), _contact(phone="电话")],
)
def malformed_phone(issue: ReadingIssue) -> dict[str, Any] | None:
    """A phone number that is no valid Chinese (or international) number.

    Fixed lines need their area code; extensions (转8001) are allowed. The number is
    dropped from the contact.
    """
    if issue.field != "phone" or issue.error_type == "missing":
        return None
    return {"value": issue.value}


@rule(
    "malformed-email",
    severity=Severity.ERROR,
    subject=RuleSubject.READING,
    message="电子邮箱“{value}”无效",
    message_en="{value!r} is not a valid e-mail address",
    valid=[_contact(email="jzkx@163.com")],
    invalid=[_contact(email="jzkx@163"), _contact(email="jzkx.163.com")],
)
def malformed_email(issue: ReadingIssue) -> dict[str, Any] | None:
    """An e-mail address that is not one (syntax only: nothing is looked up).

    The address is dropped from the contact.
    """
    if issue.field != "email" or issue.error_type == "missing":
        return None
    return {"value": issue.value}
