"""The workspace's layout on disk: where it is (found as git finds its repository), its
article folders and worksheets, and the article texts their offsets index."""

from __future__ import annotations

import os
from pathlib import Path

from factcheck.errors import FactcheckError

DEFAULT_DIR = "worksheets"
ARTICLE_FILE = "article.toml"
TEXT_FILE = "article.txt"
VERSIONS_DIR = "versions"


def resolve_dir(directory: str | None) -> Path:
    """The workspace folder: ``--dir``, else ``$FACTCHECK_DIR``, else the workspace the current
    folder is in (see ``find_workspace``), else ``./worksheets``.

    A folder named that holds ``./worksheets`` names that workspace, as it does when a command
    is run there without ``--dir``; an article folder named as the workspace is refused, so
    that no command reads it as an empty workspace or writes articles inside it."""
    chosen = directory or os.environ.get("FACTCHECK_DIR")
    if not chosen:
        return find_workspace(Path.cwd()) or Path(DEFAULT_DIR)
    root = Path(chosen)
    given = f"--dir {chosen}" if directory else f"FACTCHECK_DIR={chosen}"
    if root.is_dir() and not is_workspace(root):
        if _is_article_dir(root):
            raise FactcheckError(
                f"{given} is an article folder, not a workspace; give the workspace it is in: --dir {_parent(root)}"
            )
        if is_workspace(root / DEFAULT_DIR):
            return root / DEFAULT_DIR
    if not is_workspace(root):
        enclosing = _enclosing_workspace(root)
        if enclosing is not None:  # versions/, library/, a new folder: a workspace nobody would see
            raise FactcheckError(
                f"{given} is inside the workspace {enclosing}, not a workspace of its own; "
                f"give the workspace: --dir {enclosing}"
            )
    return root


def _enclosing_workspace(folder: Path) -> Path | None:
    """The workspace ``folder`` lies inside (below an article folder, or below a workspace
    folder), shown as relative to the current folder when it is below it; None when it is in
    none. A workspace made there would be one that no command run on the outer one sees."""
    here = folder.absolute()
    for parent in here.parents:
        if (parent / ARTICLE_FILE).is_file():
            found = parent.parent
        elif is_workspace(parent):
            found = parent
        else:
            continue
        return Path(os.path.relpath(found))
    return None


def dir_option(root: Path) -> str:
    """`` --dir ROOT`` for a command printed as a hint, unless ROOT is ./worksheets, the
    workspace a command finds without it (there, or in the folders above)."""
    return "" if str(root) == DEFAULT_DIR else f" --dir {root}"


def existing_workspace(directory: str | None) -> Path:
    """The workspace a reading command reads: ``resolve_dir``'s, which must exist. A folder
    named with ``--dir`` that is no workspace (no article folder, no ``factcheck.toml``) and
    not empty is an error, not a workspace with no articles yet."""
    root = resolve_dir(directory)
    named = directory or os.environ.get("FACTCHECK_DIR")
    if not root.exists():
        if named:
            raise FactcheckError(f"no workspace at {root}; run `factcheck init ARTICLE` first, or pass --dir")
        raise FactcheckError(
            "no workspace here, in a folder above or in ./worksheets; run `factcheck init ARTICLE` first, or pass --dir"
        )
    if not root.is_dir():
        raise FactcheckError(f"{root} is a file, not a workspace folder; pass --dir with a folder")
    if named and not _may_be_workspace(root):
        raise FactcheckError(
            f"{root} is not a workspace: it holds no article folder and no factcheck.toml; pass the folder "
            f"`factcheck init` wrote to, or start one there with `factcheck init ARTICLE --dir {root}`"
        )
    return root


def _may_be_workspace(folder: Path) -> bool:
    """A workspace, or one before its first article that `import` has put a library in."""
    return is_workspace(folder) or (folder / "library").is_dir()


def is_workspace(folder: Path) -> bool:
    """What marks a workspace folder: it holds ``factcheck.toml`` or the worksheet schema
    (``init`` writes it), or an article folder (one holding ``article.toml``)."""
    from factcheck.workspace.settings import SETTINGS_FILE
    from factcheck.workspace.worksheet import SCHEMA_FILE

    if (folder / SETTINGS_FILE).is_file() or (folder / SCHEMA_FILE).is_file():
        return True
    try:
        return any((child / ARTICLE_FILE).is_file() for child in folder.iterdir())
    except OSError:
        return False


def find_workspace(start: Path) -> Path | None:
    """The workspace ``start`` is in, found as git finds its repository: the nearest of
    ``start`` and the folders above it that is a workspace, or is an article folder (then its
    parent), or holds a workspace called ``worksheets``. Returned relative to the current
    folder, so messages show short paths; None when there is none."""
    here = start.absolute()
    for folder in (here, *here.parents):
        if (folder / ARTICLE_FILE).is_file():
            found = folder.parent
        elif is_workspace(folder):
            found = folder
        elif (folder / DEFAULT_DIR).is_dir() and (folder == here or is_workspace(folder / DEFAULT_DIR)):
            found = folder / DEFAULT_DIR  # ./worksheets, as before, even while still empty
        else:
            continue
        return Path(os.path.relpath(found))
    return None


