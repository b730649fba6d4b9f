"""Why a sentence is not a checkable statement, judged on the sentence alone: site furniture,
bylines and credits, captions, questions, dates or numbers only, fragments, headings, lines too
short to claim anything, first-person opinion. (What a whole pasted page says about a line,
before or after the article's prose, is in ``body``.) Each rule has an id (``data/rules.tsv``):
``skip_rule`` names the rule that skips a sentence, ``skip_reason`` gives its reason."""

from __future__ import annotations

import re
from itertools import islice

from factcheck.extraction import lexicon, rules
from factcheck.extraction.checks import NOT_NAMES, NUMBER

_FURNITURE = re.compile(
    r"""^(?:
        source\ link | read\ more | read\ the\ full | continue\ reading | click\ here |
        \[?\s*(?:read|see\ also|also\ read|more|watch|listen)\s*: |  # "[Read: ...]", "See also: ..."
        leave\ a\ (?:reply|comment) | cancel\ reply | post\ a\ comment |
        # "Comments", "Comments (12)", "Comments are closed"; not "Commenter Paul ..." nor
        # "Comments and reply features: Viewers can now ..."
        comments?(?:\W*$|\s*[(:]|\s+(?:are|have\s+been|closed|disabled|powered)\b) |
        # "941 comments", "2559Comments. Click to view comments", "924Reply", "2 comments on “...”"
        # (numbers one space apart, each taken whole: "(?:\d[\d,.]*k?\ ?)+" tried every way of
        # cutting a line of years into numbers, 164 s for "2013 2014 ... 2022")
        \d[\d,.]*+k?(?:\ \d[\d,.]*+k?)*+\ ?(?:comments?|repl(?:y|ies))(?:\W*$|\W+(?:click|add|join|view|show|leave)\b|\ on\ [“"]) |
        show\ comments | rating:\ *\d+\ *votes?\b | your\ email\ address\ will\ not\ be\ published |
        required\ fields\ are\ marked | save\ my\ name,\ email | notify\ me\ of |
        share\ (?:this|on|to|via)\b | share$ | tweet$ | email$ | print$ | advertisement$ |
        sign\ up\b | subscribe\b | follow\ us\b | tags?: | filed\ under |
        related(?!\ to\b)(?:\W*$|\s*:|\ [\w\ ]{0,30}:|\ (?:stories|articles|posts|coverage|content|links|reading|topics|videos)\b) |
        # not "Related research shows ...", "Related to each other: ..."
        posted\ in\b | all\ rights\ reserved | copyright\b | © | we\ use\ cookies |
        this\ (?:site|website)\ uses\ cookies | accept\ (?:all\ )?cookies | skip\ to |
        back\ to\ top | home\ ?[›»>/|] | previous\ (?:article|post) | next\ (?:article|post) |
        <(?:[a-z][a-z0-9]*\b[^>]*|/[a-z][a-z0-9]*\s*)> | <!--   # the page's code: "<img height="1" ...>"
    )""",
    re.I | re.X,
)
# The page's notices by their wording (data/lexicon/furniture_phrases.txt): for each group, the
# rule "furniture.phrase.<group>", and its phrases as (key, pattern): the key is a plain string
# the phrase cannot match without, tried first.
_FURNITURE_BY_KEY = tuple(
    (f"furniture.phrase.{group}", key, re.compile(phrase))
    for group, entries in lexicon.groups("furniture_phrases").items()
    for key, phrase in (entry.split("\t", 1) for entry in entries)
)
# The phrases as one pattern: what the keyed loop below must agree with (tests/test_words.py).
_FURNITURE_ANYWHERE = re.compile("|".join(phrase.pattern for _, _, phrase in _FURNITURE_BY_KEY))


def _furniture_phrase_rule(low: str) -> str:
    """The rule of the first phrase above in ``low``, or ""; a phrase's regex runs only when its
    key is in ``low`` (substring tests are far cheaper than trying 100 phrases at every
    position; a plain loop is cheaper than ``any`` over a generator)."""
    for rule, key, phrase in _FURNITURE_BY_KEY:
        if key in low and phrase.search(low) is not None:
            return rule
    return ""


