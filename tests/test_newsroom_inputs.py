"""What a newsroom really feeds `init`: pages sent compressed, redirect loops, addresses with
tracking parameters, file:// and other schemes, Markdown with front matter, a newsletter saved
as .eml, UTF-16 without a byte-order mark, a Japanese page, a login or cookie wall. Each ends
in the article's statements or in one line on stderr that says what to do."""

from __future__ import annotations

import gzip
import json
import tomllib
import zlib

import pytest

from factcheck.reading import fetch

from .conftest import EXAMPLE, EXAMPLE_SLUG
from .test_inputs import PAGE, statements
from .webserver import serve

TEXT = EXAMPLE.read_bytes()
HTML = PAGE.read_bytes()


RUSSIAN = "Новые дома\n\n" + "Правительство заявило, что к 2025 году будет построено 4000 новых домов. " * 8
RUSSIAN_PAGE = f"<html><head><title>Новые дома</title></head><body><article><p>{RUSSIAN}</p></article></body></html>"


def _refresh(content: str, title: str, noscript: bool = False) -> bytes:
    """A page that only sends the reader on, as a link shortener answers."""
    meta = f'<meta http-equiv="refresh" content="{content}">'
    if noscript:
        meta = f"<noscript>{meta}</noscript>"
    return (
        f"<html><head><title>{title}</title>{meta}</head><body><p>You are being redirected.</p></body></html>".encode()
    )


ROUTES: dict[str, tuple] = {}  # what the test server answers (a test may add a route)


@pytest.fixture(scope="module")
def server():
    """A web server on 127.0.0.1, started and stopped by the test itself."""
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    raw_deflate = raw.compress(HTML) + raw.flush()
    ROUTES.update(
        {
            "/page": (200, "text/html; charset=utf-8", HTML, {}),
            "/gzip": (200, "text/html; charset=utf-8", gzip.compress(HTML), {"Content-Encoding": "gzip"}),
            "/deflate": (200, "text/html; charset=utf-8", zlib.compress(HTML), {"Content-Encoding": "deflate"}),
            "/raw-deflate": (200, "text/html; charset=utf-8", raw_deflate, {"Content-Encoding": "deflate"}),
            "/brotli": (200, "text/html", b"\x8b\x00\x80", {"Content-Encoding": "br"}),
            "/cut-gzip": (200, "text/html", gzip.compress(HTML)[:2000], {"Content-Encoding": "gzip"}),
            "/bomb": (200, "text/html", gzip.compress(b"<html>" + b" " * (12 * 2**20)), {"Content-Encoding": "gzip"}),
            "/loop": (302, "text/html", b"", {"Location": "/loop-again"}),
            "/loop-again": (302, "text/html", b"", {"Location": "/loop"}),
            "/to-file": (302, "text/html", b"", {"Location": "file:///etc/passwd"}),
            "/plain": (200, "text/plain; charset=utf-8", TEXT, {}),
            "/%C3%A9conomie/l'article%20du%20jour": (200, "text/plain; charset=utf-8", TEXT, {}),
            "/short": (200, "text/html", _refresh("0; url=/page", "Redirecting..."), {}),
            "/noscript": (200, "text/html", _refresh("0;URL='/page'", "t.co", noscript=True), {}),
            "/reloads": (
                200,
                "text/html",
                HTML.replace(b"<head>", b'<head><meta http-equiv="refresh" content="300; url=/to-mail">', 1),
                {},
            ),
            "/hop-a": (200, "text/html", _refresh("0; url=/hop-b", "Redirecting..."), {}),
            "/hop-b": (200, "text/html", _refresh("1; url=/hop-a", "Redirecting..."), {}),
            "/to-mail": (200, "text/html", _refresh("0; url=mailto:desk@example.org", "Redirecting..."), {}),
            "/notes": (
                200,
                "text/markdown",
                b"# Council plans 4,000 homes\n\nThe minister said 4,000 homes would be built.\n",
                {},
            ),
            "/ru.html": (200, "text/html; charset=windows-1251", RUSSIAN_PAGE.encode("cp1251"), {}),
            "/ru.txt": (200, "text/plain; charset=windows-1251", RUSSIAN.encode("cp1251"), {}),
            "/lying.html": (200, "text/html; charset=iso-8859-1", HTML, {}),
            "/login": (
                200,
                "text/html",
                b"<html><head><title>Log in</title></head><body><form><h2>Subscribe to continue reading</h2>"
                b"<p>Already a subscriber? Log in.</p><input name=u></form></body></html>",
                {},
            ),
        }
    )
    with serve(ROUTES) as address:
        yield address


