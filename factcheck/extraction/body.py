"""The article's own prose in text pasted from a web page, and the lines around it that are
not the article's: a menu above it, other stories' headlines between and after its paragraphs.
A line alone cannot say whose page it is on; the page around it can."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from factcheck.extraction import rules
from factcheck.extraction.checks import MONTHS
from factcheck.extraction.sentences import Span
from factcheck.extraction.skips import FRAME_REASONS, fewer_words, opens_as_furniture, reader_stamp
from factcheck.extraction.words import content_words, content_words_in

# The rules of this module (data/rules.tsv) and their reasons
OUTSIDE_BODY = rules.reason("body.outside")
OFF_TOPIC = rules.reason("body.off-topic")
COMMENTS = rules.reason("body.comments")
OTHER_STORIES = rules.reason("body.other-stories")
# The line that opens a page's comment section: "12 Comments", "Leave a Reply", "2 thoughts on
# “...”", "Join the discussion". After the article's prose, what follows is readers talking.
_COMMENTS_START = re.compile(  # used with match(text, start, end): anchored at start, $ at end
    r"(?:\[\s*+)?(?:(?:\(\d++\)\s*+|(?<!\d)\d++\s++)(?:comments?|responses?|replies)|comments|responses|replies|"
    # "[ 167 comments ]", "(42) Comments"; not "Comment" alone: a table's column in a technical post
    r"(?:reader|top\s+rated)\s+comments|discussion)(?:\s*\(\d+\))?:?\s*\]?$|"
    r"(?:leave|post|add|write)\s+a\s+(?:reply|comment)\b|"
    r"(?:(?<!\d)\d++|one|no)\s++(?:thoughts?|responses?|comments?|replies)\s+(?:on|to)\b|"
    r"join\s+the\s+(?:discussion|conversation)\b|(?:show|view|load)\s+(?:all\s+)?comments\b",
    re.I,
)
PROSE_BEFORE_COMMENTS = 3  # blocks of prose before a comments line: else it is a link under the headline
# (A reader's signed stamp opens the comments too: "Rarst · March 10, 2017 at 1:26 AM", "Milan
# Griffes on September 12, 2018 at 4:47 pm said:"; a tweet's "— Name (@handle) May 3, 2019" does not.)
# The line that opens a list of the site's other stories: "Related Stories", "More from CNN",
# "You may also like", "Most Read". A box of them can also sit inside an article, so the list
# ends the article only when the prose after the line is not the article's (below).
_OTHER_STORIES_START = re.compile(
    r"(?:(?:related|more|recommended|trending|popular|top|latest|other|sponsored|promoted|recent|similar|"
    r"featured)\s+(?:stories|articles|posts|news|reads|videos|coverage|content|for\s+you)|"
    r"most\s+(?:popular|read|viewed|shared|emailed)|you\s+(?:may|might)\s+also\s+(?:like|enjoy)|"
    r"(?:what\s+to\s+)?read\s+next|(?:from\s+)?around\s+the\s+web|editor'?s?’?\s+picks|recommended|"
    r"trending(?:\s+now)?|related|more\s+from\s+[\w\s.'’-]{1,30}|more\s+on\s+this\s+story|"
    r"in\s+case\s+you\s+missed\s+it|don'?’?t\s+miss|popular\s+now|also\s+on\s+[\w\s.'’-]{1,30}|"
    r"more\s+[A-Z][\w&-]*|want\s+more\s+stories\s+like\s+this\?)"  # "More World" (a section's name)
    r"\s*:?$",
    re.I,
)
# After such a line the article goes on when one of the next three blocks of prose shares this
# many content words with the prose before the line (chosen among 2, 3, 4 and 6) ...
SHARED_WITH_ARTICLE = 3
# ... and, when two or more follow and share no word among themselves (a list of other stories,
# each about something else), this many of the words the article uses in more than one block.
SHARED_RECURRING = 2
# ... and only when the prose before the line is an article: its blocks use this many words more
# than once (a box of promotions, each about something else, does not)
ARTICLE_RECURRING = 2
# a line that starts like an item of a list of facts: a date ("July 3 – Mansfield, MA"), a bullet
_LIST_ITEM = re.compile(rf"(?:[*•–-]\s|(?:{MONTHS})\s+\d|\d{{1,2}}\s+(?:{MONTHS})\b)")
_SENTENCE_END = re.compile(r"[.!?…:。！？]['\"”’)\]]*$")
BODY_MIN_WORDS = 15  # a block of the article's own prose: ends a sentence and is this long
BODY_MIN_BLOCKS = 2  # blocks of prose: one alone is no article to place the lines around (a list)
BODY_GAP = 20  # paragraphs: prose with no other prose this close after it does not start the body
# A text shows a page around its article when this share of its sentences or more are the page's
# frame by the sentence rules (furniture, credits, captions): a page's article (90% of the develop
# pages pasted whole have 2.7% or more) and not a plain article (90% of GUM and EWT documents have
# 3.4% or less, most none). Only such a text is searched for the run of its article (below) and
# judged by ``furniture``.
PAGE_SIGNS = 0.01


@dataclass
class Body:
    first: int  # paragraph numbers of the first and last block of the article's own prose
    last: int
    text: str
    prose: list[tuple[int, int]]  # where the blocks of prose are in ``text``
    alone: frozenset[int]  # paragraphs of one sentence: lines
    comments: int | None = None  # the paragraph that opens the comment section
    other_stories: int | None = None  # the paragraph that opens a list of other stories after the article
    run: tuple[int, int] | None = None  # the article's run on a page (``article_run``), else None
    listed: frozenset[int] = frozenset()  # paragraphs of a list made from one template
    _topic: set[str] | None = None

    @property
    def topic(self) -> set[str]:
        """The prose's content words; worked out when a line first asks (most texts never do),
        a block at a time so as not to copy the text."""
        if self._topic is None:
            self._topic = content_words_in(self.text[a:b] for a, b in self.prose)
        return self._topic


def shows_page(reasons: list[str]) -> bool:
    """Whether a text shows a page around its article (PAGE_SIGNS), by its sentences' skip reasons."""
    return bool(reasons) and sum(r in FRAME_REASONS for r in reasons) >= PAGE_SIGNS * len(reasons)


