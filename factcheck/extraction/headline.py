"""The headline of a text that does not say which line is its headline (a page pasted whole,
a text file): the line above the article's prose that the prose is about. A web page or a
Markdown file names its own; ``with_headline`` fills in the rest."""

from __future__ import annotations

import dataclasses
import re

from factcheck.extraction.skips import FRAME_REASONS, skip_reason
from factcheck.extraction.words import content_words
from factcheck.reading.article import MAX_TITLE, Article


def with_headline(article: Article) -> Article:
    """``article``, with the headline guessed from its text when its source gave none."""
    if article.title:
        return article
    return dataclasses.replace(article, title=guess_title(article.text))


def guess_title(text: str) -> str:
    """The headline. On a page pasted whole the first lines are often a menu or a notice
    ("Home", "NYTimes.com no longer supports Internet Explorer 9") and the headline sits a few
    lines above the first paragraph of prose (a line of 15 words or more ending a sentence),
    among teasers and section labels. What tells it apart is that it is about what the prose
    is about. So:
    - the first line, when it reads like a headline (four words or more, not ending a
      sentence, not a menu) and shares a word with the prose, or there is no prose;
    - else, of the lines up to 40 above the prose that read like a headline (a question too,
      up to 25 words, a section label before a bar and a site's name after one taken off),
      the one whose words the prose shares most (at least two, and a fifth of them), the
      first on a tie;
    - else that first line, or the longest line above the prose that reads like a headline,
      or a first line of two or three words; else nothing."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        return ""
    prose = [i for i, line in enumerate(lines) if _prose(line)]
    topic = {w for i in prose[:20] for w in content_words(lines[i])}

    def shared(line: str) -> float:
        words = content_words(line)
        return sum(w in topic for w in words) / len(words) if words else 1.0

    def shares_two(line: str) -> bool:
        return len(content_words(line) & topic) >= 2

    first = lines[0]
    first_reads_like_one = (
        _headline_like(first) and len(first.split()) >= 4 and not _MENU.search(first) and not _frame(first)
    )
    if first_reads_like_one and (not prose or shared(first) > 0):
        return first
    if not prose:
        return first if _headline_like(first) and not _frame(first) else ""
    best, best_key = "", (0.0, 1)
    for i in range(max(0, prose[0] - 40), prose[0]):
        # "Africa|United States to Lift Sudan Sanctions", "... whale strandings | Eleanor Ainge Roy"
        line = _SITE_SUFFIX.sub("", _SECTION_LABEL.sub("", lines[i]))
        if (
            _headline(line, questions=True, longest=25)
            and not _MENU.search(line)
            and shares_two(line)
            and not _frame(line)
        ):
            key = (shared(line), -i)
            if key[0] >= _SHARED and key > best_key:
                best, best_key = line, key
    if best or first_reads_like_one:
        return best or first
    candidates = [line for line in lines[: prose[0]] if _headline(line) and not _MENU.search(line) and not _frame(line)]
    if candidates:
        return max(candidates, key=len)
    return first if _headline_like(first) and not _MENU.search(first) and not _frame(first) else ""


def _frame(line: str) -> bool:
    """The page's frame: "Sign up for our newsletter", a byline, a photo credit."""
    return skip_reason(line, is_title=True) in FRAME_REASONS


_SHARED = 0.2  # chosen on the readability and scrapinghub pages (BENCHMARKS.md)
_SECTION_LABEL = re.compile(r"^[^|]{1,30}\|\s*")
_SITE_SUFFIX = re.compile(r"(?<!\s)\s++[|•·]\s++[^|•·]{1,40}$")  # a run of spaces tried once, from its start


def _prose(line: str) -> bool:
    return len(line.split()) >= 15 and line.endswith((".", "!", "?", "”", '"', "’"))


_MENU = re.compile(
    r"^(?:skip to|accessibility links|jump (?:directly )?to|back to|menu\b|sign in|log in|"
    r"expand\b|enter (?:your|a|city|zip)\b)|[|•©]",
    re.I,
)


def _headline(line: str, questions: bool = False, longest: int = 15) -> bool:
    """Shaped like a headline; with ``questions``, "Is An 'Oxygen Bar' In Delhi ...?" too."""
    if questions and line.endswith("?"):
        line = line[:-1]
    return _headline_like(line) and 4 <= len(line.split()) <= longest and not _NOT_A_HEADLINE.search(line)


# bylines, time stamps and picture captions, which sit between a menu and the article too
_NOT_A_HEADLINE = re.compile(
    r"^(?:by|updated|published|posted|last updated|media caption|image|photo|picture|skip to)\b|\bago$|"
    # the page's date line: "Wednesday, November 20, 2019 Spokane ...", "November 20, 2019 - 11:28 AMT"
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b|"
    r"/\s*(?:reuters|ap|afp|getty)|\b(?:getty images|photograph|portrait by)\b|[!?|•©]|"
    # two sentences ("Ya can't. They don't show it"), though "U.S. Sanctions" and "Mr. Smith" are one
    r"(?-i:(?<![\w'])'*+(?!(?:Mrs?|Ms|Dr|St|Rep|Sen|Gov|Gen|Lt|Col|No|Vol)\.)[\w']*+(?<=[a-z'])\.\s++[A-Z])",
    re.I,
)


def _headline_like(line: str) -> bool:
    return len(line) <= MAX_TITLE and not line.endswith((".", ",", ";", ":")) and len(line.split()) >= 2
