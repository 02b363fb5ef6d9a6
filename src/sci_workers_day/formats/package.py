"""Submission packages: a unit's folder or zip of materials, read into a :class:`Submission`.

After a campaign every unit sends one package: the statistics return, a summary report,
photos (全景照, 特写照) and videos. :func:`load_submission` finds each, measures the media
from their headers (a 500 MB video is never read whole) and lists what it cannot place.
``validate(path)`` reads a package the same way, leniently: a bad value in the return is a
finding, not an exception. See ``docs/packages.md``.

Safety, because packages come from outside: nothing is extracted but the return, which is
written to a temporary folder the library removes; an entry whose path leaves the package
(``../``, ``/etc``, ``C:``) refuses the package; zips are held to the limits below and an
encrypted entry is refused by name; links in a folder are not followed. Zip entry names
without the UTF-8 flag are decoded as GB18030, as Chinese Windows writes them.
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
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import IO, Any

import attrs
from pydantic import ValidationError

from sci_workers_day.errors import NoticeError, PackageError, ParseError
from sci_workers_day.formats._documents import decode_text, docx_text
from sci_workers_day.formats._media import image_size, video_duration
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
"""The largest return, summary report or manifest read (64 MiB); media are only measured."""

_RETURNS = frozenset({".xlsx", ".xlsm", ".xls", ".csv", ".json"})
_REPORTS = frozenset({".docx", ".doc", ".pdf", ".txt", ".md"})
_PHOTOS = frozenset({".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif"})
_MEASURED_VIDEOS = frozenset({".mp4", ".mov", ".m4v"})
_OTHER_VIDEOS = frozenset({".avi", ".wmv", ".flv", ".mkv", ".3gp", ".mpg", ".mpeg", ".ts", ".webm"})
# What operating systems leave in folders and zips: not the unit's materials.
_SYSTEM = re.compile(r"(^|/)(__MACOSX|\.DS_Store|Thumbs\.db|desktop\.ini|\._[^/]*)(/|$)", re.I)
_SHOT_NAMES = (
    (ShotType.PANORAMA, re.compile(r"全景|远景|panorama|pano(?![a-z])|wide", re.I)),
    (ShotType.CLOSE_UP, re.compile(r"特写|近景|细节|close[-_ ]?up|closeup|detail", re.I)),
)
_MATERIAL_FOLDER = re.compile(r"照片|图片|相片|视频|影像|素材|资料|photo|image|picture|video", re.I)
_MANIFEST = re.compile(r"manifest|清单|说明|目录|索引|对照", re.I)
_REPORT_NAME = re.compile(r"总结|报告|汇报|summary|report", re.I)
_UNIT_NOISE = re.compile(
    r"^(?:(?:19|20)\d{2}\s*年?)|(?:[-_—\s]*(?:报送材料|报送|材料|资料|总结材料|上报|附件))+$"
)
_MANIFEST_COLUMNS = {
    "file": ("file", "文件", "文件名", "照片", "名称", "name", "path"),
    "shot": ("shot", "shot_type", "类型", "照片类型", "镜头", "景别"),
    "activity": ("activity", "活动", "活动名称"),
}
_ZIP_LIMITS = ZipLimits(MAX_ENTRIES, MAX_PACKAGE_BYTES)


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
    """Whether ``path`` is a folder, or a zip that is no Office file (a workbook is a zip)."""
    if path.is_dir():
        return True
    if path.suffix.lower() == ".zip":
        return True
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
    the package records for its files stands in. Raises :class:`~sci_workers_day.PackageError`
    when the package cannot be read safely, and :class:`~sci_workers_day.WorkbookError` (with
    the file, sheet and cell) when its return holds a value the model refuses; use
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
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        msg = "no such file or folder (找不到文件)"
        raise PackageError(msg) from None
    except (OSError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError) as error:
        msg = f"not a folder or a readable zip (无法打开压缩包): {error}"
        raise PackageError(msg) from None
    with archive:
        check_zip(archive, _ZIP_LIMITS, what=("package", "压缩包"), error=PackageError)
        yield _zipped(archive)


def _folder(root: Path) -> list[_Entry]:
    entries: list[_Entry] = []
    for directory, folders, files in os.walk(root, followlinks=False):
        folders.sort()
        for name in sorted(files):
            file = Path(directory, name)
            if file.is_symlink():  # a link may point anywhere on the disk: not the package's
                continue
            if len(entries) >= MAX_ENTRIES:
                msg = f"more than {MAX_ENTRIES} files in the package (文件过多)"
                raise PackageError(msg)
            stat = file.stat()
            entries.append(
                _Entry(
                    file.relative_to(root).as_posix(),
                    stat.st_size,
                    dt.date.fromtimestamp(stat.st_mtime),
                    _opener(file),
                )
            )
    return sorted(entries, key=lambda entry: entry.name)  # the order a zip of it has


def _opener(file: Path) -> Callable[[], IO[bytes]]:
    return lambda: file.open("rb")


def _zipped(archive: zipfile.ZipFile) -> list[_Entry]:
    entries: list[_Entry] = []
    for info in archive.infolist():
        if info.is_dir():
            continue
        name = _entry_name(info)
        try:
            modified: dt.date | None = dt.date(*info.date_time[:3])
        except ValueError:
            modified = None
        opener = functools.partial(archive.open, info)
        entries.append(_Entry(name, info.file_size, modified, opener))
    return sorted(entries, key=lambda entry: entry.name)


def _entry_name(info: zipfile.ZipInfo) -> str:
    """The entry's name as its maker meant it, refused if it would leave the package."""
    name = info.filename
    if not info.flag_bits & 0x800:  # no UTF-8 flag: the bytes of the local code page
        raw = name.encode("cp437")
        try:
            name = raw.decode("utf-8")
        except UnicodeDecodeError:
            name = raw.decode("gb18030", errors="replace")
    name = name.replace("\\", "/")
    parts = PurePosixPath(name).parts
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name) or ".." in parts:
        msg = f"entry {name!r} leaves the package (路径越出压缩包)"
        raise PackageError(msg)
    return "/".join(part for part in parts if part not in {"", "."})


