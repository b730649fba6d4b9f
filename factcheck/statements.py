"""From sentences to checkable statements: what to skip and why, the features that make a
statement worth checking, its priority with reasons, and its claim types. Who said it lives in
``claimant``, what to check in ``checks``, the learned weights in ``priority``.

Every score can be explained to the checker who has to trust it: each feature that moves a
priority is named in ``reasons``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import islice

from . import priority
from .article import Article
from .checks import MONTHS, NOT_NAMES, NUMBER, QUOTE, Check, find_checks
from .claimant import Claimants, find_claimant
from .priority import TOP_WORDS
from .sentences import Span, sentences
from .words import WordList, content_words, content_words_in

CHECK_WORTHY = 0.5  # priority at or above which a statement is worth a checker's time


@dataclass(frozen=True)
class Statement:
    text: str
    start: int
    end: int
    paragraph: int
    priority: float
    reasons: tuple[str, ...]
    types: tuple[str, ...]
    claimant: str
    checks: tuple[Check, ...]


@dataclass(frozen=True)
class Skipped:
    text: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class Extraction:
    """The whole pipeline's answer for one article text."""

    statements: tuple[Statement, ...]
    skipped: tuple[Skipped, ...]


# ---------------------------------------------------------------------------------------------
# What is not a statement

_FURNITURE = re.compile(
    r"""^(?:
        source\ link | read\ more | read\ the\ full | continue\ reading | click\ here |
        leave\ a\ (?:reply|comment) | cancel\ reply | post\ a\ comment | comments? |
        \d+\ comments? | show\ comments | your\ email\ address\ will\ not\ be\ published |
        required\ fields\ are\ marked | save\ my\ name,\ email | notify\ me\ of |
        share\ (?:this|on|to|via)\b | share$ | tweet$ | email$ | print$ | advertisement$ |
        sign\ up\b | subscribe\b | follow\ us\b | tags?: | filed\ under |
        related(?:\W*$|\s*:|\ [\w\ ]{0,30}:|\ (?:stories|articles|posts|coverage|content|links|reading|topics|videos)\b) |
        # not "Related research shows ..."
        posted\ in\b | all\ rights\ reserved | copyright\b | © | we\ use\ cookies |
        this\ (?:site|website)\ uses\ cookies | accept\ (?:all\ )?cookies | skip\ to |
        back\ to\ top | home\ ?[›»>/|] | previous\ (?:article|post) | next\ (?:article|post)
    )""",
    re.I | re.X,
)
# Furniture phrasing, worded so that a sentence reporting on the same subject ("The company
# changed its privacy policy in May") is not caught: the reader is addressed, or it is a label.
_FURNITURE_PHRASES = (  # (what the phrase cannot be without, the phrase), in lower-cased text
    ("reserved", r"all rights reserved"),
    ("newsletter", r"(?:our|daily|weekly|free) (?:\w+ )?newsletter"),
    ("sign up", r"sign up (?:for|to|now)"),
    ("subscribe", r"subscribe (?:to|now|today)|already a subscriber"),
    ("cookie", r"(?:we|this (?:site|website)) uses? cookies?\b|(?:accept|enable|disable) (?:all )?cookies|"
               r"cookie (?:policy|settings|preferences)"),
    ("privacy", r"(?:our|read the|view our) privacy policy|your (?:california )?privacy rights"),
    ("terms of", r"(?:our|read the|view our) terms of (?:use|service)"),
    ("log", r"log ?in (?:to|for) (?:read|continue|access)"),
    ("moderated", r"comments (?:are|will be) moderated"),
    ("email address", r"your email address|email addresses will not be published"),
    ("brandvoice", r"brandvoice"),
    ("paid program", r"paid program"),
    ("public", r"public (?:inspection )?file"),
    ("return to top", r"return to top"),
    ("classified ad", r"place a classified ad"),
    ("javascript", r"requires javascript"),
    ("may not be", r"may not be (?:published|reproduced|redistributed)"),
    ("written permission", r"written permission must"),
    ("copyrighted", r"copyrighted property of"),
    ("min read", r"^\d+ min read$"),
    (" ago", r"^\d+ ?[hmd] ago$|^\d+ (?:minutes?|hours?|days?) ago$"),
    ("news tip", r"news tip\?"),
    ("follow ", r"follow (?:us|@?\w+) on (?:twitter|facebook|instagram)"),
    ("download ", r"download (?:the|our) \w+ apps?"),
    ("not responsible", r"is not responsible for the (?:opinions|content)"),
    ("thank you for", r"thank you for (?:your support|reading)"),
    ("letter to the editor", r"submit (?:your|a) letter to the editor"),
    ("more great", r"more great \w+ stories"),
    ("{*", r"\{\*.*\*\}"),
    # a menu label with its count ("Community Post (4824)", "View comments (27)"; not a year),
    # and a breadcrumb ("» Elections 2019")
    (")", r"^[^\W\d][\w&'’ -]{0,40} ?\((?!(?:19|20)\d\d\))\d[\d,]*\)$"),
    ("»", r"^»"),
    ("›", r"^›"),
    # disclosures, licences and comment-form notices of a page's frame
    ("powered by", r"proudly powered by|powered by (?:wordpress|disqus|blogger)"),
    ("amazon services", r"participant in the amazon services"),
    ("commission", r"(?:we|site) may (?:receive|earn) (?:an? )?(?:affiliate )?commission|earn an affiliate commission"),
    ("disclosure", r"(?:advertising|affiliate) disclosure"),
    ("akismet", r"uses akismet"),
    ("notify me", r"notify me (?:of|when|via)"),
    ("licensed under", r"(?:is|are) licensed under (?:a|the) creative commons"),
    ("available under", r"content is available under"),
    ("join the discussion", r"join the discussion"),
    ("find us on", r"find us on (?:facebook|twitter|instagram)"),
    ("delivered to your inbox", r"delivered (?:straight |directly )?to your inbox"),
    ("articles read", r"^\d+ of \d+ (?:free )?articles read"),
    ("personal data", r"i (?:agree|consent) to the processing of my personal data"),
    ("you might also", r"you might also like"),
    ("you may also", r"you may also like"),
    ("comment", r"^\d+ (?:post )?comments?(?: \(\+\))?$|(?:log ?in|sign in|create an account) to (?:comment|post|reply)|"
                r"your comment (?:contains|is awaiting|will be|has been)|(?:didn't|did not) like this comment"),
    ("lines and paragraphs", r"lines and paragraphs break automatically"),
    ("non-commercial", r"for your personal,? non-commercial use"),
    ("external", r"our approach to external linking|not responsible for the content of external"),
)
_FURNITURE_ANYWHERE = re.compile("|".join(phrase for _, phrase in _FURNITURE_PHRASES))
_FURNITURE_KEYS = tuple(key for key, _ in _FURNITURE_PHRASES)


