"""Reports: order, verdict, JSON form and its shipped schema, text, diff.

Run ``python -m tests.test_report`` (part of ``make schemas``) to regenerate the schema.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter

import sci_workers_day
from sci_workers_day import (
    REPORT_VERSION,
    Explanation,
    Finding,
    Outcome,
    Report,
    Severity,
    validate,
)
from sci_workers_day.report import ReportDict

SCHEMA = Path(sci_workers_day.__file__).parent / "data" / "report.schema.json"
ADAPTER = TypeAdapter(ReportDict)


def generate_schema() -> str:
    """The JSON Schema of ``Report.to_dict``, as shipped."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://sci-workers-day.invalid/report-v{REPORT_VERSION}.schema.json",
        **ADAPTER.json_schema(),
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def finding(code: str = "negative-value", path: str = "funding.county", **kw: Any) -> Finding:
    """A finding with defaults for what a test does not care about."""
    values: dict[str, Any] = {
        "severity": Severity.ERROR,
        "paths": (path,),
        "message": "县级财政经费投入不能为负数，实际为-3",
        "message_en": "funding.county cannot be negative: -3",
    }
    values.update(kw)
    return Finding(code, **values)


BAD_RETURN: dict[str, Any] = {
    "reporting_unit": {"name": "平遥县科学技术协会"},
    "activity_count": "若干",
    "funding": {"county": "-3", "central": "1.234567", "stated_total": "5"},
    "staff": {"others": 12.5, "stated_total": 3},
    "filled_on": "2024-06-05",
}


def test_schema_is_shipped_and_current() -> None:
    """The package ships the report's JSON Schema, and it matches the code."""
    assert SCHEMA.read_text("utf-8") == generate_schema()
    assert Report.json_schema() == json.loads(generate_schema())


def test_to_dict_follows_schema() -> None:
    """A real report's JSON form validates against the schema's type."""
    data = json.loads(validate(BAD_RETURN).to_json())
    ADAPTER.validate_python(data, strict=True)
    assert data["report_version"] == REPORT_VERSION
    assert data["outcome"] == "rejected"


def test_findings_are_ordered_by_form_order() -> None:
    """Findings come in the form's order, whatever order the rules ran in."""
    report = validate(BAD_RETURN, policy={"missing-value": "off"})
    assert [f.path for f in report.findings] == [
        "activity_count",
        "funding.central",
        "funding.county",
        "staff.others",
    ]


def test_list_indexes_order_numerically() -> None:
    """media.10 comes after media.2."""
    report = Report([finding(path="media.10.path"), finding(path="media.2.path")])
    assert [f.path for f in report.findings] == ["media.2.path", "media.10.path"]


def test_decimal_params_stay_exact_in_json() -> None:
    """Money in params is written as text, never as a float."""
    data = finding(params={"value": Decimal("-3.10"), "on": dt.date(2024, 6, 8)}).to_dict()
    assert data["params"] == {"value": "-3.10", "on": "2024-06-08"}


def test_round_trip_through_json() -> None:
    """A report read back from its JSON form equals the original, params as JSON gave them."""
    report = validate(
        BAD_RETURN, explanations=[Explanation("missing-value", "staff.full_time", "无")]
    )
    again = Report.from_dict(json.loads(report.to_json()))
    assert [f.key for f in again.findings] == [f.key for f in report.findings]
    assert again.outcome is report.outcome
    assert again.to_dict() == report.to_dict()


def test_from_dict_refuses_other_versions() -> None:
    """A report of another version is refused, not misread."""
    with pytest.raises(ValueError, match="report_version"):
        Report.from_dict({"report_version": 99, "findings": []})


def test_outcomes() -> None:
    """Accepted without errors; with every error explained, accepted with explanations."""
    assert Report().outcome is Outcome.ACCEPTED
    assert Report([finding(severity=Severity.WARNING)]).outcome is Outcome.ACCEPTED
    assert Report([finding()]).outcome is Outcome.REJECTED
    explained = Report([finding(explanation="县本级经费含上年结转")])
    assert explained.outcome is Outcome.ACCEPTED_WITH_EXPLANATIONS
    assert not explained.ok


def test_explanations_attach_by_code_and_path() -> None:
    """An explanation attaches to the finding with its code and path; others stay unmatched."""
    report = validate(
        BAD_RETURN,
        policy={"missing-value": "off", "subtotal-mismatch": "off"},
        explanations=[
            Explanation("too-many-decimals", "funding.central", "按实际金额填报"),
            Explanation("negative-value", "funding.central", "wrong path"),
        ],
    )
    central = next(f for f in report.findings if f.code == "too-many-decimals")
    assert central.explanation == "按实际金额填报"
    assert [e.text for e in report.unmatched_explanations] == ["wrong path"]
    assert report.outcome is Outcome.REJECTED  # the other errors are not explained


def test_explanation_must_not_be_blank() -> None:
    """An explanation needs a code, a path and some text."""
    with pytest.raises(ValueError, match="text"):
        Explanation("negative-value", "funding.county", " ")


def test_text_rendering_in_both_languages() -> None:
    """The text names the verdict, counts, paths, codes and messages; English on request."""
    report = validate(BAD_RETURN, policy={"missing-value": "off"})
    zh = str(report)
    assert zh.startswith("平遥县科学技术协会：退回修改（错误")
    assert "funding.county\tnegative-value\t县级财政经费投入不能为负数，实际为-3" in zh
    en = report.to_text("en")
    assert en.startswith("平遥县科学技术协会: rejected (")
    assert "funding.county cannot be negative: -3" in en


def test_text_shows_cells_explanations_and_unmatched() -> None:
    """Cells, explanations and unmatched explanations appear in the text."""
    report = Report(
        [finding(cells=("统计表!C8",), explanation="已核实")],
        unmatched_explanations=[Explanation("missing-unit", "children", "已撤并")],
    )
    assert "funding.county [统计表!C8]" in report.to_text()
    assert "说明：已核实" in report.to_text()
    assert "explained: 已核实" in report.to_text("en")
    assert "未匹配的说明\tchildren\tmissing-unit\t已撤并" in report.to_text()


def test_diff_of_a_resubmission() -> None:
    """A resubmission's report says what is new, resolved and persisting."""
    first = validate(BAD_RETURN, policy={"missing-value": "off"})
    fixed = {**BAD_RETURN, "activity_count": 12, "staff": {"others": 13, "stated_total": 3}}
    second = validate(fixed, policy={"missing-value": "off"})
    diff = second.diff(first)
    assert {f.code for f in diff.resolved} == {"not-a-number", "not-an-integer"}
    assert {f.code for f in diff.new} == {"subtotal-mismatch"}
    assert {f.key for f in diff.persisting} == {
        ("negative-value", ("funding.county",)),
        ("too-many-decimals", ("funding.central",)),
    }


@given(st.lists(st.sampled_from(["a", "b.c", "b.0", "b.10", "b.2.x", ""]), max_size=8))
def test_order_is_total_and_stable(paths: list[str]) -> None:
    """Any findings sort deterministically, whatever order they are given in."""
    findings = [finding(path=p) if p else finding(paths=()) for p in paths]
    assert Report(findings).findings == Report(list(reversed(findings))).findings


if __name__ == "__main__":
    SCHEMA.write_text(generate_schema(), "utf-8")
