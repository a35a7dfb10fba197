"""Reading the evaluators' own JSON files (gold cases, floors) with errors that name them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import DataError


def read_json(path: Path) -> Any:
    """Parse a UTF-8 JSON file; :class:`DataError` names the file and where it went wrong."""
    try:
        return json.loads(Path(path).read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not valid UTF-8 at byte offset {exc.start}") from None
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}: malformed JSON at line {exc.lineno} column {exc.colno}: "
                        f"{exc.msg}") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc.strerror})") from None
