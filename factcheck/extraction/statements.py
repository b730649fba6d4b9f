"""From sentences to checkable statements: the features that make a statement worth checking,
its priority with reasons, and its claim types. What to skip and why lives in ``skips`` (one
sentence) and ``body`` (a pasted page's lines), who said it in ``claimant``, what to check in
``checks``, the learned weights in ``priority``.

Every score can be explained to the checker who has to trust it: each feature that moves a
priority is named in ``reasons``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from factcheck.extraction import furniture, lexicon, priority, rules
from factcheck.extraction.body import notice_paragraphs, outside_rule
from factcheck.extraction.checks import NUMBER, QUOTE, Check, claimant_check, find_checks
from factcheck.extraction.claimant import Claimants, find_claimant, quote_speakers, transcript_speakers
from factcheck.extraction.priority import TOP_WORDS
from factcheck.extraction.sentences import Span, blocks, sentences
from factcheck.extraction.skips import fewer_words, skip_rule
from factcheck.extraction.words import WordList
from factcheck.reading.article import Article

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
    rule: str = ""  # the id of the rule that skipped it (docs/extraction.md lists them)


@dataclass(frozen=True)
class Extraction:
    """The whole pipeline's answer for one article text."""

    statements: tuple[Statement, ...]
    skipped: tuple[Skipped, ...]


# ---------------------------------------------------------------------------------------------
# Features: what makes a statement worth checking

# Word lists (data/lexicon/features.txt), looked up in the sentence's set of words (see
# words.py): same answers as the regexes \b(?:...)\b they replaced, several times faster.
_COMPARATIVE = WordList(lexicon.entries("features", "comparison"))
_CAUSAL = WordList(lexicon.entries("features", "causal"))
_FUTURE = WordList(lexicon.entries("features", "future"))
_RULES = WordList(lexicon.entries("features", "rules"))
# Words of the law that also have another sense: "Bill Clinton", "law enforcement", "to act".
_RULES_IN_OTHER_SENSES = lexicon.words("features", "rules-in-other-senses")
_OTHER_SENSES = re.compile(
    r"\bBill\s(?=[A-Z])|(?i:\blaw\senforcement\b|\b(?:to|we|they|you|must|should|will|can|could|not)\sact\b)"
)


def _rules_beyond_other_senses(text: str) -> bool:
    """Whether the law is still there once the other senses are taken out of ``text``."""
    rest = _OTHER_SENSES.sub(" ", text)
    return rest == text or _RULES.found(rest.lower(), set(priority.tokens(rest)))


# "would" speaks of the future ("the change would bring in £2m") unless it is a wish, a
# counterfactual or a manner of speaking: "I would like", "it would have been", "I would say".
_WOULD_FUTURE = re.compile(
    r"\bwould\s(?!(?:have|like|love|prefer|rather|say|hope|argue|think|agree|suggest|imagine|guess)\b)"
)
_HEDGE = WordList(lexicon.entries("features", "hedges"))
_FIRST_PERSON = re.compile(r"\b(?:I|I’m|I'm|me|my|mine)\b")

# ---------------------------------------------------------------------------------------------
# Priority: a learned score (see priority.py) over words and these named rule features

# The rule features the model weighs, in the order it was trained with; each is the rule
# "feature.<name>" of data/rules.tsv, whose reason the checker reads.
FEATURE_NAMES = (
    "number",
    "date",
    "attributed",
    "named",
    "comparison",
    "causal",
    "prediction",
    "rules",
    "quote",
    "hedged",
    "first_person",
    "short",
)
FEATURES: tuple[tuple[str, str], ...] = tuple((name, rules.reason(f"feature.{name}")) for name in FEATURE_NAMES)
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
    # a bare "one" is no number check when it counts nothing ("one of the reasons"), but the
    # model was trained with it as a number, so the feature keeps it
    if "number" in kinds or "one" in words:
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
    if _RULES.found(low, words) and (words.isdisjoint(_RULES_IN_OTHER_SENSES) or _rules_beyond_other_senses(text)):
        found.add("rules")
    if "quote" in kinds:
        found.add("quote")
    if _HEDGE.found(low, words):
        found.add("hedged")
    if _FIRST_PERSON.search(QUOTE.sub("", text)):
        found.add("first_person")
    if fewer_words(text, 8):
        found.add("short")
    return found


