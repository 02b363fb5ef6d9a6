"""A notice's text as paragraphs: cleaned, rejoined, numbered headings recognised.

What real notices bring and this module undoes: PDF extraction (spaces in ``2020 年 5 月``,
page numbers ``— 3 —`` in the middle of a word, a sentence broken over two lines), Word
leftovers (``[bookmark: _GoBack]``), web pages (a headline, a time stamp, and after the
document a list of unrelated news, which is cut off as the *tail*).
"""

from __future__ import annotations

import re
import unicodedata

import attrs

__all__ = ["Heading", "Notice", "Paragraph", "chinese_numeral", "split_notice", "tidy"]

_CJK = r"\u4e00-\u9fff"
_ARTEFACTS = re.compile(
    r"\[(?:bookmark|anchor|image|pagebreak)[^\]]*\]|[\u200b-\u200f\u2060\ufeff\u00ad]", re.I
)
# A page number set between dashes, as PDF extraction leaves it inside a word: 活— 3 —动.
_PAGE_IN_TEXT = re.compile(rf"(?<=[{_CJK}])\s*[—–－-]\s+\d{{1,3}}\s+[—–－-]\s*(?=[{_CJK}])")
_PAGE_LINE = re.compile(r"^[—–－\-\s]*(?:第\s*)?\d{1,3}\s*(?:页)?[—–－\-\s]*$")
# One space between a digit and a Chinese character is PDF spacing (2020 年 5 月); longer runs
# separate columns and stay.
_DIGIT_GAP = re.compile(rf"(?<=[0-9]) (?=[{_CJK}])|(?<=[{_CJK}]) (?=[0-9])")
# Where a web page's own text begins after the document: 相关内容, 免责声明, 原文链接, …
_TAIL = re.compile(
    r"^[【\[]?\s*(?:相关(?:内容|阅读|新闻|文章|链接|推荐)|推荐(?:阅读|资讯|文章)|热门(?:资讯|推荐|文章)"
    r"|延伸阅读|猜你喜欢|免责声明|版权声明|原文链接|责任编辑|编辑\s*[:：]|扫一扫|分享到|上一篇|下一篇)"
)
# A line is cut mid-sentence when it ends in a comma-like mark or, being long, in a plain
# character: the next line continues it.
_OPEN_END = re.compile(rf"[、，,（(“《]$|[{_CJK}A-Za-z0-9”》)）]$")
_LABEL = re.compile(r"^[^，,。]{1,8}[：:]")
_NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九", 0)} | {"两": 2, "〇": 0}

# The numbering styles of GB/T 9704 headings, and those notices use besides. The group
# ``n`` holds the number; what follows the marker is the heading's text.
_STYLES = (
    ("一、", re.compile(r"([一二三四五六七八九十]{1,3})\s*[、．.]\s*")),
    ("（一）", re.compile(r"[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*[、．.]?\s*")),
    ("第一", re.compile(r"第([一二三四五六七八九十]{1,3})(?:部分|板块)?(?:[，,、：:．.]\s*|\s+)")),
    ("1.", re.compile(r"(\d{1,2})\s*(?:[、．]|\.(?!\d+(?:[.．]\d|[^0-9年])))\s*")),
    ("（1）", re.compile(r"[（(]\s*(\d{1,2})\s*[）)]\s*")),
    ("①", re.compile(r"([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*")),
)
_HEADING_END = re.compile(r"[。！!；;]")
_COLON = re.compile(r"[：:]")
_LABEL_WORD = re.compile(r"^.{0,4}(?:主题|时间|地点|对象|范围|方式)$")
_MAX_TITLE = 80


