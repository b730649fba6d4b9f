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

    def __str__(self) -> str:
        where = str(self.path)
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.severity}: {self.message}"


# What a terminal would act on rather than show: C0 controls but newline and tab, DEL, the C1
# controls (U+009B is a CSI on some terminals) and the bidirectional overrides that reorder
# what follows them. Shown as Python escapes instead, so the reader sees what the file holds.
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))}
_CONTROLS |= {c: f"\\u{c:04x}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_C1 = {c: f"\\u{c:04x}" for c in range(0x80, 0xA0)}


def printable(text: str) -> str:
    """``text`` with every control character that could reach a terminal (an escape sequence in
    a worksheet, a file name) written out as an escape: ``\x1b[31m`` shows, it does not colour."""
    if text.isascii() and text.isprintable() or not _CONTROL.search(text):
        return text
    return text.translate(_CONTROLS)


def printable_json(text: str) -> str:
    """JSON text with the C1 controls escaped too (``json.dumps`` escapes the C0 ones): the same
    JSON, nothing for a terminal to act on."""
    return text if text.isascii() else text.translate(_C1)


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


_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


_CONFLICT = re.compile(r"^(?:<{7}|={7}|>{7})(?: |$)", re.M)


def toml_syntax_problem(path: Path, exc: Exception, text: str = "") -> Problem:
    """A tomllib error as a Problem; on Python 3.11 line and column live only in its message.
    A file that git left with conflict markers (a team's workspace is shared through git) says
    so, at the first marker, instead of "Invalid statement"."""
    conflict = _CONFLICT.search(text)
    if conflict:
        return Problem(
            path,
            text.count("\n", 0, conflict.start()) + 1,
            1,
            "unresolved git merge conflict: keep the right lines between <<<<<<< and >>>>>>>, "
            "delete the marker lines, then commit",
        )
    m = _AT.search(str(exc))
    line, col = (int(m.group(1)), int(m.group(2))) if m else (None, None)
    message = _AT.sub("", str(exc)).strip()
    hint = _hint(message, text.split("\n"), line, col) if line else None  # lines as TOML counts them
    prefix = "" if getattr(exc, "as_is", False) else "TOML syntax: "
    return Problem(path, line, col, prefix + (hint or message))


# The beginner's mistakes, named in their own words instead of the parser's: an unquoted word
# (status = done), yes/no for true/false, a table opened twice, a key set twice.
_BOOLEAN_WORDS = {"yes", "no", "y", "n", "on", "off", "true", "false"}
_BARE = re.compile(r"[A-Za-z][^#\"'\[\]{}=,]*")
_DECLARED_TWICE = re.compile(r"Cannot declare \((.*)\) twice")
_TABLE = re.compile(r"^\s*\[(\[)?\s*([^\[\]]+?)\s*\]")
_KEY_AT = re.compile(r"^\s*([\w-]+|\"[^\"]*\"|'[^']*')\s*=")


def _hint(message: str, lines: list[str], line: int, col: int) -> str | None:
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    if message == "Invalid value":
        key = _KEY_AT.match(current)
        word = _BARE.match(current, col - 1)
        if word and current[word.end() :].lstrip()[:1] not in ("", "#"):
            word = None  # more than one bare word: not the beginner's mistake
        if key and word:
            value, name = word.group().strip(), key.group(1).strip("\"'")
            if value.lower() in _BOOLEAN_WORDS:
                return f"`{value}` is not a TOML value; write true or false (lower case, no quotes): {name} = " + (
                    "true" if value.lower() in ("yes", "y", "on", "true") else "false"
                )
            return f'`{value}` needs quotes: write {name} = "{value}"'
    declared = _DECLARED_TWICE.fullmatch(message)
    if declared:
        name = ".".join(part.strip().strip("'\"") for part in declared.group(1).split(",") if part.strip())
        first = next(
            (
                n
                for n, text in enumerate(lines[: line - 1], 1)
                if (m := _TABLE.match(text)) and m.group(2).replace(" ", "") == name
            ),
            None,
        )
        if first:
            return (
                f"[{name}] is opened a second time; the first [{name}] is at line {first}: put these keys "
                f"there and delete this header"
            )
    if message == "Cannot overwrite a value":
        key = _KEY_AT.match(current)
        if key:
            name = key.group(1)
            table = _table_above(lines, line)
            first = next(
                (n for n in range(table + 1, line) if (m := _KEY_AT.match(lines[n - 1])) and m.group(1) == name), None
            )
            if first:
                return f"`{name.strip(chr(34) + chr(39))}` is set a second time; it is set at line {first} already: keep one"
    return None


def _table_above(lines: list[str], line: int) -> int:
    """The number of the line that opens the table ``line`` is in (0: the top level)."""
    return next((n for n in range(line - 1, 0, -1) if _TABLE.match(lines[n - 1])), 0)