def training_features(text: str) -> frozenset[str]:
    """The rule features of a sentence as the model's training saw it: the sentence alone, its
    claimant and checks found in it with no article around it (scripts/train_checkworthiness.py
    trains on these, and records on how many training sentences each fired)."""
    return frozenset(rule_features(text, find_claimant(text), find_checks(text, {})))


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
        (
            kv
            for kv in words.items()
            if abs(kv[1]) >= MIN_WORD_WEIGHT and kv[0] not in priority.QUIET_WORDS and not kv[0].isdigit()
        ),
        key=lambda kv: (-abs(kv[1]), kv[0]),
    )
    raised = [w for w, v in strong if v > 0][:TOP_WORDS]
    lowered = [w for w, v in strong if v < 0][:TOP_WORDS]
    if raised:
        reasons.append("words that raise it: " + ", ".join(raised))
    if lowered:
        reasons.append("words that lower it: " + ", ".join(lowered))
    return value, tuple(reasons)


def claim_types(text: str, found: set[str], checks: list[Check] | tuple[Check, ...]) -> tuple[str, ...]:
    """Full Fact's claim typology, plus ``quote`` for direct quotations. A quantity has a number
    to check (not a "one" that counts nothing), or compares with a year ("more than in 2019")."""
    types = []
    if (
        any(c.kind == "number" for c in checks)
        or "comparison" in found
        and any(m.group().lower() != "one" for m in NUMBER.finditer(text))
    ):
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
# The pipeline: each sentence skipped with its reason (``skips``, then ``body`` for a pasted
# page's lines), or made a statement


def extract(article: Article) -> Extraction:
    """Run the statement pipeline over ``article.text``."""
    text = article.text
    statements: list[Statement] = []
    skipped: list[Skipped] = []
    claimants = Claimants()
    last_paragraph = -1
    spans = sentences(text)
    title_at = text.find(article.title) if article.title else -1
    # where the headline first appears, even below a menu or behind a section label
    # ("Local|Council raises parking fines ...")
    titles = [title_at >= 0 and s.start <= title_at < s.end for s in spans]
    found = first_rules(text, spans, titles)
    reasons = [rules.reason(r) if r else "" for r in found]
    body = furniture.body_of(text, spans, reasons)
    kinds = furniture.paragraph_rules(text, spans, reasons, body)
    verdicts = furniture.judge(text, spans, reasons, body)
    thresholds = furniture.model()["thresholds"] if any(verdicts) else {}
    for span, rule, is_title, kind, verdict in zip(spans, found, titles, kinds, verdicts):
        sentence = text[span.start : span.end]
        if not rule and not is_title:
            rule = kind or outside_rule(span, sentence, body) or ""
            if not rule and verdict and verdict.chance >= thresholds["skip"][verdict.place] and not verdict.keep:
                rule = f"furniture-model.{verdict.kind}"
        if rule:
            skipped.append(Skipped(sentence, span.start, span.end, rules.reason(rule), rule))
            continue
        statement = _statement(sentence, span, claimants, last_paragraph)
        if verdict and verdict.chance >= thresholds["cap"] and statement.priority >= CHECK_WORTHY and not is_title:
            statement = _held_down(statement, verdict)
        statements.append(statement)
        last_paragraph = span.paragraph
    speakers = quote_speakers([(s.paragraph, s.text, s.claimant) for s in statements])
    statements = [s if s.claimant == who else replace(s, claimant=who) for s, who in zip(statements, speakers)]
    # "SMITH: We built ...": the turn's speaker, unless the sentence names its own; a page pasted
    # whole is no transcript (its capitals and colons are boxes: "SEE MORE:", "WORLD VIEW:")
    turns = {} if furniture.shows_page(reasons) else transcript_speakers(text, spans)
    statements = [
        replace(s, claimant=turns[s.paragraph]) if not s.claimant and s.paragraph in turns else s for s in statements
    ]
    return Extraction(tuple(_with_claimant_check(s) for s in statements), tuple(skipped))


