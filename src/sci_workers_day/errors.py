"""The library's exceptions: one tree, rooted in :class:`SciWorkersDayError`.

::

    SciWorkersDayError
    ├── ParseError (also ValueError)        input could not be read; says where
    │   ├── DatePhraseError                 not a date phrase, or an impossible date
    │   ├── DocumentNumberError             not a 发文字号
    │   ├── NoticeError                     no notice to read: empty text, an unreadable file
    │   ├── PackageError                    a submission package that cannot be opened safely
    │   └── WorkbookError                   a workbook or CSV file that cannot be read
    ├── RegionNotFoundError (also LookupError)
    │                                       no division with that code or name
    └── UnknownRuleError (also LookupError) a caller's policy or explanation names no rule

Problems *in* the data (a negative figure, a late submission) are not exceptions: they are
findings in a validation report. An exception means the operation itself could not go on.
"""

from __future__ import annotations

__all__ = [
    "DatePhraseError",
    "DocumentNumberError",
    "NoticeError",
    "PackageError",
    "ParseError",
    "RegionNotFoundError",
    "SciWorkersDayError",
    "UnknownRuleError",
    "WorkbookError",
]


class SciWorkersDayError(Exception):
    """Base class of every exception the library raises on purpose."""


class ParseError(SciWorkersDayError, ValueError):
    """Input that could not be read, with where reading failed.

    ``file``, ``sheet``, ``cell`` and ``line`` are filled in as far as they are known; an
    importer that catches a lower-level error adds its own part with :meth:`at` and re-raises,
    so the message grows from "cell B7" to "returns.xlsx, sheet 统计表, cell B7".
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        sheet: str | None = None,
        cell: str | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.line = line

    def at(
        self,
        *,
        file: str | None = None,
        sheet: str | None = None,
        cell: str | None = None,
        line: int | None = None,
    ) -> ParseError:
        """Fill in the parts of the location that are still unknown; return ``self``."""
        self.file = self.file or file
        self.sheet = self.sheet or sheet
        self.cell = self.cell or cell
        self.line = self.line if self.line is not None else line
        return self

    @property
    def location(self) -> str:
        """The location as text, e.g. ``returns.xlsx, sheet 统计表, cell B7``; may be empty."""
        parts = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(f"sheet {self.sheet}")
        if self.cell:
            parts.append(f"cell {self.cell}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.location
        return f"{where}: {self.message}" if where else self.message


class DatePhraseError(ParseError):
    """A date phrase that cannot be read, with the phrase and the position where reading stopped.

    ``position`` counts characters of the phrase after its spelling is folded (full-width
    forms to ASCII, Chinese numerals to digits, PDF spaces removed).
    """

    def __init__(self, message: str, *, phrase: str, position: int) -> None:
        super().__init__(message)
        self.phrase = phrase
        self.position = position


class DocumentNumberError(ParseError):
    """Text that is not a document number (发文字号) such as ``市科发〔2024〕13号``."""


class NoticeError(ParseError):
    """A notice that cannot be read at all: empty text, or a file that is no notice.

    Odd text is never an error: :func:`~sci_workers_day.parse_notice` makes what draft it can
    and says in its notes what it could not place.
    """


class PackageError(ParseError):
    """A submission package (a folder or a zip) that cannot be read safely or at all.

    A damaged or encrypted zip, an entry whose path leaves the package (``../``), more
    entries or bytes than the limits allow, or videos to measure without the ``media``
    extra. Problems *in* a package (no return, a late date) are findings, not this.
    """


class WorkbookError(ParseError):
    """A workbook or CSV file that cannot be read as what it was asked for.

    Not a workbook at all, corrupt, encrypted, beyond the documented size limits, without a
    recognisable form, or with two candidate values for one label. ``file``, ``sheet`` and
    ``cell`` say where, as far as the problem has a place.
    """


class RegionNotFoundError(SciWorkersDayError, LookupError):
    """No administrative division has the code or name asked for."""

    def __init__(self, key: str, *, reason: str | None = None) -> None:
        detail = reason or "no such code or name (行政区划代码或名称不存在)"
        super().__init__(f"administrative division {key!r}: {detail}")
        self.key = key
        self.reason = reason


class UnknownRuleError(SciWorkersDayError, LookupError):
    """A severity policy or an explanation names a rule code the catalogue does not have."""

    def __init__(self, codes: list[str]) -> None:
        super().__init__(
            "unknown rule code(s) (未知的规则代码): "
            + ", ".join(codes)
            + "; see the rule catalogue (docs/rules.md)"
        )
        self.codes = codes
