"""The return form: template, writers, round trips, strict loading and marked-up copies."""

from __future__ import annotations

import csv
import tempfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sci_workers_day import (
    FIGURES,
    Campaign,
    Organizer,
    StatisticsReturn,
    WorkbookError,
    annotate_workbook,
    load_return,
    validate,
    write_return,
    write_return_template,
    write_summary,
)
from sci_workers_day.formats._text import safe_text, unquote
from sci_workers_day.testing import statistics_returns, valid_returns

UNIT = {"name": "平遥县科学技术协会", "region_code": "140728"}
CAMPAIGN = Campaign.model_validate(
    {"title": "关于举办2024年晋中市科技活动周的通知", "kinds": ["science_week"], "year": 2024}
)
FUNCTION_SCOPED = [HealthCheck.function_scoped_fixture]


def on_the_form(statistics: StatisticsReturn) -> StatisticsReturn:
    """What the form carries of a return: the unit's name and division code, and the rest."""
    unit = statistics.reporting_unit
    return statistics.model_copy(
        update={"reporting_unit": Organizer(name=unit.name, region_code=unit.region_code)}
    )


def rows_of(path: Path) -> dict[str, int]:
    """Row numbers of the template's labels (column B, or A for single rows)."""
    sheet = openpyxl.load_workbook(path)["统计表"]
    rows = {}
    for row in range(1, sheet.max_row + 1):
        for column in (1, 2):
            value = sheet.cell(row, column).value
            if isinstance(value, str):
                rows[value] = row
    return rows


def a_filled_form(path: Path, values: dict[str, object]) -> dict[str, int]:
    """A form for UNIT with ``values`` typed into column C by row label; the label rows."""
    write_return(StatisticsReturn.model_validate({"reporting_unit": UNIT}), path)
    rows = rows_of(path)
    book = openpyxl.load_workbook(path)
    for label, value in values.items():
        book["统计表"].cell(rows[label], 3).value = value
    book.save(path)  # openpyxl stores no formula results: a formula reads as blank
    return rows


class TestRoundTrips:
    """What the library writes, it reads back equal."""

    @settings(suppress_health_check=FUNCTION_SCOPED, max_examples=15)
    @given(statistics=st.one_of(valid_returns(), statistics_returns()).map(on_the_form))
    @pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
    @pytest.mark.usefixtures("backend")
    def test_form_formats(self, statistics: StatisticsReturn, suffix: str) -> None:
        """load_return(write_return(x)) == x for the form as .xlsx and .csv."""
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"return{suffix}"
            write_return(statistics, path)
            assert load_return(path) == statistics

    @pytest.mark.parametrize("unit", ["0行政区划代码", "日期0", "填表人", "一览表"])
    @pytest.mark.usefixtures("backend")
    def test_units_named_like_a_form_key(self, tmp_path: Path, unit: str) -> None:
        """A unit whose name holds a key's word without its colon keeps its whole name."""
        statistics = StatisticsReturn.model_validate({"reporting_unit": {"name": unit}})
        for suffix in (".xlsx", ".csv"):
            write_return(statistics, tmp_path / f"return{suffix}")
            read = load_return(tmp_path / f"return{suffix}")
            assert read.reporting_unit.name == unit
            assert read.filled_on is None
            assert read.campaign_title is None

    @settings(max_examples=40)
    @given(statistics=statistics_returns())
    def test_json(self, statistics: StatisticsReturn) -> None:
        """JSON keeps everything, the reporting unit's details too."""
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "return.json"
            write_return(statistics, path)
            assert load_return(path) == statistics

    @settings(suppress_health_check=FUNCTION_SCOPED, max_examples=10)
    @given(statistics=valid_returns().map(on_the_form))
    @pytest.mark.usefixtures("backend")
    def test_template_filled_by_a_program(self, statistics: StatisticsReturn) -> None:
        """A blank template filled cell by cell (as a unit would) reads back exactly."""
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "template.xlsx"
            write_return_template(path)
            rows = rows_of(path)
            book = openpyxl.load_workbook(path)
            sheet = book["统计表"]
            sheet.cell(rows["填表单位（盖章）："], 2).value = statistics.reporting_unit.name
            if statistics.filled_on:
                sheet.cell(rows["填表日期："], 2).value = statistics.filled_on
            if statistics.campaign_title:
                sheet.cell(1, 1).value = f"{statistics.campaign_title}开展情况统计表"
            figures = statistics.figures()
            for figure in FIGURES:
                if figure.is_total:
                    continue
                row = rows.get(figure.label) or rows[f"{figure.label}（{figure.unit}）"]
                value = figures[figure.path]
                sheet.cell(row, 3).value = float(value) if isinstance(value, Decimal) else value
            book.save(path)
            expected = statistics.model_copy(
                update={
                    "reporting_unit": Organizer(name=statistics.reporting_unit.name),
                    "funding": statistics.funding.model_copy(update={"stated_total": None}),
                    "staff": statistics.staff.model_copy(update={"stated_total": None}),
                    "public": statistics.public.model_copy(update={"stated_total": None}),
                    "opened": statistics.opened.model_copy(update={"stated_total": None}),
                }
            )
            assert load_return(path) == expected


