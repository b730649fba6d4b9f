"""The furniture sets of ../shared/data as pages, each with its site, its labelled blocks and the
part of the split it falls in: ``develop`` (rules and weights may be chosen on it) or ``report``
(figures only; nothing is chosen on it).

The split is by site, so that no site's habits are learned on one side and scored on the other:
a page's site is the registrable domain of its address (``www.nytimes.com`` -> ``nytimes.com``,
``money.cnn.com`` -> ``cnn.com``, ``www.telegraph.co.uk`` -> ``telegraph.co.uk``), and a site is
report-only when the first 8 hex digits of the sha256 of ``SALT + site`` are divisible by 3.
That is about a third of the sites, decided by nothing but the name, for every set at once (a
site in two sets falls on the same side in both). The addresses: scrapinghub's gold gives each
page's URL; a readability fixture's page names itself (``<link rel="canonical">`` or
``og:url``), else its fixture name's first word stands for the site (``yahoo-2`` -> yahoo.com);
the trafilatura set gives a URL or a file name that starts with the host
(``nationnews.com-schools.html``).

Not pristine: earlier sessions tuned furniture rules on every page of these sets, the report
part included, before this split existed (BENCHMARKS.md says so beside the figures).

The blocks: scrapinghub and readability come aligned with their gold (``blocks_aligned.jsonl``:
``content``, ``boilerplate``, ``ambiguous``). The trafilatura pages come with a few snippets
each (``with``: must be in the main text; ``without``: must not); their blocks are cut from the
HTML here the same way (block-level tags, script, style, noscript, svg and head dropped) and a
block holding a ``without`` snippet is ``boilerplate``, one holding a ``with`` snippet
``content``, any other ``unlabelled``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from common import DATA

SALT = "factcheck furniture split 1:"
SETS = ("scrapinghub", "readability", "trafilatura")
PARTS = ("develop", "report")


def registrable(host: str) -> str:
    """``www.bbc.co.uk`` -> ``bbc.co.uk``, ``gma.yahoo.com`` -> ``yahoo.com`` (the last two
    labels, three under a two-letter country's ``co``, ``com``, ``org``, ``net``, ``gov``,
    ``ac`` or ``edu``)."""
    labels = host.lower().split(":")[0].removeprefix("www.").split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in {"co", "com", "org", "net", "gov", "ac", "edu"}:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


HALF_SALT = "factcheck develop halves 1:"


def half_of(site: str) -> str:
    """``A`` or ``B``: the develop part cut in two by site (by the parity of another salted
    hash), so that a rule made while reading the pages of one half can be checked on the other
    before the report part is ever looked at."""
    return "AB"[int(hashlib.sha256((HALF_SALT + site).encode()).hexdigest()[:8], 16) % 2]


def part_of(site: str) -> str:
    """``report`` for about a third of the sites, by the hash of the name; else ``develop``."""
    return "report" if int(hashlib.sha256((SALT + site).encode()).hexdigest()[:8], 16) % 3 == 0 else "develop"


_CANONICAL = re.compile(
    rb"""<(?:link|meta)\b[^>]*(?:rel=["']canonical["'][^>]*href|property=["']og:url["'][^>]*content)"""
    rb"""=["'](https?://[^"'/]+)""",
    re.I,
)
_FILE_HOST = re.compile(r"((?:[a-z0-9]+\.)+?(?:com|org|net|vc|jm|uk|de|eu|at|us|io|info|ca|au))(?=[.-])")


@dataclass
class Page:
    set: str
    id: str
    site: str
    html_path: Path
    blocks: list[tuple[str, str]]  # (text, label): content | boilerplate | ambiguous | unlabelled
    gold_text: str = ""  # the gold main text, where the set has one
    with_snippets: list[str] = field(default_factory=list)  # trafilatura set only
    without_snippets: list[str] = field(default_factory=list)

    @property
    def part(self) -> str:
        return part_of(self.site)

    @cached_property
    def html(self) -> str:
        return gzip.open(self.html_path).read().decode("utf-8", "replace")

    @property
    def pasted(self) -> str:
        """The page as a reader pastes it: its visible blocks, one a paragraph."""
        return "\n\n".join(t for t, _ in self.blocks)


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def scrapinghub() -> Iterator[Page]:
    """The English pages of the scrapinghub article-extraction benchmark."""
    base = DATA / "boilerplate_scrapinghub"
    gold = json.loads((base / "ground-truth.json").read_text("utf-8"))
    for row in _jsonl(base / "blocks_aligned.jsonl"):
        if row.get("lang_guess") != "en":
            continue
        url = gold[row["id"]]["url"]
        yield Page(
            "scrapinghub",
            row["id"],
            registrable(urlsplit(url).hostname or url),
            base / "html" / f"{row['id']}.html.gz",
            [(b["text"], b["label"]) for b in row["blocks"]],
            gold_text=gold[row["id"]]["articleBody"],
        )


def readability() -> Iterator[Page]:
    """Mozilla Readability's 56 English fixtures (gold: Readability.js's own reviewed output)."""
    base = DATA / "boilerplate_readability_en"
    index = {r["name"]: r for r in _jsonl(base / "index.jsonl")}
    for row in _jsonl(base / "blocks_aligned.jsonl"):
        meta = index[row["id"]]
        path = base / meta["source_html"]
        found = _CANONICAL.search(gzip.open(path).read())
        site = registrable(urlsplit(found.group(1).decode()).hostname) if found else row["id"].split("-")[0] + ".com"
        yield Page(
            "readability",
            row["id"],
            site,
            path,
            [(b["text"], b["label"]) for b in row["blocks"]],
            gold_text=(base / meta["expected_text"]).read_text("utf-8"),
        )


def trafilatura() -> Iterator[Page]:
    """The 170 English pages of trafilatura's evaluation set, blocks cut here and labelled by
    the snippets they hold."""
    base = DATA / "boilerplate_trafilatura_en"
    for row in _jsonl(base / "annotations.jsonl"):
        url = row["url"]
        if "://" in url:
            site = registrable(urlsplit(url).hostname or url)
        else:
            host = _FILE_HOST.match(url)
            site = registrable(host.group(1)) if host else url
        page = Page(
            "trafilatura",
            url,
            site,
            base / row["html_file"],
            [],
            with_snippets=[" ".join(w.split()) for w in row.get("with", [])],
            without_snippets=[" ".join(w.split()) for w in row.get("without", [])],
        )
        page.blocks = _snippet_labels(html_blocks(page.html), page)
        yield page


def _snippet_labels(blocks: list[str], page: Page) -> list[tuple[str, str]]:
    """Each block labelled by the snippets it overlaps (a snippet may run over several blocks:
    "LEAVE A REPLY Cancel reply Comment: ..."); ``boilerplate`` wins over ``content``."""
    joined = " ".join(blocks)
    starts, pos = [], 0
    for text in blocks:
        starts.append(pos)
        pos += len(text) + 1
    labels = ["unlabelled"] * len(blocks)
    for label, snippets in (("content", page.with_snippets), ("boilerplate", page.without_snippets)):
        for snippet in snippets:
            at = joined.find(snippet) if snippet else -1
            while at >= 0:
                for i, start in enumerate(starts):
                    if start < at + len(snippet) and at < start + len(blocks[i]):
                        labels[i] = label
                at = joined.find(snippet, at + 1)
    return list(zip(blocks, labels))


def pages(name: str) -> list[Page]:
    return list({"scrapinghub": scrapinghub, "readability": readability, "trafilatura": trafilatura}[name]())


# ---------------------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr "
    "ul option select button label caption title".split()
)
_DROPPED = frozenset("script style noscript svg head template iframe".split())


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.buffer: list[str] = []
        self.skip = 0

    def flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        if text:
            self.blocks.append(text)
        self.buffer = []

    def handle_starttag(self, tag, attrs):
        if tag in _DROPPED:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.flush()

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in _DROPPED:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.buffer.append(data)


def html_blocks(html: str) -> list[str]:
    """The visible text of ``html`` as blocks, one per block-level element."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser.blocks
