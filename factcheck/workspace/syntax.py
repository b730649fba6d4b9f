"""A TOML syntax error in a file a person edits, as a Problem in their words: where it is (on
Python 3.11 tomllib gives line and column only inside its message), and the beginner's mistakes
named (an unquoted word, yes for true, a table or a key given twice). Imported only when a file
does not parse, so reading commands do not pay for these patterns."""

from __future__ import annotations

import re
from pathlib import Path

from factcheck.errors import Problem

_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


_CONFLICT = re.compile(r"^(?:<{7}|={7}|>{7})(?: |$)", re.M)


_HEADER = re.compile(r"\s*(\[\[?[^\]\n]+\]\]?)")


def _tables_both_sides_add(text: str, start: int) -> str:
    """When each side of the first conflict is whole tables appended at the same place (a
    checker's ``[[sources]]``, init's ``[[earlier]]`` for a new wording of the statement), the
    tables each side starts ("[[sources]] here, [[earlier]] from the other side"); else "".
    Both belong in the file: dropping init's record would publish a verdict unconfirmed."""
    lines = text[start:].split("\n")
    sides: list[list[str]] = [[], []]
    side = 0
    for line in lines[1:]:
        if line.startswith(">>>>>>>"):
            break
        if line.startswith("|||||||"):  # diff3's common ancestor: neither side's
            side = 2
        elif line.startswith("======="):
            side = 1
        elif side < 2 and line.strip() and not line.lstrip().startswith("#"):
            sides[side].append(line)
    else:
        return ""
    heads = [[m.group(1) for line in lines if (m := _HEADER.match(line))] for lines in sides]
    if not all(lines and _HEADER.match(lines[0]) for lines in sides):
        return ""
    return f"{', '.join(dict.fromkeys(heads[0]))} here, {', '.join(dict.fromkeys(heads[1]))} from the other side"


def toml_syntax_problem(path: Path, exc: Exception, text: str = "", allowed: dict | None = None) -> Problem:
    """A tomllib error as a Problem; on Python 3.11 line and column live only in its message.
    A file that git left with conflict markers (a team's workspace is shared through git) says
    so, at the first marker, instead of "Invalid statement". ``allowed``: the values keys may
    take ("status", "verdict.rating": ``worksheet.allowed_values``), for a word left unquoted."""
    conflict = _CONFLICT.search(text)
    if conflict:
        tables = _tables_both_sides_add(text, conflict.start())
        return Problem(
            path,
            text.count("\n", 0, conflict.start()) + 1,
            1,
            f"unresolved git merge conflict: both sides add tables ({tables}); keep both, delete the "
            "marker lines, then commit"
            if tables
            else "unresolved git merge conflict: keep the right lines between <<<<<<< and >>>>>>>, "
            "delete the marker lines, then commit",
        )
    m = _AT.search(str(exc))
    line, col = (int(m.group(1)), int(m.group(2))) if m else (None, None)
    message = _AT.sub("", str(exc)).strip()
    prefix = "" if getattr(exc, "as_is", False) else "TOML syntax: "
    unclosed = _unclosed_string(message, text, line)
    if unclosed:
        return Problem(path, unclosed[0], unclosed[1], prefix + unclosed[2])
    if message in _UNCLOSED_BRACKETS and line and col:
        unclosed = _unclosed_bracket(message, text, line, col)
        if unclosed:
            return Problem(path, unclosed[0], unclosed[1], prefix + unclosed[2])
    hint = _hint(message, text.split("\n"), line, col, allowed or {}) if line else None  # lines as TOML counts them
    return Problem(path, line, col, prefix + (hint or message))


# What tomllib says when a string is never closed: a newline inside a one-line string, or the
# end of the file inside any string (on Python 3.11: '\n' as its repr, and no line at the end).
_UNCLOSED_MESSAGES = ("Illegal character '\\n'", "Unterminated string", 'Expected "\'"', "Expected \"'''\"")