def _furniture_anywhere(low: str) -> bool:
    """One of the phrases above; the regex runs only when one of their keys is in ``low``
    (substring tests are far cheaper than trying 30 phrases at every position)."""
    return any(key in low for key in _FURNITURE_KEYS) and _FURNITURE_ANYWHERE.search(low) is not None


_CREDIT = re.compile(
    r"^\(?(?:additional\ reporting|reporting|writing|editing|edited|compiled|produced|"
    r"written|research|graphics?|illustrations?|posted)\ by\b|"
    r"^by\ [A-Z][\w.'’-]+(?:\ [A-Z][\w.'’-]+){0,3}(?:\ (?:and|&)\ [A-Z][\w.'’-]+(?:\ [A-Z][\w.'’-]+){0,3})?$|"
    r"^\w+\ contributed\ (?:to\ )?(?:this\ )?report",
    re.X | re.I,
)
# "By Tess Bonn - 11/19/19 06:56 AM EST", "By M. Moon, 4h ago", "By Amy Kuperinsky | NJ Advance
# Media": two or more name words, then a separator, a date or a handle. "By Tuesday, the ..."
# has one capitalised word, and "By Christmas Day, Apple had sold ..." ends with a full stop, so
# both stay sentences. Words are separated by exactly one space: an optional separator would let
# the engine try every way of cutting "By AAAA..." into words (minutes on a 200-letter line).
_BYLINE = re.compile(
    r"^By\ (?P<name>[A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){1,3}|[A-Z]{2,}(?:\ [A-Z.]{2,}){1,3}"
    r"(?:\ ,?\ ?(?:and|&|,)\ [A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){1,3})?)"
    r"\s?(?:[-–—|@]|,\s?(?![a-z])|\d|on\ |(?:updated|published|staff|contributor)\b|$)",
    re.X,
)
# A dateline and byline with the page's stamp after a bar: "New Delhi, News Nation Bureau |
# Updated : 19 November 2019, 09:01 AM".
_STAMPED = re.compile(r"[|•·–—-]\s*(?:last\s)?(?:updated|published|posted)\s*(?:on\s)?:?\s*\d", re.I)
# When the page says when it was published: "Published: 19 Oct 2018", "Updated Nov 13, 2019".
_TIMESTAMP = re.compile(r"^(?:first\s|last\s)?(?:published|updated|posted|modified)\b", re.I)
_TIMESTAMP_WORDS = re.compile(r"\b(?:first|last|published|updated|posted|modified|on)\b", re.I)
# The page talking to its reader: "Click to share on Twitter (Opens in new window)", "Close this
# modal window", "Follow timgray for Lifehacker", "By clicking Submit, you agree to ...". An
# imperative first word and either no full stop (a button or a label) or "you/your/our";
# quotes are left alone ("Please help us," she said).
_INTERFACE_VERB = re.compile(
    r"^(?:click|tap|close|clear|unfollow|follow|please|view|visit|watch|listen|get|download|"
    r"share|join|log\s?in|sign\s(?:in|up)|enter|select|choose|explore|shop|buy|see\s(?:all|more))\b(?!,)"
)  # "Listen, the Act is really a jobs act" is a claim
_READER = re.compile(r"\b(?:you|your|our|us)\b")
_AGREEMENT = re.compile(r"^by\s\w+ing\b.*\b(?:you|i)\s(?:agree|consent|accept|have read)")
_CAPTION = re.compile(
    r"^(?:photo(?:graph)?|image|picture|video|illustration|file\ photo)\s*(?:credit)?\s*[:|/]|"
    r"\((?:photo|image|picture)\b|getty\ images$|/\s*(?:reuters|ap|afp|getty)$",
    re.X | re.I,
)
_REAL_WORD = re.compile(r"[^\W\d_]{3,}")  # three letters in a row: more than a date or a number
_DATE_WORDS = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s|sday)?|"
    r"wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|[ap]\.?m\.?|"
    r"et|pst|pdt|est|edt|gmt|utc|bst|cet)\b|\d+(?:st|nd|rd|th|am|pm)\b",
    re.I,
)
_LOWER_START = re.compile(r"[a-z](?![a-z]*[A-Z])")  # "is professor emeritus of"; not "eHow"
_CUT_OFF_WORDS = frozenset("and or of the a an to for with by in on at from as that".split())