def meta_of(tmp_path) -> dict:
    return tomllib.loads((tmp_path / "worksheets" / EXAMPLE_SLUG / "article.toml").read_text("utf-8"))


# -- pages sent compressed ------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/gzip", "/deflate", "/raw-deflate"])
def test_a_compressed_page_gives_the_pages_statements(run, server, path):
    """A server that gzips whether asked or not: the page, not "found no article text"."""
    assert statements(run, f"{server}{path}") == statements(run, f"{server}/page")


@pytest.mark.parametrize(
    "path, message",
    [
        (
            "/brotli",
            "the server sent the page compressed as 'br', which factcheck cannot read; save the page and init the file",
        ),
        ("/cut-gzip", "the server's gzip answer broke off; try again, or save the page and init the file"),
        ("/bomb", "is larger than 10 MB, too large for an article; save the article text and init that file"),
    ],
)
def test_a_compressed_answer_that_cannot_be_read_is_one_line(run, server, path, message):
    result = run("init", f"{server}{path}")
    assert result.exit_code == 1
    assert result.stderr in (f"Error: {server}{path}: {message}\n", f"Error: {server}{path} {message}\n")


# -- character sets -------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/ru.html", "/ru.txt"])
def test_a_charset_named_only_by_the_server_is_used(run, server, path):
    """A page in windows-1251 that names no charset itself was read as cp1252 ("Íîâûå äîìà")."""
    result = run("init", f"{server}{path}", "--dry-run", "--json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["article"]["title"] == "Новые дома"
    assert "Правительство заявило" in out["statements"][1]["text"]
    assert "Windows-1252" not in result.stderr


def test_utf8_comes_before_a_servers_default_charset(run, server):
    """Servers often name iso-8859-1 by default for what is UTF-8."""
    assert statements(run, f"{server}/lying.html") == statements(run, f"{server}/page")


def test_a_page_in_iso_8859_1_keeps_its_curly_quotes(run, tmp_path):
    """Browsers read iso-8859-1 as windows-1252, whose bytes such pages hold for “ and ”: read
    as latin-1 they were control characters, and the quotes were lost."""
    page = tmp_path / "latin.html"
    page.write_bytes(
        b'<html><head><meta charset="iso-8859-1"><title>Council plans homes</title></head><body><article>'
        b"<h1>Council plans homes</h1><p>The minister said on Tuesday that 4,000 homes would be built in "
        b"the city by 2025, a figure the opposition called \x93unrealistic\x94 in a statement.</p>"
        b"</article></body></html>"
    )
    texts = statements(run, str(page))
    assert texts[1] == (
        "The minister said on Tuesday that 4,000 homes would be built in the city by 2025, "
        "a figure the opposition called “unrealistic” in a statement."
    )


# -- redirects ------------------------------------------------------------------------------


def test_a_redirect_loop_is_one_line_that_says_so(run, server):
    result = run("init", f"{server}/loop")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {server}/loop: the server redirects in a loop (or more than 10 times); "
        "open the address in a browser, then init the address it ends at\n"
    )


def test_a_redirect_to_a_local_file_is_refused_in_our_words(run, server):
    result = run("init", f"{server}/to-file")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {server}/to-file: the server redirects to file:///etc/passwd, not to a web page; "
        "give the address of the article page\n"
    )


@pytest.mark.parametrize("path", ["/short", "/noscript", "/reloads"])
def test_a_page_that_only_redirects_is_followed(run, server, path):
    """A link shortener's "Redirecting..." page gave worksheets of its own; a page that reloads
    itself every five minutes is the article."""
    assert statements(run, f"{server}{path}") == statements(run, f"{server}/page")


