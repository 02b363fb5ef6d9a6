"""Activity lists: the seed lists read by label, errors located, written lists read back."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import field_validator

from sci_workers_day.dates import DateWindow
from sci_workers_day.errors import WorkbookError
from sci_workers_day.formats import _grid
from sci_workers_day.formats import activities as module
from sci_workers_day.formats.activities import load_activities, write_activities
from sci_workers_day.model.activity import Activity, ActivityMode
from sci_workers_day.model.organizer import Organizer
from sci_workers_day.model.venue import Venue
from sci_workers_day.testing import date_windows

DATA = Path(__file__).parent.parent / "data" / "excel"

# Attachment 2 of seed 002 as it should read: (name, venue, recommending units).
MUSEUM = ("晋中市科技馆", ("晋中市科学技术协会",))
LIBRARY = ("晋中市图书馆", ("晋中市文化旅游局",))
RECOMMENDED = [
    ("“致敬时代追光人”科学表演秀", *MUSEUM),
    ("“玩转科技探索奥秘”趣味小课堂", *MUSEUM),
    ("“繁星追梦致敬科学家”网络原创视频推送", *MUSEUM),
    ("“科学家精神进校园”主题活动", *MUSEUM),
    ("高校青年进企业观晋中", "晋中市部分企业", ("晋中市科学技术协会", "晋中市科学技术局")),
    ("珍爱地球，人与自然和谐共生", "晋中市城市规划展示馆", ("晋中市规划和自然资源局",)),
    ("【数字资源鉴赏空间】纪录片《影响世界的中国植物》", *LIBRARY),
    ("晋小图百科—科学小实验《特工秘信》", *LIBRARY),
    ("哲学社科普及图书展", *LIBRARY),
    ("高粱特色文化之旅体验活动", "山西农业大学高粱文化文化科普基地", ("山西农业大学高粱研究所",)),
    (
        "消防科普活动",
        "综改示范区晋中开发区消防救援大队科普教育馆",
        ("晋中市消防救援支队",),
    ),
    (
        "青少年无人机航空科普基地实践活动",
        "云智慧无人机航空科普基地",
        ("综改示范区晋中开发区科技服务中心",),
    ),
    ("晋中市太谷区青少年无线电测向竞赛活动", "晋中市太谷区滨河公园", ("太谷区科学技术局",)),
    (
        "核桃种植、加工技术科普宣传活动",
        "左权县麻田顺康天然农产品有限公司",
        ("左权县发展改革和科技局",),
    ),
    ("“创新引领未来，科普圆我梦想”科普活动", "平遥唐营源公司", ("平遥县发展和改革委员会",)),
]


def recommended(name: str, venue: str | None, units: tuple[str, ...]) -> Activity:
    """An activity of a recommended list: name, place and recommending units."""
    return Activity(
        name=name,
        venues=(Venue(name=venue),) if venue else (),
        recommended_by=tuple(Organizer(name=unit) for unit in units),
    )


def write_csv(path: Path, rows: list[list[Any]]) -> Path:
    """Rows as a UTF-8 CSV file, as a unit's spreadsheet would save them."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def one(path: Path, header: list[str], row: list[Any], **options: Any) -> Activity:
    """The single activity of a CSV list with ``header`` and one ``row``."""
    [activity] = load_activities(write_csv(path / "list.csv", [header, row]), **options)
    return activity


# --- the seed lists -----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["xlsx", "xls"])
def test_recommended_list(suffix: str, backend: str) -> None:
    """Seed 002's list reads whole: merged cells filled down, repeated header skipped."""
    if suffix == "xls" and _grid._calamine() is None:
        pytest.skip(f".xls needs python-calamine, not read with {backend}")
    read = load_activities(DATA / f"activities_recommended_list.{suffix}")
    assert read == [recommended(*item) for item in RECOMMENDED]


def test_recommended_list_csv_gb18030() -> None:
    """The list saved as GB18030 CSV reads; blank cells, no longer merged, stay blank."""
    path = DATA / "activities_recommended_list_gb18030.csv"
    with pytest.raises(UnicodeDecodeError):  # the fixture really is GB18030, not UTF-8
        path.read_bytes().decode("utf-8")
    read = load_activities(path)
    blank = {1, 2, 3, 7, 8}  # the rows whose place and unit were "same as above"
    expected = [
        recommended(name, None, ()) if index in blank else recommended(name, venue, units)
        for index, (name, venue, units) in enumerate(RECOMMENDED)
    ]
    assert read == expected


