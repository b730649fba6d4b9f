"""`factcheck check`: every mistake a hand edit can make, reported with file and line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.workspace.settings import Settings, load_settings
from factcheck.workspace.validate import TextCache, load_sheet

from .conftest import EXAMPLE, EXAMPLE_SLUG, line_of

SHEET = "10-kirby-said-the-us-would-impose.toml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(run) -> list[str]:
    result = run("check")
    lines = result.stdout.splitlines()[:-1]
    return [line.split(f"{EXAMPLE_SLUG}/", 1)[1] for line in lines]


def test_shipped_example_is_clean(run, workspace):
    result = run("check")
    assert result.exit_code == 0
    assert result.stdout == "22 worksheets checked: 0 errors, 0 warnings\n"


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            'status = "unstarted"',
            'status = "in progress"',
            f"{SHEET}:{{status}}:1: error: status 'in progress' is not allowed (did you mean in-progress?); "
            "use one of: unstarted, in-progress, needs-review, done, not-checkable",
        ),
        # the beginner's TOML mistakes, said in their words rather than the parser's
        (
            'status = "unstarted"',
            "status = done",
            f'{SHEET}:{{status}}:10: error: TOML syntax: `done` needs quotes: write status = "done"',
        ),
        (  # the word is close to a status: the status is what to write, not the word in quotes
            'status = "unstarted"',
            "status = in progress",
            f'{SHEET}:{{status}}:10: error: TOML syntax: `in progress` needs quotes: write status = "in-progress"',
        ),
        (
            'status = "unstarted"',
            "status = finished",
            f"{SHEET}:{{status}}:10: error: TOML syntax: `finished` needs quotes, and status is one of: unstarted, "
            'in-progress, needs-review, done, not-checkable; write one in quotes, such as status = "unstarted"',
        ),
        (  # a closing quote left out: where the text starts, not "Illegal character '\n'"
            'assignee = ""',
            'assignee = "ana',
            f'{SHEET}:{{assignee}}:12: error: TOML syntax: the value of `assignee` has no closing ": end it '
            'with " on the same line (text over several lines goes between """ and """)',
        ),
        (  # a multi-line string never closed: where it opens, not "at end of document"
            'notes = ""',
            'notes = """\nCalled the press office.',
            f'{SHEET}:{{notes}}:9: error: TOML syntax: the value of `notes` opens """ here and never closes it: '
            'put """ after its last line',
        ),
        (  # a comma left out between two values of a list: where the comma goes, not the next value
            '"prediction",\n',
            '"prediction"\n',
            f"{SHEET}:{{types_first}}:17: error: TOML syntax: the array of `types` (it opens on line {{types}}) "
            "needs a ] after its last value here, or a comma if more values follow",
        ),
        (
            "done = false",
            "done = yes",
            f"{SHEET}:{{done}}:8: error: TOML syntax: `yes` is not a TOML value; write true or false "
            "(lower case, no quotes): done = true",
        ),
        (
            "done = false",
            "done = No  # not yet",
            f"{SHEET}:{{done}}:8: error: TOML syntax: `No` is not a TOML value; write true or false "
            "(lower case, no quotes): done = false",
        ),
        (
            "# [[sources]]",
            '[verdict]\nrating = "true"\n# [[sources]]',
            f"{SHEET}:{{sources}}:9: error: TOML syntax: [verdict] is opened a second time; the first [verdict] "
            "is at line {verdict}: put these keys there and delete this header",
        ),
        (
            'notes = ""',
            'notes = ""\nstatus = "done"',
            f"{SHEET}:{{notes_next}}:16: error: TOML syntax: `status` is set a second time; it is set at line "
            "{status} already: keep one",
        ),
        ('notes = ""', 'nots = ""', f"{SHEET}:{{notes}}:1: error: unknown key `nots`; did you mean `notes`?"),
        (
            'rating = ""',
            'rating = "flase"',
            f"{SHEET}:{{rating}}:1: error: rating 'flase' is not allowed (did you mean false?); "
            "use one of: true, mostly-true, mixed, mostly-false, false, unproven\n"
            f"{SHEET}:{{rating}}:1: error: a rating needs at least one [[sources]] entry",
        ),
        (
            "priority = ",
            'priority = "high"  # was ',
            f"{SHEET}:{{priority}}:1: error: `priority` must be a number from 0 to 1",
        ),
        ("done = false", 'done = "yes"', f"{SHEET}:{{done}}:1: error: `done` must be true or false"),
        (
            'confidence = ""',
            'confidence = "certain"',
            f"{SHEET}:{{confidence}}:1: error: confidence 'certain' is not allowed; use one of: low, medium, high",
        ),
        (
            "start = 1501",
            "start = 1502",
            f"{SHEET}:{{start}}:1: error: `text` is not at 1502:1591 in article version 34035770; "
            "restore the text or the offsets",
        ),
        # a git merge left its markers in (a team shares the workspace through git)
        (
            'status = "unstarted"',
            '<<<<<<< HEAD\nstatus = "in-progress"\n=======\nstatus = "done"\n>>>>>>> main',
            f"{SHEET}:{{status}}:1: error: unresolved git merge conflict: keep the right lines between <<<<<<< "
            "and >>>>>>>, delete the marker lines, then commit",
        ),
        ("start = 1501", "start = true", f"{SHEET}:{{start}}:1: error: `start` must be a whole number"),
        (
            'version = "34035770"',
            'version = "deadbeef"',
            f"{SHEET}:{{version}}:1: error: article version deadbeef is not in "
            f"worksheets/{EXAMPLE_SLUG}; the offsets cannot be checked: restore versions/deadbeef.txt from git, "
            "or run init on the article to carry the worksheet",
        ),
    ],
)
def test_each_mistake_is_one_precise_line(run, workspace, old, new, expected):
    path = workspace / SHEET
    line = {
        key: line_of(path, key)
        for key in (
            "status",
            "assignee",
            "notes",
            "rating",
            "priority",
            "confidence",
            "start",
            "version",
            "done",
            "# [[sources]]",
            "[verdict]",
            "types",
        )
    }
    line.update(sources=line.pop("# [[sources]]"), verdict=line.pop("[verdict]"), notes_next=line["notes"] + 1)
    line.update(types_first=line["types"] + 1)
    edit(path, old, new)
    assert problems(run) == expected.format(**line).split("\n")
    assert run("check").exit_code == 1


