"""Workspace settings: the status list, the rating scale and the rules a workspace checks by.

The defaults below are what a workspace without ``factcheck.toml`` uses.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import Problem
from factcheck.workspace.fields import MESSAGES, fits
from factcheck.workspace.layout import parse_toml

DEFAULT_STATUSES = ("unstarted", "in-progress", "needs-review", "done", "not-checkable")
DEFAULT_FINISHED = ("done", "not-checkable")
# (name, ClaimReview ratingValue on a 1-5 scale; 0 for "unproven", which has no place on it)
DEFAULT_RATINGS = (
    ("true", 5),
    ("mostly-true", 4),
    ("mixed", 3),
    ("mostly-false", 2),
    ("false", 1),
    ("unproven", 0),
)
# Full Fact's claim typology, plus "quote" for direct quotations
CLAIM_TYPES = ("quantity", "prediction", "causation", "rules", "personal", "other", "quote")
CONFIDENCES = ("low", "medium", "high")
SOURCE_KINDS = ("primary", "official-data", "expert", "news", "archive", "claimant")
SOURCE_STANCES = ("supports", "refutes", "context")
CHECK_KINDS = (
    "person",
    "organisation",
    "place",
    "name",
    "number",
    "date",
    "quote",
    "superlative",
    "other",
)


@dataclass(frozen=True)
class Settings:
    statuses: tuple[str, ...] = DEFAULT_STATUSES
    finished: tuple[str, ...] = DEFAULT_FINISHED
    ratings: tuple[tuple[str, int], ...] = DEFAULT_RATINGS
    rating_labels: dict = field(default_factory=dict)
    min_sources_for_done: int = 1
    publisher: dict = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()  # mistakes found in factcheck.toml

    @property
    def rating_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.ratings)

    def label(self, rating: str) -> str:
        """What readers see for a rating (ClaimReview's alternateName, the report): the
        workspace's `label`, else the name written out ("mostly-true" is "Mostly true")."""
        return self.rating_labels.get(rating) or rating.replace("-", " ").capitalize()


SETTINGS_FILE = "factcheck.toml"
SECTIONS = {
    "statuses": ("names", "finished"),
    "ratings": ("name", "label", "value"),
    "rules": ("min_sources_for_done",),
    "publisher": ("name", "url", "logo", "language", "review_url"),
}
# The type of each section and key ("section.key"), in the vocabulary of fields.py: what
# load_settings enforces and the JSON Schema of factcheck.toml states.
SETTINGS_TYPES = {
    "statuses": "table",
    "ratings": "tables",
    "rules": "table",
    "publisher": "table",
    "statuses.names": "strings",
    "statuses.finished": "strings",
    "ratings.name": "string",
    "ratings.label": "string",
    "ratings.value": "number",
    "rules.min_sources_for_done": "count",
    "publisher.name": "string",
    "publisher.url": "link",
    "publisher.logo": "link",
    "publisher.language": "string",
    "publisher.review_url": "string",
}
# keys each entry of a list of tables must have, and lists that must hold at least one entry
SETTINGS_REQUIRED = {"ratings": ("name",)}
SETTINGS_NON_EMPTY = ("statuses.names", "ratings")
# keys whose type is checked on its own (the others are part of their section's message)
_TYPED_ALONE = ("ratings.label", "publisher.name", "publisher.language", "publisher.review_url")


def load_settings(root: Path) -> Settings:
    """``<root>/factcheck.toml`` merged over the defaults; its mistakes become ``problems``.

    A broken settings file never stops a command: the defaults stand in for what is wrong.
    """
    path = root / SETTINGS_FILE
    if not path.exists() and not path.is_symlink():
        return Settings()
    data = _read(path)
    if isinstance(data, Problem):
        return Settings(problems=(data,))
    problems: list[str] = []
    kwargs: dict = {}
    _sections(data, problems)
    _statuses(data.get("statuses", {}), kwargs, problems)
    _ratings(data.get("ratings"), kwargs, problems)
    _rules(data.get("rules", {}), kwargs, problems)
    _publisher(data.get("publisher", {}), kwargs, problems)
    _keys(data, problems)
    return Settings(problems=tuple(Problem(path, None, None, message) for message in problems), **kwargs)


def _read(path: Path) -> dict | Problem:
    """The file parsed, or the one problem that stops it being read at all."""
    from factcheck.files import read_regular

    raw = ""
    try:
        raw = read_regular(path).decode("utf-8-sig")
        return parse_toml(raw)
    except UnicodeDecodeError as exc:
        return Problem(path, None, None, f"not UTF-8 (byte {exc.start}); re-save the file as UTF-8")
    except ValueError as exc:  # tomllib.TOMLDecodeError
        from factcheck.workspace.syntax import toml_syntax_problem  # only a broken file pays for it

        return toml_syntax_problem(path, exc, raw)
    except OSError as exc:  # a folder, a device, a FIFO, too large, unreadable
        return Problem(path, None, None, f"cannot read: {exc.strerror or exc}")


def _sections(data: dict, problems: list[str]) -> None:
    for key in data:
        if key not in SECTIONS:
            close = _close(key, list(SECTIONS), n=1)
            problems.append(f"unknown section `{key}`" + (f"; did you mean `{close[0]}`?" if close else ""))
        elif not fits(data[key], SETTINGS_TYPES[key]):
            problems.append(MESSAGES[SETTINGS_TYPES[key]].format(key))


def _statuses(statuses, kwargs: dict, problems: list[str]) -> None:
    if not isinstance(statuses, dict):
        return
    names = statuses.get("names", list(DEFAULT_STATUSES))
    finished = statuses.get("finished", [n for n in DEFAULT_FINISHED if n in names] if _str_list(names) else [])
    if (
        _str_list(names)
        and names
        and all(names)
        and len(set(names)) == len(names)
        and _str_list(finished)
        and set(finished) <= set(names)
    ):
        kwargs["statuses"], kwargs["finished"] = tuple(names), tuple(finished)
    else:
        problems.append("[statuses] needs `names`, a list of different strings, and `finished`, a list drawn from it")


def _ratings(ratings, kwargs: dict, problems: list[str]) -> None:
    if ratings is None:
        return
    wrong = _ratings_problem(ratings)
    if wrong:
        problems.append(f"[[ratings]] {wrong}")
    else:
        kwargs["ratings"] = tuple((r["name"], r.get("value", 0)) for r in ratings)
        kwargs["rating_labels"] = {r["name"]: r["label"] for r in ratings if r.get("label")}


def _rules(rules, kwargs: dict, problems: list[str]) -> None:
    minimum = rules.get("min_sources_for_done", 1) if isinstance(rules, dict) else 1
    if fits(minimum, "count"):
        kwargs["min_sources_for_done"] = minimum
    else:
        problems.append("[rules] min_sources_for_done must be a whole number, 0 or more")


def _publisher(publisher, kwargs: dict, problems: list[str]) -> None:
    if not isinstance(publisher, dict):
        return
    kwargs["publisher"] = {key: value for key, value in publisher.items() if isinstance(value, str)}
    for key in ("url", "logo"):  # published as links in every review
        value = publisher.get(key)
        if value is not None and not _web_address(value):
            problems.append(f"[publisher] {key} {value!r} is not a web address; use an http:// or https:// link")
    template = publisher.get("review_url")
    wrong = review_url_problem(template) if isinstance(template, str) else None
    if wrong:
        problems.append(f"[publisher] review_url {template!r} {wrong}")
        kwargs["publisher"].pop("review_url")


def _web_address(value) -> bool:
    return (
        isinstance(value, str)
        and value.startswith(("https://", "http://"))
        and bool(value.split("//", 1)[1].strip("/"))
        and value.isprintable()
        and " " not in value
    )


def _keys(data: dict, problems: list[str]) -> None:
    """Unknown keys in each section (with a did-you-mean), and the keys typed on their own."""
    for section, keys in SECTIONS.items():
        tables = data.get(section)
        for table in tables if isinstance(tables, list) else [tables]:
            if not isinstance(table, dict):
                continue
            for key in table:
                if key not in keys:
                    close = _close(key, keys, n=1)
                    hint = f"; did you mean `{close[0]}`?" if close else f"; allowed: {', '.join(keys)}"
                    problems.append(f"unknown key `{key}` in [{section}]{hint}")
                elif f"{section}.{key}" in _TYPED_ALONE and not fits(table[key], SETTINGS_TYPES[f"{section}.{key}"]):
                    problems.append(MESSAGES[SETTINGS_TYPES[f"{section}.{key}"]].format(key) + f" in [{section}]")


def _ratings_problem(ratings) -> str | None:
    """What is wrong with a [[ratings]] scale, or None: each needs a name (a string, each once),
    a finite number for its value (NaN would make the ClaimReview JSON invalid), a string label."""
    if not isinstance(ratings, list) or not ratings or not all(isinstance(r, dict) for r in ratings):
        return "must be tables written as [[ratings]], one for each rating"
    names = [r.get("name") for r in ratings]
    if not all(isinstance(n, str) and n for n in names):
        return "entries need a `name` (string) and a `value` (number)"
    if len(set(names)) != len(names):
        return (
            "names each rating once; " + ", ".join(sorted({n for n in names if names.count(n) > 1})) + " more than once"
        )
    for r in ratings:
        value = r.get("value", 0)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            return f"{r['name']}: `value` must be a number (ClaimReview's ratingValue), not {value!r}"
        if "label" in r and not isinstance(r["label"], str):
            return f"{r['name']}: `label` must be a string in quotes"
    return None


REVIEW_URL_FIELDS = ("url", "article", "number", "id")


def review_url_problem(template: str) -> str | None:
    """What is wrong with a review_url template, or None: only ``{url}``, ``{article}``,
    ``{number}`` and ``{id}``, with no conversion or format (``{0}``, ``{slug}``, a lone ``{``
    and ``{url.__class__}`` would raise, or worse, when the export fills it in)."""
    import string

    try:
        fields = [
            (name, spec, conversion)
            for _, name, spec, conversion in string.Formatter().parse(template)
            if name is not None
        ]
    except ValueError:
        return "is not a template: write a literal { or } as {{ or }}"
    for name, spec, conversion in fields:
        if name not in REVIEW_URL_FIELDS or spec or conversion:
            return (
                f"uses {{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}; "
                "it may use only {url}, {article}, {number} and {id}"
            )
    return None


def _str_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _close(word: str, choices, n: int = 3, cutoff: float = 0.6) -> list[str]:
    """difflib's near matches, imported only when a misspelling needs a suggestion."""
    import difflib

    return difflib.get_close_matches(word, choices, n=n, cutoff=cutoff)
