"""`factcheck add TEXT`: a statement init left out gets a worksheet with exact offsets and the
fields init fills; a statement from elsewhere gets one without a location, when the person says
so; init keeps added worksheets across updates like any other."""

from __future__ import annotations

import shutil
import tomllib

import pytest

from factcheck.workspace.add import add_statement
from factcheck.workspace.settings import Settings

from .conftest import EXAMPLE, EXAMPLE_SLUG, copy_example

BYLINE = "Additional reporting by Christian Davies in London"
CLAUSE = "the US would impose additional sanctions against the group"


def values(path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_an_added_statement_gets_what_init_gives_it(run, tmp_path, workspace):
    """Each statement of the example, added by hand after its worksheet is moved away, reads
    back to exactly the values init wrote for it: offsets, context, claimant, checks, priority."""
    written = {}
    for path in sorted(workspace.glob("[0-9]*.toml")):
        written[values(path)["text"]] = values(path)
        shutil.move(path, tmp_path / path.name)  # as if init had missed it
    for text, expected in written.items():
        added = add_statement(workspace.parent, text, Settings(), here=tmp_path)
        assert values(added.path) == expected, text
        assert added.path.read_text(encoding="utf-8").startswith("#:schema ../worksheet.schema.json\n")
    assert run("check").stdout == "22 worksheets checked: 0 errors, 0 warnings\n"


def test_a_sentence_init_skipped(run, workspace):
    result = run("add", BYLINE)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Wrote worksheets/{EXAMPLE_SLUG}/23-additional-reporting-by-christian-davies.toml "
        "(paragraph 16, characters 3281-3331; priority 0.53)\n"
    )
    sheet = values(workspace / "23-additional-reporting-by-christian-davies.toml")
    text = (workspace / "article.txt").read_text(encoding="utf-8")
    location = sheet["location"]
    assert text[location["start"] : location["end"]] == sheet["text"] == BYLINE
    assert sheet["status"] == "unstarted" and sheet["checks"] and sheet["reasons"]
    assert location["before"] == "“He’s literally throwing bodies into the meat grinder there in Bakhmut,” Kirby said."
    assert location["after"] == "Source link"
    assert run("check").stdout == "23 worksheets checked: 0 errors, 0 warnings\n"
    assert "│ 23 │" in run("status").stdout


def test_part_of_a_sentence_typed_with_straight_quotes_and_other_spacing(run, workspace):
    result = run("add", CLAUSE.replace(" ", "  ", 2))
    assert result.exit_code == 0, result.output
    clause = values(next(workspace.glob("23-*.toml")))
    assert clause["text"] == CLAUSE and clause["location"]["end"] - clause["location"]["start"] == len(CLAUSE)
    quote = '"Because of our sanctions and export controls, Wagner is searching around the world for arms'
    result = run("add", quote)
    assert result.exit_code == 0, result.output
    added = values(next(workspace.glob("24-*.toml")))
    assert added["text"] == "“" + quote[1:]  # the article's own quote mark: `text` is the article's
    assert run("check").stdout == "24 worksheets checked: 0 errors, 0 warnings\n"


def test_not_in_the_article_is_an_error_unless_it_comes_from_elsewhere(run, workspace):
    said = "Wagner has recruited 40,000 prisoners, a caption in the video said."
    result = run("add", said)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: not found in the text of {EXAMPLE_SLUG}; copy it exactly from "
        f"worksheets/{EXAMPLE_SLUG}/article.txt, or pass --elsewhere if it comes from somewhere else (a "
        "caption, a video, an earlier version)\n"
    )
    assert len(list(workspace.glob("[0-9]*.toml"))) == 22
    result = run("add", said, "--elsewhere")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Wrote worksheets/{EXAMPLE_SLUG}/23-wagner-has-recruited-40-000-prisoners.toml "
        "(not in the article's text, so it has no [location]; priority 0.95)\n"
    )
    sheet = values(workspace / "23-wagner-has-recruited-40-000-prisoners.toml")
    assert "location" not in sheet
    assert sheet["text"] == said and sheet["checks"] == [{"kind": "number", "what": "40,000 prisoners", "done": False}]
    assert run("check", "--strict").stdout == "23 worksheets checked: 0 errors, 0 warnings\n"
    shown = run("show", "23")
    assert shown.exit_code == 0 and "location    -" in shown.stdout
    assert run("export", "--format", "csv").stdout.count("\n") == 24


def test_a_statement_with_a_worksheet_already(run, workspace):
    result = run("add", "Kirby said the US would impose additional sanctions against the group in the coming weeks.")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {EXAMPLE_SLUG}/10-kirby-said-the-us-would-impose already holds this "
        "statement; `factcheck edit 10` opens it\n"
    )


