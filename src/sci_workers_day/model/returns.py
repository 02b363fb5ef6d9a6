"""The statistics return (开展情况统计表) a reporting unit files for a campaign.

Its groups mirror the form of attachment 1 of 市科发〔2024〕13号. Every figure may be
``None``: not reported. A blank is never a zero.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, ClassVar, TypeVar

import attrs
from pydantic import Field, model_validator

from sci_workers_day.model._base import Model
from sci_workers_day.model.organizer import Organizer
from sci_workers_day.types import Amount, Count

__all__ = [
    "FIGURES",
    "Figure",
    "Funding",
    "FundingCategory",
    "OpenedSites",
    "Participation",
    "Publicity",
    "Staff",
    "StatisticsReturn",
]


class FundingCategory(enum.StrEnum):
    """The seven funding sources of the form; the value is the field name on :class:`Funding`."""

    CENTRAL = "central"
    PROVINCIAL = "provincial"
    MUNICIPAL = "municipal"
    COUNTY = "county"
    ENTERPRISE = "enterprise"
    IN_KIND = "in_kind"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The form's row label, e.g. 中央财政经费投入."""
        return _FUNDING_LABELS[self]


_FUNDING_LABELS = {
    FundingCategory.CENTRAL: "中央财政经费投入",
    FundingCategory.PROVINCIAL: "省级、副省级财政经费投入",
    FundingCategory.MUNICIPAL: "市级财政经费投入",
    FundingCategory.COUNTY: "县级财政经费投入",
    FundingCategory.ENTERPRISE: "企业赞助经费",
    FundingCategory.IN_KIND: "实物投入",
    FundingCategory.OTHER: "其他经费",
}


N = TypeVar("N", int, Decimal)


def sum_reported(values: Iterable[N | None]) -> N | None:
    """The exact sum of the reported values; ``None`` when none was reported."""
    reported = [value for value in values if value is not None]
    return sum(reported[1:], start=reported[0]) if reported else None


class _Group(Model):
    """A group of figures whose parts add up to a total."""

    _parts: ClassVar[tuple[str, ...]] = ()

    def parts(self) -> dict[str, Any]:
        """The figures of the group by field name, in the form's order."""
        return {name: getattr(self, name) for name in self._parts}


class Funding(_Group):
    """活动经费投入数量, in 万元 (10,000 yuan), by source."""

    _parts = tuple(category.value for category in FundingCategory)

    central: Amount | None = None
    """中央财政经费投入."""
    provincial: Amount | None = None
    """省级、副省级财政经费投入."""
    municipal: Amount | None = None
    """市级财政经费投入."""
    county: Amount | None = None
    """县级财政经费投入."""
    enterprise: Amount | None = None
    """企业赞助经费."""
    in_kind: Amount | None = None
    """实物投入 (donated books, discs, maker rooms …, valued in 万元)."""
    other: Amount | None = None
    """其他经费."""
    stated_total: Amount | None = None
    """The 小计 / 合计 the form states, kept beside the parts so a rule can check it."""

    @model_validator(mode="after")
    def _no_negative_zero(self) -> Funding:
        fields = self.__dict__  # still constructing: the instance is not shared yet
        for name, value in fields.items():
            # "-0" passes ge=0; it is 0. (Cheaper here, once, than a validator per field.)
            if value is not None and not value and value.is_signed():
                fields[name] = abs(value)
        return self

    def by_category(self) -> dict[FundingCategory, Decimal | None]:
        """The seven figures keyed by :class:`FundingCategory`."""
        return {category: getattr(self, category.value) for category in FundingCategory}

    @property
    def total(self) -> Decimal | None:
        """The exact sum of the reported sources; ``None`` when none was reported."""
        return sum_reported(self.by_category().values())


class Staff(_Group):
    """科普工作人员参与数量, in 人次."""

    _parts = ("full_time", "sci_tech_workers", "volunteers", "others")

    full_time: Count | None = None
    """科普专职人员数量."""
    sci_tech_workers: Count | None = None
    """科技工作者参与数量."""
    volunteers: Count | None = None
    """招募科技志愿者数量."""
    others: Count | None = None
    """其他人员数量."""
    stated_total: Count | None = None
    """A 小计 the form states."""

    @property
    def total(self) -> int | None:
        """The sum of the reported figures; ``None`` when none was reported."""
        return sum_reported(self.parts().values())


class Participation(_Group):
    """科普活动群众参与数量, in 人次."""

    _parts = ("offline", "online")

    offline: Count | None = None
    """线下活动群众参与数量."""
    online: Count | None = None
    """线上活动群众参与数量."""
    stated_total: Count | None = None
    """A 小计 the form states."""

    @property
    def total(self) -> int | None:
        """The sum of the reported figures; ``None`` when none was reported."""
        return sum_reported(self.parts().values())


