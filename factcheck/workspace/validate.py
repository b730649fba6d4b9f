"""Validate hand-edited worksheets: report every problem at once, each with file and line.

``status`` and ``check`` share this module, so a broken worksheet is described the same way
everywhere and never stops the others from being read. Nothing here writes to disk.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from factcheck.errors import ERROR, WARNING, FactcheckError, Problem
from factcheck.workspace.fields import MESSAGES, fits
from factcheck.workspace.layout import (
    ARTICLE_FILE,
    TEXT_FILE,
    VERSIONS_DIR,
    article_dirs,
    parse_toml,
    text_version,
    version_text,
    worksheet_paths,
)
from factcheck.workspace.settings import Settings
from factcheck.workspace.worksheet import (
    CHECK_KEYS,
    CHECKED_KEYS,
    EARLIER_KEYS,
    KEY_TYPES,
    LOCATION_KEYS,
    REQUIRED,
    SOURCE_KEYS,
    TOP_KEYS,
    VERDICT_KEYS,
    allowed_values,
)

STALE = "stale"


@dataclass
class Sheet:
    """One worksheet as read from disk: its values (empty when unreadable) and its problems."""

    path: Path
    article: str
    values: dict
    problems: list[Problem] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.article}/{self.path.stem}"

    @property
    def readable(self) -> bool:
        return bool(self.values)

    @property
    def stale(self) -> bool:
        return any(p.code == STALE for p in self.problems)

    @property
    def reworded(self) -> bool:
        """Its statement has an earlier wording (init carried the worksheet to a new one)."""
        return bool(earlier_wordings(self.values))

    @property
    def unconfirmed(self) -> str:
        """The rating given to an earlier wording and not yet confirmed for the current one
        ("" when there is none): such a verdict is not published."""
        return next(
            (
                e["rating"]
                for e in earlier_wordings(self.values)
                if isinstance(e.get("rating"), str) and e["rating"] and e.get("confirmed") is not True
            ),
            "",
        )

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]


def earlier_wordings(values: dict) -> list[dict]:
    found = values.get("earlier")
    return [e for e in found if isinstance(e, dict)] if isinstance(found, list) else []


def blocks(problem: Problem, strict: bool = False) -> bool:
    """Whether a problem fails `check` and keeps a worksheet from being published: every error,
    and with --strict every warning too."""
    return strict or problem.severity == ERROR


def why_unpublishable(sheet: Sheet, strict: bool = False) -> str | None:
    """The one gate every export goes through: the reason this worksheet may not be published
    (its first problem that `check` would fail on, with where it is), or None when it may.

    An export leaves such a worksheet's verdict out and says why; `export --strict` refuses
    to export at all. A rule that stops publishing belongs here, so every format obeys it."""
    if sheet.unconfirmed:  # a verdict given to an earlier wording waits for a person
        return (
            f"rated {sheet.unconfirmed} when the statement was worded differently; not published until "
            "a person confirms it (confirmed = true under its [[earlier]])"
        )
    blocking = [p for p in sheet.problems if blocks(p, strict)]
    if not blocking:
        return None
    first = blocking[0]
    where = f"line {first.line}: " if first.line else ""
    more = f" (and {len(blocking) - 1} more; `factcheck check` lists them)" if len(blocking) > 1 else ""
    return f"{where}{first.severity}: {first.message}{more}"


def load_sheet(path: Path, article: str, settings: Settings, texts: TextCache) -> Sheet:
    """Read and validate one worksheet; never raises for anything in the file."""
    from factcheck.files import FileProblem, read_regular

    try:
        raw = read_regular(path).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Sheet(
            path, article, {}, [Problem(path, None, None, f"not UTF-8 (byte {exc.start}); re-save the file as UTF-8")]
        )
    except FileProblem as exc:  # a device, a FIFO, a folder, too large
        return Sheet(path, article, {}, [Problem(path, None, None, f"{exc.strerror}; a worksheet is a TOML file")])
    except OSError as exc:
        return Sheet(path, article, {}, [Problem(path, None, None, f"cannot read: {exc.strerror}")])
    try:
        values = parse_toml(raw)
    except ValueError as exc:  # tomllib.TOMLDecodeError
        from factcheck.workspace.syntax import toml_syntax_problem  # only a broken file pays for it

        return Sheet(path, article, {}, [toml_syntax_problem(path, exc, raw, allowed_values(settings))])
    sheet = Sheet(path, article, values)
    sheet.problems = check_values(path, raw, values, settings, texts)
    return sheet


def load_sheets(paths: list[Path], settings: Settings) -> list[Sheet]:
    """Read and validate the worksheets named (`check PATH...`), each in its article folder."""
    texts = TextCache()
    return [load_sheet(path, path.resolve().parent.name, settings, texts) for path in paths]


class TextCache:
    """Article texts by (folder, version), read once per run. A text that cannot be read (not
    UTF-8, not a regular file) is None, and ``unreadable`` holds the problem to report."""

    def __init__(self) -> None:
        self._texts: dict[tuple[Path, str], str | None] = {}
        self._versions: dict[Path, str | None] = {}
        self.unreadable: dict[tuple[Path, str], Problem] = {}  # by (folder, version); "" is article.txt

    def version(self, folder: Path, version: str) -> str | None:
        key = (folder, version)
        if key not in self._texts:
            self._texts[key] = self._guarded(key, version_text, folder, version)
        return self._texts[key]

    def _guarded(self, key: tuple[Path, str], read, *args) -> str | None:
        try:
            return read(*args)
        except OSError as exc:
            self.unreadable[key] = unreadable_text(key[0], exc)
            return None

    def current_version(self, folder: Path) -> str | None:
        if folder not in self._versions:
            current = self.current(folder)
            self._versions[folder] = None if current is None else text_version(current)
        return self._versions[folder]

    def current(self, folder: Path) -> str | None:
        key = (folder, "")
        if key not in self._texts:
            from factcheck.files import read_utf8

            path = folder / TEXT_FILE
            self._texts[key] = self._guarded(key, read_utf8, path) if path.exists() else None
        return self._texts[key]


def unreadable_text(folder: Path, exc: OSError) -> Problem:
    """An article text that cannot be read, as the problem `check` reports (once, at the file)."""
    path = Path(exc.filename) if exc.filename else folder / TEXT_FILE
    advice = (
        "run `factcheck init` on the article again"
        if path.name == TEXT_FILE
        else "restore it (from git, say): the worksheets that name this version index it"
    )
    return Problem(path, None, None, f"{exc.strerror or exc}; {advice}")


def check_values(path: Path, raw: str, values: dict, settings: Settings, texts: TextCache) -> list[Problem]:
    """Every problem of a parsed worksheet, each at its line: keys and types, then each part
    (the verdict, the sources, the earlier wordings, the location), then whether the work a
    status claims is done."""
    lines = _KeyLines(raw)
    problems: list[Problem] = _conflict_in_strings(path, raw)

    def add(message: str, key: str = "", section: str = "", index: int = 0, severity: str = ERROR):
        line = lines.find(section, index, key)
        problems.append(Problem(path, line, 1 if line else None, message, severity))

    allowed = allowed_values(settings)
    _unknown_keys(values, TOP_KEYS, "", 0, add)
    for key in REQUIRED[""]:
        misspelt = any(_close(k, [key], cutoff=0.6) for k in values if k not in TOP_KEYS)
        if key not in values and not misspelt:  # a misspelling is reported once, as unknown
            add(f"missing key `{key}`; every worksheet needs one")
    _check_fields(values, "", 0, allowed, add)
    verdict = _table(values, "verdict", VERDICT_KEYS, add, allowed)
    _check_verdict_date(verdict, add)
    sources = _array(values, "sources", SOURCE_KEYS, add, allowed)
    _check_sources(sources, add)
    _array(values, "checked_before", CHECKED_KEYS, add, allowed)  # init's record
    checks = _array(values, "checks", CHECK_KEYS, add, allowed)
    _check_work(values.get("status"), verdict, sources, checks, settings, add)
    earlier = _array(values, "earlier", EARLIER_KEYS, add, allowed)
    _check_earlier(earlier, add)
    _check_outdated_checks(values.get("text"), checks, earlier, add)
    _check_comment_on_text(raw, earlier, add)
    location = _table(values, "location", LOCATION_KEYS, add, allowed)
    if isinstance(values.get("text"), str) and "location" in values:  # none: added from elsewhere
        problems += _check_location(path, values["text"], location, texts, lines)
    return problems


def _check_verdict_date(verdict: dict, add) -> None:
    date = verdict.get("date", "")
    if date != "" and fits(date, "date") and not is_iso_date(date):  # a wrong type is reported with the key
        add(f"verdict date {date!r} is not a date; write it as YYYY-MM-DD", "date", "verdict")


def _check_sources(sources: list[dict], add) -> None:
    """Each source: something to find it by, a web address a browser can open, an ISO date,
    and not the same source twice."""
    seen: dict[str, int] = {}
    for i, source in enumerate(sources):
        if not source.get("url") and not source.get("title"):
            add("a source needs a `url` or a `title`", "", "sources", i)
        url = source.get("url", "")
        if url != "" and isinstance(url, str):
            wrong = url_problem(url)
            if wrong:
                add(wrong, "url", "sources", i)
        accessed = source.get("accessed", "")
        if accessed != "" and fits(accessed, "date") and not is_iso_date(accessed):
            add(f"source accessed {accessed!r} is not a date; write it as YYYY-MM-DD", "accessed", "sources", i)
        same = _source_key(source)
        if same and same in seen:
            add(
                f"source {i + 1} repeats source {seen[same] + 1} ({same}); keep one", "", "sources", i, severity=WARNING
            )
        elif same:
            seen[same] = i


def _check_work(status, verdict: dict, sources: list[dict], checks: list[dict], settings: Settings, add) -> None:
    """What a finished status promises: a rating ("done", or whatever the workspace calls a
    finished check; "not-checkable" needs none), its sources, and the work behind it."""
    rating = verdict.get("rating", "")
    rating = rating if isinstance(rating, str) else ""
    verdict_due = status in settings.finished and status != "not-checkable"
    if verdict_due and not rating:
        add(f"status is {status} but there is no rating; set [verdict] rating", "status")
    if status == "not-checkable" and rating and status in settings.finished:  # else it would be published
        add(
            f"not-checkable with the rating {rating!r}: a statement found not checkable has no verdict; "
            'set rating = "", or a status that gives a verdict',
            "rating",
            "verdict",
        )
    if rating and not sources:
        add("a rating needs at least one [[sources]] entry", "rating", "verdict")
    elif verdict_due and len(sources) < settings.min_sources_for_done:
        add(
            f"{status} with {len(sources)} of the {settings.min_sources_for_done} source(s) the workspace "
            "asks for; add [[sources]]",
            "status",
            severity=WARNING,
        )
    if verdict_due:
        _unfinished(status, verdict, checks, add)


def _check_earlier(earlier: list[dict], add) -> None:
    """A verdict given to an earlier wording, not yet confirmed for the current one."""
    for i, entry in enumerate(earlier):
        if entry.get("rating") and entry.get("confirmed") is not True:
            add(
                f"the wording changed after this was rated {entry['rating']}; check the verdict holds for "
                "the new wording, then set confirmed = true under its [[earlier]]",
                "confirmed",
                "earlier",
                i,
                severity=WARNING,
            )


def _check_comment_on_text(raw: str, earlier: list[dict], add) -> None:
    """A comment after ``text`` (``# JO: verified``) that init kept when it reworded the
    statement: it was written about the earlier words, and until the person changes it, it says
    so of words nobody has looked at."""
    comment = earlier[-1].get("comment") if earlier else None
    if not isinstance(comment, str) or not comment:
        return
    from factcheck.workspace.sheetedit import comment_after

    if comment_after(raw, "text") == comment:
        add(
            f"the comment on `text` ({comment}) was written about an earlier wording (see [[earlier]]): "
            "check it still holds for the new one, then change or delete it",
            "text",
            severity=WARNING,
        )


def _check_outdated_checks(text, checks: list[dict], earlier: list[dict], add) -> None:
    """A check written for an earlier wording ("38% since" when the statement now says 41%):
    init carries a worksheet to the new wording but leaves its checks to the person who ticks
    them, and a tick against words the article no longer holds would confirm nothing."""
    if not isinstance(text, str) or not earlier:
        return
    before = [e["text"] for e in earlier if isinstance(e.get("text"), str)]
    for i, check in enumerate(checks):
        what = check.get("what")
        if isinstance(what, str) and what and what not in text and any(what in old for old in before):
            add(
                f"check {i + 1} ({what!r}) is from an earlier wording: the statement no longer says it; "
                "change `what` to the new words (and check them again) or remove the check",
                "what",
                "checks",
                i,
                severity=WARNING,
            )


def _conflict_in_strings(path: Path, raw: str) -> list[Problem]:
    """Git's conflict markers that parse: inside a multi-line string (`notes = \"\"\"...`) a
    merge conflict is valid TOML, and both sides' words would be published as one note."""
    start = _CONFLICT_START.search(raw)
    if not start or not _CONFLICT_END.search(raw, start.end()):
        return []
    return [
        Problem(
            path,
            raw.count("\n", 0, start.start()) + 1,
            1,
            "unresolved git merge conflict inside a string: keep the right lines between <<<<<<< and "
            ">>>>>>>, delete the marker lines, then commit",
        )
    ]


def _unfinished(status: str, verdict: dict, checks: list[dict], add) -> None:
    """Warnings for a verdict declared finished before the work is: checks not ticked, no
    conclusion, no date (`check --strict` and `export --strict` fail on them)."""
    open_checks = [c for c in checks if c.get("done") is not True]
    if open_checks:
        add(
            f"{status} with {len(open_checks)} of {len(checks)} checks not ticked; confirm each and set "
            "done = true, or delete the ones that do not apply",
            "status",
            severity=WARNING,
        )
    if not verdict.get("conclusion"):
        add(
            f"{status} with no conclusion; write one sentence in [verdict] conclusion on what the evidence shows",
            "conclusion",
            "verdict",
            severity=WARNING,
        )
    if verdict.get("date", "") == "":
        add(
            f"{status} with no verdict date; write the day the verdict was reached in [verdict] date "
            "(YYYY-MM-DD), the date it is published with",
            "date",
            "verdict",
            severity=WARNING,
        )


_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_ISO_DATETIME = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?")


def is_iso_date(value) -> bool:
    """An ISO 8601 date ("2026-11-24"), a date and time ("2026-11-24T10:30:00Z"), or a TOML date."""
    if isinstance(value, (dt.date, dt.datetime)):
        return True
    if not isinstance(value, str):
        return False
    try:
        if _ISO_DATE.fullmatch(value):
            dt.date.fromisoformat(value)
            return True
        if _ISO_DATETIME.fullmatch(value):
            dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            return True
    except ValueError:
        return False
    return False


def url_problem(url) -> str | None:
    """What is wrong with a source's address, or None when it is an http(s) address a browser
    can open and a report can link to (a `javascript:` or `file:` one would run or leak)."""
    if not isinstance(url, str):
        return "source `url` must be a string in quotes"
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        return f"source url {url!r} holds spaces or control characters; copy the address again"
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # a broken [IPv6] host
        return f"source url {url!r} is not a web address a browser can open; copy the address again"
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        if not host:
            return f"source url {url!r} names no host; write it as https://host/path"
        return None
    if (not scheme or "." in scheme) and "." in url.split("/", 1)[0]:  # "www.example.org", "example.org:8080/x"
        return f"source url {url!r} has no http:// or https://; write it as https://{url}"
    return f"source url {url!r} is not a web address; use an http:// or https:// link"


def _source_key(source: dict) -> str:
    """What makes two sources the same: the address without its scheme, case of the host and
    a trailing slash; a source without one by its title."""
    url = source.get("url")
    if isinstance(url, str) and url.strip():
        try:
            parts = urlsplit(url.strip())
        except ValueError:
            return url.strip()
        rest = parts._replace(scheme="", netloc=parts.netloc.lower()).geturl().lstrip("/")
        return rest.rstrip("/") or url
    title = source.get("title")
    return " ".join(title.split()).casefold() if isinstance(title, str) else ""


# what a value not in the allowed list is called in the message
_LABELS = {
    "types": "type",
    "verdict.rating": "rating",
    "checks.kind": "check kind",
    "sources.kind": "source kind",
    "sources.stance": "source stance",
}


def _check_fields(table: dict, section: str, index: int, allowed: dict, add) -> None:
    """Each value's type, and for keys with a list of values, that it is on the list."""
    for key, value in table.items():
        name = f"{section}.{key}" if section else key
        kind = KEY_TYPES.get(name)
        if kind is None or kind in ("table", "tables"):  # tables: _table and _array
            continue
        if not fits(value, kind):
            add(MESSAGES[kind].format(key), key, section, index)
        elif name in allowed:
            names, may_be_empty = allowed[name]
            for item in value if isinstance(value, list) else [value]:
                if item not in names and not (may_be_empty and item == ""):
                    add(_not_allowed(_LABELS.get(name, key), item, names), key, section, index)


def _check_location(path: Path, text: str, location: dict, texts: TextCache, lines: _KeyLines) -> list[Problem]:
    folder = path.parent
    out = []
    version, start, end = location.get("version"), location.get("start"), location.get("end")
    line = lines.find("location", 0, "start")
    if any(key not in location for key in REQUIRED["location"]):
        return [
            Problem(path, line, 1 if line else None, "[location] needs version (a string), start and end (integers)")
        ]
    if not (fits(version, "string") and fits(start, "integer") and fits(end, "integer")):
        return []  # its type is reported with the key
    article_text = texts.version(folder, version)
    if article_text is None and (folder, version) in texts.unreadable:
        return [texts.unreadable[folder, version]]  # the text's own problem, reported at the text
    if article_text is None:
        return [
            Problem(
                path,
                lines.find("location", 0, "version"),
                1,
                f"article version {version} is not in {folder}; the offsets cannot be checked: restore "
                f"{VERSIONS_DIR}/{version}.txt from git, or run init on the article to carry the worksheet",
            )
        ]
    at_offsets = article_text[start:end] == text
    if not at_offsets:
        out.append(
            Problem(
                path,
                line,
                1 if line else None,
                f"`text` is not at {start}:{end} in article version {version}; restore the text or the offsets",
            )
        )
    current = texts.current(folder)
    if current is None and (folder, "") in texts.unreadable and texts.unreadable[folder, ""] not in out:
        out.append(texts.unreadable[folder, ""])
    # at its offsets in the current version, it is in the current text: no need to search it
    # (a search of the whole text for each of thousands of worksheets took most of a second)
    known_there = at_offsets and version == texts.current_version(folder)
    if current is not None and not known_there and text not in current:
        out.append(
            Problem(path, None, None, "stale: this statement is no longer in the current article text", WARNING, STALE)
        )
    return out


def _table(values: dict, name: str, keys: tuple[str, ...], add, allowed: dict) -> dict:
    table = values.get(name, {})
    if not isinstance(table, dict):
        add(MESSAGES["table"].format(name), name)
        return {}
    _unknown_keys(table, keys, name, 0, add)
    _check_fields(table, name, 0, allowed, add)
    return table


def _array(values: dict, name: str, keys: tuple[str, ...], add, allowed: dict) -> list[dict]:
    items = values.get(name, [])
    if not fits(items, "tables"):
        add(MESSAGES["tables"].format(name), name)
        return []
    for i, item in enumerate(items):
        _unknown_keys(item, keys, name, i, add)
        _check_fields(item, name, i, allowed, add)
    return items


def _unknown_keys(table: dict, allowed: tuple[str, ...], section: str, index: int, add) -> None:
    for key in table:
        if key not in allowed:
            close = _close(key, allowed, n=1, cutoff=0.6)
            hint = f"; did you mean `{close[0]}`?" if close else f"; allowed: {', '.join(allowed)}"
            where = f" in [{section}]" if section else ""
            add(f"unknown key `{key}`{where}{hint}", key, section, index)


def _not_allowed(what: str, value: str, allowed: tuple[str, ...]) -> str:
    close = _close(value, allowed, n=1, cutoff=0.75)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return f"{what} {value!r} is not allowed{hint}; use one of: {', '.join(allowed)}"


_HEADER = re.compile(r"^\s*\[(\[)?\s*([\w.-]+)\s*\]")
_KEY = re.compile(r"^\s*[\"']?([\w-]+)[\"']?\s*=")


class _KeyLines:
    """Line numbers of keys, by section and array index, for messages that point at a line."""

    def __init__(self, raw: str) -> None:
        self.where: dict[tuple[str, int, str], int] = {}
        section, counts = "", {}
        index = 0
        for number, line in enumerate(raw.split("\n"), 1):  # TOML ends lines at \n only, not at \x85 or \u2028
            header = _HEADER.match(line)
            if header:
                section = header.group(2)
                index = counts.get(section, -1) + 1 if header.group(1) else 0
                counts[section] = index
                self.where.setdefault((section, index, ""), number)
                continue
            key = _KEY.match(line)
            if key:
                self.where.setdefault((section, index, key.group(1)), number)

    def find(self, section: str, index: int, key: str) -> int | None:
        return self.where.get((section, index, key)) or self.where.get((section, index, ""))


@dataclass
class ArticleSheets:
    """An article folder as read: its metadata and every worksheet in it."""

    slug: str
    folder: Path
    title: str
    sheets: list[Sheet]
    meta: dict = field(default_factory=dict)  # article.toml as read; empty when unreadable
    problems: list[Problem] = field(default_factory=list)  # in article.toml or article.txt


def read_workspace(root: Path, settings: Settings) -> list[ArticleSheets]:
    """Every article and worksheet under ``root``, validated; broken files become problems."""
    texts = TextCache()
    articles = []
    for folder in article_dirs(root):
        meta, problems = read_article_files(folder)
        sheets = [load_sheet(p, folder.name, settings, texts) for p in worksheet_paths(folder)]
        articles.append(ArticleSheets(folder.name, folder, str(meta.get("title", "")), sheets, meta, problems))
    return articles


_CONFLICT_START = re.compile(r"^<{7}(?: |$)", re.M)
_CONFLICT_END = re.compile(r"^>{7}(?: |$)", re.M)


# what article.toml must say: the article's title (reports, ClaimReview) and where it came from
# (how init knows a new version of it)
ARTICLE_KEYS = ("title", "source")


def read_article_files(folder: Path) -> tuple[dict, list[Problem]]:
    """``article.toml`` as read, and what is wrong with it or with ``article.txt``: a file that
    does not parse, or a git merge conflict left in either (two people updated the article);
    ``article.toml`` missing (its worksheets are still read and checked); either file not a
    regular file, too large or not UTF-8 (``files``)."""
    from factcheck.files import read_regular, read_utf8

    path, problems = folder / ARTICLE_FILE, []
    raw = ""
    meta = {}
    try:
        raw = read_regular(path).decode("utf-8-sig")
        meta = parse_toml(raw)
        lacking = [key for key in ARTICLE_KEYS if not isinstance(meta.get(key), str)]  # a title may be ""
        if lacking:  # emptied or half saved: exports and updates need both
            problems.append(
                Problem(
                    path,
                    None,
                    None,
                    f"no {' and no '.join(lacking)}: run `factcheck init` on the article again to "
                    "restore them (the worksheets are kept)",
                )
            )
    except FileNotFoundError:
        problems.append(
            Problem(
                path,
                None,
                None,
                "missing: the folder holds worksheets but no article.toml; run "
                "`factcheck init` on the article again to restore it (the worksheets are kept)",
            )
        )
    except UnicodeDecodeError as exc:
        problems.append(
            Problem(path, None, None, f"not UTF-8 (byte {exc.start}); run `factcheck init` on the article again")
        )
    except ValueError as exc:  # TOML
        from factcheck.workspace.syntax import toml_syntax_problem  # only a broken file pays for it

        problems.append(toml_syntax_problem(path, exc, raw))
    except OSError as exc:  # not a regular file, too large, unreadable
        problems.append(Problem(path, None, None, f"cannot read: {exc.strerror or exc}"))
    text_path = folder / TEXT_FILE
    text = ""
    try:
        text = read_utf8(text_path)
    except FileNotFoundError:
        pass
    except OSError as exc:  # the same problem a worksheet that names this text meets: reported once
        problems.append(unreadable_text(folder, exc))
    conflict = _CONFLICT_START.search(text)
    if conflict and _CONFLICT_END.search(text, conflict.end()):
        problems.append(
            Problem(
                text_path,
                text.count("\n", 0, conflict.start()) + 1,
                1,
                "unresolved git merge conflict: worksheets' offsets index one version of this "
                "text, so take one side whole (`git checkout --ours` or `--theirs` this file), "
                "then run init on the newer article",
            )
        )
    return meta, problems


def add_duplicate_problems(articles: list[ArticleSheets]) -> list[ArticleSheets]:
    """Add to each worksheet the problems only the article as a whole shows: its number is
    another worksheet's too (`show 07` cannot tell them apart), or its statement is (the work
    is split between two files). Both are errors, on the later file; the export leaves it out.
    (After the index: they depend on other files, not on the worksheet alone.)"""
    for article in articles:
        by_number: dict[str, Sheet] = {}
        by_text: dict[str, Sheet] = {}
        for sheet in sorted(article.sheets, key=lambda s: s.path.name):
            number = sheet.path.stem.split("-", 1)[0]
            if number.isdigit():
                first = by_number.setdefault(str(int(number)), sheet)
                if first is not sheet:
                    sheet.problems = [
                        *sheet.problems,
                        Problem(
                            sheet.path,
                            None,
                            None,
                            f"number {number} is {first.path.name}'s too; give this worksheet "
                            f"a number of its own (rename the file), so that `show {number}` names one",
                        ),
                    ]
            text = sheet.values.get("text")
            if isinstance(text, str) and text:
                first = by_text.setdefault(text, sheet)
                if first is not sheet:
                    sheet.problems = [
                        *sheet.problems,
                        Problem(
                            sheet.path,
                            None,
                            None,
                            f"the same statement as {first.path.name}; keep the work in one "
                            "worksheet (move it there, then delete this file)",
                        ),
                    ]
    return articles


def workspace_problems(articles: list[ArticleSheets]) -> list[Problem]:
    """Every problem of these articles, the folders' own first, each once (an article text that
    cannot be read is met by each of its worksheets)."""
    return list(dict.fromkeys(p for a in articles for p in [*a.problems, *(q for s in a.sheets for q in s.problems)]))


def at_edge(part: str, slug: str) -> bool:
    """Whether ``part`` is ``slug``'s first or last words (or all of it)."""
    return slug == part or slug.startswith(part + "-") or slug.endswith("-" + part)


def find_sheet(articles: list[ArticleSheets], query: str, here: Path | None = None) -> Sheet:
    """The one worksheet ``query`` names: its full id, its file stem, its number ("7", "07"),
    or an unambiguous start of the stem ("07-kirby"), optionally after part of the article
    slug ("wagner/07"). A number several articles share names the one of the article folder
    the command runs in (``here``, the current directory), as a file name would there."""
    query = query.strip().removesuffix(".toml")
    article_part, _, stem_part = query.rpartition("/")
    if not stem_part:
        raise FactcheckError(
            f"{query!r} names no statement; give its number (07), the start of its file "
            "name (07-kirby) or slug/07; `factcheck status` lists the ids"
        )
    matches, numbered = [], []
    if article_part:
        articles = [a for a in articles if article_part in a.slug]
        # a whole slug names that article alone; a part that starts or ends one slug and is
        # only inside others ("group" of "...-group" and "...-group-2") names that one
        articles = (
            [a for a in articles if a.slug == article_part]
            or [a for a in articles if at_edge(article_part, a.slug)]
            or articles
        )
    for article in articles:
        for sheet in article.sheets:
            stem = sheet.path.stem
            if stem == stem_part or sheet.id == query:
                return sheet
            number = stem.split("-", 1)[0]
            if stem_part.isdigit() and number.isdigit() and int(number) == int(stem_part):
                numbered.append(sheet)  # "7" and "07" both name 07-...
            elif stem.startswith(stem_part):
                matches.append(sheet)
    matches = numbered or matches
    if len(matches) > 1 and here is not None:
        inside = [m for m in matches if here.is_relative_to(m.path.parent.resolve())]
        matches = inside or matches
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise FactcheckError(f"no statement matches {query!r}; `factcheck status` lists the ids")
    listed = ", ".join(s.id for s in matches[:5]) + (", ..." if len(matches) > 5 else "")
    raise FactcheckError(f"{query!r} matches {len(matches)} statements ({listed}); give more of the id")


def _close(word: str, choices, n: int = 3, cutoff: float = 0.6) -> list[str]:
    """difflib's near matches, imported only when a misspelling needs a suggestion."""
    import difflib

    return difflib.get_close_matches(word, choices, n=n, cutoff=cutoff)
