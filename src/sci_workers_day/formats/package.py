"""Submission packages: a unit's folder or zip of materials, read into a :class:`Submission`.

After a campaign every unit sends one package: the statistics return, a summary report,
photos (全景照, 特写照) and videos. :func:`load_submission` finds each, measures the media
from their headers (a 500 MB video in a folder costs a few reads; in a zip it is streamed to
its header, never held in memory) and lists what it cannot place.
``validate(path)`` reads a package the same way, leniently: a bad value in the return is a
finding, not an exception. See ``docs/packages.md``.

Safety, because packages come from outside: nothing is extracted but the return, which is
written to a temporary folder the library removes; an entry whose path leaves the package
(``../``, ``/etc``, ``C:``) refuses the package; zips are held to the limits below and an
encrypted entry is refused by name; links in a folder are not followed. Zip entry names
without the UTF-8 flag are decoded as GB18030, as Chinese Windows writes them, unless the
archive's names read as UTF-8 with more Chinese in them (tools that omit the flag).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import io
import json
import os
import re
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import IO, Any

import attrs
from pydantic import ValidationError

from sci_workers_day.errors import NoticeError, PackageError, ParseError
from sci_workers_day.formats._documents import decode_text, docx_text
from sci_workers_day.formats._media import image_size, video_duration
from sci_workers_day.formats._notice.organizers import looks_like_unit, region_of
from sci_workers_day.formats._raw import RawDocument
from sci_workers_day.formats._zip import ZipLimits, check_zip
from sci_workers_day.model.media import ShotType
from sci_workers_day.model.submission import Submission

__all__ = ["load_submission"]

MAX_ENTRIES = 5_000
"""A package with more files than this is refused."""
MAX_PACKAGE_BYTES = 20 * 1024**3
"""A zip whose entries would unpack to more than this (20 GiB) is refused."""
MAX_READ_BYTES = 64 * 1024 * 1024
"""The largest return or summary report read (64 MiB); media are only measured."""
MAX_MANIFEST_BYTES = 1024 * 1024
"""The largest manifest read (1 MiB: some ten thousand rows)."""
MAX_READ_TOTAL = 256 * 1024 * 1024
"""All the returns tried and reports read in one package, together (256 MiB)."""
MAX_RETURN_CANDIDATES = 20
"""Spreadsheets tried as the return, at most; the rest are listed."""

_RETURNS = frozenset({".xlsx", ".xlsm", ".xls", ".csv", ".json"})
_REPORTS = frozenset({".docx", ".doc", ".pdf", ".txt", ".md"})
_PHOTOS = frozenset({".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif"})
_MEASURED_VIDEOS = frozenset({".mp4", ".mov", ".m4v"})
_OTHER_VIDEOS = frozenset({".avi", ".wmv", ".flv", ".mkv", ".3gp", ".mpg", ".mpeg", ".ts", ".webm"})
# What operating systems and office suites leave in folders and zips: not the materials.
_SYSTEM = re.compile(
    r"(^|/)(__MACOSX|\.DS_Store|Thumbs\.db|desktop\.ini|\._[^/]*|~\$[^/]*)(/|$)", re.I
)
# In a file's name; English words whole, so nationwide and retail_details say nothing.
_SHOT_NAMES = (
    (ShotType.PANORAMA, re.compile(r"全景|远景|(?<![a-z])(?:panorama|pano|wide)(?![a-z])", re.I)),
    (
        ShotType.CLOSE_UP,
        re.compile(r"特写|近景|细节|(?<![a-z])(?:close[-_ ]?ups?|closeups?|detail)(?![a-z])", re.I),
    ),
)
# A folder says a shot only when that is all it says: 全景照/, not 全景VR科普体验/.
_SHOT_FOLDER = re.compile(
    r"(?:全景|特写|panorama|close[-_ ]?ups?)(?:照|照片|图|图片|photos?)?", re.I
)
_MATERIAL_FOLDER = re.compile(
    r"(?:活动)?(?:照片|图片|相片|视频|影像|素材|资料)+|photos?|images?|pictures?|videos?|media",
    re.I,
)
_MANIFEST = re.compile(r"manifest|清单|说明|目录|索引|对照", re.I)
_REPORT_NAME = re.compile(r"总结|报告|汇报|summary|report", re.I)
_NOT_REPORT = re.compile(r"通知|notice|原文|附件|说明|方案", re.I)
_RETURN_NAME = re.compile(r"统计|开展情况|报表|return", re.I)
_UNIT_NOISE = (
    re.compile(r"^(?:(?:19|20)\d{2}(?:[年.\-_]\d{1,2}(?:[月.\-_]\d{1,2}日?)?|\d{4})?年?度?)"),
    re.compile(r"[（(][^）)]*[）)]$"),
    re.compile(
        r"(?:[-_—\s]+(?:报送材料|上报材料|总结材料|报送|材料|资料|上报|附件))+$|(?:报送材料|上报材料)$"
    ),
)
_MANIFEST_COLUMNS = {
    "file": ("file", "文件", "文件名", "照片", "名称", "name", "path"),
    "shot": ("shot", "shot_type", "类型", "照片类型", "镜头", "景别"),
    "activity": ("activity", "活动", "活动名称"),
}
# Whole-archive ratio: many small entries each under the per-entry check can still bomb.
_PACKAGE_RATIO = 100
_HAN = re.compile(r"[\u4e00-\u9fff]")
# A member that cannot be read: a bad CRC or deflate stream, a local name that is no UTF-8, a
# cut file, an offset pointing before the file (EINVAL), a file the folder will not give up.
_BROKEN_MEMBER = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    UnicodeDecodeError,
    OSError,
)


@attrs.frozen
class _Entry:
    """One file of a package: its name inside it, size, stored date, and how to open it."""

    name: str
    size: int
    modified: dt.date | None
    open: Callable[[], IO[bytes]]

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.name).suffix.lower()


def is_package(path: Path) -> bool:
    """Whether ``path`` is a folder, or a zip that is no Office file (a workbook is a zip).

    A return's suffix (``.xlsx``, ``.csv`` …) says it is one: such a file is left to the
    workbook reader, which refuses a zip that is no workbook by name.
    """
    if path.is_dir():
        return True
    suffix = path.suffix.lower()
    if suffix == ".zip":
        return True
    if suffix in _RETURNS:
        return False
    try:
        with path.open("rb") as handle:
            if handle.read(4) != b"PK\x03\x04":
                return False
        with zipfile.ZipFile(path) as archive:
            return "[Content_Types].xml" not in archive.namelist()
    except (OSError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):
        return False


def load_submission(
    path: str | os.PathLike[str], *, submitted_on: dt.date | None = None
) -> Submission:
    """Read a unit's package (a folder or a ``.zip``) into a :class:`Submission`.

    ``submitted_on`` is the day it arrived (the e-mail's date); without it, the newest date
    the package records for its files stands in (see ``docs/packages.md``). Raises
    :class:`~sci_workers_day.PackageError` when the package cannot be read safely, or when
    its return holds a value the model refuses (naming the value and its cell); use
    ``validate(path)`` to get every problem as a finding instead.
    """
    raw = read_package(Path(path), submitted_on=submitted_on)
    try:
        return Submission.model_validate(raw.data)
    except ValidationError as error:
        detail = error.errors()[0]
        where = ".".join(str(part) for part in detail["loc"])
        cell = raw.cells.get(where)
        msg = f"{where} = {detail.get('input')!r}: {detail['msg']} (数值无效)"
        raise PackageError(msg, file=raw.name, cell=cell) from None


def read_package(path: Path, *, submitted_on: dt.date | None = None) -> RawDocument:
    """The package's raw submission data, with the cells of its return's values."""
    if submitted_on is not None and not isinstance(submitted_on, dt.date):
        msg = f"submitted_on must be a date, not {type(submitted_on).__name__}"
        raise TypeError(msg)
    try:
        with _entries(path) as entries:
            return _read(path, entries, submitted_on)
    except ParseError as error:
        raise error.at(file=path.name) from None


@contextlib.contextmanager
def _entries(path: Path) -> Iterator[list[_Entry]]:
    if path.is_dir():
        yield _folder(path)
        return
    if path.exists() and not path.is_file():  # a FIFO or a device would block or never end
        msg = "not a folder or a zip (既不是文件夹也不是压缩包)"
        raise PackageError(msg)
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        msg = "no such file or folder (找不到文件)"
        raise PackageError(msg) from None
    except (OSError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError) as error:
        msg = f"not a folder or a readable zip (无法打开压缩包): {error}"
        raise PackageError(msg) from None
    with archive:
        limits = ZipLimits(MAX_ENTRIES, MAX_PACKAGE_BYTES)
        check_zip(archive, limits, what=("package", "压缩包"), error=PackageError)
        _check_total_ratio(archive)
        yield _zipped(archive)


def _check_total_ratio(archive: zipfile.ZipFile) -> None:
    """Refuse thousands of small entries that together unpack far beyond their size."""
    members = archive.infolist()
    unpacked = sum(m.file_size for m in members)
    packed = max(sum(m.compress_size for m in members), 1)
    if unpacked > MAX_MANIFEST_BYTES * 64 and unpacked / packed > _PACKAGE_RATIO:
        msg = f"the package unpacks {unpacked / packed:.0f} times its size (疑似压缩炸弹)"
        raise PackageError(msg)


def _folder(root: Path) -> list[_Entry]:
    entries: list[_Entry] = []
    for directory, folders, files in os.walk(root, followlinks=False):
        folders.sort()
        for name in sorted(files):
            file = Path(directory, name)
            info = file.lstat()
            if not stat.S_ISREG(info.st_mode):  # links may point anywhere; FIFOs block
                continue
            if len(entries) >= MAX_ENTRIES:
                msg = f"more than {MAX_ENTRIES} files in the package (文件过多)"
                raise PackageError(msg)
            entries.append(
                _Entry(
                    file.relative_to(root).as_posix(),
                    info.st_size,
                    dt.date.fromtimestamp(info.st_mtime),  # the package's own clock
                    _opener(file),
                )
            )
    return sorted(entries, key=lambda entry: entry.name)  # the order a zip of it has


def _opener(file: Path) -> Callable[[], IO[bytes]]:
    return lambda: file.open("rb")


def _zipped(archive: zipfile.ZipFile) -> list[_Entry]:
    infos = [info for info in archive.infolist() if not info.is_dir()]
    codec = _codec(infos)
    entries: list[_Entry] = []
    for info in infos:
        name = _entry_name(info, codec)
        if not name:
            continue
        try:
            modified: dt.date | None = dt.date(*info.date_time[:3])
        except ValueError:
            modified = None
        opener = functools.partial(archive.open, info)
        entries.append(_Entry(name, info.file_size, modified, opener))
    return sorted(entries, key=lambda entry: entry.name)


def _codec(infos: list[zipfile.ZipInfo]) -> str:
    """How the names without the UTF-8 flag were written, decided once for the archive.

    GBK bytes are often valid UTF-8 too (图片 reads ͼƬ), so the reading that gives Chinese
    wins: GB18030 when any name is no UTF-8, or when it finds more Chinese characters.
    """
    raw = b"/".join(i.filename.encode("cp437") for i in infos if not i.flag_bits & 0x800)
    try:
        as_utf8 = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "gb18030"
    as_gbk = raw.decode("gb18030", errors="replace")
    return "gb18030" if len(_HAN.findall(as_gbk)) > len(_HAN.findall(as_utf8)) else "utf-8"


def _entry_name(info: zipfile.ZipInfo, codec: str) -> str:
    """The entry's name as its maker meant it, refused if it would leave the package."""
    name = info.filename
    if not info.flag_bits & 0x800:  # no UTF-8 flag: the bytes of the local code page
        name = name.encode("cp437").decode(codec, errors="replace")
    name = name.replace("\\", "/")
    parts = PurePosixPath(name).parts
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name) or ".." in parts:
        msg = f"entry {name!r} leaves the package (路径越出压缩包)"
        raise PackageError(msg)
    return "/".join(part for part in parts if part not in {"", "."})


