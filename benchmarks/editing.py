"""What editing from the shell costs: Tab completion, finding the workspace from inside it,
`check PATH` as a pre-commit hook runs it, and `add`, each against a floor measured in the
same run.

    python benchmarks/editing.py            # print the figures (about 2 minutes)
    python benchmarks/editing.py --write    # ... and save them for BENCHMARKS.md
    python benchmarks/editing.py --quick    # 1,000 worksheets only, fewer runs

Floors: ``python -c "import typer, rich.console, rich.table"`` (what any rich-table CLI must
import) for start-up and completion; `check --dir` on the whole workspace (warm index) for
`check PATH`; `init --dry-run` of the article (the pipeline once) for `add`. Each command is
run alternately with its floor so a busy moment on the shared machine hits both alike; times
are medians.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Section, write_flag
from workspace import ENV, EXAMPLE, FACTCHECK, FLOOR_IMPORTS, build_workspace


def measure(cmd: list[str], runs: int = 1, cwd: Path | None = None, env: dict | None = None) -> dict:
    """Median wall (perf_counter) and CPU seconds (the child's rusage) over ``runs`` runs."""
    walls, cpus, peak = [], [], 0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, cwd=cwd, env={**ENV, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed")
        cpus.append(usage.ru_utime + usage.ru_stime)
        peak = max(peak, usage.ru_maxrss // 1024)
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus), "mib": peak}


def paired(
    cmd: list[str], floor: list[str], runs: int, cwd: Path | None = None, env: dict | None = None
) -> tuple[dict, dict]:
    got, base = [], []
    for _ in range(runs):
        base.append(measure(floor, cwd=cwd))
        got.append(measure(cmd, cwd=cwd, env=env))
    med = lambda ms: {k: statistics.median(m[k] for m in ms) for k in ("wall", "cpu", "mib")}  # noqa: E731
    return med(got), med(base)


def completion(line: str) -> dict:
    words = line.split()
    cword = len(words) if line.endswith(" ") else len(words) - 1
    return {"_FACTCHECK_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(cword)}


def row(name: str, got: dict, floor: dict, floor_name: str) -> list:
    return [
        name,
        f"{got['wall'] * 1000:.0f} ms",
        f"{floor_name} {floor['wall'] * 1000:.0f} ms",
        f"{got['wall'] / floor['wall']:.2f}x",
        f"{got['cpu'] / floor['cpu']:.2f}x",
    ]


def main() -> None:
    quick = "--quick" in sys.argv[1:]
    runs = 3 if quick else 7
    section = Section(
        "editing",
        "Editing from the shell: completion, discovery, check PATH, add",
        "python benchmarks/editing.py --write",
    )
    section.note(
        "Tab completion reads file names and `factcheck.toml` only, never a worksheet; the "
        "workspace is found by looking at the folders above the current one, as git does. "
        "Floors: the imports any rich-table CLI needs, `check` of the whole workspace (warm "
        "index), `init --dry-run` (the pipeline once)."
    )
    work = Path(tempfile.mkdtemp(prefix="fc-editing-"))
    try:
        sizes = {"22": 1, "1,012": 46} if quick else {"22": 1, "10,010": 455}
        roots = {}
        for label, articles in sizes.items():
            roots[label] = work / f"ws{articles}"
            build_workspace(roots[label], articles)
            measure([*FACTCHECK, "status", "--dir", str(roots[label])], 1)  # warm the bytecode and the index
        rows = []
        got, floor = paired([*FACTCHECK, "--help"], FLOOR_IMPORTS, runs)
        rows.append(row("`--help` (completion options on)", got, floor, "imports"))
        for label, root in roots.items():
            article = next(p for p in sorted(root.iterdir()) if (p / "article.toml").exists())
            for what, line in (
                ("statement ids", "factcheck show 1"),
                ("statuses", "factcheck status --status "),
                ("article slugs", "factcheck status --article "),
            ):
                got, floor = paired([*FACTCHECK], FLOOR_IMPORTS, runs, cwd=article, env=completion(line))
                rows.append(row(f"Tab: {what}, {label} worksheets", got, floor, "imports"))
            got, floor = paired(
                [*FACTCHECK, "status", "--summary"],
                [*FACTCHECK, "status", "--summary", "--dir", str(root)],
                runs,
                cwd=article / "versions" if (article / "versions").exists() else article,
            )
            rows.append(row(f"`status` found from an article folder, {label} worksheets", got, floor, "with --dir"))
            sheet = next(article.glob("10-*.toml"))
            got, floor = paired(
                [*FACTCHECK, "check", str(sheet), str(article / "article.txt")],
                [*FACTCHECK, "check", "--dir", str(root)],
                runs,
            )
            rows.append(row(f"`check PATH` (one worksheet), {label} worksheets", got, floor, "whole `check`"))
        section.table(["command", "wall", "floor", "wall ratio", "CPU ratio"], rows)
        root = work / "add"
        text = "Additional reporting by Christian Davies in London"
        adds = []
        floors = []
        for _ in range(runs):
            shutil.rmtree(root, ignore_errors=True)
            measure([*FACTCHECK, "init", str(EXAMPLE), "--dir", str(root)], 1)
            floors.append(measure([*FACTCHECK, "init", str(EXAMPLE), "--dir", str(root), "--dry-run"], 1))
            adds.append(measure([*FACTCHECK, "add", text, "--dir", str(root)], 1))
        med = lambda ms: {k: statistics.median(m[k] for m in ms) for k in ("wall", "cpu", "mib")}  # noqa: E731
        section.table(
            ["command", "wall", "floor", "wall ratio", "CPU ratio"],
            [row("`add` a sentence of the example", med(adds), med(floors), "`init --dry-run`")],
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if write_flag():
        section.save()


if __name__ == "__main__":
    main()