def _cut_off(text: str) -> bool:
    """Ends with a comma or a word that cannot end a sentence ("victims and"); a loop from the
    end, where an end-anchored regex would scan the whole sentence."""
    if text.endswith(","):
        return True
    i = len(text)
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
    return text[i:].lower() in _CUT_OFF_WORDS
_SMALL_WORDS = frozenset("a an the of in on at to for and or but by with from as is vs v".split())
_LABEL_END = re.compile(r"[.!?…:;,]['\"”’)\]]*$")


def _title_case_label(text: str) -> bool:
    """Every word capitalised, no full stop, no number: a heading, a menu item or another
    story's headline ("Related Stories", "Pics of the Day"), not a sentence of this article."""
    if _LABEL_END.search(text) or any(ch.isdigit() for ch in text):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _is_byline(bare: str) -> bool:
    m = _BYLINE.match(bare)
    if not m or m.group("name").split()[0] in NOT_NAMES:
        return False
    return not _LABEL_END.search(bare) or bare.endswith(("a.m.", "p.m."))


def _addresses_reader(bare: str, low: str) -> bool:
    if _AGREEMENT.match(low):
        return True
    if len(bare) > 200 or not _INTERFACE_VERB.match(low) or any(q in bare for q in "\"“”"):
        return False
    return not _LABEL_END.search(bare) or bool(_READER.search(low))


_OPINION = re.compile(
    r"^(?:i|we)\s+(?:think|believe|feel|hope|wish|love|hate|like|guess|suppose)\b|"
    r"^in\s+my\s+(?:view|opinion)\b|^(?:personally|frankly|honestly),",
    re.I,
)


