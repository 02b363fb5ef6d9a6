"""What a campaign asks units to report, and by when (报送要求)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field

from sci_workers_day.model._base import SORTED_IN_JSON, Model
from sci_workers_day.model.contact import Contact
from sci_workers_day.model.media import ShotType
from sci_workers_day.types import Text

__all__ = ["ReportingRequirements"]


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
