"""Administrative divisions (行政区划) from a bundled, dated GB/T 2260 code table.

The table holds every current province-, prefecture- and county-level division and the codes
retired since 1980 with the codes that replaced them, so a return that still says
``140726`` (太谷县, before 2019) resolves to ``140703`` (太谷区). Look-ups go through
:func:`region_table`, which reads the table once, on first use.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib import resources

import attrs

from sci_workers_day.errors import RegionNotFoundError

__all__ = ["Level", "Region", "RegionTable", "region_table"]


class Level(enum.StrEnum):
    """The level of government a campaign, organizer, designation or division belongs to."""

    NATIONAL = "national"
    """全国 / 国家级."""
    PROVINCIAL = "provincial"
    """省级 (provinces, autonomous regions, municipalities under the central government)."""
    MUNICIPAL = "municipal"
    """市级 (prefecture-level: 地级市, 地区, 自治州, 盟)."""
    COUNTY = "county"
    """县级 (县, 县级市, 市辖区, 旗, 自治县)."""

    @property
    def label(self) -> str:
        """The Chinese label: 国家级, 省级, 市级, 县级."""
        return _LEVEL_LABELS[self]


_LEVEL_LABELS = {
    Level.NATIONAL: "国家级",
    Level.PROVINCIAL: "省级",
    Level.MUNICIPAL: "市级",
    Level.COUNTY: "县级",
}

_CODE = re.compile(r"[0-9]{6}")

# Suffixes that name the kind of division; what is left is how people say the place
# (太谷区 → 太谷, 广西壮族自治区 → 广西). Longest first.
_SUFFIXES = (
    "特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区",
    "省", "市", "区", "县", "旗", "盟",
)  # fmt: skip
# Ethnic names that stand before 自治…; the 族 is sometimes dropped (新疆维吾尔自治区).
_PEOPLES = (
    "维吾尔", "哈萨克", "柯尔克孜", "塔吉克", "锡伯", "蒙古", "回", "藏", "壮", "苗", "彝", "布依",
    "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "傣", "黎", "傈僳", "佤", "畲", "拉祜", "水",
    "东乡", "纳西", "景颇", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "普米",
    "怒", "保安", "裕固", "京", "独龙", "鄂伦春", "鄂温克", "各",
)  # fmt: skip
_PEOPLE_TAIL = re.compile("(?:" + "|".join(sorted(_PEOPLES, key=len, reverse=True)) + ")族?$")


def _stem(name: str) -> str:
    """The short name people use: 太谷区 → 太谷, 长阳土家族自治县 → 长阳, 北京市 → 北京."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            name = name[: -len(suffix)]
            break
    while len(name) > 2:
        match = _PEOPLE_TAIL.search(name)
        if match is None or match.start() < 2:
            break
        name = name[: match.start()]
    return name


def _level_of(code: str) -> Level:
    if code.endswith("0000"):
        return Level.PROVINCIAL
    if code.endswith("00"):
        return Level.MUNICIPAL
    return Level.COUNTY


