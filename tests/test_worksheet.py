"""The worksheet file: what it looks like, and that it reads back to the values written."""

from __future__ import annotations

import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extraction.checks import Check
from factcheck.extraction.statements import Statement
from factcheck.workspace.settings import Settings
from factcheck.workspace.worksheet import Context, new_worksheet, render, stem

text_st = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)


@st.composite
def statements(draw):
    return Statement(
        text=draw(text_st),
        start=draw(st.integers(0, 10**6)),
        end=draw(st.integers(0, 10**6)),
        paragraph=draw(st.integers(0, 1000)),
        priority=draw(st.floats(0, 1, allow_nan=False)),
        reasons=tuple(draw(st.lists(text_st, max_size=4))),
        types=tuple(draw(st.lists(st.sampled_from(["quantity", "quote", "other"]), max_size=3))),
        claimant=draw(text_st),
        checks=tuple(
            Check(k, w)
            for k, w in draw(st.lists(st.tuples(st.sampled_from(["person", "number"]), text_st), max_size=4))
        ),
    )


@settings(max_examples=200, deadline=None)
@given(statements(), text_st, text_st)
def test_round_trip(statement, before, after):
    values = new_worksheet(statement, Context("3f2a9c1e", before, after))
    assert tomllib.loads(render(values, Settings())) == values


def test_example_worksheet_reads_like_the_spec():
    statement = Statement(
        text="Kirby said the US would impose additional sanctions against the group in the coming weeks.",
        start=1501,
        end=1591,
        paragraph=7,
        priority=0.79,
        reasons=("attributed to a named source", "announces a future action"),
        types=("prediction",),
        claimant="John Kirby",
        checks=(Check("person", "Kirby"),),
    )
    text = render(new_worksheet(statement, Context("34035770", "Before.", "After.")), Settings())
    assert (
        text
        == """\
#:schema ../worksheet.schema.json
# factcheck worksheet: one statement to check. Edit freely; `factcheck check` validates.
# status: unstarted | in-progress | needs-review | done | not-checkable
# rating (when done): true | mostly-true | mixed | mostly-false | false | unproven
# types: quantity | prediction | causation | rules | personal | other | quote
schema = 1
text = "Kirby said the US would impose additional sanctions against the group in the coming weeks."
claim = ""  # your self-contained rewording (under 75 characters suits ClaimReview)
claimant = "John Kirby"  # who made the claim, as the article attributes it
types = [
    "prediction",
]
priority = 0.79  # check-worthiness, 0 to 1, with the reasons below (filled by factcheck)
reasons = [
    "attributed to a named source",
    "announces a future action",
]
status = "unstarted"
assignee = ""  # who is checking it
reviewer = ""  # who reviews the verdict
notes = ""

[verdict]
rating = ""
conclusion = ""  # one sentence: what the evidence shows
confidence = ""  # low | medium | high
date = ""  # the day you reached the verdict, YYYY-MM-DD (published as its date)

[location]
version = "34035770"  # the article text these offsets index (versions/<version>.txt once updated)
paragraph = 7
start = 1501  # article text[start:end] is the text above
end = 1591
before = "Before."
after = "After."

[[checks]]  # each name, number, date, quote and place to confirm
kind = "person"
what = "Kirby"
done = false

# [[sources]]         # add one table per source consulted
# url = "https://..."
# title = ""
# kind = "primary"    # primary | official-data | expert | news | archive | claimant
# stance = "supports" # supports | refutes | context
# accessed = "2026-01-31"
# note = ""
"""
    )


def test_stem_is_number_and_first_words():
    assert stem(7, "Kirby said the US would impose additional sanctions") == "07-kirby-said-the-us-would-impose"
    assert stem(123, "“He’s literally throwing bodies", width=3) == "123-hes-literally-throwing-bodies"
    assert stem(3, "“”") == "03"
    # accents are folded, not dropped: "augment" and "p-taua" would be other words
    assert stem(4, "Le conseil a augmenté les amendes à Pātaua") == "04-le-conseil-a-augmente-les-amendes"
