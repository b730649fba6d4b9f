"""Checks: every name, number, date, quote and superlative in a statement, each a thing for
the checker to confirm, with a first guess at its kind (person, organisation, place, ...)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from factcheck.extraction import lexicon


@dataclass(frozen=True)
class Check:
    kind: str  # person | organisation | place | name | number | date | quote | superlative
    what: str


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


# A number starts no word: the "8" of "V8", the "500" of "LC500", the "2.5" of "PM2.5" belong to names.
_NUMBER = (
    r"(?:[$£€¥]\s?)?(?<![\w.])\d(?:[\d,]*\d)?(?:\.\d+)?(?:/\d+(?![\d/]))?"  # "1/3": a fraction is one number
    r"(?:(?:\s?(?:%|per\s?cent|percent|bn|mn|m|k|billion|million|thousand|trillion)|"
    r"(?:w|kw|mw|gw|wh|kwh|gb|tb|mb|hz|mhz|ghz|mah|mm|cm|km|kg|mg|ml|mph|ft|lbs?|oz|v))(?![a-z]))?"  # "72W", "8GB"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|"
    r"hundreds?|thousands?|millions?|billions?)\b(?:\s(?:of\s)?(?:hundred|thousand|million|billion))*"
)
NUMBER = re.compile(_NUMBER, re.I)
_NUMBER_IN_LOWER = re.compile(_NUMBER)  # the same, searched in lower-cased text
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\."
)
DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
DATE = re.compile(
    rf"\b(?:(?:\d{{1,2}}\s)?(?:{MONTHS})(?:\s\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s(?:1[89]|20)\d\d)?|"
    rf"(?:{DAYS})|(?:in|since|by|until|from|of)\s(?:1[89]|20)\d\d(?:s)?|"
    rf"(?:last|next|this)\s(?:year|month|week|decade))\b|"
    r"\b(?:\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)|9/11)\b(?!/)|"  # "11/19/2019", and 9/11 (not two numbers)
    r"(?<![\d:])(?:[01]?\d|2[0-3])(?::[0-5]\d(?::[0-5]\d)?(?:\s?(?:[ap]\.m\.|[AP]M\b)|[ap]m\b)?|"
    r"\s?(?:[ap]\.m\.|[AP]M\b)|[ap]m\b)(?![\d:])"  # a time: "6:38 p.m.", "10 a.m.", "5pm", "22:30", "08:16:25 AM"
)
QUOTE = re.compile(r"“([^“”]{3,})”|\"([^\"]{3,})\"")  # not past the next “: one scan per quote
_SUPERLATIVE_IN_LOWER = re.compile(  # searched in lower-cased text
    r"\b(?:(?:most|least)\s[a-z-]+|[a-z]+est|best|worst|first|largest|biggest|only|record|"
    r"unprecedented|highest|lowest)\b",
)
# "record" claims a record before a noun ("a record high", "record turnout", "a record 45") or
# after setting or breaking one ("a new record", "broke the world record").
_RECORD_AS_ADJECTIVE = re.compile(
    r"(?<![\s-])[\s-]++(?:highs?|lows?|levels?|numbers?|years?|amounts?|temperatures?|heat|profits?|sales|turnout|"
    r"breaking|setting|time|pace|crowds?|haul|quarters?|months?|weeks?|days?|sums?|totals?|rainfall|"
    r"[\d$£€]|(?:two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|billion)\b)"
)
_RECORD_SET = re.compile(  # searched up to the word's start: $ is there
    r"(?:world|new|all-time|national|olympic|british|american|european|(?:set|sets|setting|broke|break|"
    r"breaks|broken|breaking|beat|beats|equalled|equaled|matched|matches|hold|holds|held) (?:a|the))\s$"
)
_NOT_SUPERLATIVE = lexicon.words("numbers", "not-superlatives")  # "interest", "inquest", "unrest"
# "most" and "least" that claim no extreme: "at least four", "at most one", "most of them",
# "most recently", "most importantly", "make the most out of it"
_NOT_EXTREME_AFTER = lexicon.words("numbers", "not-extreme-after")
_AT_BEFORE = re.compile(r"\bat\s$")
# "only" claims to be the one when it follows "the" or a possessive ("the only country to ...",
# "its only factory"), not in "not only", "only a handful", "can only"
_ONLY_AFTER = re.compile(r"\b(?:the|its|his|her|their|our|my|your)\s$")


_ORG_WORDS = re.compile(r"\b(?:" + "|".join(lexicon.entries("names", "organisation-words")) + r")\b")


def _read_places() -> frozenset[str]:
    """The place names of ``data/places.txt`` (countries, US states, provinces, regions and cities
    in the news; hand-compiled), one a line, "#" lines being comments."""
    lines = (Path(__file__).parent / "data" / "places.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


_PLACES = _read_places()


def is_place(name: str) -> bool:
    """Whether ``name`` ("Karachi", "New York") is a place in ``data/places.txt``."""
    return name in _PLACES


_PLACE_PHRASES = re.compile(r"^(?:North|South|East|West|New|Saudi|United|Northern|Southern)\s")
# Words that are never a name, by why (data/lexicon/names.txt): capitalised only because they
# open a sentence or a clause (function words, sentence adverbs, spelled numbers, interjections,
# contractions), a title of address alone, and the months and days, which are dates.
SENTENCE_OPENERS = lexicon.words(
    "names", "function-words", "sentence-adverbs", "spelled-numbers", "interjections", "contractions"
)
TITLES_OF_ADDRESS = lexicon.words("names", "titles-of-address")
DATE_NAMES = frozenset((MONTHS.replace("\\.", "") + "|" + DAYS).split("|"))
NOT_NAMES = SENTENCE_OPENERS | TITLES_OF_ADDRESS | DATE_NAMES
# "U.S.", "D.C.", "Kirby". Written to start with [A-Z] outside any group, so that the regex
# engine skips ahead to the next capital instead of trying every position (2x faster). The run
# of words is possessive (nothing follows it to backtrack for): a greedy one keeps a record of
# every word to go back to, and a run of 250,000 words took 7x longer than 4 runs of a quarter.
_CAP_WORD = r"[A-Z](?:\.(?:[A-Z]\.)+|[\w’'-]*)"
_CAPITALISED = re.compile(rf"{_CAP_WORD}(?:\s(?:of\s|the\s|for\s)?{_CAP_WORD})*+")
# A title or "St." shortened with a full stop belongs to the name it follows: "Sen. Elizabeth
# Warren", "Lt. Col. Alexander Vindman", "St. Louis" (not "Sen" and "Col" as names of their
# own). That pattern tries its alternatives at every capital, so it runs only on sentences
# that hold one of these (written as a capital, then the rest: "(?<=S)en\.", so that the
# pattern still starts with [A-Z] outside any group and the engine can skip to capitals).
_ABBREVIATIONS = lexicon.entries("names", "abbreviated-titles")
# a quick gate: one of the titles itself ("Gen."), not any capital and its letters ("Ben.")
_HAS_ABBREVIATION = re.compile(rf"\b(?:{'|'.join(sorted(_ABBREVIATIONS))})\.\s[A-Z]")
_ABBREVIATION_WORDS = frozenset(a.lower() for a in _ABBREVIATIONS)  # as priority.tokens gives them
_ABBREVIATED = "|".join(f"(?<={a[0]}){a[1:]}" for a in _ABBREVIATIONS)
_CAP_WORD_OR_TITLE = rf"[A-Z](?:(?:{_ABBREVIATED})\.(?=\s[A-Z])|\.(?:[A-Z]\.)+|[\w’'-]*)"
_CAPITALISED_WITH_TITLES = re.compile(rf"{_CAP_WORD_OR_TITLE}(?:\s(?:of\s|the\s|for\s)?{_CAP_WORD_OR_TITLE})*+")
_TITLE_BEFORE = re.compile(
    r"(?:President|Prime Minister|Minister|Secretary|Senator|Governor|Mr|Mrs|Ms|Dr|General|"
    r"spokesperson|spokesman|spokeswoman|chief|leader|president|director|associate)\.?\s$"
)


# Words without which a pattern cannot match: when ``find_checks`` is given the sentence's words
# and none of these is among them (and it has no digit), the pattern's search is skipped.
_DATE_WORDS = frozenset(
    (MONTHS.replace("\\.", "").replace("Sept?", "Sep|Sept") + "|" + DAYS).lower().split("|")
    + "year month week decade".split()
)
_NUMBER_WORDS = lexicon.words("numbers", "number-words")
_SUPERLATIVE_WORDS = lexicon.words("numbers", "superlative-words")  # or "est"
_DIGIT = re.compile(r"\d")
_LONG_WORD = re.compile(r"\b[^\W\d_]{4,}")
_HEADLINE_START = re.compile(r"[\W\d]*(?:The\s+)?[\d,.]*\s*")


def claimant_check(claimant: str, checks: tuple[Check, ...] | list[Check]) -> Check | None:
    """Who made the claim, as a check of its own when the sentence does not name them ("he
    said" resolved to "John Kirby", a quote's speaker named in the sentence before): that the
    article attributes it rightly is the first thing to confirm. Its kind says whether the
    claimant is a person or an organisation, as exports need to say (a title marks a person:
    "Prime Minister Habib Essid")."""
    if not claimant or not claimant[:1].isupper():
        return None
    last = claimant.split()[-1]
    if any(c.kind in _NAMED and (c.what in claimant or claimant in c.what or c.what == last) for c in checks):
        return None  # the sentence names them ("White House" for "The White House")
    kind = next(
        (
            c.kind
            for c in find_checks(claimant, {}, speaker=claimant)
            if c.what == claimant and c.kind in ("person", "organisation")
        ),
        None,
    )
    if kind is None:
        words = claimant.split()
        person = 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and words[0] != "The"
        kind = "person" if person else "organisation"
    return Check(kind, claimant)


_NAMED = frozenset(("person", "organisation", "place", "name"))


def find_checks(
    text: str, known: dict[str, str] | None = None, words: set[str] | None = None, speaker: str = ""
) -> list[Check]:
    """Everything in ``text`` a checker should confirm, each once, in order of appearance.

    ``known`` maps names met earlier in the article to their kind, so "Wagner" after
    "Wagner Group" is an organisation and "Kirby" after "John Kirby" a person; it is updated.
    ``words``, the set of ``priority.tokens(text)`` when the caller has it, lets the searches
    that cannot match be skipped. ``speaker`` is the statement's claimant: a name that speaks
    is a person's, even one whose given name is not on our list ("Eswar Prasad said").
    """
    known = {} if known is None else known
    # Searching lower-cased text without re.I is about 3x faster. When lowering changes the
    # length ("İ" becomes two characters), A-Z alone are lowered so that offsets still hold.
    low = text.lower()
    if len(low) != len(text):
        low, words = text.translate(_ASCII_LOWER), None
    digit = words is None or _DIGIT.search(text) is not None
    found = _quotes(text)
    dates = _date_matches(text, words, digit)
    found += [(m.start(), Check("date", m.group())) for m in dates]
    in_date = _Spans((d.start(), d.end()) for d in dates)
    found += _numbers(text, low, words, digit, in_date)
    names = _names(text, words, known, speaker, in_date)
    found += names
    found += _superlatives(text, low, words, _Spans((at, at + len(c.what)) for at, c in names))
    return _in_order(found)


def _quotes(text: str) -> list[tuple[int, Check]]:
    """Each direct quote, without the comma before its closing mark (the sentence's, not the
    speaker's: “..., Ukraine,” he said)."""
    found = []
    for m in QUOTE.finditer(text):
        quoted = m.group(1) or m.group(2)
        found.append((m.start(), Check("quote", quoted.rstrip(" ,") or quoted)))
    return found


def _date_matches(text: str, words: set[str] | None, digit: bool) -> list[re.Match]:
    """The dates and times; the day of "Black Friday" or "Super Tuesday" is the event's name,
    not a date."""
    if not digit and words is not None and words.isdisjoint(_DATE_WORDS):
        return []
    return [d for d in DATE.finditer(text) if not _DAY_EVENT_BEFORE.search(text, max(0, d.start() - 9), d.start())]


def _numbers(text: str, low: str, words: set[str] | None, digit: bool, in_date: _Spans) -> list[tuple[int, Check]]:
    """The numbers outside dates, each with what it counts ("18 criminal charges", "72W"); a
    "one" that counts nothing is none ("one of the reasons")."""
    if not digit and words is not None and words.isdisjoint(_NUMBER_WORDS):
        return []
    found = []
    for m in _NUMBER_IN_LOWER.finditer(low):
        if m.start() in in_date:
            continue
        if m.group() == "one" and _not_a_count(low, m.start(), m.end()):
            continue
        what = text[m.start() : m.end()].strip()
        unit = _UNIT_AFTER.match(text, m.end())
        if unit and unit.group(1).lower() not in _NOT_UNITS:
            what += unit.group()
            # "18 criminal charges", "100 police officers": an adjective or noun, then a plural
            plural = _PLURAL_AFTER.match(text, unit.end()) if not unit.group(1).endswith("s") else None
            if plural and plural.group(1) not in _NOT_PLURALS:
                what += plural.group()
        found.append((m.start(), Check("number", what)))
    return found


def _names(
    text: str, words: set[str] | None, known: dict[str, str], speaker: str, in_date: _Spans
) -> list[tuple[int, Check]]:
    """The names, each with its kind, where it starts: runs of capitalised words split where a
    possessive, a place or a title starts another name (``_name_spans``), then classed."""
    abbreviation = (
        _HAS_ABBREVIATION.search(text) if words is None or not words.isdisjoint(_ABBREVIATION_WORDS) else None
    )
    capitalised = _CAPITALISED_WITH_TITLES if abbreviation else _CAPITALISED
    found = []
    for m in capitalised.finditer(text):
        if m.start() and (
            text[m.start() - 1].isalnum()
            or text[m.start() - 1] == "."
            and m.start() > 1
            and text[m.start() - 2].isalnum()
        ):
            continue  # the "Phone" of "iPhone", the "Bay" of "eBay", the "Net" of "PanARMENIAN.Net"
        for start, end in _name_spans(m):
            if start in in_date:
                continue  # the "PM" of "03:17 PM"
            check = _classify_name(text, m.re.match(text, start, end) or m, known, speaker)
            if check:
                at = text.find(check.what, start, end)
                found.append((start if at < 0 else at, check))
    return found


def _superlatives(text: str, low: str, words: set[str] | None, in_name: _Spans) -> list[tuple[int, Check]]:
    """The words that claim an extreme: not a word that only ends in -est ("inquest"), not "at
    least four" or "most of them", "only" after "the" or a possessive, "record" when one is
    claimed, and not inside a name ("First Amendment") unless the sentence is a headline."""
    if words is not None and "est" not in low and words.isdisjoint(_SUPERLATIVE_WORDS):
        return []
    found = []
    headline: bool | None = None
    for m in _SUPERLATIVE_IN_LOWER.finditer(low):
        word = m.group()
        if word in _NOT_SUPERLATIVE:
            continue
        if word.startswith(("most ", "least ")) and (
            word.split()[1] in _NOT_EXTREME_AFTER or _AT_BEFORE.search(low, max(0, m.start() - 4), m.start())
        ):
            continue
        if word == "only" and not _ONLY_AFTER.search(low, max(0, m.start() - 8), m.start()):
            continue
        if word == "record" and not (
            _RECORD_AS_ADJECTIVE.match(low, m.end()) or _RECORD_SET.search(low, max(0, m.start() - 16), m.start())
        ):
            continue  # "his record", "track record", "to record": a noun or a verb, no claim of one
        # A superlative inside a name ("First Amendment", "Best Buy") is not a claim, but in a
        # headline, or a name that starts the sentence or follows a number, a capital marks a
        # headline's word more often than a name ("10 Strangest Medical Cases"); nor is a
        # word in capitals ("the BEST photographer") a name.
        inside = in_name.around(m.start()) if text[m.start() + 1 : m.end()].islower() else None
        if inside is not None and not _HEADLINE_START.fullmatch(text, 0, inside):
            if headline is None:
                long_words = _LONG_WORD.findall(text)
                headline = sum(w[0].isupper() for w in long_words) * 5 >= len(long_words) * 3
            if not headline:
                continue
        found.append((m.start(), Check("superlative", text[m.start() : m.end()])))
    return found


def _in_order(found: list[tuple[int, Check]]) -> list[Check]:
    """The checks in order of where they start, each once."""
    seen: set[Check] = set()
    out = []
    for _, check in sorted(found, key=lambda pair: pair[0]):
        if check not in seen:
            seen.add(check)
            out.append(check)
    return out


class _Spans:
    """Where the dates or the names of a sentence are, sorted, to ask whether a position is in
    one in log time: a sentence of a megabyte holds thousands of each."""

    def __init__(self, spans) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]

    def around(self, pos: int) -> int | None:
        """The start of a span holding ``pos`` (the first such), or None."""
        i = bisect_right(self.starts, pos)
        for a, b in reversed(self.spans[max(0, i - 2) : i]):  # spans do not nest: the last two do
            if a <= pos < b:
                return a
        return None

    def __contains__(self, pos: int) -> bool:
        return self.around(pos) is not None


# "one" that counts nothing: a pronoun or a phrase ("one of the reasons", "no one", "the one
# who", "one thing is clear", "one last point"), or part of a name ("Xbox One", "number one").
# "one woman", "one in five", "one million" stay numbers.
_ONE_NOT_A_COUNT_AFTER = re.compile(
    r"(?<!\s)(?:\s(?:of|thing|things|way|day|another|kind|sort|time|point|last|final|more|who|that|which|is|was|"
    r"has|could|can|would|will|should|must|may|might|does|did)\b|\s*+(?:[,.;:!?)\]”\"']|$))"
)
_ONE_NOT_A_COUNT_BEFORE = re.compile(
    r"\b(?:no|the|this|that|any|every|each|some|which|number|phase|xbox|day|a|one|someone)[\s-]$"
)


def _not_a_count(low: str, start: int, end: int) -> bool:
    """Whether the "one" at ``low[start:end]`` (lower-cased text) counts nothing."""
    return (
        _ONE_NOT_A_COUNT_AFTER.match(low, end) is not None
        or _ONE_NOT_A_COUNT_BEFORE.search(low, max(0, start - 9), start) is not None
    )


# "50,000 personnel", "800 km": the count says of what
_UNIT_AFTER = re.compile(r" ([a-z]{3,}(?![\w-])|km|kg|cm|mm|mi|ft|lb|oz|mph|kw|mw|gw)\b")  # not "2 soft-boiled"
_PLURAL_AFTER = re.compile(r" ([a-z]{2,}s)\b")
_NOT_PLURALS = lexicon.words("numbers", "not-plurals")
_NOT_UNITS = lexicon.words("numbers", "not-units")
_DEMONYMS_IN_I = lexicon.words("names", "nationalities-in-i")
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ic|an)$")
_HYPHEN_ADJECTIVE = re.compile(r"-(?:linked|based|backed|led|owned|run|funded|born|style)$")


