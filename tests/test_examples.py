"""The bundled examples: every seed notice encoded completely, and the demo that reads them."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from sci_workers_day import (
    Campaign,
    CampaignKind,
    DateWindow,
    DocumentNumber,
    ShotType,
    parse_window,
)

EXAMPLES = Path(__file__).parents[1] / "examples"
CAMPAIGNS = sorted((EXAMPLES / "campaigns").glob("*.json"))


def load(stem: str) -> Campaign:
    """The example campaign stored under ``stem``."""
    return Campaign.model_validate_json((EXAMPLES / "campaigns" / f"{stem}.json").read_bytes())


@pytest.mark.parametrize("path", CAMPAIGNS, ids=lambda p: p.stem)
def test_example_is_canonical(path: Path) -> None:
    """Each example validates and is stored exactly as the model writes it."""
    campaign = Campaign.model_validate_json(path.read_bytes())
    canonical = json.dumps(campaign.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    assert path.read_text("utf-8") == canonical


def test_all_five_seeds_are_encoded() -> None:
    """One example per seed notice."""
    assert len(CAMPAIGNS) == 5


def test_jinzhong_science_week_2024() -> None:
    """Seed 002: window, document number, eight activities, sixteen recommended, reporting rule."""
    campaign = load("2024-jinzhong-science-week")
    assert campaign.kinds == {CampaignKind.SCIENCE_WEEK}
    assert campaign.document_number == DocumentNumber.parse("市科发〔2024〕13号")
    assert campaign.window is not None
    assert (campaign.window.start, campaign.window.end) == (
        dt.date(2024, 5, 25),
        dt.date(2024, 6, 1),
    )
    assert len(campaign.activities_in("主要活动安排")) == 8
    assert len(campaign.recommended_activities) == 16
    assert campaign.reporting is not None
    assert campaign.reporting.deadline == dt.date(2024, 6, 8)
    assert campaign.reporting.max_video_seconds == 180
    assert campaign.reporting.required_shots == {ShotType.PANORAMA, ShotType.CLOSE_UP}
    assert {c.phone for c in campaign.contacts} >= {"0354-3260071", "0354-2636714", "0354-3260266"}
    assert len(campaign.attachments) == 2


def test_taiyuan_2025() -> None:
    """Seed 001: two kinds, three sections of dated activities with venues and hosts."""
    campaign = load("2025-taiyuan-science-week-and-workers-day")
    assert campaign.kinds == {CampaignKind.SCIENCE_WEEK, CampaignKind.WORKERS_DAY}
    assert campaign.issued_on == dt.date(2025, 5, 15)
    assert len(campaign.sections) == 3
    assert all(activity.window is not None for activity in campaign.activities)
    assert any(activity.window and activity.window.approximate for activity in campaign.activities)
    assert campaign.basis[0].number == DocumentNumber.parse("晋科发〔2025〕16号")
    assert {c.email for c in campaign.contacts} == {"peace068@163.com", "tyslwpx@126.com"}


def test_jinzhong_workers_day_2024() -> None:
    """Seed 000: the 8th workers' day, six groups, designated check-in venues."""
    campaign = load("2024-jinzhong-workers-day")
    assert campaign.edition == 8
    assert len(campaign.sections) == 6
    venues = {v.name: v for a in campaign.activities for v in a.venues}
    memorial = venues["何泽慧院士纪念馆"]
    assert memorial.check_in_point
    national = [d for d in memorial.designations if d.level == "national"]
    assert national
    assert national[0].period is not None
    assert national[0].period.start == dt.date(2023, 1, 1)


def test_shanxi_2022() -> None:
    """Seed 003: the 6th workers' day at provincial level, three contacts with phones."""
    campaign = load("2022-shanxi-workers-day")
    assert campaign.edition == 6
    assert campaign.document_number == DocumentNumber.parse("晋科协发〔2022〕13号")
    assert campaign.reporting is not None
    assert campaign.reporting.deadline == dt.date(2022, 6, 30)
    assert len(campaign.activities) == 8
    assert [c.phone for c in campaign.contacts] == ["0351-4077158", "0351-4921836", "0351-4060103"]


def test_shaanxi_2020() -> None:
    """Seed 004: seventeen activities in five modules; the deadline and contact."""
    campaign = load("2020-shaanxi-workers-day")
    assert len(campaign.activities) == 17
    assert len(campaign.sections) == 5
    assert campaign.reporting is not None
    assert campaign.reporting.deadline == dt.date(2020, 6, 10)
    assert campaign.contacts[0].phone == "029-63917171"


