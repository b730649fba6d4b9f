"""Reading an article: encodings, normalisation, title and a safe slug."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.errors import FactcheckError
from factcheck.extraction.headline import guess_title, with_headline
from factcheck.reading.article import MAX_SLUG, decode, normalise, read_article, slugify


def test_utf8_bom_crlf_nbsp_and_zero_width_are_normalised(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffHeadline here\r\n\r\nPrigozhin\u00a0have\u200b gone.\r\n".encode())
    article = with_headline(read_article(str(path)))
    assert article.text == "Headline here\n\nPrigozhin have gone.\n"
    assert article.title == "Headline here"
    assert article.notices == ()


def test_cp1252_is_decoded_with_a_notice():
    text, notices = decode("“Quoted” – café".encode("cp1252"), "x.txt")
    assert text == "“Quoted” – café"
    assert notices == ["x.txt is not UTF-8; read it as Windows-1252 (cp1252)"]


def test_utf16_with_bom():
    assert decode("Héllo".encode("utf-16"), "x")[0] == "Héllo"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "x.txt is empty; give an article with some text in it"),
        (b"  \n\t\n", "x.txt is empty; give an article with some text in it"),
        (b"\x00\x01\x02binary", "x.txt looks like a binary file, not an article; give a text file"),
    ],
)
def test_unusable_input_is_one_clear_error(tmp_path, monkeypatch, content, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.txt").write_bytes(content)
    with pytest.raises(FactcheckError) as info:
        with_headline(read_article("x.txt"))
    assert str(info.value) == message


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(FactcheckError, match="no such file"):
        with_headline(read_article(str(tmp_path / "nope.txt")))
    with pytest.raises(FactcheckError, match="is a directory"):
        with_headline(read_article(str(tmp_path)))


@pytest.mark.parametrize(
    "text, title",
    [
        ("US accuses North Korea of arming Wagner\n\nBody.", "US accuses North Korea of arming Wagner"),
        ("This first line is a sentence.\nMore.", ""),
        ("Word\n", ""),
        (
            "Brexit chaos\n\nMPs voted again on Tuesday, the third vote in a week, and the deal failed once more.",
            "Brexit chaos",
        ),
        (
            "Cold as ice: Wikinews interviews Marymegan Daly on discovering a new species of sea anemone"
            " living under Antarctic ice\n\nBody.",
            "Cold as ice: Wikinews interviews Marymegan Daly on discovering a new species of sea anemone"
            " living under Antarctic ice",
        ),  # a long first line is still the headline
        (
            "Skip to content\nUS accuses North Korea of arming Wagner\nPhotograph: Evan Vucci/AP\n"
            "The White House has accused North Korea of arming the Kremlin-linked private military company.\n"
            "It said so on Thursday, and a spokesperson added more details the next day in Washington.",
            "US accuses North Korea of arming Wagner",
        ),
        # a page pasted whole: the menu first, then the headline, a byline, a time stamp, the body
        (
            "Home\nWorld News\nCouncil raises parking fines by 40%\nBy Jane Doe and John Smith\n"
            "Updated 2 hours ago\nFines for parking on double yellow lines rose from £65 to £90 in March, "
            "the council said on Monday.\n",
            "Council raises parking fines by 40%",
        ),
        # shaped like the NYTimes pages of the readability set: a browser notice first, the
        # headline behind a section label, a teaser that is not about what the prose is about
        (
            "NYTimes.com no longer supports Internet Explorer 9 or earlier. Please upgrade your browser\n"
            "Africa|United States to Lift Sudan Sanctions\nThe Best Gifts for Space Fans This Winter\n"
            "By Jane Doe\nThe United States will lift sanctions on Sudan on Friday, officials said, after "
            "months of talks with its government about aid and the war.\n",
            "United States to Lift Sudan Sanctions",
        ),
        # a headline may ask a question (a scrapinghub page)
        (
            "LIVE TV\nLatest News\nSonia Gandhi gives nod to Congress alliance: Reports - Read More\n"
            "Fact Check: Is An 'Oxygen Bar' In Delhi Offering Fresh Air For Rs 300?\nNew Delhi | Updated: "
            "19 November 2019\nAn oxygen bar in Delhi offers fresh air for Rs 299, say reports, as the "
            "capital's air turns toxic again this week.\n",
            "Fact Check: Is An 'Oxygen Bar' In Delhi Offering Fresh Air For Rs 300?",
        ),
        # a long headline with the site's name after a bar (a readability page)
        (
            "Home\nWorld\nMāori tribes fearful over a spate of whale strandings on the coast of the North "
            "Island | Eleanor Ainge Roy\nWhale strandings on the coast have left Māori tribes fearful, "
            "and elders say the sea is telling them something this summer.\n",
            "Māori tribes fearful over a spate of whale strandings on the coast of the North Island",
        ),
        # the page's frame is never the headline: a newsletter box, a date line, a menu button
        # (scrapinghub pages); no headline is better than a wrong one, which would name the folder
        (
            "Sign up for our daily newsletter\nNovember 20, 2019 - 11:28 AMT\nExpand / Collapse search\n"
            "More than 100 protesters have been killed in Iran since the unrest began, Amnesty said on Tuesday "
            "in a report on the crackdown.\n",
            "",
        ),
        # a forum question whose answer shares no word with it: the first line stays the title
        (
            "Erm ya How can I watch Fair City Online in England lols?\nYa can't. They don't show it on RTE "
            "Player\nYou can't but here's an update: the doctor is about to discover that the nurse has "
            "been lying to everyone.\n",
            "Erm ya How can I watch Fair City Online in England lols?",
        ),
    ],
)
def test_title_only_when_the_first_line_reads_like_a_headline(text, title):
    assert guess_title(text) == title


@given(
    st.lists(
        st.sampled_from(
            [
                "Home",
                "World News",
                "Council raises parking fines by 40%",
                "Africa|Council raises fines",
                "Fines for parking on double yellow lines rose from £65 to £90 in March, the council said on Monday.",
                "By Jane Doe",
                "Ya can't. They don't show it",
                "",
                "   ",
                "Celebrity chef unveils autumn menu",
            ]
        ),
        max_size=12,
    )
)
def test_the_headline_is_always_one_of_the_lines(lines):
    """Whatever the page, the guess is nothing or a line of it (a section label taken off)."""
    text = "\n".join(lines)
    title = guess_title(text)
    assert title == "" or any(title == line.strip() or line.strip().endswith("|" + title) for line in lines)


def test_slug_of_the_example_title():
    assert slugify("US accuses North Korea of arming Kremlin-linked Wagner Group") == (
        "us-accuses-north-korea-of-arming-kremlin-linked-wagner-group"
    )
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("Ça déjà vu: “Crème brûlée”") == "ca-deja-vu-creme-brulee"


@given(st.text())
def test_slug_is_always_a_safe_file_name(title):
    slug = slugify(title)
    assert re.fullmatch(r"([a-z0-9]+(-[a-z0-9]+)*)?", slug)
    assert len(slug) <= MAX_SLUG


@given(st.text())
def test_normalise_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once
    assert "\r" not in once


@pytest.mark.parametrize(
    "title, source, slug",
    [
        ("Mayor resigns", "notes/draft.txt", "mayor-resigns"),
        ("", "notes/council-budget.txt", "council-budget"),
        ("", "https://example.org/news/2024/council-budget-vote.html", "council-budget-vote"),
        ("", "stdin", "article-"),
    ],
)
def test_slug_without_a_title_comes_from_the_name(title, source, slug):
    from factcheck.reading.article import Article

    assert Article(text="Some text here.\n", title=title, source=source).slug.startswith(slug)
