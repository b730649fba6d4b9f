"""Read an article (a text file or stdin) into clean, normalised text with a title and a slug.

The text returned here is what ``article.txt`` holds and what every offset indexes, so all
normalisation (line endings, invisible characters) happens once, here, before anything counts.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.reading.fetch import fetch, is_url, without_tracking
from factcheck.reading.mail import looks_like_email, read_mail
from factcheck.reading.markdown import looks_like_markdown, markdown_to_text
from factcheck.reading.webpage import extract_page, looks_like_html

MAX_SLUG = 60
MAX_TITLE = 200


@dataclass(frozen=True)
class Article:
    """An article's text as the pipeline sees it, where it came from, and what the page said
    about itself (author, date, site, canonical URL) when it was a web page."""

    text: str
    title: str
    source: str
    notices: tuple[str, ...] = ()
    author: str = ""
    published: str = ""
    site: str = ""
    url: str = ""

    @cached_property
    def sha256(self) -> str:
        """Worked out once: every worksheet's location names the version, and hashing a 1 MB
        text for each of its 8,000 worksheets took 20 s."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def version(self) -> str:
        """The short name of this text: the first 8 hex digits of its sha256."""
        return self.sha256[:8]

    @property
    def slug(self) -> str:
        """From the title; without one, from the file or URL name, which stays the same when
        the article is updated; for untitled stdin, from the text itself."""
        if self.title and slugify(self.title):
            return slugify(self.title)
        if self.source != "stdin":
            name = self.source.rstrip("/").rsplit("/", 1)[-1]
            name = name.rsplit(".", 1)[0] if "." in name else name
            if slugify(name):
                return slugify(name)
        return "article-" + self.version


def read_article(source: str, stdin_bytes: bytes | None = None) -> Article:
    """Load ``source`` (a path, an http(s) URL, or ``-`` with ``stdin_bytes``) and normalise it.

    HTML (by name or by content) goes through the web-page extractor, Markdown (by name) has
    its markup stripped; anything else is read as plain text.
    """
    if not source.strip():
        raise FactcheckError("no article given; give a file, an http(s) URL, or - for stdin")
    if source != source.strip() and not Path(source).exists():  # pasted with a space or a newline
        source = source.strip()
    source = _local_path(source)
    url, markdown, charset = None, False, ""
    if is_url(source):
        fetched = _fetch_following_refresh(source)  # as given; recorded without its tracking parameters
        data, origin, url = fetched.data, without_tracking(source), without_tracking(fetched.url)
        html = fetched.content_type in ("text/html", "application/xhtml+xml") or looks_like_html(data)
        name = origin.split("?", 1)[0]
        markdown = fetched.content_type == "text/markdown"
        charset = fetched.charset
    elif source == "-":
        data = stdin_bytes if stdin_bytes is not None else b""
        origin = name = "stdin"
        html = looks_like_html(data)
    else:
        path = Path(source)
        if not path.exists():
            raise FactcheckError(_not_found(source))
        if path.is_dir():
            raise FactcheckError(f"{source} is a directory; give the article file inside it")
        data = _read_input(path, source)
        origin = name = str(path)
        html = looks_like_html(data, name)
    if not data.strip():
        raise FactcheckError(f"{origin} is empty; give an article with some text in it")
    if not html and looks_like_email(data, name):
        return _read_mail(data, origin)
    if html:
        page = extract_page(data, origin, url, charset)
        text = normalise(page.text)
        return Article(
            text=text,
            title=normalise(page.title).strip(),
            source=origin,
            author=page.author,
            published=page.published,
            site=page.site,
            url=without_tracking(page.url) if page.url else "",
            notices=wall_notices(text, origin) + language_notices(text),
        )
    text, notices = decode(data, origin, charset)
    title = ""
    if markdown or looks_like_markdown(name):
        text, title = markdown_to_text(text)
    text = normalise(text)
    if not text.strip():
        raise FactcheckError(f"{origin} is empty; give an article with some text in it")
    title = normalise(title).strip() if title else ""
    return Article(
        text=text, title=title, source=origin, notices=tuple(notices) + language_notices(text), url=url or ""
    )