def find_body(
    text: str, spans: list[Span], reasons: list[str] | None = None, taken: list[str | None] | None = None
) -> Body | None:
    """Where the article's own prose is (blocks of BODY_MIN_WORDS words or more that end a
    sentence or hold two, from the first that has another within BODY_GAP paragraphs after it
    to the last) and what it is about, or None when the text has fewer than BODY_MIN_BLOCKS such
    blocks. ``reasons``, the sentences' skip reasons, keep the page's own notices from counting
    as prose; on a text that shows a page, the body is the prose of the article's run
    (``article_run``), and ``taken`` names the sentences a paragraph rule gives to the page by
    their paragraph's shape (a caption, another story's headline run into its summary)."""
    blocks: dict[int, list[int]] = {}  # paragraph: [start, end, sentences, sentences that are furniture]
    opens: set[int] = set()  # paragraphs that open with a sentence of the page's frame
    for k, span in enumerate(spans):
        block = blocks.setdefault(span.paragraph, [span.start, span.end, 0, 0])
        block[1], block[2] = span.end, block[2] + 1
        block[3] += bool(reasons) and reasons[k] in FRAME_REASONS or bool(taken and taken[k])
        if block[2] == 1 and block[3]:
            opens.add(span.paragraph)
    prose = [
        p
        for p, (start, end, n, frame) in blocks.items()
        if (n >= 2 or _SENTENCE_END.search(text, start, end))
        and len(text[start:end].split()) >= BODY_MIN_WORDS
        and frame < n
    ]  # a block of the page's frame in sentences ("Comments are moderated ...") is not prose
    if len(prose) < BODY_MIN_BLOCKS:
        return None
    # The body is a run of prose: a block with no other prose within BODY_GAP paragraphs after
    # it (a sign-up form's one sentence above 200 country names) does not start it, unless no
    # two blocks are that close. (At the end the same test cut off lists that close articles.)
    first = next((p for p, q in zip(prose, prose[1:]) if q - p <= BODY_GAP), prose[0])
    run, listed = None, frozenset()
    if reasons and shows_page(reasons):
        listed = _listed(text, blocks)
        run = article_run(text, blocks, prose, opens, listed)
        inner = [p for p in prose if run and run[0] <= p <= run[1]]
        if inner:
            prose, first = inner, inner[0]
        else:
            run = None
    comments = _comments_start(text, blocks, prose)
    if comments is not None:
        prose = [p for p in prose if p < comments]
    other_stories = _other_stories_start(text, blocks, prose)
    teasers = _teaser_list_start(text, blocks, prose, reasons)
    if teasers is not None and (other_stories is None or teasers < other_stories):
        other_stories = teasers
    if other_stories is not None:
        prose = [p for p in prose if p < other_stories]
    return Body(
        first,
        prose[-1],
        text,
        [(blocks[p][0], blocks[p][1]) for p in prose],
        frozenset(p for p, (_, _, n, _) in blocks.items() if n == 1),
        comments,
        other_stories,
        run,
        listed,
    )


