"""Benchmark the model's hot paths; figures go to docs/performance.md.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/bench_model.py``). Each line is the
best of five repeats, per call.
"""

from __future__ import annotations

import timeit
from pathlib import Path
from typing import Any

from sci_workers_day import Campaign, DocumentNumber, RegionTable, StatisticsReturn, region_table

ROOT = Path(__file__).parents[1]
EXAMPLES = [p.read_bytes() for p in sorted((ROOT / "examples" / "campaigns").glob("*.json"))]
RAW_RETURN: dict[str, Any] = {
    "reporting_unit": {"name": "太谷区科学技术局", "region_code": "140703"},
    "activity_count": 12,
    "funding": {"central": "0", "provincial": "1.5", "county": "3.25", "enterprise": 0.8},
    "staff": {"full_time": 5, "sci_tech_workers": 40, "volunteers": 60, "others": 3},
    "public": {"offline": 3200, "online": 15000},
    "publicity": {"media_outlets": 4, "reports": 11},
    "opened": {"venues": 2, "institutes": 1, "universities": 0},
}


def per_call(statement: Any, number: int) -> float:
    """Best-of-five seconds per call."""
    return min(timeit.repeat(statement, number=number, repeat=5)) / number


def main() -> None:
    """Print one line per measured operation."""
    tsv = (ROOT / "src" / "sci_workers_day" / "data" / "regions.tsv").read_text("utf-8")
    table = region_table()
    rows = [
        (
            "Campaign.model_validate_json (the 5 examples, per campaign)",
            per_call(lambda: [Campaign.model_validate_json(e) for e in EXAMPLES], 20)
            / len(EXAMPLES),
        ),
        (
            "StatisticsReturn.model_validate (raw dict)",
            per_call(lambda: StatisticsReturn.model_validate(RAW_RETURN), 2000),
        ),
        (
            "DocumentNumber.parse",
            per_call(lambda: DocumentNumber.parse("晋科协发[2022]013号"), 5000),
        ),
        (
            "RegionTable.from_tsv (whole bundled table)",
            per_call(lambda: RegionTable.from_tsv(tsv), 5),
        ),
        ("region_table().resolve('140726')", per_call(lambda: table.resolve("140726"), 20000)),
        ("region_table().find('太谷')", per_call(lambda: table.find("太谷"), 20000)),
        (
            "region_table().find('山西省晋中市太谷区')",
            per_call(lambda: table.find("山西省晋中市太谷区"), 2000),
        ),
    ]
    width = max(len(name) for name, _ in rows)
    for name, seconds in rows:
        print(f"{name:<{width}}  {seconds * 1e6:10.1f} µs")


if __name__ == "__main__":
    main()
