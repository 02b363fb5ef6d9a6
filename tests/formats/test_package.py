"""load_submission, validate on packages and validate_packages: folders, zips and their traps."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sci_workers_day import (
    Campaign,
    Organizer,
    PackageError,
    ParseError,
    Photo,
    ShotType,
    StatisticsReturn,
    Submission,
    SummaryReport,
    Video,
    load_submission,
    validate,
    validate_packages,
    write_return,
)
from sci_workers_day.testing import valid_returns

MEDIA = Path(__file__).parents[1] / "data" / "packages" / "media"
DAY = dt.date(2024, 6, 8)
CAMPAIGN = Campaign.model_validate(
    {
        "title": "关于举办2024年晋中市科技活动周的通知",
        "kinds": ["science_week"],
        "year": 2024,
        "reporting": {
            "deadline": "2024-06-08",
            "max_video_seconds": 180,
            "required_shots": ["panorama", "close_up"],
            "materials": ["开展情况统计表", "总结报告", "影像资料"],
        },
    }
)
SIZES = {"photo_640x480.jpg": (640, 480), "photo_800x600.png": (800, 600)}


def _package(folder: Path, files: dict[str, bytes | Path]) -> Path:
    """A folder holding ``files`` (name inside the package → bytes or a file to copy)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copyfile(content, target)
        else:
            target.write_bytes(content)
    return folder


class _WindowsName(zipfile.ZipInfo):
    """An entry named as Windows' own zip tool names it: GBK bytes, no UTF-8 flag."""

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:  # noqa: N802 - zipfile's hook
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def _zip(folder: Path, target: Path, *, gbk: bool = False) -> Path:
    """Zip ``folder``; ``gbk`` writes names as Chinese Windows does."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                name = file.relative_to(folder).as_posix()
                info = _WindowsName(name) if gbk else zipfile.ZipInfo(name)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, file.read_bytes())
    return target


def _complete(folder: Path, unit: str = "太谷区科学技术局") -> Path:
    """A complete package: return, report, a panorama, a close-up and a 200 s video."""
    statistics = StatisticsReturn(reporting_unit=Organizer(name=unit), activity_count=12)
    return _package(
        folder,
        {
            "开展情况统计表.json": statistics.model_dump_json().encode(),
            "活动总结报告.txt": "2024年科技活动周总结\n本县共开展活动十二场。".encode(),
            "照片/启动仪式/全景1.jpg": MEDIA / "photo_640x480.jpg",
            "照片/启动仪式/特写1.png": MEDIA / "photo_800x600.png",
            "视频/宣传片.mov": MEDIA / "video_10s.mov",
        },
    )


def test_a_complete_folder(tmp_path: Path) -> None:
    """Every part of a folder is found, measured and named by its path in the package."""
    submission = load_submission(_complete(tmp_path / "太谷区"), submitted_on=DAY)
    assert submission.reporting_unit.name == "太谷区科学技术局"
    assert submission.statistics is not None
    assert submission.statistics.activity_count == 12
    assert submission.summary_report == SummaryReport(
        path="活动总结报告.txt", title="2024年科技活动周总结", characters=23
    )
    assert set(submission.photos) == {
        Photo(
            path="照片/启动仪式/全景1.jpg",
            width=640,
            height=480,
            shot_type="panorama",
            activity="启动仪式",
        ),
        Photo(
            path="照片/启动仪式/特写1.png",
            width=800,
            height=600,
            shot_type="close_up",
            activity="启动仪式",
        ),
    }
    (video,) = submission.videos
    assert video.duration_seconds == Decimal(10)
    assert video.format == "mov"
    assert video.size_bytes == (MEDIA / "video_10s.mov").stat().st_size
    assert submission.unplaced_files == ()
    assert validate(submission, campaign=CAMPAIGN).errors == ()


def test_a_zip_reads_like_its_folder(tmp_path: Path) -> None:
    """The same package zipped gives the same submission, its top folder dropped from units."""
    folder = _complete(tmp_path / "太谷区")
    archive = _zip(folder, tmp_path / "太谷区.zip")
    assert load_submission(archive, submitted_on=DAY) == load_submission(folder, submitted_on=DAY)


def test_gbk_names_from_windows_come_out_right(tmp_path: Path) -> None:
    """Names stored as GBK without the UTF-8 flag are decoded, never left as mojibake."""
    archive = _zip(_complete(tmp_path / "p"), tmp_path / "p.zip", gbk=True)
    with zipfile.ZipFile(archive) as raw:
        assert not any(info.flag_bits & 0x800 for info in raw.infolist())
    submission = load_submission(archive, submitted_on=DAY)
    assert {photo.path for photo in submission.photos} == {
        "照片/启动仪式/全景1.jpg",
        "照片/启动仪式/特写1.png",
    }
    assert submission.summary_report is not None
    assert submission.summary_report.path == "活动总结报告.txt"


def test_unit_from_the_package_name_when_there_is_no_return(tmp_path: Path) -> None:
    """No return: the unit is the package's name without years and 报送材料."""
    folder = _package(
        tmp_path / "2024年榆社县科技局-报送材料", {"a.jpg": MEDIA / "photo_640x480.jpg"}
    )
    submission = load_submission(folder, submitted_on=DAY)
    assert submission.reporting_unit.name == "榆社县科技局"
    report = validate(submission, campaign=CAMPAIGN)
    assert {"missing-return", "missing-summary-report", "missing-shot-type"} <= report.codes
    assert "unclassified-photo" in report.codes


