import pytest
from pydantic import ValidationError

from sci_workers_day import Contact
from sci_workers_day.types import normalize_phone


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("0354-3260071", "0354-3260071"),
        ("0354 3260071", "0354-3260071"),
        ("(010)86409582", "010-86409582"),
        ("（010）86409582", "010-86409582"),
        ("010-86409582", "010-86409582"),
        ("029-63917171", "029-63917171"),
        ("0351-4077158", "0351-4077158"),
        ("03543260071", "0354-3260071"),
        ("+86 354 3260071", "0354-3260071"),
        ("13800138000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("+86 138 0013 8000", "13800138000"),
        ("400-810-5999", "4008105999"),
        ("+1 650-253-0000", "+16502530000"),
    ],
)
def test_phone_is_stored_in_domestic_form(text: str, stored: str) -> None:
    """Landlines as area-subscriber, mobiles as 11 digits, whatever the spelling."""
    assert Contact(phone=text).phone == stored
    assert normalize_phone(stored) == stored


@pytest.mark.parametrize("text", ["3260072", "0354-326007", "12345", "电话", "010-8640958"])
def test_invalid_phone_is_refused(text: str) -> None:
    """Numbers phonenumbers does not accept (no area code, too short, words) are refused."""
    with pytest.raises(ValidationError, match="电话号码无效"):
        Contact(phone=text)


@pytest.mark.parametrize(
    "text",
    [
        "0354-3260071转8001",
        "0354-3260071 转 8001",
        "0354-3260071分机8001",
        "0354-3260071 ext. 8001",
    ],
)
def test_extension_is_kept_apart(text: str) -> None:
    """``转8001`` becomes the extension, not part of the number."""
    contact = Contact(phone=text)
    assert (contact.phone, contact.extension) == ("0354-3260071", "8001")


def test_email_is_checked() -> None:
    """E-mail addresses are checked by email-validator; no network is used."""
    assert Contact(email="jzkjjptk@163.com").email == "jzkjjptk@163.com"
    with pytest.raises(ValidationError, match="email"):
        Contact(email="jzkjjptk@")


def test_contact_needs_something() -> None:
    """A contact with no name, organization, phone or e-mail is refused."""
    with pytest.raises(ValidationError, match="联系人信息为空"):
        Contact()
