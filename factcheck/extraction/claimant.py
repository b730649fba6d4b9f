"""Claimant: who a statement attributes its claim to ("Kirby said", "said Kirby", "according to
...", "declassified US intelligence claimed"), and "he" or a bare surname resolved to the full
name met earlier in the article."""

from __future__ import annotations

import re
from bisect import bisect_left

from factcheck.extraction import lexicon
from factcheck.extraction.checks import NOT_NAMES, is_place

_SPEECH = "|".join(lexicon.entries("claimants", "speech-verbs"))
_SPEECH_NOUNS = lexicon.entries("claimants", "speech-nouns")
_AUX = r"(?:(?:has|have|had|also|previously|repeatedly|reportedly|later|then)\s)*"


_NAME = r"[A-Z][\w’'.-]*(?:\s(?:[A-Z][\w’'.-]*|of|the|for|de|van|von|al-|&|and(?=\s[A-Z])))*"
# the shortest phrase before a verb of speech: "South Africa said Mr Mugabe had told ..." is
# South Africa's claim, not "South Africa said Mr Mugabe"'s
_PHRASE = r"(?:[\w’'.-]+\s){0,4}?[\w’'.-]+"
# ("added to" is not speech: "Ben Patton added to his collection of titles")
_SUBJECT_BEFORE = re.compile(
    rf"(?:^|,\s|;\s|[“\"”]\s?|\bthat\s|\bwhile\s|\band\s)({_PHRASE})(?:(?:,[^,]{{3,120}}){{1,2}},)?\s{_AUX}(?:{_SPEECH})\b"
    r"(?!(?<=added)\sto\s)(?!(?<=adds)\sto\s)(?![’'])"  # nor is "the Arab states' oil"
    r"(?!\s(?:have|has|had|are|were|say|said|show|showed|suggest|suggested)\b)"  # "Recent reports have revealed"
    # a word of saying that is also a plural noun, before a preposition: "The only two Arab states to ..."
    + "".join(rf"(?!(?<={noun})\s(?:to|of|in|on|with|and|or)\b)" for noun in _SPEECH_NOUNS)
)
# After the quote, the speaker follows the verb ("..., said Kirby"), but not after a verb that
# takes an object: "..., told Newsweek", "..., accused Russia". ("Warned" stays: '"...," warned
# Kirby' is common.)
_OBJECT_VERBS = lexicon.words("claimants", "object-verbs")
_INVERTED = "|".join(v for v in _SPEECH.split("|") if v not in _OBJECT_VERBS)
# The name ends there, or a comma, a preposition or "who" follows it ("said Kirby.", "said John
# Kirby, the spokesperson", "said Kirby on Tuesday"): not "..., said New Zealand's flag has ...",
# where the name opens what was said.
_SUBJECT_AFTER = re.compile(
    rf"[,”\"]\s*(?:{_INVERTED})\s({_NAME}|he|she|they)\b"
    r"(?=\s*(?:[,.;:!?)”\"(—-]|$)|\s(?:of|who|in|at|on|to|from|for|and|after|before|during|when|while|as)\b)"
)
_ACCORDING = re.compile(rf"\baccording\sto\s((?:the\s)?{_NAME})")
# Every pattern above needs a verb of speech or "according to": one cheap search rules most
# sentences out before the backtracking ones run (built from the same word list).
_ANY_ATTRIBUTION = re.compile(rf"\b(?:{_SPEECH}|according\sto)\b")
_ATTRIBUTION_WORDS = frozenset(_SPEECH.split("|")) | {"according"}  # the same, as a word set
_SENTENCE_SUBJECT = re.compile(r"^((?:The\s)?(?:[A-Z][\w’'-]*\s)+(?:[a-z]+\s)?)(?:has|have|had|is|was|were|are)\b")
_PRONOUNS = {"he", "she", "they", "it"}
_ROLES = lexicon.words("claimants", "roles")
_PERSON_ROLES = lexicon.words("claimants", "person-roles")
_PASSIVE = lexicon.words("claimants", "passive")
_AUX_WORDS = _PASSIVE | lexicon.words("claimants", "adverbs-before-speech")  # "The Wikileaks founder always argued"
_FUNCTION_WORDS = lexicon.words("claimants", "function-words")
_NEGATIONS = lexicon.words("claimants", "negations")
_OBJECTS = lexicon.words("claimants", "objects")  # "Well, let me say ...": nobody's claim


