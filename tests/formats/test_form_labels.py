"""Row labels as units retype them are still matched to their figures, and nothing else is."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from sci_workers_day import FIGURES
from sci_workers_day.formats import _form
from sci_workers_day.formats._grid import Book, Sheet
from tests.data.excel import make_return_fixtures

PARTS = [figure for figure in FIGURES if not figure.is_total]
# The labels of attachment 1 of 市科发〔2024〕13号, as the notice prints them.
SEED_LABELS = make_return_fixtures.SEED_LABELS
GROUP_LABELS = make_return_fixtures.SEED_GROUPS
ENUMERATORS = [
    "",
    "1.",
    "1、",
    "12.",
    "１．",
    "一、",
    "十二、",
    "（一）",
    "(1)",
    "①",
    "其中：",
    "1)",
]
SUFFIXES = ["", "（次）", "(人次)", "（万元）", "(单位：个)", "（篇）", "：", ":", "（含线上）"]
SPACES = [" ", "  ", "\n", "\u3000", "\u00a0", "\u200b"]
# Each punctuation mark and what units type instead of it.
SWAPS = {"、": "、,，", "：": ":：", ":": ":：", "（": "(（", "(": "(（", "）": ")）", ")": ")）"}


@st.composite
def retyped(draw: st.DrawFn, label: str) -> str:
    """``label`` as a unit might type it: numbered, with a unit, spaced, punctuation swapped."""
    text = draw(st.sampled_from(ENUMERATORS)) + label + draw(st.sampled_from(SUFFIXES))
    result = []
    for char in text:
        result.append(draw(st.sampled_from(SWAPS[char])) if char in SWAPS else char)
        if draw(st.integers(0, 5)) == 0:
            result.append(draw(st.sampled_from(SPACES)))
    return "".join(result)


def labels_of(*texts: str | None) -> list[tuple[int, str, str]]:
    """A row's label cells as ``_form`` sees them: (column, folded key, text)."""
    return [(c, _form.fold(text), text) for c, text in enumerate(texts) if text is not None]


def path_of(*texts: str | None) -> str | None:
    """The figure a row with these label cells names, or None."""
    match = _form._match_row(labels_of(*texts))
    return None if match is None else match[1]


@given(st.sampled_from(PARTS), st.data())
def test_every_model_label_retyped_names_its_figure(figure: Any, data: st.DataObject) -> None:
    """Every FIGURES label, numbered, spaced, with a unit and swapped punctuation, is its figure."""
    assert path_of(data.draw(retyped(figure.label))) == figure.path


@given(st.sampled_from(sorted(SEED_LABELS.items())), st.data())
def test_every_seed_label_retyped_names_its_figure(
    item: tuple[str, str], data: st.DataObject
) -> None:
    """Every label of the official form, retyped, names its figure, beside its group label."""
    path, label = item
    group = GROUP_LABELS.get(path.split(".")[0])
    text = data.draw(retyped(label))
    assert path_of(text) == path
    assert path_of(group and data.draw(retyped(group)), text) == path


@given(st.sampled_from(["小计", "合计", "小  计", "合 计", "总计"]), st.sampled_from(ENUMERATORS))
def test_totals_are_totals(total: str, enumerator: str) -> None:
    """小计 / 合计 / 总计 rows, spaced or numbered, are stated totals, never a figure."""
    assert path_of(enumerator + total) == "?.stated_total"


TITLE_YEARS = st.integers(2000, 2099).map(lambda year: f"{year}年")
TITLE_PLACES = st.sampled_from(["全国", "晋中市", "山西省", "榆次区", "太谷区", ""])
TITLE_CAMPAIGNS = st.sampled_from(
    ["科技工作者日活动", "科技工作者日", "科技活动周", "全国科普日活动", "科技活动周暨科普场馆开放"]
)
TITLE_ENDS = st.sampled_from(
    ["开展情况统计表", "活动开展情况统计表", "情况统计表", "统计表", "情况汇总表", "一览表"]
)


TITLES = st.builds(
    "{}{}{}{}{}{}".format,
    st.sampled_from(["", "附件1：", "附件 1 "]),
    TITLE_YEARS,
    st.sampled_from(["", " ", "\n"]),
    TITLE_PLACES,
    TITLE_CAMPAIGNS,
    TITLE_ENDS,
)


@given(TITLES)
def test_titles_are_not_figures(title: str) -> None:
    """A form's title ("2025年全国科技工作者日活动开展情况统计表") is never taken for a figure."""
    assert path_of(title) is None


@given(
    TITLE_YEARS,
    TITLE_PLACES,
    TITLE_CAMPAIGNS,
    st.sampled_from([" ", "\n", "  ", ""]),
    st.sampled_from(["", "（榆次区）", "(单位：万元)"]),
)
def test_form_title_names_the_campaign(
    year: str, place: str, campaign: str, space: str, after: str
) -> None:
    """附件1：2024 年…开展情况统计表（榆次区） names the campaign 2024年…, spacing aside."""
    sheet = Sheet("统计表", [[f"附件1：{year}{space}{place}{campaign}开展情况统计表{after}"]])
    data: dict[str, Any] = {}
    _form._read_meta(sheet, data, {})
    assert data["campaign_title"] == f"{year}{place}{campaign}"


# --- whole forms -------------------------------------------------------------------------


