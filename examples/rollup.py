"""Roll up a city: sum the counties' returns, check the sum and the roster, write the summary.

Usage: ``python examples/rollup.py [RETURNS_DIR] [OUT.xlsx]`` (defaults: the demo's returns
in ``examples/data/returns``, and a summary in a temporary folder removed at the end).
Returns with errors are left out of the sum and named; the roll-up rules then check that the
sum is exact and that every unit on the roster reported.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from sci_workers_day import aggregate, load_return, validate, validate_rollup, write_summary

RETURNS = Path(__file__).parent / "data" / "returns"
ROSTER = ["太谷区科学技术局", "榆次区科学技术局", "祁县科技局", "平遥县科学技术协会"]


def main(returns: Path = RETURNS, out: Path | None = None) -> int:
    """Roll up ``returns``; 1 when the roll-up has errors (a unit missing, a wrong sum)."""
    accepted, left_out = [], []
    for path in sorted(returns.glob("*.xls*")):
        report = validate(path)
        if report.ok:
            accepted.append(load_return(path))
        else:
            left_out.append(path.name)
    total = aggregate(accepted)
    report = validate_rollup(total, accepted, expected_units=ROSTER)
    skipped = "、".join(left_out) or "无"
    print(f"汇总 {len(accepted)} 份，开展活动 {total.activity_count} 次；未纳入：{skipped}")
    print(report.to_text())
    with tempfile.TemporaryDirectory() as folder:  # without OUT, the summary is shown, not kept
        target = out or Path(folder) / "汇总表.xlsx"
        write_summary(accepted, target, report=report)
        print(f"已写出：{target}")
    return 1 if report.errors else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(Path(args[0]) if args else RETURNS, Path(args[1]) if len(args) > 1 else None))