def test_unknown_video_length_is_never_zero(tmp_path: Path) -> None:
    """A fragmented MP4 and an AVI have unknown length, and the report says so."""
    folder = _package(
        tmp_path / "p",
        {"a.mp4": MEDIA / "video_fragmented.mp4", "b.avi": b"RIFF....AVI LIST"},
    )
    submission = load_submission(folder, submitted_on=DAY)
    assert [v.duration_seconds for v in submission.videos] == [None, None]
    assert [v.format for v in submission.videos] == ["mp4", "avi"]
    findings = validate(submission, campaign=CAMPAIGN).findings
    assert [f.code for f in findings if f.code == "unknown-video-length"] == [
        "unknown-video-length",
        "unknown-video-length",
    ]


def test_validate_reads_a_package_path(tmp_path: Path) -> None:
    """``validate(path)`` on a zip reads it as a submission: late, too long, stray file."""
    folder = _complete(tmp_path / "太谷区")
    (folder / "Thumbs.db").write_bytes(b"junk")
    (folder / "说明.rar").write_bytes(b"Rar!")
    shutil.copyfile(MEDIA / "video_200s.mp4", folder / "视频" / "长片.mp4")
    archive = _zip(folder, tmp_path / "太谷区.zip")
    report = validate(
        archive,
        campaign=CAMPAIGN.model_copy(
            update={"reporting": CAMPAIGN.reporting.model_copy(update={"max_video_seconds": 100})}
        ),
    )  # type: ignore[union-attr]
    assert "video-too-long" in report.codes
    assert [f.code for f in report.findings if f.code == "unplaced-file"] == ["unplaced-file"]


def test_a_bad_value_in_the_return_is_a_finding_or_an_error(tmp_path: Path) -> None:
    """Validate reports a bad figure with its cell; load_submission refuses it, naming it."""
    folder = _package(
        tmp_path / "p", {"统计表.json": b'{"reporting_unit": {"name": "x"}, "activity_count": -3}'}
    )
    assert "negative-value" in validate(folder, campaign=CAMPAIGN).codes


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../../evil.txt", "leaves the package"),
        ("/etc/passwd", "leaves the package"),
        ("C:/x.txt", "leaves"),
    ],
)
def test_zip_slip_is_refused(tmp_path: Path, name: str, message: str) -> None:
    """An entry whose path would leave the package refuses the package."""
    archive = tmp_path / "p.zip"
    with zipfile.ZipFile(archive, "w") as raw:
        raw.writestr(zipfile.ZipInfo(name), b"x")
    with pytest.raises(PackageError, match=message) as raised:
        load_submission(archive, submitted_on=DAY)
    assert raised.value.file == "p.zip"


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    """An entry that unpacks hundreds of times its size is refused before anything is read."""
    archive = tmp_path / "p.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as raw:
        raw.writestr("a.txt", b"\0" * (50 * 1024 * 1024))
    with pytest.raises(PackageError, match="压缩炸弹"):
        load_submission(archive, submitted_on=DAY)


ZIP_TOOL = shutil.which("zip")


