"""Small annotated scalars the models share: amounts, counts, codes, phone numbers, e-mails.

Each is an ``Annotated`` type that pydantic validates on the way in and that carries its own
JSON schema. They answer "can this value exist?"; whether it is *acceptable* is the rules'
business.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated

import phonenumbers
from pydantic import AfterValidator, BeforeValidator, EmailStr, Field, StringConstraints

__all__ = ["Amount", "Count", "Email", "Phone", "RegionCode", "normalize_phone"]

Amount = Annotated[Decimal, Field(ge=0, allow_inf_nan=False)]
"""Money in 万元 (10,000 yuan), exact; never a float. Negative amounts cannot exist."""

Count = Annotated[int, Field(ge=0)]
"""A whole, non-negative count: activities (次), person-times (人次), outlets (个), reports (篇)."""

RegionCode = Annotated[str, StringConstraints(pattern=r"^\d{6}$")]
"""A six-digit GB/T 2260 code such as ``140700`` (晋中市)."""

Email = EmailStr
"""An e-mail address, checked by email-validator (syntax only: no network look-up)."""

_SEPARATORS = re.compile(r"[\s\-－—–()（）.]")


def normalize_phone(text: str) -> str:
    """The domestic written form of a Chinese phone number.

    Fixed lines come back as area code, hyphen, subscriber number (``0354-3260071``,
    ``010-86409582``); mobiles as their eleven digits; other services (400/800 numbers) as
    their digits. Numbers from abroad keep their ``+`` form. Raises ``ValueError`` for text
    that phonenumbers does not accept as a valid number.
    """
    try:
        number = phonenumbers.parse(text, "CN")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        msg = f"not a valid phone number: {text!r} (电话号码无效)"
        raise ValueError(msg)
    if number.country_code != 86:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    digits = phonenumbers.national_significant_number(number)
    kind = phonenumbers.number_type(number)
    area = phonenumbers.length_of_geographical_area_code(number)
    if kind == phonenumbers.PhoneNumberType.FIXED_LINE and area:
        return f"0{digits[:area]}-{digits[area:]}"
    return digits


def _phone_text(value: object) -> object:
    # Strip the separators people type so that phonenumbers sees one number.
    return _SEPARATORS.sub("", value) if isinstance(value, str) else value


Phone = Annotated[
    str,
    BeforeValidator(_phone_text),
    AfterValidator(normalize_phone),
    Field(json_schema_extra={"examples": ["0354-3260071", "13800138000"]}),
]
"""A phone number, stored in its domestic written form (see :func:`normalize_phone`)."""
