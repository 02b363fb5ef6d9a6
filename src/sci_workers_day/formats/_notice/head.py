"""The parts of a notice around its activities: title, number, issuers, theme, window, ….

Title, kinds, year and edition; document number, basis and addressees; theme and window;
the issuers of its letterhead and signature, and the date it was issued.
"""

from __future__ import annotations

import datetime as dt
import re

from sci_workers_day.dates import DateWindow
from sci_workers_day.errors import DatePhraseError, DocumentNumberError
from sci_workers_day.formats._notice.dates import find_window, read_day
from sci_workers_day.formats._notice.organizers import organizer, unit_line
from sci_workers_day.formats._notice.text import Notice, Paragraph, chinese_numeral
from sci_workers_day.formats._text import split_outside_brackets
from sci_workers_day.model.campaign import FIRST_YEAR, LAST_YEAR, CampaignKind, edition_of
from sci_workers_day.model.document import DocumentNumber, DocumentReference
from sci_workers_day.model.organizer import Organizer
from sci_workers_day.phrases import parse_window

__all__ = [
    "addressees",
    "basis",
    "body_start",
    "document_number",
    "edition",
    "issuers_and_date",
    "kinds",
    "theme",
    "title",
    "window",
    "year",
]

_KIND_NAMES = (
    (CampaignKind.WORKERS_DAY, re.compile(r"科技工作者日")),
    (CampaignKind.SCIENCE_WEEK, re.compile(r"科技活动周|科技周")),
    (CampaignKind.SCIENCE_DAY, re.compile(r"科普日")),
)
_FORMAL_TITLE = re.compile(r"^关于.{2,100}(?:通知|方案|意见|函|通报|决定|计划|安排)$")
_PLAN_TITLE = re.compile(r".{4,100}(?:通知|方案|计划|安排|发布会|实录)[)）]?$")
_SITE_SUFFIX = re.compile(r"\s*[_｜|]\s*[^_｜|]{1,16}(?:网|网站|频道|平台|报|在线|新闻)\s*$")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_EDITION = re.compile(
    r"第\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*[个届次]\s*[“\"「『]?\s*"
    r"(全国科技工作者日|科技工作者日|全国科技活动周|科技活动周|全国科普日)"
)
_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,12}\s*[〔\[【(（﹝［]\s*(?:19|20)\d{2}\s*[〕\]】)）﹞］]"
    r"\s*(?:[\u4e00-\u9fff]{1,3}字)?\s*第?\s*\d{1,4}\s*号"
)
_BASIS_WORD = re.compile(r"根据|按照|依据|遵照|贯彻落实|为落实|落实")
# 《甲》精神和《乙》要求 is one basis clause: it ends at the last such word before a pause.
_BASIS_END = re.compile(r"(?:精神|要求|部署|规定|安排|有关事项)(?=[，,。；;]|$)|。")
_CITED = re.compile(r"《((?:[^《》]|《[^《》]*》)+)》\s*(?:[（(]\s*([^（()）]{4,30}?号)\s*[）)])?")
_ADDRESSEE_WORDS = re.compile(
    r"各|有关|单位|部门|科协|[局委厅]|学会|协会|研究会|政府|管委会|中心|高校|企业|学校"
)
# A label (联系人：) or a sentence (现将有关事项通知如下：) ends with a colon too.
_NOT_ADDRESSEES = re.compile(
    r"^(?:联系|电话|邮箱|地址|时间|地点|主题|附件|抄送|主办|承办|协办|来源|发布)|如下|。|^(?:为|根据|按照)"
)
_ADDRESSEE_SEPARATORS = "，,；;"  # not 、: 科技部门、党委宣传部、科协 is one addressee
_THEME_IN_PROSE = re.compile(
    r"主题\s*(?:为|是|定为)\s*[：:]?\s*[“\"「『]([^”\"」』]{2,60})[”\"」』]"
    r"|(?:活动|本届|今年|此次|本次)[^。，,]{0,12}以\s*[“\"「『]([^”\"」』]{2,60})[”\"」』]\s*为主题"
)
_SCHEDULE_HEADING = re.compile(r"活动安排|具体安排|主要活动|重点活动|活动内容|日程")
_LETTERHEAD = re.compile(r"\s*文件\s*")
_SIGNERS = 6
"""The most lines of names a signature block has (joint notices of six bodies exist)."""
_CLOSING = re.compile(r"^[（(](?:主动公开|此件公开发布|此件不公开|公开方式[^)）]*)[）)]$")


