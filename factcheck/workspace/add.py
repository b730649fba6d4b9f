"""A statement `init` left out, added by hand (`factcheck add`).

Found in the article's text, it gets exact offsets and every field `init` fills, from the same
per-statement analysis; the person need never count characters. A statement that is not in the
text (a caption, a video, an earlier version) is written only when the person says it comes
from elsewhere: then it has no ``[location]``, and `check` does not look for it in the text.
Like every worksheet, an added one is written once, never over another file, and `init` keeps
it when the article changes.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.workspace.init import _clip
from factcheck.workspace.layout import (
    ARTICLE_FILE,
    TEXT_FILE,
    article_dirs,
    dir_option,
    read_toml,
    text_version,
    worksheet_paths,
)
from factcheck.workspace.settings import Settings
from factcheck.workspace.worksheet import Context, new_worksheet, render, stem
from factcheck.workspace.writes import write_new

# characters a person types for those in the article: straight quotes for curly ones, a hyphen
# for a dash; any run of white space for any other
_SAME = {"‘": "'", "’": "'", "“": '"', "”": '"', "‐": "-", "‑": "-", "–": "-", "—": "-"}


@dataclass
class Added:
    path: Path
    start: int | None  # None: not in the article text (added from elsewhere)
    end: int | None
    paragraph: int | None
    priority: float
    also_at: int = 0  # further places the text appears (the first is used)


def choose_article(root: Path, text: str, slug: str | None, here: Path) -> Path:
    """The article folder the statement belongs to: ``--article`` (its slug or an unambiguous
    part), else the article folder the command runs in, else the one article whose text holds
    it, else the workspace's only article."""
    folders = article_dirs(root)
    if not folders:
        raise FactcheckError(f"no article in {root}; run `factcheck init ARTICLE` first")
    names = ", ".join(f.name for f in folders[:5]) + (", ..." if len(folders) > 5 else "")
    if slug:
        exact = [f for f in folders if f.name == slug]
        matches = exact or [f for f in folders if slug in f.name]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise FactcheckError(f"no article matches --article {slug!r}; articles: {names}")
        listed = ", ".join(f.name for f in matches[:5])
        raise FactcheckError(f"--article {slug!r} matches {len(matches)} articles ({listed}); give more of the slug")
    here = here.resolve()
    for folder in folders:
        if here == folder.resolve() or folder.resolve() in here.parents:
            return folder
    holding = [f for f in folders if find(_article_text(f), text)[0] is not None]
    if len(holding) == 1:
        return holding[0]
    if len(folders) == 1:
        return folders[0]
    if holding:
        listed = ", ".join(f.name for f in holding[:5])
        raise FactcheckError(f"the statement is in {len(holding)} articles ({listed}); pass --article SLUG")
    raise FactcheckError(
        f"the statement is in none of the {len(folders)} articles' text; pass "
        f"--article SLUG to say which it belongs to (articles: {names})"
    )


def find(article_text: str, text: str) -> tuple[int | None, int, int]:
    """Where ``text`` is in the article: (start, end, how many more times it appears). An exact
    match first; then one that lets quotes be straight or curly, dashes be hyphens and white
    space differ, as text copied from a page or typed does. (None, 0, 0) when it is not there."""
    text = text.strip()
    if not text:
        return None, 0, 0
    at = article_text.find(text)
    if at >= 0:
        return at, at + len(text), article_text.count(text) - 1
    haystack, where = _loose(article_text)
    needle, _ = _loose(text)
    at = haystack.find(needle)
    if at < 0:
        return None, 0, 0
    return where[at], where[at + len(needle) - 1] + 1, haystack.count(needle) - 1


def _loose(text: str) -> tuple[str, list[int]]:
    """``text`` with every quote and dash in one form and each run of white space one space,
    and where each of its characters came from (no pattern built from what a person typed)."""
    out, where, space = [], [], False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not space:
                out.append(" ")
                where.append(i)
            space = True
            continue
        out.append(_SAME.get(ch, ch))
        where.append(i)
        space = False
    return "".join(out), where


