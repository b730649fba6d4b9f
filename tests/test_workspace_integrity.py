"""The workspace stays whole when things happen at once or half-way: two inits at the same
time, an editor saving a worksheet in place while init reads it, an init killed while writing;
and `check` sees what a merge or a slip of the hand leaves (two worksheets with one number or
one statement, a deleted or broken article.toml, conflict markers inside a string)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import tomllib
from pathlib import Path

import pytest

from factcheck.workspace import lock
from factcheck.workspace.lock import remove_stale_temps, workspace_lock

from .conftest import EXAMPLE, EXAMPLE_SLUG, ROOT

SHEET = "10-kirby-said-the-us-would-impose.toml"


def sheets(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.toml") if p.name != "article.toml")


def numbers(folder: Path) -> list[str]:
    return [p.name.split("-", 1)[0] for p in sheets(folder)]


def statement_texts(folder: Path) -> list[str]:
    return [tomllib.loads(p.read_text(encoding="utf-8"))["text"] for p in sheets(folder)]


def article_like_the_example(tmp_path: Path, name: str, change: str) -> Path:
    """The example's headline over a different story: init puts it in a folder of its own."""
    headline = EXAMPLE.read_text(encoding="utf-8").split("\n", 1)[0]
    body = "\n\n".join(
        f"{change} council member {i} said the city would spend {i * 7} million pounds on "
        f"{change} roads by {2030 + i}, according to the {change} budget office."
        for i in range(12)
    )
    path = tmp_path / name
    path.write_text(f"{headline}\n\n{body}\n", encoding="utf-8")
    return path


