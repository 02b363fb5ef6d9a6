"""The rule catalogue: every check validation runs, by permanent code.

Each subject module holds its rules as decorated functions (see ``_registry``); importing
this package registers them all.
"""

from __future__ import annotations

from sci_workers_day.rules import (  # noqa: F401 - imported to register their rules
    campaign,
    contacts,
    figures,
    plausibility,
    reading,
    rollup,
    submission,
)
from sci_workers_day.rules._registry import Rule, RuleSubject
from sci_workers_day.rules._registry import catalogue as rule_catalogue

__all__ = ["Rule", "RuleSubject", "rule_catalogue"]
