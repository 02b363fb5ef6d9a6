"""parse_notice and load_notice: odd text, each part of a notice, and files."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sci_workers_day import (
    Campaign,
    CampaignKind,
    NoticeError,
    ParseError,
    ShotType,
    load_notice,
    parse_notice,
    validate,
)

DATA = Path(__file__).parents[1] / "data" / "notices"
SEEDS = sorted(DATA.glob("seed_*.txt"))
PIECES = [line for seed in SEEDS for line in seed.read_text("utf-8").splitlines() if line]


def _notice(*lines: str) -> str:
    return "\n".join(("关于举办2024年晋中市科技活动周的通知", *lines))


# --- never an exception on odd text -------------------------------------------------------

_ALPHABET = st.characters(
    codec="utf-8", categories=("L", "N", "P", "S", "Zs", "Cc"), exclude_characters="\x00"
)


@given(st.text(_ALPHABET, max_size=400))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_gives_a_draft_or_the_empty_error(text: str) -> None:
    """Random text: a draft whose campaign is valid, or NoticeError for text with nothing in it."""
    try:
        draft = parse_notice(text)
    except NoticeError:
        assert not text.strip() or len(text.strip()) < 60
        return
    assert Campaign.model_validate_json(draft.campaign.model_dump_json()) == draft.campaign


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=60))
@settings(max_examples=150, deadline=None)
def test_notice_lines_in_any_order_give_a_draft(lines: list[str]) -> None:
    """Real notice lines, shuffled, cut and glued: always a valid draft."""
    cut = [line[: len(line) // 2] if hash(line) % 3 == 0 else line for line in lines]
    try:
        draft = parse_notice("\n".join(cut))
    except NoticeError:  # page numbers alone (— 3 —, 0) are no text
        assert all(re.fullmatch(r"[\s\d—–-]*", line) for line in cut)
        return
    assert draft.campaign.title
    assert draft.campaign.kinds


_STRUCTURE = (
    "一二三四五六七八九十、（）()。，：:；0123456789年月日旬前至—-\t \n@._"
    "附件联系人电话邮箱报送视频分钟第个号〔〕《》“”"
)


@given(
    st.sampled_from(SEEDS),
    st.lists(st.tuples(st.floats(0, 1), st.sampled_from(_STRUCTURE)), max_size=80),
)
@settings(max_examples=100, deadline=None)
def test_seeds_with_characters_changed_give_a_draft(
    seed: Path, changes: list[tuple[float, str]]
) -> None:
    """A real notice with brackets, digits, colons and @ put in random places: a valid draft."""
    text = list(seed.read_text("utf-8"))
    for where, char in changes:
        text[min(int(where * len(text)), len(text) - 1)] = char
    draft = parse_notice("".join(text))
    assert Campaign.model_validate_json(draft.campaign.model_dump_json()) == draft.campaign


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n", "[bookmark: _GoBack]", "\u200b\ufeff"])
def test_empty_input_is_the_one_error(text: str) -> None:
    """Empty text (or only Word's and the web's invisible leftovers) raises NoticeError."""
    with pytest.raises(NoticeError, match="empty"):
        parse_notice(text)


def test_notice_error_is_a_parse_error() -> None:
    """NoticeError is caught with ParseError and ValueError, like every reader's error."""
    assert issubclass(NoticeError, ParseError)
    assert issubclass(NoticeError, ValueError)


# --- the parts of a notice ----------------------------------------------------------------


def test_web_page_noise_never_becomes_activities() -> None:
    """Seed 001 ends with a list of unrelated news: none of it is read as an activity."""
    text = (DATA / "seed_001_taiyuan_2025.txt").read_text("utf-8")
    draft = parse_notice(text)
    names = " ".join(a.name for a in draft.campaign.activities)
    assert "遥感" not in names
    assert "小米" not in names
    assert len(draft.campaign.activities) == 10
    assert any("web page" in note for note in draft.notes)
    assert not any("热门资讯" in paragraph for paragraph in draft.unread)