def _read(path: Path, entries: list[_Entry], submitted_on: dt.date | None) -> RawDocument:
    entries = [e for e in entries if not _SYSTEM.search(e.name)]
    root = _common_folder(entries)
    manifest_entry, manifest = _manifest(entries)
    statistics, cells, return_entry = _return(entries, manifest_entry)
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
    unit = (statistics or {}).get("reporting_unit") or {"name": _unit_name(path, root)}
    if statistics is not None:  # a form whose 填表单位 is blank is the package's unit's
        statistics.setdefault("reporting_unit", unit)
    dates = [e.modified for e in entries if e.modified is not None]
    data: dict[str, Any] = {
        "reporting_unit": unit,
        "submitted_on": submitted_on or (max(dates) if dates else None),
        "statistics": statistics,
        "media": media,
        "summary_report": _report(report_entry) if report_entry else None,
        "unplaced_files": unplaced,
    }
    return RawDocument(data, path.name, cells, "submission")


def _common_folder(entries: list[_Entry]) -> str:
    """The one folder every entry sits in (a zip of ``太谷区/…``), or ``""``.

    A folder of one kind of material (照片/, 视频/) is no wrapper: it names an activity or a
    kind, and the package is what holds it.
    """
    folders = {PurePosixPath(e.name).parts[0] for e in entries if "/" in e.name}
    if len(folders) == 1 and all("/" in e.name for e in entries):
        folder = folders.pop()
        if not _MATERIAL_FOLDER.search(folder):
            return folder + "/"
    return ""


def _unit_name(path: Path, root: str) -> str:
    """The unit a package names: its own name, or its one folder's, without 报送材料 and years."""
    stem = root.rstrip("/") or (path.name if path.is_dir() else path.stem)
    cleaned = _UNIT_NOISE.sub("", stem).strip(" -_—")
    return cleaned or stem


def _read_bytes(entry: _Entry) -> bytes:
    if entry.size > MAX_READ_BYTES:
        msg = f"{entry.name} is {entry.size:,} bytes, more than {MAX_READ_BYTES:,} (文件过大)"
        raise PackageError(msg)
    with entry.open() as handle:
        return handle.read(MAX_READ_BYTES + 1)[:MAX_READ_BYTES]