@attrs.define
class _Budget:
    """What one package may still have read whole: returns tried, reports, manifests."""

    left: int = MAX_READ_TOTAL

    def read(self, entry: _Entry, limit: int | None = None) -> bytes:
        """The entry's bytes; PackageError when it is bigger than ``limit`` or the budget."""
        limit = MAX_READ_BYTES if limit is None else limit
        if entry.size > limit or entry.size > self.left:
            msg = f"{entry.name} is {entry.size:,} bytes, more than can be read (文件过大)"
            raise PackageError(msg)
        try:
            with entry.open() as handle:
                data = handle.read(limit + 1)
        except _BROKEN_MEMBER as error:
            msg = f"{entry.name} is damaged in the zip (压缩包内文件已损坏): {error}"
            raise PackageError(msg) from None
        if len(data) > limit:  # a zip entry may unpack to more than it declares
            msg = f"{entry.name} unpacks to more than {limit:,} bytes (文件过大)"
            raise PackageError(msg)
        self.left -= len(data)
        return data


def _read(path: Path, entries: list[_Entry], submitted_on: dt.date | None) -> RawDocument:
    entries = [e for e in entries if not _SYSTEM.search(e.name)]
    root = "" if path.is_dir() else _wrapper(path, entries)
    budget = _Budget()
    statistics, cells, return_entry = _return(entries, budget)
    manifest_entry, manifest = _manifest(entries, {return_entry}, root, budget)
    report_entry = _report_entry(entries, {manifest_entry, return_entry})
    media: list[dict[str, Any]] = []
    unplaced: list[str] = []
    for entry in entries:
        if entry in {manifest_entry, return_entry, report_entry}:
            continue
        if entry.suffix in _PHOTOS:
            media.append(_photo(entry, root, manifest))
        elif entry.suffix in _MEASURED_VIDEOS | _OTHER_VIDEOS:
            media.append(_video(entry))
        else:
            unplaced.append(entry.name)
    unit = (statistics or {}).get("reporting_unit") or {"name": unit_name(path, root)}
    if statistics is not None and not statistics.get("reporting_unit"):
        statistics["reporting_unit"] = unit  # a form with a blank 填表单位 is the package's
    dates = [e.modified for e in entries if e.modified is not None]
    data: dict[str, Any] = {
        "reporting_unit": unit,
        "submitted_on": submitted_on or (max(dates) if dates else None),
        "statistics": statistics,
        "media": media,
        "summary_report": _report(report_entry, budget) if report_entry else None,
        "unplaced_files": unplaced,
    }
    return RawDocument(data, path.name, cells, "submission")