def body_start(notice: Notice) -> int:
    """The index of the first heading or prose paragraph: the header lies above it."""
    for index, paragraph in enumerate(notice.paragraphs):
        if paragraph.heading or (len(paragraph.text) > 60 and "。" in paragraph.text):
            return index
    return len(notice.paragraphs)


def _clean_title(text: str) -> str:
    return _SITE_SUFFIX.sub("", text).strip()


def title(notice: Notice, header: list[Paragraph]) -> str:
    """The document's title line: a formal 关于…的通知, else a plan's or a page's headline."""
    candidates = [p for p in header if len(p.text) <= 120 and read_day(p.text) is None]
    chosen = (
        next((p for p in candidates if _FORMAL_TITLE.match(_clean_title(p.text))), None)
        or next((p for p in candidates if _PLAN_TITLE.match(_clean_title(p.text))), None)
        or next((p for p in candidates if _kinds_in(p.text) and len(p.text) >= 8), None)
    )
    if chosen is None:
        first = next(iter(candidates or notice.paragraphs), None)
        text = first.text[:60] if first else "(无标题)"
        notice.note(
            "no title line found; the first line stands in for it",
            "未找到标题，暂以首行代替",
            first.line if first else None,
        )
        return _clean_title(text) or text
    text = _clean_title(chosen.text)
    for paragraph in header:  # a web page repeats its headline
        if _clean_title(paragraph.text) == text:
            paragraph.used = True
    return text


def _kinds_in(text: str) -> list[CampaignKind]:
    return [kind for kind, pattern in _KIND_NAMES if pattern.search(text)]


def kinds(notice: Notice, title_text: str, opening: list[Paragraph]) -> frozenset[CampaignKind]:
    """The campaigns the title names; else the opening's; else the most named in the body."""
    found = _kinds_in(title_text) or [k for p in opening for k in _kinds_in(p.text)]
    if found:
        return frozenset(found)
    counts = {
        kind: sum(len(pattern.findall(p.text)) for p in notice.paragraphs)
        for kind, pattern in _KIND_NAMES
    }
    best = max(counts, key=lambda kind: counts[kind])
    if counts[best] == 0:
        notice.note(
            "the notice names no campaign; 全国科技工作者日 was assumed",
            "通知未写明活动类别，暂定为全国科技工作者日",
        )
        return frozenset({CampaignKind.WORKERS_DAY})
    return frozenset({best})


def year(notice: Notice, title_text: str, issued_on: dt.date | None, given: int | None) -> int:
    """The campaign's year: the title's, else the issue date's, else ``given``, else the body's.

    Only years a campaign can have (1949–2100) count; 1919年五四 in the opening is history.
    """
    stated = next((int(m[1]) for m in _YEAR.finditer(title_text) if _possible(int(m[1]))), None)
    signed = issued_on.year if issued_on and _possible(issued_on.year) else None
    found = stated or signed
    if found is not None:
        if given is not None and given != found:
            notice.note(
                f"the notice is for {found}, not the {given} given",
                f"通知所写年份为{found}年，与传入的{given}年不同",
            )
        return found
    if given is not None:
        return given
    for paragraph in notice.paragraphs:
        for match in re.finditer(r"(?<!\d)((?:19|20)\d{2})\s*年", paragraph.text):
            if _possible(int(match[1])):
                notice.note(
                    f"the year {match[1]} was taken from the text, not the title",
                    f"年份{match[1]}取自正文",
                    paragraph.line,
                )
                return int(match[1])
    today = dt.date.today().year
    notice.note(f"the notice states no year; {today} was assumed", f"通知未写年份，暂定为{today}年")
    return today


def _possible(value: int) -> bool:
    return FIRST_YEAR <= value <= LAST_YEAR


