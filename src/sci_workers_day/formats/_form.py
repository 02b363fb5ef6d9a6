"""Reading the return form (开展情况统计表) by its labels, wherever the layout puts them.

Units nudge the official layout: an extra header row, a 序号 column, the value in column D,
a unit column, labels with full-width punctuation, inner spaces or a trailing （次）, group
labels merged down column A, heading rows that carry their group's total, remarks beside a
value. So no cell address is fixed: every label is folded to a key (:func:`fold`), matched
to a figure by the phrases below, and its value is the one value to its right (or, typed
into the label's own cell, after its colon). The reporting unit comes from the 填表单位
line, the date from 填表日期, both however the unit spaced, bracketed or spelt them.

The result is raw data for the model plus the cell of every path, so that lenient
validation and strict loading share one reading.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

import attrs

from sci_workers_day.errors import WorkbookError
from sci_workers_day.formats._grid import Book, Sheet
from sci_workers_day.model.returns import FIGURES
from sci_workers_day.phrases import parse_window
from sci_workers_day.types import read_number

__all__ = ["NONE_TOKENS", "FormReading", "fold", "form_title", "read_form"]

NONE_TOKENS = frozenset(
    {"无", "没有", "暂无", "零", "〇", "-", "—", "－", "–", "――", "/", "／", "\\"}
)
"""Cell texts that state "none" on the form: they read as 0, which is what the unit says.

