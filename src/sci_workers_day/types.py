"""Small annotated scalars the models share: amounts, counts, codes, text, phones, e-mails.

Each is an ``Annotated`` type that pydantic validates on the way in and that carries its own
JSON schema. They answer "can this value exist?"; whether it is *acceptable* is the rules'
business.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Annotated

import phonenumbers
from pydantic import (
    AfterValidator,
    EmailStr,
    Field,
    GetCoreSchemaHandler,
    GetPydanticSchema,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import core_schema as cs

__all__ = [
    "Amount",
    "Count",
    "Email",
    "Phone",
    "RegionCode",
    "Text",
    "normalize_phone",
    "read_number",
    "split_extension",
]


Amount = Annotated[Decimal, Field(ge=0, allow_inf_nan=False)]
"""Money in 万元 (10,000 yuan), exact; never a float. Negative amounts cannot exist.

pydantic's Decimal refuses true/false itself. ``-0`` passes ``ge=0``; the model holding
amounts (:class:`~sci_workers_day.Funding`) turns it into 0.
"""


def _count_schema(_source: object, _handler: GetCoreSchemaHandler) -> cs.CoreSchema:
    # pydantic's lax int takes true as 1; this union takes what a count may be written as
    # (an int, digits as text, an integral float or Decimal) and not booleans, all in Rust.
    whole = cs.int_schema(ge=0)
    return cs.union_schema(
        [
            cs.int_schema(strict=True, ge=0),
            cs.chain_schema([cs.str_schema(strict=True), whole]),
            cs.chain_schema([cs.float_schema(strict=True), whole]),
            cs.chain_schema([cs.is_instance_schema(Decimal), whole]),
        ],
        mode="left_to_right",
        custom_error_type="count_parsing",
        custom_error_message="Input should be a whole number, 0 or more (应为非负整数)",
    )


Count = Annotated[
    int,
    GetPydanticSchema(_count_schema),
    WithJsonSchema({"minimum": 0, "type": "integer"}),
]
"""A whole, non-negative count: activities (次), person-times (人次), outlets (个), reports (篇)."""

# "1,200", "12 000": thousands grouped by commas or spaces; a lone comma is no separator.
_GROUPED = re.compile(r"^([+-]?[0-9]{1,3})((?:[, ][0-9]{3})+)(\.[0-9]+)?$")


def read_number(value: object) -> Decimal | None:
    """The number a raw value states, exactly; ``None`` when it states none.

    Takes ints, Decimals, floats (by their shortest repr, so ``0.1`` is ``Decimal("0.1")``)
    and text with full-width digits, surrounding spaces and thousands separators
    (``"１,２００"``). Booleans, NaN and infinities are not numbers.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        value = repr(value)
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        grouped = _GROUPED.fullmatch(text)
        if grouped is not None:
            text = grouped[1] + grouped[2].replace(",", "").replace(" ", "") + (grouped[3] or "")
        try:
            value = Decimal(text)
        except InvalidOperation:
            return None
    if isinstance(value, Decimal) and value.is_finite():
        return value
    return None


RegionCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")]
"""A six-digit GB/T 2260 code such as ``140700`` (晋中市)."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Non-blank text, stripped of surrounding white space: names, titles, list items."""

Email = EmailStr
"""An e-mail address, checked by email-validator (syntax only: no network look-up)."""

_SEPARATORS = re.compile(r"[\s\-－—–()（）.]")


def normalize_phone(text: str) -> str:
    """The domestic written form of a Chinese phone number.

    Fixed lines come back as area code, hyphen, subscriber number (``0354-3260071``,
    ``010-86409582``); mobiles as their eleven digits; other services (400/800 numbers) as
    their digits. Numbers from abroad keep their ``+`` form. Raises ``ValueError`` for text
    phonenumbers does not accept as a valid number, and for a number that carries an
    extension: :func:`split_extension` takes it off first, so nothing is dropped silently.
    """
    try:
        number = phonenumbers.parse(_SEPARATORS.sub("", text), "CN")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        msg = f"not a valid phone number: {text!r} (电话号码无效)"
        raise ValueError(msg)
    if number.extension:
        msg = f"phone number {text!r} has an extension; keep it apart (分机号应单独填写)"
        raise ValueError(msg)
    if number.country_code != 86:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    digits = phonenumbers.national_significant_number(number)
    kind = phonenumbers.number_type(number)
    area = phonenumbers.length_of_geographical_area_code(number)
    if kind == phonenumbers.PhoneNumberType.FIXED_LINE and area:
        return f"0{digits[:area]}-{digits[area:]}"
    return digits


# "0354-3260071转8001", "…分机8001", "… ext. 8001", "…x8001", "…#8001", "…;ext=8001".
_EXTENSION_WORD = re.compile(r"\s*(?:转|分机|ext\.?|x|#|;ext=)\s*([0-9]{1,6})\s*$", re.IGNORECASE)
# "0354-3260071-8001": a trailing group is an extension only when the rest is a number.
_EXTENSION_GROUP = re.compile(r"\s*[-－]\s*([0-9]{1,6})\s*$")


def split_extension(text: str) -> tuple[str, str | None]:
    """Split an extension off a written number: ``0354-3260071转8001`` → (number, ``8001``)."""
    match = _EXTENSION_WORD.search(text)
    if match is not None:
        return text[: match.start()], match[1]
    match = _EXTENSION_GROUP.search(text)
    if match is not None and _is_phone(text[: match.start()]) and not _is_phone(text):
        return text[: match.start()], match[1]
    return text, None


def _is_phone(text: str) -> bool:
    try:
        normalize_phone(text)
    except ValueError:
        return False
    return True


Phone = Annotated[
    str,
    AfterValidator(normalize_phone),
    Field(json_schema_extra={"examples": ["0354-3260071", "13800138000"]}),
]
"""A phone number, stored in its domestic written form (see :func:`normalize_phone`)."""
