"""From sentences to checkable statements: what to skip and why, priority with reasons,
claim types, claimant, and the list of things to check.

Everything here is a readable rule so that every score can be explained to the checker who
has to trust it: each feature that moves a priority is named in ``reasons``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from . import priority
from .article import Article
from .priority import TOP_WORDS
from .sentences import Span, sentences

CHECK_WORTHY = 0.5  # priority at or above which a statement is worth a checker's time


@dataclass(frozen=True)
class Check:
    kind: str  # person | organisation | place | name | number | date | quote | superlative
    what: str


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
        sign\ up\b | subscribe\b | follow\ us\b | related\b | tags?: | filed\ under |
        posted\ in\b | all\ rights\ reserved | copyright\b | © | we\ use\ cookies |
        this\ (?:site|website)\ uses\ cookies | accept\ (?:all\ )?cookies | skip\ to |
        back\ to\ top | home\ ?[›»>/|] | previous\ (?:article|post) | next\ (?:article|post)
    )""",
    re.I | re.X,
)
# Furniture phrasing, worded so that a sentence reporting on the same subject ("The company
# changed its privacy policy in May") is not caught: the reader is addressed, or it is a label.
_FURNITURE_ANYWHERE = re.compile(  # searched in lower-cased text: no re.I, 3-4x faster
    r"all rights reserved|(?:our|daily|weekly|free) (?:\w+ )?newsletter|sign up (?:for|to|now)|"
    r"subscribe (?:to|now|today)|already a subscriber|(?:we|this (?:site|website)) uses? cookies|"
    r"(?:accept|enable|disable) (?:all )?cookies|cookie (?:policy|settings|preferences)|"
    r"(?:our|read the|view our) (?:privacy policy|terms of (?:use|service))|your (?:california )?privacy rights|"
    r"log ?in (?:to|for) (?:read|continue|access)|comments (?:are|will be) moderated|"
    r"your email address|email addresses will not be published|brandvoice|paid program|"
    r"public (?:inspection )?file|return to top|place a classified ad|requires javascript|"
    r"may not be (?:published|reproduced|redistributed)|written permission must|copyrighted property of|"
    r"^\d+ min read$|^\d+ ?[hmd] ago$|^\d+ (?:minutes?|hours?|days?) ago$|news tip\?|"
    r"follow (?:us|@?\w+) on (?:twitter|facebook|instagram)|download (?:the|our) \w+ apps?|"
    r"is not responsible for the (?:opinions|content)|thank you for (?:your support|reading)|"
    r"submit (?:your|a) letter to the editor|more great \w+ stories|\{\*.*\*\}",
)
_CREDIT = re.compile(
    r"^\(?(?:additional\ reporting|reporting|writing|editing|edited|compiled|produced|"
    r"written|research|graphics?|illustrations?|posted)\ by\b|"
    r"^by\ [A-Z][\w.'’-]+(?:\ [A-Z][\w.'’-]+){0,3}(?:\ (?:and|&)\ [A-Z][\w.'’-]+(?:\ [A-Z][\w.'’-]+){0,3})?$|"
    r"^\w+\ contributed\ (?:to\ )?(?:this\ )?report",
    re.X | re.I,
)
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
_OPINION = re.compile(
    r"^(?:i|we)\s+(?:think|believe|feel|hope|wish|love|hate|like|guess|suppose)\b|"
    r"^in\s+my\s+(?:view|opinion)\b|^(?:personally|frankly|honestly),",
    re.I,
)


def skip_reason(text: str, is_title: bool = False) -> str:
    """Why a sentence is not a checkable statement, or ``""`` when it is one."""
    bare = text.strip()
    if _FURNITURE.match(bare) or (len(bare) < 160 and _FURNITURE_ANYWHERE.search(bare.lower())):
        return "site furniture"
    if _CREDIT.match(bare):
        return "byline or credit"
    if _CAPTION.search(bare):
        return "caption"
    if bare.rstrip("'\"”’)]").endswith("?"):
        return "question"
    if not _REAL_WORD.search(bare) or (len(bare) < 60 and not _REAL_WORD.search(_DATE_WORDS.sub("", bare))):
        return "date, time or number only"
    if not is_title and (_LOWER_START.match(bare) or _cut_off(bare)):
        return "fragment of a sentence"
    if not is_title and bare.isupper() and len(bare) < 100:
        return "heading"
    words = _WORD.findall(bare)
    if len(words) < 4 and not is_title and not _NUMBER.search(bare):
        return "too short to be a claim"
    if _OPINION.match(bare) and not _NUMBER.search(bare):
        return "opinion"
    return ""


