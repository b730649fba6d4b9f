"""`factcheck export`: the Markdown report, CSV, JSON and ClaimReview, from a small workspace
with one verdict reached."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import stat

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import FactcheckError
from factcheck.export import claim_reviews, records, render
from factcheck.settings import Settings
from factcheck.validate import read_workspace

SMALL = (
    "Council raises parking fines\n\n"
    "The city council raised parking fines by 40% in March, the mayor said.\n\n"
    "Councillor Ann Lee said the change would bring in £2m a year.\n"
)
SLUG = "council-raises-parking-fines"
PUBLISHER = '[publisher]\nname = "Example Checks"\nurl = "https://checks.example.org/"\nlanguage = "en"\n'


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def checked(run, tmp_path):
    """Statement 02 done and rated "mostly-true" with one source; the others untouched."""
    (tmp_path / "small.txt").write_text(SMALL, encoding="utf-8")
    assert run("init", "small.txt").exit_code == 0
    folder = tmp_path / "worksheets" / SLUG
    second = folder / "02-the-city-council-raised-parking-fines.toml"
    edit(second, 'status = "unstarted"', 'status = "done"')
    edit(second, 'rating = ""', 'rating = "mostly-true"')
    edit(second, 'conclusion = ""', 'conclusion = "Fines rose 38%, from £65 to £90, in March."')
    edit(second, "# [[sources]]",
         '[[sources]]\nurl = "https://example.org/minutes"\ntitle = "Council minutes, March"\n'
         'stance = "supports"\n# [[sources]]')
    return folder


def snapshot(folder):
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_markdown_report(run, checked):
    before = snapshot(checked)
    result = run("export")
    assert result.exit_code == 0, result.output
    assert result.stdout == """\
# Council raises parking fines

1 of 3 statements checked; 1 with a verdict.

## Verdicts

### 02. mostly-true: The city council raised parking fines by 40% in March, the mayor said. (the mayor)

Fines rose 38%, from £65 to £90, in March.