def _demo() -> ModuleType:
    spec = importlib.util.spec_from_file_location("summary", EXAMPLES / "campaigns_summary.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_demo_summarizes_every_example(capsys: pytest.CaptureFixture[str]) -> None:
    """examples/campaigns_summary.py validates every example and prints a Chinese summary."""
    assert _demo().main(EXAMPLES / "campaigns") == 0
    out = capsys.readouterr().out
    assert out.count("✓") == len(CAMPAIGNS)
    assert "活动时间" in out
    assert "共 5 个活动文件，5 个通过校验" in out


def test_demo_reports_invalid_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that does not validate is reported and makes the demo fail."""
    (tmp_path / "bad.json").write_text('{"title": "x", "kinds": [], "year": 2024}', "utf-8")
    assert _demo().main(tmp_path) == 1
    assert "未通过模型校验" in capsys.readouterr().out


def _windows(campaign: Campaign) -> list[DateWindow]:
    found = [campaign.window] + [activity.window for activity in campaign.activities]
    for activity in campaign.activities:
        for venue in activity.venues:
            found.extend(designation.period for designation in venue.designations)
    return [window for window in found if window is not None and window.phrase]


@pytest.mark.parametrize("path", CAMPAIGNS, ids=lambda p: p.stem)
def test_example_windows_agree_with_their_phrases(path: Path) -> None:
    """Every window in the examples is what its own phrase reads as, in the campaign's year."""
    campaign = Campaign.model_validate_json(path.read_bytes())
    for window in _windows(campaign):
        assert window.phrase is not None
        assert parse_window(window.phrase, year=campaign.year) == window, window.phrase


def test_returns_example_marks_the_faulty_return(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """examples/returns.py validates two filled forms, marks the faulty one and sums them."""
    spec = importlib.util.spec_from_file_location("returns_example", EXAMPLES / "returns.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(tmp_path) == 1
    assert (tmp_path / "榆社县科学技术协会-批注.xlsx").exists()
    assert (tmp_path / "汇总表.xlsx").exists()
    assert "negative-value" in capsys.readouterr().out


def test_notice_example_writes_a_campaign_that_reads_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """examples/notice.py turns the bundled notice into a campaign file equal to its draft."""
    spec = importlib.util.spec_from_file_location("notice_example", EXAMPLES / "notice.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    target = tmp_path / "campaign.json"
    assert module.main(module.NOTICE, target) == 0
    campaign = Campaign.model_validate_json(target.read_bytes())
    assert campaign.kinds == {CampaignKind.SCIENCE_WEEK, CampaignKind.WORKERS_DAY}
    assert len(campaign.activities) == 10
    assert "未读段落" in capsys.readouterr().out


def _example(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_demo_checks_the_bundled_returns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``make demo``: four returns checked, the faulty one marked up, a summary written."""
    assert _example("demo").main(out=tmp_path) == 0
    out = capsys.readouterr().out
    assert "平遥县科学技术协会.xlsx：退回修改" in out
    assert "榆次区科学技术局.xls：通过" in out
    assert "共 4 份统计表：通过 3 份，退回修改 1 份" in out
    assert (tmp_path / "批注" / "平遥县科学技术协会-批注.xlsx").exists()
    assert (tmp_path / "汇总表.xlsx").exists()


def test_rollup_example_names_the_missing_unit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """examples/rollup.py sums the clean returns and reports the unit whose return was refused."""
    assert _example("rollup").main(out=tmp_path / "汇总表.xlsx") == 1
    out = capsys.readouterr().out
    assert "汇总 3 份" in out
    assert "missing-unit" in out
    assert (tmp_path / "汇总表.xlsx").exists()


def test_web_handler_example_answers_json() -> None:
    """examples/web_handler.py answers a report for a return and 400 for a file it cannot read."""
    import io
    import json as jsonlib

    app = _example("web_handler").application
    statuses: list[str] = []

    def call(name: str, body: bytes) -> dict[str, object]:
        environ = {
            "REQUEST_METHOD": "POST",
            "HTTP_X_FILENAME": name,
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
        }
        answer = b"".join(app(environ, lambda status, _headers: statuses.append(status)))
        return dict(jsonlib.loads(answer))

    bad = (EXAMPLES / "data" / "returns" / "平遥县科学技术协会.xlsx").read_bytes()
    report = call("../../平遥县.xlsx", bad)
    assert statuses[-1] == "200 OK"
    assert any(f["code"] == "negative-value" for f in report["findings"])  # type: ignore[attr-defined]
    assert "error" in call("x.xlsx", b"not a workbook")
    assert statuses[-1] == "400 Bad Request"