@pytest.mark.parametrize(
    "path, message",
    [
        (
            "/hop-a",
            "the page redirects in a loop (or more than 3 times); open the address in a browser, then init the address it ends at",
        ),
        (
            "/to-mail",
            "the page redirects to mailto:desk@example.org, not to a web page; give the address of the article page",
        ),
    ],
)
def test_a_page_redirect_that_leads_nowhere_is_one_line(run, server, path, message):
    result = run("init", f"{server}{path}")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {server}{path}: {message}\n"


def test_an_address_as_the_browser_shows_it_is_fetched(run, server, tmp_path):
    """Letters outside ASCII and spaces, copied from an address bar: "not a usable address
    ('ascii' codec can't encode character ...)" before."""
    result = run("init", f"{server}/économie/l'article du jour?q=Köln")
    assert result.exit_code == 0, result.stderr
    assert meta_of(tmp_path)["source"] == f"{server}/économie/l'article du jour?q=Köln"


# -- tracking parameters --------------------------------------------------------------------


def test_tracking_parameters_are_not_recorded(run, server, tmp_path):
    """A link from a newsletter or a share button: article.toml (and so the ClaimReview's
    address of the claim) gets the article's address, and the same article from another link
    is the same article."""
    result = run("init", f"{server}/plain?id=7&utm_source=newsletter&utm_medium=email&fbclid=Ab1#comments")
    assert result.exit_code == 0, result.stderr
    meta = meta_of(tmp_path)
    assert meta["source"] == f"{server}/plain?id=7"
    assert meta["url"] == f"{server}/plain?id=7"
    again = run("init", f"{server}/plain?utm_source=twitter&id=7&gclid=x")
    assert again.exit_code == 0, again.stderr
    assert again.stdout.startswith(f"Nothing to do: all 22 statements of worksheets/{EXAMPLE_SLUG}/")
    assert [p.name for p in (tmp_path / "worksheets").iterdir() if p.is_dir() and p.name[0] != "."] == [EXAMPLE_SLUG]


def test_an_article_recorded_with_tracking_parameters_is_found_by_its_address(run, server, tmp_path):
    """An article.toml written before they were left out still names the article: its update,
    under a rewritten headline, goes to the same folder."""
    ROUTES["/story"] = (200, "text/plain; charset=utf-8", TEXT, {})
    assert run("init", f"{server}/story").exit_code == 0
    toml = tmp_path / "worksheets" / EXAMPLE_SLUG / "article.toml"
    old = toml.read_text("utf-8")
    toml.write_text(old.replace(f'"{server}/story"', f'"{server}/story?utm_source=x"'), "utf-8")
    assert f'source = "{server}/story?utm_source=x"' in toml.read_text("utf-8")
    updated = TEXT.replace(b"US accuses North Korea of arming", b"White House says North Korea armed", 1)
    ROUTES["/story"] = (200, "text/plain; charset=utf-8", updated, {})
    result = run("init", f"{server}/story?utm_campaign=y")
    assert result.exit_code == 0, result.stderr
    assert "Updated article text" in result.stdout
    assert [p.name for p in (tmp_path / "worksheets").iterdir() if p.is_dir() and p.name[0] != "."] == [EXAMPLE_SLUG]


