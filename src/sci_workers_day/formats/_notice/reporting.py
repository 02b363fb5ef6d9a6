"""What a notice asks units to send and where (报送), whom to call (联系方式), what it attaches."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from sci_workers_day.formats._notice.dates import find_deadline
from sci_workers_day.formats._notice.organizers import looks_like_unit
from sci_workers_day.formats._notice.outline import sections
from sci_workers_day.formats._notice.text import Notice, Paragraph, chinese_numeral
from sci_workers_day.model.contact import Contact
from sci_workers_day.model.media import ShotType
from sci_workers_day.model.reporting import ReportingRequirements

__all__ = ["attachments", "contacts", "reporting"]

_SEND = re.compile(r"报送|上报|提交|发送|报至|寄送|报给|交至|发至|报(?:告)?(?=[省市县区至到给])")
# Where a notice says what to send, besides the deadline's sentence: a video limit or the
# photos wanted stand there, not in an activity's description.
_SUBMITTED = re.compile(r"报送|上报|提交|报至|影像资料|视频资料|图片资料|照片资料")
_MATERIALS_AFTER = re.compile(
    r"^[^。]*?将(.+?)(?:[，,]\s*)?(?:统一|分别|一并|按时|及时|同时)?"
    r"(?:报送|上报|提交|发送|报至|报到|发至|寄送|报(?=[省市县区至到给]))"
)
_MATERIALS_SENT = re.compile(r"^[^。]*?(?:报送|上报|提交)([^。；;]+?)(?:[。；;]|$)")
_SUBJECT = re.compile(r"([^，,。；;：:]{2,30}?)\s*(?:请|须|需|要|应)?\s*(?:于|在)?\s*$")
_BRACKETED = re.compile(r"[（(][^（()）]*[）)]")
_ITEM_SPLIT = re.compile(r"[、，,；;]")
_RECIPIENT = re.compile(
    r"(?:报送|上报|提交|发送|报至|发至|报)(?:至|到|给)?\s*([^，,。；;、（(）)：:\s]{2,24})"
    r"\s*(?:[（(][^（()）@]*?([\w.+-]+@[\w.-]+\.[A-Za-z]{2,})\s*[）)])?"
)
_MAILBOX = re.compile(r"(?:联系|指定|以下|下列|工作)?邮箱")
_NUMBER = r"(\d+(?:\.\d+)?|[一二三四五六七八九十两半]+)"
_UNIT = r"(分钟|分|秒钟|秒|min|s)"
_VIDEO_LIMIT = re.compile(
    rf"(?:不超过|不得超过|不超出|不多于|不长于|控制在|最长|最多|时长为|≤|<=)\s*{_NUMBER}\s*{_UNIT}"
    rf"(?:\s*(\d+)\s*秒)?"
    rf"|{_NUMBER}\s*{_UNIT}(?:\s*(\d+)\s*秒)?\s*(?:以内|之内|以下|内)"
)
# 全景照, 全景照片, 全景、特写照片: a shot is a kind of photo, not 全景展示 in prose.
_SHOTS = (
    (ShotType.PANORAMA, re.compile(r"全景[^。；;]{0,8}照")),
    (ShotType.CLOSE_UP, re.compile(r"特写[^。；;]{0,8}照")),
)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_EXTENSION = r"(?:\s*(?:转|分机|-)\s*\d{1,6}(?!\d))?"
_PHONE = re.compile(
    rf"(?:\+\s*86\s*)?(?:[(（]\s*0\d{{2,3}}\s*[)）]\s*\d{{7,8}}"
    rf"|(?<!\d)0\d{{2,3}}\s*[-－—–]?\s*\d{{7,8}}(?!\d)){_EXTENSION}"
    r"|(?:\+\s*86\s*)?(?<!\d)1[3-9]\d(?:\s*-?\s*\d{4}){2}(?!\d)"
    r"|(?<!\d)[48]00\s*-?\s*\d{3}\s*-?\s*\d{4}(?!\d)"
    r"|(?<![\d-])\d{7,8}(?![\d-])"
)
_FAX = re.compile(r"传\s*真\s*[：:]?\s*[-()（）0-9\s]+")
_NAME_KEY = re.compile(r"联\s*系\s*人(?:及(?:联系)?(?:电话|方式))?\s*[：:]\s*")
_CONTACT_KEY = re.compile(
    r"联\s*系\s*人|联\s*系\s*电\s*话|电\s*话|手\s*机|座\s*机|邮\s*箱|电子邮件|E-?mail|传\s*真", re.I
)
_KEYWORD_VALUE = re.compile(
    r"(联\s*系\s*人(?:及(?:联系)?(?:电话|方式))?|联\s*系\s*电\s*话|电\s*话|手\s*机|座\s*机"
    r"|(?:电子)?邮\s*箱|电子邮件|E-?mail|传\s*真)"
    r"\s*[：:]",
    re.I,
)
_COLUMNS = re.compile(r"\s{3,}|\t")
_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_ATTACHMENTS = re.compile(r"^附\s*件?\s*\d*\s*[：:]\s*(.*)$")
_LISTED = re.compile(r"^(\d{1,2})\s*[.．、]\s*(.+)$")
_AREA = re.compile(r"^(0\d{2,3})-")


def reporting(
    notice: Notice, year: int, found_contacts: tuple[Contact, ...]
) -> ReportingRequirements | None:
    """The reporting rule: deadline, materials, video limit, photo shots and recipients."""
    sentence, paragraph, deadline = _reporting_sentence(notice, year)
    body = "".join(p.text for p in notice.paragraphs if _SUBMITTED.search(p.text))
    data: dict[str, Any] = {}
    if deadline is not None:
        date, phrase = deadline
        data["deadline"] = date
        after = sentence[sentence.find(phrase) + len(phrase) :]
        before = sentence[: sentence.find(phrase)]
        data["materials"] = _materials(after, before)
        data["recipients"] = _recipients(sentence, found_contacts)
    seconds = _video_seconds(sentence) or _video_seconds(body)
    if seconds:
        data["max_video_seconds"] = seconds
    shots_text = sentence if any(p.search(sentence) for _, p in _SHOTS) else body
    shots = {shot for shot, pattern in _SHOTS if pattern.search(shots_text)}
    if shots:
        data["required_shots"] = shots
    if not data:
        return None
    if paragraph is not None:
        paragraph.used = True
    try:
        return ReportingRequirements.model_validate(data)
    except ValidationError as error:  # pragma: no cover - every part was built valid
        notice.note(f"the reporting rule was left out: {error}", "报送要求无法读取，已略过")
        return None


def _reporting_sentence(
    notice: Notice, year: int
) -> tuple[str, Paragraph | None, tuple[Any, str] | None]:
    """The text from the sentence that sets the deadline on, its paragraph, and the deadline.

    The text runs to the paragraph's end: where to send often follows in the next sentence.
    """
    for paragraph in notice.paragraphs:
        sentences = re.split(r"(?<=。)", paragraph.text)
        for index, sentence in enumerate(sentences):
            if not _SEND.search(sentence):
                continue
            found = find_deadline(sentence, year)
            if found is not None:
                return "".join(sentences[index:]), paragraph, found
    return "", None, None


def _materials(after: str, before: str) -> tuple[str, ...]:
    text = _unbracket(after)
    match = _MATERIALS_AFTER.match(text) or _MATERIALS_SENT.match(text)
    if match:
        listed = match[1]
    else:
        subject = _SUBJECT.search(_unbracket(before))
        listed = subject[1] if subject else ""
    items = []
    for part in _ITEM_SPLIT.split(listed):
        item = part.strip().strip('《》“”"').removesuffix("等").strip()
        item = re.sub(r"^(?:将|并|把)", "", item)
        if 2 <= len(item) <= 40 and not looks_like_unit(item) and "邮箱" not in item:
            items.append(item)
    return tuple(dict.fromkeys(items))


def _unbracket(text: str) -> str:
    while True:
        shorter = _BRACKETED.sub("", text)
        if shorter == text:
            return text
        text = shorter


def _recipients(sentence: str, found_contacts: tuple[Contact, ...]) -> tuple[Contact, ...]:
    """Where to send: an office after 报送, e-mails, or the 联系方式 ones for 联系邮箱.

    An office may carry its e-mail in brackets: ``报省科协办公室(sxkxbgs@163.com)``.
    """
    recipients = [
        Contact(organization=match[1], email=match[2] if _valid(email=match[2] or "") else None)
        for match in _RECIPIENT.finditer(sentence)
        if looks_like_unit(match[1])
    ]
    named = {c.email for c in recipients}
    recipients += [
        Contact(email=e) for e in _EMAIL.findall(sentence) if e not in named and _valid(email=e)
    ]
    if not recipients and _MAILBOX.search(sentence):
        recipients = [
            Contact(organization=c.organization, email=c.email) for c in found_contacts if c.email
        ]
    return tuple(dict.fromkeys(recipients))


def _video_seconds(text: str) -> int | None:
    at = text.find("视频")
    while at >= 0:
        window = re.split(r"[。]", text[at : at + 60], maxsplit=1)[0]
        match = _VIDEO_LIMIT.search(window)
        if match:
            number, unit, extra = (
                (match[1], match[2], match[3]) if match[1] else (match[4], match[5], match[6])
            )
            seconds = _seconds(number, unit, extra)
            if seconds:
                return seconds
        at = text.find("视频", at + 2)
    return None


def _seconds(number: str, unit: str, extra: str | None) -> int | None:
    value = 0.5 if number == "半" else None
    if value is None:
        value = float(number) if number[0].isdigit() else chinese_numeral(number)
    if value is None:
        return None
    seconds = value if unit in {"秒", "秒钟", "s"} else value * 60
    return int(seconds + int(extra or 0)) or None


# --- contacts ---------------------------------------------------------------------------


def contacts(notice: Notice) -> tuple[Contact, ...]:
    """Everyone to reach: the 联系方式 section and contact lines anywhere, the tail too."""
    found: list[Contact] = []
    for section in (s for s in sections(notice) if re.search(r"联系", s.title)):
        in_section = {id(p) for p in section.paragraphs}
        read = [c for b in _blocks(list(section.paragraphs), in_section) for c in _read(notice, b)]
        section.heading.used = bool(read)
        found.extend(read)
    found.extend(c for b in _blocks(notice.paragraphs, set()) for c in _read(notice, b))
    tail = [c for block in _blocks(notice.tail, set()) for c in _read(notice, block)]
    if tail:
        notice.note(
            "contacts were read from the web page's text after the notice; check they belong",
            "部分联系方式取自通知之后的网页内容，请核对",
            notice.tail[0].line,
        )
    return tuple(dict.fromkeys([*found, *tail]))


def _blocks(paragraphs: list[Paragraph], in_section: set[int]) -> list[list[Paragraph]]:
    """Runs of consecutive contact lines."""
    blocks: list[list[Paragraph]] = []
    current: list[Paragraph] = []
    for paragraph in paragraphs:
        text = paragraph.text
        sentence = paragraph.heading is not None or "。" in text.rstrip("。")
        keyed = _CONTACT_KEY.search(text) and (
            _PHONE.search(text) or _EMAIL.search(text) or _NAME_KEY.search(text)
        )
        is_contact = (
            not sentence
            and not paragraph.used
            and (id(paragraph) in in_section or (len(text) <= 100 and keyed))
        )
        if is_contact:
            current.append(paragraph)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _read(notice: Notice, block: list[Paragraph]) -> list[Contact]:
    """The contacts of one block; side-by-side columns are read one column at a time.

    A number or address the model refuses (``0351-12345678``) is left out with a note.
    """
    groups: list[_Group] = []
    index = 0
    while index < len(block):
        columns = len(_COLUMNS.split(block[index].text.strip()))
        end = index + 1
        while end < len(block) and len(_COLUMNS.split(block[end].text.strip())) == columns:
            end += 1
        rows = [_COLUMNS.split(p.text.strip()) for p in block[index:end]]
        for column in range(columns):
            groups.extend(_read_lines([row[column] for row in rows]))
        for paragraph in block[index:end]:
            paragraph.used = True
        index = end
    found = [c for group in groups for c in group.contacts()]
    for group in groups:
        for value in group.refused:
            notice.note(
                f"{value!r} is no valid phone number or e-mail address; it was left out",
                "电话或邮箱无效，已略过",
                block[0].line,
            )
    return found


class _Group:
    """One body's contact lines: its name, the people, their numbers and addresses."""

    def __init__(self, organization: str | None = None) -> None:
        self.organization = organization
        self.names: list[str] = []
        self.phones: list[str] = []
        self.emails: list[str] = []
        self.refused: list[str] = []

    @property
    def empty(self) -> bool:
        return not (self.names or self.phones or self.emails)

    def contacts(self) -> list[Contact]:
        """One contact per person, number and address, tied where the text ties them."""
        org = self.organization
        self.refused = [v for v in self.phones if not _valid(phone=v)]
        self.refused += [v for v in self.emails if not _valid(email=v)]
        phones = [p for p in self.phones if p not in self.refused]
        emails = [e for e in self.emails if e not in self.refused]
        email, more = (emails[0], emails[1:]) if emails else (None, [])
        if len(self.names) <= 1:
            name = self.names[0] if self.names else None
            numbers: list[str | None] = list(phones) or [None]
            people = [
                Contact(name=name, organization=org, phone=phone, email=email)
                for phone in numbers
                if name or phone or email
            ]
        else:  # 甲 乙 / 电话：A B: who has which number, the text does not say
            people = [Contact(name=name, organization=org) for name in self.names]
            people += [Contact(organization=org, phone=phone) for phone in phones]
            more = [email, *more] if email else more
        return people + [Contact(organization=org, email=e) for e in more]


