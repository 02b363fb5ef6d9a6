"""Places named in a notice, as venues: what kind of place the name says it is."""

from __future__ import annotations

import re

from sci_workers_day.formats._notice.organizers import first_kind, listed
from sci_workers_day.model.venue import Venue, VenueKind

__all__ = ["venues"]

# Checked in order: 科技馆 before 馆, 科普基地 before 基地, 大学 before 学.
_KINDS = (
    (re.compile(r"科技馆|科普场馆|科学馆|科普馆"), VenueKind.SCIENCE_MUSEUM),
    (re.compile(r"纪念馆|博物馆|展示馆|展览馆|陈列馆"), VenueKind.MUSEUM),
    (re.compile(r"图书馆"), VenueKind.LIBRARY),
    (re.compile(r"实验室|研究所|研究院"), VenueKind.LABORATORY),
    (re.compile(r"大学|学院|高校"), VenueKind.UNIVERSITY),
    (re.compile(r"小学|中学|学校|幼儿园"), VenueKind.SCHOOL),
    (re.compile(r"医院|卫生服务|卫生院"), VenueKind.HOSPITAL),
    (re.compile(r"基地"), VenueKind.EDUCATION_BASE),
    (re.compile(r"公园|广场|园林|景区"), VenueKind.PARK),
    (re.compile(r"社区|农村|乡村|村|文明实践"), VenueKind.COMMUNITY),
    (re.compile(r"公司|企业|园区|工厂"), VenueKind.ENTERPRISE),
    (re.compile(r"线上|网站|官网|公众号|平台|直播|专栏|云"), VenueKind.ONLINE),
)


def venues(text: str) -> tuple[Venue, ...]:
    """The places a 地点 line names."""
    return tuple(Venue(name=name, kind=first_kind(name, _KINDS)) for name in listed(text))
