"""What the fuzz tests throw at factcheck and what they require of it, shared by
tests/test_fuzz.py (a bounded run in every test session) and benchmarks/fuzz.py (a long run that
counts cases and failures).

Two properties:
- ``init --dry-run --json`` on any text: a JSON answer in which every non-whitespace character
  of the normalised text is in exactly one statement or skipped entry, at exact offsets; or a
  one-line refusal (empty input, binary bytes).
- ``check``, ``status``, ``show`` and ``export`` on a workspace holding any worksheet bytes or
  shape (random bytes, a real worksheet mutated, generated TOML nested deep, odd numbers and
  control characters): each ends with its answer or with one line and exit 1; never a
  traceback, never a hang.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import tomli_w
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.reading.article import normalise
from factcheck.workspace.worksheet import TOP_KEYS

from .adversarial import Hang, cap

CASE_CAP = 30.0  # seconds for one case: a hang guard (a case takes well under one)

# --------------------------------------------------------------------------------------------
# Text for init

_PIECES = [
    "2013 2014 2015 2016 2017 2018 2019 2020 2021 2022",
    " " * 50,
    "7" * 40,
    "**a " * 10,
    "[a](",
    "```x\n",
    "“",
    "”",
    '"',
    "'",
    "’",
    "U.S.",
    "Mr.",
    "a.m.",
    "Jan. 6",
    "$100mn",
    "3.5%",
    "50,000",
    "1.",
    "2)",
    "•",
    "Kirby said",
    ", said John Kirby.",
    "according to the Pentagon",
    "The White House",
    "North Korea",
    "?",
    "!",
    "...",
    " . . .",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\x85",
    "\u2028",
    "\u2029",
    "\u00a0",
    "\u200b",
    "\x1b[31m",
    "\x07",
    "\u202e",
    "é",
    "Ž",
    "İ",
    "ß",
    "中文。",
    "😀",
    "<p>",
    "# ",
    "> ",
    "- ",
    "https://x.org/a",
    "Source link",
    "Leave a Reply",
    "Read more",
    "Share this",
    "By Jane Doe",
    "Photo: Reuters",
    "Updated 2 hours ago",
    "Sen. Elizabeth Warren",
    "Lt. Col. Alexander Vindman",
    "in 2019",
    "on March 3",
    "the largest",
    "a record high",
]
WORDS = st.sampled_from(
    [
        "the",
        "a",
        "said",
        "council",
        "fines",
        "rose",
        "by",
        "in",
        "March",
        "Wagner",
        "Kirby",
        "is",
        "of",
        "and",
        "40%",
        "£2m",
        "million",
        "report",
        "Thursday",
        "police",
    ]
)
SENTENCE = st.lists(WORDS, min_size=1, max_size=14).map(lambda w: " ".join(w).capitalize() + ".")
TEXTS = st.lists(st.one_of(st.sampled_from(_PIECES), SENTENCE, st.text(max_size=30)), max_size=25).map("".join)


def check_init_text(text: str, root: Path, name: str = "article.txt") -> None:
    """``init FILE --dry-run --json`` on ``text`` (written as UTF-8, surrogates escaped): the
    nothing-lost property, or a one-line refusal."""
    path = root / name
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    result = _invoke(["init", str(path), "--dry-run", "--json", "--dir", str(root / "ws")])
    if result.exit_code != 0:
        _one_line_error(result)
        return
    data = json.loads(result.stdout)
    clean = normalise(text.encode("utf-8", "surrogatepass").decode("utf-8", "replace"))
    owner = [0] * len(clean)
    for piece in data["statements"] + data["skipped"]:
        start, end = piece["start"], piece["end"]
        assert 0 <= start < end <= len(clean), piece
        assert clean[start:end] == piece["text"], (clean[start:end], piece)
        for i in range(start, end):
            owner[i] += 1
    for i, ch in enumerate(clean):
        if not ch.isspace():
            assert owner[i] == 1, (i, ch, owner[i], clean[max(0, i - 20) : i + 20])


# --------------------------------------------------------------------------------------------
# Worksheets for check, status, show and export

SMALL = (
    "Council raises parking fines\n\n"
    "The city council raised parking fines by 40% in March, the mayor said.\n\n"
    "Councillor Ann Lee said the change would bring in £2m a year.\n"
)
SETTINGS = '[publisher]\nname = "Example Fact Check"\nurl = "https://example.org"\n'

SCALARS = st.one_of(
    st.text(max_size=20),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.datetimes(timezones=st.just(dt.UTC)),
    st.sampled_from(
        [
            "done",
            "true",
            "unstarted",
            "https://example.org",
            "javascript:alert(1)",
            "\x1b[31m",
            "{slug}",
            "2026-11-30",
            "",
            "\u202e",
            "a\x85b\u2028c",
        ]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=12,
)
# every top-level key, and some of the tables' keys out of place
KEYS = st.sampled_from([*TOP_KEYS, "rating", "start", "end", "before", "after", "version", "url", "done", "x"])
SHAPES = st.dictionaries(KEYS, VALUES, max_size=8)


def _deep(depth: int) -> bytes:
    return b"notes = " + b"[" * depth + b"1" + b"]" * depth + b"\n"


def sheet_bytes(template: bytes):
    """Worksheet contents: random bytes; the template with bytes replaced, cut or repeated; a
    generated shape as TOML over the template's values; deep nesting; odd encodings."""
    mutated = st.tuples(st.integers(0, len(template)), st.integers(0, 200), st.binary(max_size=40)).map(
        lambda t: template[: t[0]] + t[2] + template[t[0] + t[1] :]
    )
    return st.one_of(
        st.binary(max_size=300),
        mutated,
        st.lists(mutated, min_size=1, max_size=1).map(lambda m: m[0][: len(m[0]) // 2]),  # cut half-way
        SHAPES.map(lambda shape: _toml(shape)),
        st.integers(20, 400).map(lambda d: template + _deep(d)),
        st.sampled_from(
            [
                template.replace(b"\n", b"\r\n"),
                b"\xef\xbb\xbf" + template,
                template.decode().encode("utf-16"),
                template + b"\x00",
                template.replace(b"said", b"s\xe9id"),
            ]
        ),
    )


def _toml(shape: dict) -> bytes:
    try:
        return tomli_w.dumps(shape).encode("utf-8", "surrogatepass")
    except (TypeError, ValueError):
        return repr(shape).encode("utf-8", "surrogatepass")  # not TOML at all: as good a case


def make_workspace(folder: Path) -> tuple[Path, Path]:
    """A small workspace with settings for ClaimReview; returns (root, the worksheet to fuzz)."""
    article = folder / "small.txt"
    article.write_text(SMALL, encoding="utf-8")
    root = folder / "worksheets"
    result = CliRunner().invoke(app, ["init", str(article), "--dir", str(root)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    (root / "factcheck.toml").write_text(SETTINGS, encoding="utf-8")
    sheets = sorted((root / "council-raises-parking-fines").glob("02-*.toml"))
    return root, sheets[0]


COMMANDS = [
    ["check"],
    ["check", "--json"],
    ["status"],
    ["status", "--json"],
    ["show", "02"],
    ["export"],
    ["export", "-f", "json"],
    ["export", "-f", "csv"],
    ["export", "-f", "claimreview"],
]


def check_commands_on_sheet(root: Path, sheet: Path, content: bytes, no_index: bool = False) -> None:
    """Every reading command on a workspace whose worksheet ``sheet`` holds ``content``: an answer,
    or exit 1 with what is wrong on stderr; never a traceback or a hang."""
    sheet.write_bytes(content)
    for command in COMMANDS:
        args = [*command, "--dir", str(root)] + (["--no-index"] if no_index else [])
        result = _invoke(args)
        assert result.exit_code in (0, 1), (command, result.exit_code, result.stderr[-500:])
        if command[-1] == "--json" or command[:3] == ["export", "-f", "json"]:
            if result.exit_code == 0 or command[0] == "check":
                json.loads(result.stdout)
        if result.exit_code == 1 and command[0] != "check":
            assert result.stderr.strip(), command
            last = result.stderr.rstrip("\n").split("\n")[-1]
            assert last.startswith("Error: ") or ": error: " in last, (command, last)
        for stream in (result.stdout, result.stderr):
            assert "\x1b" not in stream and "Traceback" not in stream, command


def reset(template_root: Path, root: Path) -> None:
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(template_root, root)


# --------------------------------------------------------------------------------------------


def _invoke(args: list[str]):
    try:
        with cap(CASE_CAP):
            return CliRunner().invoke(app, args, catch_exceptions=False)
    except Hang:
        raise AssertionError(f"`factcheck {' '.join(args)}` ran past {CASE_CAP} s") from None


def _one_line_error(result) -> None:
    lines = [line for line in result.stderr.split("\n") if line and not line.startswith("Notice: ")]
    assert result.exit_code == 1, result.exit_code
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