def _valid(**fields: str) -> bool:
    try:
        Contact(**fields)
    except ValidationError:
        return False
    return True


def _read_lines(lines: list[str]) -> list[_Group]:
    """Contact groups from lines read top to bottom: a body's name opens a new group.

    A line may hold several contacts separated by ``；`` (``联系人：区科协办公室 孙慧敏，电话：…；
    区科技局 周建，电话：…``); each part is read as a line of its own.
    """
    groups = [_Group()]
    for line in lines:
        for part in re.split(r"[；;]", line):
            if part.strip():
                _read_part(part.strip(), groups)
    return [group for group in groups if not group.empty]


def _read_part(line: str, groups: list[_Group]) -> None:
    """One contact line: a body, people, numbers and addresses, in any order."""
    line = _FAX.sub(" ", line)  # a fax number is no one's phone
    bare = _PHONE.sub(" ", _EMAIL.sub(" ", line))
    first_key = _KEYWORD_VALUE.search(bare)
    lead = _words(bare[: first_key.start()] if first_key else bare)
    named: list[str] = []
    for key in _NAME_KEY.finditer(bare):
        following = _KEYWORD_VALUE.search(bare, key.end())
        named += _words(bare[key.end() : following.start() if following else len(bare)])
    units = [w for w in lead + named if len(w) > 2 and looks_like_unit(w)]
    # A word before the first key is a person only beside a body (晋中市科学技术局 赵静) or on
    # a line without keys (王某某 13812345678): 网站联系电话： names no one called 网站.
    people = [w for w in named if _PERSON.match(w) and w not in units]
    if units or first_key is None:
        people += [w for w in lead if _PERSON.match(w) and w not in units]
    group = groups[-1]
    if units:
        group = _Group(units[0])
        groups.append(group)
    elif people and group.names and (group.phones or group.emails):
        group = _Group(group.organization)
        groups.append(group)
    group.names.extend(people)
    group.phones.extend(_phones(line))
    group.emails.extend(_EMAIL.findall(line))