@pytest.mark.skipif(ZIP_TOOL is None, reason="needs the zip command")
def test_encrypted_zip_is_refused_by_name(tmp_path: Path) -> None:
    """A password-protected zip (made by the zip tool) gives a clear error."""
    (tmp_path / "a.txt").write_text("总结", encoding="utf-8")
    command = [str(ZIP_TOOL), "-q", "-P", "secret", str(tmp_path / "p.zip"), "a.txt"]
    subprocess.run(command, cwd=tmp_path, check=True)  # noqa: S603 - our own arguments
    with pytest.raises(PackageError, match="encrypted"):
        load_submission(tmp_path / "p.zip", submitted_on=DAY)


def test_damaged_zip_is_refused(tmp_path: Path) -> None:
    """A file that is no zip is a PackageError naming it."""
    archive = tmp_path / "p.zip"
    archive.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(PackageError, match="zip"):
        load_submission(archive, submitted_on=DAY)


def test_links_out_of_a_folder_are_not_followed(tmp_path: Path) -> None:
    """A symbolic link in a folder package is not read: it may point anywhere."""
    outside = tmp_path / "secret.txt"
    outside.write_text("x", encoding="utf-8")
    folder = _package(tmp_path / "p", {"a.jpg": MEDIA / "photo_640x480.jpg"})
    (folder / "link.txt").symlink_to(outside)
    submission = load_submission(folder, submitted_on=DAY)
    assert submission.unplaced_files == ()


def test_manifest_gives_shot_types_and_activities(tmp_path: Path) -> None:
    """A CSV manifest maps file names to shot types and activities."""
    folder = _package(
        tmp_path / "p",
        {
            "IMG_0001.jpg": MEDIA / "photo_640x480.jpg",
            "IMG_0002.jpg": MEDIA / "photo_640x480.jpg",
            "照片清单.csv": (
                "文件名,类型,活动\nIMG_0001.jpg,全景,启动仪式\nIMG_0002.jpg,特写照,启动仪式\n"
            ).encode(),
        },
    )
    submission = load_submission(folder, submitted_on=DAY)
    assert {(p.path, p.shot_type, p.activity) for p in submission.photos} == {
        ("IMG_0001.jpg", ShotType.PANORAMA, "启动仪式"),
        ("IMG_0002.jpg", ShotType.CLOSE_UP, "启动仪式"),
    }
    assert submission.unplaced_files == ()


def test_submitted_on_defaults_to_the_newest_date_the_zip_records(tmp_path: Path) -> None:
    """Without ``submitted_on``, the newest entry date stored in the zip stands in."""
    archive = tmp_path / "p.zip"
    with zipfile.ZipFile(archive, "w") as raw:
        raw.writestr(zipfile.ZipInfo("a.txt", (2024, 6, 3, 9, 0, 0)), "总结")
        raw.writestr(zipfile.ZipInfo("b.txt", (2024, 6, 9, 23, 0, 0)), "附件")
    assert load_submission(archive).submitted_on == dt.date(2024, 6, 9)


def test_validate_packages_sorts_an_inbox(tmp_path: Path) -> None:
    """One result per package; complete, late, incomplete, unreadable and missing units."""
    good = _complete(tmp_path / "太谷区", "太谷区科学技术局")
    late = _complete(tmp_path / "榆次区", "榆次区科学技术局")
    thin = _package(tmp_path / "左权县科技局", {"a.jpg": MEDIA / "photo_640x480.jpg"})
    broken = tmp_path / "平遥县.zip"
    broken.write_bytes(b"not a zip")
    inbox = validate_packages(
        [good, late, thin, broken],
        campaign=CAMPAIGN,
        submitted_on={"太谷区": DAY, "榆次区": DAY + dt.timedelta(days=2), "左权县科技局": DAY},
        expected_units=[
            "太谷区科学技术局",
            "榆次区科学技术局",
            "左权县科技局",
            Organizer(name="和顺县科技局"),
        ],
    )
    assert inbox.complete == ("太谷区科学技术局",)
    assert inbox.late == ("榆次区科学技术局",)
    assert inbox.incomplete == ("左权县科技局",)  # late alone is 逾期, not 需修改
    assert inbox.unreadable == ("平遥县.zip",)
    assert inbox.missing == ("和顺县科技局",)
    assert "未报送（1）：和顺县科技局" in inbox.summary()