_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_HOST_FIRST = re.compile(r"^(?:www\.|[\w-]+(?:\.[\w-]+)+(?::\d+)?/)", re.I)


REFRESH_HOPS = 3


def _fetch_following_refresh(source: str):
    """The page at ``source``, or the one a page that only redirects by ``<meta
    http-equiv="refresh">`` sends the reader to (up to ``REFRESH_HOPS`` of them): that page's
    "Redirecting..." gave worksheets of its own."""
    from factcheck.reading.webpage import refresh_target

    fetched = fetch(source)
    for hop in range(REFRESH_HOPS + 1):
        if fetched.content_type not in ("text/html", "application/xhtml+xml"):
            return fetched
        target = refresh_target(fetched.data, fetched.url)
        if target is None:
            return fetched
        if not is_url(target):
            raise FactcheckError(
                f"{source}: the page redirects to {target[:120]}, not to a web page; give the address of the article page"
            )
        if hop == REFRESH_HOPS:
            break
        fetched = fetch(target)
    raise FactcheckError(
        f"{source}: the page redirects in a loop (or more than {REFRESH_HOPS} times); "
        "open the address in a browser, then init the address it ends at"
    )


def _local_path(source: str) -> str:
    """A ``file:`` URL as the path it names (what a browser's address bar shows for a saved
    page); any other argument as it is."""
    if not source.lower().startswith("file:") or Path(source).exists():
        return source
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(source)
    if parts.netloc not in ("", "localhost"):
        raise FactcheckError(f"{source}: a file on another machine; copy it here and init the copy")
    return unquote(parts.path) or source


def _not_found(source: str) -> str:
    """What to say of an argument that is no file: an address factcheck does not fetch, one
    typed without its https://, or a path that is wrong."""
    if _SCHEME.match(source):
        return f"{source}: factcheck fetches only http:// and https:// addresses; save the article and init the file"
    if _HOST_FIRST.match(source):
        return f"{source}: no such file; for a web address, give it with https:// in front"
    return f"{source}: no such file; check the path, or use - to read stdin"


def _read_mail(data: bytes, origin: str) -> Article:
    """A saved email: its body read as a page or a text, its subject the title."""
    mail = read_mail(data)
    if mail is None or not mail.body.strip():
        raise FactcheckError(
            f"{origin}: an email with no text this can read; save the article itself and init that file"
        )
    if mail.html:
        page = extract_page(mail.body.encode("utf-8"), origin)
        text = normalise(page.text)
    else:
        text = normalise(mail.body)
    title = normalise(mail.subject).strip()
    if title and text.split("\n", 1)[0] != title:  # the headline first, as a web page's is
        text = title + "\n\n" + text
    return Article(
        text=text,
        title=title,
        source=origin,
        author=mail.sender,
        published=mail.date,
        notices=language_notices(text),
    )


def _read_input(path: Path, source: str) -> bytes:
    """The article file's bytes, at most ``files.MAX_TEXT_BYTES``: a pipe works (``init
    <(curl ...)``), a device that never ends (``/dev/zero``) stops there."""
    from factcheck.files import MAX_TEXT_BYTES, FileProblem, read_at_most

    try:
        with open(path, "rb") as handle:
            return read_at_most(handle.fileno(), MAX_TEXT_BYTES, path)
    except FileProblem as exc:
        raise FactcheckError(f"{source} is {exc.strerror}; give the article's text") from None
    except OSError as exc:
        raise FactcheckError(f"{source}: cannot read ({exc.strerror}); check its permissions") from None


def read_stdin(stream) -> bytes:
    """Standard input, at most ``files.MAX_TEXT_BYTES`` (``yes | factcheck init -`` stops)."""
    from factcheck.files import MAX_TEXT_BYTES, too_large

    data = stream.read(MAX_TEXT_BYTES + 1)
    if len(data) > MAX_TEXT_BYTES:
        raise FactcheckError(f"stdin is {too_large(None, MAX_TEXT_BYTES)}; give the article's text")
    return data


