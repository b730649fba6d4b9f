"""The library of published fact-checks: ClaimReview JSON-LD read in every shape publishers use,
kept in the workspace's ``library/`` folder so git shares it.

A ClaimReview is found wherever it sits: one object, an array, an ``@graph``, a DataFeed
(``dataFeedElement[].item[]``), or the ``<script type="application/ld+json">`` blocks of a web
page. Each review is stored in one canonical shape (the fields search needs, in a fixed order), so
the same input always gives the same bytes and importing a review twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from factcheck.errors import FactcheckError

LIBRARY_DIR = "library"
MAX_FILE_BYTES = 64 * 2**20  # a feed of every Snopes review is about 5 MB
MAX_DEPTH = 64  # JSON nesting followed when looking for reviews
MAX_NAME = 60
_INTEGER = re.compile(r"-?\d{1,9}")
_DECIMAL = re.compile(r"-?\d{1,9}\.\d{1,9}")
_SCHEME = re.compile(r"^[a-z]+://", re.I)
_EXTENSION = re.compile(r"\.(json|jsonld|html?|txt)$", re.I)
JSON_TYPES = ("application/ld+json", "application/json", "text/json", "text/plain")
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class Review:
    """One published fact-check: the claim, who made it, the verdict, who gave it, and where."""

    claim: str
    title: str = ""
    claimant: str = ""
    rating: str = ""  # reviewRating.alternateName, the publisher's own words ("False", "Mostly true")
    rating_value: str = ""  # reviewRating.ratingValue, as text (publishers write 1, "1" or 1.0)
    publisher: str = ""
    url: str = ""
    date: str = ""

    @property
    def id(self) -> str:
        """Stable across imports: the review's address and claim (one article may review several
        claims), or the publisher and claim when there is no address."""
        where = self.url or self.publisher
        key = f"{where}\n{' '.join(self.claim.split()).casefold()}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]

    def jsonld(self) -> dict:
        """The review as schema.org ClaimReview, with only the fields it has, in a fixed order."""
        out: dict = {"@context": "https://schema.org", "@type": "ClaimReview"}
        if self.url:
            out["url"] = self.url
        out["claimReviewed"] = self.claim
        if self.title:
            out["headline"] = self.title
        if self.date:
            out["datePublished"] = self.date
        if self.publisher:
            out["author"] = {"@type": "Organization", "name": self.publisher}
        if self.claimant:
            out["itemReviewed"] = {"@type": "Claim", "author": {"name": self.claimant}}
        rating = {
            k: v for k, v in (("alternateName", self.rating), ("ratingValue", _number(self.rating_value))) if v != ""
        }
        if rating:
            out["reviewRating"] = {"@type": "Rating", **rating}
        return out


def _number(text: str):
    """A rating value as the publisher most likely wrote it: a number when it reads as one."""
    if _INTEGER.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text):
        return float(text)
    return text


@dataclass
class Parsed:
    """What one input held: its reviews (in order, each once) and how many ClaimReviews were
    left out for lacking a claim."""

    reviews: list[Review]
    without_claim: int = 0


# --------------------------------------------------------------------------------------------
# Reading ClaimReview JSON-LD


def read_source(source: str, stdin_bytes: bytes | None = None) -> Parsed:
    """The reviews in a file, a URL (through ``fetch``) or stdin (``-``)."""
    from factcheck.reading.fetch import fetch, is_url

    if is_url(source):
        fetched = fetch(source, max_bytes=MAX_FILE_BYTES, types=HTML_TYPES + JSON_TYPES)
        html = True if fetched.content_type in HTML_TYPES else None
        return parse(fetched.data, source, html=html)
    if source == "-":
        return parse(stdin_bytes or b"", "stdin")
    path = Path(source)
    if path.is_dir():
        raise FactcheckError(f"{source} is a folder; give a ClaimReview JSON-LD file or a saved page")
    if not path.exists():
        raise FactcheckError(f"{source}: no such file; check the path")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise FactcheckError(
            f"{source} is larger than {MAX_FILE_BYTES // 2**20} MB; split the feed and import the parts"
        )
    html = True if path.suffix.lower() in (".html", ".htm") else None
    return parse(path.read_bytes(), source, html=html)


def parse(data: bytes, name: str, html: bool | None = None) -> Parsed:
    """Every ClaimReview in ``data`` (JSON-LD, or a web page's JSON-LD blocks).

    Raises ``FactcheckError`` (one line: what is wrong and what to do) when the input is not
    JSON-LD or a page, or holds no ClaimReview with a claim.
    """
    text = _decode(data, name)
    stripped = text.lstrip()
    if html is None:
        html = not stripped.startswith(("{", "[")) and "<" in stripped[:2000]
    if html:
        blocks, broken = _script_blocks(text)
        found: list[dict] = []
        for block in blocks:
            found += _claim_reviews(block)
        if not found:
            extra = f" ({broken} JSON-LD block(s) could not be read)" if broken else ""
            raise FactcheckError(
                f"{name}: no ClaimReview in the page's JSON-LD{extra}; "
                "give the page of a published fact-check, or its ClaimReview JSON"
            )
    else:
        if not stripped.startswith(("{", "[")):
            raise FactcheckError(
                f"{name} is neither JSON-LD nor a web page; give a ClaimReview "
                "JSON-LD file, a DataFeed of them, or the page of a published fact-check"
            )
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            raise FactcheckError(
                f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}: "
                f"{exc.msg}); fix the file or export it again"
            ) from None
        except RecursionError:
            raise FactcheckError(f"{name}: JSON nested too deeply to be ClaimReview") from None
        found = _claim_reviews(value)
        if not found:
            raise FactcheckError(
                f"{name}: no ClaimReview in this JSON; give ClaimReview JSON-LD "
                "(one object, an array, an @graph or a DataFeed)"
            )
    reviews: dict[str, Review] = {}
    without_claim = 0
    for obj in found:
        review = _review(obj)
        if review is None:
            without_claim += 1
            continue
        reviews.setdefault(review.id, review)
    if not reviews:
        raise FactcheckError(
            f"{name}: none of its {len(found)} ClaimReview(s) says which claim it "
            "reviewed (claimReviewed); nothing to import"
        )
    return Parsed(list(reviews.values()), without_claim)


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:4096]:
        raise FactcheckError(f"{name} is a binary file, not ClaimReview JSON-LD or a web page")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FactcheckError(f"{name} is not UTF-8 (byte {exc.start}); save it as UTF-8 and import it again") from None


class _LdJson(HTMLParser):
    """Collects the text of every ``<script type="application/ld+json">`` element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            kind = (dict(attrs).get("type") or "").split(";")[0].strip().lower()
            self._inside = kind == "application/ld+json"
            if self._inside:
                self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.blocks[-1] += data


def _script_blocks(page: str) -> tuple[list, int]:
    """The parsed JSON of each ld+json block, and how many blocks did not parse."""
    parser = _LdJson()
    parser.feed(page)
    parser.close()
    values, broken = [], 0
    for block in parser.blocks:
        block = block.strip()
        if block.startswith("<!--"):  # old pages hide scripts from old browsers
            block = block.removeprefix("<!--").removesuffix("-->").strip()
        try:
            values.append(json.loads(block))
        except (json.JSONDecodeError, RecursionError):
            broken += 1
    return values, broken


def _is_claim_review(value: dict) -> bool:
    kind = value.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1].rsplit(":", 1)[-1] == "ClaimReview" for k in kinds)