# --- property: a package built from random parts loads back to the same Submission --------

_PHOTO_FILES = sorted(SIZES)
_SHOT_WORDS = {None: "活动", ShotType.PANORAMA: "全景", ShotType.CLOSE_UP: "特写"}


@attrs.frozen
class _Parts:
    """What a random package holds."""

    returned: StatisticsReturn | None
    photos: list[tuple[str, ShotType | None, bool]]
    videos: int
    report: str | None
    zipped: bool
    gbk: bool


_PARTS = st.builds(
    _Parts,
    returned=st.none() | valid_returns(),
    photos=st.lists(
        st.tuples(st.sampled_from(_PHOTO_FILES), st.sampled_from(list(_SHOT_WORDS)), st.booleans()),
        max_size=4,
    ),
    videos=st.integers(0, 2),
    report=st.none() | st.text(alphabet="科技活动周总结报告本县开展 \n", min_size=1, max_size=40),
    zipped=st.booleans(),
    gbk=st.booleans(),
)


def _expected_report(text: str | None) -> SummaryReport | None:
    if text is None:
        return None
    first = next((line.strip() for line in text.splitlines() if line.strip()), "总结报告")
    return SummaryReport(path="总结报告.txt", title=first, characters=len("".join(text.split())))


@given(parts=_PARTS)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_a_package_of_random_parts_loads_back(
    tmp_path_factory: pytest.TempPathFactory, parts: _Parts
) -> None:
    """Whatever parts a package holds, folder or zip, load_submission gives back exactly those."""
    folder = tmp_path_factory.mktemp("package") / "和顺县科技局"
    files: dict[str, bytes | Path] = {}
    media: list[Photo | Video] = []
    for number, (source, shot, in_folder) in enumerate(parts.photos):
        name = f"{'科普讲座/' if in_folder else ''}{_SHOT_WORDS[shot]}{number}{Path(source).suffix}"
        files[name] = MEDIA / source
        width, height = SIZES[source]
        activity = "科普讲座" if in_folder else None
        media.append(
            Photo(path=name, width=width, height=height, shot_type=shot, activity=activity)
        )
    size = (MEDIA / "video_200s.mp4").stat().st_size
    for number in range(parts.videos):
        files[f"视频{number}.mp4"] = MEDIA / "video_200s.mp4"
        media.append(
            Video(path=f"视频{number}.mp4", duration_seconds=200, size_bytes=size, format="mp4")
        )
    if parts.returned is not None:
        files["统计表.json"] = parts.returned.model_dump_json().encode()
    if parts.report is not None:
        files["总结报告.txt"] = parts.report.encode()
    _package(folder, files)
    archive = folder.parent / "和顺县科技局.zip"
    source = _zip(folder, archive, gbk=parts.gbk) if parts.zipped else folder
    submission = load_submission(source, submitted_on=DAY)
    expected = Submission(
        reporting_unit=parts.returned.reporting_unit
        if parts.returned
        else {"name": "和顺县科技局"},
        submitted_on=DAY,
        statistics=parts.returned,
        media=sorted(media, key=lambda item: item.path),
        summary_report=_expected_report(parts.report),
    )
    assert submission == expected


def test_a_workbook_is_no_package(tmp_path: Path) -> None:
    """An .xlsx is a zip too: validate(path) still reads it as a return, not a package."""
    write_return(
        StatisticsReturn(reporting_unit=Organizer(name="太谷区"), activity_count=3),
        tmp_path / "a.xlsx",
    )
    assert validate(tmp_path / "a.xlsx").subject == "return"


def test_a_form_with_a_blank_unit_takes_the_packages(tmp_path: Path) -> None:
    """A return whose 填表单位 is blank belongs to the unit the package names."""
    folder = tmp_path / "左权县科技局"
    folder.mkdir()
    write_return(
        StatisticsReturn(reporting_unit=Organizer(name="x"), activity_count=3), folder / "表.xlsx"
    )
    book = openpyxl.load_workbook(folder / "表.xlsx")
    sheet = book["统计表"]
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == "x":
                cell.value = None
    book.save(folder / "表.xlsx")
    submission = load_submission(folder, submitted_on=DAY)
    assert submission.statistics is not None
    assert submission.statistics.reporting_unit.name == "左权县科技局"
    assert submission.reporting_unit.name == "左权县科技局"


