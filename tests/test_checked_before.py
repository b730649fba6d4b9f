"""Checked before? at work: init flags and records earlier checks, show lists them, status marks
them, and reviews imported after init show up too."""

from __future__ import annotations

import json
import tomllib

import pytest

from .conftest import EXAMPLE, EXAMPLE_SLUG
from .test_library import write


def review(url: str, claim: str, rating: str, value: int, publisher: str = "Example Checks") -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim,
        "datePublished": "2023-01-05",
        "author": {"@type": "Organization", "name": publisher},
        "reviewRating": {"@type": "Rating", "ratingValue": value, "alternateName": rating},
    }


PERSONNEL = review(
    "https://factcheck.example/wagner-50000",
    "The Wagner Group has about 50,000 personnel deployed in Ukraine, according to US estimates.",
    "Mostly true",
    4,
)
KILLED = review(
    "https://factcheck.example/wagner-1000",
    "About 1,000 Wagner fighters were killed in recent weeks, most of them convicts.",
    "True",
    5,
    "Other Checks",
)
UNRELATED = [
    review(f"https://factcheck.example/other-{i}", claim, "False", 1)
    for i, claim in enumerate(
        [
            "A photo shows a shark swimming on a flooded highway after a hurricane.",
            "Drinking hot water every fifteen minutes kills the coronavirus.",
            "The city council raised parking fines by 40 percent to pay for road repairs.",
            "A celebrity chef said supermarket bread contains sawdust.",
            "The moon landing footage was filmed in a television studio.",
            "Bill Gates wants to put microchips in vaccines.",
        ]
    )
]


@pytest.fixture
def library(run, tmp_path):
    assert run("import", write(tmp_path, "reviews.json", [PERSONNEL, *UNRELATED])).exit_code == 0
    return tmp_path / "worksheets"


def sheet(folder, number: str):
    return next(folder.glob(f"{number}-*.toml"))


