"""Make the .docx notice fixtures: python-docx lays them out, LibreOffice saves them.

Run from the project root (needs LibreOffice Writer's ``soffice`` on the PATH)::

    .venv/bin/python tests/data/notices/make_docx_fixtures.py

It writes, next to this script:

- ``seed_002_jinzhong_2024.docx``: 市科发〔2024〕13号 (seed 002) from its .txt, every line a
  paragraph except the two tab-separated blocks, which become Word tables as in the original:
  attachment 1's statistics form (group labels merged down their rows, one-label rows merged
  across the two label columns, the value column left blank) and attachment 2's recommended
  list (the blank "same as above" cells merged with the cell above; the header that the
  published text repeats after a page break is one header row marked to repeat on each page).
- ``county_plan_2025.docx``: the county plan, LibreOffice's own import of the .txt (UTF-8),
  every line a paragraph.

Both are saved by LibreOffice, so the committed files are what an office suite writes, not
what python-docx writes. The script checks that python-docx reads the text back unchanged.
The test suite reads only the committed files; it never runs this script or LibreOffice.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table

HERE = Path(__file__).parent
BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
# Lines of seed 002 that the original sets as its head: letterhead, number and title.
HEAD_LINES = {
    "晋中市科学技术局 中共晋中市委宣传部 文件 晋中市科学技术协会",
    "市科发〔2024〕13号",
    "关于举办 2024 年晋中市科技活动周的通知",
    "2024 年晋中市科技活动周开展情况统计表",
    "2024 晋中市科技活动周特色科技活动推荐清单",
}


@dataclass
class Grid:
    """A tab-separated block of the text: its rows of cells, header first if it has one."""

    rows: list[list[str]] = field(default_factory=list)

    @property
    def has_header(self) -> bool:
        """Whether the first row is a column header (a list starting with 序号)."""
        return bool(self.rows) and self.rows[0][0].strip() == "序号"


def blocks(lines: list[str]) -> Iterator[str | Grid]:
    """The text as paragraphs (lines) and tables (runs of tab-separated lines), in order.

    A header repeated after a page break (blank lines, then the same header row) continues
    the table above it instead of starting a new one.
    """
    pending_blank: list[str] = []
    grid: Grid | None = None
    for line in lines:
        if "\t" not in line:
            if grid is not None and not line.strip():
                pending_blank.append(line)  # maybe a page break inside the table
                continue
            if grid is not None:
                yield grid
                grid = None
            yield from pending_blank
            pending_blank = []
            yield line
            continue
        cells = line.split("\t")
        if grid is not None and pending_blank and not (grid.has_header and cells == grid.rows[0]):
            yield grid
            yield from pending_blank
            grid = None
        pending_blank = []
        if grid is None:
            grid = Grid()
        if grid.has_header and cells == grid.rows[0]:
            continue  # the repeated header of the next page
        grid.rows.append(cells)
    if grid is not None:
        yield grid
    yield from pending_blank


def _east_asian(run_or_style_element: object, font: str) -> None:
    """Set the East Asian font of a run or style (python-docx sets only the Latin one)."""
    r_pr = run_or_style_element.get_or_add_rPr()  # type: ignore[attr-defined]
    r_fonts = r_pr.get_or_add_rFonts()
    r_fonts.set(qn("w:eastAsia"), font)


def _new_document() -> Document:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(16)  # 三号, the body size of official documents (GB/T 9704)
    _east_asian(normal.element, BODY_FONT)
    return document


def _paragraph(document: Document, text: str) -> None:
    paragraph = document.add_paragraph()
    if not text:
        return
    run = paragraph.add_run(text)
    if text.strip() in HEAD_LINES:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run.font.size = Pt(22)  # 二号
        _east_asian(run._element, TITLE_FONT)


def _merge_down(table: Table, column: int, rows: list[list[str]], first: int) -> None:
    """Merge each blank cell of ``column`` (from row ``first`` on) with the cell above it."""
    start = None
    for index in range(first, len(rows) + 1):
        blank = index < len(rows) and not rows[index][column].strip()
        if blank and start is None:
            start = index - 1
        elif not blank and start is not None:
            table.cell(start, column).merge(table.cell(index - 1, column))
            start = None


def _repeat_header(table: Table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _table(document: Document, grid: Grid) -> None:
    width = max(len(row) for row in grid.rows)
    rows = [row + [""] * (width - len(row)) for row in grid.rows]
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if not text:
                continue  # an empty cell keeps its one empty paragraph, so merges add nothing
            cell = table.cell(r, c)
            cell.text = text
            if r == 0 and grid.has_header:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    if grid.has_header:
        # A list: blank cells below the header, other than 序号 and the name, mean "same as
        # the row above" and are merged cells in the original.
        for column in range(2, width):
            _merge_down(table, column, rows, first=2)
        _repeat_header(table)
    else:
        # A form: a group label stands once, merged down its rows; a row whose label has no
        # sub-label spans both label columns; the last column is left for the values.
        _merge_down(table, 0, rows, first=1)
        for r, row in enumerate(rows):
            if row[0].strip() and not row[1].strip():
                table.cell(r, 0).merge(table.cell(r, 1))


def seed_002_draft(target: Path) -> None:
    """Seed 002 as python-docx lays it out: paragraphs and two real tables."""
    lines = (HERE / "seed_002_jinzhong_2024.txt").read_text("utf-8").split("\n")
    document = _new_document()
    for block in blocks(lines):
        if isinstance(block, Grid):
            _table(document, block)
        else:
            _paragraph(document, block)
    document.save(str(target))


def plain_draft(source: Path, target: Path) -> None:
    """A text file as python-docx lays it out, every line a paragraph."""
    document = _new_document()
    for line in source.read_text("utf-8").split("\n"):
        _paragraph(document, line)
    document.save(str(target))


def convert(source: Path, outdir: Path, profile: Path, infilter: str = "") -> Path:
    """Save ``source`` as .docx with LibreOffice Writer into ``outdir``."""
    command = [
        "soffice",
        f"-env:UserInstallation={profile.as_uri()}",  # a private profile: no clash
        "--headless",
    ]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", "docx:MS Word 2007 XML", "--outdir", str(outdir), str(source)]
    subprocess.run(  # noqa: S603 - fixed arguments, run by hand by a developer
        command,
        check=True,
        capture_output=True,
    )
    saved = outdir / (source.stem + ".docx")
    if not saved.is_file():
        sys.exit(f"LibreOffice did not save {source.name} (is Writer installed?)")
    return saved


def paragraphs(path: Path) -> list[str]:
    """The paragraph texts of a .docx outside tables."""
    return [p.text for p in docx.Document(str(path)).paragraphs]


def _same_lines(path: Path, source: Path) -> bool:
    lines = source.read_text("utf-8").split("\n")
    if lines and not lines[-1]:
        lines.pop()  # the final newline
    return paragraphs(path) == lines


def main() -> None:
    """Write the fixtures next to this script."""
    if shutil.which("soffice") is None:
        sys.exit("soffice (LibreOffice Writer) is needed to make the fixtures")
    with tempfile.TemporaryDirectory() as temp:
        drafts = Path(temp) / "drafts"  # soffice will not overwrite its own source
        saved = Path(temp) / "saved"
        profile = Path(temp) / "profile"
        drafts.mkdir()
        saved.mkdir()

        draft = drafts / "seed_002_jinzhong_2024.docx"
        seed_002_draft(draft)
        shutil.copyfile(convert(draft, saved, profile), HERE / draft.name)

        county = HERE / "county_plan_2025.txt"
        copy = drafts / county.name
        shutil.copyfile(county, copy)
        result = convert(copy, saved, profile, infilter="Text (encoded):UTF8,LF,,,")
        if not _same_lines(result, county):
            # LibreOffice misread the text: lay it out with python-docx, then re-save.
            result.unlink()
            plain = drafts / "county_plan_2025.docx"
            plain_draft(county, plain)
            result = convert(plain, saved, profile)
            if not _same_lines(result, county):
                sys.exit("county_plan_2025.docx does not read back as its .txt")
        shutil.copyfile(result, HERE / "county_plan_2025.docx")


if __name__ == "__main__":
    main()
