"""Page furniture judged by what it is, not by how one site words it.

Each paragraph of an article text is described by features that carry from site to site: its
shape (length, full stop or none, title case, a number first, a headline run into its summary),
the skip rules' verdicts on its sentences, words that mark a kind of furniture (a photo credit,
a promotion, a copyright line), and where it stands on the page: before, inside or after the
run of the article's prose, among other short lines or among prose, sharing the article's
words or not, said twice on the page. A small logistic regression over these features (weights
in ``data/furniture.json``, trained by ``scripts/train_furniture.py`` on the develop part of the
furniture sets; scored here in plain Python) gives the chance that the paragraph is the page's
and not the article's.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from factcheck.extraction import lexicon
from factcheck.extraction.body import LIST_MARKER, Body, find_body, list_runs, shows_page, signature
from factcheck.extraction.sentences import Span
from factcheck.extraction.words import content_words

MODEL_PATH = Path(__file__).parent / "data" / "furniture.json"

# The skip reasons that call a sentence the page's, and those that call it no claim for another
# reason (a heading, a fragment): both say something about the paragraph around it.
_FRAME = frozenset(("site furniture", "byline or credit", "caption"))
_NOT_PROSE = frozenset(("heading", "fragment of a sentence", "date, time or number only", "too short to be a claim"))

# Words and marks that say what kind of furniture a paragraph is (data/lexicon/furniture_cues.txt;
# "_" at either end of an entry is a space)
_CUES: dict[str, tuple[str, ...]] = {
    kind: tuple(" " * c.startswith("_") + c.strip("_") + " " * c.endswith("_") for c in cues)
    for kind, cues in lexicon.groups("furniture_cues").items()
}
# every cue with its kind, tried with ``in`` (three times faster than one pattern of them all)
_CUE_LIST = tuple((kind, cue) for kind, cues in _CUES.items() for cue in cues)
_DIGIT = re.compile(r"\d")
_BAR = re.compile(r"[|•»›·]")
_QUOTE_MARK = re.compile(r"[\"“”]")
_SMALL = frozenset("a an the of in on at to for and or but by with from as is vs v".split())
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_RUN_IN = re.compile(r"[a-z]{3}[A-Z][a-z]")  # "... Stalling Or FiresFord is recalling ..."
_ENDS_STOP = re.compile(r"[.!?]['\"”’)\]]*$")
_ENDS_ELLIPSIS = re.compile(r"(?:…|\.\.\.)['\"”’)\]]*$")
_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|you’re)\b")  # searched in lower-cased text
_FIRST_PLURAL = re.compile(r"\b(?:we|our|us)\b")  # searched in lower-cased text
_IMPERATIVE = re.compile(
    r"^(?:click|tap|get|sign|subscribe|join|read|watch|listen|see|find|learn|discover|try|shop|buy|download|"
    r"follow|share|explore|check|save|start|track|connect|fight|make|take|keep|discover|register|apply)\b",
    re.I,
)
_LINK = re.compile(r"www\.|https?://|\.com\b|\.org\b|\.net\b|\S@\S")
PROSE_WORDS = 15  # a block of prose: this many words or more and a sentence's end (as in ``body``)

FEATURES = (
    "bias_words",
    "short",
    "medium",
    "one_sentence",
    "ends_stop",
    "ends_ellipsis",
    "title_case",
    "starts_digit",
    "has_digit",
    "run_in",
    "bar",
    "second_person",
    "first_plural",
    "imperative",
    "quote",
    "link",
    "frame_share",
    "not_prose_share",
    *(f"cue_{kind}" for kind in _CUES),
    "before_body",
    "after_body",
    "no_body",
    "position",
    "prose",
    "prose_near",
    "short_near",
    "topic_recurring",
    "topic_any",
    "no_topic_words",
    "repeated",
    "list_marker",
    "template",
    "date_start",
    "ends_dash",
    "topic_lede",
    "trailing_credit",
    "duration",
    "list_run",
    "distance",
    "near_edge",
)
FAR = 30  # paragraphs from the body's edge at which ``distance`` reaches 1
NEAR_EDGE = 3  # paragraphs: just before or after the body (a standfirst, a closing line)
_DATE_START = re.compile(
    r"^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|"
    r"jul|aug|sep|oct|nov|dec)[a-z]*\b|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)",
    re.I,
)
_ENDS_DASH = re.compile(r"(?:--|—|–)$")
# A credit at the end: "... Fethi Belaid/AFP/Getty Images", "(AP Photo/David Zalubowski)",
# "Photograph: Adrian Malloch for the Guardian", "Credit: Tyvak", "Submitted photo". Run on the
# last TAIL characters only; a name starts after a non-word character, so each word is tried once.
_TRAILING_CREDIT = re.compile(
    r"(?:(?i:\b(?:photo(?:graph)?s?|images?|pictures?|credits?|illustrations?)\s?(?:[:/|]|\.\.\.|by\b)|\bcourtesy\sof\b|"
    r"\b(?:submitted|file|staff|handout|stock|contributed)\s(?:photo|image|picture)s?$)[^.!?]{0,60}"
    r"|(?<![\w.'’-])[A-Z][\w.'’-]*+(?:\s[A-Z][\w.'’-]*+){0,3}\s?/\s?[A-Z][\w.&'’-]*+(?:[ /][A-Z][\w.&'’-]*+){0,4})"
    r"\)?\.?$"
)
TAIL = 80
# a player's duration or a clip's length: "(4:22)", "Duration 3:21" (not "6:38 p.m.")
_DURATION = re.compile(r"(?<![\d:])\d{1,2}:[0-5]\d(?![\d:]|\s?[apAP]\.?[mM])")
# a reference's shape: "(2019)", "12(3): 45-67", "et al.", "doi:", "pp. 12"
_CITATION = re.compile(r"\(\d{4}[a-z]?\)|\b\d+\(\d+\):\s?\d|\bet al\b|\bdoi\b|\bpp?\.\s?\d")  # in lower case
SKELETON = 80  # characters: a list item's template is in its first words
_SKELETON = re.compile(r"[^\w\s'’]")


def _skeleton(text: str) -> str:
    """The punctuation of a line in order: list items made from one template share it
    ("June 19 -- PNC Music Pavilion, Charlotte, NC": "--,,")."""
    return "".join(_SKELETON.findall(text))


@dataclass(frozen=True)
class Paragraph:
    number: int  # the paragraph number of its sentences
    start: int
    end: int
    sentences: tuple[int, ...]  # indexes into the spans


def paragraphs(spans: list[Span]) -> list[Paragraph]:
    out: list[Paragraph] = []
    k = 0
    while k < len(spans):
        end = k
        while end + 1 < len(spans) and spans[end + 1].paragraph == spans[k].paragraph:
            end += 1
        out.append(Paragraph(spans[k].paragraph, spans[k].start, spans[end].end, tuple(range(k, end + 1))))
        k = end + 1
    return out


END = 12  # characters: where the end-anchored patterns look
EDGE = 120  # characters at each end of a long paragraph where the marks of a kind are looked for


def _ends(pattern: re.Pattern, text: str) -> bool:
    """An end-anchored pattern searched in the last END characters only, not the whole paragraph."""
    return pattern.search(text, max(0, len(text) - END)) is not None


def _is_prose(text: str, n_sentences: int) -> bool:
    return len(text.split()) >= PROSE_WORDS and (n_sentences >= 2 or _ends(_ENDS_STOP, text))


def features(
    text: str, spans: list[Span], reasons: list[str], body: Body | None
) -> list[tuple[Paragraph, dict[str, float]]]:
    """Each paragraph of ``text`` with its features (names in ``FEATURES``); ``body`` is where
    ``body.find_body`` puts the article's prose (None: a text with no prose)."""
    paras = paragraphs(spans)
    if not paras:
        return []
    texts = [text[p.start : p.end] for p in paras]
    prose = [_is_prose(t, len(p.sentences)) for t, p in zip(texts, paras)]
    # the article's prose: the blocks of prose in its body (a teaser's summary outside it is not)
    prose_at = [i for i, is_prose in enumerate(prose) if is_prose]
    inner = [i for i in prose_at if body is not None and body.first <= paras[i].number <= body.last]
    prose_at = inner or prose_at
    words = [content_words(t) for t in texts]
    # in how many prose paragraphs each word is used: an article's words recur, a teaser's do not
    used: dict[str, int] = {}
    for i in prose_at:
        for w in words[i]:
            used[w] = used.get(w, 0) + 1
    first, last = (body.first, body.last) if body else (-1, -1)
    lede: set[str] = set()
    for i in prose_at[:3]:
        lede |= words[i]
    skeletons = [_skeleton(t[:SKELETON]) for t in texts]
    in_list = list_runs([signature(t) for t in texts])
    lows = [t.lower() for t in texts]
    keys = [" ".join(low.split()) for low in lows]
    seen: dict[str, int] = {}
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
    first_three = set(prose_at[:3])
    article = set(prose_at)
    out = []
    n = len(paras)
    for i, (p, t) in enumerate(zip(paras, texts)):
        low = lows[i]
        # the words that mark a kind are looked for at a long paragraph's ends only: a
        # caption's credit, a promotion's call, a bio's contact are there, and the middle of
        # the article's prose is most of the text
        ends, low_ends = (
            (t, low) if len(t) <= 2 * EDGE else (t[:EDGE] + " " + t[-EDGE:], low[:EDGE] + " " + low[-EDGE:])
        )
        if not ends.strip():
            ends = low_ends = ""
        n_words = len(t.split())
        # title case: the share of capitalised words among those a headline capitalises
        big = capitals = 0
        for w, lw in zip(_WORD.findall(t), _WORD.findall(low)):
            if lw not in _SMALL:
                big += 1
                capitals += w[0].isupper()
        own = 1 if i in article else 0
        recurring = anywhere = in_lede = 0
        for w in words[i]:
            count = used.get(w, 0) - own
            recurring += count >= 2
            anywhere += count >= 1
            in_lede += w in lede
        if words[i]:
            recurring, anywhere = recurring / len(words[i]), anywhere / len(words[i])
        near = [j for j in range(max(0, i - 3), min(n, i + 4)) if j != i]
        frame = [reasons[k] in _FRAME for k in p.sentences]
        not_prose = [reasons[k] in _NOT_PROSE for k in p.sentences]
        f = {
            "bias_words": min(math.log1p(n_words) / 5, 1.0),
            "short": float(n_words < 8),
            "medium": float(8 <= n_words < PROSE_WORDS),
            "one_sentence": float(len(p.sentences) == 1),
            "ends_stop": float(_ends(_ENDS_STOP, t)),
            "ends_ellipsis": float(_ends(_ENDS_ELLIPSIS, t)),
            "title_case": capitals / big if big else 0.0,
            "starts_digit": float(t[:1].isdigit()),
            "has_digit": float(_DIGIT.search(t) is not None),
            "run_in": float(_RUN_IN.search(ends) is not None),
            "bar": float(_BAR.search(t) is not None),
            "second_person": float(_SECOND_PERSON.search(low_ends) is not None),
            "first_plural": float(_FIRST_PLURAL.search(low_ends) is not None),
            "imperative": float(_IMPERATIVE.match(t) is not None),
            "quote": float(_QUOTE_MARK.search(t) is not None),
            "link": float(_LINK.search(ends) is not None),
            "frame_share": sum(frame) / len(frame),
            "not_prose_share": sum(not_prose) / len(not_prose),
            "before_body": float(body is not None and p.number < first),
            "after_body": float(body is not None and p.number > last),
            "no_body": float(body is None),
            "position": i / max(1, n - 1),
            "prose": float(prose[i]),
            "prose_near": sum(prose[j] for j in near) / len(near) if near else 0.0,
            "short_near": sum(not prose[j] and len(texts[j].split()) < PROSE_WORDS for j in near) / len(near)
            if near
            else 0.0,
            "topic_recurring": recurring,
            "topic_any": anywhere,
            "no_topic_words": float(not words[i]),
            "repeated": float(seen[keys[i]] > 1),
            "list_marker": float(LIST_MARKER.match(t) is not None),
            "template": float(
                bool(skeletons[i]) and any(skeletons[j] == skeletons[i] for j in (i - 1, i + 1) if 0 <= j < n)
            ),
            "date_start": float(_DATE_START.match(t) is not None),
            "ends_dash": float(_ends(_ENDS_DASH, t)),
            "topic_lede": (
                in_lede / len(words[i]) if words[i] and i not in first_three else (1.0 if words[i] else 0.0)
            ),
        }
        f["trailing_credit"] = float(_TRAILING_CREDIT.search(t, max(0, len(t) - TAIL)) is not None)
        f["duration"] = float(_DURATION.search(ends) is not None)
        f["list_run"] = float(in_list[i])
        # how far outside the article's body: its last short lines are right after it, the
        # page's boxes further on
        gap = 0 if body is None else max(first - p.number, p.number - last, 0)
        f["distance"] = min(math.log1p(gap) / math.log1p(FAR), 1.0)
        f["near_edge"] = float(0 < gap <= NEAR_EDGE)
        marked = {kind for kind, cue in _CUE_LIST if cue in low_ends}
        for kind in _CUES:
            f[f"cue_{kind}"] = float(kind in marked)
        if not f["cue_citation"] and _CITATION.search(low_ends):
            f["cue_citation"] = 1.0
        out.append((p, f))
    return out