def init_process(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "factcheck", "init", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


# --------------------------------------------------------------------------------------------
# Two inits at once


def test_two_inits_of_articles_with_one_headline_at_once_get_a_folder_each(tmp_path):
    root = tmp_path / "ws"
    a = article_like_the_example(tmp_path, "a.txt", "northern")
    b = article_like_the_example(tmp_path, "b.txt", "southern")
    for _ in range(3):  # each round in a fresh workspace: the race is at the first write
        if root.exists():
            import shutil

            shutil.rmtree(root)
        procs = [init_process(str(path), "--dir", str(root)) for path in (a, b, a, b)]
        outs = [p.communicate(timeout=120) for p in procs]
        assert all(p.returncode == 0 for p in procs), outs
        folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
        assert [f.name for f in folders] == [EXAMPLE_SLUG, f"{EXAMPLE_SLUG}-2"]
        texts = {f.name: (f / "article.txt").read_text(encoding="utf-8") for f in folders}
        assert sorted("northern" in t for t in texts.values()) == [False, True]  # one article each, both kept
        for folder in folders:
            assert len(numbers(folder)) == len(set(numbers(folder)))  # no number twice
            assert len(statement_texts(folder)) == len(set(statement_texts(folder)))  # no statement twice
            assert not list(folder.glob(".*.tmp"))


def test_two_inits_of_one_article_at_once_write_each_worksheet_once(tmp_path):
    root = tmp_path / "ws"
    procs = [init_process(str(EXAMPLE), "--dir", str(root)) for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    folder = root / EXAMPLE_SLUG
    assert len(sheets(folder)) == 22 and len(set(statement_texts(folder))) == 22
    assert sum(o.startswith("Wrote 22 worksheets") for o, _ in outs) == 1


def test_an_init_that_finds_the_lock_held_waits_and_says_so(run, tmp_path, monkeypatch):
    """The holder lets go once the init has found the lock held (not after a fixed time: on a
    busy machine the init reached the lock after a timer had already freed it)."""
    root = tmp_path / "worksheets"
    held = threading.Event()
    waiting = threading.Event()
    try_lock = lock._try_lock

    def trying(fd):
        got = try_lock(fd)
        if not got:
            waiting.set()
        return got

    monkeypatch.setattr(lock, "_try_lock", trying)

    def holder():
        with workspace_lock(root):
            held.set()
            waiting.wait(60)

    thread = threading.Thread(target=holder)
    thread.start()
    assert held.wait(10)
    result = run("init", str(EXAMPLE))
    thread.join()
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"Waiting: another `factcheck init` is writing to {root.name}; waiting for it to finish\n"
    assert result.stdout.startswith("Wrote 22 worksheets")


def test_an_init_that_waits_too_long_stops_with_one_line(run, tmp_path, monkeypatch):
    monkeypatch.setattr(lock, "WAIT", 0.3)
    root = tmp_path / "worksheets"
    with workspace_lock(root):
        result = run("init", str(EXAMPLE))
    assert result.exit_code == 1
    last = result.stderr.splitlines()[-1]
    assert last == (
        f"Error: another `factcheck init` is still writing to {root.name} after 0.3 s; run init again "
        "when it has finished"
    )
    assert not (root / EXAMPLE_SLUG).exists()


def test_add_waits_for_an_init_too(run, workspace, monkeypatch):
    """`add` numbers a worksheet as init does: it takes the same lock."""
    monkeypatch.setattr(lock, "WAIT", 0.3)
    with workspace_lock(workspace.parent):
        result = run("add", "Additional reporting by Christian Davies in London")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("Error: another `factcheck init` is still writing to worksheets")
    assert run("add", "Additional reporting by Christian Davies in London").exit_code == 0


def test_schema_add_line_waits_for_an_init_too(run, workspace, monkeypatch):
    """`schema --add-line` rewrites worksheets, as init does: it takes the same lock."""
    for sheet in workspace.glob("[0-9]*.toml"):
        sheet.write_text(sheet.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    monkeypatch.setattr(lock, "WAIT", 0.3)
    with workspace_lock(workspace.parent):
        result = run("schema", "--add-line")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("Error: another `factcheck init` is still writing to worksheets")
    assert not any(s.read_text(encoding="utf-8").startswith("#:schema") for s in workspace.glob("[0-9]*.toml"))
    assert run("schema", "--add-line").stdout.endswith("Added the #:schema line to 22 files\n")


def test_a_dry_run_does_not_wait_for_the_lock(run, tmp_path, monkeypatch):
    monkeypatch.setattr(lock, "WAIT", 0.0)
    with workspace_lock(tmp_path / "worksheets"):
        result = run("init", str(EXAMPLE), "--dry-run")
    assert result.exit_code == 0 and result.stdout.startswith("Would write 22 worksheets")


def test_the_lock_goes_with_a_killed_init(tmp_path):
    root = tmp_path / "ws"
    code = (
        f"import sys, time; sys.path.insert(0, {str(ROOT)!r}); from pathlib import Path; "
        f"from factcheck.workspace.lock import workspace_lock\n"
        f"with workspace_lock(Path({str(root)!r})):\n    print('held', flush=True); time.sleep(60)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    proc.kill()
    proc.wait()
    with workspace_lock(root, wait=2):  # no stale lock to clear by hand
        pass


# --------------------------------------------------------------------------------------------
# An editor saving in place; a half-saved worksheet


@pytest.mark.parametrize("half", ["empty", "header only", "cut mid-string"])
def test_a_half_saved_worksheet_never_makes_init_write_a_duplicate(run, workspace, half):
    sheet = workspace / SHEET
    text = sheet.read_text(encoding="utf-8")
    sheet.write_text(
        {"empty": "", "header only": text.split("schema = 1")[0], "cut mid-string": text.split("would impose")[0]}[
            half
        ],
        encoding="utf-8",
    )
    before = sorted(p.name for p in workspace.iterdir())
    result = run("init", str(EXAMPLE))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: cannot read {SHEET} in worksheets/{EXAMPLE_SLUG}, so new worksheets might repeat "
        "its statement; fix it (`factcheck check` says where) and run init again\n"
    )
    assert sorted(p.name for p in workspace.iterdir()) == before


def test_init_while_an_editor_saves_in_place_never_duplicates(tmp_path):
    root = tmp_path / "ws"
    first = init_process(str(EXAMPLE), "--dir", str(root))
    assert first.wait(120) == 0
    sheet = root / EXAMPLE_SLUG / SHEET
    content = sheet.read_bytes().replace(b'notes = ""', b'notes = "' + b"called the press office. " * 200 + b'"')
    stop = threading.Event()

    def editor():  # truncate, then write in small pieces, as editors without atomic saves do
        while not stop.is_set():
            with open(sheet, "wb") as handle:
                for i in range(0, len(content), 512):
                    handle.write(content[i : i + 512])
                    handle.flush()
                    time.sleep(0.0005)

    thread = threading.Thread(target=editor)
    thread.start()
    try:
        for _ in range(4):
            proc = init_process(str(EXAMPLE), "--dir", str(root))
            out, err = proc.communicate(timeout=120)
            assert proc.returncode in (0, 1), err
            assert proc.returncode == 0 or "so new worksheets might repeat its statement" in err
    finally:
        stop.set()
        thread.join()
    assert len(sheets(root / EXAMPLE_SLUG)) == 22


# --------------------------------------------------------------------------------------------
# Numbers keep their width


def long_article(tmp_path: Path, n: int) -> Path:
    lines = ["Council publishes its spending on roads for the decade", ""]
    lines += [
        f"The council spent {i * 3 + 1} million pounds on road number {i} in {1900 + i}, the mayor said."
        for i in range(n)
    ]
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_numbers_keep_the_width_of_the_first_worksheets(run, tmp_path):
    article = long_article(tmp_path, 8)
    first = run("init", str(article))
    assert first.exit_code == 0, first.stderr
    folder = next(p for p in (tmp_path / "worksheets").iterdir() if p.is_dir() and not p.name.startswith("."))
    assert 0 < len(sheets(folder)) < 10 and {len(n) for n in numbers(folder)} == {2}
    long_article(tmp_path, 120)  # the same file, updated: 112 more statements
    second = run("init", str(article))
    assert second.exit_code == 0, second.stderr
    assert len(sheets(folder)) > 100
    below_100 = [n for n in numbers(folder) if int(n) < 100]
    assert {len(n) for n in below_100} == {2}  # never "011-" between "01-" and "02-"
    assert below_100 == sorted(below_100, key=int)  # in name order, as an editor lists them


# --------------------------------------------------------------------------------------------
# Leftovers of an interrupted init


def test_stale_temporary_files_of_ours_are_removed_and_nothing_else(run, workspace):
    old = time.time() - 3600
    ours = [workspace / ".11-the-us-estimates.toml.ab12cd_z.tmp", workspace / ".article.txt.q1w2e3r4.tmp"]
    (workspace / "versions").mkdir()
    ours.append(workspace / "versions" / ".3f2a9c1e.txt.zzzzzzzz.tmp")
    fresh = workspace / ".12-kirby-said.toml.a1b2c3d4.tmp"
    others = [workspace / ".notes.tmp", workspace / "draft.toml.tmp", workspace / ".12-x.toml.short.tmp"]
    for path in ours + [fresh] + others:
        path.write_text("partial", encoding="utf-8")
        if path is not fresh:
            os.utime(path, (old, old))
    result = run("init", str(EXAMPLE))
    assert result.exit_code == 0, result.stderr
    assert "Notice: removed temporary files an interrupted init left in" in result.stderr
    assert not any(p.exists() for p in ours)
    assert fresh.exists() and all(p.exists() for p in others)
    assert remove_stale_temps(workspace) == 0


def test_a_killed_init_leaves_only_complete_files_and_the_next_one_finishes(tmp_path):
    root = tmp_path / "ws"
    for delay in (0.4, 0.6, 0.8):
        proc = init_process(str(EXAMPLE), "--dir", str(root))
        time.sleep(delay)
        proc.kill()
        proc.wait()
        folder = root / EXAMPLE_SLUG
        for path in sheets(folder) if folder.exists() else []:
            tomllib.loads(path.read_text(encoding="utf-8"))  # complete, or not there at all
    finish = init_process(str(EXAMPLE), "--dir", str(root))
    assert finish.wait(120) == 0
    assert len(sheets(root / EXAMPLE_SLUG)) == 22


# --------------------------------------------------------------------------------------------
# What check sees


def test_check_reports_two_worksheets_with_one_number(run, workspace):
    (workspace / "10-another-statement.toml").write_text(
        (workspace / SHEET).read_text(encoding="utf-8").replace("Kirby said the US", "Kirby said that the US"),
        encoding="utf-8",
    )
    result = run("check")
    assert result.exit_code == 1
    assert (
        f"{SHEET}: error: number 10 is 10-another-statement.toml's too; give this worksheet a number of its "
        "own (rename the file), so that `show 10` names one"
    ) in result.stdout


def test_check_reports_one_statement_in_two_worksheets(run, workspace):
    (workspace / "23-copy.toml").write_text((workspace / SHEET).read_text(encoding="utf-8"), encoding="utf-8")
    result = run("check")
    assert result.exit_code == 1
    assert (
        f"23-copy.toml: error: the same statement as {SHEET}; keep the work in one worksheet (move it there, "
        "then delete this file)"
    ) in result.stdout


@pytest.mark.parametrize("damage", ["deleted", "broken", "empty", "conflict"])
def test_check_still_finds_every_worksheet_when_article_toml_is_damaged(run, workspace, damage):
    meta = workspace / "article.toml"
    text = meta.read_text(encoding="utf-8")
    if damage == "deleted":
        meta.unlink()
    else:
        meta.write_text(
            {
                "broken": "title = \n",
                "empty": "",
                "conflict": "<<<<<<< HEAD\n" + text + "=======\n" + text + ">>>>>>> theirs\n",
            }[damage],
            encoding="utf-8",
        )
    for no_index in ((), ("--no-index",)):
        result = run("check", *no_index)
        assert "22 worksheets checked" in result.stdout
        assert result.exit_code == 1
        assert f"{EXAMPLE_SLUG}/article.toml" in result.stdout
    if damage == "empty":  # a half-saved file parses, and says nothing
        assert (
            "article.toml: error: no title and no source: run `factcheck init` on the article again to restore "
            "them (the worksheets are kept)" in result.stdout
        )
    if damage == "deleted":
        assert (
            "article.toml: error: missing: the folder holds worksheets but no article.toml; run `factcheck "
            "init` on the article again to restore it (the worksheets are kept)" in result.stdout
        )
        restored = run("init", str(EXAMPLE))
        assert restored.exit_code == 0, restored.stderr
        assert meta.exists() and len(sheets(workspace)) == 22
        assert run("check").exit_code == 0


def test_check_reports_conflict_markers_inside_a_multiline_string(run, workspace):
    sheet = workspace / SHEET
    text = sheet.read_text(encoding="utf-8").replace(
        'notes = ""', 'notes = """\n<<<<<<< HEAD\nCalled the NSC.\n=======\nEmailed the NSC.\n>>>>>>> theirs\n"""'
    )
    sheet.write_text(text, encoding="utf-8")
    tomllib.loads(text)  # valid TOML: only the markers say something is wrong
    line = text.split("\n").index("<<<<<<< HEAD") + 1
    result = run("check")
    assert result.exit_code == 1
    assert (
        f"{SHEET}:{line}:1: error: unresolved git merge conflict inside a string: keep the right lines "
        "between <<<<<<< and >>>>>>>, delete the marker lines, then commit"
    ) in result.stdout
