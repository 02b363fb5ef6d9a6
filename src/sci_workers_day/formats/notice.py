"""Notices (通知, 实施方案, 工作方案, press transcripts) as campaign drafts.

:func:`parse_notice` reads the plain text of a notice into a :class:`NoticeDraft`: a
:class:`~sci_workers_day.Campaign` holding what the text states, the paragraphs nothing was
taken from (``unread``), and notes on what was uncertain. It never raises on odd text, only
on empty input: a person checks the draft, and ``unread`` and ``notes`` say where to look.
:func:`load_notice` reads a ``.txt`` file (UTF-8 or GB18030) or, with the ``docx`` extra, a
``.docx`` file. See ``docs/notices.md``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import attrs
from pydantic import ValidationError

from sci_workers_day.errors import NoticeError
from sci_workers_day.formats._documents import decode_text, docx_text
from sci_workers_day.formats._notice import activities, head, outline, reporting
from sci_workers_day.formats._notice.organizers import region_of
from sci_workers_day.formats._notice.text import Notice, split_notice
from sci_workers_day.model.campaign import FIRST_YEAR, LAST_YEAR, Campaign

__all__ = ["NoticeDraft", "load_notice", "parse_notice"]

MAX_NOTICE_BYTES = 16 * 1024 * 1024
"""The largest notice file read: a long notice is some 100 KB of text."""


@attrs.frozen
class NoticeDraft:
    """What :func:`parse_notice` read from a notice.

    ``campaign`` holds every fact the text states; ``unread`` the paragraphs nothing was
    taken from, in order (read them: they may hold what the draft misses); ``notes`` what was
    uncertain and why, each in English with its Chinese twin and, where it has one, the line.
    """

    campaign: Campaign
    unread: tuple[str, ...]
    notes: tuple[str, ...]


def parse_notice(text: str, *, year: int | None = None) -> NoticeDraft:
    """Read the plain text of a notice into a campaign draft.

    ``year`` is the year to assume when the notice states none (a notice's dates often
    leave it out: ``5月25日—6月1日``); a year no campaign can have (before 1949, after 2100)
    is a ``ValueError``. Raises :class:`~sci_workers_day.NoticeError` only when the text is
    empty; any other text gives a draft.
    """
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        msg = f"year must be between {FIRST_YEAR} and {LAST_YEAR}, not {year}"
        raise ValueError(msg)
    notice = split_notice(text)
    if not notice.paragraphs:
        msg = "the notice is empty: no text but page numbers or invisible marks (通知内容为空)"
        raise NoticeError(msg)
    data = _read(notice, year)
    campaign = _campaign(notice, data)
    unread = tuple(p.text for p in notice.paragraphs if not p.used)
    return NoticeDraft(campaign, unread, tuple(notice.notes))


def _read(notice: Notice, given_year: int | None) -> dict[str, Any]:
    start = head.body_start(notice)
    header = notice.paragraphs[:start] or notice.paragraphs[:1]
    first_heading = next(
        (i for i, p in enumerate(notice.paragraphs) if p.heading is not None),
        len(notice.paragraphs),
    )
    opening = notice.paragraphs[: min(first_heading, 12)] or notice.paragraphs[:3]
    title = head.title(notice, header)
    issuers, issued_on = head.issuers_and_date(notice, header)
    kinds = head.kinds(notice, title, opening)
    year = head.year(notice, title, issued_on, given_year)
    found_contacts = reporting.contacts(notice)
    region = next((o for o in issuers if o.region_code), None)
    by_title = region_of(_title_place(title)) if region is None else None
    return {
        "title": title,
        "kinds": kinds,
        "year": year,
        "edition": head.edition(notice, kinds, year),
        "level": region.level if region else by_title.level if by_title else None,
        "region_code": region.region_code if region else by_title.code if by_title else None,
        "document_number": head.document_number(header),
        "addressees": head.addressees(header),
        "basis": head.basis(opening),
        "issuers": issuers,
        "issued_on": issued_on,
        "theme": head.theme(notice, opening),
        "window": head.window(notice, year),
        "activities": activities.activities(notice, year),
        "requirements": outline.requirements(notice),
        "reporting": reporting.reporting(notice, year, found_contacts),
        "contacts": found_contacts,
        "attachments": reporting.attachments(notice),
    }


def _title_place(title: str) -> str:
    """The title from where a place may start: past 关于举办, 2024年 and quotes."""
    for prefix in ("关于印发", "关于举办", "关于开展", "关于组织", "关于", "《", "“"):
        title = title.removeprefix(prefix)
    return title.lstrip("0123456789 年《“")


def _campaign(notice: Notice, data: dict[str, Any]) -> Campaign:
    """The campaign; a field the model refuses is left out, with a note saying so."""
    for _ in range(len(data)):
        try:
            return Campaign.model_validate(data)
        except ValidationError as error:
            field = str(error.errors()[0]["loc"][0])
            if field in {"title", "kinds", "year"}:  # pragma: no cover - always built valid
                raise
            notice.note(
                f"{field} was left out: {error.errors()[0]['msg']}", f"{field} 无法读取，已略过"
            )
            data = {k: v for k, v in data.items() if k != field}
    return Campaign.model_validate(data)  # pragma: no cover - every field dropped


def load_notice(path: str | os.PathLike[str], *, year: int | None = None) -> NoticeDraft:
    """Read a notice from a ``.txt`` (UTF-8 or GB18030) or ``.docx`` file.

    ``.docx`` needs the ``docx`` extra (python-docx); its tables are read as rows of
    tab-separated cells, in their place among the paragraphs. Raises
    :class:`~sci_workers_day.NoticeError` naming the file when it cannot be read or is empty.
    """
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_NOTICE_BYTES:
            msg = f"{size} bytes, more than {MAX_NOTICE_BYTES} (文件过大)"
            raise NoticeError(msg)
        data = file.read_bytes()
        suffix = file.suffix.lower()
        if suffix == ".docx" or data[:4] == b"PK\x03\x04" or data[:4] == b"\xd0\xcf\x11\xe0":
            text = docx_text(data)
        elif suffix in {".txt", ".text", ".md", ""}:
            text = decode_text(data)
        else:
            msg = f"cannot read {suffix} notices; save it as .txt or .docx (不支持的文件格式)"
            raise NoticeError(msg)
        return parse_notice(text, year=year)
    except OSError as error:
        msg = f"cannot read the file: {error.strerror} (无法读取文件)"
        raise NoticeError(msg, file=file.name) from None
    except NoticeError as error:
        raise error.at(file=file.name) from None