A blank cell is different: it is *not reported* and reads as ``None``.
"""

# Phrases that identify each figure in a folded label; the longest phrase found wins.
_PHRASES: dict[str, tuple[str, ...]] = {
    "activity_count": ("活动开展次数", "开展活动次数", "活动次数", "活动场次", "开展次数"),
    "funding.central": ("中央财政", "中央经费", "中央资金"),
    "funding.provincial": ("省级", "省财政", "副省级"),
    "funding.municipal": ("市级", "市财政"),
    "funding.county": ("县级", "县财政", "区县", "县区"),
    "funding.enterprise": ("企业赞助", "企业投入", "社会赞助", "赞助"),
    "funding.in_kind": ("实物投入", "实物"),
    "funding.other": ("其他经费", "其它经费", "其他资金", "其它资金"),
    "staff.full_time": ("专职人员", "专职"),
    "staff.sci_tech_workers": ("科技工作者",),
    "staff.volunteers": ("志愿者",),
    "staff.others": ("其他人员", "其它人员"),
    "public.offline": ("线下",),
    "public.online": ("线上", "网上", "网络"),
    "publicity.media_outlets": ("参与媒体", "媒体数", "媒体"),
    "publicity.reports": ("报道数", "报道篇", "宣传报道数"),
    "opened.venues": ("科普场馆", "场馆"),
    "opened.institutes": ("科研机构", "科研院所"),
    "opened.universities": ("大学", "高校", "高等院校"),
}
_BY_PHRASE = sorted(
    ((phrase, path) for path, phrases in _PHRASES.items() for phrase in phrases),
    key=lambda item: -len(item[0]),
)
# A group's own words, to place a 小计 or a bare 其他 (checked in this order: 群众 before 活动).
_GROUP_WORDS = (
    ("public", ("群众", "公众", "参与人次")),
    ("funding", ("经费", "资金", "万元")),
    ("staff", ("工作人员", "人员")),
    ("opened", ("场馆", "开放", "科研机构")),
    ("publicity", ("宣传", "媒体", "报道")),
)
# A row naming a group rather than a figure ("三、科普工作人员参与数量（人次）"), when no
# figure's phrase is in it: it starts the group, and a value on it is the group's total.
_HEADING_WORDS = (
    ("public", ("群众", "公众")),
    ("funding", ("经费", "资金")),
    ("staff", ("工作人员", "人员")),
    ("opened", ("开放",)),
    ("publicity", ("宣传",)),
)
_HEADING = "?group:"
_TOTALS = ("小计", "合计", "总计")
_OTHERS = {"funding": "funding.other", "staff": "staff.others"}
_WITH_TOTAL = {figure.path.split(".")[0] for figure in FIGURES if figure.is_total}
_INTEGRAL = {figure.path: figure.integral for figure in FIGURES}
# The header/footer lines: each key, then its value in the same cell or the next one. Keys
# may be spaced out to fill their cell ("填 表 单 位："). The short keys are also the end of
# longer words (活动日期, 办公电话, 计量单位) and count only where no word runs into them; a
# bare 单位 is a key only with its （盖章）, since "单位：万元" states the unit of measure.
_META_KEYS = (
    "填表单位", "填报单位", "报送单位", "上报单位", "单位名称",
    "填表日期", "填报日期", "填表时间", "报送日期",
    "填表人", "联系人", "联系电话", "审核人", "负责人", "行政区划代码",
)  # fmt: skip
_NO_WORD_BEFORE = r"(?<![\u4e00-\u9fff])"
_META = re.compile(
    "("
    + "|".join(r"\s*".join(key) for key in _META_KEYS)
    + rf"|{_NO_WORD_BEFORE}日\s*期|{_NO_WORD_BEFORE}电\s*话"
    + rf"|{_NO_WORD_BEFORE}单\s*位(?=\s*[(（]\s*[盖公]?\s*章)"
    + r")\s*(?:[(（][^)）]*[)）])?\s*[:：]?"
)
_UNIT_KEYS = {"填表单位", "填报单位", "报送单位", "上报单位", "单位名称", "单位"}
_DATE_KEYS = {"填表日期", "填报日期", "填表时间", "报送日期", "日期"}
_COUNTED = "人次|人|次|个|篇|家|所|处|场|名|位|座|项|期|条"
_UNIT_TOKENS = frozenset({"万元", "元", *_COUNTED.split("|")})
_SKIP_HEADERS = ("备注", "说明", "序号", "计量单位", "单位")
_TITLE_WORDS = ("统计表", "情况表", "汇总表", "一览表", "填表说明")
_SPACE = re.compile(r"\s+")
# Zero-width and other invisible characters text copied from web pages and chats carries.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
# A space beside a Chinese character is PDF or typesetting spacing ("2024 年"), not a word break.
_CJK_SPACE = re.compile(r"(?<=[\u2e80-\u9fff\uf900-\ufaff])\s+|\s+(?=[\u2e80-\u9fff\uf900-\ufaff])")
_ATTACHMENT = re.compile(r"^附\s*件\s*[\d一二三四五六七八九十]*\s*[:：.、]?\s*")
_TRAILING_BRACKETS = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
_SEAL = re.compile(r"^[(（]\s*[盖公]?\s*章\s*[)）]\s*|\s*[(（]\s*[盖公]?\s*章\s*[)）]$")
_BRACKETED = re.compile(r"[(\[【〔<《][^)\]】〕>》]*[)\]】〕>》]")
_ENUMERATOR = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.、)）]|^其中[:：]?")
_PUNCTUATION = re.compile(r"[、，,；;：:.。·“”\"'‘’]")
_DATE = re.compile(r"(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
# A unit typed after a number: its own, or one that scales it (6000元, 1.58万人次).
_TRAILING_UNIT = re.compile(rf"^(.*?\d)\s*(万元|元|万?(?:{_COUNTED})|万)$")
_INLINE_VALUE = re.compile(r"[:：]\s*([^:：]*\d[^:：]*?)\s*$")
# Excel's day numbers for 2000-01-01 and 2099-12-31: a date cell that lost its date format.
_SERIALS = (36526, 73050)
_EXCEL_EPOCH = dt.date(1899, 12, 30)


@lru_cache(maxsize=8192)  # forms repeat the same labels: fold each text once
def fold(text: str) -> str:
    """A label's matching key: full-width folded, spaces, brackets and enumerators removed.

    ``"2.  省级、副省级财政经费投入情况（万元）"`` → ``"省级副省级财政经费投入情况"``.
    """
    text = _SPACE.sub("", _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)))
    text = _BRACKETED.sub("", text.replace("科技工作者日", ""))
    return _PUNCTUATION.sub("", _ENUMERATOR.sub("", text))


def form_title(title: str) -> str:
    """The campaign title a form's title names: ``…科技活动周开展情况统计表`` → ``…科技活动周``.

    An ``附件1：`` before it is the notice's numbering, and a bracket after it (the unit, the
    money unit) is not the campaign's either.
    """
    text = _ATTACHMENT.sub("", title.strip())
    for suffix in ("开展情况统计表", "情况统计表", "统计表"):
        # "…统计表（榆次区）": what follows the table's name in brackets is not the campaign's.
        for candidate in (text, _TRAILING_BRACKETS.sub("", text)):
            if candidate.endswith(suffix):
                return candidate[: -len(suffix)].strip()
    return text


@attrs.frozen
class FormReading:
    """The raw data a form holds, where each value was, and which values were formulas."""

    data: dict[str, Any]
    cells: dict[str, str]
    formulas: frozenset[str]


@attrs.frozen
class _Row:
    row: int
    path: str | None  # None: a label no figure has
    label: str
    value: Any
    cell: tuple[int, int] | None  # where the value is (or would be)


def read_form(book: Book) -> FormReading:
    """The return in the sheet with the most figure labels; :class:`WorkbookError` if none.

    Between sheets with as many labels, the one with more figures filled in: units copy the
    blank template's sheet to fill it in and leave the original beside it.
    """
    best: tuple[tuple[int, int], Sheet, list[_Row]] | None = None
    for sheet in book.sheets:
        rows = _figure_rows(sheet)
        # Distinct figures, not rows: a list of activities says 线上 or 线下 on every row.
        found = len(_INTEGRAL.keys() & {row.path for row in rows})
        filled = sum(1 for row in rows if row.value is not None and row.path in _INTEGRAL)
        if found >= 3 and (best is None or (found, filled) > best[0]):
            best = ((found, filled), sheet, rows)
    if best is None:
        msg = (
            "no statistics return form found: fewer than three of its row labels "
            "(未找到统计表：可识别的指标少于三项)"
        )
        raise WorkbookError(msg)
    return _reading(best[1], best[2])


def _reading(sheet: Sheet, rows: list[_Row]) -> FormReading:
    data: dict[str, Any] = {}
    cells: dict[str, str] = {}
    seen: dict[str, Any] = {}
    formulas: set[str] = set()
    column = _value_column(rows)
    for row in rows:
        path = row.path or row.label
        position = row.cell or (row.row, column)
        if path in cells:
            if row.value is None:
                continue
            if seen[path] is not None and seen[path] != row.value:
                msg = (
                    f"two values for {row.label}: {cells[path]} and "
                    f"{sheet.cell(*position)} (同一指标有两个数值)"
                )
                raise WorkbookError(msg, sheet=sheet.name or None, cell=sheet.cell(*position))
        seen[path] = row.value
        cells[path] = sheet.cell(*position)
        if position in sheet.formulas:
            formulas.add(path)
        if row.value is None:
            continue
        value = _figure_value(row.value, path)
        if "." in path:
            group, name = path.split(".", 1)
            data.setdefault(group, {})[name] = value
        else:
            data[path] = value
    _read_meta(sheet, data, cells)
    return FormReading(data, cells, frozenset(formulas))


def _value_column(rows: list[_Row]) -> int:
    columns = Counter(row.cell[1] for row in rows if row.cell is not None)
    return columns.most_common(1)[0][0] if columns else 2


# --- finding the rows --------------------------------------------------------------------


def _figure_rows(sheet: Sheet) -> list[_Row]:
    spans = _spans(sheet)
    skipped = _skipped_columns(sheet)
    result: list[_Row] = []
    last_group: str | None = None
    pending_totals: list[int] = []
    strays: list[_Row] = []
    for r, cells in enumerate(sheet.rows):
        labels = _labels(cells, r, spans, skipped)
        match = _match_row(labels)
        if match is None:
            stray = _stray(sheet, r, labels, spans, skipped)
            if stray is not None:
                strays.append(stray)
            continue
        c, path, label = match
        if path.startswith(_HEADING):
            last_group = path.removeprefix(_HEADING)
            path = f"{last_group}.stated_total"
            if last_group not in _WITH_TOTAL:
                continue  # 宣传报道情况: its 个 and 篇 add up to nothing
            value, cell = _value_of_row(sheet, r, c, spans, skipped)
            if value is not None:
                result.append(_Row(r, path, label, value, cell))
            continue
        if path.endswith(".stated_total") and path.startswith("?"):
            group = _group_of_row(sheet, r, c, spans) or last_group
            if group is None:
                pending_totals.append(len(result))
                path = "?"
            else:
                path = f"{group}.stated_total" if group in _WITH_TOTAL else f"{group}.小计"
        elif path.startswith("?other"):
            group = _group_of_row(sheet, r, c, spans) or last_group
            path = _OTHERS.get(group or "", label)
        value, cell = _value_of_row(sheet, r, c, spans, skipped)
        if "." in path and not path.endswith("小计"):
            group = path.split(".")[0]
            for index in pending_totals:  # a 合计 above its parts belongs to them
                result[index] = attrs.evolve(result[index], path=f"{group}.stated_total")
            pending_totals.clear()
            last_group = group
        result.append(_Row(r, path, label, value, cell))
    return _settled(result, strays)


def _settled(rows: list[_Row], strays: list[_Row]) -> list[_Row]:
    """The figure rows without unplaced totals, and the stray rows inside the table."""
    rows = [row for row in rows if row.path != "?"]
    if rows:  # a number on a row no figure has, inside the table, is kept, not dropped
        first, last = rows[0].row, rows[-1].row
        rows += [row for row in strays if first < row.row < last]
    return rows


def _stray(
    sheet: Sheet, r: int, labels: list[tuple[int, str, str]], spans: _Spans, skipped: frozenset[int]
) -> _Row | None:
    """A labelled row with a number that names no figure (其中：青少年专场次数 | 2)."""
    if not labels or any(_META.search(text) for _c, _key, text in labels):
        return None
    c, _key, text = labels[-1]
    value, cell = _value_right_of(sheet, r, spans.end_column(r, c), skipped)
    if value is None or (isinstance(value, str) and _number(value) is None):
        return None
    # The label becomes the field's name in findings; a dot would read as a group path.
    return _Row(r, None, _tidy(text).replace(".", "．") or text, value, cell)


def _labels(
    cells: Sequence[Any], r: int, spans: _Spans, skipped: frozenset[int]
) -> list[tuple[int, str, str]]:
    """A row's label cells (column, key, text): the texts before its first value.

    Text right of a value is a remark ("含中央财政补助5万元"), and so is text in a 备注
    column: neither names the row, whatever figure it mentions.
    """
    labels: list[tuple[int, str, str]] = []
    for c, value in enumerate(cells):
        if value is None or (r, c) in spans.covered or c in skipped:
            continue
        if isinstance(value, str) and (not labels or _number(value) is None):
            key = fold(value)
            if key not in _UNIT_TOKENS:  # a unit column without its header: 万元, 人次
                labels.append((c, key, value))
        elif labels and not isinstance(value, bool):
            break  # the row's value: a number, a date, or text that states a number
    return labels


def _match_row(
    labels: list[tuple[int, str, str]], *, headings: bool = True
) -> tuple[int, str, str] | None:
    """The row's label cell and the figure it names; the rightmost wins (group labels sit left).

    With ``headings``, a rightmost label that names a group rather than a figure comes back
    as ``?group:<group>``.
    """
    for index, (c, key, text) in enumerate(reversed(labels)):
        if not key or any(word in key for word in _TITLE_WORDS) or _META.search(text):
            continue
        if key.endswith(_TOTALS) or key.startswith(_TOTALS):
            return c, "?.stated_total", text.strip()
        paths = [path for phrase, path in _BY_PHRASE if phrase in key]  # longest phrase first
        group = _heading(key, paths) if headings and index == 0 else None
        if group is not None:
            return c, _HEADING + group, text.strip()
        if paths:
            return c, paths[0], text.strip()
        if key in {"其他", "其它", "其他情况", "其它情况", "其他数量"}:
            return c, "?other", text.strip()
    return None


def _heading(key: str, paths: list[str]) -> str | None:
    """The group a label names as a whole: its words and no figure's, or several of its figures.

    ``开放活动的场馆、科研机构、大学数量`` names three figures of one group: it is their heading.
    (Publicity is left out: ``媒体报道数量`` names reports, not media and reports.)
    """
    if paths:
        groups = {path.split(".")[0] for path in paths}
        several = len(set(paths)) > 1 and len(groups) == 1 and "publicity" not in groups
        return groups.pop() if several else None
    for group, words in _HEADING_WORDS:
        if any(word in key for word in words):
            return group
    return None


def _group_of_row(sheet: Sheet, r: int, c: int, spans: _Spans) -> str | None:
    """The group a 小计 or bare 其他 belongs to: its own words, or a group label to its left."""
    texts = [sheet.value(r, c)]
    for column in range(c - 1, -1, -1):
        texts.append(spans.origin_value(sheet, r, column))
    for text in texts:
        if isinstance(text, str):
            key = fold(text)
            for group, words in _GROUP_WORDS:
                if any(word in key for word in words):
                    return group
    return None


def _value_of_row(
    sheet: Sheet, r: int, c: int, spans: _Spans, skipped: frozenset[int]
) -> tuple[Any, tuple[int, int] | None]:
    """The value of the row labelled at column ``c``, and its cell.

    It is the one value right of the label; failing that, a number the label cell itself
    ends with after a colon (``科普活动开展次数：36次``), as units type into one column.
    """
    value, cell = _value_right_of(sheet, r, spans.end_column(r, c), skipped)
    if value is None:
        inline = _INLINE_VALUE.search(str(sheet.value(r, c)))
        if inline is not None and _number(inline[1]) is not None:
            return inline[1], (r, c)
    return value, cell


def _value_right_of(
    sheet: Sheet, r: int, start: int, skipped: frozenset[int]
) -> tuple[Any, tuple[int, int] | None]:
    """The one value right of a label, and its cell; stops at the next label."""
    numbers: list[tuple[Any, tuple[int, int]]] = []
    texts: list[tuple[Any, tuple[int, int]]] = []
    cells = sheet.rows[r]
    for c in range(start + 1, len(cells)):
        if c in skipped:
            continue
        value = cells[c]
        if value is None or (isinstance(value, str) and _blank(value)):
            continue  # a cell "cleared" with the space bar is blank, not text
        if isinstance(value, str):
            key = fold(value)
            if key in _UNIT_TOKENS:
                continue
            if _match_row([(c, key, value)], headings=False) is not None:
                break
            number = _number(value)
            if number is None:
                texts.append((value, (r, c)))
                continue
        numbers.append((value, (r, c)))
    if len(numbers) > 1:
        where = ", ".join(sheet.cell(*cell) for _value, cell in numbers)
        msg = f"two candidate values for one label: {where} (同一指标有多个数值)"
        raise WorkbookError(msg, sheet=sheet.name or None, cell=sheet.cell(*numbers[1][1]))
    if numbers:
        return numbers[0]
    if texts:
        return texts[0]
    return None, None


@attrs.frozen
class _Spans:
    """Merged ranges: which cells a range covers (beyond its top-left) and where each ends."""

    covered: dict[tuple[int, int], tuple[int, int]]
    """(row, column) → the top-left cell of the merged range that covers it."""
    ends: dict[tuple[int, int], int]
    """Top-left (row, column) of a range → its last column."""

    def end_column(self, r: int, c: int) -> int:
        return self.ends.get((r, c), c)

    def origin_value(self, sheet: Sheet, r: int, c: int) -> Any:
        origin = self.covered.get((r, c), (r, c))
        return sheet.value(*origin)


def _spans(sheet: Sheet) -> _Spans:
    covered: dict[tuple[int, int], tuple[int, int]] = {}
    ends: dict[tuple[int, int], int] = {}
    for top, left, bottom, right in sheet.merged:
        ends[(top, left)] = right
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                if (r, c) != (top, left):
                    covered[(r, c)] = (top, left)
            if r != top:
                ends[(r, left)] = right  # a label merged down and across ends there on every row
    return _Spans(covered, ends)


def _skipped_columns(sheet: Sheet) -> frozenset[int]:
    """Columns headed 备注, 说明, 序号 or 单位: never a figure's value, nor a row's label.

    A 填表单位 line is no header row: the unit's name in it may be anything, even 说明.
    """
    skipped = set()
    for cells in sheet.rows[:12]:
        if any(isinstance(value, str) and _META.search(value) for value in cells):
            continue
        for c, value in enumerate(cells):
            if isinstance(value, str) and fold(value) in _SKIP_HEADERS:
                skipped.add(c)
    return frozenset(skipped)


# --- values ------------------------------------------------------------------------------


def _blank(text: str) -> bool:
    """Whether text is only spaces (full-width ones too) and invisible characters."""
    return not _SPACE.sub("", _INVISIBLE.sub("", text))


def _number(value: str, path: str | None = None) -> Decimal | None:
    """The number a figure's text states, in the figure's unit; ``None`` when it states none.

    A unit typed after the number is dropped when it is the figure's own and applied when it
    scales it: ``6000元`` is 0.6 万元, ``1.58万`` 人次 is 15800. Money on a count, or a count's
    unit on money, is no number the figure can take. Without ``path``: any number at all.
    """
    text = unicodedata.normalize("NFKC", value).strip()
    if text.startswith("'"):
        text = text[1:]
    if text in NONE_TOKENS:
        return Decimal(0)
    unit = _TRAILING_UNIT.match(text)
    if unit is None:
        return read_number(text)
    number = read_number(unit[1])
    if number is None or path is None:
        return number
    scale = _scale(unit[2], integral=_INTEGRAL.get(path, True))
    if scale is None:
        return None
    if scale == 1:
        return number  # as typed: 12.50 keeps its places
    scaled = number * scale
    return scaled.quantize(1) if scaled == scaled.to_integral_value() else scaled.normalize()


def _scale(unit: str, *, integral: bool) -> Decimal | None:
    """What a number typed with ``unit`` is multiplied by to be in the figure's unit."""
    money = unit.endswith("元")
    if integral:
        if money:
            return None
        return Decimal(10_000) if unit.startswith("万") else Decimal(1)
    if unit == "元":
        return Decimal("0.0001")
    return Decimal(1) if unit in {"万元", "万"} else None