def skip_reason(text: str, is_title: bool = False) -> str:
    """Why a sentence is not a checkable statement, or ``""`` when it is one."""
    bare = text.strip()
    low = bare.lower()
    if (_FURNITURE.match(bare) or (len(bare) < 160 and _furniture_anywhere(low))
            or (not is_title and _addresses_reader(bare, low))):  # a headline may start "Get ..."
        return "site furniture"
    if _CREDIT.match(bare) or _is_byline(bare) or (len(bare) < 120 and _STAMPED.search(bare)):
        return "byline or credit"
    if _CAPTION.search(bare):
        return "caption"
    if bare.rstrip("'\"”’)]").endswith("?"):
        return "question"
    undated = _TIMESTAMP_WORDS.sub("", bare) if _TIMESTAMP.match(bare) else bare
    if not _REAL_WORD.search(undated) or (len(bare) < 80 and not _REAL_WORD.search(_DATE_WORDS.sub("", undated))):
        return "date, time or number only"
    if not is_title and (_LOWER_START.match(bare) or _cut_off(bare)):
        return "fragment of a sentence"
    if not is_title and len(bare) < 100 and (bare.isupper() or _title_case_label(bare)):
        return "heading"
    if not is_title and _fewer_words(bare, 4) and not NUMBER.search(bare):
        return "too short to be a claim"
    if _OPINION.match(bare) and not NUMBER.search(bare):
        return "opinion"
    return ""


# ---------------------------------------------------------------------------------------------
# Features: what makes a statement worth checking

_WORD = re.compile(r"[\w’'-]+")


def _fewer_words(text: str, n: int) -> bool:
    """Fewer than ``n`` words, counting no further than ``n``."""
    return len(list(islice(_WORD.finditer(text), n))) < n

# Word lists, looked up in the sentence's set of words (see words.py): same answers as the
# regexes \b(?:...)\b they replaced, several times faster.
_COMPARATIVE = WordList(
    "more|less|fewer|greater|higher|lower|larger|smaller|bigger|increase|increases|increased|"
    "decrease|decreases|decreased|rose|fell|doubled|tripled|halved|compared"
)
_CAUSAL = WordList(
    "because|due to|as a result|cause|caused|causing|led to|lead to|leads to|result in|results in|"
    "resulted in|thanks to|blame|blamed|blaming|responsible for|so that|to prevent"
)
_FUTURE = WordList(
    "will|shall|going to|plan to|plans to|planning to|expected to|set to|intend to|intends to|"
    "aim to|aims to|in the coming days|in the coming weeks|in the coming months|in the coming years|"
    "next year|next month|next week"
)
_RULES = WordList(
    "law|laws|legal|illegal|unlawful|ban|bans|banned|sanction|sanctions|regulation|regulations|rule|"
    "rules|bill|act|legislation|constitution|court|ruled|blacklist|export curbs|export controls|"
    "treaty|policy|prohibit*|required by|mandatory"
)
# "would" speaks of the future ("the change would bring in £2m") unless it is a wish, a
# counterfactual or a manner of speaking: "I would like", "it would have been", "I would say".
_WOULD_FUTURE = re.compile(
    r"\bwould\s(?!(?:have|like|love|prefer|rather|say|hope|argue|think|agree|suggest|imagine|guess)\b)"
)
_HEDGE = WordList(
    "may|might|could|possibly|perhaps|reportedly|allegedly|apparently|seem|seems|appear to|"
    "appears to|likely|unclear|rumored|rumoured"
)
_FIRST_PERSON = re.compile(r"\b(?:I|I’m|I'm|me|my|mine)\b")

# ---------------------------------------------------------------------------------------------
# Priority: a learned score (see priority.py) over words and these named rule features

FEATURES: tuple[tuple[str, str], ...] = (
    # (feature name, the reason shown to the checker)
    ("number", "contains a number or quantity"),
    ("date", "gives a date"),
    ("attributed", "attributed to a named source"),
    ("named", "names a person, organisation or place"),
    ("comparison", "makes a comparison or superlative"),
    ("causal", "makes a causal claim"),
    ("prediction", "announces a future action"),
    ("rules", "concerns a law, rule or sanction"),
    ("quote", "contains a direct quote"),
    ("hedged", "hedged (may, could, reportedly)"),
    ("first_person", "first-person opinion or experience"),
    ("short", "very short"),
)
_REASONS = dict(FEATURES)
MIN_WORD_WEIGHT = 0.15  # a word is named in the reasons when it moves the log-odds this much