def test_init_flags_and_records_statements_checked_before(run, library):
    result = run("init", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    at = lines.index("Checked before? 1 statement looks like earlier checks (`factcheck show ID` lists them):")
    assert lines[at + 1] == (
        '  19  Mostly true, Example Checks: "The Wagner Group has about 50,000 personnel deployed in Ukr…"'
    )
    path = sheet(library / EXAMPLE_SLUG, "19")
    text = path.read_text(encoding="utf-8")
    assert "[[checked_before]]  # filled by init (tool-owned): an earlier check this looks like\n" in text
    values = tomllib.loads(text)
    [recorded] = values["checked_before"]
    assert recorded["kind"] == "review" and recorded["url"] == PERSONNEL["url"]
    assert recorded["text"] == PERSONNEL["claimReviewed"] and recorded["rating"] == "Mostly true"
    assert recorded["publisher"] == "Example Checks" and 0.3 <= recorded["score"] <= 1
    others = [p for p in (library / EXAMPLE_SLUG).glob("*.toml") if p.name != "article.toml" and p != path]
    assert not any("checked_before" in tomllib.loads(p.read_text(encoding="utf-8")) for p in others)
    check = run("check")
    assert check.exit_code == 0 and check.stdout.endswith("22 worksheets checked: 0 errors, 0 warnings\n")


def test_init_dry_run_json_lists_the_matches(run, library):
    data = json.loads(run("init", str(EXAMPLE), "--dry-run", "--json").stdout)
    flagged = {s["id"][:2]: s["checked_before"] for s in data["statements"] if "checked_before" in s}
    assert list(flagged) == ["19"] and flagged["19"][0]["url"] == PERSONNEL["url"]
    assert not (library / EXAMPLE_SLUG).exists()


def test_init_without_a_library_changes_nothing(run, tmp_path):
    result = run("init", str(EXAMPLE))
    assert "Checked before?" not in result.stdout
    assert not any(
        "checked_before" in p.read_text(encoding="utf-8")
        for p in (tmp_path / "worksheets" / EXAMPLE_SLUG).glob("*.toml")
    )


def test_show_and_status_list_matches_imported_after_init(run, library, tmp_path):
    run("init", str(EXAMPLE))
    flagged = [
        r["id"].split("/")[1][:2]
        for r in json.loads(run("status", "--json").stdout)["statements"]
        if r["checked_before"]
    ]
    assert flagged == ["19"]
    run("import", write(tmp_path, "later.json", KILLED))
    shown = run("show", "21")
    assert shown.exit_code == 0, shown.output
    tail = shown.stdout.split("Checked before (1)\n", 1)[1]
    assert tail.splitlines()[:3] == [
        "  1. About 1,000 Wagner fighters were killed in recent weeks, most of them convicts.",
        f"     checked before · True · Other Checks · 2023-01-05 · score {_score(run, '21', KILLED)}",
        "     https://factcheck.example/wagner-1000",
    ]
    status = run("status")
    assert "│ 21 │ unstarted (checked before) │" in status.stdout
    assert "│ 19 │ unstarted (checked before) │" in status.stdout
    assert "│ 20 │ unstarted                  │" in status.stdout
    flagged = [
        r["id"].split("/")[1][:2]
        for r in json.loads(run("status", "--json").stdout)["statements"]
        if r["checked_before"]
    ]
    assert "19" in flagged and "21" in flagged
    assert (
        "statements look checked before (factcheck show ID lists the earlier checks and their verdicts)"
        in status.stdout
    )
    # the worksheet on disk is untouched: what init recorded stays as it was
    assert "checked_before" not in sheet(library / EXAMPLE_SLUG, "21").read_text(encoding="utf-8")


def _score(run, statement: str, review: dict) -> str:
    data = json.loads(run("status", "--json").stdout)
    [row] = [r for r in data["statements"] if r["id"].split("/")[1].startswith(statement + "-")]
    [match] = [m for m in row["checked_before"] if m.get("url") == review["url"]]
    return f"{match['score']:.2f}"


def test_no_index_shows_only_what_init_recorded(run, library, tmp_path):
    run("init", str(EXAMPLE))
    run("import", write(tmp_path, "later.json", KILLED))
    assert "Checked before" not in run("show", "21", "--no-index").stdout
    assert "Checked before (1)" in run("show", "19", "--no-index").stdout


def test_another_articles_worksheets_are_earlier_checks_too(run, tmp_path):
    run("init", str(EXAMPLE))
    folder = tmp_path / "worksheets" / EXAMPLE_SLUG
    path = sheet(folder, "19")
    path.write_text(
        path.read_text(encoding="utf-8").replace('status = "unstarted"', 'status = "in-progress"'), encoding="utf-8"
    )
    result = run("init", str(follow_up(tmp_path)))
    assert result.exit_code == 0, result.output
    assert "Checked before? 1 statement looks like earlier checks" in result.stdout
    assert "  02  in-progress, worksheet " in result.stdout  # no rating yet: the status says how far
    [new] = [
        p
        for p in (tmp_path / "worksheets" / "wagner-numbers-questioned").glob("0*.toml")
        if "checked_before" in p.read_text(encoding="utf-8")
    ]
    [recorded] = tomllib.loads(new.read_text(encoding="utf-8"))["checked_before"]
    assert recorded["kind"] == "worksheet" and recorded["id"] == f"{EXAMPLE_SLUG}/{path.stem}"
    assert recorded["status"] == "in-progress"
    shown = run("show", new.stem)
    assert f"     {EXAMPLE_SLUG}/{path.stem}" in shown.stdout.replace("\n", "")


def test_check_reports_a_mistyped_key_in_checked_before(run, library):
    run("init", str(EXAMPLE))
    path = sheet(library / EXAMPLE_SLUG, "19")
    path.write_text(path.read_text(encoding="utf-8").replace("\nscore = ", "\nscroe = "), encoding="utf-8")
    result = run("check")
    assert result.exit_code == 1
    assert "unknown key `scroe` in [checked_before]; did you mean `score`?" in result.stdout


def test_init_names_the_status_of_a_colleague_s_rating(run, tmp_path):
    """A rating proposed in another article's worksheet (`needs-review`) is shown with its
    status, so a checker does not take a proposal for the team's verdict."""
    run("init", str(EXAMPLE))
    path = sheet(tmp_path / "worksheets" / EXAMPLE_SLUG, "19")
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace('status = "unstarted"', 'status = "needs-review"')
        .replace('rating = ""', 'rating = "mostly-true"'),
        encoding="utf-8",
    )
    result = run("init", str(follow_up(tmp_path)))
    assert (
        f"  02  mostly-true (needs-review), worksheet {EXAMPLE_SLUG}: "
        '"The US estimates Wagner has about 50,000 personnel deployed…"'
    ) in result.stdout


def follow_up(tmp_path):
    """A second article that repeats the example's statement 19, word for word."""
    path = tmp_path / "follow-up.txt"
    path.write_text(
        "Wagner numbers questioned\n\nThe US estimates Wagner has about 50,000 personnel "
        "deployed to Ukraine, including 10,000 contractors and 40,000 convicts.\n",
        encoding="utf-8",
    )
    return path