def _claim_reviews(value, depth: int = 0) -> list[dict]:
    """Every ClaimReview object inside ``value``, in document order, whatever holds it (an
    array, ``@graph``, a DataFeed's ``dataFeedElement[].item``, a page's ``mainEntity``)."""
    if depth > MAX_DEPTH:
        return []
    if isinstance(value, list):
        return [r for item in value for r in _claim_reviews(item, depth + 1)]
    if not isinstance(value, dict):
        return []
    if _is_claim_review(value):
        return [value]
    return [r for item in value.values() if isinstance(item, (dict, list)) for r in _claim_reviews(item, depth + 1)]


def _review(obj: dict) -> Review | None:
    claim = _text(obj.get("claimReviewed"))
    if not claim:
        return None
    rating = _first(obj.get("reviewRating"))
    rating = rating if isinstance(rating, dict) else {}
    item = _first(obj.get("itemReviewed"))
    item = item if isinstance(item, dict) else {}
    claimant = _name(item.get("author")) or _name(item.get("creator"))
    value = rating.get("ratingValue")
    return Review(
        claim=claim,
        title=_text(obj.get("headline")) or _text(obj.get("name")),
        claimant=claimant,
        rating=_text(rating.get("alternateName")) or _text(rating.get("name")),
        rating_value=_text(value) if not isinstance(value, bool) else "",
        publisher=_name(obj.get("author")) or _name(obj.get("publisher")),
        url=_text(obj.get("url")) or _text(obj.get("@id")),
        date=_text(obj.get("datePublished")) or _text(obj.get("dateCreated")),
    )