# ---------------------------------------------------------------------------------------------
# Features: what makes a statement worth checking

_WORD = re.compile(r"[\w’'-]+")
_NUMBER = re.compile(
    r"(?:[$£€¥]\s?)?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|per\s?cent|percent|bn|mn|m|k|billion|million|"
    r"thousand|trillion))?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|"
    r"hundreds?|thousands?|millions?|billions?)\b(?:\s(?:of\s)?(?:hundred|thousand|million|billion))?",
    re.I,
)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\."
)
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DATE = re.compile(
    rf"\b(?:(?:\d{{1,2}}\s)?(?:{_MONTHS})(?:\s\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s(?:1[89]|20)\d\d)?|"
    rf"(?:{_DAYS})|(?:in|since|by|until|from|of)\s(?:1[89]|20)\d\d(?:s)?|"
    rf"(?:last|next|this)\s(?:year|month|week|decade))\b"
)
_QUOTE = re.compile(r"“([^”]{3,})”|\"([^\"]{3,})\"")
_SUPERLATIVE = re.compile(
    r"\b(?:(?:most|least)\s[a-z-]+|[a-z]+est|best|worst|first|largest|biggest|only|record|"
    r"unprecedented|highest|lowest)\b",
    re.I,
)
_NOT_SUPERLATIVE = frozenset(
    "interest interests honest modest earnest forest rest test west best-selling arrest "
    "request protest suggest digest latest guest chest nest contest invest manifest harvest "
    "pest quest vest attest crest wrest priest northwest southwest midwest".split()
)
_COMPARATIVE = re.compile(  # searched in lower-cased text: no re.I, 3-4x faster
    r"\b(?:more|less|fewer|greater|higher|lower|larger|smaller|bigger|increase[sd]?|"
    r"decrease[sd]?|rose|fell|doubled|tripled|halved|compared)\b",
)
_CAUSAL = re.compile(  # searched in lower-cased text: no re.I, 3-4x faster
    r"\b(?:because(?:\sof)?|due\sto|as\sa\sresult|caused?|causing|led\sto|leads?\sto|"
    r"result(?:s|ed)?\sin|thanks\sto|blam(?:e|ed|ing)|responsible\sfor|so\sthat|"
    r"to\sprevent)\b",
)
_FUTURE = re.compile(  # searched in lower-cased text: no re.I, 3-4x faster
    r"\b(?:will|would|shall|going\sto|plans?\sto|planning\sto|expected\sto|set\sto|"
    r"intends?\sto|aims?\sto|in\sthe\scoming\s(?:days|weeks|months|years)|next\s(?:year|month|week))\b",
)
_RULES = re.compile(  # searched in lower-cased text: no re.I, 3-4x faster
    r"\b(?:law|laws|legal|illegal|unlawful|ban(?:s|ned)?|sanctions?|regulations?|rules?|"
    r"bill|act|legislation|constitution|court|ruled?|banned|blacklist|export\s(?:curbs|controls)|"
    r"treaty|policy|prohibit\w*|required\sby|mandatory)\b",
)
_HEDGE = re.compile(  # searched in lower-cased text: no re.I, 3-4x faster
    r"\b(?:may|might|could|possibly|perhaps|reportedly|allegedly|apparently|seems?|appears?\sto|"
    r"likely|unclear|rumou?red)\b",
)
_FIRST_PERSON = re.compile(r"\b(?:I|I’m|I'm|me|my|mine)\b")
_SPEECH = (
    r"said|says|say|told|tells|added|adds|claimed|claims|estimated|estimates|accused|accuses|"
    r"announced|announces|reported|reports|stated|states|warned|warns|argued|argues|confirmed|"
    r"confirms|denied|denies|alleged|alleges|insisted|insists|wrote|writes|noted|notes|"
    r"believes|believed|assessed|assesses|acknowledged|admitted|revealed|explained|predicted"
)
_AUX = r"(?:(?:has|have|had|also|previously|repeatedly|reportedly|later|then)\s)*"


