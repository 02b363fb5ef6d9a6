import pytest
from hypothesis import given

from sci_workers_day import DocumentNumber, DocumentNumberError, DocumentReference, ParseError
from sci_workers_day.testing import document_numbers


@pytest.mark.parametrize(
    ("text", "agency", "year", "serial", "series", "conformant"),
    [
        ("市科发〔2024〕13号", "市科发", 2024, 13, "", True),
        ("晋科发〔2025〕16号", "晋科发", 2025, 16, "", True),
        ("晋科协发〔2022〕13号", "晋科协发", 2022, 13, "", True),
        ("晋科协发﹝2022﹞13号", "晋科协发", 2022, 13, "", False),
        ("晋科协发[2022]13号", "晋科协发", 2022, 13, "", False),
        ("晋科协发【2022】13号", "晋科协发", 2022, 13, "", False),
        ("晋科协发(2022)13号", "晋科协发", 2022, 13, "", False),
        ("晋科协发（2022）13号", "晋科协发", 2022, 13, "", False),
        ("晋科协发［２０２２］１３号", "晋科协发", 2022, 13, "", False),
        ("晋科协发〔2022〕013号", "晋科协发", 2022, 13, "", False),
        ("晋科协发〔22〕13号", "晋科协发", 2022, 13, "", False),
        ("晋科协发〔98〕3号", "晋科协发", 1998, 3, "", False),
        ("市科发 〔2024〕 13 号", "市科发", 2024, 13, "", False),
        ("市科发〔2024〕第13号", "市科发", 2024, 13, "", False),
        ("晋科协〔2022〕宣字7号", "晋科协", 2022, 7, "宣字", True),
        ("晋科协〔2022〕宣字第7号", "晋科协", 2022, 7, "宣字", False),
    ],
)
def test_parse_variants(  # noqa: PLR0917 - one parameter per column of the table
    text: str, agency: str, year: int, serial: int, series: str, conformant: bool
) -> None:
    """Bracket, digit-width, leading-zero and short-year variants all read; conformance is told."""
    number = DocumentNumber.parse(text)
    assert (number.agency_code, number.year, number.serial, number.series) == (
        agency,
        year,
        serial,
        series,
    )
    assert number.conformant is conformant
    assert number.source == text.strip()


@pytest.mark.parametrize(
    "text",
    ["", "13号", "市科发2024年13号", "市科发〔2024〕", "市科发〔2024〕0号", "第市科发〔2024〕13号"],
)
def test_not_a_document_number(text: str) -> None:
    """Text without agency, bracketed year and serial is refused with a bilingual message."""
    with pytest.raises(DocumentNumberError, match="发文") as caught:
        DocumentNumber.parse(text)
    assert isinstance(caught.value, ParseError)
    assert isinstance(caught.value, ValueError)


def test_canonical_rendering() -> None:
    """``str()`` renders the GB/T 9704 form whatever the source said."""
    assert str(DocumentNumber.parse("晋科协发[22]013号")) == "晋科协发〔2022〕13号"


def test_equality_ignores_source() -> None:
    """Two spellings of the same number are the same number."""
    assert DocumentNumber.parse("市科发[2024]13号") == DocumentNumber.parse("市科发〔2024〕13号")


@given(document_numbers())
def test_render_then_parse_is_identity(number: DocumentNumber) -> None:
    """Parsing the canonical rendering gives back the same number, conformant."""
    parsed = DocumentNumber.parse(str(number))
    assert parsed == number
    assert parsed.conformant


@given(document_numbers())
def test_source_reads_as_the_same_number(number: DocumentNumber) -> None:
    """However the source is spelt, it states the number; it is conformant only if canonical."""
    if number.source is not None:
        assert DocumentNumber.parse(number.source) == number
        assert number.conformant is (number.source == str(number))


@pytest.mark.parametrize(
    "text",
    [
        "市科发〔2024〕〔13号",
        "市科发〔2024]13号",
        "市科发〔0000〕13号",
        "市科发〔2024〕第第13号",
        "市科发〔2024〕宣7号",
    ],
)
def test_malformed_numbers_are_refused(text: str) -> None:
    """Mixed brackets, a stray bracket, year 0000 and a series not ending in 字 are refused."""
    with pytest.raises(DocumentNumberError):
        DocumentNumber.parse(text)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("", 2024, 1), "机关代字"),
        (("市科2", 2024, 1), "机关代字"),
        (("市科发〔", 2024, 1), "机关代字"),
        (("市科发", 24, 1), "1949"),
        (("市科发", 2024, 0), "1"),
        (("市科发", 2024, 1, "第"), "字号"),
    ],
)
def test_constructor_refuses_what_cannot_be_written(
    args: tuple[object, ...], fragment: str
) -> None:
    """A number that could not be rendered and read back cannot be built."""
    with pytest.raises(ValueError, match=fragment):
        DocumentNumber(*args)  # type: ignore[arg-type]


def test_source_must_state_the_same_number() -> None:
    """A source text that says another number is refused, not silently preferred."""
    with pytest.raises(ValueError, match="原文与字段不符"):
        DocumentNumber("市科发", 2024, 13, source="晋科发〔2025〕16号")


def test_json_keeps_the_source_spelling() -> None:
    """The JSON form is the text as written, so conformance survives a round trip."""
    reference = DocumentReference.model_validate({"number": "晋科发[2025]16号"})
    assert reference.model_dump(mode="json")["number"] == "晋科发[2025]16号"
    again = DocumentReference.model_validate(reference.model_dump(mode="json"))
    assert again.number is not None
    assert not again.number.conformant


def test_reference_needs_title_or_number() -> None:
    """An empty reference is refused."""
    with pytest.raises(ValueError, match="title or a number"):
        DocumentReference()


def test_reference_rendering() -> None:
    """A reference renders as 《title》（number）, or whichever part it has."""
    both = DocumentReference(
        title="关于举办2025年山西省科技活动周的通知", number="晋科发〔2025〕16号"
    )  # type: ignore[arg-type]
    assert str(both) == "《关于举办2025年山西省科技活动周的通知》（晋科发〔2025〕16号）"
    assert str(DocumentReference(title="方案")) == "《方案》"
    assert str(DocumentReference(number="晋科发〔2025〕16号")) == "晋科发〔2025〕16号"  # type: ignore[arg-type]


def test_bad_number_in_a_model_is_a_validation_error() -> None:
    """Inside a model, a bad number is a pydantic error naming the field."""
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="number"):
        DocumentReference.model_validate({"number": "no number here"})
