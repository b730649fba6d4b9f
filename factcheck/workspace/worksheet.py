"""The worksheet file: one statement to check, as TOML a person edits by hand.

The tool writes a worksheet once (comment header + values) and afterwards only reads it.
tomli-w serialises every value, so whatever is written reads back with ``tomllib`` to the
same values; the comments are plain lines around those values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from factcheck.workspace.settings import CHECK_KINDS, CLAIM_TYPES, CONFIDENCES, SOURCE_KINDS, SOURCE_STANCES, Settings

if TYPE_CHECKING:
    from factcheck.extraction.statements import Statement

SCHEMA = 1
MAX_STEM_WORDS = 6
MAX_STEM = 40
CONTEXT_CHARS = 200

# Keys a worksheet may hold, in the order they are written (the validator checks against them).
TOP_KEYS = (
    "schema",
    "text",
    "claim",
    "claimant",
    "types",
    "priority",
    "reasons",
    "status",
    "assignee",
    "reviewer",
    "notes",
    "verdict",
    "location",
    "checks",
    "sources",
    "earlier",
    "checked_before",
)
VERDICT_KEYS = ("rating", "conclusion", "confidence", "date")
LOCATION_KEYS = ("version", "paragraph", "start", "end", "before", "after")
CHECK_KEYS = ("kind", "what", "done", "note")
SOURCE_KEYS = ("url", "title", "kind", "stance", "accessed", "note")
# An earlier wording of the statement (written by init when the article changed): its text and
# version, the rating it had then, which is published again only once ``confirmed = true``, and
# the comment a person had written after ``text`` (kept on the line: ``check`` asks about it).
EARLIER_KEYS = ("text", "version", "rating", "confirmed", "note", "comment")
# an earlier check the statement looks like, recorded by init (factcheck.library.search.record)
CHECKED_KEYS = ("kind", "id", "url", "text", "rating", "status", "publisher", "date", "score")
SECTIONS = {
    "verdict": VERDICT_KEYS,
    "location": LOCATION_KEYS,
    "checks": CHECK_KEYS,
    "sources": SOURCE_KEYS,
    "earlier": EARLIER_KEYS,
    "checked_before": CHECKED_KEYS,
}

# The type of every key's value ("section.key" inside a table), in the vocabulary of fields.py:
# `check` enforces it and the JSON Schema states it. A key with no type takes any value.
KEY_TYPES = {
    "schema": "integer",
    "text": "string",
    "claim": "string",
    "claimant": "string",
    "types": "strings",
    "priority": "fraction",
    "reasons": "strings",
    "status": "string",
    "assignee": "string",
    "reviewer": "string",
    "notes": "string",
    "verdict": "table",
    "location": "table",
    "checks": "tables",
    "sources": "tables",
    "earlier": "tables",
    "verdict.rating": "string",
    "verdict.conclusion": "string",
    "verdict.confidence": "string",
    "verdict.date": "date",
    "location.version": "string",
    "location.paragraph": "integer",
    "location.start": "integer",
    "location.end": "integer",
    "location.before": "string",
    "location.after": "string",
    "checks.kind": "string",
    "checks.what": "string",
    "checks.done": "boolean",
    "checks.note": "string",
    "sources.url": "link-or-empty",
    "sources.title": "string",
    "sources.kind": "string",
    "sources.stance": "string",
    "sources.accessed": "date",
    "sources.note": "string",
    "earlier.text": "string",
    "earlier.version": "string",
    "earlier.rating": "string",
    "earlier.confirmed": "boolean",
    "earlier.note": "string",
    "earlier.comment": "string",
    "checked_before": "tables",
    "checked_before.kind": "string",
    "checked_before.id": "string",
    "checked_before.url": "string",
    "checked_before.text": "string",
    "checked_before.rating": "string",
    "checked_before.status": "string",
    "checked_before.publisher": "string",
    "checked_before.date": "string",
    "checked_before.score": "fraction",
}
REQUIRED = {"": ("text", "status"), "location": ("version", "start", "end")}

# Where the workspace's JSON Schema for worksheets lives, and the first line of every worksheet
# that points TOML editors at it (relative, so it works in every clone of a shared workspace).
SCHEMA_FILE = "worksheet.schema.json"
SCHEMA_LINE = f"#:schema ../{SCHEMA_FILE}"


def allowed_values(settings: Settings) -> dict[str, tuple[tuple[str, ...], bool]]:
    """The values a key may take, and whether it may be left empty (""): what `check`
    enforces and the JSON Schema lists. ``types`` is a list: each item must be allowed."""
    return {
        "status": (settings.statuses, False),
        "types": (CLAIM_TYPES, False),
        "verdict.rating": (settings.rating_names, True),
        "verdict.confidence": (CONFIDENCES, True),
        "checks.kind": (CHECK_KINDS, True),
        "sources.kind": (SOURCE_KINDS, True),
        "sources.stance": (SOURCE_STANCES, True),
    }


_COMMENTS = {
    "claim": "your self-contained rewording (under 75 characters suits ClaimReview)",
    "claimant": "who made the claim, as the article attributes it",
    "priority": "check-worthiness, 0 to 1, with the reasons below (filled by factcheck)",
    "assignee": "who is checking it",
    "reviewer": "who reviews the verdict",
    "conclusion": "one sentence: what the evidence shows",
    "confidence": " | ".join(CONFIDENCES),
    "date": "the day you reached the verdict, YYYY-MM-DD (published as its date)",
    "version": "the article text these offsets index (versions/<version>.txt once updated)",
    "start": "article text[start:end] is the text above",
}


_TABLE_COMMENTS = {
    "checks": "  # each name, number, date, quote and place to confirm",
    "checked_before": "  # filled by init (tool-owned): an earlier check this looks like",
}


class Context(NamedTuple):
    """Where a statement sits: the article version and the sentences around it."""

    version: str
    before: str
    after: str


def stem(number: int, text: str, width: int = 2) -> str:
    """``07-kirby-said-the-us-would-impose``: a number, then the statement's first words."""
    from factcheck.reading.article import ascii_words  # only init and add name files

    words = ascii_words(text)
    tail = ""
    for word in words[:MAX_STEM_WORDS]:
        candidate = f"{tail}-{word}" if tail else word
        if len(candidate) > MAX_STEM:
            break
        tail = candidate
    return f"{number:0{width}d}-{tail}" if tail else f"{number:0{width}d}"


