"""Word lists looked up in a sentence's set of words instead of searched by a regex each.

A regex such as ``\\b(?:more|less|fewer)\\b`` tries its alternatives at every position of every
sentence; splitting the sentence into words once (the pass the priority model makes anyway)
and asking a set is several times cheaper, and gives the same answers: a run of word
characters is a word exactly where ``\\b...\\b`` would match one. Phrases ("due to") keep a
regex, run only when the phrase's longest word is in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


class WordList:
    """Words (``"law laws"``), prefixes (``"prohibit*"``) and phrases (``"due to"``), matched
    as whole words in lower-cased text."""

    def __init__(self, entries: str | Iterable[str]) -> None:
        """``entries`` as ``"a|b|c"`` or as a sequence (a group of ``lexicon``)."""
        items = [e.strip() for e in (entries.split("|") if isinstance(entries, str) else entries) if e.strip()]
        self.words = frozenset(e for e in items if " " not in e and not e.endswith("*"))
        self.prefixes = tuple(e[:-1] for e in items if e.endswith("*"))
        phrases = [e.split() for e in items if " " in e]
        # A phrase cannot be there without its longest word ("due to": "due"), so the regex runs
        # only when one of these is among the sentence's words.
        self.keys = frozenset(max(p, key=len) for p in phrases)
        self._phrases = re.compile(r"\b(?:" + "|".join(r"\s".join(p) for p in phrases) + r")\b") if phrases else None

    def found(self, low: str, words: set[str] | frozenset[str]) -> bool:
        """Whether ``low`` (lower-cased text) holds an entry; ``words`` is its set of words
        (runs of two or more word characters, as ``priority.tokens`` gives them)."""
        if not self.words.isdisjoint(words):
            return True
        if self.prefixes and any(p in low for p in self.prefixes) and any(w.startswith(self.prefixes) for w in words):
            return True
        if self._phrases is not None and not self.keys.isdisjoint(words):
            return self._phrases.search(low) is not None
        return False


_CONTENT_WORD = re.compile(r"[a-z0-9']{4,}")
_COMMON_WORDS = frozenset(
    "that this with from have were will would their there about which what when your they them "
    "been more than into also said says just over after before some only other most many much "
    "very such here where while then those these being could should because".split()
)


def content_words(text: str) -> set[str]:
    """The words that say what a line is about: four letters or more, lower case, the
    commonest left out. Shared words are how a headline, or a line inside an article, shows
    it belongs."""
    return content_words_in((text,))


def content_words_in(texts: Iterable[str]) -> set[str]:
    """``content_words`` of several texts together, one text in memory at a time."""
    found: set[str] = set()
    for text in texts:
        low = text.lower()
        found.update(_CONTENT_WORD.findall(low.replace("’", "'") if "’" in low else low))
    return found - _COMMON_WORDS