def _figure_value(value: Any, path: str) -> Any:
    """A figure's raw value as the model should see it; unreadable values pass unchanged."""
    if isinstance(value, (bool, dt.date)):
        return value  # the reading rules say what is wrong with it
    if isinstance(value, float):
        number: Decimal | None = Decimal(f"{value:.15g}")  # Excel's own precision
    elif isinstance(value, str):
        number = _number(value, path)
    else:
        number = read_number(value)
    if number is None:
        return value
    if _INTEGRAL.get(path, True) and number == number.to_integral_value():
        return int(number)
    return number


def _read_meta(sheet: Sheet, data: dict[str, Any], cells: dict[str, str]) -> None:
    """The 填表单位 and 填表日期 lines, and the title above the form."""
    values: set[str] = set()  # cells read as a key's value: a unit called 一览表 is no title
    for r, row in enumerate(sheet.rows[:60]):
        for c, value in enumerate(row):
            if not isinstance(value, str):
                continue
            text = unicodedata.normalize("NFKC", value)
            if (
                "campaign_title" not in data
                and sheet.cell(r, c) not in values
                and any(word in fold(text) for word in _TITLE_WORDS[:4])
                and not any(_keyed(key) for key in _META.finditer(text))
            ):
                title = form_title(_tidy(text))  # text is NFKC-folded already
                if title:
                    data["campaign_title"] = title
                    cells["campaign_title"] = sheet.cell(r, c)
                continue
            for key, found, cell in _meta_values(sheet, r, c, text):
                values.add(cell)
                if key in _UNIT_KEYS and "reporting_unit" not in data:
                    cells.setdefault("reporting_unit", cell)  # a blank 填表单位 is still found
                    name = _unit_name(found)
                    if name:
                        data["reporting_unit"] = {"name": name}
                        cells["reporting_unit"] = cells["reporting_unit.name"] = cell
                elif key in _DATE_KEYS and "filled_on" not in data and found:
                    data["filled_on"] = _date(found)
                    cells["filled_on"] = cell
                elif key == "行政区划代码" and found and "reporting_unit" in data:
                    data["reporting_unit"]["region_code"] = _code(found)
                    cells["reporting_unit.region_code"] = cell


