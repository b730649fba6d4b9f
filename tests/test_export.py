"""`factcheck export`: the Markdown report, CSV, JSON and ClaimReview, from a small workspace
with one verdict reached; the gate that keeps a rejected verdict out of every format."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import tomllib

import pytest
import tomli_w

from factcheck.reporting.export import md_link, md_text

from .conftest import line_of

SMALL = (
    "Council raises parking fines\n\n"
    "The city council raised parking fines by 40% in March, the mayor said.\n\n"
    "Councillor Ann Lee said the change would bring in £2m a year.\n"
)
SLUG = "council-raises-parking-fines"
PUBLISHER = '[publisher]\nname = "Example Checks"\nurl = "https://checks.example.org/"\nlanguage = "en"\n'
HEADLINE = "01-council-raises-parking-fines.toml"
FINES = "02-the-city-council-raised-parking-fines.toml"
ANN_LEE = "03-councillor-ann-lee-said-the-change.toml"
SOURCE = (
    '[[sources]]\nurl = "https://example.org/minutes"\ntitle = "Council minutes, March"\n'
    'stance = "supports"\naccessed = "2026-11-20"\nnote = "page 4"\n# [[sources]]'
)


def edit(path, *pairs: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def finish(path, rating: str = "mostly-true", conclusion: str = "Fines rose 38%, from £65 to £90, in March.") -> None:
    """A verdict reached the way the README asks: rated, concluded, dated, every check ticked."""
    edit(
        path,
        ('status = "unstarted"', 'status = "done"'),
        ('rating = ""', f'rating = "{rating}"'),
        ('conclusion = ""', f'conclusion = "{conclusion}"'),
        ('date = ""', 'date = "2026-11-24"'),
        ("# [[sources]]", SOURCE),
    )
    path.write_text(path.read_text(encoding="utf-8").replace("done = false", "done = true"), encoding="utf-8")


@pytest.fixture
def checked(run, tmp_path):
    """Statement 02 done and rated "mostly-true" with one source; the others untouched."""
    (tmp_path / "small.txt").write_text(SMALL, encoding="utf-8")
    assert run("init", "small.txt").exit_code == 0
    folder = tmp_path / "worksheets" / SLUG
    finish(folder / FINES)
    return folder


@pytest.fixture
def rejected(checked):
    """The issue's workspace: 01 not checkable, 03 `done` with the rating `check` rejects
    (`rating = "False"`) and a `javascript:` source."""
    edit(checked / HEADLINE, ('status = "unstarted"', 'status = "not-checkable"'))
    edit(
        checked / ANN_LEE,
        ('status = "unstarted"', 'status = "done"'),
        ('rating = ""', 'rating = "False"'),
        ("# [[sources]]", '[[sources]]\nurl = "javascript:alert(document.cookie)"\ntitle = "Budget"\n# [[sources]]'),
    )
    return checked


def snapshot(folder):
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_markdown_report(run, checked):
    before = snapshot(checked)
    result = run("export")
    assert result.exit_code == 0, result.output
    assert (
        result.stdout
        == """\
# Council raises parking fines

1 of 3 statements checked; 1 with a verdict.

## Verdicts

### 02. Mostly true: The city council raised parking fines by 40% in March, the mayor said. (the mayor)

Fines rose 38%, from £65 to £90, in March.