def test_markdown_served_as_text_markdown_loses_its_markup(run, server):
    result = run("init", f"{server}/notes", "--dry-run", "--json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["article"]["title"] == "Council plans 4,000 homes"
    assert [s["text"] for s in out["statements"]][0] == "Council plans 4,000 homes"


# -- what is given in place of a file -------------------------------------------------------


def test_a_file_url_reads_the_file(run):
    assert statements(run, PAGE.as_uri()) == statements(run, str(PAGE))


@pytest.mark.parametrize(
    "argument, message",
    [
        ("", "no article given; give a file, an http(s) URL, or - for stdin"),
        ("   ", "no article given; give a file, an http(s) URL, or - for stdin"),
        (
            "ftp://example.org/story.txt",
            "ftp://example.org/story.txt: factcheck fetches only http:// and https:// addresses; "
            "save the article and init the file",
        ),
        (
            "www.example.org/news/story",
            "www.example.org/news/story: no such file; for a web address, give it with https:// in front",
        ),
        (
            "file://server/share/story.html",
            "file://server/share/story.html: a file on another machine; copy it here and init the copy",
        ),
        ("missing.txt", "missing.txt: no such file; check the path, or use - to read stdin"),
    ],
)
def test_an_argument_that_is_no_article_is_one_line(run, argument, message):
    result = run("init", argument)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {message}\n"


def test_a_url_pasted_with_spaces_around_it_is_fetched(run, server, tmp_path):
    result = run("init", f"  {server}/plain\n")
    assert result.exit_code == 0, result.stderr
    assert meta_of(tmp_path)["source"] == f"{server}/plain"


# -- pasted and saved text ------------------------------------------------------------------


def test_markdown_front_matter_is_not_article_text(run, tmp_path):
    body = "The council said on Tuesday that 4,000 new homes would be built in the city by 2025.\n"
    page = tmp_path / "post.md"
    page.write_text(
        '---\ntitle: "Council plans 4,000 homes by 2025"\ndate: 2024-01-05\ntags: [housing]\n---\n\n' + body
    )
    result = run("init", str(page), "--dry-run", "--json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["article"]["title"] == "Council plans 4,000 homes by 2025"
    assert [s["text"] for s in out["statements"]] == ["Council plans 4,000 homes by 2025", body.strip()]
    assert out["skipped"] == []


def test_prose_between_two_rules_is_kept(run, tmp_path):
    page = tmp_path / "rules.md"
    page.write_text("---\nThe council said 4,000 new homes would be built by 2025.\n---\n\nMore follows here.\n")
    texts = statements(run, str(page))
    assert "The council said 4,000 new homes would be built by 2025." in texts


EMAIL = (
    'From: "The Morning Briefing" <briefing@news.example.org>\n'
    "To: reader@example.com\n"
    "Subject: =?utf-8?q?Morning_Briefing=3A_Wagner_=E2=80=94_the_US_case?=\n"
    "Date: Thu, 22 Dec 2022 06:00:00 +0000\n"
    "MIME-Version: 1.0\n"
    'Content-Type: multipart/alternative; boundary="b1"\n\n'
    "--b1\n"
    'Content-Type: text/plain; charset="utf-8"\n'
    "Content-Transfer-Encoding: quoted-printable\n\n"
    "The White House has accused North Korea of supplying the Wagner Group with =\n"
    "weapons, including rockets and missiles, for its fight in Ukraine.\n\n"
    "The US estimates Wagner has about 50,000 personnel in Ukraine, including 10,0=\n"
    "00 contractors.\n"
    "--b1\n"
    'Content-Type: text/html; charset="utf-8"\n\n'
    "<html><body><p>The White House has accused North Korea.</p></body></html>\n"
    "--b1--\n"
)


def test_a_saved_newsletter_is_read_as_its_body(run, tmp_path):
    mail = tmp_path / "briefing.eml"
    mail.write_text(EMAIL.replace("\n", "\r\n"))
    result = run("init", str(mail))
    assert result.exit_code == 0, result.stderr
    folder = tmp_path / "worksheets" / "morning-briefing-wagner-the-us-case"
    meta = tomllib.loads((folder / "article.toml").read_text("utf-8"))
    assert (meta["title"], meta["author"], meta["published"]) == (
        "Morning Briefing: Wagner — the US case",
        "The Morning Briefing",
        "2022-12-22",
    )
    assert (folder / "article.txt").read_text("utf-8") == (
        "Morning Briefing: Wagner — the US case\n\n"
        "The White House has accused North Korea of supplying the Wagner Group with weapons, "
        "including rockets and missiles, for its fight in Ukraine.\n\n"
        "The US estimates Wagner has about 50,000 personnel in Ukraine, including 10,000 contractors.\n"
    )


def test_a_sender_the_mail_parser_fails_on_is_left_out(run, tmp_path):
    """`From: The Morning Briefing <briefing@` (cut off): Python's mail parser raises IndexError
    reading it (found by mutating this newsletter); the article is read without a sender."""
    sender = next(line for line in EMAIL.splitlines() if line.startswith("From:"))
    mail = tmp_path / "briefing.eml"
    mail.write_text(EMAIL.replace(sender, "From: The Morning Briefing <briefing@"))
    result = run("init", str(mail))
    assert (result.exit_code, result.stderr) == (0, "")
    meta = tomllib.loads((tmp_path / "worksheets" / "morning-briefing-wagner-the-us-case" / "article.toml").read_text())
    assert "author" not in meta and meta["title"] == "Morning Briefing: Wagner — the US case"


def test_a_newsletter_pasted_on_stdin_is_recognised(run):
    texts = statements(run, "-", input=EMAIL.encode())
    assert not any(t.startswith(("From:", "To:", "Subject:", "Content-")) for t in texts)
    assert texts[0] == "Morning Briefing: Wagner — the US case"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(run, tmp_path, codec):
    saved = tmp_path / "notepad.txt"
    saved.write_bytes(EXAMPLE.read_text("utf-8").encode(codec))
    assert statements(run, str(saved)) == statements(run, str(EXAMPLE))


@pytest.mark.parametrize(
    "name, data, what",
    [
        (
            "report.pdf",
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nBT (The minister said 4,000.) Tj ET\n",
            "a PDF",
        ),
        (
            "notes.rtf",
            b"{\\rtf1\\ansi\\ansicpg1252\n\\pard\\tx566 The minister said 4,000 homes.\\\n}",
            "rich text (RTF)",
        ),
        ("draft.docx", b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a Word document or another zip file"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"x" * 100, "a Word document"),
    ],
)
def test_a_document_that_is_not_text_is_one_line(run, tmp_path, name, data, what):
    """A PDF with no zero byte early on, or RTF, was read as text: worksheets of its markup."""
    (tmp_path / name).write_bytes(data)
    result = run("init", name)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {name} is {what}, not text; save or export it as plain text (.txt), "
        "or copy its text into a file, and init that\n"
    )
    assert not (tmp_path / "worksheets").exists()


# -- notices --------------------------------------------------------------------------------


JAPANESE = (
    "Kindle for PCのショートカットキーを無効にする方法\n\n"
    + "Kindle書籍を読む場合は、一般的にスマホやタブレットなどのモバイル端末で読むことが多いと思いますが、"
    "パソコンでそのまま読みたい時もあります。\n\n" * 3
)


def test_a_japanese_text_gets_the_language_notice(run, tmp_path):
    """Words are not spaced in Japanese, so there are too few "words" to count: its letters tell."""
    saved = tmp_path / "kindle.txt"
    saved.write_text(JAPANESE, "utf-8")
    result = run("init", str(saved), "--dry-run")
    assert result.exit_code == 0
    assert result.stderr == (
        "Notice: the article does not read as English; statements are split and numbers found, but the "
        "skip rules and priorities are made for English, so read the priorities as rough\n"
    )
    assert run("init", str(EXAMPLE), "--dry-run").stderr == ""


def test_a_login_wall_gets_a_notice(run, server):
    result = run("init", f"{server}/login", "--dry-run")
    assert result.exit_code == 0
    assert result.stderr == (
        f"Notice: {server}/login has only 11 words of text, and they read like a login, paywall, cookie "
        "or JavaScript notice: if the site sent that in place of the article, open the page in a browser, "
        "save the article's text and init that file\n"
    )
    assert run("init", f"{server}/page", "--dry-run").stderr == ""


def test_fetch_asks_for_what_it_can_read():
    request = fetch._request("https://example.org/story")
    assert request.get_header("Accept-encoding") == "gzip, deflate"


def test_https_to_a_plain_http_server_says_so_in_words(run, server):
    """`https://` typed for a site that answers plain HTTP on that port: OpenSSL's
    "[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)" was the message."""
    address = server.replace("http://", "https://") + "/page"
    result = run("init", address)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {address}: no secure connection could be made (wrong version number); if the site has no "
        "https, give the address with http://, or save the page and init the file\n"
    )
