from decimal import Decimal

import pytest
from pydantic import ValidationError

from sci_workers_day import Activity, Photo, ShotType, Submission, Venue, Video


def test_media_are_told_apart_by_kind() -> None:
    """``kind`` picks Photo or Video; ``photos`` and ``videos`` split the media."""
    submission = Submission.model_validate(
        {
            "reporting_unit": {"name": "太谷区科学技术局"},
            "submitted_on": "2024-06-07",
            "media": [
                {"kind": "photo", "shot_type": "panorama", "path": "a.jpg"},
                {"kind": "video", "duration_seconds": "179.5", "path": "b.mp4"},
                {"kind": "photo", "shot_type": "close_up", "path": "c.jpg"},
            ],
        }
    )
    assert [p.shot_type for p in submission.photos] == [ShotType.PANORAMA, ShotType.CLOSE_UP]
    assert submission.videos == (Video(duration_seconds=Decimal("179.5"), path="b.mp4"),)
    assert isinstance(submission.media[0], Photo)


def test_unknown_media_kind_is_refused() -> None:
    """A media item must say whether it is a photo or a video."""
    with pytest.raises(ValidationError, match="kind"):
        Submission.model_validate(
            {
                "reporting_unit": {"name": "x"},
                "submitted_on": "2024-06-07",
                "media": [{"kind": "audio", "path": "a.mp3"}],
            }
        )


def test_names_render() -> None:
    """Activities and venues print as their names."""
    assert str(Activity(name="科技大讲堂")) == "科技大讲堂"
    assert str(Venue(name="晋中市科技馆")) == "晋中市科技馆"