@attrs.frozen
class Region:
    """One administrative division of GB/T 2260.

    ``retired`` is the table revision (``"2019-12"``) from which the code no longer appears,
    ``None`` for a current division; ``successors`` are the current codes that replaced it,
    where the change could be traced.
    """

    code: str
    name: str
    level: Level
    parent_code: str | None = None
    retired: str | None = None
    successors: tuple[str, ...] = ()

    @property
    def current(self) -> bool:
        """Whether the division is in the table's edition."""
        return self.retired is None

    @property
    def short_name(self) -> str:
        """The name without its kind: 晋中市 → 晋中, 杨陵区 → 杨陵."""
        return _stem(self.name)

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class RegionTable:
    """A GB/T 2260 code table: look-ups by code and by name, and the tree above a division."""

    def __init__(self, regions: Iterable[Region], *, edition: dt.date) -> None:
        self.edition = edition
        self._by_code: dict[str, Region] = {}
        self._by_name: defaultdict[str, list[Region]] = defaultdict(list)
        self._children: defaultdict[str, list[Region]] = defaultdict(list)
        for region in regions:
            self._by_code[region.code] = region
        for region in self._by_code.values():
            for key in {region.name, region.short_name}:
                self._by_name[key].append(region)
            if region.current and region.parent_code is not None:
                self._children[region.parent_code].append(region)

    @classmethod
    def from_tsv(cls, text: str) -> RegionTable:
        """Read the bundled format: an ``# edition:`` line, then code, name, retired, successors."""
        edition: dt.date | None = None
        rows: list[tuple[str, str, str | None, tuple[str, ...]]] = []
        for line in text.splitlines():
            if line.startswith("#"):
                key, _, value = line[1:].partition(":")
                if key.strip() == "edition":
                    edition = dt.date.fromisoformat(value.strip())
                continue
            fields = line.split("\t")
            if not line.strip() or fields[0] == "code":
                continue
            code, name, retired, successors = [*fields, "", ""][:4]
            rows.append((code, name, retired or None, tuple(filter(None, successors.split(",")))))
        if edition is None:
            msg = "region table has no '# edition:' line"
            raise ValueError(msg)
        current = {code for code, _, retired, _ in rows if retired is None}

        def parent_of(code: str) -> str | None:
            for candidate in (code[:4] + "00", code[:2] + "0000"):
                if candidate != code and candidate in current:
                    return candidate
            return None

        return cls(
            (
                Region(code, name, _level_of(code), parent_of(code), retired, successors)
                for code, name, retired, successors in rows
            ),
            edition=edition,
        )

    def __iter__(self) -> Iterator[Region]:
        """The current divisions, in code order."""
        return iter(sorted((r for r in self._by_code.values() if r.current), key=_code_key))

    def __len__(self) -> int:
        return sum(1 for region in self._by_code.values() if region.current)

    def __contains__(self, code: object) -> bool:
        """Whether the table knows the code, current or retired."""
        return code in self._by_code

    def retired(self) -> list[Region]:
        """The retired divisions the table remembers, in code order."""
        return sorted((r for r in self._by_code.values() if not r.current), key=_code_key)

    def get(self, code: str) -> Region:
        """The division with this code, current or retired."""
        try:
            return self._by_code[code]
        except KeyError:
            raise RegionNotFoundError(code) from None

    def resolve(self, code: str) -> Region:
        """The current division a code stands for today, following retired codes to successors.

        Raises :class:`~sci_workers_day.RegionNotFoundError` for unknown codes and for retired
        codes that were abolished or split, whose successor cannot be named.
        """
        region = self.get(code)
        seen = {code}
        while not region.current:
            if len(region.successors) != 1 or region.successors[0] in seen:
                reason = (
                    f"retired in {region.retired}; its successor is not recorded "
                    f"(已于{region.retired}撤销，无法确定承继区划)"
                )
                raise RegionNotFoundError(code, reason=reason)
            seen.add(region.successors[0])
            region = self.get(region.successors[0])
        return region

    def find(self, name: str, *, within: str | None = None, current: bool = True) -> list[Region]:
        """Divisions called ``name``: the full name (太谷区), the short one (太谷), or a path.

        A path names the ancestors first (``山西省晋中市太谷区``, ``晋中太谷``); ``within``
        limits the answer to one province or prefecture by code. Retired divisions are
        included only when ``current`` is false. The list is in code order.
        """
        name = re.sub(r"\s+", "", name)
        found = [
            region
            for region in self._by_name.get(name, ()) or self._by_path(name, current=current)
            if (region.current or not current)
            and (within is None or self.is_within(region.code, within))
        ]
        return sorted(found, key=_code_key)

    def lookup(self, key: str, *, within: str | None = None) -> Region:
        """The one current division with this code or name; ``RegionNotFoundError`` otherwise.

        A retired name (太谷县) answers with the division that replaced it, when all the
        divisions ever so called lead to one.
        """
        key = unicodedata.normalize("NFKC", key).strip()
        if _CODE.fullmatch(key):
            candidates = [self.resolve(key)]
        else:
            candidates = self.find(key) or [
                current
                for retired in self.find(key, current=False)
                if (current := self._resolve_or_none(retired.code)) is not None
            ]
        candidates = list(dict.fromkeys(candidates))
        found = [r for r in candidates if within is None or self.is_within(r.code, within)]
        if len(found) == 1:
            return found[0]
        if found:
            reason = "ambiguous: " + "、".join(map(str, found)) + " (名称不唯一)"
        elif candidates:
            reason = f"not within {within} (不在{within}范围内)"
        else:
            reason = None
        raise RegionNotFoundError(key, reason=reason)

    def _resolve_or_none(self, code: str) -> Region | None:
        try:
            return self.resolve(code)
        except RegionNotFoundError:
            return None

    def parent(self, region: Region) -> Region | None:
        """The division directly above, or ``None`` for a province."""
        return None if region.parent_code is None else self.get(region.parent_code)

    def ancestors(self, region: Region) -> list[Region]:
        """The divisions above ``region``, the province first."""
        chain: list[Region] = []
        parent = self.parent(region)
        while parent is not None:
            chain.insert(0, parent)
            parent = self.parent(parent)
        return chain

    def children(self, code: str) -> list[Region]:
        """The current divisions directly below ``code``, in code order."""
        return sorted(self._children.get(code, ()), key=_code_key)

    def full_name(self, region: Region) -> str:
        """The name with its ancestors: ``山西省晋中市太谷区``."""
        return "".join(r.name for r in [*self.ancestors(region), region])

    def is_within(self, code: str, ancestor: str) -> bool:
        """Whether division ``code`` is ``ancestor`` or lies inside it (retired codes resolved)."""
        try:
            region = self.resolve(code)
            outer = self.resolve(ancestor)
        except RegionNotFoundError:
            return False
        return region == outer or outer in self.ancestors(region)

    def _by_path(self, name: str, *, current: bool) -> list[Region]:
        # Try each split "ancestor + rest" where the ancestor names a known division that
        # strictly contains the rest (晋中晋中 is no path).
        found: list[Region] = []
        for cut in range(2, len(name) - 1):
            head, tail = name[:cut], name[cut:]
            for outer in self._by_name.get(head, ()):
                if outer.current:
                    found.extend(
                        inner
                        for inner in self.find(tail, current=current)
                        if inner.code != outer.code and self.is_within(inner.code, outer.code)
                    )
        return list(dict.fromkeys(found))


def _code_key(region: Region) -> str:
    return region.code


@functools.cache
def region_table() -> RegionTable:
    """The bundled GB/T 2260 table (its date is ``region_table().edition``), read once."""
    text = resources.files("sci_workers_day.data").joinpath("regions.tsv").read_text("utf-8")
    return RegionTable.from_tsv(text)
