"""Benchmark the Chinese date-phrase parser over the test suite's phrase table.

Run with ``make bench``. Prints the mean time per phrase (best of five passes over the whole
table) and the slowest phrases. Target: ≤ 16 µs per phrase on one core.
"""

from __future__ import annotations

import timeit
from pathlib import Path

from sci_workers_day import parse_window

TABLE = Path(__file__).parents[1] / "tests" / "data" / "dates" / "phrases.tsv"


def phrases() -> list[tuple[str, int | None]]:
    """The phrases of the table with the year each is read in."""
    rows = []
    for line in TABLE.read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        phrase, year = line.split("\t")[:2]
        rows.append((phrase, None if year == "-" else int(year)))
    return rows


def main() -> None:
    """Print the mean and the five slowest phrases."""
    rows = phrases()

    def parse_all() -> None:
        for phrase, year in rows:
            parse_window(phrase, year=year)

    passes = 200
    best = min(timeit.repeat(parse_all, number=passes, repeat=5)) / passes
    print(f"parse_window: {len(rows)} phrases, {best / len(rows) * 1e6:.1f} µs per phrase (mean)")

    def one(phrase: str, year: int | None) -> float:
        return (
            min(timeit.repeat(lambda: parse_window(phrase, year=year), number=500, repeat=3)) / 500
        )

    slowest = sorted((one(phrase, year), phrase) for phrase, year in rows)[-5:]
    for seconds, phrase in reversed(slowest):
        print(f"  {seconds * 1e6:6.1f} µs  {phrase}")


if __name__ == "__main__":
    main()