def _keyed(key: re.Match[str]) -> bool:
    """Whether a key found in a title is a 填表 line's key: one with its colon.

    A title may hold a key's word without one ("…电话…开展情况统计表").
    """
    return key[0].rstrip().endswith((":", "："))


def _meta_values(sheet: Sheet, r: int, c: int, text: str) -> list[tuple[str, Any, str]]:
    """(key, value, cell) of each ``key：value`` in a cell; a blank value is in the next cell."""
    # A key's word inside other text without its colon (a unit called 日期0) is no key.
    matches = [m for m in _META.finditer(text) if _keyed(m) or m.end() == len(text.rstrip())]
    result = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        found: Any = text[match.end() : end].strip()
        key = _SPACE.sub("", match[1])
        cell = sheet.cell(r, c)
        if not found and index == len(matches) - 1:
            found, cell = _next_value(sheet, r, c)
        if key in _DATE_KEYS and isinstance(found, str) and not re.sub(r"[\s年月日_]", "", found):
            found = None  # "    年  月  日": the blank template (a unit may be called 日)
        result.append((key, found, cell))
    return result


def _next_value(sheet: Sheet, r: int, c: int) -> tuple[Any, str]:
    """The value of a key whose cell ends with it: the next cell with something in it.

    A cell that starts another ``key：`` ends the search; a key's word alone, without its
    colon, is the value (a unit may be called anything, even 行政区划代码).
    """
    for column in range(c + 1, len(sheet.rows[r])):
        candidate = sheet.value(r, column)
        if candidate is None:
            continue
        if not isinstance(candidate, str):
            return candidate, sheet.cell(r, column)
        key = _META.search(candidate)
        cell = sheet.cell(r, column)
        if key is None:
            return candidate.strip(), cell
        labelled = key[0].rstrip().endswith((":", "："))
        if key.start() > 0 and labelled:
            return candidate[: key.start()].strip(), cell  # "某某科协  填表人：张三"
        if not labelled:  # a key's word without its colon is part of a name: 0行政区划代码
            return candidate.strip(), cell
        break
    return None, sheet.cell(r, c + 1)


