"""The reference pages generated from the code (docs/api.md, docs/errors.md) are current."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_reference_pages_are_current() -> None:
    """``scripts/make_reference.py --check`` finds docs/api.md and docs/errors.md up to date."""
    spec = importlib.util.spec_from_file_location(
        "make_reference", ROOT / "scripts" / "make_reference.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"], root=ROOT) == 0, "run: python scripts/make_reference.py"
