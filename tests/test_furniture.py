"""Furniture judged by what it is: paragraph kinds (a caption's credit, a writer's bio, another
story's headline run into its summary) and the learned chance that a paragraph is the page's,
which skips it when sure and otherwise keeps it out of the check-worthy."""

from __future__ import annotations

import json

from factcheck.extraction import furniture
from factcheck.extraction.statements import CHECK_WORTHY, FURNITURE_HELD, extract
from factcheck.reading.article import Article, normalise

ARTICLE = [
    "The city council raised parking fines by 40% in March, the mayor said on Monday at a meeting in the town hall.",
    "Councillor Ann Lee said the money would go to road repairs, which the council has cut twice since 2019.",
    "Drivers' groups said the rise was the largest in ten years and would hit shift workers hardest of all.",
    "The council expects the new fines to bring in about £2m a year, according to its budget papers.",
]


def _skipped(*paragraphs: str, after: tuple[str, ...] = ()) -> dict[str, tuple[str, str]]:
    text = normalise("\n\n".join([*ARTICLE[:2], *paragraphs, *ARTICLE[2:], *after]))
    return {k.text: (k.reason, k.rule) for k in extract(Article(text, "", "t")).skipped}


def test_a_short_paragraph_that_ends_with_a_picture_s_credit_is_a_caption_to_its_start():
    caption = "Traffic wardens on the high street last year. Photograph: Guy Smallman/Getty Images"
    skipped = _skipped(caption)
    assert skipped["Traffic wardens on the high street last year."] == ("caption", "caption.credit-in-paragraph")


def test_an_agency_caption_is_told_by_its_placed_people_and_its_weekday_date():
    caption = (
        "Mayor Ann Lee, left, speaks with a business owner during a visit, Tuesday, Nov. 19, 2019, in Leeds, England."
    )
    assert _skipped(caption)[caption] == ("caption", "caption.ap-style")
    agency = "In this Sunday, Nov. 10, 2019, photograph, a row of parked cars sits on the high street in Leeds."
    assert _skipped(agency)[agency] == ("caption", "caption.ap-style")


def test_a_writer_s_line_at_the_end_is_a_bio_with_all_its_sentences():
    bio = (
        "Jane Smith is a senior reporter for the Leeds Courier, covering transport. "
        "She was previously an editor at the Yorkshire Post."
    )
    skipped = _skipped(after=(bio,))
    assert skipped["She was previously an editor at the Yorkshire Post."] == ("byline or credit", "bio.writer-line")


def test_another_story_s_headline_run_into_its_summary():
    teaser = (
        "Michigan To Mail Redistricting Panel Applications To 250,000The state of Michigan will mail "
        "250,000 applications encouraging voters to apply."
    )
    assert _skipped(teaser)[teaser] == ("another story's headline", "headline.run-in-summary")
    dateline = (
        "Cleric warns the government its days are numbered KARACHI: Firebrand cleric Fazlur Rehman "
        "said on Monday that the march would go on."
    )
    assert _skipped(dateline)[dateline] == ("another story's headline", "headline.dateline-teaser")


def test_a_short_paragraph_with_a_notice_among_its_sentences_is_the_page_s():
    box = "Cities are changing fast. Subscribe to our daily newsletter."
    skipped = _skipped(box)
    assert skipped["Cities are changing fast."] == ("site furniture", "promo.notice-in-paragraph")


def test_a_line_alone_or_a_text_with_no_prose_is_never_judged():
    """The chance needs a page around a line: a line alone, or a list of claims, keeps what the
    sentence rules say."""
    line = "US charges two jail guards over Jeffrey Epstein death"
    text = normalise(line)
    from factcheck.extraction.sentences import sentences
    from factcheck.extraction.statements import first_reasons

    spans = sentences(text)
    assert furniture.judge(text, spans, first_reasons(text, spans, [False]), None) == [None]
    [statement] = extract(Article(text, "", "t")).statements
    assert not any(r.startswith("lowered: reads like") for r in statement.reasons)


