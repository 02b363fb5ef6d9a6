"""Contacts (联系人 / 联系电话 / 邮箱)."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from sci_workers_day.model._base import Model
from sci_workers_day.types import Email, Phone, split_extension

__all__ = ["Contact"]


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
    extension: str | None = Field(default=None, pattern=r"^[0-9]{1,6}$")
    """An extension (分机号) of ``phone``."""
    email: Email | None = None
    """Their e-mail address."""

    @model_validator(mode="before")
    @classmethod
    def _split_extension(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("phone"), str):
            phone, extension = split_extension(data["phone"])
            if extension is not None:
                if data.get("extension") not in {None, extension}:
                    msg = "the number and the extension field disagree (分机号不一致)"
                    raise ValueError(msg)
                data = {**data, "phone": phone, "extension": extension}
        return data

    @model_validator(mode="after")
    def _not_empty(self) -> Contact:
        if not (self.name or self.organization or self.phone or self.email):
            msg = "a contact needs a name, organization, phone or e-mail (联系人信息为空)"
            raise ValueError(msg)
        if self.extension is not None and self.phone is None:
            msg = "an extension needs a phone number (有分机号但无电话号码)"
            raise ValueError(msg)
        return self
