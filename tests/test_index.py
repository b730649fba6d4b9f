"""The workspace index (.factcheck/index.sqlite): derived, never the truth.

Every test compares what a command prints with the index against what it prints without it
(``--no-index``), after the kind of change a team makes: a hand edit, a broken file, a rename,
a deleted or damaged index, two commands at once.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time

import pytest

from factcheck.workspace import index as index_module
from factcheck.workspace.index import INDEX_DIR, INDEX_FILE, decode_values, encode_values

from .conftest import ROOT


def outputs(run, *extra: str) -> dict:
    """What the reading commands print, as the user sees it."""
    return {
        "status": run("status", "--json", *extra).stdout,
        "table": run("status", *extra).stdout,
        "check": run("check", "--json", *extra).stdout,
        "export": run("export", "-f", "json", *extra).stdout,
        "show": run("show", "10", *extra).stdout,
    }


def same_with_and_without_index(run) -> dict:
    with_index = outputs(run)
    assert with_index == outputs(run, "--no-index")
    return with_index


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def index_file(workspace):
    return workspace.parent / INDEX_DIR / INDEX_FILE


def test_index_is_made_on_first_read_and_ignored_by_git(run, workspace):
    assert not (workspace.parent / INDEX_DIR).exists()  # init alone leaves no index behind
    run("status")
    assert index_file(workspace).is_file()
    ignore = (workspace.parent / INDEX_DIR / ".gitignore").read_text(encoding="utf-8")
    assert ignore.splitlines()[-1] == "*"
    with sqlite3.connect(index_file(workspace)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT count(*) FROM sheets").fetchone()[0] == 22
        hits = conn.execute("SELECT rowid FROM sheet_text WHERE sheet_text MATCH 'sanctions'").fetchall()
        assert len(hits) == 3


def test_no_index_leaves_nothing_behind(run, workspace):
    run("status", "--no-index")
    run("check", "--no-index")
    assert not (workspace.parent / INDEX_DIR).exists()


def test_deleting_the_index_changes_no_output(run, workspace):
    first = same_with_and_without_index(run)
    for path in (workspace.parent / INDEX_DIR).iterdir():
        path.unlink()
    (workspace.parent / INDEX_DIR).rmdir()
    assert outputs(run) == first


def test_a_hand_edit_shows_on_the_very_next_command(run, workspace):
    sheet = next(workspace.glob("10-*.toml"))
    same_with_and_without_index(run)
    # the same size, within the same second: only the racy-entry rule catches this one
    edit(sheet, 'status = "unstarted"', 'status = "done"     ')
    out = same_with_and_without_index(run)
    assert "status is done but there is no rating" in out["check"]
    assert '"status": "done"' in out["status"]


def test_an_edit_long_after_the_read_is_seen_by_its_key(run, workspace, monkeypatch):
    """Once an entry is old enough to trust, a change of size or time still shows."""
    sheet = next(workspace.glob("10-*.toml"))
    past = time.time() - 3600
    os.utime(sheet, (past, past))
    run("status")
    edit(sheet, 'assignee = ""', 'assignee = "ana"')
    assert '"assignee": "ana"' in run("status", "--json").stdout


def test_a_broken_file_is_a_problem_then_fixed(run, workspace):
    sheet = next(workspace.glob("10-*.toml"))
    same_with_and_without_index(run)
    good = sheet.read_text(encoding="utf-8")
    sheet.write_text(good.replace('status = "unstarted"', "status = unstarted"), encoding="utf-8")
    out = same_with_and_without_index(run)
    assert "TOML syntax" in out["check"]
    sheet.write_text(good, encoding="utf-8")
    out = same_with_and_without_index(run)
    assert '"errors": 0' in out["check"]


def test_renamed_and_removed_worksheets(run, workspace):
    same_with_and_without_index(run)
    sheet = next(workspace.glob("10-*.toml"))
    sheet.rename(workspace / "10-renamed-by-hand.toml")
    out = same_with_and_without_index(run)
    assert "10-renamed-by-hand" in out["status"]
    assert sheet.stem not in out["status"]
    (workspace / "10-renamed-by-hand.toml").unlink()
    out = same_with_and_without_index(run)
    assert "10-renamed-by-hand" not in out["status"]
    with sqlite3.connect(index_file(workspace)) as conn:
        assert conn.execute("SELECT count(*) FROM sheets").fetchone()[0] == 21
        assert conn.execute("SELECT count(*) FROM sheet_text").fetchone()[0] == 21


def test_settings_and_article_text_changes_revalidate(run, workspace):
    sheet = next(workspace.glob("10-*.toml"))
    edit(sheet, 'status = "unstarted"', 'status = "parked"')
    assert "status 'parked' is not allowed" in same_with_and_without_index(run)["check"]
    (workspace.parent / "factcheck.toml").write_text(
        '[statuses]\nnames = ["unstarted", "parked", "done", "not-checkable"]\n', encoding="utf-8"
    )
    assert "parked" not in same_with_and_without_index(run)["check"]
    text = workspace / "article.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("Kirby said the US", "He said the US"), encoding="utf-8")
    out = same_with_and_without_index(run)
    assert "the offsets cannot be checked" in out["check"]  # a hand-edited article.txt


@pytest.mark.parametrize("damage", [b"", b"not a database at all" * 100, b"SQLite format 3\x00" + b"\x07" * 500])
def test_a_damaged_index_is_rebuilt_silently(run, workspace, damage):
    first = same_with_and_without_index(run)
    for suffix in ("-wal", "-shm"):
        path = index_file(workspace).with_name(INDEX_FILE + suffix)
        if path.exists():
            path.unlink()
    index_file(workspace).write_bytes(damage)
    result = run("status", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    assert outputs(run) == first


def test_a_schema_or_code_change_rebuilds(run, workspace, monkeypatch):
    first = same_with_and_without_index(run)
    with sqlite3.connect(index_file(workspace)) as conn:
        conn.execute("UPDATE meta SET value = 'an older factcheck' WHERE key = 'code'")
        # and a cached answer that would be wrong if it were trusted
        conn.execute("UPDATE sheets SET sheet_values = '{}'")
    assert outputs(run) == first


def test_an_index_that_cannot_be_kept_on_disk_lives_in_memory(run, workspace):
    """A read-only workspace (here: .factcheck is a file, so the folder cannot be made)."""
    (workspace.parent / INDEX_DIR).write_text("in the way\n", encoding="utf-8")
    result = run("status", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == run("status", "--json", "--no-index").stdout


def test_toml_dates_and_odd_numbers_round_trip_through_the_index():
    import datetime as dt

    values = {
        "accessed": dt.date(2026, 11, 24),
        "at": dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC),
        "local": dt.datetime(2026, 11, 24, 9, 30),
        "time": dt.time(6, 38),
        "nan": float("inf"),
        "nested": [{"a": dt.date(2020, 1, 1)}],
        "$toml": "a key a person wrote",
    }
    assert decode_values(encode_values(values)) == values


def test_two_commands_at_once_never_corrupt_it(workspace, tmp_path):
    """Two processes read (and so write) the index while worksheets change under them."""
    root = workspace.parent
    code = (
        f"import sys; from factcheck.cli import run; sys.argv = ['factcheck', 'check', '--json', '--dir', {str(root)!r}]\n"
        "for _ in range(15):\n"
        "    try: run()\n"
        "    except SystemExit as exc: assert exc.code in (0, 1), exc.code\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_DIR"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    sheets = sorted(workspace.glob("*.toml"))[1:8]
    for i, sheet in enumerate(sheets):
        edit(sheet, 'assignee = ""', f'assignee = "reader{i}"')
        time.sleep(0.05)
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    with sqlite3.connect(index_file(workspace)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    env_runs = [
        subprocess.run(
            [sys.executable, "-m", "factcheck", "status", "--json", "--dir", str(root), *flag],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
        )
        for flag in ([], ["--no-index"])
    ]
    assert env_runs[0].stdout == env_runs[1].stdout
    assert all(f'"assignee": "reader{i}"' in env_runs[0].stdout for i in range(len(sheets)))


def test_a_writer_that_finds_the_index_locked_answers_anyway(run, workspace, monkeypatch):
    run("status")  # make the index
    holder = sqlite3.connect(index_file(workspace), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another command mid-write
    try:
        monkeypatch.setattr(index_module, "BUSY_MS", 10)
        sheet = next(workspace.glob("10-*.toml"))
        edit(sheet, 'assignee = ""', 'assignee = "ana"')
        started = time.perf_counter()
        result = run("status", "--json")
        assert time.perf_counter() - started < 5
        assert '"assignee": "ana"' in result.stdout
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert '"assignee": "ana"' in run("status", "--json").stdout


def test_status_json_reads_the_same_fields_either_way(run, workspace):
    data = json.loads(run("status", "--json").stdout)
    assert data == json.loads(run("status", "--json", "--no-index").stdout)
    assert len(data["statements"]) == 22


def test_article_metadata_is_cached_and_follows_edits(run, workspace):
    same_with_and_without_index(run)
    meta = workspace / "article.toml"
    past = time.time() - 3600
    os.utime(meta, (past, past))
    run("status")  # cached, no longer racy
    edit(meta, 'title = "US accuses', 'title = "Edited: US accuses')
    out = same_with_and_without_index(run)
    assert "Edited: US accuses" in out["export"]
    moved = workspace.parent / "renamed-article"
    workspace.rename(moved)
    same_with_and_without_index(run)
    with sqlite3.connect(moved.parent / INDEX_DIR / INDEX_FILE) as conn:
        assert [r[0] for r in conn.execute("SELECT folder FROM articles")] == ["renamed-article"]