def test_unread_holds_what_nothing_was_taken_from() -> None:
    """主要内容 paragraphs (no field holds them) are in ``unread``; read ones are not."""
    draft = parse_notice((DATA / "seed_001_taiyuan_2025.txt").read_text("utf-8"))
    assert any(p.startswith("(二)大力弘扬科学家精神") for p in draft.unread)
    assert not any(p.startswith("矢志创新发展") for p in draft.unread)


def test_pdf_spacing_and_page_numbers_are_undone() -> None:
    """``2020 年 5 月`` reads as a date and ``活— 3 —动`` as one word."""
    draft = parse_notice((DATA / "seed_004_shaanxi_2020.txt").read_text("utf-8"))
    assert draft.campaign.issued_on == dt.date(2020, 5, 12)
    assert draft.campaign.activities[0].name == "举办优秀科技工作者事迹报告会或座谈会(陕西主场活动)"


def test_bookmarks_are_dropped() -> None:
    """Word's ``[bookmark: _GoBack]`` does not hide the contact line it precedes."""
    draft = parse_notice((DATA / "seed_003_shanxi_2022.txt").read_text("utf-8"))
    assert {c.name for c in draft.campaign.contacts} == {"张学东", "马建军", "吴玉祥"}


def test_edition_against_year() -> None:
    """第八个 in 2024 is right; 第九个 in 2024 is kept as stated, with a note."""
    title = "关于开展2024年“全国科技工作者日”活动的通知"
    right = parse_notice(f"{title}\n今年5月30日是第八个“全国科技工作者日”。")
    assert right.campaign.edition == 8
    assert not any("第8个" in note for note in right.notes)
    wrong = parse_notice(f"{title}\n今年是第九个“全国科技工作者日”。")
    assert wrong.campaign.edition == 9
    assert any("2024" in note and "第9个" in note for note in wrong.notes)


def test_year_given_fills_in_when_the_notice_has_none() -> None:
    """A notice without a year takes ``year``; one with a year keeps its own, with a note."""
    text = "关于举办科技活动周的通知\n一、活动时间\n5月25日—6月1日"
    draft = parse_notice(text, year=2023)
    assert draft.campaign.year == 2023
    assert draft.campaign.window is not None
    assert draft.campaign.window.start == dt.date(2023, 5, 25)
    stated = parse_notice(_notice(), year=2023)
    assert stated.campaign.year == 2024
    assert any("2023" in note for note in stated.notes)


def test_several_kinds_in_one_notice() -> None:
    """科技活动周 and 科技工作者日 in one title: both kinds."""
    draft = parse_notice("关于举办2025年太原市科技活动周和科技工作者日活动的通知\n正文")
    assert draft.campaign.kinds == {CampaignKind.SCIENCE_WEEK, CampaignKind.WORKERS_DAY}


def test_text_without_any_kind_is_assumed_workers_day_with_a_note() -> None:
    """No campaign named anywhere: the draft says what it assumed."""
    draft = parse_notice("关于召开2024年工作会议的通知\n各单位：\n请准时参加。")
    assert draft.campaign.kinds == {CampaignKind.WORKERS_DAY}
    assert any("assumed" in note for note in draft.notes)


@pytest.mark.parametrize(
    ("sentence", "seconds"),
    [
        ("视频时长不超过3分钟", 180),
        ("视频不超过90秒", 90),
        ("视频不超过1分30秒", 90),
        ("视频时长控制在5分钟以内", 300),
        ("视频需编辑整理，时长不超过三分钟", 180),
        ("视频2分钟以内", 120),
    ],
)
def test_video_limits(sentence: str, seconds: int) -> None:
    """Any number, in 分钟 or 秒, Arabic or Chinese digits."""
    draft = parse_notice(_notice(f"请于6月8日前报送总结报告、影像资料（{sentence}）。"))
    assert draft.campaign.reporting is not None
    assert draft.campaign.reporting.max_video_seconds == seconds