# ---------------------------------------------------------------------------------------------
# The article's run on a page. A page pasted whole holds prose that is not the article's: other
# stories' summaries, promotions, a cookie notice, readers' comments. The article is the run of
# paragraphs where the prose is densest and holds together (its paragraphs use each other's
# words), found as the run with the greatest worth (the maximum-sum segment); then the run
# grows on each side over the paragraphs that are about what it is about.

RUN_COST = 6  # words: what each paragraph costs the run (a menu's item costs, prose pays for itself)
COHESION = 0.2  # share of a paragraph's words that the paragraphs near it use: below, it counts for less
NEAR = 3  # paragraphs of NEAR_WORDS words or more on each side, for cohesion
NEAR_WORDS = 8
RUN_MIN = 40  # the worth of the best run: below it, no run stands out (a short article) and none is taken
GROW_COST = 3  # what each paragraph costs as the run grows
GROW_SHARE = 0.2  # share of a paragraph's words that the run uses: below, it counts for less
# A paragraph that uses this share of its words or more from the page's notices near it (a
# paragraph of two sentences or more that opens as one: "This website uses cookies ...", not a
# label's one line, "Related: ...") goes on with the notice (the cookie policy's "Necessary
# cookies are ..."): it is the page's frame to the run, so a cookie box's prose cannot take the
# run from a short article (scrapinghub:612cd298, develop).
NOTICE_SHARE = COHESION


def _listed(text: str, blocks: dict[int, list[int]]) -> frozenset[int]:
    """The paragraphs in a list made from one template (``list_runs``)."""
    order = sorted(blocks)
    runs = list_runs([signature(text[blocks[p][0] : blocks[p][1]]) for p in order])
    return frozenset(p for p, listed in zip(order, runs) if listed)


def _best_run(order: list[int], gains: dict[int, float]) -> tuple[float, tuple[int, int] | None]:
    """The run of consecutive paragraphs whose gains add up to the most, and that sum."""
    best, at = 0.0, None
    total, start = 0.0, None
    for p in order:
        if start is None or total <= 0:
            total, start = 0.0, p
        total += gains[p]
        if total > best:
            best, at = total, (start, p)
    return best, at


def article_run(
    text: str, blocks: dict[int, list[int]], prose: list[int], opens: set[int], listed: frozenset[int]
) -> tuple[int, int] | None:
    """The first and last paragraph of the article's run on a page, or None when no run stands
    out. A paragraph's worth is its words, less RUN_COST; its words count for less when the
    paragraphs near it do not share them (another story's summary among the article's, a box of
    teasers each about something else), and not at all when it is the page's frame or opens as
    the page's notice. An item of a list costs nothing. The run then grows on each side while
    the paragraphs there are about the run's words (GROW_SHARE), a subhead or a closing line."""
    order = sorted(blocks)
    bags = {p: content_words(text[blocks[p][0] : blocks[p][1]]) for p in order}
    sizes = {p: len(text[blocks[p][0] : blocks[p][1]].split()) for p in order}
    framed = {p for p in order if blocks[p][3] >= blocks[p][2] or p in opens}
    near = [p for p in order if sizes[p] >= NEAR_WORDS]
    notices = {p for p in opens if blocks[p][2] >= 2 and opens_as_furniture(text[blocks[p][0] : blocks[p][1]])}
    if notices:
        framed |= _about_notices(order, bags, near, notices, framed)
    gains: dict[int, float] = {}
    for p in order:
        gain = -RUN_COST
        if p not in framed and bags[p]:
            j = bisect.bisect_left(near, p)
            around = set().union(*(bags[q] for q in near[max(0, j - NEAR) : j + NEAR + 1] if q != p))
            gain = sizes[p] * min(1.0, len(bags[p] & around) / len(bags[p]) / COHESION) - RUN_COST
        gains[p] = max(gain, 0.0) if p in listed else gain
    worth, run = _best_run(order, gains)
    if run is None or worth < RUN_MIN:
        return None
    lo, hi = run
    vocabulary = set().union(*(bags[p] for p in prose if lo <= p <= hi))
    for p in order:
        if lo <= p <= hi:
            continue
        gain = -GROW_COST
        if p not in framed and bags[p]:
            gain = sizes[p] * min(1.0, len(bags[p] & vocabulary) / len(bags[p]) / GROW_SHARE) - GROW_COST
        gains[p] = max(gain, 0.0) if p in listed else gain
    return _grown(order, gains, lo, -1), _grown(order, gains, hi, 1)


