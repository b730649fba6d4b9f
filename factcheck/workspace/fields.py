"""The types a hand-edited value may have, in one vocabulary: `check` tests values with
``fits``, and the JSON Schema that editors validate with states the same with ``json_type``,
so the two cannot drift apart.

The kinds: string, integer, count (a whole number, 0 or more), number, fraction (a number from
0 to 1), boolean, strings (a list of strings), date (a TOML date or date-time such as 2026-01-31,
or text in quotes; `check` then wants YYYY-MM-DD, the schema a pattern of it, or nothing), link
(an http:// or https:// address; link-or-empty: or ""), table (``[name]``), tables
(``[[name]]``). Text kinds whose form `check` checks further (a date, a link) get a pattern in
the schema that accepts the same, short of what a pattern cannot see (a 30 February).
"""

from __future__ import annotations

import datetime as dt

MESSAGES = {
    "string": "`{}` must be a string in quotes",
    "integer": "`{}` must be a whole number",
    "count": "`{}` must be a whole number, 0 or more",
    "number": "`{}` must be a number",
    "fraction": "`{}` must be a number from 0 to 1",
    "boolean": "`{}` must be true or false",
    "strings": "`{}` must be a list of strings",
    "date": "`{}` must be a date, such as 2026-01-31",
    "link": "`{}` must be a string in quotes",
    "link-or-empty": "`{}` must be a string in quotes",
    "table": "`{0}` must be a table ([{0}])",
    "tables": "`{0}` must be tables written as [[{0}]]",
}


# empty, or a date with an optional time, as text: what `check` reads as a date (it also checks
# that the day exists, which a pattern cannot)
_ISO_DATE = r"^(|\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?)?)$"
# an http(s) address with a host and no white space, as `check` wants a link
_LINK = r"[hH][tT][tT][pP][sS]?://[^\s/?#@]\S*"


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def fits(value, kind: str | None) -> bool:
    """Whether ``value``, as tomllib reads it, is of ``kind`` (None: a key with no type yet)."""
    if kind in ("string", "link", "link-or-empty"):  # the form of a link is check's to judge
        return isinstance(value, str)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "count":
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if kind == "number":
        return _number(value)
    if kind == "fraction":
        return _number(value) and 0 <= value <= 1
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "strings":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind == "date":
        return isinstance(value, (str, dt.date))  # a datetime is a date too
    if kind == "table":
        return isinstance(value, dict)
    if kind == "tables":
        return isinstance(value, list) and all(isinstance(v, dict) for v in value)
    return True


def json_type(kind: str | None) -> dict:
    """The JSON Schema for a value of ``kind`` (tables get their properties from the caller).
    A TOML date is ``"format": "date"`` on a string, as TOML language servers read it (a date
    and time "date-time", without an offset "partial-date-time")."""
    return {
        None: {},
        "string": {"type": "string"},
        "integer": {"type": "integer"},
        "count": {"type": "integer", "minimum": 0},
        "number": {"type": "number"},
        "fraction": {"type": "number", "minimum": 0, "maximum": 1},
        "boolean": {"type": "boolean"},
        "strings": {"type": "array", "items": {"type": "string"}},
        "link": {"type": "string", "pattern": f"^{_LINK}$"},
        "link-or-empty": {"type": "string", "pattern": f"^(|{_LINK})$"},
        "date": {
            "anyOf": [
                {"type": "string", "pattern": _ISO_DATE},
                {"type": "string", "format": "date"},
                {"type": "string", "format": "date-time"},
                {"type": "string", "format": "partial-date-time"},
            ]
        },  # a TOML local date-time
        "table": {"type": "object"},
        "tables": {"type": "array", "items": {"type": "object"}},
    }[kind]