@lru_cache(maxsize=1)
def model() -> dict:
    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))


def probability(f: dict[str, float], weights: dict) -> float:
    """The logistic regression's chance for the features ``f`` under ``weights`` (a bias and a
    weight for each feature)."""
    w = weights["weights"]
    total = weights["bias"] + sum(w[name] * value for name, value in f.items() if value)
    return 1 / (1 + math.exp(-total))


# ---------------------------------------------------------------------------------------------
# What the pipeline asks: for each sentence, is its paragraph the page's, and of what kind


PLACES = ("before", "inside", "after")  # where a paragraph is, around the article's prose


def place_of(f: dict[str, float]) -> str:
    """Where a paragraph with features ``f`` is: before the article's body, inside it, after it."""
    return "before" if f["before_body"] else "after" if f["after_body"] else "inside"


@dataclass(frozen=True)
class Verdict:
    chance: float  # that the paragraph is the page's, not the article's
    kind: str  # what it looks like: caption, headline, promotion, ...
    place: str  # before, inside or after the article's body (PLACES): each has its skip threshold
    keep: bool  # never skipped on the chance alone: one of a run of paragraphs made from one
    # template (a list may be the article's facts: tour dates, a changelog), or prose when the
    # chance would take much of the page's prose (the article is never the page's furniture)


