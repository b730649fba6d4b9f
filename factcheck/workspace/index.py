"""The workspace index: a derived SQLite cache of every worksheet as read and validated.

The files are the truth; the index only saves re-reading the ones that did not change. It lives
at ``<workspace>/.factcheck/index.sqlite`` (git-ignored from inside, so a team never shares it)
and is safe to delete at any moment: every command checks each file's key (path, mtime, size,
inode, ctime) and re-reads what changed, drops what is gone, and rebuilds the whole index when
its schema or the code that validates changed, or when it cannot be read. Deleting it changes
no output.

Racy entries, as git calls them: a file written in the same clock tick as it was read could
change again without its key changing, so such an entry is re-read until it is old enough.

Two commands at once share it through SQLite's WAL mode: readers never wait, and a writer that
cannot get the lock within a moment skips saving (its own answer is complete either way). When
the workspace is read-only the index lives in memory for the one command.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time
from pathlib import Path
from typing import NamedTuple

from factcheck import __version__
from factcheck.errors import Problem
from factcheck.workspace.layout import ARTICLE_FILE, TEXT_FILE, VERSIONS_DIR, article_dirs
from factcheck.workspace.settings import SETTINGS_FILE, Settings
from factcheck.workspace.validate import ArticleSheets, Sheet, TextCache, load_sheet, read_article_files

INDEX_DIR = ".factcheck"
INDEX_FILE = "index.sqlite"
SCHEMA = 2
RACY_NS = 2_000_000_000  # a file changed within 2 s of being read is re-read next time
# search's sentence vectors, keyed by model and text: valid whatever the code, and slow to make
# (about 4 minutes for 10,000 reviews), so a rebuild keeps them
DURABLE = ("sentence_vectors",)
BUSY_MS = 200  # how long a writer waits for another command's write before skipping its own

_TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    folder TEXT PRIMARY KEY, file_key TEXT NOT NULL, read_ns INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, meta TEXT NOT NULL, problems TEXT NOT NULL);
CREATE TABLE sheets (
    id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, article TEXT NOT NULL,
    file_key TEXT NOT NULL, read_ns INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    context TEXT NOT NULL, sheet_values TEXT NOT NULL, problems TEXT NOT NULL,
    status TEXT NOT NULL, rating TEXT NOT NULL, priority REAL NOT NULL);
CREATE INDEX sheets_article ON sheets (article);
"""
# statement text, claim, claimant and conclusion, for search ("checked before?")
_FTS = "CREATE VIRTUAL TABLE sheet_text USING fts5(text, claim, claimant, conclusion)"


def index_path(root: Path) -> Path:
    return root / INDEX_DIR / INDEX_FILE


# --------------------------------------------------------------------------------------------
# Reading a workspace through the index


def read_indexed(root: Path, settings: Settings) -> list[ArticleSheets]:
    """Every article and worksheet under ``root``, as ``validate.read_workspace`` returns them,
    re-reading only the files whose key changed since the index last saw them."""
    with Index.open(root) as index:
        return index.read(settings)


class _Cached(NamedTuple):
    file_key: str
    read_ns: int
    mtime_ns: int
    context: str
    values: str
    problems: str


