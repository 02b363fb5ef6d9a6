"""The command line: ``sci-workers-day`` (also ``python -m sci_workers_day``).

A thin wrapper over the public API for a data officer: validate returns and packages, give
units the blank form, roll up a city, turn a notice into a campaign file, export a campaign.

Exit status: 0 when nothing is wrong, 1 when a file has errors, 2 for a usage error or a file
that cannot be read (the message names it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import sci_workers_day as swd

if TYPE_CHECKING:
    from sci_workers_day import Campaign, Report

__all__ = ["main"]

_OK, _ERRORS, _USAGE = 0, 1, 2
_PROGRESS_FROM = 5
"""Show a progress line on a terminal from this many files on."""
_WORKBOOKS = frozenset({".xlsx", ".xlsm", ".xls", ".csv"})


class _FailureError(Exception):
    """A usage error or an unreadable input: exit 2 with this message."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show Chinese gets escapes
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    arguments = _parser().parse_args(argv)
    try:
        status: int = arguments.run(arguments)
    except BrokenPipeError:  # `… | head`: the reader has gone, which is no error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return _OK
    except (_FailureError, swd.SciWorkersDayError) as failure:
        _say(f"sci-workers-day: {failure}", to=sys.stderr)
        return _USAGE
    except OSError as error:  # an output that cannot be written: a missing folder, a directory
        where = f"{error.filename}: " if error.filename else ""
        _say(f"sci-workers-day: {where}{error.strerror or error}", to=sys.stderr)
        return _USAGE
    except (ValueError, ModuleNotFoundError) as error:  # a suffix we cannot write, an extra
        _say(f"sci-workers-day: {error}", to=sys.stderr)
        return _USAGE
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sci-workers-day",
        description="科技工作者日/科技活动周：校验统计表与报送材料、生成模板、汇总、读取通知、导出活动。",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {swd.__version__}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    check = commands.add_parser("validate", help="validate returns or submission packages")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")
    check.add_argument("--campaign", type=Path, help="the campaign's JSON file")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--lang", choices=("zh", "en"), default="zh")
    check.add_argument("--annotate", type=Path, metavar="DIR", help="write marked-up copies here")
    check.add_argument("--today", type=dt.date.fromisoformat, help="the day to check against")
    check.set_defaults(run=_validate)

    template = commands.add_parser("template", help="write the blank return form")
    template.add_argument("out", type=Path, metavar="OUT.xlsx")
    template.add_argument("--campaign", type=Path)
    template.set_defaults(run=_template)

    rollup = commands.add_parser("aggregate", help="sum returns into a summary workbook")
    rollup.add_argument("files", nargs="+", type=Path, metavar="FILE")
    rollup.add_argument("-o", "--output", type=Path, required=True, metavar="SUMMARY.xlsx")
    rollup.add_argument("--expect-units", type=Path, metavar="FILE", help="one unit per line")
    rollup.add_argument("--campaign", type=Path)
    rollup.add_argument("--lang", choices=("zh", "en"), default="zh")
    rollup.set_defaults(run=_aggregate)

    notice = commands.add_parser("parse-notice", help="read a notice into a campaign file")
    notice.add_argument("notice", type=Path, metavar="NOTICE")
    notice.add_argument("-o", "--output", type=Path, metavar="CAMPAIGN.json")
    notice.add_argument("--year", type=int)
    notice.set_defaults(run=_parse_notice)

    export = commands.add_parser("export", help="export a campaign's activities")
    export.add_argument("campaign", type=Path, metavar="CAMPAIGN.json")
    export.add_argument("--to", choices=("ics", "json", "xlsx", "csv"), required=True)
    export.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    export.set_defaults(run=_export)
    return parser


def _campaign(path: Path | None) -> Campaign | None:
    if path is None:
        return None
    try:
        return swd.Campaign.model_validate_json(path.read_bytes())
    except OSError as error:
        msg = f"{path}: cannot read the campaign ({error.strerror})"
        raise _FailureError(msg) from None
    except ValueError as error:  # pydantic's ValidationError is a ValueError
        msg = f"{path}: not a campaign file (不是活动文件): {str(error).splitlines()[0]}"
        raise _FailureError(msg) from None


class _Progress:
    """A progress line on stderr, for many files on a terminal; cleared before other output."""

    def __init__(self) -> None:
        self.shown = False

    def show(self, number: int, total: int, name: str) -> None:
        if total < _PROGRESS_FROM or not sys.stderr.isatty():
            return
        short = name if len(name) <= 24 else name[:23] + "…"
        sys.stderr.write(f"\r\x1b[K[{number}/{total}] {short}")
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.shown = False


_PROGRESS = _Progress()


def _files(paths: Sequence[Path]) -> Iterator[Path]:
    """The paths, with a progress line on stderr when there are many and it is a terminal."""
    for number, path in enumerate(paths, start=1):
        _PROGRESS.show(number, len(paths), path.name)
        yield path
    _PROGRESS.clear()


def _say(text: str, *, to: TextIO | None = None) -> None:
    """Print ``text``, the progress line cleared first."""
    _PROGRESS.clear()
    print(text, file=to or sys.stdout)


