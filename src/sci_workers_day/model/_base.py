"""The base every boundary model shares: frozen, and strict about unknown keys."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict, SerializerFunctionWrapHandler, WrapSerializer

__all__ = ["SORTED_IN_JSON", "Model"]


class Model(BaseModel):
    """Frozen, ``extra="forbid"``, surrounding white space stripped from text."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        str_strip_whitespace=True,
        use_attribute_docstrings=True,
    )


def _sorted_json(value: Iterable[Any], handler: SerializerFunctionWrapHandler) -> Any:
    return sorted(handler(value))


SORTED_IN_JSON = WrapSerializer(_sorted_json, when_used="json")
"""Put on a set field: sets have no order, and JSON output must be stable to diff and to pin."""
