"""What a campaign asks units to report, and by when (报送要求)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints

from sci_workers_day.model._base import SORTED_IN_JSON, Model
from sci_workers_day.model.contact import Contact
from sci_workers_day.model.media import ShotType
from sci_workers_day.types import Text

__all__ = ["ReportingRequirements"]

VideoFormat = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_lower=True, pattern=r"^[a-z0-9]{2,5}$"),
]
"""A video container as its file suffix names it, without the dot: ``mp4``, ``mov``."""


class ReportingRequirements(Model):
    """The reporting rule of a notice, e.g. "6月8日前 … 视频时长不超过3分钟"."""

    deadline: dt.date | None = None
    """The last day a submission is on time (``6月8日前`` → 8 June, inclusive)."""
    max_video_seconds: int | None = Field(default=None, gt=0)
    """The longest a submitted video may run (``不超过3分钟`` → 180)."""
    required_shots: Annotated[frozenset[ShotType], SORTED_IN_JSON] = frozenset()
    """Photo shots each submission must include (全景照, 特写照)."""
    materials: tuple[Text, ...] = ()
    """What to send: 开展情况统计表, 总结报告, 影像资料, …"""
    recipients: tuple[Contact, ...] = ()
    """Where to send it: offices and their e-mail addresses."""
    min_photo_pixels: int | None = Field(default=None, gt=0)
    """The fewest pixels (width × height) a photo may have: 1920×1080 → 2073600."""
    max_video_bytes: int | None = Field(default=None, gt=0)
    """The largest a video file may be, in bytes (``不超过500MB`` → 524288000)."""
    video_formats: Annotated[frozenset[VideoFormat], SORTED_IN_JSON] = frozenset()
    """The containers a video may come in (``mp4``, ``mov``); empty for any."""
    max_photos_per_activity: int | None = Field(default=None, gt=0)
    """The most photos a unit may send for one activity (每项活动不超过5张)."""
