"""How fast the workspace commands are, as ratios to floors measured in the same run.

    python benchmarks/workspace.py            # print the figures (about 3 minutes)
    python benchmarks/workspace.py --write    # ... and save them for BENCHMARKS.md
    python benchmarks/workspace.py --quick    # 1,000 worksheets only, fewer runs

Start-up: each reading command on the bundled example against the floor
``python -c "import typer, rich.console, rich.table"`` (what any rich-table CLI must import),
with bytecode cached as on a user's machine. Scale: workspaces of about 1,000 and 10,000
worksheets (copies of the example article's worksheets, one folder per article, with a mix of
statuses and verdicts), each command cold (no index yet), warm (index up to date) and with
--no-index, against the floor of reading and parsing every worksheet with ``tomllib``. Times
are medians of several runs; CPU time (user + system, from the child's rusage) is steadier
than wall time on a shared machine, so both are given. Peak memory is the child's max RSS.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, Section, write_flag

EXAMPLE = ROOT / "examples" / "us-accuses-north-korea-of-arming-wagner.txt"
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "FACTCHECK_DIR")}
FACTCHECK = [sys.executable, "-m", "factcheck"]
FLOOR_IMPORTS = [sys.executable, "-c", "import typer, rich.console, rich.table"]
PARSE_ALL = """
import sys, tomllib
from pathlib import Path
for p in Path(sys.argv[1]).glob("*/*.toml"):
    if p.name != "article.toml":
        tomllib.loads(p.read_bytes().decode("utf-8"))
"""


def measure(cmd: list[str], runs: int, cwd: Path | None = None) -> dict:
    """Median wall and CPU seconds over ``runs`` runs, and the largest peak RSS (MiB)."""
    walls, cpus, peak = [], [], 0
    for _ in range(runs):
        start = os.times().elapsed
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(os.times().elapsed - start)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode()
        proc.stderr.close()
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err}")
        cpus.append(usage.ru_utime + usage.ru_stime)
        peak = max(peak, usage.ru_maxrss // 1024)
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus), "mib": peak}


def instructions(cmd: list[str], cwd: Path | None = None) -> int | None:
    """Instructions the command executes, counted by valgrind (callgrind): the same count run
    after run, whatever else the machine is doing. None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
    )
    found = re.search(r"Collected : (\d+)", out.stderr)
    return int(found.group(1)) if found else None


def ratio(a: dict, b: dict, key: str) -> str:
    return f"{a[key] / b[key]:.2f}x"


# --------------------------------------------------------------------------------------------


def start_up(section: Section, runs: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="fc-startup-"))
    subprocess.run(
        [*FACTCHECK, "init", str(EXAMPLE), "--dir", str(work / "ws")], env=ENV, check=True, stdout=subprocess.DEVNULL
    )
    ws = ["--dir", str(work / "ws")]
    commands = {
        "`--help`": [*FACTCHECK, "--help"],
        "`status`": [*FACTCHECK, "status", *ws],
        "`status --json`": [*FACTCHECK, "status", "--json", *ws],
        "`show 10`": [*FACTCHECK, "show", "10", *ws],
        "`check`": [*FACTCHECK, "check", *ws],
    }
    for cmd in [FLOOR_IMPORTS, *commands.values()]:  # warm the bytecode cache and the index
        measure(cmd, 2)
    floor_count = instructions(FLOOR_IMPORTS)
    # interleave the floor with each command, so a busy moment hits both alike
    rows = []
    for name, cmd in commands.items():
        floor, got = [], []
        for _ in range(runs):
            floor.append(measure(FLOOR_IMPORTS, 1))
            got.append(measure(cmd, 1))
        f = {k: statistics.median(m[k] for m in floor) for k in ("wall", "cpu", "mib")}
        g = {k: statistics.median(m[k] for m in got) for k in ("wall", "cpu", "mib")}
        target = "1.2x" if "help" in name else "1.3x"
        counted = instructions(cmd)
        by_count = f"{counted / floor_count:.2f}x" if counted and floor_count else "-"
        rows.append(
            [
                name,
                by_count,
                ratio(g, f, "cpu"),
                ratio(g, f, "wall"),
                target,
                f"{g['wall'] * 1000:.0f} ms",
                f"{g['mib']} MiB",
            ]
        )
    section.heading(
        'Start-up on the example (22 worksheets), against `python -c "import typer, rich.console, rich.table"`'
    )
    section.table(["command", "instructions ratio", "CPU ratio", "wall ratio", "target", "wall", "peak RSS"], rows)
    if floor_count:
        section.note(
            f"The floor executes {floor_count / 1e6:.0f} million instructions (callgrind) and takes "
            f"{f['wall'] * 1000:.0f} ms of wall time here. Instruction counts repeat exactly; "
            "CPU and wall ratios are medians of interleaved runs on a shared machine."
        )
    shutil.rmtree(work)


