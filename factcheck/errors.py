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


_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


_CONFLICT = re.compile(r"^(?:<{7}|={7}|>{7})(?: |$)", re.M)


def toml_syntax_problem(path: Path, exc: Exception, text: str = "") -> Problem:
    """A tomllib error as a Problem; on Python 3.11 line and column live only in its message.
    A file that git left with conflict markers (a team's workspace is shared through git) says
    so, at the first marker, instead of "Invalid statement"."""
    conflict = _CONFLICT.search(text)
    if conflict:
        return Problem(path, text.count("\n", 0, conflict.start()) + 1, 1,
                       "unresolved git merge conflict: keep the right lines between <<<<<<< and >>>>>>>, "
                       "delete the marker lines, then commit")
    m = _AT.search(str(exc))
    line, col = (int(m.group(1)), int(m.group(2))) if m else (None, None)
    return Problem(path, line, col, "TOML syntax: " + _AT.sub("", str(exc)).strip())