# "BBC's", and the plural's "Wichita Heights'"; the groups are the three words after it
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]) (?=(\S+)( \S+)?( \S+)?)")


def _name_spans(m: re.Match) -> list[tuple[int, int]]:
    """Where the names are in a run of capitalised words: split after a possessive that a place,
    a title or a person follows ("BBC's | North America", "Russia's | President Vladimir Putin";
    not "People's Republic of China", "Prime Minister's Questions"), then after a place that
    opens the run (``_split_place_prefix``)."""
    run = m.group()
    if "'s " not in run and "’s " not in run and "s' " not in run and "s’ " not in run:
        if " " not in run:
            return [(m.start(), m.end())]  # one word: most names
        if _TITLE_WORDS.isdisjoint(run.split()):
            return _split_place_prefix(m)  # no title to split before (most runs)
        return [span for a, b in _split_place_prefix(m) for span in _split_before_title(m.string, a, b)]
    spans, start = [], m.start()
    for p in _POSSESSIVE.finditer(run):
        after = [w.strip() for w in p.groups() if w]
        if p.group()[0] == "s" and after[0] not in _TITLE_WORDS and not (len(after) > 1 and after[1][0].isupper()):
            continue  # a plural's possessive splits before a title or a full name: not "Patients' Bill of Rights"
        if _opens_person_or_party(after[0]) or any(" ".join(after[:k]) in _PLACES for k in (1, 2, 3)):
            spans.append((start, m.start() + p.start() + 2))
            start = m.start() + p.end()
    spans.append((start, m.end()))
    out = []
    for a, b in spans:
        part = m.re.match(m.string, a, b)
        for start, end in _split_place_prefix(part) if part and part.end() == b else [(a, b)]:
            out += _split_before_title(m.string, start, end)
    return out


