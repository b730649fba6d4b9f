"""Fetch an article by URL: one deadline for the whole answer, a size limit, redirects followed,
the type and the length checked.

The standard library's urllib is enough for one GET (imported only when a URL is given); every
failure becomes one ``FactcheckError`` line that says what happened and what to do. The
deadline covers looking the host up, connecting, the headers and the body together: a server
that sends a byte at a time cannot keep a read alive past it (a watchdog shuts the connection
when time is up), and a slow resolver cannot hold the command (the fetch runs in a thread
waited for no longer than the deadline).
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck import __version__
from factcheck.errors import FactcheckError

TIMEOUT = 20.0  # seconds for the whole answer: connecting, headers and body
MAX_BYTES = 10 * 2**20
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    data: bytes
    content_type: str
    url: str  # after redirects
    charset: str = ""  # as the Content-Type header names it, if it does


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


# Query parameters that say how a reader came to a page, not which page it is: kept, they
# would be published in a ClaimReview's address of the claim and make one article two sources.
_TRACKING = frozenset(
    "fbclid gclid dclid gbraid wbraid msclkid yclid twclid igshid mc_cid mc_eid _hsenc _hsmi mkt_tok".split()
)


def without_tracking(url: str) -> str:
    """``url`` without its campaign and click-tracking parameters (``utm_*``, ``fbclid``,
    ``gclid`` ...) and without its fragment (``#comments`` names a place in the page, where
    ``#!/story/12`` names the page and stays); every other parameter is kept as written."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    kept = [pair for pair in parts.query.split("&") if pair and not _is_tracking(pair.split("=", 1)[0].lower())]
    fragment = parts.fragment if parts.fragment.startswith("!") else ""  # "#!/story/12" names the page
    return urlunsplit(parts._replace(query="&".join(kept), fragment=fragment))


def _is_tracking(name: str) -> bool:
    return name.startswith("utm_") or name in _TRACKING


def fetch(
    url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES, *, types: tuple[str, ...] = TEXT_TYPES
) -> Fetched:
    """GET ``url``; ``types`` are the content types accepted (an article's by default).

    The fetch runs in a thread the caller waits for no longer than the deadline (and a moment
    to close): looking the host name up and trying each of its addresses block in ways no
    socket timeout reaches (a slow resolver took 3 s past a 1 s deadline). Left behind, the
    thread is a daemon and ends with the command."""
    import threading

    late = f"{url}: no complete answer within {timeout:g} s; try again, or save the page and init the file"
    answer: list = []

    def work() -> None:
        try:
            answer.append(_fetch(url, timeout, max_bytes, types, late))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller as it is
            answer.append(exc)

    worker = threading.Thread(target=work, name="factcheck-fetch", daemon=True)
    worker.start()
    worker.join(timeout + _GRACE)
    if not answer:
        raise FactcheckError(late)
    if isinstance(answer[0], BaseException):
        raise answer[0]
    return answer[0]


_GRACE = 0.5  # seconds past the deadline for the watchdog's shut connections to end the fetch


def _fetch(url: str, timeout: float, max_bytes: int, types: tuple[str, ...], late: str) -> Fetched:
    import http.client
    import socket  # only a URL pays for the network stack
    import ssl
    import urllib.error
    import urllib.request

    watchdog = _Watchdog(timeout)
    try:
        with watchdog:
            with watchdog.opener().open(_request(url, types), timeout=timeout) as response:
                content_type = response.headers.get_content_type()
                if content_type not in types:
                    what = "a web page or text" if types == TEXT_TYPES else "one of " + ", ".join(types)
                    raise FactcheckError(f"{url} is {content_type}, not {what}; give the address of the article page")
                data = _read_body(response, url, max_bytes, watchdog)
                if watchdog.expired:
                    raise FactcheckError(late)
                data = _decompressed(data, response.headers.get("Content-Encoding", ""), url, max_bytes)
                return Fetched(data, content_type, response.geturl(), response.headers.get_content_charset() or "")
    except FactcheckError:
        raise
    except urllib.error.HTTPError as exc:
        if str(exc.reason).startswith(urllib.request.HTTPRedirectHandler.inf_msg):  # a loop, or 10 redirects
            raise FactcheckError(
                f"{url}: the server redirects in a loop (or more than 10 times); "
                "open the address in a browser, then init the address it ends at"
            ) from None
        raise FactcheckError(
            f"{url}: the server answered {exc.code} {_clean(exc.reason)}; "
            "check the address, or save the page and init the file"
        ) from None
    except Exception as exc:  # noqa: BLE001 - anything the network or the server does is one line
        if watchdog.expired:
            raise FactcheckError(late) from None
        reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        if isinstance(reason, socket.gaierror):
            what = "the host name was not found"
        elif isinstance(reason, ConnectionRefusedError):
            what = "the connection was refused"
        elif isinstance(reason, (TimeoutError, socket.timeout)):
            raise FactcheckError(late) from None
        elif isinstance(reason, http.client.InvalidURL) or isinstance(exc, ValueError):
            raise FactcheckError(f"{url}: not a usable address ({_clean(reason)})") from None
        elif isinstance(reason, http.client.RemoteDisconnected):
            what = "the server closed the connection without an answer"
        elif isinstance(reason, http.client.IncompleteRead):
            what = "the server's answer broke off"
        elif isinstance(reason, ssl.SSLCertVerificationError):
            what = f"the site's certificate is not valid: {_clean(reason.verify_message) or 'it cannot be verified'}"
        elif isinstance(reason, ssl.SSLError):
            raise FactcheckError(
                f"{url}: no secure connection could be made ({_ssl_reason(reason)}); if the site has no https, "
                "give the address with http://, or save the page and init the file"
            ) from None
        elif isinstance(reason, http.client.HTTPException):
            what = f"the server's answer is not valid HTTP: {_clean(reason) or type(reason).__name__}"
        elif isinstance(reason, OSError):
            what = _clean(reason.strerror or reason) or type(reason).__name__
        else:
            what = _clean(reason) or type(reason).__name__
        raise FactcheckError(
            f"{url}: cannot fetch ({what}); check the address and your connection, or save the page and init the file"
        ) from None


def _ssl_reason(exc: OSError) -> str:
    """OpenSSL's reason in words ("wrong version number", what a plain-HTTP port answers), not
    its "[SSL: WRONG_VERSION_NUMBER] ... (_ssl.c:1006)"."""
    return (getattr(exc, "reason", "") or "").replace("_", " ").lower() or _clean(exc) or "the secure connection failed"


def as_uri(url: str) -> str:
    """``url`` as HTTP can carry it, as a browser sends what its address bar shows: a space or
    a letter outside ASCII in the path or query percent-encoded as UTF-8 (``Köln`` ->
    ``K%C3%B6ln``), a host name outside ASCII in IDNA; an address already encoded is kept."""
    from urllib.parse import quote, urlsplit, urlunsplit

    if url.isascii() and " " not in url:
        return url
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if not netloc.isascii():
            netloc = netloc.encode("idna").decode("ascii")
    except (ValueError, UnicodeError):
        return url  # left for the request to refuse in its own words
    safe = "/:?#[]@!$&'()*+,;=%~"
    return urlunsplit(
        (parts.scheme, netloc, quote(parts.path, safe), quote(parts.query, safe), quote(parts.fragment, safe))
    )


def _request(url: str, types: tuple[str, ...] = TEXT_TYPES):
    import urllib.request

    accept = "text/html,application/xhtml+xml,text/plain" if types == TEXT_TYPES else ",".join(types)
    return urllib.request.Request(
        as_uri(url),
        headers={
            "User-Agent": f"factcheck/{__version__} (+article reader)",
            "Accept": accept + ";q=0.9,*/*;q=0.1",
            "Accept-Encoding": "gzip, deflate",  # what _decompressed reads
        },
    )


def _decompressed(data: bytes, encoding: str, url: str, max_bytes: int) -> bytes:
    """The body without its Content-Encoding: gzip and deflate are undone (servers send them
    whether asked or not, and an undecoded page read as "no article text"), to no more than
    ``max_bytes`` (a small compressed body can hold gigabytes); any other coding is one line."""
    import zlib

    codings = [c.strip().lower() for c in encoding.split(",")]
    for coding in reversed([c for c in codings if c and c != "identity"]):
        if coding in ("gzip", "x-gzip"):
            wbits = 16 + zlib.MAX_WBITS
        elif coding == "deflate":  # zlib-wrapped as the standard says, or raw as some servers send it
            wbits = (
                zlib.MAX_WBITS
                if len(data) > 1 and (data[0] & 0x0F) == 8 and int.from_bytes(data[:2]) % 31 == 0
                else -zlib.MAX_WBITS
            )
        else:
            raise FactcheckError(
                f"{url}: the server sent the page compressed as {_clean(coding)!r}, which factcheck "
                "cannot read; save the page and init the file"
            )
        inflater = zlib.decompressobj(wbits)
        try:
            data = inflater.decompress(data, max_bytes + 1)
        except zlib.error:
            raise FactcheckError(
                f"{url}: the server's {coding} answer is corrupt; try again, or save the page and init the file"
            ) from None
        if len(data) > max_bytes or inflater.unconsumed_tail:
            raise FactcheckError(_too_large(url, max_bytes))
        if not inflater.eof:
            raise FactcheckError(
                f"{url}: the server's {coding} answer broke off; try again, or save the page and init the file"
            )
    return data


def _read_body(response, url: str, max_bytes: int, watchdog: _Watchdog) -> bytes:
    """The body, a chunk at a time (so the deadline is looked at between chunks), no more than
    ``max_bytes``, and all of it: a body shorter than its Content-Length is an error, not an
    article with its end missing."""
    length = response.headers.get("Content-Length", "").strip()
    declared = int(length) if length.isdigit() else None
    if declared is not None and declared > max_bytes:
        raise FactcheckError(_too_large(url, max_bytes))
    chunked = "chunked" in response.headers.get("Transfer-Encoding", "").lower()
    parts, size = [], 0
    while not watchdog.expired:
        chunk = response.read1(_CHUNK)
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise FactcheckError(_too_large(url, max_bytes))
    data = b"".join(parts)
    if not watchdog.expired and declared is not None and not chunked and len(data) < declared:
        raise FactcheckError(
            f"{url}: the server sent {len(data):,} of the {declared:,} bytes it announced and "
            "then stopped; try again, or save the page and init the file"
        )
    return data


class _Watchdog:
    """The deadline for one fetch: when it passes, every connection the fetch opened is shut,
    so a read blocked on it returns at once; ``expired`` says why it ended."""

    def __init__(self, timeout: float) -> None:
        import threading

        self.expired = False
        self._sockets: list = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(timeout, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()

    def _expire(self) -> None:
        import socket

        with self._lock:
            self.expired = True
            for sock in self._sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def watch(self, sock) -> None:
        with self._lock:
            self._sockets.append(sock)
        if self.expired:
            self._expire()

    def opener(self):
        """A urllib opener whose connections report their sockets to this watchdog."""
        import urllib.parse
        import urllib.request

        watchdog = self

        def watched(base):
            class Connection(base):
                def __init__(self, *args, **kwargs):
                    super().__init__(*args, **kwargs)
                    create = self._create_connection

                    def created(*a, **k):  # the bare socket, watched from the start
                        sock = create(*a, **k)
                        watchdog.watch(sock)
                        return sock

                    self._create_connection = created

                def connect(self):
                    super().connect()
                    watchdog.watch(self.sock)  # for https, the socket that wraps the bare one

            return Connection

        class Http(urllib.request.HTTPHandler):
            def do_open(self, http_class, req, **kwargs):
                return super().do_open(watched(http_class), req, **kwargs)

        class Https(urllib.request.HTTPSHandler):
            def do_open(self, http_class, req, **kwargs):
                return super().do_open(watched(http_class), req, **kwargs)

        class Redirect(urllib.request.HTTPRedirectHandler):
            def http_error_302(self, req, fp, code, msg, headers):
                # looked at before urllib does, which refuses file:// in words of its own
                target = headers.get("location") or headers.get("uri")
                if target:
                    self.redirect_request(req, fp, code, msg, headers, urllib.parse.urljoin(req.full_url, target))
                return super().http_error_302(req, fp, code, msg, headers)

            http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

            def redirect_request(self, req, fp, code, msg, headers, newurl):
                if not is_url(newurl):  # to ftp://, file:// or elsewhere: not an article page we read
                    raise FactcheckError(
                        f"{req.full_url}: the server redirects to {_clean(newurl)}, not to a "
                        "web page; give the address of the article page"
                    )
                return super().redirect_request(req, fp, code, msg, headers, newurl)

        return urllib.request.build_opener(Http(), Https(), Redirect())


def _clean(reason) -> str:
    """A reason from the network or a server, as one short line of printable text."""
    text = " ".join(str(reason).split())
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text[:120]


def _too_large(url: str, max_bytes: int) -> str:
    return (
        f"{url} is larger than {max_bytes // 2**20} MB, too large for an article; "
        "save the article text and init that file"
    )
