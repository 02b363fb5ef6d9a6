"""Validate an uploaded return inside a web service: a WSGI handler, standard library only.

Usage: ``python examples/web_handler.py`` serves on http://127.0.0.1:8000; POST a return's
bytes with its file name in ``X-Filename``::

    curl --data-binary @统计表.xlsx -H "X-Filename: 统计表.xlsx" http://127.0.0.1:8000/

The answer is the report as JSON (200), or the reason the file could not be read (400).
Embedding notes: the upload is written to a temporary folder that is removed after the
request (the readers take paths), the campaign is loaded once at start, and ``today`` is
passed in, never read from a clock inside the library.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path, PurePath
from typing import Any
from wsgiref.simple_server import make_server

from sci_workers_day import Campaign, ParseError, validate

CAMPAIGN = Campaign.model_validate_json(
    (Path(__file__).parent / "campaigns" / "2024-jinzhong-science-week.json").read_bytes()
)
MAX_UPLOAD = 16 * 1024 * 1024
ACCEPTED = {".xlsx", ".xlsm", ".xls", ".csv", ".json"}

StartResponse = Callable[[str, list[tuple[str, str]]], Any]


def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
    """Check one uploaded return against the campaign."""
    # WSGI hands headers over as latin-1; the client sent UTF-8. No directories, 100 characters.
    header = environ.get("HTTP_X_FILENAME", "upload.xlsx").encode("latin-1", "replace")
    name = PurePath(header.decode("utf-8", "replace")).name[-100:]
    try:
        size = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        size = -1
    if environ["REQUEST_METHOD"] != "POST" or Path(name).suffix.lower() not in ACCEPTED:
        return _answer(start_response, "400 Bad Request", {"error": "POST a return (.xlsx …)"})
    if not 0 < size <= MAX_UPLOAD:
        return _answer(start_response, "413 Payload Too Large", {"error": "1 byte to 16 MiB"})
    body = environ["wsgi.input"].read(size)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(body)
        try:
            report = validate(path, campaign=CAMPAIGN, today=dt.date.today())
        except ParseError as error:  # the file itself could not be read: say where
            return _answer(start_response, "400 Bad Request", {"error": str(error)})
    return _answer(start_response, "200 OK", report.to_dict())


def _answer(start_response: StartResponse, status: str, payload: Any) -> list[bytes]:
    body = json.dumps(payload, ensure_ascii=False).encode()
    start_response(status, [("Content-Type", "application/json; charset=utf-8")])
    return [body]


if __name__ == "__main__":
    with make_server("127.0.0.1", 8000, application) as server:
        print("serving on http://127.0.0.1:8000")
        server.serve_forever()
