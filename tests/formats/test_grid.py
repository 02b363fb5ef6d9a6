"""Reading untrusted workbooks: what a file really is, the limits, and never a stray exception."""

from __future__ import annotations

import contextlib
import io
import tempfile
import zipfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sci_workers_day import ParseError, StatisticsReturn, WorkbookError, load_return, write_return
from sci_workers_day.formats import _grid

UNIT = {"name": "平遥县科学技术协会"}
SHEET = "xl/worksheets/sheet1.xml"


def a_workbook(tmp_path: Path, **figures: object) -> Path:
    """A filled return form written by the library."""
    path = tmp_path / "form.xlsx"
    write_return(StatisticsReturn.model_validate({"reporting_unit": UNIT, **figures}), path)
    return path


@cache
def a_form() -> bytes:
    """One workbook's bytes, the same in every example (hypothesis replays draws)."""
    with tempfile.TemporaryDirectory() as folder:
        return a_workbook(Path(folder), activity_count=3).read_bytes()


def rezip(source: Path, target: Path, replace: dict[str, bytes], *, level: int = 6) -> Path:
    """``source`` with some entries replaced or added."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = replace.pop(item.filename, None)
            new.writestr(item.filename, old.read(item) if data is None else data)
        for name, data in replace.items():
            new.writestr(name, data, zipfile.ZIP_DEFLATED, compresslevel=level)
    return target


class TestWhatAFileIs:
    """The content decides, not the suffix."""

    @pytest.mark.usefixtures("backend")
    def test_a_workbook_renamed_to_csv_still_reads(self, tmp_path: Path) -> None:
        """An .xlsx saved under another suffix is read as the workbook it is."""
        path = a_workbook(tmp_path, activity_count=7)
        renamed = path.rename(tmp_path / "form.csv")
        assert load_return(renamed).activity_count == 7

    @pytest.mark.parametrize(
        ("content", "match"),
        [
            (b"%PDF-1.7\n", "PDF"),
            (b"\x89PNG\r\n\x1a\n", "PNG"),
            (b"<html><table><tr><td>1</td></tr></table></html>", "HTML"),
            (b'<?xml version="1.0"?><Workbook/>', "XML"),
            (b"just some words", "not a workbook"),
        ],
    )
    def test_files_that_are_no_workbook(self, tmp_path: Path, content: bytes, match: str) -> None:
        """PDFs, images, web pages and text under a workbook's name are WorkbookErrors."""
        path = tmp_path / "return.xls"
        path.write_bytes(content)
        with pytest.raises(WorkbookError, match=match) as caught:
            load_return(path)
        assert caught.value.file == "return.xls"

    @pytest.mark.usefixtures("backend")
    def test_a_zip_that_is_no_workbook(self, tmp_path: Path) -> None:
        """A .docx or any other zip is not taken for a workbook."""
        path = tmp_path / "report.xlsx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("word/document.xml", "<document/>")
        with pytest.raises(WorkbookError, match=r"xl/workbook\.xml"):
            load_return(path)

    def test_a_missing_file(self, tmp_path: Path) -> None:
        """A path that does not exist is a WorkbookError naming it."""
        with pytest.raises(WorkbookError, match="cannot read") as caught:
            load_return(tmp_path / "absent.xlsx")
        assert caught.value.file == "absent.xlsx"


class TestLimits:
    """Hostile workbooks are refused before a parser allocates anything."""

    @pytest.mark.usefixtures("backend")
    def test_zip_bomb_entry(self, tmp_path: Path) -> None:
        """An entry that unpacks to hundreds of times its size is refused."""
        bomb = rezip(
            a_workbook(tmp_path), tmp_path / "bomb.xlsx", {"xl/media/x.bin": bytes(8 << 20)}
        )
        with pytest.raises(WorkbookError, match="压缩炸弹"):
            load_return(bomb)

    def test_unpacked_size(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A workbook unpacking beyond MAX_UNCOMPRESSED_BYTES is refused."""
        monkeypatch.setattr(_grid, "MAX_UNCOMPRESSED_BYTES", 10_000)
        with pytest.raises(WorkbookError, match="exceeds the limit"):
            load_return(a_workbook(tmp_path))

    def test_file_size(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file beyond MAX_FILE_BYTES is refused unread."""
        monkeypatch.setattr(_grid, "MAX_FILE_BYTES", 1_000)
        with pytest.raises(WorkbookError, match="exceeds the limit"):
            load_return(a_workbook(tmp_path))

    def test_entry_count(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A zip with more entries than MAX_MEMBERS is refused."""
        monkeypatch.setattr(_grid, "MAX_MEMBERS", 3)
        with pytest.raises(WorkbookError, match="entries"):
            load_return(a_workbook(tmp_path))

    @pytest.mark.usefixtures("backend")
    def test_absurd_dimensions(self, tmp_path: Path) -> None:
        """One cell at XFD1048576 makes a sheet too large to load."""
        xml = (
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
            '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>'
        )
        path = rezip(a_workbook(tmp_path), tmp_path / "huge.xlsx", {SHEET: xml.encode()})
        with pytest.raises(WorkbookError, match="范围过大") as caught:
            load_return(path)
        assert caught.value.sheet == "统计表"

    @pytest.mark.usefixtures("backend")
    @pytest.mark.parametrize("entry", [SHEET, "xl/workbook.xml"])
    def test_xml_entities(self, tmp_path: Path, entry: str) -> None:
        """A billion-laughs DTD in any part is refused, never expanded."""
        laughs = (
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            "<sheetData><row><c><v>&lol2;</v></c></row></sheetData></worksheet>"
        )
        path = rezip(a_workbook(tmp_path), tmp_path / "xxe.xlsx", {entry: laughs.encode()})
        with pytest.raises(WorkbookError, match="XML"):
            load_return(path)

    def test_encrypted_ooxml(self, tmp_path: Path) -> None:
        """A password-protected .xlsx (an OLE box with an EncryptedPackage) is named as such."""
        path = tmp_path / "secret.xlsx"
        ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)
        path.write_bytes(ole + "EncryptedPackage".encode("utf-16-le") + bytes(500))
        with pytest.raises(WorkbookError, match="encrypted"):
            load_return(path)

    def test_xls_without_calamine(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without the xls extra, an .xls says which extra to install."""
        monkeypatch.setattr(_grid, "_calamine", lambda: None)
        path = tmp_path / "old.xls"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000))
        with pytest.raises(WorkbookError, match=r"sci-workers-day\[xls\]"):
            load_return(path)


