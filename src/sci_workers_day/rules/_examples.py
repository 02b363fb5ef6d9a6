"""Raw data the rules' examples are built from: small, and complete unless said otherwise."""

from __future__ import annotations

import copy
from typing import Any

UNIT = {"name": "平遥县科学技术协会", "region_code": "140728"}

COMPLETE_RETURN: dict[str, Any] = {
    "reporting_unit": UNIT,
    "activity_count": 12,
    "funding": {
        "central": "0",
        "provincial": "0",
        "municipal": "1.5",
        "county": "3.25",
        "enterprise": "0.8",
        "in_kind": "0",
        "other": "0",
        "stated_total": "5.55",
    },
    "staff": {"full_time": 5, "sci_tech_workers": 40, "volunteers": 60, "others": 3},
    "public": {"offline": 3200, "online": 15000, "stated_total": 18200},
    "publicity": {"media_outlets": 4, "reports": 11},
    "opened": {"venues": 2, "institutes": 1, "universities": 0},
}


def merged(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """``base`` with ``changes`` laid over it, group by group."""
    result = copy.deepcopy(base)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merged(result[key], value)
        else:
            result[key] = value
    return result


def a_return(**changes: Any) -> dict[str, Any]:
    """Keyword arguments validating a complete return, changed as given."""
    return {"source": merged(COMPLETE_RETURN, changes)}


def a_bare_return(**figures: Any) -> dict[str, Any]:
    """Keyword arguments validating a return that states only ``figures``."""
    return {"source": {"reporting_unit": UNIT, **figures}}
