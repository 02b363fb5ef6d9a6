import datetime as dt

import pytest
from hypothesis import given

from sci_workers_day import Level, Region, RegionNotFoundError, RegionTable, region_table
from sci_workers_day.testing import region_codes

TABLE = region_table()


def test_edition_is_dated() -> None:
    """The bundled table says which edition of the code list it carries."""
    assert isinstance(TABLE.edition, dt.date)
    assert TABLE.edition >= dt.date(2021, 1, 1)


def test_covers_all_of_china() -> None:
    """34 provincial divisions, about 333 prefectures, about 2,800 county-level divisions."""
    by_level = dict.fromkeys(Level, 0)
    for region in TABLE:
        by_level[region.level] += 1
    assert by_level[Level.PROVINCIAL] == 34
    assert 320 <= by_level[Level.MUNICIPAL] <= 340
    assert 2_800 <= by_level[Level.COUNTY] <= 2_900
    assert len(TABLE) == sum(by_level.values())


def test_lookup_by_code() -> None:
    """Codes give divisions with their level and parent."""
    jinzhong = TABLE.get("140700")
    assert (jinzhong.name, jinzhong.level, jinzhong.parent_code) == (
        "晋中市",
        Level.MUNICIPAL,
        "140000",
    )
    taigu = TABLE.get("140703")
    assert (taigu.name, taigu.level, taigu.parent_code) == ("太谷区", Level.COUNTY, "140700")
    assert taigu.current
    assert str(taigu) == "太谷区 (140703)"


def test_taigu_county_resolves_to_district() -> None:
    """太谷县 140726 became 太谷区 140703 in 2019: the old code resolves to the new division."""
    old = TABLE.get("140726")
    assert old.name == "太谷县"
    assert not old.current
    assert old.retired is not None
    assert old.retired.startswith("2019")
    assert old.successors == ("140703",)
    assert TABLE.resolve("140726") == TABLE.get("140703")
    assert TABLE.lookup("140726").name == "太谷区"


def test_unknown_code() -> None:
    """An unknown code is a RegionNotFoundError (a LookupError), never a KeyError."""
    with pytest.raises(RegionNotFoundError):
        TABLE.get("999999")
    with pytest.raises(LookupError):
        TABLE.resolve("999999")
    assert "999999" not in TABLE
    assert "140703" in TABLE


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("太谷区", "140703"),
        ("太谷", "140703"),
        ("晋中市", "140700"),
        ("晋中", "140700"),
        ("山西省", "140000"),
        ("山西", "140000"),
        ("广西壮族自治区", "450000"),
        ("广西", "450000"),
        ("新疆", "650000"),
        ("杨陵区", "610403"),
        ("山西省晋中市太谷区", "140703"),
        ("晋中市太谷区", "140703"),
        ("晋中太谷", "140703"),
        ("山西 晋中", "140700"),
        ("左权县", "140722"),
        ("灵石县", "140729"),
    ],
)
def test_lookup_by_name(name: str, code: str) -> None:
    """Full names, short names and paths (ancestors first) find the one division."""
    assert TABLE.lookup(name).code == code


def test_ambiguous_name_needs_within() -> None:
    """朝阳区 exists in Beijing and Changchun: ``within`` settles which."""
    assert len(TABLE.find("朝阳区")) >= 2
    with pytest.raises(RegionNotFoundError):
        TABLE.lookup("朝阳区")
    assert TABLE.lookup("朝阳区", within="110000").code == "110105"


def test_retired_names_only_on_request() -> None:
    """Retired divisions are found by name only when asked for."""
    assert TABLE.find("太谷县") == []
    # 142429 was 太谷县 under 晋中地区 until 1999, 140726 under 晋中市 until 2019.
    old = TABLE.find("太谷县", current=False)
    assert [r.code for r in old] == ["140726", "142429"]
    assert {TABLE.resolve(r.code).code for r in old} == {"140703"}


