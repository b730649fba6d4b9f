"""A checker's hand edits can put any TOML value in any field. Whatever the value, `status`,
`show`, `check` and `export` finish with their normal output or one clear error line: `check`
names the field, and nothing else stops on it."""

from __future__ import annotations

import shutil
import tomllib

import pytest
import tomli_w
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.workspace.worksheet import TOP_KEYS

SMALL = (
    "Council raises parking fines\n\n"
    "The city council raised parking fines by 40% in March, the mayor said.\n\n"
    "Councillor Ann Lee said the change would bring in £2m a year.\n"
)
SLUG = "council-raises-parking-fines"

FIELDS = list(TOP_KEYS)  # every key a worksheet may hold, as the validator knows them
VALUES = {"a number": 3, "a boolean": True, "a list": ["x", 1], "a table": {"a": 1}}
NESTED = {
    "verdict": ["rating", "conclusion", "confidence", "date"],
    "location": ["version", "paragraph", "start", "end"],
}


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A small workspace, made once; each test edits a copy."""
    article = tmp_path_factory.mktemp("template") / "small.txt"
    article.write_text(SMALL, encoding="utf-8")
    root = article.parent / "worksheets"
    result = CliRunner().invoke(app, ["init", str(article), "--dir", str(root)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    (root / "factcheck.toml").write_text(
        '[publisher]\nname = "Example Fact Check"\nurl = "https://example.org"\n', encoding="utf-8"
    )

    def checked(values):  # a finished verdict, so that ClaimReview has something to publish
        values["status"] = "done"
        values["verdict"].update(rating="mostly-true", conclusion="The minutes confirm it.")
        values["sources"] = [
            {
                "url": "https://example.org/minutes",
                "title": "Minutes",
                "kind": "primary",
                "stance": "supports",
                "accessed": "2026-11-30",
                "note": "",
            }
        ]

    rewrite(next((root / SLUG).glob("02-*.toml")), checked)
    return root


@pytest.fixture
def workspace(template, tmp_path):
    shutil.copytree(template, tmp_path / "worksheets")
    return tmp_path / "worksheets" / SLUG


def rewrite(path, change) -> None:
    values = tomllib.loads(path.read_text(encoding="utf-8"))
    change(values)
    path.write_text(tomli_w.dumps(values), encoding="utf-8")


def commands(run, field: str) -> None:
    for args in (
        ["status", "--sort", "status"],
        ["status", "--json"],
        ["show", "02"],
        ["export", "--format", "csv"],
        ["export", "--format", "markdown"],
        ["export", "--format", "json"],
        ["export", "--format", "claimreview"],
    ):
        result = run(*args)  # an exception fails the test (the runner does not catch them)
        assert result.exit_code in (0, 1), (args, result.output)
        if result.exit_code:
            assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: "), (args, result.stderr)
    check = run("check")
    assert check.exit_code in (0, 1), check.output
    if check.exit_code:  # the problem is named, with the file (a wrong offset moves `text`)
        assert f"{SLUG}/02-" in check.stdout, check.stdout
        assert field in check.stdout or field in ("start", "end") and "`text` is not at" in check.stdout, check.stdout


def test_the_untouched_workspace_passes_every_command(run, workspace):
    for args in (["status"], ["show", "02"], ["check"], ["export", "--format", "claimreview"]):
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
    assert '"alternateName": "Mostly true"' in run("export", "--format", "claimreview").stdout


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("kind", VALUES)
def test_any_value_in_any_field(run, workspace, field, kind):
    sheet = next(workspace.glob("02-*.toml"))
    rewrite(sheet, lambda v: v.__setitem__(field, VALUES[kind]))
    commands(run, field)


@pytest.mark.parametrize(
    "field",
    [f"{t}.{k}" for t, keys in NESTED.items() for k in keys]
    + ["checks.kind", "checks.what", "checks.done"]
    + [f"sources.{key}" for key in ("url", "title", "kind", "stance", "accessed")],
)
@pytest.mark.parametrize("kind", VALUES)
def test_any_value_in_any_nested_field(run, workspace, field, kind):
    table, key = field.split(".")
    sheet = next(workspace.glob("02-*.toml"))

    def change(values):
        target = values[table][0] if table in ("checks", "sources") else values[table]
        target[key] = VALUES[kind]

    rewrite(sheet, change)
    commands(run, key)
