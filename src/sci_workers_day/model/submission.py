"""A unit's whole submission: its return, photos and videos, and summary report (报送材料)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from sci_workers_day.model._base import Model
from sci_workers_day.model.media import MediaItem, Photo, Video
from sci_workers_day.model.organizer import Organizer
from sci_workers_day.model.returns import StatisticsReturn
from sci_workers_day.types import Text

__all__ = ["Submission", "SummaryReport"]


class SummaryReport(Model):
    """The 总结报告 a unit sends: which file, its title and, where readable, its length."""

    path: str = Field(min_length=1)
    """The file, as named in the submission."""
    title: str | None = Field(default=None, min_length=1)
    """Its title: the first line of its text, else the file's name without the suffix."""
    characters: int | None = Field(default=None, ge=0)
    """Its length in characters (white space excluded), when its text could be read."""


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
    summary_report: SummaryReport | None = None
    """The 总结报告."""
    unplaced_files: tuple[Text, ...] = ()
    """Files of the package that are none of the above (a stray ``Thumbs.db``, a second
    return), by their names in the package: listed, never dropped."""

    @property
    def photos(self) -> tuple[Photo, ...]:
        """The photos among the media."""
        return tuple(item for item in self.media if isinstance(item, Photo))

    @property
    def videos(self) -> tuple[Video, ...]:
        """The videos among the media."""
        return tuple(item for item in self.media if isinstance(item, Video))
