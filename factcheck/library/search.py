"""Has this been checked before? Rank the library's published fact-checks and the workspace's own
worksheets against a statement.

Two tiers. The default install ranks by BM25 over stemmed words (SQLite FTS5 does the counting);
with the ``semantic`` extra, a sentence encoder ranks too and the two rankings are fused by
reciprocal rank. Every choice here (cleaning, stemming, stop words, k, the thresholds) was made
on the CheckThat! 2020 train queries and is reported on dev by ``benchmarks/retrieval.py``.

The derived tables live in the workspace index (``.factcheck/index.sqlite``, ``factcheck.workspace.index``)
behind ``SearchIndex``: rebuildable from ``library/`` and the worksheets at any time, never shared
through git.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.library.claimreview import Review, library_files, read_library
from factcheck.library.stemmer import stem

DEPTH = 100  # candidates each ranking contributes to the fusion
RRF_K = 5  # reciprocal rank fusion constant, chosen on train among 2, 5, 10, 20, 60
# "Looks checked before" thresholds, chosen on the train queries for a precision of about 0.97
# (top match right when flagged): weighted word overlap without the extra, cosine with it.
LEXICAL_THRESHOLD = 0.30
SEMANTIC_THRESHOLD = 0.60
RECORDED = 3  # matches init records in a worksheet
REVIEW, WORKSHEET = "review", "worksheet"

Progress = Callable[[str, int, int], None]  # (what, done, total)


# --------------------------------------------------------------------------------------------
# Words


def _stopwords() -> frozenset[str]:
    path = Path(__file__).parent / "data" / "search_stopwords.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


STOPWORDS = _stopwords()
_SIGNATURE = re.compile(r"\s*[—–-]\s*([^—–()]{0,80}?)\s*\(@\w{1,20}\)\s*[A-Z][a-z]+ \d{1,2}, \d{4}\s*$")
_URL = re.compile(r"(?:https?://|pic\.twitter\.com/|www\.)\S*", re.I)
_HANDLE = re.compile(r"@(\w+)")
_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_WORD = re.compile(r"[a-z0-9]+")
_CLITIC = re.compile(r"(?<=\w)['’]\w*")


def clean(text: str) -> str:
    """A statement as search reads it: a social-media post loses its links and its signature
    ("— Name (@handle) Month D, YYYY", the name kept: claims name who posted them), and
    handles and hashtags become words ("#AustralianFires" is "Australian Fires")."""
    name = ""
    signature = _SIGNATURE.search(text)
    if signature:
        name, text = signature.group(1), text[: signature.start()]
    text = _URL.sub(" ", text)
    text = _HANDLE.sub(lambda m: " " + _CAMEL.sub(" ", m.group(1)).replace("_", " ") + " ", text)
    text = _HASHTAG.sub(lambda m: " " + _CAMEL.sub(" ", m.group(1)) + " ", text)
    return f"{text} {name}" if name else text


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return stem(word)


def terms(text: str) -> list[str]:
    """The words search counts: accents folded, lower case, a clitic dropped ("Trump's" is
    "trump"), stop words out, Porter stems."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = _CLITIC.sub("", folded)
    return [_stem(w) for w in _WORD.findall(folded) if w not in STOPWORDS]


# --------------------------------------------------------------------------------------------
# What a search finds


