"""Document numbers (发文字号) and references to the documents a notice implements (依据)."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

import attrs
from pydantic import Field, GetCoreSchemaHandler, GetJsonSchemaHandler, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema as cs

from sci_workers_day.errors import DocumentNumberError
from sci_workers_day.model._base import Model

__all__ = ["DocumentNumber", "DocumentReference"]

# Matched after NFKC, which folds full-width digits and brackets such as （） ［］ ﹝﹞.
_NUMBER = re.compile(
    r"""
    (?P<agency>[^\s0-9\[\]〔〕【】()〖〗]+?) \s*
    (?P<open>[\[〔【(〖]) \s* (?P<year>[0-9]{4}|[0-9]{2}) \s* (?P<close>[\]〕】)〗]) \s*
    (?P<series>[\u4e00-\u9fff]*字)? \s* 第? \s* (?P<serial>[0-9]+) \s* 号
    """,
    re.VERBOSE,
)
_PAIRS = {"[": "]", "〔": "〕", "【": "】", "(": ")", "〖": "〗"}
_AGENCY = re.compile(r"[^\s0-9\[\]〔〕【】()（）〖〗﹝﹞［］第号]+")
_SERIES = re.compile(r"(?:[\u4e00-\u9fff]*字)?")
_FIRST_YEAR, _LAST_YEAR = 1949, 2100


def _expand_year(digits: str) -> int:
    year = int(digits)
    if len(digits) == 4:
        return year
    # A two-digit year is a sloppy spelling of a recent one; the numbering scheme dates from 1990s.
    return 2000 + year if year < 90 else 1900 + year


@functools.lru_cache(maxsize=1024)
def _read(text: str) -> tuple[str, int, int, str]:
    """The agency code, year, serial and series a document number states.

    Cached: ``parse`` reads the text, then construction checks the source against the fields.
    """
    folded = unicodedata.normalize("NFKC", text).replace("﹝", "〔").replace("﹞", "〕")
    match = _NUMBER.fullmatch(folded.strip())
    if match is None or _PAIRS[match["open"]] != match["close"]:
        msg = f"not a document number: {text!r} (不是有效的发文字号，应形如“市科发〔2024〕13号”)"
        raise DocumentNumberError(msg)
    year, serial = _expand_year(match["year"]), int(match["serial"])
    if not _FIRST_YEAR <= year <= _LAST_YEAR or serial < 1:
        msg = (
            f"document number {text!r} has an impossible year or serial (发文字号的年份或序号无效)"
        )
        raise DocumentNumberError(msg)
    return match["agency"], year, serial, match["series"] or ""


def _check_agency(_instance: object, _attribute: object, value: str) -> None:
    if not _AGENCY.fullmatch(value):
        msg = f"agency code {value!r} is empty or holds digits or brackets (机关代字无效)"
        raise ValueError(msg)


def _check_series(_instance: object, _attribute: object, value: str) -> None:
    if not _SERIES.fullmatch(value):
        msg = f"series {value!r} must be Chinese text ending in 字, e.g. 宣字 (字号格式无效)"
        raise ValueError(msg)


@attrs.frozen
class DocumentNumber:
    """A document number (发文字号) as GB/T 9704 defines it: ``市科发〔2024〕13号``.

    ``agency_code`` is the issuing agency's code (机关代字, ``市科发``), ``year`` the four-digit
    year, ``serial`` the sequence number, and ``series`` an infix some agencies put before the
    serial (``宣字`` in ``〔2022〕宣字7号``). ``source`` keeps the text as the document wrote it
    (it must state the same number) and takes no part in equality. ``str()`` gives the canonical
    form; :attr:`conformant` says whether the source was written that way (brackets 〔〕,
    four-digit year, no leading zeros).
    """

    agency_code: str = attrs.field(validator=_check_agency)
    year: int = attrs.field(
        validator=[attrs.validators.ge(_FIRST_YEAR), attrs.validators.le(_LAST_YEAR)]
    )
    serial: int = attrs.field(validator=attrs.validators.ge(1))
    series: str = attrs.field(default="", validator=_check_series)
    source: str | None = attrs.field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        if self.source is not None:
            stated = (self.agency_code, self.year, self.serial, self.series)
            if _read(self.source) != stated:
                msg = f"source {self.source!r} states another number than {self} (原文与字段不符)"
                raise ValueError(msg)

    @classmethod
    def parse(cls, text: str) -> DocumentNumber:
        """Read a document number, tolerating the bracket and spacing variants documents use.

        Raises :class:`~sci_workers_day.DocumentNumberError` when ``text`` holds none.
        """
        agency, year, serial, series = _read(text)
        try:
            return cls(agency, year, serial, series, source=text.strip())
        except (
            ValueError
        ) as error:  # 第市科发〔2024〕13号: the pattern reads it, the fields refuse it
            msg = f"not a document number: {text!r}: {error} (不是有效的发文字号)"
            raise DocumentNumberError(msg) from None

    @property
    def conformant(self) -> bool:
        """Whether the source text is the canonical GB/T 9704 form (true when there is none)."""
        return self.source is None or self.source == str(self)

    def __str__(self) -> str:
        return f"{self.agency_code}〔{self.year}〕{self.series}{self.serial}号"

    @classmethod
    def _coerce(cls, value: str) -> DocumentNumber:
        try:
            return cls.parse(value)
        except DocumentNumberError as error:
            raise ValueError(error.message) from None

    def _to_json(self) -> str:
        return self.source if self.source is not None else str(self)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: cs.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema.update(
            title="DocumentNumber",
            description="A 发文字号 as the document wrote it (GB/T 9704: 机关代字〔年份〕序号号).",
            examples=["市科发〔2024〕13号"],
        )
        return json_schema

    @classmethod
    def __get_pydantic_core_schema__(
        cls, _source: type[Any], _handler: GetCoreSchemaHandler
    ) -> cs.CoreSchema:
        from_text = cs.no_info_after_validator_function(cls._coerce, cs.str_schema(min_length=1))
        return cs.json_or_python_schema(
            json_schema=from_text,
            python_schema=cs.union_schema([cs.is_instance_schema(cls), from_text]),
            serialization=cs.plain_serializer_function_ser_schema(
                cls._to_json, return_schema=cs.str_schema()
            ),
        )


class DocumentReference(Model):
    """A document cited by title and/or number, as in ``根据《…》(晋科发〔2025〕16号)``."""

    title: str | None = Field(default=None, min_length=1, description="Title without 《》.")
    number: DocumentNumber | None = Field(default=None, description="Its 发文字号.")

    @model_validator(mode="after")
    def _needs_title_or_number(self) -> DocumentReference:
        if self.title is None and self.number is None:
            msg = "a document reference needs a title or a number (需要文件标题或发文字号)"
            raise ValueError(msg)
        return self

    def __str__(self) -> str:
        title = f"《{self.title}》" if self.title else ""
        number = str(self.number) if self.number else ""
        return f"{title}（{number}）" if title and number else title or number