def test_summary_reports_of_each_kind(tmp_path: Path) -> None:
    """A .docx report gives its first line and length; a .pdf its name; others are listed."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("太谷区科技活动周工作总结")
    document.add_paragraph("今年共开展活动十二场。")
    folder = tmp_path / "p"
    folder.mkdir()
    document.save(folder / "工作总结.docx")
    (folder / "通知原文.pdf").write_bytes(b"%PDF-1.7")
    submission = load_submission(folder, submitted_on=DAY)
    assert submission.summary_report == SummaryReport(
        path="工作总结.docx", title="太谷区科技活动周工作总结", characters=23
    )
    assert submission.unplaced_files == ("通知原文.pdf",)
    pdf_only = _package(tmp_path / "q", {"活动总结.pdf": b"%PDF-1.7"})
    assert load_submission(pdf_only, submitted_on=DAY).summary_report == SummaryReport(
        path="活动总结.pdf", title="活动总结", characters=None
    )


@pytest.mark.parametrize(
    "manifest",
    [
        b'{"a.jpg": "panorama", "b.jpg": "\xe7\x89\xb9\xe5\x86\x99"}',
        '[{"文件": "a.jpg", "类型": "全景照"}, {"文件": "b.jpg", "类型": "close-up"}]'.encode(),
    ],
)
def test_json_manifests(tmp_path: Path, manifest: bytes) -> None:
    """A JSON manifest may map names to shots or list rows with 文件 and 类型."""
    folder = _package(
        tmp_path / "p",
        {
            "a.jpg": MEDIA / "photo_640x480.jpg",
            "b.jpg": MEDIA / "photo_640x480.jpg",
            "manifest.json": manifest,
        },
    )
    shots = {p.path: p.shot_type for p in load_submission(folder, submitted_on=DAY).photos}
    assert shots == {"a.jpg": ShotType.PANORAMA, "b.jpg": ShotType.CLOSE_UP}


def test_without_the_media_extra_videos_are_refused_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Measuring a video without tinytag raises PackageError naming the media extra."""
    monkeypatch.setitem(__import__("sys").modules, "tinytag", None)
    folder = _package(tmp_path / "p", {"a.mp4": MEDIA / "video_10s.mov"})
    with pytest.raises(PackageError, match=r"sci-workers-day\[media\]"):
        load_submission(folder, submitted_on=DAY)