def _furniture_anywhere(low: str) -> bool:
    return bool(_furniture_phrase_rule(low))


# "Fox News’ Jessica Napoli contributed to this report."
_CONTRIBUTED_ENDINGS = tuple(
    f"contributed to this {what}{stop}" for what in ("report", "story", "article") for stop in ("", ".")
)
# A sponsored teaser with its advertiser's site run into it: "Missing Teens Unsolved For 15
# Years, Until Police Uncover Truth...LifeDaily.com", "10 High Paying DegreesWomensarticle.com".
_SPONSORED = re.compile(r"(?:[a-z…!?)\]'’”]|\.\.\.)[A-Z][\w-]{0,60}\.(?:com|net|org|co\.uk|tv)$")
_DOMAIN_ENDINGS = (".com", ".net", ".org", ".co.uk", ".tv")


# Credit lines, each a rule of its own (data/rules.tsv), tried in this order.
_CREDITS = (
    (
        "credit.reporting-by",
        re.compile(
            r"^\(?(?:additional\ reporting|reporting|writing|editing|edited|compiled|produced|"
            r"written|research|graphics?|illustrations?|posted)\ by\b",
            re.X | re.I,
        ),
    ),
    (
        "credit.byline",
        re.compile(
            r"^by\ (?-i:[A-Z][\w.'’-]+(?:\ [A-Z][\w.'’-]+){0,3}(?:\ (?:and|&)\ [A-Z][\w.'’-]+(?:\ [A-Z][\w.'’-]+){0,3})?)$",
            re.X | re.I,
        ),
    ),
    ("credit.contributed", re.compile(r"^\w+\ contributed\ (?:to\ )?(?:this\ )?report", re.X | re.I)),
    (
        "credit.wire",
        re.compile(  # "Staff Reports", "The Associated Press"
            r"^(?:from\ )?(?:staff|wire)\ (?:reports?|writers?)\.?$|^(?:the\ )?associated\ press\.?$", re.X | re.I
        ),
    ),
    (
        "credit.source-interview",
        re.compile(  # a fact-check's list of sources
            r"^(?:e-?mail|phone|telephone)\ interview\ with\b", re.X | re.I
        ),
    ),
    # the writer's line under the article: "Perry Bacon Jr. is a senior writer for FiveThirtyEight."
    (
        "credit.writer-line",
        re.compile(
            r"^(?-i:[A-Z][\w.'’-]+(?:\ [A-Z][\w.'’-]+){1,3})\ is\ an?\ (?:[\w-]+\ ){0,3}"
            r"(?:writer|reporter|columnist|editor|correspondent|contributor|journalist)\ (?:for|at|with)\b",
            re.X | re.I,
        ),
    ),
    ("credit.email", re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")),  # "Sarah.Needleman@wsj.com"
)
# A writer's line says who the writer is and no more: "Jane Smith is a reporter for the Guardian
# who was arrested in Cairo on Monday" is news about her.
_WRITER_LINE_WORDS = 20
_MORE_THAN_A_WRITER = re.compile(r"\b(?:who|whose|which|was|were|has|had|said|says|will|after|when)\b")


def _credit_rule(bare: str) -> str:
    for rule, pattern in _CREDITS:
        if pattern.match(bare):
            if rule == "credit.writer-line" and (
                not fewer_words(bare, _WRITER_LINE_WORDS) or _MORE_THAN_A_WRITER.search(bare)
            ):
                continue
            return rule
    return ""


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
# A reader's comment, signed and stamped: "Rarst · March 10, 2017 at 1:26 AM", "Milan Griffes on
# September 12, 2018 at 4:47 pm said:"; and a name with a machine's timestamp: "2019-11-20
# 17:27:46 Marcus De Guzman". (Patterns of their own, run only on lines that can hold them.)
_COMMENT_STAMP = re.compile(
    r"(?:[·•|]\s*|\son\s)[A-Z][a-z]+\.?\s\d{1,2},\s\d{4}\s(?:at\s)?\d{1,2}:\d\d\s?[AaPp]\.?[Mm]\.?(?:\s+said:)?$"
)
_MACHINE_STAMP = re.compile(
    r"(?<![\w.'’-])(?:[A-Z][\w.'’-]*+\s){0,3}\d{4}-\d\d-\d\d\s\d\d:\d\d(?::\d\d)?(?:\s[A-Z][\w.'’-]*+){0,3}$"
)


def reader_stamp(line: str) -> bool:
    """A reader's comment, signed and stamped: "Rarst · March 10, 2017 at 1:26 AM"."""
    bare = line.strip()
    return (
        len(bare) < 120
        and bare.endswith(("said:", "M", "m", "m.", "M."))
        and _COMMENT_STAMP.search(bare) is not None
        and (bare.endswith("said:") or "·" in bare or "•" in bare or "|" in bare)
    )


def _stamped(bare: str) -> bool:
    """A byline's or a comment's stamp (see the patterns above)."""
    if len(bare) >= 120:
        return False
    if _STAMPED.search(bare):
        return True
    if bare.endswith(("said:", "M", "m", "m.", "M.")) and _COMMENT_STAMP.search(bare):
        return bare.endswith("said:") or "·" in bare or "•" in bare or "|" in bare
    return "-" in bare and ":" in bare and _MACHINE_STAMP.match(bare) is not None


# When the page says when it was published: "Published: 19 Oct 2018", "Updated Nov 13, 2019".
_TIMESTAMP = re.compile(r"^(?:first\s|last\s)?(?:published|updated|posted|modified)\b", re.I)
_TIMESTAMP_WORDS = re.compile(r"\b(?:first|last|published|updated|posted|modified|on|original)\b", re.I)
# The page talking to its reader: "Click to share on Twitter (Opens in new window)", "Close this
# modal window", "Follow timgray for Lifehacker", "By clicking Submit, you agree to ...". An
# imperative first word and either no full stop (a button or a label) or "you/your/our";
# quotes are left alone ("Please help us," she said).
_INTERFACE_VERB = re.compile(
    r"^(?:click|tap|close|clear|unfollow|follow|please|view|visit|watch|listen|get|download|"
    r"share|join|log\s?in|sign\s(?:in|up)|enter|select|choose|explore|shop|buy|see\s(?:all|more))\b(?!,)"
)  # "Listen, the Act is really a jobs act" is a claim
_READER = re.compile(r"\b(?:you|your|our|us)\b")
# A label and a call to the reader: "Physician Directory: Find a doctor in your area.", "Deal
# Alert: Save $50 on ...", "Also: See Black Friday coverage at CNET" (a promotion's box).
_LABELLED_CALL = re.compile(
    r"^[A-Z][\w'’&-]*(?:\s[A-Z][\w'’&-]*){0,3}:\s(?:Find|Get|Read|Connect|See|Track|Save|Learn|Search|Enter|Talk|"
    r"Join|Sign|Discover|Explore|Shop|Download|Try|Watch|Listen|Subscribe|Follow)\b"
)
_AGREEMENT = re.compile(r"^by\s\w+ing\b.*\b(?:you|i)\s(?:agree|consent|accept|have read)")
# A picture's caption or credit, in three patterns that each run only where they can match: at
# the start, after a "(", at the end (one pattern tried at every position cost 30 ms a MB).
_CAPTION_START = re.compile(
    r"(?:photo(?:graph)?|image|picture|video|illustration|file\ photo)\s*(?:credit)?\s*[:|/]|media\ caption\b|"
    r"(?:clockwise\ from\ (?:top|left|right|bottom)(?:\ left|\ right)?|(?:from|left\ to|right\ to)\ (?:left|right)|"
    r"pictured|main\ image|inset)\s*[:,]",  # "Clockwise from top: small whale bones; ...", "From left: ..."
    re.X | re.I,
)
_CAPTION_PAREN = re.compile(r"\((?:photo|image|picture)\b", re.I)
_CAPTION_CREDIT_RUN_IN = re.compile(r"[a-z]Credit:\s")  # "... in MayCredit: The Siberian Times"
_CAPTION_END = re.compile(r"(?:getty\ images|/\s*(?:reuters|ap|afp|getty))$", re.X | re.I)
# A short line ending with an agency's credit in brackets: "Julian Assange (AFP)". A long one is
# more often a story's summary ("Gunmen ... stormed Tunisia's national museum, killing at least
# 19 people (AP)"), a claim to keep.
_CREDIT_END = re.compile(r"\((?:AFP|AP|Reuters|REUTERS|EPA|Getty(?: Images)?|[Ff]ile(?: [Pp]hoto)?)\)$")


_CAPTION_ENDINGS = ("getty images", "reuters", "ap", "afp", "getty")  # what _CAPTION_END can match on


def _caption_rule(bare: str) -> str:
    if _CAPTION_START.match(bare) is not None:
        return "caption.label"
    if "(" in bare and _CAPTION_PAREN.search(bare) is not None:
        return "caption.photo-in-brackets"
    if "Credit:" in bare and _CAPTION_CREDIT_RUN_IN.search(bare) is not None:
        return "caption.credit-run-in"
    if bare[-12:].lower().endswith(_CAPTION_ENDINGS) and _CAPTION_END.search(bare) is not None:
        return "caption.agency-credit-end"
    if bare.endswith(")") and _CREDIT_END.search(bare) is not None and fewer_words(bare, 12):
        return "caption.agency-in-brackets"
    return ""


_REAL_WORD = re.compile(r"[^\W\d_]{3,}")  # three letters in a row: more than a date or a number
_DATE_WORDS = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s|sday)?|"
    r"wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|[ap]\.?m\.?|"
    r"et|pst|pdt|est|edt|gmt|utc|bst|cet|ago|(?:hours?|hrs?|minutes?|mins?|days?)(?=\s+ago\b))\b|"
    r"(?<!\d)\d++(?:st|nd|rd|th|am|pm)\b",
    re.I,
)
# Every run of three letters or more that _DATE_WORDS can take out whole. A run of letters not
# among them survives the substitution (a date word needs a word boundary on both sides, and a
# run has none inside), so most lines are settled without it.
_DATE_RUNS = lexicon.words("sentences", "date-runs")


