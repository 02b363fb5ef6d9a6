"""The main job, on bundled data: a city checks its counties' returns for one campaign.

Usage: ``python examples/demo.py [CAMPAIGN.json] [RETURNS_DIR] [OUT_DIR]`` (defaults: the
2024 Jinzhong Science Week, the four county returns in ``examples/data/returns`` (``.xlsx``
and ``.xls``, one with several problems), and ``demo-output``). It checks the campaign,
validates every return and prints each report in Chinese, writes a marked-up copy of each
return with findings and a summary workbook with the roll-up's findings. ``make demo`` runs it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sci_workers_day import (
    Campaign,
    ParseError,
    aggregate,
    annotate_workbook,
    load_return,
    validate,
    validate_rollup,
    write_summary,
)

HERE = Path(__file__).parent
CAMPAIGN = HERE / "campaigns" / "2024-jinzhong-science-week.json"
RETURNS = HERE / "data" / "returns"
OUT = Path("demo-output")  # in the folder it is run from: `make demo` runs at the top
SUFFIXES = {".xlsx", ".xls", ".csv"}


def main(campaign_file: Path = CAMPAIGN, returns: Path = RETURNS, out: Path = OUT) -> int:
    """Run the job; 0 when it ran (rejected returns are the point of the demo, not a failure)."""
    campaign = Campaign.model_validate_json(campaign_file.read_bytes())
    checked = validate(campaign)
    print(
        f"【{campaign.title}】活动 {len(campaign.activities)} 项；校验：{checked.outcome.label}\n"
    )
    (out / "批注").mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in returns.iterdir() if p.suffix.lower() in SUFFIXES)
    reports, accepted = [], []
    for path in files:
        try:
            report = validate(path, campaign=campaign)
        except ParseError as error:  # a file in the folder that is no return at all
            print(f"无法读取：{error}\n")
            continue
        print(report.to_text() + "\n")
        reports.append(report)
        if report.findings:
            marked = annotate_workbook(path, report, out / "批注" / f"{path.stem}-批注.xlsx")
            print(f"  → 批注：{marked}\n")
        if report.ok:
            accepted.append(load_return(path))
    roster = [path.stem for path in files]  # the demo's files are named for their units
    rollup = validate_rollup(
        aggregate(accepted), accepted, expected_units=roster, campaign=campaign
    )
    write_summary(accepted, out / "汇总表.xlsx", report=[*reports, rollup])
    passed = sum(report.ok for report in reports)
    print(
        f"共 {len(files)} 份统计表：通过 {passed} 份，退回修改 {len(files) - passed} 份；"
        f"汇总 {len(accepted)} 份（{rollup.outcome.label}）。"
    )
    print(f"批注和汇总表已写入 {out}/")
    return 0


if __name__ == "__main__":
    args = [Path(arg) for arg in sys.argv[1:4]]
    sys.exit(main(*args))