def rule_features(text: str, claimant: str, checks: list[Check], words: set[str] | None = None) -> set[str]:
    """The named features of a statement; ``words`` is the set of ``priority.tokens(text)``,
    passed when the caller has it."""
    kinds = {c.kind for c in checks}
    low = text.lower()
    if words is None:
        words = set(priority.tokens(text))
    found = set()
    if "number" in kinds:
        found.add("number")
    if "date" in kinds:
        found.add("date")
    if claimant:
        found.add("attributed")
    if kinds & {"person", "organisation", "place", "name"}:
        found.add("named")
    if "superlative" in kinds or _COMPARATIVE.found(low, words):
        found.add("comparison")
    if _CAUSAL.found(low, words):
        found.add("causal")
    if _FUTURE.found(low, words) or "would" in words and _WOULD_FUTURE.search(low):
        found.add("prediction")
    if _RULES.found(low, words):
        found.add("rules")
    if "quote" in kinds:
        found.add("quote")
    if _HEDGE.found(low, words):
        found.add("hedged")
    if _FIRST_PERSON.search(QUOTE.sub("", text)):
        found.add("first_person")
    if _fewer_words(text, 8):
        found.add("short")
    return found


def score(text: str, found: set[str], tokens: list[str] | None = None) -> tuple[float, tuple[str, ...]]:
    """Priority in [0, 1] and its reasons: the rule features that moved it, strongest first
    (those that lowered it say so), then the words that moved it most. ``tokens`` is
    ``priority.tokens(text)`` when the caller has it."""
    bias, words, rules = priority.contributions(text, found, tokens)
    total = bias + sum(words.values()) + sum(rules.values())
    value = round(1 / (1 + math.exp(-total)), 2)
    reasons = [
        _REASONS[f] if weight > 0 else "lowered: " + _REASONS[f]
        for f, weight in sorted(rules.items(), key=lambda kv: (-abs(kv[1]), kv[0]))
        if abs(weight) >= 0.05
    ]
    strong = sorted(
        (kv for kv in words.items()
         if abs(kv[1]) >= MIN_WORD_WEIGHT and kv[0] not in priority.QUIET_WORDS and not kv[0].isdigit()),
        key=lambda kv: (-abs(kv[1]), kv[0]),
    )
    raised = [w for w, v in strong if v > 0][:TOP_WORDS]
    lowered = [w for w, v in strong if v < 0][:TOP_WORDS]
    if raised:
        reasons.append("words that raise it: " + ", ".join(raised))
    if lowered:
        reasons.append("words that lower it: " + ", ".join(lowered))
    return value, tuple(reasons)


def claim_types(text: str, found: set[str]) -> tuple[str, ...]:
    """Full Fact's claim typology, plus ``quote`` for direct quotations."""
    types = []
    if "number" in found or "comparison" in found and NUMBER.search(text):
        types.append("quantity")
    if "prediction" in found:
        types.append("prediction")
    if "causal" in found:
        types.append("causation")
    if "rules" in found:
        types.append("rules")
    if "first_person" in found:
        types.append("personal")
    if "quote" in found:
        types.append("quote")
    return tuple(types) or ("other",)


# ---------------------------------------------------------------------------------------------


OUTSIDE_BODY = "outside the article body"
_FRAME_REASONS = frozenset(("site furniture", "byline or credit", "caption"))
OFF_TOPIC = "shares no word with the article"
# a line that starts like an item of a list of facts: a date ("July 3 – Mansfield, MA"), a bullet
_LIST_ITEM = re.compile(rf"(?:[*•–-]\s|(?:{MONTHS})\s+\d|\d{{1,2}}\s+(?:{MONTHS})\b)")
_SENTENCE_END = re.compile(r"[.!?…:。！？]['\"”’)\]]*$")
BODY_MIN_WORDS = 15  # a block of the article's own prose: ends a sentence and is this long
BODY_GAP = 20  # paragraphs: prose further than this from any other prose does not start or end the body


def extract(article: Article) -> Extraction:
    """Run the statement pipeline over ``article.text``."""
    text = article.text
    statements: list[Statement] = []
    skipped: list[Skipped] = []
    claimants = Claimants()
    last_paragraph = -1
    spans = sentences(text)
    title_at = text.find(article.title) if article.title else -1
    reasons = [skip_reason(text[s.start : s.end], is_title=s.start == title_at) for s in spans]
    body = _body(text, spans, reasons)
    for span, reason in zip(spans, reasons):
        sentence = text[span.start : span.end]
        is_title = span.start == title_at  # where the headline first appears, even below a menu
        if not reason and not is_title:
            reason = _outside(span, sentence, body)
        if reason:
            skipped.append(Skipped(sentence, span.start, span.end, reason))
            continue
        statements.append(_statement(sentence, span, claimants, last_paragraph))
        last_paragraph = span.paragraph
    return Extraction(tuple(statements), tuple(skipped))


