"""Files that are not what they seem, wherever a file is read: a worksheet that is a symlink to
/dev/zero or a FIFO, nesting hundreds deep, article texts that are not UTF-8, values of the wrong
type where `show` or `export` use them, settings that would break the output, escape sequences
meant for the terminal, `export -o` at a device, and text that mixes encodings or line
separators. Each ends in a result or in one line on stderr and a non-zero exit; never a
traceback, never a hang (a cap guards the ones that used to hang)."""

from __future__ import annotations

import json
import os
import re

import pytest

from factcheck.reading.article import decode

from .adversarial import Hang, cap
from .conftest import EXAMPLE

READERS = [["check"], ["status"], ["status", "--json"], ["show", "10"], ["export"], ["export", "-f", "json"]]
SHEET = "10-kirby-said-the-us-would-impose.toml"


def one_line_error(result, *, containing: str = "") -> None:
    assert result.exit_code != 0, result.stdout
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, result.stderr
    assert containing in result.stderr


def guarded(run, *args, seconds: float = 20.0):
    try:
        with cap(seconds):
            return run(*args)
    except Hang:
        pytest.fail(f"`factcheck {' '.join(args)}` ran past {seconds} s")


# --------------------------------------------------------------------------------------------
# Worksheets that are not regular files


@pytest.mark.parametrize("kind", ["dev-zero", "fifo"])
@pytest.mark.parametrize("command", READERS, ids=" ".join)
def test_a_worksheet_that_is_not_a_regular_file_is_a_problem_not_a_hang(run, workspace, kind, command):
    sheet = workspace / "23-not-a-file.toml"
    if kind == "dev-zero":
        sheet.symlink_to("/dev/zero")
    else:
        os.mkfifo(sheet)
    result = guarded(run, *command)
    if command[0] == "check":
        assert result.exit_code == 1
        assert (
            f"23-not-a-file.toml: error: not a regular file ({'a character device' if kind == 'dev-zero' else 'a FIFO'})"
            in result.stdout
        )
    elif command[0] == "show":
        assert result.exit_code == 0, result.stderr  # another worksheet is still shown
    elif command[0] == "export":
        assert "23-not-a-file" in result.stderr  # left out, and said so
    else:
        assert result.exit_code == 0, result.stderr


def test_a_huge_worksheet_is_a_problem(run, workspace):
    (workspace / "23-huge.toml").write_bytes(b'text = "' + b"a" * (5 * 2**20) + b'"\n')
    result = run("check")
    assert result.exit_code == 1
    assert "23-huge.toml: error: 5.0 MB, too large for a worksheet (at most 1 MB)" in result.stdout