def _wrapper(path: Path, entries: list[_Entry]) -> str:
    """The folder a zip wraps everything in (``太谷区/…``, zipped from the folder), or ``""``.

    Only a folder named for the package's unit wraps: a zip holding just ``科普讲座/`` or
    ``照片/`` holds an activity's or a kind's folder.
    """
    folders = {PurePosixPath(e.name).parts[0] for e in entries if "/" in e.name}
    if len(folders) != 1 or not all("/" in e.name for e in entries):
        return ""
    folder = folders.pop()
    named = unit_name(Path(folder))
    if folder == path.stem or named == unit_name(path) or looks_like_unit(named):
        return folder + "/"
    return folder + "/" if region_of(named) is not None else ""


def unit_name(path: Path, root: str = "") -> str:
    """The unit a package names: its name, or its wrapping folder's, without dates and 报送材料."""
    stem = root.rstrip("/") or (path.name if path.is_dir() or not path.suffix else path.stem)
    cleaned = stem
    for noise in _UNIT_NOISE:
        cleaned = noise.sub("", cleaned).strip(" -_—")
    return cleaned or stem


# --- the return ---------------------------------------------------------------------------


def _return(
    entries: list[_Entry], budget: _Budget
) -> tuple[dict[str, Any] | None, dict[str, str], _Entry | None]:
    """The first spreadsheet that reads as a return: its raw data, cells and entry.

    Those named like one (统计表, 开展情况) are tried first; spreadsheets that do not read as
    one (an activity list), or are too big to try, are left to be listed.
    """
    from sci_workers_day.formats.returns import read_return_data  # noqa: PLC0415  (a cycle)

    candidates = [e for e in entries if e.suffix in _RETURNS and e.size <= MAX_READ_BYTES]
    candidates.sort(key=lambda e: not _RETURN_NAME.search(PurePosixPath(e.name).name))
    with tempfile.TemporaryDirectory(prefix="sci-workers-day-") as folder:
        for entry in candidates[:MAX_RETURN_CANDIDATES]:
            if entry.size > budget.left:
                break
            file = Path(folder, f"return{entry.suffix}")
            try:
                file.write_bytes(budget.read(entry))
                data, cells, _formulas = read_return_data(file)
            except ParseError:
                continue
            if isinstance(data, dict) and (cells or "reporting_unit" in data):
                where = {
                    f"statistics.{path}": f"{entry.name}: {cell}" for path, cell in cells.items()
                }
                return data, where, entry
    return None, {}, None