def _words(text: str) -> list[str]:
    """The words of a contact line: split at spaces, commas and brackets, 赵 静 joined back."""
    return _tokens(re.sub(r"[，,、（）()：:]", " ", text))


def _tokens(text: str) -> list[str]:
    """Words split at spaces, single characters joined back (赵 静 → 赵静)."""
    tokens: list[str] = []
    single = ""
    for token in text.split():
        if len(token) == 1 and re.match(r"[\u4e00-\u9fff]", token):
            single += token
            if len(single) == 2:
                tokens.append(single)
                single = ""
            continue
        if single:
            tokens.append(single)
            single = ""
        tokens.append(token)
    return [*tokens, single] if single else tokens


def _phones(line: str) -> list[str]:
    """The numbers on a line; a bare local number takes the area code before it."""
    phones = []
    area = None
    for match in _PHONE.finditer(_EMAIL.sub("", line)):
        number = re.sub(r"[\s(（)）]", "", match[0])
        if number.startswith("0") and "-" not in number:  # (010)86409582 → 010-86409582
            number = re.sub(r"^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})(?!\d)", r"\1-\2", number)
        known = _AREA.match(number)
        if known:
            area = known[1]
        elif len(number) in {7, 8}:
            if area is None:
                continue
            number = f"{area}-{number}"
        phones.append(number)
    return phones


# --- attachments ------------------------------------------------------------------------


def attachments(notice: Notice) -> tuple[str, ...]:
    """The titles after ``附件：`` (``1. … 2. …``) or ``附：``."""
    paragraphs = notice.paragraphs
    for index, paragraph in enumerate(paragraphs):
        match = _ATTACHMENTS.match(paragraph.text)
        if match is None or not match[1].strip():
            continue
        paragraph.used = True
        first = match[1].strip()
        listed = _LISTED.match(first)
        if listed is None:
            return (_title(first),)
        titles = [_title(listed[2])]
        for following in paragraphs[index + 1 :]:
            item = _LISTED.match(following.text)
            if item is None or int(item[1]) != len(titles) + 1:
                break
            following.used = True
            titles.append(_title(item[2]))
        return tuple(titles)
    return ()


def _title(text: str) -> str:
    return text.strip().rstrip("。；;").strip("《》")
