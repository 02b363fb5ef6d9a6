"""The text of documents: plain text in the encodings Chinese offices use, and ``.docx``.

Shared by the notice reader and the submission-package reader (summary reports). Every
failure is a :class:`~sci_workers_day.NoticeError` saying why.
"""

from __future__ import annotations

import io
import zipfile

from sci_workers_day.errors import NoticeError
from sci_workers_day.formats._zip import ZipLimits, check_zip

__all__ = ["decode_text", "docx_text"]

_DOCX_LIMITS = ZipLimits(members=2_000, unpacked=128 * 1024 * 1024)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:  # an odd length, a lone surrogate
            msg = "the text claims UTF-16 but is not (UTF-16编码有误)"
            raise NoticeError(msg) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        msg = "the text is neither UTF-8 nor GB18030 (无法识别文本编码)"
        raise NoticeError(msg) from None


def docx_text(data: bytes) -> str:
    """The paragraphs and table rows of a ``.docx`` as lines, in document order."""
    try:
        import docx  # noqa: PLC0415 - an extra, loaded only for .docx
    except ImportError:  # pragma: no cover - the test environment installs every extra
        msg = "reading .docx needs the docx extra: pip install 'sci-workers-day[docx]'"
        raise NoticeError(msg) from None
    _check_docx(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:
        msg = f"a damaged .docx, not a Word document (文件已损坏): {type(error).__name__}"
        raise NoticeError(msg) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            for row in block.rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                lines.append("\t".join(dict.fromkeys(cells) if len(set(cells)) == 1 else cells))
        else:
            lines.extend(block.text.splitlines() or [""])
    return "\n".join(lines)


def _check_docx(data: bytes) -> None:
    """Refuse a zip bomb, an encrypted file or a DTD before python-docx sees the file."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # OLE: Word keeps encrypted .docx, and .doc, so
        msg = "an encrypted document or a .doc file (文档已加密或为.doc格式); save it as .docx"
        raise NoticeError(msg)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError) as error:
        msg = f"a damaged .docx, not a readable zip (文件已损坏): {error}"
        raise NoticeError(msg) from None
    with archive:
        check_zip(archive, _DOCX_LIMITS, what=("document", "文档"), error=NoticeError)
        try:
            head = archive.open("word/document.xml").read(4096)
        except (KeyError, zipfile.BadZipFile, OSError, EOFError, NotImplementedError):
            msg = "no word/document.xml: not a Word document (不是Word文档)"
            raise NoticeError(msg) from None
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            msg = "the document declares a DTD, which is refused (文档含DTD声明，已拒绝)"
            raise NoticeError(msg)
