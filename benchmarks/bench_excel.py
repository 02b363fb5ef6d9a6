"""Benchmark ``load_return`` on 1,000 filled forms against merely opening them.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/bench_excel.py [N]``). Side by side,
in one run, over the same files:

- python-calamine merely reading every sheet (the floor: target ``load_return`` ≤ 1.5× it);
- openpyxl merely loading each workbook (target: ``load_return`` ≥ 10× faster);
- ``load_return`` on the openpyxl fallback (no calamine) against openpyxl's own load with
  ``data_only=True``, which is what the fallback calls (target ≤ 1.2×).

The forms are written by ``write_return`` from generated valid returns; 50 distinct forms
are copied to make up the count, so the files differ in content but not in layout.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
import python_calamine
from hypothesis import HealthCheck, given, settings

from sci_workers_day import StatisticsReturn, load_return, write_return
from sci_workers_day.formats import _grid
from sci_workers_day.testing import valid_returns


def distinct_returns(count: int) -> list[StatisticsReturn]:
    """``count`` generated valid returns."""
    found: list[StatisticsReturn] = []

    @settings(
        max_examples=count,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(valid_returns())
    def collect(statistics: StatisticsReturn) -> None:
        if len(found) < count:
            found.append(statistics)

    collect()
    return found


def make_forms(folder: Path, count: int) -> list[Path]:
    """``count`` filled forms in ``folder``."""
    models = distinct_returns(50)
    originals = []
    for index, statistics in enumerate(models):
        path = folder / f"original-{index}.xlsx"
        write_return(statistics, path)
        originals.append(path)
    paths = []
    for index in range(count):
        path = folder / f"form-{index:04d}.xlsx"
        shutil.copyfile(originals[index % len(originals)], path)
        paths.append(path)
    return paths


def timed(job: Callable[[Path], object], paths: list[Path], rounds: int = 3) -> float:
    """The best of ``rounds`` runs of ``job`` over every path, in seconds."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for path in paths:
            job(path)
        best = min(best, time.perf_counter() - start)
    return best


def calamine_read(path: Path) -> None:
    """Open with python-calamine and read every sheet's values."""
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python()


def openpyxl_load(path: Path) -> None:
    """Open with openpyxl (its default mode)."""
    openpyxl.load_workbook(path)


def openpyxl_values(path: Path) -> None:
    """Open with openpyxl reading stored formula results, as the fallback does."""
    openpyxl.load_workbook(path, data_only=True)


def openpyxl_read_only(path: Path) -> None:
    """Open with openpyxl in read-only mode and read every row."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for sheet in book.worksheets:
        for _row in sheet.iter_rows(values_only=True):
            pass
    book.close()


def main() -> None:
    """Print the side-by-side timings."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as folder:
        paths = make_forms(Path(folder), count)
        assert all(load_return(p).reporting_unit for p in paths[:50])
        floor = timed(calamine_read, paths)
        ours = timed(load_return, paths)
        full = timed(openpyxl_load, paths, rounds=1)
        values = timed(openpyxl_values, paths, rounds=1)
        streamed = timed(openpyxl_read_only, paths, rounds=1)
        calamine = _grid._calamine
        _grid._calamine = lambda: None  # type: ignore[assignment]  # force the fallback
        try:
            fallback = timed(load_return, paths, rounds=1)
        finally:
            _grid._calamine = calamine
    print(f"{count} filled forms (.xlsx written by write_return)")
    print(f"  python-calamine, reading every sheet  {floor:7.2f} s")
    print(f"  load_return (calamine)               {ours:7.2f} s   {ours / floor:5.2f}x the floor")
    print(f"  openpyxl.load_workbook               {full:7.2f} s   {full / ours:5.1f}x load_return")
    print(f"  openpyxl, data_only=True             {values:7.2f} s")
    print(f"  openpyxl, read_only + every row      {streamed:7.2f} s")
    print(
        f"  load_return (openpyxl fallback)      {fallback:7.2f} s   "
        f"{fallback / values:5.2f}x openpyxl data_only"
    )


if __name__ == "__main__":
    main()