@pytest.mark.usefixtures("backend")  # each reader: python-calamine, openpyxl
def test_schedule() -> None:
    """Seed 001's schedule: sections, 时间 phrases in the title's year, a date cell, units."""
    read = load_activities(DATA / "activities_schedule.xlsx")
    assert [a.section for a in read] == [
        *["科技活动周主场活动和主要示范活动"] * 4,
        *["“科技工作者日”系列活动"] * 3,
        *["特色群众性实践活动"] * 3,
    ]
    opening = read[0]
    assert opening.window == DateWindow.day(dt.date(2025, 5, 26))  # a date cell
    assert [o.name for o in opening.organizers] == [
        "市科技局",
        "市委宣传部",
        "市科协",
        "中共太原市小店区委",
        "小店区人民政府",
    ]
    assert opening.venues == (Venue(name="小店区新时代文明实践中心广场"),)
    assert read[2].window == DateWindow(dt.date(2025, 5, 1), dt.date(2025, 6, 10))
    assert read[3].window == DateWindow(dt.date(2025, 5, 24), dt.date(2025, 5, 31))
    assert read[5].window is not None
    assert read[5].window.approximate  # 5月30日前后
    assert read[1].description is not None
    assert read[1].description.startswith("对驻并高校、企业进行调研摸底")
    assert [o.name for o in read[-1].organizers] == ["市科协", "有关县(市、区)", "部分省科普基地"]
    assert [v.name for v in read[-2].venues] == ["部分中小学校", "科学家精神山西省科普基地"]


# --- reading rules ------------------------------------------------------------------------


def test_header_below_title_and_synonyms(tmp_path: Path) -> None:
    """The header is found below title rows, by any synonym, folded (full-width, spaces)."""
    rows = [
        ["2024年科普日活动安排", None],
        [],
        ["项目 名称", "活动内容", "举办时间", "活动地点", "主办单位", "承办单位", "参与对象"],
        ["科普讲座", "讲座", "5月30日", "科技馆", "市科协", "市科技局", "青少年"],
    ]
    [activity] = load_activities(write_csv(tmp_path / "list.csv", rows))
    assert activity == Activity(
        name="科普讲座",
        description="讲座",
        window=DateWindow.day(dt.date(2024, 5, 30)),
        venues=(Venue(name="科技馆"),),
        organizers=(Organizer(name="市科协"), Organizer(name="市科技局")),
        audience="青少年",
    )


@pytest.mark.parametrize(
    ("cell", "units"),
    [
        ("晋中市科学技术协会 晋中市科学技术局", ["晋中市科学技术协会", "晋中市科学技术局"]),
        ("山西农业大学高粱 研究所", ["山西农业大学高粱研究所"]),
        ("市科协、市科技局，市委宣传部", ["市科协", "市科技局", "市委宣传部"]),
        ("市科协;市科技局；市卫健委/市教育局", ["市科协", "市科技局", "市卫健委", "市教育局"]),
        ("市科协\n中北大学", ["市科协", "中北大学"]),
        ("市科协、有关县（市、区）", ["市科协", "有关县（市、区）"]),
        (" 市科协 、 ", ["市科协"]),
    ],
)
def test_units_split(tmp_path: Path, cell: str, units: list[str]) -> None:
    """Units split at separators and after complete names, not inside brackets or wraps."""
    activity = one(tmp_path, ["活动名称", "举办单位"], ["讲座", cell])
    assert [o.name for o in activity.organizers] == units


@pytest.mark.parametrize(
    ("cell", "name"),
    [
        ("珍爱地球，人与自然 和谐共生", "珍爱地球，人与自然和谐共生"),
        ("“致敬时代追光人” 科学表演秀", "“致敬时代追光人”科学表演秀"),
        ("AI  科普\n讲座", "AI 科普讲座"),
        ("Science  Day 2024", "Science Day 2024"),
    ],
)
def test_white_space_tidied(tmp_path: Path, cell: str, name: str) -> None:
    """Wrapping spaces go between CJK characters; elsewhere white space becomes one space."""
    assert one(tmp_path, ["推荐活动"], [cell]).name == name


def test_section_rows_in_csv(tmp_path: Path) -> None:
    """A numbered row alone sets the section (ordinal dropped); a 栏目 column overrides it."""
    rows = [
        ["活动名称", "时间", "栏目"],
        ["（一）主场活动"],
        ["启动仪式", "2024年5月25日", ""],
        ["二、示范活动", "", ""],
        ["科普讲座", "", "线上专栏"],
        ["科普展览", "", ""],
    ]
    read = load_activities(write_csv(tmp_path / "list.csv", rows))
    assert [(a.name, a.section) for a in read] == [
        ("启动仪式", "主场活动"),
        ("科普讲座", "线上专栏"),
        ("科普展览", "示范活动"),
    ]