def build_workspace(root: Path, articles: int) -> int:
    """``articles`` copies of the example's folder, with a deterministic mix of work done."""
    subprocess.run(
        [*FACTCHECK, "init", str(EXAMPLE), "--dir", str(root)], env=ENV, check=True, stdout=subprocess.DEVNULL
    )
    template = next(p for p in root.iterdir() if p.is_dir())
    rng = random.Random(7)
    sheets = sorted(template.glob("[0-9]*.toml"))
    texts = {p.name: p.read_text(encoding="utf-8") for p in sheets}
    for n in range(1, articles):
        folder = root / f"{n:04d}-{template.name[:40]}"
        folder.mkdir()
        for name in ("article.toml", "article.txt"):
            shutil.copy(template / name, folder / name)
        for name, text in texts.items():
            roll = rng.random()
            if roll < 0.2:
                text = text.replace('status = "unstarted"', 'status = "in-progress"').replace(
                    'assignee = ""', f'assignee = "{rng.choice(["ana", "ben", "chen"])}"'
                )
            elif roll < 0.3:
                text = re.sub(r'status = "unstarted"', 'status = "done"', text)
                text = text.replace('rating = ""', f'rating = "{rng.choice(["true", "false", "mixed"])}"')
                text += '\n[[sources]]\nurl = "https://example.org/source"\ntitle = "A source"\n'
            (folder / name).write_text(text, encoding="utf-8")
    # a team's worksheets were mostly written long ago: none is "racy" (just written)
    past = time.time() - 3600
    for path in root.rglob("*"):
        os.utime(path, (past, past))
    return sum(1 for _ in root.glob("*/[0-9]*.toml"))


