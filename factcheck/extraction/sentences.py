"""Split article text into blocks (lines, paragraphs) and sentences, keeping exact offsets.

Rules, not a model: a news article's sentence ends are mostly unambiguous, and the ambiguous
ones (``U.S.``, ``Mr.``, ``a.m.``, initials, quotes that close after the full stop) are handled
by the small set of rules below. Every function works on offsets into the one text, so
``text[s.start:s.end]`` is always the sentence; nothing is copied or re-joined. All scans are
single passes over the text: time grows linearly with its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Span:
    """A stretch of the article text: ``text[start:end]``; ``paragraph`` counts blocks from 0."""

    start: int
    end: int
    paragraph: int


# A line ending that joins the next line to it (a hard-wrapped paragraph): the line stops mid
# sentence and the next one continues it in lower case.
_SOFT_BREAK = re.compile(r"[\w,;\-–][ \t]*\n(?=[ \t]*[a-z(])")
_LINE = re.compile(r"[^\n]+")


def blocks(text: str) -> list[Span]:
    """Lines and paragraphs: headlines, captions and site furniture are lines, not sentences.

    A line break ends a block unless the text is hard-wrapped there (see ``_SOFT_BREAK``).
    Leading and trailing whitespace is left out of each block.
    """
    out: list[Span] = []
    start = None
    for m in _LINE.finditer(text):
        if start is None:
            start = m.start()
        nl = m.end()
        if nl < len(text) and _soft_break(text, m.start(), nl):
            continue
        _add_trimmed(text, start, nl, len(out), out)
        start = None
    if start is not None:
        _add_trimmed(text, start, len(text), len(out), out)
    return out


def _soft_break(text: str, line_start: int, nl: int) -> bool:
    """Is the line break at ``nl`` inside a hard-wrapped sentence?"""
    last = nl - 1
    while last > line_start and text[last] in " \t":
        last -= 1
    return bool(_SOFT_BREAK.match(text, last))


def _add_trimmed(text: str, start: int, end: int, index: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Span(start, end, len(out)))


# Words whose full stop never ends a sentence: titles before a name.
TITLES = frozenset(
    "mr mrs ms messrs dr prof st mt ft jr sr gen lt col maj capt cmdr adm sgt cpl pvt rev hon "
    "pres gov sen rep supt insp det fr sra sr srta mme mlle".split()
)
# Abbreviations that come before a number ("p. 55", "No. 10", "Jan. 6").
BEFORE_NUMBER = frozenset(
    "p pp no nos vol vols ch chap art fig figs sec para op ed eds n° nº ref tel rs "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Abbreviations that may end a sentence, but usually do not: a boundary only before a word that
# typically starts one ("co. They", "Inc. It").
COMMON = (
    frozenset(
        "co corp inc ltd llc plc bros dept univ assn est approx vs etc al cf e.g i.e a.m p.m "
        "ave blvd rd hwy mon tue tues wed thu thur thurs fri sat sun".split()
    )
    | BEFORE_NUMBER
)
# What follows a time and belongs to it: a day, a month, a time zone ("5 p.m. Monday", "9 a.m. ET").
_AFTER_A_TIME = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday tonight "
    "january february march april june july august september october november december "  # not "May I"
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest ist aest aedt local".split()
)
_COMPANY = frozenset("co corp inc ltd llc plc bros".split())
# Words that typically start a sentence: after an abbreviation, they make the full stop an end.
STARTERS = frozenset(
    "a an the this that these those it its he she they we i you there here his her their our my "
    "your but and or so yet however meanwhile still also then now when while if although though "
    "after before since as at in on by for from with of to what who why how where which "
    "some many most all no not one two three several both each every other another such".split()
)

# A sentence end: the punctuation, closing quotes and brackets, then reference marks: "[12]", or
# footnote numbers right after a word's full stop ("a consultation.11 12 Take", "(1987).1 According";
# not "3.5 Million", where a digit comes before the point).
_FOOTNOTES = r"(?:\[\d{1,3}\])*(?:(?<=[a-z)]\.)\d{1,3}(?:\s\d{1,3})*)?"
_CANDIDATE = re.compile(rf"(?:[.!?…]+|(?: \.){{3,}})['\"”’)\]]*{_FOOTNOTES}(?=\s|$)")
# The same without the spaced ellipsis (" . . ."), for the blocks that have none: starting with
# a set of characters, it lets the regex engine jump between them instead of stopping at spaces.
_CANDIDATE_UNSPACED = re.compile(rf"[.!?…]+['\"”’)\]]*{_FOOTNOTES}(?=\s|$)")
# Both, and full-width or ideographic stops, which end a sentence with no space after them
# ("period．Does"): for the rare block that has one (the alternation costs a fifth of the speed).
_FULL_WIDTH_STOPS = "。．！？"
_CANDIDATE_ANY = re.compile(rf"{_CANDIDATE.pattern}|[{_FULL_WIDTH_STOPS}]+['\"”’)\]」』]*")
_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){2,}$|^(?:[A-Za-z]\.)+[A-Za-z]$")
_LIST_MARKER = re.compile(r"(?:[•⁃▪‣◦]\s*)?(\d{1,3}|[a-zA-Z])(\.\)|\)|\.)\s")
_BULLET = re.compile(r"\s(?=[•⁃▪‣◦])")
_FIRST_ITEM = re.compile(r"(?:1|a)(?:\.\)|\)|\.)\s")  # a list that starts after a sentence
_NEXT_WORD = re.compile(r"[\w']+")
_PAREN_SENTENCE = re.compile(r"\((?:[A-Z][a-z]|[a-z0-9]{1,2}\)\s)")
_BRACKETED_SENTENCE = re.compile(r"\([A-Z][a-z][^()]{0,300}?[.!?]\)")
_DASH_SENTENCE = re.compile(r"[-–—]\s[A-Z][a-z]")
_SPACED_ELLIPSIS = re.compile(r"(?: \.){3} (?=[A-Z])")
# A dateline run into the text around it ("... ants Tuesday, September 1, 2015 On Tuesday, ...")
# and a caption's credit ("... the outfit Image: Nick Moreau."): each starts a sentence.
_DATE_RUN_IN = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), "
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December) "
    r"\d{1,2}, \d{4}\b"
)
_CREDIT_RUN_IN = re.compile(r"(?<=[\w'’\")]) (?=(?:Image|Photo|Picture|Photograph|Credit): )")
# "eHow", "iPhone", "wikiHow": a lower-case first letter that still starts a sentence.
_CAMEL = re.compile(r"(?<![a-z])[a-z]++[A-Z]\w*")


def sentences(text: str) -> list[Span]:
    """All sentences of ``text``, block by block, in order."""
    out: list[Span] = []
    for block in blocks(text):
        for start, end in split_block(text, block.start, block.end):
            out.append(Span(start, end, block.paragraph))
    return out


def split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within ``text[start:end]`` (a block with no outer whitespace)."""
    list_cuts = sorted(set(_list_cuts(text, start, end)) | set(_run_in_cuts(text, start, end)))
    cuts = sorted(set(_boundaries(text, start, end, list(list_cuts))) | set(list_cuts))
    spans = []
    prev = start
    for cut in cuts:
        if cut <= prev or cut >= end:
            continue
        s, e = _trim(text, prev, cut)
        if s < e:
            spans.append((s, e))
        prev = cut
    s, e = _trim(text, prev, end)
    if s < e:
        spans.append((s, e))
    return spans


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _boundaries(text: str, start: int, end: int, list_cuts: list[int]):
    sentence_start = start
    candidate = _CANDIDATE if text.find(" . .", start, end) >= 0 else _CANDIDATE_UNSPACED
    if any(text.find(stop, start, end) >= 0 for stop in _FULL_WIDTH_STOPS):
        candidate = _CANDIDATE_ANY
    for m in candidate.finditer(text, start, end):
        while list_cuts and list_cuts[0] <= m.start():
            sentence_start = max(sentence_start, list_cuts.pop(0))
        nxt = m.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            return
        if _is_boundary(text, sentence_start, m.start(), m.end(), nxt, end):
            yield m.end()
            sentence_start = nxt
            if _FIRST_ITEM.match(text, nxt):  # "Finally, this. 1. The first item 2. The second"
                items = list(_numbered_list(text, nxt, end))
                list_cuts[:] = sorted(set(list_cuts) | set(items))
                yield from items
        else:
            # "compounds. . . . The": the attached full stop ends the sentence, the ellipsis
            # opens the next one.
            spaced = _SPACED_ELLIPSIS.match(text, m.end())
            if m.group().endswith(".") and not m.group().startswith(" ") and spaced:
                yield m.end()
                sentence_start = m.end() + 1