@pytest.mark.usefixtures("backend")  # each reader: python-calamine, openpyxl
def test_merged_cells_fill_down_only_their_column(tmp_path: Path) -> None:
    """A vertical merge fills every row; a merge across columns gives its value to one."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["活动名称", "举办地点", "推荐单位"])
    sheet.append(["甲", "科技馆", None])
    sheet.append(["乙", None, None])
    sheet.append(["丙", "图书馆", None])
    sheet.merge_cells("B2:B3")
    sheet.merge_cells("B4:C4")
    book.save(tmp_path / "merged.xlsx")
    read = load_activities(tmp_path / "merged.xlsx")
    assert [([v.name for v in a.venues], a.recommended_by) for a in read] == [
        (["科技馆"], ()),
        (["科技馆"], ()),
        (["图书馆"], ()),
    ]


@pytest.mark.usefixtures("backend")  # each reader: python-calamine, openpyxl
def test_times_and_dates(tmp_path: Path) -> None:
    """Date cells are one-day windows (a clock time kept); phrases take the title's year."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["2026年科技活动周"])
    sheet.append(["活动名称", "时间"])
    sheet.append(["甲", dt.datetime(2026, 5, 25, 9, 30)])
    sheet.append(["乙", dt.date(2026, 5, 26)])
    sheet.append(["丙", "5月下旬"])
    sheet.append(["丁", "2025年6月1日"])
    book.save(tmp_path / "times.xlsx")
    windows = [a.window for a in load_activities(tmp_path / "times.xlsx")]
    assert windows == [
        DateWindow(dt.date(2026, 5, 25), dt.date(2026, 5, 25), start_time=dt.time(9, 30)),
        DateWindow.day(dt.date(2026, 5, 26)),
        DateWindow(dt.date(2026, 5, 21), dt.date(2026, 5, 31)),
        DateWindow.day(dt.date(2025, 6, 1)),
    ]


def test_unreadable_values_kept_in_description(tmp_path: Path) -> None:
    """A time that is no date, a form that is no mode and unknown columns go to description."""
    header = ["活动名称", "内容", "时间", "活动形式", "备注", "联系人"]
    activity = one(tmp_path, header, ["讲座", "科普", "待定", "讲座", "需报名", "张三"])
    assert activity.window is None
    assert activity.mode is None
    assert activity.description == "科普；时间：待定；活动形式：讲座；备注：需报名；联系人：张三"


def test_second_column_of_a_field_and_unlabelled_columns(tmp_path: Path) -> None:
    """A second 内容 column is kept in description; a column without a label is not read."""
    activity = one(tmp_path, ["活动名称", "内容", "", "内容"], ["讲座", "科普", "x", "展览"])
    assert activity.description == "科普；内容：展览"


def test_phrase_without_year(tmp_path: Path) -> None:
    """A phrase without a year is kept as text, or read in the ``year`` the caller gives."""
    header = ["活动名称", "时间"]
    assert one(tmp_path, header, ["讲座", "5月26日"]).description == "时间：5月26日"
    dated = one(tmp_path, header, ["讲座", "5月26日"], year=2024)
    assert dated.window == DateWindow.day(dt.date(2024, 5, 26))


@pytest.mark.parametrize(
    ("cell", "mode"),
    [
        ("线上", ActivityMode.ONLINE),
        ("线下", ActivityMode.OFFLINE),
        ("线上线下", ActivityMode.HYBRID),
        ("线上+线下相结合", ActivityMode.HYBRID),
    ],
)
def test_modes(tmp_path: Path, cell: str, mode: ActivityMode) -> None:
    """形式 reads 线上, 线下 and both."""
    assert one(tmp_path, ["活动名称", "形式"], ["讲座", cell]).mode == mode


def test_blank_rows_and_lone_numbers_skipped(tmp_path: Path) -> None:
    """Blank rows and rows holding only a 序号 (an unfilled template line) are no activities."""
    rows = [["序号", "活动名称"], ["1", "讲座"], [], ["2", ""], ["3", "展览"]]
    read = load_activities(write_csv(tmp_path / "list.csv", rows))
    assert [a.name for a in read] == ["讲座", "展览"]


