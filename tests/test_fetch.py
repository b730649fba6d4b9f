"""Fetching a URL from a server that misbehaves: a local server on 127.0.0.1 writes raw bytes
over a socket (a broken status line, too many headers, a header of 64 KB, bad chunking, a body
shorter than it announced, a byte at a time). Each ends in one line on stderr and exit 1, or,
for a page that only names a bogus charset, in its statements; and never past the deadline."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from factcheck.errors import FactcheckError
from factcheck.reading import fetch

from .conftest import EXAMPLE

ARTICLE = EXAMPLE.read_bytes()
ONE_LINE_END = "or save the page and init the file"


class RawServer:
    """Answers each connection with whatever ``respond(connection)`` writes, after reading the
    request's headers; started and stopped by the test."""

    def __init__(self, respond) -> None:
        self.respond = respond
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn) -> None:
        with conn:
            try:
                conn.settimeout(10)
                request = b""
                while b"\r\n\r\n" not in request:
                    chunk = conn.recv(4096)
                    if not chunk:
                        return
                    request += chunk
                self.respond(conn, self.stopped)
            except OSError:
                pass

    def close(self) -> None:
        self.stopped.set()
        self.listener.close()


@pytest.fixture
def serve():
    servers = []

    def start(respond):
        server = RawServer(respond if callable(respond) else lambda conn, stopped: conn.sendall(respond))
        servers.append(server)
        return server.url

    yield start
    for server in servers:
        server.close()


def ok(body: bytes, *headers: str, content_type: str = "text/plain; charset=utf-8") -> bytes:
    lines = ["HTTP/1.1 200 OK", f"Content-Type: {content_type}", "Connection: close", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


MALFORMED = {
    "bad status line": (b"HTCPCP is not HTTP\r\n\r\n", "cannot fetch (the server's answer is not valid HTTP: "),
    "no answer at all": (b"", "cannot fetch (the server closed the connection without an answer)"),
    "more than 100 headers": (
        b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(150)) + b"\r\n" + ARTICLE,
        "cannot fetch (the server's answer is not valid HTTP: got more than 100 headers)",
    ),
    "a header of 64 KB": (
        b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n" + ARTICLE,
        "cannot fetch (the server's answer is not valid HTTP: got more than 65536 bytes",
    ),
    "bad chunk size": (
        ok(b"zz\r\n" + ARTICLE[:100] + b"\r\n0\r\n\r\n", "Transfer-Encoding: chunked"),
        "cannot fetch (the server's answer broke off)",
    ),
    "chunks cut off": (
        ok(b"%x\r\n" % 5000 + ARTICLE[:100], "Transfer-Encoding: chunked"),
        "cannot fetch (the server's answer broke off)",
    ),
    "short body": (
        ok(ARTICLE[:1000], f"Content-Length: {len(ARTICLE)}"),
        f"the server sent 1,000 of the {len(ARTICLE):,} bytes it announced and then stopped; try again",
    ),
    "bad status code": (b"HTTP/1.1 9999 Nope\r\n\r\n", "cannot fetch (the server's answer is not valid HTTP: "),
    "redirect to ftp": (
        b"HTTP/1.1 302 Found\r\nLocation: ftp://127.0.0.1/x\r\nContent-Length: 0\r\n\r\n",
        "the server redirects to ftp://127.0.0.1/x, not to a web page",
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_a_malformed_answer_is_one_line(run, serve, case):
    response, message = MALFORMED[case]
    url = serve(response)
    result = run("init", f"{url}/article")
    assert result.exit_code == 1, result.stdout
    assert result.stderr.startswith(f"Error: {url}/article")
    assert message in result.stderr
    assert result.stderr.count("\n") == 1


def test_the_whole_body_is_kept_when_its_length_is_right(run, serve):
    url = serve(ok(ARTICLE, f"Content-Length: {len(ARTICLE)}"))
    from_url = run("init", f"{url}/article", "--dry-run", "--json")
    from_file = run("init", str(EXAMPLE), "--dry-run", "--json")
    assert from_url.exit_code == 0, from_url.stderr
    assert from_url.stdout.count('"id"') == from_file.stdout.count('"id"') == 22


def drip(head: bytes, body: bytes, every: float):
    """A server that sends ``head`` and then ``body`` one byte every ``every`` seconds."""

    def respond(conn, stopped):
        conn.sendall(head)
        for i in range(len(body)):
            if stopped.wait(every):
                return
            conn.sendall(body[i : i + 1])

    return respond


@pytest.mark.parametrize("where", ["body", "headers"])
def test_a_server_that_drips_cannot_pass_the_deadline(serve, where):
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % len(ARTICLE)
    url = serve(drip(head, ARTICLE, 0.05) if where == "body" else drip(b"", head + ARTICLE, 0.05))
    start = time.monotonic()
    with pytest.raises(FactcheckError) as error:
        fetch.fetch(f"{url}/article", timeout=1.0)
    took = time.monotonic() - start
    assert str(error.value) == (
        f"{url}/article: no complete answer within 1 s; try again, or save the page and init the file"
    )
    assert took < 5  # a hang guard: the deadline is 1 s; before, each byte restarted a 20 s clock


def test_a_slow_name_lookup_cannot_pass_the_deadline(monkeypatch):
    """Looking the host up blocks where no socket timeout reaches (a resolver that takes 3 s ran
    the fetch to 3.1 s with a 1 s deadline); the deadline now covers it."""
    import socket

    def slow_lookup(*args, **kwargs):
        time.sleep(3)
        raise socket.gaierror("too late anyway")

    monkeypatch.setattr(socket, "getaddrinfo", slow_lookup)
    start = time.monotonic()
    with pytest.raises(FactcheckError) as error:
        fetch.fetch("http://slow-resolver.example/article", timeout=1.0)
    assert time.monotonic() - start < 2.5  # the deadline and its half-second grace; not 3 s
    assert str(error.value) == (
        "http://slow-resolver.example/article: no complete answer within 1 s; try again, or save the page and "
        "init the file"
    )


def test_the_deadline_is_the_cli_default(run, serve, monkeypatch):
    monkeypatch.setattr(fetch.fetch, "__defaults__", (0.5, fetch.MAX_BYTES))
    url = serve(drip(b"HTTP/1.1 200 OK\r\n", b"Content-Type: text/plain\r\n\r\n" + ARTICLE, 0.05))
    result = run("init", f"{url}/slow")
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"Error: {url}/slow: no complete answer within 0.5 s; try again, or save the page and init the file\n"
    )


@pytest.mark.parametrize("charset", ["idna", "punycode", "utf-16", "rot13", "no-such-charset", "undefined"])
def test_a_page_naming_a_bogus_charset_is_read_as_utf8(run, serve, charset):
    page = (EXAMPLE.parent.parent / "tests" / "fixtures" / "wagner.html").read_bytes()
    page = page.replace(b"<head>", b'<head><meta charset="%s">' % charset.encode(), 1)
    assert b'charset="%s"' % charset.encode() in page
    url = serve(ok(page, content_type="text/html"))
    from_url = run("init", f"{url}/article", "--dry-run", "--json")
    assert from_url.exit_code == 0, from_url.stderr
    assert from_url.stdout.count('"id"') == 22


def test_a_reset_connection_is_one_line(run, serve):
    def reset(conn, stopped):
        conn.sendall(ok(ARTICLE[:500], f"Content-Length: {len(ARTICLE)}"))
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")

    url = serve(reset)
    result = run("init", f"{url}/article")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and ONE_LINE_END in result.stderr
