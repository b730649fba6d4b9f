"""Check-worthiness: a small logistic regression over words and the named rule features.

The weights (``data/checkworthiness.json``) are trained by ``scripts/train_checkworthiness.py``
on the ClaimBuster crowdsourced sentences (see the README for source and licence); scoring is
plain Python, a few microseconds a sentence. Every score comes with its reasons: the rule
features that moved it and the words that moved it most.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).parent / "data" / "checkworthiness.json"
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"\b\w\w+\b")
TOP_WORDS = 3  # words named in the reasons
# Words the model weighs but a checker learns nothing from when they are named as a reason.
QUIET_WORDS = frozenset(
    "a an the and or but if of to in on at by for from with as is are was were be been being has have "
    "had do does did it its this that these those there here which who whom whose what when where "
    "how why than then so not no can could will would may might must shall should he she they we "
    "you i me him her them us our your his their my into about over after before up down out".split()
)


def tokens(text: str) -> list[str]:
    """Words as the model sees them: lower case, every digit a 0 ("2017" -> "0000")."""
    low = text.lower().replace("’", "'")
    return _TOKEN.findall(_DIGIT.sub("0", low) if _DIGIT.search(low) else low)


@lru_cache(maxsize=1)
def model() -> dict:
    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))


def word_vector(text: str, vocabulary: dict, text_tokens: list[str] | None = None) -> dict[str, float]:
    """tf-idf with sublinear tf and unit length, as scikit-learn's TfidfVectorizer makes it;
    ``text_tokens`` is ``tokens(text)`` when the caller has it. (A plain loop: this runs for
    every sentence and Counter costs twice as much.)"""
    weights: dict[str, float] = {}
    for t in tokens(text) if text_tokens is None else text_tokens:
        entry = vocabulary.get(t)
        if entry is not None:
            weights[t] = weights.get(t, 0) + 1
    for w, n in weights.items():
        weights[w] = (1 + math.log(n) if n > 1 else 1.0) * vocabulary[w][0]
    norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
    return {w: v / norm for w, v in weights.items()}


def contributions(
    text: str, rule_features: set[str], text_tokens: list[str] | None = None
) -> tuple[float, dict[str, float], dict[str, float]]:
    """The model's bias, and what each word and each rule feature adds to the log-odds;
    ``text_tokens`` is ``tokens(text)`` when the caller has it."""
    m = model()
    vocabulary = m["words"]
    words = {w: v * vocabulary[w][1] for w, v in word_vector(text, vocabulary, text_tokens).items()}
    rules = {f: m["rules"][f] for f in rule_features if f in m["rules"]}
    return m["bias"], words, rules


def probability(text: str, rule_features: set[str]) -> float:
    bias, words, rules = contributions(text, rule_features)
    total = bias + sum(words.values()) + sum(rules.values())
    return 1 / (1 + math.exp(-total))
