"""`factcheck status`, `show` and `check` on a small workspace, rendered at a pinned width."""

from __future__ import annotations

import json
import shutil
import tomllib

import pytest

from .conftest import line_of

SMALL = (
    "Council raises parking fines\n\n"
    "The city council raised parking fines by 40% in March, the mayor said.\n\n"
    "Councillor Ann Lee said the change would bring in £2m a year.\n\n"
    "Is that fair?\n"
)
SLUG = "council-raises-parking-fines"


def plain(output: str) -> str:
    return "\n".join(line.rstrip() for line in output.splitlines()) + "\n"


@pytest.fixture
def small(run, tmp_path):
    (tmp_path / "small.txt").write_text(SMALL, encoding="utf-8")
    assert run("init", "small.txt").exit_code == 0
    return tmp_path / "worksheets" / SLUG


def priority_of(sheet) -> str:
    """A worksheet's priority as the tables print it. Tests that pin a whole table read it from
    the worksheet: it moves whenever the model is retrained, which is not what they test."""
    return f"{tomllib.loads(sheet.read_text(encoding='utf-8'))['priority']:.2f}"


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_status_tables(run, small):
    second = small / "02-the-city-council-raised-parking-fines.toml"
    edit(second, 'status = "unstarted"', 'status = "done"')
    edit(second, 'rating = ""', 'rating = "mostly-true"')
    edit(second, "# [[sources]]", '[[sources]]\nurl = "https://example.org/minutes"\n# [[sources]]')
    edit(second, 'kind = "number"\nwhat = "40%"\ndone = false', 'kind = "number"\nwhat = "40%"\ndone = true')
    edit(second, 'conclusion = ""', 'conclusion = "Fines rose 38%."')
    edit(second, 'date = ""', 'date = "2026-11-24"')
    status_line = line_of(second, "status")
    headline = priority_of(small / "01-council-raises-parking-fines.toml")
    fines = priority_of(second)
    ann_lee = priority_of(small / "03-councillor-ann-lee-said-the-change.toml")
    result = run("status")
    assert result.exit_code == 0, result.output
    assert (
        plain(result.stdout)
        == f"""\
Articles
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━┳━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
┃ Article                                  ┃ Stmts ┃ Progress        ┃ By status   ┃ Ratings       ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
│ council-raises-parking-fines             │     3 │ ███░░░░░░░  33% │ 2 unstarted │ 1 mostly-true │
│                                          │       │                 │ 1 done      │               │
└──────────────────────────────────────────┴───────┴─────────────────┴─────────────┴───────────────┘
council-raises-parking-fines  (factcheck show ID)
┏━━━━┳━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━┳━━━━━━━━┳━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓
┃ ID ┃ Status    ┃ Rating      ┃  Pri ┃ Checks ┃ Src ┃ Statement                                   ┃
┡━━━━╇━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━╇━━━━━━━━╇━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩
│ 01 │ unstarted │ -           │ {headline} │    0/1 │   0 │ Council raises parking fines                │
│ 02 │ done      │ mostly-true │ {fines} │    1/2 │   1 │ The city council raised parking fines by 4… │
│ 03 │ unstarted │ -           │ {ann_lee} │    0/2 │   0 │ Councillor Ann Lee said the change would b… │
└────┴───────────┴─────────────┴──────┴────────┴─────┴─────────────────────────────────────────────┘
Problems: 0 errors, 1 warning (`factcheck check` lists them for scripts)
  council-raises-parking-fines/02-the-city-council-raised-parking-fines.toml:{status_line}:1
    warning: done with 1 of 2 checks not ticked; confirm each and set done = true, or delete the
    ones that do not apply
"""
    )