class TestTemplate:
    """The blank form a unit fills in."""

    def test_layout(self, tmp_path: Path) -> None:
        """Titled for the campaign, with the 填表单位 line and a row for every part."""
        path = tmp_path / "template.xlsx"
        write_return_template(path, campaign=CAMPAIGN)
        sheet = openpyxl.load_workbook(path)["统计表"]
        assert sheet["A1"].value == "2024年晋中市科技活动周开展情况统计表"
        assert sheet["A2"].value == "填表单位（盖章）："
        labels = {sheet.cell(r, c).value for r in range(1, sheet.max_row + 1) for c in (1, 2)}
        assert "中央财政经费投入" in labels
        assert "科普活动开展次数（次）" in labels
        assert "活动经费投入数量（单位：万元）" in labels
        assert "小计" not in labels  # the official form has none

    def test_groups_merged_down_column_a(self, tmp_path: Path) -> None:
        """Each group label is one merged cell spanning its rows."""
        path = tmp_path / "template.xlsx"
        write_return_template(path)
        sheet = openpyxl.load_workbook(path)["统计表"]
        rows = rows_of(path)
        funding = f"A{rows['中央财政经费投入']}:A{rows['其他经费']}"
        assert funding in {str(r) for r in sheet.merged_cells.ranges}

    def test_validation_protection_and_print(self, tmp_path: Path) -> None:
        """Whole ≥ 0 for counts, decimal ≥ 0 for 万元; only inputs unlocked; one A4 page."""
        path = tmp_path / "template.xlsx"
        write_return_template(path)
        sheet = openpyxl.load_workbook(path)["统计表"]
        rows = rows_of(path)
        kinds = {}
        for validation in sheet.data_validations.dataValidation:
            for cell in (f"C{rows['中央财政经费投入']}", f"C{rows['线下活动群众参与数量']}"):
                if cell in validation.sqref:
                    kinds[cell] = (validation.type, validation.operator, validation.formula1)
        assert kinds == {
            f"C{rows['中央财政经费投入']}": ("decimal", "greaterThanOrEqual", "0"),
            f"C{rows['线下活动群众参与数量']}": ("whole", "greaterThanOrEqual", "0"),
        }
        assert sheet.protection.sheet
        assert sheet[f"C{rows['线下活动群众参与数量']}"].protection.locked is False
        assert sheet["B2"].protection.locked is False
        assert sheet["A2"].protection.locked is not False
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage

    def test_blank_template_reads_as_blank(self, tmp_path: Path) -> None:
        """A blank template validates with every figure blank (None), never 0."""
        path = tmp_path / "template.xlsx"
        write_return_template(path)
        report = validate(path)
        assert "missing-field" in report.codes
        blanks = [f for f in report.findings if f.code == "missing-value"]
        assert len(blanks) == sum(1 for f in FIGURES if not f.is_total)
        assert all(f.cells for f in blanks)

    @pytest.mark.parametrize("suffix", [".csv", ".xls", ""])
    def test_only_xlsx(self, tmp_path: Path, suffix: str) -> None:
        """The template is an .xlsx workbook; other suffixes are a ValueError."""
        with pytest.raises(ValueError, match="xlsx"):
            write_return_template(tmp_path / f"template{suffix}")


