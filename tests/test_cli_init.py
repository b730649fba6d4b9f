"""`factcheck init`: worksheets on disk, the summary, dry runs, JSON, re-runs and stdin."""

from __future__ import annotations

import json
import tomllib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.reading.article import normalise

from .conftest import EXAMPLE, EXAMPLE_SLUG, ROOT


def snapshot(folder):
    """Every file a person or init wrote (the derived index in .factcheck/ aside)."""
    return {
        p.relative_to(folder): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".factcheck" not in p.parts
    }


def test_init_writes_one_worksheet_per_statement(run, tmp_path, example_text):
    result = run("init", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    folder = tmp_path / "worksheets" / EXAMPLE_SLUG
    sheets = sorted(p for p in folder.glob("*.toml") if p.name != "article.toml")
    assert len(sheets) == 22
    assert sheets[0].name == "01-us-accuses-north-korea-of-arming.toml"
    assert (folder / "article.txt").read_text(encoding="utf-8") == normalise(example_text)
    meta = tomllib.loads((folder / "article.toml").read_text(encoding="utf-8"))
    assert meta["title"] == "US accuses North Korea of arming Kremlin-linked Wagner Group"
    assert meta["source"] == str(EXAMPLE) and len(meta["sha256"]) == 64
    article_text = (folder / "article.txt").read_text(encoding="utf-8")
    for path in sheets:
        values = tomllib.loads(path.read_text(encoding="utf-8"))
        loc = values["location"]
        assert article_text[loc["start"] : loc["end"]] == values["text"]
        assert loc["version"] == meta["sha256"][:8]
    assert (
        result.stdout
        == f"""\
Wrote 22 worksheets to worksheets/{EXAMPLE_SLUG}/
Skipped 5 sentences that are not checkable:
  site furniture (4)
    "Source link"
    "Leave a Reply"
    "Your email address will not be published."
    "Required fields are marked *"
  byline or credit (1)
    "Additional reporting by Christian Davies in London"
Next: edit a worksheet, then run `factcheck status`
"""
    )


def test_quote_stays_with_its_attribution(workspace):
    sheet = tomllib.loads((workspace / "04-because-of-our-sanctions-and-export.toml").read_text("utf-8"))
    assert sheet["text"].endswith("” he said.")
    assert sheet["claimant"] == "John Kirby"
    assert "quote" in sheet["types"]


def test_dry_run_writes_nothing(run, tmp_path):
    result = run("init", str(EXAMPLE), "--dry-run")
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "worksheets").exists()
    assert result.stdout.startswith(f"Would write 22 worksheets to worksheets/{EXAMPLE_SLUG}/ (dry run")
    shipped = ROOT / "worksheets" / EXAMPLE_SLUG / "10-kirby-said-the-us-would-impose.toml"
    priority = tomllib.loads(shipped.read_text(encoding="utf-8"))["priority"]
    assert f"  10-kirby-said-the-us-would-impose.toml  ({priority:.2f})" in result.stdout


def test_dry_run_json_accounts_for_every_piece_of_text(run, tmp_path, example_text):
    result = run("init", str(EXAMPLE), "--dry-run", "--json")
    data = json.loads(result.stdout)
    assert data["article"]["slug"] == EXAMPLE_SLUG
    text = normalise(example_text)
    pieces = data["statements"] + data["skipped"]
    for piece in pieces:
        assert text[piece["start"] : piece["end"]] == piece["text"]
    covered = {i for p in pieces for i in range(p["start"], p["end"])}
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())
    first = data["statements"][0]
    assert set(first) >= {
        "id",
        "text",
        "start",
        "end",
        "paragraph",
        "priority",
        "reasons",
        "types",
        "claimant",
        "checks",
    }
    assert not (tmp_path / "worksheets").exists()


def test_second_init_changes_nothing_and_keeps_hand_edits(run, workspace):
    sheet = workspace / "10-kirby-said-the-us-would-impose.toml"
    edited = sheet.read_text(encoding="utf-8").replace('status = "unstarted"', 'status = "in-progress"')
    edited = edited.replace('notes = ""', 'notes = "Called the NSC press office."')
    sheet.write_text(edited, encoding="utf-8")
    before = snapshot(workspace.parent)
    result = run("init", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Nothing to do: all 22 statements")
    assert "nothing on disk changed" in result.stdout.replace("\n", " ")
    assert snapshot(workspace.parent) == before


def test_stdin_gives_the_same_statements(run, example_text):
    from_file = json.loads(run("init", str(EXAMPLE), "--dry-run", "--json").stdout)
    from_stdin = json.loads(run("init", "-", "--dry-run", "--json", input=example_text.encode()).stdout)
    assert from_stdin["statements"] == from_file["statements"]
    assert from_stdin["article"]["slug"] == EXAMPLE_SLUG


def test_stdin_after_file_merges_into_the_same_article(run, workspace, example_text):
    before = snapshot(workspace.parent)
    result = run("init", "-", input=example_text.encode())
    assert result.exit_code == 0, result.output
    assert snapshot(workspace.parent) == before


def test_min_priority_narrows_the_worksheets(run, tmp_path):
    result = run("init", str(EXAMPLE), "--min-priority", "0.8")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "worksheets" / EXAMPLE_SLUG
    sheets = [p for p in folder.glob("*.toml") if p.name != "article.toml"]
    assert 0 < len(sheets) < 22
    assert all(tomllib.loads(p.read_text("utf-8"))["priority"] >= 0.8 for p in sheets)
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        f"Wrote {len(sheets)} worksheets to worksheets/{EXAMPLE_SLUG}/",
        f"{22 - len(sheets)} statements below --min-priority 0.8 got no worksheet; a lower --min-priority adds them",
    ]
    # a narrower re-run reports nothing as gone: those statements are still in the article;
    # and the statements between 0.8 and 0.95 have their worksheets, so are not counted
    again = run("init", str(EXAMPLE), "--min-priority", "0.95")
    assert "Gone from the new text" not in again.stdout
    assert again.stdout.splitlines()[1] == lines[1].replace("0.8", "0.95")
    assert again.stdout.startswith("Nothing to do")
    # a wider one adds the rest and says nothing of a minimum
    wider = run("init", str(EXAMPLE))
    assert wider.stdout.splitlines()[:2] == [
        f"Wrote {22 - len(sheets)} worksheets to worksheets/{EXAMPLE_SLUG}/",
        f"Kept {len(sheets)} existing worksheets untouched",
    ]