def test_done_needs_a_rating_and_a_rating_needs_a_source(run, workspace):
    sheet = workspace / SHEET
    status, rating = line_of(sheet, "status"), line_of(sheet, "rating")
    conclusion, date = line_of(sheet, "conclusion"), line_of(sheet, "date")
    edit(sheet, 'status = "unstarted"', 'status = "done"')
    assert problems(run) == [
        f"{SHEET}:{status}:1: error: status is done but there is no rating; set [verdict] rating",
        f"{SHEET}:{status}:1: warning: done with 0 of the 1 source(s) the workspace asks for; add [[sources]]",
        f"{SHEET}:{status}:1: warning: done with 2 of 2 checks not ticked; confirm each and set done = true, "
        "or delete the ones that do not apply",
        f"{SHEET}:{conclusion}:1: warning: done with no conclusion; write one sentence in [verdict] conclusion "
        "on what the evidence shows",
        f"{SHEET}:{date}:1: warning: done with no verdict date; write the day the verdict was reached in "
        "[verdict] date (YYYY-MM-DD), the date it is published with",
    ]
    edit(sheet, 'conclusion = ""', 'conclusion = "The Treasury sanctioned Wagner on 26 January."')
    edit(sheet, 'date = ""', 'date = "2026-11-24"')
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("done = false", "done = true"), encoding="utf-8")
    assert problems(run) == [
        f"{SHEET}:{status}:1: error: status is done but there is no rating; set [verdict] rating",
        f"{SHEET}:{status}:1: warning: done with 0 of the 1 source(s) the workspace asks for; add [[sources]]",
    ]
    edit(sheet, 'rating = ""', 'rating = "true"')
    assert problems(run) == [f"{SHEET}:{rating}:1: error: a rating needs at least one [[sources]] entry"]
    edit(sheet, "# [[sources]]", '[[sources]]\nnote = "a phone call"\nstanse = "supports"\n# [[sources]]')
    header = line_of(sheet, "[[sources]]")
    assert problems(run) == [
        f"{SHEET}:{header + 2}:1: error: unknown key `stanse` in [sources]; did you mean `stance`?",
        f"{SHEET}:{header}:1: error: a source needs a `url` or a `title`",
    ]
    edit(sheet, 'note = "a phone call"', 'url = "https://example.org"')
    edit(sheet, 'stanse = "supports"', 'stance = "supports"')
    result = run("check")
    assert result.exit_code == 0, result.stdout


