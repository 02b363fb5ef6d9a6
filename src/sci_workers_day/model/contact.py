"""Contacts (联系人 / 联系电话 / 邮箱)."""

from __future__ import annotations

import re
from typing import Any

from pydantic import Field, model_validator

from sci_workers_day.model._base import Model
from sci_workers_day.types import Email, Phone

__all__ = ["Contact"]

# "0354-3260071转8001", "…-8001 分机", "ext. 8001": the extension is kept apart.
_EXTENSION = re.compile(r"\s*(?:转|分机|ext\.?|x)\s*(\d{1,6})\s*$", re.IGNORECASE)


class Contact(Model):
    """A person or office to reach; at least one of name, organization, phone, e-mail.

    ``phone`` is stored in its domestic written form (``0354-3260071``, ``010-86409582``,
    mobiles as 11 digits); an extension written into the number (``转8001``) is moved to
    ``extension``.
    """

    name: str | None = Field(default=None, min_length=1)
    """The person, e.g. 张彦云."""
    organization: str | None = Field(default=None, min_length=1)
    """The body or department, e.g. 晋中市科学技术协会."""
    phone: Phone | None = None
    """Their phone number in domestic written form."""
    extension: str | None = Field(default=None, pattern=r"^\d{1,6}$")
    """An extension (分机号) of ``phone``."""
    email: Email | None = None
    """Their e-mail address."""

    @model_validator(mode="before")
    @classmethod
    def _split_extension(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("phone"), str):
            match = _EXTENSION.search(data["phone"])
            if match is not None and not data.get("extension"):
                data = {**data, "phone": data["phone"][: match.start()], "extension": match[1]}
        return data

    @model_validator(mode="after")
    def _not_empty(self) -> Contact:
        if not (self.name or self.organization or self.phone or self.email):
            msg = "a contact needs a name, organization, phone or e-mail (联系人信息为空)"
            raise ValueError(msg)
        return self