def _about_notices(
    order: list[int], bags: dict[int, set[str]], near: list[int], notices: set[int], framed: set[int]
) -> set[int]:
    """The paragraphs that go on with a notice of the page's near them (NOTICE_SHARE of their
    words from the notices among their NEAR paragraphs on each side)."""
    out = set()
    for p in order:
        if p in framed or not bags[p]:
            continue
        j = bisect.bisect_left(near, p)
        around = [q for q in near[max(0, j - NEAR) : j + NEAR + 1] if q in notices and q != p]
        if around and len(bags[p] & set().union(*(bags[q] for q in around))) >= NOTICE_SHARE * len(bags[p]):
            out.add(p)
    return out


def _grown(order: list[int], gains: dict[int, float], edge: int, step: int) -> int:
    """How far the run grows from ``edge`` (step -1: back, 1: on): to where the gains beyond
    the edge add up to the most, if that is more than nothing."""
    best, at, total = 0.0, edge, 0.0
    for p in reversed(order[: order.index(edge)]) if step < 0 else order[order.index(edge) + 1 :]:
        total += gains[p]
        if total > best:
            best, at = total, p
    return at


# ---------------------------------------------------------------------------------------------
# Lists made from one template: tour dates, a changelog, qualified teams. Their items are facts
# as often as a menu's are furniture, so neither the run nor the furniture model takes them for
# the page's on their place alone.

LIST_RUN = 3  # paragraphs in a row made from one template: a list
LIST_MARKER = re.compile(r"^(?:[+*•·▪–-]\s|\d{1,2}[.)]\s)")
_FIRST_TOKEN = re.compile(r"\S+")
_MONTH_OR_DAY = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)", re.I)
_MARK = re.compile(r"[^\w\s'’]")


def signature(text: str) -> str:
    """What the items of one list share: the kind of their first word (a bullet, a number, a
    month or day, a word) and the first punctuation mark in their first 30 characters
    ("June 19 -- PNC Music Pavilion": "month --"; "Spain (Group F): ...": "word ("; "1. Finland"
    and "2. Norway": "bullet:# "). A plain line with neither a marked first word nor punctuation
    has no signature: menus and headlines share that much."""
    first = _FIRST_TOKEN.match(text)
    word = first.group() if first else ""
    if LIST_MARKER.match(text):
        kind = "bullet:" + ("#" if word[:1].isdigit() else word)
    elif word[:1].isdigit():
        kind = "number"
    elif _MONTH_OR_DAY.match(word):
        kind = "month"
    else:
        kind = "word"
    marks = _MARK.findall(text[len(word) : 30])
    mark = marks[0] if marks else ""
    if kind == "word" and not mark:
        return ""
    return f"{kind} {mark}"


def list_runs(signatures: list[str]) -> list[bool]:
    """Whether each paragraph is in a run of LIST_RUN or more with the same signature."""
    out = [False] * len(signatures)
    i = 0
    while i < len(signatures):
        j = i
        while j + 1 < len(signatures) and signatures[j + 1] == signatures[i]:
            j += 1
        if signatures[i] and j - i + 1 >= LIST_RUN:
            out[i : j + 1] = [True] * (j - i + 1)
        i = j + 1
    return out