def _with_claimant_check(statement: Statement) -> Statement:
    """The statement with its claimant among its checks when the sentence does not name them
    (after the priority was scored: who said it does not make a sentence more check-worthy)."""
    check = claimant_check(statement.claimant, statement.checks)
    return statement if check is None else replace(statement, checks=statement.checks + (check,))


def first_rules(text: str, spans: list[Span], titles: list[bool]) -> list[str]:
    """Each sentence's skip rule from the sentence alone (``skips``), and a short paragraph that
    opens as the page's notice skipped to its end (``body.notice_paragraphs``); "" for none."""
    found = [skip_rule(text[s.start : s.end], is_title=t) for s, t in zip(spans, titles)]
    notice_paragraphs(text, spans, found)
    return found


def first_reasons(text: str, spans: list[Span], titles: list[bool]) -> list[str]:
    """``first_rules`` as the reasons a checker reads."""
    return [rules.reason(r) if r else "" for r in first_rules(text, spans, titles)]


FURNITURE_HELD = 0.49  # the priority of a statement whose paragraph reads like the page's furniture


def _held_down(statement: Statement, verdict: furniture.Verdict) -> Statement:
    """A statement whose paragraph reads like the page's furniture, though not surely enough to
    skip it, is kept but not ranked as check-worthy, and says why."""
    why = f"lowered: reads like {furniture.KINDS[verdict.kind]} ({verdict.chance:.0%} sure)"
    return replace(statement, priority=min(statement.priority, FURNITURE_HELD), reasons=(why, *statement.reasons))


def _statement(sentence: str, span: Span, claimants: Claimants, last_paragraph: int) -> Statement:
    tokens = priority.tokens(sentence)  # one pass for the word lists, the checks and the model
    words = set(tokens)
    claimant = claimants.resolve(find_claimant(sentence, words), sentence, span.paragraph == last_paragraph)
    checks = find_checks(sentence, claimants.known, words, speaker=claimant)
    found = rule_features(sentence, claimant, checks, words)
    value, reasons = score(sentence, found, tokens)
    return Statement(
        text=sentence,
        start=span.start,
        end=span.end,
        paragraph=span.paragraph,
        priority=value,
        reasons=reasons,
        types=claim_types(sentence, found, checks),
        claimant=claimant,
        checks=tuple(checks),
    )


def statement_at(article: Article, start: int, end: int, extraction: Extraction | None = None) -> Statement:
    """What the pipeline makes of ``article.text[start:end]`` as a statement, for one a person
    adds (`factcheck add`): the same analysis ``extract`` gives each statement, with the names
    and speakers of the article's other statements known as they are there."""
    text = article.text
    extraction = extraction or extract(article)
    paragraph = next((b.paragraph for b in blocks(text) if b.start <= start < b.end), 0)
    pieces = sorted(
        [(s.start, s.end, s.paragraph, False) for s in extraction.statements if (s.start, s.end) != (start, end)]
        + [(start, end, paragraph, True)]
    )
    claimants = Claimants()
    last_paragraph = -1
    replayed, added = [], 0
    for s_start, s_end, s_paragraph, is_new in pieces:
        if is_new:
            added = len(replayed)
        replayed.append(_statement(text[s_start:s_end], Span(s_start, s_end, s_paragraph), claimants, last_paragraph))
        last_paragraph = s_paragraph
    speakers = quote_speakers([(s.paragraph, s.text, s.claimant) for s in replayed])
    return _with_claimant_check(replace(replayed[added], claimant=speakers[added]))