KINDS = {  # kind: what it is, for the reason of a statement held down (the skip's reason: data/rules.tsv)
    "caption": "a picture's caption or credit",
    "citation": "a citation, DOI or journal reference",
    "bio": "an author's bio or a credit",
    "update": "an update, correction or 'originally appeared' note",
    "copyright": "a copyright, trademark, syndication or cookie line",
    "promo": "a newsletter, donation, shop or affiliate promotion",
    "time": "a reading time, dateline or video player",
    "headline": "another story's headline or teaser",
    "furniture": "the page's furniture",
}


def kind_of(f: dict[str, float]) -> str:
    """The kind of furniture a paragraph looks like, from its cue and shape features."""
    for kind in ("caption", "citation", "copyright", "update", "promo", "bio", "time"):
        if f.get(f"cue_{kind}") or kind == "time" and f.get("duration"):
            return kind
    if not f["ends_stop"] or f["ends_ellipsis"] or f["run_in"]:
        return "headline"
    return "furniture"


def _neighbour_features(chances: list[float], i: int) -> dict[str, float]:
    near = [chances[j] for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < len(chances)]
    return {"near_mean": sum(near) / len(near) if near else 0.5, "near_max": max(near) if near else 0.5}


MOST_PROSE_TAKEN = 0.2  # of a page's prose words: more than this, and the chance takes no prose


