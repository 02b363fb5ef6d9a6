"""Campaigns (活动) as their notices (通知, 工作方案, 新闻发布会) describe them."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated, Literal

from pydantic import Field

from sci_workers_day.dates import DateWindow
from sci_workers_day.model._base import SORTED_IN_JSON, FrozenMapping, Model
from sci_workers_day.model.activity import Activity
from sci_workers_day.model.contact import Contact
from sci_workers_day.model.document import DocumentNumber, DocumentReference
from sci_workers_day.model.organizer import Organizer
from sci_workers_day.model.region import Level
from sci_workers_day.model.reporting import ReportingRequirements
from sci_workers_day.types import RegionCode, Text

__all__ = ["Campaign", "CampaignKind", "edition_of", "year_of_edition"]


class CampaignKind(enum.StrEnum):
    """The national campaigns a notice can announce (one notice may announce several)."""

    WORKERS_DAY = "workers_day"
    """全国科技工作者日: 30 May, yearly since 2017."""
    SCIENCE_WEEK = "science_week"
    """科技活动周: late May, yearly since 2001."""
    SCIENCE_DAY = "science_day"
    """全国科普日: September."""

    @property
    def label(self) -> str:
        """The Chinese name: 全国科技工作者日, 科技活动周, 全国科普日."""
        return _KIND_LABELS[self]


# The year before the first edition: the Nth falls in FIRST + N. 全国科普日 is not counted here:
# its notices name it by year, not by edition.
_EDITION_ZERO = {CampaignKind.WORKERS_DAY: 2016, CampaignKind.SCIENCE_WEEK: 2000}


def edition_of(kind: CampaignKind, year: int) -> int:
    """The Nth edition held in ``year``: 2024 → 8th workers' day, 25th science week.

    Raises ``ValueError`` for a year before the first edition, and for kinds whose editions
    are not counted (全国科普日).
    """
    if kind not in _EDITION_ZERO:
        msg = f"{kind.label} editions are not counted (该活动不按届次计)"
        raise ValueError(msg)
    edition = year - _EDITION_ZERO[kind]
    if edition < 1:
        msg = f"no {kind.label} was held in {year} (该年份尚未举办{kind.label})"
        raise ValueError(msg)
    return edition


def year_of_edition(kind: CampaignKind, edition: int) -> int:
    """The year of the Nth edition: the 8th workers' day was in 2024."""
    if kind not in _EDITION_ZERO:
        msg = f"{kind.label} editions are not counted (该活动不按届次计)"
        raise ValueError(msg)
    if edition < 1:
        msg = f"editions start at 1, not {edition} (届次从1开始)"
        raise ValueError(msg)
    return _EDITION_ZERO[kind] + edition


_KIND_LABELS = {
    CampaignKind.WORKERS_DAY: "全国科技工作者日",
    CampaignKind.SCIENCE_WEEK: "科技活动周",
    CampaignKind.SCIENCE_DAY: "全国科普日",
}


FIRST_YEAR, LAST_YEAR = 1949, 2100
"""The years a campaign can be in."""


class Campaign(Model):
    """A campaign: only ``title``, ``kinds`` and ``year`` are required.

    The fields follow a notice's parts: who issues it (``issuers``, ``document_number``,
    ``issued_on``), what it implements (``basis``), whom it addresses, its ``theme`` and
    ``window``, who hosts it (``hosts`` 主办, ``executors`` 承办, ``co_organizers`` 协办), its
    ``activities``, the ``reporting`` rule, ``requirements`` (有关要求), ``contacts`` and
    ``attachments``; ``severity_policy`` is how strictly its returns are checked.
    """

    title: str = Field(min_length=1)
    """The notice's title, e.g. 关于举办2024年晋中市科技活动周的通知."""
    kinds: Annotated[frozenset[CampaignKind], Field(min_length=1), SORTED_IN_JSON]
    """The national campaigns it belongs to."""
    year: int = Field(ge=FIRST_YEAR, le=LAST_YEAR)
    """The campaign's year."""
    edition: int | None = Field(default=None, ge=1)
    """The Nth edition, as the notice states it (第八个 → 8)."""
    level: Level | None = None
    """The level of the issuing body: national, provincial, municipal or county."""
    region_code: RegionCode | None = None
    """The GB/T 2260 division the campaign covers (140700 for a 晋中市 campaign)."""
    theme: str | None = Field(default=None, min_length=1)
    """The theme (主题)."""
    window: DateWindow | None = None
    """When the campaign runs (活动时间)."""
    issuers: tuple[Organizer, ...] = ()
    """The bodies that issue the notice (发文机关)."""
    hosts: tuple[Organizer, ...] = ()
    """主办单位."""
    executors: tuple[Organizer, ...] = ()
    """承办单位."""
    co_organizers: tuple[Organizer, ...] = ()
    """协办单位."""
    addressees: tuple[Text, ...] = ()
    """Whom the notice is sent to (主送机关), as written."""
    document_number: DocumentNumber | None = None
    """Its 发文字号, e.g. 市科发〔2024〕13号."""
    basis: tuple[DocumentReference, ...] = ()
    """The upper-level documents it implements (依据)."""
    issued_on: dt.date | None = None
    """成文日期."""
    activities: tuple[Activity, ...] = ()
    """The activities, in the notice's order."""
    reporting: ReportingRequirements | None = None
    """What units must report, and by when."""
    requirements: tuple[Text, ...] = ()
    """The notice's other requirements (有关要求), one per item."""
    contacts: tuple[Contact, ...] = ()
    """联系方式."""
    attachments: tuple[Text, ...] = ()
    """The titles of its attachments (附件)."""
    severity_policy: FrozenMapping[str, Literal["error", "warning", "info", "off"]] = Field(
        default_factory=FrozenMapping
    )
    """Rule code → the severity this campaign gives it, or ``"off"``
    (``{"missing-value": "error"}``); codes no rule has are ignored when returns are checked,
    and reported by the ``unknown-rule-code`` rule when the campaign itself is."""

    @property
    def sections(self) -> tuple[str, ...]:
        """The headings the activities stand under, in order of first appearance."""
        return tuple(dict.fromkeys(a.section for a in self.activities if a.section))

    def activities_in(self, section: str) -> tuple[Activity, ...]:
        """The activities under one heading."""
        return tuple(a for a in self.activities if a.section == section)

    @property
    def recommended_activities(self) -> tuple[Activity, ...]:
        """The activities some unit recommended (a 推荐清单)."""
        return tuple(a for a in self.activities if a.recommended_by)