class Index:
    """One open index. Use as a context manager; ``read`` brings it up to date and answers."""

    def __init__(self, root: Path, conn: sqlite3.Connection, persistent: bool) -> None:
        self.root, self.conn, self.persistent = root, conn, persistent

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, root: Path) -> Index:
        """The workspace's index, created or rebuilt as needed; in memory when it cannot be
        kept on disk (a read-only workspace, a full disk, a broken file that will not go)."""
        path = index_path(root)
        for attempt in range(2):
            try:
                conn = _connect(path)
                if not _current(conn):
                    _rebuild(conn)
                return cls(root, conn, persistent=True)
            except (sqlite3.Error, OSError):
                if attempt == 0 and _discard(path):
                    continue  # a corrupt or foreign file: start again from nothing
                break
        conn = sqlite3.connect(":memory:", isolation_level=None)
        _rebuild(conn)
        return cls(root, conn, persistent=False)

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc) -> None:
        self.conn.close()

    # -- bringing it up to date --------------------------------------------------------------

    def read(self, settings: Settings, folders: list[Path] | None = None) -> list[ArticleSheets]:
        """Every article folder of the workspace, or only ``folders`` (``init`` reads the one it
        updates), with their worksheets as read and validated."""
        try:
            cached = self._cached(None if folders is None else [f.name for f in folders])
        except sqlite3.Error:
            _rebuild(self.conn)
            cached = {}
        settings_key = _file_key(self.root / SETTINGS_FILE)
        texts = TextCache()
        articles, fresh, seen, fresh_meta = [], [], set(), []
        try:
            metas = {
                folder: rest
                for folder, *rest in self.conn.execute(
                    "SELECT folder, file_key, read_ns, mtime_ns, meta, problems FROM articles"
                )
            }
        except sqlite3.Error:
            metas = {}
        for folder in article_dirs(self.root) if folders is None else folders:
            context = settings_key + "|" + _context(folder)
            sheets = []
            for path, key, mtime_ns in _worksheets(folder):
                seen.add(_name(path))
                row = cached.get(_name(path))
                if row and row.file_key == key and row.context == context and not _racy(row):
                    sheets.append(_sheet(path, folder.name, row))
                    continue
                read_ns = time.time_ns()
                sheet = load_sheet(path, folder.name, settings, texts)
                # the key is taken again after reading: a file saved while it was read is
                # stored under a key that will not match, so it is read again next time
                sheets.append(sheet)
                fresh.append((sheet, _file_key(path), read_ns, mtime_ns, context))
            meta, problems = self._article(folder, metas, fresh_meta)
            articles.append(ArticleSheets(folder.name, folder, str(meta.get("title", "")), sheets, meta, problems))
        gone = [p for p in cached if p not in seen]
        if folders is None:  # article folders deleted or renamed: their rows go too
            names = {a.slug for a in articles}
            fresh_meta += [(name, None, 0, 0, "", "") for name in metas if name not in names]
        if fresh or gone or fresh_meta:
            self._save(fresh, gone, fresh_meta)
        return articles

    def metas(self) -> dict[Path, dict]:
        try:
            cached = {
                folder: rest
                for folder, *rest in self.conn.execute(
                    "SELECT folder, file_key, read_ns, mtime_ns, meta, problems FROM articles"
                )
            }
        except sqlite3.Error:
            cached = {}
        fresh: list = []
        out = {folder: self._article(folder, cached, fresh)[0] for folder in article_dirs(self.root)}
        if fresh:
            self._save([], [], fresh)
        return out

    def _article(self, folder: Path, metas: dict, fresh_meta: list) -> tuple[dict, list[Problem]]:
        """``article.toml`` as read and the problems of the article's own files, from the index
        while neither ``article.toml`` nor ``article.txt`` changed."""
        path = folder / ARTICLE_FILE
        key = _file_key(path) + "|" + _file_key(folder / TEXT_FILE)
        row = metas.get(folder.name)
        if row and row[0] == key and row[2] + RACY_NS < row[1]:
            return decode_values(row[3]), _problems(folder / ARTICLE_FILE, row[4])
        read_ns = time.time_ns()
        meta, problems = read_article_files(folder)
        mtime_ns = max(_mtime(path), _mtime(folder / TEXT_FILE))
        key = _file_key(path) + "|" + _file_key(folder / TEXT_FILE)
        fresh_meta.append((folder.name, key, read_ns, mtime_ns, encode_values(meta), _encode_problems(problems)))
        return meta, problems

    def _cached(self, slugs: list[str] | None) -> dict[str, _Cached]:
        query = "SELECT path, file_key, read_ns, mtime_ns, context, sheet_values, problems FROM sheets"
        if slugs is None:
            rows = self.conn.execute(query)
        else:
            rows = self.conn.execute(query + f" WHERE article IN ({', '.join('?' * len(slugs))})", slugs)
        return {path: _Cached(*rest) for path, *rest in rows}

    def _save(self, fresh: list, gone: list[str], fresh_meta: list) -> None:
        """Store what was re-read and forget what is gone, in one short transaction; skipped
        when another command holds the write lock (this command's answer is complete anyway)."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            return  # another command is writing: the next command tries again
        try:
            for path in gone:
                self._forget(path)
            for sheet, key, read_ns, mtime_ns, context in fresh:
                self._store(sheet, key, read_ns, mtime_ns, context)
            self.conn.executemany(
                "DELETE FROM articles WHERE folder = ?", [(row[0],) for row in fresh_meta if row[1] is None]
            )
            self.conn.executemany(
                "INSERT OR REPLACE INTO articles (folder, file_key, read_ns, mtime_ns, meta,"
                " problems) VALUES (?, ?, ?, ?, ?, ?)",
                [row for row in fresh_meta if row[1] is not None],
            )
            self.conn.execute("COMMIT")
        except sqlite3.Error:
            self.conn.execute("ROLLBACK")  # a full disk, say: nothing half-saved

    def _forget(self, path: str) -> None:
        row = self.conn.execute("SELECT id FROM sheets WHERE path = ?", (path,)).fetchone()
        if row:
            self.conn.execute("DELETE FROM sheets WHERE id = ?", row)
            self.conn.execute("DELETE FROM sheet_text WHERE rowid = ?", row)

    def _store(self, sheet: Sheet, key: str, read_ns: int, mtime_ns: int, context: str) -> None:
        self._forget(_name(sheet.path))
        v = sheet.values
        verdict = v.get("verdict") if isinstance(v.get("verdict"), dict) else {}
        cur = self.conn.execute(
            "INSERT INTO sheets (path, article, file_key, read_ns, mtime_ns, context, sheet_values,"
            " problems, status, rating, priority) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                _name(sheet.path),
                sheet.article,
                key,
                read_ns,
                mtime_ns,
                context,
                encode_values(v),
                _encode_problems(sheet.problems),
                _str(v.get("status")),
                _str(verdict.get("rating")),
                _num(v.get("priority")),
            ),
        )
        self.conn.execute(
            "INSERT INTO sheet_text (rowid, text, claim, claimant, conclusion) VALUES (?, ?, ?, ?, ?)",
            (
                cur.lastrowid,
                _str(v.get("text")),
                _str(v.get("claim")),
                _str(v.get("claimant")),
                _str(verdict.get("conclusion")),
            ),
        )


def _name(path: Path) -> str:
    """A worksheet's name in the index, relative to the workspace ("slug/07-....toml"): the
    same whether the workspace was given as worksheets, ./worksheets, .. or its full path."""
    return f"{path.parent.name}/{path.name}"


# --------------------------------------------------------------------------------------------
# Keys: what must change for a file to be read again


def _file_key(path: Path) -> str:
    """mtime, size, inode and ctime: an editor's save, a git checkout or a rename shows in one
    of them. Empty for a file that is not there."""
    try:
        st = path.stat()
    except OSError:
        return ""
    return f"{st.st_mtime_ns}:{st.st_size}:{st.st_ino}:{st.st_ctime_ns}"


def _worksheets(folder: Path) -> list[tuple[Path, str, int]]:
    """The folder's worksheets with their keys, from one directory scan."""
    out = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return out
    for entry in entries:
        name = entry.name
        if not name.endswith(".toml") or name == ARTICLE_FILE or name.startswith("."):
            continue
        try:
            st = entry.stat()
        except OSError:
            continue
        key = f"{st.st_mtime_ns}:{st.st_size}:{st.st_ino}:{st.st_ctime_ns}"
        out.append((Path(entry.path), key, st.st_mtime_ns))
    out.sort(key=lambda item: item[0].name)
    return out


