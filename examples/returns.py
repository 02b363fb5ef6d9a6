"""From the blank form to a marked-up copy: what a city's data officer does with returns.

Usage: ``python examples/returns.py [OUT_DIR]`` (default: a temporary folder). It writes the
template for the 2024 Jinzhong Science Week, fills two copies as two counties would (one with
mistakes), validates both, writes the marked-up copy of the faulty one and a summary.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import openpyxl

from sci_workers_day import (
    Campaign,
    annotate_workbook,
    load_return,
    validate,
    write_return_template,
    write_summary,
)

CAMPAIGN = Path(__file__).parent / "campaigns" / "2024-jinzhong-science-week.json"
FILLED: dict[str, dict[str, int | float | str]] = {
    "太谷区科学技术局": {
        "科普活动开展次数（次）": 12,
        "县级财政经费投入": 3.5,
        "线下活动群众参与数量": "1,200",
    },
    "榆社县科学技术协会": {
        "科普活动开展次数（次）": "若干",
        "县级财政经费投入": -2,
        "线下活动群众参与数量": "无",
    },
}


def fill(template: Path, target: Path, unit: str, values: dict[str, int | float | str]) -> None:
    """Fill a copy of the template as a unit would: by the row labels it sees."""
    book = openpyxl.load_workbook(template)
    sheet = book["统计表"]
    sheet["B2"] = unit
    for row in sheet.iter_rows():
        label = row[1].value or row[0].value
        if isinstance(label, str) and label in values:
            row[2].value = values[label]
    book.save(target)


def main(out: Path) -> int:
    """Run the whole job in ``out``; 1 if a return was rejected (as one is, on purpose)."""
    campaign = Campaign.model_validate_json(CAMPAIGN.read_bytes())
    template = out / "统计表.xlsx"
    write_return_template(template, campaign=campaign)
    reports, returns = [], []
    for unit, values in FILLED.items():
        path = out / f"{unit}.xlsx"
        fill(template, path, unit, values)
        report = validate(path, campaign=campaign, policy={"missing-value": "off"})
        print(report.to_text())
        reports.append(report)
        if report.ok:
            returns.append(load_return(path))
        else:
            marked = annotate_workbook(path, report, out / f"{unit}-批注.xlsx")
            print(f"  → {marked.name}")
    write_summary(returns, out / "汇总表.xlsx", report=reports)
    return 0 if all(report.ok for report in reports) else 1


if __name__ == "__main__":
    if len(sys.argv) > 1:
        sys.exit(main(Path(sys.argv[1])))
    with tempfile.TemporaryDirectory() as folder:
        sys.exit(main(Path(folder)))
