"""Load every example campaign, check it against the rules, print a summary in Chinese.

Usage: ``python examples/campaigns_summary.py [DIR]`` (default: ``examples/campaigns``).
Exits 1 when a file does not validate, after reporting every file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pydantic import ValidationError

from sci_workers_day import Campaign, DateWindow, RegionNotFoundError, region_table, validate


def _window(window: DateWindow | None) -> str:
    if window is None:
        return "未注明"
    start = window.start.isoformat() if window.start else "…"
    end = window.end.isoformat() if window.end else "…"
    phrase = f"（原文：{window.phrase}）" if window.phrase else ""
    return f"{start} 至 {end}{phrase}"


def summarize(campaign: Campaign) -> list[str]:
    """The lines of a short Chinese summary of one campaign."""
    kinds = "、".join(kind.label for kind in sorted(campaign.kinds))
    edition = f"第{campaign.edition}个" if campaign.edition else "未注明"
    lines = [
        f"【{campaign.title}】",
        f"  类型：{kinds}；年份：{campaign.year}；届次：{edition}",
    ]
    if campaign.region_code:
        try:
            region = region_table().resolve(campaign.region_code)
        except RegionNotFoundError as error:
            lines.append(f"  地区：{campaign.region_code}（{error.reason or '代码不存在'}）")
        else:
            lines.append(f"  地区：{region_table().full_name(region)}（{region.code}）")
    if campaign.document_number:
        lines.append(f"  发文字号：{campaign.document_number}")
    if campaign.issued_on:
        lines.append(f"  成文日期：{campaign.issued_on.isoformat()}")
    if campaign.issuers:
        lines.append(f"  发文单位：{'、'.join(unit.name for unit in campaign.issuers)}")
    if campaign.theme:
        lines.append(f"  主题：{campaign.theme}")
    lines.append(f"  活动时间：{_window(campaign.window)}")
    sections = "；".join(
        f"{section} {len(campaign.activities_in(section))} 项" for section in campaign.sections
    )
    lines.append(
        f"  活动：共 {len(campaign.activities)} 项" + (f"（{sections}）" if sections else "")
    )
    reporting = campaign.reporting
    if reporting is not None:
        parts = []
        if reporting.deadline:
            parts.append(f"{reporting.deadline.isoformat()} 前报送")
        if reporting.max_video_seconds:
            parts.append(f"视频不超过 {reporting.max_video_seconds} 秒")
        if reporting.required_shots:
            shots = "、".join(shot.label for shot in sorted(reporting.required_shots))
            parts.append(f"须含{shots}")
        lines.append(f"  报送要求：{'；'.join(parts) or '未注明'}")
    lines.append(f"  联系人：{len(campaign.contacts)} 位")
    return lines


def main(folder: Path) -> int:
    """Summarize every campaign under ``folder``; 1 when any does not validate."""
    failures = 0
    files = sorted(folder.glob("*.json"))
    for path in files:
        try:
            campaign = Campaign.model_validate_json(path.read_bytes())
        except ValidationError as error:
            failures += 1
            print(f"✗ {path.name}：未通过模型校验（{error.error_count()} 处）\n{error}\n")
            continue
        report = validate(campaign)
        findings = ["  " + line for line in report.to_text().splitlines()[1:]]
        verdict = f"  校验：{report.outcome.label}" + ("，发现：" if findings else "")
        print("\n".join([f"✓ {path.name}", *summarize(campaign), verdict, *findings]) + "\n")
    print(f"共 {len(files)} 个活动文件，{len(files) - failures} 个通过校验。")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "examples/campaigns")))