@given(st.integers(1, 59), st.sampled_from(["分钟", "秒"]))
def test_video_limit_property(number: int, unit: str) -> None:
    """``视频时长不超过N分钟`` is N × 60 seconds and ``N秒`` is N, for any N."""
    draft = parse_notice(_notice(f"请于6月8日前报送影像资料（视频时长不超过{number}{unit}）。"))
    assert draft.campaign.reporting is not None
    expected = number * 60 if unit == "分钟" else number
    assert draft.campaign.reporting.max_video_seconds == expected


@given(st.dates(dt.date(2024, 1, 1), dt.date(2024, 12, 31)), st.sampled_from(["前", "之前"]))
def test_deadline_property(day: dt.date, before: str) -> None:
    """``于M月D日前报送`` is that day (inclusive), in the notice's year."""
    draft = parse_notice(_notice(f"请于{day.month}月{day.day}日{before}将活动总结报送市科协。"))
    assert draft.campaign.reporting is not None
    assert draft.campaign.reporting.deadline == day
    assert draft.campaign.reporting.materials == ("活动总结",)


def test_shots_and_recipients() -> None:
    """全景照 and 特写照 are required; an office with its e-mail in brackets is a recipient."""
    draft = parse_notice(
        _notice("活动总结请于6月10日前报省科协办公室(sxkxbgs@163.com)，照片须有全景照和特写照。")
    )
    reporting = draft.campaign.reporting
    assert reporting is not None
    assert reporting.required_shots == {ShotType.PANORAMA, ShotType.CLOSE_UP}
    assert [(c.organization, c.email) for c in reporting.recipients] == [
        ("省科协办公室", "sxkxbgs@163.com")
    ]


@pytest.mark.parametrize(
    ("line", "phone"),
    [
        ("电话:(010)86409582", "010-86409582"),
        ("联系电话：0354-3260071", "0354-3260071"),
        ("电话：029-63917171", "029-63917171"),
        ("手机：13812345678", "13812345678"),
        ("电话：（0358）7221456", "0358-7221456"),
    ],
)
def test_phone_forms(line: str, phone: str) -> None:
    """Phones as notices write them, stored in the domestic written form."""
    draft = parse_notice(_notice("六、联系方式", "联系人：李磊", line))
    assert [(c.name, c.phone) for c in draft.campaign.contacts] == [("李磊", phone)]


def test_a_local_number_takes_the_area_code_before_it() -> None:
    """``0354-3260071 3260072``: the second number is 0354-3260072."""
    draft = parse_notice(_notice("六、联系方式", "联系电话：0354-3260071 3260072"))
    assert [c.phone for c in draft.campaign.contacts] == ["0354-3260071", "0354-3260072"]


def test_activity_lines_and_organizers() -> None:
    """内容/时间/地点/举办单位 lines fill an activity; several units become organizers."""
    draft = parse_notice(
        _notice(
            "四、活动安排",
            "1.启动仪式",
            "时间:5月26日上午",
            "地点:小店区新时代文明实践中心广场",
            "举办单位:市科技局、市委宣传部、小店区人民政府",
        )
    )
    (activity,) = draft.campaign.activities
    assert activity.window is not None
    assert activity.window.start == dt.date(2024, 5, 26)
    assert [o.name for o in activity.organizers] == ["市科技局", "市委宣传部", "小店区人民政府"]
    assert activity.organizers[2].region_code == "140105"
    assert activity.venues[0].name == "小店区新时代文明实践中心广场"


def test_an_unreadable_time_is_kept_in_the_description_with_a_note() -> None:
    """``时间：另行通知`` is no date: nothing is lost, the note says where."""
    draft = parse_notice(_notice("四、活动安排", "1.科普讲座", "时间：另行通知"))
    (activity,) = draft.campaign.activities
    assert activity.window is None
    assert activity.description == "时间：另行通知"
    assert any("另行通知" in note for note in draft.notes)


def test_draft_validates() -> None:
    """A draft is a campaign the validator accepts as input."""
    for seed in SEEDS:
        report = validate(parse_notice(seed.read_text("utf-8")).campaign)
        assert report.errors == ()