def test_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Too many files refuse the package; a spreadsheet too big to read is listed."""
    from sci_workers_day.formats import package

    folder = _package(tmp_path / "p", {f"{n}.txt": b"x" for n in range(5)})
    monkeypatch.setattr(package, "MAX_ENTRIES", 3)
    with pytest.raises(PackageError, match="more than 3 files"):
        load_submission(folder, submitted_on=DAY)
    monkeypatch.setattr(package, "MAX_ENTRIES", 5_000)
    monkeypatch.setattr(package, "MAX_READ_BYTES", 10)
    big = _package(tmp_path / "q", {"统计表.json": b'{"reporting_unit": {"name": "x"}}'})
    too_big = load_submission(big, submitted_on=DAY)  # not read, but listed
    assert too_big.statistics is None
    assert too_big.unplaced_files == ("统计表.json",)


def test_bad_arguments(tmp_path: Path) -> None:
    """``submitted_on`` must be a date; a missing path is a PackageError naming it."""
    with pytest.raises(TypeError, match="date"):
        load_submission(tmp_path, submitted_on="2024-06-08")  # type: ignore[arg-type]
    with pytest.raises(PackageError, match="no such file") as raised:
        load_submission(tmp_path / "nothing.zip", submitted_on=DAY)
    assert raised.value.file == "nothing.zip"


def test_load_submission_refuses_a_bad_value_naming_its_cell(tmp_path: Path) -> None:
    """load_submission is strict: a figure the model refuses is an error with its place."""
    folder = _package(
        tmp_path / "p",
        {"统计表.json": b'{"reporting_unit": {"name": "x"}, "activity_count": "many"}'},
    )
    with pytest.raises(PackageError, match=r"statistics\.activity_count"):
        load_submission(folder, submitted_on=DAY)


# --- found in review ----------------------------------------------------------------------


def _raw_zip(
    target: Path, members: dict[str, bytes], *, compression: int = zipfile.ZIP_STORED
) -> Path:
    with zipfile.ZipFile(target, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def test_a_damaged_member_is_no_stray_exception(tmp_path: Path) -> None:
    """A member whose bytes fail their CRC: the photo is unmeasured, the return refused cleanly."""
    photo = (MEDIA / "photo_640x480.jpg").read_bytes()
    archive = _raw_zip(
        tmp_path / "p.zip", {"全景.jpg": photo, "统计表.json": b'{"reporting_unit": {"name": "x"}}'}
    )
    data = bytearray(archive.read_bytes())
    at = data.find(b"JFIF")
    data[at : at + 4] = b"XXXX"  # stored, so the damage shows only in the CRC
    at = data.find(b'"reporting_unit"')
    data[at + 1] = ord("R")
    archive.write_bytes(bytes(data))
    submission = load_submission(archive, submitted_on=DAY)
    assert submission.statistics is None
    assert "统计表.json" in submission.unplaced_files
    assert validate(archive, campaign=CAMPAIGN).subject == "submission"


def test_broken_texts_and_manifests_are_no_stray_exceptions(tmp_path: Path) -> None:
    """An odd-length UTF-16 report, a CSV with a huge field, deeply nested JSON: all read."""
    folder = _package(
        tmp_path / "p",
        {
            "总结.txt": b"\xff\xfeA",
            "照片清单.csv": b"file,shot\n" + b"x" * 200_000 + b",panorama\n",
            "目录.json": b"[" * 100_000,
            "a.jpg": MEDIA / "photo_640x480.jpg",
        },
    )
    submission = load_submission(folder, submitted_on=DAY)
    assert submission.summary_report == SummaryReport(
        path="总结.txt", title="总结", characters=None
    )
    assert set(submission.unplaced_files) == {"照片清单.csv", "目录.json"}


def test_an_inbox_survives_odd_returns(tmp_path: Path) -> None:
    """A return whose 填表单位 is a bare string, and an unreadable package, keep their units."""
    odd = _package(
        tmp_path / "祁县科学技术局",
        {"统计表.json": '{"reporting_unit": "祁县科学技术局", "activity_count": 3}'.encode()},
    )
    broken = tmp_path / "平遥县科技局.zip"
    broken.write_bytes(b"not a zip")
    inbox = validate_packages(
        [odd, broken], campaign=CAMPAIGN, expected_units=["祁县科技局", "平遥县科技局"]
    )
    assert inbox.results[0].unit is not None
    assert inbox.unreadable == ("平遥县科技局.zip",)
    assert inbox.missing == ()  # 祁县科学技术局 is 祁县科技局; an unreadable package was sent


def test_names_are_decoded_once_per_archive(tmp_path: Path) -> None:
    """GBK names that happen to be valid UTF-8 byte runs are still read as GBK."""
    folder = _package(tmp_path / "p", {"图片1.jpg": MEDIA / "photo_640x480.jpg", "目录.rar": b"x"})
    archive = _zip(folder, tmp_path / "p.zip", gbk=True)
    submission = load_submission(archive, submitted_on=DAY)
    assert [p.path for p in submission.photos] == ["图片1.jpg"]
    assert submission.unplaced_files == ("目录.rar",)


@pytest.mark.parametrize(
    ("name", "shot", "activity"),
    [
        ("nationwide_launch.jpg", None, None),
        ("retail_details.jpg", None, None),
        ("close-up_1.jpg", ShotType.CLOSE_UP, None),
        ("全景VR科普体验/1.jpg", None, "全景VR科普体验"),
        ("全景照/1.jpg", ShotType.PANORAMA, None),
        ("照片/启动仪式/特写.jpg", ShotType.CLOSE_UP, "启动仪式"),
    ],
)
def test_shots_and_activities_from_names(
    tmp_path: Path, name: str, shot: ShotType | None, activity: str | None
) -> None:
    """Shots from whole words and shot folders; activities from folders that are no kind."""
    folder = _package(tmp_path / "p", {name: MEDIA / "photo_640x480.jpg"})
    (photo,) = load_submission(folder, submitted_on=DAY).photos
    assert (photo.shot_type, photo.activity) == (shot, activity)


def test_a_notice_alone_is_no_summary_report(tmp_path: Path) -> None:
    """The only document being 通知原文.pdf does not make it the report."""
    folder = _package(tmp_path / "p", {"通知原文.pdf": b"%PDF-1.7"})
    submission = load_submission(folder, submitted_on=DAY)
    assert submission.summary_report is None
    assert submission.unplaced_files == ("通知原文.pdf",)


@pytest.mark.parametrize(
    ("package", "unit"),
    [
        ("20250608榆社县科技局", "榆社县科技局"),
        ("2024年榆社县科技局-报送材料", "榆社县科技局"),
        ("榆社县科技局（报送材料）", "榆社县科技局"),
        ("榆社县科技情报资料", "榆社县科技情报资料"),
    ],
)
def test_unit_names_from_package_names(tmp_path: Path, package: str, unit: str) -> None:
    """Dates, 报送材料 and bracketed notes go; a name merely ending in 资料 stays."""
    folder = _package(tmp_path / package, {"a.txt": b"x"})
    assert load_submission(folder, submitted_on=DAY).reporting_unit.name == unit


def test_a_wrapping_folder_in_a_zip(tmp_path: Path) -> None:
    """A zip of the unit's folder is read from inside it; a zip of one activity's folder is not."""
    folder = _package(
        tmp_path / "src" / "太谷区科技局", {"启动仪式/全景.jpg": MEDIA / "photo_640x480.jpg"}
    )
    wrapped = tmp_path / "太谷区.zip"
    with zipfile.ZipFile(wrapped, "w") as archive:
        for file in folder.rglob("*.jpg"):
            archive.write(file, file.relative_to(folder.parent).as_posix())
    submission = load_submission(wrapped, submitted_on=DAY)
    assert submission.reporting_unit.name == "太谷区科技局"
    assert submission.photos[0].activity == "启动仪式"


def test_odd_entries_are_skipped(tmp_path: Path) -> None:
    """An entry named ``.``, Office lock files and a FIFO in a folder are not materials."""
    archive = _raw_zip(tmp_path / "p.zip", {".": b"x", "~$统计表.xlsx": b"lock", "a.rar": b"x"})
    assert load_submission(archive, submitted_on=DAY).unplaced_files == ("a.rar",)
    folder = _package(tmp_path / "q", {"a.rar": b"x"})
    os.mkfifo(folder / "pipe")
    assert load_submission(folder, submitted_on=DAY).unplaced_files == ("a.rar",)


def test_a_video_claiming_a_huge_header_box_is_unknown_not_a_memory_blowup(tmp_path: Path) -> None:
    """An ``mvhd`` box claiming a gigabyte is a damaged header: length unknown."""
    ftyp = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2"
    moov = (2**30).to_bytes(4, "big") + b"moov" + b"\x00" * 64
    folder = _package(tmp_path / "p", {"a.mp4": ftyp + moov})
    (video,) = load_submission(folder, submitted_on=DAY).videos
    assert video.duration_seconds is None


_GOOD_ZIP: list[bytes] = []


def _good_zip(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    if not _GOOD_ZIP:
        folder = tmp_path_factory.mktemp("good")
        _GOOD_ZIP.append(_zip(_complete(folder / "太谷区"), folder / "太谷区.zip").read_bytes())
    return _GOOD_ZIP[0]


@given(st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=8))
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_a_damaged_zip_gives_a_submission_or_a_parse_error(
    tmp_path_factory: pytest.TempPathFactory, flips: list[tuple[float, int]]
) -> None:
    """Bytes changed anywhere in a package: a Submission, or a ParseError; nothing else."""
    data = bytearray(_good_zip(tmp_path_factory))
    for where, value in flips:
        data[min(int(where * len(data)), len(data) - 1)] = value
    archive = tmp_path_factory.mktemp("flipped") / "太谷区.zip"
    archive.write_bytes(bytes(data))
    try:
        load_submission(archive, submitted_on=DAY)
        validate(archive, campaign=CAMPAIGN)
    except ParseError:
        pass


def test_a_zip_named_like_a_workbook_is_refused_as_one(tmp_path: Path) -> None:
    """A package renamed .xlsx is no return and no package: validate refuses it."""
    renamed = tmp_path / "统计表.xlsx"
    _raw_zip(renamed, {"a.txt": b"x"})
    with pytest.raises(ParseError):
        validate(renamed)
