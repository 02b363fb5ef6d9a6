"""Raw documents: a file's data before a model reads it, with the cell of each value.

:func:`read_document` is what ``validate(path)`` uses: it returns the file's raw data
(values as the file holds them, for lenient reading) with the cell each value came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import attrs

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
    model: Literal["return", "submission"] | None = None
    """The model the data is for, when the format tells (a workbook holds a return, a
    package a submission)."""
    formulas: frozenset[str] = frozenset()
    """Paths whose value a formula computed (the stored result was read, never evaluated)."""


def read_document(path: Path) -> RawDocument:
    """Read a file's raw data, telling its format by content; :class:`ParseError` if unreadable.

    JSON is read as it is; workbooks and CSV files are read as the return form, by label.
    """
    from sci_workers_day.formats.package import is_package, read_package  # noqa: PLC0415
    from sci_workers_day.formats.returns import read_return_data  # noqa: PLC0415  (a cycle)

    if is_package(path):
        return read_package(path)
    data, cells, formulas = read_return_data(path)
    model: Literal["return"] | None = "return" if cells else None
    return RawDocument(data, path.name, cells, model, formulas)