def test_a_statement_that_reads_like_furniture_is_held_below_check_worthy_and_says_why():
    """Other stories' headlines between the article's paragraphs: whatever is not skipped is kept
    below 0.5, and a statement held down from check-worthy says why, first."""
    teasers = [
        "US charges two jail guards over Jeffrey Epstein death",
        "Safety officials urge Boeing to redesign part on 737s",
        "White teen accused of plotting deadly attack on black church",
        "Records fall as Wichita Heights wins 5-1A Swimming Title",
    ]
    text = normalise("\n\n".join([*ARTICLE, "More news", *teasers, "Advertisement", *ARTICLE[:1]]))
    extraction = extract(Article(text, "", "t"))
    held = [s for s in extraction.statements if s.reasons and s.reasons[0].startswith("lowered: reads like")]
    assert held
    stated = {s.text: s.priority for s in extraction.statements}
    for teaser in teasers:
        assert stated.get(teaser, 0) < CHECK_WORTHY
    for s in held:
        assert s.priority <= FURNITURE_HELD < CHECK_WORTHY
        assert "sure)" in s.reasons[0]
    # the article's own sentences keep their priorities
    assert [s.priority for s in extraction.statements if s.text == ARTICLE[0]][0] >= CHECK_WORTHY


def test_the_example_article_loses_no_sentence_to_the_furniture_rules():
    from factcheck.extraction.headline import with_headline
    from factcheck.reading.article import read_article

    from .conftest import EXAMPLE

    extraction = extract(with_headline(read_article(str(EXAMPLE))))
    assert not [
        k for k in extraction.skipped if k.rule.startswith(("furniture-model", "caption.", "bio.", "headline."))
    ]
    assert not [s for s in extraction.statements if s.reasons and s.reasons[0].startswith("lowered: reads like")]


def test_the_weights_name_the_features_the_code_computes():
    """The shipped weights were trained on ``furniture.FEATURES``: a feature added, renamed or
    dropped without retraining (scripts/train_furniture.py) fails here, not silently."""
    model = json.loads(furniture.MODEL_PATH.read_text(encoding="utf-8"))
    assert model["features"] == list(furniture.FEATURES)
    assert set(model["pass1"]["weights"]) == set(furniture.FEATURES)
    assert set(model["pass2"]["weights"]) == set(furniture.FEATURES) | {"near_mean", "near_max"}
    skip = model["thresholds"]["skip"]
    assert set(skip) == set(furniture.PLACES)
    assert all(0.5 <= model["thresholds"]["cap"] <= t <= 1 for t in skip.values())


def test_every_kind_and_paragraph_rule_is_in_the_registry():
    from factcheck.extraction import rules

    for kind, what in furniture.KINDS.items():
        assert what and f"furniture-model.{kind}" in rules.rules()
    for rule in furniture.PARAGRAPH_RULES:
        assert rule in rules.rules() and rule.split(".")[0] in furniture.KINDS


def test_a_plain_article_with_no_page_around_it_is_not_judged():
    """Under 1 in 100 sentences the page's frame (furniture, credits, captions by the sentence
    rules): a plain article, which the model has nothing to say about."""
    from factcheck.extraction.body import find_body
    from factcheck.extraction.sentences import sentences
    from factcheck.extraction.statements import first_reasons

    text = normalise("\n\n".join(ARTICLE * 3))
    spans = sentences(text)
    reasons = first_reasons(text, spans, [False] * len(spans))
    assert furniture.judge(text, spans, reasons, find_body(text, spans, reasons)) == [None] * len(spans)
    paged = normalise("\n\n".join([*ARTICLE * 3, "Source link", "Leave a Reply"]))
    spans = sentences(paged)
    reasons = first_reasons(paged, spans, [False] * len(spans))
    assert all(furniture.judge(paged, spans, reasons, find_body(paged, spans, reasons)))