def _is_boundary(text: str, sent_start: int, p_start: int, p_end: int, nxt: int, end: int) -> bool:
    punct = text[p_start:p_end]
    follower = text[nxt]
    next_word = _NEXT_WORD.match(text, nxt, nxt + 40)
    next_word = next_word.group().lower() if next_word else ""
    if follower in "-–—" and punct in ("?", "!") and _DASH_SENTENCE.match(text, nxt):
        return True  # "What do you see? - Posted like silent sentinels ..."
    if follower.islower() and not _CAMEL.match(text, nxt) and not _opens_list(text, nxt, end) or follower in ",;:.-–—":
        return False
    # "(Dinah was the cat.)", "(Reporting by ...)", "(b) the second": a bracket that opens a
    # sentence or a list item, after a bare ".", "!" or "?"; not "(local time)", not a citation
    # after a quote ("[...]" (Smith 55).), and never after an abbreviation (below).
    paren = follower == "("
    if paren and (punct not in (".", "!", "?") or not _PAREN_SENTENCE.match(text, nxt)):
        # after a closing quote, only a bracket that holds a whole sentence: '... think!"
        # (Dinah was the cat.)', not a citation ('[...]" (Smith 55).')
        return punct[-1] in "\"”'’" and punct[0] in ".!?" and bool(_BRACKETED_SENTENCE.match(text, nxt))
    if punct.startswith(" "):  # ". . . I" is an ellipsis; ". . . . Next" adds a full stop
        return punct.count(".") >= 4
    word_start = p_start
    while word_start > sent_start and not text[word_start - 1].isspace():
        word_start -= 1
    marker = _LIST_MARKER.match(text, sent_start)
    if marker and marker.end(2) == p_end:
        return False  # "1. The first item", "• 2.) The second"
    if "." not in punct.rstrip("'\"”’)]") or punct.rstrip("'\"”’)]") != ".":
        return True  # "!", "?", "?!", "..." end a sentence before a capital or digit
    if punct != ".":
        return True  # a full stop inside closing quotes or brackets
    # A single full stop right after a word: decide on that word.
    word = text[word_start:p_start].lstrip("([\"'“‘")
    lower = word.lower()
    if lower in TITLES or paren and (lower in COMMON or len(word) == 1 or _ACRONYM.match(word + ".")):
        return False
    if follower.isdigit():
        return lower not in BEFORE_NUMBER and lower not in _COMPANY  # "Boeing Co. 787-10", "Inc. 11 West 42nd St"
    if len(word) == 1 and word.isalpha() and word.isupper():
        # an initial ("Jonas E. Smith"), unless it is the pronoun ("you and I. Did")
        prev = text[max(sent_start, word_start - 30) : word_start].split()
        return word == "I" and (not prev or prev[-1][:1].islower())
    if _ACRONYM.match(word + "."):
        if lower in ("a.m", "p.m") and next_word not in STARTERS:
            # "He left at 6 P.M. Mr. Smith then ..." ends a sentence; "At 5 a.m. Mr. Smith went"
            # does not: a time closes a sentence only after a clause of some length, and not
            # before the day, the date or the time zone it belongs to ("5 p.m. Monday", "10:30
            # p.m. Aug. 9", "9 a.m. ET").
            if next_word in _AFTER_A_TIME:
                return False
            return len(text[sent_start:word_start].split()) >= 4
        return next_word in STARTERS
    if lower in COMMON:
        return next_word in STARTERS
    return True