def add_statement(
    root: Path,
    text: str,
    settings: Settings,
    slug: str | None = None,
    elsewhere: bool = False,
    here: Path | None = None,
) -> Added:
    """Write a worksheet for ``text``; see the module's docstring."""
    from factcheck.extraction.statements import extract, statement_at
    from factcheck.reading.article import Article, normalise

    text = normalise(text).strip()
    if not text:
        raise FactcheckError('the statement is empty; give its text in quotes: factcheck add "..."')
    folder = choose_article(root, text, slug, here or Path.cwd())
    article_text = _article_text(folder)
    start, end, more = find(article_text, text)
    if start is None and not elsewhere:
        raise FactcheckError(
            f"not found in the text of {folder.name}; copy it exactly from {folder / TEXT_FILE}, or pass "
            "--elsewhere if it comes from somewhere else (a caption, a video, an earlier version)"
        )
    if start is not None:
        text = article_text[start:end]
    taken = _existing(folder, text)
    if taken:
        number = taken.split("-", 1)[0]
        named = number if len(article_dirs(folder.parent)) < 2 else f"{folder.name}/{number}"  # one id, not several
        raise FactcheckError(
            f"{folder.name}/{taken} already holds this statement; "
            f"`factcheck edit {named}{dir_option(folder.parent)}` opens it"
        )
    meta = _meta(folder)
    if start is None:  # analysed on its own: no neighbours to learn names from
        alone = Article(text + "\n", "", "")
        statement = statement_at(alone, 0, len(text))
        values = new_worksheet(statement, Context("", "", ""))
        del values["location"]
    else:
        article = Article(article_text, str(meta.get("title", "")), str(meta.get("source", "")))
        extraction = extract(article)
        statement = statement_at(article, start, end, extraction)
        values = new_worksheet(statement, _context(extraction, start, end, text_version(article_text)))
    path = folder / f"{stem(_next_number(folder), text)}.toml"
    if not write_new(path, render(values, settings)):
        raise FactcheckError(f"{path} appeared while it was being written; run the command again")
    from factcheck.workspace.schema import write_schemas

    write_schemas(root, settings)
    paragraph = None if start is None else statement.paragraph
    return Added(path, start, end if start is not None else None, paragraph, statement.priority, more)


def _article_text(folder: Path) -> str:
    try:
        from factcheck.files import read_utf8

        return read_utf8(folder / TEXT_FILE)
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError) as exc:
        raise FactcheckError(
            f"cannot read {folder / TEXT_FILE}: {exc}; run `factcheck init` on the article again"
        ) from None


def _meta(folder: Path) -> dict:
    try:
        return read_toml(folder / ARTICLE_FILE)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):  # costs only the title
        return {}


def _existing(folder: Path, text: str) -> str | None:
    """The worksheet of ``folder`` that holds ``text`` already, if any (init matches
    statements to worksheets by text, so two for one text would confuse it). Refuses, as init
    does, while a worksheet cannot be read: it might be the one."""
    for path in worksheet_paths(folder):
        try:
            if read_toml(path).get("text") == text:
                return path.stem
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
            raise FactcheckError(
                f"cannot read {path}, so it might hold this statement already; fix it "
                "(`factcheck check` says where) and run add again"
            ) from None
    return None


def _next_number(folder: Path) -> int:
    numbers = [int(p.stem.split("-", 1)[0]) for p in worksheet_paths(folder) if p.stem.split("-", 1)[0].isdigit()]
    return max(numbers, default=0) + 1


def _context(extraction, start: int, end: int, version: str) -> Context:
    """The sentences just before and after the added statement, as `init` gives its own."""
    pieces = sorted(
        [(s.start, s.end, s.text) for s in extraction.statements]
        + [(s.start, s.end, s.text) for s in extraction.skipped]
    )
    before = [p for p in pieces if p[1] <= start]
    after = [p for p in pieces if p[0] >= end]
    return Context(version, _clip(before[-1][2], left=True) if before else "", _clip(after[0][2]) if after else "")