def test_status_summary_is_the_articles_table_alone(run, small):
    """A team's workspace holds thousands of statements: --summary shows progress per article."""
    result = run("status", "--summary")
    assert result.exit_code == 0, result.output
    assert (
        plain(result.stdout)
        == """\
Articles
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━┳━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━┓
┃ Article                                        ┃ Stmts ┃ Progress        ┃ By status   ┃ Ratings ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━┩
│ council-raises-parking-fines                   │     3 │ ░░░░░░░░░░   0% │ 3 unstarted │ -       │
└────────────────────────────────────────────────┴───────┴─────────────────┴─────────────┴─────────┘
"""
    )
    data = json.loads(run("status", "--summary", "--json").stdout)
    assert data["statements"] == [] and data["articles"][0]["statements"] == 3


def test_status_lists_broken_worksheets_beside_the_tables(run, small):
    (small / "04-broken.toml").write_text('statu = "x"\n[[[', encoding="utf-8")
    first = small / "01-council-raises-parking-fines.toml"
    status_line = line_of(first, "status")
    edit(first, 'status = "unstarted"', 'status = "doing"')
    result = run("status")
    assert result.exit_code == 0, result.output
    out = plain(result.stdout)
    # a row with errors says so; a worksheet that cannot be read still has its row
    assert "│ 01 │ doing (1 error)      │ -      │" in out
    assert "│ 03 │ unstarted            │ -      │" in out
    assert "│ 04 │ unreadable (1 error) │ -      │    - │      - │   - │ (see the problems below)" in out
    # the articles' counts add up to the statements: 4 = 2 unstarted + 1 other status + 1 unreadable
    assert f"│ council-raises-parking-fines{' ' * 18}│     4 │ ░░░░░░░░░░   0% │ 2 unstarted  │ -       │" in out
    assert f"│{' ' * 47}│       │                 │ 1 other      │         │" in out
    assert f"│{' ' * 47}│       │                 │ 1 unreadable │         │" in out
    article = json.loads(run("status", "--json").stdout)["articles"][0]
    assert (article["statements"], article["by_status"]["unstarted"]) == (4, 2)
    assert (article["other_status"], article["unreadable"]) == (1, 1)
    assert out.endswith(f"""\
Problems: 2 errors, 0 warnings (`factcheck check` lists them for scripts)
  council-raises-parking-fines/01-council-raises-parking-fines.toml:{status_line}:1
    error: status 'doing' is not allowed; use one of: unstarted, in-progress, needs-review, done,
    not-checkable
  council-raises-parking-fines/04-broken.toml:2:3
    error: TOML syntax: Invalid initial character for a key part
""")


def test_status_json_filters_and_sorts(run, small):
    edit(small / "03-councillor-ann-lee-said-the-change.toml", 'assignee = ""', 'assignee = "ana"')
    data = json.loads(run("status", "--json", "--sort", "priority").stdout)
    assert [r["id"].split("/")[1][:2] for r in data["statements"]] == ["02", "03", "01"]
    assert data["articles"][0]["by_status"]["unstarted"] == 3
    mine = json.loads(run("status", "--json", "--assignee", "ana").stdout)
    assert [r["assignee"] for r in mine["statements"]] == ["ana"]


def test_status_without_workspace_is_one_clear_error(run):
    result = run("status")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: no workspace here, in a folder above or in ./worksheets; run `factcheck init "
        "ARTICLE` first, or pass --dir\n"
    )


def test_show_by_number(run, small):
    ann_lee = priority_of(small / "03-councillor-ann-lee-said-the-change.toml")
    result = run("show", "03")
    assert result.exit_code == 0, result.output
    assert (
        plain(result.stdout)
        == f"""\
council-raises-parking-fines/03-councillor-ann-lee-said-the-change
… The city council raised parking fines by 40% in March, the mayor said.
Councillor Ann Lee said the change would bring in £2m a year.
Is that fair? …
status      unstarted
rating      -
conclusion  -
confidence  -
date        -
claim       -
claimant    Councillor Ann Lee
types       quantity, prediction
priority    {ann_lee}
reasons     contains a number or quantity
            names a person, organisation or place
            attributed to a named source
            lowered: announces a future action
            words that raise it: said, year
            words that lower it: ann, bring
assignee    -
reviewer    -
location    paragraph 2, characters 102-163 of version f16f9308
notes       -
Checks (0/2 done)
  [ ] person: Councillor Ann Lee
  [ ] number: £2m
Sources (0)
"""
    )