# --- files --------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_load_notice_reads_each_encoding(tmp_path: Path, encoding: str) -> None:
    """UTF-8 (with or without BOM), GB18030 and UTF-16 text files read the same."""
    text = (DATA / "seed_002_jinzhong_2024.txt").read_text("utf-8")
    file = tmp_path / "notice.txt"
    file.write_bytes(text.encode(encoding))
    assert load_notice(file) == parse_notice(text)


def test_load_notice_errors_name_the_file(tmp_path: Path) -> None:
    """An empty file, a missing one and an unknown format each raise NoticeError with the file."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(NoticeError) as raised:
        load_notice(empty)
    assert raised.value.file == "empty.txt"
    with pytest.raises(NoticeError, match="cannot read the file"):
        load_notice(tmp_path / "missing.txt")
    pdf = tmp_path / "notice.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    with pytest.raises(NoticeError, match=r"\.pdf"):
        load_notice(pdf)
    latin = tmp_path / "bytes.txt"
    latin.write_bytes(bytes(range(128, 256)) * 4)
    with pytest.raises(NoticeError, match="neither UTF-8 nor GB18030"):
        load_notice(latin)


def _zip(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"word/document.xml": b"\x00" * (8 * 1024 * 1024)}, "times its size"),
        ({"word/document.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'}, "DTD"),
        ({"other.xml": b"<x/>"}, "not a Word document"),
        ({"word/document.xml": b"<not really"}, "damaged"),
    ],
)
def test_unsafe_or_damaged_docx_is_refused(
    tmp_path: Path, members: dict[str, bytes], message: str
) -> None:
    """Zip bombs, DTDs, zips without a document and broken XML raise NoticeError."""
    file = tmp_path / "notice.docx"
    file.write_bytes(_zip(members))
    with pytest.raises(NoticeError, match=message):
        load_notice(file)


def test_encrypted_docx_is_refused_by_name(tmp_path: Path) -> None:
    """Word saves a password-protected .docx as an OLE file: refused, saying so."""
    file = tmp_path / "notice.docx"
    file.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    with pytest.raises(NoticeError, match="encrypted"):
        load_notice(file)


def test_not_a_zip_docx_is_refused(tmp_path: Path) -> None:
    """A .docx that is no zip at all is a NoticeError naming the file."""
    file = tmp_path / "notice.docx"
    file.write_bytes(b"plain text saved with the wrong suffix")
    with pytest.raises(NoticeError, match="damaged") as raised:
        load_notice(file)
    assert raised.value.file == "notice.docx"


@pytest.mark.parametrize("stem", ["seed_002_jinzhong_2024", "county_plan_2025"])
def test_docx_reads_like_its_text(stem: str) -> None:
    """A notice saved as .docx by an office suite gives the draft its plain text gives."""
    docx = DATA / f"{stem}.docx"
    if not docx.exists():  # pragma: no cover - made by make_docx_fixtures.py
        pytest.skip("no .docx fixture")
    from_docx = load_notice(docx).campaign
    from_text = parse_notice((DATA / f"{stem}.txt").read_text("utf-8")).campaign
    assert from_docx.title == from_text.title
    assert from_docx.reporting == from_text.reporting
    assert [a.name for a in from_docx.activities] == [a.name for a in from_text.activities]
    assert [a.recommended_by for a in from_docx.activities] == [
        a.recommended_by for a in from_text.activities
    ]


# --- found in review ----------------------------------------------------------------------


def test_circled_numbers_are_headings_not_a_crash() -> None:
    """``①`` passes ``str.isdigit`` but is no int literal: it numbers a heading."""
    draft = parse_notice(_notice("一、活动安排", "①科普讲座", "②科普展览"))
    assert [a.name for a in draft.campaign.activities] == ["科普讲座", "科普展览"]


def test_years_no_campaign_can_have() -> None:
    """1919 in the opening is history, not the year; ``year=1900`` is a caller's mistake."""
    draft = parse_notice("弘扬1919年五四精神，开展2024年科技工作者日活动。")
    assert draft.campaign.year == 2024
    with pytest.raises(ValueError, match="1949"):
        parse_notice(_notice(), year=1900)


