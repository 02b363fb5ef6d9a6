"""User text in exported spreadsheets, made inert: no cell of ours ever runs as a formula.

A spreadsheet treats text beginning with ``= + - @`` (or a tab or carriage return before
one) as a formula: "CSV injection". In CSV such text gets a leading apostrophe, the
convention spreadsheets show as text and our CSV reader removes again; in ``.xlsx`` it is
stored as a string cell marked quote-prefixed, so the text is kept exactly.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "FORMULA_STARTS",
    "is_formula_like",
    "safe_text",
    "safe_text_cell",
    "split_outside_brackets",
    "unquote",
]

_OPENING = "(（【《〔[“"
_CLOSING = ")）】》〕]”"


def split_outside_brackets(text: str, separators: str) -> list[str]:
    """``text`` cut at each of ``separators`` that stands outside brackets and quotes.

    ``有关县(市、区)、部分省科普基地`` cut at ``、`` is two names, not three.
    """
    parts, current, depth = [], "", 0
    for char in text:
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING and depth:
            depth -= 1
        if char in separators and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read text as a formula."""


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could take ``text`` for a formula."""
    return text.startswith(FORMULA_STARTS)


def safe_text(text: str, *, quote: bool = True) -> str:
    """``text`` for a CSV cell: prefixed with ``'`` when it could run as a formula.

    Text that already starts with ``'`` and a formula character is prefixed too, so that
    :func:`unquote` gives back exactly what was written.
    """
    guarded = is_formula_like(text) or (text.startswith("'") and is_formula_like(text[1:]))
    return f"'{text}" if quote and guarded else text


def unquote(text: str) -> str:
    """Undo :func:`safe_text`: the apostrophe goes only where it guarded a formula start."""
    if text.startswith("'") and is_formula_like(text[1:]):
        return text[1:]
    return text


def safe_text_cell(cell: Any, value: Any) -> None:
    """Put ``value`` in an openpyxl cell; text that looks like a formula stays text."""
    cell.value = value
    if isinstance(value, str) and is_formula_like(value):
        cell.data_type = "s"  # openpyxl would otherwise store "=…" as a live formula
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