_WORD_RUN = re.compile(r"\S+")


def _is_nationality(word: str) -> bool:
    return bool(_DEMONYM.search(word)) or word in _DEMONYMS_IN_I


def _split_before_title(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A title inside a run, before a name of one to three words, starts a person's name of its
    own: "Apple | CEO Tim Cook", "White House | Press Secretary Stephanie Grisham", "Supreme Court
    | Justice Ruth Bader Ginsburg" (not "Vice President Mike Pence", where the title opens the
    run, nor "Burger King Corp", where no name follows)."""
    found = list(_WORD_RUN.finditer(text, a, b))
    words, starts = [w.group() for w in found], [w.start() for w in found]
    if words[0] in _TITLE_MODIFIERS:
        return [(a, b)]  # "Former Massachusetts Gov. Deval Patrick": one title, one person
    for i in range(1, len(words) - 1):
        if words[i] not in _TITLE_WORDS or words[i - 1] in _TITLE_WORDS:
            continue
        j = i
        while j < len(words) and words[j] in _TITLE_WORDS:
            j += 1
        name = words[j:]
        if all(w in _PARTIES or w in NOT_NAMES or _is_nationality(w) for w in words[:i]):
            break  # a party or a nationality is part of the title: "Ukrainian President Zelensky"
        if (
            any(w in _TITLE_HEADS and w != "General" for w in words[i:j])
            and 1 <= len(name) <= 3
            and all(w[0].isupper() for w in name)
            and not _ORG_WORDS.search(" ".join(name))
        ):
            return [(a, starts[i - 1] + len(words[i - 1])), (starts[i], b)]
    return [(a, b)]


def _split_place_prefix(m: re.Match) -> list[tuple[int, int]]:
    """A run of capitalised words that starts with a place is two names when a person or a
    party follows the place: "U.S. | President Donald Trump", "Virginia | Democrats" (not "New
    York City"). Spans of the parts, as offsets."""
    whole = [(m.start(), m.end())]
    if len(m.group().split(maxsplit=1)) == 1:
        return whole  # one word: most names
    spans = [(w.start(), w.end()) for w in _WORD_RUN.finditer(m.group())]
    words = [m.group()[a:b] for a, b in spans]
    lead = 0  # skip "The" and the like: "The United States ..."
    while lead < len(words) and words[lead] in NOT_NAMES:
        lead += 1
    name = words[lead:]
    if not name or " ".join(name) in _PLACES or _ORG_WORDS.search(" ".join(name)):
        return whole  # "United States Navy" is one organisation
    for k in range(min(len(name) - 1, 3), 0, -1):
        if " ".join(name[:k]) in _PLACES and name[k][0].isupper():
            if not _opens_person_or_party(name[k]):
                return whole  # "New York City", "Manchester United", "Sydney Morning Herald"
            return [(m.start(), m.start() + spans[lead + k - 1][1]), (m.start() + spans[lead + k][0], m.end())]
    return whole


def _opens_person_or_party(word: str) -> bool:
    """Whether a name that follows a place can be a person or a party's people ("U.S. | President
    Donald Trump", "Kentucky | GOP Gov. Matt Bevin", "Virginia | Democrats", "Ohio | Sherrod
    Brown"), and not the rest of one name ("New York City", "Toronto Star")."""
    return (
        word in _TITLE_HEADS
        or word in _TITLE_MODIFIERS
        or word in _PARTIES
        or word in given_names()
        or word in NOT_NAMES
        or len(word) > 1
        and word.isupper()
    )  # "United States | I", "US | NEW YORK:"


_PARTIES = lexicon.words("names", "parties")


def _classify_name(text: str, m: re.Match, known: dict[str, str], speaker: str = "") -> Check | None:
    words = m.group().split()
    dropped = 0  # leading words that are not part of the name ("The" of "The Biden administration")
    while words and (words[0] in NOT_NAMES or words[0].islower() or _HYPHEN_ADJECTIVE.search(words[0])):
        words.pop(0)
        dropped += 1
    while words and (
        words[-1].islower() or words[-1] in _DAY_NAMES and len(words) > 1 and words[-2] not in _DAY_EVENTS
    ):
        words.pop()  # "Vietnam Wednesday": the day is a date of its own (not in "Black Friday")
    if not words:
        return None
    what = " ".join(words).removesuffix("’s").removesuffix("'s")
    if what.endswith(("s'", "s’")) and len(what) > 3:
        what = what[:-1]  # a plural's possessive: "Wichita Heights'"
    if what in NOT_NAMES:
        return None
    kind = known.get(what) or _guess_kind(text, m, what, len(words), speaker)
    # a clause after a colon starts like a sentence: "Pro tip: Get more ideas here"
    before = m.start()
    while before and text[before - 1] in " “\"‘'(":  # (a scan back, not a copy of all before it)
        before -= 1
    starts_sentence = not dropped and (before == 0 or text[before - 1] == ":")
    if starts_sentence and len(words) == 1 and what not in known and kind not in ("organisation", "place"):
        return None  # "According", "Even", "Teams": capitalised because they start the sentence
    if kind is None:
        return None
    known.setdefault(what, kind)
    if kind in ("person", "organisation") and len(words) > 1 or kind == "name" and _MAYBE_PERSON.fullmatch(what):
        # later mentions use the surname ("Kirby", and "Ahmado" of "Nisan Ahmado", whose given
        # name is not on the list) or the short name ("Wagner")
        short = words[0] if kind == "organisation" else words[-1]
        adjective = kind == "organisation" and _is_nationality(short)  # "Indonesian Navy"
        if short not in _ORG_TAIL and short not in _PLACES and not adjective:
            known.setdefault(short, kind)
    return Check(kind, what)


_DAY_NAMES = frozenset(DAYS.split("|"))
_DAY_EVENTS = lexicon.words("names", "day-events")
_DAY_EVENT_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(_DAY_EVENTS))})\s$")
_MAYBE_PERSON = re.compile(
    r"(?<![\w’'-])[A-Z][\w’'-]++(?: [A-Z][\w’'-]++){1,2}"
)  # "Nisan Ahmado", not "Secretary of State"


