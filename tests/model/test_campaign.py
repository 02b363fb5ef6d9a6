import pytest
from pydantic import ValidationError

from sci_workers_day import Activity, Campaign, CampaignKind, Organizer, ShotType


def test_minimal_campaign() -> None:
    """Only title, kinds and year are required."""
    campaign = Campaign(title="t", kinds=frozenset({CampaignKind.WORKERS_DAY}), year=2024)
    assert campaign.activities == ()
    assert campaign.reporting is None


@pytest.mark.parametrize("missing", ["title", "kinds", "year"])
def test_required_fields(missing: str) -> None:
    """Leaving out a required field is an error naming it."""
    data = {"title": "t", "kinds": ["workers_day"], "year": 2024}
    del data[missing]
    with pytest.raises(ValidationError, match=missing):
        Campaign.model_validate(data)


def test_kinds_must_not_be_empty() -> None:
    """A campaign belongs to at least one national campaign."""
    with pytest.raises(ValidationError):
        Campaign.model_validate({"title": "t", "kinds": [], "year": 2024})


def test_sets_dump_sorted() -> None:
    """Set fields dump in a stable order."""
    campaign = Campaign.model_validate(
        {
            "title": "t",
            "kinds": ["workers_day", "science_week"],
            "year": 2025,
            "reporting": {"required_shots": ["panorama", "close_up"]},
        }
    )
    data = campaign.model_dump(mode="json")
    assert data["kinds"] == ["science_week", "workers_day"]
    assert data["reporting"]["required_shots"] == ["close_up", "panorama"]


def test_labels() -> None:
    """Enums carry the Chinese names the documents use."""
    assert CampaignKind.WORKERS_DAY.label == "全国科技工作者日"
    assert CampaignKind.SCIENCE_WEEK.label == "科技活动周"
    assert CampaignKind.SCIENCE_DAY.label == "全国科普日"
    assert ShotType.PANORAMA.label == "全景照"
    assert ShotType.CLOSE_UP.label == "特写照"


def test_sections_and_recommended() -> None:
    """Sections keep first-appearance order; recommended activities are those with 推荐单位."""
    unit = Organizer(name="晋中市科学技术协会")
    campaign = Campaign(
        title="t",
        kinds=frozenset({CampaignKind.SCIENCE_WEEK}),
        year=2024,
        activities=(
            Activity(name="a", section="主要活动安排"),
            Activity(name="b", section="推荐清单", recommended_by=(unit,)),
            Activity(name="c", section="主要活动安排"),
            Activity(name="d"),
        ),
    )
    assert campaign.sections == ("主要活动安排", "推荐清单")
    assert [a.name for a in campaign.activities_in("主要活动安排")] == ["a", "c"]
    assert [a.name for a in campaign.recommended_activities] == ["b"]


def test_organizer_names() -> None:
    """An organizer answers to its full name, short name and aliases, spaces ignored."""
    unit = Organizer(name="晋中市科学技术协会", short_name="市科协", aliases=("晋中市科协",))
    assert unit.is_named("市科协")
    assert unit.is_named("晋中市 科学技术协会")
    assert not unit.is_named("市科技局")
    assert str(unit) == "晋中市科学技术协会"


def test_text_is_stripped() -> None:
    """Surrounding white space (from PDFs and spreadsheets) is stripped on the way in."""
    assert Organizer(name="  晋中市科学技术协会 ").name == "晋中市科学技术协会"


def test_severity_policy_keeps_campaigns_hashable() -> None:
    """A campaign with a severity policy is still hashable, and its policy reads back."""
    campaign = Campaign.model_validate(
        {
            "title": "通知",
            "kinds": ["workers_day"],
            "year": 2024,
            "severity_policy": {"missing-value": "error"},
        }
    )
    assert hash(campaign) == hash(Campaign.model_validate_json(campaign.model_dump_json()))
    assert campaign.severity_policy["missing-value"] == "error"
    assert dict(campaign.severity_policy) == {"missing-value": "error"}
    assert "FrozenMapping" in repr(campaign.severity_policy)
    assert campaign.severity_policy != {"missing-value": "off"}
    assert campaign.severity_policy != ["missing-value"]