# ---------------------------------------------------------------------------------------------
# Claimant: who the statement attributes its claim to

_NAME = r"[A-Z][\w’'.-]*(?:\s(?:[A-Z][\w’'.-]*|of|the|for|de|van|von|al-))*"
_PHRASE = r"(?:[\w’'.-]+\s){0,4}[\w’'.-]+"
_SUBJECT_BEFORE = re.compile(
    rf"(?:^|,\s|;\s|[“\"”]\s?|\bthat\s|\bwhile\s|\band\s)({_PHRASE})(?:,[^,]{{3,80}},)?\s{_AUX}(?:{_SPEECH})\b"
)
_SUBJECT_AFTER = re.compile(rf"[,”\"]\s*(?:{_SPEECH})\s({_NAME}|he|she|they)\b")
_ACCORDING = re.compile(rf"\baccording\sto\s((?:the\s)?{_NAME})")
_SENTENCE_SUBJECT = re.compile(
    r"^((?:The\s)?(?:[A-Z][\w’'-]*\s)+(?:[a-z]+\s)?)(?:has|have|had|is|was|were|are)\b"
)
_PRONOUNS = {"he", "she", "they", "it"}
_ROLES = frozenset(
    "mayor minister president spokesperson spokesman spokeswoman police government ministry "
    "officials official authorities company report study survey analysts experts researchers "
    "scientists data statement prosecutors lawyers court judge campaigners critics sources "
    "council administration department agency".split()
)
_PASSIVE = frozenset("was were is are be been being".split())
_AUX_WORDS = _PASSIVE | frozenset("has have had also previously repeatedly reportedly later then".split())
_FUNCTION_WORDS = frozenset(
    "on in at and while that who which but so then also even when after before as if".split()
)


def find_claimant(text: str) -> str:
    """The source a sentence attributes its claim to, as written ("Kirby", "he", "the US")."""
    for pattern in (_ACCORDING, _SUBJECT_AFTER, _SUBJECT_BEFORE):
        for m in pattern.finditer(text):
            who = _clean_subject(m.group(1))
            if who:
                return who
            if pattern is _SUBJECT_BEFORE and text[: m.start(1)].rstrip().endswith(" and"):
                # "The Biden administration ... and on Wednesday said": the sentence's subject
                subject = _SENTENCE_SUBJECT.match(text)
                if subject:
                    return subject.group(1).strip()
    return ""


def _clean_subject(phrase: str) -> str:
    words = phrase.split()
    if words and words[-1].endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", words[-1]):
        words[-1] = words[-1].rstrip(".")  # the full stop that ends the sentence
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return words[0].lower()
    while words and (words[0].lower() in _FUNCTION_WORDS or words[0] in _NOT_NAMES and words[0] != "The"):
        words.pop(0)
    while words and words[-1].lower() in _AUX_WORDS:
        if words.pop().lower() in _PASSIVE:
            return ""  # "Wagner was previously added to ...": not a speech act
    if not any(w[0].isupper() and w not in _NOT_NAMES for w in words):
        # "the mayor said", "police said": a role, not a name, still says who claims it
        if words and words[-1].lower() in _ROLES and len(words) <= 4:
            return " ".join(words)
        return ""
    return " ".join(words)


class _Claimants:
    """Resolve "he" and a bare surname to the full name used earlier in the article."""

    def __init__(self) -> None:
        self.people: list[str] = []
        self.known: dict[str, str] = {}  # names met so far and their kind, for find_checks
        self.last = ""

    def resolve(self, raw: str, text: str, same_paragraph_as_last: bool) -> str:
        if not raw:
            starts_with_quote = text.lstrip()[:1] in "“\""
            return self.last if (starts_with_quote and same_paragraph_as_last) else ""
        if raw in _PRONOUNS:
            return self.last if raw in {"he", "she"} else ""
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


# ---------------------------------------------------------------------------------------------
# Checks: each name, number, date, quote and superlative to confirm