@pytest.mark.parametrize("kind", ["dev-zero", "fifo"])
@pytest.mark.parametrize(
    "name", ["article.txt", "article.toml", "factcheck.toml", "worksheet.schema.json", "factcheck.schema.json"]
)
def test_an_article_file_settings_or_schema_that_is_not_a_file_does_not_hang(run, workspace, name, kind):
    path = (workspace if name.startswith("article.") else workspace.parent) / name
    path.unlink(missing_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    if not name.endswith(".json"):
        assert "not a regular file" in guarded(run, "check").stdout
    # (init and add last: they may put a regular file back in its place)
    for command in (
        ["check"],
        ["status"],
        ["show", "10"],
        ["export", "-f", "json"],
        ["schema"],
        ["init", str(EXAMPLE)],
        ["add", "Wagner was previously added to a US trade blacklist in 2017."],
    ):
        result = guarded(run, *command)
        assert "Traceback" not in result.stderr
        assert result.exit_code in (0, 1), (command, result.stderr)


def test_an_article_given_as_a_device_or_huge_is_one_line(run, tmp_path):
    result = guarded(run, "init", "/dev/zero")
    one_line_error(result, containing="larger than")


# --------------------------------------------------------------------------------------------
# Nesting


def deep(kind: str, depth: int) -> str:
    if kind == "array":
        return "notes = " + "[" * depth + "1" + "]" * depth + "\n"
    if kind == "inline table":
        return "notes = " + "{a = " * depth + "1" + "}" * depth + "\n"
    return "".join(f"[{'.'.join(['t'] * (i + 1))}]\nx = 1\n" for i in range(depth))  # dotted tables


@pytest.mark.parametrize("kind", ["array", "inline table", "tables"])
@pytest.mark.parametrize("command", READERS, ids=" ".join)
def test_deep_nesting_is_a_problem_not_a_recursion_error(run, workspace, kind, command):
    sheet = workspace / SHEET
    sheet.write_text(sheet.read_text(encoding="utf-8") + deep(kind, 350), encoding="utf-8")
    result = run(*command)
    assert "Traceback" not in result.stderr
    if command[0] == "check":
        assert result.exit_code == 1
        assert re.search(rf"{SHEET}(:\d+:\d+)?: error: .*nested", result.stdout), result.stdout
    elif command[0] == "show":
        assert result.exit_code == 1 and "nested" in result.stderr


def test_nesting_a_worksheet_needs_is_fine(run, workspace):
    sheet = workspace / SHEET
    sheet.write_text(sheet.read_text(encoding="utf-8") + deep("array", 20), encoding="utf-8")
    result = run("check")
    assert "nested" not in result.stdout


# --------------------------------------------------------------------------------------------
# Article texts that are not UTF-8


@pytest.mark.parametrize("command", READERS + [["init", str(EXAMPLE)]], ids=" ".join)
def test_an_article_text_not_utf8_is_one_problem(run, workspace, command):
    (workspace / "article.txt").write_bytes(b"Caf\xe9 \xff\xfe broken\n")
    result = run(*command)
    assert "Traceback" not in result.stderr
    if command[0] == "check":
        assert result.exit_code == 1
        assert "article.txt: error: not UTF-8 (byte 3); run `factcheck init` on the article again" in result.stdout
    if command[0] == "init":
        assert result.exit_code == 0, result.stderr  # the text is saved again, as UTF-8
    if command[0] == "show":  # the worksheet is shown, with what is wrong under it
        assert result.exit_code == 0, result.stderr
        assert "article.txt: error: not UTF-8 (byte 3)" in " ".join(result.stdout.split())  # (wrapped at 100)


def test_a_kept_version_not_utf8_is_one_problem(run, workspace):
    sheet = workspace / SHEET
    text = sheet.read_text(encoding="utf-8").replace('version = "34035770"', 'version = "deadbeef"')
    sheet.write_text(text, encoding="utf-8")
    (workspace / "versions").mkdir()
    (workspace / "versions" / "deadbeef.txt").write_bytes(b"\xff\xfe\xfd")
    for command in READERS:
        result = run(*command)
        assert "Traceback" not in result.stderr
    out = run("check").stdout
    assert "versions/deadbeef.txt: error: not UTF-8 (byte 0)" in out


# --------------------------------------------------------------------------------------------
# Values of the wrong type where a command uses them


@pytest.mark.parametrize(
    "key, value",
    [
        ("before", "7"),
        ("after", "[1, 2]"),
        ("before", "{a = 1}"),
        ("start", '"x"'),
        ("paragraph", "true"),
        ("version", "7"),
    ],
)
def test_show_prints_location_values_of_any_type(run, workspace, key, value):
    sheet = workspace / SHEET
    text = re.sub(rf"(?m)^{key} = .*$", f"{key} = {value}", sheet.read_text(encoding="utf-8"), count=1)
    sheet.write_text(text, encoding="utf-8")
    result = run("show", "10")
    assert result.exit_code == 0, result.stderr
    assert "Kirby said the US would impose" in result.stdout


# --------------------------------------------------------------------------------------------
# Settings that would break the output


def done(workspace) -> None:
    sheet = workspace / SHEET
    text = sheet.read_text(encoding="utf-8").replace('status = "unstarted"', 'status = "done"')
    text = text.replace('rating = ""', 'rating = "true"').replace('conclusion = ""', 'conclusion = "It did."')
    text = text.replace('date = ""', 'date = "2023-01-26"')
    text += '\n[[sources]]\nurl = "https://home.treasury.gov/news"\ntitle = "Treasury"\n'
    sheet.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("template", ["{slug}", "{0}", "{", "}", "{url.__class__}", "{number:>{width}}", "{url!r}"])
def test_a_review_url_template_that_cannot_work_is_reported_not_raised(run, workspace, template):
    done(workspace)
    (workspace.parent / "factcheck.toml").write_text(
        f'[publisher]\nname = "Checkers"\nurl = "https://checkers.example"\nreview_url = "{template}"\n',
        encoding="utf-8",
    )
    result = run("export", "-f", "claimreview")
    assert "Traceback" not in result.stderr
    assert result.exit_code == 1
    assert "review_url" in result.stderr
    check = run("check")
    assert check.exit_code == 1 and "factcheck.toml: error: [publisher] review_url" in check.stdout


def test_a_review_url_with_the_known_fields_works(run, workspace):
    done(workspace)
    (workspace.parent / "factcheck.toml").write_text(
        '[publisher]\nname = "Checkers"\nurl = "https://checkers.example"\n'
        'review_url = "{url}/c/{article}/{number}?id={id}"\n',
        encoding="utf-8",
    )
    result = run("export", "-f", "claimreview")
    assert result.exit_code == 0, result.stderr
    review = json.loads(result.stdout)
    review = review[0] if isinstance(review, list) else review
    assert review["url"].startswith("https://checkers.example/c/us-accuses-north-korea")


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", '"5"', "true", "[5]"])
def test_a_rating_value_that_is_not_a_finite_number_is_reported(run, workspace, value):
    done(workspace)
    (workspace.parent / "factcheck.toml").write_text(
        '[publisher]\nname = "Checkers"\nurl = "https://checkers.example"\n'
        f'[[ratings]]\nname = "true"\nvalue = {value}\n[[ratings]]\nname = "false"\nvalue = 1\n',
        encoding="utf-8",
    )
    check = run("check")
    assert check.exit_code == 1
    assert "factcheck.toml: error: [[ratings]]" in check.stdout
    result = run("export", "-f", "claimreview")
    assert "Traceback" not in result.stderr
    if result.exit_code == 0:
        json.loads(result.stdout)  # valid JSON: no NaN, no Infinity


@pytest.mark.parametrize(
    "settings, message",
    [
        ('[statuses]\nnames = "done"\n', "[statuses]"),
        ('[statuses]\nnames = ["a", 1]\n', "[statuses]"),
        ("[statuses]\nnames = []\nfinished = []\n", "[statuses]"),
        ("[[ratings]]\nname = 5\n", "[[ratings]]"),
        ('[[ratings]]\nname = "x"\nlabel = 5\n', "[[ratings]]"),
        ('[[ratings]]\nname = "x"\nvalue = 1\n[[ratings]]\nname = "x"\nvalue = 2\n', "[[ratings]]"),
        ("ratings = 5\n", "[[ratings]]"),
        ('[rules]\nmin_sources_for_done = "2"\n', "[rules]"),
        ("rules = 5\n", "`rules` must be a table ([rules])"),
        ("[publisher]\nname = 5\n", "`name` must be a string in quotes in [publisher]"),
        ('[publisher]\nlanguage = ["en"]\n', "`language` must be a string in quotes in [publisher]"),
        ("publisher = 5\n", "`publisher` must be a table ([publisher])"),
        ("statuses = 5\n", "`statuses` must be a table ([statuses])"),
    ],
)
def test_settings_of_the_wrong_type_are_reported_and_every_command_runs(run, workspace, settings, message):
    (workspace.parent / "factcheck.toml").write_text(settings, encoding="utf-8")
    check = run("check")
    assert check.exit_code == 1
    assert f"factcheck.toml: error: {message}" in check.stdout
    for command in READERS:
        result = run(*command)
        assert "Traceback" not in result.stderr


# --------------------------------------------------------------------------------------------
# What reaches the terminal


ESCAPES = "\x1b]0;pwned\x07\x1b[31mRED\x1b[0m\x9b2J\x08\r"


def hostile(workspace) -> None:
    sheet = workspace / SHEET
    text = sheet.read_text(encoding="utf-8")
    escaped = json.dumps(ESCAPES)[1:-1]  # TOML's basic strings take JSON's \u escapes
    text = text.replace('notes = ""', f'notes = "{escaped}"').replace('assignee = ""', f'assignee = "{escaped}"')
    text = text.replace('status = "unstarted"', f'status = "x{escaped}"')
    text = text.replace("[location]", f'"key{escaped}" = 1\n\n[location]')
    sheet.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    "command", [["check"], ["status"], ["show", "10"], ["status", "--json"], ["check", "--json"]], ids=" ".join
)
def test_control_characters_from_files_never_reach_the_terminal(run, workspace, command):
    hostile(workspace)
    result = run(*command)
    for stream in (result.stdout, result.stderr):
        assert "\x1b" not in stream and "\x9b" not in stream and "\x07" not in stream
        assert "\x08" not in stream and "\r" not in stream
    if command == ["show", "10"]:
        assert "\\x1b[31mRED" in result.stdout  # escaped, so the reader sees what is there


