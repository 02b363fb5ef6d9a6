"""JSON files: a model's JSON form, as ``model_dump_json`` writes it."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from sci_workers_day.errors import ParseError

__all__ = ["read_data"]


def read_data(path: Path) -> Any:
    """The decoded JSON of ``path`` (UTF-8, with or without a byte-order mark).

    Numbers with a fraction are decoded as ``Decimal``, never as floats, so money stays exact.
    """
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        msg = f"not UTF-8 text (不是UTF-8编码): byte {error.start}"
        raise ParseError(msg) from None
    try:
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        msg = f"not valid JSON (JSON格式错误): {error.msg}, column {error.colno}"
        raise ParseError(msg, line=error.lineno) from None
    except (ValueError, RecursionError) as error:
        # An integer of thousands of digits, or arrays nested thousands deep: a hostile file.
        msg = f"JSON beyond what a return can hold (JSON数据异常): {error}"
        raise ParseError(msg) from None
