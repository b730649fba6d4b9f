"""Safe writes: a file is written to a temporary file in the same folder, flushed, and renamed
(or, for a new file, linked) into place; a worksheet that exists is never written again; nothing
is ever deleted."""

from __future__ import annotations

import os
from pathlib import Path

from factcheck.errors import FactcheckError


def write_new(path: Path, content: str | bytes) -> bool:
    """Create ``path`` with ``content`` atomically; never replace an existing file.

    Returns False (and writes nothing) when the file is already there.
    """
    tmp = _write_temp(path, content)
    try:
        return _link_new(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_all_new(files: list[tuple[Path, str]]) -> list[Path]:
    """Create each file that does not exist yet; returns those written. Every file that
    appears is complete, as with ``write_new``, but for one disk sync in all: the files are
    written to temporary files, flushed together, then linked into place (one fsync per file
    took two thirds of ``init`` on a 1 MB article, and 20x longer than one sync on this disk)."""
    temps: list[tuple[str, Path]] = []
    try:
        for path, content in files:
            temps.append((_write_temp(path, content, sync=False), path))
        if temps:
            _sync([tmp for tmp, _ in temps])
        return [path for tmp, path in temps if _link_new(tmp, path)]
    finally:
        for tmp, _ in temps:
            if os.path.exists(tmp):
                os.unlink(tmp)


def _link_new(tmp: str, path: Path) -> bool:
    """Put a complete temporary file in place as ``path`` unless that exists."""
    try:
        os.link(tmp, path)  # atomic, and fails if path exists
    except FileExistsError:
        return False
    except OSError:  # a filesystem without hard links
        if path.exists():
            return False
        os.replace(tmp, path)
    return True


def _sync(paths: list[str]) -> None:
    """Flush these files to disk: one syncfs of their filesystem (Linux), else one sync, else
    (Windows) an fsync each."""
    try:
        import ctypes

        syncfs = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        syncfs = None
    if syncfs is not None:
        fd = os.open(os.path.dirname(paths[0]) or ".", os.O_RDONLY)
        try:
            if syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    if hasattr(os, "sync"):
        os.sync()
        return
    for tmp in paths:
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_replace(path: Path, content: str) -> None:
    """Replace a tool-owned file (``article.toml``, ``article.txt``) atomically."""
    os.replace(_write_temp(path, content), path)


def write_export(root: Path, output: str, content: str, name: str = "export.json") -> Path:
    """Write an export file atomically, anywhere but inside the workspace, where it could
    take the place of a worksheet or an article text. ``name``: the file name a folder given
    as ``output`` is told to hold."""
    path = export_path(root, output, name)
    write_replace(path, content)
    return path


def export_path(root: Path, output: str, name: str) -> Path:
    """``output`` as a path an export may be written to, or the FactcheckError that says why
    not: checked before the export is made, so the mistake is the first thing said."""
    path = Path(output)
    if path.is_dir():
        raise FactcheckError(f"{output} is a folder; give a file name, such as {Path(output) / name}")
    _only_regular(path, output)
    try:
        inside = path.resolve().is_relative_to(root.resolve())
    except OSError:
        inside = False
    if inside:
        raise FactcheckError(f"{output} is inside the workspace {root}; write exports outside it")
    if not path.parent.is_dir():
        raise FactcheckError(f"cannot write {output}: folder {path.parent} does not exist; create it first")
    return path


def _only_regular(path: Path, output: str) -> None:
    """An export replaces a regular file or creates one; never a device, a FIFO or a socket
    (renaming over /dev/null, as root, would replace the device itself)."""
    from factcheck.files import kind_of

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # not there (or a dangling link): a new file
    import stat

    if not stat.S_ISREG(mode):
        raise FactcheckError(
            f"{output} is {kind_of(mode)}, not a regular file; export writes only files "
            "(give a file name, or -o - for stdout)"
        )


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it; put it straight back
    os.umask(mask)
    return mask


def _write_temp(path: Path, content: str | bytes, sync: bool = True) -> str:
    """A complete temporary file beside ``path``, with the permissions a plain ``open`` would
    give (mkstemp makes it owner-only, and a team's shared folder needs it readable); flushed
    to disk unless the caller syncs many at once."""
    import tempfile  # writing commands only: reading ones start faster without it

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with (
            os.fdopen(fd, "wb") if isinstance(content, bytes) else os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        ) as handle:
            handle.write(content)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp
