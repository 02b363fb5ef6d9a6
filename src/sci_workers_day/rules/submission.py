"""Rules on a submission against the campaign's reporting requirements."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sci_workers_day.model.reporting import ReportingRequirements
from sci_workers_day.model.submission import Submission
from sci_workers_day.report import Severity
from sci_workers_day.rules._examples import UNIT
from sci_workers_day.rules._registry import Check, Hit, RuleSubject, hit, rule

_CAMPAIGN: dict[str, Any] = {
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


def _reporting(check: Check[Submission]) -> ReportingRequirements | None:
    """What the campaign asks of submissions, if there is a campaign and it asks."""
    return check.campaign.reporting if check.campaign else None


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
    reporting = _reporting(check)
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
    reporting = _reporting(check)
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
    reporting = _reporting(check)
    if reporting is None:
        return
    present = {photo.shot_type for photo in check.model.photos}
    for shot in sorted(reporting.required_shots - present):
        yield hit("media", shot=shot.label, shot_en=shot.value.replace("_", "-"))


def _asks(check: Check[Submission], material: str) -> bool:
    """Whether the campaign's materials name ``material`` (统计表, 总结).

    A campaign that lists no materials asks for nothing in particular.
    """
    reporting = _reporting(check)
    return reporting is not None and any(material in item for item in reporting.materials)


def _reporting_with(**limits: Any) -> dict[str, Any]:
    return {**_CAMPAIGN, "reporting": {**_CAMPAIGN["reporting"], **limits}}


_RETURN = {"reporting_unit": UNIT, "activity_count": 3}
_REPORT = {"path": "总结报告.docx", "title": "2024年活动总结", "characters": 1200}
_ASKING = _reporting_with(materials=["开展情况统计表", "总结报告", "影像资料"])


@rule(
    "missing-return",
    severity=Severity.ERROR,
    subject=RuleSubject.SUBMISSION,
    message="未找到开展情况统计表{tried}",
    message_en="no statistics return in the submission{tried_en}",
    valid=[{**_submission(statistics=_RETURN), "campaign": _ASKING}, _submission()],
    invalid=[
        {**_submission(), "campaign": _ASKING},
        {**_submission(unplaced_files=["活动清单.xlsx"]), "campaign": _ASKING},
    ],
)
def missing_return(check: Check[Submission]) -> Iterator[Hit]:
    """The campaign asks for the 开展情况统计表 and the submission holds none.

    Spreadsheets of the package that did not read as the form are named in the message.
    """
    if check.model.statistics is None and check.read("statistics") and _asks(check, "统计表"):
        tables = [f for f in check.model.unplaced_files if f.lower().endswith(_TABLES)]
        tried = f"（未能识别：{'、'.join(tables)}）" if tables else ""
        tried_en = f" (not read as one: {', '.join(tables)})" if tables else ""
        yield hit("statistics", tried=tried, tried_en=tried_en)


_TABLES = (".xlsx", ".xlsm", ".xls", ".csv", ".json", ".et", ".ods")


@rule(
    "missing-summary-report",
    severity=Severity.ERROR,
    subject=RuleSubject.SUBMISSION,
    message="未找到总结报告",
    message_en="no summary report in the submission",
    valid=[{**_submission(summary_report=_REPORT), "campaign": _ASKING}, _submission()],
    invalid=[{**_submission(), "campaign": _ASKING}],
)
def missing_summary_report(check: Check[Submission]) -> Iterator[Hit]:
    """The campaign asks for a 总结报告 and the submission holds none."""
    if check.model.summary_report is None and check.read("summary_report") and _asks(check, "总结"):
        yield hit("summary_report")


def _with_media(*items: dict[str, Any], **limits: Any) -> dict[str, Any]:
    return {**_submission(media=[*_PHOTOS, *items]), "campaign": _reporting_with(**limits)}


_PIXELS = {"min_photo_pixels": 1920 * 1080}


@rule(
    "photo-too-small",
    severity=Severity.WARNING,
    subject=RuleSubject.SUBMISSION,
    message="照片“{file}”为{width}×{height}像素，少于规定的{limit}像素",
    message_en="photo {file!r} is {width}×{height} pixels, fewer than the {limit} required",
    valid=[
        _with_media({"kind": "photo", "path": "a.jpg", "width": 1920, "height": 1080}, **_PIXELS),
        _with_media({"kind": "photo", "path": "a.jpg"}, **_PIXELS),
    ],
    invalid=[
        _with_media({"kind": "photo", "path": "a.jpg", "width": 640, "height": 480}, **_PIXELS)
    ],
)
def photo_too_small(check: Check[Submission]) -> Iterator[Hit]:
    """A photo has fewer pixels (width × height) than the campaign asks for.

    Photos whose size could not be read are not checked.
    """
    reporting = _reporting(check)
    limit = reporting.min_photo_pixels if reporting else None
    if limit is None:
        return
    for index, item in enumerate(check.model.media):
        width, height = getattr(item, "width", None), getattr(item, "height", None)
        if width and height and width * height < limit:
            yield hit(f"media.{index}", file=item.path, width=width, height=height, limit=limit)


_MB = 1024 * 1024


@rule(
    "video-too-large",
    severity=Severity.ERROR,
    subject=RuleSubject.SUBMISSION,
    message="视频“{file}”大小为{size}，超过规定的{limit}",
    message_en="video {file!r} is {size}, larger than the allowed {limit}",
    valid=[
        _with_media(
            {"kind": "video", "path": "a.mp4", "size_bytes": 500 * _MB}, max_video_bytes=500 * _MB
        )
    ],
    invalid=[
        _with_media(
            {"kind": "video", "path": "a.mp4", "size_bytes": 501 * _MB}, max_video_bytes=500 * _MB
        )
    ],
)
def video_too_large(check: Check[Submission]) -> Iterator[Hit]:
    """A video file is larger than the campaign allows (不超过500MB)."""
    reporting = _reporting(check)
    limit = reporting.max_video_bytes if reporting else None
    if limit is None:
        return
    for index, item in enumerate(check.model.media):
        size = getattr(item, "size_bytes", None)
        if size is not None and size > limit:
            path = f"media.{index}.size_bytes"
            yield hit(path, file=item.path, size=_megabytes(size), limit=_megabytes(limit))


def _megabytes(size: int) -> str:
    return f"{size / _MB:.1f} MB"


@rule(
    "video-format-not-allowed",
    severity=Severity.ERROR,
    subject=RuleSubject.SUBMISSION,
    message="视频“{file}”的格式为{format}，规定为{allowed}",
    message_en="video {file!r} is {format}; the campaign takes {allowed}",
    valid=[_with_media({"kind": "video", "path": "a.mp4", "format": "mp4"}, video_formats=["mp4"])],
    invalid=[
        _with_media({"kind": "video", "path": "a.avi", "format": "avi"}, video_formats=["mp4"])
    ],
)
def video_format_not_allowed(check: Check[Submission]) -> Iterator[Hit]:
    """A video comes in a container the campaign does not take (视频为MP4格式)."""
    reporting = _reporting(check)
    allowed = reporting.video_formats if reporting else frozenset()
    if not allowed:
        return
    for index, item in enumerate(check.model.media):
        form = getattr(item, "format", None)
        if form is not None and form not in allowed:
            listed = "、".join(sorted(allowed)).upper()
            yield hit(f"media.{index}.format", file=item.path, format=form.upper(), allowed=listed)


@rule(
    "too-many-photos",
    severity=Severity.WARNING,
    subject=RuleSubject.SUBMISSION,
    message="活动“{activity}”有{count}张照片，超过规定的每项{limit}张",
    message_en="activity {activity!r} has {count} photos, more than the {limit} allowed",
    valid=[_with_media(max_photos_per_activity=2)],
    invalid=[
        _with_media(
            {"kind": "photo", "path": "启动仪式/3.jpg", "activity": "启动仪式"},
            {"kind": "photo", "path": "启动仪式/4.jpg", "activity": "启动仪式"},
            {"kind": "photo", "path": "启动仪式/5.jpg", "activity": "启动仪式"},
            max_photos_per_activity=2,
        )
    ],
)
def too_many_photos(check: Check[Submission]) -> Iterator[Hit]:
    """More photos of one activity than the campaign takes (每项活动照片不超过5张).

    A photo's activity is its folder in the package or the manifest's; photos with none
    count together.
    """
    reporting = _reporting(check)
    limit = reporting.max_photos_per_activity if reporting else None
    if limit is None:
        return
    counts: dict[str | None, int] = {}
    for photo in check.model.photos:
        counts[photo.activity] = counts.get(photo.activity, 0) + 1
    for activity, count in counts.items():
        if count > limit:
            yield hit("media", activity=activity or "未分组", count=count, limit=limit)


@rule(
    "unknown-video-length",
    severity=Severity.WARNING,
    subject=RuleSubject.SUBMISSION,
    message="无法读出视频“{file}”的时长，请人工核对是否超过{limit}秒",
    message_en="the length of video {file!r} could not be read; check by hand it runs ≤ {limit} s",
    valid=[_with_media({"kind": "video", "path": "a.mp4", "duration_seconds": 100})],
    invalid=[_with_media({"kind": "video", "path": "a.mp4"})],
)
def unknown_video_length(check: Check[Submission]) -> Iterator[Hit]:
    """A video's running time could not be read (a fragmented MP4, an AVI) and a limit applies.

    Unknown is never taken for 0 s: a person checks it.
    """
    reporting = _reporting(check)
    limit = reporting.max_video_seconds if reporting else None
    if limit is None:
        return
    for index, item in enumerate(check.model.media):
        if item.kind == "video" and item.duration_seconds is None:
            yield hit(f"media.{index}.duration_seconds", file=item.path, limit=limit)


@rule(
    "unclassified-photo",
    severity=Severity.INFO,
    subject=RuleSubject.SUBMISSION,
    message="照片“{file}”未注明是全景照还是特写照",
    message_en="photo {file!r} is not marked as a panorama or a close-up",
    valid=[_submission()],
    invalid=[_with_media({"kind": "photo", "path": "IMG_0001.jpg"})],
)
def unclassified_photo(check: Check[Submission]) -> Iterator[Hit]:
    """A photo's shot type is unknown while the campaign requires shots.

    Name the file 全景… or 特写…, or list it in a manifest, for it to count.
    """
    reporting = _reporting(check)
    if reporting is None or not reporting.required_shots:
        return
    for index, item in enumerate(check.model.media):
        if item.kind == "photo" and item.shot_type is None:
            yield hit(f"media.{index}.shot_type", file=item.path)


@rule(
    "unplaced-file",
    severity=Severity.INFO,
    subject=RuleSubject.SUBMISSION,
    message="文件“{file}”不是统计表、总结报告、照片或视频，未读取",
    message_en="file {file!r} is no return, report, photo or video; it was not read",
    valid=[_submission()],
    invalid=[_submission(unplaced_files=["说明.rar"])],
)
def unplaced_file(check: Check[Submission]) -> Iterator[Hit]:
    """A file of the package is none of the materials: listed so a person looks at it."""
    for index, name in enumerate(check.model.unplaced_files):
        yield hit(f"unplaced_files.{index}", file=name)
