"""The notice's outline: its top-level sections, the items under them, and 有关要求."""

from __future__ import annotations

import re

import attrs

from sci_workers_day.formats._notice.dates import read_day
from sci_workers_day.formats._notice.organizers import unit_line
from sci_workers_day.formats._notice.text import Notice, Paragraph

__all__ = ["Item", "Section", "items", "requirements", "sections"]

_REQUIREMENTS = re.compile(r"要求|保障措施|注意事项|组织保障|工作保障")
# Where the body of the last section ends: the attachments list, a signature, a closing mark.
_BODY_END = re.compile(r"^附\s*件|^附\s*[:：]|^[（(]主动公开|^[（(]此件|^抄\s*送|印发$")


@attrs.frozen
class Section:
    """A top-level section: its heading and the paragraphs under it (the heading excluded)."""

    heading: Paragraph
    title: str
    """The heading's title, without its number."""
    paragraphs: tuple[Paragraph, ...]


@attrs.frozen
class Item:
    """A heading with no headings under it, the title of the heading above, and its text."""

    heading: Paragraph
    title: str
    """The item's title, without its number."""
    body: str
    """The rest of the heading's line."""
    parent: str | None
    paragraphs: tuple[Paragraph, ...]

    @property
    def text(self) -> list[str]:
        """What the item says: the rest of its heading's line, then its paragraphs."""
        return [self.body] * bool(self.body) + [p.text for p in self.paragraphs]


def sections(notice: Notice) -> list[Section]:
    """The top-level sections, in order; the last ends where the attachments or signature start."""
    paragraphs = notice.paragraphs
    tops = [i for i, p in enumerate(paragraphs) if p.heading is not None and p.depth == 0]
    found = []
    for number, start in enumerate(tops):
        end = tops[number + 1] if number + 1 < len(tops) else _body_end(paragraphs, start)
        heading = paragraphs[start].heading
        title = heading.title if heading else ""
        found.append(Section(paragraphs[start], title, tuple(paragraphs[start + 1 : end])))
    return found


def _body_end(paragraphs: list[Paragraph], start: int) -> int:
    """Where the body ends after ``start``: at 附件, a signature block, 抄送 or 印发 lines.

    A signature block is the lines of names above a date line.
    """
    for index in range(start + 1, len(paragraphs)):
        text = paragraphs[index].text
        if _BODY_END.match(text):
            return index
        if read_day(text) is not None:
            end = index
            while end - 1 > start and unit_line(paragraphs[end - 1].text):
                end -= 1
            return end
    return len(paragraphs)


def items(section: Section) -> list[Item]:
    """The section's items: each heading with nothing deeper under it, with its paragraphs."""
    paragraphs = section.paragraphs
    headings = [i for i, p in enumerate(paragraphs) if p.heading is not None]
    found = []
    parents: list[Paragraph] = [section.heading]
    for number, index in enumerate(headings):
        paragraph = paragraphs[index]
        heading = paragraph.heading
        assert heading is not None  # noqa: S101 - ``headings`` holds only headings
        while len(parents) > 1 and parents[-1].depth >= paragraph.depth:
            parents.pop()
        end = headings[number + 1] if number + 1 < len(headings) else len(paragraphs)
        if end == len(paragraphs) or paragraphs[end].depth <= paragraph.depth:
            parent = parents[-1].heading
            parent_title = parent.title if parent else None
            rest = paragraphs[index + 1 : end]
            found.append(Item(paragraph, heading.title, heading.body, parent_title, rest))
        parents.append(paragraph)
    return found


def requirements(notice: Notice) -> tuple[str, ...]:
    """The items of the 有关要求 / 工作要求 section, each as ``title。text``."""
    found: list[str] = []
    for section in sections(notice):
        if not _REQUIREMENTS.search(section.title):
            continue
        section.heading.used = True
        listed = items(section)
        for item in listed:
            item.heading.used = True
            for paragraph in item.paragraphs:
                paragraph.used = True
            text = "".join(item.text)
            found.append(f"{item.title}。{text}" if text else item.title)
        if not listed:
            for paragraph in section.paragraphs:
                paragraph.used = True
                found.append(paragraph.text)
    return tuple(found)