def _context(folder: Path) -> str:
    """What a worksheet's problems depend on besides the file itself: the article's current
    text and its kept versions (offsets are checked against them, staleness too)."""
    parts = [_file_key(folder / TEXT_FILE)]
    versions = folder / VERSIONS_DIR
    if versions.is_dir():
        parts += sorted(f"{p.name}={_file_key(p)}" for p in versions.iterdir())
    return "|".join(parts)


def article_metas(root: Path) -> dict[Path, dict]:
    """Every article folder's ``article.toml``, from the index where it is unchanged (``init``
    looks for the folder of an article's earlier version by its source)."""
    with Index.open(root) as index:
        return index.metas()


def workspace_key(root: Path) -> str:
    """A cheap fingerprint of everything ``read`` depends on (one directory scan, no file read),
    for ``status --watch`` to poll: it changes whenever a command's answer could."""
    parts = [_file_key(root / SETTINGS_FILE)]
    for folder in article_dirs(root):
        parts.append(f"{folder.name}|{_file_key(folder / ARTICLE_FILE)}|{_context(folder)}")
        parts += [f"{path.name}={key}" for path, key, _ in _worksheets(folder)]
    return "\n".join(parts)


def _racy(row: _Cached) -> bool:
    return row.mtime_ns + RACY_NS >= row.read_ns


