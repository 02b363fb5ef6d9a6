"""Raw documents: a file's data before a model reads it, with the cell of each value.

:func:`read_document` is what ``validate(path)`` uses: it returns the file's raw data
(values as the file holds them, for lenient reading) with the cell each value came from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs

from sci_workers_day.errors import ParseError
from sci_workers_day.formats import _json

__all__ = ["RawDocument", "read_document"]


@attrs.frozen
class RawDocument:
    """A file's data before the model reads it, and where each value came from."""

    data: Any
    """Mappings and lists of raw values, as the file holds them."""
    name: str
    """The file's name, for reports and error messages."""
    cells: Mapping[str, str] = attrs.field(factory=dict)
    """Dotted model path → sheet-qualified A1 cell, for data read from a workbook."""


# A reader returns the raw data and, for workbooks, the cell each model path came from.
_READERS: dict[str, Callable[[Path], tuple[Any, Mapping[str, str]]]] = {".json": _json.read_data}


def read_document(path: Path) -> RawDocument:
    """Read a file's raw data by its suffix; :class:`~sci_workers_day.ParseError` if unreadable."""
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        supported = ", ".join(sorted(_READERS))
        msg = f"unsupported file type {path.suffix!r} (不支持的文件类型); supported: {supported}"
        raise ParseError(msg, file=path.name)
    try:
        data, cells = reader(path)
    except ParseError as error:
        raise error.at(file=path.name) from None
    except OSError as error:
        msg = f"cannot read the file (无法读取文件): {error.strerror or error}"
        raise ParseError(msg, file=path.name) from error
    return RawDocument(data, path.name, cells)