def test_json_and_strict(run, workspace):
    notes = line_of(workspace / SHEET, "notes")
    edit(workspace / SHEET, 'notes = ""', 'nots = ""')
    data = json.loads(run("check", "--json").stdout)
    assert data["errors"] == 1 and data["warnings"] == 0 and data["worksheets"] == 22
    assert data["problems"][0] == {
        "path": f"worksheets/{EXAMPLE_SLUG}/{SHEET}",
        "line": notes,
        "column": 1,
        "severity": "error",
        "message": "unknown key `nots`; did you mean `notes`?",
    }


def test_what_editors_write_reads_fine(run, workspace):
    sheet = workspace / SHEET
    text = sheet.read_text(encoding="utf-8").replace('notes = ""', 'notes = "tab\there"   \t')
    sheet.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    before = sheet.read_bytes()
    assert run("check").stdout == "22 worksheets checked: 0 errors, 0 warnings\n"
    assert re.search(r"notes +tab +here", run("show", "10").stdout)
    run("status")
    assert sheet.read_bytes() == before  # status, show and check never rewrite a worksheet


def test_settings_replace_statuses_and_ratings(run, workspace):
    (workspace.parent / "factcheck.toml").write_text(
        '[statuses]\nnames = ["todo", "checking", "published"]\nfinished = ["published"]\n\n'
        '[[ratings]]\nname = "accurate"\nlabel = "Accurate"\nvalue = 5\n\n'
        '[[ratings]]\nname = "wrong"\nlabel = "Wrong"\nvalue = 1\n\n'
        '[rules]\nmin_sources_for_done = 2\n\n[publisher]\nname = "Example Checks"\nurl = "https://example.org"\n',
        encoding="utf-8",
    )
    settings = load_settings(workspace.parent)
    assert settings.statuses == ("todo", "checking", "published")
    assert settings.ratings == (("accurate", 5), ("wrong", 1))
    assert settings.min_sources_for_done == 2
    assert settings.publisher == {"name": "Example Checks", "url": "https://example.org"}
    # editors validate with the schema init wrote for the default statuses until it is rewritten
    assert run("check").stdout.splitlines()[0] == (
        "worksheets/worksheet.schema.json: warning: out of date with factcheck.toml or with this version of "
        "factcheck; `factcheck schema` rewrites it"
    )
    assert run("schema").stdout.startswith("Wrote worksheets/worksheet.schema.json\n")
    out = problems(run)
    assert len(out) == 22  # every worksheet still says "unstarted"
    assert out[0].endswith("use one of: todo, checking, published")
    # the workspace's own finished status needs a verdict and its number of sources
    sheet = workspace / SHEET
    edit(sheet, 'status = "unstarted"', 'status = "published"')
    edit(sheet, 'rating = ""', 'rating = "accurate"')
    edit(sheet, 'conclusion = ""', 'conclusion = "Confirmed."')
    edit(sheet, 'date = ""', "date = 2026-11-24")  # a TOML date does too
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("done = false", "done = true"), encoding="utf-8")
    edit(sheet, "# [[sources]]", '[[sources]]\nurl = "https://example.org/a"\n# [[sources]]')
    mine = [line for line in problems(run) if line.startswith(SHEET)]
    assert mine == [
        f"{SHEET}:{line_of(sheet, 'status')}:1: warning: published with 1 of the 2 source(s) "
        "the workspace asks for; add [[sources]]"
    ]