def judge(text: str, spans: list[Span], reasons: list[str], body: Body | None) -> list[Verdict | None]:
    """For each sentence, the verdict on its paragraph; None where the text has no prose to
    judge a paragraph against (a line alone, a list of claims: the features of place and topic
    need an article around the line) or shows no page around its article (``body.shows_page``:
    a plain article, which the model has nothing to say about and would only slow down)."""
    out: list[Verdict | None] = [None] * len(spans)
    if body is None or not shows_page(reasons):
        return out
    found = features(text, spans, reasons, body)
    m = model()
    first = [probability(f, m["pass1"]) for _, f in found]
    chances = [probability({**f, **_neighbour_features(first, i)}, m["pass2"]) for i, (_, f) in enumerate(found)]
    prose_words = [len(text[p.start : p.end].split()) if f["prose"] else 0 for p, f in found]
    places = [place_of(f) for _, f in found]
    skip = m["thresholds"]["skip"]
    sure = sum(n for n, chance, place in zip(prose_words, chances, places) if chance >= skip[place])
    spare_prose = sure > MOST_PROSE_TAKEN * sum(prose_words)
    for (p, f), chance, words, place in zip(found, chances, prose_words, places):
        verdict = Verdict(round(chance, 4), kind_of(f), place, bool(f["list_run"]) or spare_prose and words > 0)
        for k in p.sentences:
            out[k] = verdict
    return out


