"""The command line: each command, its output and its exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sci_workers_day import Campaign, load_activities, load_return
from sci_workers_day.cli import main

EXAMPLES = Path(__file__).parents[1] / "examples"
CAMPAIGN = EXAMPLES / "campaigns" / "2024-jinzhong-science-week.json"
RETURNS = EXAMPLES / "data" / "returns"
GOOD = RETURNS / "太谷区科学技术局.xlsx"
BAD = RETURNS / "平遥县科学技术协会.xlsx"
NOTICE = EXAMPLES / "notices" / "2025-taiyuan-notice.txt"


def test_validate_exit_status_and_chinese_text(capsys: pytest.CaptureFixture[str]) -> None:
    """0 for a clean return, 1 when any file has errors; the report is printed in Chinese."""
    assert main(["validate", str(GOOD), "--campaign", str(CAMPAIGN)]) == 0
    assert "通过" in capsys.readouterr().out
    assert main(["validate", str(GOOD), str(BAD), "--campaign", str(CAMPAIGN)]) == 1
    out = capsys.readouterr().out
    assert "退回修改" in out
    assert "科普活动开展次数应填写数字" in out


def test_validate_in_english_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    """``--lang en`` prints English; ``--format json`` the report's JSON, a list for several."""
    main(["validate", str(BAD), "--lang", "en"])
    assert "rejected" in capsys.readouterr().out.lower()
    main(["validate", str(BAD), "--format", "json"])
    one = json.loads(capsys.readouterr().out)
    assert one["file"] == str(BAD)
    assert any(f["code"] == "not-a-number" for f in one["findings"])
    main(["validate", str(GOOD), str(BAD), "--format", "json"])
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_validate_annotates(tmp_path: Path) -> None:
    """``--annotate DIR`` writes the marked-up copy of each workbook there."""
    assert main(["validate", str(BAD), "--annotate", str(tmp_path / "out")]) == 1
    assert (tmp_path / "out" / "平遥县科学技术协会-批注.xlsx").exists()


def test_unreadable_input_is_status_2_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file that is no return, or a campaign that is no campaign, exits 2 naming it."""
    bad = tmp_path / "报表.xlsx"
    bad.write_bytes(b"not a workbook")
    assert main(["validate", str(bad), str(GOOD)]) == 2
    assert "报表.xlsx" in capsys.readouterr().err
    assert main(["validate", str(GOOD), "--campaign", str(bad)]) == 2
    assert "not a campaign file" in capsys.readouterr().err


def test_usage_errors_exit_2() -> None:
    """An unknown command or a missing argument is argparse's exit 2."""
    with pytest.raises(SystemExit) as raised:
        main(["frobnicate"])
    assert raised.value.code == 2


def test_template(tmp_path: Path) -> None:
    """``template`` writes the blank form, under the campaign's title when given."""
    target = tmp_path / "统计表.xlsx"
    assert main(["template", str(target), "--campaign", str(CAMPAIGN)]) == 0
    assert target.exists()


def test_aggregate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``aggregate`` writes the summary and runs the roll-up rules against expected units."""
    units = tmp_path / "units.txt"
    units.write_text("太谷区科学技术局\n祁县科技局\n和顺县科技局\n", encoding="utf-8")
    target = tmp_path / "汇总表.xlsx"
    good = [str(RETURNS / "太谷区科学技术局.xlsx"), str(RETURNS / "祁县科技局.xlsx")]
    status = main(["aggregate", *good, "-o", str(target), "--expect-units", str(units)])
    assert target.exists()
    assert "missing-unit" in capsys.readouterr().out or status == 1
    assert main(["aggregate", str(BAD), "-o", str(target)]) == 1


def test_parse_notice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``parse-notice`` writes the campaign JSON and lists notes and unread paragraphs."""
    target = tmp_path / "campaign.json"
    assert main(["parse-notice", str(NOTICE), "-o", str(target)]) == 0
    campaign = Campaign.model_validate_json(target.read_bytes())
    assert len(campaign.activities) == 10
    assert "未读：" in capsys.readouterr().err
    assert main(["parse-notice", str(NOTICE)]) == 0
    assert json.loads(capsys.readouterr().out)["year"] == 2025


@pytest.mark.parametrize("to", ["ics", "json", "xlsx", "csv"])
def test_export(tmp_path: Path, to: str) -> None:
    """``export`` writes the campaign as iCalendar, JSON, or an activity list."""
    target = tmp_path / f"out.{to}"
    assert main(["export", str(CAMPAIGN), "--to", to, "-o", str(target)]) == 0
    campaign = Campaign.model_validate_json(CAMPAIGN.read_bytes())
    if to == "ics":
        assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    elif to == "json":
        assert Campaign.model_validate_json(target.read_bytes()) == campaign
    else:
        assert len(load_activities(target)) == len(campaign.activities)


def test_python_dash_m() -> None:
    """``python -m sci_workers_day`` runs the same command line."""
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "sci_workers_day", "validate", str(GOOD)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "通过" in done.stdout


def test_progress_only_on_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    """Many files, stderr not a terminal: no progress line."""
    files = [str(GOOD)] * 6
    main(["validate", *files])
    assert "[6/6]" not in capsys.readouterr().err
    assert load_return(GOOD).activity_count == 12


def test_outputs_that_cannot_be_written_are_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing folder, a directory or a wrong suffix for -o: a message and 2, no traceback."""
    missing = tmp_path / "no" / "such"
    assert main(["template", str(missing / "t.xlsx")]) == 2
    assert main(["export", str(CAMPAIGN), "--to", "ics", "-o", str(missing / "a.ics")]) == 2
    assert main(["export", str(CAMPAIGN), "--to", "csv", "-o", str(tmp_path / "a.xlsx")]) == 2
    assert main(["template", str(tmp_path / "t.txt")]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_json_for_several_files_is_a_list_with_the_unreadable_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Several inputs give a list in their order; a file that cannot be read is an error entry."""
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"no")
    assert main(["validate", str(GOOD), str(bad), "--format", "json"]) == 2
    listed = json.loads(capsys.readouterr().out)
    assert [entry["file"] for entry in listed] == [str(GOOD), str(bad)]
    assert "error" in listed[1]


def test_annotated_copies_never_overwrite_each_other(tmp_path: Path) -> None:
    """Two inputs with one name (x.xlsx in two folders) give two marked-up copies."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.xlsx").write_bytes(BAD.read_bytes())
    main(
        [
            "validate",
            str(tmp_path / "a" / "x.xlsx"),
            str(tmp_path / "b" / "x.xlsx"),
            "--annotate",
            str(tmp_path / "out"),
        ]
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["x-2-批注.xlsx", "x-批注.xlsx"]


def test_aggregate_leaves_out_returns_with_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A readable return with errors is reported and left out of the sum: status 1."""
    target = tmp_path / "汇总表.xlsx"
    assert main(["aggregate", str(GOOD), str(BAD), "-o", str(target)]) == 1
    assert target.exists()
    assert "汇总 1 份" in capsys.readouterr().err


def test_text_survives_a_terminal_without_chinese() -> None:
    """With an ASCII-only stdout the Chinese report comes out escaped, not as a crash."""
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "sci_workers_day", "validate", str(BAD)],
        capture_output=True,
        text=True,
        check=False,
        env={**__import__("os").environ, "PYTHONIOENCODING": "ascii"},
    )
    assert done.returncode == 1, done.stderr
    assert "\\u" in done.stdout
