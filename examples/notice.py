"""From a notice to a checked campaign file: what a 科协 clerk does with a new notice.

Usage: ``python examples/notice.py [NOTICE] [OUT.json]`` (defaults: the 2025 Taiyuan notice
bundled here, and ``campaign.json`` in a temporary folder). It reads the notice, prints what
was found, what the parser was unsure of and the paragraphs nothing was taken from, fills in
what a person decided after reading them, validates the campaign and writes it as JSON.
Exits 1 when the campaign has errors.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from sci_workers_day import Campaign, NoticeDraft, load_notice, validate

NOTICE = Path(__file__).parent / "notices" / "2025-taiyuan-notice.txt"


def summary(draft: NoticeDraft) -> list[str]:
    """What the draft holds, in a few Chinese lines."""
    campaign = draft.campaign
    reporting = campaign.reporting
    window = campaign.window.to_chinese() if campaign.window else "未读出"
    lines = [
        f"标题：{campaign.title}",
        f"类别：{'、'.join(kind.label for kind in sorted(campaign.kinds))}（{campaign.year}年）",
        f"主题：{campaign.theme or '未读出'}　时间：{window}",
        f"发文单位：{'、'.join(o.name for o in campaign.issuers) or '未读出'}",
        f"活动：{len(campaign.activities)}项，分{len(campaign.sections)}部分",
    ]
    if reporting and reporting.deadline:
        lines.append(f"报送：{reporting.deadline}前，{'、'.join(reporting.materials)}")
    lines += [f"注意：{note}" for note in draft.notes]
    lines += [f"未读段落：{paragraph[:40]}" for paragraph in draft.unread]
    return lines


def review(draft: NoticeDraft) -> Campaign:
    """What a person decides after reading the draft, its notes and ``unread``.

    Here: two activities of the Taiyuan notice start in early May, before the campaign's
    window, as the notice plans them; the clerk makes that rule a note for this campaign.
    """
    policy = {"activity-outside-window": "info"}
    return draft.campaign.model_copy(update={"severity_policy": policy})


def main(notice: Path = NOTICE, out: Path | None = None) -> int:
    """Read, review, validate and write; 1 if the campaign has errors."""
    draft = load_notice(notice)
    print("\n".join(summary(draft)))
    # model_copy does not validate: validating again checks what the person changed.
    campaign = Campaign.model_validate(review(draft).model_dump())
    report = validate(campaign)
    for finding in report.findings:
        print(f"{finding.severity}: {finding.code} {finding.message}")
    target = out or Path(tempfile.mkdtemp()) / "campaign.json"
    target.write_text(campaign.model_dump_json(indent=2), encoding="utf-8")
    print(f"已写出：{target}")
    return 1 if report.errors else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(Path(args[0]) if args else NOTICE, Path(args[1]) if len(args) > 1 else None))