def _unclosed_string(message: str, text: str, line: int | None) -> tuple[int, int, str] | None:
    """Line, column and advice for a string with no closing quotes, where it starts (the parser
    says where it gave up: the line's end, or the end of the file), or None."""
    if message.removesuffix("(at end of document)").rstrip() not in _UNCLOSED_MESSAGES:
        return None
    start = _string_left_open(text)
    if start is None:
        return None
    quotes = text[start : start + 3] if text.startswith(('"""', "'''"), start) else text[start]
    at = text.count("\n", 0, start) + 1
    if len(quotes) == 1 and line not in (None, at):
        return None  # not the string the parser stopped in: its own words are better than a guess
    row = text.split("\n")[at - 1]
    col = start - (text.rfind("\n", 0, start) + 1) + 1
    key = _KEY_AT.match(row)
    what = f"the value of `{key.group(1).strip(chr(34) + chr(39))}`" if key and key.end() < col else "a string"
    if len(quotes) == 3:
        return at, col, f"{what} opens {quotes} here and never closes it: put {quotes} after its last line"
    return (
        at,
        col,
        f"{what} has no closing {quotes}: end it with {quotes} on the same line "
        f'(text over several lines goes between """ and """)',
    )


# What tomllib says when a value of an array or inline table is followed by neither a comma nor
# the closing bracket; it says so where the next thing starts, often the next line or table.
_UNCLOSED_BRACKETS = {
    "Unclosed array": ("[", "]", "array", "values"),
    "Unclosed inline table": ("{", "}", "inline table", "keys"),
}


def _unclosed_bracket(message: str, text: str, line: int, col: int) -> tuple[int, int, str] | None:
    """Line, column and advice for an array or inline table missing its closing bracket or a
    comma: just after its last value, which is where the bracket or the comma goes (the parser
    stops at whatever comes next, often the next line: ``names = ["a", "b"`` then ``finished``)."""
    opening, closing, what, items = _UNCLOSED_BRACKETS[message]
    lines = text.split("\n")
    stop = sum(len(row) + 1 for row in lines[: line - 1]) + col - 1
    opened = _open_brackets(text, stop, opening)
    if opened is None:
        return None
    # the end of the last value: the last character before the stop that is neither space nor comment
    # (each line's comment dropped: the lines keep their numbers, and the ends their columns)
    before = "\n".join(_without_comment(row) for row in text[:stop].split("\n")).rstrip()
    at = before.count("\n") + 1
    end_col = len(before) - (before.rfind("\n") + 1) + 1
    opened_at = text.count("\n", 0, opened) + 1
    if at < opened_at:
        return None
    line_start = max(text.rfind("\n", 0, opened) + 1, opened - 200)  # a key is short: no scan of a long line
    key = _KEY_BEFORE.search(text, line_start, opened) or _KEY_AT.match(lines[opened_at - 1])
    name = f"`{key.group(1).strip(chr(34) + chr(39))}`" if key else "a value"
    where = "" if opened_at == at else f" (it opens on line {opened_at})"
    return (
        at,
        end_col,
        f"the {what} of {name}{where} needs a {closing} after its last value here, or a comma if more {items} follow",
    )


def _without_comment(row: str) -> str:
    """A line without the comment at its end: from the first ``#`` after its last quote that
    starts the line or follows a space (a near guess, for placing the advice, not parsing)."""
    i = row.find("#", max(row.rfind('"'), row.rfind("'")) + 1)
    while i > 0 and not row[i - 1].isspace():
        i = row.find("#", i + 1)
    return row if i < 0 else row[:i]


def _open_brackets(text: str, stop: int, opening: str) -> int | None:
    """Where the innermost ``opening`` bracket still open at ``stop`` is, skipping strings and
    comments as TOML does, or None."""
    stack: list[int] = []
    i = 0
    while i < stop:
        ch = text[i]
        if ch == "#":
            end = text.find("\n", i)
            i = stop if end < 0 else end + 1
            continue
        if ch in "\"'":
            quotes = ch * 3 if text.startswith(ch * 3, i) else ch
            end = _closing(text, i + len(quotes), quotes)
            if end is None:
                return None
            i = end
            continue
        if ch in "[{":
            stack.append(i)
        elif ch in "]}" and stack:
            stack.pop()
        i += 1
    return stack[-1] if stack and text[stack[-1]] == opening else None


