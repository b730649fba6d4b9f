"""Reading files that may not be what they seem: a worksheet that is a symlink to /dev/zero or a
FIFO would hang every command, a huge one would fill memory, a text that is not UTF-8 or TOML
nested hundreds deep would raise far from where it was read. Every file the workspace holds is
read here: regular files only, up to a size, decoded, and parsed to a bounded depth; what is
wrong becomes a ``FileProblem`` (an ``OSError``, so existing handlers report it as one line)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_TOML_BYTES = 2**20  # a worksheet is a few KB; notes pasted in can make it more
MAX_TEXT_BYTES = 64 * 2**20  # an article text (article.txt, versions/*.txt) or an input file
MAX_DEPTH = 32  # tables and arrays inside each other: a worksheet needs four
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class FileProblem(OSError):
    """A file that cannot be used as it is; ``strerror`` says why, for a person."""

    def __init__(self, path, why: str) -> None:
        super().__init__(0, why, str(path))


def kind_of(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_regular(path: Path, limit: int = MAX_TOML_BYTES) -> bytes:
    """The bytes of ``path`` if it is a regular file (after symlinks) of at most ``limit``
    bytes. A device, a FIFO or a folder is refused before it is opened (opening a FIFO waits
    for a writer; reading /dev/zero never ends), and the read stops at ``limit`` whatever the
    file grows to meanwhile."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise FileProblem(path, f"not a regular file ({kind_of(st.st_mode)})")
    if st.st_size > limit:
        raise FileProblem(path, too_large(st.st_size, limit))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped since the stat above
            raise FileProblem(path, "not a regular file")
        return read_at_most(fd, limit, path)
    finally:
        os.close(fd)


def read_at_most(fd: int, limit: int, path) -> bytes:
    """Everything ``fd`` gives, or a FileProblem past ``limit`` bytes (a pipe or a device
    given as an article: ``init <(curl ...)`` works, ``init /dev/zero`` stops)."""
    parts, size = [], 0
    while True:
        chunk = os.read(fd, min(2**20, limit + 1 - size))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            raise FileProblem(path, too_large(None, limit))


def too_large(size: int | None, limit: int) -> str:
    what = "a worksheet" if limit <= MAX_TOML_BYTES else "an article"
    return (
        f"{size / 2**20:.1f} MB, too large for {what}"
        if size is not None
        else f"larger than {limit // 2**20} MB, too large for {what}"
    ) + f" (at most {limit // 2**20} MB)"


def read_utf8(path: Path, limit: int = MAX_TEXT_BYTES) -> str:
    """A regular file's text; a FileProblem when it is not UTF-8 (a byte-order mark is dropped)."""
    data = read_regular(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileProblem(path, f"not UTF-8 (byte {exc.start})") from None


class TooDeep(ValueError):
    """TOML nested deeper than ``MAX_DEPTH``: read as a syntax problem, since no worksheet,
    article.toml or settings file needs it, and code that walks values would hit Python's
    recursion limit."""

    def __init__(self) -> None:
        super().__init__(f"tables or arrays nested more than {MAX_DEPTH} deep; no factcheck file needs more than four")

    as_is = True  # the whole message, without "TOML syntax:" (workspace.syntax.toml_syntax_problem)


def parse_toml(text: str) -> dict:
    """``tomllib.loads`` to a bounded depth (tomllib itself recurses: 350 levels raise
    RecursionError)."""
    import tomllib

    try:
        values = tomllib.loads(text)
    except RecursionError:
        raise TooDeep() from None
    if depth(values) > MAX_DEPTH:
        raise TooDeep()
    return values


def depth(value) -> int:
    """How deep tables and arrays nest in ``value`` (1 for a flat table), without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            items = item.values()
        elif isinstance(item, list):
            items = item
        else:
            continue
        deepest = max(deepest, level)
        if level <= MAX_DEPTH:
            stack.extend((child, level + 1) for child in items)
    return deepest