_ORG_WORDS = re.compile(
    r"\b(?:Group|Council|House|Company|Ministry|Department|Administration|Agency|Party|Kremlin|"
    r"Inc|Corp|Ltd|University|Committee|Bank|Commission|Court|Office|Army|Forces?|Navy|Congress|"
    r"Senate|Parliament|Government|Reuters|Association|Institute|Foundation|Organi[sz]ation|"
    r"Service|Board|Union|Police|Pentagon|NATO|UN|EU|FBI|CIA|WHO|IMF|BBC|Times|Post|News)\b"
)
_PLACES = frozenset(
    """Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Bahrain
    Bangladesh Belarus Belgium Bolivia Bosnia Brazil Bulgaria Cambodia Cameroon Canada Chile
    China Colombia Croatia Cuba Cyprus Czechia Denmark Egypt England Estonia Ethiopia Finland
    France Georgia Germany Ghana Greece Haiti Hungary Iceland India Indonesia Iran Iraq Ireland
    Israel Italy Japan Jordan Kazakhstan Kenya Korea Kosovo Kuwait Latvia Lebanon Libya Lithuania
    Malaysia Mali Mexico Moldova Mongolia Morocco Myanmar Nepal Netherlands Nigeria Norway Oman
    Pakistan Palestine Panama Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Scotland
    Serbia Singapore Slovakia Somalia Spain Sudan Sweden Switzerland Syria Taiwan Thailand Tunisia
    Turkey Ukraine Uganda Venezuela Vietnam Wales Yemen Zimbabwe Africa Europe Asia America
    Gaza Crimea Donbas Donbass Moscow Kyiv Kiev Pyongyang Seoul Beijing Tokyo London Paris Berlin
    Washington Brussels Bakhmut Kharkiv Kherson Odesa Mariupol Jerusalem Tehran Baghdad Delhi
    US USA UK UAE""".split()
)
_PLACE_PHRASES = re.compile(r"^(?:North|South|East|West|New|Saudi|United|Northern|Southern)\s")
_NOT_NAMES = frozenset(
    (_MONTHS.replace("\\.", "") + "|" + _DAYS).split("|")
    + "The A An In On At By For From With To Of And But Or If While When After Before Since "
    "As It Its He She They We I You This That These Those There Here His Her Their Our My "
    "Your Mr Mrs Ms Dr About Some Many Most All No Not One Ties Because Additional".split()
)
_CAPITALISED = re.compile(r"[A-Z][\w’'-]*(?:\s(?:of\s|the\s|for\s)?[A-Z][\w’'-]*)*")
_TITLE_BEFORE = re.compile(
    r"(?:President|Prime Minister|Minister|Secretary|Senator|Governor|Mr|Mrs|Ms|Dr|General|"
    r"spokesperson|spokesman|spokeswoman|chief|leader|president|director|associate)\.?\s$"
)


def find_checks(text: str, known: dict[str, str] | None = None) -> list[Check]:
    """Everything in ``text`` a checker should confirm, each once, in order of appearance.

    ``known`` maps names met earlier in the article to their kind, so "Wagner" after
    "Wagner Group" is an organisation and "Kirby" after "John Kirby" a person; it is updated.
    """
    known = {} if known is None else known
    found: list[tuple[int, Check]] = []
    for m in _QUOTE.finditer(text):
        found.append((m.start(), Check("quote", m.group(1) or m.group(2))))
    dates = list(_DATE.finditer(text))
    for m in dates:
        found.append((m.start(), Check("date", m.group())))
    for m in _NUMBER.finditer(text):
        if any(d.start() <= m.start() < d.end() for d in dates):
            continue
        unit = _UNIT_AFTER.match(text, m.end())
        what = m.group().strip() + (unit.group() if unit and unit.group(1).lower() not in _NOT_UNITS else "")
        found.append((m.start(), Check("number", what)))
    for m in _SUPERLATIVE.finditer(text):
        if m.group().lower() not in _NOT_SUPERLATIVE:
            found.append((m.start(), Check("superlative", m.group())))
    for m in _CAPITALISED.finditer(text):
        check = _classify_name(text, m, known)
        if check:
            found.append((m.start(), check))
    seen: set[Check] = set()
    out = []
    for _, check in sorted(found, key=lambda pair: pair[0]):
        if check not in seen:
            seen.add(check)
            out.append(check)
    return out


_UNIT_AFTER = re.compile(r" ([a-z]{3,})\b")  # "50,000 personnel": the count says of what
_NOT_UNITS = frozenset(
    "per and the for from with into that than are was were has have had will would who which "
    "people's".split()
)
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ic|an)$")
_HYPHEN_ADJECTIVE = re.compile(r"-(?:linked|based|backed|led|owned|run|funded|born|style)$")