def _string_left_open(text: str) -> int | None:
    """Where the first string that is never closed starts, scanning as TOML does: comments to the
    line's end; basic strings with backslash escapes; literal strings; each on one line unless
    tripled (a tripled one ends at its closing quotes and up to two more)."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif ch in "\"'" and text.startswith(ch * 3, i):
            end = _closing(text, i + 3, ch * 3)
            if end is None:
                return i
            i = end
        elif ch in "\"'":
            end = _closing(text, i + 1, ch)
            if end is None:
                return i
            i = end
        else:
            i += 1
    return None


def _closing(text: str, i: int, quotes: str) -> int | None:
    """The offset just past the quotes that close a string whose content starts at ``i``."""
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\\" and quotes[0] == '"':
            i += 2
        elif text.startswith(quotes, i):
            end = i + len(quotes)
            while len(quotes) == 3 and end < n and text[end] == quotes[0] and end - i < 5:
                end += 1
            return end
        elif ch == "\n" and len(quotes) == 1:
            return None
        else:
            i += 1
    return None


# The beginner's mistakes, named in their own words instead of the parser's: an unquoted word
# (status = done), yes/no for true/false, a table opened twice, a key set twice.
_BOOLEAN_WORDS = {"yes", "no", "y", "n", "on", "off", "true", "false"}
_BARE = re.compile(r"[A-Za-z][^#\"'\[\]{}=,]*")
_DECLARED_TWICE = re.compile(r"Cannot declare \((.*)\) twice")
_TABLE = re.compile(r"^\s*\[(\[)?\s*([^\[\]]+?)\s*\]")
_KEY_BEFORE = re.compile(r"([\w-]+|\"[^\"]*\"|'[^']*')\s*=\s*$")  # the key whose value opens here
_KEY_AT = re.compile(r"^\s*([\w-]+|\"[^\"]*\"|'[^']*')\s*=")
_SPACES = re.compile(r"[\s_]+")  # written for the hyphens of a status: "in progress", "needs_review"


def _hint(message: str, lines: list[str], line: int, col: int, allowed: dict) -> str | None:
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    if message == "Invalid value":
        key = _KEY_AT.match(current)
        word = _BARE.match(current, col - 1)
        if word and current[word.end() :].lstrip()[:1] not in ("", "#"):
            word = None  # more than one bare word: not the beginner's mistake
        if key and word:
            value, name = word.group().strip(), key.group(1).strip("\"'")
            if value.lower() in _BOOLEAN_WORDS:
                return f"`{value}` is not a TOML value; write true or false (lower case, no quotes): {name} = " + (
                    "true" if value.lower() in ("yes", "y", "on", "true") else "false"
                )
            table = _TABLE.match(lines[_table_above(lines, line) - 1]) if _table_above(lines, line) else None
            values = allowed.get(f"{table.group(2).replace(' ', '')}.{name}" if table else name, ((), True))[0]
            meant = _meant(value, values)
            if values and not meant:
                return (
                    f"`{value}` needs quotes, and {name} is one of: {', '.join(values)}; write one in quotes, "
                    f'such as {name} = "{values[0]}"'
                )
            return f'`{value}` needs quotes: write {name} = "{meant or value}"'
    declared = _DECLARED_TWICE.fullmatch(message)
    if declared:
        name = ".".join(part.strip().strip("'\"") for part in declared.group(1).split(",") if part.strip())
        first = next(
            (
                n
                for n, text in enumerate(lines[: line - 1], 1)
                if (m := _TABLE.match(text)) and m.group(2).replace(" ", "") == name
            ),
            None,
        )
        if first:
            return (
                f"[{name}] is opened a second time; the first [{name}] is at line {first}: put these keys "
                f"there and delete this header"
            )
    if message == "Cannot overwrite a value":
        key = _KEY_AT.match(current)
        if key:
            name = key.group(1)
            table = _table_above(lines, line)
            first = next(
                (n for n in range(table + 1, line) if (m := _KEY_AT.match(lines[n - 1])) and m.group(1) == name), None
            )
            if first:
                return f"`{name.strip(chr(34) + chr(39))}` is set a second time; it is set at line {first} already: keep one"
    return None


def _meant(word: str, values) -> str | None:
    """The allowed value an unquoted word stands for: the same but for case and the spaces or
    underscores written for hyphens ("in progress" is in-progress), else the closest spelling."""
    import difflib

    wanted = _SPACES.sub("-", word.strip()).casefold()
    by_form = {value.casefold(): value for value in values}
    if wanted in by_form:
        return by_form[wanted]
    close = difflib.get_close_matches(wanted, list(by_form), n=1, cutoff=0.8)
    return by_form[close[0]] if close else None


def _table_above(lines: list[str], line: int) -> int:
    """The number of the line that opens the table ``line`` is in (0: the top level)."""
    return next((n for n in range(line - 1, 0, -1) if _TABLE.match(lines[n - 1])), 0)