class Publicity(_Group):
    """宣传报道情况."""

    _parts = ("media_outlets", "reports")

    media_outlets: Count | None = None
    """参与媒体数量 (个)."""
    reports: Count | None = None
    """宣传报道数量 (篇)."""


class OpenedSites(_Group):
    """Sites that opened for activities during the campaign (个)."""

    _parts = ("venues", "institutes", "universities")

    venues: Count | None = None
    """开放活动的科普场馆数量."""
    institutes: Count | None = None
    """开放活动的科研机构数量."""
    universities: Count | None = None
    """开放活动的大学数量."""
    stated_total: Count | None = None
    """A 小计 the form states."""

    @property
    def total(self) -> int | None:
        """The sum of the reported figures; ``None`` when none was reported."""
        return sum_reported(self.parts().values())


class StatisticsReturn(Model):
    """One reporting unit's 开展情况统计表 for one campaign.

    The dotted path of a figure (``funding.county``, ``staff.volunteers``) is how validation
    findings name it.
    """

    reporting_unit: Organizer
    """填表单位: a county, district, development zone or municipal department."""
    campaign_title: str | None = Field(default=None, min_length=1)
    """The campaign the return answers, as the form's title names it."""
    filled_on: dt.date | None = None
    """填表日期."""
    activity_count: Count | None = None
    """科普活动开展次数 (次)."""
    funding: Funding = Funding()
    """活动经费投入数量 (万元)."""
    staff: Staff = Staff()
    """科普工作人员参与数量 (人次)."""
    public: Participation = Participation()
    """科普活动群众参与数量 (人次)."""
    publicity: Publicity = Publicity()
    """宣传报道情况."""
    opened: OpenedSites = OpenedSites()
    """开放活动的场馆、科研机构、大学数量 (个)."""

    def figures(self, *, totals: bool = False) -> dict[str, Any]:
        """Every figure by its dotted path, in the form's order (``None`` = not reported).

        With ``totals``, the stated totals (``funding.stated_total`` …) are included too.
        """
        # Validation reads every figure of every return: one pass over precomputed paths.
        result: dict[str, Any] = {"activity_count": self.activity_count}
        fields = self.__dict__
        for group, names in _GROUP_PATHS:
            values = fields[group].__dict__
            for name, path, is_total in names:
                if totals or not is_total:
                    result[path] = values[name]
        return result


@attrs.frozen
class Figure:
    """One figure of the form: its dotted path, row label and unit."""

    path: str
    label: str
    unit: str

    @property
    def integral(self) -> bool:
        """Whether the figure is a count (every figure but money, in 万元, is)."""
        return self.unit != "万元"

    @property
    def unit_en(self) -> str:
        """The unit in English: times, person-times, items, articles, 10,000 yuan."""
        return _UNITS_EN[self.unit]

    @property
    def is_total(self) -> bool:
        """Whether this is a stated 小计 rather than a part."""
        return self.path.endswith(".stated_total")


_GROUPS: dict[str, tuple[type[_Group], str, str]] = {
    # group field: (class, the form's group label, unit)
    "funding": (Funding, "活动经费投入数量", "万元"),
    "staff": (Staff, "科普工作人员参与数量", "人次"),
    "public": (Participation, "科普活动群众参与数量", "人次"),
    "publicity": (Publicity, "宣传报道情况", ""),
    "opened": (OpenedSites, "开放活动的场馆、科研机构、大学数量", "个"),
}
_PUBLICITY_UNITS = {"media_outlets": "个", "reports": "篇"}
_UNITS_EN = {
    "次": "times",
    "人次": "person-times",
    "个": "items",
    "篇": "articles",
    "万元": "10,000 yuan",
}


def _label(model: type[_Group], name: str) -> str:
    # The field docstrings start with the form's row label: "实物投入 (donated books …)."
    description = model.model_fields[name].description or name
    return description.split(" (")[0].rstrip(".")


def _figures() -> tuple[Figure, ...]:
    result = [Figure("activity_count", "科普活动开展次数", "次")]
    for group, (model, group_label, unit) in _GROUPS.items():
        for name in model._parts:
            result.append(
                Figure(f"{group}.{name}", _label(model, name), unit or _PUBLICITY_UNITS[name])
            )
        if "stated_total" in model.model_fields:
            result.append(Figure(f"{group}.stated_total", f"{group_label}小计", unit))
    return tuple(result)


FIGURES: tuple[Figure, ...] = _figures()
"""Every figure of the form, stated totals included, in the form's order."""

_GROUP_PATHS = tuple(
    (
        group,
        tuple(
            (name, f"{group}.{name}", name == "stated_total")
            for name in (
                *model._parts,
                *(["stated_total"] if "stated_total" in model.model_fields else []),
            )
        ),
    )
    for group, (model, _label, _unit) in _GROUPS.items()
)