def edition(notice: Notice, kinds_found: frozenset[CampaignKind], year_found: int) -> int | None:
    """The Nth edition the notice states (第八个 → 8), checked against the year."""
    for paragraph in notice.paragraphs:
        match = _EDITION.search(paragraph.text)
        if match is None:
            continue
        number = chinese_numeral(match[1])
        kind = next(k for k, pattern in _KIND_NAMES if pattern.search(match[2]))
        if number is None or kind not in kinds_found:
            continue
        try:
            expected = edition_of(kind, year_found)
        except ValueError:
            expected = None
        if expected is not None and expected != number:
            notice.note(
                f"the {number}th {kind.label} does not fall in {year_found} "
                f"(the {expected}th does)",
                f"第{number}个{kind.label}不在{year_found}年，该年为第{expected}个",
                paragraph.line,
            )
        return number
    return None


def document_number(header: list[Paragraph]) -> DocumentNumber | None:
    """The 发文字号 standing in the header (not one cited in the text)."""
    for paragraph in header:
        if "《" in paragraph.text:
            continue
        for match in _NUMBER.finditer(paragraph.text):
            try:
                number = DocumentNumber.parse(match[0])
            except DocumentNumberError:
                continue
            paragraph.used = True
            return number
    return None


def basis(opening: list[Paragraph]) -> tuple[DocumentReference, ...]:
    """The documents the notice says it implements: 根据《…》(…号)精神."""
    found: list[DocumentReference] = []
    for paragraph in opening:
        text = paragraph.text
        done = 0  # where the last clause ended: a word inside it starts no new one
        for word in _BASIS_WORD.finditer(text):
            if word.start() < done:
                continue
            end = _BASIS_END.search(text, word.end())
            done = end.end() if end else len(text)
            span = text[word.end() : end.start() if end else len(text)]
            for cited in _CITED.finditer(span):
                reference = _reference(cited[1], cited[2])
                if reference is not None and reference not in found:
                    found.append(reference)
                    paragraph.used = True
    return tuple(found)


def _reference(title_text: str, number_text: str | None) -> DocumentReference | None:
    number = None
    if number_text:
        try:
            number = DocumentNumber.parse(number_text)
        except DocumentNumberError:
            number = None
    return DocumentReference(title=title_text.strip() or None, number=number)


def addressees(header: list[Paragraph]) -> tuple[str, ...]:
    """The 主送 line: ``各县(市、区)科技管理部门、…,市直有关单位,…:`` split at commas."""
    for paragraph in header:
        text = paragraph.text.rstrip()
        if not text.endswith(("：", ":")) or text.startswith("各位") or len(text) < 4:
            continue
        body = text[:-1]
        if _NOT_ADDRESSEES.search(body) or not _ADDRESSEE_WORDS.search(body):
            continue
        paragraph.used = True
        return tuple(
            part.strip()
            for part in split_outside_brackets(body, _ADDRESSEE_SEPARATORS)
            if part.strip()
        )
    return ()


def theme(notice: Notice, opening: list[Paragraph]) -> str | None:
    """The theme: under a 活动主题 heading, on a 主题： line, or 主题为“…” in prose."""
    for index, paragraph in enumerate(notice.paragraphs):
        heading = paragraph.heading
        if not _names_part(paragraph, "主题"):
            continue
        assert heading is not None  # noqa: S101 - _names_part holds for headings only
        if "时间" in heading.title:  # 活动的主题和时间: both in one paragraph of prose
            break
        value = heading.body or _next_text(notice, index)
        if value:
            paragraph.used = True
            prose = _THEME_IN_PROSE.search(value)
            return (prose[1] or prose[2] if prose else value).strip('。.“”"「」 ')
    for paragraph in notice.paragraphs[: len(opening) + 40]:
        label = re.match(r"^(?:活动)?主题\s*[：:]\s*(.+)$", paragraph.text)
        match = label or _THEME_IN_PROSE.search(paragraph.text)
        if match:
            paragraph.used = True
            return (match[1] or match[2]).strip('。.“”"「」 ')
    return None


def _names_part(paragraph: Paragraph, word: str) -> bool:
    """Whether a paragraph is a top-level heading of the notice's part ``word`` (主题, 时间).

    Only top level: ``1.科学家精神主题展览`` under 活动安排 is an activity, not the theme.
    """
    heading = paragraph.heading
    return (
        heading is not None
        and paragraph.depth == 0
        and word in heading.title
        and len(heading.title) <= 10
    )


