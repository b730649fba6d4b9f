"""What every benchmark script shares: where the evaluation data is, and a report section that
is printed as it is measured and saved as Markdown for BENCHMARKS.md.

A script builds one ``Section``, adds tables and notes to it as it measures (each is printed at
once), and with ``--write`` saves it to ``benchmarks/results/<name>.md``; ``benchmarks/report.py``
then assembles BENCHMARKS.md from the saved sections. No figure is ever copied by hand.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
DATA = Path(os.environ.get("FACTCHECK_DATA", ROOT.parent / "shared" / "data"))


def have_data(*parts: str) -> bool:
    """True when the evaluation data (or the named part of it) is there; else says so."""
    path = DATA.joinpath(*parts)
    if path.exists():
        return True
    print(f"  skipped: no evaluation data at {path} (set FACTCHECK_DATA to its folder)")
    return False


def machine() -> str:
    return f"Python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}"


class Section:
    """One section of BENCHMARKS.md, printed while it is measured and saved with ``save()``."""

    def __init__(self, name: str, title: str, command: str) -> None:
        self.name, self.title, self.command = name, title, command
        self.parts: list[str] = []
        print(title)
        print("=" * len(title))

    def note(self, text: str) -> None:
        """A paragraph (Markdown allowed)."""
        print(text)
        self.parts.append(text)

    def heading(self, text: str) -> None:
        print(f"\n{text}")
        self.parts.append(f"### {text}")

    def table(self, headers: list[str], rows: list[list]) -> None:
        cells = [[_cell(c) for c in row] for row in rows]
        widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
        print("  " + "  ".join(h.ljust(w) for h, w in zip(headers, widths)))
        for row in cells:
            print("  " + "  ".join(c.ljust(w) for c, w in zip(row, widths)))
        lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in cells]
        self.parts.append("\n".join(lines))

    def markdown(self) -> str:
        stamp = dt.date.today().isoformat()
        head = [f"## {self.title}", "", f"`{self.command}`, run {stamp} ({machine()}).", ""]
        return "\n".join(head) + "\n\n".join(self.parts) + "\n"

    def save(self) -> Path:
        RESULTS.mkdir(exist_ok=True)
        path = RESULTS / f"{self.name}.md"
        path.write_text(self.markdown(), encoding="utf-8")
        print(f"(saved {path.relative_to(ROOT)}; `python benchmarks/report.py` rebuilds BENCHMARKS.md)")
        return path


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def write_flag(argv: list[str] | None = None) -> bool:
    """``--write``: save the section for BENCHMARKS.md (off by default, so a trial run
    never changes a tracked file)."""
    args = sys.argv[1:] if argv is None else argv
    return "--write" in args