def test_settings_mistakes_are_reported_and_defaults_stand_in(run, workspace):
    path = workspace.parent / "factcheck.toml"
    path.write_text("[rules]\nmin_source_for_done = 2\n[statuss]\n", encoding="utf-8")
    result = run("check")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [
        "worksheets/factcheck.toml: error: unknown section `statuss`; did you mean `statuses`?",
        "worksheets/factcheck.toml: error: unknown key `min_source_for_done` in [rules]; "
        "did you mean `min_sources_for_done`?",
    ]
    assert load_settings(workspace.parent).statuses == Settings().statuses
    path.write_text("[rules\n", encoding="utf-8")
    assert run("check").stdout.startswith("worksheets/factcheck.toml:1:7: error: TOML syntax")
    assert run("status").exit_code == 0


def test_a_broken_settings_file_comes_first_and_the_schema_is_kept(run, workspace):
    """A team's statuses in a factcheck.toml with a `]` missing: every command that reads it says
    so first, `check` does not advise rewriting the schema, and `schema` refuses to write the
    defaults over the team's."""
    custom = '[statuses]\nnames = ["todo", "doing", "done"]\nfinished = ["done"]\n'
    path = workspace.parent / "factcheck.toml"
    path.write_text(custom, encoding="utf-8")
    assert run("schema").exit_code == 0
    edit(workspace / SHEET, 'status = "unstarted"', 'status = "todo"')
    schema = workspace.parent / "worksheet.schema.json"
    team_schema = schema.read_bytes()
    path.write_text(custom.replace('"done"]\nfinished', '"done"\nfinished'), encoding="utf-8")

    status = run("status", "--summary")
    assert status.exit_code == 0
    lines = [line.rstrip() for line in status.stdout.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("Problems:"))
    assert lines[start : start + 4] == [
        "Problems: 2 errors, 0 warnings (`factcheck check` lists them for scripts)",
        "  factcheck.toml:2:33",
        "    error: TOML syntax: the array of `names` needs a ] after its last value here, or a comma if more",
        "    values follow",
    ]
    problems_json = json.loads(run("status", "--json").stdout)["problems"]
    assert [(p["path"], p["line"], p["message"]) for p in problems_json] == [
        (
            "worksheets/factcheck.toml",
            2,
            "TOML syntax: the array of `names` needs a ] after its last value here, or a comma if more values follow",
        ),
        (
            f"worksheets/{EXAMPLE_SLUG}/{SHEET}",
            line_of(workspace / SHEET, "status"),
            "status 'todo' is not allowed; use one of: unstarted, in-progress, needs-review, done, not-checkable",
        ),
    ]
    check = run("check")
    assert check.exit_code == 1
    assert check.stdout.splitlines()[0] == (
        "worksheets/factcheck.toml:2:33: error: TOML syntax: the array of `names` needs a ] after its last value "
        "here, or a comma if more values follow"
    )
    assert "schema" not in check.stdout

    refused = run("schema")
    assert (refused.exit_code, refused.stdout) == (1, "")
    assert refused.stderr == (
        "Error: worksheets/factcheck.toml:2:33: TOML syntax: the array of `names` needs a ] after its last value "
        "here, or a comma if more values follow; fix factcheck.toml first (the "
        "schemas are made from its statuses and ratings), then run `factcheck schema` again\n"
    )
    assert schema.read_bytes() == team_schema
    assert run("init", str(EXAMPLE)).stderr == ""  # nothing new written: nothing to warn about
    (workspace / SHEET).unlink()
    init = run("init", str(EXAMPLE))  # a worksheet written anew: with the defaults, and it says so
    assert init.exit_code == 0
    assert init.stderr.splitlines()[0] == (
        "Warning: worksheets/factcheck.toml:2:33: TOML syntax: the array of `names` needs a ] after its last value "
        "here, or a comma if more values follow; the new worksheets name the default statuses and ratings until "
        "factcheck.toml is fixed (`factcheck check` lists its mistakes)"
    )
    assert init.stdout.startswith("Wrote 1 worksheet"), init.stdout
    assert schema.read_bytes() == team_schema  # init leaves it alone too
    path.write_text(custom, encoding="utf-8")
    assert run("schema").stdout.startswith("worksheets/worksheet.schema.json and ")  # up to date, as it was kept


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_validator_never_crashes_on_any_bytes(tmp_path, data):
    path = tmp_path / "01-x.toml"
    path.write_bytes(data)
    sheet = load_sheet(path, "a", Settings(), TextCache())
    assert all(p.message for p in sheet.problems)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.dictionaries(
        st.sampled_from(["text", "status", "verdict", "location", "checks", "sources", "priority", "types", "x"]),
        st.recursive(
            st.none().map(lambda _: "") | st.booleans() | st.integers() | st.text(max_size=5),
            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
            max_leaves=6,
        ),
    )
)
def test_validator_never_crashes_on_any_shape(tmp_path, values):
    import tomli_w

    path = tmp_path / "01-x.toml"
    path.write_text(tomli_w.dumps(values), encoding="utf-8")
    load_sheet(path, "a", Settings(), TextCache())