- [Council minutes, March](https://example.org/minutes) (supports)

## Still open

- 01 (unstarted): Council raises parking fines
- 03 (unstarted): Councillor Ann Lee said the change would bring in £2m a year.
"""
    )
    assert result.stderr == ""
    assert snapshot(checked) == before  # export only reads


ANN_LEE_REASON = (
    "line 29: error: rating 'False' is not allowed (did you mean false?); use one of: true, "
    "mostly-true, mixed, mostly-false, false, unproven (and 1 more; `factcheck check` lists them)"
)


def test_markdown_never_publishes_a_rejected_verdict_and_lists_every_statement(run, rejected):
    """The issue: the report printed `rating = "False"` as a verdict and left out the
    not-checkable statement and a `done` one without a rating without saying so."""
    result = run("export")
    assert result.exit_code == 0, result.output
    assert (
        result.stdout
        == """\
# Council raises parking fines

2 of 3 statements checked; 1 with a verdict; 1 left out until fixed or confirmed.

## Verdicts

### 02. Mostly true: The city council raised parking fines by 40% in March, the mayor said. (the mayor)

Fines rose 38%, from £65 to £90, in March.

- [Council minutes, March](https://example.org/minutes) (supports)

## Not checkable

- 01: Council raises parking fines

## Left out until fixed or confirmed

- 03: Councillor Ann Lee said the change would bring in £2m a year. (03-councillor-ann-lee-said-the-change.toml: \
line 29: error: rating 'False' is not allowed (did you mean false?); use one of: true, mostly-true, mixed, \
mostly-false, false, unproven (and 1 more; \\`factcheck check\\` lists them))
"""
    )
    assert result.stderr == f"Warning: {SLUG}/{ANN_LEE[:-5]}: not published: {ANN_LEE_REASON}\n"
    assert "javascript" not in result.stdout


def test_done_without_a_rating_is_left_out_and_named(run, checked):
    line = line_of(checked / ANN_LEE, "status")
    edit(checked / ANN_LEE, ('status = "unstarted"', 'status = "done"'))
    result = run("export")
    assert result.stdout.endswith(
        f"## Left out until fixed or confirmed\n\n- 03: Councillor Ann Lee said the change would bring in £2m a "
        f"year. (03-councillor-ann-lee-said-the-change.toml: line {line}: "
        "error: status is done but there is no rating; set \\[verdict\\] rating)\n"
    )
    assert result.stderr == (
        f"Warning: {SLUG}/{ANN_LEE[:-5]}: not published: line {line}: error: status is done "
        "but there is no rating; set [verdict] rating\n"
    )


@pytest.mark.parametrize("fmt", ["markdown", "csv", "json", "claimreview"])
def test_strict_exports_nothing_when_a_worksheet_is_left_out(run, rejected, fmt):
    (rejected.parent / "factcheck.toml").write_text(PUBLISHER, encoding="utf-8")
    result = run("export", "-f", fmt, "--strict", "-o", "out.txt")
    assert result.exit_code == 1
    problems = "2 problems" if fmt == "claimreview" else "1 problem"  # and 02 has no `claim`
    assert result.stderr == (
        f"Error: --strict: nothing exported, {problems} to fix first: {SLUG}/{ANN_LEE[:-5]}: "
        "not published: "
        + ANN_LEE_REASON.replace("(and 1 more", "(and 4 more")
        + "; fix them, or export without --strict\n"
    )
    assert not (rejected.parent.parent / "out.txt").exists()


def test_every_format_leaves_the_rejected_verdict_out_and_says_why(run, rejected):
    (rejected.parent / "factcheck.toml").write_text(PUBLISHER, encoding="utf-8")
    warning = f"Warning: {SLUG}/{ANN_LEE[:-5]}: not published: {ANN_LEE_REASON}\n"
    rows = csv_rows((result := run("export", "-f", "csv")).stdout)
    assert result.stderr == warning
    assert [r["id"].split("/")[1][:2] for r in rows] == ["01", "02", "03"]  # every statement has its row
    assert (rows[2]["status"], rows[2]["rating"], rows[2]["rating_label"], rows[2]["withheld"]) == (
        "done",
        "",
        "",
        ANN_LEE_REASON,
    )
    data = json.loads((result := run("export", "-f", "json")).stdout)
    assert result.stderr == warning
    third = data["statements"][2]
    assert third["verdict_published"] is False and "verdict" not in third["worksheet"]
    assert third["withheld"] == {
        "reason": ANN_LEE_REASON,
        "verdict": {"rating": "False", "conclusion": "", "confidence": "", "date": ""},
    }
    result = run("export", "-f", "claimreview")
    assert [r["url"] for r in json.loads(result.stdout)] == [f"https://checks.example.org/{SLUG}/02"]
    assert result.stderr.startswith(warning)


# ---------------------------------------------------------------------------------------------
# CSV


def test_csv_is_rfc_4180_with_one_row_per_statement(run, checked):
    result = run("export", "--format", "csv")
    assert result.exit_code == 0, result.output
    text = result.stdout_bytes.decode("utf-8")
    lines = text.split("\r\n")
    assert lines[-1] == "" and len(lines) == 5 and "\n" not in text.replace("\r\n", "")
    assert lines[0] == (
        '"id","article","status","rating","rating_label","rating_value","verdict_date","conclusion","confidence",'
        '"withheld","stale","priority","claimant","claim","text","types","checks_done","checks","sources",'
        '"assignee","reviewer","notes","article_title","article_url"'
    )
    rows = csv_rows(result.stdout)
    done = rows[1]
    assert {
        k: done[k]
        for k in (
            "status",
            "rating",
            "rating_label",
            "rating_value",
            "verdict_date",
            "conclusion",
            "withheld",
            "stale",
            "claimant",
            "types",
            "checks_done",
            "checks",
            "sources",
        )
    } == {
        "status": "done",
        "rating": "mostly-true",
        "rating_label": "Mostly true",
        "rating_value": "4",
        "verdict_date": "2026-11-24",
        "conclusion": "Fines rose 38%, from £65 to £90, in March.",
        "withheld": "",
        "stale": "",
        "claimant": "the mayor",
        "types": "quantity",
        "checks_done": "2",
        "checks": "2",
        "sources": "Council minutes, March <https://example.org/minutes> (supports)",
    }
    assert 0.5 < float(done["priority"]) <= 1


def test_csv_marks_a_stale_statement_and_withholds_a_reworded_verdict(run, checked, tmp_path):
    """Issue 16: a statement gone from the text is stale (flagged, work kept); one reworded
    keeps its worksheet, and the verdict given to its earlier wording is not published."""
    (tmp_path / "small.txt").write_text(
        SMALL.replace("by 40% in March", "by 45% in April").replace(
            "Councillor Ann Lee said the change would bring in £2m a year.\n", ""
        ),
        encoding="utf-8",
    )
    assert run("init", "small.txt", "--article", SLUG).exit_code == 0
    result = run("export", "-f", "csv")
    rows = {r["id"].split("/")[1][:2]: r for r in csv_rows(result.stdout)}
    assert rows["02"]["stale"] == "" and rows["02"]["rating"] == ""
    assert rows["02"]["text"] == "The city council raised parking fines by 45% in April, the mayor said."
    assert rows["02"]["withheld"].startswith("rated mostly-true when the statement was worded differently")
    assert rows["03"]["stale"] == "yes"
    assert rows["01"]["stale"] == ""
    assert "02-the-city-council-raised-parking-fines: not published: rated mostly-true" in result.stderr


def test_a_carriage_return_in_a_claimant_starts_no_row_and_no_formula(run, checked):
    """The issue: `"\\r=cmd|' /C calc'!A0"` was written unquoted, and a spreadsheet started a new
    row with a live formula."""
    edit(checked / ANN_LEE, ('claimant = "Councillor Ann Lee"', "claimant = \"\\r=cmd|' /C calc'!A0\""))
    text = run("export", "-f", "csv").stdout_bytes.decode("utf-8")
    assert "\r" not in text.replace("\r\n", "") and text.count("\r\n") == 4
    rows = csv_rows(text)
    assert len(rows) == 3 and rows[2]["claimant"] == "'=cmd|' /C calc'!A0"
    assert rows[2]["text"] == "Councillor Ann Lee said the change would bring in £2m a year."


@pytest.mark.parametrize(
    "value, cell",
    [
        ('=HYPERLINK(\\"http://evil.example\\")', '\'=HYPERLINK("http://evil.example")'),
        ("+1+1", "'+1+1"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\\t=1+1", "'=1+1"),
        ("  =1+1", "'=1+1"),
        ("\\u0000=1+1", "'=1+1"),
        ("\\n-2+3", "'-2+3"),
        ("\\uff1d1+1", "'\uff1d1+1"),  # a full-width equals sign
        ("line one\\r\\nline two", "line one line two"),
        ("bell\\u0007 and escape\\u001b[31m", "bell and escape [31m"),
        ("Fines rose 38%, from £65 to £90.", "Fines rose 38%, from £65 to £90."),
    ],
)
def test_csv_cells_never_run_as_formulas(run, checked, value, cell):
    edit(checked / FINES, ('conclusion = "Fines rose 38%, from £65 to £90, in March."', f'conclusion = "{value}"'))
    assert csv_rows(run("export", "-f", "csv").stdout)[1]["conclusion"] == cell


# ---------------------------------------------------------------------------------------------
# Markdown


def test_check_rejects_a_javascript_source_and_the_report_links_none(run, checked):
    """The issue: `url = "javascript:alert(document.cookie)"` passed `check` and the report made
    it a link."""
    edit(checked / FINES, ('url = "https://example.org/minutes"', 'url = "javascript:alert(document.cookie)"'))
    assert "is not a web address" in run("check").stdout
    report = run("export").stdout
    assert "](javascript" not in report and "## Verdicts" not in report


@pytest.mark.parametrize(
    "label, url, markdown",
    [
        ("Minutes", "https://example.org/minutes", "[Minutes](https://example.org/minutes)"),
        ("Minutes", "javascript:alert(document.cookie)", "Minutes"),
        ("Minutes", "www.example.org", "Minutes"),
        ("Minutes", "data:text/html,<script>alert(1)</script>", "Minutes"),
        (
            "a](javascript:x) [b",
            'https://example.org/a_(b)<c>"',
            "[a\\](javascript:x) \\[b](https://example.org/a_%28b%29%3Cc%3E%22)",
        ),
    ],
)
def test_markdown_links_only_http_addresses(label, url, markdown):
    assert md_link(label, url) == markdown


@pytest.mark.parametrize(
    "text, line_start, markdown",
    [
        ("<script>alert(1)</script>", False, "\\<script\\>alert(1)\\</script\\>"),
        ("**bold** _it_ `code` ~~gone~~ $x$", False, "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~ \\$x\\$"),
        ("a | b\n---|---\nc | d", False, "a \\| b ---\\|--- c \\| d"),
        ("# not a heading", True, "\\# not a heading"),
        ("- not a list", True, "\\- not a list"),
        ("1986. Not a list", True, "1986\\. Not a list"),
        (
            "&lt;b&gt; ![x](y) [^1] {: .x} ==mark==",
            False,
            "\\&lt;b\\&gt; \\!\\[x\\](y) \\[\\^1\\] \\{: .x\\} \\=\\=mark\\=\\=",
        ),
        ("bell\x07 \u202eevil\u202c and\x1b[31m", False, "bell evil and \\[31m"),
        ("The city council raised fines by 40%.", True, "The city council raised fines by 40%."),
        ("ana@example.org and @ana", False, "ana\\@example.org and \\@ana"),  # no mailto: link, no mention
    ],
)
def test_markdown_escapes_what_a_renderer_would_read(text, line_start, markdown):
    assert md_text(text, line_start=line_start) == markdown


# ---------------------------------------------------------------------------------------------
# JSON


def test_json_is_the_full_record_of_every_worksheet(run, checked):
    """The issue: the JSON dropped each source's `accessed` and `note`, the checks' details and
    the location."""
    data = json.loads(run("export", "-f", "json").stdout)
    assert (data["format"], data["version"]) == ("factcheck-export", 1)
    assert [a["slug"] for a in data["articles"]] == [SLUG]
    assert data["articles"][0]["article"]["title"] == "Council raises parking fines"
    paths = sorted(p for p in checked.glob("*.toml") if p.name != "article.toml")
    for statement, path in zip(data["statements"], paths, strict=True):
        assert statement["worksheet"] == tomllib.loads(path.read_text(encoding="utf-8"))  # every field
        assert statement["file"] == path.name and statement["id"] == f"{SLUG}/{path.stem}"
    second = data["statements"][1]
    assert second["worksheet"]["sources"] == [
        {
            "url": "https://example.org/minutes",
            "title": "Council minutes, March",
            "stance": "supports",
            "accessed": "2026-11-20",
            "note": "page 4",
        }
    ]
    assert second["worksheet"]["checks"] == [
        {"kind": "number", "what": "40%", "done": True},
        {"kind": "date", "what": "March", "done": True},
    ]
    assert set(second["worksheet"]["location"]) == {"version", "paragraph", "start", "end", "before", "after"}
    assert {
        k: second[k] for k in ("verdict_published", "withheld", "stale", "rating_label", "rating_value", "problems")
    } == {
        "verdict_published": True,
        "withheld": None,
        "stale": False,
        "rating_label": "Mostly true",
        "rating_value": 4,
        "problems": [],
    }


def test_json_writes_toml_dates_as_iso_text(run, checked):
    edit(
        checked / FINES,
        ('accessed = "2026-11-20"', "accessed = 2026-11-20"),
        ('date = "2026-11-24"', "date = 2026-11-24"),
    )
    second = json.loads(run("export", "-f", "json").stdout)["statements"][1]["worksheet"]
    assert second["sources"][0]["accessed"] == "2026-11-20" and second["verdict"]["date"] == "2026-11-24"


# ---------------------------------------------------------------------------------------------
# ClaimReview


def test_claimreview_needs_a_publisher(run, checked):
    result = run("export", "--format", "claimreview")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: ClaimReview needs the publisher's name and url; add a [publisher] table "
        "with name and url to factcheck.toml in the workspace (see the README)\n"
    )
    assert result.stdout == ""


def test_claimreview_for_each_verdict(run, checked):
    (checked.parent / "factcheck.toml").write_text(PUBLISHER, encoding="utf-8")
    edit(checked / FINES, ('claim = ""', 'claim = "The council raised parking fines by 40% in March"'))
    edit(
        checked.parent / SLUG / "article.toml",
        ("title = ", 'url = "https://news.example/fines"\npublished = "2026-03-02T08:00:00+00:00"\ntitle = '),
    )
    result = run("export", "--format", "claimreview")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    appearance = {
        "@type": "CreativeWork",
        "url": "https://news.example/fines",
        "headline": "Council raises parking fines",
        "datePublished": "2026-03-02",
    }
    assert json.loads(result.stdout) == [
        {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"https://checks.example.org/{SLUG}/02",  # one review per page
            "claimReviewed": "The council raised parking fines by 40% in March",
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@type": "Organization", "name": "the mayor"},
                "appearance": appearance,
                "firstAppearance": appearance,
                "datePublished": "2026-03-02",
            },
            "author": {"@type": "Organization", "name": "Example Checks", "url": "https://checks.example.org/"},
            "reviewRating": {
                "@type": "Rating",
                "name": "Mostly true",
                "alternateName": "Mostly true",
                "ratingValue": 4,
                "bestRating": 5,
                "worstRating": 1,
            },
            "datePublished": "2026-11-24",  # the day the verdict was reached, as the worksheet says
            "inLanguage": "en",
        }
    ]
    assert run("export", "--format", "claimreview").stdout == result.stdout  # stable from run to run


def _the_review(run, checked, settings: str) -> dict:
    """The one ClaimReview the checked workspace exports with ``settings`` as its factcheck.toml."""
    (checked.parent / "factcheck.toml").write_text(PUBLISHER + settings, encoding="utf-8")
    [review] = json.loads(run("export", "-f", "claimreview").stdout)
    return review


def test_claimreview_uses_the_workspace_labels_and_review_url(run, checked):
    review = _the_review(
        run,
        checked,
        'review_url = "{url}/checks/{article}-{number}"\n\n'
        '[[ratings]]\nname = "mostly-true"\nlabel = "Largely accurate"\nvalue = 4\n\n'
        '[[ratings]]\nname = "false"\nvalue = 1\n',
    )
    assert review["url"] == f"https://checks.example.org/checks/{SLUG}-02"
    assert review["reviewRating"] == {
        "@type": "Rating",
        "name": "Largely accurate",
        "alternateName": "Largely accurate",
        "ratingValue": 4,
        "bestRating": 4,
        "worstRating": 1,
    }


def test_claimreview_rating_bounds_come_from_the_workspace_scale(run, checked):
    """A scale from -2 to 2 (check accepts any numbers) gives worstRating -2, not 1: a consumer
    must never read a ratingValue outside its bounds. A 0 stays off the scale."""
    rating = _the_review(
        run,
        checked,
        '\n[[ratings]]\nname = "mostly-true"\nvalue = -1\n\n'
        '[[ratings]]\nname = "false"\nvalue = -2\n\n[[ratings]]\nname = "true"\nvalue = 2\n\n'
        '[[ratings]]\nname = "unproven"\nvalue = 0\n',
    )["reviewRating"]
    assert (rating["worstRating"], rating["ratingValue"], rating["bestRating"]) == (-2, -1, 2)


def test_claimreview_warns_about_what_a_consumer_would_miss(run, checked):
    """No claim (claimReviewed falls back to the whole statement), nobody known to have made the
    claim, no verdict date: each a warning naming the worksheet, and the review has no such field."""
    (checked.parent / "factcheck.toml").write_text(PUBLISHER, encoding="utf-8")
    edit(checked / FINES, ('claimant = "the mayor"', 'claimant = ""'), ('date = "2026-11-24"', 'date = ""'))
    result = run("export", "-f", "claimreview")
    assert result.exit_code == 0
    [review] = json.loads(result.stdout)
    assert "author" not in review["itemReviewed"] and "datePublished" not in review
    assert review["claimReviewed"] == "The city council raised parking fines by 40% in March, the mayor said."
    stem = f"{SLUG}/{FINES[:-5]}"
    assert result.stderr.splitlines() == [  # a warning of `check` withholds nothing, unless --strict
        f"Warning: {stem}: no `claim`; claimReviewed is the whole statement (70 characters); write the claim in "
        "under 75 characters",
        f"Warning: {stem}: nobody is known to have made the claim; set `claimant` (its ClaimReview has no "
        "itemReviewed.author)",
        f"Warning: {stem}: no [verdict] date; its ClaimReview has no datePublished (write the day the verdict was "
        "reached, YYYY-MM-DD)",
    ]
    assert run("export", "-f", "claimreview", "--strict").exit_code == 1


def test_claimreview_claim_over_75_characters_is_a_warning(run, checked):
    (checked.parent / "factcheck.toml").write_text(PUBLISHER, encoding="utf-8")
    long_claim = "The city council raised the fines for parking on double yellow lines by 40% in March"
    edit(checked / FINES, ('claim = ""', f'claim = "{long_claim}"'))
    result = run("export", "-f", "claimreview")
    assert json.loads(result.stdout)[0]["claimReviewed"] == long_claim
    assert result.stderr == (
        f"Warning: {SLUG}/{FINES[:-5]}: `claim` is 84 characters; under 75 reads whole where ClaimReview is shown\n"
    )


def test_claimreview_of_the_article_s_own_claim_names_its_author_or_site(run, checked):
    (checked.parent / "factcheck.toml").write_text(PUBLISHER, encoding="utf-8")
    edit(checked / FINES, ('claimant = "the mayor"', 'claimant = ""'))
    article = checked / "article.toml"
    edit(article, ("title = ", 'site = "Example News"\ntitle = '))
    [review] = json.loads(run("export", "-f", "claimreview").stdout)
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "Example News"}
    edit(article, ("title = ", 'author = "Jane Doe"\ntitle = '))
    [review] = json.loads(run("export", "-f", "claimreview").stdout)
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Jane Doe"}


HOSTILE = "</script><script>alert(1)</script><!-- --> \u2028 &"


def test_claimreview_is_safe_inside_a_script_element(run, checked):
    (checked.parent / "factcheck.toml").write_text(PUBLISHER, encoding="utf-8")
    edit(checked / FINES, ('claim = ""', f'claim = "{HOSTILE}"'))
    text = run("export", "-f", "claimreview").stdout
    assert not set("<>&\u2028") & set(text)
    assert json.loads(text)[0]["claimReviewed"] == HOSTILE  # the same text, escaped


def test_claimreview_as_script_blocks_for_a_cms(run, checked):
    (checked.parent / "factcheck.toml").write_text(PUBLISHER, encoding="utf-8")
    finish(checked / ANN_LEE, rating="unproven", conclusion="The council has published no estimate.")
    edit(checked / ANN_LEE, ('claim = ""', f'claim = "{HOSTILE}"'))
    result = run("export", "-f", "claimreview", "--script-tags")
    assert result.exit_code == 0, result.output
    bodies = re.findall(r'<script type="application/ld\+json">\n(.*?)\n</script>\n', result.stdout, re.S)
    assert result.stdout == "\n".join(f'<script type="application/ld+json">\n{b}\n</script>\n' for b in bodies)
    assert len(bodies) == 2 and not [b for b in bodies if "<" in b or ">" in b]
    reviews = [json.loads(b) for b in bodies]
    assert [r["url"] for r in reviews] == [
        f"https://checks.example.org/{SLUG}/02",
        f"https://checks.example.org/{SLUG}/03",
    ]
    assert reviews[1]["claimReviewed"] == HOSTILE
    assert reviews[1]["reviewRating"] == {"@type": "Rating", "name": "Unproven", "alternateName": "Unproven"}


def test_script_tags_is_for_claimreview(run, checked):
    result = run("export", "--script-tags")
    assert result.exit_code == 1
    assert result.stderr == "Error: --script-tags is for --format claimreview; drop it or add -f claimreview\n"


def test_claimreview_with_no_verdict_yet(run, tmp_path):
    (tmp_path / "small.txt").write_text(SMALL, encoding="utf-8")
    run("init", "small.txt")
    (tmp_path / "worksheets" / "factcheck.toml").write_text(PUBLISHER, encoding="utf-8")
    result = run("export", "-f", "claimreview")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no statement has a verdict to publish yet;")


def test_claimreview_when_every_verdict_is_left_out(run, checked):
    (checked.parent / "factcheck.toml").write_text(PUBLISHER, encoding="utf-8")
    line = line_of(checked / FINES, "rating")
    edit(checked / FINES, ('rating = "mostly-true"', 'rating = "mostly-ture"'))
    result = run("export", "-f", "claimreview")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"Error: no verdict can be published: 1 worksheet(s) left out, first {SLUG}/{FINES[:-5]}: "
        f"line {line}: error: rating 'mostly-ture' is not allowed (did you mean mostly-true?); use one "
        "of: true, mostly-true, mixed, mostly-false, false, unproven; fix them first\n"
    )


# ---------------------------------------------------------------------------------------------
# What is exported, and where


def test_export_by_status_whatever_the_case(run, checked):
    rows = csv_rows(run("export", "-f", "csv", "--status", "DONE").stdout)
    assert [r["id"] for r in rows] == [f"{SLUG}/{FINES[:-5]}"]
    result = run("export", "--status", "finished")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: --status 'finished' is not a status; use one of: unstarted,")
    result = run("export", "--status", "needs-review")
    assert result.stderr == (
        "Error: nothing to export: no worksheets with status 'needs-review'; run `factcheck "
        "status` to see the workspace\n"
    )


def test_a_broken_settings_file_stops_the_export(run, checked):
    (checked.parent / "factcheck.toml").write_text("[[ratings]]\nlabel = 3\n", encoding="utf-8")
    result = run("export")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: worksheets/factcheck.toml: error: [[ratings]] entries need a `name` (string) "
        "and a `value` (number); fix factcheck.toml before exporting (`factcheck check` lists "
        "its problems)\n"
    )


def test_output_file_is_written_whole_and_readable(run, checked, tmp_path):
    result = run("export", "-f", "json", "-o", "out.json")
    assert result.exit_code == 0
    assert result.stderr == "Wrote json for 3 statements to out.json\n"
    written = tmp_path / "out.json"
    assert json.loads(written.read_text(encoding="utf-8")) == json.loads(run("export", "-f", "json").stdout)
    (checked.parent / "factcheck.toml").write_text(PUBLISHER, encoding="utf-8")
    edit(checked / FINES, ('claim = ""', 'claim = "Parking fines rose 40% in March"'))
    assert run("export", "-f", "claimreview", "-o", "cr.json").stderr == "Wrote 1 verdict as ClaimReview to cr.json\n"
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(written.stat().st_mode) == 0o666 & ~mask
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    run("export", "-f", "csv", "-o", "out.csv")
    assert (tmp_path / "out.csv").read_bytes().count(b"\r\n") == 4  # CRLF kept on disk


@pytest.mark.parametrize(
    "output, message",
    [
        (
            "worksheets/report.md",
            "Error: worksheets/report.md is inside the workspace worksheets; write exports outside it\n",
        ),
        (
            "missing/report.md",
            "Error: cannot write missing/report.md: folder missing does not exist; create it first\n",
        ),
    ],
)
def test_output_mistakes(run, checked, output, message):
    before = snapshot(checked)
    result = run("export", "-o", output)
    assert result.exit_code == 1
    assert result.stderr == message
    assert snapshot(checked) == before


def test_a_path_it_cannot_write_is_said_before_any_warning(run, rejected):
    """Warnings first and then the refusal was a page of output to scroll back through for the
    one line that mattered: the path is checked before the export is made."""
    before = snapshot(rejected)
    assert run("export").stderr.startswith("Warning: ")  # what the workspace would warn of
    result = run("export", "-o", "missing/report.md")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "Error: cannot write missing/report.md: folder missing does not exist; create it first\n"
    assert snapshot(rejected) == before


def test_nothing_to_export(run, checked):
    result = run("export", "--article", "council", "--status", "needs-review")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: nothing to export: no worksheets in articles matching 'council' with status 'needs-review'; "
        "run `factcheck status` to see the workspace\n"
    )
    result = run("export", "--article", "nope")  # a slug mistyped: the articles there are
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"Error: no article matches --article 'nope'; articles: {SLUG}\n"


def test_an_unreadable_worksheet_is_named_and_listed(run, checked):
    (checked / ANN_LEE).write_text('status = "done\n', encoding="utf-8")
    result = run("export", "-f", "csv")
    assert result.exit_code == 0
    reason = (
        'line 1: error: TOML syntax: the value of `status` has no closing ": end it with " on the same line '
        '(text over several lines goes between """ and """)'
    )
    assert result.stderr == f"Warning: {SLUG}/{ANN_LEE[:-5]}: not published: {reason}\n"
    rows = csv_rows(result.stdout)
    assert len(rows) == 3 and rows[2]["withheld"] == reason and rows[2]["text"] == ""
    assert run("export").stdout.endswith(
        f"## Left out until fixed or confirmed\n\n- 03 ({md_text(ANN_LEE)}: {md_text(reason)})\n"
    )
    third = json.loads(run("export", "-f", "json").stdout)["statements"][2]
    assert third["worksheet"] is None and third["withheld"] == {"reason": reason, "verdict": None}


@pytest.mark.parametrize(
    "claimant, checks, kind",
    [
        ("Kirby", [{"kind": "person", "what": "Kirby"}], "person"),  # the checks know him
        ("John Kirby", [{"kind": "person", "what": "Kirby"}], "person"),
        ("Wagner", [{"kind": "organisation", "what": "Wagner"}], "organisation"),
        ("Ann Lee", [], "person"),  # no check names her: two capitalised words
        # init lists a claimant the sentence does not name among the checks, with its kind
        (
            "Tunisian Prime Minister Habib Essid",
            [{"kind": "person", "what": "Tunisian Prime Minister Habib Essid"}],
            "person",
        ),
        ("Amnesty International UK Office", [], "organisation"),
        ("The US", [], "organisation"),
        ("the mayor", [], "organisation"),
    ],
)
def test_the_claimant_is_a_person_or_an_organisation(claimant, checks, kind):
    from factcheck.reporting.export import _kind_of

    assert _kind_of(claimant, checks) == kind


@pytest.mark.parametrize(
    "key, value", [("url", "javascript:alert(1)"), ("url", "example.org"), ("logo", "file:///logo.png")]
)
def test_the_publisher_links_are_web_addresses(run, checked, key, value):
    publisher = {"name": "Example Checks", "url": "https://checks.example.org/", key: value}
    (checked.parent / "factcheck.toml").write_text(tomli_w.dumps({"publisher": publisher}), encoding="utf-8")
    result = run("export", "-f", "claimreview")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"Error: worksheets/factcheck.toml: error: [publisher] {key} {value!r} is not a web "
        "address; use an http:// or https:// link; fix factcheck.toml before exporting "
        "(`factcheck check` lists its problems)\n"
    )


def test_the_readme_documents_every_key_of_the_json_export(run, checked):
    """The schema table in the README names each key the JSON export writes, and no other."""
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("### The JSON export's schema (version 1)", 1)[1].split("\n## ", 1)[0]
    documented = set()
    for cell in re.findall(r"^\| (`[^|]+`) \|", table, re.M):
        names = re.findall(r"`([^`]+)`", cell)
        parent = names[0].rsplit(".", 1)[0]
        documented |= {name if not name.startswith(".") else parent + name for name in names}
    data = json.loads(run("export", "-f", "json").stdout)
    written = {f"articles[].{key}" for key in data["articles"][0]} | {
        f"statements[].{key}" for key in data["statements"][0]
    }
    assert documented == written
    assert set(data) == {"format", "version", "articles", "statements"}


def test_a_proposed_or_stale_rating_is_not_a_published_row(run, checked, tmp_path):
    """An editor filters the CSV on an empty `withheld` to find what may go out: a rating on a
    statement still in review, or on one gone from the article, must not pass that filter,
    nor look like a verdict to a script reading the JSON's `worksheet.verdict`."""
    edit(
        checked / ANN_LEE,
        ('status = "unstarted"', 'status = "needs-review"'),
        ('rating = ""', 'rating = "false"'),
        ('conclusion = ""', 'conclusion = "Looks false to me"'),
        ("# [[sources]]", SOURCE),
    )
    (tmp_path / "small.txt").write_text(
        SMALL.replace("The city council raised parking fines by 40% in March, the mayor said.\n\n", ""),
        encoding="utf-8",
    )
    assert run("init", "small.txt", "--article", SLUG).exit_code == 0  # 02, done and rated, goes stale
    result = run("export", "-f", "csv")
    assert result.exit_code == 0 and result.stderr == ""  # the workflow as usual: nothing to warn about
    rows = {r["id"].split("/")[1][:2]: r for r in csv_rows(result.stdout)}
    assert [rows["03"][k] for k in ("status", "rating", "rating_label", "rating_value", "conclusion", "withheld")] == [
        "needs-review",
        "",
        "",
        "",
        "",
        "status 'needs-review' is not finished; its rating is a proposal, not published",
    ]
    assert [rows["02"][k] for k in ("status", "stale", "rating", "verdict_date", "withheld")] == [
        "done",
        "yes",
        "",
        "",
        "stale: the statement is no longer in the article text; its rating is not published",
    ]
    assert [r["id"] for r in csv_rows(result.stdout) if r["rating"] and not r["withheld"]] == []
    data = json.loads(run("export", "-f", "json").stdout)
    by_number = {s["file"][:2]: s for s in data["statements"]}
    assert "verdict" not in by_number["03"]["worksheet"] and "verdict" not in by_number["02"]["worksheet"]
    assert by_number["03"]["withheld"] == {
        "reason": "status 'needs-review' is not finished; its rating is a proposal, not published",
        "verdict": {"rating": "false", "conclusion": "Looks false to me", "confidence": "", "date": ""},
    }
    assert by_number["02"]["withheld"]["verdict"]["rating"] == "mostly-true"
    assert [by_number["02"][k] for k in ("verdict_published", "rating_label", "rating_value")] == [False, None, None]
    report = run("export").stdout  # the report lists them where it did: still open, no longer in the article
    assert "- 03 (needs-review): Councillor Ann Lee said" in report
    assert "- 02 (done, rated Mostly true): The city council raised" in report


@pytest.mark.parametrize(
    "damage, reason",
    [
        (
            lambda p: p.write_text(p.read_text(encoding="utf-8") + 'title = "half\n', encoding="utf-8"),
            'article.toml line 7: error: TOML syntax: the value of `title` has no closing ": end it with " on '
            'the same line (text over several lines goes between """ and """)',
        ),
        (
            lambda p: p.unlink(),
            "article.toml: error: missing: the folder holds worksheets but no article.toml; run `factcheck "
            "init` on the article again to restore it (the worksheets are kept)",
        ),
    ],
)
def test_an_article_whose_article_toml_is_broken_publishes_nothing(run, checked, damage, reason):
    """A merge left conflict markers in article.toml, or it was lost: its reviews would name no
    article (no headline, no address), so none is published, and one line says why."""
    (checked.parent / "factcheck.toml").write_text(PUBLISHER, encoding="utf-8")
    damage(checked / "article.toml")
    result = run("export", "-f", "claimreview")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: no verdict can be published: 3 worksheet(s) left out, first {SLUG}/{HEADLINE[:-5]}: {reason}; "
        "fix them first\n"
    )
    result = run("export", "-f", "csv")
    assert result.exit_code == 0
    assert result.stderr == f"Warning: {SLUG}: nothing in it published: {reason}\n"
    rows = csv_rows(result.stdout)
    assert [(r["rating"], r["withheld"]) for r in rows] == [("", reason)] * 3
    assert run("export", "-f", "csv", "--strict").exit_code == 1


def test_a_rating_left_on_a_not_checkable_statement_is_no_verdict(run, checked):
    """A checker rated 03, then found it not checkable and left the rating: the report and
    ClaimReview published it as a False verdict. `check` now fails on it, so no export does."""
    (checked.parent / "factcheck.toml").write_text(PUBLISHER, encoding="utf-8")
    edit(
        checked / ANN_LEE,
        ('status = "unstarted"', 'status = "not-checkable"'),
        ('rating = ""', 'rating = "false"'),
        ("# [[sources]]", SOURCE),
    )
    message = (
        "error: not-checkable with the rating 'false': a statement found not checkable has no verdict; "
        'set rating = "", or a status that gives a verdict'
    )
    result = run("check")
    assert result.exit_code == 1
    assert f"{SLUG}/{ANN_LEE}:{line_of(checked / ANN_LEE, 'rating = ')}:1: {message}" in result.stdout
    reviews = json.loads(run("export", "-f", "claimreview").stdout)
    assert [r["claimReviewed"] for r in reviews] == [
        "The city council raised parking fines by 40% in March, the mayor said."
    ]
    report = run("export")
    assert f"Warning: {SLUG}/{ANN_LEE[:-5]}: not published: line" in report.stderr
    assert "False" not in report.stdout.split("## Left out")[0]