def _print_report(path: Path, report: Report, lang: str) -> None:
    _say(f"== {path}\n" + report.to_text("en" if lang == "en" else "zh") + "\n")


def _validate(arguments: argparse.Namespace) -> int:
    campaign = _campaign(arguments.campaign)
    if arguments.annotate is not None:
        arguments.annotate.mkdir(parents=True, exist_ok=True)
    reports: list[dict[str, object]] = []
    written: set[Path] = set()
    status = _OK
    for path in _files(arguments.files):
        try:
            report = swd.validate(path, campaign=campaign, today=arguments.today)
        except swd.ParseError as error:
            _say(f"sci-workers-day: {path}: {error}", to=sys.stderr)
            reports.append({"file": str(path), "error": str(error)})
            status = _USAGE
            continue
        if arguments.format == "json":
            reports.append({"file": str(path), **report.to_dict()})
        else:
            _print_report(path, report, arguments.lang)
        if arguments.annotate is not None and path.suffix.lower() in _WORKBOOKS:
            target = _unused(arguments.annotate, path.stem, written)
            _say(f"  → {swd.annotate_workbook(path, report, target)}", to=sys.stderr)
        if report.errors and status == _OK:
            status = _ERRORS
    if arguments.format == "json":
        # One input: its report. Several: a list in their order, unreadable ones as errors.
        payload = reports[0] if len(arguments.files) == 1 else reports
        utf8 = (sys.stdout.encoding or "").lower().replace("-", "") == "utf8"
        json.dump(payload, sys.stdout, ensure_ascii=not utf8, indent=2)
        sys.stdout.write("\n")
    return status


def _unused(folder: Path, stem: str, written: set[Path]) -> Path:
    """A marked-up copy's name not yet written in this run (x.xlsx and x.xls may both come)."""
    target = folder / f"{stem}-批注.xlsx"
    number = 2
    while target in written:
        target = folder / f"{stem}-{number}-批注.xlsx"
        number += 1
    written.add(target)
    return target


def _template(arguments: argparse.Namespace) -> int:
    swd.write_return_template(arguments.out, campaign=_campaign(arguments.campaign))
    _say(f"已写出：{arguments.out}", to=sys.stderr)
    return _OK


def _aggregate(arguments: argparse.Namespace) -> int:
    campaign = _campaign(arguments.campaign)
    returns, reports = [], []
    status = _OK
    for path in _files(arguments.files):
        try:
            checked = swd.validate(path, campaign=campaign)
        except swd.ParseError as error:
            msg = f"{path}: {error}"
            raise _FailureError(msg) from None
        reports.append(checked)
        if checked.ok:
            returns.append(swd.load_return(path))
        else:  # a return with errors is left out of the sum, and said so
            _print_report(path, checked, arguments.lang)
            status = _ERRORS
    expected = None
    if arguments.expect_units is not None:
        expected = [line for line in _read_lines(arguments.expect_units) if line.strip()]
    total = swd.aggregate(returns)
    report = swd.validate_rollup(total, returns, expected_units=expected, campaign=campaign)
    swd.write_summary(returns, arguments.output, report=[*reports, report])
    _print_report(arguments.output, report, arguments.lang)
    _say(f"已写出：{arguments.output}（汇总 {len(returns)} 份）", to=sys.stderr)
    return _ERRORS if report.errors else status


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text("utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        msg = f"{path}: cannot read the list of units ({error})"
        raise _FailureError(msg) from None


def _parse_notice(arguments: argparse.Namespace) -> int:
    draft = swd.load_notice(arguments.notice, year=arguments.year)
    for note in draft.notes:
        _say(f"注意：{note}", to=sys.stderr)
    for paragraph in draft.unread:
        _say(f"未读：{paragraph[:80]}", to=sys.stderr)
    text = draft.campaign.model_dump_json(indent=2) + "\n"
    if arguments.output is None:
        sys.stdout.write(text)
    else:
        arguments.output.write_text(text, encoding="utf-8")
        _say(f"已写出：{arguments.output}", to=sys.stderr)
    return _OK


def _export(arguments: argparse.Namespace) -> int:
    campaign = _campaign(arguments.campaign)
    assert campaign is not None  # noqa: S101 - the argument is required
    out: Path = arguments.output
    if arguments.to in {"xlsx", "csv"} and out.suffix.lower() != f".{arguments.to}":
        msg = f"{out}: --to {arguments.to} needs an output ending in .{arguments.to}"
        raise _FailureError(msg)
    if arguments.to == "ics":
        calendar = swd.to_ical(campaign)
        out.write_bytes(calendar)
        events = calendar.count(b"BEGIN:VEVENT")
        detail = f"{events} 项日程，{len(campaign.activities) - events} 项活动无日期未导出"
    elif arguments.to == "json":
        out.write_text(campaign.model_dump_json(indent=2) + "\n", "utf-8")
        detail = f"{len(campaign.activities)} 项活动"
    else:
        swd.write_activities(campaign.activities, out, title=campaign.title)
        detail = f"{len(campaign.activities)} 项活动"
    _say(f"已写出：{out}（{detail}）", to=sys.stderr)
    return _OK