# --- the summary report -------------------------------------------------------------------


def _report_entry(entries: list[_Entry], taken: set[_Entry | None]) -> _Entry | None:
    """The summary report: a document named like one (总结, 报告), else the only document.

    The only document does not count when its name says it is something else (通知, 附件).
    """
    documents = [e for e in entries if e.suffix in _REPORTS and e not in taken]
    named = [e for e in documents if _REPORT_NAME.search(PurePosixPath(e.name).name)]
    if named:
        return named[0]
    others = [e for e in documents if not _NOT_REPORT.search(PurePosixPath(e.name).name)]
    return others[0] if len(documents) == 1 and others else None


def _report(entry: _Entry, budget: _Budget) -> dict[str, Any]:
    """The report's file, title (first line of its text, else its name) and length."""
    text = None
    if entry.suffix in {".txt", ".md", ".docx"}:
        try:
            data = budget.read(entry)
            text = docx_text(data) if entry.suffix == ".docx" else decode_text(data)
        except (NoticeError, PackageError):
            text = None
    stem = PurePosixPath(entry.name).stem
    first = next((line.strip("# \t") for line in (text or "").splitlines() if line.strip()), None)
    characters = len(re.sub(r"\s+", "", text)) if text is not None else None
    return {"path": entry.name, "title": (first or stem)[:200], "characters": characters}


