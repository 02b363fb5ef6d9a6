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


@pytest.mark.parametrize(
    "text",
    [
        "0354-3260071-8001",
        "0354-3260071#8001",
        "0354-3260071;ext=8001",
        "0354-3260071x8001",
        "0354-3260071 转 8001",
    ],
)
def test_every_written_extension_is_kept(text: str) -> None:
    """Extensions however written are split off and kept, never dropped."""
    contact = Contact(phone=text)
    assert (contact.phone, contact.extension) == ("0354-3260071", "8001")


def test_grouped_digits_are_not_an_extension() -> None:
    """A number written in groups (0354-326-0071) is one number, not number plus extension."""
    contact = Contact(phone="0354-326-0071")
    assert (contact.phone, contact.extension) == ("0354-3260071", None)


def test_extension_needs_a_phone() -> None:
    """An extension on its own is refused."""
    with pytest.raises(ValidationError, match="有分机号但无电话号码"):
        Contact(name="张彦云", extension="8001")


def test_conflicting_extensions_are_refused() -> None:
    """A number whose written extension disagrees with the extension field is refused."""
    with pytest.raises(ValidationError, match="分机号不一致"):
        Contact.model_validate({"phone": "0354-3260071转8001", "extension": "8002"})


def test_normalize_phone_refuses_a_hidden_extension() -> None:
    """``normalize_phone`` never drops an extension: it refuses the number instead."""
    with pytest.raises(ValueError, match="分机号应单独填写"):
        normalize_phone("0354-3260071;ext=8001")


def test_error_shows_the_number_as_written() -> None:
    """The error message quotes the input, not a stripped form of it."""
    with pytest.raises(ValidationError, match="0354-326007'"):
        Contact(phone="0354-326007")