@dataclass
class _Body:
    first: int  # paragraph numbers of the first and last block of the article's own prose
    last: int
    text: str
    prose: list[tuple[int, int]]  # where the blocks of prose are in ``text``
    alone: frozenset[int]  # paragraphs of one sentence: lines
    _topic: set[str] | None = None

    @property
    def topic(self) -> set[str]:
        """The prose's content words; worked out when a line first asks (most texts never do),
        a block at a time so as not to copy the text."""
        if self._topic is None:
            self._topic = content_words_in(self.text[a:b] for a, b in self.prose)
        return self._topic


def _body(text: str, spans: list[Span], reasons: list[str] | None = None) -> _Body | None:
    """Where the article's own prose is (blocks of BODY_MIN_WORDS words or more that end a
    sentence or hold two, from the first that has another within BODY_GAP paragraphs to the
    last such) and what it is about, or None when the text has no such block."""
    blocks: dict[int, list[int]] = {}  # paragraph: [start, end, sentences, sentences that are furniture]
    for k, span in enumerate(spans):
        block = blocks.setdefault(span.paragraph, [span.start, span.end, 0, 0])
        block[1], block[2] = span.end, block[2] + 1
        block[3] += bool(reasons) and reasons[k] in _FRAME_REASONS
    prose = [p for p, (start, end, n, frame) in blocks.items()
             if (n >= 2 or _SENTENCE_END.search(text, start, end)) and len(text[start:end].split()) >= BODY_MIN_WORDS
             and frame < n]  # a block of the page's frame in sentences ("Comments are moderated ...") is not prose
    if not prose:
        return None
    # The body is a run of prose: a block with no other prose within BODY_GAP paragraphs of it
    # (a sign-up form's one sentence above 200 country names, a footer's) does not start or
    # end it, unless no two blocks are that close.
    first = next((p for p, q in zip(prose, prose[1:]) if q - p <= BODY_GAP), prose[0])
    return _Body(first, prose[-1], text, [(blocks[p][0], blocks[p][1]) for p in prose],
                 frozenset(p for p, (_, _, n, _) in blocks.items() if n == 1))


def _outside(span: Span, sentence: str, body: _Body | None) -> str | None:
    """A short line with no full stop (under 20 words) that is not the article's: before its
    first block of prose or after its last (the menu, the tour dates of a pasted page), or
    between them sharing no word with the prose (another story's headline, a shop's teaser).
    Inside the body a line that shares a word is kept (a subhead, a key point), and so is
    every line of a text with no prose block at all (a list of claims)."""
    if body is None:
        return None
    inside = body.first <= span.paragraph <= body.last
    if inside and span.paragraph not in body.alone:
        return None  # a sentence of a paragraph (the common case, so asked first)
    if _SENTENCE_END.search(sentence) or len(sentence.split()) >= 20:
        return None
    if inside:
        if len(sentence.split()) < 4 or any(ch.isdigit() or ch in '"“”' for ch in sentence):
            return None  # a number or a quote may be a fact: "July 3 – Mansfield, MA @ Xfinity Center"
        words = content_words(sentence)
        return OFF_TOPIC if words and words.isdisjoint(body.topic) else None
    if span.paragraph > body.last and any(ch.isdigit() for ch in sentence):
        # after the body, a list with numbers may be facts ("Waheed Zaman, 22, London E17", tour
        # dates), unless about something else: "54 American cities with dangerous ozone conditions"
        if _LIST_ITEM.match(sentence) or not content_words(sentence).isdisjoint(body.topic):
            return None
    return OUTSIDE_BODY


def _statement(sentence: str, span: Span, claimants: Claimants, last_paragraph: int) -> Statement:
    tokens = priority.tokens(sentence)  # one pass for the word lists, the checks and the model
    words = set(tokens)
    claimant = claimants.resolve(find_claimant(sentence, words), sentence, span.paragraph == last_paragraph)
    checks = find_checks(sentence, claimants.known, words)
    found = rule_features(sentence, claimant, checks, words)
    value, reasons = score(sentence, found, tokens)
    return Statement(
        text=sentence,
        start=span.start,
        end=span.end,
        paragraph=span.paragraph,
        priority=value,
        reasons=reasons,
        types=claim_types(sentence, found),
        claimant=claimant,
        checks=tuple(checks),
    )