def test_control_characters_in_a_file_name_never_reach_the_terminal(run, workspace):
    (workspace / "23-\x1b[31mred.toml").write_text("text = 1\n", encoding="utf-8")
    for command in (["check"], ["status"]):
        result = run(*command)
        assert "\x1b" not in result.stdout + result.stderr


def test_an_error_line_never_carries_control_characters(run, tmp_path):
    result = run("init", "missing-\x1b[31m.txt")
    one_line_error(result, containing="missing-\\x1b[31m.txt")


# --------------------------------------------------------------------------------------------
# export -o


@pytest.mark.parametrize("target", ["fifo", "socket", "directory", "symlink to a device"])
def test_export_writes_only_regular_files(run, workspace, tmp_path, target):
    # (never a real device path: should the check fail, as root the rename would replace it)
    path = tmp_path / "out"
    if target == "fifo":
        os.mkfifo(path)
    elif target == "socket":
        import socket

        listener = socket.socket(socket.AF_UNIX)
        listener.bind(str(path))
    elif target == "directory":
        path.mkdir()
    else:
        path.symlink_to("/dev/null")  # a rename replaces the link, never /dev/null itself
    result = guarded(run, "export", "-o", str(path))
    one_line_error(result, containing="not a regular file" if target != "directory" else "is a folder")
    assert not path.is_file()
    if target == "symlink to a device":
        assert path.is_symlink()


