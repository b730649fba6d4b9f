"""Web pages: the article's main text and metadata from HTML, by trafilatura.

trafilatura is the best-measured open main-text extractor (see BENCHMARKS.md); importing it
costs about 0.3 s, so this module imports it only when a page is actually read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.errors import FactcheckError

_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_CHARSET = re.compile(rb"""<meta[^<>]+charset\s*=\s*["']?([\w:.-]+)""", re.I)
# how much more of the article's opening a candidate headline must be about than the page's
# <title> before it replaces it: a site name shares few words with any story
GENERIC_TITLE_MARGIN = 0.3


@dataclass(frozen=True)
class Page:
    text: str
    title: str
    author: str
    published: str
    site: str
    url: str


def looks_like_html(data: bytes, name: str = "") -> bool:
    """An ``.html``/``.htm`` name, or content that starts like an HTML document."""
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(head))


_META_TAG = re.compile(rb"<meta\b[^<>]*>", re.I)
_REFRESH_CONTENT = re.compile(rb"""content\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_REFRESH_URL = re.compile(r"""^\s*(\d*)[\d.]*\s*[;,]?\s*url\s*=\s*["']?([^"'\s]+)""", re.I)
REFRESH_MAX_DELAY = 30  # seconds: a longer one reloads a live page, it does not send the reader on


def refresh_target(data: bytes, base: str) -> str | None:
    """Where a page that only redirects sends the reader (``<meta http-equiv="refresh"
    content="0; url=...">``, as link shorteners and moved pages answer), absolute; None when
    it names no address, names its own, or waits longer than ``REFRESH_MAX_DELAY``."""
    from urllib.parse import urljoin

    for tag in _META_TAG.finditer(data[:16384]):
        if b"refresh" not in tag.group().lower() or b"http-equiv" not in tag.group().lower():
            continue
        content = _REFRESH_CONTENT.search(tag.group())
        if not content:
            continue
        value = (content.group(1) or content.group(2) or b"").decode("ascii", "replace")
        found = _REFRESH_URL.match(value)
        if found and int(found.group(1) or 0) <= REFRESH_MAX_DELAY:
            target = urljoin(base, found.group(2))
            return None if target.split("#")[0] == base.split("#")[0] else target
    return None


def decode_html(data: bytes, served: str = "") -> str:
    """HTML bytes to text: BOM, then the charset its <meta> declares, then UTF-8, then the
    charset the server ``served`` it as, then cp1252. UTF-8 that decodes comes before the
    server's word, which is often a default ("iso-8859-1") the site never chose; a Russian page
    served as windows-1251 and naming no charset itself was read as cp1252 ("Íîâûå")."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, "replace")
    declared = _CHARSET.search(data[:4096])
    codec = html_codec(declared.group(1).decode("ascii", "replace")) if declared else None
    if codec:
        try:
            return data.decode(codec, "replace")
        except (LookupError, UnicodeError, ValueError):  # a codec that fails whatever the bytes
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    codec = html_codec(served) if served else None
    if codec:
        try:
            return data.decode(codec)
        except (LookupError, UnicodeError, ValueError):
            pass
    return data.decode("cp1252", "replace")


# Codecs a page may not name: they are not character sets of text (idna, punycode, the escape
# codecs), or, named in a <meta> the page's bytes were read far enough to find, cannot be the
# page's (UTF-16 and UTF-32 are ASCII-incompatible: browsers read such a page as UTF-8).
_NOT_PAGE_CODECS = frozenset(
    ("idna", "punycode", "undefined", "raw-unicode-escape", "unicode-escape", "utf-7", "palmos")
)


def html_codec(name: str) -> str | None:
    """The codec for a charset a page declares, or None for one to ignore."""
    import codecs

    try:
        info = codecs.lookup(name.strip())
    except LookupError:
        return None
    if info.name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    if info.name in _NOT_PAGE_CODECS or not getattr(info, "_is_text_encoding", True):
        return None
    if info.name in _WINDOWS_1252:  # as browsers read them: the curly quotes are cp1252's
        return "cp1252"
    return info.name


# Labels a page gives whose bytes browsers read as windows-1252 (the WHATWG Encoding standard):
# a page "in iso-8859-1" with “quotes” has cp1252's bytes for them, which latin-1 reads as
# control characters, and the quotes were lost.
_WINDOWS_1252 = frozenset(("latin-1", "iso8859-1", "ascii", "cp1252"))


def extract_page(data: bytes, origin: str, url: str | None = None, charset: str = "") -> Page:
    """Main text (paragraphs separated by blank lines) and metadata of an HTML page
    (``charset``: the one the server named for it)."""
    import trafilatura  # heavy: only when a page is read

    html = decode_html(data, charset)
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    if doc is None or not (doc.text or "").strip():
        raise FactcheckError(
            f"{origin}: found no article text in this page; save the article as text and init that file"
        )
    paragraphs = [" ".join(line.split()) for line in doc.text.split("\n")]
    paragraphs = [_unbullet(p) for p in paragraphs if p]
    title = _headline(" ".join((doc.title or "").split()), html, " ".join(paragraphs[:6]))
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    return Page(
        text="\n\n".join(paragraphs) + "\n",
        title=title,
        author=_authors(doc.author or ""),
        published=doc.date or "",
        site=doc.sitename or "",
        url=doc.url or url or "",  # the canonical address the page gives, else where it was fetched
    )


_WORD = re.compile(r"[^\W\d_]{4,}")
_OTHER_TITLES = ('//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content', "//h1")


def _headline(title: str, html: str, lead: str) -> str:
    """The page's headline: the title trafilatura found, unless it is a site's generic one
    ("News from The Associated Press") and the page's og:title, twitter:title or first h1 is
    about what the article's first paragraphs are about. Judged by the share of each
    candidate's words (four letters or more) that the opening paragraphs use."""
    import lxml.html  # trafilatura's own parser, already loaded

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return title
    candidates = []
    for path in _OTHER_TITLES:
        for found in tree.xpath(path)[:3]:  # a page may open with a masthead h1 ("AP News")
            text = found if isinstance(found, str) else found.text_content()
            candidates.append(" ".join(str(text).split()))
    lead_words = {w.lower() for w in _WORD.findall(lead)}

    def about(text: str) -> float:
        words = {w.lower() for w in _WORD.findall(text)}
        return len(words & lead_words) / len(words) if words else 0.0

    best = max((c for c in candidates if c), key=about, default="")
    return best if best and about(best) >= about(title) + GENERIC_TITLE_MARGIN else title


def _unbullet(paragraph: str) -> str:
    """trafilatura marks list items with "- "; the bullet is not article text."""
    return paragraph[2:] if paragraph.startswith("- ") else paragraph


def _authors(raw: str) -> str:
    seen, out = set(), []
    for name in (n.strip() for n in raw.split(";")):
        if name and name.lower() not in seen:
            seen.add(name.lower())
            out.append(name)
    return "; ".join(out)