def named_worksheets(paths: list[str]) -> tuple[dict[Path, list[Path] | None], list[str]]:
    """What `check PATH...` checks. For each workspace the paths lie in: the worksheet files
    named, or found in a named article folder (None: the whole workspace, when its folder, or
    a folder holding it as ./worksheets, was named; an empty list: only its settings, when
    ``factcheck.toml`` was named). Also the paths that are none of these, which a pre-commit
    hook passes too (``article.toml``, ``article.txt``, any other file)."""
    from factcheck.workspace.settings import SETTINGS_FILE

    chosen: dict[Path, list[Path] | None] = {}
    display: dict[Path, Path] = {}  # one spelling of each workspace, as the paths give it
    ignored = []

    def take(root: Path, files: list[Path] | None) -> None:
        key = root.resolve()
        display.setdefault(key, root)
        if files is None or chosen.get(key, []) is None:
            chosen[key] = None
        else:
            chosen[key] = chosen.get(key, []) + [f for f in files if f not in chosen.get(key, [])]

    for name in paths:
        path = Path(name)
        if not path.exists():
            raise FactcheckError(f"{name}: no such file or folder; check the path")
        if path.is_dir():
            if (path / ARTICLE_FILE).is_file():
                take(_parent(path), worksheet_paths(path))
            elif is_workspace(path):
                take(path, None)
            elif is_workspace(path / DEFAULT_DIR):
                take(path / DEFAULT_DIR, None)
            else:
                ignored.append(name)
        elif path.name == SETTINGS_FILE:
            take(_parent(path), [])
        elif path.suffix == ".toml" and path.name != ARTICLE_FILE and (path.parent / ARTICLE_FILE).is_file():
            take(_parent(_parent(path)), [path])
        else:
            ignored.append(name)
    return {display[key]: files for key, files in chosen.items()}, ignored


def _parent(path: Path) -> Path:
    """The folder holding ``path``, also when ``path`` is just a name ("01-x.toml", ".", ".."):
    relative when ``path`` is, so messages show the paths as given."""
    parent = os.path.dirname(os.path.abspath(path))
    return Path(parent if path.is_absolute() else os.path.relpath(parent))


def article_dirs(root: Path) -> list[Path]:
    """Article folders, sorted by name: those holding ``article.toml``, and those that lost it
    but still hold ``article.txt`` or worksheets (``NN-....toml``), so that a deleted or broken
    article.toml never hides the work beside it (`check` reports it)."""
    try:
        entries = [e for e in os.scandir(root) if not e.name.startswith(".") and e.is_dir()]
    except OSError:
        return []
    return sorted(Path(e.path) for e in entries if _is_article_dir(Path(e.path)))


def _is_article_dir(folder: Path) -> bool:
    if (folder / ARTICLE_FILE).exists() or (folder / ARTICLE_FILE).is_symlink() or (folder / TEXT_FILE).exists():
        return True
    try:
        return any(name.endswith(".toml") and name.split("-", 1)[0].isdigit() for name in os.listdir(folder))
    except OSError:
        return False


def worksheet_paths(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.toml") if p.name != ARTICLE_FILE)


def read_toml(path: Path) -> dict:
    """Parse a TOML file as editors write it (BOM, CRLF): a regular file of a bounded size
    (``files``). Raises tomllib.TOMLDecodeError (a ValueError) or OSError."""
    from factcheck.files import read_regular

    return parse_toml(read_regular(path).decode("utf-8-sig"))


def parse_toml(text: str) -> dict:
    """``tomllib.loads`` to a bounded depth (``files.parse_toml``), imported on first use: a
    reading command answered from the index parses nothing, and the import costs about 5 ms of
    start-up."""
    from factcheck.files import parse_toml

    return parse_toml(text)


def text_version(text: str) -> str:
    """The short name of an article text: the first 8 hex digits of its sha256 (what
    ``Article.version`` and every worksheet's ``[location] version`` say)."""
    import hashlib  # only commands that compare versions pay for it

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def version_text(folder: Path, version: str, current_version: str = "") -> str | None:
    """The article text a version name stands for, or None when it is not kept.
    ``current_version``, when known (``article.toml`` says it), saves hashing the text."""
    from factcheck.files import read_utf8

    current = folder / TEXT_FILE
    old = folder / VERSIONS_DIR / f"{version}.txt"
    for path in (old, current):
        if path.exists():
            text = read_utf8(path)  # a file that cannot be read raises: `check` says which
            if path == old or (current_version or text_version(text)) == version:
                return text
    return None