def _comments_start(text: str, blocks: dict[int, list[int]], prose: list[int]) -> int | None:
    """The paragraph of the line that opens the comment section, after at least
    PROSE_BEFORE_COMMENTS blocks of prose, or where readers sign twice after the first block of
    prose (``_signed_comments``); None when there is none."""
    signed = _signed_comments(text, blocks, prose)
    if len(prose) <= PROSE_BEFORE_COMMENTS:
        return signed
    after = prose[PROSE_BEFORE_COMMENTS - 1]
    for p, (start, end, n, _) in blocks.items():
        if signed is not None and p >= signed:
            return signed
        if (
            p > after
            and n == 1
            and end - start < 80
            and (_COMMENTS_START.match(text, start, end) or reader_stamp(text[start:end]))
        ):
            return p
    return signed


SIGNED_HEADER = 3  # paragraphs: a comments line this close above the first reader's stamp opens the section


def _signed_comments(text: str, blocks: dict[int, list[int]], prose: list[int]) -> int | None:
    """Where the comments open on an article too short for the three blocks of prose: two readers'
    signed stamps after its first block of prose ("Milan Griffes on September 12, 2018 at 4:47 pm
    said:"), from the first, or from a comments line ("10 Comments") just above it."""
    stamps = [
        p
        for p, (start, end, n, _) in blocks.items()
        if p > prose[0] and n == 1 and end - start < 120 and reader_stamp(text[start:end])
    ]
    if len(stamps) < 2:
        return None
    for p in range(stamps[0] - SIGNED_HEADER, stamps[0]):
        if p > prose[0] and p in blocks:
            start, end, n, _ = blocks[p]
            if n == 1 and end - start < 80 and _COMMENTS_START.match(text, start, end):
                return p
    return stamps[0]


# A list of other stories, each with its headline, its date and its summary: "Kurt Volker throws
# Rudy Giuliani under the bus" / "Tuesday November 19, 2019" / "Kurt Volker, a former special
# envoy ...", again and again. A page repeats a template for its teasers; an article does not
# put a full date (a month and a year) on a line of its own between its paragraphs, again and
# again (a live blog's stamps are times).
_FULL_DATE = re.compile(rf"(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b")
TEASER_DATES = 3  # dated teasers in a row, each 2 to 4 paragraphs after the one before


def _teaser_list_start(
    text: str, blocks: dict[int, list[int]], prose: list[int], reasons: list[str] | None
) -> int | None:
    """The paragraph of the first headline of a dated list of teasers after at least
    PROSE_BEFORE_COMMENTS blocks of prose, or None."""
    if len(prose) <= PROSE_BEFORE_COMMENTS or not reasons:
        return None
    after = prose[PROSE_BEFORE_COMMENTS - 1]
    dated = [
        p
        for p, (start, end, n, _) in blocks.items()
        if p > after and n == 1 and len(text[start:end].split()) <= 8 and _FULL_DATE.search(text, start, end)
    ]
    run = 1
    for a, b in zip(dated, dated[1:]):
        run = run + 1 if 2 <= b - a <= 4 else 1
        if run == TEASER_DATES:
            first = dated[dated.index(b) - TEASER_DATES + 1]
            return first - 1  # its headline
    return None


def _all_and_recurring(blocks: list[set[str]]) -> tuple[set[str], set[str]]:
    """The content words of all the blocks, and those that more than one block uses: what an
    article is about ("fines", "council"), not the words any news text has ("announced")."""
    seen: set[str] = set()
    again: set[str] = set()
    for words in blocks:
        again |= words & seen
        seen |= words
    return seen, again


def _other_stories_start(text: str, blocks: dict[int, list[int]], prose: list[int]) -> int | None:
    """The paragraph of the line that opens a list of other stories after the article: after at
    least PROSE_BEFORE_COMMENTS blocks of prose, and followed by prose that is not the article's
    (SHARED_WITH_ARTICLE, SHARED_RECURRING). A "Related" box inside an article is followed by more
    of the article; the list at its end by other stories' summaries. None when there is none."""
    if len(prose) <= PROSE_BEFORE_COMMENTS:
        return None
    after = prose[PROSE_BEFORE_COMMENTS - 1]
    for p, (start, end, n, _) in blocks.items():
        if p > after and n == 1 and end - start < 60 and _OTHER_STORIES_START.match(text, start, end):
            later = [content_words(text[blocks[q][0] : blocks[q][1]]) for q in [q for q in prose if q > p][:3]]
            before = [content_words(text[blocks[q][0] : blocks[q][1]]) for q in prose if q < p]
            everything, recurring = _all_and_recurring(before)
            if len(recurring) < ARTICLE_RECURRING:
                continue  # what came before is no article (a box of promotions): nothing to end
            if (
                not any(len(words & everything) >= SHARED_WITH_ARTICLE for words in later)
                or len(later) >= 2
                and not any(len(words & recurring) >= SHARED_RECURRING for words in later)
                and not _all_and_recurring(later)[1]
            ):
                return p
    return None