def test_init_keeps_added_worksheets_across_updates(run, tmp_path, workspace):
    for args in ([BYLINE], [CLAUSE], ["A caption said Wagner paid in cash.", "--elsewhere"]):
        assert run("add", *args).exit_code == 0
    added = {p: p.read_bytes() for p in workspace.glob("2[345]-*.toml")}
    assert len(added) == 3
    again = run("init", str(EXAMPLE)).stdout
    assert again.startswith("Nothing to do")
    # the added worksheets are named, and their sentences are no longer listed as skipped
    assert "\nKept 3 worksheets added by hand (factcheck add): 23, 24, 25\n" in again
    assert BYLINE not in again
    article = copy_example(tmp_path)
    text = article.read_text(encoding="utf-8")
    article.write_text(
        text.replace("Source link", "The Pentagon declined to comment on the report.\n\nSource link"), encoding="utf-8"
    )
    result = run("init", str(article))
    assert result.exit_code == 0, result.output
    assert "gone from" not in result.stdout  # the statement from elsewhere was never in the text
    assert {p: p.read_bytes() for p in added} == added
    [new] = workspace.glob("26-*.toml")
    assert values(new)["text"] == "The Pentagon declined to comment on the report."
    assert run("check", "--strict").stdout == "26 worksheets checked: 0 errors, 0 warnings\n"


def test_which_article(run, tmp_path, workspace, monkeypatch):
    other = tmp_path / "other.txt"
    other.write_text(
        "Council raises parking fines\n\nThe city council raised parking fines by 40% in March, the "
        "mayor said.\n\nAdditional reporting by Ann Lee.\n",
        encoding="utf-8",
    )
    assert run("init", str(other)).exit_code == 0
    council = tmp_path / "worksheets" / "council-raises-parking-fines"
    assert run("add", "Additional reporting by Ann Lee.").stdout.startswith(  # the one article that has it
        "Wrote worksheets/council-raises-parking-fines/03-additional-reporting-by-ann-lee.toml"
    )
    result = run("add", "A statement from a podcast.", "--elsewhere")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: the statement is in none of the 2 articles' text; pass --article SLUG")
    assert run("add", "A statement from a podcast.", "--elsewhere", "--article", "council").exit_code == 0
    assert (council / "04-a-statement-from-a-podcast.toml").exists()
    result = run("add", "x", "--article", "nothing-like-it")
    assert result.stderr.startswith("Error: no article matches --article 'nothing-like-it'; articles: ")
    monkeypatch.chdir(council)  # the article folder you are in
    assert run("add", "Another podcast statement.", "--elsewhere").stdout.startswith(
        "Wrote ../council-raises-parking-fines/05-another-podcast-statement.toml"
    )


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_statement(run, workspace, text):
    result = run("add", text)
    assert result.exit_code == 1
    assert result.stderr == 'Error: the statement is empty; give its text in quotes: factcheck add "..."\n'


def test_an_unreadable_worksheet_stops_add_as_it_stops_init(run, workspace):
    sheet = workspace / "10-kirby-said-the-us-would-impose.toml"
    sheet.write_text(
        sheet.read_text(encoding="utf-8").replace('status = "unstarted"', "status = done"), encoding="utf-8"
    )
    result = run("add", BYLINE)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: cannot read worksheets/{EXAMPLE_SLUG}/10-kirby-said-the-us-would-impose.toml, "
        "so it might hold this statement already; fix it (`factcheck check` says where) and "
        "run add again\n"
    )
    assert len(list(workspace.glob("[0-9]*.toml"))) == 22


def test_a_statement_with_a_worksheet_already_among_several_articles(run, workspace):
    """The id `add` gives is one `edit` takes as it stands: slug/NN once two articles have an NN."""
    shutil.copytree(workspace, workspace.parent / "another-article")
    result = run(
        "add",
        "Kirby said the US would impose additional sanctions against the group in the coming weeks.",
        "--article",
        EXAMPLE_SLUG,
    )
    assert result.exit_code == 1
    assert result.stderr.endswith(f"`factcheck edit {EXAMPLE_SLUG}/10` opens it\n")


def test_the_edit_hint_names_the_workspace_given_with_dir(run, tmp_path):
    """Typed as printed, the hint must open the worksheet: with --dir, it says --dir too."""
    assert run("init", str(EXAMPLE), "--dir", "proj").exit_code == 0
    result = run("add", "Wagner was previously added to a US trade blacklist in 2017.", "--dir", "proj")
    assert result.exit_code == 1
    assert result.stderr.endswith("`factcheck edit 09 --dir proj` opens it\n")