# The commonest English words, less those that are words of other languages too ("a", "i",
# "in", "an", "on"). Of all words, they are 0.24 or more in GUM's news, interviews and speeches,
# 0.11 or more on the readability pages, 0.07 or more on the English scrapinghub pages (menus
# and all) and on the UD EWT documents of 40 words or more; 0.02 or less on the scrapinghub
# pages in other languages.
_ENGLISH = frozenset(
    "the of and to is that for it was with as be by at this are from have has not but or were "
    "which his their they he she we you will would said been its".split()
)
ENGLISH_MIN_SHARE = 0.04
_LETTERS = re.compile(r"[^\W\d_]+")
_URL = re.compile(r"(?<!\S)\S+://\S+|www\.\S+")  # from a word's start: once per word, not per letter


def english_share(text: str, limit: int = 3000) -> tuple[float, int]:
    """The share of the first ``limit`` words (links left out) that are among the commonest
    English words, and how many words that is."""
    words = _LETTERS.findall(_URL.sub(" ", text[: limit * 12]))[:limit]
    return (sum(w.lower() in _ENGLISH for w in words) / len(words) if words else 1.0), len(words)


LATIN_MIN_SHARE = 0.5
_LATIN_LETTER = re.compile(r"[a-zA-Z\u00c0-\u024f\u1e00-\u1eff]")


def latin_share(text: str, limit: int = 20000) -> float:
    """The share of the first ``limit`` letters that are Latin: a Japanese or Chinese text has
    no spaces between its words, so it has too few "words" for ``english_share`` to judge."""
    sample = text[:limit]
    letters = sum(1 for ch in sample if ch.isalpha())
    return len(_LATIN_LETTER.findall(sample)) / letters if letters >= 100 else 1.0


def language_notices(text: str) -> tuple[str, ...]:
    """A notice when the article does not read as English: the skip rules, the claimant and
    check patterns and the check-worthiness model are English-only, so a user should know
    that their priorities mean little there. Under 40 words there is too little to tell, unless
    most of its letters are not Latin ones."""
    share, words = english_share(text)
    if (words < 40 or share >= ENGLISH_MIN_SHARE) and latin_share(text) >= LATIN_MIN_SHARE:
        return ()
    return (
        "the article does not read as English; statements are split and numbers found, but the "
        "skip rules and priorities are made for English, so read the priorities as rough",
    )


WALL_MAX_WORDS = 150
_WALL = re.compile(
    r"\b(?:cookies?|consent|privacy settings|log ?in|sign ?in|subscribe|subscriber|subscription|"
    r"paywall|enable javascript|are you a robot|captcha|access denied)\b",
    re.I,
)


def wall_notices(text: str, origin: str) -> tuple[str, ...]:
    """A notice when a fetched or saved page holds a few lines that speak of logging in,
    subscribing or cookies: what a site serves a program in place of the article (a login,
    paywall, consent or robot check page). Its statements are the wall's, not the story's."""
    words = len(text.split())
    if words >= WALL_MAX_WORDS or not _WALL.search(text):
        return ()
    return (
        f"{origin} has only {words} words of text, and they read like a login, paywall, cookie or "
        "JavaScript notice: if the site sent that in place of the article, open the page in a "
        "browser, save the article's text and init that file",
    )