def _classify_name(text: str, m: re.Match, known: dict[str, str]) -> Check | None:
    words = m.group().split()
    while words and (words[0] in _NOT_NAMES or words[0].islower() or _HYPHEN_ADJECTIVE.search(words[0])):
        words.pop(0)
    while words and words[-1].islower():
        words.pop()
    if not words:
        return None
    what = " ".join(words).removesuffix("’s").removesuffix("'s")
    if what in _NOT_NAMES:
        return None
    kind = known.get(what) or _guess_kind(text, m, what, len(words))
    if kind is None:
        return None
    known.setdefault(what, kind)
    if kind in ("person", "organisation") and len(words) > 1:
        # later mentions use the surname ("Kirby") or the short name ("Wagner")
        short = words[-1] if kind == "person" else words[0]
        if short not in _ORG_TAIL:
            known.setdefault(short, kind)
    return Check(kind, what)


_ORG_TAIL = frozenset("Group Council House Company Ministry Department Administration".split())


def _guess_kind(text: str, m: re.Match, what: str, n_words: int) -> str | None:
    if _ORG_WORDS.search(what):
        return "organisation"
    if what in _PLACES or (_PLACE_PHRASES.match(what) and what.split()[-1] in _PLACES):
        return "place"
    if n_words == 1 and _DEMONYM.search(what) and what[:-2] not in _PLACES:
        return None  # "Russian", "Ukrainian": adjectives, the place is checked where named
    if _TITLE_BEFORE.search(text[: m.start()]) or n_words in (2, 3):
        if _DEMONYM.search(what.split()[-1]) and what.split()[0] in {"North", "South"}:
            return None  # "North Korean"
        return "person"
    if m.start() > 0 and re.search(r"\b(?:in|near|across|at)\s$", text[: m.start()]):
        return "place"
    return "name"


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


def rule_features(text: str, claimant: str, checks: list[Check]) -> set[str]:
    kinds = {c.kind for c in checks}
    low = text.lower()
    found = set()
    if "number" in kinds:
        found.add("number")
    if "date" in kinds:
        found.add("date")
    if claimant:
        found.add("attributed")
    if kinds & {"person", "organisation", "place", "name"}:
        found.add("named")
    if "superlative" in kinds or _COMPARATIVE.search(low):
        found.add("comparison")
    if _CAUSAL.search(low):
        found.add("causal")
    if _FUTURE.search(low):
        found.add("prediction")
    if _RULES.search(low):
        found.add("rules")
    if "quote" in kinds:
        found.add("quote")
    if _HEDGE.search(low):
        found.add("hedged")
    if _FIRST_PERSON.search(re.sub(_QUOTE, "", text)):
        found.add("first_person")
    if len(_WORD.findall(text)) < 8:
        found.add("short")
    return found


def score(text: str, found: set[str]) -> tuple[float, tuple[str, ...]]:
    """Priority in [0, 1] and its reasons: the rule features that moved it, strongest first
    (those that lowered it say so), then the words that moved it most."""
    bias, words, rules = priority.contributions(text, found)
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
    if "number" in found or "comparison" in found and _NUMBER.search(text):
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


def extract(article: Article) -> Extraction:
    """Run the statement pipeline over ``article.text``."""
    text = article.text
    statements: list[Statement] = []
    skipped: list[Skipped] = []
    claimants = _Claimants()
    last_paragraph = -1
    for span in sentences(text):
        sentence = text[span.start : span.end]
        is_title = span.start == text.find(article.title) and bool(article.title) and span.paragraph == 0
        reason = skip_reason(sentence, is_title=is_title)
        if reason:
            skipped.append(Skipped(sentence, span.start, span.end, reason))
            continue
        statements.append(_statement(sentence, span, claimants, last_paragraph))
        last_paragraph = span.paragraph
    return Extraction(tuple(statements), tuple(skipped))


def _statement(sentence: str, span: Span, claimants: _Claimants, last_paragraph: int) -> Statement:
    claimant = claimants.resolve(find_claimant(sentence), sentence, span.paragraph == last_paragraph)
    checks = find_checks(sentence, claimants.known)
    found = rule_features(sentence, claimant, checks)
    value, reasons = score(sentence, found)
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