# --- photos and videos --------------------------------------------------------------------


def _photo(entry: _Entry, root: str, manifest: dict[str, dict[str, str]]) -> dict[str, Any]:
    try:
        with entry.open() as handle:
            size = image_size(handle)
    except _BROKEN_MEMBER:  # a damaged zip member: its size is unknown, the photo is listed
        size = None
    inside = entry.name.removeprefix(root)
    listed = manifest.get(entry.name) or manifest.get(inside) or {}
    folders = PurePosixPath(inside).parts[:-1]
    shot = _shot(listed.get("shot", "")) or _shot(PurePosixPath(inside).name)
    if shot is None:
        shot = next((s for f in folders if _SHOT_FOLDER.fullmatch(f) and (s := _shot(f))), None)
    activity = next((f for f in reversed(folders) if not _is_kind_folder(f)), None)
    return {
        "kind": "photo",
        "path": entry.name,
        "width": size[0] if size else None,
        "height": size[1] if size else None,
        "shot_type": shot,
        "activity": listed.get("activity") or activity,
    }


def _is_kind_folder(folder: str) -> bool:
    """照片/, 视频/, 全景照/: a folder for a kind of material, not for an activity."""
    return bool(_MATERIAL_FOLDER.fullmatch(folder) or _SHOT_FOLDER.fullmatch(folder))