def decode(data: bytes, origin: str, served: str = "") -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 (with BOM, or bare), else the charset
    a server ``served`` it as, else cp1252 with a notice."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            raise FactcheckError(f"{origin}: broken UTF-16 text; re-save it as UTF-8") from None
    for magic, what in _DOCUMENTS:
        if data.startswith(magic):
            raise FactcheckError(f"{origin} is {what}, not text; {_SAVE_AS_TEXT}")
    bare = _bare_utf16(data)
    if bare:
        try:
            return data.decode(bare), []
        except UnicodeDecodeError:
            raise FactcheckError(f"{origin}: broken UTF-16 text; re-save it as UTF-8") from None
    if b"\x00" in data[:8192]:
        raise FactcheckError(f"{origin} looks like a binary file, not an article; give a text file")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        utf8_error = exc
    codec = _served_codec(served)
    if codec:
        try:
            return data.decode(codec), []
        except UnicodeDecodeError:
            pass
    # What is valid UTF-8 is read as UTF-8 and only the bytes that are not as cp1252: a text
    # pasted together from two sources ("Café" typed, "Caf\xe9" pasted) keeps both right,
    # where reading it all as cp1252 turned the UTF-8 into "CafÃ©".
    others = []

    def as_cp1252(error: UnicodeDecodeError) -> tuple[str, int]:
        bad = error.object[error.start : error.end]
        others.append(len(bad))
        return bad.decode("cp1252"), error.end  # raises for the five bytes cp1252 leaves undefined

    codecs.register_error("factcheck-cp1252", as_cp1252)
    try:
        text = data.decode("utf-8-sig", "factcheck-cp1252")
    except UnicodeDecodeError:
        raise FactcheckError(
            f"{origin}: not UTF-8 text (byte {utf8_error.start}) and not cp1252 either; re-save it as UTF-8"
        ) from None
    if sum(1 for ch in text if ord(ch) > 127) <= sum(others):  # no UTF-8 beyond ASCII: all cp1252
        return text, [f"{origin} is not UTF-8; read it as Windows-1252 (cp1252)"]
    return text, [
        f"{origin} is not all UTF-8; read {sum(others)} {'byte' if sum(others) == 1 else 'bytes'} "
        "that are not as Windows-1252 (cp1252)"
    ]


# Documents a checker is sent that are not text: a PDF, a Word file (.docx is a zip; .doc an
# OLE2 file), rich text from TextEdit or WordPad. Read as text they gave worksheets of their
# markup ("\\pard\\tx566", "1 0 obj << /Type /Catalog"), or "a binary file".
_DOCUMENTS = (
    (b"%PDF-", "a PDF"),
    (b"{\\rtf", "rich text (RTF)"),
    (b"PK\x03\x04", "a Word document or another zip file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word document"),
)
_SAVE_AS_TEXT = "save or export it as plain text (.txt), or copy its text into a file, and init that"


def _served_codec(served: str) -> str | None:
    """The codec for the charset a server names for a text, when it is one (cp1252 and its
    kin are left to the reading below, which says when it used them)."""
    if not served:
        return None
    from factcheck.reading.webpage import html_codec

    codec = html_codec(served)
    return None if codec in (None, "cp1252", "utf-8") else codec


def _bare_utf16(data: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` for UTF-16 text saved without its byte-order mark (some Windows
    tools do): every other byte is zero, as in no binary file, when the text is mostly ASCII."""
    sample = data[:8192]
    if len(sample) < 8 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) == 0:
            return codec
    return None


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000"), " ")


def normalise(text: str) -> str:
    """One form for every input: NFC, ``\\n`` line ends, plain spaces, no invisible characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE).translate(_SPACES)
    text = "\n".join(
        line.rstrip(" \t") for line in text.split("\n")
    )  # linear; "[ \t]+$" was quadratic in a run of spaces
    return text.strip("\n") + "\n"


def slugify(title: str) -> str:
    """Lowercase ASCII words joined by hyphens, at most ``MAX_SLUG`` characters, never a path."""
    words = ascii_words(title)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > MAX_SLUG:
            break
        slug = candidate
    return slug or (words[0][:MAX_SLUG] if words else "")


_ALNUM_RUN = re.compile(r"[a-z0-9]+")


def ascii_words(text: str) -> list[str]:
    """Lower-case ASCII words for a file or folder name: accents folded ("Pātaua" -> "pataua",
    "augmenté" -> "augmente"), apostrophes dropped ("Kirby's" -> "kirbys")."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _ALNUM_RUN.findall(folded.lower().replace("'", ""))
