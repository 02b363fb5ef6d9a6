"""A notice's activities: schedule items, dated schedule lines and tables of activities."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from sci_workers_day.dates import DateWindow
from sci_workers_day.errors import DatePhraseError, WorkbookError
from sci_workers_day.formats._notice.dates import find_window
from sci_workers_day.formats._notice.organizers import organizers
from sci_workers_day.formats._notice.outline import Item, items, sections
from sci_workers_day.formats._notice.text import Notice, Paragraph, chinese_numeral
from sci_workers_day.formats._notice.venues import venues
from sci_workers_day.formats.activities import read_mode, read_table
from sci_workers_day.model.activity import Activity
from sci_workers_day.phrases import parse_window

__all__ = ["activities"]

# Sections that schedule activities; 主要内容, 指导思想 and 目标 describe, they do not schedule.
_SCHEDULE = re.compile(
    r"活动(?:的)?(?:具体)?(?:安排|内容|项目|日程|计划)|主要活动|重点活动|具体安排|系列活动|日程"
)
_KEYS = {
    "description": ("内容", "活动内容", "主要内容"),
    "window": ("时间", "活动时间", "举办时间", "时间安排"),
    "venues": ("地点", "活动地点", "举办地点"),
    "organizers": (
        "举办单位",
        "主办单位",
        "承办单位",
        "协办单位",
        "牵头单位",
        "责任单位",
        "负责单位",
        "组织单位",
        "实施单位",
        "牵头部门",
        "责任部门",
    ),
    "audience": ("参加人员", "参与对象", "面向对象", "活动对象", "参加对象"),
    "mode": ("活动形式", "形式"),
}
_FIELD_OF = {key: field for field, keys in _KEYS.items() for key in keys}
_KEY_NAMES = "|".join(sorted(_FIELD_OF, key=len, reverse=True))
_KEY = re.compile(rf"^({_KEY_NAMES})\s*[：:]\s*(.*)$")
# Several keys on one line: 时间：5月20日  地点：县科技馆.
_KEY_SPLIT = re.compile(rf"(?:\s+|[；;，,]\s*)(?=(?:{_KEY_NAMES})\s*[：:])")
_CLAUSE_END = re.compile(r"[，,。；;]")
_SENTENCE_END = re.compile(r"[。；;]")
_ENUMERATED = re.compile(r"(?:^|(?<=[。；;！!：:\s]))([一二三四五六七八九十]{1,2})是")
_NAME_END = re.compile(r"[，,。；;：:]")
_WHERE = re.compile(r"在([^，,。；;、在“”]{2,24}?)(?:举行|举办|开展|召开|进行)")
_SCHEDULE_LINE = re.compile(r"^(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日")
_LEAD = re.compile(
    r"^[\s，,：:、]*(?:[（(](?:星期|周)[一二三四五六日天][）)])?\s*"
    r"(?:上午|下午|晚上|晚间|全天)?\s*"
    r"(?:\d{1,2}\s*[:：]\s*\d{2}(?:\s*[-—–~至]\s*\d{1,2}\s*[:：]\s*\d{2})?)?[\s，,：:、]*"
)
_MAX_NAME = 160


def activities(notice: Notice, year: int) -> tuple[Activity, ...]:
    """Every activity, in the order the notice gives them."""
    found: list[tuple[float, Activity]] = []
    found.extend(_tables(notice, year))
    scheduled = [s for s in sections(notice) if _SCHEDULE.search(s.title)]
    for section in scheduled:
        section.heading.used = True
        for paragraph in section.paragraphs:  # the headings above items: their sections' names
            if paragraph.heading is not None and paragraph.heading.body == "":
                paragraph.used = True
        listed = items(section)
        for item in listed:
            found.extend(_item(notice, item, year))
        if not listed:
            found.extend(_schedule(notice, list(section.paragraphs), section.title, year))
    if not scheduled and not found:
        found.extend(_enumerated_in_prose(notice, year))
    if not found:
        notice.note(
            "no section schedules activities (活动安排, 主要活动, …); none were read",
            "未找到活动安排部分，未读取活动",
        )
    return tuple(activity for _, activity in sorted(found, key=lambda pair: pair[0]))


def _item(notice: Notice, item: Item, year: int) -> list[tuple[float, Activity]]:
    """An item as one activity, or as the activities it enumerates (一是…二是…)."""
    if any(p.in_table for p in item.paragraphs):  # its table's rows are its activities
        return []
    item.heading.used = True
    for paragraph in item.paragraphs:
        paragraph.used = True
    line = item.heading.line
    fields, prose = _fields(item.text)
    text = "".join(prose)
    parts = _enumerated(text)
    scheduled = _schedule(notice, list(item.paragraphs), item.title, year)
    if scheduled:
        return scheduled
    if not parts:
        activity = _activity(
            notice, line, name=item.title, section=item.parent, text=text, fields=fields, year=year
        )
        return [(line, activity)] if activity else []
    found: list[tuple[float, Activity]] = []
    intro, listed = parts
    if find_window(intro, year) is not None or fields:
        activity = _activity(
            notice, line, name=item.title, section=item.parent, text=intro, fields=fields, year=year
        )
        if activity:
            found.append((line, activity))
    for number, part in enumerate(listed):
        name = _NAME_END.split(part, maxsplit=1)[0]
        activity = _activity(
            notice, line, name=name, section=item.title, text=part, fields={}, year=year
        )
        if activity:
            found.append((line + (number + 1) / 100, activity))
    return found


def _enumerated_in_prose(notice: Notice, year: int) -> list[tuple[float, Activity]]:
    """Without a schedule section (a press report): ``…活动：一是…；二是…`` in prose."""
    for paragraph in notice.paragraphs:
        parts = _enumerated(paragraph.text) if paragraph.heading is None else None
        if parts is None or "活动" not in parts[0]:
            continue
        paragraph.used = True
        found = []
        for number, part in enumerate(parts[1]):
            name = _NAME_END.split(part, maxsplit=1)[0]
            activity = _activity(
                notice, paragraph.line, name=name, section=None, text=part, fields={}, year=year
            )
            if activity:
                found.append((paragraph.line + number / 100, activity))
        return found
    return []


def _fields(lines: list[str]) -> tuple[dict[str, Any], list[str]]:
    """The 内容： 时间： 地点： 举办单位： lines as fields, and the prose beside them."""
    fields: dict[str, Any] = {}
    prose: list[str] = []
    for line in lines:
        for index, part in enumerate(_KEY_SPLIT.split(line)):
            match = _KEY.match(part.strip())
            if match is None:
                prose.append(part)
                continue
            field, value = _FIELD_OF[match[1]], match[2].strip()
            # A key inside a sentence (…，时间：5月24日至28日，地点：…，每校…) holds up to the
            # next comma; a line of its own holds up to its full stop (承办单位：县科协，县教育局).
            end = (_CLAUSE_END if index else _SENTENCE_END).search(value)
            if end and field != "description":
                prose.append(value[end.end() :])
                value = value[: end.start()].strip()
            if not value:
                continue
            if field == "window":
                fields["window_text"] = value
            elif field in {"venues", "organizers"}:
                fields[field] = fields.get(field, "") + "、" + value
            elif field == "description":
                prose.append(value)
            else:
                fields[field] = value
    return fields, prose


def _enumerated(text: str) -> tuple[str, list[str]] | None:
    """Text that enumerates 一是… 二是…: the text before, and each enumerated part."""
    starts: list[re.Match[str]] = []
    for match in _ENUMERATED.finditer(text):
        if chinese_numeral(match[1]) == len(starts) + 1:
            starts.append(match)
    if len(starts) < 2:
        return None
    bounds = [m.start() for m in starts] + [len(text)]
    parts = [text[m.end() : bounds[i + 1]].strip() for i, m in enumerate(starts)]
    return text[: starts[0].start()].strip(), [p for p in parts if p]


def _activity(
    notice: Notice,
    line: int,
    *,
    name: str,
    section: str | None,
    text: str,
    fields: dict[str, Any],
    year: int,
    window: DateWindow | None = None,
) -> Activity | None:
    """An activity from its name, text and ``时间：`` ``地点：`` fields; ``window`` when known."""
    name = name.strip(" 。.；;")[:_MAX_NAME]
    if not name:
        return None
    data: dict[str, Any] = {"name": name, "section": section, "description": text or None}
    window_text = fields.get("window_text")
    if window is not None:
        data["window"] = window
    elif window_text:
        data["window"] = _window(notice, line, window_text, year)
        if data["window"] is None:
            data["description"] = "；".join(filter(None, [text, f"时间：{window_text}"]))
    else:
        data["window"] = _window_in(text, year)
    where = fields.get("venues")
    if where is None and text:
        match = _WHERE.search(text)
        where = match[1] if match else None
    data["venues"] = venues(where) if where else ()
    data["organizers"] = organizers(fields["organizers"]) if "organizers" in fields else ()
    data["audience"] = fields.get("audience")
    data["mode"] = read_mode(fields.get("mode") or name)
    try:
        return Activity.model_validate(data)
    except ValidationError as error:  # pragma: no cover - defensive: the parts are built valid
        notice.note(f"activity {name!r} was left out: {error}", "该活动无法读取，已略过", line)
        return None


def _window(notice: Notice, line: int, text: str, year: int) -> DateWindow | None:
    try:
        return parse_window(text.strip("。. "), year=year)
    except DatePhraseError:
        found = find_window(text, year)
        if found is None:
            notice.note(f"the time {text!r} is no date phrase", "活动时间无法识别", line)
        return found


def _window_in(text: str, year: int) -> DateWindow | None:
    """A date stated in an activity's prose, if it is in the campaign's year."""
    found = find_window(text, year)
    if found is None:
        return None
    day = found.start or found.end
    return found if day is not None and day.year == year else None


def _schedule(
    notice: Notice, paragraphs: list[Paragraph], section: str | None, year: int
) -> list[tuple[float, Activity]]:
    """A dated schedule: each line that starts with a date opens an activity.

    The lines under it (地点：, 承办单位：, prose) belong to it: ``5月20日上午 启动仪式``.
    """
    starts = [
        i for i, p in enumerate(paragraphs) if p.heading is None and _SCHEDULE_LINE.match(p.text)
    ]
    if len(starts) < 2:
        return []
    found: list[tuple[float, Activity]] = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(paragraphs)
        entry = paragraphs[start:end]
        activity = _dated(notice, entry, section, year)
        if activity is not None:
            for paragraph in entry:
                paragraph.used = True
            found.append((entry[0].line, activity))
    return found


def _dated(
    notice: Notice, entry: list[Paragraph], section: str | None, year: int
) -> Activity | None:
    """One schedule entry: the date line, then the lines under it."""
    first = entry[0].text
    window = find_window(first[:40], year)
    if window is None or window.phrase is None:
        return None
    at = first.find(window.phrase)
    rest = first[at + len(window.phrase) :] if at >= 0 else ""
    rest = rest[_LEAD.match(rest).end() :]  # type: ignore[union-attr]  # _LEAD matches ""
    fields, prose = _fields([rest, *(p.text for p in entry[1:])])
    name = _NAME_END.split(prose[0], maxsplit=1)[0].strip() if prose else ""
    text = "".join(prose[1:])
    return _activity(
        notice,
        entry[0].line,
        name=name,
        section=section,
        text=text,
        fields=fields,
        year=year,
        window=window,
    )


def _tables(notice: Notice, year: int) -> list[tuple[float, Activity]]:
    """Tab-separated tables whose header names activities (推荐活动, 活动名称)."""
    found: list[tuple[float, Activity]] = []
    paragraphs = notice.paragraphs
    index = 0
    while index < len(paragraphs):
        if "\t" not in paragraphs[index].text:
            index += 1
            continue
        end = index
        while end < len(paragraphs) and "\t" in paragraphs[end].text:
            end += 1
        rows = [[cell.strip() for cell in p.text.split("\t")] for p in paragraphs[index:end]]
        try:
            read = read_table(rows, year)
        except WorkbookError as error:  # a row with a place but no name: leave the table unread
            notice.note(
                f"the table was not read: {error.message}", "该表格未读取", paragraphs[index].line
            )
            read = None
        if read:
            title = _table_title(paragraphs, index)
            for paragraph in paragraphs[index:end]:
                paragraph.used = paragraph.in_table = True
            first = paragraphs[index].line
            for offset, activity in enumerate(read):
                placed = activity.model_copy(update={"section": activity.section or title})
                found.append((first + offset / 1000, placed))
        index = end
    return found


def _table_title(paragraphs: list[Paragraph], index: int) -> str | None:
    """The line above a table, when it is a title (not a sentence, not 附件 2)."""
    for paragraph in reversed(paragraphs[max(0, index - 3) : index]):
        text = paragraph.text
        if re.fullmatch(r"附\s*件\s*\d*", text):
            paragraph.used = True
            continue
        if len(text) <= 60 and not re.search(r"[。，,：:]", text):
            paragraph.used = True
            return text
        break
    return next(
        (p.heading.title for p in reversed(paragraphs[:index]) if p.heading is not None), None
    )