def test_tree() -> None:
    """Parents, ancestors, children and full names follow the code tree."""
    taigu = TABLE.get("140703")
    assert [r.code for r in TABLE.ancestors(taigu)] == ["140000", "140700"]
    assert TABLE.full_name(taigu) == "山西省晋中市太谷区"
    assert TABLE.parent(TABLE.get("140000")) is None
    children = TABLE.children("140700")
    assert taigu in children
    assert all(child.parent_code == "140700" for child in children)
    assert TABLE.is_within("140703", "140000")
    assert TABLE.is_within("140726", "140700")
    assert not TABLE.is_within("140703", "610000")
    assert not TABLE.is_within("999999", "140000")


def test_divisions_directly_under_a_province() -> None:
    """County-level cities directly under a province (济源市) hang from the province."""
    jiyuan = TABLE.lookup("济源市")
    assert jiyuan.parent_code == "410000"
    beijing_district = TABLE.get("110101")
    assert beijing_district.parent_code == "110000"


@given(region_codes())
def test_every_current_code_resolves_to_itself(code: str) -> None:
    """A current code is its own resolution and lies within its province."""
    region = TABLE.resolve(code)
    assert region.code == code
    assert TABLE.is_within(code, code[:2] + "0000")


def test_every_retired_code_with_one_successor_resolves() -> None:
    """Every traced retirement leads to a current division."""
    traced = [r for r in TABLE.retired() if len(r.successors) == 1]
    assert traced
    for region in traced:
        assert TABLE.resolve(region.code).current


def test_table_from_text() -> None:
    """A table can be read from text in the bundled format; without an edition it is refused."""
    text = "# edition: 2024-12-31\ncode\tname\tretired\tsuccessors\n140000\t山西省\t\t\n"
    table = RegionTable.from_tsv(text)
    assert table.edition == dt.date(2024, 12, 31)
    assert list(table) == [Region("140000", "山西省", Level.PROVINCIAL)]
    with pytest.raises(ValueError, match="edition"):
        RegionTable.from_tsv("code\tname\n")


def test_level_labels() -> None:
    """Levels carry the Chinese labels designations use."""
    assert Level.NATIONAL.label == "国家级"
    assert Level.PROVINCIAL.label == "省级"


def test_lookup_by_retired_name_gives_the_successor() -> None:
    """A name that is no longer in use answers with the division that replaced it."""
    assert TABLE.lookup("太谷县").code == "140703"
    assert TABLE.lookup("晋中市太谷县").code == "140703"


def test_lookup_of_a_code_respects_within() -> None:
    """``within`` applies to codes too: 太谷区 is not in Shaanxi."""
    with pytest.raises(RegionNotFoundError, match="不在610000范围内"):
        TABLE.lookup("140703", within="610000")


def test_full_width_codes_are_read() -> None:
    """A code typed in full-width digits is the same code."""
    assert TABLE.lookup("１４０７０３").code == "140703"


def test_a_name_repeated_is_no_path() -> None:
    """晋中晋中 is not a path: the outer division must strictly contain the inner one."""
    assert TABLE.find("晋中晋中") == []


def test_ambiguous_lookup_names_the_candidates() -> None:
    """The error for an ambiguous name lists the divisions it could mean."""
    with pytest.raises(RegionNotFoundError, match="110105") as caught:
        TABLE.lookup("朝阳区")
    assert caught.value.reason is not None
    assert "名称不唯一" in caught.value.reason


SMALL = """# edition: 2024-12-31
code\tname\tretired\tsuccessors
140000\t山西省\t\t
140700\t晋中市\t\t
140703\t太谷区\t\t
142429\t太谷县\t1999-12\t140726
140726\t太谷县\t2019-12\t140703
140799\t合并县\t2010-12\t
140798\t分立县\t2010-12\t140703,140700
140797\t环一\t2010-12\t140796
140796\t环二\t2010-12\t140797
"""


def test_resolve_follows_chains() -> None:
    """A code retired twice resolves through its successor's successor."""
    table = RegionTable.from_tsv(SMALL)
    assert table.resolve("142429").code == "140703"


@pytest.mark.parametrize("code", ["140799", "140798", "140797"])
def test_resolve_refuses_what_it_cannot_trace(code: str) -> None:
    """Abolished, split and cyclic histories raise, saying why; they never loop or guess."""
    table = RegionTable.from_tsv(SMALL)
    with pytest.raises(RegionNotFoundError, match="无法确定承继区划"):
        table.resolve(code)
