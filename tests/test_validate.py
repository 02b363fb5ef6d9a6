"""validate(): lenient reading of raw data, sources, policy, campaigns and submissions."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from sci_workers_day import (
    Campaign,
    ParseError,
    Severity,
    StatisticsReturn,
    UnknownRuleError,
    validate,
    write_return,
)

UNIT = {"name": "平遥县科学技术协会", "region_code": "140728"}
CAMPAIGN: dict[str, Any] = {
    "title": "关于举办2024年晋中市全国科技工作者日活动的通知",
    "kinds": ["workers_day"],
    "year": 2024,
    "region_code": "140700",
    "window": {"start": "2024-05-27", "end": "2024-05-31"},
    "reporting": {
        "deadline": "2024-06-08",
        "max_video_seconds": 180,
        "required_shots": ["panorama", "close_up"],
    },
}
QUIET = {"missing-value": "off"}


def paths(report: Any, code: str) -> list[str]:
    """The blamed paths of the findings with ``code``."""
    return [f.path for f in report.findings if f.code == code]


def test_every_problem_is_reported_in_one_pass() -> None:
    """Bad values in several fields each become a finding; the rest is still checked."""
    report = validate(
        {
            "reporting_unit": UNIT,
            "activity_count": "若干",
            "funding": {"county": "-3", "municipal": "1", "stated_total": "2"},
            "staff": {"full_time": 1, "others": 2, "stated_total": 4},
        },
        policy=QUIET,
    )
    assert [(f.code, f.path) for f in report.findings] == [
        ("not-a-number", "activity_count"),
        ("negative-value", "funding.county"),
        ("subtotal-mismatch", "staff.stated_total"),
    ]


def test_numbers_as_text_are_numbers() -> None:
    """Thousands separators, full-width digits and spaces are read, not reported."""
    report = validate(
        {"reporting_unit": UNIT, "activity_count": "１,２００", "funding": {"county": " 3.5 "}},
        policy=QUIET,
    )
    assert report.findings == ()


def test_subtotal_message_gives_stated_computed_and_parts() -> None:
    """subtotal-mismatch names the stated and computed sums and every part."""
    report = validate(
        {"reporting_unit": UNIT, "staff": {"full_time": 2, "volunteers": 3, "stated_total": 6}},
        policy=QUIET,
    )
    (finding,) = report.findings
    assert finding.paths[0] == "staff.stated_total"
    assert set(finding.paths[1:]) == {
        "staff.full_time",
        "staff.sci_tech_workers",
        "staff.volunteers",
        "staff.others",
    }
    assert finding.params["stated"] == 6
    assert finding.params["computed"] == 5
    assert "科普专职人员数量 2" in finding.message
    assert "各项之和为5" in finding.message


def test_paths_stay_those_of_the_data_after_items_are_dropped() -> None:
    """A dropped contact does not shift the paths of later findings."""
    report = validate(
        {
            **CAMPAIGN,
            "contacts": [
                {"name": "张彦云", "phone": "0354-326007"},
                {"phone": "电话"},
                {"name": "李明", "email": "jzkx@163"},
            ],
        }
    )
    assert [(f.code, f.path) for f in report.findings] == [
        ("malformed-phone", "contacts.0.phone"),
        ("malformed-phone", "contacts.1.phone"),
        ("malformed-email", "contacts.2.email"),
    ]


def test_list_items_missing_required_fields_are_dropped_and_reported() -> None:
    """An activity without a name is reported once, at the missing field."""
    report = validate({**CAMPAIGN, "activities": [{"name": "讲座"}, {"description": "无名"}]})
    assert [(f.code, f.path) for f in report.findings] == [("missing-field", "activities.1.name")]


def test_required_top_level_fields_get_stand_ins_the_rules_skip() -> None:
    """A campaign without year or kinds is reported; edition-mismatch does not guess."""
    report = validate({"title": "某通知", "edition": 8}, model="campaign")
    assert paths(report, "missing-field") == ["kinds", "year"]
    assert "edition-mismatch" not in report.codes


def test_submission_without_unit_or_date() -> None:
    """A submission's missing unit and date are reported; late-submission is not guessed."""
    report = validate({"media": []}, campaign=Campaign.model_validate(CAMPAIGN))
    assert paths(report, "missing-field") == ["reporting_unit", "submitted_on"]
    assert "late-submission" not in report.codes


def test_union_members_are_located_by_data_path() -> None:
    """A bad media item is located at its index, not at pydantic's union tag.

    An unknown ``kind`` leaves no member to blame a field of: the item itself is blamed.
    """
    report = validate(
        {
            "reporting_unit": UNIT,
            "submitted_on": "2024-06-01",
            "media": [
                {"kind": "photo", "path": "全景.jpg", "width": -5},
                {"kind": "audio", "path": "a.mp3"},
                {"kind": "video", "path": "a.mp4", "duration_seconds": "三分钟"},
            ],
        }
    )
    assert paths(report, "invalid-value") == [
        "media.0.width",
        "media.1",
        "media.2.duration_seconds",
    ]