# ---------------------------------------------------------------------------------------------
# Kinds a paragraph shows by its shape and place: rules, each with an id (see ``rules``)

SHORT_PARAGRAPH = 3  # sentences: a caption, a promotion box, a bio is no longer than this
SHORT_WORDS = 80
LONG_BIO = 6  # sentences: a writer's bio at the article's end may go on this long ...
LONG_BIO_WORDS = 150  # ... and this many words
_CAPTION_REASONS = frozenset(("caption",))
_PROMO_REASONS = frozenset(("site furniture",))
# "In this Sunday, Nov. 10, 2019, photograph, ...", "In this file photo, ..."
_AP_CAPTION = re.compile(
    r"^In\sthis\s(?:[\w.,'’-]+\s){0,6}?(?:file\s)?(?:photo(?:graph)?|image|picture|handout|frame\sgrab|video\s(?:still|image))\b"
)
# a picture's people by where they stand: "Deval Patrick, left, speaks with ..."
_PLACED = re.compile(
    r",\s(?:left|right|center|centre|second\sfrom\s(?:left|right)|front|rear|top|bottom)(?:\sto\s(?:left|right))?,\s"
)
# a picture's moment: a present-tense verb of what is seen, and a weekday with a full date
# ("... speaks during a fundraiser ..., Sunday, Nov. 17, 2019, in Las Vegas.")
_SEEN = re.compile(
    r"\b(?:speaks|talks|walks|stands|sits|poses|arrives|leaves|waves|attends|holds|gestures|listens|looks|"
    r"smiles|reacts|watches|greets|celebrates|is\sseen|are\sseen|marches|rallies|prays|addresses|visits)\b"
)
_WEEKDAY_DATE = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s(?:Jan|Feb|March|April|May|June|July|Aug|"
    r"Sept?|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2},\s\d{4}\b"
)
# the writer's line: "Will Knight is a senior writer for WIRED", "Roger Gonzalez is an
# award-winning writer based in Virginia"
_WRITER = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){1,3}(?:\s\([^()]{1,60}\))?\s(?:is|was)\s(?:an?|the)\s(?:[\w-]+\s){0,4}?"
    r"(?i:writer|reporter|editor|correspondent|columnist|contributor|journalist|producer|author|photographer|"
    r"critic|blogger|freelancer|analyst\sat|anchor|host)s?\b"
)
# a bio goes on about the writer: "She was formerly an editor at Motherboard", "He also operates ..."
_ABOUT_THE_WRITER = re.compile(r"^(?:He|She|They|His|Her|Their)\s")
# how to reach the writer: "Follow him on Twitter @...", "may be reached at ...", "Email Tariq at ..."
_CONTACT = re.compile(
    r"(?i:\bfollow\s(?:him|her|them|me|us)\b|\bmay\sbe\sreached\b|\bcan\sbe\sreached\b|\bemail\s(?:him|her|them|me)\b|"
    r"^email\s[A-Z]|\bon\s(?:twitter|facebook|instagram|linkedin)\b)"
)
_ADDRESS = re.compile(r"[\w.+-]@[\w-]+\.\w")  # "Send tips to louise_matsakis@wired.com"
# the publisher describing itself: "Space is part of Future US Inc, an international media
# group", "Billboard is a subsidiary of Valence Media, LLC."
_PUBLISHER = re.compile(
    r"^[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3}\s(?:is|are)\s(?:(?:a\s|an\s)?part\sof|a\s(?:subsidiary|division|unit|"
    r"brand|member|registered\strademark)\sof|owned\sby|published\sby|a\s(?:network|family)\sof)\b"
)
# another story's headline run into its summary: "... Metro-Detroit FavoritesFall has officially arrived."
# (the fused word, found once from each word's start; the capitalised words before it are
# counted in Python, since a pattern that counted them would try every run of them again)
_RUN_IN_WORD = re.compile(r"(?<![\w'’,-])[A-Z0-9][\w'’,-]*?[a-z0-9]{2}[.!?]?[A-Z][a-z]+\s[a-z0-9]")
RUN_IN_AFTER = 3  # capitalised words before the fused one: a headline's
# another story's headline, then its summary behind a dateline: "... warns Pak cleric Fazlur
# Rehman KARACHI: Firebrand cleric ..." (an article's own dateline opens its first paragraph)
_DATELINE_TEASER = re.compile(r"[a-z0-9'’”)]\s[A-Z]{3,}(?:\s[A-Z]{3,})?(?:\s\([A-Z]+\))?:\s[A-Z]")

