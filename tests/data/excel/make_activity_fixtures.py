"""Make the activity-list fixtures: openpyxl lays them out, LibreOffice saves them.

Run from the project root (needs LibreOffice's ``soffice`` on the PATH)::

    .venv/bin/python tests/data/excel/make_activity_fixtures.py

It writes, next to this script:

- ``activities_recommended_list.xlsx`` / ``.xls``: attachment 2 of 市科发〔2024〕13号
  (seed 002) as the office would keep it: "附件2", a title, the header repeated before
  row 15 (a page break), the cells that stand for "same as above" merged, and the names
  with the line-wrap spaces of the published text.
- ``activities_recommended_list_gb18030.csv``: the same list saved as CSV in GB18030, the
  encoding Excel and WPS use on Chinese Windows; CSV has no merges, so those cells are blank.
- ``activities_schedule.xlsx``: the schedule of the 2025 Taiyuan notice (seed 001), with
  section rows merged across the table, 时间 phrases, one real date cell and several units
  in a cell.

The test suite reads only the committed files; it never runs this script or LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

HERE = Path(__file__).parent

# Attachment 2 of seed 002, cell by cell; None where the published table leaves a cell blank.
RECOMMENDED = [
    (1, "“致敬时代追光人” 科学表演秀", "晋中市科技馆", "晋中市科学技术协会"),
    (2, "“玩转科技 探索奥秘” 趣味小课堂", None, None),
    (3, "“繁星追梦 致敬科学家” 网络原创视频推送", None, None),
    (4, "“科学家精神进校园” 主题活动", None, None),
    (5, "高校青年进企业观晋中", "晋中市部分企业", "晋中市科学技术协会 晋中市科学技术局"),
    (6, "珍爱地球，人与自然 和谐共生", "晋中市城市规划展示馆", "晋中市规划和自然资源局"),
    (
        7,
        "【数字资源鉴赏空间】 纪录片《影响世界的 中国植物》",
        "晋中市图书馆",
        "晋中市文化旅游局",
    ),
    (8, "晋小图百科—科学 小实验《特工秘信》", None, None),
    (9, "哲学社科普及图书展", None, None),
    (
        10,
        "高粱特色文化之旅 体验活动",
        "山西农业大学高粱文化文 化科普基地",
        "山西农业大学高粱 研究所",
    ),
    (
        11,
        "消防科普活动",
        "综改示范区晋中开发区消 防救援大队科普教育馆",
        "晋中市消防救援支队",
    ),
    (
        12,
        "青少年无人机航空 科普基地实践活动",
        "云智慧无人机航空科普基 地",
        "综改示范区晋中开发 区科技服务中心",
    ),
    (13, "晋中市太谷区青少年 无线电测向竞赛活动", "晋中市太谷区滨河公园", "太谷区科学技术局"),
    (
        14,
        "核桃种植、加工技术科普 宣传活动",
        "左权县麻田顺康天然 农产品有限公司",
        "左权县发展改革和 科技局",
    ),
    (
        15,
        "“创新引领未来，科普圆我梦想”科普活动",
        "平遥唐营源公司",
        "平遥县发展和改革委员会",
    ),
]
RECOMMENDED_HEADER = ("序号", "推荐活动", "举办地点", "推荐单位")

# The schedule of seed 001: (section,) or (name, 内容, 时间, 地点, 举办单位).
SCHEDULE: list[tuple[object, ...]] = [
    ("一、科技活动周主场活动和主要示范活动",),
    (
        "2025年太原市暨小店区科技活动周启动仪式",
        None,
        dt.date(2025, 5, 26),  # typed into Excel as a date, not as text
        "小店区新时代文明实践中心广场",
        "市科技局、市委宣传部、市科协、中共太原市小店区委、小店区人民政府",
    ),
    (
        "“校企双进”成果转化对接活动",
        "对驻并高校、企业进行调研摸底，根据高校技术成果及企业的技术需求，进行精准对接，"
        "进一步深化企业与高校之间的科技创新合作。",
        "5月27日",
        "中北大学",
        "市科技局",
    ),
    (
        "太原国家可持续发展议程创新示范区宣介活动",
        "聚焦示范区建设，开展宣传。",
        "5月上旬至6月上旬",
        None,
        "市科技局",
    ),
    (
        "太原市“科技活动周+信用”活动",
        "普及社会信用政策与知识。",
        "5月24日-5月31日",
        None,
        "市科技局、市信用办",
    ),
    ("二、“科技工作者日”系列活动",),
    (
        "“科技工作者日”太原主场活动",
        None,
        "5月30日",
        "太原市杏花岭区化工路小学",
        "市科协、市委宣传部、市科技局、中共太原市杏花岭区委、杏花岭区人民政府",
    ),
    (
        "慰问科技工作者活动",
        "组织慰问老科学家和一线科技工作者，向科技工作者表达节日祝福。",
        "5月30日前后",
        None,
        "市科协",
    ),
    (
        "志愿服务进基层科普活动",
        "深入社区、农村、企业、学校、机关单位、科普教育基地等，开展科技志愿服务。",
        "5月-6月",
        "太原市各社区、农村、企业、学校、机关单位、科普教育基地",
        "市科协",
    ),
    ("三、特色群众性实践活动",),
    (
        "卫生健康科普系列活动",
        "举办戒烟日科普宣传、急救知识科普、疫苗知识科普、社区义诊等活动。",
        "5月下旬至6月上旬",
        "部分市级医院、卫生服务站等",
        "市卫健委、各市级医院",
    ),
    (
        "弘扬科学家精神科普宣传系列活动",
        "举办科学家精神进校园、进社区以及主题展览、科普知识竞赛等活动。",
        "5月下旬至6月上旬",
        "部分中小学校、科学家精神山西省科普基地",
        "市科协、科学家精神山西省科普基地",
    ),
    (
        "其他群众性特色活动",
        "举办钢铁巨龙诞生记、植此晋彩、青少年机器人竞赛等群众性实践活动。",
        "5月下旬至6月上旬",
        None,
        "市科协、有关县(市、区)、部分省科普基地",
    ),
]
SCHEDULE_HEADER = ("活动名称", "内容", "时间", "地点", "举办单位")


def _title(sheet: Worksheet, row: int, text: str, width: int) -> None:
    sheet.cell(row, 1, text).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def _header(sheet: Worksheet, row: int, labels: tuple[str, ...]) -> None:
    for column, label in enumerate(labels, start=1):
        sheet.cell(row, column, label).font = Font(bold=True)


def recommended_list() -> Workbook:
    """Attachment 2 of seed 002, blank "same as above" cells merged with the cell above."""
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = "推荐清单"
    sheet.cell(1, 1, "附件2")
    _title(sheet, 2, "2024 晋中市科技活动周特色科技活动推荐清单", 4)
    _header(sheet, 3, RECOMMENDED_HEADER)
    row = 4
    for number, name, place, unit in RECOMMENDED:
        if number == 15:  # the published list starts a new page, header repeated
            _header(sheet, row, RECOMMENDED_HEADER)
            row += 1
        for column, value in enumerate((number, name, place, unit), start=1):
            sheet.cell(row, column, value).alignment = Alignment(wrap_text=True)
        row += 1
    for first, last in ((4, 7), (10, 12)):  # items 1-4 and 7-9 share their place and unit
        for column in (3, 4):
            sheet.merge_cells(start_row=first, start_column=column, end_row=last, end_column=column)
    for letter, width in zip("ABCD", (6, 40, 30, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    return book


def schedule() -> Workbook:
    """The schedule of seed 001, section rows merged across the table."""
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = "活动安排"
    _title(sheet, 1, "2025年太原市科技活动周暨科技工作者日活动安排", 5)
    _header(sheet, 2, SCHEDULE_HEADER)
    for row, values in enumerate(SCHEDULE, start=3):
        if len(values) == 1:
            _title(sheet, row, str(values[0]), 5)
            continue
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row, column, value)
            if isinstance(value, dt.date):
                cell.number_format = 'm"月"d"日"'
    for letter, width in zip("ABCDE", (36, 50, 18, 30, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    return book


def convert(source: Path, target: str, outdir: Path, filter_options: str = "") -> Path:
    """Save ``source`` as ``target`` (a suffix) with LibreOffice into ``outdir``."""
    subprocess.run(  # noqa: S603 - fixed arguments, run by hand by a developer
        [  # noqa: S607 - soffice is found on the PATH on purpose
            "soffice",
            "--headless",
            "--convert-to",
            target + filter_options,
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    return outdir / f"{source.stem}.{target}"


def main() -> None:
    """Write the fixtures next to this script."""
    if shutil.which("soffice") is None:
        sys.exit("soffice (LibreOffice) is needed to make the fixtures")
    with tempfile.TemporaryDirectory() as temp:
        drafts = Path(temp) / "drafts"  # soffice will not overwrite its own source
        saved = Path(temp) / "saved"
        drafts.mkdir()
        saved.mkdir()
        for name, book in (
            ("activities_recommended_list", recommended_list()),
            ("activities_schedule", schedule()),
        ):
            book.save(drafts / f"{name}.xlsx")
            shutil.copy(convert(drafts / f"{name}.xlsx", "xlsx", saved), HERE)
        listing = drafts / "activities_recommended_list.xlsx"
        shutil.copy(convert(listing, "xls", saved), HERE)
        # Field separator 44 (comma), text delimiter 34 ("), character set 85: LibreOffice's
        # number for GB18030 (it ignores the name "GB18030" and writes UTF-8).
        csv = convert(listing, "csv", saved, ":Text - txt - csv (StarCalc):44,34,85")
        shutil.copy(csv, HERE / "activities_recommended_list_gb18030.csv")


if __name__ == "__main__":
    main()