def test_show_ambiguous_and_unknown(run, small):
    assert run("show", "99").stderr == "Error: no statement matches '99'; `factcheck status` lists the ids\n"
    for empty in ("", " ", f"{SLUG}/"):
        result = run("show", empty)
        assert result.exit_code == 1
        assert result.stderr == (
            f"Error: {empty.strip()!r} names no statement; give its number (07), the start "
            "of its file name (07-kirby) or slug/07; `factcheck status` lists the ids\n"
        )
    result = run("show", "0")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: '0' matches 3 statements")


def test_square_brackets_are_text_not_markup(run, tmp_path):
    """Quotes are edited with brackets ("[sic]", "[the minister]") and notes cite "[1]": status
    and show print them as they are, and a stray "[/x]" does not stop the command."""
    (tmp_path / "brackets.txt").write_text(
        'Bracket test\n\nThe plan "[will] cost 5 billion euros [sic]" by 2030, the draft says.\n', encoding="utf-8"
    )
    assert run("init", "brackets.txt").exit_code == 0
    sheet = tmp_path / "worksheets" / "bracket-test" / "02-the-plan-will-cost-5-billion.toml"
    edit(sheet, 'notes = ""', 'notes = "Asked the ministry [pending]; see [1] and [/x]"')
    status = run("status")
    assert status.exit_code == 0, status.output
    priority = tomllib.loads(sheet.read_text(encoding="utf-8"))["priority"]
    row = f'│ 02 │ unstarted │ -      │ {priority:.2f} │    0/3 │   0 │ The plan "[will] cost 5 billion euros [sic]" by… │'
    assert row in plain(status.stdout)
    show = run("show", "02")
    assert show.exit_code == 0, show.output
    assert 'The plan "[will] cost 5 billion euros [sic]" by 2030, the draft says.\n' in plain(show.stdout)
    assert "notes       Asked the ministry [pending]; see [1] and [/x]\n" in plain(show.stdout)


def test_check_reports_every_problem_with_file_and_line(run, small):
    assert run("check").stdout == "3 worksheets checked: 0 errors, 0 warnings\n"
    status_line = line_of(small / "02-the-city-council-raised-parking-fines.toml", "status")
    edit(small / "02-the-city-council-raised-parking-fines.toml", "status =", "stauts =")
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout == (
        f"worksheets/{SLUG}/02-the-city-council-raised-parking-fines.toml:{status_line}:1: error: "
        "unknown key `stauts`; did you mean `status`?\n"
        "3 worksheets checked: 1 error, 0 warnings\n"
    )


