"""Shell completion, through the environment variables the installed completion scripts set
(`factcheck --install-completion` writes one for bash, zsh, fish or PowerShell): commands,
options, the workspace's own statuses, article slugs and statement ids."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

from .conftest import EXAMPLE, EXAMPLE_SLUG


def bash(line: str) -> list[str]:
    """What bash offers for the last word of ``line`` (a trailing space: a new word)."""
    words = line.split()
    cword = len(words) if line.endswith(" ") else len(words) - 1
    env = {"_FACTCHECK_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(cword)}
    result = CliRunner().invoke(app, [], env=env, prog_name="factcheck")
    assert result.exit_code == 0, result.output
    return result.stdout.split()


def zsh(line: str) -> str:
    env = {"_FACTCHECK_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line}
    result = CliRunner().invoke(app, [], env=env, prog_name="factcheck")
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def two_articles(run, tmp_path):
    assert run("init", str(EXAMPLE)).exit_code == 0
    other = tmp_path / "other.txt"
    other.write_text(
        "Council raises parking fines\n\nThe city council raised parking fines by 40% in March, the mayor said.\n",
        encoding="utf-8",
    )
    assert run("init", str(other)).exit_code == 0
    (tmp_path / "worksheets" / "factcheck.toml").write_text(
        '[statuses]\nnames = ["todo", "checking", "published"]\nfinished = ["published"]\n', encoding="utf-8"
    )
    return tmp_path / "worksheets"


def test_commands_and_options(run, tmp_path):
    assert bash("factcheck ") == [
        "init",
        "status",
        "show",
        "check",
        "add",
        "edit",
        "schema",
        "export",
        "import",
        "search",
    ]
    assert bash("factcheck s") == ["status", "show", "schema", "search"]
    assert bash("factcheck status --s") == ["--status", "--sort", "--summary"]
    assert bash("factcheck status --sort ") == ["id", "priority", "status"]
    assert bash("factcheck add --e") == ["--elsewhere"]


def test_the_workspaces_own_statuses(two_articles):
    assert bash("factcheck status --status ") == ["todo", "checking", "published"]
    assert bash("factcheck status --status c") == ["checking"]
    assert zsh("factcheck status --status p") == "_arguments '*: :((\"published\"))'\n"


def test_article_slugs(two_articles):
    assert bash("factcheck status --article ") == ["council-raises-parking-fines", EXAMPLE_SLUG]
    assert bash("factcheck export --article us") == [EXAMPLE_SLUG]
    assert bash("factcheck add --article co") == ["council-raises-parking-fines"]


def test_statement_ids(two_articles):
    assert bash("factcheck show 2") == [
        "20-the-group-was-leading-combat-operations",
        "21-about-1-000-wagner-fighters-have",
        "22-hes-literally-throwing-bodies-into-the",
    ]
    assert bash("factcheck edit 01") == ["01-council-raises-parking-fines", "01-us-accuses-north-korea-of-arming"]
    assert bash("factcheck show 10-k") == ["10-kirby-said-the-us-would-impose"]


def test_a_file_name_two_articles_share_is_offered_with_its_article(run, two_articles):
    assert run("init", str(EXAMPLE), "--article", "wagner-copy").exit_code == 0
    assert bash("factcheck show 22") == ["22-hes-literally-throwing-bodies-into-the"]
    assert bash("factcheck show wag") == [
        f"wagner-copy/{stem}" for stem in sorted(p.stem for p in (two_articles / "wagner-copy").glob("[0-9]*.toml"))
    ]
    assert bash("factcheck show wagner-copy/22") == ["wagner-copy/22-hes-literally-throwing-bodies-into-the"]


def test_dir_typed_before_is_the_workspace_completed(run, tmp_path, monkeypatch):
    assert run("init", str(EXAMPLE), "--dir", "elsewhere").exit_code == 0
    (tmp_path / "elsewhere" / "factcheck.toml").write_text(
        '[statuses]\nnames = ["open", "shut"]\nfinished = []\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path / "elsewhere" / EXAMPLE_SLUG)  # found from inside, too
    assert bash("factcheck status --status ") == ["open", "shut"]
    monkeypatch.chdir(tmp_path)
    assert bash("factcheck status --dir elsewhere --status ") == ["open", "shut"]
    assert bash("factcheck show --dir elsewhere 22") == ["22-hes-literally-throwing-bodies-into-the"]


def test_no_workspace_completes_nothing_and_prints_no_error(run, tmp_path):
    assert bash("factcheck status --status ") == []
    assert bash("factcheck show ") == []


def test_the_completion_script_is_shown_for_each_shell():
    # typer's switch for naming the shell instead of detecting the one running the command
    env = {**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    for shell, marker in (
        ("bash", "complete -o default -F _factcheck_completion factcheck"),
        ("zsh", "compdef _factcheck_completion factcheck"),
        ("fish", "complete --command factcheck"),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "factcheck", "--show-completion", shell],
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        assert result.returncode == 0, result.stderr
        assert marker in result.stdout, (shell, result.stdout)