class TestStrictLoading:
    """load_return takes a whole return or raises a WorkbookError saying where."""

    def test_refused_value_names_its_cell(self, tmp_path: Path) -> None:
        """A value the model refuses raises with the sheet and cell."""
        path = tmp_path / "bad.xlsx"
        rows = a_filled_form(path, {"线上活动群众参与数量": "若干"})
        with pytest.raises(WorkbookError) as caught:
            load_return(path)
        error = caught.value
        assert (error.file, error.sheet, error.cell) == (
            "bad.xlsx",
            "统计表",
            f"C{rows['线上活动群众参与数量']}",
        )
        assert "若干" in str(error)

    def test_blank_unit(self, tmp_path: Path) -> None:
        """A blank 填表单位 raises, unless the caller names the unit."""
        path = tmp_path / "榆社县.xlsx"
        write_return_template(path)
        with pytest.raises(WorkbookError, match="填表单位"):
            load_return(path)
        assert load_return(path, reporting_unit="榆社县科协").reporting_unit.name == "榆社县科协"
        unit = Organizer(name="榆社县科协", region_code="140721")
        assert load_return(path, reporting_unit=unit).reporting_unit == unit

    def test_no_form(self, tmp_path: Path) -> None:
        """A workbook without the form's labels is refused."""
        path = tmp_path / "other.xlsx"
        book = openpyxl.Workbook()
        book.active["A1"] = "姓名"  # type: ignore[index]
        book.save(path)
        with pytest.raises(WorkbookError, match="no statistics return form") as caught:
            load_return(path)
        assert caught.value.file == "other.xlsx"

    def test_two_values_for_one_label(self, tmp_path: Path) -> None:
        """Two numbers right of one label are ambiguous, and refused with the cells."""
        path = tmp_path / "two.xlsx"
        write_return(StatisticsReturn.model_validate({"reporting_unit": UNIT}), path)
        rows = rows_of(path)
        book = openpyxl.load_workbook(path)
        sheet = book["统计表"]
        sheet.cell(rows["参与媒体数量（个）"], 3).value = 4
        sheet.cell(rows["参与媒体数量（个）"], 4).value = 5
        book.save(path)
        with pytest.raises(WorkbookError, match="two candidate values"):
            load_return(path)

    def test_a_row_the_form_does_not_have(self, tmp_path: Path) -> None:
        """A number on an unknown row inside the table is reported, never silently dropped."""
        path = tmp_path / "extra.xlsx"
        write_return(StatisticsReturn.model_validate({"reporting_unit": UNIT}), path)
        rows = rows_of(path)
        book = openpyxl.load_workbook(path)
        sheet = book["统计表"]
        row = rows["中央财政经费投入"]
        sheet.insert_rows(row)
        sheet.cell(row, 2).value = "其中：青少年专场次数"
        sheet.cell(row, 3).value = 2
        book.save(path)
        report = validate(path, policy={"missing-value": "off"})
        assert [(f.code, f.cells) for f in report.findings] == [
            ("unknown-field", (f"统计表!C{row}",))
        ]
        with pytest.raises(WorkbookError, match="青少年专场次数"):
            load_return(path)

    def test_unwritable_suffix(self, tmp_path: Path) -> None:
        """write_return refuses a suffix it has no writer for."""
        statistics = StatisticsReturn.model_validate({"reporting_unit": UNIT})
        with pytest.raises(ValueError, match="cannot write"):
            write_return(statistics, tmp_path / "return.xls")


class TestFormulaInjection:
    """User text never becomes a live formula in what the library writes."""

    NAME = '=HYPERLINK("http://evil","x")'

    def test_xlsx(self, tmp_path: Path) -> None:
        """In .xlsx the text is a string cell and reads back as written."""
        path = tmp_path / "r.xlsx"
        statistics = StatisticsReturn.model_validate({"reporting_unit": {"name": self.NAME}})
        write_return(statistics, path)
        cell = openpyxl.load_workbook(path)["统计表"]["B2"]
        assert (cell.data_type, cell.value) == ("s", self.NAME)
        assert load_return(path).reporting_unit.name == self.NAME

    @pytest.mark.parametrize("start", ["=", "+", "-", "@"])
    def test_csv(self, tmp_path: Path, start: str) -> None:
        """In CSV the text gets a leading apostrophe, which the reader removes again."""
        path = tmp_path / "r.csv"
        name = f"{start}1+1单位"
        write_return(StatisticsReturn.model_validate({"reporting_unit": {"name": name}}), path)
        with path.open(encoding="utf-8-sig", newline="") as handle:
            cells = [cell for row in csv.reader(handle) for cell in row]
        assert f"'{name}" in cells
        assert name not in cells
        assert load_return(path).reporting_unit.name == name

    @pytest.mark.parametrize("text", ["\t=1", "\r=1", "=1", "+1", "-1", "@SUM(A1)"])
    def test_every_formula_start_is_guarded(self, text: str) -> None:
        """Tab and carriage return count as formula starts too (models strip them from names)."""
        assert safe_text(text) == f"'{text}"
        assert unquote(safe_text(text)) == text
        assert safe_text("平遥县") == "平遥县"


