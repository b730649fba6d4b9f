"""Shared fixtures: a pinned terminal, the bundled example, and a CLI runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "us-accuses-north-korea-of-arming-wagner.txt"
EXAMPLE_SLUG = "us-accuses-north-korea-of-arming-kremlin-linked-wagner-group"
SHARED_DATA = ROOT.parent / "shared" / "data"
WIDTH = 100


@pytest.fixture(autouse=True)
def pinned_terminal(monkeypatch):
    """Every test renders at WIDTH columns with no colour codes, whatever the caller's shell."""
    monkeypatch.setenv("COLUMNS", str(WIDTH))
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FACTCHECK_DIR", raising=False)
    monkeypatch.setenv("FACTCHECK_SEMANTIC", "0")  # words alone, extra or not: the same output everywhere


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Run the CLI in a fresh folder; returns the result (stdout and stderr kept apart)."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def workspace(run, tmp_path):
    """A workspace holding the example article, as `factcheck init` writes it."""
    result = run("init", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    return tmp_path / "worksheets" / EXAMPLE_SLUG


@pytest.fixture
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def copy_example(tmp_path: Path) -> Path:
    target = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, target)
    return target


def line_of(path: Path, start: str) -> int:
    """The 1-based number of the first line of ``path`` starting with ``start``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(start))