def location(statement: Statement, context: Context) -> dict:
    """The [location] table: where ``statement`` stands in the article text of one version."""
    return {
        "version": context.version,
        "paragraph": statement.paragraph,
        "start": statement.start,
        "end": statement.end,
        "before": context.before,
        "after": context.after,
    }


def new_worksheet(statement: Statement, context: Context, checked_before: list[dict] | None = None) -> dict:
    """The values of a fresh worksheet for ``statement``; ``checked_before`` lists the earlier
    checks it looks like (left out when there are none)."""
    values = {
        "schema": SCHEMA,
        "text": statement.text,
        "claim": "",
        "claimant": statement.claimant,
        "types": list(statement.types),
        "priority": statement.priority,
        "reasons": list(statement.reasons),
        "status": "unstarted",
        "assignee": "",
        "reviewer": "",
        "notes": "",
        "verdict": {"rating": "", "conclusion": "", "confidence": "", "date": ""},
        "location": location(statement, context),
        "checks": [{"kind": c.kind, "what": c.what, "done": False} for c in statement.checks],
    }
    if checked_before:
        values["checked_before"] = checked_before
    return values


def render(values: dict, settings: Settings) -> str:
    """The file text for a worksheet: comment header, then every value written by tomli-w."""
    lines = [
        SCHEMA_LINE,
        "# factcheck worksheet: one statement to check. Edit freely; `factcheck check` validates.",
        "# status: " + " | ".join(settings.statuses),
        "# rating (when done): " + " | ".join(settings.rating_names),
        "# types: " + " | ".join(CLAIM_TYPES),
    ]
    tables = {}
    for key, value in values.items():
        if isinstance(value, dict) or (isinstance(value, list) and value and isinstance(value[0], dict)):
            tables[key] = value
            continue
        lines.append(_line(key, value))
    for key, table in tables.items():
        if isinstance(table, dict):
            lines += ["", f"[{key}]"] + [_line(k, v) for k, v in table.items()]
            continue
        comment = _TABLE_COMMENTS.get(key, "")
        for i, entry in enumerate(table):
            lines += ["", f"[[{key}]]" + (comment if i == 0 else "")]
            lines += [_line(k, v) for k, v in entry.items()]
    if "sources" not in tables:
        lines += [
            "",
            "# [[sources]]         # add one table per source consulted",
            '# url = "https://..."',
            '# title = ""',
            '# kind = "primary"    # ' + " | ".join(SOURCE_KINDS),
            '# stance = "supports" # ' + " | ".join(SOURCE_STANCES),
            '# accessed = "2026-01-31"',
            '# note = ""',
        ]
    return "\n".join(lines) + "\n"


def _line(key: str, value) -> str:
    import tomli_w  # only writing commands need it

    line = tomli_w.dumps({key: value}).rstrip("\n")
    comment = _COMMENTS.get(key)
    return f"{line}  # {comment}" if comment else line