def test_reading_commands_do_not_load_the_statement_pipeline():
    # `status`, `show` and `check` run many times a day; compiling the sentence rules would
    # cost each of them about 25 ms (BENCHMARKS.md), and they never split a sentence
    import subprocess
    import sys

    code = (
        "import sys, factcheck.cli, factcheck.workspace.validate, factcheck.reporting.views; "
        "print(sorted(m for m in ('factcheck.extraction.skips', 'factcheck.extraction.checks', 'factcheck.extraction.statements') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_watch_shows_each_change_and_stops_cleanly_on_ctrl_c(workspace):
    """`status --watch` piped: the first view, then a new one after a hand edit; Ctrl-C ends
    it with exit 0 and no traceback."""
    import os
    import signal
    import subprocess
    import sys
    import time

    env = {**os.environ, "COLUMNS": "100"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "status", "--watch", "--interval", "0.2", "--dir", str(workspace.parent)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        # Ctrl-C as a terminal sends it: a test run started in the background (`pytest &`) ignores
        # SIGINT, and a child would inherit that and never stop
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        first = proc.stdout.readline()
        assert first.startswith("Articles")
        sheet = next(workspace.glob("10-*.toml"))
        sheet.write_text(
            sheet.read_text(encoding="utf-8").replace('status = "unstarted"', 'status = "in-progress"'),
            encoding="utf-8",
        )
        seen = ""
        deadline = time.monotonic() + 60
        while "│ 10 │ in-progress" not in seen and time.monotonic() < deadline:
            seen += proc.stdout.readline()
        assert "│ 10 │ in-progress" in seen
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            out, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()  # never left running after the test
            raise
    assert proc.returncode == 0
    assert err == ""


def test_watch_json_writes_a_line_of_json_for_each_state(workspace):
    """`status --watch --json` (it printed tables): one line of JSON at once, another after a
    hand edit, so a script can read a line at a time; Ctrl-C ends it with exit 0."""
    import os
    import signal
    import subprocess
    import sys

    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "factcheck",
            "status",
            "--watch",
            "--json",
            "--interval",
            "0.2",
            "--dir",
            str(workspace.parent),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as in the test above
    )
    try:
        first = json.loads(proc.stdout.readline())
        assert first["articles"][0]["by_status"]["unstarted"] == 22
        sheet = next(workspace.glob("10-*.toml"))
        sheet.write_text(
            sheet.read_text(encoding="utf-8").replace('status = "unstarted"', 'status = "in-progress"'),
            encoding="utf-8",
        )
        second = json.loads(proc.stdout.readline())
        assert second["articles"][0]["by_status"]["in-progress"] == 1
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            out, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    assert proc.returncode == 0
    assert err == ""


def large_workspace(workspace, copies: int) -> None:
    """``copies`` more folders of the example article: 22 statements each."""
    import shutil

    for n in range(1, copies + 1):
        shutil.copytree(workspace, workspace.parent / f"{n:02d}-{workspace.name[:30]}")


def test_a_large_workspace_shows_what_to_check_next(run, workspace):
    large_workspace(workspace, 9)  # 10 articles, 220 statements
    sheet = next((workspace.parent / f"03-{workspace.name[:30]}").glob("21-*.toml"))
    sheet.write_text(
        sheet.read_text(encoding="utf-8").replace('status = "unstarted"', 'status = "not-checkable"'), encoding="utf-8"
    )
    out = run("status").stdout
    lines = [line.rstrip() for line in out.splitlines()]
    assert lines[0] == (
        "Articles with open work: 10 of 10, most open first (10 articles in all; --summary lists every one)"
    )
    assert lines[1].startswith("┏")
    next_title = next(i for i, line in enumerate(lines) if line.startswith("Next to check"))
    articles = [line.split("│")[1].strip() for line in lines[:next_title] if "%" in line]
    assert len(articles) == 10
    assert articles[-1].startswith("03-us-accuses")  # a finished statement: the least open work, last
    assert lines[next_title] == (
        "Next to check: 20 of 219 unfinished statements, highest priority first (factcheck show ID)"
    )
    rows = [line for line in lines[next_title:] if line.startswith("│ ")]
    assert len(rows) == 20
    assert all("/21 │ unstarted" in row for row in rows[:9])  # the top statement of each open copy
    assert lines[-2:] == [
        "200 more of 220 statements not listed: --all lists every one; --article, --status and --assignee",
        "narrow the list",
    ]


def test_a_large_workspace_lists_everything_on_request(run, workspace):
    large_workspace(workspace, 9)
    every = run("status", "--all").stdout
    assert every.count("(factcheck show ID)") == 10
    assert sum(1 for line in every.splitlines() if line.startswith("│ ") and "0." in line) == 220
    narrowed = run("status", "--article", "03-").stdout  # one article: the table as for a small workspace
    assert narrowed.splitlines()[0].rstrip() == "Articles"
    assert narrowed.count("(factcheck show ID)") == 1
    assert len(json_statements(run("status", "--json"))) == 220  # scripts always get every row


def json_statements(result) -> list:
    import json

    return json.loads(result.stdout)["statements"]


def test_the_next_to_check_ids_are_what_show_takes(run, workspace):
    large_workspace(workspace, 9)
    lines = run("status").stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Next to check"))
    ids = [line.split("│")[2].strip() for line in lines[start:] if line.startswith("│ ")]
    assert ids[:3] == ["01-us/21", "02-us/21", "03-us/21"]
    for statement_id in ids:
        slug_part, number = statement_id.split("/")
        shown = run("show", statement_id)
        assert shown.exit_code == 0, shown.stderr
        assert slug_part in shown.stdout.split("/", 1)[0]


def test_an_article_beside_its_namesake_gets_a_short_id_that_show_takes(run, workspace):
    """Two articles with one headline ("slug" and "slug-2") and a long slug: the Next to check ID
    used to be the whole 60-character slug, which pushed the table past 100 columns and cut it."""
    import shutil

    long = workspace.parent / "a-very-long-headline-about-the-wagner-group-and-north-korean-arms"
    workspace.rename(long)
    shutil.copytree(long, long.parent / (long.name + "-2"))
    large_workspace(long, 8)
    lines = run("status").stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Next to check"))
    ids = {line.split("│")[2].strip() for line in lines[start:] if line.startswith("│ ")}
    assert {"arms/21", "arms-2/21"} <= ids
    assert all(len(line) <= 100 for line in lines)
    assert not any("…" in line.split("│")[2] for line in lines[start:] if line.startswith("│ "))
    for statement_id, folder in (("arms/21", long.name), ("arms-2/21", long.name + "-2")):
        shown = run("show", statement_id)
        assert shown.exit_code == 0, shown.stderr
        assert shown.stdout.startswith(folder + "/21-"), shown.stdout[:120]


def test_short_article_ids():
    from factcheck.reporting.views import short_article_ids

    slugs = {
        "us-accuses-wagner-group",
        "us-accuses-wagner-group-2",
        "us-accuses-wagner-group-10",
        "council-passes-budget",
        "budget-2027",
    }
    assert short_article_ids(slugs, slugs) == {
        "us-accuses-wagner-group": "group",  # inside "-2" and "-10", but only this one ends with it
        "us-accuses-wagner-group-2": "group-2",
        "us-accuses-wagner-group-10": "group-10",
        "council-passes-budget": "council",
        "budget-2027": "budget-2027",  # "budget" is in another slug, and never digits alone
    }


def test_an_invalid_rating_or_an_erroring_worksheet_is_no_progress(run, small):
    """The issue: `rating = "False"` (which `check` rejects) counted as a finished verdict."""
    second = small / "02-the-city-council-raised-parking-fines.toml"
    edit(second, 'status = "unstarted"', 'status = "done"')
    edit(second, 'rating = ""', 'rating = "False"')
    edit(second, "# [[sources]]", '[[sources]]\nurl = "https://example.org/minutes"\n# [[sources]]')
    data = json.loads(run("status", "--json").stdout)
    article = data["articles"][0]
    assert (article["finished"], article["progress"], article["ratings"], article["with_errors"]) == (0, 0.0, {}, 1)
    assert article["by_status"]["done"] == 1  # what the files say, beside what counts
    assert [r["errors"] for r in data["statements"]] == [0, 1, 0]
    out = plain(run("status").stdout)
    assert "│ council-raises-parking-fines                   │     3 │ ░░░░░░░░░░   0% │ 2 unstarted │ -       │" in out
    assert "│ 02 │ done (1 error) │ False  │" in out
    edit(second, 'rating = "False"', 'rating = "false"')
    article = json.loads(run("status", "--json").stdout)["articles"][0]
    assert (article["finished"], article["ratings"]) == (1, {"false": 1})


def test_filters_match_whatever_the_case(run, small):
    """The issue: `--assignee Ana` found nothing when the file says `ana`."""
    edit(small / "03-councillor-ann-lee-said-the-change.toml", 'assignee = ""', 'assignee = "ana"')
    for args in (
        ["--assignee", "Ana"],
        ["--assignee", "ANA"],
        ["--status", "UNSTARTED", "--assignee", "ana"],
        ["--article", "COUNCIL", "--assignee", "ana"],
    ):
        data = json.loads(run("status", "--json", *args).stdout)
        assert [r["id"].split("/")[1][:2] for r in data["statements"]] == ["03"], args
    result = run("status", "--status", "Done")
    assert result.exit_code == 0 and "│ 0" not in plain(result.stdout).split("(factcheck show ID)")[-1]


def test_show_of_a_broken_worksheet_prints_the_problem_and_fails(run, small):
    """The issue: `show` on a worksheet that does not parse printed an empty form with
    `priority 0.00` and exited 0."""
    (small / "04-broken.toml").write_text('status = "done\n', encoding="utf-8")
    result = run("show", "04")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f'worksheets/{SLUG}/04-broken.toml:1:10: error: TOML syntax: the value of `status` has no closing ": '
        'end it with " on the same line (text over several lines goes between """ and """)\n'
    )


