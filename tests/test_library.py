"""`factcheck import`: ClaimReview JSON-LD in every shape, kept in library/ once, bad input refused whole."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import FactcheckError
from factcheck.library.claimreview import Review, dumps, parse

from .webserver import serve

BOUNTY = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://factcheck.example/iran-bounty",
    "claimReviewed": "Iran has offered an $80M bounty for the head of U.S. President Donald Trump.",
    "headline": "Did Iran Offer an $80M Bounty for Trump's Head?",
    "datePublished": "2020-01-07",
    "author": {"@type": "Organization", "name": "Example Checks", "url": "https://factcheck.example"},
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Social media posts"},
        "appearance": [{"url": "https://social.example/p/1"}],
    },
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Mixture",
    },
}
DRAFT = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://factcheck.example/draft-notice",
    "claimReviewed": "The US Army is sending text messages about a military draft.",
    "author": {"@type": "Organization", "name": "Example Checks"},
    "reviewRating": {"@type": "Rating", "ratingValue": "1", "alternateName": "False"},
}
BOUNTY_REVIEW = Review(
    claim="Iran has offered an $80M bounty for the head of U.S. President Donald Trump.",
    title="Did Iran Offer an $80M Bounty for Trump's Head?",
    claimant="Social media posts",
    rating="Mixture",
    rating_value="2",
    publisher="Example Checks",
    url="https://factcheck.example/iran-bounty",
    date="2020-01-07",
)


def claims(data: bytes, **kw) -> list[str]:
    return [r.claim for r in parse(data, "x", **kw).reviews]


def test_one_object_keeps_every_field():
    assert parse(json.dumps(BOUNTY).encode(), "x").reviews == [BOUNTY_REVIEW]


@pytest.mark.parametrize(
    "shape",
    [
        [BOUNTY, DRAFT],
        {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, BOUNTY, DRAFT]},
        {
            "@type": "DataFeed",
            "dataFeedElement": [{"@type": "DataFeedItem", "item": [BOUNTY]}, {"@type": "DataFeedItem", "item": DRAFT}],
        },
        {
            "@type": "NewsArticle",
            "mainEntity": [
                {**BOUNTY, "@type": ["ClaimReview", "Review"]},
                {**DRAFT, "@type": "http://schema.org/ClaimReview"},
            ],
        },
    ],
)
def test_every_shape_publishers_use(shape):
    assert claims(json.dumps(shape).encode()) == [BOUNTY["claimReviewed"], DRAFT["claimReviewed"]]


def test_a_page_gives_the_reviews_in_its_json_ld_blocks():
    page = f"""<!doctype html><html><head><title>Fact check</title>
    <script type="application/ld+json">{{ this is broken }}</script>
    <script type="application/ld+json">{json.dumps({"@type": "Organization", "name": "x"})}</script>
    <script type="application/ld+json; charset=utf-8">{json.dumps(BOUNTY)}</script>
    <script>var x = {json.dumps(DRAFT)};</script>
    </head><body><p>Our verdict: mixture.</p></body></html>"""
    assert parse(page.encode(), "page.html").reviews == [BOUNTY_REVIEW]


@pytest.mark.parametrize(
    "data, message",
    [
        (
            b'[{"@type": "ClaimReview",',
            "x.json: not valid JSON (line 1, column 26: Expecting property name enclosed in double quotes); fix the file or export it again",
        ),
        (
            b'{"@type": "Article", "headline": "no review here"}',
            "x.json: no ClaimReview in this JSON; give ClaimReview JSON-LD (one object, an array, an @graph or a DataFeed)",
        ),
        (
            b"<html><body>No JSON-LD</body></html>",
            "x.json: no ClaimReview in the page's JSON-LD; give the page of a published fact-check, or its ClaimReview JSON",
        ),
        (b"\xff\xfe{}", "x.json is not UTF-8 (byte 0); save it as UTF-8 and import it again"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "x.json is a binary file, not ClaimReview JSON-LD or a web page"),
        (
            b"just some words",
            "x.json is neither JSON-LD nor a web page; give a ClaimReview JSON-LD file, a DataFeed of them, or the page of a published fact-check",
        ),
        (
            b'{"@type": "ClaimReview", "url": "https://a.example"}',
            "x.json: none of its 1 ClaimReview(s) says which claim it reviewed (claimReviewed); nothing to import",
        ),
    ],
)
def test_bad_input_is_one_clear_error(data, message):
    with pytest.raises(FactcheckError) as err:
        parse(data, "x.json")
    assert str(err.value) == message


def test_deep_nesting_is_refused_not_a_crash():
    with pytest.raises(FactcheckError, match="nested too deeply"):
        parse(b"[" * 100_000 + b"]" * 100_000, "deep.json")


def test_a_review_without_a_claim_is_counted_and_left_out():
    parsed = parse(json.dumps([BOUNTY, {"@type": "ClaimReview", "url": "https://a.example"}]).encode(), "x")
    assert parsed.reviews == [BOUNTY_REVIEW] and parsed.without_claim == 1


def test_the_same_review_twice_in_one_file_is_kept_once():
    assert len(parse(json.dumps([BOUNTY, DRAFT, BOUNTY]).encode(), "x").reviews) == 2


def test_odd_but_valid_values():
    odd = {
        "@type": "ClaimReview",
        "claimReviewed": ["  Two\n lines  "],
        "author": "Just A Name",
        "itemReviewed": {"author": ["Someone", "Someone else"]},
        "reviewRating": {"ratingValue": 3.0, "name": "Half true"},
        "datePublished": 2020,
    }
    review = parse(json.dumps(odd).encode(), "x").reviews[0]
    assert review == Review(
        claim="Two lines",
        claimant="Someone",
        rating="Half true",
        rating_value="3",
        publisher="Just A Name",
        date="2020",
    )


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=200, deadline=None)
@given(
    st.builds(
        Review,
        claim=_text.filter(lambda s: s.strip()),
        title=_text,
        claimant=_text,
        rating=_text,
        rating_value=st.one_of(_text, st.integers(-5, 100).map(str)),
        publisher=_text,
        url=_text,
        date=_text,
    )
)
def test_the_library_format_is_a_fixed_point(review):
    """What the library stores reads back to the same reviews, and writes the same bytes again."""
    once = parse(dumps([review]).encode(), "x", html=False).reviews
    assert len(once) == 1
    again = parse(dumps(once).encode(), "x", html=False).reviews
    assert again == once and dumps(again) == dumps(once)


# --------------------------------------------------------------------------------------------
# The command


def write(tmp_path, name: str, value) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(value), encoding="utf-8")
    return str(path)


def test_import_writes_one_canonical_file(run, tmp_path):
    result = run("import", write(tmp_path, "feed.json", [BOUNTY, DRAFT]))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Imported 2 reviews into worksheets/library/feed.json\n"
        "Next: `factcheck search TEXT`, or `factcheck init ARTICLE` to flag statements checked before\n"
    )
    stored = json.loads((tmp_path / "worksheets" / "library" / "feed.json").read_text(encoding="utf-8"))
    assert stored[0] == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://factcheck.example/iran-bounty",
        "claimReviewed": BOUNTY["claimReviewed"],
        "headline": BOUNTY["headline"],
        "datePublished": "2020-01-07",
        "author": {"@type": "Organization", "name": "Example Checks"},
        "itemReviewed": {"@type": "Claim", "author": {"name": "Social media posts"}},
        "reviewRating": {"@type": "Rating", "alternateName": "Mixture", "ratingValue": 2},
    }
    assert stored[1]["reviewRating"] == {"@type": "Rating", "alternateName": "False", "ratingValue": 1}


def test_importing_the_same_reviews_again_changes_nothing(run, tmp_path):
    source = write(tmp_path, "feed.json", [BOUNTY, DRAFT])
    run("import", source)
    library = tmp_path / "worksheets" / "library"
    before = {p.name: p.read_bytes() for p in library.iterdir()}
    again = run("import", source)
    assert again.exit_code == 0
    assert again.stdout == "Nothing new: all 2 reviews are already in worksheets/library/; nothing on disk changed\n"
    one = run("import", write(tmp_path, "one.json", DRAFT))
    assert one.stdout.startswith("Nothing new: the review is already in")
    assert {p.name: p.read_bytes() for p in library.iterdir()} == before


def test_only_new_reviews_go_into_a_new_file(run, tmp_path):
    run("import", write(tmp_path, "first.json", BOUNTY))
    result = run("import", write(tmp_path, "second.json", [BOUNTY, DRAFT]))
    assert result.stdout.splitlines()[:2] == [
        "Imported 1 review into worksheets/library/second.json",
        "1 review already in the library, left as they were",
    ]
    second = json.loads((tmp_path / "worksheets" / "library" / "second.json").read_text(encoding="utf-8"))
    assert [r["claimReviewed"] for r in second] == [DRAFT["claimReviewed"]]


def test_a_file_of_the_same_name_is_not_overwritten(run, tmp_path):
    run("import", write(tmp_path, "feed.json", BOUNTY))
    (tmp_path / "other").mkdir()
    run("import", write(tmp_path / "other", "feed.json", DRAFT))
    assert sorted(p.name for p in (tmp_path / "worksheets" / "library").iterdir()) == ["feed-2.json", "feed.json"]


def test_a_bad_file_is_one_line_and_nothing_is_written(run, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('[{"@type": "ClaimReview", "claimReviewed": "x"}', encoding="utf-8")
    result = run("import", str(bad))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"Error: {bad}: not valid JSON (line 1")
    assert not (tmp_path / "worksheets").exists()


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: str(p / "missing.json"), "missing.json: no such file; check the path"),
        (lambda p: str(p), "is a folder; give a ClaimReview JSON-LD file or a saved page"),
    ],
)
def test_missing_file_and_folder(run, tmp_path, make, message):
    result = run("import", make(tmp_path))
    assert result.exit_code == 1 and message in result.stderr and result.stderr.count("\n") == 1


def test_stdin(run, tmp_path):
    result = run("import", "-", input=json.dumps(BOUNTY))
    assert result.stdout.startswith("Imported 1 review into worksheets/library/claimreview.json")


@pytest.fixture(scope="module")
def server():
    """A web server on 127.0.0.1, started and stopped by the test itself."""
    page = f'<html><head><script type="application/ld+json">{json.dumps(BOUNTY)}</script></head></html>'
    routes = {
        "/fact-check/iran-bounty": (200, "text/html; charset=utf-8", page.encode()),
        "/feed.json": (200, "application/ld+json", json.dumps([DRAFT]).encode()),
        "/image": (200, "image/png", b"\x89PNG"),
    }
    with serve(routes) as address:
        yield address


def test_import_a_url_page_and_feed(run, tmp_path, server):
    page = run("import", f"{server}/fact-check/iran-bounty")
    assert page.exit_code == 0, page.output
    assert page.stdout.startswith("Imported 1 review into worksheets/library/127-0-0-1")
    feed = run("import", f"{server}/feed.json")
    assert feed.exit_code == 0, feed.output
    image = run("import", f"{server}/image")
    assert image.exit_code == 1 and "is image/png, not one of text/html" in image.stderr


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(str.encode),
        st.text(max_size=200).map(lambda t: f'<html><script type="application/ld+json">{t}</script></html>'.encode()),
        st.recursive(
            st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=10)),
            lambda inner: st.one_of(
                st.lists(inner, max_size=4),
                st.dictionaries(
                    st.sampled_from(["@type", "claimReviewed", "item", "@graph", "reviewRating", "author", "url"]),
                    inner,
                    max_size=4,
                ),
            ),
            max_leaves=20,
        ).map(lambda v: json.dumps(v).encode()),
    )
)
def test_any_input_is_reviews_or_one_clear_error(data):
    try:
        parsed = parse(data, "x")
    except FactcheckError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("x")
    else:
        assert parsed.reviews and all(r.claim for r in parsed.reviews)
