"""A TOML syntax error in a file a person edits, as a Problem in their words: where it is (on
Python 3.11 tomllib gives line and column only inside its message), and the beginner's mistakes
named (an unquoted word, yes for true, a table or a key given twice). Imported only when a file
does not parse, so reading commands do not pay for these patterns."""

from __future__ import annotations

import re
from pathlib import Path

from factcheck.errors import Problem

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
