"""Align the statements of an updated article with the worksheets of its earlier version.

Stories change after publication: a number is corrected, a clause is added, a sentence is split
or two are merged. The work on a statement must follow it to its new wording. Each new statement
is matched with the earlier statement it most resembles, on evidence that carries across edits:
the words they share in order (a number or a name that changed still leaves the rest), the
numbers and names they share (weighed more: they are what a checker checked), and where they
stand in the article (between two equally good candidates, the one in the same place wins).

Everything here is plain data in, plain data out: ``workspace.plan_init`` decides what to do
with the matches, and ``benchmarks/updates.py`` measures them.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import NamedTuple

# A pair of statements is the same statement reworded when its similarity reaches this; chosen
# on the development half of benchmarks/updates.py (see BENCHMARKS.md), where every realistic
# edit scores above it and unrelated sentences of the same article below.
SAME_STATEMENT = 0.5
# A leftover statement that holds this much of a matched one's words is the other half of a
# split (new side) or a sentence merged into it (old side).
PART_OF = 0.6
KEY_WEIGHT = 0.4  # of the shared numbers and names, beside the words in order

_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+", re.UNICODE)
_NAME_WORD = re.compile(r"\b[A-Z][\w'’-]+")
_STOP = frozenset(
    "a an the of to in on at by for and or but is are was were be been it its that this with as from "
    "has have had he she they we i you his her their our said says".split()
)


class Old(NamedTuple):
    """An earlier statement with a worksheet: its id, its text, and where it stood in the
    earlier text (None when it was already gone from it)."""

    key: str
    text: str
    position: float | None  # 0 at the start of the earlier text, 1 at its end


class New(NamedTuple):
    text: str
    position: float


class Match(NamedTuple):
    old: str  # the worksheet's key
    new: int  # index into the new statements
    score: float


class Alignment(NamedTuple):
    matches: list[Match]  # reworded statements: the worksheet follows its statement
    splits: dict[str, list[int]]  # old key -> the other parts of it, which get worksheets of their own
    merged: dict[str, str]  # old key -> the old key whose worksheet carries the merged statement


def tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def _key_tokens(toks: list[str], text: str) -> set[str]:
    """The numbers and the capitalised words: what a change of fact is made of."""
    names = {w.lower() for w in _NAME_WORD.findall(text)}
    return {t for t in toks if t[0].isdigit() or t in names} - _STOP


def similarity(a: str, b: str) -> float:
    """How much two sentences are one statement reworded, from 0 to 1."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    order = SequenceMatcher(None, ta, tb, autojunk=False).ratio()
    ka, kb = _key_tokens(ta, a), _key_tokens(tb, b)
    if not ka or not kb:
        return order
    keys = 2 * len(ka & kb) / (len(ka) + len(kb))
    # shared numbers and names raise a pair whose wording moved more; a changed one (the
    # correction a checker must see) does not sink a sentence that is otherwise the same
    return max(order, (1 - KEY_WEIGHT) * order + KEY_WEIGHT * keys)


def containment(part: str, whole: str) -> float:
    """The share of ``part``'s content words that ``whole`` holds."""
    tp = set(tokens(part)) - _STOP
    if not tp:
        return 0.0
    return len(tp & (set(tokens(whole)) - _STOP)) / len(tp)


def align(old: list[Old], new: list[New]) -> Alignment:
    """Match each leftover earlier statement (its exact text is gone) with at most one leftover
    new statement (its exact text is new). Pairs are taken best first; among equals, the pair
    whose positions in the two texts are closest. Candidates share at least one content word,
    so a long article compares only what could match."""
    by_word: dict[str, list[int]] = {}
    new_tokens = [set(tokens(n.text)) - _STOP for n in new]
    for i, toks in enumerate(new_tokens):
        for t in toks:
            by_word.setdefault(t, []).append(i)
    pairs = []
    for o in old:
        candidates = {i for t in set(tokens(o.text)) - _STOP for i in by_word.get(t, ())}
        for i in candidates:
            score = similarity(o.text, new[i].text)
            if score >= SAME_STATEMENT:
                distance = abs(o.position - new[i].position) if o.position is not None else 1.0
                pairs.append((-score, distance, o.key, i))
    pairs.sort()
    used_old: set[str] = set()
    used_new: set[int] = set()
    matches = []
    for neg, _, key, i in pairs:
        if key in used_old or i in used_new:
            continue
        used_old.add(key)
        used_new.add(i)
        matches.append(Match(key, i, -neg))
    return Alignment(matches, *_splits_and_merges(old, new, matches, used_old, used_new))


def _splits_and_merges(old, new, matches, used_old, used_new):
    """A new statement left over that is part of a matched earlier one, next to its match, is
    the rest of a split; an earlier statement left over whose words a matched new one holds was
    merged into it. Both are reported, so a checker knows where the work went."""
    texts = {o.key: o.text for o in old}
    splits: dict[str, list[int]] = {}
    merged: dict[str, str] = {}
    for m in matches:
        for i in (m.new - 1, m.new + 1):
            if 0 <= i < len(new) and i not in used_new and containment(new[i].text, texts[m.old]) >= PART_OF:
                splits.setdefault(m.old, []).append(i)
    for o in old:
        if o.key in used_old:
            continue
        for m in matches:
            if (
                containment(o.text, new[m.new].text) >= PART_OF
                and containment(texts[m.old], new[m.new].text) >= PART_OF
            ):
                merged[o.key] = m.old
                break
    return splits, merged


def word_diff(old: str, new: str) -> str:
    """The change in git's word-diff notation: ``About [-30-]{+35+} fighters``."""
    a, b = old.split(), new.split()
    out = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out += a[i1:i2]
            continue
        gone = f"[-{' '.join(a[i1:i2])}-]" if i2 > i1 else ""
        came = f"{{+{' '.join(b[j1:j2])}+}}" if j2 > j1 else ""
        out.append(gone + came)
    return " ".join(out)