# --------------------------------------------------------------------------------------------
# The database file


def _connect(path: Path) -> sqlite3.Connection:
    folder = path.parent
    if not folder.is_dir():
        folder.mkdir()
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# derived by factcheck and rebuilt on demand: never shared\n*\n", encoding="utf-8")
    conn = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
    if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
        conn.close()
        raise sqlite3.OperationalError("WAL mode not available here")
    conn.execute("PRAGMA synchronous = NORMAL")  # a lost last write only means a re-read
    return conn


def _code_key() -> str:
    """The code that reads and validates worksheets: a new version, or an edited module in a
    development checkout, means cached problems may be out of date, so the index is rebuilt."""
    package = Path(__file__).resolve().parent
    stamps = sorted(f"{p.name}:{p.stat().st_mtime_ns}" for p in package.rglob("*.py"))
    return f"{__version__}|{SCHEMA}|" + ",".join(stamps)


def _current(conn: sqlite3.Connection) -> bool:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'code'").fetchone()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == _code_key()


def _rebuild(conn: sqlite3.Connection) -> None:
    """Drop everything and create the tables afresh (a schema or code change, or damage).
    Under the write lock, so two commands that both find the index out of date rebuild it once."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        if not _current(conn):
            # virtual tables first (they take their shadow tables with them); caches that do
            # not depend on the code stay
            names = [
                name
                for (name,) in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                    " AND name NOT LIKE 'sheet_text_%' ORDER BY sql NOT LIKE 'CREATE VIRTUAL%'"
                )
            ]
            for name in names:
                if name not in DURABLE:
                    conn.execute(f'DROP TABLE IF EXISTS "{name}"')
            for statement in (*_TABLES.split(";"), _FTS):
                if statement.strip():
                    conn.execute(statement)
            conn.execute("INSERT INTO meta (key, value) VALUES ('code', ?)", (_code_key(),))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _discard(path: Path) -> bool:
    """Remove an index that cannot be opened (it is derived: nothing is lost)."""
    removed = False
    for suffix in ("", "-wal", "-shm"):
        try:
            os.unlink(f"{path}{suffix}")
            removed = True
        except FileNotFoundError:
            continue
        except OSError:
            return False
    return removed


# --------------------------------------------------------------------------------------------
# Values as stored: JSON, with TOML's dates and times tagged so they come back as they were


_TAG = "$toml"


def encode_values(values: dict) -> str:
    return json.dumps(values, ensure_ascii=False, default=_tagged, separators=(",", ":"))


def decode_values(text: str) -> dict:
    if _TAG in text:
        return json.loads(text, object_hook=_untag)
    return json.loads(text)


def _tagged(value) -> dict:
    for kind in (dt.datetime, dt.date, dt.time):  # datetime first: it is also a date
        if isinstance(value, kind):
            return {_TAG: kind.__name__, "v": value.isoformat()}
    raise TypeError(f"cannot store {type(value).__name__}")


def _untag(obj: dict):
    kind = obj.get(_TAG)
    if kind is None or len(obj) != 2:
        return obj
    parse = {"datetime": dt.datetime, "date": dt.date, "time": dt.time}[kind].fromisoformat
    return parse(obj["v"])


def _encode_problems(problems: list[Problem]) -> str:
    return json.dumps(
        [[str(p.path), p.line, p.column, p.message, p.severity, p.code] for p in problems], ensure_ascii=False
    )


def _sheet(path: Path, article: str, row: _Cached) -> Sheet:
    return Sheet(path, article, decode_values(row.values), _problems(path, row.problems))


def _problems(default: Path, stored: str) -> list[Problem]:
    return [
        Problem(Path(where) if where else default, line, column, message, severity, code)
        for where, line, column, message, severity, code in json.loads(stored)
    ]


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _str(value) -> str:
    return value if isinstance(value, str) else ""


def _num(value) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0
