"""A unit's whole submission: its return, photos and videos, and summary report (报送材料)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from sci_workers_day.model._base import Model
from sci_workers_day.model.media import MediaItem, Photo, Video
from sci_workers_day.model.organizer import Organizer
from sci_workers_day.model.returns import StatisticsReturn

__all__ = ["Submission"]


class Submission(Model):
    """What a reporting unit sends after a campaign."""

    reporting_unit: Organizer
    """Who sends it."""
    submitted_on: dt.date
    """The day it arrived."""
    statistics: StatisticsReturn | None = None
    """The 开展情况统计表."""
    media: tuple[MediaItem, ...] = ()
    """Photos and videos (影像资料)."""
    summary_report: str | None = Field(default=None, min_length=1)
    """The 总结报告: its file name, or its text."""

    @property
    def photos(self) -> tuple[Photo, ...]:
        """The photos among the media."""
        return tuple(item for item in self.media if isinstance(item, Photo))

    @property
    def videos(self) -> tuple[Video, ...]:
        """The videos among the media."""
        return tuple(item for item in self.media if isinstance(item, Video))
