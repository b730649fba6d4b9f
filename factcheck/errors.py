"""What can go wrong: the one error the core raises (the CLI turns it into one line on stderr
and exit 1), and the problems found in hand-edited files (reported, never raised)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class FactcheckError(Exception):
    """A mistake a user can fix. The message says what is wrong and what to do."""

    exit_code = 1


ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """Something wrong in a file a person edits, with where it is when known."""

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
