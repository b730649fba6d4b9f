"""The word lists and the search gates give the same answers as the plain regexes they replaced
(those regexes are kept here as the reference)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extraction import priority, skips, statements
from factcheck.extraction.checks import find_checks
from factcheck.extraction.claimant import find_claimant
from factcheck.extraction.words import WordList

# The regexes statements.py used before the word lists (searched in lower-cased text); "would"
# has since left _FUTURE for a rule of its own (statements._WOULD_FUTURE).
REFERENCE = {
    "_COMPARATIVE": r"\b(?:more|less|fewer|greater|higher|lower|larger|smaller|bigger|increase[sd]?|"
    r"decrease[sd]?|rose|fell|doubled|tripled|halved|compared)\b",
    "_CAUSAL": r"\b(?:because(?:\sof)?|due\sto|as\sa\sresult|caused?|causing|led\sto|leads?\sto|"
    r"result(?:s|ed)?\sin|thanks\sto|blam(?:e|ed|ing)|responsible\sfor|so\sthat|to\sprevent)\b",
    "_FUTURE": r"\b(?:will|shall|going\sto|plans?\sto|planning\sto|expected\sto|set\sto|"
    r"intends?\sto|aims?\sto|in\sthe\scoming\s(?:days|weeks|months|years)|next\s(?:year|month|week))\b",
    "_RULES": r"\b(?:law|laws|legal|illegal|unlawful|ban(?:s|ned)?|sanctions?|regulations?|rules?|"
    r"bill|act|legislation|constitution|court|ruled?|banned|blacklist|export\s(?:curbs|controls)|"
    r"treaty|policy|prohibit\w*|required\sby|mandatory)\b",
    "_HEDGE": r"\b(?:may|might|could|possibly|perhaps|reportedly|allegedly|apparently|seems?|appears?\sto|"
    r"likely|unclear|rumou?red)\b",
}

# Words from every list and gate, near misses, and other words, joined by what sits between words
# in real text (and a few characters that change length or case when lowered).
VOCABULARY = sorted(
    {w for name in REFERENCE for w in re.findall(r"[a-z]+", REFERENCE[name])}
    | set("as a result in the coming next year due to so that export curbs required by appear".split())
    | set("prohibited prohibits lawful acts rulers mayor maybe 2 12th 5 january May Monday one dozens".split())
    | set("best largest interest first most least only record Getty cookies newsletter sign up".split())
    | set("all rights reserved min read 5h ago follow us on twitter İ É ß".split())
    | set("said Said says told according to Kirby he she added, estimates the US".split())
    | set("Sen. Gov. Lt. Col. St. Mt. Louis Warren Ben.".split())  # shortened titles and their gate
)
# Whole phrases too, or the phrase branches would almost never be reached.
PHRASES = [
    "due to",
    "as a result",
    "led to",
    "results in",
    "thanks to",
    "responsible for",
    "so that",
    "to prevent",
    "going to",
    "plans to",
    "in the coming weeks",
    "next month",
    "export controls",
    "required by",
    "appears to",
    "all rights reserved",
    "sign up for",
    "our weekly newsletter",
    "we use cookies",
    "read the privacy policy",
    "log in to continue",
    "comments are moderated",
    "your email address",
    "public inspection file",
    "12 min read",
    "5h ago",
    "3 hours ago",
    "follow us on twitter",
    "download the news app",
    "thank you for reading",
    "{* title *}",
    "community post (4824)",
    "elections (2019)",
    "» elections 2019",
    "news tip?",
    "Sen. Elizabeth Warren",
    "in St. Louis",
    "Lt. Col. Alexander Vindman",
    "Ben. Franklin",
    "John Kirby said",
    ", said Kirby",
    "according to the Pentagon",
    "the US estimates",
    "“ he added",
]
SEPARATORS = st.sampled_from([" ", " ", " ", "\n", ", ", "-", "'", "’", ".", "(", ")", "»", "", "_", "2"])
TEXTS = st.lists(st.tuples(st.sampled_from(VOCABULARY + PHRASES), SEPARATORS, st.booleans()), max_size=8).map(
    lambda words: "".join((w.capitalize() if capital else w) + sep for w, sep, capital in words)
)


@settings(max_examples=400)
@given(TEXTS)
def test_word_lists_answer_as_their_regexes(text):
    low = text.lower()
    words = set(priority.tokens(text))
    for name, pattern in REFERENCE.items():
        word_list: WordList = getattr(statements, name)
        assert word_list.found(low, words) == bool(re.search(pattern, low)), (name, text)


@settings(max_examples=300)
@given(TEXTS)
def test_checks_are_the_same_with_the_gates_as_without(text):
    assert find_checks(text, {}, set(priority.tokens(text))) == find_checks(text, {})


@settings(max_examples=300)
@given(TEXTS)
def test_claimant_is_the_same_with_the_word_set_as_without(text):
    assert find_claimant(text, set(priority.tokens(text))) == find_claimant(text)


@settings(max_examples=300)
@given(TEXTS)
def test_furniture_keys_never_hide_a_phrase(text):
    low = text.lower()
    assert skips._furniture_anywhere(low) == bool(skips._FURNITURE_ANYWHERE.search(low))


# The caption pattern skips.py used before it was cut in three (2026-11-30); the short line
# with an agency's credit in brackets, added the same day, is tested on its own.
CAPTION = re.compile(
    r"^(?:photo(?:graph)?|image|picture|video|illustration|file\ photo)\s*(?:credit)?\s*[:|/]|^media\ caption\b|"
    r"\((?:photo|image|picture)\b|getty\ images$|/\s*(?:reuters|ap|afp|getty)$",
    re.X | re.I,
)
CAPTION_WORDS = [
    "Photo",
    "photograph",
    "Image",
    "picture",
    "Video",
    "illustration",
    "File photo",
    "credit",
    "Media caption",
    "(photo",
    "(Image",
    "Getty Images",
    "Reuters",
    "AP",
    "AFP",
    "getty",
    "map",
    "/",
    ":",
    "|",
    " ",
    "   ",
    "John Smith",
    "said.",
    "(",
    ")",
    "(AFP)",
    "(ePA)",
    "(EPA)",
    "(file)",
]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(CAPTION_WORDS), max_size=7).map("".join))
def test_caption_parts_answer_as_the_whole_pattern(text):
    bare = text.strip()
    credit = bool(skips._CREDIT_END.search(bare)) and skips.fewer_words(bare, 12)
    assert bool(skips._caption_rule(bare)) == (bool(CAPTION.search(bare)) or credit), bare


DATE_LINE_WORDS = [
    "Updated",
    "5",
    "hours",
    "ago",
    "May",
    "Mayor",
    "Monday",
    "Mon",
    "3pm",
    "12th",
    "EST",
    "est",
    "ſun",
    "Frıday",
    "Sept",
    "2019",
    "a.m.",
    "mins",
    "minutes",
    "Jan.",
    "news",
    "dayS",
    "İ",
]


@settings(max_examples=400)
@given(
    st.lists(st.tuples(st.sampled_from(DATE_LINE_WORDS), st.sampled_from([" ", ", ", "-", "", "/"])), max_size=6).map(
        lambda ws: "".join(w + sep for w, sep in ws)
    )
)
def test_date_runs_answer_as_taking_the_date_words_out(text):
    assert skips._word_beyond_dates(text) == bool(skips._REAL_WORD.search(skips._DATE_WORDS.sub("", text))), text


def test_phrases_need_all_their_words():
    causal = statements._CAUSAL
    for sentence, expected in (
        ("Prices rose as a result of the strike.", True),
        ("The result was a draw.", False),
        ("The plant was closed due to flooding.", True),
        ("The payment was due in May.", False),
        ("Imports are prohibited under the new rules.", None),  # a rule, not a cause
    ):
        low = sentence.lower()
        found = causal.found(low, set(priority.tokens(sentence)))
        assert found is bool(expected), sentence
    assert statements._RULES.found("imports are prohibited.", {"imports", "are", "prohibited"})


@pytest.mark.parametrize("line", PHRASES)
def test_furniture_keys_on_whole_lines(line):
    assert skips._furniture_anywhere(line) == bool(skips._FURNITURE_ANYWHERE.search(line))


def test_each_furniture_phrase_holds_its_key():
    """A phrase's regex runs only when its key is in the line, so the key must be a part of every
    text the phrase matches: here, at least, a literal part of the phrase ("delivered straight to
    your inbox" has no "delivered to your inbox" in it)."""
    from factcheck.extraction import skips

    for _, key, phrase in skips._FURNITURE_BY_KEY:
        assert key.strip() in phrase.pattern.replace("\\", ""), (key, phrase.pattern)


def test_a_name_ending_like_a_title_opens_no_title_run():
    """Found by hypothesis: "Ben." matched the gate for "Gen." (a capital, then "en."), so the
    answer changed with the gate."""
    text = "12thCol. Ben. Franklin "
    assert find_checks(text, {}, set(priority.tokens(text))) == find_checks(text, {})
