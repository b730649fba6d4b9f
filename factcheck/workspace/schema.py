"""JSON Schemas for worksheets and ``factcheck.toml``, so TOML editors (tombi, Taplo / Even
Better TOML and others) validate and complete fields offline as a person types.

Both are generated from what `check` itself uses: the key tuples and ``KEY_TYPES`` of
``worksheet``, the sections of ``settings``, the type vocabulary of ``fields``, and the
workspace's own statuses and ratings. They live at the workspace's top, beside
``factcheck.toml``, so they travel with it through git, and each worksheet's first line points
at its schema by a relative path that works in every clone.
"""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.errors import WARNING, Problem
from factcheck.workspace.fields import json_type
from factcheck.workspace.settings import (
    SECTIONS,
    SETTINGS_FILE,
    SETTINGS_NON_EMPTY,
    SETTINGS_REQUIRED,
    SETTINGS_TYPES,
    Settings,
)
from factcheck.workspace.worksheet import KEY_TYPES, REQUIRED, SCHEMA_FILE, SCHEMA_LINE, TOP_KEYS, allowed_values
from factcheck.workspace.worksheet import SECTIONS as SHEET_SECTIONS

SETTINGS_SCHEMA_FILE = "factcheck.schema.json"
SETTINGS_SCHEMA_LINE = f"#:schema ./{SETTINGS_SCHEMA_FILE}"
DRAFT = "http://json-schema.org/draft-07/schema#"

# What editors show on hover; keys without one still validate.
_HELP = {
    "schema": "Worksheet format version (filled by factcheck).",
    "text": "The statement exactly as in the article (filled by factcheck); leave it alone.",
    "claim": "Your self-contained rewording (under 75 characters suits ClaimReview).",
    "claimant": "Who made the claim, as the article attributes it.",
    "types": "Full Fact's claim typology, plus quote for direct quotations.",
    "priority": "Check-worthiness from 0 to 1 (filled by factcheck); 0.5 or more is worth a checker's time.",
    "reasons": "What raised or lowered the priority (filled by factcheck).",
    "status": "Where the checking has got (the workspace's statuses).",
    "assignee": "Who is checking it.",
    "reviewer": "Who reviews the verdict.",
    "notes": "Anything; multi-line strings are fine.",
    "verdict": "The verdict: a rating from the workspace's scale, a conclusion, a confidence.",
    "verdict.rating": "The rating (when done); empty until there is one.",
    "verdict.conclusion": "One sentence: what the evidence shows.",
    "verdict.confidence": "How sure the verdict is.",
    "verdict.date": "The day you reached the verdict, YYYY-MM-DD (published as its date).",
    "location": "Where the statement is in the article (filled by factcheck); none when it came from elsewhere.",
    "location.version": "The article text these offsets index (versions/<version>.txt once updated).",
    "location.start": "Article text[start:end] is the statement.",
    "checks": "Each name, number, date, quote and place in the statement to confirm.",
    "checks.done": "true once confirmed.",
    "sources": "One table per source consulted.",
    "sources.url": "The source's address: an http:// or https:// link.",
    "sources.accessed": "The day you consulted it, YYYY-MM-DD.",
    "earlier": "Earlier wordings of the statement (written by init when the article changed).",
    "earlier.confirmed": "true once you have checked the verdict holds for the new wording.",
    "earlier.comment": "The comment that was after `text` when init reworded it (it stays on that line).",
    "checked_before": "Earlier checks this statement looks like (written by init; factcheck show lists the latest).",
    "checked_before.score": "How alike, 0 to 1: cosine of sentence vectors, or weighted word overlap.",
}


def worksheet_schema(settings: Settings) -> dict:
    """The JSON Schema of a worksheet in a workspace with these settings."""
    allowed = allowed_values(settings)
    properties = {}
    for key in TOP_KEYS:
        kind = KEY_TYPES.get(key)
        if key in SHEET_SECTIONS:
            table = _object(key, SHEET_SECTIONS[key], allowed)
            properties[key] = table if kind == "table" else {"type": "array", "items": table}
        else:
            properties[key] = _value(key, allowed)
        if key in _HELP:
            properties[key]["description"] = _HELP[key]
    return {
        "$schema": DRAFT,
        "title": "factcheck worksheet",
        "description": "One statement to check. `factcheck check` validates this and more "
        "(a verdict needs sources, the text must be at its offsets).",
        "type": "object",
        "properties": properties,
        "required": list(REQUIRED[""]),
        "additionalProperties": False,
    }


def _object(section: str, keys: tuple[str, ...], allowed: dict) -> dict:
    properties = {key: _value(f"{section}.{key}", allowed) for key in keys}
    table = {"type": "object", "properties": properties, "additionalProperties": False}
    if section in REQUIRED:
        table["required"] = list(REQUIRED[section])
    return table


def _value(name: str, allowed: dict) -> dict:
    schema = dict(json_type(KEY_TYPES.get(name)))
    if name in allowed:
        names, may_be_empty = allowed[name]
        values = ([""] if may_be_empty else []) + list(names)
        if schema.get("type") == "array":
            schema["items"] = {"type": "string", "enum": values}
        else:
            schema["enum"] = values
    if name in _HELP:
        schema["description"] = _HELP[name]
    return schema


