"""`factcheck check PATH...` as pre-commit and CI call it: a list of changed files, worksheets
among others, from the root of a newsroom's repository; each worksheet is checked against its
own workspace, every other file is passed over."""

from __future__ import annotations

import re
import shutil

import pytest

from .conftest import EXAMPLE, EXAMPLE_SLUG, ROOT, line_of

SHEET = f"worksheets/{EXAMPLE_SLUG}/10-kirby-said-the-us-would-impose.toml"


def hook() -> dict[str, str]:
    """The hook this repository offers, read from .pre-commit-hooks.yaml (flat keys only)."""
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    return dict(re.findall(r"^(?:- |  )(\w+): (.+)$", text, re.M))


@pytest.fixture
def repo(run, tmp_path):
    """A newsroom's repository: a workspace, its article and some files of its own."""
    assert run("init", str(EXAMPLE)).exit_code == 0
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'newsroom'\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a worksheet\n", encoding="utf-8")
    shutil.copy(EXAMPLE, tmp_path / "article.txt")
    return tmp_path


def pre_commit(run, repo, files: list[str]):
    """What pre-commit does with the hook: keep the files its `files` pattern matches, then run
    its `entry` with them."""
    spec = hook()
    assert spec["id"] == "factcheck-check" and spec["language"] == "python"
    entry = spec["entry"].split()
    assert entry[:2] == ["factcheck", "check"]
    chosen = [f for f in files if re.search(spec["files"], f)]
    return run(*entry[1:], *chosen)


def test_the_hook_checks_the_changed_worksheets_and_passes_over_the_rest(run, repo):
    files = [
        SHEET,
        f"worksheets/{EXAMPLE_SLUG}/article.toml",
        f"worksheets/{EXAMPLE_SLUG}/article.txt",
        "pyproject.toml",
        "notes.txt",
        "article.txt",
        f"worksheets/{EXAMPLE_SLUG}/01-us-accuses-north-korea-of-arming.toml",
    ]
    result = pre_commit(run, repo, files)
    assert result.exit_code == 0, result.output
    assert result.stdout == "2 worksheets checked: 0 errors, 0 warnings\n"
    sheet = repo / SHEET
    status = line_of(sheet, "status")
    sheet.write_text(
        sheet.read_text(encoding="utf-8").replace('status = "unstarted"', "status = done"), encoding="utf-8"
    )
    result = pre_commit(run, repo, files)
    assert result.exit_code == 1
    assert result.stdout == (
        f'{SHEET}:{status}:10: error: TOML syntax: `done` needs quotes: write status = "done"\n'
        "2 worksheets checked: 1 error, 0 warnings\n"
    )


def test_every_path_kind_the_hook_or_a_person_gives(run, repo):
    """Files, an article folder, the workspace, a folder holding it, factcheck.toml; the same
    worksheet named twice is checked once."""
    settings = repo / "worksheets" / "factcheck.toml"
    settings.write_text("[rules]\nmin_sources_for_done = 1\n", encoding="utf-8")
    cases = {
        (SHEET, SHEET): "1 worksheet",
        (f"worksheets/{EXAMPLE_SLUG}",): "22 worksheets",
        ("worksheets",): "22 worksheets",
        (".",): "22 worksheets",
        ("worksheets/factcheck.toml",): "0 worksheets",
        ("worksheets/factcheck.toml", SHEET, f"worksheets/{EXAMPLE_SLUG}"): "22 worksheets",
    }
    for paths, checked in cases.items():
        result = run("check", *paths)
        assert result.exit_code == 0, (paths, result.output)
        assert result.stdout == f"{checked} checked: 0 errors, 0 warnings\n", paths
    settings.write_text("[rules]\nmin_sources_for_done = -1\n", encoding="utf-8")  # a broken factcheck.toml
    result = run("check", "worksheets/factcheck.toml")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "worksheets/factcheck.toml: error: [rules] min_sources_for_done must be a whole number, 0 or more"
    )


def test_paths_given_from_inside_the_article_folder(run, repo, monkeypatch):
    folder = repo / "worksheets" / EXAMPLE_SLUG
    sheet = folder / "10-kirby-said-the-us-would-impose.toml"
    notes = line_of(sheet, "notes")
    sheet.write_text(sheet.read_text(encoding="utf-8").replace('notes = ""', 'nots = ""'), encoding="utf-8")
    monkeypatch.chdir(folder)
    result = run("check", sheet.name, "article.txt", "../factcheck.schema.json")
    assert result.exit_code == 1
    assert result.stdout == (
        f"{sheet.name}:{notes}:1: error: unknown key `nots`; did you mean `notes`?\n"
        "1 worksheet checked: 1 error, 0 warnings\n"
    )
    result = run("check", ".")  # the article folder itself
    assert result.stdout.endswith("22 worksheets checked: 1 error, 0 warnings\n")


def test_no_worksheet_among_the_paths_passes_with_a_note(run, repo):
    result = run("check", "pyproject.toml", "notes.txt")
    assert result.exit_code == 0
    assert result.stdout == "0 worksheets checked: 0 errors, 0 warnings\n"
    assert result.stderr == "Note: none of the 2 paths given is a worksheet, an article folder or a workspace\n"


def test_path_mistakes_are_one_line(run, repo):
    result = run("check", "worksheets/missing.toml")
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: worksheets/missing.toml: no such file or folder; check the path\n",
    )
    result = run("check", SHEET, "--dir", "worksheets")
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: give PATHs or --dir, not both: each PATH finds its own workspace\n",
    )


def test_two_workspaces_each_with_its_own_statuses(run, repo):
    other = repo / "other"
    assert run("init", str(EXAMPLE), "--dir", "other").exit_code == 0
    (other / "factcheck.toml").write_text(
        '[statuses]\nnames = ["todo", "done"]\nfinished = ["done"]\n', encoding="utf-8"
    )
    result = run("check", SHEET, f"other/{EXAMPLE_SLUG}/10-kirby-said-the-us-would-impose.toml")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "2 worksheets checked: 1 error, 1 warning"
    assert "other/worksheet.schema.json: warning: out of date" in result.stdout  # its statuses changed
    status = line_of(other / EXAMPLE_SLUG / "10-kirby-said-the-us-would-impose.toml", "status")
    assert (
        f"other/{EXAMPLE_SLUG}/10-kirby-said-the-us-would-impose.toml:{status}:1: error: status 'unstarted' "
        "is not allowed; use one of: todo, done" in result.stdout
    )


def test_the_readme_shows_the_hook_and_a_ci_step():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "id: factcheck-check" in readme and "rev:" in readme
    assert "factcheck check --strict" in readme