class TestValidatePath:
    """validate(path) reads workbooks leniently and names cells."""

    def test_formula_is_read_and_flagged(self, tmp_path: Path) -> None:
        """A formula's stored result is read and reported as formula-value."""
        path = tmp_path / "formula.xlsx"
        rows = a_filled_form(path, {"科普专职人员数量": "=2+3"})
        report = validate(path)
        flagged = [f for f in report.findings if f.code == "formula-value"]
        assert [(f.paths, f.cells) for f in flagged] == [
            (("staff.full_time",), (f"统计表!C{rows['科普专职人员数量']}",))
        ]
        assert flagged[0].params["value"] == "空白"


class TestAnnotate:
    """The marked-up copy a unit gets back."""

    def test_cells_filled_and_commented(self, tmp_path: Path) -> None:
        """Each finding's cell is filled and commented in Chinese; a findings sheet lists all."""
        path = tmp_path / "榆次区.xlsx"
        rows = a_filled_form(path, {"线下活动群众参与数量": -5})
        report = validate(path)
        out = annotate_workbook(path, report, tmp_path / "marked.xlsx")
        marked = openpyxl.load_workbook(out)
        cell = marked["统计表"].cell(rows["线下活动群众参与数量"], 3)
        assert cell.comment is not None
        assert "不能为负数" in cell.comment.text
        assert cell.fill.start_color.rgb.endswith("FFC7CE")
        listed = marked["校验结果"]
        assert listed.max_row == len(report.findings) + 1
        assert (
            openpyxl.load_workbook(path)["统计表"].cell(rows["线下活动群众参与数量"], 3).comment
            is None
        )

    def test_csv_is_rebuilt_as_xlsx(self, tmp_path: Path) -> None:
        """A CSV return is marked in an .xlsx copy holding its values."""
        path = tmp_path / "r.csv"
        statistics = StatisticsReturn.model_validate({"reporting_unit": UNIT})
        write_return(statistics, path)
        report = validate(path)
        out = annotate_workbook(path, report, tmp_path / "marked.csv")
        assert out.suffix == ".xlsx"
        sheet = openpyxl.load_workbook(out).worksheets[0]
        marked = [c for row in sheet.iter_rows() for c in row if c.comment is not None]
        assert len(marked) == len([f for f in report.findings if f.cells])

    def test_never_overwrites_the_source(self, tmp_path: Path) -> None:
        """The copy cannot replace the submitted file."""
        path = tmp_path / "r.xlsx"
        write_return(StatisticsReturn.model_validate({"reporting_unit": UNIT}), path)
        with pytest.raises(ValueError, match="overwrite"):
            annotate_workbook(path, validate(path), path)


class TestSummary:
    """One row per unit and a 合计 row."""

    def test_rows_total_and_findings(self, tmp_path: Path) -> None:
        """Units in order, exact sums in 合计, blanks kept blank, findings on their own sheet."""
        returns = [
            StatisticsReturn.model_validate(
                {"reporting_unit": {"name": "甲县"}, "funding": {"county": "0.1"}}
            ),
            StatisticsReturn.model_validate(
                {"reporting_unit": {"name": "乙县"}, "funding": {"county": "0.2"}}
            ),
        ]
        path = tmp_path / "summary.xlsx"
        write_summary(returns, path, report=[validate(r) for r in returns])
        book = openpyxl.load_workbook(path)
        sheet = book["汇总表"]
        headers = [sheet.cell(2, c).value for c in range(1, sheet.max_column + 1)]
        county = headers.index("县级财政经费投入") + 1
        assert [sheet.cell(r, 2).value for r in (3, 4, 5)] == ["甲县", "乙县", "合计"]
        assert Decimal(repr(sheet.cell(5, county).value)) == Decimal("0.3")
        assert sheet.cell(5, county - 1).value is None
        assert book["校验结果"].max_row > 1

    def test_csv(self, tmp_path: Path) -> None:
        """The CSV summary has the two header rows, the units and 合计."""
        path = tmp_path / "summary.csv"
        write_summary([StatisticsReturn.model_validate({"reporting_unit": {"name": "=甲"}})], path)
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert [row[1] for row in rows] == ["填表单位", "", "'=甲", "合计"]
        with pytest.raises(ValueError, match="summary"):
            write_summary([], tmp_path / "summary.json")