# The last word of a run of capitalised words that says it is not a person's name.
_TAIL_KINDS = (
    dict.fromkeys(lexicon.entries("names", "place-tails"), "place")
    | dict.fromkeys(lexicon.entries("names", "name-tails"), "name")
    | dict.fromkeys(lexicon.entries("names", "organisation-tails"), "organisation")
)
# A run that opens with a title: "Former President Donald Trump", "Foreign Minister Sergei
# Lavrov", "Deputy Director of Public Prosecution Eva-Marie Persson".
_TITLE_MODIFIERS = lexicon.words("names", "title-modifiers")
_TITLE_HEADS = lexicon.words("names", "title-heads")
_TITLE_WORDS = _TITLE_HEADS | _TITLE_MODIFIERS
_CONNECTORS = frozenset(("of", "for", "the"))
_GENERAL_NOT_TITLE = lexicon.words("names", "general-not-a-title")


def _title_kind(words: list[str]) -> str | None:
    """ "person" for a title and then a name, "name" for a title alone (an office), None when
    the run neither opens with a title nor holds a shortened one ("Gov."). The name is taken
    as the run's last one or two words, which must not follow "of" ("Minister of Health
    Services" is an office) or be a place ("President Ascom North America")."""
    # a nationality may come first: "Ukrainian President Zelensky", "Afghan Ambassador Hamdullah Mohib"
    lead = 1 if len(words) > 2 and _is_nationality(words[0]) and words[1] in _TITLE_WORDS else 0
    while (
        lead < len(words) - 1
        and words[lead] in _TITLE_MODIFIERS
        and not (words[lead] in _TITLE_HEADS and words[lead + 1] not in _TITLE_WORDS)
    ):
        lead += 1  # "Attorney General Bill Barr", but "Attorney Nealy Cox" (a title of its own)
    if words[lead] == "General" and lead == 0:  # "General Petraeus", but "General Motors"
        return "name" if len(words) == 2 and words[1] in _GENERAL_NOT_TITLE else "person"
    if words[lead] not in _TITLE_HEADS:
        # a shortened title further in: "Republican Gov. Eric Holcomb", "Former Massachusetts
        # Gov. Deval Patrick"
        shortened = [i for i, w in enumerate(words[:-1]) if w[-1] == "." and w in _TITLE_HEADS]
        if not shortened:
            return None
        lead = shortened[0]
    rest = words[lead + 1 :]
    while rest and (rest[0] in _TITLE_HEADS or rest[0] in _TITLE_MODIFIERS):
        rest = rest[1:]  # "Lt. Col. Alexander Vindman"
    name = rest[-2:]
    before = words[-len(name) - 1] if name and len(words) > len(name) else ""
    if (
        not name
        or before in _CONNECTORS
        or any(w in _CONNECTORS or w in _TITLE_HEADS or w in _TITLE_MODIFIERS for w in name)
        or name[-1] in _PLACES
    ):
        return "name"
    return "person"