def _opens_list(text: str, pos: int, end: int) -> bool:
    """A list's first item at ``pos`` ("a. here it is b. another"), its second item after it."""
    return bool(_FIRST_ITEM.match(text, pos)) and next(_numbered_list(text, pos, end), None) is not None


def _list_cuts(text: str, start: int, end: int):
    """Cut before each item of an inline list ("1.) one 2.) two", "• a • b")."""
    if any(text.find(bullet, start, end) >= 0 for bullet in "•⁃▪‣◦"):
        for m in _BULLET.finditer(text, start, end):
            if m.end() > start:
                yield m.end()
    yield from _numbered_list(text, start, end)


LIST_ITEM_MAX = 1000  # characters: the next item is looked for this far, so time stays linear


def _numbered_list(text: str, start: int, end: int):
    """Cuts before the second and later items of a list whose first item is at ``start``."""
    first = _LIST_MARKER.match(text, start)
    if not first:
        return
    marker, style = first.group(1), first.group(2)
    pos = first.end()
    while True:
        marker = _next_marker(marker)
        if marker is None:
            return
        m = marker_pattern(marker, style).search(text, pos, min(end, pos + LIST_ITEM_MAX))
        if not m:
            return
        yield m.start() + 1
        pos = m.end()


@lru_cache(maxsize=256)
def marker_pattern(marker: str, style: str) -> re.Pattern:
    """The next item's marker of a numbered list ("2.)" after "1.)"), after a space or a bullet."""
    return re.compile(r"\s(?:[•⁃▪‣◦]\s*+)?" + re.escape(marker) + re.escape(style) + r"\s")


def _run_in_cuts(text: str, start: int, end: int):
    """Cut around a dateline and before a caption credit that run into the text. (Each scan
    runs only where what it looks for can be: "day, " for a dateline, ": " for a credit.)"""
    if text.find("day, ", start, end) >= 0:
        for m in _DATE_RUN_IN.finditer(text, start, end):
            if m.start() > start and (text[m.start() - 2].isalnum() or text[m.start() - 2] in "'’\")"):
                yield m.start()
            if m.end() + 1 < end and text[m.end()] == " " and text[m.end() + 1].isupper():
                yield m.end() + 1
    if text.find(": ", start, end) >= 0:
        for m in _CREDIT_RUN_IN.finditer(text, start, end):
            yield m.end()


def _next_marker(marker: str) -> str | None:
    if marker.isdigit():
        return str(int(marker) + 1)
    if marker in "zZ":
        return None
    return chr(ord(marker) + 1)
