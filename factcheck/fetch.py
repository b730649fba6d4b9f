"""Fetch an article by URL: a timeout, a size limit, redirects followed, the type checked.

The standard library's urllib is enough for one GET (imported only when a URL is given); every failure becomes one
``FactcheckError`` line that says what happened and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import __version__
from .errors import FactcheckError

TIMEOUT = 20.0  # seconds, for connecting and for each read
MAX_BYTES = 10 * 2**20
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")


@dataclass(frozen=True)
class Fetched:
    data: bytes
    content_type: str
    url: str  # after redirects


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Fetched:
    import socket  # only a URL pays for the network stack
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={
        "User-Agent": f"factcheck/{__version__} (+article reader)",
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
    })
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            if content_type not in TEXT_TYPES:
                raise FactcheckError(f"{url} is {content_type}, not a web page or text; "
                                     "give the address of the article page")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FactcheckError(_too_large(url, max_bytes))
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise FactcheckError(_too_large(url, max_bytes))
            return Fetched(data, content_type, response.geturl())
    except urllib.error.HTTPError as exc:
        raise FactcheckError(f"{url}: the server answered {exc.code} {exc.reason}; "
                             "check the address, or save the page and init the file") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, socket.gaierror):
            what = "the host name was not found"
        elif isinstance(reason, ConnectionRefusedError):
            what = "the connection was refused"
        elif isinstance(reason, (TimeoutError, socket.timeout)):
            what = f"no answer within {timeout:g} s"
        else:
            what = str(reason)
        raise FactcheckError(f"{url}: cannot fetch ({what}); check the address and your connection, "
                             "or save the page and init the file") from None
    except (TimeoutError, socket.timeout):
        raise FactcheckError(f"{url}: no answer within {timeout:g} s; try again, or save the page "
                             "and init the file") from None
    except ValueError as exc:
        raise FactcheckError(f"{url}: not a usable address ({exc})") from None


def _too_large(url: str, max_bytes: int) -> str:
    return (f"{url} is larger than {max_bytes // 2**20} MB, too large for an article; "
            "save the article text and init that file")
