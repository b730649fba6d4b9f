"""Hang guards: `init --dry-run --json` on long lines built to make a text pipeline go
super-linear (a line of years, a run of spaces or digits, Markdown emphasis that never closes,
one sentence with no end) finishes far within a generous cap, and accounts for every piece of
the text. Each input is 200 KB; `benchmarks/hardening.py` measures them at 1 MB against news."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.reading.article import normalise

from .adversarial import Hang, cap, one_long_sentence
from .conftest import EXAMPLE

SIZE = 200_000
CAP = 60.0  # seconds; each takes well under one (the line of years took minutes before)


INPUTS = {
    "years.txt": lambda: " ".join(str(2013 + i % 10) for i in range(SIZE // 5)),
    "spaces.txt": lambda: "Word" + " " * SIZE + "word",
    "digits.txt": lambda: "7" * SIZE,
    "emphasis.md": lambda: "**a " * (SIZE // 4),
    "emphasis.txt": lambda: "**a " * (SIZE // 4),
    "fences.md": lambda: "```x\n" * (SIZE // 5),
    "links.md": lambda: "[a](" * (SIZE // 4),
    "no-sentence-end.txt": lambda: one_long_sentence(EXAMPLE.read_text(encoding="utf-8"), SIZE),
    "capitals.txt": lambda: "A" * SIZE,
    "capital-words.txt": lambda: "Aa " * (SIZE // 3),
    "quotes.txt": lambda: "“" * SIZE,
    "apostrophes.txt": lambda: "a'" * (SIZE // 2),
    "punctuation.txt": lambda: ".,;:!?-" * (SIZE // 7),
    "tabs-and-spaces.txt": lambda: "a" + " \t" * (SIZE // 2) + "a",
}


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_init_finishes_on_long_adversarial_lines(tmp_path, name):
    text = INPUTS[name]() + "\n"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    try:
        with cap(CAP):
            result = CliRunner().invoke(
                app, ["init", str(path), "--dry-run", "--json", "--dir", str(tmp_path / "ws")], catch_exceptions=False
            )
    except Hang:
        pytest.fail(f"init ran past {CAP} s on {name}")
    if result.exit_code != 0:  # only a clear one-line refusal would do
        assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, result.stderr
        return
    data = json.loads(result.stdout)
    if name.endswith(".md"):
        return  # Markdown is stripped of its marks: offsets index the text without them
    clean = normalise(text)
    pieces = data["statements"] + data["skipped"]
    covered = bytearray(len(clean))
    for piece in pieces:
        assert clean[piece["start"] : piece["end"]] == piece["text"]
        covered[piece["start"] : piece["end"]] = b"\x01" * (piece["end"] - piece["start"])
    assert all(covered[i] or ch.isspace() for i, ch in enumerate(clean))