def find_claimant(text: str, words: set[str] | None = None) -> str:
    """The source a sentence attributes its claim to, as written ("Kirby", "he", "the US").
    ``words``, the set of ``priority.tokens(text)`` when the caller has it, saves a search."""
    if _ATTRIBUTION_WORDS.isdisjoint(words) if words is not None else not _ANY_ATTRIBUTION.search(text):
        return ""
    marks: _QuoteMarks | None = None
    for pattern in (_ACCORDING, _SUBJECT_AFTER, _SUBJECT_BEFORE):
        pos = 0
        # each match, then the next one starting after its start (not its end): when "After the
        # match" before "Hernan Dario Gomez, Panama coach, said" names nobody, the name is still tried
        while (m := pattern.search(text, pos)) is not None:
            pos = m.start() + 1
            marks = marks or _QuoteMarks(text)
            if marks.inside(m.start(1)):
                continue  # the speaker's own words: “... both witnesses testified ...,” she added
            who = _clean_subject(m.group(1))
            if who:
                return who
            if pattern is _SUBJECT_BEFORE and _after_and(text, m.start(1)):
                # "The Biden administration ... and on Wednesday said": the sentence's subject
                subject = _SENTENCE_SUBJECT.match(text)
                who = _clean_subject(subject.group(1)) if subject else ""
                if who:
                    return who
    return ""


class _QuoteMarks:
    """The quote marks of a sentence, found once: a sentence of a megabyte may have thousands of
    attributions to try."""

    def __init__(self, text: str) -> None:
        self.starts = [m.start() for m in _QUOTE_MARK.finditer(text)]
        self.opens = [_opens(text, i) for i in self.starts]

    def inside(self, at: int) -> bool:
        """Whether ``text[at]`` is inside a quotation: the last quote mark before it opens one
        (“, or " at the start or after a space), or none does and the sentence's first mark
        closes one (the end of a quote begun in an earlier sentence)."""
        before = bisect_left(self.starts, at)
        if before:
            return self.opens[before - 1]
        return bool(self.starts) and not self.opens[0]


def _after_and(text: str, at: int) -> bool:
    """Whether the words before ``text[at]`` end with " and" (scanning back, not copying)."""
    while at and text[at - 1].isspace():
        at -= 1
    return text.endswith(" and", 0, at)


def _opens(text: str, i: int) -> bool:
    return text[i] == "“" or text[i] == '"' and (i == 0 or text[i - 1] in " \t\n([{—-")


_QUOTE_MARK = re.compile(r'[“”"]')
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def _clean_subject(phrase: str) -> str:
    words = phrase.split()
    if words and words[-1].endswith(".") and not _INITIALS.fullmatch(words[-1]):
        words[-1] = words[-1].rstrip(".")  # the full stop that ends the sentence
        if not words[-1]:
            words.pop()  # a lone "." or "...": "And ... said the man."
    while words and words[0].lower() in _FUNCTION_WORDS:
        words.pop(0)  # "..., but she said": she
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return words[0].lower()
    if words and words[-1] in _OBJECTS:
        return ""
    while words and (words[0].lower() in _FUNCTION_WORDS or words[0] in NOT_NAMES and words[0] != "The"):
        words.pop(0)
    while words and words[-1].lower() in _AUX_WORDS:
        if words.pop().lower() in _PASSIVE:
            return ""  # "Wagner was previously added to ...": not a speech act
    if words and (words[-1].lower() in _NEGATIONS or words[-1].lower().endswith(("n't", "n’t"))):
        return ""  # "U.S. officials have not said why": nobody claims it
    if not any(w[0].isupper() and w not in NOT_NAMES for w in words):
        # "the mayor said", "police said": a role, not a name, still says who claims it
        if words and words[-1].lower() in _ROLES and len(words) <= 4:
            return " ".join(words)
        return ""
    return " ".join(words)


class Claimants:
    """Resolve "he" and a bare surname to the full name used earlier in the article."""

    def __init__(self) -> None:
        self.people: list[str] = []
        self.known: dict[str, str] = {}  # names met so far and their kind, for find_checks
        self.last = ""  # the last person named
        self.previous = ""  # the claimant of the last statement

    def resolve(self, raw: str, text: str, same_paragraph_as_last: bool) -> str:
        """The full name for the claimant ``raw`` that ``find_claimant`` found in ``text``."""
        self.previous = self._resolve(raw, text, same_paragraph_as_last)
        return self.previous

    def _resolve(self, raw: str, text: str, same_paragraph_as_last: bool) -> str:
        if not raw:
            # a quote right after a sentence that named its speaker goes on in that voice; not
            # after one that named nobody ("Senator Cornyn issued a statement ...")
            starts_with_quote = text.lstrip()[:1] in '“"'
            return self.previous if (starts_with_quote and same_paragraph_as_last) else ""
        if raw in _PRONOUNS:
            return self._last_person() if raw in {"he", "she"} else ""
        full = raw
        for person in self.people:
            if person != raw and person.endswith(" " + raw):
                full = person
                break
        words = full.split()
        if len(words) >= 2 and all(w[0].isupper() for w in words):
            if full not in self.people:
                self.people.append(full)
        self.last = full
        return full

    def _last_person(self) -> str:
        """Who "he" or "she" is: the last claimant that can be a person (not "CBS DFW reports",
        "the ministry said" or a name the checks took for an organisation or a place)."""
        if not self.last:
            return ""
        kind = self.known.get(self.last) or self.known.get(self.last.split()[-1])
        first, last_word = self.last.split()[0], self.last.split()[-1].lower()
        if " and " in self.last:
            return ""  # "Ford and Fry replied": two people are not "she"
        plural = last_word.endswith("s") and not last_word.endswith("ss") and self.last.split()[-1].islower()
        if kind != "person" and (
            kind in ("organisation", "place")
            or len(first) > 1
            and first.isupper()
            or last_word in _ROLES
            and last_word not in _PERSON_ROLES
            or plural
        ):  # "Israeli courts", "Analysts"
            return ""
        return self.last