@st.composite
def forms(draw: st.DrawFn) -> tuple[Sheet, dict[str, Any]]:
    """A form laid out like the official one with retyped labels, and the figures it holds."""
    rows: list[list[Any]] = [
        ["2024年晋中市科技活动周开展情况统计表"],
        ["填表单位（盖章）：某某科协"],
    ]
    merged = []
    expected: dict[str, Any] = {}
    merge_groups = draw(st.booleans())
    group_rows: dict[str, list[int]] = {}
    for path, label in SEED_LABELS.items():
        group = path.split(".")[0]
        value = draw(st.integers(0, 10**6))
        expected[path] = value
        text = draw(retyped(label))
        if group in GROUP_LABELS:
            group_rows.setdefault(group, []).append(len(rows))
            first = len(group_rows[group]) == 1
            rows.append([GROUP_LABELS[group] if first else None, text, value])
        else:
            rows.append([text, None, value])
    if merge_groups:
        merged = [(spans[0], 0, spans[-1], 0) for spans in group_rows.values()]
    return Sheet("统计表", rows, tuple(merged)), expected


def flat(data: dict[str, Any]) -> dict[str, Any]:
    """Raw form data by dotted path."""
    result = {}
    for key, value in data.items():
        if isinstance(value, dict) and key not in {"reporting_unit"}:
            result.update({f"{key}.{name}": item for name, item in value.items()})
        else:
            result[key] = value
    return result


@given(forms())
def test_a_retyped_form_reads_every_figure(form: tuple[Sheet, dict[str, Any]]) -> None:
    """A whole form of retyped labels, group labels merged or not, reads every figure."""
    sheet, expected = form
    reading = _form.read_form(Book("form.xlsx", "xlsx", (sheet,)))
    got = flat(reading.data)
    assert {path: got.get(path) for path in expected} == expected
    assert got["reporting_unit"] == {"name": "某某科协"}


@given(st.sampled_from(["填表单位", "填报单位", "单位名称"]), st.data())
def test_spaced_out_keys_are_keys(key: str, data: st.DataObject) -> None:
    """A 填 表 单 位： key spaced out to fill its cell still names the unit."""
    spaced = "".join(char + data.draw(st.sampled_from(["", " ", "  ", "\u3000"])) for char in key)
    sheet = Sheet("统计表", [[f"{spaced}（盖章）：", "某某科协"]])
    found: dict[str, Any] = {}
    _form._read_meta(sheet, found, {})
    assert found["reporting_unit"] == {"name": "某某科协"}


@given(st.sampled_from(["（盖章）", "(盖章)", "（公章）", " （章）"]))
def test_seal_mark_is_not_part_of_the_name(seal: str) -> None:
    """填表单位：某某科协（盖章）: the （盖章） is where the seal goes, not part of the name."""
    sheet = Sheet("统计表", [[f"填表单位：某某科协{seal}"]])
    found: dict[str, Any] = {}
    _form._read_meta(sheet, found, {})
    assert found["reporting_unit"] == {"name": "某某科协"}


@given(st.sampled_from(["", "________", "＿＿＿＿", "    "]), st.sampled_from(["", "（盖章）"]))
def test_blank_unit_line_names_no_unit(blank: str, seal: str) -> None:
    """The template's own 填表单位：________（盖章） names no unit: it is blank, not "____"."""
    sheet = Sheet("统计表", [[f"填表单位：{blank}{seal}"]])
    found: dict[str, Any] = {}
    _form._read_meta(sheet, found, {})
    assert "reporting_unit" not in found


@given(st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)), st.integers(0, 4))
def test_fill_dates_in_every_spelling(day: dt.date, spelling: int) -> None:
    """填表日期 as 2024年6月5日, 2024.6.5, 2024/06/05, 20240605 or 二〇二四年六月五日."""
    digits = "〇一二三四五六七八九"
    chinese_year = "".join(digits[int(c)] for c in str(day.year))
    texts = [
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.year}.{day.month}.{day.day}",
        f"{day:%Y/%m/%d}",
        f"{day:%Y%m%d}",
        f"{chinese_year}年{_chinese(day.month)}月{_chinese(day.day)}日",
    ]
    assert _form._date(texts[spelling]) == day


def _chinese(number: int) -> str:
    """1..31 in Chinese numerals: 五, 十, 十二, 二十, 三十一."""
    digits = "〇一二三四五六七八九"
    tens, ones = divmod(number, 10)
    return (
        (digits[tens] if tens > 1 else "") + ("十" if tens else "") + (digits[ones] if ones else "")
    )


# --- values typed with a unit ------------------------------------------------------------


@given(st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False))
def test_yuan_in_an_amount_is_converted_to_wan_yuan(amount: Decimal) -> None:
    """An amount typed in 元 (6000元) reads as 万元 (0.6), exactly."""
    typed = f"{amount.scaleb(4):f}元"
    assert _form._number(typed, "funding.county") == amount


@given(st.integers(0, 10**7), st.sampled_from(["万", "万人次", "万人"]))
def test_wan_in_a_count_multiplies(count: int, unit: str) -> None:
    """A count typed in 万 (1.58万人次) reads as the whole number (15800)."""
    typed = f"{Decimal(count).scaleb(-4):f}{unit}"
    assert _form._number(typed, "public.offline") == count


@given(st.sampled_from(["万元", "元"]), st.integers(1, 1000))
def test_money_on_a_count_is_no_number(unit: str, number: int) -> None:
    """A count typed with a money unit (5万元 场馆) states no count: it is left for the rules."""
    assert _form._number(f"{number}{unit}", "opened.venues") is None
