"""Every bad input to `init` is one clear line on stderr and exit code 1, never a traceback."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "setup, arg, message",
    [
        (None, "missing.txt", "Error: missing.txt: no such file; check the path, or use - to read stdin"),
        ("dir", "adir", "Error: adir is a directory; give the article file inside it"),
        (b"", "a.txt", "Error: a.txt is empty; give an article with some text in it"),
        (b" \n\t \n", "a.txt", "Error: a.txt is empty; give an article with some text in it"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "a.txt",
            "Error: a.txt looks like a binary file, not an article; give a text file",
        ),
        (
            b"Text \x81\x8d\x8f",
            "a.txt",
            "Error: a.txt: not UTF-8 text (byte 5) and not cp1252 either; re-save it as UTF-8",
        ),
    ],
)
def test_bad_article(run, tmp_path, setup, arg, message):
    if setup == "dir":
        (tmp_path / arg).mkdir()
    elif setup is not None:
        (tmp_path / arg).write_bytes(setup)
    result = run("init", arg)
    assert result.exit_code == 1
    assert result.stderr == message + "\n"
    assert result.stdout == ""
    assert not (tmp_path / "worksheets").exists()


def test_empty_stdin(run):
    result = run("init", "-", input=b"")
    assert result.exit_code == 1
    assert result.stderr == "Error: stdin is empty; give an article with some text in it\n"


def test_cp1252_is_read_with_a_notice(run, tmp_path):
    (tmp_path / "win.txt").write_bytes(
        "Council raises fines\n\n“The fines rose 40% in March,” the mayor said.\n".encode("cp1252")
    )
    result = run("init", "win.txt", "--dry-run", "--json")
    assert result.exit_code == 0
    assert result.stderr == "Notice: win.txt is not UTF-8; read it as Windows-1252 (cp1252)\n"
    assert "“The fines rose 40% in March,” the mayor said." in result.stdout


def test_unknown_status_filter(run, workspace):
    result = run("status", "--status", "finished")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: --status 'finished' is not a status; use one of: unstarted, in-progress, "
        "needs-review, done, not-checkable\n"
    )


def test_workspace_that_is_a_file(run, tmp_path):
    (tmp_path / "ws").write_text("")
    for command in ("status", "check"):
        result = run(command, "--dir", "ws")
        assert result.exit_code == 1
        assert result.stderr == "Error: ws is a file, not a workspace folder; pass --dir with a folder\n"


@pytest.mark.parametrize(
    "args, message",
    [
        (["init"], "Error: Missing argument 'ARTICLE' (see `factcheck init --help`)\n"),
        (
            ["init", "a.txt", "--min-priority", "2"],
            "Error: Invalid value for '--min-priority': 2.0 is not in the range 0.0<=x<=1.0 "
            "(see `factcheck init --help`)\n",
        ),
        (
            ["status", "--sort", "size"],
            "Error: Invalid value for '--sort': 'size' is not one of 'id', 'priority', 'status' "
            "(see `factcheck status --help`)\n",
        ),
        (["chek"], "Error: No such command 'chek'. Did you mean 'check', 'schema'? (see `factcheck --help`)\n"),
    ],
)
def test_usage_mistakes_are_one_line(tmp_path, args, message):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PATH": "", "COLUMNS": "200", "TERM": "dumb"},
    )
    assert result.returncode == 2
    assert result.stderr == message
    assert result.stdout == ""


def test_bare_command_shows_help(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "factcheck"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("Usage: factcheck [OPTIONS] COMMAND [ARGS]...")


@pytest.mark.parametrize(
    "args",
    [
        ["status"],
        ["status", "--json"],
        ["show", "10"],
        ["check", "--json"],
        ["export"],
        ["export", "-f", "json"],
        ["search", "--json", "Wagner"],
        ["search", "--batch", "-"],
        ["init", "ARTICLE", "--dry-run", "--json"],
        ["--version"],
        ["status", "--help"],
        [],
    ],
)
def test_a_reader_that_stops_reading_ends_the_command_quietly(workspace, tmp_path, args):
    """`factcheck status --json | head`: stdout's reader has gone. Nothing on stderr (no "Error:
    Broken pipe", no traceback), exit code 1 whatever wrote it (rich's tables, plain JSON,
    typer's help): the output is not complete, as the Python docs advise for SIGPIPE."""
    import os
    import subprocess
    import sys

    from .conftest import EXAMPLE

    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader stopped before the first byte: every write finds it gone
    try:
        result = subprocess.run(
            [sys.executable, "-m", "factcheck", *[str(EXAMPLE) if a == "ARTICLE" else a for a in args]],
            stdout=write_end,
            stderr=subprocess.PIPE,
            input=b"Wagner\nNorth Korea\n",
            cwd=tmp_path,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (1, b"")