@dataclass(frozen=True)
class Match:
    """One earlier check: a published review, or a statement of the team's own worksheets."""

    kind: str  # "review" | "worksheet"
    id: str  # the review's id, or the worksheet's slug/stem
    text: str  # the claim reviewed, or the statement
    rating: str = ""
    url: str = ""
    publisher: str = ""
    title: str = ""
    claimant: str = ""
    date: str = ""
    status: str = ""  # a worksheet's workflow status
    score: float = 0.0  # similarity, 0 to 1 (cosine with the extra, weighted word overlap without)
    checked: bool = False  # the score is at or above the tier's "checked before" threshold

    def as_dict(self) -> dict:
        out = {"kind": self.kind}
        out.update({"url": self.url} if self.kind == REVIEW and self.url else {"id": self.id})
        out.update(text=self.text, rating=self.rating, score=round(self.score, 3), checked_before=self.checked)
        for key in ("publisher", "title", "claimant", "date", "status"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.kind == REVIEW and self.url:
            out["id"] = self.id
        return out


# --------------------------------------------------------------------------------------------
# The index


_SEARCH_SCHEMA = "3"
_TABLES = """
CREATE TABLE IF NOT EXISTS search_docs(
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, key TEXT NOT NULL UNIQUE, article TEXT,
    text TEXT NOT NULL, title TEXT, claimant TEXT, rating TEXT, rating_value TEXT, status TEXT,
    publisher TEXT, url TEXT, date TEXT, claim_terms TEXT NOT NULL, title_terms TEXT NOT NULL,
    file TEXT, stamp TEXT, vec_key TEXT);  -- vec_key: the sentence_vectors key (model and text)
CREATE INDEX IF NOT EXISTS search_docs_kind ON search_docs(kind);
CREATE VIRTUAL TABLE IF NOT EXISTS search_terms USING fts5(
    claim_terms, title_terms, content='search_docs', content_rowid='id');
CREATE VIRTUAL TABLE IF NOT EXISTS search_vocab USING fts5vocab(search_terms, 'row');
CREATE TABLE IF NOT EXISTS sentence_vectors(sha TEXT PRIMARY KEY, vec BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS search_checked(sha TEXT PRIMARY KEY, library TEXT NOT NULL, matches TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS search_matrix(id INTEGER PRIMARY KEY, rowids TEXT NOT NULL, vecs BLOB NOT NULL);
"""
_OWN = (
    "search_vocab",
    "search_terms",
    "search_docs",
    "search_checked",
    "search_matrix",
)  # dropped when _SEARCH_SCHEMA changes
BUSY_S = 30  # a search waits this long for another command's write (an import's index build)


class SearchIndex:
    """The tables search reads, kept in the workspace index (``factcheck.workspace.index``): every review
    and worksheet statement with its stemmed terms (FTS5), and the sentence vectors of the
    semantic tier (kept across index rebuilds: a vector depends only on its model and text).

    Derived from ``library/`` and the worksheets, brought up to date by ``refresh``.
    """

    def __init__(self, root: Path, progress: Progress | None = None) -> None:
        from factcheck.workspace.index import Index

        self.root = root
        self.progress = progress
        self.index = Index.open(root)
        self.db = self.index.conn
        self.warnings: list[str] = []
        self._vectors = None
        try:
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_S * 1000}")
            self._ensure_tables()
        except sqlite3.Error as exc:
            raise FactcheckError(
                f"cannot use the search index in {root / '.factcheck'} ({exc}); delete that folder to rebuild it"
            ) from None

    def _ensure_tables(self) -> None:
        if self._meta("search_schema") != _SEARCH_SCHEMA:
            with self._writing():
                for name in _OWN:
                    self.db.execute(f"DROP TABLE IF EXISTS {name}")
                self.db.execute("DELETE FROM meta WHERE key IN ('library', 'library_warnings')")
                for statement in _TABLES.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self._set_meta("search_schema", _SEARCH_SCHEMA)

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def _writing(self):
        """One write transaction (the index connection commits each statement by itself)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- keeping it fresh --------------------------------------------------------------------

    def refresh(self, semantic: Encoder | None = None) -> None:
        """Bring the tables up to date with ``library/`` and the worksheets (and the vectors,
        when ``semantic`` is given). Cheap when nothing changed: one stat per file."""
        self._refresh_library()
        self._refresh_worksheets()
        if semantic is not None:
            self._refresh_vectors(semantic)

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def _refresh_library(self) -> None:
        files = library_files(self.root)
        signature = json.dumps([(p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in files])
        if self._meta("library") == signature:
            self.warnings = json.loads(self._meta("library_warnings") or "[]")
            return
        reviews, self.warnings = read_library(self.root)
        with self._writing():
            self.db.execute("DELETE FROM search_matrix")
            self._delete("kind = ?", (REVIEW,))
            self._insert_reviews(reviews)
            self._set_meta("library", signature)
            self._set_meta("library_warnings", json.dumps(self.warnings))

    def _insert_reviews(self, reviews: list[Review]) -> None:
        total = len(reviews)
        for n, r in enumerate(reviews, 1):
            self._insert(
                REVIEW,
                r.id,
                "",
                r.claim,
                r.title,
                r.claimant,
                r.rating,
                r.rating_value,
                "",
                r.publisher,
                r.url,
                r.date,
                "",
                "",
            )
            if self.progress and (n % 500 == 0 or n == total):
                self.progress("Indexing the library", n, total)

    def _insert(
        self, kind, key, article, text, title, claimant, rating, rating_value, status, publisher, url, date, file, stamp
    ) -> None:
        claim_terms, title_terms = " ".join(terms(text)), " ".join(terms(title))
        cur = self.db.execute(
            "INSERT INTO search_docs(kind, key, article, text, title, claimant, rating, rating_value, "
            "status, publisher, url, date, claim_terms, title_terms, file, stamp) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                kind,
                key,
                article,
                text,
                title,
                claimant,
                rating,
                rating_value,
                status,
                publisher,
                url,
                date,
                claim_terms,
                title_terms,
                file,
                stamp,
            ),
        )
        self.db.execute(
            "INSERT INTO search_terms(rowid, claim_terms, title_terms) VALUES (?, ?, ?)",
            (cur.lastrowid, claim_terms, title_terms),
        )

    def _delete(self, where: str, args: tuple) -> None:
        rows = self.db.execute(f"SELECT id, claim_terms, title_terms FROM search_docs WHERE {where}", args).fetchall()
        self.db.executemany(
            "INSERT INTO search_terms(search_terms, rowid, claim_terms, title_terms) VALUES ('delete', ?, ?, ?)", rows
        )
        self.db.execute(f"DELETE FROM search_docs WHERE {where}", args)

    def _refresh_worksheets(self) -> None:
        """The statements as the workspace index holds them (``Index.read`` re-reads only the
        worksheets that changed), copied here when their file key moved."""
        from factcheck.workspace.settings import load_settings

        self.index.read(load_settings(self.root))
        rows = self.db.execute(
            "SELECT s.path, s.article, s.file_key, s.status, s.rating, t.text, t.claim, t.claimant "
            "FROM sheets s JOIN sheet_text t ON t.rowid = s.id"
        ).fetchall()
        on_disk = {row[0]: row for row in rows}
        known = dict(self.db.execute("SELECT file, stamp FROM search_docs WHERE kind = ?", (WORKSHEET,)))
        changed = [path for path, row in on_disk.items() if known.get(path) != row[2]]
        gone = [path for path in known if path not in on_disk or path in changed]
        if not changed and not gone:
            return
        with self._writing():
            self.db.execute("DELETE FROM search_matrix")
            for file in gone:
                self._delete("kind = ? AND file = ?", (WORKSHEET, file))
            for n, path in enumerate(changed, 1):
                _, article, stamp, status, rating, text, claim, claimant = on_disk[path]
                if text.strip():
                    self._insert(
                        WORKSHEET,
                        f"{article}/{Path(path).stem}",
                        article,
                        text,
                        claim,
                        claimant,
                        rating,
                        "",
                        status,
                        "",
                        "",
                        "",
                        path,
                        stamp,
                    )
                if self.progress and (n % 500 == 0 or n == len(changed)):
                    self.progress("Indexing the worksheets", n, len(changed))

    def _refresh_vectors(self, encoder: Encoder) -> None:
        unkeyed = self.db.execute("SELECT id, text FROM search_docs WHERE vec_key IS NULL").fetchall()
        if unkeyed:
            with self._writing():
                self.db.execute("DELETE FROM search_matrix")
                self.db.executemany(
                    "UPDATE search_docs SET vec_key = ? WHERE id = ?",
                    [(encoder.key(text), rowid) for rowid, text in unkeyed],
                )
        missing = self.db.execute(
            "SELECT DISTINCT d.vec_key, d.text FROM search_docs d LEFT JOIN sentence_vectors v "
            "ON v.sha = d.vec_key WHERE v.sha IS NULL"
        ).fetchall()
        done = 0
        for start in range(0, len(missing), 256):
            chunk = missing[start : start + 256]
            vectors = encoder.encode([t for _, t in chunk])
            with self._writing():
                self.db.execute("DELETE FROM search_matrix")
                self.db.executemany(
                    "INSERT OR REPLACE INTO sentence_vectors(sha, vec) VALUES (?, ?)",
                    [(sha, encoder.to_bytes(v)) for (sha, _), v in zip(chunk, vectors)],
                )
            done += len(chunk)
            if self.progress:
                self.progress("Embedding sentences (once)", done, len(missing))

    # -- reading -----------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT kind, count(*) FROM search_docs GROUP BY kind").fetchall())

    def lexical(self, query_terms: list[str], depth: int = DEPTH) -> list[tuple[int, float]]:
        """(rowid, BM25) of the best ``depth`` documents sharing a word with the query."""
        unique = list(dict.fromkeys(query_terms))
        if not unique:
            return []
        match = " OR ".join(f'"{t}"' for t in unique)
        return self.db.execute(
            "SELECT rowid, -bm25(search_terms) FROM search_terms WHERE search_terms MATCH ? "
            "ORDER BY bm25(search_terms) LIMIT ?",
            (match, depth),
        ).fetchall()

    def idf(self, words: Iterable[str]) -> dict[str, float]:
        """Inverse document frequency of each word, as BM25 counts it."""
        words = list(set(words))
        n = self.db.execute("SELECT count(*) FROM search_docs").fetchone()[0] or 1
        found = {}
        for start in range(0, len(words), 500):
            chunk = words[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self.db.execute(f"SELECT term, doc FROM search_vocab WHERE term IN ({marks})", chunk))
        return {w: math.log(1 + (n - found.get(w, 0) + 0.5) / (found.get(w, 0) + 0.5)) for w in words}

    def semantic(self, encoder: Encoder, vector) -> tuple[list[tuple[int, float]], Callable[[int], float]]:
        """(rowid, cosine) of the ``DEPTH`` nearest documents, and the cosine of any document."""
        rowids, position, matrix = self._matrix(encoder)
        if not rowids:
            return [], lambda rowid: 0.0
        sims = matrix @ vector
        depth = min(DEPTH, len(rowids))
        top = sims.argpartition(len(rowids) - depth)[len(rowids) - depth :]
        top = top[sims[top].argsort()[::-1]]
        return (
            [(rowids[i], float(sims[i])) for i in top],
            lambda rowid: float(sims[position[rowid]]) if rowid in position else 0.0,
        )

    def _matrix(self, encoder: Encoder):
        """Every document's vector, one row each (read once per command). Kept in the index as
        one blob (``search_matrix``, dropped by every change to the documents or vectors): a
        command reads 10,000 vectors in one piece instead of joining them row by row."""
        if self._vectors is None:
            kept = self.db.execute("SELECT rowids, vecs FROM search_matrix WHERE id = 1").fetchone()
            if kept is not None:
                rowids = json.loads(kept[0])
                matrix = encoder.matrix([kept[1]] if rowids else [])
            else:
                rows = self.db.execute(
                    "SELECT d.id, v.vec FROM search_docs d JOIN sentence_vectors v ON v.sha = d.vec_key ORDER BY d.id"
                ).fetchall()
                rowids = [r for r, _ in rows]
                matrix = encoder.matrix([v for _, v in rows])
                with contextlib.suppress(sqlite3.OperationalError):  # another command is writing
                    with self._writing():
                        self.db.execute(
                            "INSERT OR REPLACE INTO search_matrix(id, rowids, vecs) VALUES (1, ?, ?)",
                            (json.dumps(rowids), b"".join(v for _, v in rows)),
                        )
            self._vectors = (rowids, {r: i for i, r in enumerate(rowids)}, matrix)
        return self._vectors

    def docs(self, rowids: list[int]) -> dict[int, sqlite3.Row]:
        self.db.row_factory = sqlite3.Row
        try:
            marks = ",".join("?" * len(rowids))
            rows = self.db.execute(f"SELECT * FROM search_docs WHERE id IN ({marks})", rowids).fetchall()
        finally:
            self.db.row_factory = None
        return {row["id"]: row for row in rows}


def _s(value) -> str:
    return value if isinstance(value, str) else ""


# --------------------------------------------------------------------------------------------
# Searching


class Encoder:  # the interface factcheck.library.semantic implements (named here for type hints only)
    model_id: str

    def key(self, text: str) -> str: ...
    def encode(self, texts: list[str]): ...
    def to_bytes(self, vector) -> bytes: ...
    def matrix(self, blobs: list[bytes]): ...  # the vectors of all the blobs, one row each


def semantic_encoder(enabled: bool | None = None) -> Encoder | None:
    """The sentence encoder when the extra is installed (and not turned off), else None.
    Nothing here imports onnxruntime unless the extra is there and wanted."""
    if enabled is False:
        return None
    from factcheck.library import semantic

    if not (semantic.available() if enabled else semantic.wanted()):
        if enabled:
            raise FactcheckError("the semantic tier needs the extra: pip install 'factcheck-worksheets[semantic]'")
        return None
    return semantic.encoder()


def rank(
    index: SearchIndex,
    text: str,
    encoder: Encoder | None,
    limit: int,
    exclude_article: str | None = None,
    kind: str | None = None,
    vector=None,
) -> list[Match]:
    """The best ``limit`` matches for ``text``: BM25 alone, or BM25 and sentence vectors fused
    by reciprocal rank (ties go to the lexical rank). Each carries its similarity and whether it
    looks checked before."""
    query_terms = terms(clean(text))
    lexical = index.lexical(query_terms)
    fused: dict[int, float] = {}
    for r, (rowid, _) in enumerate(lexical):
        fused[rowid] = 1.0 / (RRF_K + r + 1)
    if encoder is not None:
        if vector is None:
            vector = encoder.encode([clean(text)])[0]
        nearest, cosine = index.semantic(encoder, vector)
        for r, (rowid, _) in enumerate(nearest):
            fused[rowid] = fused.get(rowid, 0.0) + 1.0 / (RRF_K + r + 1) - 1e-9
    order = sorted(fused, key=lambda rowid: -fused[rowid])
    chosen: list = []
    step = limit * 4 + 10  # read the documents a few at a time: most are never shown
    for start in range(0, len(order), step):
        docs = index.docs(order[start : start + step])
        chosen += [
            docs[r]
            for r in order[start : start + step]
            if r in docs
            and (kind is None or docs[r]["kind"] == kind)
            and not (exclude_article and docs[r]["article"] == exclude_article)
        ]
        if len(chosen) >= limit or (kind is None and exclude_article is None):
            break
    chosen = chosen[:limit]
    if encoder is None:
        idf = index.idf(set(query_terms) | {w for d in chosen for w in _doc_terms(d)})
        scores = [overlap(set(query_terms), set(_doc_terms(d)), idf) for d in chosen]
        threshold = LEXICAL_THRESHOLD
    else:
        scores = [max(0.0, cosine(d["id"])) for d in chosen]
        threshold = SEMANTIC_THRESHOLD
    return [_match(d, s, s >= threshold) for d, s in zip(chosen, scores)]


def reviews_checked(index: SearchIndex, texts: list[str], semantic: bool | None = None) -> list[list[Match]]:
    """For each statement, the published reviews it looks like (above the threshold), worked out
    against the library as it is now and cached until the library changes: reviews imported
    after ``init`` show up in ``show`` and ``status`` without re-running anything. The encoder
    is loaded only when something is not cached yet."""
    from factcheck.library import semantic as semantic_module

    library = hashlib.sha256((index._meta("library") or "").encode("utf-8")).hexdigest()[:16]
    on = semantic_module.available() if semantic else semantic is None and semantic_module.wanted()
    tier = semantic_module.MODEL_ID if on else "words"
    keys = [text_key(f"{tier}\n{text}") for text in texts]
    cached = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ",".join("?" * len(chunk))
        cached.update(
            (sha, matches)
            for sha, lib, matches in index.db.execute(
                f"SELECT sha, library, matches FROM search_checked WHERE sha IN ({marks})", chunk
            )
            if lib == library
        )
    missing = len({k for k in keys if k not in cached})
    encoder = None
    if missing and tier != "words":
        encoder = semantic_encoder(semantic)
        index.refresh(encoder)
    fresh = []
    vectors = _vectors(encoder, [t for t, k in zip(texts, keys) if k not in cached])
    for text, key in zip(texts, keys):
        if key not in cached:
            found = [
                m for m in rank(index, text, encoder, RECORDED, kind=REVIEW, vector=vectors.get(text)) if m.checked
            ]
            cached[key] = json.dumps([m.as_dict() for m in found], ensure_ascii=False)
            fresh.append((key, library, cached[key]))
            if index.progress and (len(fresh) % 50 == 0 or len(fresh) == missing):
                index.progress("Looking for earlier checks", len(fresh), missing)
    if fresh:
        try:
            with index._writing():
                index.db.executemany(
                    "INSERT OR REPLACE INTO search_checked(sha, library, matches) VALUES (?, ?, ?)", fresh
                )
        except sqlite3.OperationalError:
            pass  # another command is writing: the next one saves it
    return [[from_dict(d) for d in json.loads(cached[key])] for key in keys]


def checked_for(
    root: Path, sheets: list, progress: Progress | None = None, live: bool = True
) -> dict[str, list[Match]]:
    """The earlier checks each worksheet looks like, by worksheet id: the reviews in the library
    now (``reviews_checked``), then what ``init`` recorded in the worksheet that is not among
    them (other articles' worksheets, reviews since removed). Only worksheets with some."""
    readable = [s for s in sheets if s.values and isinstance(s.values.get("text"), str)]
    now: list[list[Match]] = [[] for _ in readable]
    if live and readable and library_files(root):
        index = SearchIndex(root, progress)
        try:
            index.refresh()
            now = reviews_checked(index, [s.values["text"] for s in readable])
        finally:
            index.close()
    out = {}
    for sheet, found in zip(readable, now):
        recorded = sheet.values.get("checked_before")
        recorded = [from_dict(d) for d in recorded if isinstance(d, dict)] if isinstance(recorded, list) else []
        seen = {(m.kind, m.url or m.id) for m in found}
        found = found + [m for m in recorded if (m.kind, m.url or m.id) not in seen]
        if found:
            out[sheet.id] = found
    return out


def from_dict(d: dict) -> Match:
    """A match as ``Match.as_dict`` wrote it (the cache) or as a worksheet records it."""
    return Match(
        kind=_s(d.get("kind")),
        id=_s(d.get("id")),
        text=_s(d.get("text")),
        rating=_s(d.get("rating")),
        url=_s(d.get("url")),
        publisher=_s(d.get("publisher")),
        title=_s(d.get("title")),
        claimant=_s(d.get("claimant")),
        date=_s(d.get("date")),
        status=_s(d.get("status")),
        score=float(d["score"]) if isinstance(d.get("score"), (int, float)) else 0.0,
        checked=d.get("checked_before", True) is True,
    )


def record(match: Match) -> dict:
    """A match as ``init`` records it in a worksheet (``[[checked_before]]``): what it is, where
    to find it, its verdict and its score."""
    out = {"kind": match.kind}
    if match.kind == REVIEW:
        out.update(url=match.url) if match.url else out.update(id=match.id)
    else:
        out["id"] = match.id
    out["text"] = match.text
    out["rating"] = match.rating
    for key in ("status", "publisher", "date"):
        if getattr(match, key):
            out[key] = getattr(match, key)
    out["score"] = round(match.score, 2)
    return out


def look_up(
    root: Path, texts: list[str], exclude_article: str, progress: Progress | None = None, semantic: bool | None = None
) -> list[list[Match]]:
    """What ``init`` records for each new statement: the best earlier checks (published reviews
    and other articles' worksheets) that look like it. Nothing to search, nothing opened."""
    from factcheck.workspace.layout import article_dirs

    others = [f for f in article_dirs(root) if f.name != exclude_article] if root.is_dir() else []
    if not texts or (not library_files(root) and not others):
        return [[] for _ in texts]
    encoder = semantic_encoder(semantic)
    index = SearchIndex(root, progress)
    try:
        index.refresh(encoder)
        vectors = _vectors(encoder, texts)
        return [
            [
                m
                for m in rank(index, t, encoder, RECORDED, exclude_article=exclude_article, vector=vectors.get(t))
                if m.checked
            ]
            for t in texts
        ]
    finally:
        index.close()


def _vectors(encoder: Encoder | None, texts: list[str]) -> dict:
    """Sentence vectors of many statements in one batched call (much faster than one by one)."""
    if encoder is None or not texts:
        return {}
    unique = list(dict.fromkeys(texts))
    return dict(zip(unique, encoder.encode([clean(t) for t in unique])))


def _doc_terms(doc) -> list[str]:
    return (doc["claim_terms"] + " " + doc["title_terms"]).split()


def overlap(query: set[str], doc: set[str], idf: dict[str, float]) -> float:
    """How much two texts share, 0 to 1: the weight of the words they share over the geometric
    mean of their weights, each word weighted by how rare it is (IDF). On the train queries it
    flags as precisely as Dice's coefficient with more coverage (0.966 / 0.53 against 0.969 /
    0.50 at 0.30), and a long statement that holds a short claim loses less."""
    weight_q = sum(idf.get(w, 0.0) for w in query)
    weight_d = sum(idf.get(w, 0.0) for w in doc)
    shared = sum(idf.get(w, 0.0) for w in query & doc)
    return shared / math.sqrt(weight_q * weight_d) if weight_q and weight_d else 0.0


def _match(doc, score: float, checked: bool) -> Match:
    return Match(
        kind=doc["kind"],
        id=doc["key"],
        text=doc["text"],
        rating=doc["rating"] or "",
        url=doc["url"] or "",
        publisher=doc["publisher"] or "",
        title=doc["title"] or "",
        claimant=doc["claimant"] or "",
        date=doc["date"] or "",
        status=doc["status"] or "",
        score=score,
        checked=checked,
    )


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