_PERSON_AFTER = re.compile(r",?\s(?:said|says|told|added|wrote|who|\d{1,3},)\b")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names (``data/given_names.txt``, made by ``scripts/make_given_names.py``: the 1990
    US Census's and Moby Word II's, both public domain, and names from international news),
    less those that more often open another kind of name ("West Palm Beach", "Star Wars",
    "Ford Motor", "Chase Bank")."""
    names = (Path(__file__).parent / "data" / "given_names.txt").read_text(encoding="utf-8").split()
    return frozenset(names) - _NOT_GIVEN_NAMES


_NOT_GIVEN_NAMES = lexicon.words("names", "not-given-names")


_PLACE_BEFORE = re.compile(r"\b(?:in|near|across|at)\s$")
_ORG_TAIL = lexicon.words("names", "organisation-short-names")


def _guess_kind(text: str, m: re.Match, what: str, n_words: int, speaker: str = "") -> str | None:
    if what in _PLACES:
        return "place"  # before the organisation words: "West Bank"
    if _ORG_WORDS.search(what):
        return "organisation"
    if _PLACE_PHRASES.match(what) and what.split()[-1] in _PLACES:
        return "place"
    if n_words == 1 and (_DEMONYM.search(what) and what[:-2] not in _PLACES or what in _DEMONYMS_IN_I):
        return None  # "Russian", "Ukrainian": adjectives, the place is checked where named
    if (
        n_words == 1
        and what.endswith("s")
        and _is_nationality(what[:-1])
        and what[:-1] not in given_names()
        and what not in _PARTIES
    ):
        return None  # "Americans", "Israelis": a people, not a name to check (but "Evans")
    # the patterns below end where the name starts: search only the 40 characters before it
    # ($ matches at endpos, \b still sees the character before pos)
    before = (text, max(0, m.start() - 40), m.start())
    tail = _TAIL_KINDS.get(what.split()[-1])
    if tail and n_words > 1:
        return tail  # "Belmarsh Prison", "Oxford Street", "First Amendment", "Home Secretary"
    if what.startswith(("St. ", "Mt. ", "Ft. ")):
        return "place"  # "St. Louis", "Mt. Everest", "Ft. Worth"
    title = _title_kind(what.split())
    if title:
        return title  # "Prime Minister Rishi Sunak" a person, "Secretary of State" an office
    first = what.split()[0]
    titled = _TITLE_BEFORE.search(*before)
    if n_words in (2, 3) and len(first) > 1 and first.isupper() and not titled:
        return "name"  # "HMP Belmarsh", "NHS England": an acronym does not start a person's name
    if titled or n_words in (2, 3):
        if _DEMONYM.search(what.split()[-1]) and what.split()[0] in {"North", "South"}:
            return None  # "North Korean"
        # two or three capitalised words are a person's name when a title comes before them,
        # they start with a given name, they speak, or "said" or an age follows ("Len
        # Goodman, 75,"); else only a name ("Winter Solstice", "Pittsburgh Steelers")
        given = first in given_names() and first not in _PLACES  # "Jordan Munoz", not "Paris Motor Show"
        if titled or given or what == speaker or _PERSON_AFTER.match(text, m.end()):
            return "person"
        return "name"
    if _PLACE_BEFORE.search(*before):
        return "place"
    return "name"