def scale(section: Section, sizes: list[int], runs: int) -> None:
    rows = []
    for articles in sizes:
        work = Path(tempfile.mkdtemp(prefix="fc-scale-"))
        root = work / "ws"
        count = build_workspace(root, articles)
        ws = ["--dir", str(root)]
        floor = measure([sys.executable, "-c", PARSE_ALL, str(root)], runs)
        label = f"{count:,}"
        rows.append(
            [
                label,
                "floor: read + `tomllib` every worksheet",
                f"{floor['wall']:.2f} s",
                "1.00x",
                "1.00x",
                "",
                f"{floor['mib']} MiB",
            ]
        )
        for name, args, target in (
            ("`status --json`", ["status", "--json"], "< 0.5x"),
            ("`status`", ["status"], "<= 0.6x"),
            ("`check`", ["check"], ""),
        ):
            index = root / ".factcheck"
            shutil.rmtree(index, ignore_errors=True)
            cold = measure([*FACTCHECK, *args, *ws], 1)
            warm = measure([*FACTCHECK, *args, *ws], runs)
            bare = measure([*FACTCHECK, *args, "--no-index", *ws], max(1, runs // 2))
            for mode, m, t in (
                ("cold (builds the index)", cold, ""),
                ("warm", warm, target),
                ("`--no-index`", bare, ""),
            ):
                rows.append(
                    [
                        label,
                        f"{name} {mode}",
                        f"{m['wall']:.2f} s",
                        ratio(m, floor, "wall"),
                        ratio(m, floor, "cpu"),
                        t,
                        f"{m['mib']} MiB",
                    ]
                )
        # a hand edit: one worksheet re-read, the rest from the index
        sheet = next(root.glob("*/10-*.toml"))
        sheet.write_text(sheet.read_text(encoding="utf-8").replace('notes = ""', 'notes = "edited"'), encoding="utf-8")
        edited = measure([*FACTCHECK, "status", "--json", *ws], 1)
        rows.append(
            [
                label,
                "`status --json` after one hand edit",
                f"{edited['wall']:.2f} s",
                ratio(edited, floor, "wall"),
                ratio(edited, floor, "cpu"),
                "",
                f"{edited['mib']} MiB",
            ]
        )
        shutil.rmtree(work)
    section.heading("Scale: reading commands against the floor of parsing every worksheet")
    section.table(["worksheets", "command", "wall", "wall ratio", "CPU ratio", "target", "peak RSS"], rows)


def init_at_scale(section: Section) -> None:
    """`init` of the 1 MB article: the pipeline, the writes, and running it again with nothing
    new (first with the index still to build, then warm), against parsing every worksheet; and
    what each way of making a new worksheet durable costs on this disk."""
    import time

    from bench import one_mb_article

    from factcheck.extraction.statements import extract
    from factcheck.reading.article import Article
    from factcheck.workspace.init import apply_init, plan_init
    from factcheck.workspace.settings import Settings
    from factcheck.workspace.writes import write_all_new

    text, what = one_mb_article()
    work = Path(tempfile.mkdtemp(prefix="fc-init-"))
    root = work / "ws"
    article = Article(text=text, title="One megabyte", source="bench")
    start = time.perf_counter()
    extraction = extract(article)
    pipeline = time.perf_counter() - start
    plan = plan_init(root, article, extraction)
    written = apply_init(plan, Settings())
    first = time.perf_counter() - start
    past = time.time() - 3600  # written long ago: no entry is racy
    for path in root.rglob("*.toml"):
        os.utime(path, (past, past))
    reruns = []
    for _ in range(2):
        extracted = extract(article)  # outside the clock: timed alone above, it would be subtracted
        start = time.perf_counter()
        apply_init(plan_init(root, article, extracted), Settings())
        reruns.append(time.perf_counter() - start)
    start = time.perf_counter()
    import tomllib

    for path in root.glob("*/[0-9]*.toml"):
        tomllib.loads(path.read_bytes().decode("utf-8"))
    floor = time.perf_counter() - start
    section.heading(f"`init` at scale: the 1 MB article ({what})")
    section.table(
        ["step", "time", "against parsing every worksheet"],
        [
            ["the statement pipeline (`extract`)", f"{pipeline:.2f} s", ""],
            [
                f"writing {len(written):,} worksheets (plan, render, one sync, link)",
                f"{first - pipeline:.2f} s",
                f"{(first - pipeline) / floor:.2f}x",
            ],
            [
                "running it again, nothing new, index still to build (pipeline excluded)",
                f"{reruns[0]:.2f} s",
                f"{reruns[0] / floor:.2f}x",
            ],
            [
                "running it again, nothing new, index warm (pipeline excluded)",
                f"{reruns[1]:.2f} s",
                f"{reruns[1] / floor:.2f}x",
            ],
            ["floor: read and parse every worksheet with `tomllib`", f"{floor:.2f} s", "1.00x"],
        ],
    )
    contents = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(root.glob("*/[0-9]*.toml"))[:2000]]
    rows = []
    for label, write in (
        ("an fsync for each file (before)", _fsync_each),
        ("one sync for all (now)", write_all_new),
        ("no sync at all (not safe: the floor)", _no_sync),
    ):
        target = work / label.split()[0]
        target.mkdir()
        start = time.perf_counter()
        write([(target / name, content) for name, content in contents])
        rows.append([label, f"{time.perf_counter() - start:.2f} s"])
    section.table([f"making {len(contents):,} new worksheets durable", "time"], rows)
    shutil.rmtree(work)


def _fsync_each(files: list) -> None:
    from factcheck.workspace.writes import write_new

    for path, content in files:
        write_new(path, content)


def _no_sync(files: list) -> None:
    for path, content in files:
        tmp = path.with_name("." + path.name + ".tmp")
        tmp.write_text(content, encoding="utf-8")
        os.link(tmp, path)
        tmp.unlink()


def main() -> None:
    quick = "--quick" in sys.argv[1:]
    section = Section("workspace", "Workspace speed: start-up and scale", "python benchmarks/workspace.py --write")
    start_up(section, runs=3 if quick else 7)
    scale(section, [46] if quick else [46, 455], runs=2 if quick else 5)
    init_at_scale(section)
    section.note(
        "Ratios below 1 mean faster than the floor. The example workspace has 22 worksheets; "
        "46 and 455 article folders of it make 1,012 and 10,010."
    )
    if write_flag():
        section.save()


if __name__ == "__main__":
    main()