class TestFuzz:
    """Whatever the bytes, the readers return a model or raise a ParseError."""

    @settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(
        data=st.binary(max_size=2000),
        suffix=st.sampled_from([".xlsx", ".xls", ".csv", ".json", ".dat"]),
    )
    def test_random_bytes(self, tmp_path: Path, data: bytes, suffix: str) -> None:
        """Random bytes under any suffix never escape as another exception."""
        path = tmp_path / f"random{suffix}"
        path.write_bytes(data)
        with contextlib.suppress(ParseError):
            load_return(path)

    @pytest.mark.usefixtures("backend")
    @settings(max_examples=120, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(data=st.data())
    def test_mutated_workbooks(self, tmp_path: Path, data: st.DataObject) -> None:
        """A real workbook with bytes flipped, cut or its sheet XML damaged reads or refuses."""
        original = a_form()
        how = data.draw(st.sampled_from(["flip", "cut", "xml"]))
        if how == "flip":
            mutated = bytearray(original)
            for _ in range(data.draw(st.integers(1, 20))):
                mutated[data.draw(st.integers(0, len(mutated) - 1))] = data.draw(
                    st.integers(0, 255)
                )
            content = bytes(mutated)
        elif how == "cut":
            content = original[: data.draw(st.integers(0, len(original)))]
        else:
            with zipfile.ZipFile(io.BytesIO(original)) as archive:
                xml = archive.read(SHEET)
            start = data.draw(st.integers(0, len(xml)))
            junk = data.draw(st.binary(max_size=40) | st.sampled_from([b"<", b'r="ZZZ9"', b"<f>"]))
            source = tmp_path / "source.xlsx"
            source.write_bytes(original)
            content = rezip(
                source, tmp_path / "x.xlsx", {SHEET: xml[:start] + junk + xml[start:]}
            ).read_bytes()
        path = tmp_path / "mutated.xlsx"
        path.write_bytes(content)
        with contextlib.suppress(ParseError):
            load_return(path)


class TestCsv:
    """CSV text as Excel and WPS save it."""

    def test_encoding_neither_utf8_nor_gb18030(self, tmp_path: Path) -> None:
        """Bytes no Chinese encoding decodes are refused by name."""
        path = tmp_path / "odd.csv"
        path.write_bytes(b"a,b\n\x80,1\n")
        with pytest.raises(WorkbookError, match="GB18030"):
            load_return(path)

    def test_semicolons_inside_quotes_do_not_decide(self) -> None:
        """The separator is counted outside quoted fields."""
        text = 'a,b,c\n"x;y;z;w",1,2\n'
        assert _grid._delimiter(text) == ","
        assert _grid._delimiter("a;b;c\n1;2;3\n") == ";"
        assert _grid._delimiter("a\tb\n") == "\t"
        assert _grid._delimiter("") == ","

    def test_utf16_unicode_text(self, tmp_path: Path) -> None:
        """Excel's "Unicode text" export (UTF-16, tab-separated) reads like any CSV."""
        path = tmp_path / "return.txt"
        source = tmp_path / "return.csv"
        write_return(StatisticsReturn.model_validate({"reporting_unit": UNIT}), source)
        text = source.read_text("utf-8-sig").replace(",", "\t")
        path.write_bytes(text.encode("utf-16"))
        assert load_return(path).reporting_unit.name == UNIT["name"]
