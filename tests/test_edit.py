"""`factcheck edit ID`: the worksheet opens in $VISUAL or $EDITOR, is checked when the editor
closes, and on an error the person is offered to reopen it. The editor here is a script that
makes the next of a list of edits each time it runs, as a person would."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLE_SLUG, line_of

SHEET = "10-kirby-said-the-us-would-impose.toml"
EDITOR = """\
import json, sys
from pathlib import Path
queue = Path(sys.argv[1])
edits = json.loads(queue.read_text())
old, new = edits.pop(0)
queue.write_text(json.dumps(edits))
path = Path(sys.argv[2])
text = path.read_text(encoding="utf-8")
assert old in text, old
path.write_text(text.replace(old, new, 1), encoding="utf-8")
"""


@pytest.fixture
def editor(tmp_path, monkeypatch):
    """Sets $EDITOR to the script; call it with the edits to make, one per run."""
    script = tmp_path / "editor.py"
    script.write_text(EDITOR, encoding="utf-8")
    queue = tmp_path / "edits.json"
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", shlex.join([sys.executable, str(script), str(queue)]))

    def plan(*edits: tuple[str, str]) -> Path:
        queue.write_text(json.dumps(list(edits)), encoding="utf-8")
        return queue

    return plan


def test_a_clean_edit_is_checked_on_close(run, workspace, editor):
    queue = editor(('status = "unstarted"', 'status = "in-progress"'))
    result = run("edit", "10")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"worksheets/{EXAMPLE_SLUG}/{SHEET}: no problems\n"
    assert json.loads(queue.read_text()) == []
    assert 'status = "in-progress"' in (workspace / SHEET).read_text(encoding="utf-8")


def test_an_error_offers_to_reopen_and_the_second_edit_fixes_it(run, workspace, editor):
    status = line_of(workspace / SHEET, "status")
    editor(('status = "unstarted"', "status = done"), ("status = done", 'status = "in-progress"'))
    result = run("edit", "10", input="y\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"worksheets/{EXAMPLE_SLUG}/{SHEET}:{status}:10: error: TOML syntax: `done` needs quotes: write "
        'status = "done"\n'
        "1 error; open it again to fix? [Y/n]: y\n"  # the runner echoes the answer typed
        f"worksheets/{EXAMPLE_SLUG}/{SHEET}: no problems\n"
    )


def test_declining_to_reopen_leaves_the_file_and_fails(run, workspace, editor):
    editor(('status = "unstarted"', 'status = "done"'))
    for answer in ("n\n", ""):  # no, or no answer at all (stdin closed)
        result = run("edit", "10", input=answer)
        assert result.exit_code == 1
        assert "error: status is done but there is no rating; set [verdict] rating" in result.stdout
        assert result.stderr == (
            f"Error: worksheets/{EXAMPLE_SLUG}/{SHEET} has 1 error; `factcheck edit 10` opens it again\n"
        )
        editor(("# factcheck worksheet", "# factcheck worksheet"))  # the second time, the editor changes nothing
    assert 'status = "done"' in (workspace / SHEET).read_text(encoding="utf-8")


def test_visual_comes_before_editor(run, workspace, editor, monkeypatch):
    import os

    monkeypatch.setenv("VISUAL", os.environ["EDITOR"])
    monkeypatch.setenv("EDITOR", "no-such-editor-anywhere")
    editor(('notes = ""', 'notes = "asked the Treasury"'))
    assert run("edit", "10").exit_code == 0


@pytest.mark.parametrize(
    "command, message",
    [
        (
            "",
            "no editor set; set $EDITOR to your editor's command (export EDITOR=nano), or open "
            f"worksheets/{EXAMPLE_SLUG}/{SHEET} yourself and run `factcheck check worksheets/{EXAMPLE_SLUG}/{SHEET}`",
        ),
        (
            "no-such-editor-anywhere --wait",
            "cannot run the editor 'no-such-editor-anywhere'; set $EDITOR (or $VISUAL) "
            "to an editor's command, such as nano or vim",
        ),
        (
            f"{shlex.quote(sys.executable)} -c 'raise SystemExit(3)'",
            f"the editor ({shlex.quote(sys.executable)} -c 'raise SystemExit(3)') stopped with exit code 3; "
            f"worksheets/{EXAMPLE_SLUG}/{SHEET} is as it was last saved",
        ),
    ],
)
def test_editor_mistakes_are_one_line(run, workspace, monkeypatch, command, message):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", command)
    result = run("edit", "10")
    assert (result.exit_code, result.stderr) == (1, f"Error: {message}\n")


def test_an_unknown_id(run, workspace, editor):
    result = run("edit", "99")
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: no statement matches '99'; `factcheck status` lists the ids\n",
    )
    assert Path(workspace / SHEET).exists()
