"""Help text for every command, a light start-up path, and the README's promises."""

from __future__ import annotations

import subprocess
import sys

import pytest

from factcheck import __version__

from .conftest import ROOT
from .readme_demo import splice, transcripts

COMMANDS = ["init", "status", "show", "check", "add", "edit", "schema", "export", "import", "search"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example: factcheck " + command in result.stdout


def test_version(run):
    assert run("--version").stdout == f"factcheck {__version__}\n"


def test_python_dash_m_works():
    result = subprocess.run([sys.executable, "-m", "factcheck", "--version"], capture_output=True, text=True)
    assert result.stdout == f"factcheck {__version__}\n"


def test_start_up_path_stays_light():
    # `--help`, `status` and `show` must not pay for the text pipeline or for pydantic
    # (typer 0.29 imports it on every run, about 90 ms).
    code = (
        "import sys, factcheck.cli, factcheck.workspace.validate, factcheck.reporting.views;"
        "heavy = [m for m in ('factcheck.extraction.statements', 'factcheck.extraction.sentences', 'pydantic', 'trafilatura', 'urllib.request', 'lxml')"
        " if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = ci.strip().splitlines()[-1]  # the last line of .ci/run is the whole set-up
    assert command.startswith("python3 -m venv .venv") and "pytest" in command
    assert command in readme


def test_shipped_worksheets_are_what_init_writes(run, tmp_path):
    """worksheets/ in the repository holds exactly what `factcheck init` writes today."""
    shipped = ROOT / "worksheets"
    result = run("init", str(ROOT / "examples" / "us-accuses-north-korea-of-arming-wagner.txt"))
    assert result.exit_code == 0
    fresh = tmp_path / "worksheets"
    names = sorted(p.relative_to(fresh) for p in [*fresh.rglob("*.toml"), *fresh.glob("*.schema.json")])
    assert names == sorted(p.relative_to(shipped) for p in [*shipped.rglob("*.toml"), *shipped.glob("*.schema.json")])
    for name in names:
        if name.name == "article.toml":
            continue  # holds the source path and the time it was added
        assert (fresh / name).read_bytes() == (shipped / name).read_bytes(), name


def test_readme_transcripts_are_real_output(tmp_path):
    """Every transcript in the README is what the tool prints today (`python -m
    tests.readme_demo` rewrites them after a change that moves the output)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert splice(readme, transcripts(tmp_path)) == readme


def test_benchmarks_md_is_generated_from_the_saved_sections():
    """BENCHMARKS.md holds only what the benchmark scripts measured (`python
    benchmarks/report.py` rebuilds it from benchmarks/results/)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "report.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