@pytest.mark.parametrize(
    "fmt, name",
    [
        ("markdown", "export.md"),
        ("csv", "export.csv"),
        ("json", "export.json"),
    ],  # (claimreview: claimreview.json, once a publisher is set)
)
def test_export_to_a_folder_suggests_a_file_name_of_its_format(run, workspace, tmp_path, fmt, name):
    result = run("export", "-f", fmt, "-o", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path} is a folder; give a file name, such as {tmp_path / name}\n"


def test_export_dash_is_stdout_and_a_regular_file_is_replaced(run, workspace, tmp_path):
    assert run("export", "-o", "-").stdout.startswith("# ")
    path = tmp_path / "report.md"
    path.write_text("old", encoding="utf-8")
    result = run("export", "-o", str(path))
    assert result.exit_code == 0, result.stderr
    assert path.read_text(encoding="utf-8").startswith("# ")


# --------------------------------------------------------------------------------------------
# Text that mixes encodings or line separators


def test_mixed_utf8_and_cp1252_keeps_the_utf8(tmp_path):
    data = "Café in Zürich – “quoted”".encode() + b" and Caf\xe9 \x93smart\x94"
    text, notices = decode(data, "mixed.txt")
    assert text == "Café in Zürich – “quoted” and Café “smart”"
    assert notices == ["mixed.txt is not all UTF-8; read 3 bytes that are not as Windows-1252 (cp1252)"]


def test_all_cp1252_reads_as_before(tmp_path):
    text, notices = decode("Café “smart” – naïve".encode("cp1252"), "old.txt")
    assert text == "Café “smart” – naïve"
    assert notices and "cp1252" in notices[0]


def test_bytes_neither_utf8_nor_cp1252_are_one_error():
    from factcheck.errors import FactcheckError

    with pytest.raises(FactcheckError, match="not UTF-8 text .* and not cp1252 either"):
        decode(b"ok \x81 not", "odd.txt")


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029"])  # str.splitlines breaks there, TOML does not
def test_line_numbers_count_only_newlines(run, workspace, separator):
    sheet = workspace / SHEET
    text = sheet.read_text(encoding="utf-8").replace('claim = ""', f'claim = "a{separator}b{separator}c"')
    text = text.replace('status = "unstarted"', 'status = "unstartd"')
    sheet.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.split("\n"), 1) if row.startswith("status ="))
    result = run("check")
    assert f"{SHEET}:{line}:1: error: status 'unstartd' is not allowed" in result.stdout


@pytest.mark.parametrize("value", ["2020-01-01", "2020-01-01T10:00:00Z", "10:30:00", "nan", "inf"])
def test_a_date_or_odd_number_where_a_number_goes_keeps_json_valid(run, workspace, value):
    """Found by benchmarks/fuzz.py: a TOML date as `priority` broke `status --json`."""
    sheet = workspace / SHEET
    sheet.write_text(
        re.sub(r"(?m)^priority = .*$", f"priority = {value}", sheet.read_text(encoding="utf-8")), encoding="utf-8"
    )
    for command in (["status", "--json"], ["check", "--json"], ["export", "-f", "json"]):
        result = run(*command)
        assert result.exit_code in (0, 1), result.stderr
        json.loads(result.stdout)


def test_carrying_a_worksheet_splits_lines_as_toml_does():
    from factcheck.workspace.sheetedit import toml_lines

    raw = 'notes = "a\u2028text = \\"x\\"\x85b"\r\ntext = "real"\nend = 1'
    assert toml_lines(raw) == ['notes = "a\u2028text = \\"x\\"\x85b"\r\n', 'text = "real"\n', "end = 1"]
    assert "".join(toml_lines(raw)) == raw
