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
    message="缺少必填项“{field_zh}”",
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
    return {"field": issue.field, "field_zh": field_label(issue.field)}


@rule(
    "invalid-value",
    severity=Severity.ERROR,
    subject=RuleSubject.READING,
    fallback=2,
    message="{field_zh}“{value}”{detail_zh}",
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
    return {
        "value": issue.value,
        "field": issue.field,
        "field_zh": field_label(issue.field),
        "detail": issue.detail,
        "detail_zh": _GLOSSES.get(issue.error_type, "格式不正确"),
    }


# The fields a reading finding most often names, as the forms and notices call them.
_FIELD_LABELS = {
    "reporting_unit": "填表单位",
    "submitted_on": "报送日期",
    "filled_on": "填表日期",
    "campaign_title": "活动名称",
    "name": "名称",
    "title": "标题",
    "kinds": "活动类型",
    "kind": "类型",
    "year": "年份",
    "edition": "届次",
    "window": "时间",
    "region_code": "行政区划代码",
    "parent_region_code": "所在行政区划代码",
    "level": "级别",
    "path": "文件名",
    "width": "宽度",
    "height": "高度",
    "duration_seconds": "视频时长",
    "shot_type": "照片类型",
    "deadline": "截止日期",
    "issued_on": "成文日期",
    "document_number": "发文字号",
    "number": "发文字号",
    "activities": "活动",
    "contacts": "联系人",
    "media": "影像资料",
    "extension": "分机号",
}
# What pydantic's complaint means, in a submitter's words.
_GLOSSES = {
    "date_from_datetime_parsing": "不是有效日期（应形如2024-06-08）",
    "date_parsing": "不是有效日期（应形如2024-06-08）",
    "date_type": "不是有效日期（应形如2024-06-08）",
    "string_pattern_mismatch": "格式不符",
    "string_too_short": "不能为空",
    "too_short": "不能为空",
    "literal_error": "不是可选值之一",
    "enum": "不是可选值之一",
    "union_tag_invalid": "类型无法识别",
    "greater_than": "超出允许范围",
    "greater_than_equal": "超出允许范围",
    "less_than_equal": "超出允许范围",
    "int_parsing": "应为整数",
    "count_parsing": "应为非负整数",
    "decimal_parsing": "应为数字",
    "string_type": "应为文字",
    "dict_type": "应为一组字段",
    "model_type": "应为一组字段",
    "list_type": "应为列表",
    "tuple_type": "应为列表",
}


def field_label(field: str) -> str:
    """The Chinese name of a model field, or the field's own name when it has none."""
    return _FIELD_LABELS.get(field, field)