_SETTINGS_HELP = {
    "statuses": "The workflow statuses worksheets may take (they replace the defaults).",
    "statuses.names": "Every status, in the order of the work.",
    "statuses.finished": "The statuses that count as progress, drawn from names.",
    "ratings": "The rating scale: one table per rating (they replace the defaults).",
    "ratings.name": "The rating as worksheets write it.",
    "ratings.label": "How exports show it.",
    "ratings.value": "The ClaimReview ratingValue (0: no place on the scale).",
    "rules.min_sources_for_done": "Fewer sources on a finished worksheet is a warning.",
    "publisher": "Who publishes the ClaimReview export: name and url are required there.",
    "publisher.review_url": "Where each review is published, such as {url}/checks/{article}/{number}.",
}


def settings_schema() -> dict:
    """The JSON Schema of ``factcheck.toml``."""
    properties = {}
    for section, keys in SECTIONS.items():
        table = {
            "type": "object",
            "properties": {
                key: _described(json_type(SETTINGS_TYPES.get(f"{section}.{key}")), f"{section}.{key}") for key in keys
            },
            "additionalProperties": False,
        }
        if section in SETTINGS_REQUIRED:
            table["required"] = list(SETTINGS_REQUIRED[section])
        for key in keys:
            if f"{section}.{key}" in SETTINGS_NON_EMPTY:
                table["properties"][key]["minItems"] = 1
        if SETTINGS_TYPES[section] == "tables":
            table = {"type": "array", "items": table}
            if section in SETTINGS_NON_EMPTY:
                table["minItems"] = 1
        properties[section] = _described(table, section)
    return {
        "$schema": DRAFT,
        "title": "factcheck workspace settings",
        "description": "Statuses, rating scale, rules and publisher of a factcheck workspace.",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }


def _described(schema: dict, name: str) -> dict:
    schema = dict(schema)
    if name in _SETTINGS_HELP:
        schema["description"] = _SETTINGS_HELP[name]
    return schema


def dumps(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_files(root: Path, settings: Settings) -> dict[Path, str]:
    """The schema files a workspace should hold, with their contents."""
    return {
        root / SCHEMA_FILE: dumps(worksheet_schema(settings)),
        root / SETTINGS_SCHEMA_FILE: dumps(settings_schema()),
    }


def outdated(root: Path, settings: Settings) -> list[Path]:
    """The workspace's schema files that differ from what its settings make (a file that is
    not there is not outdated: only `init`, `add` and `factcheck schema` write them)."""
    out = []
    for path, text in schema_files(root, settings).items():
        try:
            if _read(path) != text:
                out.append(path)
        except FileNotFoundError:
            pass
        except OSError:  # not UTF-8, not a regular file (files.read_utf8)
            out.append(path)
    return out


def schema_problems(root: Path, settings: Settings) -> list[Problem]:
    """A warning for each schema file editors would validate with that `check` disagrees with.
    None while ``factcheck.toml`` has a mistake: the schema is made from its statuses and
    ratings, so the advice is to fix it first (its problems say so), not to rewrite the schema."""
    if settings.problems:
        return []
    return [
        Problem(
            path,
            None,
            None,
            "out of date with factcheck.toml or with this version of factcheck; `factcheck schema` rewrites it",
            WARNING,
        )
        for path in outdated(root, settings)
    ]


def write_schemas(root: Path, settings: Settings) -> list[Path]:
    """Write the schema files that are missing or differ; returns those written. They are the
    tool's own (generated), so they are replaced, never a person's file. Nothing is written
    while ``factcheck.toml`` has a mistake: the defaults that stand in for it would make every
    editor flag the team's own statuses and ratings."""
    from factcheck.workspace.writes import write_replace

    if settings.problems:
        return []
    written = []
    for path, text in schema_files(root, settings).items():
        try:
            same = _read(path) == text
        except OSError:
            same = False
        if not same:
            write_replace(path, text)
            written.append(path)
    return written


def _read(path: Path) -> str:
    from factcheck.files import MAX_TOML_BYTES, read_utf8

    return read_utf8(path, MAX_TOML_BYTES)


def schema_line(path: Path) -> str:
    """The ``#:schema`` line a file of the workspace should start with."""
    return SETTINGS_SCHEMA_LINE if path.name == SETTINGS_FILE else SCHEMA_LINE


def lacks_line(path: Path) -> bool:
    """Whether a worksheet or ``factcheck.toml`` has no ``#:schema`` line at its top."""
    from factcheck.files import read_regular

    try:
        head = read_regular(path)[:4096].decode("utf-8-sig", errors="replace")
    except OSError:  # a device or a FIFO given a worksheet's name: nothing to add a line to
        return False
    return not head.lstrip().startswith("#:schema")


def add_line(path: Path) -> None:
    """Put the ``#:schema`` line above the first line of ``path``; every character after it
    stays as it was (a byte-order mark stays first; the file's own line ending is used).
    Raises UnicodeDecodeError for a file that is not UTF-8."""
    from factcheck.files import read_regular
    from factcheck.workspace.writes import write_replace

    text = read_regular(path).decode("utf-8")
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    newline = "\r\n" if body.split("\n", 1)[0].endswith("\r") else "\n"
    write_replace(path, bom + schema_line(path) + newline + body)


def files_without_line(root: Path) -> list[Path]:
    """The worksheets (and ``factcheck.toml``) of the workspace with no ``#:schema`` line."""
    from factcheck.workspace.layout import article_dirs, worksheet_paths

    files = [p for folder in article_dirs(root) for p in worksheet_paths(folder)]
    if (root / SETTINGS_FILE).is_file():
        files.append(root / SETTINGS_FILE)
    return [p for p in files if lacks_line(p)]
