"""The workspace is found from inside it, as git finds its repository: a command run in an
article folder, in any folder below the workspace, in the workspace or in a folder holding
./worksheets works without --dir; --dir and $FACTCHECK_DIR still win."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.workspace.layout import find_workspace, is_workspace

from .conftest import EXAMPLE, EXAMPLE_SLUG


@pytest.fixture
def repo(run, tmp_path):
    """A repository holding the default workspace, with a folder of its own beside it."""
    assert run("init", str(EXAMPLE)).exit_code == 0
    (tmp_path / "drafts" / "deep").mkdir(parents=True)
    return tmp_path


@pytest.mark.parametrize(
    "where",
    [
        ".",
        "worksheets",
        f"worksheets/{EXAMPLE_SLUG}",
        f"worksheets/{EXAMPLE_SLUG}/versions",
        "drafts/deep",
    ],
)
def test_every_command_works_from_anywhere_in_the_repository(run, repo, monkeypatch, where):
    folder = repo / where
    folder.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(folder)
    assert run("status", "--summary").stdout.count("│    22 │") == 1
    assert run("check").stdout.endswith("22 worksheets checked: 0 errors, 0 warnings\n")
    assert run("show", "10").stdout.startswith(f"{EXAMPLE_SLUG}/10-kirby-said-the-us-would-impose\n")
    assert run("export", "--format", "csv").stdout.count("\n") == 23
    result = run("init", str(EXAMPLE))  # the same article again: found in this workspace, not a new one
    assert result.stdout.startswith("Nothing to do"), result.output
    assert sorted(p.relative_to(repo) for p in repo.rglob("article.toml")) == [
        Path("worksheets") / EXAMPLE_SLUG / "article.toml"
    ]


def test_paths_in_messages_are_relative_to_where_you_are(run, repo, monkeypatch):
    sheet = repo / "worksheets" / EXAMPLE_SLUG / "10-kirby-said-the-us-would-impose.toml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace('notes = ""', 'nots = ""'), encoding="utf-8")
    monkeypatch.chdir(repo / "worksheets" / EXAMPLE_SLUG)
    assert run("check").stdout.startswith(f"../{EXAMPLE_SLUG}/10-kirby-said-the-us-would-impose.toml:")
    monkeypatch.chdir(repo / "drafts")
    assert run("check").stdout.startswith(f"../worksheets/{EXAMPLE_SLUG}/10-kirby")


def test_dir_and_the_environment_still_win(run, repo, monkeypatch):
    assert run("init", str(EXAMPLE), "--dir", "other", "--min-priority", "0.97").exit_code == 0
    monkeypatch.chdir(repo / "worksheets" / EXAMPLE_SLUG)
    assert run("check").stdout.endswith("22 worksheets checked: 0 errors, 0 warnings\n")
    assert run("check", "--dir", "../../other").stdout.endswith("3 worksheets checked: 0 errors, 0 warnings\n")
    monkeypatch.setenv("FACTCHECK_DIR", str(repo / "other"))
    assert run("check").stdout.endswith("3 worksheets checked: 0 errors, 0 warnings\n")
    assert run("check", "--dir", "..").stdout.endswith("22 worksheets checked: 0 errors, 0 warnings\n")


def test_what_marks_a_workspace(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert not is_workspace(empty)
    settings_only = tmp_path / "settings-only"
    settings_only.mkdir()
    (settings_only / "factcheck.toml").write_text("", encoding="utf-8")
    assert is_workspace(settings_only)
    schema_only = tmp_path / "schema-only"
    schema_only.mkdir()
    (schema_only / "worksheet.schema.json").write_text("{}", encoding="utf-8")
    assert is_workspace(schema_only)
    articles = tmp_path / "articles"
    (articles / "a").mkdir(parents=True)
    (articles / "a" / "article.toml").write_text("", encoding="utf-8")
    assert is_workspace(articles)
    assert find_workspace(articles / "a").resolve() == articles.resolve()
    (articles / "a" / "versions").mkdir()
    assert find_workspace(articles / "a" / "versions").resolve() == articles.resolve()
    found = find_workspace(empty)  # a folder of its own, beside workspaces: not one
    assert found is None or found.resolve() not in (empty.resolve(), tmp_path.resolve())


def test_no_workspace_anywhere_is_one_clear_line(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("status")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: no workspace here, in a folder above or in ./worksheets; run `factcheck "
        "init ARTICLE` first, or pass --dir\n"
    )
    result = run("status", "--dir", "nowhere")
    assert result.stderr == "Error: no workspace at nowhere; run `factcheck init ARTICLE` first, or pass --dir\n"


def test_the_index_is_the_same_from_every_folder(run, repo, monkeypatch):
    """The workspace spelt worksheets, .., ../.. or in full is one index: a command from an
    article folder after one from the repository's root re-reads nothing."""
    import os
    import sqlite3
    import time

    from factcheck.workspace.index import index_path

    for sheet in (repo / "worksheets").rglob("*.toml"):  # saved an hour ago: not racy, as git says
        os.utime(sheet, (time.time() - 3600, time.time() - 3600))
    assert run("status").exit_code == 0
    index = index_path(repo / "worksheets")

    def stored() -> set:
        with sqlite3.connect(index) as conn:
            return {row[0] for row in conn.execute("SELECT path || read_ns FROM sheets")}

    before = stored()
    assert len(before) == 22
    for where, args in (
        (f"worksheets/{EXAMPLE_SLUG}", []),
        ("drafts/deep", []),
        (".", ["--dir", str(repo / "worksheets")]),
    ):
        monkeypatch.chdir(repo / where)
        assert run("status", *args).exit_code == 0
        assert stored() == before, where


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` but the index, with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".factcheck" not in p.parts
    }


def refused(run, repo, args: list[str], folder: str) -> str:
    """``args`` (ARTICLE: the example) run with ``--dir folder``: it must fail with nothing on
    stdout and nothing on disk changed; its stderr."""
    before = tree(repo)
    result = run(*(str(EXAMPLE) if a == "ARTICLE" else a for a in args), "--dir", folder)
    assert (result.exit_code, result.stdout) == (1, "")
    assert tree(repo) == before
    return result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["status"],
        ["check"],
        ["show", "10"],
        ["export"],
        ["schema"],
        ["search", "Wagner"],
        ["init", "ARTICLE"],
        ["init", "ARTICLE", "--dry-run"],
        ["add", "Wagner is a private army.", "--elsewhere"],
        ["import", "review.json"],
    ],
)
def test_an_article_folder_given_as_the_workspace_is_refused(run, repo, args):
    """`--dir worksheets/<article>`: read, it looked like a workspace with no articles; written,
    init put a second copy of the article in <article>/<article>/. Every command refuses it and
    names the workspace it is in; nothing on disk changes."""
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://factcheck.example/wagner",
        "claimReviewed": "Wagner is a private army.",
        "reviewRating": {"@type": "Rating", "alternateName": "True"},
    }
    (repo / "review.json").write_text(json.dumps(review), encoding="utf-8")
    assert refused(run, repo, args, f"worksheets/{EXAMPLE_SLUG}") == (
        f"Error: --dir worksheets/{EXAMPLE_SLUG} is an article folder, not a workspace; give the workspace it "
        "is in: --dir worksheets\n"
    )


@pytest.mark.parametrize("inside", [f"{EXAMPLE_SLUG}/versions", "library", "newteam", "newteam/deeper"])
@pytest.mark.parametrize("args", [["status"], ["init", "ARTICLE"], ["add", "Wagner is a private army.", "--elsewhere"]])
def test_a_folder_inside_a_workspace_is_not_a_workspace_of_its_own(run, repo, inside, args):
    """`--dir worksheets/<article>/versions`, `worksheets/library` or a new folder inside the
    workspace: init made a workspace there that no command on the outer one ever saw."""
    (repo / "worksheets" / "library").mkdir(exist_ok=True)
    assert refused(run, repo, args, f"worksheets/{inside}") == (
        f"Error: --dir worksheets/{inside} is inside the workspace worksheets, not a workspace of its own; "
        "give the workspace: --dir worksheets\n"
    )


def test_factcheck_dir_naming_an_article_folder_is_refused_too(run, repo, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DIR", str(repo / "worksheets" / EXAMPLE_SLUG))
    result = run("status")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: FACTCHECK_DIR={repo / 'worksheets' / EXAMPLE_SLUG} is an article folder, not a workspace; "
        f"give the workspace it is in: --dir {repo / 'worksheets'}\n"
    )


def test_the_folder_holding_worksheets_names_that_workspace(run, repo, monkeypatch):
    """`--dir PROJECT`, the folder holding ./worksheets, is read and written as running there
    without --dir is: the workspace in ./worksheets, never a second one beside it."""
    monkeypatch.chdir(repo / "drafts" / "deep")
    assert run("status", "--summary", "--dir", "../..").stdout.count("│    22 │") == 1
    assert run("check", "--dir", "../..").stdout == "22 worksheets checked: 0 errors, 0 warnings\n"
    result = run("init", str(EXAMPLE), "--dir", "../..")
    assert result.stdout.startswith(f"Nothing to do: all 22 statements of ../../worksheets/{EXAMPLE_SLUG}/ ")
    assert sorted(p.relative_to(repo) for p in repo.rglob("article.toml")) == [
        Path("worksheets") / EXAMPLE_SLUG / "article.toml"
    ]


def test_a_folder_that_is_no_workspace_is_an_error_not_an_empty_workspace(run, repo):
    (repo / "drafts" / "notes.txt").write_text("notes", encoding="utf-8")
    for folder in ("drafts", "drafts/deep"):  # with a file of its own, and empty
        for command in ("status", "check", "export", "search Wagner"):
            result = run(*command.split(), "--dir", folder)
            assert (result.exit_code, result.stdout) == (1, ""), (folder, command)
            assert result.stderr == (
                f"Error: {folder} is not a workspace: it holds no article folder and no factcheck.toml; pass "
                f"the folder `factcheck init` wrote to, or start one there with `factcheck init ARTICLE --dir {folder}`\n"
            )
    assert not (repo / "drafts" / "deep" / ".factcheck").exists()
    started = run("init", str(EXAMPLE), "--dir", "drafts/deep", "--min-priority", "0.97")  # it may start one
    assert started.exit_code == 0
    assert run("check", "--dir", "drafts/deep").stdout == "3 worksheets checked: 0 errors, 0 warnings\n"