# The paragraph rules, by id (data/rules.tsv gives each its reason); the kind is the id's first word.
PARAGRAPH_RULES = (
    "caption.credit-in-paragraph",
    "caption.ap-style",
    "bio.writer-line",
    "bio.contact",
    "promo.notice-in-paragraph",
    "copyright.publisher-line",
    "headline.run-in-summary",
    "headline.dateline-teaser",
)


def _run_in(text: str) -> bool:
    """Another story's headline run into its summary: a word with a headline's last word and the
    summary's first fused ("FavoritesFall has ..."), after RUN_IN_AFTER capitalised words."""
    for m in _RUN_IN_WORD.finditer(text):
        before = text[: m.start()].split()[-RUN_IN_AFTER:]
        if len(before) == RUN_IN_AFTER and all(w[0].isupper() or w[0].isdigit() for w in before):
            return True
    return False


def _notice(sentence: str) -> bool:
    """A short sentence that is the page's notice by its words ("Subscribe to our newsletter",
    "All rights reserved"), not only by addressing the reader ("Please let me know")."""
    from factcheck.extraction.skips import furniture_phrase, opens_as_furniture

    return len(sentence.split()) < 15 and (opens_as_furniture(sentence) or furniture_phrase(sentence))


def paragraph_rule(text: str, spans: list[Span], reasons: list[str], para: Paragraph, body: Body | None) -> str | None:
    """The id of the first paragraph rule (``PARAGRAPH_RULES``) that says ``para`` is the page's,
    or None. A rule reads the whole paragraph: a caption's first sentence says what is in the
    picture, and only its last, the credit, says it is a caption."""
    n = len(para.sentences)
    words = text[para.start : para.end].split()
    short = n <= SHORT_PARAGRAPH and len(words) <= SHORT_WORDS
    own = [reasons[k] for k in para.sentences]
    first = text[spans[para.sentences[0]].start : spans[para.sentences[0]].end]
    whole = text[para.start : para.end]
    if short and n > 1 and any(r in _CAPTION_REASONS for r in own):
        return "caption.credit-in-paragraph"
    if short and n > 1 and _TRAILING_CREDIT.search(whole, max(0, len(whole) - TAIL)) and not _QUOTE_MARK.search(whole):
        return "caption.credit-in-paragraph"
    if short and (
        _AP_CAPTION.match(first)
        or _PLACED.search(whole)
        and (_SEEN.search(whole) or _WEEKDAY_DATE.search(whole))
        or _SEEN.search(whole)
        and _WEEKDAY_DATE.search(whole)
    ):
        return "caption.ap-style"
    after = body is not None and para.number >= body.last  # the last block of prose, or later
    if (
        short
        and _WRITER.match(first)
        and (
            after
            or n > 1
            and (
                _CONTACT.search(whole)
                or _ABOUT_THE_WRITER.match(text[spans[para.sentences[1]].start : spans[para.sentences[1]].end])
            )
        )
    ):
        return "bio.writer-line"
    if (
        (after or _CONTACT.search(whole) or _ADDRESS.search(whole))
        and SHORT_PARAGRAPH < n <= LONG_BIO
        and len(words) <= LONG_BIO_WORDS
        and _WRITER.match(first)
        and _ABOUT_THE_WRITER.match(text[spans[para.sentences[1]].start : spans[para.sentences[1]].end])
    ):
        return "bio.writer-line"  # a longer bio at the end: "... She was formerly ... She is based in ..."
    if short and len(words) <= 40 and after and _CONTACT.search(whole):
        return "bio.contact"
    if (
        short
        and n > 1
        and len(words) <= 50
        and any(
            r in _PROMO_REASONS and _notice(text[spans[k].start : spans[k].end]) for k, r in zip(para.sentences, own)
        )
    ):
        return "promo.notice-in-paragraph"
    if short and after and _PUBLISHER.match(first):
        return "copyright.publisher-line"
    if _run_in(whole[:200]):
        return "headline.run-in-summary"
    if _DATELINE_TEASER.search(whole, 0, 200):
        return "headline.dateline-teaser"
    return None


