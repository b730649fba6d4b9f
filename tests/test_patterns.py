"""No regular expression of the package can run away: none nests quantifiers over classes that
overlap, and each one finishes on strings built to make it backtrack, under a cap per pattern
(a hang guard: a linear pattern takes milliseconds; the old furniture pattern took minutes on
a line of years). How time grows with the input is measured in benchmarks/hardening.py."""

from __future__ import annotations

import re

import pytest

from tests.adversarial import (
    Hang,
    all_patterns,
    brief_strings,
    cap,
    nested_quantifiers,
    re_calls_outside_constants,
    strings_for,
)

PATTERNS = all_patterns()
CAP = 10.0  # seconds for one pattern's whole set of strings
SHORT = 2_000  # characters: enough for a pattern that backtracks exponentially to never finish
LONG = 30_000  # the runs (digits, years, spaces, ...) at this length
# The pattern of skips._FURNITURE that took 164 s on "2013 2014 ... 2022" (kept as the detectors' control)
OLD_FURNITURE_NUMBERS = r"^(?:(?:\d[\d,.]*k?\ ?)+(?:comments?|repl(?:y|ies))(?:\W*$|\W+(?:click|view)\b))"


def run_all(pattern: re.Pattern, strings: dict) -> str | None:
    """Every match of ``pattern`` in each string; the label of the string it hung on, or None."""
    label = None
    try:
        with cap(CAP):
            for _label, text in strings.items():
                for _ in pattern.finditer(text):
                    pass
    except Hang:
        return label
    return None


def test_every_pattern_is_collected():
    assert re_calls_outside_constants() == []  # a pattern compiled inside a function would be missed
    for name in (
        "extraction.skips._FURNITURE",
        "reading.markdown._EMPHASIS",
        "extraction.statements._FUTURE._phrases",
        "reading.webpage._CHARSET",
        "extraction.sentences.marker_pattern()#0",
        "extraction.checks._CAPITALISED",
    ):
        assert name in PATTERNS


def test_the_detectors_catch_the_old_furniture_pattern():
    old = re.compile(OLD_FURNITURE_NUMBERS, re.I | re.X)
    assert nested_quantifiers(old)
    line = " ".join(str(year) for year in range(1990, 2023))
    try:
        with cap(1.0):
            old.match(line)
        hung = False
    except Hang:
        hung = True
    assert hung


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_nested_quantifiers_over_overlapping_classes(name):
    assert nested_quantifiers(PATTERNS[name]) == []


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_finishes_on_adversarial_strings(name):
    pattern = PATTERNS[name]
    strings = strings_for(pattern, SHORT)
    hung = run_all(pattern, strings)
    assert hung is None, f"{name} ran past {CAP} s on {hung}"
    long = brief_strings(LONG)
    if isinstance(pattern.pattern, bytes):
        long = {k: v.encode("utf-8") for k, v in long.items()}
    hung = run_all(pattern, long)
    assert hung is None, f"{name} ran past {CAP} s on {hung} ({LONG} characters)"
