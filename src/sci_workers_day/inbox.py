"""An inbox of submission packages checked at once: one report each, and who is where.

:func:`validate_packages` is what a city's data officer runs after the deadline: every
unit's folder or zip read, measured and validated against the campaign, then one line per
unit saying complete, late, incomplete or unreadable, and the units that sent nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from sci_workers_day._engine import Policy
from sci_workers_day.errors import ParseError
from sci_workers_day.formats.package import read_package, unit_name
from sci_workers_day.model.campaign import Campaign
from sci_workers_day.model.organizer import Organizer
from sci_workers_day.report import Report
from sci_workers_day.validation import validate

__all__ = ["Inbox", "PackageResult", "validate_packages"]

_SPACES = re.compile(r"\s+")


@attrs.frozen
class PackageResult:
    """One package: which, whose, and its report, or why it could not be read."""

    package: str
    """The folder's or zip's name."""
    unit: str | None
    """The reporting unit (the return's 填表单位, else the package's name)."""
    report: Report | None
    """The validation report; ``None`` when the package could not be read."""
    error: str | None = None
    """Why the package could not be read (a damaged zip, a path leaving the package)."""

    @property
    def late(self) -> bool:
        """Whether it arrived after the deadline (the ``late-submission`` rule fired)."""
        return self.report is not None and "late-submission" in self.report.codes

    @property
    def complete(self) -> bool:
        """Whether it was read and has no error."""
        return self.report is not None and self.report.ok

    @property
    def needs_work(self) -> bool:
        """Whether it was read and has an unexplained error other than being late."""
        return self.report is not None and any(
            f.code != "late-submission" and f.explanation is None for f in self.report.errors
        )


@attrs.frozen
class Inbox:
    """The results of an inbox, in the order the packages were given, and who sent nothing."""

    results: tuple[PackageResult, ...]
    missing: tuple[str, ...] = ()
    """Expected units with no package."""

    @property
    def complete(self) -> tuple[str, ...]:
        """Units whose package passed."""
        return tuple(r.unit or r.package for r in self.results if r.complete)

    @property
    def late(self) -> tuple[str, ...]:
        """Units whose package arrived after the deadline."""
        return tuple(r.unit or r.package for r in self.results if r.late)

    @property
    def incomplete(self) -> tuple[str, ...]:
        """Units whose package was read and has errors besides being late."""
        return tuple(r.unit or r.package for r in self.results if r.needs_work)

    @property
    def unreadable(self) -> tuple[str, ...]:
        """Packages that could not be read at all."""
        return tuple(r.package for r in self.results if r.report is None)

    def summary(self) -> str:
        """One line per group, in Chinese: 完整, 逾期, 需修改, 无法读取, 未报送."""
        groups = (
            ("完整", self.complete),
            ("逾期", self.late),
            ("需修改", self.incomplete),
            ("无法读取", self.unreadable),
            ("未报送", self.missing),
        )
        return "\n".join(f"{label}（{len(names)}）：{'、'.join(names)}" for label, names in groups)


def validate_packages(
    paths: Iterable[str | os.PathLike[str]],
    *,
    campaign: Campaign | None = None,
    today: dt.date | None = None,
    policy: Policy | None = None,
    submitted_on: Mapping[str, dt.date] | None = None,
    expected_units: Iterable[str | Organizer] = (),
) -> Inbox:
    """Read and validate every package of an inbox; see :class:`Inbox`.

    ``submitted_on`` gives each package's arrival day by its name (the e-mail's date);
    packages it does not name use the newest date they record. A package that cannot be read
    is a result with its ``error``, not an exception: the others are still checked.
    ``expected_units`` (names or organizers) are matched against the units found, spaces
    ignored, to list who sent nothing.
    """
    arrived = dict(submitted_on or {})
    results = []
    for path in (Path(p) for p in paths):
        try:
            raw = read_package(path, submitted_on=arrived.get(path.name))
        except ParseError as error:
            results.append(PackageResult(path.name, unit_name(path), None, str(error)))
            continue
        named = raw.data["reporting_unit"]
        unit = named.get("name") if isinstance(named, Mapping) else named
        unit = unit if isinstance(unit, str) and unit.strip() else unit_name(path)
        report = validate(raw, campaign=campaign, today=today, policy=policy)
        results.append(PackageResult(path.name, unit, report))
    return Inbox(tuple(results), _missing(expected_units, results))


def _missing(expected: Iterable[str | Organizer], results: list[PackageResult]) -> tuple[str, ...]:
    """Expected units no package came from, readable or not (an unreadable one was sent)."""
    found = {_folded(r.unit) for r in results if r.unit}
    missing = []
    for unit in expected:
        names = unit.names if isinstance(unit, Organizer) else (unit,)
        if not any(_folded(name) in found for name in names):
            missing.append(names[0])
    return tuple(missing)


def _folded(name: str) -> str:
    """A unit's name as compared: no spaces, 科学技术局 and 科技局 alike (祁县科技局)."""
    return _SPACES.sub("", name).replace("科学技术", "科技")