- [Council minutes, March](https://example.org/minutes) (supports)

## Still open

- 01 (unstarted): Council raises parking fines
- 03 (unstarted): Councillor Ann Lee said the change would bring in £2m a year.
"""
    assert snapshot(checked) == before  # export only reads


def test_csv_has_one_row_per_statement(run, checked):
    result = run("export", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"].split("/")[1][:2] for r in rows] == ["01", "02", "03"]
    done = rows[1]
    assert (done["status"], done["rating"], done["claimant"], done["sources"]) == (
        "done", "mostly-true", "the mayor", "https://example.org/minutes")
    assert done["types"] == "quantity" and done["checks"] == "2" and float(done["priority"]) > 0.5


def test_json_reads_back_with_every_field(run, checked):
    data = json.loads(run("export", "-f", "json").stdout)
    second = data["statements"][1]
    assert second["text"] == "The city council raised parking fines by 40% in March, the mayor said."
    assert second["rating_value"] == 4 and second["conclusion"].startswith("Fines rose 38%")
    assert second["sources"] == [{"url": "https://example.org/minutes", "title": "Council minutes, March",
                                  "stance": "supports"}]


def test_claimreview_needs_a_publisher(run, checked):
    result = run("export", "--format", "claimreview")
    assert result.exit_code == 1
    assert result.stderr == ("Error: ClaimReview needs the publisher's name and url; add a [publisher] table "
                             "with name and url to factcheck.toml in the workspace (see the README)\n")
    assert result.stdout == ""


def test_claimreview_for_each_verdict(run, checked):
    (checked.parent / "factcheck.toml").write_text(PUBLISHER, encoding="utf-8")
    result = run("export", "--format", "claimreview")
    assert result.exit_code == 0, result.stderr
    [review] = json.loads(result.stdout)
    assert review == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://checks.example.org/{SLUG}#02",
        "claimReviewed": "The city council raised parking fines by 40% in March, the mayor said.",
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": "the mayor"},
                         "appearance": {"@type": "CreativeWork", "headline": "Council raises parking fines"}},
        "author": {"@type": "Organization", "name": "Example Checks", "url": "https://checks.example.org/"},
        "reviewRating": {"@type": "Rating", "alternateName": "mostly-true", "ratingValue": 4,
                         "bestRating": 5, "worstRating": 1},
        "datePublished": dt.date.today().isoformat(),
        "inLanguage": "en",
    }


def test_claimreview_uses_the_rewording_and_the_review_url_template(checked):
    row = {"id": f"{SLUG}/02-x", "number": "02", "article": SLUG, "article_title": "T",
           "article_url": "https://news.example/a", "article_published": "2026-11-20T09:00:00+00:00",
           "status": "done", "rating": "unproven", "rating_label": "Unproven", "rating_value": 0,
           "claimant": "Ann Lee", "claimant_kind": "person", "text": "long text", "claim": "Parking fines rose 40%",
           "errors": []}
    settings = Settings(publisher={"name": "P", "url": "https://p.example",
                                   "review_url": "{url}/checks/{article}/{number}"})
    [review] = claim_reviews([row], settings, today=dt.date(2026, 11, 24))
    assert review["claimReviewed"] == "Parking fines rose 40%"
    assert review["url"] == f"https://p.example/checks/{SLUG}/02"
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Unproven"}  # no place on the scale
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Ann Lee"}
    assert review["itemReviewed"]["appearance"]["url"] == "https://news.example/a"
    assert review["itemReviewed"]["datePublished"] == "2026-11-20"


def test_claimreview_refuses_a_verdict_with_errors(run, checked):
    (checked.parent / "factcheck.toml").write_text(PUBLISHER, encoding="utf-8")
    edit(checked / "02-the-city-council-raised-parking-fines.toml", 'rating = "mostly-true"', 'rating = "mostly-ture"')
    result = run("export", "-f", "claimreview")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("Error: 1 verdict(s) cannot be published, first: ")
    assert "mostly-ture" in result.stderr and result.stderr.endswith("run `factcheck check` and fix them first\n")


def test_claimreview_with_no_verdict_yet(run, tmp_path):
    (tmp_path / "small.txt").write_text(SMALL, encoding="utf-8")
    run("init", "small.txt")
    (tmp_path / "worksheets" / "factcheck.toml").write_text(PUBLISHER, encoding="utf-8")
    result = run("export", "-f", "claimreview")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no statement has a verdict to publish yet;")


def test_output_file_is_written_whole_and_readable(run, checked, tmp_path):
    result = run("export", "-f", "json", "-o", "out.json")
    assert result.exit_code == 0
    assert result.stderr == "Wrote json for 3 statements to out.json\n"
    (checked.parent / "factcheck.toml").write_text(PUBLISHER, encoding="utf-8")
    assert run("export", "-f", "claimreview", "-o", "cr.json").stderr == "Wrote 1 verdict as ClaimReview to cr.json\n"
    written = tmp_path / "out.json"
    assert json.loads(written.read_text(encoding="utf-8")) == json.loads(run("export", "-f", "json").stdout)
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(written.stat().st_mode) == 0o666 & ~mask
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    "output, message",
    [
        ("worksheets/report.md", "Error: worksheets/report.md is inside the workspace worksheets; write exports outside it\n"),
        ("missing/report.md", "Error: cannot write missing/report.md: folder missing does not exist; create it first\n"),
    ],
)
def test_output_mistakes(run, checked, output, message):
    before = snapshot(checked)
    result = run("export", "-o", output)
    assert result.exit_code == 1
    assert result.stderr == message
    assert snapshot(checked) == before


def test_nothing_to_export(run, checked):
    result = run("export", "--article", "nope")
    assert result.exit_code == 1
    assert result.stderr == ("Error: nothing to export: no worksheets in articles matching 'nope'; "
                             "run `factcheck status` to see the workspace\n")


def test_csv_cells_never_run_as_formulas(run, checked):
    sheet = checked / "02-the-city-council-raised-parking-fines.toml"
    edit(sheet, 'conclusion = "Fines', 'conclusion = "=HYPERLINK(1) Fines')
    rows = list(csv.DictReader(io.StringIO(run("export", "-f", "csv").stdout)))
    assert rows[1]["conclusion"].startswith("'=HYPERLINK(1) Fines")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(
    st.sampled_from(["text", "claim", "claimant", "status", "verdict", "checks", "sources", "priority", "types"]),
    st.recursive(st.booleans() | st.integers() | st.text(max_size=6),
                 lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                     st.sampled_from(["rating", "url", "title", "stance", "done", "x"]), inner, max_size=3),
                 max_leaves=6)))
def test_every_format_copes_with_any_worksheet_shape(tmp_path, values):
    """Hand edits can leave any value of any type; export reads them without crashing, and
    ClaimReview either succeeds or says what to fix."""
    folder = tmp_path / "ws" / "an-article"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "01-x.toml").write_text(tomli_w.dumps(values), encoding="utf-8")
    workspace_settings = Settings(publisher={"name": "P", "url": "https://p.example"})
    rows = records(read_workspace(tmp_path / "ws", workspace_settings), workspace_settings)
    for fmt in ("markdown", "csv", "json"):
        assert render(fmt, rows, workspace_settings)
    try:
        json.loads(render("claimreview", rows, workspace_settings))
    except FactcheckError as exc:
        assert str(exc)


def test_an_unreadable_worksheet_is_named_not_silently_dropped(run, checked):
    (checked / "03-councillor-ann-lee-said-the-change.toml").write_text('status = "done\n', encoding="utf-8")
    result = run("export", "-f", "csv")
    assert result.exit_code == 0
    assert result.stderr.startswith("Warning: ")
    assert "03-councillor-ann-lee-said-the-change.toml:1:" in result.stderr
    assert result.stderr.endswith("; left out of the export until it is fixed\n")
    assert len(list(csv.DictReader(io.StringIO(result.stdout)))) == 2


@pytest.mark.parametrize(
    "claimant, checks, kind",
    [
        ("Kirby", [{"kind": "person", "what": "Kirby"}], "person"),  # the checks know him
        ("John Kirby", [{"kind": "person", "what": "Kirby"}], "person"),
        ("Wagner", [{"kind": "organisation", "what": "Wagner"}], "organisation"),
        ("Ann Lee", [], "person"),  # no check names her: two capitalised words
        ("Tunisian Prime Minister Habib Essid", [], "person"),  # a title and a name
        ("Amnesty International UK Office", [], "organisation"),
        ("The US", [], "organisation"),
        ("the mayor", [], "organisation"),
    ],
)
def test_the_claimant_is_a_person_or_an_organisation(claimant, checks, kind):
    from factcheck.export import _kind_of

    assert _kind_of(claimant, checks) == kind
