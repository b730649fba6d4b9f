"""Real inputs: a saved web page, its URL (served on 127.0.0.1 by the test), Markdown and
encodings all give the same statements as the plain text."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from factcheck.extraction.headline import with_headline
from factcheck.reading.article import read_article
from factcheck.reading.markdown import markdown_to_text

from .conftest import EXAMPLE, EXAMPLE_SLUG
from .webserver import serve

PAGE = Path(__file__).parent / "fixtures" / "wagner.html"  # the example article in a news page


def statements(run, *args, input=None) -> list[str]:
    result = run("init", *args, "--dry-run", "--json", input=input)
    assert result.exit_code == 0, result.stderr
    return [s["text"] for s in json.loads(result.stdout)["statements"]]


@pytest.fixture(scope="module")
def server():
    """A web server on 127.0.0.1, started and stopped by the test itself."""
    page = PAGE.read_bytes()
    routes = {
        "/article": (200, "text/html; charset=utf-8", page, {}),
        "/moved": (301, "text/html", b"", {"Location": "/article"}),
        "/broken": (500, "text/html", b"oops", {}),
        "/image": (200, "image/png", b"\x89PNG", {}),
        "/huge": (200, "text/html", b"<html>" + b"x" * (11 * 2**20), {}),
        "/plain": (200, "text/plain; charset=utf-8", EXAMPLE.read_bytes(), {}),
    }
    with serve(routes) as address:
        yield address


def test_saved_page_url_and_text_give_the_same_statements(run, server):
    from_text = statements(run, str(EXAMPLE))
    assert statements(run, str(PAGE)) == from_text
    assert statements(run, f"{server}/article") == from_text
    assert statements(run, f"{server}/moved") == from_text  # redirects are followed
    assert statements(run, f"{server}/plain") == from_text
    assert statements(run, "-", input=PAGE.read_bytes()) == from_text  # HTML recognised by content


def test_page_furniture_never_becomes_a_statement(run):
    text = " ".join(statements(run, str(PAGE)))
    for furniture in (
        "cookies",
        "Share on",
        "Photograph",
        "Related stories",
        "1.5 million troops",
        "Leave a Reply",
        "outrageous",
        "newsletter",
        "All rights reserved",
        "By Jane",
    ):
        assert furniture not in text


def test_page_metadata_is_recorded(run, tmp_path, server):
    result = run("init", f"{server}/article")
    assert result.exit_code == 0, result.stderr
    meta = tomllib.loads((tmp_path / "worksheets" / EXAMPLE_SLUG / "article.toml").read_text("utf-8"))
    assert meta["title"] == "US accuses North Korea of arming Kremlin-linked Wagner Group"
    assert meta["source"] == f"{server}/article"
    assert meta["author"] == "Jane Correspondent"
    assert meta["published"] == "2022-12-22"
    assert meta["site"] == "World News Daily"
    assert meta["url"] == "https://news.example.org/world/2022/dec/22/us-north-korea-wagner"  # canonical


@pytest.mark.parametrize(
    "path, message",
    [
        (
            "/broken",
            "the server answered 500 Internal Server Error; check the address, or save the page and init the file",
        ),
        ("/nothing", "the server answered 404 Not Found; check the address, or save the page and init the file"),
        ("/image", "is image/png, not a web page or text; give the address of the article page"),
        ("/huge", "is larger than 10 MB, too large for an article; save the article text and init that file"),
    ],
)
def test_url_failures_are_one_line(run, server, path, message):
    result = run("init", f"{server}{path}")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {server}{path}")
    assert result.stderr.rstrip("\n").endswith(message)
    assert result.stderr.count("\n") == 1


def test_refused_connection_and_unknown_host(run):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = run("init", f"http://127.0.0.1:{port}/article")
    assert result.exit_code == 1
    assert "cannot fetch (the connection was refused)" in result.stderr
    result = run("init", "http://no-such-host.invalid/article")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "cannot fetch" in result.stderr


def test_timeout(run, monkeypatch):
    import socket

    from factcheck.reading import fetch

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts the connection, never answers
    monkeypatch.setattr(fetch, "TIMEOUT", 0.5)
    monkeypatch.setattr(fetch.fetch, "__defaults__", (0.5, fetch.MAX_BYTES))
    try:
        result = run("init", f"http://127.0.0.1:{listener.getsockname()[1]}/slow")
    finally:
        listener.close()
    assert result.exit_code == 1
    assert "no complete answer within 0.5 s" in result.stderr


def test_markdown(tmp_path):
    md = (
        "# Council *raises* parking fines\n\n"
        "The [city council](https://example.org/council) raised fines by **40%** in March.\n\n"
        "![A parking meter](meter.jpg)\n\n"
        "- Councillor Ann Lee said it would bring in £2m a year.\n"
    )
    text, title = markdown_to_text(md)
    assert title == "Council raises parking fines"
    assert text == (
        "Council raises parking fines\n\n"
        "The city council raised fines by 40% in March.\n\n\n\n"
        "Councillor Ann Lee said it would bring in £2m a year.\n"
    )
    path = tmp_path / "fines.md"
    path.write_text(md, encoding="utf-8")
    article = with_headline(read_article(str(path)))
    assert article.title == "Council raises parking fines" and article.slug == "council-raises-parking-fines"


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.replace("\n", "\r").encode("utf-8"),
        lambda t: t.replace("’", "'").replace("\u00a0", " ").encode("cp1252", "replace"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "crlf", "cr", "cp1252"],
)
def test_encodings_and_line_endings(run, tmp_path, encode):
    text = EXAMPLE.read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(encode(text))
    expected = statements(run, str(EXAMPLE))
    got = statements(run, "a.txt")
    if "cp1252" in str(encode.__code__.co_consts):
        expected = [s.replace("’", "'") for s in expected]
    assert got == expected


def test_invisible_characters_are_normalised(run, tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace("Kirby said the US", "Kirby\u200b said\u00a0the US")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert statements(run, "a.txt") == statements(run, str(EXAMPLE))


FRENCH = (
    "Le gouvernement relève les amendes\n\n"
    "Le conseil municipal a augmenté les amendes de stationnement de 40 % en mars, a déclaré le maire. "
    "Selon la préfecture, la mesure rapportera deux millions d'euros par an à la ville, contre un million "
    "l'an dernier. Les commerçants du centre-ville dénoncent une décision prise sans concertation et "
    "demandent un moratoire jusqu'en 2026.\n"
)


def test_an_article_not_in_english_gets_a_notice_and_its_worksheets(run, tmp_path):
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    result = run("init", "fr.txt")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "Notice: the article does not read as English; statements are split and numbers found, but the "
        "skip rules and priorities are made for English, so read the priorities as rough\n"
    )
    assert result.stdout.startswith("Wrote ")
    # a script reading the JSON gets what a person reads on stderr
    plan = json.loads(run("init", "fr.txt", "--dry-run", "--json").stdout)
    assert plan["notices"] == [result.stderr.removeprefix("Notice: ").rstrip("\n")]


def test_english_articles_get_no_language_notice(run, tmp_path):
    assert run("init", str(EXAMPLE)).stderr == ""
    assert json.loads(run("init", str(EXAMPLE), "--dry-run", "--json").stdout)["notices"] == []
    # mostly links and names is still English enough to pass (a line of UD EWT, dev split)
    (tmp_path / "links.txt").write_text(
        "Who is artist Gunther Uecker; explain?\n\nhttp://www.kettererkunst.com/bio/GuntherUecker-1930.shtml "
        "His works are in Kunstsammlung Nordrhein-Westfalen, Düsseldorf, and in the Museum Ludwig, Cologne; "
        "Uecker studied at the Kunstakademie Düsseldorf under Otto Pankok and joined ZERO with Heinz Mack "
        "and Otto Piene, whose exhibitions toured Europe and America in the 1960s.\n",
        encoding="utf-8",
    )
    assert run("init", "links.txt").stderr == ""


_GENERIC = """<html><head><title>News from The Associated Press</title>{meta}</head><body>
<h1>AP News</h1>{h1}
<article><p>Wagner fighters crossed into Belarus on Tuesday, officials in Minsk said, after a
deal that ended the mutiny led by Yevgeny Prigozhin against the Russian military command.</p>
<p>The fighters arrived at a camp near Asipovichy, according to satellite images reviewed by
reporters, and officials said more convoys of Wagner fighters were expected this week.</p>
<p>Belarus said the camp would house the fighters for as long as the agreement holds, and
Prigozhin was seen in Minsk on Wednesday.</p></article></body></html>"""
_HEADLINE = "Wagner fighters arrive in Belarus after mutiny deal"


@pytest.mark.parametrize(
    "meta, h1, title",
    [
        (f'<meta property="og:title" content="{_HEADLINE}">', "", _HEADLINE),
        (f'<meta name="twitter:title" content="{_HEADLINE}">', "", _HEADLINE),
        ("", f"<h1>{_HEADLINE}</h1>", _HEADLINE),  # after the masthead's h1
    ],
)
def test_a_generic_page_title_gives_way_to_the_article_headline(tmp_path, meta, h1, title):
    """Issue 16: a page whose <title> is a site's generic one takes its headline from og:title,
    twitter:title or an h1 when that is what the article is about."""
    page = tmp_path / "page.html"
    page.write_text(_GENERIC.format(meta=meta, h1=h1), encoding="utf-8")
    assert read_article(str(page)).title == title