def _with_source(sheet: Path, *lines: str) -> int:
    """Add a [[sources]] table holding ``lines``; returns the line of its header."""
    edit(sheet, "# [[sources]]", "\n".join(("[[sources]]",) + lines) + "\n# [[sources]]")
    all_lines = sheet.read_text(encoding="utf-8").splitlines()
    return max(i for i, text in enumerate(all_lines, 1) if text == "[[sources]]")


@pytest.mark.parametrize(
    "line, message",
    [
        (
            'url = "javascript:alert(document.cookie)"',
            "error: source url 'javascript:alert(document.cookie)' is not a web address; use an http:// or "
            "https:// link",
        ),
        (
            'url = "www.example.org"',
            "error: source url 'www.example.org' has no http:// or https://; write it as https://www.example.org",
        ),
        (
            'url = "file:///etc/passwd"',
            "error: source url 'file:///etc/passwd' is not a web address; use an http:// or https:// link",
        ),
        ('url = "https://"', "error: source url 'https://' names no host; write it as https://host/path"),
        (
            'url = "https://[::1/x"',
            "error: source url 'https://[::1/x' is not a web address a browser can open; copy the address again",
        ),
        (
            'url = "https://example.org/a b"',
            "error: source url 'https://example.org/a b' holds spaces or control characters; copy the address again",
        ),
        ('accessed = "last tuesday"', "error: source accessed 'last tuesday' is not a date; write it as YYYY-MM-DD"),
        ('accessed = "24/11/2026"', "error: source accessed '24/11/2026' is not a date; write it as YYYY-MM-DD"),
        ('accessed = "2026-02-30"', "error: source accessed '2026-02-30' is not a date; write it as YYYY-MM-DD"),
    ],
)
def test_a_source_is_an_http_address_and_its_dates_are_iso_dates(run, workspace, line, message):
    sheet = workspace / SHEET
    header = _with_source(sheet, 'title = "Treasury press release"', line)
    assert problems(run) == [f"{SHEET}:{header + 2}:1: {message}"]
    assert run("check").exit_code == 1


@pytest.mark.parametrize(
    "line",
    [
        'url = "https://home.treasury.gov/news"',
        'url = "HTTP://EXAMPLE.ORG"',
        'accessed = "2026-11-24"',
        "accessed = 2026-11-24",
        'accessed = "2026-11-24T09:30:00Z"',
    ],
)
def test_good_addresses_and_dates_pass(run, workspace, line):
    _with_source(workspace / SHEET, 'title = "Treasury press release"', line)
    assert run("check").exit_code == 0


def test_a_verdict_date_is_an_iso_date(run, workspace):
    sheet = workspace / SHEET
    edit(sheet, 'date = ""', 'date = "last tuesday"')
    assert problems(run) == [
        f"{SHEET}:{line_of(sheet, 'date')}:1: error: verdict date 'last tuesday' is not a date; write it as YYYY-MM-DD"
    ]