def _next_text(notice: Notice, index: int) -> str | None:
    """The paragraph after a heading, when it is no heading itself; marks it used."""
    if index + 1 < len(notice.paragraphs):
        following = notice.paragraphs[index + 1]
        if following.heading is None:
            following.used = True
            return following.text
    return None


def window(notice: Notice, year_found: int) -> DateWindow | None:
    """The campaign's window: under a 活动时间 heading, on a 活动时间： line, or in prose."""
    for index, paragraph in enumerate(notice.paragraphs):
        heading = paragraph.heading
        if heading is None or not _names_part(paragraph, "时间"):
            continue
        value = heading.body or _next_text(notice, index)
        if not value:
            continue
        paragraph.used = True
        try:
            return parse_window(value.strip("。. "), year=year_found)
        except DatePhraseError:
            found = find_window(_after_time(value), year_found)
            if found is not None:
                return found
            notice.note(
                f"the window {value!r} is no date phrase", "活动时间无法识别", paragraph.line + 1
            )
            return None
    for paragraph in notice.paragraphs:
        at = paragraph.text.find("活动时间")
        if at >= 0:
            found = find_window(paragraph.text[at:], year_found)
            if found is not None:
                paragraph.used = True
                return found
    return _window_in_prose(notice, year_found)


def _window_in_prose(notice: Notice, year_found: int) -> DateWindow | None:
    """A range of days stated in prose before the schedule: ``我市活动于9月14日—20日集中开展``.

    Only a range in the campaign's year, and noted: prose dates are easy to misread.
    """
    for paragraph in notice.paragraphs:
        if paragraph.heading is not None and _SCHEDULE_HEADING.search(paragraph.heading.title):
            break
        for sentence in re.split(r"(?<=[。；])", paragraph.text):
            if "活动" not in sentence or "《" in sentence:
                continue
            found = find_window(sentence, year_found)
            if (
                found is not None
                and found.start is not None
                and found.end is not None
                and found.start < found.end
                and found.start.year == year_found
            ):
                notice.note(
                    f"the campaign's window {found.phrase!r} was read from prose; check it",
                    "活动时间取自正文叙述，请核对",
                    paragraph.line,
                )
                return found
    return None


def _after_time(text: str) -> str:
    at = text.find("时间")
    return text[at:] if at >= 0 else text


def issuers_and_date(
    notice: Notice, header: list[Paragraph]
) -> tuple[tuple[Organizer, ...], dt.date | None]:
    """The bodies of the letterhead and the signature blocks, and the signature's date."""
    names: list[str] = []
    for paragraph in header[:6]:
        if re.search(r"文件\s*$|\s文件\s", paragraph.text):
            units = unit_line(_LETTERHEAD.sub(" ", paragraph.text))
            if units:
                names.extend(units)
                paragraph.used = True
    issued_on = None
    paragraphs = notice.paragraphs
    for index, paragraph in enumerate(paragraphs):
        day = read_day(paragraph.text)
        if paragraph.heading is None and day is not None:
            signed = _signature(paragraphs, index)
            names.extend(signed)
            if signed or issued_on is None:
                issued_on = day
                paragraph.used = True
            continue
        units = unit_line(paragraph.text)
        after_attachments = index > 0 and paragraphs[index - 1].text.startswith("附")
        closing = index + 1 < len(paragraphs) and _CLOSING.match(paragraphs[index + 1].text)
        if units and (after_attachments or closing or index == len(paragraphs) - 1):
            names.extend(units)
            paragraph.used = True
    for paragraph in paragraphs:
        if _CLOSING.match(paragraph.text):
            paragraph.used = True
    return tuple(organizer(name) for name in dict.fromkeys(names)), issued_on


def _signature(paragraphs: list[Paragraph], index: int) -> list[str]:
    """The names on the lines of names right above ``index`` (a signature block)."""
    names: list[str] = []
    start = index
    while start > 0 and index - start < _SIGNERS and unit_line(paragraphs[start - 1].text):
        start -= 1
    for paragraph in paragraphs[start:index]:
        names.extend(unit_line(paragraph.text))
        paragraph.used = True
    return names