@pytest.mark.usefixtures("backend")  # each reader: python-calamine, openpyxl
def test_sheets_without_header_skipped(tmp_path: Path) -> None:
    """Every sheet with a header is read; a sheet without one (a cover, notes) is skipped."""
    book = openpyxl.Workbook()
    cover = book.active
    assert cover is not None
    cover.append(["说明：请按要求填写"])
    for title, name in (("一", "讲座"), ("二", "展览")):
        sheet = book.create_sheet(title)
        sheet.append(["活动名称"])
        sheet.append([name])
    book.save(tmp_path / "sheets.xlsx")
    assert [a.name for a in load_activities(tmp_path / "sheets.xlsx")] == ["讲座", "展览"]


# --- errors -------------------------------------------------------------------------------


def test_no_header(tmp_path: Path) -> None:
    """A table without a name-like column is refused, naming the file."""
    path = write_csv(tmp_path / "list.csv", [["序号", "地点"], ["1", "科技馆"]])
    with pytest.raises(WorkbookError, match="找不到活动名称列") as caught:
        load_activities(path)
    assert caught.value.file == "list.csv"


@pytest.mark.usefixtures("backend")  # each reader: python-calamine, openpyxl
def test_row_without_name(tmp_path: Path) -> None:
    """A row with values but a blank name is refused at the name's cell."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "清单"
    sheet.append(["序号", "活动名称", "举办地点"])
    sheet.append([1, "讲座", "科技馆"])
    sheet.append([2, None, "图书馆"])
    book.save(tmp_path / "list.xlsx")
    with pytest.raises(WorkbookError, match="活动名称为空") as caught:
        load_activities(tmp_path / "list.xlsx")
    error = caught.value
    assert (error.file, error.sheet, error.cell) == ("list.xlsx", "清单", "B3")


def test_refused_value_names_its_cell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A value the model refuses becomes a WorkbookError at that value's cell."""

    class Strict(Activity):
        """An activity whose audience is at most two characters."""

        @field_validator("audience")
        @classmethod
        def _short(cls, value: str | None) -> str | None:
            if value and len(value) > 2:
                msg = "audience too long"
                raise ValueError(msg)
            return value

    monkeypatch.setattr(module, "Activity", Strict)
    path = write_csv(tmp_path / "list.csv", [["活动名称", "面向对象"], ["讲座", "科技工作者"]])
    with pytest.raises(WorkbookError, match="audience too long") as caught:
        load_activities(path)
    assert caught.value.cell == "B2"


def test_not_a_workbook(tmp_path: Path) -> None:
    """Text saved under .xlsx is refused as a WorkbookError naming the file."""
    path = tmp_path / "list.xlsx"
    path.write_text("活动名称\n讲座\n", encoding="utf-8")
    with pytest.raises(WorkbookError, match="not a workbook") as caught:
        load_activities(path)
    assert caught.value.file == "list.xlsx"


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2048), suffix=st.sampled_from([".xlsx", ".xls", ".csv", ".txt"]))
def test_random_bytes_raise_only_workbook_error(tmp_path: Path, data: bytes, suffix: str) -> None:
    """Arbitrary bytes either read or raise WorkbookError, never another exception."""
    path = tmp_path / f"junk{suffix}"
    path.write_bytes(data)
    with contextlib.suppress(WorkbookError):
        load_activities(path)


def test_unsupported_suffix(tmp_path: Path) -> None:
    """Writing asks for .xlsx or .csv."""
    with pytest.raises(ValueError, match=r"use \.xlsx or \.csv"):
        write_activities([Activity(name="讲座")], tmp_path / "list.ods")


# --- writing and round trips --------------------------------------------------------------

_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_NAME_CHARS = st.one_of(_CJK, st.sampled_from("0123456789ABCxyz·"))
_LATIN = st.text("abcXYZ0123=+-@.'", min_size=1, max_size=8)
_CHINESE = st.text(st.one_of(_CJK, st.sampled_from("，。：、“”《》（）")), min_size=1, max_size=12)
_LABELS = {"活动名称", "推荐活动", "活动项目", "项目名称", "名称"}


