"""The base every boundary model shares: frozen, and strict about unknown keys."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    GetCoreSchemaHandler,
    SerializerFunctionWrapHandler,
    WrapSerializer,
)
from pydantic_core import core_schema as cs

__all__ = ["SORTED_IN_JSON", "FrozenMapping", "Model"]


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


K = TypeVar("K")
V = TypeVar("V")


class FrozenMapping(Mapping[K, V]):
    """A read-only, hashable mapping: what a frozen model holds where JSON has an object.

    A ``dict`` field would make the whole model unhashable; this keeps models usable as set
    members and cache keys. In JSON it is a plain object.
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[K, V] | None = None) -> None:
        self._items: dict[K, V] = dict(items or {})

    def __getitem__(self, key: K) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and self._items == dict(other.items())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._items!r})"

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> cs.CoreSchema:
        args = getattr(source, "__args__", (Any, Any))
        inner = handler.generate_schema(dict[args[0], args[1]])  # type: ignore[valid-type]
        return cs.no_info_after_validator_function(
            cls,
            inner,
            serialization=cs.plain_serializer_function_ser_schema(dict, return_schema=inner),
        )