def _word_beyond_dates(text: str) -> bool:
    """A word of three letters or more that is not a date or time word ("Updated 5 hours ago"
    has none); the same answer as searching ``text`` with the date words taken out."""
    for m in _REAL_WORD.finditer(text):
        run = m.group()
        if run.isascii() and run.lower() not in _DATE_RUNS:  # ("ſun" is "sun" to re.I)
            return True
    return _REAL_WORD.search(_DATE_WORDS.sub("", text)) is not None


_LOWER_START = re.compile(r"(?<![a-z])[a-z](?![a-z]*+[A-Z0-9])")  # "is professor emeritus of"; not "eHow", "my6sense"
_CUT_OFF_WORDS = lexicon.words("sentences", "cut-off-words")


def _cut_off(text: str) -> bool:
    """Ends with a comma or a word that cannot end a sentence ("victims and"); a loop from the
    end, where an end-anchored regex would scan the whole sentence."""
    if text.endswith(","):
        return True
    i = len(text)
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
    return text[i:].lower() in _CUT_OFF_WORDS


_SMALL_WORDS = lexicon.words("sentences", "small-words")
_LABEL_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LABEL_END = re.compile(r"[.!?…:;,]['\"”’)\]]*$")


def _title_case_label(text: str) -> bool:
    """Every word capitalised, no full stop, no number: a heading, a menu item or another
    story's headline ("Related Stories", "Pics of the Day"), not a sentence of this article."""
    if _LABEL_END.search(text) or any(ch.isdigit() for ch in text):
        return False
    words = [w for w in _LABEL_WORD.findall(text) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _menu_run(text: str) -> bool:
    """A long run of capitalised words with no full stop and no number: a menu or a list of
    other stories' headlines pasted as one line ("Latest News Applications OS Channel Programs
    Cloud Components & Peripherals Data Center ..."). Ten such words or more, nearly all
    capitalised; a sentence this long would have a full stop or lower-case words."""
    if len(text) < 100 or _MENU_RUN_STOP.search(text):
        return False
    words = [w for w in _CAPITALISABLE.findall(text) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 10 and sum(w[0].isupper() for w in words) >= 0.85 * len(words)


_MENU_RUN_STOP = re.compile(r"[.!?]['\"”’)]*(?:$|\s)|\d")
_CAPITALISABLE = re.compile(r"[^\W\d_][\w'’&-]*")


def _is_byline(bare: str) -> bool:
    m = _BYLINE.match(bare)
    if not m or m.group("name").split()[0] in NOT_NAMES:
        return False
    return not _LABEL_END.search(bare) or bare.endswith(("a.m.", "p.m."))


def _addresses_reader(bare: str, low: str) -> bool:
    if _AGREEMENT.match(low):
        return True
    if len(bare) > 200 or not _INTERFACE_VERB.match(low) or any(q in bare for q in '"“”'):
        return False
    return not _LABEL_END.search(bare) or bool(_READER.search(low))


_OPINION = re.compile(
    r"^(?:i|we)\s+(?:think|believe|feel|hope|wish|love|hate|like|guess|suppose)\b|"
    r"^in\s+my\s+(?:view|opinion)\b|^(?:personally|frankly|honestly),",
    re.I,
)


# The reasons that say a sentence is the page's frame, not its article (``body`` uses them).
FRAME_REASONS = frozenset(("site furniture", "byline or credit", "caption"))


def opens_as_furniture(text: str) -> bool:
    """Whether ``text`` starts as the page's label or notice ("Related stories", "We use cookies",
    "Share this"), not only mentions one."""
    return _FURNITURE.match(text.strip()) is not None


def furniture_phrase(text: str) -> bool:
    """Whether ``text`` holds one of the page's notices by its wording (furniture_phrases.txt)."""
    low = text.strip().lower()
    return len(low) < 160 and _furniture_anywhere(low)


def skip_reason(text: str, is_title: bool = False) -> str:
    """Why a sentence is not a checkable statement, or ``""`` when it is one."""
    rule = skip_rule(text, is_title)
    return rules.reason(rule) if rule else ""


def skip_rule(text: str, is_title: bool = False) -> str:
    """The id of the rule that skips a sentence (data/rules.tsv), or ``""`` when it is a
    statement. ``is_title``: the sentence holds the article's headline, which is never a
    fragment, a heading or too short."""
    bare = text.strip()
    low = bare.lower()
    if _FURNITURE.match(bare):
        return "furniture.label"
    if len(bare) < 160:
        rule = _furniture_phrase_rule(low)
        if rule:
            return rule
    if not is_title and _addresses_reader(bare, low):  # a headline may start "Get ..."
        return "furniture.addresses-reader"
    if not is_title and ":" in bare[:45] and _LABELLED_CALL.match(bare):
        return "furniture.labelled-call"
    if low.endswith(_DOMAIN_ENDINGS) and _SPONSORED.search(bare) is not None:
        return "furniture.sponsored-teaser"
    rule = _credit_rule(bare)
    if rule:
        return rule
    if _is_byline(bare):
        return "credit.byline"
    if _stamped(bare):
        return "credit.stamp"
    if low.endswith(_CONTRIBUTED_ENDINGS):  # "Fox News’ Jessica Napoli contributed to this report."
        return "credit.contributed"
    rule = _caption_rule(bare)
    if rule:
        return rule
    if bare.rstrip("'\"”’)]").endswith("?"):
        return "question"
    undated = _TIMESTAMP_WORDS.sub("", bare) if _TIMESTAMP.match(bare) else bare
    if not _REAL_WORD.search(undated) or (len(bare) < 80 and not _word_beyond_dates(undated)):
        return "date-only"
    if not is_title and _LOWER_START.match(bare):
        return "fragment.lower-case-start"
    if not is_title and _cut_off(bare):
        return "fragment.cut-off"
    if not is_title and len(bare) < 100 and bare.isupper():
        return "heading.capitals"
    if not is_title and len(bare) < 100 and _title_case_label(bare):
        return "heading.title-case"
    if not is_title and _menu_run(bare):
        return "heading.menu-run"
    if not is_title and fewer_words(bare, 4) and not NUMBER.search(bare):
        return "too-short"
    if _OPINION.match(bare) and not NUMBER.search(bare):
        return "opinion"
    return ""


_WORD = re.compile(r"[\w’'-]+")


def fewer_words(text: str, n: int) -> bool:
    """Fewer than ``n`` words, counting no further than ``n``."""
    return len(list(islice(_WORD.finditer(text), n))) < n
