"""Photos and videos a unit submits (影像资料)."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from sci_workers_day.model._base import Model

__all__ = ["MediaItem", "Photo", "ShotType", "Video"]


class ShotType(enum.StrEnum):
    """The kinds of photo a notice can require."""

    PANORAMA = "panorama"
    """全景照: the whole scene."""
    CLOSE_UP = "close_up"
    """特写照: a detail."""

    @property
    def label(self) -> str:
        """The Chinese label: 全景照, 特写照."""
        return "全景照" if self is ShotType.PANORAMA else "特写照"


class Photo(Model):
    """A submitted photo."""

    kind: Literal["photo"] = "photo"
    """Discriminator: always ``"photo"``."""
    shot_type: ShotType | None = None
    """Panorama or close-up, when the unit says."""
    width: int | None = Field(default=None, gt=0)
    """Width in pixels."""
    height: int | None = Field(default=None, gt=0)
    """Height in pixels."""
    path: str = Field(min_length=1)
    """The file, as named in the submission."""
    caption: str | None = Field(default=None, min_length=1)
    """What it shows."""
    activity: str | None = Field(default=None, min_length=1)
    """The activity it shows: its folder in the package, or the manifest's 活动 column."""


class Video(Model):
    """A submitted video."""

    kind: Literal["video"] = "video"
    """Discriminator: always ``"video"``."""
    duration_seconds: Decimal | None = Field(default=None, ge=0, allow_inf_nan=False)
    """Running time in seconds, exact; ``None`` when the container does not say (a
    fragmented MP4, an unknown format), never 0 for unknown."""
    size_bytes: int | None = Field(default=None, ge=0)
    """The file's size in bytes."""
    format: str | None = Field(default=None, pattern=r"^[a-z0-9]{2,5}$")
    """The container, as the file's suffix names it: ``mp4``, ``mov``, ``m4v``."""
    path: str = Field(min_length=1)
    """The file, as named in the submission."""
    caption: str | None = Field(default=None, min_length=1)
    """What it shows."""


MediaItem = Annotated[Photo | Video, Field(discriminator="kind")]
"""A photo or a video, told apart by ``kind``."""
