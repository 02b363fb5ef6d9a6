"""Lenient reading: raw data → a model, every value the model refuses turned into a finding.

Pydantic lists every bad field but builds no model; a submitter needs every problem and the
rules need a model to check the rest. So the data is validated, each refused value is
classified by the reading rules, removed (an optional field falls back to its default, an
item of a list is dropped whole, a required top-level field gets a stand-in the rules know to
skip), and validated again until the model can be built. Paths in findings are those of the
data as given, even after list items are dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
from pydantic import BaseModel, ValidationError

from sci_workers_day.errors import ParseError
from sci_workers_day.model.campaign import Campaign
from sci_workers_day.model.returns import FIGURES, StatisticsReturn
from sci_workers_day.model.submission import Submission
from sci_workers_day.rules._registry import Hit, ReadingIssue, Rule, RuleSubject, of_subject
from sci_workers_day.types import read_number

__all__ = ["Reading", "read_leniently"]

_FIGURES = {figure.path: figure for figure in FIGURES}
_STANDIN_NAME = "（未填写）"
# What a required top-level field becomes when its value cannot be read. Rules that would
# be misled by a stand-in check ``Check.read(path)`` first.
_STAND_INS: dict[type[BaseModel], dict[str, Any]] = {
    StatisticsReturn: {"reporting_unit": {"name": _STANDIN_NAME}},
    Submission: {"reporting_unit": {"name": _STANDIN_NAME}, "submitted_on": "1970-01-01"},
    Campaign: {"title": _STANDIN_NAME, "kinds": ["workers_day"], "year": 2000},
}
# Where a model keeps the figures of a return: text figures are read as numbers first.
_FIGURES_AT: dict[type[BaseModel], str] = {StatisticsReturn: "", Submission: "statistics."}
_MAX_ROUNDS = 64


@attrs.frozen
class Reading:
    """A model read leniently: the model, what its reading found, and which paths were lost."""

    model: Any
    hits: tuple[tuple[Rule, Hit], ...] = ()
    unread: frozenset[str] = frozenset()
    renumbering: Mapping[str, list[int]] = attrs.field(factory=dict)
    """For lists that lost items: model path of the list → the data index of each item."""

    def data_path(self, path: str) -> str:
        """The path in the data as given of a model path (list items may have been dropped)."""
        if not self.renumbering:
            return path
        parts = path.split(".")
        for end in range(1, len(parts)):
            indexes = self.renumbering.get(".".join(parts[:end]))
            if indexes is not None and parts[end].isdigit() and int(parts[end]) < len(indexes):
                parts[end] = str(indexes[int(parts[end])])
        return ".".join(parts)


def read_leniently(model: type[BaseModel], data: Mapping[str, Any]) -> Reading:
    """Build ``model`` from ``data``, reporting every refused value instead of stopping."""
    try:
        return Reading(model.model_validate(data))
    except ValidationError:
        pass
    return _Reader(model, data).read()


def _thaw(value: Any) -> Any:
    """A mutable deep copy of JSON-like data (tuples become lists)."""
    if isinstance(value, Mapping):
        return {key: _thaw(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_thaw(item) for item in value]
    return value


class _Reader:
    def __init__(self, model: type[BaseModel], data: Mapping[str, Any]) -> None:
        self.model = model
        self.data: dict[str, Any] = _thaw(data)
        # id(list) → the original index of each remaining item, so that paths in findings
        # stay those of the data as given after items are dropped.
        self.origins: dict[int, list[int]] = {}
        self.dropped: list[Any] = []  # kept alive, so no new list reuses a dropped one's id
        self.hits: list[tuple[Rule, Hit]] = []
        self.unread: set[str] = set()
        self.seen: set[str] = set()  # paths already reported, unknown keys included
        self.figures_at = _FIGURES_AT.get(model)

    def read(self) -> Reading:
        if self.figures_at is not None:
            self._read_figures(self.figures_at)
        for _round in range(_MAX_ROUNDS):
            try:
                result = self.model.model_validate(self.data)
            except ValidationError as error:
                self._drop(error)
            else:
                return Reading(
                    result, tuple(self.hits), frozenset(self.unread), self._renumbering()
                )
        # Every round drops at least one value; only absurdly deep data runs out of rounds.
        raise ParseError(self._unreadable())  # pragma: no cover

    def _renumbering(self) -> dict[str, list[int]]:
        """Model path of each list that lost items → the data index of each remaining item."""
        found: dict[str, list[int]] = {}

        def walk(value: Any, path: list[Any]) -> None:
            if isinstance(value, dict):
                for key, item in value.items():
                    walk(item, [*path, key])
            elif isinstance(value, list):
                if id(value) in self.origins:
                    found[".".join(map(str, path))] = self.origins[id(value)]
                for index, item in enumerate(value):
                    walk(item, [*path, index])

        if self.origins:
            walk(self.data, [])
        return found

    def _unreadable(self) -> str:
        return f"the data cannot be read as a {self.model.__name__} (无法读取数据)"

    def _read_figures(self, prefix: str) -> None:
        """Text that states a number ("1,200", "１２") becomes that number."""
        root: Any = self.data
        for name in filter(None, prefix.split(".")):
            root = root.get(name) if isinstance(root, dict) else None
        if not isinstance(root, dict):
            return
        for figure in FIGURES:
            *groups, name = figure.path.split(".")
            holder: Any = root
            for group in groups:
                holder = holder.get(group) if isinstance(holder, dict) else None
            if isinstance(holder, dict) and isinstance(holder.get(name), str):
                number = read_number(holder[name])
                if number is not None and (
                    not figure.integral or number == number.to_integral_value()
                ):
                    holder[name] = int(number) if figure.integral else number

    def _drop(self, error: ValidationError) -> None:
        removals: list[tuple[Any, Any]] = []
        for detail in error.errors(include_url=False):
            location, missing = self._locate(detail["loc"], detail["type"])
            path = ".".join(map(str, self._original(location)))
            if missing:
                path = f"{path}.{missing}" if path else missing
            value = None if missing else self._value(location)
            field = missing or (str(location[-1]) if location else "")
            self._report(path, field, value, detail["type"], detail["msg"])
            removals.append(self._removal(location, missing))
        self._remove(removals)

    def _locate(self, loc: tuple[int | str, ...], kind: str) -> tuple[list[Any], str | None]:
        """The part of pydantic's location that exists in the data, and a missing key's name."""
        here: Any = self.data
        location: list[Any] = []
        for part in loc:
            if isinstance(here, list):
                present = isinstance(part, int) and part < len(here)
            else:
                present = isinstance(here, dict) and part in here
            if present:  # else a union's tag, such as "photo" in media.0.photo.width
                here = here[part]
                location.append(part)
        missing = str(loc[-1]) if kind == "missing" and loc else None
        return location, missing

    def _value(self, location: list[Any]) -> Any:
        here: Any = self.data
        for part in location:
            here = here[part]
        return here

    def _original(self, location: list[Any]) -> list[Any]:
        here: Any = self.data
        original: list[Any] = []
        for part in location:
            if isinstance(here, list):
                original.append(self.origins.get(id(here), range(len(here)))[part])
            else:
                original.append(part)
            here = here[part]
        return original

    def _report(self, path: str, field: str, value: Any, kind: str, message: str) -> None:
        # A value dropped whole leaves its required fields "missing" in the next round; the
        # first finding on a path (or below it) already says why.
        if any(seen == path or seen.startswith(path + ".") for seen in self.seen):
            return
        self.seen.add(path)
        if kind != "extra_forbidden":  # an ignored unknown key leaves every field read
            self.unread.add(path)
        figure = None
        # An unknown key "funding.county" is not the figure funding.county.
        if self.figures_at is not None and kind != "extra_forbidden":
            figure = _FIGURES.get(path.removeprefix(self.figures_at))
        issue = ReadingIssue(path, field, value, kind, message, figure)
        for rule in of_subject(RuleSubject.READING):
            params = rule.check(issue)
            if params is not None:
                self.hits.append((rule, Hit((path,), params)))
                return

    def _removal(self, location: list[Any], missing: str | None) -> tuple[Any, Any]:
        """The container and key to remove; a missing field takes its holder with it."""
        if missing is not None:
            if not location:
                return None, missing  # a required top-level field: stand-in
            return self._parent(location)
        if not location:
            raise ParseError(self._unreadable())
        return self._parent(location)

    def _parent(self, location: list[Any]) -> tuple[Any, Any]:
        return self._value(location[:-1]), location[-1]

    def _remove(self, removals: list[tuple[Any, Any]]) -> None:
        from_lists: dict[int, tuple[list[Any], set[int]]] = {}
        for container, key in removals:
            if container is None:
                self._stand_in(key)
            elif isinstance(container, list):
                from_lists.setdefault(id(container), (container, set()))[1].add(key)
            else:
                self.dropped.append(container.pop(key, None))
        for items, indexes in from_lists.values():
            origins = self.origins.setdefault(id(items), list(range(len(items))))
            for index in sorted(indexes, reverse=True):
                self.dropped.append(items.pop(index))
                del origins[index]

    def _stand_in(self, key: str) -> None:
        stand_ins = _STAND_INS.get(self.model, {})
        if key not in stand_ins:  # pragma: no cover - every required top-level field has one
            msg = f"required field {key!r} is missing (缺少必填项)"
            raise ParseError(msg)
        self.data[key] = _thaw(stand_ins[key])
