"""The checks every zip-based file passes before a parser opens it (workbooks, documents).

A zip says how large its entries unpack before anything is unpacked; these checks read only
that directory, so a zip bomb, a flood of entries or an encrypted file is refused for the cost
of reading its central directory.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable

import attrs

from sci_workers_day.errors import ParseError

__all__ = ["ZipLimits", "check_zip"]

_SMALL_ENTRY = 1024 * 1024
"""Entries up to this size (1 MiB) may compress as well as they like: XML of a blank sheet
packs 1000:1, and a small entry can do no harm."""


@attrs.frozen
class ZipLimits:
    """How much a zip may hold: entries, bytes unpacked, and the packing ratio of an entry."""

    members: int
    unpacked: int
    ratio: int = 200


def check_zip(
    archive: zipfile.ZipFile,
    limits: ZipLimits,
    *,
    what: tuple[str, str],
    error: Callable[[str], ParseError],
) -> None:
    """Refuse ``archive`` beyond ``limits`` or encrypted, with ``error(message)``.

    ``what`` names the file in English and Chinese for the messages: ``("workbook", "工作簿")``.
    """
    english, chinese = what
    members = archive.infolist()
    if len(members) > limits.members:
        msg = f"{len(members)} entries in the {english}, more than {limits.members} (文件条目过多)"
        raise error(msg)
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            msg = f"the {english} is encrypted ({chinese}已加密); save it without a password"
            raise error(msg)
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _SMALL_ENTRY and ratio > limits.ratio:
            msg = (
                f"entry {member.filename} unpacks {ratio:.0f} times its size, "
                f"more than {limits.ratio} (疑似压缩炸弹)"
            )
            raise error(msg)
    if total > limits.unpacked:
        msg = (
            f"unpacked {english} of {total:,} bytes exceeds the limit of {limits.unpacked:,} "
            "(文件过大)"
        )
        raise error(msg)