def test_an_article_with_no_checkable_statement_says_so(run, tmp_path):
    (tmp_path / "empty.txt").write_text("Share\n\nWhat next?\n", encoding="utf-8")
    first = run("init", "empty.txt")
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines()[0] == (
        "No worksheets written: no checkable statement; the article's text is saved in worksheets/empty/"
    )
    assert sorted(p.name for p in (tmp_path / "worksheets" / "empty").iterdir()) == ["article.toml", "article.txt"]
    again = run("init", "empty.txt")
    assert again.stdout.splitlines()[0] == "No worksheets written: no checkable statement; nothing on disk changed"
    assert "Skipped 2 sentences that are not checkable:" in again.stdout


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300).filter(lambda t: t.strip()))
def test_any_text_dry_run_json_never_crashes_and_offsets_are_exact(tmp_path, text):
    result = CliRunner().invoke(
        app,
        ["init", "-", "--dry-run", "--json", "--dir", str(tmp_path / "ws")],
        input=text.encode("utf-8", "surrogatepass"),
        catch_exceptions=False,
    )
    if result.exit_code != 0:  # only a clear one-line refusal is acceptable
        assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
        return
    data = json.loads(result.stdout)
    clean = normalise(text)
    for piece in data["statements"] + data["skipped"]:
        assert clean[piece["start"] : piece["end"]] == piece["text"]
    covered = {i for p in data["statements"] + data["skipped"] for i in range(p["start"], p["end"])}
    assert all(i in covered for i, ch in enumerate(clean) if not ch.isspace())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300).filter(lambda t: t.strip()))
def test_any_text_writes_worksheets_that_read_back_to_what_init_reported(tmp_path_factory, text):
    root = tmp_path_factory.mktemp("ws")
    result = CliRunner().invoke(
        app,
        ["init", "-", "--json", "--dir", str(root)],
        input=text.encode("utf-8", "surrogatepass"),
        catch_exceptions=False,
    )
    if result.exit_code != 0:
        assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
        return
    data = json.loads(result.stdout)
    folder = root / data["article"]["slug"]
    for reported in data["statements"]:
        values = tomllib.loads((folder / f"{reported['id']}.toml").read_text(encoding="utf-8"))
        assert values["text"] == reported["text"]
        assert values["location"]["start"] == reported["start"] and values["location"]["end"] == reported["end"]
        assert values["priority"] == reported["priority"] and values["reasons"] == reported["reasons"]
        assert values["types"] == reported["types"] and values["claimant"] == reported["claimant"]
        assert [{"kind": c["kind"], "what": c["what"]} for c in values["checks"]] == reported["checks"]


def test_a_statement_said_twice_has_one_worksheet_and_the_summary_says_why(run, tmp_path):
    """A page pasted whole can hold the same paragraph twice (a teaser repeats the story's
    first lines). One worksheet serves both, and the summary does not call it "existing"."""
    said = "The council raised parking fines to £90 on Monday, the first rise in ten years."
    article = tmp_path / "fines.txt"
    article.write_text(f"Council raises parking fines\n\n{said}\n\nThe mayor backed it.\n\n{said}\n", encoding="utf-8")
    result = run("init", str(article))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Wrote 3 worksheets to worksheets/council-raises-parking-fines/"
    assert lines[1] == "1 statement is said again further on; the first one's worksheet serves"
    assert not any(line.startswith("Kept") for line in lines)
    sheets = sorted((tmp_path / "worksheets" / "council-raises-parking-fines").glob("0*.toml"))
    assert [p.name for p in sheets] == [
        "01-council-raises-parking-fines.toml",
        "02-the-council-raised-parking-fines-to.toml",
        "03-the-mayor-backed-it.toml",
    ]
    again = run("init", str(article))
    assert again.stdout.startswith("Nothing to do: all 4 statements of worksheets/council-raises-parking-fines/")