def _first(value):
    return value[0] if isinstance(value, list) and value else value


def _text(value) -> str:
    """A field as one line of text: strings, numbers, or the first of a list; else ''."""
    value = _first(value)
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (str, int, float)):
        return " ".join(str(value).split())
    return ""


def _name(value) -> str:
    """Who: a name string, or the name of a Person/Organization object (or of the first)."""
    value = _first(value)
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


# --------------------------------------------------------------------------------------------
# The library folder


@dataclass
class Imported:
    """What ``import`` did: the file written (None when nothing was new) and the counts."""

    path: Path | None
    new: int
    known: int
    without_claim: int


def library_files(root: Path) -> list[Path]:
    folder = root / LIBRARY_DIR
    return sorted(p for p in folder.glob("*.json") if p.is_file()) if folder.is_dir() else []


def read_library(root: Path) -> tuple[list[Review], list[str]]:
    """Every review in ``library/``, each once (the first file, by name, wins), and a warning
    line for each file that cannot be read (a hand edit or a merge gone wrong)."""
    reviews: dict[str, Review] = {}
    warnings = []
    for path in library_files(root):
        try:
            parsed = parse(path.read_bytes(), str(path), html=False)
        except FactcheckError as exc:
            warnings.append(f"{exc}; left out of the search until it is fixed")
            continue
        except OSError as exc:
            warnings.append(f"{path}: cannot read ({exc.strerror}); left out of the search")
            continue
        for review in parsed.reviews:
            reviews.setdefault(review.id, review)
    return list(reviews.values()), warnings


def dumps(reviews: list[Review]) -> str:
    """The library file for ``reviews``: canonical JSON-LD, the same bytes for the same reviews."""
    return json.dumps([r.jsonld() for r in reviews], ensure_ascii=False, indent=1) + "\n"


def import_reviews(root: Path, parsed: Parsed, source: str) -> Imported:
    """Add the reviews the library does not hold yet as one new file in ``library/``.

    The file is written whole to a temporary name and renamed, so an interrupted import leaves
    nothing behind; reviews already in the library (from any file) are not written again.
    """
    from factcheck.workspace.writes import write_new  # the workspace module pulls in the article pipeline's types

    known, _ = read_library(root)
    known_ids = {r.id for r in known}
    new = [r for r in parsed.reviews if r.id not in known_ids]
    result = Imported(None, len(new), len(parsed.reviews) - len(new), parsed.without_claim)
    if not new:
        return result
    folder = root / LIBRARY_DIR
    try:
        folder.mkdir(parents=True, exist_ok=True)
        content = dumps(new)
        base = file_stem(source)
        for n in range(1, 10_000):
            path = folder / (f"{base}.json" if n == 1 else f"{base}-{n}.json")
            if write_new(path, content):
                result.path = path
                return result
    except PermissionError as exc:
        raise FactcheckError(
            f"cannot write to {exc.filename or folder}: permission denied; choose another --dir"
        ) from None
    raise FactcheckError(f"too many library files named {base}; rename the file and import it again")


def file_stem(source: str) -> str:
    """``library/<stem>.json``: the source's file name, or its URL's host and path, as a slug."""
    from factcheck.reading.article import slugify

    name = _SCHEME.sub("", source.strip()).rstrip("/")
    if "://" not in source:
        name = Path(name).name
    name = _EXTENSION.sub("", name)
    return slugify(name)[:MAX_NAME].strip("-") or "claimreview"