def chinese_numeral(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, ``7`` → 7, ① → 1; ``None`` for anything else."""
    text = text.strip()
    if len(text) == 1 and "①" <= text <= "⑳":  # before isdigit, which ① also passes
        return ord(text) - ord("①") + 1
    if text.isdecimal():
        return int(text)
    if not text or any(c not in _NUMERALS and c != "十" for c in text):
        return None
    if "十" not in text:
        value = 0
        for char in text:
            value = value * 10 + _NUMERALS[char]
        return value
    tens, _, ones = text.partition("十")
    if "十" in ones or len(tens) > 1 or len(ones) > 1:
        return None
    return (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[ones] if ones else 0)


def tidy(text: str) -> str:
    """One line as text to read: NFC, artefacts gone, PDF digit spacing closed, runs kept."""
    text = unicodedata.normalize("NFC", text)
    text = _ARTEFACTS.sub("", text)
    text = _PAGE_IN_TEXT.sub("", text)
    text = text.replace("\u3000", " ").replace("\xa0", " ").strip()
    return _DIGIT_GAP.sub("", text)


@attrs.frozen
class Heading:
    """A numbered heading: its style (``"（一）"``), number, title, and any text after it."""

    style: str
    number: int
    title: str
    body: str


@attrs.define
class Paragraph:
    """One paragraph of the notice, with the line it starts on (1-based)."""

    line: int
    text: str
    heading: Heading | None = None
    depth: int = 0
    """For a heading, how deep it stands: 0 for 一、, 1 for the （一） under it, …"""
    used: bool = False
    """Whether anything was taken from it."""
    in_table: bool = False
    """Whether it is a row of a table read as activities."""


@attrs.define
class Notice:
    """The paragraphs of the document, then of the web page's tail, and the notes made."""

    paragraphs: list[Paragraph]
    tail: list[Paragraph]
    notes: list[str] = attrs.field(factory=list)

    def note(self, english: str, chinese: str, line: int | None = None) -> None:
        """Record something uncertain, in English with its Chinese twin."""
        where = f"line {line}: " if line is not None else ""
        self.notes.append(f"{where}{english} ({chinese})")


def split_notice(text: str) -> Notice:
    """The notice's paragraphs, broken lines rejoined, headings recognised, tail cut off."""
    paragraphs: list[Paragraph] = []
    previous_open = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = tidy(raw)
        if not line or _PAGE_LINE.match(line):
            continue
        if paragraphs and previous_open and _continues(line):
            paragraphs[-1].text += line
        else:
            paragraphs.append(Paragraph(number, line))
        previous_open = "\t" not in line and _OPEN_END.search(line) is not None and _long(line)
    tail = _tail_start(paragraphs)
    notice = Notice(paragraphs[:tail], paragraphs[tail:])
    if notice.tail:
        first = notice.tail[0]
        notice.note(
            f"the text from {first.text[:12]!r} on was read as the web page's, not the notice's",
            "此后为网页内容，未作为通知正文读取",
            first.line,
        )
    _number_headings(notice.paragraphs)
    return notice


def _long(line: str) -> bool:
    # A short line, or one without a comma, is a heading, a label or a name; a long line of
    # prose that stops on a plain character was wrapped.
    if line.endswith(("、", "，", ",")):
        return True
    return len(line) >= 24 and ("，" in line or "," in line) and not _LABEL.match(line)


def _continues(line: str) -> bool:
    """Whether ``line`` continues the sentence the line above broke off.

    The caller has checked that the line above is open; ``line`` must be no heading, no
    label and no web page's tail.
    """
    return (
        not any(style.match(line) for _, style in _STYLES)
        and not _TAIL.match(line)
        and not _LABEL.match(line)
        and re.match(rf"[{_CJK}“《(（]", line) is not None
    )


def _tail_start(paragraphs: list[Paragraph]) -> int:
    """The index of the first paragraph of the web page's tail (``len`` when there is none)."""
    for index, paragraph in enumerate(paragraphs):
        # The first lines may be the page's own header (来源, 相关栏目); a tail comes later.
        if index >= max(1, min(5, len(paragraphs) // 3)) and _TAIL.match(paragraph.text):
            return index
    return len(paragraphs)


def _number_headings(paragraphs: list[Paragraph]) -> None:
    """Mark the paragraphs that are numbered headings.

    A number must continue its style's sequence (二 after 一), start one (一 under a new
    parent) or run on from the previous parent's list; anything else with a heading's look
    is a sentence that happens to start with a number.
    """
    stack: list[tuple[str, int]] = []
    last: dict[str, int] = {}  # numbering that runs on across parents (模块二 goes on at 5.)
    for paragraph in paragraphs:
        found = _heading(paragraph.text)
        if found is None:
            continue
        if found.style == "一、" and found.number == 1:
            stack.clear()  # GB/T 9704's first level: whatever was numbered before is done
        styles = [style for style, _ in stack]
        if found.style in styles:
            depth = styles.index(found.style)
            if found.number <= stack[depth][1]:
                continue
            del stack[depth:]
        elif (stack or found.style != "一、") and (
            found.number not in {1, last.get(found.style, 0) + 1}
            or (not stack and found.number != 1)
        ):
            continue  # a text may start in the middle of its 一、二、, never of a sub-list
        stack.append((found.style, found.number))
        last[found.style] = found.number
        paragraph.heading = found
        paragraph.depth = len(stack) - 1


def _heading(text: str) -> Heading | None:
    for style, pattern in _STYLES:
        match = pattern.match(text)
        if match is None:
            continue
        number = chinese_numeral(match[1])
        rest = text[match.end() :].strip()
        if number is None or not rest or rest[0] in "、，,。.．)）%":
            return None
        end = _HEADING_END.search(rest)
        colon = _COLON.search(rest)
        # 模块一：团结引领 is one title; 活动主题：矢志创新 and 时间安排：5月下旬起，… are a
        # label and its text.
        if (
            colon
            and (end is None or colon.start() < end.start())
            and (len(rest) - colon.end() > 20 or _LABEL_WORD.search(rest[: colon.start()]))
        ):
            end = colon
        title, body = (rest[: end.start()], rest[end.end() :]) if end else (rest, "")
        if not title or len(title) > _MAX_TITLE:
            return None
        return Heading(style, number, title.strip(), body.strip())
    return None