# --- the return ---------------------------------------------------------------------------


def _return(
    entries: list[_Entry], manifest: _Entry | None
) -> tuple[dict[str, Any] | None, dict[str, str], _Entry | None]:
    """The first spreadsheet that reads as a return: its raw data, cells and entry.

    Spreadsheets that do not read as one (an activity list) are left to be listed.
    """
    from sci_workers_day.formats.returns import read_return_data  # noqa: PLC0415  (a cycle)

    candidates = [e for e in entries if e.suffix in _RETURNS and e is not manifest]
    with tempfile.TemporaryDirectory(prefix="sci-workers-day-") as folder:
        for entry in candidates:
            file = Path(folder, f"return{entry.suffix}")
            file.write_bytes(_read_bytes(entry))
            try:
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
    """The summary report: a document named like one (总结, 报告), else the only document."""
    documents = [e for e in entries if e.suffix in _REPORTS and e not in taken]
    named = [e for e in documents if _REPORT_NAME.search(PurePosixPath(e.name).name)]
    if named:
        return named[0]
    return documents[0] if len(documents) == 1 else None


def _report(entry: _Entry) -> dict[str, Any]:
    """The report's file, title (first line of its text, else its name) and length."""
    text = None
    if entry.suffix in {".txt", ".md", ".docx"}:
        try:
            data = _read_bytes(entry)
            text = docx_text(data) if entry.suffix == ".docx" else decode_text(data)
        except (NoticeError, PackageError):
            text = None
    stem = PurePosixPath(entry.name).stem
    first = next((line.strip("# \t") for line in (text or "").splitlines() if line.strip()), None)
    characters = len(re.sub(r"\s+", "", text)) if text is not None else None
    return {"path": entry.name, "title": (first or stem)[:200], "characters": characters}


# --- photos and videos --------------------------------------------------------------------


def _photo(entry: _Entry, root: str, manifest: dict[str, dict[str, str]]) -> dict[str, Any]:
    with entry.open() as handle:
        size = image_size(handle)
    listed = manifest.get(entry.name) or manifest.get(PurePosixPath(entry.name).name) or {}
    inside = entry.name.removeprefix(root)
    folder = str(PurePosixPath(inside).parent)
    return {
        "kind": "photo",
        "path": entry.name,
        "width": size[0] if size else None,
        "height": size[1] if size else None,
        "shot_type": _shot(listed.get("shot", "")) or _shot(inside),
        "activity": listed.get("activity") or (folder if folder != "." else None),
    }


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
    return {
        "kind": "video",
        "path": entry.name,
        "duration_seconds": seconds,
        "size_bytes": entry.size,
        "format": entry.suffix.lstrip(".") or None,
    }


# --- the manifest -------------------------------------------------------------------------


def _manifest(entries: list[_Entry]) -> tuple[_Entry | None, dict[str, dict[str, str]]]:
    """An optional CSV or JSON file saying each photo's shot type (and activity)."""
    for entry in entries:
        if entry.suffix not in {".csv", ".json"} or not _MANIFEST.search(entry.name):
            continue
        try:
            rows = _manifest_rows(entry)
        except (NoticeError, PackageError, ValueError):
            continue
        if rows:
            return entry, rows
    return None, {}


def _manifest_rows(entry: _Entry) -> dict[str, dict[str, str]]:
    text = decode_text(_read_bytes(entry))
    if entry.suffix == ".json":
        data = json.loads(text)
        if isinstance(data, dict):  # {"全景1.jpg": "全景", …}
            return {str(k): {"shot": str(v)} for k, v in data.items() if isinstance(v, str)}
        items = data if isinstance(data, list) else []
        rows = [
            {str(k): str(v) for k, v in item.items()} for item in items if isinstance(item, dict)
        ]
    else:
        rows = list(csv.DictReader(io.StringIO(text)))
    found = {}
    for row in rows:
        picked = {
            field: next(
                (str(row[k]).strip() for k in row if k and k.strip().lower() in names and row[k]),
                "",
            )
            for field, names in _MANIFEST_COLUMNS.items()
        }
        if picked["file"]:
            found[picked["file"]] = picked
    return found
