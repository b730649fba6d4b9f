"""The article's own prose in text pasted from a web page, and the lines around it that are
not the article's: a menu above it, other stories' headlines between and after its paragraphs.
A line alone cannot say whose page it is on; the page around it can."""

from __future__ import annotations

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
BODY_GAP = 20  # paragraphs: prose with no other prose this close after it does not start the body


@dataclass
class Body:
    first: int  # paragraph numbers of the first and last block of the article's own prose
    last: int
    text: str
    prose: list[tuple[int, int]]  # where the blocks of prose are in ``text``
    alone: frozenset[int]  # paragraphs of one sentence: lines
    comments: int | None = None  # the paragraph that opens the comment section
    other_stories: int | None = None  # the paragraph that opens a list of other stories after the article
    _topic: set[str] | None = None

    @property
    def topic(self) -> set[str]:
        """The prose's content words; worked out when a line first asks (most texts never do),
        a block at a time so as not to copy the text."""
        if self._topic is None:
            self._topic = content_words_in(self.text[a:b] for a, b in self.prose)
        return self._topic


def find_body(text: str, spans: list[Span], reasons: list[str] | None = None) -> Body | None:
    """Where the article's own prose is (blocks of BODY_MIN_WORDS words or more that end a
    sentence or hold two, from the first that has another within BODY_GAP paragraphs after it
    to the last) and what it is about, or None when the text has no such block. ``reasons``, the
    sentences' skip reasons, keep the page's own notices from counting as prose."""
    blocks: dict[int, list[int]] = {}  # paragraph: [start, end, sentences, sentences that are furniture]
    for k, span in enumerate(spans):
        block = blocks.setdefault(span.paragraph, [span.start, span.end, 0, 0])
        block[1], block[2] = span.end, block[2] + 1
        block[3] += bool(reasons) and reasons[k] in FRAME_REASONS
    prose = [
        p
        for p, (start, end, n, frame) in blocks.items()
        if (n >= 2 or _SENTENCE_END.search(text, start, end))
        and len(text[start:end].split()) >= BODY_MIN_WORDS
        and frame < n
    ]  # a block of the page's frame in sentences ("Comments are moderated ...") is not prose
    if not prose:
        return None
    # The body is a run of prose: a block with no other prose within BODY_GAP paragraphs after
    # it (a sign-up form's one sentence above 200 country names) does not start it, unless no
    # two blocks are that close. (At the end the same test cut off lists that close articles.)
    first = next((p for p, q in zip(prose, prose[1:]) if q - p <= BODY_GAP), prose[0])
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
    )


def _comments_start(text: str, blocks: dict[int, list[int]], prose: list[int]) -> int | None:
    """The paragraph of the line that opens the comment section, after at least
    PROSE_BEFORE_COMMENTS blocks of prose; None when there is none."""
    if len(prose) <= PROSE_BEFORE_COMMENTS:
        return None
    after = prose[PROSE_BEFORE_COMMENTS - 1]
    for p, (start, end, n, _) in blocks.items():
        if (
            p > after
            and n == 1
            and end - start < 80
            and (_COMMENTS_START.match(text, start, end) or reader_stamp(text[start:end]))
        ):
            return p
    return None


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