def _tidy(text: str) -> str:
    """Title or name text: one line, no invisible characters, no spacing beside Chinese."""
    return _SPACE.sub(" ", _CJK_SPACE.sub("", _INVISIBLE.sub("", text))).strip()


def _unit_name(found: Any) -> Any:
    """The unit as the 填表单位 line names it, without the （盖章） beside it.

    The blank template's line (``填表单位：________（盖章）``) names none.
    """
    if not isinstance(found, str):
        return found
    name = _SEAL.sub("", _tidy(found)).strip()
    return name if name.strip("_＿") else None


def _date(value: Any) -> Any:
    """The 填表日期 as a date when it states one; otherwise as found, for the rules to refuse.

    Date cells, ``2024年6月5日``, ``2024.6.5``, ``20240605``, ``二〇二四年六月五日``, and a day
    number whose cell lost its date format all state one.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    whole = isinstance(value, int) and not isinstance(value, bool)
    if whole or (isinstance(value, float) and value.is_integer()):
        return _day_number(int(value)) or value
    if isinstance(value, str):
        return _date_of_text(unicodedata.normalize("NFKC", value).strip()) or value
    return value


def _date_of_text(text: str) -> dt.date | None:
    match = _DATE.search(text) or _COMPACT_DATE.match(text)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    try:
        window = parse_window(text)  # 二〇二四年六月五日（星期三）
    except ValueError:  # DatePhraseError: no date, or no single day
        return None
    return window.start if window.start is not None and window.start == window.end else None


def _day_number(number: int) -> dt.date | None:
    """A date cell's number: Excel's day count, or 20240605 typed as a number."""
    if _SERIALS[0] <= number <= _SERIALS[1]:
        return _EXCEL_EPOCH + dt.timedelta(days=number)
    match = _COMPACT_DATE.match(str(number))
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return None


def _code(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() if isinstance(value, (str, int)) else value