def test_check_stops_unfinished_work(run, workspace):
    """`done` with none of its checks ticked, no conclusion, no date and the same source twice:
    each a warning, and --strict fails on them."""
    sheet = workspace / SHEET
    edit(sheet, 'status = "unstarted"', 'status = "done"')
    edit(sheet, 'rating = ""', 'rating = "true"')
    first = _with_source(sheet, 'url = "https://home.treasury.gov/news/press-releases"')
    second = _with_source(sheet, 'url = "https://HOME.treasury.gov/news/press-releases/"')
    status, conclusion, date = (line_of(sheet, key) for key in ("status", "conclusion", "date"))
    assert first < second
    assert problems(run) == [
        f"{SHEET}:{second}:1: warning: source 2 repeats source 1 (home.treasury.gov/news/press-releases); keep one",
        f"{SHEET}:{status}:1: warning: done with 2 of 2 checks not ticked; confirm each and set done = true, "
        "or delete the ones that do not apply",
        f"{SHEET}:{conclusion}:1: warning: done with no conclusion; write one sentence in [verdict] conclusion "
        "on what the evidence shows",
        f"{SHEET}:{date}:1: warning: done with no verdict date; write the day the verdict was reached in "
        "[verdict] date (YYYY-MM-DD), the date it is published with",
    ]
    assert run("check").exit_code == 0
    strict = run("check", "--strict")
    assert strict.exit_code == 1
    assert strict.stdout.splitlines()[-1] == "22 worksheets checked: 0 errors, 4 warnings"


def test_a_source_without_an_address_repeats_by_title(run, workspace):
    sheet = workspace / SHEET
    _with_source(sheet, 'title = "Phone call with the Treasury"')
    second = _with_source(sheet, 'title = "phone call with the  treasury"')
    assert problems(run) == [
        f"{SHEET}:{second}:1: warning: source 2 repeats source 1 (phone call with the treasury); keep one"
    ]


def test_not_checkable_needs_no_ticked_checks(run, workspace):
    edit(workspace / SHEET, 'status = "unstarted"', 'status = "not-checkable"')
    assert run("check", "--strict").exit_code == 0


def test_status_and_show_give_the_same_friendly_toml_message(run, workspace):
    sheet = workspace / SHEET
    edit(sheet, 'status = "unstarted"', "status = done")
    message = 'error: TOML syntax: `done` needs quotes: write status = "done"'
    assert message in run("status").stdout
    shown = run("show", "10")
    assert message in " ".join((shown.stdout + shown.stderr).split())


@pytest.mark.parametrize(
    "text, where, message",
    [
        ('x = ["a" "b"]\n', (1, 9), "the array of `x` needs a ]"),  # a comma left out on one line
        ('x = [\r\n  "a"\r\n  "b",\r\n]\r\n', (2, 6), "the array of `x` (it opens on line 1) needs a ]"),
        ('names = ["a", "b"\n# a comment\nfinished = ["a"]\n', (1, 18), "the array of `names` needs a ]"),
        ('x = ["a#1", "b"  # a note\n\n[y]\n', (1, 16), "the array of `x` needs a ]"),
        ("t = {a = 1, b = 2\n", (1, 18), "the inline table of `t` needs a }"),
    ],
)
def test_a_list_left_open_is_reported_where_its_bracket_or_comma_goes(text, where, message):
    import tomllib

    from factcheck.workspace.syntax import toml_syntax_problem

    with pytest.raises(tomllib.TOMLDecodeError) as exc:
        tomllib.loads(text)
    problem = toml_syntax_problem(Path("t.toml"), exc.value, text)
    assert (problem.line, problem.column) == where
    assert problem.message.startswith("TOML syntax: " + message)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_any_bracket_or_comma_left_out_is_one_problem_inside_the_file(data):
    """Take one `]`, `}` or `,` out of a real worksheet (with an inline table and a list on one
    line added): whatever tomllib then says, the problem names a line of the file."""
    import tomllib

    from factcheck.workspace.syntax import toml_syntax_problem

    text = (Path(__file__).parent.parent / "worksheets" / EXAMPLE_SLUG / SHEET).read_text(encoding="utf-8")
    text += '\n[[sources]]\nurl = "https://example.org"  # a note, with [brackets], too\nextra = {a = 1, b = [2, 3]}\n'
    marks = [i for i, ch in enumerate(text) if ch in "],}"]
    at = data.draw(st.sampled_from(marks))
    broken = text[:at] + text[at + 1 :]
    try:
        tomllib.loads(broken)
    except tomllib.TOMLDecodeError as exc:
        problem = toml_syntax_problem(Path("x.toml"), exc, broken)
        assert problem.message
        assert problem.line is None or 1 <= problem.line <= broken.count("\n") + 1