def test_a_number_two_articles_share_names_the_one_of_the_folder_you_are_in(run, small, monkeypatch):
    """`show 02` in a workspace of two articles is ambiguous from the workspace's top, and names
    the worksheet of the article folder the command runs in, as a file name would there."""
    other = small.parent / "another-article"
    shutil.copytree(small, other)
    assert run("show", "02").stderr.startswith("Error: '02' matches 2 statements")
    monkeypatch.chdir(other)
    result = run("show", "02", "--dir", str(small.parent))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("another-article/02-")


def test_a_priority_or_status_a_hand_edit_broke_is_shown_as_written(run, small):
    """`priority = "high"` showed as 0.00 and a missing status as " (1 error)"."""
    first = small / "01-council-raises-parking-fines.toml"
    text = first.read_text(encoding="utf-8")
    priority = next(line for line in text.splitlines() if line.startswith("priority = "))
    text = text.replace(priority, 'priority = "high"').replace('status = "unstarted"\n', "")
    first.write_text(text, encoding="utf-8")
    out = plain(run("status").stdout)
    row = next(line for line in out.splitlines() if line.startswith("│ 01 │"))
    assert row.startswith("│ 01 │ - (2 errors) │ -      │ high │")
    assert any(line.split() == ["priority", "high"] for line in run("show", "01").stdout.splitlines())