def test_submission_return_figures_are_prefixed() -> None:
    """The return inside a submission is read and checked under statistics."""
    report = validate(
        {
            "reporting_unit": UNIT,
            "submitted_on": "2024-06-09",
            "statistics": {
                "reporting_unit": UNIT,
                "activity_count": "-2",
                "funding": {"county": "1,5"},
            },
        },
        campaign=Campaign.model_validate(CAMPAIGN),
        policy=QUIET,
    )
    assert [(f.code, f.path) for f in report.findings] == [
        ("late-submission", "submitted_on"),
        ("negative-value", "statistics.activity_count"),
        ("not-a-number", "statistics.funding.county"),
        ("missing-shot-type", "media"),
        ("missing-shot-type", "media"),
    ]
    late = report.findings[0]
    assert late.params["days"] == 1
    assert "逾期1天" in late.message
    figure = report.findings[2]
    assert figure.message.startswith("县级财政经费投入")


def test_video_too_long_states_both_lengths() -> None:
    """video-too-long gives the measured and the allowed length."""
    report = validate(
        {
            "reporting_unit": UNIT,
            "submitted_on": "2024-06-08",
            "media": [
                {"kind": "photo", "path": "全景.jpg", "shot_type": "panorama"},
                {"kind": "photo", "path": "特写.jpg", "shot_type": "close_up"},
                {"kind": "video", "path": "宣传片.mp4", "duration_seconds": "185.5"},
            ],
        },
        campaign=Campaign.model_validate(CAMPAIGN),
    )
    (finding,) = report.findings
    assert finding.path == "media.2.duration_seconds"
    assert finding.params == {"file": "宣传片.mp4", "seconds": Decimal("185.5"), "limit": 180}
    assert "185.5秒" in finding.message
    assert "180秒" in finding.message


def test_models_are_validated_as_they_are() -> None:
    """A model instance needs no reading; its rules run."""
    statistics = StatisticsReturn.model_validate(
        {"reporting_unit": UNIT, "funding": {"county": "1.00001"}}
    )
    report = validate(statistics, policy=QUIET)
    assert report.codes == {"too-many-decimals"}
    assert report.subject == "return"
    assert report.source == "平遥县科学技术协会"


def test_unit_outside_region_by_name() -> None:
    """A unit named after a county elsewhere is outside a city's campaign."""
    campaign = Campaign.model_validate(CAMPAIGN)
    inside = validate({"reporting_unit": {"name": "祁县科协"}}, campaign=campaign, policy=QUIET)
    outside = validate({"reporting_unit": {"name": "小店区科协"}}, campaign=campaign, policy=QUIET)
    unknown = validate({"reporting_unit": {"name": "某某单位"}}, campaign=campaign, policy=QUIET)
    assert inside.findings == ()
    assert outside.codes == {"unit-outside-region"}
    assert "山西省太原市小店区" in outside.findings[0].message
    assert unknown.findings == ()


def test_today_is_a_parameter() -> None:
    """Rules about the present use ``today`` and never the clock."""
    source = {"reporting_unit": UNIT, "filled_on": "2030-01-01"}
    assert validate(source, policy=QUIET).findings == ()
    later = validate(source, policy=QUIET, today=dt.date(2029, 12, 31))
    assert later.codes == {"filled-in-future"}


class TestPolicy:
    """Severity policies from the campaign and the caller."""

    def test_campaign_raises_and_caller_switches_off(self) -> None:
        """The campaign may raise a rule; the caller's policy wins over the campaign's."""
        campaign = Campaign.model_validate(
            {**CAMPAIGN, "severity_policy": {"missing-value": "error"}}
        )
        strict = validate({"reporting_unit": UNIT}, campaign=campaign)
        assert {f.severity for f in strict.findings} == {Severity.ERROR}
        assert not strict.ok
        relaxed = validate({"reporting_unit": UNIT}, campaign=campaign, policy=QUIET)
        assert relaxed.findings == ()

    def test_lowering_an_error(self) -> None:
        """An error lowered to info no longer rejects."""
        report = validate(
            {"reporting_unit": UNIT, "activity_count": -1},
            policy={**QUIET, "negative-value": Severity.INFO},
        )
        assert report.ok
        assert [f.severity for f in report.findings] == [Severity.INFO]

    def test_a_switched_off_reading_rule_still_drops_the_value(self) -> None:
        """Switching off not-a-number hides the finding; the value is still not read."""
        report = validate(
            {"reporting_unit": UNIT, "activity_count": "若干", "public": {"offline": 10}},
            policy={"not-a-number": "off", "missing-value": "off"},
        )
        assert report.findings == ()

    def test_unknown_codes_are_refused(self) -> None:
        """A mistyped code in a policy or an explanation raises UnknownRuleError."""
        with pytest.raises(UnknownRuleError, match="missing-values") as caught:
            validate({"reporting_unit": UNIT}, policy={"missing-values": "off"})
        assert caught.value.codes == ["missing-values"]
        assert isinstance(caught.value, LookupError)

    def test_a_campaign_is_validated_under_its_own_policy(self) -> None:
        """Validating a campaign applies the policy it carries."""
        source = {**CAMPAIGN, "edition": 9, "severity_policy": {"edition-mismatch": "warning"}}
        (finding,) = validate(source).findings
        assert finding.code == "edition-mismatch"
        assert finding.severity is Severity.WARNING


