"""Opening a worksheet in the person's own editor (`factcheck edit`), as git does: the command
in ``$VISUAL``, else ``$EDITOR``, run with the file's path and waited for."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from factcheck.errors import FactcheckError


def editor_command(path: Path) -> list[str]:
    """The editor's command line, split as a shell would (``code --wait`` works)."""
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            try:
                return shlex.split(value)
            except ValueError:
                raise FactcheckError(f"${name} ({value}) is not a command line; fix its quotes") from None
    raise FactcheckError(
        f"no editor set; set $EDITOR to your editor's command (export EDITOR=nano), "
        f"or open {path} yourself and run `factcheck check {path}`"
    )


def open_in_editor(command: list[str], path: Path) -> None:
    """Run the editor on ``path`` and wait until it closes."""
    try:
        code = subprocess.run([*command, str(path)]).returncode
    except (FileNotFoundError, PermissionError):
        raise FactcheckError(
            f"cannot run the editor {command[0]!r}; set $EDITOR (or $VISUAL) to an "
            "editor's command, such as nano or vim"
        ) from None
    if code:
        raise FactcheckError(
            f"the editor ({shlex.join(command)}) stopped with exit code {code}; {path} is as it was last saved"
        )
