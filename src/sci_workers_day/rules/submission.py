"""Rules on a submission against the campaign's reporting requirements."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sci_workers_day.model.submission import Submission
from sci_workers_day.report import Severity
from sci_workers_day.rules._examples import UNIT
from sci_workers_day.rules._registry import Check, Hit, RuleSubject, hit, rule

_CAMPAIGN = {
    "title": "关于报送2024年全国科技工作者日活动开展情况的通知",
    "kinds": ["workers_day"],
    "year": 2024,
    "reporting": {
        "deadline": "2024-06-08",
        "max_video_seconds": 180,
        "required_shots": ["panorama", "close_up"],
    },
}
_PHOTOS = [
    {"kind": "photo", "path": "全景1.jpg", "shot_type": "panorama"},
    {"kind": "photo", "path": "特写1.jpg", "shot_type": "close_up"},
]


def _submission(**changes: Any) -> dict[str, Any]:
    source = {"reporting_unit": UNIT, "submitted_on": "2024-06-08", "media": _PHOTOS, **changes}
    return {"source": source, "campaign": _CAMPAIGN}


@rule(
    "late-submission",
    severity=Severity.ERROR,
    subject=RuleSubject.SUBMISSION,
    message="报送日期{submitted_on}晚于截止日期{deadline}（逾期{days}天）",
    message_en="submitted on {submitted_on}, after the deadline {deadline} ({days} days late)",
    valid=[_submission(), _submission(submitted_on="2024-06-01")],
    invalid=[_submission(submitted_on="2024-06-09")],
)
def late_submission(check: Check[Submission]) -> Iterator[Hit]:
    """The submission arrived after the deadline (the deadline day itself is on time)."""
    reporting = check.campaign.reporting if check.campaign else None
    deadline = reporting.deadline if reporting else None
    submitted_on = check.model.submitted_on
    if deadline is not None and submitted_on > deadline and check.read("submitted_on"):
        days = (submitted_on - deadline).days
        yield hit("submitted_on", submitted_on=submitted_on, deadline=deadline, days=days)


@rule(
    "video-too-long",
    severity=Severity.ERROR,
    subject=RuleSubject.SUBMISSION,
    message="视频“{file}”时长{seconds}秒，超过规定的{limit}秒",
    message_en="video {file!r} runs {seconds} s, longer than the allowed {limit} s",
    valid=[
        _submission(media=[*_PHOTOS, {"kind": "video", "path": "a.mp4", "duration_seconds": 180}])
    ],
    invalid=[
        _submission(media=[*_PHOTOS, {"kind": "video", "path": "a.mp4", "duration_seconds": 180.5}])
    ],
)
def video_too_long(check: Check[Submission]) -> Iterator[Hit]:
    """A video runs longer than the campaign allows (视频时长不超过3分钟).

    Videos of unknown length are not checked.
    """
    reporting = check.campaign.reporting if check.campaign else None
    limit = reporting.max_video_seconds if reporting else None
    if limit is None:
        return
    for index, item in enumerate(check.model.media):
        seconds = getattr(item, "duration_seconds", None)
        if seconds is not None and seconds > limit:
            yield hit(
                f"media.{index}.duration_seconds", file=item.path, seconds=seconds, limit=limit
            )


@rule(
    "missing-shot-type",
    severity=Severity.ERROR,
    subject=RuleSubject.SUBMISSION,
    message="缺少要求的{shot}",
    message_en="no {shot_en} photo, which the campaign requires",
    valid=[_submission()],
    invalid=[_submission(media=_PHOTOS[:1]), _submission(media=[])],
)
def missing_shot_type(check: Check[Submission]) -> Iterator[Hit]:
    """A photo shot the campaign requires (全景照, 特写照) is absent.

    Photos whose shot type is unknown do not count.
    """
    reporting = check.campaign.reporting if check.campaign else None
    if reporting is None:
        return
    present = {photo.shot_type for photo in check.model.photos}
    for shot in sorted(reporting.required_shots - present):
        yield hit("media", shot=shot.label, shot_en=shot.value.replace("_", "-"))