@st.composite
def free_text(draw: st.DrawFn) -> str:
    """Text as a list holds it: Chinese runs and Latin words, a space only beside Latin.

    This is the projection of free text: no line breaks, no space between two CJK
    characters, no runs of spaces; a single space where a Latin word stands on one side.
    """
    words = draw(st.lists(st.one_of(_CHINESE, _LATIN), min_size=1, max_size=4))
    tokens: list[str] = []
    for word in words:  # Chinese runs that follow each other are one run
        chinese = not word[0].isascii()
        if tokens and chinese and not tokens[-1][-1].isascii():
            tokens[-1] += word
        else:
            tokens.append(word)
    text = " ".join(tokens)
    # A CSV cell that starts with ' before a formula character loses the ' (see _text.unquote).
    return "x" + text if text.startswith("'") else text


def unit_names() -> st.SearchStrategy[str]:
    """Names of units and venues: no separators, no white space, brackets balanced."""
    plain = st.text(_NAME_CHARS, min_size=1, max_size=12)
    return plain | st.builds("{}（{}）".format, plain, plain)


@st.composite
def listed_activities(draw: st.DrawFn) -> Activity:
    """Activities a list can carry: free text, any window and mode, units by name only."""
    names = st.lists(unit_names(), max_size=3).map(tuple)
    return Activity(
        name=draw(free_text().filter(lambda name: name not in _LABELS)),
        description=draw(st.none() | free_text()),
        section=draw(st.none() | free_text()),
        window=draw(st.none() | date_windows()),
        venues=tuple(Venue(name=name) for name in draw(names)),
        organizers=tuple(Organizer(name=name) for name in draw(names)),
        recommended_by=tuple(Organizer(name=name) for name in draw(names)),
        mode=draw(st.none() | st.sampled_from(ActivityMode)),
        audience=draw(st.none() | free_text()),
    )


def check_round_trip(suffix: str) -> None:
    """Activities within the projection read back equal from a list written as ``suffix``."""
    titles = st.none() | free_text().filter(lambda title: title not in _LABELS)

    @given(st.lists(listed_activities(), max_size=5), titles)
    def check(activities: list[Activity], title: str | None) -> None:
        with tempfile.TemporaryDirectory() as temp:
            path = Path(temp) / f"list.{suffix}"
            write_activities(activities, path, title=title)
            assert load_activities(path) == activities

    check()


@pytest.mark.usefixtures("backend")  # each reader: python-calamine, openpyxl
def test_round_trip_xlsx() -> None:
    """Activities within the projection read back equal from a written workbook."""
    check_round_trip("xlsx")


def test_round_trip_csv() -> None:
    """Activities within the projection read back equal from a written CSV file."""
    check_round_trip("csv")


def test_written_workbook_layout(tmp_path: Path) -> None:
    """The workbook has a bold header under the title, then one row per activity."""
    activity = Activity(
        name="讲座",
        window=DateWindow(dt.date(2024, 5, 25), dt.date(2024, 6, 1)),
        organizers=(Organizer(name="市科协"), Organizer(name="市科技局")),
        mode=ActivityMode.HYBRID,
    )
    write_activities([activity], tmp_path / "list.xlsx", title="2024年科技活动周活动安排")
    sheet = openpyxl.load_workbook(tmp_path / "list.xlsx").active
    assert sheet is not None
    assert sheet["A1"].value == "2024年科技活动周活动安排"
    assert [cell.value for cell in sheet[2]][:6] == [
        "序号",
        "活动名称",
        "内容",
        "时间",
        "地点",
        "举办单位",
    ]
    assert sheet["B2"].font.bold
    assert [cell.value for cell in sheet[3]][:8] == [
        1,
        "讲座",
        None,
        "2024年5月25日至6月1日",
        None,
        "市科协、市科技局",
        None,
        "线上线下",
    ]


@pytest.mark.usefixtures("backend")  # each reader: python-calamine, openpyxl
def test_formula_injection_neutralised(tmp_path: Path) -> None:
    """Text such as =1+1 is written as text (xlsx string cell, CSV ') and reads back as is."""
    activity = Activity(name="=1+1", organizers=(Organizer(name="@SUM(A1)"),))
    write_activities([activity], tmp_path / "list.xlsx")
    write_activities([activity], tmp_path / "list.csv")
    sheet = openpyxl.load_workbook(tmp_path / "list.xlsx").active
    assert sheet is not None
    assert (sheet["B2"].data_type, sheet["B2"].value) == ("s", "=1+1")
    assert sheet["F2"].data_type == "s"
    rows = list(csv.reader((tmp_path / "list.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][1] == "'=1+1"
    assert rows[1][5] == "'@SUM(A1)"
    assert load_activities(tmp_path / "list.xlsx") == [activity]
    assert load_activities(tmp_path / "list.csv") == [activity]
