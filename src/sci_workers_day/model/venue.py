"""Venues (场馆 / 基地 / 地点) and their designations (科普教育基地, 科学家精神教育基地)."""

from __future__ import annotations

import enum

from pydantic import Field

from sci_workers_day.dates import DateWindow
from sci_workers_day.model._base import Model
from sci_workers_day.model.region import Level
from sci_workers_day.types import RegionCode, Text

__all__ = ["Designation", "Venue", "VenueKind"]


class VenueKind(enum.StrEnum):
    """What kind of place a venue is."""

    SCIENCE_MUSEUM = "science_museum"
    """科技馆 / 科普场馆."""
    MUSEUM = "museum"
    """纪念馆, 展示馆, 博物馆."""
    EDUCATION_BASE = "education_base"
    """科普（教育）基地."""
    LABORATORY = "laboratory"
    """重点实验室, 科研机构."""
    SCHOOL = "school"
    """中小学校."""
    UNIVERSITY = "university"
    """高校."""
    LIBRARY = "library"
    """图书馆."""
    HOSPITAL = "hospital"
    """医院, 卫生服务站."""
    ENTERPRISE = "enterprise"
    """企业, 园区."""
    PARK = "park"
    """公园, 地质公园, 广场."""
    COMMUNITY = "community"
    """社区, 农村, 新时代文明实践中心."""
    ONLINE = "online"
    """A website, an app or a live stream."""
    OTHER = "other"
    """Anything else."""


class Designation(Model):
    """A title a venue holds, e.g. national 科学家精神教育基地 for 2023—2027."""

    title: str = Field(min_length=1)
    """The designation, e.g. 科学家精神教育基地, 科普教育基地."""
    level: Level | None = None
    """Who conferred it: 国家级 (national), 省级 (provincial), …"""
    period: DateWindow | None = None
    """The years it runs for (``2023—2027年度`` → 2023-01-01 to 2027-12-31)."""
    conferred_by: tuple[Text, ...] = ()
    """The bodies that conferred it (中国科协, 教育部, 科技部, …)."""


class Venue(Model):
    """A place where activities happen."""

    name: str = Field(min_length=1)
    """The venue's name, e.g. 晋中市科技馆."""
    kind: VenueKind | None = None
    """What kind of place it is."""
    region_code: RegionCode | None = None
    """The GB/T 2260 division it lies in."""
    address: str | None = Field(default=None, min_length=1)
    """Its street address."""
    designations: tuple[Designation, ...] = ()
    """Titles it holds (科学家精神教育基地, 科普教育基地, …)."""
    check_in_point: bool = False
    """Whether it is a check-in point (打卡地) on the campaign's public route."""

    def __str__(self) -> str:
        return self.name