def _shot(text: str) -> ShotType | None:
    """The shot a name or a manifest value says, when it says exactly one."""
    value = text.strip().lower()
    if value in {"panorama", "close_up"}:
        return ShotType(value)
    found = {shot for shot, pattern in _SHOT_NAMES if pattern.search(text)}
    return found.pop() if len(found) == 1 else None


def _video(entry: _Entry) -> dict[str, Any]:
    seconds = None
    if entry.suffix in _MEASURED_VIDEOS:
        try:
            with entry.open() as handle:
                seconds = video_duration(handle)
        except ImportError:
            msg = "measuring videos needs the media extra: pip install 'sci-workers-day[media]'"
            raise PackageError(msg) from None
        except _BROKEN_MEMBER:  # a damaged zip member: its length is unknown
            seconds = None
    return {
        "kind": "video",
        "path": entry.name,
        "duration_seconds": seconds,
        "size_bytes": entry.size,
        "format": entry.suffix.lstrip(".") or None,
    }


# --- the manifest -------------------------------------------------------------------------


def _manifest(
    entries: list[_Entry], taken: set[_Entry | None], root: str, budget: _Budget
) -> tuple[_Entry | None, dict[str, dict[str, str]]]:
    """An optional CSV or JSON file saying photos' shot types (and activities).

    Only a file named like one (清单, 说明, manifest) whose rows name photos of the package.
    """
    photos = {e.name for e in entries if e.suffix in _PHOTOS}
    photos |= {name.removeprefix(root) for name in photos}
    basenames = [PurePosixPath(name).name for name in photos]
    for entry in entries:
        name = PurePosixPath(entry.name).name
        if entry in taken or entry.suffix not in {".csv", ".json"} or not _MANIFEST.search(name):
            continue
        try:
            rows = _manifest_rows(budget.read(entry, MAX_MANIFEST_BYTES), entry.suffix)
        except (NoticeError, PackageError, ValueError, csv.Error, RecursionError):
            continue
        # A bare file name counts only when one photo has it (科普讲座/1.jpg, 启动仪式/1.jpg).
        found = {k: v for k, v in rows.items() if k in photos or basenames.count(k) == 1}
        if found:
            by_path = {}
            for key, row in found.items():
                matches = [p for p in photos if p == key or PurePosixPath(p).name == key]
                by_path.update(dict.fromkeys(matches, row))
            return entry, by_path
    return None, {}


def _manifest_rows(data: bytes, suffix: str) -> dict[str, dict[str, str]]:
    text = decode_text(data)
    rows: list[dict[str, Any]]
    if suffix == ".json":
        loaded = json.loads(text)
        if isinstance(loaded, dict):  # {"全景1.jpg": "全景", …}
            return {str(k): {"shot": v} for k, v in loaded.items() if isinstance(v, str)}
        rows = (
            [item for item in loaded if isinstance(item, dict)] if isinstance(loaded, list) else []
        )
    else:
        rows = list(csv.DictReader(io.StringIO(text)))
    found = {}
    for row in rows[:MAX_ENTRIES]:
        picked = {
            field: next(
                (
                    str(row[k]).strip()
                    for k in row
                    if isinstance(k, str)
                    and k.strip().lower() in names
                    and isinstance(row[k], str | int)
                ),
                "",
            )
            for field, names in _MANIFEST_COLUMNS.items()
        }
        if picked["file"]:
            found[picked["file"]] = {k: v for k, v in picked.items() if v}
    return found