class TestSources:
    """What validate accepts, and what it refuses."""

    def test_a_json_file(self, tmp_path: Path) -> None:
        """A JSON file is read with exact decimals and reported under its name."""
        path = tmp_path / "平遥.json"
        path.write_text('{"reporting_unit": {"name": "平遥县科协"}, "funding": {"county": 0.1}}')
        report = validate(path, policy=QUIET)
        assert report.findings == ()
        assert report.source == "平遥.json"

    def test_broken_json_names_file_and_line(self, tmp_path: Path) -> None:
        """A JSON syntax error is a ParseError with the file and the line."""
        path = tmp_path / "bad.json"
        path.write_text('{\n  "reporting_unit": \n}')
        with pytest.raises(ParseError) as caught:
            validate(path)
        assert caught.value.file == "bad.json"
        assert caught.value.line == 3

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A JSON file in another encoding is refused with its name."""
        path = tmp_path / "gbk.json"
        path.write_bytes('{"reporting_unit": {"name": "平遥县科学技术协会"}}'.encode("gbk"))
        with pytest.raises(ParseError, match="UTF-8"):
            validate(str(path))

    def test_unsupported_and_missing_files(self, tmp_path: Path) -> None:
        """Files that are no table, and unreadable files, are ParseErrors naming the file."""
        (tmp_path / "return.pdf").write_bytes(b"%PDF-1.4 ...")
        with pytest.raises(ParseError, match="PDF") as caught:
            validate(tmp_path / "return.pdf")
        assert caught.value.file == "return.pdf"
        with pytest.raises(ParseError, match="cannot read"):
            validate(tmp_path / "absent.json")

    def test_unrecognisable_data(self, tmp_path: Path) -> None:
        """Data that is no return, submission or campaign is refused; model= decides."""
        with pytest.raises(ParseError, match="model="):
            validate({"foo": 1})
        path = tmp_path / "list.json"
        path.write_text(json.dumps([1, 2]))
        with pytest.raises(ParseError) as caught:
            validate(path)
        assert caught.value.file == "list.json"
        report = validate({"foo": 1}, model="return")
        assert {"missing-field", "unknown-field"} <= report.codes

    def test_not_data_at_all(self) -> None:
        """Something that is neither a model, a mapping nor a path is refused."""
        with pytest.raises(ParseError, match="int"):
            validate(42)  # type: ignore[arg-type]


def test_cells_of_a_workbook_reach_the_findings(tmp_path: Path) -> None:
    """Values read from a workbook carry their sheet-qualified cells into the findings."""
    path = tmp_path / "平遥.xlsx"
    write_return(StatisticsReturn.model_validate({"reporting_unit": UNIT}), path)
    book = openpyxl.load_workbook(path)
    sheet = book["统计表"]
    rows = {sheet.cell(r, 2).value: r for r in range(1, sheet.max_row + 1)}
    sheet.cell(rows["科普专职人员数量"], 3).value = "-3"
    sheet.cell(rows["其他人员数量"], 3).value = 1
    book.save(path)
    report = validate(path, policy=QUIET)
    assert [(f.code, f.cells) for f in report.findings] == [
        ("negative-value", (f"统计表!C{rows['科普专职人员数量']}",)),
    ]
    report = validate(path, policy={**QUIET, "negative-value": "off"})
    assert report.source == "平遥.xlsx"


class TestHostileInput:
    """Inputs that once escaped as stray exceptions or misplaced findings."""

    @pytest.mark.parametrize(
        ("figures", "code"),
        [
            ({"activity_count": "1e30"}, None),
            ({"funding": {"county": "1e24"}}, None),
            ({"funding": {"county": "1E-30"}}, "too-many-decimals"),
            ({"public": {"offline": 10**5000}}, None),
            ({"activity_count": "NaN"}, "not-a-number"),
            ({"funding": {"county": float("inf")}}, "not-a-number"),
        ],
    )
    def test_absurd_magnitudes(self, figures: dict[str, Any], code: str | None) -> None:
        """Huge and non-finite numbers give findings, never decimal or int errors."""
        report = validate({"reporting_unit": UNIT, **figures}, policy=QUIET)
        report.to_json()
        str(report)
        assert code is None or code in report.codes

    def test_hostile_json_files(self, tmp_path: Path) -> None:
        """A 5000-digit integer or arrays nested 100,000 deep are ParseErrors."""
        for name, text in [("digits", "1" * 5000), ("nested", "[" * 100_000)]:
            path = tmp_path / f"{name}.json"
            path.write_text('{"reporting_unit": {"name": "x"}, "activity_count": ' + text + "}")
            with pytest.raises(ParseError) as caught:
                validate(path)
            assert caught.value.file == path.name

    def test_model_rule_paths_follow_the_data_after_drops(self) -> None:
        """After a media item is dropped, later findings still name the data's own index."""
        report = validate(
            {
                "reporting_unit": UNIT,
                "submitted_on": "2024-06-08",
                "media": [
                    {"kind": "photo"},
                    {"kind": "photo", "path": "全景.jpg", "shot_type": "panorama"},
                    {"kind": "video", "path": "v.mp4", "duration_seconds": 999},
                ],
            },
            campaign=Campaign.model_validate({**CAMPAIGN, "reporting": {"max_video_seconds": 180}}),
        )
        assert [(f.code, f.path) for f in report.findings] == [
            ("missing-field", "media.0.path"),
            ("video-too-long", "media.2.duration_seconds"),
        ]

    def test_dropped_basis_does_not_shift_document_numbers(self) -> None:
        """nonstandard-document-number names the basis item it is about."""
        report = validate(
            {**CAMPAIGN, "basis": [{"number": "???"}, {"number": "晋科发〔2024〕013号"}]}
        )
        assert [(f.code, f.path) for f in report.findings] == [
            ("invalid-value", "basis.0.number"),
            ("nonstandard-document-number", "basis.1.number"),
        ]

    def test_an_unreadable_group_is_not_also_missing(self) -> None:
        """A group that is not a group is one finding, not one per blank part."""
        report = validate({"reporting_unit": UNIT, "activity_count": 1, "funding": "3.5万元"})
        assert [f.code for f in report.findings if f.path.startswith("funding")] == [
            "invalid-value"
        ]

    def test_a_dotted_key_is_not_a_figure(self) -> None:
        """An unknown key spelt like a path is an unknown field; the real figure is checked."""
        report = validate(
            {
                "reporting_unit": UNIT,
                "funding": {"county": "1", "stated_total": "9"},
                "funding.county": "若干",
            },
            policy=QUIET,
        )
        assert [(f.code, f.path) for f in report.findings] == [
            ("unknown-field", "funding.county"),
            ("subtotal-mismatch", "funding.stated_total"),
        ]

    def test_digit_keys_are_named(self) -> None:
        """An unknown key "0" is named in the message."""
        report = validate({"reporting_unit": UNIT, "0": 5}, policy=QUIET)
        assert report.findings[0].message == "无法识别的字段“0”，已忽略"

    def test_a_campaigns_unknown_codes_are_findings(self) -> None:
        """Unknown codes inside campaign data are reported, not raised."""
        report = validate({**CAMPAIGN, "severity_policy": {"missing-valu": "off"}})
        assert [(f.code, f.path) for f in report.findings] == [
            ("unknown-rule-code", "severity_policy.missing-valu")
        ]
        # When the campaign only sets the rules for a return, its unknown code is ignored.
        campaign = Campaign.model_validate({**CAMPAIGN, "severity_policy": {"x": "off"}})
        assert validate({"reporting_unit": UNIT}, campaign=campaign, policy=QUIET).findings == ()

    def test_misused_arguments(self) -> None:
        """Wrong argument types and settings are TypeError / ValueError, named."""
        source = {"reporting_unit": UNIT}
        with pytest.raises(ValueError, match="fatal"):
            validate(source, policy={"missing-value": "fatal"})  # type: ignore[dict-item]
        with pytest.raises(ValueError, match="model must be"):
            validate(source, model="foo")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="today"):
            validate(source, today="2024-01-01")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="Campaign"):
            validate(source, campaign=CAMPAIGN)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="Explanation"):
            validate(source, explanations=["missing-value"])  # type: ignore[list-item]

    def test_a_report_without_a_unit_names_no_stand_in(self) -> None:
        """A return whose unit is missing is not reported under a made-up name."""
        report = validate({"activity_count": 1}, model="return", policy=QUIET)
        assert report.source is None
        assert "未填写" not in str(report)