def body_of(text: str, spans: list[Span], reasons: list[str]) -> Body | None:
    """``body.find_body``, told on a text that shows a page which paragraphs their shape already
    gives to the page (the paragraph rules that need no body: a caption, another story's headline
    run into its summary), so that a box of teasers is not taken for the article's prose."""
    taken = paragraph_rules(text, spans, reasons, None) if shows_page(reasons) else None
    return find_body(text, spans, reasons, taken)


# The writer's bio closes the article: what the run holds after it is the page's (a promotion,
# the site about itself, other stories), once this many blocks of the article's prose came before it
PROSE_BEFORE_BIO = 3


def paragraph_rules(text: str, spans: list[Span], reasons: list[str], body: Body | None) -> list[str | None]:
    """For each sentence, the paragraph rule that takes its paragraph as the page's, or None; and
    on a page, the rest of the article's run after the writer's bio at its end (``body.after-bio``)."""
    out: list[str | None] = [None] * len(spans)
    bio = None
    for para in paragraphs(spans):
        rule = paragraph_rule(text, spans, reasons, para, body)
        if rule:
            for k in para.sentences:
                out[k] = rule
            if bio is None and rule.startswith("bio."):
                bio = para
    if body is not None and body.run is not None and bio is not None and body.first <= bio.number < body.last:
        if sum(end <= bio.start for _, end in body.prose) >= PROSE_BEFORE_BIO:
            for k, span in enumerate(spans):
                if bio.number < span.paragraph <= body.last and out[k] is None:
                    out[k] = "body.after-bio"
    return out
