"""Units named in a notice, as organizers: what kind of body, and which division it serves."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from sci_workers_day.formats.activities import split_names
from sci_workers_day.model.organizer import Organizer, OrganizerKind
from sci_workers_day.model.region import Region, region_table

__all__ = [
    "first_kind",
    "kind_of",
    "listed",
    "looks_like_unit",
    "organizer",
    "organizers",
    "region_of",
    "unit_line",
]

K = TypeVar("K")

# Checked in order: 科协宣传调研部 is the association's, 省科协学会部 too, 宣传部 before 部.
_KINDS = (
    (re.compile(r"宣传部"), OrganizerKind.PUBLICITY_DEPT),
    (re.compile(r"科学技术协会|科协"), OrganizerKind.ASSOCIATION),
    (
        re.compile(r"科学技术(?:局|厅|部)|科技(?:局|厅|部|管理部门|部门)"),
        OrganizerKind.SCIENCE_BUREAU,
    ),
    (re.compile(r"大学|学院|高校|研究所|研究院"), OrganizerKind.UNIVERSITY),
    (re.compile(r"小学|中学|学校"), OrganizerKind.SCHOOL),
    (re.compile(r"医院|卫生服务|卫生院"), OrganizerKind.HOSPITAL),
    (re.compile(r"图书馆"), OrganizerKind.LIBRARY),
    (re.compile(r"学会|协会|研究会"), OrganizerKind.SOCIETY),
    (re.compile(r"公司|集团|企业|厂$"), OrganizerKind.ENTERPRISE),
    (
        re.compile(r"政府|管委会|委员会|[局厅委办]$|办公室|区委|县委|市委|省委|支队|大队|中心$"),
        OrganizerKind.GOVERNMENT,
    ),
)
# The end of a body's name: what makes a line of names a line of units (a signature block).
_UNIT_END = re.compile(
    r"(?:协会|科协|学会|研究会|[局厅部委院所馆站队校处室办股科]|政府|委员会|管委会|中心|公司|集团|大学|学院)$"
)
_DIVISION_END = re.compile(r"(?:自治区|自治州|特别行政区|省|市|州|盟|地区|县|区|旗)")


def first_kind(name: str, kinds: Sequence[tuple[re.Pattern[str], K]]) -> K | None:
    """The kind of the first pattern ``name`` matches, in order; ``None`` for none."""
    return next((kind for pattern, kind in kinds if pattern.search(name)), None)


def kind_of(name: str) -> OrganizerKind | None:
    """What kind of body a name says it is; ``None`` when the name does not say."""
    return first_kind(name, _KINDS)


def looks_like_unit(name: str) -> bool:
    """Whether ``name`` reads as a body's full name (ends like one, no sentence marks)."""
    return (
        2 <= len(name) <= 30
        and _UNIT_END.search(name) is not None
        and not re.search(r"[，,。：:；;！？“”]", name)
    )


def unit_line(text: str) -> list[str]:
    """The names on a line of names only (a letterhead, a signature), else nothing."""
    tokens = text.split()
    return tokens if tokens and all(looks_like_unit(token) for token in tokens) else []


def region_of(name: str) -> Region | None:
    """The one current division a body's name starts with (晋中市科学技术局 → 晋中市).

    The longest prefix that names one wins: 中共太原市小店区委 serves 小店区, not 太原市.
    """
    name = name.removeprefix("中共")
    ends = [m.end() for m in _DIVISION_END.finditer(name[:16]) if m.end() >= 2]
    for end in reversed(ends):
        found = region_table().find(name[:end])
        if len(found) == 1:
            return found[0]
    return None


def organizer(name: str) -> Organizer:
    """An organizer for a name as the notice wrote it, with its kind and division if told."""
    region = region_of(name)
    return Organizer(
        name=name,
        kind=kind_of(name),
        level=region.level if region else None,
        region_code=region.code if region else None,
    )


def listed(text: str) -> list[str]:
    """The names a 举办单位 or 地点 list gives, each once and without a closing 等.

    Split at 、，; and at a space after a full name (see ``split_names``).
    """
    names = dict.fromkeys(name.strip("。.；;").removesuffix("等") for name in split_names(text))
    return [name for name in names if name]


def organizers(text: str) -> tuple[Organizer, ...]:
    """The units of a 举办单位 list."""
    return tuple(organizer(name) for name in listed(text))
