"""What ``validate`` and ``validate_rollup`` share: reading sources, turning hits into findings."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import attrs

from sci_workers_day._reading import Reading, read_leniently
from sci_workers_day.dates import DateWindow
from sci_workers_day.errors import ParseError, UnknownRuleError
from sci_workers_day.formats._raw import RawDocument, read_document
from sci_workers_day.model.campaign import Campaign
from sci_workers_day.model.returns import FIGURES, StatisticsReturn
from sci_workers_day.model.submission import Submission
from sci_workers_day.report import Explanation, Finding, Severity, iso_window, magnitude
from sci_workers_day.rules import rule_catalogue as catalogue
from sci_workers_day.rules._registry import Hit, Rule

__all__ = ["ModelName", "Policy", "Source", "explain", "read_source", "settle"]

ModelName = Literal["return", "submission", "campaign"]
Policy = Mapping[str, Severity | Literal["error", "warning", "info", "off"]]
Source = (
    StatisticsReturn
    | Submission
    | Campaign
    | Mapping[str, Any]
    | str
    | os.PathLike[str]
    | RawDocument
)

_MODELS: dict[ModelName, type[StatisticsReturn | Submission | Campaign]] = {
    "return": StatisticsReturn,
    "submission": Submission,
    "campaign": Campaign,
}
# The keys that tell a raw mapping's model apart: each model's fields the others lack.
_KEYS = {
    name: set(model.model_fields).difference(
        *(other.model_fields for other in _MODELS.values() if other is not model)
    )
    for name, model in _MODELS.items()
}
_LABELS = {figure.path: figure.label for figure in FIGURES}


@attrs.frozen
class Document:
    """A source read: which model, the reading, where its values came from, its name."""

    kind: ModelName
    reading: Reading
    cells: Mapping[str, str] = attrs.field(factory=dict)
    name: str | None = None
    formulas: frozenset[str] = frozenset()


def read_source(source: Source, model: ModelName | None = None) -> Document:
    """Read a model instance, raw mapping or file into a :class:`Document`."""
    if type(source) is not dict:  # the common case skips these: isinstance on ABCs is slow
        for kind, cls in _MODELS.items():
            if isinstance(source, cls):
                return Document(kind, Reading(source))
        if isinstance(source, (str, os.PathLike, RawDocument)):
            raw = source if isinstance(source, RawDocument) else read_document(Path(source))
            try:
                document = read_source(raw.data, model or raw.model)
            except ParseError as error:
                raise error.at(file=raw.name) from None
            return attrs.evolve(document, cells=raw.cells, name=raw.name, formulas=raw.formulas)
        if not isinstance(source, Mapping):
            msg = f"cannot validate a {type(source).__name__} (无法校验此类对象)"
            raise ParseError(msg)
    kind = model or _recognise(source)
    return Document(kind, read_leniently(_model(kind), source))


def _model(kind: str) -> type[StatisticsReturn | Submission | Campaign]:
    if kind not in _MODELS:
        msg = f"model must be one of {sorted(_MODELS)}, not {kind!r}"
        raise ValueError(msg)
    return _MODELS[kind]


def _recognise(data: Mapping[str, Any]) -> ModelName:
    found = [name for name, keys in _KEYS.items() if not keys.isdisjoint(data)]
    if len(found) > 1:
        scores = {name: len(_KEYS[name].intersection(data)) for name in found}
        best = max(scores.values())
        found = [name for name in found if scores[name] == best]
    if len(found) == 1:
        return found[0]
    if not found and "reporting_unit" in data:
        return "return"  # a return with every figure blank (a submission has submitted_on)
    msg = (
        "cannot tell whether the data is a return, a submission or a campaign "
        "(无法识别数据类型); name it with model=..."
    )
    raise ParseError(msg)


def settle(
    campaign: Campaign | None, policy: Policy | None, explanations: Iterable[Explanation]
) -> tuple[dict[str, Severity | None], tuple[Explanation, ...]]:
    """The effective severity of each overridden rule (``None`` = off), and the explanations.

    The caller's policy wins over the campaign's. Codes the caller names but the catalogue
    lacks raise :class:`~sci_workers_day.UnknownRuleError`: a mistyped code must not pass
    silently. A campaign's unknown codes are data, not a call: they are ignored here and
    reported by the ``unknown-rule-code`` rule when the campaign is validated.
    """
    if campaign is not None and not isinstance(campaign, Campaign):
        msg = f"campaign must be a Campaign, not {type(campaign).__name__} (应为Campaign对象)"
        raise TypeError(msg)
    explained = tuple(explanations)
    for explanation in explained:
        if not isinstance(explanation, Explanation):
            msg = f"explanations must be Explanation objects, not {type(explanation).__name__}"
            raise TypeError(msg)
    if not (policy or explained or (campaign and campaign.severity_policy)):
        return {}, ()
    own = campaign.severity_policy if campaign else {}
    caller = dict(policy or {})
    unknown = sorted(
        {code for code in caller if code not in catalogue()}
        | {e.code for e in explained if e.code not in catalogue()}
    )
    if unknown:
        raise UnknownRuleError(unknown)
    merged: dict[str, str] = {code: s for code, s in own.items() if code in catalogue()}
    merged.update(caller)
    severities: dict[str, Severity | None] = {}
    for code, setting in merged.items():
        if setting not in _SETTINGS:
            msg = f"policy for {code!r} is {setting!r}; use one of {sorted(_SETTINGS)} (级别无效)"
            raise ValueError(msg)
        severities[code] = None if setting == "off" else Severity(setting)
    return severities, explained


_SETTINGS = {"error", "warning", "info", "off"}


class Collector:
    """Turns hits into findings: severity policy, messages, paths, cells."""

    def __init__(
        self,
        severities: Mapping[str, Severity | None],
        cells: Mapping[str, str],
        translate: Callable[[str], str] | None = None,
    ) -> None:
        self.severities = severities
        self.cells = cells
        # Model rules see the model, which lost any list item reading dropped; their paths
        # are mapped back to the data as given. (Reading hits already have data paths.)
        self.translate = translate
        self.findings: list[Finding] = []

    def add(self, rule: Rule, hit: Hit, prefix: str = "") -> None:
        """Add a finding for ``hit``, its paths under ``prefix``, unless the rule is off."""
        severity = self.severities.get(rule.code, rule.severity)
        if severity is None:
            return
        paths = tuple(prefix + path for path in hit.paths)
        if self.translate is not None:
            paths = tuple(map(self.translate, paths))
        label = _LABELS.get(hit.paths[0].removeprefix("statistics."), paths[0]) if paths else ""
        cells = tuple(dict.fromkeys(self.cells[p] for p in paths if p in self.cells))
        self.findings.append(
            Finding(
                rule.code,
                severity,
                paths,
                _format(rule.message, hit.params, label, "zh"),
                _format(rule.message_en, hit.params, paths[0] if paths else "", "en"),
                cells,
                dict(hit.params),
            )
        )

    def run(self, rules: Iterable[Rule], check: Any, prefix: str = "") -> None:
        """Run model rules on ``check``, skipping those switched off."""
        severities = self.severities
        for rule in rules:
            if severities and severities.get(rule.code, rule.severity) is None:
                continue
            for hit in rule.check(check):
                self.add(rule, hit, prefix)


def explain(
    findings: Iterable[Finding], explanations: tuple[Explanation, ...]
) -> tuple[list[Finding], tuple[Explanation, ...]]:
    """Attach each explanation to the findings it explains; return the unmatched ones."""
    if not explanations:
        return list(findings), ()
    result = []
    used: set[Explanation] = set()
    for finding in findings:
        explanation = next((e for e in explanations if e.explains(finding)), None)
        if explanation is not None:
            used.add(explanation)
        result.append(
            finding if explanation is None else attrs.evolve(finding, explanation=explanation.text)
        )
    return result, tuple(e for e in explanations if e not in used)


def _display(value: Any, lang: str) -> str:  # noqa: PLR0911 - one return per kind of value
    if value is None:
        return "空" if lang == "zh" else "blank"
    if isinstance(value, Decimal):
        return format(value, "f") if abs(value.adjusted()) < _HUGE_DIGITS else f"{value:.6E}"
    if isinstance(value, int):
        return str(value) if value.bit_length() < _HUGE_BITS else magnitude(value)
    if isinstance(value, DateWindow):
        return value.to_chinese() if lang == "zh" else iso_window(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        if lang == "zh":
            return "、".join(
                f"{_LABELS.get(str(k), k)} {_display(v, lang)}" for k, v in value.items()
            )
        return ", ".join(f"{k}={_display(v, lang)}" for k, v in value.items())
    if isinstance(value, tuple):  # a (name, value) pair
        return " ".join(_display(v, lang) for v in value)
    if isinstance(value, list):
        return ("、" if lang == "zh" else ", ").join(_display(v, lang) for v in value)
    return str(value)


_HUGE_BITS, _HUGE_DIGITS = 200, 60  # beyond, a number is shown by its magnitude only


def _format(template: str, params: Mapping[str, Any], label: str, lang: str) -> str:
    shown = {key: _display(value, lang) for key, value in params.items()}
    return template.format_map({"label": label, **shown})
