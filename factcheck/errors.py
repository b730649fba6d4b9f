"""What can go wrong: the one error the core raises (the CLI turns it into one line on stderr
and exit 1), and the problems found in hand-edited files (reported, never raised)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple


class FactcheckError(Exception):
    """A mistake a user can fix. The message says what is wrong and what to do."""

    exit_code = 1


ERROR = "error"
WARNING = "warning"


class Problem(NamedTuple):
    """Something wrong in a file a person edits, with where it is when known. (A NamedTuple,
    not a dataclass: every reading command imports it, and a frozen dataclass costs about 1%
    of a command's start-up to create.)"""

    path: Path
    line: int | None
    column: int | None
    message: str
    severity: str = ERROR
    code: str = ""  # a stable name for problems other code acts on ("stale")

    def where(self) -> str:
        """``path:line:column``, as much of it as is known."""
        where = str(self.path)
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return where

    def __str__(self) -> str:
        return f"{self.where()}: {self.severity}: {self.message}"


# What a terminal would act on rather than show: C0 controls but newline and tab, DEL, the C1
# controls (U+009B is a CSI on some terminals) and the bidirectional overrides that reorder
# what follows them. Shown as Python escapes instead, so the reader sees what the file holds.
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))}
_CONTROLS |= {c: f"\\u{c:04x}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What JSON text may still hold after json.dumps (which escapes C0 only): C1 and bidi overrides.
_JSON_UNSAFE = re.compile("[\x80-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control character that could reach a terminal (an escape sequence in
    a worksheet, a file name) written out as an escape: ``\x1b[31m`` shows, it does not colour."""
    if text.isprintable() or not _CONTROL.search(text):  # printable: no control character at all
        return text
    return text.translate(_CONTROLS)


def printable_json(text: str) -> str:
    """JSON text with the C1 controls and bidirectional overrides escaped too (``json.dumps``
    escapes the C0 ones): the same JSON, nothing for a terminal to act on. A search first, as
    10,000 statements' JSON rarely holds one and translating it all took 0.3 s."""
    if text.isascii() or not _JSON_UNSAFE.search(text):
        return text
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def finite(value):
    """``value`` with every NaN or infinite number (``priority = nan`` in a worksheet) as None:
    JSON has no such numbers, and ``json.dumps`` would write ones no parser reads."""
    if isinstance(value, float):
        return value if value - value == 0 else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


def dumps_finite(data, **options) -> str:
    """``json.dumps(data)`` with NaN and infinities as null; :func:`finite` walks the data only
    when ``json.dumps`` finds such a number, as walking 10,000 statements costs more than writing them."""
    import json

    try:
        return json.dumps(data, allow_nan=False, **options)
    except ValueError:
        return json.dumps(finite(data), **options)