def test_the_last_section_ends_at_the_signature() -> None:
    """Signers (four lines of them), the date and 抄送 are no requirements."""
    draft = parse_notice(
        _notice(
            "五、工作要求",
            "（一）加强领导。要高度重视。",
            "中共晋中市委宣传部",
            "晋中市科学技术局",
            "晋中市科学技术协会",
            "晋中市教育局",
            "2024年5月10日",
            "抄送：山西省科协",
        )
    )
    assert draft.campaign.requirements == ("加强领导。要高度重视。",)
    assert len(draft.campaign.issuers) == 4
    assert draft.campaign.issued_on == dt.date(2024, 5, 10)


def test_an_activity_with_a_contact_line_is_kept() -> None:
    """A contact line inside an activity makes a contact and leaves the activity whole."""
    draft = parse_notice(
        _notice(
            "四、活动安排",
            "1.科学家精神主题展览",
            "时间：5月30日",
            "联系人：张三，电话：13812345678",
        )
    )
    (activity,) = draft.campaign.activities
    assert activity.name == "科学家精神主题展览"
    assert draft.campaign.theme is None
    assert [(c.name, c.phone) for c in draft.campaign.contacts] == [("张三", "13812345678")]


def test_theme_on_the_heading_line_and_in_prose_under_it() -> None:
    """``一、活动主题：…`` and ``以“…”为主题`` under the heading give the theme itself."""
    assert (
        parse_notice(_notice("一、活动主题：矢志创新 建设强国")).campaign.theme
        == "矢志创新 建设强国"
    )
    under = parse_notice(_notice("一、活动主题", "今年活动以“矢志创新”为主题。"))
    assert under.campaign.theme == "矢志创新"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("各有关单位：", ("各有关单位",)),
        ("各市科协、市科技局，省直有关单位：", ("各市科协、市科技局", "省直有关单位")),
        ("为做好今年活动，现将有关事项通知如下：", ()),
        ("联系人：", ()),
    ],
)
def test_addressee_lines(line: str, expected: tuple[str, ...]) -> None:
    """A 主送 line however short; a sentence or a label ending in a colon is none."""
    assert parse_notice(_notice(line)).campaign.addressees == expected


def test_a_newspaper_is_not_a_submission() -> None:
    """``在报刊开设专栏`` has a date but sends nothing: the deadline is the real one."""
    draft = parse_notice(_notice("请于5月20日前在报刊开设专栏。请于6月5日前报送活动总结。"))
    assert draft.campaign.reporting is not None
    assert draft.campaign.reporting.deadline == dt.date(2024, 6, 5)


def test_an_activitys_video_is_no_limit_for_submissions() -> None:
    """``每场讲座时长不超过40分钟`` in an activity says nothing about submitted videos."""
    draft = parse_notice(
        _notice(
            "一、活动安排",
            "1.科普讲座。通过视频直播开展科普讲座，每场讲座时长不超过40分钟。",
            "二、工作要求",
            "请于6月5日前报送总结。",
        )
    )
    assert draft.campaign.reporting is not None
    assert draft.campaign.reporting.max_video_seconds is None


def test_contact_details_are_kept_or_noted() -> None:
    """Extensions stay, faxes are no phones, every e-mail is kept, a bad number is noted."""
    draft = parse_notice(
        _notice(
            "联系人：张三，电话：0351-4060103转8021，传真：0351-4060104，邮箱：a@b.com、c@d.com"
        )
    )
    assert [(c.name, c.phone, c.extension, c.email) for c in draft.campaign.contacts] == [
        ("张三", "0351-4060103", "8021", "a@b.com"),
        (None, None, None, "c@d.com"),
    ]
    bad = parse_notice(_notice("联系电话：0351-12345678"))
    assert bad.campaign.contacts == ()
    assert any("0351-12345678" in note for note in bad.notes)


def test_more_phone_forms() -> None:
    """400 numbers and 联系人及电话：."""
    draft = parse_notice(_notice("联系人及电话：张三 0351-4060103", "热线：400-123-4567"))
    assert ("张三", "0351-4060103") in [(c.name, c.phone) for c in draft.campaign.contacts]
