"""Update a worksheet's own keys in place, line by line, when its statement is reworded.

A worksheet is the checker's file; the tool owns only ``text``, the ``[location]`` table and the
``[[earlier]]`` record of earlier wordings. When an article changes, those lines are rewritten
and a ``[[earlier]]`` table is appended; every other byte of the file (notes, verdict,
sources, comments, blank lines, the person's own formatting and line endings) stays as it was.
The result is checked before it is returned: it must parse, hold the new values, and hold every
other value exactly as before, or nothing is written.
"""

from __future__ import annotations

import tomllib
from typing import NamedTuple

import tomli_w

from factcheck.errors import FactcheckError


class Entry(NamedTuple):
    """A ``key = value`` statement of the file: its table ("" at the top, "earlier[1]" for the
    second ``[[earlier]]``), its key, and its lines ``[start, end)``."""

    table: str
    key: str
    start: int
    end: int


def entries(lines: list[str]) -> tuple[list[Entry], dict[str, int]]:
    """Every key's lines, and the line of each table's header. A value that runs over several
    lines (a multi-line string or array) is followed to its end by parsing, so a line inside a
    string is never taken for a header."""
    out: list[Entry] = []
    headers: dict[str, int] = {}
    counts: dict[str, int] = {}
    table, i = "", 0
    while i < len(lines):
        stripped = lines[i].strip()
        if not stripped or stripped.startswith("#"):
            i += 1
            continue
        if stripped.startswith("["):
            name = stripped.lstrip("[").split("]", 1)[0].strip()
            if stripped.startswith("[["):
                counts[name] = counts.get(name, -1) + 1
                name = f"{name}[{counts[name]}]"
            table = name
            headers[table] = i
            i += 1
            continue
        end = i + 1
        while end < len(lines) and not _parses("".join(lines[i:end])):
            end += 1
        key = stripped.split("=", 1)[0].strip().strip("\"'")
        out.append(Entry(table, key, i, end))
        i = end
    return out, headers


def _parses(text: str) -> bool:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return False
    return True


def _line(key: str, value, comment: str, newline: str) -> str:
    return tomli_w.dumps({key: value}).rstrip("\n") + comment + newline


def comment_after(raw: str, key: str) -> str:
    """The comment after the top-level ``key``'s value in the worksheet ``raw``, stripped, or ""."""
    lines = toml_lines(raw)
    found, _ = entries(lines)
    entry = next((e for e in found if (e.table, e.key) == ("", key)), None)
    return _comment(lines, entry).strip() if entry else ""


def _comment(lines: list[str], entry: Entry) -> str:
    """The comment after a value (``text = "..."  # JO: quote verified``, or after the closing
    quotes of one over several lines), kept when the value is rewritten: a person wrote it."""
    body = "".join(lines[entry.start : entry.end]).rstrip("\r\n")
    key = entry.key
    last = body.rfind("\n") + 1  # a comment can only follow the value, on its last line
    for at in [i for i, ch in enumerate(body) if ch == "#" and i >= last]:
        head = body[:at]
        if _parses(head) and tomllib.loads(head).get(key) == tomllib.loads(body).get(key):
            return body[len(head.rstrip()) :]
    return ""


def toml_lines(raw: str) -> list[str]:
    """The lines of a TOML file, ends kept, as TOML counts them: at \\n only (``splitlines``
    also breaks at \\x85, \\u2028 and others, which a string may hold)."""
    parts = raw.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def carry(raw: str, text: str, location: dict, earlier: dict | None) -> str:
    """``raw`` with ``text`` and the ``[location]`` keys set to the new wording's, and
    ``earlier`` appended as a ``[[earlier]]`` table (None: the wording is the same, nothing to
    record). Raises FactcheckError when the file cannot be updated without touching a line a
    person wrote."""
    lines = toml_lines(raw)
    newline = "\r\n" if raw.count("\r\n") > raw.count("\n") / 2 else "\n"
    found, headers = entries(lines)
    appends = earlier is not None or "location" not in headers
    if appends and lines and not lines[-1].endswith(("\n", "\r")):  # what follows starts a line
        lines[-1] += "\n"
    where = {(e.table, e.key): e for e in found}
    edits: dict[int, tuple[int, str]] = {}  # first line -> (last line + 1, replacement)
    inserts: dict[int, list[str]] = {}  # line -> lines to insert before it

    top = where.get(("", "text"))
    if top is None:
        raise FactcheckError("it has no `text` key at the top")
    if earlier is not None:  # a new wording; the same wording keeps its line as it is written
        comment = _comment(lines, top)
        edits[top.start] = (top.end, _line("text", text, comment, newline))
        if comment.strip():  # written about the earlier wording: recorded, so that check can ask
            earlier = {**earlier, "comment": comment.strip()}
    tail: list[str] = []
    if "location" in headers:
        last = headers["location"] + 1
        for key, value in location.items():
            entry = where.get(("location", key))
            if entry is None:
                continue
            edits[entry.start] = (entry.end, _line(key, value, _comment(lines, entry), newline))
            last = max(last, entry.end)
        missing = [_line(k, v, "", newline) for k, v in location.items() if ("location", k) not in where]
        if missing:
            inserts.setdefault(last, []).extend(missing)
    else:
        tail += [newline, "[location]" + newline] + [_line(k, v, "", newline) for k, v in location.items()]
    if earlier is not None:
        tail += [newline, "[[earlier]]  # an earlier wording of this statement, kept by factcheck init" + newline]
        tail += [_line(k, v, "", newline) for k, v in earlier.items()]

    out: list[str] = []
    i = 0
    while i < len(lines):
        out += inserts.get(i, [])
        if i in edits:
            end, replacement = edits[i]
            out.append(replacement)
            i = end
            continue
        out.append(lines[i])
        i += 1
    out += inserts.get(len(lines), [])
    result = "".join(out + tail)
    _verify(raw, result, text, location, earlier)
    return result


def _verify(raw: str, result: str, text: str, location: dict, earlier: dict | None) -> None:
    """The new file holds the new values and every other value as before."""
    try:
        before, after = tomllib.loads(raw), tomllib.loads(result)
        expected = dict(before)
        expected["text"] = text
        expected["location"] = {**before.get("location", {}), **location}
        if earlier is not None:
            expected["earlier"] = [*before.get("earlier", []), earlier]
    except (tomllib.TOMLDecodeError, TypeError):
        expected, after = None, False
    if after != expected:
        raise FactcheckError("its `[location]` or `[[earlier]]` is not in the shape factcheck writes")