def quote_speakers(sentences: list[tuple[int, str, str]]) -> list[str]:
    """The claimants of (paragraph, text, claimant) statements in order, with the speaker of a quote
    that runs over several sentences filled in: the one its attributing sentence names ('"If you
    look at the number ... it's less than 100.' then '... tens of thousands," Mr Obama said.'), or,
    for a paragraph that is all quote and names nobody, the speaker of the quote just before it (a
    news story's way of letting a speaker go on). Only empty claimants are filled; the statements'
    priorities stay their own, as the model was trained on sentences alone."""
    out = [claimant for _, _, claimant in sentences]
    paragraphs: list[list[int]] = []
    for k, (paragraph, _, _) in enumerate(sentences):
        if paragraphs and sentences[paragraphs[-1][-1]][0] == paragraph:
            paragraphs[-1].append(k)
        else:
            paragraphs.append([k])

    def fill(indices: list[int], who: str) -> None:
        for i in indices:
            out[i] = out[i] or who

    for n, members in enumerate(paragraphs):
        group: list[int] = []  # the sentences of a quote still open
        for k in members:
            opened, closed = _quote_marks(sentences[k][1])
            if not group:
                group = [k] if opened and not closed else []
                continue
            group.append(k)
            if closed:
                names = {out[i] for i in group} - {""}
                if len(names) == 1:
                    fill(group, names.pop())
                group = []
        first, last = sentences[members[0]][1], sentences[members[-1]][1]
        if n and first[:1] in '“"' and _ENDS_QUOTE.search(last) and not any(out[i] for i in members):
            before = paragraphs[n - 1][-1]
            if out[before] and any(q in sentences[before][1] for q in '“”"'):
                fill(members, out[before])
    return out


_ENDS_QUOTE = re.compile(r"[”\"][)\]]?$")


def _quote_marks(text: str) -> tuple[bool, bool]:
    """(the sentence opens a quote it does not close, it closes a quote it did not open)."""
    curly_open, curly_close = text.count("“"), text.count("”")
    if curly_open or curly_close:
        return curly_open > curly_close, curly_close > curly_open
    if text.count('"') % 2:  # one straight quote: which side of the words it stands on says which
        before = text[: text.index('"')].strip()
        return not before, bool(before)
    return False, False


# ---------------------------------------------------------------------------------------------
# A transcript's turns: "SMITH: We built 40,000 new homes." The name in capitals before the
# colon says who speaks the paragraph; nothing in the sentence does.

_SPEAKER_LABEL = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s")
_NOT_SPEAKERS = lexicon.words("claimants", "not-speaker-labels")
TURNS = 2  # labelled paragraphs: one alone is a dateline ("KARACHI: ...") or a page's label
_LETTERS = re.compile(r"[A-Za-z]+")


def transcript_speakers(text: str, spans: list) -> dict[int, str]:
    """The speaker of each paragraph of a transcript that opens with one in capitals and a colon
    ("JOHN SMITH: ...", "MODERATOR: ..."), written as a name ("John Smith"), by paragraph
    number; empty unless TURNS paragraphs or more open so (a single "UPDATE:", or a dateline,
    is no transcript), and never a label of the page's (``not-speaker-labels``) or a place.
    (``statements.extract`` asks only of a text that shows no page around it: on the develop
    pages pasted whole it named "See More" and "World View" on 12 of 264.)"""
    firsts: dict[int, tuple[int, int]] = {}
    for span in spans:
        firsts.setdefault(span.paragraph, (span.start, span.end))
    out = {}
    for paragraph, (start, end) in firsts.items():
        m = _SPEAKER_LABEL.match(text, start, end)
        if not m or m.group(1).lower() in _NOT_SPEAKERS:
            continue
        name = _LETTERS.sub(lambda w: w.group().capitalize(), m.group(1))  # "O'BRIEN" -> "O'Brien"
        if len(name) > 1 and not is_place(name):
            out[paragraph] = name
    return out if len(out) >= TURNS else {}