def test_an_article_filter_that_matches_nothing_is_an_error(run, small):
    result = run("status", "--article", "nomatch")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "Error: no article matches --article 'nomatch'; articles: council-raises-parking-fines\n"
    assert run("status", "--json", "--article", "nomatch").exit_code == 1
    assert run("status", "--article", "COUNCIL", "--summary").stdout.count("council-raises-parking-fines") == 1


def test_a_whole_slug_names_that_article_not_the_one_with_the_same_headline(run, small):
    """`--article SLUG` also took `SLUG-2` (another outlet's article with the same headline), so
    an export of one article published the other's verdicts."""
    shutil.copytree(small, small.parent / f"{SLUG}-2")
    data = json.loads(run("status", "--json", "--article", SLUG).stdout)
    assert [a["slug"] for a in data["articles"]] == [SLUG]
    data = json.loads(run("status", "--json", "--article", "council").stdout)  # part of a slug: both
    assert [a["slug"] for a in data["articles"]] == [SLUG, f"{SLUG}-2"]
    rows = run("export", "-f", "csv", "--article", SLUG).stdout.splitlines()[1:]
    assert rows and all(row.split(",")[1] == f'"{SLUG}"' for row in rows)


def test_show_gives_the_whole_id_on_a_narrow_terminal(run, workspace, monkeypatch):
    """The id was folded onto a second line at 80 columns: it is what a checker copies."""
    monkeypatch.setenv("COLUMNS", "40")
    first = run("show", "10").stdout.splitlines()[0]
    assert first == f"{workspace.name}/10-kirby-said-the-us-would-impose"
