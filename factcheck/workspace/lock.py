"""One `init` at a time per workspace, and the leftovers of one that was interrupted.

Two inits at once (two articles with the same headline, or one article twice) would each pick
the same folder and the same next numbers. The lock is an OS lock (``flock``; ``msvcrt`` on
Windows), held from choosing the folder to the last file written, on a file in the system's
temporary folder named after the workspace's absolute path: the same for every init of that
workspace whether or not it exists yet, and nothing added to the workspace (which a team
shares through git). The system drops the lock when its process ends however it ends, so a
killed init never leaves one behind. An init that finds it held says so and waits, then stops
with one line. (It guards inits on one machine; a workspace a team shares through git is
written on each person's own copy.)

An init killed while writing leaves its temporary files (``.<name>.<random>.tmp``, complete or
not, never renamed into place); the next init in that folder removes those that are ours by
their name and old enough that nothing is still writing them.
"""

from __future__ import annotations

import os
import re
import time
from contextlib import contextmanager
from pathlib import Path

from factcheck.errors import FactcheckError

WAIT = 60.0  # seconds an init waits for another before it stops
POLL = 0.1
STALE_TEMP = 600.0  # seconds: a temporary file this old is no write in progress
# what workspace._write_temp names them: mkstemp's eight random characters between our prefix and suffix
_OUR_TEMP = re.compile(r"^\.(?:\d+-[\w.-]*\.toml|article\.toml|article\.txt|[0-9a-f]{8}\.txt)\.[a-z0-9_]{8}\.tmp$")


@contextmanager
def workspace_lock(root: Path, wait: float | None = None, on_wait=None):
    """Hold the workspace's init lock for the block (`init`, and `add`, which numbers a
    worksheet too); if another process holds it, call
    ``on_wait(message)`` once and wait up to ``wait`` seconds (default ``WAIT``), then raise a
    FactcheckError."""
    wait = WAIT if wait is None else wait
    if root.exists() and not root.is_dir():
        raise FactcheckError(f"{root} is a file, not a workspace folder; pass --dir with a folder")
    path = lock_path(root)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o666)
    except OSError:
        try:  # made by another user: reading is enough to lock it
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError as exc:
            raise FactcheckError(
                f"cannot lock {root} for init ({path}: {exc.strerror}); remove that file if no init is running"
            ) from None
    try:
        deadline = time.monotonic() + wait
        said = False
        while not _try_lock(fd):
            if not said and on_wait is not None:
                on_wait(f"another `factcheck init` is writing to {root}; waiting for it to finish")
                said = True
            if time.monotonic() >= deadline:
                raise FactcheckError(
                    f"another `factcheck init` is still writing to {root} after {wait:g} s; "
                    "run init again when it has finished"
                )
            time.sleep(POLL)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


def lock_path(root: Path) -> Path:
    """The lock file of the workspace at ``root``: one name for every way of writing the path."""
    import hashlib
    import tempfile

    key = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"factcheck-init-{key}.lock"


try:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

except ImportError:  # Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def remove_stale_temps(folder: Path, now: float | None = None) -> int:
    """Remove the temporary files an interrupted init left in an article folder (and its
    ``versions/``): only names ``workspace._write_temp`` gives, only ones last written more than
    STALE_TEMP seconds ago. Call it holding the lock. Returns how many went."""
    now = time.time() if now is None else now
    removed = 0
    for where in (folder, folder / "versions"):
        try:
            entries = list(os.scandir(where))
        except OSError:
            continue
        for entry in entries:
            if not _OUR_TEMP.match(entry.name):
                continue
            try:
                if (
                    entry.is_file(follow_symlinks=False)
                    and now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP
                ):
                    os.unlink(entry.path)
                    removed += 1
            except OSError:
                continue
    return removed