NOTICE_PARAGRAPH = 4  # sentences: a notice this short is the page's from its first sentence on


def notice_paragraphs(text: str, spans: list[Span], found: list[str]) -> None:
    """A short paragraph that opens with a short label or notice of the page's is the page's to its
    end: "We use cookies (why?) You can change cookie preferences. Continued site use signifies
    consent." (Only a notice by its first words, and a short one: a sentence that mentions signing
    up somewhere inside, "... how many services consumers will sign up for", or a long one that
    opens "Comments and reply features: Viewers can now ...", says nothing about the next.)
    ``found``, the sentences' skip rules, are filled in where so ("body.notice-paragraph")."""
    k = 0
    while k < len(spans):
        end = k
        while end + 1 < len(spans) and spans[end + 1].paragraph == spans[k].paragraph:
            end += 1
        first = text[spans[k].start : spans[k].end]
        if (
            found[k]
            and rules.reason(found[k]) == "site furniture"
            and 0 < end - k < NOTICE_PARAGRAPH
            and fewer_words(first, 12)
            and opens_as_furniture(first)
        ):
            for i in range(k + 1, end + 1):
                found[i] = found[i] or "body.notice-paragraph"
        k = end + 1


# Around the article's run on a page, a sentence about something else is the page's: before the
# article, one that shares less than this share of its words with the article's prose (the
# page's promotions, other stories' summaries; the article's own headline and standfirst share
# its words) ...
UNRELATED_BEFORE = 0.1
# ... and after it, beyond this many paragraphs (the article's last short paragraphs may share
# nothing: "Officials did not immediately comment."), one that shares none, unless it is an item
# of a list (tour dates after a piece on a tour).
UNRELATED_AFTER = 4


def _unrelated(span: Span, sentence: str, body: Body) -> bool:
    words = content_words(sentence)
    if not words:
        return False
    if span.paragraph < body.first:
        return len(words & body.topic) < UNRELATED_BEFORE * len(words)
    return (
        span.paragraph > body.last + UNRELATED_AFTER
        and span.paragraph not in body.listed
        and words.isdisjoint(body.topic)
    )


def outside_rule(span: Span, sentence: str, body: Body | None) -> str | None:
    """A short line with no full stop (under 20 words) that is not the article's: before its
    first block of prose or after its last (the menu, the tour dates of a pasted page), or
    between them sharing no word with the prose (another story's headline, a shop's teaser).
    Inside the body a line that shares a word is kept (a subhead, a key point), and so is
    every line of a text with no prose block at all (a list of claims). The rule's id, or None."""
    if body is None:
        return None
    if body.comments is not None and span.paragraph > body.comments:
        return "body.comments"
    if body.other_stories is not None and span.paragraph > body.other_stories:
        return "body.other-stories"
    inside = body.first <= span.paragraph <= body.last
    if inside and span.paragraph not in body.alone:
        return None  # a sentence of a paragraph (the common case, so asked first)
    if not inside and body.run is not None and _unrelated(span, sentence, body):
        return "body.unrelated"
    if _SENTENCE_END.search(sentence) or len(sentence.split()) >= 20:
        return None
    if inside:
        if len(sentence.split()) < 4 or any(ch.isdigit() or ch in '"“”' for ch in sentence):
            return None  # a number or a quote may be a fact: "July 3 – Mansfield, MA @ Xfinity Center"
        words = content_words(sentence)
        return "body.off-topic" if words and words.isdisjoint(body.topic) else None
    if span.paragraph > body.last and any(ch.isdigit() for ch in sentence):
        # after the body, a list with numbers may be facts ("Waheed Zaman, 22, London E17", tour
        # dates), unless about something else: "54 American cities with dangerous ozone conditions"
        if _LIST_ITEM.match(sentence) or not content_words(sentence).isdisjoint(body.topic):
            return None
    return "body.outside"
