"""Activities (活动): the items of a campaign's schedule or of a recommended list."""

from __future__ import annotations

import enum

from pydantic import Field

from sci_workers_day.dates import DateWindow
from sci_workers_day.model._base import Model
from sci_workers_day.model.organizer import Organizer
from sci_workers_day.model.venue import Venue

__all__ = ["Activity", "ActivityMode"]


class ActivityMode(enum.StrEnum):
    """How an activity reaches people."""

    ONLINE = "online"
    """线上."""
    OFFLINE = "offline"
    """线下."""
    HYBRID = "hybrid"
    """线上线下相结合."""


class Activity(Model):
    """One activity: only ``name`` is required.

    ``section`` is the heading the activity stands under in the notice (主场活动,
    示范活动, 群众性实践活动, 推荐清单); ``organizers`` are its 举办单位 and ``recommended_by``
    the units that put it on a recommended list (推荐单位).
    """

    name: str = Field(min_length=1)
    """The activity's name, e.g. 2025年太原市暨小店区科技活动周启动仪式."""
    description: str | None = Field(default=None, min_length=1)
    """What it consists of (内容)."""
    section: str | None = Field(default=None, min_length=1)
    """The heading it stands under."""
    window: DateWindow | None = None
    """When it runs (时间)."""
    venues: tuple[Venue, ...] = ()
    """Where it runs (地点)."""
    organizers: tuple[Organizer, ...] = ()
    """Who holds it (举办单位 / 主办单位)."""
    recommended_by: tuple[Organizer, ...] = ()
    """Who recommended it (推荐单位), for activities on a recommended list."""
    mode: ActivityMode | None = None
    """Online, offline or both."""
    audience: str | None = Field(default=None, min_length=1)
    """Whom it is for, e.g. 青少年, 科技工作者."""

    def __str__(self) -> str:
        return self.name
