"""A web server on 127.0.0.1 for the tests that fetch: started and stopped by the test itself,
each path answering what its route says."""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Iterator

NOT_FOUND = (404, "text/plain", b"not found")


@contextlib.contextmanager
def serve(routes: dict[str, tuple]) -> Iterator[str]:
    """Serve ``routes`` (path: ``(status, content type, body)`` or ``(..., extra headers)``; a
    query string is ignored, and a route added while serving is served) and yield the server's
    address, ``http://127.0.0.1:PORT``."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the stdlib's name)
            status, ctype, body, *extra = routes.get(self.path.split("?", 1)[0], NOT_FOUND)
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            for key, value in (extra[0] if extra else {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    class QuietServer(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            pass  # a client that hangs up (on a page too large to read) is what some tests do

    httpd = QuietServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
