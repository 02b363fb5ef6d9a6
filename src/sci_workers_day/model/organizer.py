"""Organizers (单位): any body that hosts, issues, reports or recommends."""

from __future__ import annotations

import enum
import re

from pydantic import Field

from sci_workers_day.model._base import Model
from sci_workers_day.model.region import Level
from sci_workers_day.types import RegionCode, Text

__all__ = ["Organizer", "OrganizerKind"]


class OrganizerKind(enum.StrEnum):
    """What kind of body an organizer is."""

    ASSOCIATION = "association"
    """科协 (association for science and technology), including 高校科协 and 企业科协."""
    SCIENCE_BUREAU = "science_bureau"
    """科技局 / 科技厅 / 科技部门."""
    PUBLICITY_DEPT = "publicity_department"
    """党委宣传部."""
    GOVERNMENT = "government"
    """人民政府, 管委会 and other government departments."""
    SCHOOL = "school"
    """中小学校."""
    UNIVERSITY = "university"
    """高校 and their institutes."""
    HOSPITAL = "hospital"
    """医院, 卫生服务站."""
    ENTERPRISE = "enterprise"
    """企业, 公司."""
    SOCIETY = "society"
    """学会, 协会, 研究会."""
    LIBRARY = "library"
    """图书馆."""
    OTHER = "other"
    """Anything else."""


_SPACES = re.compile(r"\s+")


class Organizer(Model):
    """A body named in a notice or a return: only ``name`` is required.

    ``short_name`` and ``aliases`` hold the other ways documents name the same body
    (``市科协`` for ``晋中市科学技术协会``). ``region_code`` is the division the body belongs
    to; a unit that is not itself an administrative division (开发区, 高新区, 杨凌示范区, a
    municipal department) gives the division it sits in as ``parent_region_code``.
    """

    name: str = Field(min_length=1)
    """The full name, e.g. 晋中市科学技术协会."""
    short_name: str | None = Field(default=None, min_length=1)
    """The usual short form, e.g. 市科协."""
    aliases: tuple[Text, ...] = ()
    """Other names documents use for the same body."""
    kind: OrganizerKind | None = None
    """What kind of body it is."""
    level: Level | None = None
    """The level of government it belongs to."""
    region_code: RegionCode | None = None
    """The GB/T 2260 division the body is or belongs to."""
    parent_region_code: RegionCode | None = None
    """For units that are not divisions (开发区, 市直部门): the division they sit in."""

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the body: full name, short name, aliases."""
        extra = (self.short_name,) if self.short_name else ()
        return (self.name, *extra, *self.aliases)

    def is_named(self, name: str) -> bool:
        """Whether ``name`` is one of its names (inner white space ignored)."""
        wanted = _SPACES.sub("", name)
        return any(_SPACES.sub("", own) == wanted for own in self.names)

    def __str__(self) -> str:
        return self.name
