"""Recall of parse_notice per field, against hand-written expectations for each notice.

The expectations are ``tests/data/notices/*.json``: five seeds and notices of our own.

Run as ``python -m tests.formats.test_notice_recall`` to print the table.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from sci_workers_day import NoticeDraft, parse_notice

DATA = Path(__file__).parents[1] / "data" / "notices"
FIXTURES = sorted(DATA.glob("*.json"))


def _flat(value: Any) -> str:
    """Text as compared: white space ignored."""
    return re.sub(r"\s+", "", str(value))


def _window(window: Any) -> dict[str, str]:
    if window is None:
        return {}
    return {k: v.isoformat() for k, v in (("start", window.start), ("end", window.end)) if v}


def _matches(expected: dict[str, Any], got: dict[str, Any]) -> bool:
    return all(_flat(got.get(key)) == _flat(value) for key, value in expected.items())


def _share(expected: list[Any], got: Iterable[Any], same: Callable[[Any, Any], bool]) -> float:
    got = list(got)
    return sum(any(same(e, g) for g in got) for e in expected) / len(expected)


def _contact(contact: Any) -> dict[str, Any]:
    return contact.model_dump(exclude_none=True)


def recall(fixture: Path) -> tuple[dict[str, float], NoticeDraft]:
    """Field → the share of the expected facts the draft holds (1.0 = all)."""
    spec = json.loads(fixture.read_text("utf-8"))
    draft = parse_notice((DATA / spec["source"]).read_text("utf-8"))
    campaign = draft.campaign
    reporting = campaign.reporting
    fields = spec["fields"]
    scores: dict[str, float] = {}
    scalars = {
        "title": campaign.title,
        "year": campaign.year,
        "edition": campaign.edition,
        "document_number": campaign.document_number,
        "issued_on": campaign.issued_on and campaign.issued_on.isoformat(),
        "theme": campaign.theme,
        "reporting.deadline": reporting and reporting.deadline and reporting.deadline.isoformat(),
        "reporting.max_video_seconds": reporting and reporting.max_video_seconds,
    }
    for key, value in scalars.items():
        if key in fields:
            scores[key] = float(_flat(fields[key]) == _flat(value))
    if "window" in fields:
        scores["window"] = float(_matches(fields["window"], _window(campaign.window)))
    lists: dict[str, Iterable[str]] = {
        "kinds": [k.value for k in campaign.kinds],
        "issuers": [o.name for o in campaign.issuers],
        "addressees": campaign.addressees,
        "attachments": campaign.attachments,
        "reporting.materials": reporting.materials if reporting else (),
        "reporting.required_shots": [s.value for s in reporting.required_shots]
        if reporting
        else (),
    }
    for key, values in lists.items():
        if key in fields:
            scores[key] = _share(fields[key], values, lambda e, g: _flat(e) == _flat(g))
    if "requirements" in fields:
        scores["requirements"] = _share(
            fields["requirements"],
            campaign.requirements,
            lambda e, g: _flat(g).startswith(_flat(e)),
        )
    dicts: dict[str, list[dict[str, Any]]] = {
        "basis": [r.model_dump(mode="json", exclude_none=True) for r in campaign.basis],
        "contacts": [_contact(c) for c in campaign.contacts],
        "reporting.recipients": [_contact(c) for c in reporting.recipients] if reporting else [],
    }
    for key, got in dicts.items():
        if key in fields:
            scores[key] = _share(fields[key], got, _matches)
    if "activities" in fields:
        scores.update(_activity_recall(fields["activities"], draft))
    return scores, draft


def _activity_recall(expected: list[dict[str, Any]], draft: NoticeDraft) -> dict[str, float]:
    by_name = {_flat(a.name): a for a in draft.campaign.activities}
    scores = {"activities": sum(_flat(e["name"]) in by_name for e in expected) / len(expected)}
    parts: dict[str, list[float]] = {}
    for wanted in expected:
        got = by_name.get(_flat(wanted["name"]))
        for key, value in wanted.items():
            if key == "name":
                continue
            if got is None:
                score = 0.0
            elif key == "section":
                score = float(_flat(got.section) == _flat(value))
            elif key == "window":
                score = float(_matches(value, _window(got.window)))
            else:
                names = [_flat(o.name) for o in getattr(got, key)]
                score = sum(_flat(v) in names for v in value) / len(value)
            parts.setdefault(f"activities.{key}", []).append(score)
    scores.update({key: sum(values) / len(values) for key, values in parts.items()})
    # Precision matters here: noise after a web page's notice must not become activities.
    extra = len(draft.campaign.activities) - len(expected)
    scores["activities.none_extra"] = float(extra <= 0)
    return scores


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_every_stated_field_is_extracted(fixture: Path) -> None:
    """Every fact the notice states is in the draft (recall 1.0 per field), no extra activity."""
    scores, _draft = recall(fixture)
    missed = {field: round(score, 2) for field, score in scores.items() if score < 1}
    assert not missed, missed


def test_every_fixture_has_its_text() -> None:
    """Each expectation names a notice text that exists; seven notices in all."""
    sources = [json.loads(f.read_text("utf-8"))["source"] for f in FIXTURES]
    assert all((DATA / source).is_file() for source in sources)
    assert len(FIXTURES) >= 7


def _table() -> str:  # pragma: no cover - the report printed by ``python -m``
    rows = {fixture.stem: recall(fixture)[0] for fixture in FIXTURES}
    fields = sorted({field for scores in rows.values() for field in scores})
    lines = ["| field | " + " | ".join(rows) + " |", "|---" * (len(rows) + 1) + "|"]
    for field in fields:
        cells = [f"{scores[field]:.2f}" if field in scores else "" for scores in rows.values()]
        lines.append(f"| {field} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(_table())
