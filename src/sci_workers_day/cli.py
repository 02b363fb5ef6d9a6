"""The command line: ``sci-workers-day`` (also ``python -m sci_workers_day``).

A thin wrapper over the public API for a data officer: validate returns and packages, give
units the blank form, roll up a city, turn a notice into a campaign file, export a campaign.

Exit status: 0 when nothing is wrong, 1 when a file has errors, 2 for a usage error or a file
that cannot be read (the message names it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator, Sequence
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
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        status: int = arguments.run(arguments)
    except _FailureError as failure:
        print(f"sci-workers-day: {failure}", file=sys.stderr)
        return _USAGE
    except swd.SciWorkersDayError as error:
        print(f"sci-workers-day: {error}", file=sys.stderr)
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


def _files(paths: Sequence[Path]) -> Iterator[Path]:
    """The paths, with a progress line on stderr when there are many and it is a terminal."""
    show = len(paths) >= _PROGRESS_FROM and sys.stderr.isatty()
    for number, path in enumerate(paths, start=1):
        if show:
            sys.stderr.write(f"\r[{number}/{len(paths)}] {path.name[:60]:<60}")
            sys.stderr.flush()
        yield path
    if show:
        sys.stderr.write("\r" + " " * 72 + "\r")


def _validate(arguments: argparse.Namespace) -> int:
    campaign = _campaign(arguments.campaign)
    if arguments.annotate is not None:
        arguments.annotate.mkdir(parents=True, exist_ok=True)
    reports: list[dict[str, object]] = []
    status = _OK
    for path in _files(arguments.files):
        try:
            report = swd.validate(path, campaign=campaign, today=arguments.today)
        except swd.ParseError as error:
            print(f"sci-workers-day: {error}", file=sys.stderr)
            status = _USAGE
            continue
        if arguments.format == "json":
            reports.append({"file": str(path), **report.to_dict()})
        else:
            _print_report(sys.stdout, path, report, arguments.lang)
        if arguments.annotate is not None and path.suffix.lower() in _WORKBOOKS:
            target = arguments.annotate / f"{path.stem}-批注.xlsx"
            written = swd.annotate_workbook(path, report, target)
            print(f"  → {written}", file=sys.stderr)
        if report.errors and status == _OK:
            status = _ERRORS
    if arguments.format == "json":
        json.dump(
            reports[0] if len(reports) == 1 else reports, sys.stdout, ensure_ascii=False, indent=2
        )
        sys.stdout.write("\n")
    return status


def _print_report(out: TextIO, path: Path, report: Report, lang: str) -> None:
    out.write(f"== {path}\n")
    out.write(report.to_text("en" if lang == "en" else "zh"))
    out.write("\n\n")


def _template(arguments: argparse.Namespace) -> int:
    swd.write_return_template(arguments.out, campaign=_campaign(arguments.campaign))
    print(f"已写出：{arguments.out}", file=sys.stderr)
    return _OK


def _aggregate(arguments: argparse.Namespace) -> int:
    campaign = _campaign(arguments.campaign)
    returns = []
    for path in _files(arguments.files):
        try:
            returns.append(swd.load_return(path))
        except swd.ParseError as error:
            msg = f"{error} (use `sci-workers-day validate` to see every problem)"
            raise _FailureError(msg) from None
    expected = None
    if arguments.expect_units is not None:
        lines = _read_lines(arguments.expect_units)
        expected = [line for line in lines if line.strip()]
    total = swd.aggregate(returns)
    report = swd.validate_rollup(total, returns, expected_units=expected, campaign=campaign)
    swd.write_summary(returns, arguments.output, report=report)
    _print_report(sys.stdout, arguments.output, report, arguments.lang)
    print(f"已写出：{arguments.output}", file=sys.stderr)
    return _ERRORS if report.errors else _OK


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text("utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        msg = f"{path}: cannot read the list of units ({error})"
        raise _FailureError(msg) from None


def _parse_notice(arguments: argparse.Namespace) -> int:
    draft = swd.load_notice(arguments.notice, year=arguments.year)
    for note in draft.notes:
        print(f"注意：{note}", file=sys.stderr)
    for paragraph in draft.unread:
        print(f"未读：{paragraph[:80]}", file=sys.stderr)
    text = draft.campaign.model_dump_json(indent=2) + "\n"
    if arguments.output is None:
        sys.stdout.write(text)
    else:
        arguments.output.write_text(text, encoding="utf-8")
        print(f"已写出：{arguments.output}", file=sys.stderr)
    return _OK


def _export(arguments: argparse.Namespace) -> int:
    campaign = _campaign(arguments.campaign)
    assert campaign is not None  # noqa: S101 - the argument is required
    writers: dict[str, Callable[[Campaign, Path], object]] = {
        "ics": lambda c, out: out.write_bytes(swd.to_ical(c)),
        "json": lambda c, out: out.write_text(c.model_dump_json(indent=2) + "\n", "utf-8"),
        "xlsx": lambda c, out: swd.write_activities(c.activities, out, title=c.title),
        "csv": lambda c, out: swd.write_activities(c.activities, out, title=c.title),
    }
    writers[arguments.to](campaign, arguments.output)
    print(f"已写出：{arguments.output}", file=sys.stderr)
    return _OK
