"""The workspace on disk: article folders, their texts and versions, and safe writes.

Safety rules every function here keeps: a file is written to a temporary file in the same
folder and renamed into place; a worksheet that exists is never written again; nothing is
ever deleted.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path


from .errors import FactcheckError
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .article import Article
    from .settings import Settings
    from .worksheet import Context
    from .statements import Extraction, Statement

DEFAULT_DIR = "worksheets"
ARTICLE_FILE = "article.toml"
TEXT_FILE = "article.txt"
VERSIONS_DIR = "versions"
SAME_ARTICLE_OVERLAP = 0.3  # share of body statements in common that makes a text an update


# --------------------------------------------------------------------------------------------
# Safe writes


def write_new(path: Path, content: str) -> bool:
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


def write_export(root: Path, output: str, content: str) -> Path:
    """Write an export file atomically, anywhere but inside the workspace, where it could
    take the place of a worksheet or an article text."""
    path = Path(output)
    if path.is_dir():
        raise FactcheckError(f"{output} is a folder; give a file name, such as {Path(output) / 'export.json'}")
    try:
        inside = path.resolve().is_relative_to(root.resolve())
    except OSError:
        inside = False
    if inside:
        raise FactcheckError(f"{output} is inside the workspace {root}; write exports outside it")
    if not path.parent.is_dir():
        raise FactcheckError(f"cannot write {output}: folder {path.parent} does not exist; create it first")
    write_replace(path, content)
    return path


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it; put it straight back
    os.umask(mask)
    return mask


def _write_temp(path: Path, content: str, sync: bool = True) -> str:
    """A complete temporary file beside ``path``, with the permissions a plain ``open`` would
    give (mkstemp makes it owner-only, and a team's shared folder needs it readable); flushed
    to disk unless the caller syncs many at once."""
    import tempfile  # writing commands only: reading ones start faster without it

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


# --------------------------------------------------------------------------------------------
# Reading a workspace


def resolve_dir(directory: str | None) -> Path:
    """The workspace folder: ``--dir``, else ``$FACTCHECK_DIR``, else ``./worksheets``."""
    return Path(directory or os.environ.get("FACTCHECK_DIR") or DEFAULT_DIR)


def existing_workspace(directory: str | None) -> Path:
    root = resolve_dir(directory)
    if not root.exists():
        raise FactcheckError(
            f"no workspace at {root}; run `factcheck init ARTICLE` first, or pass --dir"
        )
    if not root.is_dir():
        raise FactcheckError(f"{root} is a file, not a workspace folder; pass --dir with a folder")
    return root


def article_dirs(root: Path) -> list[Path]:
    """Article folders (those holding ``article.toml``), sorted by name."""
    return sorted(p.parent for p in root.glob(f"*/{ARTICLE_FILE}"))


def worksheet_paths(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.toml") if p.name != ARTICLE_FILE)


def read_toml(path: Path) -> dict:
    """Parse a TOML file as editors write it (BOM, CRLF). Raises tomllib.TOMLDecodeError."""
    return parse_toml(path.read_bytes().decode("utf-8-sig"))


def parse_toml(text: str) -> dict:
    """``tomllib.loads``, imported on first use: a reading command answered from the index
    parses nothing, and the import costs about 5 ms of start-up."""
    import tomllib

    return tomllib.loads(text)


def text_version(text: str) -> str:
    """The short name of an article text: the first 8 hex digits of its sha256 (what
    ``Article.version`` and every worksheet's ``[location] version`` say)."""
    import hashlib  # only commands that compare versions pay for it

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def version_text(folder: Path, version: str) -> str | None:
    """The article text a version name stands for, or None when it is not kept."""
    current = folder / TEXT_FILE
    old = folder / VERSIONS_DIR / f"{version}.txt"
    for path in (old, current):
        if path.exists():
            text = path.read_text(encoding="utf-8")
            if path == old or text_version(text) == version:
                return text
    return None


# --------------------------------------------------------------------------------------------
# init: plan, then apply


@dataclass
class PlannedSheet:
    stem: str
    statement: Statement
    new: bool  # False: a worksheet for this statement exists already and stays untouched
    repeat: bool = False  # the article says this statement twice; the first one's worksheet serves


@dataclass
class Plan:
    """What ``init`` will do, computed without touching the disk."""

    article: Article
    folder: Path
    extraction: Extraction
    sheets: list[PlannedSheet]
    vanished: list[str] = field(default_factory=list)  # stems of statements gone from the text
    update: bool = False  # the folder holds an earlier version of this article
    unreadable: list[str] = field(default_factory=list)  # worksheets that could not be parsed
    new_article: bool = False  # the folder holds no article yet: init saves its text
    min_priority: float = 0.0
    below: int = 0  # statements under min_priority that have no worksheet

    @property
    def new_sheets(self) -> list[PlannedSheet]:
        return [s for s in self.sheets if s.new]


def plan_init(
    root: Path, article: Article, extraction: Extraction, slug: str | None = None,
    min_priority: float = 0.0,
) -> Plan:
    """Decide the folder and the worksheets to add, matching statements by their text."""
    from .worksheet import stem
    if root.exists() and not root.is_dir():
        raise FactcheckError(f"{root} is a file, not a workspace folder; pass --dir with a folder")
    statements = [s for s in extraction.statements if s.priority >= min_priority]
    folder = _choose_folder(root, article, statements, slug)
    existing: dict[str, str] = {}  # statement text -> stem
    unreadable = []
    numbers = [0]
    if folder.exists():
        for path, values in _existing_sheets(root, folder):
            head = path.stem.split("-", 1)[0]
            if head.isdigit():
                numbers.append(int(head))
            if values is None:
                unreadable.append(path.name)
                continue
            text = values.get("text")
            if isinstance(text, str):
                existing.setdefault(text, path.stem)
    next_number = max(numbers) + 1
    width = max(2, len(str(next_number + len(statements))))
    on_disk = set(existing)
    sheets = []
    for statement in statements:
        if statement.text in existing:
            repeat = statement.text not in on_disk  # said twice in this text ("Read more" blocks, pull quotes)
            sheets.append(PlannedSheet(existing[statement.text], statement, new=False, repeat=repeat))
            continue
        sheets.append(PlannedSheet(stem(next_number, statement.text, width), statement, new=True))
        existing[statement.text] = sheets[-1].stem
        next_number += 1
    # stale, as `check` sees it: the statement's text is gone from the article (a statement just
    # found is in it; searching the text for each of thousands took most of a second)
    found = {s.text for s in extraction.statements}
    vanished = sorted(s for t, s in existing.items() if t not in found and t not in article.text)
    old_meta = folder / ARTICLE_FILE
    update = old_meta.exists() and _meta(old_meta).get("sha256") != article.sha256
    return Plan(article, folder, extraction, sheets, vanished, update, unreadable,
                new_article=not old_meta.exists(), min_priority=min_priority,
                below=len(found - existing.keys()))


def _existing_sheets(root: Path, folder: Path) -> list[tuple[Path, dict | None]]:
    """The folder's worksheets and their values (None when unreadable), through the index, so
    running init again reads only the worksheets that changed since the last command."""
    from .index import Index
    from .settings import load_settings

    with Index.open(root) as index:
        [article] = index.read(load_settings(root), [folder])
    return [(sheet.path, sheet.values if sheet.readable else None) for sheet in article.sheets]


def _choose_folder(root: Path, article: Article, statements: list[Statement], slug: str | None) -> Path:
    """The article's folder: its slug, unless that holds a different article (then slug-2...)."""
    if slug:
        return root / slug
    base = article.slug
    for n in range(1, 1000):
        folder = root / (base if n == 1 else f"{base}-{n}")
        meta = folder / ARTICLE_FILE
        if not meta.exists():
            return folder
        if _same_article(folder, _meta(meta), article, statements):
            return folder
    raise FactcheckError(f"too many articles named {base}; pass --article SLUG")


def _same_article(folder: Path, meta: dict, article: Article, statements: list[Statement]) -> bool:
    if meta.get("sha256") == article.sha256 or meta.get("source") == article.source != "stdin":
        return True
    try:
        old = (folder / TEXT_FILE).read_text(encoding="utf-8")
    except OSError:
        return False
    body = [s for s in statements if s.text != article.title]  # the same title is what brought us here
    if not body:
        return False
    shared = sum(1 for s in body if s.text in old)
    return shared / len(body) >= SAME_ARTICLE_OVERLAP


def _meta(path: Path) -> dict:
    try:
        return read_toml(path)
    except (ValueError, OSError):  # TOML or UTF-8 errors, or unreadable
        return {}


def apply_init(plan: Plan, settings: Settings, now: dt.datetime | None = None) -> list[Path]:
    """Write the article files and every new worksheet; returns the worksheets written.

    Refuses while a worksheet of the folder cannot be read: its statement is unknown, so a new
    worksheet might repeat it.
    """
    from .worksheet import new_worksheet, render

    folder = plan.folder
    if plan.unreadable and plan.new_sheets:
        raise FactcheckError(
            f"cannot read {', '.join(plan.unreadable)} in {folder}, so new worksheets might repeat "
            "its statement; fix it (`factcheck check` says where) and run init again"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write_article(plan, now or dt.datetime.now(dt.timezone.utc))
        contexts = _contexts(plan)
        return write_all_new([
            (folder / f"{sheet.stem}.toml", render(new_worksheet(sheet.statement, contexts[sheet.statement.start]), settings))
            for sheet in plan.new_sheets
        ])
    except PermissionError as exc:
        raise FactcheckError(
            f"cannot write to {exc.filename or folder}: permission denied; choose another --dir"
        ) from None
    except OSError as exc:
        raise FactcheckError(f"cannot write to {folder}: {exc.strerror}; choose another --dir") from None


def _write_article(plan: Plan, now: dt.datetime) -> None:
    import tomli_w

    folder, article = plan.folder, plan.article
    meta_path, text_path = folder / ARTICLE_FILE, folder / TEXT_FILE
    meta = _meta(meta_path)
    if meta.get("sha256") == article.sha256 and text_path.exists():
        return
    if text_path.exists():  # keep the earlier text: old worksheets' offsets index it
        old_text = text_path.read_text(encoding="utf-8")
        old_version = text_version(old_text)
        (folder / VERSIONS_DIR).mkdir(exist_ok=True)
        write_new(folder / VERSIONS_DIR / f"{old_version}.txt", old_text)
    stamp = now.replace(microsecond=0).isoformat()
    new_meta = {
        "title": article.title or meta.get("title", ""),
        "source": article.source,
        "sha256": article.sha256,
        "version": article.version,  # what [location] version says for this text
        "added": meta.get("added", stamp),
        "updated": stamp,
    }
    for key in ("author", "published", "site", "url"):  # what a web page says about itself
        value = getattr(article, key) or meta.get(key, "")
        if value:
            new_meta[key] = value
    write_replace(text_path, article.text)
    write_replace(meta_path, "# written by factcheck init; the worksheets beside it are yours\n"
                  + tomli_w.dumps(new_meta))


def _contexts(plan: Plan) -> dict[int, Context]:
    """The sentences before and after each statement (statements and skipped text alike)."""
    from .worksheet import Context
    pieces = sorted(
        [(s.start, s.text) for s in plan.extraction.statements]
        + [(s.start, s.text) for s in plan.extraction.skipped]
    )
    out = {}
    for i, (start, _) in enumerate(pieces):
        before = pieces[i - 1][1] if i > 0 else ""
        after = pieces[i + 1][1] if i + 1 < len(pieces) else ""
        out[start] = Context(plan.article.version, _clip(before, left=True), _clip(after))
    return out


def _clip(text: str, left: bool = False) -> str:
    from .worksheet import CONTEXT_CHARS

    if len(text) <= CONTEXT_CHARS:
        return text
    return "…" + text[-CONTEXT_CHARS:] if left else text[:CONTEXT_CHARS] + "…"
